// The WAL file's checkpoints, off the requests' path. A checkpoint copies
// the WAL into the database file and fsyncs both (2 ms typically on these
// disks, 100 ms at worst); SQLite runs it inside the commit that took the WAL
// past 1000 pages — somebody's request, and with two worker threads every
// connection behind it waits too. While a Checkpointer runs, the SQLite
// connections this process opens only count the WAL's pages after each
// commit and wake its thread, which checkpoints on a connection of its own
// (PASSIVE: it never waits for, nor blocks, readers and writers). Processes
// without one (run-timed-tasks, the CLI) keep SQLite's own checkpoints.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace wte::db {

class Checkpointer {
public:
    // `location` as for Connection; on PostgreSQL start() does nothing.
    explicit Checkpointer(std::string location);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    void start();
    // Checkpoints once more (what the last commits left) and ends the thread.
    void stop();

    // Called by Connection for each SQLite connection it opens: hands its
    // checkpoints to the running Checkpointer, if there is one.
    static void adopt(sqlite3* db);
    // Checkpoints done by the thread so far (tests, the bench).
    static long completed();

private:
    void run();
    static int on_commit(void*, sqlite3* db, const char* schema, int wal_pages);
    std::string location_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool due_ = false;
    bool stopping_ = false;
};

} // namespace wte::db
