// "Re-render all content" on a temporary database: the job walks the tree
// in batches of its own transactions (progress visible after each), reports
// the pages the parser has problems with, re-extracts quizzes, and a job
// that is not the worker's own is left alone.
#include "content/rerender.hpp"
#include "auth/crypto.hpp"
#include "content/quizzes.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

namespace {
struct RerenderDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    RerenderDb() {
        path = std::filesystem::temp_directory_path() /
               ("wte-unit-rerender-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
    }
    ~RerenderDb() {
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
};

Id add(db::Stores& s, PartType type, std::optional<Id> parent, std::optional<Id> module,
       const std::string& title, const std::string& content = "") {
    Part p;
    p.type = type;
    p.parent_id = parent;
    p.title = title;
    p.content = content;
    p.order = -1;
    return s.tree.insert_part(p, module);
}

const char* quiz = ".. quiz:: q\n   :title: T\n\n   .. quiz-question:: one\n      :question: "
                   "1+1?\n      :type: single-choice\n\n      [x] 2\n      [ ] 3\n";
} // namespace

TEST_CASE("re-rendering walks every part in batches and lists the pages with problems") {
    RerenderDb t;
    db::Stores s(*t.conn);
    const Id module = add(s, PartType::module, std::nullopt, std::nullopt, "Café");
    const Id part = add(s, PartType::part, module, module, "Week 1");
    for (int i = 0; i < 20; ++i)
        add(s, PartType::page, part, module, "Page " + std::to_string(i), "Fine text.\n");
    const Id broken =
        add(s, PartType::page, part, module, "Broken", "x\n\nA long title\n====\n\ny\n");
    const Id quiz_page = add(s, PartType::page, part, module, "Quiz", quiz);
    // Stored without its quizzes, as an older parser might have left it.
    REQUIRE(s.quizzes.of_part(quiz_page).empty());

    const auto now = db::now_seconds();
    s.rerender.start("me", s.rerender.count_parts(), std::nullopt, now + 15, now);
    REQUIRE(content::rerender_batch(s, "me"));
    auto job = s.rerender.latest();
    CHECK(job->state == "running");
    CHECK(job->done == content::rerender_batch_size);
    CHECK(job->total == 24);
    CHECK_FALSE(content::rerender_batch(s, "someone else")); // not theirs: nothing happens
    CHECK(s.rerender.latest()->done == content::rerender_batch_size);
    int batches = 1;
    while (content::rerender_batch(s, "me"))
        ++batches;
    CHECK(batches == 3);
    job = s.rerender.latest();
    CHECK(job->state == "done");
    CHECK(job->done == 24);
    CHECK(job->total == 24);
    CHECK(job->finished_at);
    REQUIRE(job->problems.size() == 1);
    CHECK(job->problems[0].part_id == broken);
    CHECK(job->problems[0].module_title == "Café");
    CHECK(job->problems[0].messages[0].rfind("line 4: ", 0) == 0);
    CHECK(s.quizzes.of_part(quiz_page).size() == 1);
    CHECK_FALSE(s.rerender.running());
}

TEST_CASE("a job whose lease ran out is failed, and only one job runs at a time") {
    RerenderDb t;
    db::Stores s(*t.conn);
    const auto now = db::now_seconds();
    s.rerender.start("gone", 3, std::nullopt, now - 1, now - 20);
    CHECK_THROWS_AS(s.rerender.start("me", 3, std::nullopt, now + 15, now), db::DbError);
    CHECK(s.rerender.abandoned(now));
    CHECK(s.rerender.fail_abandoned(now) == 1);
    auto job = s.rerender.latest();
    CHECK(job->state == "failed");
    CHECK(job->error);
    CHECK_FALSE(content::rerender_batch(s, "gone"));
    CHECK(s.rerender.start("me", 3, std::nullopt, now + 15, now) > job->id);
}
