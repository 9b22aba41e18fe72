// The learner's workspace of a three-pane part natively, against the fake
// browser: files as tabs, autosave with If-Match after 5 s, Ctrl+S, saving on
// leaving and on tab close, a file changed elsewhere, network failures and
// discarding changes (client-wasm/app/workspace).
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* session_json =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Student One","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

constexpr Id module_id = 1, part_id = 20, page_id = 21;

PartView exercise_page(ModuleRole role = ModuleRole::student) {
    PartView v;
    v.part.id = page_id;
    v.part.type = PartType::page;
    v.part.parent_id = part_id;
    v.part.title = "Exercise: Your Own Home Page";
    v.part.content = "Build a small home page.\n";
    v.part.display_mode = DisplayMode::three_pane_html;
    PartSummary module;
    module.id = module_id;
    module.type = PartType::module;
    module.title = "Web Development Basics";
    PartSummary part;
    part.id = part_id;
    part.type = PartType::part;
    part.parent_id = module_id;
    part.title = "Your Own Home Page";
    part.display_mode = DisplayMode::three_pane_html;
    v.ancestors = {module, part};
    v.my_role = role;
    return v;
}

std::string listing(const std::string& index_etag = "e1", const std::string& css_etag = "e2") {
    return R"({"part_id": 20, "preview_url": "/api/v1/preview/tok/index.html", "files": [
        {"filename": "index.html", "mimetype": "text/html", "etag": ")" +
           index_etag + R"(", "changed": false, "size": 20},
        {"filename": "style.css", "mimetype": "text/css", "etag": ")" +
           css_etag + R"(", "changed": false, "size": 10}]})";
}

const std::string index_url = api::path_workspace_file(part_id, "index.html");
const std::string css_url = api::path_workspace_file(part_id, "style.css");

struct Workspace {
    FakePlatform browser;
    App app{browser};
    Workspace() {
        browser.hash = "#/parts/21";
        app.start();
        answer("GET", api::path_me(), 200, session_json);
        answer("GET", api::path_part(page_id), 200, json(exercise_page()).dump());
        answer("GET", api::path_workspace(part_id), 200, listing());
        file("GET", index_url, 200, "<h1>Hello</h1>\n", "\"e1\"");
        file("GET", css_url, 200, "body {}\n", "\"e2\"");
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body);
        app.poll();
    }
    // A file's bytes with its ETag header, as the server sends them.
    void file(const std::string& method, const std::string& url, int status,
              const std::string& body, const std::string& etag) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        HttpEvent e;
        e.id = r->id;
        e.status = status;
        e.body = body;
        e.content_type = "text/html";
        e.etag = etag;
        browser.events.push_back(e);
        app.poll();
    }
    WorkspaceFileState& index() {
        WorkspaceFileState* f = app.state.workspace.find("index.html");
        REQUIRE(f);
        return *f;
    }
    // The learner types at the end of index.html (the screen reports the edit).
    void type(const std::string& text) {
        WorkspaceFileState& f = index();
        f.editor.buffer().move_to_end(false);
        f.editor.buffer().type(text);
        Actions a;
        a.workspace.edited.push_back("index.html");
        app.apply(a);
    }
    void apply(Actions a) { app.apply(a); }
    std::size_t puts() const {
        std::size_t n = 0;
        for (const HttpRequest& r : browser.sent)
            if (r.method == "PUT") ++n;
        return n;
    }
    void later(double seconds) {
        browser.now += seconds;
        app.poll();
    }
};

} // namespace

TEST_CASE("a page of a three-pane part shows the learner's files as tabs, index.html first") {
    Workspace w;
    CHECK(w.app.screen_name() == "workspace");
    const WorkspaceState& ws = w.app.state.workspace;
    CHECK(ws.part_id == part_id);
    REQUIRE(ws.files.size() == 2);
    CHECK(ws.files[0]->file.name == "index.html");
    CHECK(ws.files[1]->file.name == "style.css");
    CHECK(ws.files[0]->editor.text() == "<h1>Hello</h1>\n");
    CHECK(ws.files[0]->editor.colours().language() == "html");
    CHECK(ws.files[1]->editor.colours().language() == "css");
    CHECK(workspace::save_state(*ws.files[0]) == SaveState::saved);
    CHECK(w.app.state.preview.url == "/api/v1/preview/tok/index.html");
    CHECK(w.app.state.preview.part == part_id);
}

TEST_CASE("someone who is not a member of the module reads the page without a workspace") {
    FakePlatform browser;
    App app{browser};
    browser.hash = "#/parts/21";
    app.start();
    browser.reply(browser.last("GET", api::path_me())->id, 200, session_json);
    app.poll();
    browser.reply(browser.last("GET", api::path_part(page_id))->id, 200,
                  json(exercise_page(ModuleRole::none)).dump());
    app.poll();
    CHECK(app.screen_name() == "page");
    CHECK_FALSE(browser.last("GET", api::path_workspace(part_id)));
}

TEST_CASE("typing marks the file unsaved — 5 s later it is saved with If-Match") {
    Workspace w;
    w.type("<p>Me</p>\n");
    CHECK(w.index().dirty);
    CHECK(std::string(workspace::save_state_text(workspace::save_state(w.index()))) ==
          "Unsaved changes");
    w.later(4);
    CHECK(w.puts() == 0); // still typing, perhaps
    w.later(1.5);
    const HttpRequest* put = w.browser.last("PUT", index_url);
    REQUIRE(put);
    CHECK(put->if_match == "\"e1\"");
    CHECK(put->body == "<h1>Hello</h1>\n<p>Me</p>\n");
    CHECK(put->content_type == "text/html");
    CHECK(put->csrf == "csrf-5");
    CHECK(workspace::save_state(w.index()) == SaveState::saving);

    w.answer("PUT", index_url, 200, R"({"result": "saved", "etag": "e3", "changed": true})");
    CHECK_FALSE(w.index().dirty);
    CHECK(w.index().file.etag == "e3");
    CHECK(w.index().file.changed);
    CHECK(std::string(workspace::save_state_text(workspace::save_state(w.index()))) == "Saved");
    CHECK(w.app.state.preview.reloads == 1);

    // The next save names the new version; "no-changes" leaves the preview alone.
    w.type(" ");
    w.later(6);
    REQUIRE(w.browser.last("PUT", index_url)->if_match == "\"e3\"");
    w.answer("PUT", index_url, 200, R"({"result": "no-changes", "etag": "e3", "changed": true})");
    CHECK(w.app.state.preview.reloads == 1);
    CHECK(w.puts() == 2);
}

TEST_CASE("text typed while a save is on its way is saved after it") {
    Workspace w;
    w.type("a");
    w.later(6);
    w.type("b");
    w.answer("PUT", index_url, 200, R"({"result": "saved", "etag": "e3", "changed": true})");
    CHECK(w.index().dirty);
    CHECK(w.index().saved_text == "<h1>Hello</h1>\na");
    w.later(6);
    REQUIRE(w.puts() == 2);
    CHECK(w.browser.last("PUT", index_url)->body == "<h1>Hello</h1>\nab");
    CHECK(w.browser.last("PUT", index_url)->if_match == "\"e3\"");
}

TEST_CASE("Ctrl+S saves at once") {
    Workspace w;
    w.type("x");
    Actions save;
    save.workspace.save_now = true;
    w.apply(save);
    CHECK(w.puts() == 1);
}

TEST_CASE("a file changed elsewhere keeps the typed text — Keep mine saves over theirs") {
    Workspace w;
    w.type("<p>mine</p>");
    w.later(6);
    w.answer("PUT", index_url, 409,
             R"({"error": {"code": "file_changed", "message": "The file changed.",
                 "details": {"etag": "e9"}}})");
    WorkspaceFileState& f = w.index();
    CHECK(f.conflict);
    CHECK(workspace::save_state(f) == SaveState::conflict);
    CHECK(f.editor.text() == "<h1>Hello</h1>\n<p>mine</p>");
    w.later(30); // no autosave over theirs while the learner has not decided
    CHECK(w.puts() == 1);

    Actions keep;
    keep.workspace.keep_mine = "index.html";
    w.apply(keep);
    const HttpRequest* put = w.browser.last("PUT", index_url);
    REQUIRE(w.puts() == 2);
    CHECK(put->if_match == "\"e9\"");
    CHECK(put->body == "<h1>Hello</h1>\n<p>mine</p>");
    w.answer("PUT", index_url, 200, R"({"result": "saved", "etag": "e10", "changed": true})");
    CHECK_FALSE(w.index().conflict);
    CHECK_FALSE(w.index().dirty);
}

TEST_CASE("Keep mine after the file was removed elsewhere writes it again with If-Match *") {
    Workspace w;
    w.type("x");
    w.later(6);
    w.answer(
        "PUT", index_url, 409,
        R"({"error": {"code": "file_changed", "message": "Gone.", "details": {"etag": null}}})");
    Actions keep;
    keep.workspace.keep_mine = "index.html";
    w.apply(keep);
    CHECK(w.browser.last("PUT", index_url)->if_match == "*");
}

TEST_CASE("Reload theirs replaces the typed text with the version saved elsewhere") {
    Workspace w;
    w.type("<p>mine</p>");
    w.later(6);
    w.answer("PUT", index_url, 409,
             R"({"error": {"code": "file_changed", "message": "x", "details": {"etag": "e9"}}})");
    Actions reload;
    reload.workspace.reload_theirs = "index.html";
    w.apply(reload);
    CHECK(w.index().conflict); // until their text is here
    w.file("GET", index_url, 200, "<h1>Theirs</h1>\n", "\"e9\"");
    CHECK(w.index().editor.text() == "<h1>Theirs</h1>\n");
    CHECK(w.index().file.etag == "e9");
    CHECK_FALSE(w.index().conflict);
    CHECK_FALSE(w.index().dirty);
    w.later(10);
    CHECK(w.puts() == 1);
}

TEST_CASE("leaving the page sends the unsaved text at once") {
    Workspace w;
    w.type("<p>bye</p>");
    Actions leave;
    leave.navigate = route_modules();
    w.apply(leave);
    const HttpRequest* put = w.browser.last("PUT", index_url);
    REQUIRE(put);
    CHECK(put->body == "<h1>Hello</h1>\n<p>bye</p>");
    CHECK_FALSE(put->keepalive);
    CHECK(w.app.state.workspace.part_id == 0);
}

TEST_CASE("closing or hiding the tab sends the unsaved text as a keepalive request") {
    Workspace w;
    w.type("<p>closing</p>");
    w.browser.set_visible(false);
    const HttpRequest* put = w.browser.last("PUT", index_url);
    REQUIRE(put);
    CHECK(put->keepalive);
    CHECK(put->if_match == "\"e1\"");
}

TEST_CASE("a save that cannot reach the server stays unsaved and is tried again") {
    Workspace w;
    w.type("x");
    w.later(6);
    w.answer("PUT", index_url, 0, "");
    CHECK(w.index().dirty);
    CHECK(std::string(workspace::save_state_text(workspace::save_state(w.index()))) ==
          "Not saved — retrying");
    w.later(2);
    CHECK(w.puts() == 1);
    w.later(4);
    REQUIRE(w.puts() == 2);
    w.answer("PUT", index_url, 200, R"({"result": "saved", "etag": "e3", "changed": true})");
    CHECK(workspace::save_state(w.index()) == SaveState::saved);
}

TEST_CASE("a file too large to save says so and keeps the text") {
    Workspace w;
    w.type("x");
    w.later(6);
    w.answer("PUT", index_url, 413, R"({"error": {"code": "too_large", "message": "Too large."}})");
    CHECK(w.index().dirty);
    CHECK(workspace::save_state(w.index()) == SaveState::refused);
    CHECK(w.index().refused.find("1 MiB") != std::string::npos);
    w.later(30);
    CHECK(w.puts() == 1); // the same text would be refused again
}

TEST_CASE("Discard changes asks first, then puts the file back to the template") {
    Workspace w;
    w.type("<p>oops</p>");
    Actions ask;
    ask.workspace.ask_discard = "index.html";
    w.apply(ask);
    CHECK(w.index().confirm_discard);
    CHECK_FALSE(w.browser.last("POST", api::path_workspace_reset(part_id)));

    Actions discard;
    discard.workspace.discard = "index.html";
    w.apply(discard);
    const HttpRequest* reset = w.browser.last("POST", api::path_workspace_reset(part_id));
    REQUIRE(reset);
    CHECK(json::parse(reset->body) == json{{"filename", "index.html"}});
    w.later(10);
    CHECK(w.puts() == 0); // the discarded text is not saved
    w.answer("POST", api::path_workspace_reset(part_id), 200, listing("e0", "e2"));
    w.file("GET", index_url, 200, "<h1>Template</h1>\n", "\"e0\"");
    CHECK(w.index().editor.text() == "<h1>Template</h1>\n");
    CHECK(w.index().file.etag == "e0");
    CHECK_FALSE(w.index().dirty);
    CHECK(w.app.state.preview.reloads == 1);
}

TEST_CASE("Discard all resets every file and drops the ones without a template") {
    Workspace w;
    Actions all;
    all.workspace.ask_discard_all = true;
    w.apply(all);
    CHECK(w.app.state.workspace.confirm_discard_all);
    Actions discard;
    discard.workspace.discard_all = true;
    w.apply(discard);
    const HttpRequest* reset = w.browser.last("POST", api::path_workspace_reset(part_id));
    REQUIRE(reset);
    CHECK(json::parse(reset->body) == json::object());
    w.answer("POST", api::path_workspace_reset(part_id), 200,
             R"({"part_id": 20, "preview_url": "/api/v1/preview/tok/index.html", "files": [
                 {"filename": "index.html", "mimetype": "text/html", "etag": "e0",
                  "changed": false, "size": 5}]})");
    REQUIRE(w.app.state.workspace.files.size() == 1);
    CHECK_FALSE(w.app.state.workspace.confirm_discard_all);
}

TEST_CASE("files download one by one or all together as a ZIP named after the part") {
    Workspace w;
    Actions one;
    one.workspace.download = "style.css";
    w.apply(one);
    Actions all;
    all.workspace.download_all = true;
    w.apply(all);
    REQUIRE(w.browser.downloads.size() == 2);
    CHECK(w.browser.downloads[0].first == css_url);
    CHECK(w.browser.downloads[0].second == "style.css");
    CHECK(w.browser.downloads[1].first == api::path_workspace_zip(part_id));
    CHECK(w.browser.downloads[1].second == "Your Own Home Page.zip");
}

TEST_CASE("ETags are compared bare, whatever quoting the server used") {
    CHECK(workspace::bare_etag("\"3f2a\"") == "3f2a");
    CHECK(workspace::bare_etag("W/\"3f2a\"") == "3f2a");
    CHECK(workspace::bare_etag("3f2a") == "3f2a");
    // What the browser sees through Apache's compression.
    CHECK(workspace::bare_etag("\"3f2a-gzip\"") == "3f2a");
    CHECK(workspace::language_for("app.JS") == "javascript");
    CHECK(workspace::language_for("notes.txt").empty());
}

namespace {

// The whole app drawn headless for `frames` frames at width × height;
// `input` sets up the pointer for each frame. Returns the last frame's
// test-bridge JSON and leaves its actions applied.
std::string draw(Workspace& w, float width, float height, int frames = 2,
                 const std::function<void(ImGuiIO&, int)>& input = {}) {
    testing::start_headless_ui(ImVec2(width, height));
    ImGuiIO& io = ImGui::GetIO();
    std::string probe;
    for (int i = 0; i < frames; ++i) {
        if (input) input(io, i);
        ImGui::NewFrame();
        ui::probe::begin_frame();
        Actions a;
        draw_app(w.app.state, a, w.app.screen_name());
        ImGui::Render();
        if (std::string json = ui::probe::end_frame(w.app.screen_name(), "#/parts/21");
            !json.empty())
            probe = std::move(json);
        w.app.apply(a);
    }
    ImGui::DestroyContext();
    return probe;
}

json widget(const std::string& probe, const std::string& label, const std::string& kind) {
    const json all = json::parse(probe);
    for (const json& x : all["widgets"])
        if (x["label"] == label && x["kind"] == kind) return x;
    return nullptr;
}

} // namespace

TEST_CASE("on a wide screen the panes stand side by side with splitters that drag") {
    Workspace w;
    std::string probe = draw(w, 1280, 800);
    const json lesson = widget(probe, "Collapse Lesson", "button");
    const json split = widget(probe, "Resize Lesson and Code", "splitter");
    REQUIRE(split.is_object());
    CHECK(lesson.is_object());
    CHECK(widget(probe, "Resize Code and Preview", "splitter").is_object());
    CHECK(widget(probe, "index.html", "tab")["checked"] == true);
    CHECK(widget(probe, "style.css", "tab").is_object());
    CHECK(widget(probe, "index.html", "input")["value"] == "<h1>Hello</h1>\n");
    CHECK(probe.find(R"("text":"Saved")") != std::string::npos);

    // Dragging the first splitter 100 px to the right widens the lesson.
    const float x = split["x"].get<float>() + 4, y = split["y"].get<float>() + 100;
    const float before = w.app.state.workspace.split[0];
    draw(w, 1280, 800, 4, [&](ImGuiIO& io, int frame) {
        io.MousePos = ImVec2(frame < 2 ? x : x + 100, y);
        io.MouseDown[0] = frame >= 1;
    });
    CHECK(w.app.state.workspace.split[0] > before + 0.05f);

    // A collapsed pane is a strip that expands on click.
    w.app.state.workspace.collapsed[0] = true;
    probe = draw(w, 1280, 800);
    CHECK_FALSE(widget(probe, "Collapse Lesson", "button").is_object());
    const json strip = widget(probe, "Expand Lesson", "button");
    REQUIRE(strip.is_object());
    CHECK(strip["w"].get<float>() < 40);
}

TEST_CASE("an unsaved file's tab carries a dot") {
    Workspace w;
    w.type("x");
    const std::string probe = draw(w, 1280, 800);
    CHECK(widget(probe, "index.html •", "tab").is_object());
    CHECK(probe.find(R"("text":"Unsaved changes")") != std::string::npos);
}

TEST_CASE("on a 375 px phone the panes are tabs Lesson | Code | Preview") {
    Workspace w;
    std::string probe = draw(w, 375, 667);
    for (const char* name : {"Lesson", "Code", "Preview"})
        CHECK(widget(probe, name, "tab").is_object());
    CHECK_FALSE(widget(probe, "Resize Lesson and Code", "splitter").is_object());
    CHECK_FALSE(widget(probe, "index.html", "input").is_object()); // the lesson first
    w.app.state.workspace.narrow_pane = 1;
    probe = draw(w, 375, 667);
    CHECK(widget(probe, "index.html", "input").is_object());
}
