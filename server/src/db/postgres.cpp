#include "db/postgres.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace wte::db {

namespace {
// Type OIDs of the built-in types we send (pg_type.h is not a client header).
constexpr Oid int8_oid = 20;
constexpr Oid bytea_oid = 17;

// Writers follow one another (see Transaction): one advisory lock key for
// the whole database.
constexpr const char* begin_writing = "BEGIN; SELECT pg_advisory_xact_lock(7303)";

std::string message_of(PGconn* conn, const PGresult* result) {
    const char* m = result ? PQresultErrorMessage(result) : nullptr;
    if (!m || !*m) m = conn ? PQerrorMessage(conn) : "no connection";
    std::string s(m);
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}
} // namespace

std::string numbered_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char ch = sql[i];
        if (ch == '\'' || ch == '"') { // a literal or quoted name, '' inside
            std::size_t end = i + 1;
            while (end < sql.size() && sql[end] != ch)
                ++end;
            out.append(sql.substr(i, end - i + 1));
            i = end;
        } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            std::size_t end = sql.find('\n', i);
            if (end == std::string_view::npos) end = sql.size();
            out.append(sql.substr(i, end - i));
            i = end - 1;
        } else if (ch == '?') { // ?NNN keeps its number; a plain ? takes the next (as SQLite)
            std::size_t digits = i + 1;
            while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9')
                ++digits;
            int number = ++n;
            if (digits > i + 1) {
                std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
                n = std::max(n - 1, number);
            }
            out += '$';
            out += std::to_string(number);
            i = digits - 1;
        } else {
            out += ch;
        }
    }
    return out;
}

void throw_pg_error(PGconn* conn, const PGresult* result, const std::string& what) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string code = state ? state : "";
    std::string message = what + ": " + message_of(conn, result);
    if (code == "23505") throw UniqueViolation(SQLITE_CONSTRAINT_UNIQUE, message);
    if (code == "23503") throw ReferenceGone(SQLITE_CONSTRAINT_FOREIGNKEY, message);
    if (code.starts_with("23")) throw DbError(SQLITE_CONSTRAINT, message);
    if (code.starts_with("53"))
        throw StorageFull(SQLITE_FULL, message); // disk, memory, connections
    if (code == "40001" || code == "40P01" || code == "55P03" || code == "57014" ||
        code.starts_with("08") || code.starts_with("57P") || code.empty())
        throw DatabaseBusy(SQLITE_BUSY, message); // lost, restarting or waiting too long
    if (code.starts_with("22")) throw InvalidValue(SQLITE_MISMATCH, message);
    throw DbError(SQLITE_ERROR, message);
}

PgConnection::PgConnection(const std::string& url_) : url(url_) {
    conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message =
            "Cannot connect to " + printable_location(url) + ": " + message_of(conn, nullptr);
        PQfinish(conn);
        conn = nullptr;
        throw DatabaseBusy(SQLITE_CANTOPEN, message);
    }
    // Warnings (NOTICE) would go to stderr for every IF NOT EXISTS.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    // A statement waiting longer than this for a lock answers 503, as on
    // SQLite after its busy timeout.
    exec("SET lock_timeout = '10s'; SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
    if (conn) PQfinish(conn);
}

void PgConnection::ensure_open() {
    if (PQstatus(conn) == CONNECTION_OK) return;
    PQreset(conn);
    statements_.clear();
    if (PQstatus(conn) != CONNECTION_OK)
        throw DatabaseBusy(SQLITE_BUSY,
                           "The database server cannot be reached: " + message_of(conn, nullptr));
    exec("SET lock_timeout = '10s'; SET client_min_messages = warning");
}

bool PgConnection::in_transaction() const {
    return PQtransactionStatus(conn) != PQTRANS_IDLE;
}

void PgConnection::exec(const std::string& sql) {
    ensure_open();
    const std::string& text = sql == "BEGIN IMMEDIATE" ? std::string(begin_writing) : sql;
    PGresult* r = PQexec(conn, text.c_str());
    auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        try {
            throw_pg_error(conn, r, "SQL error in '" + sql.substr(0, 60) + "'");
        } catch (...) {
            PQclear(r);
            throw;
        }
    }
    PQclear(r);
}

const std::string& PgConnection::prepared(std::string_view sql, const std::vector<Oid>& types) {
    std::string key;
    key.reserve(types.size() * 3 + sql.size() + 1);
    for (Oid t : types)
        key += std::to_string(t) + ",";
    key += '\x1f';
    key += sql;
    auto it = statements_.find(key);
    if (it != statements_.end()) return it->second;
    std::string name = "wte" + std::to_string(statements_.size() + 1);
    std::string text = numbered_placeholders(sql);
    PGresult* r =
        PQprepare(conn, name.c_str(), text.c_str(), static_cast<int>(types.size()), types.data());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        try {
            throw_pg_error(conn, r, "SQL error in '" + std::string(sql.substr(0, 60)) + "'");
        } catch (...) {
            PQclear(r);
            throw;
        }
    }
    PQclear(r);
    ++prepares;
    return statements_.emplace(std::move(key), std::move(name)).first->second;
}

PgQuery::~PgQuery() {
    if (result_) PQclear(result_);
}

void PgQuery::slot(int index) {
    auto i = static_cast<std::size_t>(index);
    if (values_.size() < i) {
        values_.resize(i);
        nulls_.resize(i, 1);
        types_.resize(i, 0);
        formats_.resize(i, 0);
    }
}
void PgQuery::bind_text(int index, std::string_view value) {
    slot(index);
    auto i = static_cast<std::size_t>(index - 1);
    values_[i].assign(value);
    nulls_[i] = 0;
    types_[i] = 0; // unknown: the server infers text, citext, … from the use
    formats_[i] = 0;
}
void PgQuery::bind_int(int index, std::int64_t value) {
    slot(index);
    auto i = static_cast<std::size_t>(index - 1);
    values_[i] = std::to_string(value);
    nulls_[i] = 0;
    types_[i] = int8_oid;
    formats_[i] = 0;
}
void PgQuery::bind_bytes(int index, std::string_view value) {
    slot(index);
    auto i = static_cast<std::size_t>(index - 1);
    values_[i].assign(value);
    nulls_[i] = 0;
    types_[i] = bytea_oid;
    formats_[i] = 1; // binary: the bytes as they are
}
void PgQuery::bind_null(int index) {
    slot(index);
    auto i = static_cast<std::size_t>(index - 1);
    values_[i].clear();
    nulls_[i] = 1;
    types_[i] = 0;
    formats_[i] = 0;
}

bool PgQuery::step() {
    if (result_) return ++row_ < PQntuples(result_);
    conn.ensure_open();
    const std::string& name = conn.prepared(sql, types_);
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
        values[i] = nulls_[i] ? nullptr : values_[i].data();
        lengths[i] = static_cast<int>(values_[i].size());
    }
    PGresult* r = PQexecPrepared(conn.conn, name.c_str(), static_cast<int>(values.size()),
                                 values.data(), lengths.data(), formats_.data(), 0);
    auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        try {
            throw_pg_error(conn.conn, r, "SQL step failed");
        } catch (...) {
            PQclear(r);
            throw;
        }
    }
    const char* changed = PQcmdTuples(r);
    conn.changes = *changed ? std::strtoll(changed, nullptr, 10) : 0;
    result_ = r;
    row_ = 0;
    return row_ < PQntuples(result_);
}

void PgQuery::reset() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    values_.clear();
    nulls_.clear();
    types_.clear();
    formats_.clear();
}

const char* PgQuery::value(int col) const {
    return PQgetvalue(result_, row_, col);
}
int PgQuery::length(int col) const {
    return PQgetlength(result_, row_, col);
}
bool PgQuery::is_null(int col) const {
    return !result_ || row_ >= PQntuples(result_) || PQgetisnull(result_, row_, col);
}
std::int64_t PgQuery::int64(int col) const {
    if (is_null(col)) return 0;
    const char* v = value(col);
    if (v[0] == 't' && v[1] == '\0') return 1; // a boolean, as SQLite's 1 and 0
    if (v[0] == 'f' && v[1] == '\0') return 0;
    std::int64_t out = 0;
    std::from_chars(v, v + length(col), out); // "12.5" (an average) reads as 12
    return out;
}
std::string PgQuery::text(int col) const {
    if (is_null(col)) return {};
    if (PQftype(result_, col) == bytea_oid) {
        std::size_t n = 0;
        unsigned char* bytes =
            PQunescapeBytea(reinterpret_cast<const unsigned char*>(value(col)), &n);
        std::string out(reinterpret_cast<const char*>(bytes), n);
        PQfreemem(bytes);
        return out;
    }
    return std::string(value(col), static_cast<std::size_t>(length(col)));
}

int PgQuery::column_count() const {
    return result_ ? PQnfields(result_) : 0;
}
std::string PgQuery::column_name(int col) const {
    return PQfname(result_, col);
}
Statement::Kind PgQuery::kind(int col) const {
    if (is_null(col)) return Statement::Kind::null;
    switch (PQftype(result_, col)) {
    case 16: // bool
    case 20: // int8
    case 21: // int2
    case 23: // int4
        return Statement::Kind::integer;
    case bytea_oid:
        return Statement::Kind::bytes;
    default:
        return Statement::Kind::text;
    }
}

} // namespace wte::db
