// The timed-task runner. Exactly once, whatever cron does:
// 1. claim: one UPDATE … WHERE due … RETURNING inside BEGIN IMMEDIATE marks a
//    batch `running` under this run's lease (owner + expiry); SQLite
//    serialises writers, so no two runners ever claim the same task.
// 2. run: in ONE transaction per batch, each task's completion (guarded by
//    status = 'running' AND lease_owner = me) and its effect commit together;
//    a task whose guard fails (lease taken over, task edited or deleted) has
//    no effect. A failing task is rolled back to its savepoint, marked failed.
// 3. crash: a killed runner's uncommitted batch simply rolls back; its
//    claimed-but-unfinished tasks are due again once the lease expires.
// 4. order: a part with another runner's live claim is left to that runner,
//    so a part's tasks take effect in run_at order even when runners overlap.
#include "tasks/runner.hpp"

#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "tasks/kinds.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace wte::tasks {

namespace {

struct RunError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A savepoint per task: a failing task's partial writes are undone without
// losing the rest of the batch (its statements come from the connection's cache).
class Savepoint {
public:
    explicit Savepoint(db::Connection& c) : c_(c) { c_.prepare("SAVEPOINT task").run(); }
    ~Savepoint() {
        if (!done_) try {
                rollback();
            } catch (...) {
            }
    }
    void release() {
        done_ = true;
        c_.prepare("RELEASE task").run();
    }
    void rollback() {
        done_ = true;
        c_.prepare("ROLLBACK TO task").run();
        c_.prepare("RELEASE task").run();
    }

private:
    db::Connection& c_;
    bool done_ = false;
};

std::string describe(const db::TaskRecord& t) {
    return "task " + std::to_string(t.id) + "  due " + format_iso8601(t.run_at) + "  " + t.name +
           "  part " + std::to_string(t.part_id) + "  " + t.options.dump() +
           (t.status == TaskStatus::running
                ? "  (lease of " + t.lease_owner.value_or("?") + " expired)"
                : "");
}

} // namespace

std::string runner_id() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    return auth::random_token().substr(0, 12) + "@" + (host[0] ? host : "unknown-host") + ":" +
           std::to_string(getpid());
}

RunReport run_due_tasks(db::Connection& c, UnixSeconds now, UnixSeconds wall_now,
                        const std::string& owner) {
    db::Stores stores(c);
    db::TaskStore& tasks = stores.tasks;
    RunReport report;
    // With --now in the past a lease must still outlast this run in real time.
    const std::int64_t lease_until = std::max(now, wall_now) + lease_seconds;
    for (;;) {
        std::vector<db::TaskRecord> batch;
        {
            db::Transaction tx(c);
            batch = tasks.claim_due(now, owner, lease_until, batch_size);
            tx.commit();
        }
        if (batch.empty()) break;

        db::Transaction tx(c);
        RunReport this_batch;
        for (const auto& task : batch) {
            Savepoint sp(c);
            if (!tasks.complete(task.id, owner, wall_now)) {
                sp.rollback();
                ++this_batch.skipped;
                continue;
            }
            try {
                const TaskKind* kind = find_task_kind(task.name);
                if (!kind) throw TaskFailure("unknown task kind '" + task.name + "'");
                kind->run(stores, task, wall_now);
                sp.release();
                ++this_batch.completed;
            } catch (const std::exception& e) {
                // TaskFailure, or a constraint the row broke: this task only.
                sp.rollback();
                tasks.fail(task.id, owner, e.what(), wall_now);
                this_batch.failures.push_back({task.id, task.part_id, e.what()});
            }
        }
        tx.commit();
        // Counted only once committed: a batch that failed to commit ran nothing.
        report.completed += this_batch.completed;
        report.skipped += this_batch.skipped;
        report.failures.insert(report.failures.end(), this_batch.failures.begin(),
                               this_batch.failures.end());
    }
    return report;
}

std::string summary_line(const RunReport& r) {
    int run = r.run();
    std::string line = std::to_string(run) + (run == 1 ? " task run, " : " tasks run, ") +
                       std::to_string(r.failures.size()) + " failed";
    constexpr std::size_t shown = 10;
    for (std::size_t i = 0; i < r.failures.size() && i < shown; ++i)
        line += (i == 0 ? ": " : ", ") + std::string("task ") +
                std::to_string(r.failures[i].task_id) + " (" + r.failures[i].reason + ")";
    if (r.failures.size() > shown)
        line += " and " + std::to_string(r.failures.size() - shown) + " more";
    if (r.skipped > 0)
        line += "; " + std::to_string(r.skipped) + " skipped (changed or taken over meanwhile)";
    return line;
}

int run_timed_tasks(const Config& config, const RunOptions& options) {
    RunReport report;
    try {
        const UnixSeconds wall_now = static_cast<UnixSeconds>(std::time(nullptr));
        UnixSeconds now = wall_now;
        if (!options.now_text.empty()) {
            auto parsed = parse_iso8601(options.now_text);
            if (!parsed) throw RunError("--now: " + explain_bad_time(options.now_text));
            now = *parsed;
        }
        if (db::database_file_missing(config.database))
            throw RunError("Database " + config.database +
                           " does not exist; run `wte-server init-db` first");
        db::Connection conn(config.database, false);
        db::require_current_schema(conn);
        db::TaskStore tasks(conn);

        if (options.dry_run) {
            auto due = tasks.due(now, 1000000);
            for (const auto& t : due)
                std::cout << describe(t) << "\n";
            std::cout << due.size() << (due.size() == 1 ? " task" : " tasks") << " would run at "
                      << format_iso8601(now) << " (dry run: nothing was changed)\n";
            return 0;
        }
        // The common case (nothing due) is one indexed read: no write lock taken.
        if (tasks.any_due(now)) report = run_due_tasks(conn, now, wall_now, runner_id());
    } catch (const std::exception& e) {
        std::cerr << "wte-server: run-timed-tasks: " << e.what() << "\n";
        return 2;
    }
    if (!report.failures.empty()) {
        std::cerr << summary_line(report) << "\n";
        return 1;
    }
    if (!options.quiet) std::cout << summary_line(report) << "\n";
    return 0;
}

} // namespace wte::tasks
