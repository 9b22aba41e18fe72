// SQL for timed tasks. The runner's statements are written so that a task
// can only change from running to finished under the lease that claimed it.
#include "db/task_store.hpp"

#include "db/rows.hpp"

#include <algorithm>

namespace wte::db {

namespace {

constexpr const char* task_columns = "t.id, t.part_id, t.name, t.run_at, t.options, t.status, "
                                     "t.error, t.ran_at, t.lease_owner, t.lease_expires";

// What "due" means, shared by any_due, due and claim_due (?1 = now).
constexpr const char* due_condition =
    "((t.status = 'ready' AND t.run_at <= ?1) OR "
    "(t.status = 'running' AND t.lease_expires < ?1 AND t.run_at <= ?1))";

// A part with a live claim of another runner (?3 = me) is left to that
// runner: its tasks then take effect in run_at order even when a backlog is
// shared out among several runners (the other runner claims the rest next).
constexpr const char* held_by_others =
    "(SELECT h.part_id FROM timed_tasks h WHERE h.status = 'running' AND "
    "h.lease_owner != ?3 AND h.lease_expires >= ?1)";

TaskRecord read_task(const Statement& st) {
    TaskRecord r;
    r.id = st.int64(0);
    r.part_id = st.int64(1);
    r.name = st.text(2);
    r.run_at = st.int64(3);
    // A hand-edited row with broken JSON must not stop a run: the kind's
    // validator then fails that one task with a reason.
    r.options = json::parse(st.text(4), nullptr, false);
    if (r.options.is_discarded()) r.options = json::object();
    auto status = parse_task_status(st.text(5));
    if (!status) throw DbError(0, "Stored timed task status has an unknown value");
    r.status = *status;
    r.error = st.optional_text(6);
    r.ran_at = st.optional_int64(7);
    r.lease_owner = st.optional_text(8);
    r.lease_expires = st.optional_int64(9);
    return r;
}

} // namespace

TimedTask to_timed_task(const TaskRecord& r, const std::string& part_title) {
    TimedTask t;
    t.id = r.id;
    t.part_id = r.part_id;
    t.name = r.name;
    t.title = part_title;
    t.run_at = format_iso8601(r.run_at);
    t.options = r.options;
    t.status = r.status;
    t.error = r.error;
    if (r.ran_at) t.ran_at = format_iso8601(*r.ran_at);
    return t;
}

Id TaskStore::create(Id part, const std::string& name, UnixSeconds run_at, const json& options,
                     std::int64_t now) {
    auto st = c_.prepare("INSERT INTO timed_tasks (part_id, name, run_at, options, status, "
                         "created_at) VALUES (?, ?, ?, ?, 'ready', ?) RETURNING id");
    st.bind_all(part, name, floor_to_minute(run_at), options.dump(), now).step();
    return st.int64(0);
}

std::optional<TaskRecord> TaskStore::find(Id id) {
    auto st =
        c_.prepare(std::string("SELECT ") + task_columns + " FROM timed_tasks t WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_task(st);
}

api::Page<TimedTask> TaskStore::for_part(Id part, int page, int per_page) {
    api::Page<TimedTask> out;
    out.page = page;
    out.per_page = per_page;
    auto count = c_.prepare("SELECT COUNT(*) FROM timed_tasks WHERE part_id = ?");
    count.bind(1, part);
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare(std::string("SELECT ") + task_columns +
                         ", COALESCE(p.title, '') FROM timed_tasks t "
                         "LEFT JOIN parts p ON p.id = t.part_id WHERE t.part_id = ? "
                         "ORDER BY t.run_at, t.id LIMIT ? OFFSET ?");
    st.bind_all(part, per_page, static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back(to_timed_task(read_task(st), st.text(10)));
    return out;
}

std::optional<TimedTask> TaskStore::view(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + task_columns +
                         ", COALESCE(p.title, '') FROM timed_tasks t "
                         "LEFT JOIN parts p ON p.id = t.part_id WHERE t.id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return to_timed_task(read_task(st), st.text(10));
}

void TaskStore::update(const TaskRecord& r) {
    c_.prepare("UPDATE timed_tasks SET name = ?, run_at = ?, options = ?, status = 'ready', "
               "error = NULL, ran_at = NULL, lease_owner = NULL, lease_expires = NULL "
               "WHERE id = ?")
        .bind_all(r.name, floor_to_minute(r.run_at), r.options.dump(), r.id)
        .run();
}

void TaskStore::remove(Id id) {
    c_.prepare("DELETE FROM timed_tasks WHERE id = ?").bind(1, id).run();
}

std::set<Id> TaskStore::parts_with_pending_tasks(const std::vector<Id>& part_ids) {
    std::set<Id> out;
    if (part_ids.empty()) return out;
    // Read on every page view: no DISTINCT and no constant IN list, each of
    // which costs SQLite a temporary table (the set removes duplicates).
    // A page (no children) asks for itself alone: an equality, not a list.
    auto st =
        c_.prepare("SELECT part_id FROM timed_tasks WHERE part_id " +
                   (part_ids.size() == 1 ? std::string("= ?") : "IN " + in_list(part_ids.size())) +
                   " AND (status = 'ready' OR status = 'running')");
    if (part_ids.size() == 1)
        st.bind(1, part_ids[0]);
    else
        bind_in_list(st, 1, part_ids);
    while (st.step())
        out.insert(st.int64(0));
    return out;
}

void TaskStore::remove_in_subtree(Id part) {
    c_.prepare("WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT p.id FROM parts p "
               "JOIN down ON p.parent_id = down.id) "
               "DELETE FROM timed_tasks WHERE part_id IN (SELECT id FROM down)")
        .bind(1, part)
        .run();
}

bool TaskStore::any_due(UnixSeconds now) {
    auto st = c_.prepare(std::string("SELECT EXISTS (SELECT 1 FROM timed_tasks t WHERE ") +
                         due_condition + ")");
    st.bind(1, now);
    st.step();
    return st.int64(0) != 0;
}

std::vector<TaskRecord> TaskStore::due(UnixSeconds now, int limit) {
    // What a run would claim now: parts held by a live claim wait for it.
    auto st = c_.prepare(std::string("SELECT ") + task_columns + " FROM timed_tasks t WHERE " +
                         due_condition + " AND t.part_id NOT IN " + held_by_others +
                         " ORDER BY t.run_at, t.id LIMIT ?2");
    st.bind_all(now, limit, "");
    std::vector<TaskRecord> out;
    while (st.step())
        out.push_back(read_task(st));
    return out;
}

std::vector<TaskRecord> TaskStore::claim_due(UnixSeconds now, const std::string& owner,
                                             std::int64_t lease_expires, int limit) {
    // Each UPDATE chooses and changes its rows in one statement, so two
    // runners can never both claim a task (SQLite serialises writers; the
    // caller's BEGIN IMMEDIATE makes the choice see the latest commit). Two
    // statements rather than one OR keep each an ordered walk of the
    // (status, run_at) index, with no sort of every due row per batch.
    static constexpr const char* returning =
        " RETURNING id, part_id, name, run_at, options, status, error, ran_at, lease_owner, "
        "lease_expires";
    std::vector<TaskRecord> out;
    auto claim = [&](const std::string& which, int n) {
        auto st = c_.prepare("UPDATE timed_tasks SET status = 'running', lease_owner = ?3, "
                             "lease_expires = ?4 WHERE id IN (SELECT t.id FROM timed_tasks t "
                             "WHERE " +
                             which + " AND t.part_id NOT IN " + held_by_others +
                             " ORDER BY t.run_at, t.id LIMIT ?2)" + returning);
        st.bind_all(now, n, owner, lease_expires);
        std::vector<TaskRecord> got;
        while (st.step())
            got.push_back(read_task(st));
        // RETURNING has no defined order.
        std::sort(got.begin(), got.end(), [](const TaskRecord& a, const TaskRecord& b) {
            return a.run_at != b.run_at ? a.run_at < b.run_at : a.id < b.id;
        });
        out.insert(out.end(), got.begin(), got.end());
    };
    claim("t.status = 'running' AND t.run_at <= ?1 AND t.lease_expires < ?1", limit);
    if (static_cast<int>(out.size()) < limit)
        claim("t.status = 'ready' AND t.run_at <= ?1", limit - static_cast<int>(out.size()));
    return out;
}

bool TaskStore::complete(Id id, const std::string& owner, std::int64_t ran_at) {
    c_.prepare("UPDATE timed_tasks SET status = 'completed', error = NULL, ran_at = ?, "
               "lease_owner = NULL, lease_expires = NULL "
               "WHERE id = ? AND status = 'running' AND lease_owner = ?")
        .bind_all(ran_at, id, owner)
        .run();
    return c_.changes() == 1;
}

bool TaskStore::fail(Id id, const std::string& owner, const std::string& reason,
                     std::int64_t ran_at) {
    c_.prepare("UPDATE timed_tasks SET status = 'failed', error = ?, ran_at = ?, "
               "lease_owner = NULL, lease_expires = NULL "
               "WHERE id = ? AND status = 'running' AND lease_owner = ?")
        .bind_all(reason, ran_at, id, owner)
        .run();
    return c_.changes() == 1;
}

} // namespace wte::db
