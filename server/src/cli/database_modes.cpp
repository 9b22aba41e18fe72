// init-db (schema, permission groups, an administrator, optionally the demo),
// migrate (pending numbered migrations) and copy-db (an installation moved to
// another database, SQLite to PostgreSQL or back).
#include "cli/modes.hpp"

#include "auth/crypto.hpp"
#include "db/copy.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "seed/demo.hpp"
#include "wte/permissions.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

#include <filesystem>
#include <iostream>

namespace wte::cli {

namespace {

struct InitOptions {
    std::string config_path;
    std::string admin_email = "admin@example.org";
    std::string admin_password;
    bool demo = false;
};

int init_db(InitOptions o) {
    Config config = load_config(o.config_path);
    bool existed = !db::database_file_missing(config.database);
    db::Connection conn(config.database);
    db::migrate(conn);
    db::Stores stores(conn);
    if (existed && stores.users.find_user_by_email(o.admin_email))
        throw CliError("The database " + db::printable_location(config.database) +
                       " is already initialised");
    if (auto why = check_email(o.admin_email)) throw CliError(*why);
    bool generated = o.admin_password.empty();
    if (generated) o.admin_password = auth::random_password();
    if (auto why = check_password(o.admin_password)) throw CliError(*why);
    db::Transaction tx(conn);
    stores.users.ensure_default_groups();
    Id admin = stores.users.create_user(to_lower_ascii(o.admin_email), "Administrator",
                                        auth::hash_password(o.admin_password), UserStatus::active);
    stores.users.grant_permission(admin, permission::admin);
    std::vector<seed::DemoAccount> accounts;
    if (o.demo) accounts = seed::seed_demo(stores);
    tx.commit();
    std::cout << "Initialised " << db::printable_location(config.database) << " (schema "
              << db::latest_schema_version() << ")\n";
    std::cout << "  administrator: " << o.admin_email << "  password: " << o.admin_password
              << (generated ? "  (generated; shown only now)" : "") << "\n";
    for (const auto& a : accounts)
        std::cout << "  " << a.role << ": " << a.email << "  password: " << a.password << "\n";
    return 0;
}

int migrate(const std::string& config_path) {
    Config config = load_config(config_path);
    db::Connection conn(config.database);
    int before = db::recorded_schema_version(conn).value_or(0);
    int applied = db::migrate(conn);
    std::cout << "Schema " << before << " -> " << db::recorded_schema_version(conn).value_or(0)
              << " (" << applied << " migration" << (applied == 1 ? "" : "s") << " applied)\n";
    return 0;
}

int copy_db(const std::string& from_config, const std::string& to_config) {
    Config from = load_config(from_config), to = load_config(to_config);
    if (from.database == to.database) throw CliError("Both configurations name the same database");
    auto source = open_existing(from);
    db::Connection target(to.database);
    db::migrate(target);
    try {
        auto counts = db::copy_database(*source, target);
        std::int64_t rows = 0;
        for (const auto& c : counts)
            rows += c.rows;
        std::cout << "Copied " << rows << " rows in " << counts.size() << " tables from "
                  << db::printable_location(from.database) << " to "
                  << db::printable_location(to.database) << "; every table's count matches\n";
        for (const auto& c : counts)
            if (c.rows) std::cout << "  " << c.table << ": " << c.rows << "\n";
    } catch (const db::CopyError& e) {
        throw CliError(e.what());
    }
    return 0;
}

} // namespace

void add_database_modes(Modes& modes) {
    auto o = std::make_shared<InitOptions>();
    auto* init = modes.app().add_subcommand(
        "init-db", "Create the database, permission groups and an administrator");
    init->add_option("CONFIG", o->config_path, "Configuration file")->required();
    init->add_option("--admin-email", o->admin_email, "Administrator's email")
        ->capture_default_str();
    init->add_option("--admin-password", o->admin_password,
                     "Administrator's password (generated and printed if omitted)");
    init->add_flag("--demo", o->demo, "Also add demo accounts and a demo module");
    modes.add(init, [o] { return init_db(*o); });

    auto config_path = std::make_shared<std::string>();
    auto* mig = modes.app().add_subcommand("migrate", "Apply pending database migrations");
    mig->add_option("CONFIG", *config_path, "Configuration file")->required();
    modes.add(mig, [config_path] { return migrate(*config_path); });

    auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    auto* copy = modes.app().add_subcommand(
        "copy-db", "Copy every row of one installation's database into another, empty one "
                   "(SQLite to PostgreSQL or back), verified by counts");
    copy->add_option("FROM_CONFIG", *from, "Configuration of the database to copy")->required();
    copy->add_option("TO_CONFIG", *to, "Configuration of the empty target database")->required();
    modes.add(copy, [from, to] { return copy_db(*from, *to); });
}

} // namespace wte::cli
