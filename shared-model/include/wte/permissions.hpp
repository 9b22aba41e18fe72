// Who may do what (FEATURES §2), as pure functions. The server enforces
// these; the client calls the same functions to hide actions a user cannot
// take. Inputs are plain facts the caller has already looked up.
#pragma once

#include "wte/domain.hpp"

#include <set>
#include <string>
#include <vector>

namespace wte {

namespace permission {
inline constexpr const char* admin = "admin"; // implies every other permission
inline constexpr const char* users_view = "admin.users.view";
inline constexpr const char* users_edit = "admin.users.edit";
inline constexpr const char* users_delete = "admin.users.delete";
inline constexpr const char* users_permissions = "admin.users.permissions";
inline constexpr const char* modules_create = "modules.create";
inline constexpr const char* modules_view = "admin.modules.view";
inline constexpr const char* modules_edit = "admin.modules.edit";
inline constexpr const char* modules_delete = "admin.modules.delete";
} // namespace permission

const std::vector<std::string>& all_permissions();
// What a permission lets one do, in words for the administrator's screen
// ("See every user"); the name itself for one not known here.
std::string describe_permission(const std::string& permission);

// The permission groups that init-db creates.
struct GroupTemplate {
    std::string title;
    std::vector<std::string> permissions;
};
const std::vector<GroupTemplate>& default_groups();

// The caller: signed in or not, with its effective permissions
// (direct ∪ groups).
struct Actor {
    std::optional<Id> user_id;
    std::set<std::string> permissions;
    bool signed_in() const { return user_id.has_value(); }
    bool has(const std::string& permission) const;
};

// Facts about one node of the tree, as seen by one actor.
struct NodeFacts {
    ModuleRole role = ModuleRole::none; // the actor's role on the node's module
    PartType type = PartType::page;
    Status module_status = Status::unavailable;
    // Statuses from the module down to the node itself (module first).
    std::vector<Status> chain;
};

bool can_view(const Actor& actor, const NodeFacts& node);
bool can_edit(const Actor& actor, const NodeFacts& node);
bool can_delete(const Actor& actor, const NodeFacts& node);
bool can_manage_users(const Actor& actor, const NodeFacts& node);
// A part's statistics: its module's owners and tutors, or admin.modules.view.
bool can_view_stats(const Actor& actor, const NodeFacts& node);
bool can_create_module(const Actor& actor);
// Administration (FEATURES §7), each permission on its own: the users list,
// their groups and permissions, every module, re-rendering all content.
bool can_list_users(const Actor& actor);
bool can_edit_users(const Actor& actor);
bool can_delete_users(const Actor& actor);
bool can_set_permissions(const Actor& actor);
bool can_list_all_modules(const Actor& actor);
bool can_rerender(const Actor& actor);
// Whether the Administration screen has anything for the actor.
bool can_administer(const Actor& actor);
Capabilities capabilities(const Actor& actor, const NodeFacts& node);

// Whether a user may take a module, and why not.
enum class EnrolDecision {
    allowed,
    not_signed_in,
    blocked,
    already_member,
    module_not_open,
    password_required,
    wrong_password,
    email_domain_refused,
};
struct EnrolFacts {
    ModuleRole role = ModuleRole::none;
    Status module_status = Status::unavailable;
    bool module_has_password = false;
    bool password_given = false;
    bool password_matches = false;
    std::vector<std::string> email_domains; // empty: any
    std::string user_email;
};
EnrolDecision decide_enrol(const Actor& actor, const EnrolFacts& facts);
std::string explain(EnrolDecision decision);

// "user@Example.ORG" matches domain "example.org" (case-insensitive, exact).
bool email_in_domains(const std::string& email, const std::vector<std::string>& domains);

} // namespace wte
