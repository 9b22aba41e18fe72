// The teacher's Members and Statistics screens natively, drawn headless
// (client-wasm/app/members, app/stats, screens/members.cpp, screens/stats.cpp):
// what they ask the server, the controls a teacher sees and clicks, the
// requests those clicks send, the server's refusals shown in place, the
// charts' numbers and the CSV download; the Members and Statistics buttons
// only for those who may.
#include "client_headless.hpp"

using namespace wte;
using namespace wte::client;
using wte::client::testing::Headless;

namespace {

const char* session_json =
    R"({"user":{"id":1,"email":"teacher@example.org","name":"Tessa Teacher","status":"active",
        "options":{"high_contrast":false}},"permissions":["modules.create"],"csrf_token":"csrf-1"})";

PartView module_view(bool users, bool stats) {
    PartView v;
    v.part.id = 1;
    v.part.type = PartType::module;
    v.part.title = "Web Development Basics";
    v.part.status = Status::available;
    v.my_role = users ? ModuleRole::owner : stats ? ModuleRole::tutor : ModuleRole::student;
    v.can = {users, users, users, stats};
    return v;
}

api::Page<api::Member> some_members() {
    api::Page<api::Member> p;
    p.items = {{1, "teacher@example.org", "Tessa Teacher", ModuleRole::owner},
               {5, "student1@example.org", "Sam Student", ModuleRole::student},
               {7, "blocked@example.org", "Bo Blocked", ModuleRole::block}};
    p.total = 33;
    p.page = 1;
    p.per_page = 30;
    return p;
}

api::PartStats some_stats() {
    api::PartStats s;
    s.part_id = 4;
    s.type = PartType::part;
    s.title = "HTML Structure";
    s.learners = 4;
    s.completed = 1;
    s.in_progress = 2;
    s.not_started = 1;
    s.available_pages = 2;
    s.time = {10, 20, 30, 90, 150};
    s.pages = {{8, "Intro", true, 3, 30}, {9, "Tags", true, 1, 50}};
    s.questions = {{8, "check", "tags", "Which tag makes a paragraph?", 1, 1, 1, 1}};
    return s;
}

// The app signed in as the teacher (tests/unit/client_headless.hpp).
struct Teacher : Headless {
    explicit Teacher(const std::string& hash) : Headless(hash, session_json) {}
};

std::string list_url(const std::string& query = "?page=1") {
    return api::path_members(1) + query;
}

// #/parts/1/users with the module view and the first page of members in.
void open_members(Teacher& t) {
    REQUIRE(t.app.screen_name() == "members");
    t.answer("GET", api::path_part(1), 200, json(module_view(true, true)).dump());
    t.answer("GET", list_url(), 200, api::to_json(some_members()).dump());
    t.frames(2);
}

} // namespace

TEST_CASE("the Members screen lists the module's members with the controls an owner needs") {
    Teacher t("#/parts/1/users");
    REQUIRE(t.sent("GET", list_url()) == 1);
    open_members(t);
    CHECK(t.browser.title == "Members — Web Development Basics — WTE");
    CHECK(t.widget("Email address", "input"));
    CHECK(t.widget("Add member", "button"));
    CHECK(t.widget("Student", "radio"));
    CHECK(t.widget("Owner", "radio"));
    CHECK(t.widget("Search", "input"));
    CHECK(t.widget("Blocked", "radio"));
    CHECK(t.shows("33 members"));
    CHECK(t.shows("Sam Student"));
    CHECK(t.shows("blocked@example.org"));
    // Each member: a role picker (none for the blocked), block or unblock, remove.
    CHECK(t.widget("Role: Owner", "button"));
    CHECK(t.widget("Role: Student", "button"));
    CHECK(t.count("Block", "button") == 2);
    CHECK(t.count("Unblock", "button") == 1);
    CHECK(t.count("Remove", "button") == 3);
    // 33 members, 30 a page: a second page.
    CHECK(t.shows("Page 1 of 2"));
    t.click("Next page ›", "button");
    CHECK(t.sent("GET", list_url("?page=2")) == 1);
}

TEST_CASE("adding a member by email sends the email and role — the server's refusal is shown") {
    Teacher t("#/parts/1/users");
    open_members(t);
    t.type("Email address", "kim@example.org");
    t.click("Tutor", "radio");
    t.click("Add member", "button");
    const HttpRequest* post = t.browser.last("POST", api::path_members(1));
    REQUIRE(post);
    CHECK(json::parse(post->body) == json{{"email", "kim@example.org"}, {"role", "tutor"}});
    t.browser.reply(post->id, 404,
                    R"({"error":{"code":"not_found","message":"No user has the address )"
                    R"(kim@example.org; they need an account before they can be added"}})");
    t.app.poll();
    t.frames(2);
    CHECK(t.shows("No user has the address kim@example.org; they need an account before they can "
                  "be added"));
    CHECK(t.sent("GET", list_url()) == 1);

    // Accepted: a notice, the field emptied, the list asked again.
    t.click("Add member", "button");
    post = t.browser.last("POST", api::path_members(1));
    t.browser.reply(
        post->id, 201,
        json(api::Member{9, "kim@example.org", "Kim Learner", ModuleRole::tutor}).dump());
    t.app.poll();
    t.frames(2);
    CHECK(t.shows("Kim Learner was added as a tutor."));
    CHECK(t.app.state.members.add_email.empty());
    CHECK(t.sent("GET", list_url()) == 2);
}

TEST_CASE("search and the role filter ask the server for the matching members, from page 1") {
    Teacher t("#/parts/1/users");
    open_members(t);
    t.click("Tutors", "radio");
    CHECK(t.sent("GET", list_url("?page=1&role=tutor")) == 1);
    t.type("Search", "ana b");
    t.click("Search", "button");
    CHECK(t.sent("GET", list_url("?page=1&q=ana%20b&role=tutor")) == 1);
}

TEST_CASE("changing a role, blocking and removing send their requests — removing asks first") {
    Teacher t("#/parts/1/users");
    open_members(t);
    t.click("Role: Student", "button");
    t.click("Tutor", "link");
    const HttpRequest* patch = t.browser.last("PATCH", api::path_member(1, 5));
    REQUIRE(patch);
    CHECK(json::parse(patch->body) == json{{"role", "tutor"}});
    t.browser.reply(
        patch->id, 200,
        json(api::Member{5, "student1@example.org", "Sam Student", ModuleRole::tutor}).dump());
    t.app.poll();
    CHECK(t.sent("GET", list_url()) == 2); // reloaded after the change
    t.answer("GET", list_url(), 200, api::to_json(some_members()).dump());

    t.click("Unblock", "button");
    patch = t.browser.last("PATCH", api::path_member(1, 7));
    REQUIRE(patch);
    CHECK(json::parse(patch->body) == json{{"blocked", false}});
    t.browser.reply(patch->id, 200, "{}");
    t.app.poll();
    t.answer("GET", list_url(), 200, api::to_json(some_members()).dump());

    // The owner's Remove: a question first, nothing sent; then the server refuses.
    t.click("Remove", "button", 0);
    CHECK_FALSE(t.browser.last("DELETE", api::path_member(1, 1)));
    CHECK(t.widget("Keep", "button"));
    t.click("Remove from the module", "button");
    const HttpRequest* del = t.browser.last("DELETE", api::path_member(1, 1));
    REQUIRE(del);
    t.browser.reply(del->id, 409,
                    R"({"error":{"code":"conflict","message":"The last owner cannot be removed )"
                    R"(from the module; make someone else an owner first"}})");
    t.app.poll();
    t.answer("GET", list_url(), 200, api::to_json(some_members()).dump());
    t.frames(2);
    CHECK(t.shows("The last owner cannot be removed from the module; make someone else an owner "
                  "first"));
    CHECK_FALSE(t.widget("Keep", "button"));
}

TEST_CASE("the Statistics screen draws the counts, the box plot, the bars and downloads the CSV") {
    Teacher t("#/parts/4/stats");
    REQUIRE(t.app.screen_name() == "stats");
    t.answer("GET", api::path_stats(4), 200, api::to_json(some_stats()).dump());
    t.frames(2);
    CHECK(t.browser.title == "Statistics — HTML Structure — WTE");
    REQUIRE(t.widget("Completed", "stat"));
    CHECK((*t.widget("Completed", "stat"))["value"] == 1);
    CHECK((*t.widget("In progress", "stat"))["value"] == 2);
    CHECK((*t.widget("Not started", "stat"))["value"] == 1);
    const json* box = t.widget("Time spent per learner", "chart");
    REQUIRE(box);
    CHECK((*box)["value"] == "min 10 s · q1 20 s · median 30 s · q3 1 min 30 s · max 2 min 30 s");
    const json* bar = t.widget("Which tag makes a paragraph?", "chart");
    REQUIRE(bar);
    CHECK((*bar)["value"] ==
          "Right the first time 1 · Right later 1 · Still wrong 1 · Not answered 1");
    CHECK(t.shows("Least 10 s · a quarter under 20 s · median 30 s · a quarter over 1 min 30 s · "
                  "most 2 min 30 s"));
    CHECK(t.shows("Intro"));
    CHECK(t.shows("50 s"));

    t.click("Download CSV", "button");
    REQUIRE(t.browser.downloads.size() == 1);
    CHECK(t.browser.downloads[0].first == api::path_stats(4) + "?format=csv");
    CHECK(t.browser.downloads[0].second == "HTML Structure statistics.csv");
}

TEST_CASE("statistics without learners show zeros and say nobody started, never an error") {
    Teacher t("#/parts/4/stats");
    api::PartStats empty;
    empty.part_id = 4;
    empty.title = "Empty";
    t.answer("GET", api::path_stats(4), 200, api::to_json(empty).dump());
    t.frames(2);
    CHECK((*t.widget("Completed", "stat"))["value"] == 0);
    CHECK_FALSE(t.widget("Time spent per learner", "chart"));
    CHECK(t.shows("Nobody has opened these pages yet."));
    CHECK(t.shows("There are no pages here yet."));
}

TEST_CASE("a refusal of the statistics is shown as the server said it") {
    Teacher t("#/parts/4/stats");
    t.answer("GET", api::path_stats(4), 403,
             R"({"error":{"code":"forbidden","message":"Only the owners and tutors of module 1 )"
             R"(may see its statistics"}})");
    t.frames(2);
    CHECK(t.shows("Only the owners and tutors of module 1 may see its statistics"));
    CHECK_FALSE(t.widget("Download CSV", "button"));
}

TEST_CASE("Members and Statistics buttons on the module screen, only for those who may") {
    {
        Teacher owner("#/parts/1");
        owner.answer("GET", api::path_part(1), 200, json(module_view(true, true)).dump());
        owner.frames(2);
        CHECK(owner.widget("Members", "button"));
        CHECK(owner.widget("Statistics", "button"));
        owner.click("Members", "button");
        CHECK(owner.browser.hash == "#/parts/1/users");
        CHECK(owner.app.screen_name() == "members");
    }
    {
        Teacher tutor("#/parts/1");
        tutor.answer("GET", api::path_part(1), 200, json(module_view(false, true)).dump());
        tutor.frames(2);
        CHECK_FALSE(tutor.widget("Members", "button"));
        tutor.click("Statistics", "button");
        CHECK(tutor.browser.hash == "#/parts/1/stats");
    }
    {
        Teacher student("#/parts/1");
        student.answer("GET", api::path_part(1), 200, json(module_view(false, false)).dump());
        student.frames(2);
        CHECK_FALSE(student.widget("Members", "button"));
        CHECK_FALSE(student.widget("Statistics", "button"));
    }
}
