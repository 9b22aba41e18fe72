#include "db/database.hpp"

#include "db/checkpointer.hpp"
#include "db/postgres.hpp"

#include <filesystem>
#include <thread>

namespace wte::db {

void throw_db_error(int code, const std::string& message) {
    switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
        throw UniqueViolation(code, message);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
        throw ReferenceGone(code, message);
    case SQLITE_MISMATCH:
        throw InvalidValue(code, message);
    default:
        break;
    }
    switch (code & 0xff) {
    case SQLITE_FULL:
        throw StorageFull(code, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw DatabaseBusy(code, message);
    default:
        throw DbError(code, message);
    }
}

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what) {
    throw_db_error(rc, what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
// Ends a ReadScope: only reads happened in it, so COMMIT has nothing that
// could fail; not through a Statement, because a Statement's step() is where
// a writing statement ends the scope.
void end_read_scope(sqlite3* db, StatementCache& cache) {
    cache.read_scope = false;
    if (sqlite3_get_autocommit(db)) return;
    if (!cache.commit_reads &&
        sqlite3_prepare_v2(db, "COMMIT", -1, &cache.commit_reads, nullptr) != SQLITE_OK) {
        cache.commit_reads = nullptr;
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        return;
    }
    sqlite3_step(cache.commit_reads);
    sqlite3_reset(cache.commit_reads);
}
// How long a connection waits for another's lock before DatabaseBusy.
constexpr auto busy_limit = std::chrono::seconds(10);
// Different keys kept per connection before all are dropped: paging
// parameters come from the query, so their number has to be bounded.
constexpr std::size_t max_remembered = 16;
// Idle statements kept per SQL text: enough for nested cursors of one query.
constexpr std::size_t max_idle_per_sql = 4;
} // namespace

bool is_postgresql_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

bool database_file_missing(const std::string& location) {
    return !is_postgresql_url(location) && !std::filesystem::exists(location);
}

std::string printable_location(const std::string& location) {
    if (!is_postgresql_url(location)) return location;
    // postgresql://user:password@host… → postgresql://user@host…
    auto scheme = location.find("://") + 3;
    auto at = location.find('@', scheme);
    auto colon = location.find(':', scheme);
    if (at == std::string::npos || colon == std::string::npos || colon > at) return location;
    return location.substr(0, colon) + location.substr(at);
}

StatementCache::~StatementCache() {
    for (auto& [sql, pool] : idle)
        for (auto* stmt : pool)
            sqlite3_finalize(stmt);
    sqlite3_finalize(commit_reads);
}

Connection::Connection(const std::string& path, bool create_if_missing)
    : path_(path), cache_(std::make_shared<StatementCache>()) {
    if (is_postgresql_url(path)) {
        pg_ = std::make_unique<PgConnection>(path);
        return;
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (create_if_missing) flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "Cannot open database " + path + ": " +
                              (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw_db_error(rc, message);
    }
    sqlite3_busy_handler(db_, wait_for_lock, this);
    sqlite3_extended_result_codes(db_, 1);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
    // With WAL, NORMAL syncs at checkpoints, not at every commit: a power
    // loss can lose the last commits (never corrupt the file), but a killed
    // process loses nothing acknowledged — a commit is in the WAL file, in the
    // OS's page cache, before COMMIT returns (tests/integration/test_crash_safety.py).
    exec("PRAGMA synchronous=NORMAL");
    Checkpointer::adopt(db_);
}

// sqlite3_busy_timeout sleeps 1, 2, 5, 10, … up to 100 ms between tries, so
// a writer behind another's short write (every page turn records the current
// page) slept on long after the lock was free. Sleeps of 50 µs to 0.8 ms take
// it soon after; the limit stays 10 s (write_under_reads_bench.py).
int Connection::wait_for_lock(void* connection, int tries) {
    auto& c = *static_cast<Connection*>(connection);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0) c.busy_since_ = now;
    if (now - c.busy_since_ >= busy_limit) return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(50 << std::min(tries, 4)));
    return 1;
}

Connection::~Connection() {
    cache_.reset();
    pg_.reset();
    // _v2: a Statement still alive keeps the handle until it is finalised.
    sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sql) {
    if (pg_) return pg_->exec(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw_db_error(rc, message);
    }
}

Statement Connection::prepare(std::string_view sql) {
    if (pg_) return Statement(std::make_unique<PgQuery>(*pg_, sql));
    auto it = cache_->idle.find(sql);
    if (it == cache_->idle.end())
        it = cache_->idle.emplace(std::string(sql), StatementCache::Pool{}).first;
    auto& pool = it->second;
    if (!pool.empty()) {
        sqlite3_stmt* stmt = pool.back();
        pool.pop_back();
        return Statement(db_, stmt, cache_, &pool);
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc, "SQL error in '" + std::string(sql.substr(0, 60)) + "'");
    ++prepares_;
    return Statement(db_, stmt, cache_, &pool);
}
int Connection::changes() const {
    if (pg_) return static_cast<int>(pg_->changes);
    return sqlite3_changes(db_);
}
int Connection::prepare_count() const {
    return pg_ ? pg_->prepares : prepares_;
}
bool Connection::in_transaction() const {
    if (pg_) return pg_->in_transaction();
    return !sqlite3_get_autocommit(db_);
}

Statement::Statement(std::unique_ptr<PgQuery> pg) : pg_(std::move(pg)) {}
Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::weak_ptr<StatementCache> cache,
                     StatementCache::Pool* pool)
    : db_(db), stmt_(stmt), cache_(std::move(cache)), pool_(pool) {}

ChangeStamp Connection::change_stamp() {
    auto st = prepare("PRAGMA data_version");
    st.step();
    return {st.int64(0), sqlite3_total_changes64(db_)};
}

std::string Connection::remembered(const std::string& key,
                                   const std::function<std::string()>& make) {
    // On PostgreSQL nothing tells one instance that another committed: made
    // afresh every time.
    if (pg_) return make();
    // A write transaction is open when SQLite is out of autocommit and no
    // ReadScope (which only ever reads) holds the BEGIN.
    if (!sqlite3_get_autocommit(db_) && !cache_->read_scope) return make();
    // Taken before `make` reads: what it reads is then at least as new.
    const ChangeStamp now = change_stamp();
    if (auto it = remembered_.find(key); it != remembered_.end() && it->second.stamp == now)
        return it->second.text;
    std::string text = make();
    if (remembered_.size() >= max_remembered && !remembered_.count(key)) remembered_.clear();
    remembered_[key] = {now, text};
    return text;
}

Statement::~Statement() {
    if (!stmt_) return;
    auto cache = cache_.lock();
    if (cache && pool_->size() < max_idle_per_sql) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        pool_->push_back(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
}
Statement::Statement(Statement&& o) noexcept
    : db_(o.db_), stmt_(o.stmt_), pg_(std::move(o.pg_)), cache_(std::move(o.cache_)),
      pool_(o.pool_) {
    o.stmt_ = nullptr;
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (pg_) return pg_->bind_int(i, v), *this;
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}
Statement& Statement::bind(int i, const std::string& v) {
    return bind(i, std::string_view(v));
}
Statement& Statement::bind(int i, std::string_view v) {
    if (pg_) return pg_->bind_text(i, v), *this;
    sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}
Statement& Statement::bind_blob(int i, std::string_view v) {
    if (pg_) return pg_->bind_bytes(i, v), *this;
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind_null(int i) {
    if (pg_) return pg_->bind_null(i), *this;
    sqlite3_bind_null(stmt_, i);
    return *this;
}

bool Statement::step() {
    if (pg_) return pg_->step();
    if (auto cache = cache_.lock(); cache && cache->read_scope && !sqlite3_stmt_readonly(stmt_))
        end_read_scope(db_, *cache);
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "SQL step failed");
}
void Statement::run() {
    while (step()) {
    }
}
void Statement::reset() {
    if (pg_) return pg_->reset();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int c) const {
    if (pg_) return pg_->int64(c);
    return sqlite3_column_int64(stmt_, c);
}
std::string Statement::text(int c) const {
    if (pg_) return pg_->text(c);
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
}
std::string Statement::blob(int c) const {
    if (pg_) return pg_->blob(c);
    auto p = static_cast<const char*>(sqlite3_column_blob(stmt_, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
}
bool Statement::is_null(int c) const {
    if (pg_) return pg_->is_null(c);
    return sqlite3_column_type(stmt_, c) == SQLITE_NULL;
}
std::optional<std::int64_t> Statement::optional_int64(int c) const {
    if (is_null(c)) return std::nullopt;
    return int64(c);
}
std::optional<std::string> Statement::optional_text(int c) const {
    if (is_null(c)) return std::nullopt;
    return text(c);
}

int Statement::column_count() const {
    if (pg_) return pg_->column_count();
    return sqlite3_column_count(stmt_);
}
std::string Statement::column_name(int c) const {
    if (pg_) return pg_->column_name(c);
    return sqlite3_column_name(stmt_, c);
}
Statement::Kind Statement::kind(int c) const {
    if (pg_) return pg_->kind(c);
    switch (sqlite3_column_type(stmt_, c)) {
    case SQLITE_NULL:
        return Kind::null;
    case SQLITE_INTEGER:
        return Kind::integer;
    case SQLITE_BLOB:
        return Kind::bytes;
    default:
        return Kind::text; // REAL does not occur in the schema
    }
}

void Connection::end_read_scope() {
    if (!pg_ && cache_->read_scope) db::end_read_scope(db_, *cache_);
}

// On PostgreSQL a statement outside a transaction costs no lock calls: the
// scope is not needed there.
ReadScope::ReadScope(Connection& c) : conn_(c) {
    if (!conn_.pg_ && sqlite3_get_autocommit(conn_.handle())) {
        conn_.prepare("BEGIN").run(); // deferred: no lock until the first read
        conn_.cache_->read_scope = true;
    }
}
ReadScope::~ReadScope() {
    try {
        conn_.end_read_scope();
    } catch (...) {
    }
}

Transaction::Transaction(Connection& c) : conn_(c) {
    conn_.end_read_scope();
    if (conn_.pg_)
        conn_.pg_->exec("BEGIN IMMEDIATE"); // BEGIN and the writers' lock
    else
        conn_.prepare("BEGIN IMMEDIATE").run();
}
Transaction::~Transaction() {
    if (!done_) {
        try {
            if (conn_.pg_)
                conn_.exec("ROLLBACK");
            else
                conn_.prepare("ROLLBACK").run();
        } catch (...) {
        }
    }
}
void Transaction::commit() {
    if (conn_.pg_)
        conn_.exec("COMMIT");
    else
        conn_.prepare("COMMIT").run();
    done_ = true;
}

} // namespace wte::db
