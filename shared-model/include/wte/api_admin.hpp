// The REST API contract of administration (FEATURES §7) and of notifying a
// module's members: paths, the objects the admin screens list, and the strict
// readers of the requests that change something.
#pragma once

#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::api {

inline constexpr int admin_page_size = 25;

std::string path_users();                    // GET: the administrators' user list
std::string path_user_permissions(Id id);    // PUT: groups and direct permissions
std::string path_user_password_reset(Id id); // POST: mail a reset link
std::string path_admin_groups();             // GET: groups and every permission
std::string path_admin_modules();            // GET: every module
std::string path_admin_rerender();           // GET: the latest job; POST: start one
std::string path_part_notify(Id part_id);    // POST: mail the module's members

// ?filter= of the user list.
enum class UserFilter { all, confirmed, unconfirmed };
std::optional<UserFilter> parse_user_filter(const std::string& s);

struct GroupRef {
    Id id = 0;
    std::string title;
    bool operator==(const GroupRef&) const = default;
};
void to_json(json& j, const GroupRef& g);
void from_json(const json& j, GroupRef& g);

// A user as administrators see them; `permissions` are the direct ones (the
// groups bring the others).
struct AdminUser {
    Id id = 0;
    std::string name;
    std::string email;
    bool confirmed = false;
    std::vector<GroupRef> groups;
    std::vector<std::string> permissions;
    std::string created_at; // ISO 8601 UTC
    bool operator==(const AdminUser&) const = default;
};
void to_json(json& j, const AdminUser& u);
void from_json(const json& j, AdminUser& u);

// The admin lists are api::Page<T> ({"items", "total", "page", "per_page"}),
// admin_page_size a page.

// GET /admin/groups: the groups with their permissions, and every permission
// there is (the administrator's checkboxes).
struct GroupCatalogue {
    std::vector<Group> groups;
    std::vector<std::string> permissions;
    bool operator==(const GroupCatalogue&) const = default;
};
GroupCatalogue parse_group_catalogue(const json& j);

// PUT /users/{id}/permissions: both sets, replaced together.
struct PermissionsChange {
    std::vector<Id> groups;
    std::vector<std::string> permissions;
    bool operator==(const PermissionsChange&) const = default;
};
json to_json(const PermissionsChange& c);
// Strict: both lists required; permissions are checked against all_permissions().
PermissionsChange parse_permissions_change(const json& j);

// A module in the administrators' content list. `members`: everyone with a
// role in it other than blocked (owners too).
struct AdminModule {
    Id id = 0;
    std::string title;
    Status status = Status::unavailable;
    std::vector<std::string> owners; // names, alphabetical
    int members = 0;
    std::string updated_at; // ISO 8601 UTC
    bool operator==(const AdminModule&) const = default;
};
void to_json(json& j, const AdminModule& m);
void from_json(const json& j, AdminModule& m);

// A page (or part, or module front page) whose content the parser reported
// problems in, with the messages ("line 3: …").
struct RerenderProblem {
    Id part_id = 0;
    std::string title;
    std::string module_title;
    std::vector<std::string> messages;
    bool operator==(const RerenderProblem&) const = default;
};
void to_json(json& j, const RerenderProblem& p);
void from_json(const json& j, RerenderProblem& p);

// "Re-render all content": state running, done or failed; done of total nodes.
struct RerenderJob {
    Id id = 0;
    std::string state;
    int done = 0;
    int total = 0;
    std::vector<RerenderProblem> problems;
    std::string started_at;
    std::optional<std::string> finished_at;
    std::optional<std::string> error; // why it failed
    bool operator==(const RerenderJob&) const = default;
};
void to_json(json& j, const RerenderJob& r);
void from_json(const json& j, RerenderJob& r);
inline bool running(const RerenderJob& r) {
    return r.state == "running";
}
// The answer of GET and POST /admin/rerender: {"job": null} or {"job": {...}}.
std::optional<RerenderJob> parse_rerender_answer(const json& j);

// POST /parts/{id}/notify: an optional message for the mail.
struct NotifyRequest {
    std::string message;
    bool operator==(const NotifyRequest&) const = default;
};
inline constexpr std::size_t max_notify_message_length = 5000;
json to_json(const NotifyRequest& r);
NotifyRequest parse_notify(const json& j); // BadInput naming the field

} // namespace wte::api
