// The API contract of administration and of notifying members: paths, JSON
// forms, and the strict readers of the requests.
#include "wte/api_admin.hpp"

#include "request_checks.hpp"
#include "wte/api.hpp"
#include "wte/permissions.hpp"

#include <algorithm>

namespace wte::api {

namespace {

using checks::only_fields;
using checks::require_object;

const json& require_array(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        throw BadInput(key, std::string("Field '") + key + "' is required: a list");
    return *it;
}

} // namespace

std::string path_users() {
    return std::string(prefix) + "/users";
}
std::string path_user_permissions(Id id) {
    return path_user(id) + "/permissions";
}
std::string path_user_password_reset(Id id) {
    return path_user(id) + "/password-reset";
}
std::string path_admin_groups() {
    return std::string(prefix) + "/admin/groups";
}
std::string path_admin_modules() {
    return std::string(prefix) + "/admin/modules";
}
std::string path_admin_rerender() {
    return std::string(prefix) + "/admin/rerender";
}
std::string path_part_notify(Id part_id) {
    return path_part(part_id) + "/notify";
}

std::optional<UserFilter> parse_user_filter(const std::string& s) {
    if (s.empty() || s == "all") return UserFilter::all;
    if (s == "confirmed") return UserFilter::confirmed;
    if (s == "unconfirmed") return UserFilter::unconfirmed;
    return std::nullopt;
}

void to_json(json& j, const GroupRef& g) {
    j = {{"id", g.id}, {"title", g.title}};
}
void from_json(const json& j, GroupRef& g) {
    g.id = j.at("id").get<Id>();
    g.title = j.value("title", "");
}

void to_json(json& j, const AdminUser& u) {
    j = {{"id", u.id},
         {"name", u.name},
         {"email", u.email},
         {"confirmed", u.confirmed},
         {"groups", u.groups},
         {"permissions", u.permissions},
         {"created_at", u.created_at}};
}
void from_json(const json& j, AdminUser& u) {
    u.id = j.at("id").get<Id>();
    u.name = j.value("name", "");
    u.email = j.value("email", "");
    u.confirmed = j.value("confirmed", false);
    u.groups = j.value("groups", std::vector<GroupRef>{});
    u.permissions = j.value("permissions", std::vector<std::string>{});
    u.created_at = j.value("created_at", "");
}

json to_json(const PermissionsChange& c) {
    return {{"groups", c.groups}, {"permissions", c.permissions}};
}
PermissionsChange parse_permissions_change(const json& j) {
    require_object(j);
    only_fields(j, {"groups", "permissions"});
    PermissionsChange c;
    for (const auto& g : require_array(j, "groups")) {
        if (!g.is_number_integer())
            throw BadInput("groups", "Field 'groups' must list group ids (numbers)");
        c.groups.push_back(g.get<Id>());
    }
    const auto& known = all_permissions();
    for (const auto& p : require_array(j, "permissions")) {
        if (!p.is_string())
            throw BadInput("permissions", "Field 'permissions' must list permission names");
        const auto name = p.get<std::string>();
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw BadInput("permissions", "There is no permission called '" + name + "'");
        c.permissions.push_back(name);
    }
    std::sort(c.groups.begin(), c.groups.end());
    c.groups.erase(std::unique(c.groups.begin(), c.groups.end()), c.groups.end());
    std::sort(c.permissions.begin(), c.permissions.end());
    c.permissions.erase(std::unique(c.permissions.begin(), c.permissions.end()),
                        c.permissions.end());
    return c;
}

void to_json(json& j, const AdminModule& m) {
    j = {{"id", m.id},         {"title", m.title},     {"status", m.status},
         {"owners", m.owners}, {"members", m.members}, {"updated_at", m.updated_at}};
}
void from_json(const json& j, AdminModule& m) {
    m.id = j.at("id").get<Id>();
    m.title = j.value("title", "");
    m.status = parse_status(j.value("status", "unavailable")).value_or(Status::unavailable);
    m.owners = j.value("owners", std::vector<std::string>{});
    m.members = j.value("members", 0);
    m.updated_at = j.value("updated_at", "");
}

void to_json(json& j, const RerenderProblem& p) {
    j = {{"part_id", p.part_id},
         {"title", p.title},
         {"module_title", p.module_title},
         {"messages", p.messages}};
}
void from_json(const json& j, RerenderProblem& p) {
    p.part_id = j.at("part_id").get<Id>();
    p.title = j.value("title", "");
    p.module_title = j.value("module_title", "");
    p.messages = j.value("messages", std::vector<std::string>{});
}

void to_json(json& j, const RerenderJob& r) {
    j = {{"id", r.id},
         {"state", r.state},
         {"done", r.done},
         {"total", r.total},
         {"problems", r.problems},
         {"started_at", r.started_at},
         {"finished_at", r.finished_at ? json(*r.finished_at) : json(nullptr)}};
    if (r.error) j["error"] = *r.error;
}
void from_json(const json& j, RerenderJob& r) {
    r.id = j.at("id").get<Id>();
    r.state = j.value("state", "");
    r.done = j.value("done", 0);
    r.total = j.value("total", 0);
    r.problems = j.value("problems", std::vector<RerenderProblem>{});
    r.started_at = j.value("started_at", "");
    r.finished_at.reset();
    if (auto it = j.find("finished_at"); it != j.end() && it->is_string())
        r.finished_at = it->get<std::string>();
    r.error.reset();
    if (auto it = j.find("error"); it != j.end() && it->is_string())
        r.error = it->get<std::string>();
}

json to_json(const NotifyRequest& r) {
    return {{"message", r.message}};
}
NotifyRequest parse_notify(const json& j) {
    if (j.is_null()) return {};
    require_object(j);
    only_fields(j, {"message"});
    NotifyRequest r;
    if (auto it = j.find("message"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) throw BadInput("message", "Field 'message' must be text");
        r.message = it->get<std::string>();
        if (r.message.size() > max_notify_message_length)
            throw BadInput("message", "The message is longer than " +
                                          std::to_string(max_notify_message_length) +
                                          " characters");
    }
    return r;
}

GroupCatalogue parse_group_catalogue(const json& j) {
    GroupCatalogue c;
    c.groups = j.at("groups").get<std::vector<Group>>();
    c.permissions = j.value("permissions", std::vector<std::string>{});
    return c;
}

std::optional<RerenderJob> parse_rerender_answer(const json& j) {
    auto it = j.find("job");
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<RerenderJob>();
}

} // namespace wte::api
