// Every HTTP route of wte-server: method, path, handler, who may call it
// (anyone, signed_in or permission(wte::permission::…)), enforced by the
// router before the handler runs. Rights on a particular part (view, edit)
// depend on the part and are checked by the handler. server/API.md documents
// the routes; keep the two in step.
#include "api/handlers.hpp"

namespace wte::http {

using namespace wte::api_handlers;

const std::vector<Route>& route_table() {
    static const std::vector<Route> routes = {
        {"GET", "/api/v1/health", health, anyone},

        {"POST", "/api/v1/auth/login", login, anyone, false},
        {"POST", "/api/v1/auth/logout", logout, signed_in},
        {"GET", "/api/v1/auth/me", me, signed_in},
        {"POST", "/api/v1/auth/register", register_account, anyone, false},
        {"POST", "/api/v1/auth/resend", resend_confirmation, anyone, false},
        {"POST", "/api/v1/auth/confirm", confirm_account, anyone, false},
        {"POST", "/api/v1/auth/forgot", forgot_password, anyone, false},
        {"POST", "/api/v1/auth/confirm-email", confirm_email_change, anyone, false},
        {"POST", "/api/v1/auth/reset", reset_password, anyone, false},

        {"GET", "/api/v1/users", list_users, permission(wte::permission::users_view)},
        {"GET", "/api/v1/users/{id}", get_user, signed_in},
        {"PATCH", "/api/v1/users/{id}", patch_user, signed_in},
        {"DELETE", "/api/v1/users/{id}", delete_user, signed_in},
        {"PUT", "/api/v1/users/{id}/permissions", put_user_permissions,
         permission(wte::permission::users_permissions)},
        {"POST", "/api/v1/users/{id}/password-reset", send_password_reset,
         permission(wte::permission::users_edit)},

        // admin.users.view or admin.users.permissions: checked by the handler.
        {"GET", "/api/v1/admin/groups", admin_groups, signed_in},
        {"GET", "/api/v1/admin/modules", admin_modules, permission(wte::permission::modules_view)},
        {"GET", "/api/v1/admin/rerender", rerender_status, permission(wte::permission::admin)},
        {"POST", "/api/v1/admin/rerender", start_rerender, permission(wte::permission::admin)},

        {"GET", "/api/v1/modules", public_modules, anyone},
        {"GET", "/api/v1/modules/mine", my_modules, signed_in},

        {"POST", "/api/v1/parts", create_part, signed_in},
        {"GET", "/api/v1/parts/{id}", get_part, signed_in},
        {"PATCH", "/api/v1/parts/{id}", patch_part, signed_in},
        {"DELETE", "/api/v1/parts/{id}", delete_part, signed_in},
        {"GET", "/api/v1/parts/{id}/delete-impact", delete_impact, signed_in},
        {"PUT", "/api/v1/parts/{id}/access", put_access, signed_in},
        {"POST", "/api/v1/parts/{id}/enrol", enrol, signed_in},
        {"DELETE", "/api/v1/parts/{id}/enrol", leave, signed_in},

        {"GET", "/api/v1/parts/{id}/assets", list_assets, signed_in},
        {"POST", "/api/v1/parts/{id}/assets", upload_asset, signed_in},
        {"GET", "/api/v1/parts/{id}/assets/by-name/{name}", asset_by_name, signed_in},
        {"GET", "/api/v1/assets/{id}", get_asset, signed_in},
        {"PATCH", "/api/v1/assets/{id}", patch_asset, signed_in},
        {"DELETE", "/api/v1/assets/{id}", delete_asset, signed_in},
        {"GET", "/api/v1/assets/{id}/content", asset_content, signed_in},
        {"PUT", "/api/v1/assets/{id}/content", replace_asset_content, signed_in},

        {"GET", "/api/v1/parts/{id}/offline.zip", offline_copy, signed_in},

        {"GET", "/api/v1/parts/{id}/quizzes", quizzes, signed_in},
        {"GET", "/api/v1/parts/{id}/quiz-answers", my_quiz_answers, signed_in},
        {"POST", "/api/v1/parts/{id}/quiz-answers", answer_quiz, signed_in},

        {"GET", "/api/v1/parts/{id}/progress", get_progress, signed_in},
        {"POST", "/api/v1/parts/{id}/progress/time", report_time, signed_in},

        {"GET", "/api/v1/parts/{id}/workspace", get_workspace, signed_in},
        {"GET", "/api/v1/parts/{id}/files.zip", workspace_zip, signed_in},
        {"POST", "/api/v1/parts/{id}/files/reset", reset_workspace_files, signed_in},
        {"GET", "/api/v1/parts/{id}/files/{filename*}", get_workspace_file, signed_in},
        {"PUT", "/api/v1/parts/{id}/files/{filename*}", put_workspace_file, signed_in},
        {"DELETE", "/api/v1/parts/{id}/preview-token", revoke_preview_token, signed_in},
        // The preview frame's capability URLs: no session, its own headers on every answer.
        {"*", "/api/v1/preview/{rest*}", preview_file, anyone, false},

        {"GET", "/api/v1/parts/{id}/timed-tasks", list_timed_tasks, signed_in},
        {"POST", "/api/v1/parts/{id}/timed-tasks", create_timed_task, signed_in},
        {"PATCH", "/api/v1/timed-tasks/{id}", patch_timed_task, signed_in},
        {"DELETE", "/api/v1/timed-tasks/{id}", delete_timed_task, signed_in},

        {"GET", "/api/v1/parts/{id}/users", list_members, signed_in},
        {"POST", "/api/v1/parts/{id}/users", add_member, signed_in},
        {"PATCH", "/api/v1/parts/{id}/users/{user_id}", patch_member, signed_in},
        {"DELETE", "/api/v1/parts/{id}/users/{user_id}", remove_member, signed_in},
        {"GET", "/api/v1/parts/{id}/stats", part_stats, signed_in},
        {"POST", "/api/v1/parts/{id}/notify", notify_members, signed_in},

        {"GET", "/api/v1/parts/{id}/export", export_part, signed_in},
        // Top level needs modules.create, into a node its edit right: checked by the handler.
        {"POST", "/api/v1/import", import_zip, signed_in},
    };
    return routes;
}

} // namespace wte::http
