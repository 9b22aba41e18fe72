// The learner's progress in the client natively (client-wasm/app/progress,
// screens/part.cpp, screens/module.cpp): replies → what the part and module
// screens hold and draw, asked once per visit of the screen and after the
// time of the page just read was sent; a part without pages; previous / next
// over the available pages only.
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* session_json =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Student One","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

PartSummary page_summary(Id id, const std::string& title, Status status = Status::available) {
    PartSummary p;
    p.id = id;
    p.type = PartType::page;
    p.parent_id = 4;
    p.title = title;
    p.status = status;
    return p;
}

// Part 4 "HTML Structure" with pages 8 "Intro" and 9 "Tags".
PartView part_view_of(ModuleRole role, bool with_pages = true) {
    PartView v;
    v.part.id = 4;
    v.part.type = PartType::part;
    v.part.parent_id = 1;
    v.part.title = "HTML Structure";
    v.my_role = role;
    if (with_pages) v.children = {page_summary(8, "Intro"), page_summary(9, "Tags")};
    return v;
}

PartView page_view_of(Id id) {
    PartView v;
    v.part.id = id;
    v.part.type = PartType::page;
    v.part.parent_id = 4;
    v.part.title = id == 8 ? "Intro" : "Tags";
    v.my_role = ModuleRole::student;
    return v;
}

api::PartProgress some_progress() {
    api::PartProgress p;
    p.part_id = 4;
    p.current_page_id = 9;
    p.pages = {{8, "Intro", true, 150, {}}, {9, "Tags", false, 0, {2, 1, 1}}};
    p.visited_pages = 1;
    p.available_pages = 2;
    p.seconds = 150;
    p.quiz_questions = 2;
    p.quiz_answered = 1;
    p.quiz_correct = 1;
    return p;
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
    void go(const Route& route) {
        Actions a;
        a.navigate = route;
        app.apply(a);
    }
    int asked(const std::string& url) const {
        int n = 0;
        for (const auto& r : browser.sent)
            n += r.method == "GET" && r.url == url ? 1 : 0;
        return n;
    }
};

// One ImGui frame of a screen, returning what the test bridge would see.
struct Drawn {
    json widgets, texts;
    const json* widget(const std::string& label, const std::string& kind) const {
        for (const auto& w : widgets)
            if (w["label"] == label && w["kind"] == kind) return &w;
        return nullptr;
    }
    int count(const std::string& kind) const {
        int n = 0;
        for (const auto& w : widgets)
            n += w["kind"] == kind ? 1 : 0;
        return n;
    }
    bool shows(const std::string& text) const {
        for (const auto& t : texts)
            if (t["text"] == text) return true;
        return false;
    }
};

Drawn draw(AppState& s, void (*screen)(AppState&, Actions&), Actions& a) {
    static int frames = 0;
    testing::start_headless_ui(ImVec2(1280, 1600));
    ImGui::NewFrame();
    ui::probe::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 1600));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    screen(s, a);
    ImGui::End();
    ImGui::Render();
    // A name of its own per frame: the probe publishes only what changed.
    const std::string published =
        ui::probe::end_frame("test-" + std::to_string(++frames), "#/test");
    ImGui::DestroyContext();
    REQUIRE_FALSE(published.empty());
    const json j = json::parse(published);
    return {j["widgets"], j["texts"]};
}

} // namespace

TEST_CASE("a learner's part page holds the progress the server sent, asked once") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::student)).dump());
    REQUIRE(s.asked(api::path_progress(4)) == 1);
    s.answer("GET", api::path_progress(4), 200, api::to_json(some_progress()).dump());
    const api::PartProgress* p = progress::of_part(s.app.state, 4);
    REQUIRE(p);
    CHECK(*p == some_progress());
    // More frames and replies ask nothing again.
    Actions none;
    s.app.apply(none);
    s.app.poll();
    CHECK(s.asked(api::path_progress(4)) == 1);

    Actions a;
    const Drawn d = draw(s.app.state, draw_part, a);
    const json* bar = d.widget("1 of 2 pages", "progress");
    REQUIRE(bar);
    CHECK((*bar)["value"] == 1);
    CHECK((*bar)["max"] == 2);
    CHECK(d.widget("Continue where you left off: Tags", "button"));
    CHECK_FALSE(d.widget("Start", "button"));
    CHECK(d.shows("Time spent: 3 min · Quizzes: 1 of 2 answered, 1 correct"));
    // Each row: visited pages are checked; time and quiz results in the row.
    CHECK((*d.widget("Intro", "link"))["checked"] == true);
    CHECK((*d.widget("Tags", "link"))["checked"] == false);
    CHECK(d.shows("3 min"));
    CHECK(d.shows("Quiz: 1 of 2 answered, 1 correct"));
    CHECK_FALSE(d.shows("You moved through these pages quickly — under 20 seconds on average. "
                        "Take your time with the examples."));
}

TEST_CASE("without a current page the learner is offered Start, and skimming gets a note") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::student)).dump());
    api::PartProgress p = some_progress();
    p.current_page_id.reset();
    p.skimming = true;
    s.answer("GET", api::path_progress(4), 200, api::to_json(p).dump());
    Actions a;
    const Drawn d = draw(s.app.state, draw_part, a);
    CHECK(d.widget("Start", "button"));
    CHECK_FALSE(d.widget("Continue where you left off: Tags", "button"));
    CHECK(d.shows("You moved through these pages quickly — under 20 seconds on average. "
                  "Take your time with the examples."));
}

TEST_CASE("coming back from a page asks again, once the page's time was sent") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::student)).dump());
    s.answer("GET", api::path_progress(4), 200, api::to_json(some_progress()).dump());
    s.go(route_part(9));
    s.answer("GET", api::path_part(9), 200, json(page_view_of(9)).dump());
    CHECK(s.asked(api::path_progress(4)) == 1); // nothing while reading

    s.browser.now += 40;
    s.go(route_part(4)); // back: the cached part is shown at once
    const HttpRequest* report = s.browser.last("POST", api::path_progress_time(4));
    REQUIRE(report);
    // The old figures stay on screen, and nothing is asked before the time is in.
    CHECK(progress::of_part(s.app.state, 4));
    CHECK(s.asked(api::path_progress(4)) == 1);
    s.browser.reply(report->id, 200, R"({"page_id":9,"seconds":40})");
    s.app.poll();
    REQUIRE(s.asked(api::path_progress(4)) == 2);
    api::PartProgress now = some_progress();
    now.visited_pages = 2;
    now.pages[1].visited = true;
    now.pages[1].seconds = 40;
    s.answer("GET", api::path_progress(4), 200, api::to_json(now).dump());
    CHECK(progress::of_part(s.app.state, 4)->visited_pages == 2);
}

TEST_CASE("a part without pages shows no bar and no error") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::student, false)).dump());
    api::PartProgress empty;
    empty.part_id = 4;
    s.answer("GET", api::path_progress(4), 200, api::to_json(empty).dump());
    REQUIRE(progress::of_part(s.app.state, 4));
    Actions a;
    const Drawn d = draw(s.app.state, draw_part, a);
    CHECK(d.count("progress") == 0);
    CHECK_FALSE(d.widget("Start", "button"));
    CHECK(d.shows("This part has no pages yet."));
    for (const auto& t : d.texts)
        CHECK(t["text"].get<std::string>().find("cannot") == std::string::npos);
}

TEST_CASE("only learners have progress: a teacher's part page asks for none") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    CHECK(s.asked(api::path_progress(4)) == 0);
    Actions a;
    const Drawn d = draw(s.app.state, draw_part, a);
    CHECK(d.count("progress") == 0);
    CHECK_FALSE(d.widget("Start", "button"));
}

TEST_CASE("progress that cannot be loaded says so quietly and the pages stay") {
    SignedIn s("#/parts/4");
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::student)).dump());
    s.answer("GET", api::path_progress(4), 500, "");
    Actions a;
    const Drawn d = draw(s.app.state, draw_part, a);
    CHECK(d.widget("Intro", "link"));
    CHECK(d.count("progress") == 0);
    bool said = false;
    for (const auto& t : d.texts)
        said = said || t["text"].get<std::string>().rfind("Your progress cannot be shown", 0) == 0;
    CHECK(said);
}

TEST_CASE("the module page shows each part's pages visited of those available") {
    SignedIn s("#/parts/1");
    PartView module;
    module.part.id = 1;
    module.part.type = PartType::module;
    module.part.title = "Web Development Basics";
    module.my_role = ModuleRole::student;
    PartSummary html;
    html.id = 4;
    html.type = PartType::part;
    html.title = "HTML Structure";
    html.status = Status::available;
    PartSummary empty = html;
    empty.id = 5;
    empty.title = "Coming Soon";
    module.children = {html, empty};
    s.answer("GET", api::path_part(1), 200, json(module).dump());
    REQUIRE(s.asked(api::path_progress(1)) == 1);
    const api::ModuleProgress m{1, {{4, 3, 7, 600}, {5, 0, 0, 0}}};
    s.answer("GET", api::path_progress(1), 200, api::to_json(m).dump());
    Actions a;
    const Drawn d = draw(s.app.state, draw_module, a);
    const json* bar = d.widget("3 of 7", "progress");
    REQUIRE(bar);
    CHECK((*bar)["value"] == 3);
    CHECK((*bar)["max"] == 7);
    const json* row = d.widget("HTML Structure", "link");
    REQUIRE(row);
    CHECK((*bar)["y"].get<double>() >= (*row)["y"].get<double>());
    CHECK((*bar)["y"].get<double>() <= (*row)["y"].get<double>() + (*row)["h"].get<double>());
    CHECK(d.count("progress") == 1); // a part without pages has no bar
}

TEST_CASE("previous / next and the page picker go over the available pages only") {
    PartView part = part_view_of(ModuleRole::owner);
    part.children.insert(part.children.begin() + 1, page_summary(10, "Draft", Status::unavailable));
    auto ids = [](const std::vector<const PartSummary*>& pages) {
        std::vector<Id> out;
        for (const auto* p : pages)
            out.push_back(p->id);
        return out;
    };
    CHECK(ids(part_view::readable_pages(part, 8)) == std::vector<Id>{8, 9});
    // An editor on the draft itself still sees where it stands.
    CHECK(ids(part_view::readable_pages(part, 10)) == std::vector<Id>{8, 10, 9});
}

TEST_CASE("time spent reads in minutes and hours") {
    CHECK(progress::duration_text(0).empty());
    CHECK(progress::duration_text(35) == "under a minute");
    CHECK(progress::duration_text(2520) == "42 min");
    CHECK(progress::duration_text(3900) == "1 h 5 min");
    CHECK(progress::duration_text(7200) == "2 h");
    CHECK(progress::quiz_text({6, 4, 3}, true) == "Quizzes: 4 of 6 answered, 3 correct");
    CHECK(progress::quiz_text({}, true).empty());
}
