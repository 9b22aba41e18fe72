// user add | passwd | grant: accounts from the command line.
#include "cli/modes.hpp"

#include "auth/crypto.hpp"
#include "db/stores.hpp"
#include "wte/permissions.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

#include <algorithm>
#include <iostream>

namespace wte::cli {

namespace {

struct UserOptions {
    std::string config_path, email, name, password, group, permission;
};

Id require_user(db::UserStore& users, const std::string& email) {
    auto u = users.find_user_by_email(email);
    if (!u) throw CliError("There is no user with the email address " + email);
    return u->user.id;
}

// The given password, or a generated one; refused when it breaks the rule.
std::pair<std::string, bool> new_password(const std::string& given) {
    bool generated = given.empty();
    std::string password = generated ? auth::random_password() : given;
    if (auto why = check_password(password)) throw CliError(*why);
    return {password, generated};
}

int add_user(const UserOptions& o) {
    auto conn = open_existing(load_config(o.config_path));
    db::Stores stores(*conn);
    if (stores.users.find_user_by_email(o.email))
        throw CliError("A user with the email " + o.email + " already exists");
    if (auto why = check_email(o.email)) throw CliError(*why);
    auto [password, generated] = new_password(o.password);
    std::optional<Id> group_id;
    if (!o.group.empty() && !(group_id = stores.users.find_group(o.group)))
        throw CliError("There is no permission group called " + o.group);
    db::Transaction tx(*conn);
    Id id = stores.users.create_user(to_lower_ascii(o.email), o.name, auth::hash_password(password),
                                     UserStatus::active);
    if (group_id) stores.users.add_to_group(id, *group_id);
    tx.commit();
    std::cout << "Added " << o.email << (generated ? "  password: " + password : "") << "\n";
    return 0;
}

int set_password(const UserOptions& o) {
    auto conn = open_existing(load_config(o.config_path));
    db::UserStore users(*conn);
    Id id = require_user(users, o.email);
    auto [password, generated] = new_password(o.password);
    users.set_password_hash(id, auth::hash_password(password));
    users.set_user_status(id, UserStatus::active);
    std::cout << "Password of " << o.email << " changed" << (generated ? ": " + password : "")
              << "\n";
    return 0;
}

int grant(const UserOptions& o) {
    auto conn = open_existing(load_config(o.config_path));
    db::UserStore users(*conn);
    Id id = require_user(users, o.email);
    if (!o.permission.empty()) {
        const auto& all = all_permissions();
        if (std::find(all.begin(), all.end(), o.permission) == all.end())
            throw CliError("Unknown permission " + o.permission);
        users.grant_permission(id, o.permission);
        std::cout << "Granted " << o.permission << " to " << o.email << "\n";
    } else if (!o.group.empty()) {
        auto g = users.find_group(o.group);
        if (!g) throw CliError("There is no permission group called " + o.group);
        users.add_to_group(id, *g);
        std::cout << "Added " << o.email << " to " << o.group << "\n";
    } else {
        throw CliError("Say what to grant: --permission P or --group G");
    }
    return 0;
}

} // namespace

void add_user_modes(Modes& modes) {
    auto o = std::make_shared<UserOptions>();
    auto* user = modes.app().add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);

    auto* add = user->add_subcommand("add", "Add an active user");
    add->add_option("CONFIG", o->config_path, "Configuration file")->required();
    add->add_option("EMAIL", o->email, "Email address")->required();
    add->add_option("NAME", o->name, "Display name")->required();
    add->add_option("--password", o->password, "Password (generated and printed if omitted)");
    add->add_option("--group", o->group, "Permission group, e.g. Teacher");
    modes.add(add, [o] { return add_user(*o); });

    auto* passwd = user->add_subcommand("passwd", "Set a user's password");
    passwd->add_option("CONFIG", o->config_path, "Configuration file")->required();
    passwd->add_option("EMAIL", o->email, "Email address")->required();
    passwd->add_option("--password", o->password,
                       "New password (generated and printed if omitted)");
    modes.add(passwd, [o] { return set_password(*o); });

    auto* grant_mode =
        user->add_subcommand("grant", "Give a user a permission or put them in a group");
    grant_mode->add_option("CONFIG", o->config_path, "Configuration file")->required();
    grant_mode->add_option("EMAIL", o->email, "Email address")->required();
    auto* perm_opt = grant_mode->add_option("--permission", o->permission,
                                            "A permission, e.g. admin.modules.edit");
    auto* group_opt = grant_mode->add_option("--group", o->group, "A group, e.g. Teacher");
    perm_opt->excludes(group_opt);
    modes.add(grant_mode, [o] { return grant(*o); });
}

} // namespace wte::cli
