// The server's database layer on a temporary SQLite file: migrations,
// users and permissions, the tree's order, cascades and module lists.
#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

namespace {
struct TempDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    TempDb() {
        path = std::filesystem::temp_directory_path() /
               ("wte-unit-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
    }
    ~TempDb() {
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
};

Part make(PartType type, std::optional<Id> parent, const std::string& title, int order = -1) {
    Part p;
    p.type = type;
    p.parent_id = parent;
    p.title = title;
    p.order = order;
    return p;
}
} // namespace

TEST_CASE("migrations run once and are recorded") {
    TempDb t;
    CHECK(db::recorded_schema_version(*t.conn) == db::latest_schema_version());
    CHECK_NOTHROW(db::require_current_schema(*t.conn));
    CHECK(db::migrate(*t.conn) == 0);
    auto st = t.conn->prepare("PRAGMA foreign_keys");
    st.step();
    CHECK(st.integer(0) == 1);
}

TEST_CASE("a statement used again is taken from the cache, not prepared again") {
    TempDb t;
    db::Stores store(*t.conn);
    Id u = store.users.create_user("a@example.org", "A", std::nullopt, UserStatus::active);
    REQUIRE(store.users.find_user(u));
    const int prepared = t.conn->prepare_count();
    for (int i = 0; i < 3; ++i)
        CHECK(store.users.find_user(u)->user.email == "a@example.org");
    CHECK(t.conn->prepare_count() == prepared);
}

TEST_CASE("a cached statement comes back reset and without its old bindings") {
    TempDb t;
    {
        auto st = t.conn->prepare("SELECT ?");
        st.bind(1, 42);
        REQUIRE(st.step());
        CHECK(st.int64(0) == 42);
    }
    auto again = t.conn->prepare("SELECT ?");
    REQUIRE(again.step());
    CHECK(again.is_null(0));
}

TEST_CASE("the same SQL while a cursor of it is open gets a statement of its own") {
    TempDb t;
    db::Stores store(*t.conn);
    for (const char* title : {"A", "B", "C"})
        store.tree.insert_part(make(PartType::module, std::nullopt, title), std::nullopt);
    const std::string sql = "SELECT title FROM parts ORDER BY id";
    auto outer = t.conn->prepare(sql);
    REQUIRE(outer.step());
    CHECK(outer.text(0) == "A");
    const int prepared = t.conn->prepare_count();
    {
        auto inner = t.conn->prepare(sql);
        CHECK(t.conn->prepare_count() == prepared + 1);
        std::vector<std::string> titles;
        while (inner.step())
            titles.push_back(inner.text(0));
        CHECK(titles == std::vector<std::string>{"A", "B", "C"});
    }
    REQUIRE(outer.step());
    CHECK(outer.text(0) == "B");       // the outer cursor kept its place
    auto third = t.conn->prepare(sql); // the inner one is idle again: reused
    CHECK(t.conn->prepare_count() == prepared + 1);
    REQUIRE(third.step());
    CHECK(third.text(0) == "A");
}

TEST_CASE("remembered text is made again once any connection changed the database") {
    TempDb t;
    db::Connection other(t.path.string());
    int made = 0;
    auto count_users = [&] {
        ++made;
        auto st = t.conn->prepare("SELECT COUNT(*) FROM users");
        st.step();
        return std::to_string(st.int64(0));
    };
    auto add_user = [](db::Connection& c, const std::string& email) {
        c.prepare("INSERT INTO users (email, name, created_at) VALUES (?, 'N', 0)")
            .bind(1, email)
            .run();
    };
    CHECK(t.conn->remembered("users", count_users) == "0");
    {
        db::ReadScope reads(*t.conn);
        CHECK(t.conn->remembered("users", count_users) == "0");
        CHECK_FALSE(sqlite3_get_autocommit(t.conn->handle())); // the stamp kept the scope open
    }
    CHECK(made == 1);
    add_user(other, "a@example.org"); // another connection commits
    CHECK(t.conn->remembered("users", count_users) == "1");
    add_user(*t.conn, "b@example.org"); // its own change
    CHECK(t.conn->remembered("users", count_users) == "2");
    CHECK(made == 3);
    {
        // What a write transaction sees may be rolled back: never kept.
        db::Transaction tx(*t.conn);
        add_user(*t.conn, "c@example.org");
        CHECK(t.conn->remembered("users", count_users) == "3");
    }
    CHECK(t.conn->remembered("users", count_users) == "2");
    CHECK(made == 5);
}

TEST_CASE("a user's permissions are the union of direct ones and their groups'") {
    TempDb t;
    db::Stores store(*t.conn);
    store.users.ensure_default_groups();
    store.users.ensure_default_groups(); // idempotent
    CHECK(store.users.groups().size() == 4);
    Id u = store.users.create_user("a@example.org", "A", std::nullopt, UserStatus::active);
    store.users.add_to_group(u, *store.users.find_group("Teacher"));
    store.users.grant_permission(u, "admin.users.view");
    CHECK(store.users.permissions_of(u) ==
          std::set<std::string>{"modules.create", "admin.users.view"});
    CHECK(store.users.find_user_by_email("A@EXAMPLE.ORG")->user.id == u);
    CHECK_THROWS_AS(
        store.users.create_user("a@example.org", "Dup", std::nullopt, UserStatus::active),
        db::DbError);
}

TEST_CASE("new parts go to the requested place among their siblings") {
    TempDb t;
    db::Stores store(*t.conn);
    Id m = store.tree.insert_part(make(PartType::module, std::nullopt, "M"), std::nullopt);
    CHECK(store.tree.find_part(m)->module_id == m);
    Id a = store.tree.insert_part(make(PartType::part, m, "A"), m);
    Id c = store.tree.insert_part(make(PartType::part, m, "C"), m);
    Id b = store.tree.insert_part(make(PartType::part, m, "B", 1), m);
    auto kids = store.tree.children(m);
    REQUIRE(kids.size() == 3);
    CHECK(kids[0].id == a);
    CHECK(kids[1].id == b);
    CHECK(kids[2].id == c);
    store.tree.move_part(a, 2);
    kids = store.tree.children(m);
    CHECK(kids[2].id == a);
    CHECK(kids[0].order == 0);
    CHECK(kids[2].order == 2);
}

TEST_CASE("the chain runs from the module down to the node") {
    TempDb t;
    db::Stores store(*t.conn);
    Id m = store.tree.insert_part(make(PartType::module, std::nullopt, "M"), std::nullopt);
    Id p = store.tree.insert_part(make(PartType::part, m, "P"), m);
    Id g = store.tree.insert_part(make(PartType::page, p, "G"), m);
    auto chain = store.tree.chain(g);
    REQUIRE(chain.size() == 3);
    CHECK(chain[0].part.id == m);
    CHECK(chain[2].part.id == g);
    CHECK(store.tree.chain(9999).empty());
}

TEST_CASE("deleting a part removes its subtree, its tasks and keeps siblings in order") {
    TempDb t;
    db::Stores store(*t.conn);
    Id m = store.tree.insert_part(make(PartType::module, std::nullopt, "M"), std::nullopt);
    Id p1 = store.tree.insert_part(make(PartType::part, m, "P1"), m);
    Id p2 = store.tree.insert_part(make(PartType::part, m, "P2"), m);
    Id g = store.tree.insert_part(make(PartType::page, p1, "G"), m);
    t.conn
        ->prepare("INSERT INTO timed_tasks (part_id, name, run_at, created_at) VALUES (?, "
                  "'change_status', 0, 0)")
        .bind(1, g)
        .run();
    store.tree.delete_part_tree(p1);
    CHECK_FALSE(store.tree.find_part(g));
    auto st = t.conn->prepare("SELECT COUNT(*) FROM timed_tasks");
    st.step();
    CHECK(st.integer(0) == 0);
    auto kids = store.tree.children(m);
    REQUIRE(kids.size() == 1);
    CHECK(kids[0].id == p2);
    CHECK(kids[0].order == 0);
}

TEST_CASE("status changes are recorded in the history") {
    TempDb t;
    db::Stores store(*t.conn);
    Id m = store.tree.insert_part(make(PartType::module, std::nullopt, "M"), std::nullopt);
    store.tree.set_status(m, Status::unavailable, Status::available, std::nullopt, 7, 100);
    CHECK(store.tree.find_part(m)->part.status == Status::available);
    auto st = t.conn->prepare("SELECT old_status, new_status, task_id FROM status_history");
    REQUIRE(st.step());
    CHECK(st.text(0) == "unavailable");
    CHECK(st.text(1) == "available");
    CHECK(st.int64(2) == 7);
}

TEST_CASE("my modules lists modules with a role, never blocked ones, filtered by status") {
    TempDb t;
    db::Stores store(*t.conn);
    Id u = store.users.create_user("s@example.org", "S", std::nullopt, UserStatus::active);
    Id m1 = store.tree.insert_part(make(PartType::module, std::nullopt, "Alpha"), std::nullopt);
    Id m2 = store.tree.insert_part(make(PartType::module, std::nullopt, "Beta"), std::nullopt);
    Id m3 = store.tree.insert_part(make(PartType::module, std::nullopt, "Gamma"), std::nullopt);
    store.membership.set_role(m1, u, ModuleRole::student);
    store.membership.set_role(m2, u, ModuleRole::block);
    store.membership.set_role(m3, u, ModuleRole::owner);
    store.tree.set_status(m3, Status::unavailable, Status::archived, std::nullopt, std::nullopt, 1);
    auto all = store.membership.my_modules(u, {}, 1, 50);
    REQUIRE(all.total == 2);
    CHECK(all.items[0].module.id == m1);
    CHECK(all.items[1].role == ModuleRole::owner);
    CHECK(store.membership.my_modules(u, {Status::archived}, 1, 50).total == 1);
    auto second_page = store.membership.my_modules(u, {}, 2, 1);
    REQUIRE(second_page.items.size() == 1);
    CHECK(second_page.items[0].module.id == m3);
}

TEST_CASE("sessions expire and can be ended") {
    TempDb t;
    db::Stores store(*t.conn);
    Id u = store.users.create_user("s@example.org", "S", std::nullopt, UserStatus::active);
    store.users.create_session("h1", u, "csrf", 1000);
    CHECK(store.users.find_session("h1", 999)->user_id == u);
    CHECK_FALSE(store.users.find_session("h1", 1000));
    store.users.delete_session("h1");
    CHECK_FALSE(store.users.find_session("h1", 0));
}

TEST_CASE("passwords are hashed with Argon2id and verified") {
    auth::init_crypto();
    auto h = auth::hash_password("correct horse");
    CHECK(h.rfind("$argon2id$", 0) == 0);
    CHECK(auth::verify_password(h, "correct horse"));
    CHECK_FALSE(auth::verify_password(h, "correct horsE"));
    CHECK_FALSE(auth::verify_password("", "x"));
    CHECK(auth::random_token() != auth::random_token());
    CHECK(auth::random_token().size() == 64);
}
