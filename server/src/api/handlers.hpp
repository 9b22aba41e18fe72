// Every HTTP handler of wte-server, listed once; routes.cpp binds them to
// paths. Each handler: parse → check permission → call the store → serialise.
#pragma once

#include "http/router.hpp"

namespace wte::api_handlers {

using http::Context;
using http::Response;

Response health(Context&);

Response login(Context&);
Response logout(Context&);
Response me(Context&);
// Accounts by mail (accounts.cpp): registration, confirmation, forgotten passwords.
Response register_account(Context&);
Response resend_confirmation(Context&);
Response confirm_account(Context&);
Response forgot_password(Context&);
Response reset_password(Context&);
// A new reset link for `user` (the older one stops working), into the outbox;
// inside the caller's transaction.
void queue_password_reset(Context& ctx, const User& user, std::int64_t now);

// A person's account (users.cpp): profile for oneself, the same for admins.
Response get_user(Context&);
Response patch_user(Context&);
Response delete_user(Context&);
Response confirm_email_change(Context&);

// A new session for `user` (cookie + the body of login); the answer of
// login, of a confirmation and of a password reset.
Response signed_in_as(Context& ctx, const User& user);
// The Set-Cookie value of the session cookie; an empty value with max_age 0 clears it.
std::string session_cookie(const http::Context& ctx, const std::string& value,
                           std::int64_t max_age);

Response public_modules(Context&);
Response my_modules(Context&);

Response get_part(Context&);
Response create_part(Context&);
Response patch_part(Context&);
Response delete_part(Context&);
Response delete_impact(Context&);
Response put_access(Context&);
Response enrol(Context&);
Response leave(Context&);

Response list_assets(Context&);
Response upload_asset(Context&);
Response get_asset(Context&);
Response asset_content(Context&);
Response asset_by_name(Context&);
Response patch_asset(Context&);
Response replace_asset_content(Context&);
Response delete_asset(Context&);

Response quizzes(Context&);
Response my_quiz_answers(Context&);
Response answer_quiz(Context&);

Response get_progress(Context&);
Response report_time(Context&);

Response get_workspace(Context&);
Response get_workspace_file(Context&);
Response put_workspace_file(Context&);
Response reset_workspace_files(Context&);
Response workspace_zip(Context&);
Response revoke_preview_token(Context&);
Response offline_copy(Context&); // offline.cpp: the static website of a node
Response preview_file(Context&);

Response list_timed_tasks(Context&);
Response create_timed_task(Context&);
Response patch_timed_task(Context&);
Response delete_timed_task(Context&);

Response list_members(Context&);
Response add_member(Context&);
Response patch_member(Context&);
Response remove_member(Context&);
Response part_stats(Context&);
Response notify_members(Context&); // notify.cpp

// ZIPs in the original WTE's format (transfer.cpp).
Response export_part(Context&);
Response import_zip(Context&);

// Administration (admin.cpp): users, their permissions, modules, re-render.
Response list_users(Context&);
Response admin_groups(Context&);
Response put_user_permissions(Context&);
Response send_password_reset(Context&);
Response admin_modules(Context&);
Response rerender_status(Context&);
Response start_rerender(Context&);

} // namespace wte::api_handlers
