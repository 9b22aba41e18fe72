// The PostgreSQL half of db::Connection and db::Statement (database.hpp),
// over libpq. Statements keep the stores' `?` placeholders: each SQL text is
// rewritten to $1, $2, … once per connection and prepared on the server the
// first time it runs with a given set of parameter types, then reused.
// Results come as text; integers, booleans ('t'/'f') and bytea are read back
// into the same C++ values SQLite gives.
#pragma once

#include "db/database.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wte::db {

// The `?` placeholders of `sql` as $1, $2, … (not inside quotes or comments).
std::string numbered_placeholders(std::string_view sql);

struct PgConnection {
    explicit PgConnection(const std::string& url);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs one or more statements without parameters (migrations, BEGIN).
    void exec(const std::string& sql);
    // Opens the connection again if the server dropped it (a restart) and no
    // transaction was open on it; prepared statements are forgotten then.
    void ensure_open();
    bool in_transaction() const;
    // The name of the server-side statement for `sql` with these parameter
    // types, prepared on first use.
    const std::string& prepared(std::string_view sql, const std::vector<Oid>& types);

    PGconn* conn = nullptr;
    std::string url;
    std::int64_t changes = 0; // rows the last command changed
    int prepares = 0;

private:
    std::unordered_map<std::string, std::string> statements_; // types + SQL → name
};

struct PgQuery {
    PgQuery(PgConnection& c, std::string_view sql) : conn(c), sql(sql) {}
    ~PgQuery();

    void bind_text(int index, std::string_view value);
    void bind_int(int index, std::int64_t value);
    void bind_bytes(int index, std::string_view value);
    void bind_null(int index);
    bool step();
    void reset();

    const char* value(int col) const;
    int length(int col) const;
    bool is_null(int col) const;
    std::int64_t int64(int col) const;
    std::string text(int col) const; // bytea columns decoded
    std::string blob(int col) const { return text(col); }
    int column_count() const;
    std::string column_name(int col) const;
    Statement::Kind kind(int col) const;

    PgConnection& conn;
    std::string sql;

private:
    void slot(int index);
    std::vector<std::string> values_;
    std::vector<char> nulls_;
    std::vector<Oid> types_;
    std::vector<int> formats_;
    PGresult* result_ = nullptr;
    int row_ = -1;
};

// Throws the DbError type a failed libpq result (or connection) calls for:
// the SQLSTATE is mapped to the SQLite code of the same kind, so the router
// answers 409, 404, 503 … exactly as on SQLite.
[[noreturn]] void throw_pg_error(PGconn* conn, const PGresult* result, const std::string& what);

} // namespace wte::db
