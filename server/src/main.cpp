// wte-server's command line: one executable, one mode per subcommand.
// Every mode exits 0 on success, or non-zero with a one-line reason on stderr.
#include "auth/crypto.hpp"
#include "config.hpp"
#include "db/migrations.hpp"
#include "db/store.hpp"
#include "http/server.hpp"
#include "seed/demo.hpp"
#include "tasks/runner.hpp"
#include "wte/permissions.hpp"
#include "wte/text.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace wte;

namespace {

struct CliError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::unique_ptr<db::Connection> open_existing(const Config& config) {
    if (!std::filesystem::exists(config.database_path))
        throw CliError("Database " + config.database_path +
                       " does not exist; run `wte-server init-db` first");
    auto conn = std::make_unique<db::Connection>(config.database_path, false);
    int current = db::current_schema_version(*conn);
    if (current < db::latest_schema_version())
        throw CliError("Database schema is at version " + std::to_string(current) +
                       "; run `wte-server migrate` first");
    return conn;
}

Id require_user(db::Store& store, const std::string& email) {
    auto u = store.find_user_by_email(email);
    if (!u) throw CliError("There is no user with the email address " + email);
    return u->user.id;
}

void check_new_password(const std::string& password) {
    if (password.size() < 8) throw CliError("The password must have at least 8 characters");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "wte-server: the Web Teaching Environment's server, database tools and task runner"};
    app.require_subcommand(1);

    std::string config_path, filename = "wte.ini", admin_email = "admin@example.org",
                             admin_password, email, name, password, group, permission, now_text;
    bool demo = false, force = false, quiet = false, dry_run = false;

    auto* gen =
        app.add_subcommand("generate-config", "Write a commented default configuration file");
    gen->add_option("--filename", filename, "Where to write it")->capture_default_str();
    gen->add_flag("--force", force, "Overwrite an existing file");

    auto* init = app.add_subcommand("init-db",
                                    "Create the database, permission groups and an administrator");
    init->add_option("CONFIG", config_path, "Configuration file")->required();
    init->add_option("--admin-email", admin_email, "Administrator's email")->capture_default_str();
    init->add_option("--admin-password", admin_password,
                     "Administrator's password (generated and printed if omitted)");
    init->add_flag("--demo", demo, "Also add demo accounts and a demo module");

    auto* mig = app.add_subcommand("migrate", "Apply pending database migrations");
    mig->add_option("CONFIG", config_path, "Configuration file")->required();

    auto* serve =
        app.add_subcommand("serve", "Serve the REST API (and the client bundle if configured)");
    serve->add_option("CONFIG", config_path, "Configuration file")->required();

    auto* tasks =
        app.add_subcommand("run-timed-tasks", "Run every timed task that is due, once, then exit");
    tasks->add_option("CONFIG", config_path, "Configuration file")->required();
    tasks->add_flag("--quiet", quiet, "Print nothing unless something failed (for cron)");
    tasks->add_flag("--dry-run", dry_run, "List what would run and change nothing");
    tasks->add_option("--now", now_text,
                      "Evaluate 'due' against this time (ISO 8601) instead of the clock");

    auto* user = app.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    auto* uadd = user->add_subcommand("add", "Add an active user");
    uadd->add_option("CONFIG", config_path, "Configuration file")->required();
    uadd->add_option("EMAIL", email, "Email address")->required();
    uadd->add_option("NAME", name, "Display name")->required();
    uadd->add_option("--password", password, "Password (generated and printed if omitted)");
    uadd->add_option("--group", group, "Permission group, e.g. Teacher");
    auto* upw = user->add_subcommand("passwd", "Set a user's password");
    upw->add_option("CONFIG", config_path, "Configuration file")->required();
    upw->add_option("EMAIL", email, "Email address")->required();
    upw->add_option("--password", password, "New password (generated and printed if omitted)");
    auto* ugrant = user->add_subcommand("grant", "Give a user a permission or put them in a group");
    ugrant->add_option("CONFIG", config_path, "Configuration file")->required();
    ugrant->add_option("EMAIL", email, "Email address")->required();
    auto* perm_opt =
        ugrant->add_option("--permission", permission, "A permission, e.g. admin.modules.edit");
    auto* group_opt = ugrant->add_option("--group", group, "A group, e.g. Teacher");
    perm_opt->excludes(group_opt);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        auth::init_crypto();
        if (*gen) {
            if (std::filesystem::exists(filename) && !force)
                throw CliError(filename + " already exists (use --force to overwrite it)");
            std::ofstream out(filename);
            out << default_config_text();
            if (!out) throw CliError("Cannot write " + filename);
            std::cout << "Wrote " << filename << "\n";
            return 0;
        }

        Config config = load_config(config_path);

        if (*init) {
            bool existed = std::filesystem::exists(config.database_path);
            db::Connection conn(config.database_path);
            db::migrate(conn);
            db::Store store(conn);
            if (existed && store.find_user_by_email(admin_email))
                throw CliError("The database " + config.database_path + " is already initialised");
            bool generated = admin_password.empty();
            if (generated) admin_password = auth::random_password();
            check_new_password(admin_password);
            db::Transaction tx(conn);
            store.ensure_default_groups();
            Id admin = store.create_user(to_lower_ascii(admin_email), "Administrator",
                                         auth::hash_password(admin_password), UserStatus::active);
            store.grant_permission(admin, permission::admin);
            std::vector<seed::DemoAccount> accounts;
            if (demo) accounts = seed::seed_demo(store);
            tx.commit();
            std::cout << "Initialised " << config.database_path << " (schema "
                      << db::latest_schema_version() << ")\n";
            std::cout << "  administrator: " << admin_email << "  password: " << admin_password
                      << (generated ? "  (generated; shown only now)" : "") << "\n";
            for (const auto& a : accounts)
                std::cout << "  " << a.role << ": " << a.email << "  password: " << a.password
                          << "\n";
            return 0;
        }
        if (*mig) {
            db::Connection conn(config.database_path);
            int before = db::current_schema_version(conn);
            int applied = db::migrate(conn);
            std::cout << "Schema " << before << " -> " << db::current_schema_version(conn) << " ("
                      << applied << " migration" << (applied == 1 ? "" : "s") << " applied)\n";
            return 0;
        }
        if (*serve) {
            open_existing(config);
            return http::serve(config);
        }
        if (*tasks) {
            tasks::RunOptions options;
            options.quiet = quiet;
            options.dry_run = dry_run;
            options.now_text = now_text;
            return tasks::run_timed_tasks(config, options);
        }
        if (*uadd || *upw || *ugrant) {
            auto conn_ptr = open_existing(config);
            db::Connection& conn = *conn_ptr;
            db::Store store(conn);
            if (*uadd) {
                if (store.find_user_by_email(email))
                    throw CliError("A user with the email " + email + " already exists");
                if (email.find('@') == std::string::npos)
                    throw CliError(email + " is not an email address");
                bool generated = password.empty();
                if (generated) password = auth::random_password();
                check_new_password(password);
                std::optional<Id> group_id;
                if (!group.empty() && !(group_id = store.find_group(group)))
                    throw CliError("There is no permission group called " + group);
                db::Transaction tx(conn);
                Id id = store.create_user(to_lower_ascii(email), name,
                                          auth::hash_password(password), UserStatus::active);
                if (group_id) store.add_to_group(id, *group_id);
                tx.commit();
                std::cout << "Added " << email << (generated ? "  password: " + password : "")
                          << "\n";
            } else if (*upw) {
                Id id = require_user(store, email);
                bool generated = password.empty();
                if (generated) password = auth::random_password();
                check_new_password(password);
                store.set_password_hash(id, auth::hash_password(password));
                store.set_user_status(id, UserStatus::active);
                std::cout << "Password of " << email << " changed"
                          << (generated ? ": " + password : "") << "\n";
            } else {
                Id id = require_user(store, email);
                if (!permission.empty()) {
                    const auto& all = all_permissions();
                    if (std::find(all.begin(), all.end(), permission) == all.end())
                        throw CliError("Unknown permission " + permission);
                    store.grant_permission(id, permission);
                    std::cout << "Granted " << permission << " to " << email << "\n";
                } else if (!group.empty()) {
                    auto g = store.find_group(group);
                    if (!g) throw CliError("There is no permission group called " + group);
                    store.add_to_group(id, *g);
                    std::cout << "Added " << email << " to " << group << "\n";
                } else {
                    throw CliError("Say what to grant: --permission P or --group G");
                }
            }
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "wte-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
