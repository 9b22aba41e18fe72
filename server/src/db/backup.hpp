// A backup of the SQLite database while other processes keep writing to it:
// VACUUM INTO copies one consistent snapshot (a single read transaction, so
// WAL writers are never blocked), and the copy is checked on its own.
// SQLite-only by nature; a PostgreSQL deployment uses pg_dump instead.
#pragma once

#include "db/database.hpp"

#include <string>
#include <vector>

namespace wte::db {

// Writes a compacted copy of `source` to `path`, which must not exist yet.
void vacuum_into(Connection& source, const std::string& path);

// What PRAGMA integrity_check says is wrong with the database file at
// `path`, opened read-only; empty when it is sound.
std::vector<std::string> integrity_problems(const std::string& path);

} // namespace wte::db
