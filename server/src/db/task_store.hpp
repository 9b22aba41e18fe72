// TaskStore: every SQL statement about timed tasks — what the API lists and
// edits, which parts have pending tasks, removing a deleted subtree's tasks,
// and the runner's claim/complete protocol whose guards make each due task
// take effect exactly once (see tasks/runner.cpp for the whole design).
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"
#include "wte/schedule.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wte::db {

struct TaskRecord {
    Id id = 0;
    Id part_id = 0;
    std::string name;
    UnixSeconds run_at = 0;
    json options = json::object();
    TaskStatus status = TaskStatus::ready;
    std::optional<std::string> error;
    std::optional<std::int64_t> ran_at;
    std::optional<std::string> lease_owner;
    std::optional<std::int64_t> lease_expires;
};

// The API's form; title is the part's.
TimedTask to_timed_task(const TaskRecord& r, const std::string& part_title);

class TaskStore {
public:
    explicit TaskStore(Connection& c) : c_(c) {}

    // For the API
    Id create(Id part, const std::string& name, UnixSeconds run_at, const json& options,
              std::int64_t now);
    std::optional<TaskRecord> find(Id id);
    api::Page<TimedTask> for_part(Id part, int page, int per_page); // by run_at, then id
    std::optional<TimedTask> view(Id id);
    // Sets name, run_at, options and makes the task ready again: a finished
    // task's error, ran_at and any lease are cleared (a runner holding the
    // lease then cannot complete it: its guard no longer matches).
    void update(const TaskRecord& r);
    void remove(Id id);
    // Of `part_ids`, those with a task still to run (ready or running).
    std::set<Id> parts_with_pending_tasks(const std::vector<Id>& part_ids);
    // Timed tasks have no foreign key to parts (a task of a vanished part
    // fails with a reason): removing a subtree removes them here.
    void remove_in_subtree(Id part);

    // For the runner. "Due" means ready with run_at <= now, or running with an
    // expired lease (its runner died); oldest first.
    bool any_due(UnixSeconds now);
    std::vector<TaskRecord> due(UnixSeconds now, int limit); // what a run would take (dry run)
    // Atomically marks up to `limit` due tasks running under `owner` until
    // `lease_expires` and returns them: expired claims first (they were due
    // before anything still ready), then ready tasks oldest first; parts that
    // another runner holds a live claim on are skipped. Call inside
    // a Transaction (BEGIN IMMEDIATE) so selection and update see one snapshot.
    std::vector<TaskRecord> claim_due(UnixSeconds now, const std::string& owner,
                                      std::int64_t lease_expires, int limit);
    // Finish a claimed task; false (and nothing written) unless it is still
    // running under `owner` — i.e. the lease was not taken over or the task
    // edited or deleted meanwhile.
    bool complete(Id id, const std::string& owner, std::int64_t ran_at);
    bool fail(Id id, const std::string& owner, const std::string& reason, std::int64_t ran_at);

private:
    Connection& c_;
};

} // namespace wte::db
