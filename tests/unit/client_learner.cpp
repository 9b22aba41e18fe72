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

TEST_CASE("leaving a module asks first, and Stay sends nothing") {
    SignedIn s("#/parts/3");
    PartView module;
    module.part.id = 3;
    module.part.type = PartType::module;
    module.part.title = "Web Development Basics";
    module.my_role = ModuleRole::student;
    s.answer("GET", api::path_part(3), 200, json(module).dump());
    REQUIRE(s.app.screen_name() == "module");

    Actions ask;
    ask.part.ask_leave = true;
    s.apply(ask);
    CHECK(s.app.state.part.enrol.confirm_leave);
    Actions stay;
    stay.part.cancel_leave = true;
    s.apply(stay);
    CHECK_FALSE(s.app.state.part.enrol.confirm_leave);
    CHECK_FALSE(s.browser.last("DELETE", api::path_enrol(3)));

    s.apply(ask);
    Actions leave;
    leave.part.leave = Id(3);
    s.apply(leave);
    const HttpRequest* r = s.browser.last("DELETE", api::path_enrol(3));
    REQUIRE(r);
    CHECK(r->csrf == "csrf-5");
    s.browser.reply(r->id, 200, "{}");
    s.app.poll();
    CHECK_FALSE(s.app.state.part.enrol.confirm_leave);
    // The module is shown again as the server now sees it.
    module.my_role = ModuleRole::none;
    s.answer("GET", api::path_part(3), 200, json(module).dump());
    CHECK(s.app.state.part.view.value.my_role == ModuleRole::none);
}

TEST_CASE("time counts while visible and within 30 s of the last input") {
    ActiveClock c;
    c.start(0, true);
    CHECK(c.take_seconds(10) == 10);
    CHECK(c.take_seconds(100) == 20); // nobody there after 30 s
    c.activity(200);
    c.visibility(210, false);
    CHECK(c.take_seconds(400) == 10); // hidden time never counts
    c.visibility(400, true);
    c.activity(400.5);
    CHECK(c.take_seconds(405) == 4);
    CHECK(c.take_seconds(405.6) == 1); // the fraction is kept, not lost
}

namespace {

PartView student_page(Id id, Id part) {
    PartView v;
    v.part.id = id;
    v.part.type = PartType::page;
    v.part.parent_id = part;
    v.part.title = "Page " + std::to_string(id);
    v.my_role = ModuleRole::student;
    return v;
}

// The time reports sent so far, as {page_id, seconds, keepalive}.
struct TimeReport {
    Id page_id;
    int seconds;
    bool keepalive;
    std::string csrf;
};
std::vector<TimeReport> time_reports(const FakePlatform& b, Id part) {
    std::vector<TimeReport> out;
    for (const auto& r : b.sent)
        if (r.method == "POST" && r.url == api::path_part(part) + "/progress/time") {
            const json j = json::parse(r.body);
            out.push_back(
                {j.at("page_id").get<Id>(), j.at("seconds").get<int>(), r.keepalive, r.csrf});
        }
    return out;
}

} // namespace

TEST_CASE("time on a page is sent on page change, on hiding (keepalive) and every minute") {
    SignedIn s("#/parts/11");
    s.answer("GET", api::path_part(11), 200, json(student_page(11, 4)).dump());
    s.browser.now += 20;
    Actions next;
    next.navigate = route_part(12);
    s.apply(next);
    auto sent = time_reports(s.browser, 4);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].page_id == 11);
    CHECK(sent[0].seconds == 20);
    CHECK_FALSE(sent[0].keepalive);
    CHECK(sent[0].csrf == "csrf-5");

    s.answer("GET", api::path_part(12), 200, json(student_page(12, 4)).dump());
    s.browser.now += 5;
    s.browser.set_visible(false);
    sent = time_reports(s.browser, 4);
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].page_id == 12);
    CHECK(sent[1].seconds == 5);
    CHECK(sent[1].keepalive); // it must leave even when the tab is closing

    s.browser.now += 300; // hidden: nothing counts, nothing is sent
    s.browser.set_visible(true);
    CHECK(time_reports(s.browser, 4).size() == 2);
    // An active learner: input every 20 s, a report at least every minute.
    for (int i = 0; i < 4; ++i) {
        s.browser.active();
        s.browser.now += 20;
        s.app.poll();
    }
    sent = time_reports(s.browser, 4);
    REQUIRE(sent.size() == 3);
    CHECK(sent[2].seconds == 60);
}

TEST_CASE("time is counted only on a student's own pages") {
    SignedIn s("#/parts/11");
    PartView teacher = student_page(11, 4);
    teacher.my_role = ModuleRole::owner;
    s.answer("GET", api::path_part(11), 200, json(teacher).dump());
    s.browser.now += 20;
    s.browser.set_visible(false);
    Actions away;
    away.navigate = route_my_modules();
    s.apply(away);
    CHECK(time_reports(s.browser, 4).empty());
}
