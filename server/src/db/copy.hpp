// copy-db: every row of one WTE database into another, empty one — SQLite to
// PostgreSQL when a school outgrows one machine, or back. Both must have the
// current schema; the copy is one transaction on the target (a failure leaves
// it empty), and the row counts of every table are compared afterwards.
#pragma once

#include "db/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace wte::db {

struct TableCount {
    std::string table;
    std::int64_t rows = 0;
};

struct CopyError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Copies every row of `from` into `to`; throws CopyError when `to` holds any
// account or content already, or when the counts differ afterwards. Returns
// the count of each table.
std::vector<TableCount> copy_database(Connection& from, Connection& to);

} // namespace wte::db
