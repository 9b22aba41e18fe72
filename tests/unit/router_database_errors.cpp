// Database failures a request can meet, each answered in one place (the
// router) with a JSON error instead of a 500: a UNIQUE constraint another
// request won (409 already_exists), a row for something another request
// deleted (404), a full disk (503 storage_full), another writer holding the
// lock past the busy timeout (503 database_busy).
#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "http/router.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

namespace {

http::Response create_same_user_twice(http::Context& ctx) {
    for (int i = 0; i < 2; ++i)
        ctx.stores.users.create_user("twice@example.org", "Twice", std::nullopt,
                                     UserStatus::active);
    return http::Response::json_body(201, {});
}

http::Response write_a_group(http::Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    ctx.stores.connection.exec("INSERT INTO permission_groups (title) VALUES ('Written')");
    tx.commit();
    return http::Response::json_body(201, {});
}

http::Response add_to_a_deleted_user(http::Context& ctx) {
    ctx.stores.users.add_to_group(987654, *ctx.stores.users.find_group("Student"));
    return http::Response::json_body(201, {});
}

http::Response disk_full(http::Context&) {
    db::throw_db_error(SQLITE_FULL, "database or disk is full");
}

const std::vector<http::Route>& test_routes() {
    static const std::vector<http::Route> routes = {
        {"POST", "/twice", create_same_user_twice, http::anyone, false},
        {"POST", "/write", write_a_group, http::anyone, false},
        {"POST", "/full", disk_full, http::anyone, false},
        {"POST", "/gone", add_to_a_deleted_user, http::anyone, false},
    };
    return routes;
}

struct ErrorsDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    Config config;
    ErrorsDb() {
        auth::init_crypto();
        path = std::filesystem::temp_directory_path() /
               ("wte-unit-dberrors-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
        db::Stores(*conn).users.ensure_default_groups();
    }
    ~ErrorsDb() {
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    http::Response post(const std::string& path) {
        http::Request req;
        req.method = "POST";
        req.path = path;
        return http::Router(test_routes()).dispatch(req, config, *conn);
    }
    int count(const std::string& sql) {
        auto st = conn->prepare(sql);
        st.step();
        return st.integer(0);
    }
};

json error_of(const http::Response& r) {
    return json::parse(r.body)["error"];
}

} // namespace

TEST_CASE("the database layer throws a UNIQUE violation as its own type") {
    ErrorsDb t;
    db::Stores stores(*t.conn);
    stores.users.create_user("one@example.org", "One", std::nullopt, UserStatus::active);
    CHECK_THROWS_AS(
        stores.users.create_user("ONE@example.org", "One", std::nullopt, UserStatus::active),
        db::UniqueViolation);
}

TEST_CASE("a thing created twice is a 409 already_exists, not a 500") {
    ErrorsDb t;
    auto r = t.post("/twice");
    CHECK(r.status == 409);
    CHECK(error_of(r)["code"] == "already_exists");
    CHECK_FALSE(error_of(r)["message"].get<std::string>().empty());
}

TEST_CASE("a row for something deleted meanwhile (a foreign key) is a 404, not a 500") {
    ErrorsDb t;
    auto r = t.post("/gone");
    CHECK(r.status == 404);
    CHECK(error_of(r)["code"] == "not_found");
}

TEST_CASE("a full disk is a 503 storage_full") {
    ErrorsDb t;
    auto r = t.post("/full");
    CHECK(r.status == 503);
    CHECK(error_of(r)["code"] == "storage_full");
}

TEST_CASE("a database locked past the busy timeout is a 503 database_busy that changed nothing") {
    ErrorsDb t;
    sqlite3_busy_timeout(t.conn->handle(), 50);
    {
        db::Connection other(t.path.string());
        other.exec("BEGIN EXCLUSIVE");
        auto r = t.post("/write");
        CHECK(r.status == 503);
        CHECK(error_of(r)["code"] == "database_busy");
        other.exec("ROLLBACK");
    }
    CHECK(t.count("SELECT count(*) FROM permission_groups WHERE title = 'Written'") == 0);
    CHECK(t.post("/write").status == 201);
    CHECK(t.count("SELECT count(*) FROM permission_groups WHERE title = 'Written'") == 1);
}
