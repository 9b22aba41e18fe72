// A thin RAII layer over the database: one Connection per thread, prepared
// Statements with typed binds and reads, and scoped Transactions. Two engines
// behind the same classes, chosen by the location a Connection is opened on:
// a file path is SQLite (WAL mode, foreign keys on, a busy timeout, so
// concurrent processes wait instead of failing), a postgresql:// URL is
// PostgreSQL through libpq (db/postgres.hpp). The stores' SQL is the common
// subset of both with `?` placeholders. Statements are prepared once per
// connection and SQL text, then reused.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wte::db {

struct DbError : std::runtime_error {
    int code; // SQLite's extended result code (the SQLite code of the same kind on PostgreSQL)
    DbError(int code_, const std::string& message) : std::runtime_error(message), code(code_) {}
};

// The failures a request answers with something better than a 500, each
// thrown as its own type (all are DbErrors) by throw_db_error:
// another request created the same unique thing first (a UNIQUE or PRIMARY KEY
// constraint) — the router answers 409;
struct UniqueViolation : DbError {
    using DbError::DbError;
};
// what a new row refers to (a part, a user) was deleted by another request
// meanwhile (a FOREIGN KEY constraint) — 404, as a moment later;
struct ReferenceGone : DbError {
    using DbError::DbError;
};
// the disk (or quota) is full; the statement changed nothing — 503;
struct StorageFull : DbError {
    using DbError::DbError;
};
// another connection held the lock past the busy timeout — 503;
struct DatabaseBusy : DbError {
    using DbError::DbError;
};
// a value the column cannot hold (PostgreSQL: text with a NUL character, a
// number out of range) — 400.
struct InvalidValue : DbError {
    using DbError::DbError;
};

// Throws the DbError type that `code` (an extended result code) calls for.
[[noreturn]] void throw_db_error(int code, const std::string& message);

class Statement;
struct PgConnection;
struct PgQuery;

enum class Dialect { sqlite, postgresql };
// "postgresql://…" or "postgres://…": a PostgreSQL server; anything else is
// the path of an SQLite file.
bool is_postgresql_url(std::string_view location);
// An SQLite location whose file does not exist; never a PostgreSQL URL (the
// server answers for that when connected to).
bool database_file_missing(const std::string& location);
// The location without its password, for messages and logs.
std::string printable_location(const std::string& location);

// What a connection has seen of the database's changes. Two stamps taken in
// read transactions are equal only if no connection, of this process or
// another (a timed-task runner), changed the database in between: SQLite's
// PRAGMA data_version counts the other connections' commits, and this
// connection's own row changes are counted apart.
struct ChangeStamp {
    std::int64_t others = -1;
    std::int64_t own = -1;
    bool operator==(const ChangeStamp&) const = default;
};

// Idle prepared statements of one connection, by SQL text. A statement in use
// is out of its pool, so the same SQL asked for again while a cursor of it is
// still open simply gets a second statement (prepared fresh, or idle).
struct StatementCache {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    using Pool = std::vector<sqlite3_stmt*>;
    std::unordered_map<std::string, Pool, Hash, std::equal_to<>> idle;
    // A ReadScope's BEGIN is open: the first writing statement ends it.
    bool read_scope = false;
    // The ReadScope's COMMIT, prepared once: compiling it each time cost a
    // small read as much as its queries.
    sqlite3_stmt* commit_reads = nullptr;
    ~StatementCache();
};

class Connection {
public:
    // `location`: an SQLite file path or a postgresql:// URL (create_if_missing
    // only means something for a file).
    explicit Connection(const std::string& location, bool create_if_missing = true);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const std::string& sql);
    // A statement for `sql`, from the cache when one is idle; it goes back,
    // reset and with its bindings cleared, when the Statement is destroyed.
    Statement prepare(std::string_view sql);
    // How many times SQLite compiled a statement on this connection.
    int prepare_count() const;
    int changes() const;
    ChangeStamp change_stamp();
    // Text made from the database alone (an answer read often and changed
    // rarely), kept under `key` until the database changes: `make` runs when
    // nothing is kept for the current change stamp. Within a write
    // transaction nothing is kept (what it sees may yet be rolled back).
    std::string remembered(const std::string& key, const std::function<std::string()>& make);
    // Ends an open ReadScope (see there); nothing otherwise.
    void end_read_scope();
    // SQLite's handle; nullptr on PostgreSQL.
    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }
    Dialect dialect() const { return pg_ ? Dialect::postgresql : Dialect::sqlite; }
    bool in_transaction() const;

private:
    friend class ReadScope;
    friend class Transaction;
    sqlite3* db_ = nullptr;
    std::unique_ptr<PgConnection> pg_;
    std::string path_;
    // Shared with the statements handed out, so one outliving the connection
    // finalises itself instead of returning to a pool that is gone.
    std::shared_ptr<StatementCache> cache_;
    int prepares_ = 0;
    // SQLite's busy handler: waiting for another connection's lock.
    static int wait_for_lock(void* connection, int tries);
    std::chrono::steady_clock::time_point busy_since_;
    struct Remembered {
        ChangeStamp stamp;
        std::string text;
    };
    std::unordered_map<std::string, Remembered> remembered_;
};

class Statement {
public:
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bind_null(index);
    }

    // Binds all arguments in order, from 1.
    template <typename... Args> Statement& bind_all(const Args&... args) {
        int i = 1;
        (bind(i++, args), ...);
        return *this;
    }

    bool step(); // true while a row is available
    void run();  // step to completion (INSERT/UPDATE/DELETE)
    void reset();

    std::int64_t int64(int col) const;
    int integer(int col) const { return static_cast<int>(int64(col)); }
    std::string text(int col) const;
    std::string blob(int col) const;
    bool is_null(int col) const;
    std::optional<std::int64_t> optional_int64(int col) const;
    std::optional<std::string> optional_text(int col) const;

    // What a row holds, for code that copies rows it does not know (copy-db).
    enum class Kind { null, integer, text, bytes };
    int column_count() const;
    std::string column_name(int col) const;
    Kind kind(int col) const;

private:
    friend class Connection;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::weak_ptr<StatementCache> cache,
              StatementCache::Pool* pool);
    explicit Statement(std::unique_ptr<PgQuery> pg);
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::unique_ptr<PgQuery> pg_; // set instead of stmt_ on PostgreSQL
    std::weak_ptr<StatementCache> cache_;
    StatementCache::Pool* pool_ = nullptr; // where it goes back (map nodes are stable)
};

// A request's reads in one read transaction (BEGIN … COMMIT): each statement
// on its own would take and drop SQLite's WAL read lock, two fcntl calls a
// statement — most of the system calls of a page read. The first statement
// that writes, or a Transaction, ends the scope first, so writes behave as
// without it (nothing is upgraded: no SQLITE_BUSY_SNAPSHOT), and the reads
// before see one snapshot instead of several.
class ReadScope {
public:
    explicit ReadScope(Connection& c);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

private:
    Connection& conn_;
};

// BEGIN IMMEDIATE … COMMIT; rolls back unless commit() was called. On
// PostgreSQL, BEGIN and a transaction-wide advisory lock: writing
// transactions follow one another as on SQLite, so every store's
// read-then-write keeps the meaning it has there, on any number of servers;
// reads never wait for it.
class Transaction {
public:
    explicit Transaction(Connection& c);
    ~Transaction();
    void commit();

private:
    Connection& conn_;
    bool done_ = false;
};

} // namespace wte::db
