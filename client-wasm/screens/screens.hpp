// One function per screen, each in its own file: it reads AppState, draws
// with the widgets, and records what the user asked for in Actions.
#pragma once

#include "app/actions.hpp"
#include "app/app_state.hpp"

#include <imgui.h>

#include <string>

namespace wte::client {

// The whole window: top bar, then the screen named by `screen` (drawn by
// its registry entry, app/registry.hpp).
void draw_app(AppState& state, Actions& actions, const std::string& screen);

void draw_signin(AppState& state, Actions& actions);
void draw_brand(); // the product's mark and name, above sign-in and account forms
void draw_register(AppState& state, Actions& actions);
void draw_forgot(AppState& state, Actions& actions);
void draw_choose_password(AppState& state, Actions& actions); // #/confirm/…, #/reset/…
void draw_modules(AppState& state, Actions& actions);
void draw_my_modules(AppState& state, Actions& actions);
void draw_module(AppState& state, Actions& actions);
void draw_part(AppState& state, Actions& actions);
void draw_page(AppState& state, Actions& actions);
// A page of a three-pane part: lesson, the learner's files, the preview.
void draw_workspace(AppState& state, Actions& actions);
// #/parts/N: the module, part or page screen, or its loading / error view.
void draw_part_route(AppState& state, Actions& actions);
// #/parts/N/users: the members of the module (owners); #/parts/N/stats: statistics.
void draw_members(AppState& state, Actions& actions);
void draw_stats(AppState& state, Actions& actions);
// On the module and part screens: "Members" and "Statistics" for those who may.
void draw_teacher_links(const AppState& state, Actions& actions);

// #/parts/N/edit: the teacher's reST editor with its live preview; its tab
// title ("• Editing …" while there is unsaved text).
void draw_content_editor(AppState& state, Actions& actions);
std::string content_editor_title(const AppState& state);
// "Edit content" on a module, part or page screen, for those who may edit it.
void draw_edit_content_button(const PartView& view, Actions& actions);

// #/profile: the user's own account; #/confirm-email/TOKEN: a new address's link.
void draw_profile(AppState& state, Actions& actions);
void draw_confirm_email(AppState& state, Actions& actions);
// #/admin/users, #/admin/modules, #/admin/rerender (screens/admin.cpp).
void draw_admin_users(AppState& state, Actions& actions);
void draw_admin_modules(AppState& state, Actions& actions);
void draw_admin_rerender(AppState& state, Actions& actions);
// Export, offline copy and import on the node screens; "Import a module…"
// beside "New module" (screens/transfer.cpp).
void draw_transfer_tools(AppState& state, Actions& actions);
void draw_import_module(AppState& state, Actions& actions);
// "Notify members" on a module or part screen, for those who may edit it.
void draw_notify(AppState& state, Actions& actions);

// Shared by the part screens: the teacher's "Timed actions" panel (nothing
// for readers who may not edit) and the marks of a node's own state.
void draw_timed_actions(AppState& state, Actions& actions);
void draw_part_marks(const PartView& view);
inline const char* upcoming_mark(bool pending) {
    return pending ? "upcoming timed action" : "";
}

// The teacher's controls on the tree (screens/tree_edit.cpp), nothing for
// those the rules do not allow: "Edit" / "Delete" of the node on screen with
// their dialogs; its children as rows to drag or arrange, with "Add part" /
// "Add page"; "New module" on the module lists.
void draw_node_tools(AppState& state, Actions& actions);
void draw_editable_children(AppState& state, Actions& actions);
void draw_new_module(AppState& state, Actions& actions);

// #/parts/N/files: the assets and templates of a part (screens/part_files.cpp),
// and the "Files" button that leads there (for editors only).
void draw_part_files(AppState& state, Actions& actions);
void draw_files_button(AppState& state, Actions& actions);

// The help beside the screen, `width` device px wide (screens/help.cpp).
void draw_help_panel(AppState& state, Actions& actions, float width);

// Shared by the part screens: "Modules › Module › Part" from the ancestors.
void draw_part_breadcrumb(const AppState& state, Actions& actions);

// The content of the module, part or page on screen, rendered from its
// reStructuredText (a leading section title equal to `title` is not repeated).
void draw_page_content(AppState& state, const std::string& content, const std::string& title);

// The live preview of the learner's page (state.preview, app/preview.hpp)
// in the current window, `size` device pixels from the cursor: header,
// the sandboxed frame or the paused banner, the page's console.
void draw_preview_pane(AppState& state, Actions& actions, ImVec2 size);

} // namespace wte::client
