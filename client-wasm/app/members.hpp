// Feature: the "Members" screen of a module (#/parts/N/users, drawn by
// screens/members.cpp) for its owners: the list searched, filtered by role
// and paged 30 at a time, adding an existing user by email with a role,
// changing a role, blocking and unblocking, removing with confirmation.
// Every change reloads the page of the list on screen; errors are the
// server's own words.
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <optional>
#include <string>
#include <utility>

namespace wte::client {

class App;
struct AppState;

// The choices of the role filter, in the order the screen shows them.
enum class MemberFilter { all, owner, tutor, student, blocked };

struct MembersScreen {
    Id part_id = 0; // the route's node (a module, or a part or page of it)
    Remote<api::Page<api::Member>> list;
    std::string query;    // the search box as typed
    std::string searched; // the query of the list asked for
    MemberFilter filter = MemberFilter::all;
    int page = 1;

    std::string add_email;
    ModuleRole add_role = ModuleRole::student;
    bool add_busy = false;
    std::string add_error;
    std::string notice; // "Ana was added as a student."
    int add_request = 0;

    Id busy_user = 0;      // a change of this member is on its way
    Id confirm_remove = 0; // the member whose removal awaits "Remove" once more
    std::string error;     // a refused change (the last owner, ...)
    int change_request = 0;
};

struct MembersActions {
    bool search = false; // the typed query, from page 1
    std::optional<MemberFilter> filter;
    std::optional<int> page;
    bool add = false;
    std::optional<std::pair<Id, ModuleRole>> set_role;
    std::optional<std::pair<Id, bool>> set_blocked;
    std::optional<Id> ask_remove; // 0: never mind
    std::optional<Id> remove;
    bool any() const {
        return search || filter || page || add || set_role || set_blocked || ask_remove || remove;
    }
};

namespace members {
// Entering #/parts/N/users: the first page of everyone, and the node's title.
void load(App& app, Id part_id);
void apply(App& app, MembersActions& a);
// The module's title for the screen, "" until known.
std::string module_title(const AppState& s);
// "?page=2&q=ana&role=tutor" for the list as the screen asks for it.
std::string list_query(const MembersScreen& m);
} // namespace members

} // namespace wte::client
