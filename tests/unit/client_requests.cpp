// The client's request queue (client-wasm/app/requests.hpp) against a fake
// browser: ids, stale replies, CSRF, 401, cancellation, bytes, progress.
#include "app/requests.hpp"
#include "client_fake_platform.hpp"

#include <catch2/catch.hpp>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

TEST_CASE("every request gets its own id and its reply reaches only its handler") {
    FakePlatform browser;
    RequestQueue q(browser);
    std::vector<std::string> seen;
    const int a =
        q.send(get("/api/v1/modules", [&](const Reply& r) { seen.push_back("a" + r.body); }));
    const int b =
        q.send(get("/api/v1/modules/mine", [&](const Reply& r) { seen.push_back("b" + r.body); }));
    REQUIRE(a != b);
    REQUIRE(browser.sent.size() == 2);
    CHECK(browser.sent[0].id == a);
    CHECK(browser.sent[1].url == "/api/v1/modules/mine");
    browser.reply(b, 200, "{}");
    browser.reply(a, 200, "[]");
    browser.reply(a, 200, "again"); // a second answer to the same id is dropped
    q.poll();
    CHECK(seen == std::vector<std::string>{"b{}", "a[]"});
    CHECK(q.pending_count() == 0);
}

TEST_CASE("a newer request with the same key makes the older one's reply stale") {
    FakePlatform browser;
    RequestQueue q(browser);
    std::vector<int> answered;
    auto handler = [&](const Reply& r) { answered.push_back(r.id); };
    Request first = get("/api/v1/parts/1", handler);
    first.key = "part";
    const int old_id = q.send(std::move(first));
    Request second = get("/api/v1/parts/2", handler);
    second.key = "part";
    const int new_id = q.send(std::move(second));
    CHECK(browser.was_cancelled(old_id));
    browser.reply(old_id, 200, "{}");
    browser.reply(new_id, 200, "{}");
    q.poll();
    CHECK(answered == std::vector<int>{new_id});
}

TEST_CASE("the CSRF token goes with state-changing methods only") {
    FakePlatform browser;
    RequestQueue q(browser);
    q.set_csrf_token("tok-1");
    q.send(get("/api/v1/modules", nullptr));
    Request head = get("/api/v1/health", nullptr);
    head.method = "HEAD";
    q.send(std::move(head));
    for (const char* m : {"POST", "PATCH", "PUT", "DELETE"})
        q.send(send_json(m, "/api/v1/parts/3", json::object(), nullptr));
    REQUIRE(browser.sent.size() == 6);
    CHECK(browser.sent[0].csrf.empty());
    CHECK(browser.sent[1].csrf.empty());
    for (std::size_t i = 2; i < 6; ++i)
        CHECK(browser.sent[i].csrf == "tok-1");
}

TEST_CASE("a 401 on an ordinary request reports the session ended and drops what is pending") {
    FakePlatform browser;
    RequestQueue q(browser);
    int signed_out = 0, replies = 0;
    q.on_signed_out([&] { ++signed_out; });
    const int a = q.send(get("/api/v1/modules", [&](const Reply&) { ++replies; }));
    const int b = q.send(get("/api/v1/modules/mine", [&](const Reply&) { ++replies; }));
    browser.reply(a, 401, R"({"error":{"code":"unauthorized","message":"Sign in first"}})");
    browser.reply(b, 200, "{}");
    q.poll();
    CHECK(signed_out == 1);
    CHECK(replies == 0);
    CHECK(browser.was_cancelled(b));
}

TEST_CASE("a 401 on sign-in is its answer, not a lost session") {
    FakePlatform browser;
    RequestQueue q(browser);
    int signed_out = 0;
    std::string message;
    q.on_signed_out([&] { ++signed_out; });
    Request login = send_json("POST", "/api/v1/auth/login", json::object(),
                              [&](const Reply& r) { message = r.error().message; });
    login.session_request = true;
    const int id = q.send(std::move(login));
    browser.reply(id, 401,
                  R"({"error":{"code":"unauthorized","message":"Wrong email or password"}})");
    q.poll();
    CHECK(signed_out == 0);
    CHECK(message == "Wrong email or password");
}

TEST_CASE("a cancelled request is aborted in the browser and never answered") {
    FakePlatform browser;
    RequestQueue q(browser);
    bool answered = false;
    const int id = q.send(get("/api/v1/modules", [&](const Reply&) { answered = true; }));
    q.cancel(id);
    CHECK(browser.was_cancelled(id));
    CHECK_FALSE(q.pending(id));
    browser.reply(id, 200, "{}");
    q.poll();
    CHECK_FALSE(answered);
}

TEST_CASE("binary bodies go up and come down as bytes with their content type") {
    FakePlatform browser;
    RequestQueue q(browser);
    const std::string png("\x89PNG\r\n\x1a\n\0\0\x01", 11);
    Request up;
    up.method = "POST";
    up.path = "/api/v1/parts/4/assets";
    up.body = png;
    up.content_type = "image/png";
    Reply got;
    up.on_reply = [&](const Reply& r) { got = r; };
    const int id = q.send(std::move(up));
    REQUIRE(browser.sent.back().body == png);
    CHECK(browser.sent.back().content_type == "image/png");
    browser.reply(id, 200, png, "image/png");
    q.poll();
    CHECK(got.ok());
    CHECK(got.body == png);
    CHECK(got.content_type == "image/png");
    CHECK(got.data.is_null()); // bytes are never read as JSON
}

TEST_CASE("upload and download progress reach the request that asked") {
    FakePlatform browser;
    RequestQueue q(browser);
    std::vector<client::Progress> seen;
    Request r = get("/api/v1/parts/4/export", nullptr);
    r.on_progress = [&](const client::Progress& p) { seen.push_back(p); };
    const int id = q.send(std::move(r));
    browser.progress(id, true, 10, 100);
    browser.progress(id, false, 50, 0);
    browser.progress(id + 1, false, 1, 1); // nobody asked
    q.poll();
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].upload);
    CHECK(seen[0].loaded == 10);
    CHECK(seen[0].total == 100);
    CHECK_FALSE(seen[1].upload);
    CHECK(q.pending(id)); // progress is not the answer
}

TEST_CASE("errors are read from the server's error object") {
    Reply r;
    r.status = 409;
    r.data = json::parse(
        R"({"error":{"code":"conflict","message":"You are not a member of this module","details":{"field":"role"}}})");
    const auto e = r.error();
    CHECK(e.code == "conflict");
    CHECK(e.message == "You are not a member of this module");
    CHECK(e.details["field"] == "role");

    Reply proxy;
    proxy.status = 502;
    CHECK(proxy.error().message.find("The server had a problem (502)") == 0);
    Reply offline;
    CHECK(offline.error().message.find("cannot be reached") != std::string::npos);
}

TEST_CASE("a reply the handler cannot read is handed back as unreadable") {
    FakePlatform browser;
    RequestQueue q(browser);
    std::vector<std::string> outcomes;
    const int id = q.send(get("/api/v1/modules", [&](const Reply& r) {
        if (!r.ok()) {
            outcomes.push_back(r.error().message);
            return;
        }
        outcomes.push_back("read " +
                           std::to_string(r.data.at("items").get<std::vector<int>>().size()));
    }));
    browser.reply(id, 200, R"({"items": "not a list"})");
    q.poll();
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0] == "The server's answer could not be read. Please retry.");
}
