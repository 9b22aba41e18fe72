// Feature: administration (FEATURES §7), three screens drawn by
// screens/admin.cpp, each shown only with its own permission:
//  - #/admin/users: search by name or email, confirmed / unconfirmed, 25 a
//    page; per user confirm, send a password reset, groups and permissions
//    (edited in place, saved at once), delete (asked once more);
//  - #/admin/modules: every module, searched and filtered by status, 25 a
//    page, each leading to its screen (and from there to the editor);
//  - #/admin/rerender: "Re-render all content" as a background job on the
//    server, its progress polled every second while it runs.
// Also a teacher's "Notify members" on a module or part (NotifyForm).
#pragma once

#include "app/profile.hpp"
#include "app/remote.hpp"
#include "app/route.hpp"
#include "wte/api.hpp"
#include "wte/api_admin.hpp"

#include <optional>
#include <set>
#include <string>

namespace wte::client {

class App;
struct AppState;

struct AdminUsers {
    Remote<api::Page<api::AdminUser>> list;
    std::string query, searched;
    api::UserFilter filter = api::UserFilter::all;
    int page = 1;
    Remote<api::GroupCatalogue> catalogue;

    Id editing = 0; // the user whose groups and permissions are open
    std::set<Id> edit_groups;
    std::set<std::string> edit_permissions;
    Id busy_user = 0;
    Id confirm_delete = 0;
    std::string notice; // "A reset link is on its way to ana@example.org."
    std::string error;
    int change_request = 0;
};

struct AdminModules {
    Remote<api::Page<api::AdminModule>> list;
    std::string query, searched;
    int status = 0; // 0 all, then available, unavailable, archived
    int page = 1;
};

struct AdminRerender {
    Remote<std::optional<api::RerenderJob>> job;
    bool starting = false;
    std::string error;
    double next_poll = 0; // unix seconds
    int start_request = 0;
};

struct AdminState {
    AdminUsers users;
    AdminModules modules;
    AdminRerender rerender;
};

struct AdminActions {
    bool search_users = false;
    std::optional<api::UserFilter> user_filter;
    std::optional<int> user_page;
    std::optional<Id> confirm_user;
    std::optional<Id> send_reset;
    std::optional<Id> edit_permissions; // 0: close the editor
    std::optional<Id> toggle_group;
    std::optional<std::string> toggle_permission;
    bool save_permissions = false;
    std::optional<Id> ask_delete; // 0: never mind
    std::optional<Id> delete_user;
    bool search_modules = false;
    std::optional<int> module_status;
    std::optional<int> module_page;
    bool start_rerender = false;
    bool any() const {
        return search_users || user_filter || user_page || confirm_user || send_reset ||
               edit_permissions || toggle_group || toggle_permission || save_permissions ||
               ask_delete || delete_user || search_modules || module_status || module_page ||
               start_rerender;
    }
};

// A teacher's mail to every member of a module, about one part.
struct NotifyForm {
    Id part_id = 0; // the form is open on this part's screen
    std::string message;
    FormState form;
};

struct NotifyActions {
    std::optional<Id> open; // 0: close
    bool send = false;
    bool any() const { return open || send; }
};

namespace admin {
void load_users(App& app);
void load_modules(App& app);
void load_rerender(App& app);
void apply(App& app, AdminActions& a);
// Polls the re-render job while it runs and its screen is shown.
void tick(App& app);
// The first administration screen the user may see.
Route first_route(const AppState& s);
// "?page=2&q=ana&filter=unconfirmed" for the users list as asked for.
std::string users_query(const AdminUsers& u);
std::string modules_query(const AdminModules& m);
} // namespace admin

namespace notify {
void apply(App& app, NotifyActions& a);
} // namespace notify

} // namespace wte::client
