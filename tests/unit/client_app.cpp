// The client's app layer natively: routes through the screen registry, the
// session, and how replies land in the state (client-wasm/app/).
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "wte/rules.hpp"

#include <catch2/catch.hpp>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* session_json =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Student One","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

json part_json(Id id, const char* type, const char* title, std::optional<Id> parent = {},
               std::vector<Id> children = {}) {
    PartView v;
    v.part.id = id;
    v.part.type = parse_part_type(type).value();
    v.part.title = title;
    v.part.parent_id = parent;
    v.my_role = ModuleRole::student;
    for (Id c : children) {
        PartSummary s;
        s.id = c;
        s.title = "Page " + std::to_string(c);
        s.type = PartType::page;
        v.children.push_back(s);
    }
    return v;
}

// An app started at `hash` whose /auth/me answered "signed in".
struct SignedIn {
    FakePlatform browser;
    App app{browser};
    explicit SignedIn(const std::string& hash) {
        browser.hash = hash;
        app.start();
        answer("GET", api::path_me(), 200, session_json);
    }
    // Replies and images that arrived, then the end of a frame with nothing asked.
    void frame() {
        app.poll();
        Actions none;
        app.apply(none);
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body);
        app.poll();
    }
    void apply(Actions a) { app.apply(a); }
};

} // namespace

TEST_CASE("hash routes parse and format through the registry's patterns") {
    CHECK(parse_route("#/signin") == route_signin());
    CHECK(parse_route("#/modules") == route_modules());
    CHECK(parse_route("#/my/") == route_my_modules());
    CHECK(parse_route("#/parts/42") == route_part(42));
    CHECK(parse_route("#/parts/42?from=mail") == route_part(42));
    CHECK(to_hash(route_part(42)) == "#/parts/42");
    CHECK(to_hash(route_my_modules()) == "#/my");
    CHECK(parse_route("#/reset/q1W-e_9") == route_with_token(routes::reset, "q1W-e_9"));
    CHECK(to_hash(route_with_token(routes::confirm, "abc")) == "#/confirm/abc");
    CHECK_FALSE(parse_route("#/reset/").known());
    CHECK_FALSE(parse_route("#/reset/a%20b").known());
    for (const Screen& s : screens()) {
        const std::string pattern = s.route;
        Route r{s.route, pattern.find(":id") != std::string::npos ? 9 : 0,
                pattern.find(":token") != std::string::npos ? "Ab-9_z" : ""};
        CHECK(parse_route(to_hash(r)) == r);
    }
}

TEST_CASE("an unknown or mistyped address shows the not-found screen") {
    for (const char* hash : {"#/parts/", "#/parts/0", "#/parts/-3", "#/parts/7x", "#/nowhere",
                             "#/parts/1234567890123456"})
        CHECK_FALSE(parse_route(hash).known());
    SignedIn s("#/modules");
    s.browser.hash = "#/no-such-screen"; // typed into the address bar
    s.app.on_hash_changed(s.browser.hash);
    CHECK(s.app.screen_name() == "not-found");
    CHECK(s.browser.hash == "#/no-such-screen"); // the address is not rewritten
    CHECK(s.app.document_title() == "Web Teaching Environment — WTE");
    s.app.on_hash_changed("#/");
    CHECK(s.app.screen_name() == "modules"); // a blank address starts at the modules
}

TEST_CASE("a deep link is kept across sign-in") {
    FakePlatform browser;
    App app(browser);
    browser.hash = "#/parts/7";
    app.start();
    CHECK(app.screen_name() == "loading");
    browser.reply(browser.last("GET", api::path_me())->id, 401,
                  R"({"error":{"code":"unauthorized","message":"Sign in first"}})");
    app.poll();
    CHECK(app.screen_name() == "signin");
    CHECK(browser.hash == "#/signin");
    CHECK(app.document_title() == "Sign in — WTE");

    app.state.session.signin.email = "student1@example.org";
    app.state.session.signin.password = "student1-demo";
    Actions a;
    a.session.sign_in = true;
    app.apply(a);
    const HttpRequest* login = browser.last("POST", api::path_login());
    REQUIRE(login);
    CHECK(json::parse(login->body) ==
          json{{"email", "student1@example.org"}, {"password", "student1-demo"}});
    browser.reply(login->id, 200, session_json);
    app.poll();
    CHECK(browser.hash == "#/parts/7");
    CHECK(browser.last("GET", api::path_part(7)));
    CHECK(app.state.session.signin.password.empty());
}

TEST_CASE("a mistyped email address is explained before anything is sent") {
    FakePlatform browser;
    App app(browser);
    browser.hash = "#/signin";
    app.start();
    browser.reply(browser.last("GET", api::path_me())->id, 401,
                  R"({"error":{"code":"unauthorized","message":"Sign in first"}})");
    app.poll();
    const std::size_t sent = browser.sent.size();
    for (const char* email : {"student1", "student1@example", "student 1@example.org"}) {
        app.state.session.signin.email = email;
        app.state.session.signin.password = "student1-demo";
        Actions a;
        a.session.sign_in = true;
        app.apply(a);
        // The same words the server's rule would use (wte/rules.hpp).
        CHECK(app.state.session.signin.error == *check_email(email));
        CHECK_FALSE(app.state.session.signin.busy);
    }
    CHECK(browser.sent.size() == sent);
}

TEST_CASE("a 401 on any request signs out and keeps the route") {
    SignedIn s("#/my");
    REQUIRE(s.app.screen_name() == "my-modules");
    s.answer("GET", api::path_my_modules() + "?page=1&per_page=20", 401,
             R"({"error":{"code":"unauthorized","message":"Your session expired"}})");
    CHECK(s.app.screen_name() == "signin");
    CHECK(s.app.state.session.signin.error == "Your session has ended. Please sign in again.");
    CHECK(s.app.state.session.after_signin == route_my_modules());
    CHECK(s.app.state.lists.mine.state == Remote<api::Page<api::MyModule>>::State::idle);
}

TEST_CASE("my modules are read with their roles") {
    SignedIn s("#/my");
    api::MyModule m;
    m.module.id = 3;
    m.module.title = "Web Development Basics";
    m.role = ModuleRole::owner;
    api::Page<api::MyModule> page;
    page.items = {m};
    page.total = 1;
    s.answer("GET", api::path_my_modules() + "?page=1&per_page=20", 200, api::to_json(page).dump());
    s.frame();
    const auto& mine = s.app.state.lists.mine;
    REQUIRE(mine.ready());
    REQUIRE(mine.value.items.size() == 1);
    CHECK(mine.value.items[0].module.title == "Web Development Basics");
    CHECK(mine.value.items[0].role == ModuleRole::owner);
    CHECK(s.browser.title == "My modules — WTE");
}

TEST_CASE("the server's error message is shown where the list would be") {
    SignedIn s("#/modules");
    s.answer("GET", api::path_modules() + "?page=1&per_page=20", 503,
             R"({"error":{"code":"unavailable","message":"The database is being upgraded"}})");
    CHECK(s.app.state.lists.modules.failed());
    CHECK(s.app.state.lists.modules.error == "The database is being upgraded");
}

TEST_CASE("unreadable JSON in a reply becomes a readable error") {
    SignedIn s("#/modules");
    s.answer("GET", api::path_modules() + "?page=1&per_page=20", 200, R"({"items": 12})");
    CHECK(s.app.state.lists.modules.failed());
    CHECK(s.app.state.lists.modules.error ==
          "The server's answer could not be read. Please retry.");
    SignedIn p("#/parts/9");
    p.answer("GET", api::path_part(9), 200, "<html>not JSON</html>");
    CHECK(p.app.screen_name() == "error");
}

TEST_CASE("back and forward show a part from the cache at once and refresh it") {
    SignedIn s("#/parts/1");
    s.answer("GET", api::path_part(1), 200, part_json(1, "module", "Basics").dump());
    CHECK(s.app.screen_name() == "module");
    s.app.on_hash_changed("#/parts/2");
    CHECK(s.app.screen_name() == "loading");
    s.answer("GET", api::path_part(2), 200, part_json(2, "part", "Tutorial", 1).dump());
    CHECK(s.app.screen_name() == "part");

    const std::size_t sent = s.browser.sent.size();
    s.app.on_hash_changed("#/parts/1"); // back
    CHECK(s.app.screen_name() == "module");
    CHECK(s.app.state.part.view.value.part.title == "Basics");
    REQUIRE(s.browser.sent.size() == sent + 1); // refreshed in the background
    CHECK(s.browser.sent.back().url == api::path_part(1));
}

TEST_CASE("a page's parent comes into the cache for previous and next") {
    SignedIn s("#/parts/11");
    s.answer("GET", api::path_part(11), 200, part_json(11, "page", "Page 11", 2).dump());
    CHECK(s.app.screen_name() == "page");
    s.answer("GET", api::path_part(2), 200,
             part_json(2, "part", "Tutorial", 1, {10, 11, 12}).dump());
    const PartView* parent = s.app.state.parts.find(2);
    REQUIRE(parent);
    CHECK(parent->children.size() == 3);
    CHECK(s.app.screen_name() == "page"); // the parent never replaces the page on screen
}

TEST_CASE("a part's reply that arrives after the reader moved on is dropped") {
    SignedIn s("#/parts/1");
    const HttpRequest first = *s.browser.last("GET", api::path_part(1));
    s.app.on_hash_changed("#/parts/2");
    CHECK(s.browser.was_cancelled(first.id));
    s.browser.reply(first.id, 200, part_json(1, "module", "Old").dump());
    s.app.poll();
    CHECK(s.app.screen_name() == "loading");
    CHECK(s.app.state.part.id == 2);
}

TEST_CASE("taking a module sends its password and shows the server's refusal") {
    SignedIn s("#/parts/1");
    PartView v = part_json(1, "module", "JavaScript in Practice");
    v.my_role = ModuleRole::none;
    v.access.has_password = true;
    s.answer("GET", api::path_part(1), 200, json(v).dump());
    s.app.state.part.enrol.password = "wrong";
    Actions a;
    a.part.enrol = 1;
    s.apply(a);
    const HttpRequest* enrol = s.browser.last("POST", api::path_enrol(1));
    REQUIRE(enrol);
    CHECK(json::parse(enrol->body) == json{{"password", "wrong"}});
    CHECK(enrol->csrf == "csrf-5");
    s.answer("POST", api::path_enrol(1), 403,
             R"({"error":{"code":"wrong_password","message":"That password is not right."}})");
    CHECK(s.app.state.part.enrol.error == "That password is not right.");
    CHECK_FALSE(s.app.state.part.enrol.busy);
}

TEST_CASE("signing out forgets what only a signed-in user may see") {
    SignedIn s("#/parts/1");
    s.answer("GET", api::path_part(1), 200, part_json(1, "module", "Basics").dump());
    Actions a;
    a.session.sign_out = true;
    s.apply(a);
    s.answer("POST", api::path_logout(), 204, "");
    CHECK(s.app.screen_name() == "signin");
    CHECK_FALSE(s.app.state.parts.find(1));
    CHECK(s.app.state.session.after_signin == route_modules());
}
