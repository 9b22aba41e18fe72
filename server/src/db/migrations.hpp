// Numbered SQL migrations (server/migrations/NNN_name.sql), embedded at build
// time and applied in order; each applied version is recorded in
// schema_migrations so `migrate` is idempotent.
#pragma once

#include "db/database.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wte::db {

struct Migration {
    int version;
    std::string name;
    std::string sql;            // SQLite
    std::string postgresql_sql; // the same change for PostgreSQL
    const std::string& sql_for(Dialect d) const {
        return d == Dialect::postgresql ? postgresql_sql : sql;
    }
};

const std::vector<Migration>& embedded_migrations();
int latest_schema_version();

// The version recorded in the database; std::nullopt when it has no
// schema_migrations table at all (not a WTE database). Only reads.
std::optional<int> recorded_schema_version(Connection& c);

struct SchemaError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The one schema check of serve, the CLI modes and the timed-task runner:
// throws SchemaError saying which command to run unless this wte-server can
// work on the database. Only reads (migrating is `wte-server migrate`'s job,
// and a runner started every minute must stay cheap).
void require_current_schema(Connection& c);

// Applies every pending migration, each in its own transaction; returns how
// many ran. Creates the schema table on a new database.
int migrate(Connection& c);

} // namespace wte::db
