// The route table's "who" column, enforced by the router before a handler
// runs: anyone, signed in, or a named permission (403 with the reason).
#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "http/router.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

namespace {

http::Response reached(http::Context&) {
    return http::Response::json_body(200, {{"reached", true}});
}

const std::vector<http::Route>& test_routes() {
    static const std::vector<http::Route> routes = {
        {"GET", "/open", reached, http::anyone},
        {"GET", "/members", reached, http::signed_in},
        {"GET", "/users", reached, http::permission(permission::users_view)},
    };
    return routes;
}

struct RouterDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    Config config;
    RouterDb() {
        auth::init_crypto();
        path = std::filesystem::temp_directory_path() /
               ("wte-unit-router-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
        db::Stores(*conn).users.ensure_default_groups();
    }
    ~RouterDb() {
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    // A signed-in user's session cookie value.
    std::string session_of(const std::string& email, const std::string& group = "") {
        db::Stores stores(*conn);
        Id id = stores.users.create_user(email, "U", std::nullopt, UserStatus::active);
        if (!group.empty()) stores.users.add_to_group(id, *stores.users.find_group(group));
        std::string token = auth::random_token();
        stores.users.create_session(auth::token_hash(token), id, "csrf", db::now_seconds() + 3600);
        return token;
    }
    http::Response get(const std::string& path, const std::string& token = "") {
        http::Request req;
        req.method = "GET";
        req.path = path;
        if (!token.empty()) req.headers["cookie"] = std::string(api::session_cookie) + "=" + token;
        return http::Router(test_routes()).dispatch(req, config, *conn);
    }
};

json body_of(const http::Response& r) {
    return json::parse(r.body);
}

} // namespace

TEST_CASE("a route for anyone is reached without signing in") {
    RouterDb t;
    CHECK(t.get("/open").status == 200);
}

TEST_CASE("a route for signed-in users asks the others to sign in") {
    RouterDb t;
    auto r = t.get("/members");
    CHECK(r.status == 401);
    CHECK(body_of(r)["error"]["code"] == "unauthorized");
    CHECK(t.get("/members", t.session_of("s@example.org")).status == 200);
}

TEST_CASE("a route needing a permission refuses those without it and says which") {
    RouterDb t;
    CHECK(t.get("/users").status == 401);
    auto refused = t.get("/users", t.session_of("teacher@example.org", "Teacher"));
    CHECK(refused.status == 403);
    CHECK(body_of(refused)["error"]["code"] == "forbidden");
    CHECK(body_of(refused)["error"]["message"] ==
          "This needs the admin.users.view permission, which you do not have");
    auto allowed = t.get("/users", t.session_of("ua@example.org", "User Administration"));
    CHECK(allowed.status == 200);
    CHECK(body_of(allowed)["reached"] == true);
}

TEST_CASE("a request from a sandboxed frame (Origin: null) never reaches the API") {
    RouterDb t;
    http::Request req;
    req.method = "GET";
    req.path = "/open";
    req.headers["origin"] = "null";
    auto r = http::Router(test_routes()).dispatch(req, t.config, *t.conn);
    CHECK(r.status == 403);
    CHECK(body_of(r)["error"]["code"] == "null_origin");
    req.headers["origin"] = "https://wte.example.org";
    CHECK(http::Router(test_routes()).dispatch(req, t.config, *t.conn).status == 200);
}

TEST_CASE("a last {rest*} placeholder takes the rest of the path, slashes and all") {
    std::vector<std::string> params;
    CHECK(http::match_pattern("/api/v1/preview/{rest*}", "/api/v1/preview/tok/assets/a%20b.png",
                              params));
    CHECK(params == std::vector<std::string>{"tok/assets/a b.png"});
    CHECK(http::match_pattern("/api/v1/preview/{rest*}", "/api/v1/preview/", params));
    CHECK(params == std::vector<std::string>{""});
    CHECK_FALSE(http::match_pattern("/api/v1/preview/{rest*}", "/api/v1/previews/x", params));
    CHECK(http::match_pattern("/p/{id}/files/{name*}", "/p/3/files/", params));
    CHECK(params == std::vector<std::string>{"3", ""});
    CHECK(http::is_preview_path("/api/v1/preview/x"));
    CHECK_FALSE(http::is_preview_path("/api/v1/parts/1"));
}
