#include "db/rerender_store.hpp"

#include "db/rows.hpp"
#include "wte/schedule.hpp"

namespace wte::db {

std::optional<api::RerenderJob> RerenderStore::latest() {
    auto st = c_.prepare("SELECT id, state, done, total, started_at, finished_at, error "
                         "FROM rerender_jobs ORDER BY id DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    api::RerenderJob job;
    job.id = st.int64(0);
    job.state = st.text(1);
    job.done = st.integer(2);
    job.total = st.integer(3);
    job.started_at = format_iso8601(st.int64(4));
    if (auto f = st.optional_int64(5)) job.finished_at = format_iso8601(*f);
    job.error = st.optional_text(6);
    auto problems = c_.prepare("SELECT part_id, title, module_title, messages FROM "
                               "rerender_problems WHERE job_id = ? ORDER BY part_id");
    problems.bind(1, job.id);
    while (problems.step())
        job.problems.push_back({problems.int64(0), problems.text(1), problems.text(2),
                                json::parse(problems.text(3)).get<std::vector<std::string>>()});
    return job;
}

std::optional<Id> RerenderStore::running() {
    auto st = c_.prepare("SELECT id FROM rerender_jobs WHERE state = 'running'");
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

bool RerenderStore::abandoned(std::int64_t now) {
    auto st = c_.prepare("SELECT 1 FROM rerender_jobs WHERE state = 'running' AND "
                         "lease_expires < ?");
    st.bind(1, now);
    return st.step();
}

int RerenderStore::fail_abandoned(std::int64_t now) {
    c_.prepare("UPDATE rerender_jobs SET state = 'failed', finished_at = ?, error = ? "
               "WHERE state = 'running' AND lease_expires < ?")
        .bind_all(now,
                  "The wte-server process running it stopped before it finished; start it "
                  "again",
                  now)
        .run();
    return c_.changes();
}

Id RerenderStore::start(const std::string& owner, int total, std::optional<Id> started_by,
                        std::int64_t lease_expires, std::int64_t now) {
    // The latest stays, so ids keep growing (a client polling one never sees it reused).
    c_.prepare("DELETE FROM rerender_jobs WHERE state <> 'running' AND "
               "id < (SELECT MAX(id) FROM rerender_jobs)")
        .run();
    auto st = c_.prepare("INSERT INTO rerender_jobs (state, total, started_by, lease_owner, "
                         "lease_expires, started_at) VALUES ('running', ?, ?, ?, ?, ?) "
                         "RETURNING id");
    st.bind_all(total, started_by, owner, lease_expires, now).step();
    return st.int64(0);
}

std::optional<std::pair<Id, Id>> RerenderStore::held_by(const std::string& owner) {
    auto st = c_.prepare("SELECT id, last_part_id FROM rerender_jobs "
                         "WHERE state = 'running' AND lease_owner = ?");
    st.bind(1, owner);
    if (!st.step()) return std::nullopt;
    return std::pair{st.int64(0), st.int64(1)};
}

int RerenderStore::count_parts() {
    auto st = c_.prepare("SELECT COUNT(*) FROM parts");
    st.step();
    return st.integer(0);
}

std::vector<RenderablePart> RerenderStore::parts_after(Id after, int limit) {
    auto st = c_.prepare("SELECT p.id, p.title, COALESCE(m.title, p.title), p.content "
                         "FROM parts p LEFT JOIN parts m ON m.id = p.module_id "
                         "WHERE p.id > ? ORDER BY p.id LIMIT ?");
    st.bind_all(after, limit);
    std::vector<RenderablePart> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3)});
    return out;
}

bool RerenderStore::advance(Id job, const std::string& owner, int more_done, Id last_part,
                            std::int64_t lease_expires) {
    c_.prepare("UPDATE rerender_jobs SET done = done + ?, last_part_id = ?, lease_expires = ?, "
               "total = CASE WHEN done + ? > total THEN done + ? ELSE total END "
               "WHERE id = ? AND state = 'running' AND lease_owner = ?")
        .bind_all(more_done, last_part, lease_expires, more_done, more_done, job, owner)
        .run();
    return c_.changes() == 1;
}

void RerenderStore::add_problem(Id job, const api::RerenderProblem& p) {
    c_.prepare("INSERT INTO rerender_problems (job_id, part_id, title, module_title, messages) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .bind_all(job, p.part_id, p.title, p.module_title, json(p.messages).dump())
        .run();
}

void RerenderStore::finish(Id job, const std::string& state,
                           const std::optional<std::string>& error, std::int64_t now) {
    c_.prepare("UPDATE rerender_jobs SET state = ?, error = ?, finished_at = ?, "
               "total = CASE WHEN ? = 'done' THEN done ELSE total END "
               "WHERE id = ? AND state = 'running'")
        .bind_all(state, error, now, state, job)
        .run();
}

} // namespace wte::db
