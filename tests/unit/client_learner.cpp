// The learner's side of the client natively: paged module lists, the My
// modules status filter and archived switch, leaving a module, and time on
// page (client-wasm/app/module_lists, part_view, time_on_page).
#include "app/app.hpp"
#include "client_fake_platform.hpp"

#include <catch2/catch.hpp>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* session_json =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Student One","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

std::string mine_url(const std::string& query) {
    return api::path_my_modules() + query;
}

std::string my_modules_page(int count, std::int64_t total, int page = 1) {
    api::Page<api::MyModule> p;
    for (int i = 0; i < count; ++i) {
        api::MyModule m;
        m.module.id = 100 + i;
        m.module.title = "Module " + std::to_string(i);
        m.role = ModuleRole::student;
        p.items.push_back(m);
    }
    p.total = total;
    p.page = page;
    p.per_page = modules_per_page;
    return api::to_json(p).dump();
}

struct SignedIn {
    FakePlatform browser;
    App app{browser};
    explicit SignedIn(const std::string& hash) {
        browser.hash = hash;
        app.start();
        answer("GET", api::path_me(), 200, session_json);
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

TEST_CASE("my modules with more than ten modules hide the archived ones until asked") {
    SignedIn s("#/my");
    s.answer("GET", mine_url("?page=1&per_page=20"), 200, my_modules_page(12, 12));
    // The count says "many": the list is asked again without archived modules.
    CHECK_FALSE(s.app.state.lists.mine.ready());
    CHECK(module_lists::archived_hidden(s.app.state.lists.mine_options));
    CHECK(module_lists::offers_archived_switch(s.app.state.lists.mine_options));
    s.answer("GET", mine_url("?status=available,unavailable&page=1&per_page=20"), 200,
             my_modules_page(9, 9));
    REQUIRE(s.app.state.lists.mine.ready());
    CHECK(s.app.state.lists.mine.value.items.size() == 9);

    Actions show;
    show.lists.show_archived = true;
    s.apply(show);
    s.answer("GET", mine_url("?page=1&per_page=20"), 200, my_modules_page(12, 12));
    CHECK(s.app.state.lists.mine.value.items.size() == 12);
    CHECK_FALSE(module_lists::archived_hidden(s.app.state.lists.mine_options));
    // The switch stays on offer so it can be turned off again.
    CHECK(module_lists::offers_archived_switch(s.app.state.lists.mine_options));
}

TEST_CASE("a few modules are all shown, archived ones included, with no switch") {
    SignedIn s("#/my");
    s.answer("GET", mine_url("?page=1&per_page=20"), 200, my_modules_page(10, 10));
    REQUIRE(s.app.state.lists.mine.ready());
    CHECK(s.app.state.lists.mine.value.items.size() == 10);
    CHECK_FALSE(module_lists::archived_hidden(s.app.state.lists.mine_options));
    CHECK_FALSE(module_lists::offers_archived_switch(s.app.state.lists.mine_options));
}

TEST_CASE("the status filter asks the server for that status from the first page") {
    SignedIn s("#/my");
    s.answer("GET", mine_url("?page=1&per_page=20"), 200, my_modules_page(20, 30));
    Actions next;
    next.lists.mine_page = 2;
    s.apply(next);
    REQUIRE(s.browser.last("GET", mine_url("?status=available,unavailable&page=2&per_page=20")));

    Actions archived;
    archived.lists.mine_filter = MineFilter::archived;
    s.apply(archived);
    s.answer("GET", mine_url("?status=archived&page=1&per_page=20"), 200, my_modules_page(2, 2));
    CHECK(s.app.state.lists.mine.value.items.size() == 2);
    // A filtered count never decides whether archived modules are hidden.
    CHECK(s.app.state.lists.mine_options.total_all == 30);
    CHECK_FALSE(module_lists::offers_archived_switch(s.app.state.lists.mine_options));
}

TEST_CASE("the public module list pages as the API pages it") {
    SignedIn s("#/modules");
    api::Page<PartSummary> first;
    first.items.resize(20);
    first.total = 45;
    first.per_page = 20;
    s.answer("GET", api::path_modules() + "?page=1&per_page=20", 200, api::to_json(first).dump());
    const auto& m = s.app.state.lists.modules;
    REQUIRE(m.ready());
    CHECK(module_lists::page_count(m.value.total, m.value.per_page) == 3);
    Actions next;
    next.lists.modules_page = 3;
    s.apply(next);
    REQUIRE(s.browser.last("GET", api::path_modules() + "?page=3&per_page=20"));
    // Going back to the list keeps the page the learner was on.
    Actions away;
    away.navigate = route_my_modules();
    s.apply(away);
    Actions back;
    back.navigate = route_modules();
    s.apply(back);
    CHECK(s.browser.sent.back().url == api::path_modules() + "?page=3&per_page=20");
}

TEST_CASE("pages are counted up, and an empty list is one page") {
    CHECK(module_lists::page_count(0, 20) == 1);
    CHECK(module_lists::page_count(20, 20) == 1);
    CHECK(module_lists::page_count(21, 20) == 2);
}
