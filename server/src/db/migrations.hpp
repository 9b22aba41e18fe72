// Numbered SQL migrations (server/migrations/NNN_name.sql), embedded at build
// time and applied in order; each applied version is recorded in
// schema_migrations so `migrate` is idempotent.
#pragma once

#include "db/database.hpp"

#include <string>
#include <vector>

namespace wte::db {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

const std::vector<Migration>& embedded_migrations();
int latest_schema_version();

int current_schema_version(Connection& c);
// Applies every pending migration, each in its own transaction; returns how many ran.
int migrate(Connection& c);

} // namespace wte::db
