#include "db/checkpointer.hpp"

#include "db/database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <iostream>

namespace wte::db {

namespace {
// As SQLite's own default (wal_autocheckpoint=1000): the WAL stays ~4 MB.
constexpr int checkpoint_pages = 1000;
// Commits too few to reach that are checkpointed after a while all the same,
// so a quiet server's database file is up to date.
constexpr auto quiet_interval = std::chrono::seconds(5);

std::atomic<Checkpointer*> g_running{nullptr};
std::atomic<long> g_completed{0};
} // namespace

Checkpointer::Checkpointer(std::string location) : location_(std::move(location)) {}

Checkpointer::~Checkpointer() {
    stop();
}

void Checkpointer::start() {
    if (is_postgresql_url(location_) || thread_.joinable()) return;
    g_running = this;
    thread_ = std::thread([this] { run(); });
}

void Checkpointer::stop() {
    if (!thread_.joinable()) return;
    // Commits from here on (connections still open) leave the pages to the
    // last checkpoint below, or to SQLite's when the last connection closes.
    g_running = nullptr;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Checkpointer::adopt(sqlite3* db) {
    if (g_running) sqlite3_wal_hook(db, on_commit, nullptr);
}

long Checkpointer::completed() {
    return g_completed;
}

// After each commit on an adopted connection; instead of SQLite's own
// checkpoint (a wal hook replaces it).
int Checkpointer::on_commit(void*, sqlite3*, const char*, int wal_pages) {
    Checkpointer* c = g_running;
    if (c && wal_pages >= checkpoint_pages) {
        {
            std::lock_guard lock(c->mutex_);
            c->due_ = true;
        }
        c->wake_.notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::run() {
    std::unique_ptr<Connection> conn;
    bool last = false;
    while (!last) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, quiet_interval, [this] { return due_ || stopping_; });
            due_ = false;
            last = stopping_;
        }
        try {
            if (!conn) conn = std::make_unique<Connection>(location_, false);
            int wal_pages = 0, copied = 0;
            const int rc = sqlite3_wal_checkpoint_v2(
                conn->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_pages, &copied);
            if (rc == SQLITE_OK)
                ++g_completed;
            else if (rc != SQLITE_BUSY) // another process's checkpoint: the next one
                std::cout << "checkpoint: " << sqlite3_errmsg(conn->handle()) << std::endl;
        } catch (const std::exception& e) {
            // The database went away or is full: the next round tries again.
            std::cout << "checkpoint: " << e.what() << std::endl;
            conn.reset();
        }
    }
}

} // namespace wte::db
