#include "wte/permissions.hpp"

#include <algorithm>
#include <cctype>

namespace wte {

const std::vector<std::string>& all_permissions() {
    static const std::vector<std::string> all = {
        permission::admin,        permission::users_view,        permission::users_edit,
        permission::users_delete, permission::users_permissions, permission::modules_create,
        permission::modules_view, permission::modules_edit,      permission::modules_delete};
    return all;
}

const std::vector<GroupTemplate>& default_groups() {
    static const std::vector<GroupTemplate> groups = {
        {"User Administration",
         {permission::users_view, permission::users_edit, permission::users_delete,
          permission::users_permissions}},
        {"Content Administration",
         {permission::modules_view, permission::modules_edit, permission::modules_delete}},
        {"Teacher", {permission::modules_create}},
        {"Student", {}},
    };
    return groups;
}

std::string describe_permission(const std::string& p) {
    if (p == permission::admin) return "Everything (administrator)";
    if (p == permission::users_view) return "See every user";
    if (p == permission::users_edit) return "Confirm users and send them reset links";
    if (p == permission::users_delete) return "Delete users";
    if (p == permission::users_permissions) return "Give groups and permissions";
    if (p == permission::modules_create) return "Create modules";
    if (p == permission::modules_view) return "See every module";
    if (p == permission::modules_edit) return "Edit every module";
    if (p == permission::modules_delete) return "Delete every module";
    return p;
}

bool Actor::has(const std::string& p) const {
    return permissions.count(permission::admin) > 0 || permissions.count(p) > 0;
}

namespace {
bool all_available(const std::vector<Status>& chain) {
    return std::all_of(chain.begin(), chain.end(), [](Status s) { return s == Status::available; });
}
} // namespace

bool can_view(const Actor& actor, const NodeFacts& node) {
    if (!actor.signed_in()) return false;
    if (actor.has(permission::modules_view)) return true;
    if (node.role == ModuleRole::block) return false;
    if (node.role == ModuleRole::owner || node.role == ModuleRole::tutor) return true;
    if (node.chain.empty()) return false;
    if (node.module_status == Status::archived) {
        // An archived module stays readable for its learners, as it was.
        return node.role == ModuleRole::student &&
               std::all_of(node.chain.begin() + 1, node.chain.end(),
                           [](Status s) { return s == Status::available; });
    }
    if (!all_available(node.chain)) return false;
    // Anyone signed in may see an available module's front page to decide
    // whether to take it; the rest is for its students.
    if (node.type == PartType::module) return true;
    return node.role == ModuleRole::student;
}

bool can_edit(const Actor& actor, const NodeFacts& node) {
    if (!actor.signed_in()) return false;
    return actor.has(permission::modules_edit) || node.role == ModuleRole::owner;
}

bool can_delete(const Actor& actor, const NodeFacts& node) {
    if (!actor.signed_in()) return false;
    return actor.has(permission::modules_delete) || node.role == ModuleRole::owner;
}

bool can_manage_users(const Actor& actor, const NodeFacts& node) {
    if (!actor.signed_in()) return false;
    return actor.has(permission::modules_edit) || node.role == ModuleRole::owner;
}

bool can_view_stats(const Actor& actor, const NodeFacts& node) {
    if (!actor.signed_in()) return false;
    return actor.has(permission::modules_view) || node.role == ModuleRole::owner ||
           node.role == ModuleRole::tutor;
}

bool can_create_module(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::modules_create);
}

bool can_list_users(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::users_view);
}
bool can_edit_users(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::users_edit);
}
bool can_delete_users(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::users_delete);
}
bool can_set_permissions(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::users_permissions);
}
bool can_list_all_modules(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::modules_view);
}
bool can_rerender(const Actor& actor) {
    return actor.signed_in() && actor.has(permission::admin);
}
bool can_administer(const Actor& actor) {
    return can_list_users(actor) || can_list_all_modules(actor) || can_rerender(actor);
}

Capabilities capabilities(const Actor& actor, const NodeFacts& node) {
    return {can_edit(actor, node), can_delete(actor, node), can_manage_users(actor, node),
            can_view_stats(actor, node)};
}

static std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool email_in_domains(const std::string& email, const std::vector<std::string>& domains) {
    if (domains.empty()) return true;
    auto at = email.rfind('@');
    if (at == std::string::npos) return false;
    std::string domain = lower(email.substr(at + 1));
    return std::any_of(domains.begin(), domains.end(),
                       [&](const std::string& d) { return lower(d) == domain; });
}

EnrolDecision decide_enrol(const Actor& actor, const EnrolFacts& f) {
    if (!actor.signed_in()) return EnrolDecision::not_signed_in;
    if (f.role == ModuleRole::block) return EnrolDecision::blocked;
    if (f.role != ModuleRole::none) return EnrolDecision::already_member;
    if (f.module_status != Status::available) return EnrolDecision::module_not_open;
    // With both a password and domains, both must hold.
    if (!email_in_domains(f.user_email, f.email_domains))
        return EnrolDecision::email_domain_refused;
    if (f.module_has_password) {
        if (!f.password_given) return EnrolDecision::password_required;
        if (!f.password_matches) return EnrolDecision::wrong_password;
    }
    return EnrolDecision::allowed;
}

std::string explain(EnrolDecision d) {
    switch (d) {
    case EnrolDecision::allowed:
        return "You have taken this module";
    case EnrolDecision::not_signed_in:
        return "Sign in to take this module";
    case EnrolDecision::blocked:
        return "You have been blocked from this module";
    case EnrolDecision::already_member:
        return "You are already a member of this module";
    case EnrolDecision::module_not_open:
        return "This module is not open for new learners";
    case EnrolDecision::password_required:
        return "This module needs a password";
    case EnrolDecision::wrong_password:
        return "The module password is not correct";
    case EnrolDecision::email_domain_refused:
        return "This module is only open to some email domains, and yours is not one of them";
    }
    return "Unknown decision";
}

} // namespace wte
