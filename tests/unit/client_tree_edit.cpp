// The teacher's tree editing in the client natively (client-wasm/app/tree_edit,
// screens/tree_edit.cpp): the controls follow the shared-model rules (an
// owner sees them, a tutor or a student never does), "New module" only with
// modules.create, moving a child sends one PATCH with the new order, adding
// after a sibling sends its place, the delete dialog states the impact
// before anything is deleted and then goes to the parent.
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "wte/permissions.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

std::string session_json(const std::vector<std::string>& permissions) {
    return json{{"user",
                 {{"id", 7},
                  {"email", "teacher@example.org"},
                  {"name", "Tessa Teacher"},
                  {"status", "active"},
                  {"options", {{"high_contrast", false}}}}},
                {"permissions", permissions},
                {"csrf_token", "csrf-7"}}
        .dump();
}

PartSummary child(Id id, PartType type, Id parent, const std::string& title) {
    PartSummary c;
    c.id = id;
    c.type = type;
    c.parent_id = parent;
    c.title = title;
    c.status = Status::available;
    return c;
}

// What the server would send: `can` from the same rules it enforces.
Capabilities can_for(ModuleRole role) {
    Actor actor;
    actor.user_id = 7;
    NodeFacts facts;
    facts.role = role;
    facts.type = PartType::part;
    facts.module_status = Status::available;
    facts.chain = {Status::available, Status::available};
    return capabilities(actor, facts);
}

// Part 4 "HTML Structure" in module 1, pages 8 "Intro", 9 "Tags", 10 "Lists".
PartView part_view_of(ModuleRole role) {
    PartView v;
    v.part.id = 4;
    v.part.type = PartType::part;
    v.part.parent_id = 1;
    v.part.title = "HTML Structure";
    v.part.status = Status::available;
    v.my_role = role;
    v.can = can_for(role);
    v.ancestors = {child(1, PartType::module, 0, "Web Development Basics")};
    v.ancestors[0].parent_id.reset();
    v.children = {child(8, PartType::page, 4, "Intro"), child(9, PartType::page, 4, "Tags"),
                  child(10, PartType::page, 4, "Lists")};
    return v;
}

PartView module_view_of(ModuleRole role) {
    PartView v;
    v.part.id = 1;
    v.part.type = PartType::module;
    v.part.title = "Web Development Basics";
    v.part.status = Status::available;
    v.my_role = role;
    v.can = can_for(role);
    v.children = {child(3, PartType::part, 1, "Getting Started"),
                  child(4, PartType::part, 1, "HTML Structure")};
    return v;
}

struct SignedIn {
    FakePlatform browser;
    App app{browser};
    SignedIn(const std::string& hash, const std::vector<std::string>& permissions = {}) {
        browser.hash = hash;
        app.start();
        answer("GET", api::path_me(), 200, session_json(permissions));
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body);
        app.poll();
    }
    void act(void (*fill)(Actions&)) {
        Actions a;
        fill(a);
        app.apply(a);
    }
    int count(const std::string& method, const std::string& url) const {
        int n = 0;
        for (const auto& r : browser.sent)
            n += r.method == method && r.url == url ? 1 : 0;
        return n;
    }
};

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
    const std::string published =
        ui::probe::end_frame("tree-" + std::to_string(++frames), "#/test");
    ImGui::DestroyContext();
    REQUIRE_FALSE(published.empty());
    const json j = json::parse(published);
    return {j["widgets"], j["texts"]};
}

bool any_edit_control(const Drawn& d) {
    for (const char* label : {"Edit part", "Delete part", "Edit module", "Delete module",
                              "Add page", "Add part", "Arrange", "New module"})
        if (d.widget(label, "button")) return true;
    return d.count("handle") > 0;
}

} // namespace

TEST_CASE("an owner sees the tree controls and a tutor or a student never does") {
    SECTION("owner") {
        SignedIn s("#/parts/4", {"modules.create"});
        s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
        Actions a;
        const Drawn d = draw(s.app.state, draw_part_route, a);
        CHECK(d.widget("Edit part", "button"));
        CHECK(d.widget("Delete part", "button"));
        CHECK(d.widget("Add page", "button"));
        CHECK(d.count("handle") == 3);
        CHECK(d.widget("Drag “Tags”", "handle"));
        CHECK(d.widget("Tags", "link"));
    }
    for (ModuleRole role : {ModuleRole::tutor, ModuleRole::student}) {
        DYNAMIC_SECTION("role " << to_string(role)) {
            // Even a user who may create modules of their own.
            SignedIn s("#/parts/4", {"modules.create"});
            s.answer("GET", api::path_part(4), 200, json(part_view_of(role)).dump());
            REQUIRE_FALSE(s.app.state.part.view.value.can.edit);
            Actions a;
            const Drawn part = draw(s.app.state, draw_part_route, a);
            CHECK(part.widget("Tags", "link")); // the pages are there to read
            CHECK_FALSE(any_edit_control(part));
            s.app.navigate(route_part(1), false);
            s.answer("GET", api::path_part(1), 200, json(module_view_of(role)).dump());
            const Drawn module = draw(s.app.state, draw_part_route, a);
            CHECK(module.widget("Getting Started", "link"));
            CHECK_FALSE(any_edit_control(module));
        }
    }
}

TEST_CASE("New module is offered only with the modules.create permission") {
    SignedIn teacher("#/my", {"modules.create"});
    Actions a;
    CHECK(draw(teacher.app.state, draw_my_modules, a).widget("New module", "button"));
    CHECK(draw(teacher.app.state, draw_modules, a).widget("New module", "button"));
    SignedIn student("#/my", {});
    CHECK_FALSE(draw(student.app.state, draw_my_modules, a).widget("New module", "button"));
    CHECK_FALSE(draw(student.app.state, draw_modules, a).widget("New module", "button"));
}

TEST_CASE("a new module is created by POST and its creator lands on it") {
    SignedIn s("#/my", {"modules.create"});
    s.act([](Actions& a) { a.tree.create = TreeCreateAsk{0, PartType::module, -1, ""}; });
    Actions none;
    const Drawn d = draw(s.app.state, draw_my_modules, none);
    CHECK(d.widget("Title", "input"));
    CHECK(d.widget("Create", "button"));
    // An empty title is explained before anything is sent.
    s.act([](Actions& a) { a.tree.save = true; });
    CHECK(s.count("POST", api::path_parts()) == 0);
    CHECK_FALSE(s.app.state.tree.dialog.error.empty());

    s.app.state.tree.dialog.title = "  CSS Layout ";
    s.act([](Actions& a) { a.tree.save = true; });
    REQUIRE(s.count("POST", api::path_parts()) == 1);
    const json body = json::parse(s.browser.last("POST", api::path_parts())->body);
    CHECK(body == json{{"type", "module"}, {"title", "CSS Layout"}});
    PartView created = module_view_of(ModuleRole::owner);
    created.part.id = 42;
    created.part.title = "CSS Layout";
    created.children.clear();
    s.answer("POST", api::path_parts(), 201, json(created).dump());
    CHECK(s.app.state.route == route_part(42));
    CHECK(s.browser.hash == "#/parts/42");
    CHECK_FALSE(s.app.state.tree.dialog.open());
}

TEST_CASE("Move down sends one PATCH with the new order and shows it at once") {
    SignedIn s("#/parts/4", {"modules.create"});
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    s.act([](Actions& a) { a.tree.arrange = 8; });
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    REQUIRE(d.widget("Move down", "button"));
    CHECK((*d.widget("Move up", "button"))["enabled"] == false); // the first row
    CHECK(d.widget("Add before", "button"));
    CHECK(d.widget("Add after", "button"));

    s.act([](Actions& a) { a.tree.move = TreeMove{8, +1}; });
    REQUIRE(s.count("PATCH", api::path_part(4)) == 1);
    const json body = json::parse(s.browser.last("PATCH", api::path_part(4))->body);
    CHECK(body == json{{"children_order", {9, 8, 10}}});
    const auto& shown = s.app.state.part.view.value.children;
    CHECK(std::vector<Id>{shown[0].id, shown[1].id, shown[2].id} == std::vector<Id>{9, 8, 10});
    // A second move while the first is on its way sends nothing more.
    s.act([](Actions& a) { a.tree.move = TreeMove{8, +1}; });
    CHECK(s.count("PATCH", api::path_part(4)) == 1);

    PartView saved = part_view_of(ModuleRole::owner);
    std::swap(saved.children[0], saved.children[1]);
    s.answer("PATCH", api::path_part(4), 200, json(saved).dump());
    CHECK_FALSE(s.app.state.tree.reordering);
    CHECK(s.app.state.part.view.value.children[0].title == "Tags");
}

TEST_CASE("a dragged row's new order is saved the same way and a refused one is reloaded") {
    SignedIn s("#/parts/4", {"modules.create"});
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    s.act([](Actions& a) { a.tree.reorder = TreeReorder{4, {10, 8, 9}}; });
    REQUIRE(s.count("PATCH", api::path_part(4)) == 1);
    CHECK(json::parse(s.browser.last("PATCH", api::path_part(4))->body) ==
          json{{"children_order", {10, 8, 9}}});
    const int gets = s.count("GET", api::path_part(4));
    s.answer(
        "PATCH", api::path_part(4), 400,
        R"({"error":{"code":"bad_request","message":"children_order must list every child of part 4 exactly once"}})");
    CHECK(s.count("GET", api::path_part(4)) == gets + 1);
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.shows("The new order was not saved: children_order must list every child of part 4 "
                  "exactly once"));
}

TEST_CASE("Add after a page sends POST with the place after it") {
    SignedIn s("#/parts/4", {"modules.create"});
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    s.act([](Actions& a) { a.tree.arrange = 9; });
    s.act([](Actions& a) { a.tree.create = TreeCreateAsk{4, PartType::page, 2, "after “Tags”"}; });
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.shows("New page after “Tags”"));
    s.app.state.tree.dialog.title = "Attributes";
    s.act([](Actions& a) { a.tree.save = true; });
    REQUIRE(s.count("POST", api::path_parts()) == 1);
    CHECK(json::parse(s.browser.last("POST", api::path_parts())->body) ==
          json{{"type", "page"}, {"parent_id", 4}, {"title", "Attributes"}, {"order", 2}});
    const int gets = s.count("GET", api::path_part(4));
    PartView page;
    page.part.id = 11;
    page.part.type = PartType::page;
    page.part.parent_id = 4;
    page.part.title = "Attributes";
    s.answer("POST", api::path_parts(), 201, json(page).dump());
    // The teacher stays on the part, whose list is asked again.
    CHECK(s.app.state.route == route_part(4));
    CHECK(s.count("GET", api::path_part(4)) == gets + 1);
    CHECK_FALSE(s.app.state.tree.dialog.open());
}

TEST_CASE("the delete dialog states the impact first and then deletes and goes to the parent") {
    SignedIn s("#/parts/4", {"modules.create"});
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    s.act([](Actions& a) { a.tree.remove = 4; });
    REQUIRE(s.browser.last("GET", api::path_part_delete_impact(4)));
    Actions none;
    Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.shows("Counting what goes with it…"));
    CHECK((*d.widget("Delete", "button"))["enabled"] == false); // not before the impact is known
    // Confirming before the impact is known deletes nothing.
    s.act([](Actions& a) { a.tree.confirm_delete = true; });
    CHECK(s.count("DELETE", api::path_part(4)) == 0);

    s.answer("GET", api::path_part_delete_impact(4), 200,
             api::to_json(api::DeleteImpact{2, 7, 3, 12, 30}).dump());
    d = draw(s.app.state, draw_part_route, none);
    CHECK(d.shows("Deleting “HTML Structure” also deletes 2 parts, 7 pages, 3 files and the "
                  "progress of 12 learners."));
    s.act([](Actions& a) { a.tree.confirm_delete = true; });
    REQUIRE(s.count("DELETE", api::path_part(4)) == 1);
    s.answer("DELETE", api::path_part(4), 200, R"({"deleted":4})");
    CHECK(s.app.state.route == route_part(1));
    CHECK(s.browser.last("GET", api::path_part(1)));
    CHECK(s.app.state.parts.refused(4));
}

TEST_CASE("a refused delete keeps the dialog open with the server's reason") {
    SignedIn s("#/parts/4", {"modules.create"});
    s.answer("GET", api::path_part(4), 200, json(part_view_of(ModuleRole::owner)).dump());
    s.act([](Actions& a) { a.tree.remove = 4; });
    s.answer("GET", api::path_part_delete_impact(4), 200, api::to_json(api::DeleteImpact{}).dump());
    s.act([](Actions& a) { a.tree.confirm_delete = true; });
    s.answer("DELETE", api::path_part(4), 403,
             R"({"error":{"code":"forbidden","message":"You may not delete part 4"}})");
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.shows("Deleting “HTML Structure” deletes nothing else."));
    CHECK(d.shows("You may not delete part 4"));
    CHECK(s.app.state.route == route_part(4));
}

TEST_CASE("editing sends only what changed and then the module's access") {
    SignedIn s("#/parts/1", {"modules.create"});
    PartView module = module_view_of(ModuleRole::owner);
    module.access.has_password = true;
    s.answer("GET", api::path_part(1), 200, json(module).dump());
    s.act([](Actions& a) { a.tree.edit = 1; });
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.widget("Archived", "radio")); // modules can be archived
    CHECK(d.widget("Module password", "input"));
    CHECK(d.widget("Remove the password", "checkbox"));
    CHECK(d.widget("Email domains", "input"));

    TreeDialog& dialog = s.app.state.tree.dialog;
    dialog.status = Status::unavailable;
    dialog.email_domains = "school.example, example.org";
    s.act([](Actions& a) { a.tree.save = true; });
    REQUIRE(s.count("PATCH", api::path_part(1)) == 1);
    CHECK(json::parse(s.browser.last("PATCH", api::path_part(1))->body) ==
          json{{"status", "unavailable"}});
    CHECK(s.count("PUT", api::path_part_access(1)) == 0); // after the PATCH, not beside it
    PartView patched = module;
    patched.part.status = Status::unavailable;
    s.answer("PATCH", api::path_part(1), 200, json(patched).dump());
    REQUIRE(s.count("PUT", api::path_part_access(1)) == 1);
    // The password is kept: only the domains are sent.
    CHECK(json::parse(s.browser.last("PUT", api::path_part_access(1))->body) ==
          json{{"email_domains", {"school.example", "example.org"}}});
    s.answer(
        "PUT", api::path_part_access(1), 400,
        R"({"error":{"code":"bad_request","message":"Each email domain must look like 'example.org'"}})");
    CHECK(s.app.state.tree.dialog.error == "Each email domain must look like 'example.org'");
    CHECK(s.app.state.part.view.value.part.status == Status::unavailable);
}

TEST_CASE("a page's edit offers its display mode and never archiving") {
    SignedIn s("#/parts/8", {"modules.create"});
    PartView page;
    page.part.id = 8;
    page.part.type = PartType::page;
    page.part.parent_id = 4;
    page.part.title = "Intro";
    page.my_role = ModuleRole::owner;
    page.can = can_for(ModuleRole::owner);
    s.answer("GET", api::path_part(8), 200, json(page).dump());
    s.act([](Actions& a) { a.tree.edit = 8; });
    Actions none;
    const Drawn d = draw(s.app.state, draw_part_route, none);
    CHECK(d.widget("Text only", "radio"));
    CHECK(d.widget("Three panes (HTML, CSS, JavaScript)", "radio"));
    CHECK_FALSE(d.widget("Archived", "radio"));
    CHECK_FALSE(d.widget("Module password", "input"));
    s.app.state.tree.dialog.display_mode = DisplayMode::three_pane_html;
    s.act([](Actions& a) { a.tree.save = true; });
    CHECK(json::parse(s.browser.last("PATCH", api::path_part(8))->body) ==
          json{{"display_mode", "three_pane_html"}});
}

TEST_CASE("the impact sentence names only what is there") {
    CHECK(api::describe_delete_impact("Intro", {}) == "Deleting “Intro” deletes nothing else.");
    CHECK(api::describe_delete_impact("P", {0, 1, 0, 1, 0}) ==
          "Deleting “P” also deletes 1 page and the progress of 1 learner.");
    CHECK(api::describe_delete_impact("M", {2, 7, 3, 12, 4}) ==
          "Deleting “M” also deletes 2 parts, 7 pages, 3 files and the progress of 12 learners.");
    const api::DeleteImpact d{1, 2, 3, 4, 5};
    CHECK(api::to_json(d) == json{{"parts", 1},
                                  {"pages", 2},
                                  {"assets", 3},
                                  {"learners_with_progress", 4},
                                  {"quiz_answers", 5}});
    CHECK(api::parse_delete_impact(api::to_json(d)) == d);
    CHECK(tree_edit::split_domains(" a.org,b.org;  c.org ") ==
          std::vector<std::string>{"a.org", "b.org", "c.org"});
    CHECK(tree_edit::moved({1, 2, 3}, 3, +1) == std::vector<Id>{1, 2, 3});
    CHECK(tree_edit::moved({1, 2, 3}, 3, -1) == std::vector<Id>{1, 3, 2});
}

TEST_CASE("an access change has one JSON form that the server's parser reads back") {
    api::AccessRequest keep;
    keep.email_domains = std::vector<std::string>{"example.org"};
    CHECK(api::to_json(keep) == json{{"email_domains", {"example.org"}}});
    api::AccessRequest remove;
    remove.set_password = true;
    CHECK(api::to_json(remove) == json{{"password", nullptr}});
    const api::AccessRequest read = api::parse_access(api::to_json(remove));
    CHECK(read.set_password);
    CHECK_FALSE(read.password);
    api::AccessRequest set;
    set.set_password = true;
    set.password = "js-demo";
    CHECK(api::parse_access(api::to_json(set)).password == std::optional<std::string>("js-demo"));
    api::AccessRequest bad;
    bad.email_domains = std::vector<std::string>{"me@example.org"};
    CHECK_THROWS_AS(api::parse_access(api::to_json(bad)), BadInput);
}
