// `wte-server run-timed-tasks`: claims every due timed task, runs it, exits.
// Any number of runners, on any number of hosts sharing the database, at any
// frequency, run each due task exactly once (the design is in runner.cpp).
#pragma once

#include "config.hpp"
#include "db/database.hpp"
#include "wte/domain.hpp"
#include "wte/schedule.hpp"

#include <string>
#include <vector>

namespace wte::tasks {

struct RunOptions {
    bool quiet = false;
    bool dry_run = false;
    std::string now_text; // ISO 8601; empty: the clock
};

// A claim is another runner's to finish for this long; after that a later run
// takes the task again (its runner is presumed dead). A batch takes
// milliseconds, so this is only reached when a runner really died.
inline constexpr std::int64_t lease_seconds = 300;
// Tasks claimed, and then completed, per transaction: the write lock is held
// only briefly, so the web server and other runners are never kept waiting long.
inline constexpr int batch_size = 200;

struct TaskOutcome {
    Id task_id = 0;
    Id part_id = 0;
    std::string reason;
};

struct RunReport {
    int completed = 0;
    std::vector<TaskOutcome> failures;
    // Claimed by this run but edited, deleted or taken over before it could
    // finish: not run here, and harmless (the guard kept it from running twice).
    int skipped = 0;
    int run() const { return completed + static_cast<int>(failures.size()); }
};

// "<random>@<host>:<pid>": unique per run, and says who held a lease.
std::string runner_id();

// Claims and runs, oldest first, every task due at `now`; ran_at and
// status_history use `wall_now`. Throws db::DbError when the database fails.
RunReport run_due_tasks(db::Connection& c, UnixSeconds now, UnixSeconds wall_now,
                        const std::string& owner);

// "4 tasks run, 1 failed: task 7 (part 12 does not exist)"
std::string summary_line(const RunReport& report);

// Returns the process exit code: 0, 1 when a task failed, 2 when the run
// could not be done (bad --now, database missing, outdated or failing).
int run_timed_tasks(const Config& config, const RunOptions& options);

} // namespace wte::tasks
