// The runner's exactly-once protocol on a temporary SQLite file: atomic
// claims, leases that expire, guarded completion, failures that stay local,
// and several runners at once (threads with their own connections).
#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "tasks/kinds.hpp"
#include "tasks/runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <thread>

using namespace wte;

namespace {
struct TaskDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    TaskDb() {
        auth::init_crypto();
        path = std::filesystem::temp_directory_path() /
               ("wte-unit-tasks-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
    }
    ~TaskDb() {
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    db::TaskStore tasks() { return db::TaskStore(*conn); }
    std::optional<db::PartRecord> find_part(Id id) { return db::Stores(*conn).tree.find_part(id); }

    Id part(PartType type = PartType::part, Status status = Status::unavailable) {
        db::Stores s(*conn);
        Part m;
        m.type = PartType::module;
        m.title = "M";
        Id module = s.tree.insert_part(m, std::nullopt);
        if (type == PartType::module) return module;
        Part p;
        p.type = type;
        p.parent_id = module;
        p.title = "P";
        p.status = status;
        p.order = -1;
        return s.tree.insert_part(p, module);
    }
    Id task(Id part, UnixSeconds run_at, const std::string& target = "available",
            const std::string& name = "change_status") {
        return tasks().create(part, name, run_at, {{"target_status", target}}, 0);
    }
    std::int64_t scalar(const std::string& sql) {
        auto st = conn->prepare(sql);
        st.step();
        return st.int64(0);
    }
};

constexpr UnixSeconds t0 = 1796115600; // 2026-12-01T09:00:00Z
} // namespace

TEST_CASE("a due task is claimed by one runner only") {
    TaskDb db;
    Id id = db.task(db.part(), t0);
    auto tasks = db.tasks();
    auto first = tasks.claim_due(t0, "runner-a", t0 + 300, 200);
    REQUIRE(first.size() == 1);
    CHECK(first[0].id == id);
    CHECK(tasks.find(id)->status == TaskStatus::running);
    CHECK(tasks.find(id)->lease_owner == "runner-a");
    CHECK(tasks.claim_due(t0 + 10, "runner-b", t0 + 310, 200).empty());
    CHECK_FALSE(tasks.any_due(t0 + 10));
}

TEST_CASE("a task is not due before its minute") {
    TaskDb db;
    db.task(db.part(), t0 + 30); // stored as 09:00
    auto tasks = db.tasks();
    CHECK_FALSE(tasks.any_due(t0 - 1));
    CHECK(tasks.claim_due(t0 - 1, "r", t0 + 300, 200).empty());
    CHECK(tasks.any_due(t0));
    CHECK(tasks.claim_due(t0, "r", t0 + 300, 200).size() == 1);
}

TEST_CASE("claims come in batches, oldest first") {
    TaskDb db;
    Id p = db.part();
    std::vector<Id> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(db.task(p, t0 - 60 * i)); // later ids are older
    auto tasks = db.tasks();
    auto batch = tasks.claim_due(t0, "r", t0 + 300, 2);
    REQUIRE(batch.size() == 2);
    CHECK(batch[0].id == ids[4]);
    CHECK(batch[1].id == ids[3]);
    CHECK(tasks.claim_due(t0, "r", t0 + 300, 200).size() == 3);
}

TEST_CASE("an expired lease is taken over, and the old owner can no longer finish the task") {
    TaskDb db;
    Id id = db.task(db.part(), t0);
    auto tasks = db.tasks();
    REQUIRE(tasks.claim_due(t0, "dead", t0 + 300, 200).size() == 1);
    CHECK(tasks.claim_due(t0 + 299, "b", t0 + 599, 200).empty()); // still leased
    auto taken = tasks.claim_due(t0 + 301, "b", t0 + 601, 200);
    REQUIRE(taken.size() == 1);
    CHECK(taken[0].lease_owner == "b");
    CHECK_FALSE(tasks.complete(id, "dead", t0 + 302));
    CHECK_FALSE(tasks.fail(id, "dead", "late", t0 + 302));
    CHECK(tasks.complete(id, "b", t0 + 302));
    CHECK_FALSE(tasks.complete(id, "b", t0 + 303)); // and only once
    auto done = tasks.find(id);
    CHECK(done->status == TaskStatus::completed);
    CHECK(done->ran_at == t0 + 302);
    CHECK_FALSE(done->lease_owner);
}

TEST_CASE("editing a finished task makes it ready again") {
    TaskDb db;
    Id id = db.task(db.part(), t0);
    auto tasks = db.tasks();
    tasks.claim_due(t0, "r", t0 + 300, 200);
    tasks.fail(id, "r", "part 1 does not exist", t0);
    auto rec = *tasks.find(id);
    CHECK(rec.status == TaskStatus::failed);
    rec.run_at = t0 + 3600 + 59;
    tasks.update(rec);
    auto again = *tasks.find(id);
    CHECK(again.status == TaskStatus::ready);
    CHECK_FALSE(again.error);
    CHECK_FALSE(again.ran_at);
    CHECK(again.run_at == t0 + 3600);
}

TEST_CASE("a task edited while claimed is not run by the claiming runner") {
    TaskDb db;
    Id p = db.part();
    Id id = db.task(p, t0);
    auto tasks = db.tasks();
    tasks.claim_due(t0, "r", t0 + 300, 200);
    tasks.update(*tasks.find(id)); // the teacher saves it meanwhile
    CHECK_FALSE(tasks.complete(id, "r", t0));
    CHECK(tasks.find(id)->status == TaskStatus::ready);
}

TEST_CASE("running a task changes the part and records it against the task, once") {
    TaskDb db;
    Id p = db.part();
    Id id = db.task(p, t0, "available");
    auto report = tasks::run_due_tasks(*db.conn, t0, t0 + 5, "r");
    CHECK(report.completed == 1);
    CHECK(report.failures.empty());
    CHECK(db.find_part(p)->part.status == Status::available);
    CHECK(db.scalar("SELECT COUNT(*) FROM status_history WHERE task_id = " + std::to_string(id)) ==
          1);
    CHECK(db.tasks().find(id)->ran_at == t0 + 5);
    CHECK(tasks::run_due_tasks(*db.conn, t0 + 60, t0 + 60, "r").run() == 0);
    CHECK(tasks::summary_line(report) == "1 task run, 0 failed");
}

TEST_CASE("a failing task is marked failed with its reason and the others still run") {
    TaskDb db;
    Id page = db.part(PartType::page);
    Id ok1 = db.task(page, t0 - 120);
    Id gone = db.task(987654, t0 - 60);
    Id archive_page = db.task(page, t0 - 60, "archived");
    Id unknown = db.task(page, t0 - 60, "available", "send_mail");
    Id ok2 = db.task(page, t0, "unavailable");
    auto report = tasks::run_due_tasks(*db.conn, t0, t0, "r");
    CHECK(report.completed == 2);
    REQUIRE(report.failures.size() == 3);
    auto tasks = db.tasks();
    CHECK(tasks.find(ok1)->status == TaskStatus::completed);
    CHECK(tasks.find(ok2)->status == TaskStatus::completed);
    CHECK(tasks.find(gone)->status == TaskStatus::failed);
    CHECK(tasks.find(gone)->error == "part 987654 does not exist");
    CHECK(tasks.find(archive_page)->error == "Only modules can be archived; this is a page");
    CHECK(tasks.find(unknown)->error == "unknown task kind 'send_mail'");
    CHECK(db.find_part(page)->part.status == Status::unavailable); // ok2 ran last
    CHECK(db.scalar("SELECT COUNT(*) FROM status_history") == 2);
    CHECK_THAT(tasks::summary_line(report),
               Catch::StartsWith("5 tasks run, 3 failed: task " + std::to_string(gone) +
                                 " (part 987654 does not exist)"));
}

TEST_CASE("tasks claimed by a runner that died run once the lease has expired") {
    TaskDb db;
    Id held = db.part(), free = db.part();
    for (int i = 0; i < 4; ++i)
        db.task(held, t0 - 60);
    for (int i = 0; i < 6; ++i)
        db.task(free, t0);
    REQUIRE(db.tasks().claim_due(t0, "dead", t0 + tasks::lease_seconds, 4).size() == 4);
    // Until the lease expires the dead runner's part waits (its order is kept).
    db.task(held, t0);
    auto early = tasks::run_due_tasks(*db.conn, t0 + 60, t0 + 60, "next");
    CHECK(early.completed == 6);
    auto later =
        tasks::run_due_tasks(*db.conn, t0 + tasks::lease_seconds + 1, t0 + 400, "after-lease");
    CHECK(later.completed == 5);
    CHECK(db.scalar("SELECT COUNT(*) FROM status_history") == 11);
    CHECK(db.scalar("SELECT COUNT(*) FROM timed_tasks WHERE status != 'completed'") == 0);
}

TEST_CASE("several runners at once run every task exactly once") {
    TaskDb db;
    std::vector<Id> parts;
    for (int i = 0; i < 20; ++i)
        parts.push_back(db.part());
    {
        db::Transaction tx(*db.conn);
        for (int i = 0; i < 1000; ++i)
            db.task(parts[i % parts.size()], t0 - 60 * (1000 - i),
                    i % 2 ? "available" : "unavailable");
        tx.commit();
    }
    std::vector<tasks::RunReport> reports(6);
    std::vector<std::thread> runners;
    for (std::size_t r = 0; r < reports.size(); ++r)
        runners.emplace_back([&, r] {
            db::Connection c(db.path.string());
            reports[r] = tasks::run_due_tasks(c, t0, t0, "runner-" + std::to_string(r));
        });
    for (auto& t : runners)
        t.join();
    int total = 0;
    for (const auto& r : reports) {
        total += r.completed;
        CHECK(r.failures.empty());
    }
    CHECK(total == 1000);
    CHECK(db.scalar("SELECT COUNT(*) FROM status_history") == 1000);
    CHECK(db.scalar("SELECT COUNT(*) FROM (SELECT task_id FROM status_history GROUP BY task_id "
                    "HAVING COUNT(*) != 1)") == 0);
    CHECK(db.scalar("SELECT COUNT(*) FROM timed_tasks WHERE status != 'completed'") == 0);
    // Each part ends in the status of its latest task: order held across runners.
    for (std::size_t k = 0; k < parts.size(); ++k)
        CHECK(db.find_part(parts[k])->part.status ==
              ((980 + k) % 2 ? Status::available : Status::unavailable));
}

TEST_CASE("a part another runner is working on is left to it, so its tasks keep their order") {
    TaskDb db;
    Id p = db.part(), q = db.part();
    Id p1 = db.task(p, t0 - 120), p2 = db.task(p, t0 - 60), q1 = db.task(q, t0);
    auto tasks = db.tasks();
    auto a = tasks.claim_due(t0, "a", t0 + 300, 1);
    REQUIRE(a.size() == 1);
    CHECK(a[0].id == p1);
    auto b = tasks.claim_due(t0, "b", t0 + 300, 200);
    REQUIRE(b.size() == 1);
    CHECK(b[0].id == q1);
    tasks.complete(p1, "a", t0);
    auto b2 = tasks.claim_due(t0, "b", t0 + 300, 200);
    REQUIRE(b2.size() == 1);
    CHECK(b2[0].id == p2);
}

TEST_CASE("a dry run lists what a run would take, and changes nothing") {
    TaskDb db;
    Id p = db.part(), q = db.part();
    Id p1 = db.task(p, t0 - 60), p2 = db.task(p, t0), q1 = db.task(q, t0);
    db.task(q, t0 + 60); // not yet due
    auto tasks = db.tasks();
    auto due = tasks.due(t0, 100);
    REQUIRE(due.size() == 3);
    CHECK(due[0].id == p1);
    CHECK(due[1].id == p2);
    CHECK(due[2].id == q1);
    CHECK(db.scalar("SELECT COUNT(*) FROM timed_tasks WHERE status = 'ready'") == 4);
    tasks.claim_due(t0, "busy", t0 + 300, 1); // takes p1: part p is held
    due = tasks.due(t0, 100);
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == q1);
}

TEST_CASE("every task kind has a run function and a validator — unknown kinds are named") {
    for (const auto& k : tasks::task_kinds()) {
        CHECK(k.run != nullptr);
        CHECK(k.validate != nullptr);
        CHECK(tasks::find_task_kind(k.name) == &k);
    }
    CHECK_THROWS_WITH(tasks::require_task_kind("send_mail"),
                      "Unknown task kind 'send_mail'; known kinds: change_status");
}
