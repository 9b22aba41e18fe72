// The teacher's content editor natively, against the fake browser: opening
// a page's source, the unsaved mark, saving with If-Match, a 409 that keeps
// both versions, shortcuts and inserts, the preview that follows the text,
// a click in the preview that puts the caret on its line, and leaving with
// unsaved text (client-wasm/app/content_editor, screens/content_editor.cpp).
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/probe_delta.hpp"
#include "ui/theme.hpp"
#include "wte/rst/parser.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* teacher_session =
    R"({"user":{"id":2,"email":"teacher@example.org","name":"Teacher","status":"active",
        "options":{"high_contrast":false}},"permissions":["modules.create"],"csrf_token":"csrf-2"})";

constexpr Id module_id = 1, part_id = 3, page_id = 5;

const std::string source = "Welcome\n=======\n\nFirst paragraph of the page.\n\n"
                           "- one\n- two\n\nLast paragraph, far below.\n";

PartView page_view(const std::string& content = source, bool can_edit = true) {
    PartView v;
    v.part.id = page_id;
    v.part.type = PartType::page;
    v.part.parent_id = part_id;
    v.part.title = "Welcome to the Web";
    v.part.content = content;
    PartSummary module;
    module.id = module_id;
    module.type = PartType::module;
    module.title = "Web Development Basics";
    PartSummary part;
    part.id = part_id;
    part.type = PartType::part;
    part.parent_id = module_id;
    part.title = "Getting Started";
    v.ancestors = {module, part};
    v.my_role = can_edit ? ModuleRole::owner : ModuleRole::tutor;
    v.can.edit = can_edit;
    return v;
}

struct Editor {
    FakePlatform browser;
    App app{browser};
    explicit Editor(bool can_edit = true) {
        browser.hash = "#/parts/5/edit";
        app.start();
        answer("GET", api::path_me(), 200, teacher_session);
        reply("GET", api::path_part(page_id), 200, json(page_view(source, can_edit)).dump(),
              "\"v1-gzip\"");
        app.apply(idle);
    }
    Actions idle;
    ImGuiContext* ui = nullptr;
    ~Editor() {
        if (ui) ImGui::DestroyContext(ui);
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        reply(method, url, status, body, "");
    }
    void reply(const std::string& method, const std::string& url, int status,
               const std::string& body, const std::string& etag) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        HttpEvent e;
        e.id = r->id;
        e.status = status;
        e.body = body;
        e.content_type = "application/json";
        e.etag = etag;
        browser.events.push_back(e);
        app.poll();
    }
    ContentEditorState& state() { return app.state.content_editor; }
    editor::TextBuffer& buffer() { return state().editor.buffer(); }
    void type_at_end(const std::string& text) {
        buffer().move_to_end(false);
        buffer().type(text);
        Actions a;
        a.content_editor.edited = true;
        app.apply(a);
    }
    void apply(Actions a) { app.apply(a); }
    void save() {
        Actions a;
        a.content_editor.save = true;
        app.apply(a);
    }
    std::size_t patches() const {
        std::size_t n = 0;
        for (const HttpRequest& r : browser.sent)
            if (r.method == "PATCH") ++n;
        return n;
    }
};

// The whole app drawn headless; returns the last frame's test-bridge JSON.
// One ImGui context per Editor: the preview's layout keeps its fonts.
// mirror: what the page's mirror gets instead (ui/probe_delta.hpp), the last one sent.
std::string draw(Editor& w, int frames = 2, const std::function<void(ImGuiIO&, int)>& input = {},
                 bool mirror = false) {
    if (!w.ui) {
        w.ui = testing::start_headless_ui(ImVec2(1280, 800));
        ImGuiIO& io = ImGui::GetIO();
        // Every key the editor asks about; letters in a row, as the GLFW backend numbers them.
        for (int k = 0; k < ImGuiKey_COUNT; ++k)
            io.KeyMap[k] = 300 + k;
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyMap[ImGuiKey_C] = 'C';
        io.KeyMap[ImGuiKey_V] = 'V';
        io.KeyMap[ImGuiKey_X] = 'X';
        io.KeyMap[ImGuiKey_Y] = 'Y';
        io.KeyMap[ImGuiKey_Z] = 'Z';
    }
    ImGui::SetCurrentContext(w.ui);
    ImGuiIO& io = ImGui::GetIO();
    std::string probe;
    for (int i = 0; i < frames; ++i) {
        io.MouseDown[0] = false;
        io.KeyCtrl = false;
        if (input) input(io, i);
        ImGui::NewFrame();
        ui::probe::begin_frame();
        Actions a;
        draw_app(w.app.state, a, w.app.screen_name());
        ImGui::Render();
        const std::string screen = w.app.screen_name(), route = "#/parts/5/edit";
        if (std::string j = mirror ? ui::probe::end_frame_changes(screen, route)
                                   : ui::probe::end_frame(screen, route);
            !j.empty())
            probe = std::move(j);
        w.app.apply(a);
    }
    return probe;
}

json find(const std::string& probe, const char* list, const std::string& key,
          const std::string& value) {
    const json all = json::parse(probe);
    for (const json& x : all[list])
        if (x.value(key, "").find(value) != std::string::npos) return x;
    return nullptr;
}

} // namespace

TEST_CASE("the editor opens the page's source and marks unsaved text in the title") {
    Editor w;
    CHECK(w.app.screen_name() == "content-editor");
    CHECK(w.state().editor.text() == source);
    CHECK(w.state().etag == "v1"); // Apache's -gzip suffix is not part of the version
    CHECK_FALSE(content_editor::unsaved(w.app.state));
    CHECK(w.browser.title == "Editing Welcome to the Web — WTE");
    w.type_at_end("More.\n");
    CHECK(w.state().dirty);
    CHECK(w.browser.title == "• Editing Welcome to the Web — WTE");
    // Typing it away again is no change.
    w.buffer().backspace();
    w.buffer().backspace();
    w.buffer().backspace();
    w.buffer().backspace();
    w.buffer().backspace();
    w.buffer().backspace();
    Actions a;
    a.content_editor.edited = true;
    w.apply(a);
    CHECK_FALSE(w.state().dirty);
}

TEST_CASE("saving sends the content with If-Match and never the status") {
    Editor w;
    w.type_at_end("More.\n");
    w.save();
    const HttpRequest* patch = w.browser.last("PATCH", api::path_part(page_id));
    REQUIRE(patch);
    CHECK(patch->if_match == "\"v1\"");
    const json body = json::parse(patch->body);
    CHECK(body == json{{"content", source + "More.\n"}});
    CHECK(content_editor::unsaved(w.app.state)); // until the server answered

    PartView saved = page_view(source + "More.\n");
    w.reply("PATCH", api::path_part(page_id), 200, json(saved).dump(), "\"v2\"");
    w.apply({});
    CHECK_FALSE(w.state().dirty);
    CHECK(w.state().etag == "v2");
    CHECK(w.browser.title == "Editing Welcome to the Web — WTE");
    // The page screen shows the saved text at once.
    REQUIRE(w.app.state.parts.find(page_id));
    CHECK(w.app.state.parts.find(page_id)->part.content == source + "More.\n");
}

TEST_CASE("the mirror gets Save becoming Saving… as a changed record instead of a whole frame") {
    Editor w;
    w.type_at_end("More.\n");
    const json before = json::parse(draw(w, 1, {}, true));
    REQUIRE(before.contains("full"));
    const json* save = nullptr;
    for (const json& x : before["widgets"])
        if (x["kind"] == "button" && x["label"] == "Save") save = &x;
    REQUIRE(save);
    draw(w, 2, {}, true); // the layout settles
    w.save();
    const json after = json::parse(draw(w, 1, {}, true));
    CHECK(after.contains("delta"));
    CHECK_FALSE(after.contains("full"));
    const json* saving = nullptr;
    for (const json& x : after["change"])
        if (x.value("label", "") == "Saving…") saving = &x;
    REQUIRE(saving);
    // The same record under the same key, now disabled; the status line
    // (Unsaved changes → Saving…) comes as a text renamed in place.
    CHECK((*saving)["key"] == (*save)["key"]);
    CHECK((*saving)["enabled"] == false);
    bool status = false;
    for (const json& x : after["change"]) {
        const std::string text = x.value("text", "");
        if (text.ends_with(" · Saving…"))
            status = x.value("was", "").ends_with(" · Unsaved changes");
    }
    CHECK(status);
}

TEST_CASE("someone else's newer save keeps both versions: keep mine or take theirs") {
    Editor w;
    w.type_at_end("Mine.\n");
    w.save();
    w.answer("PATCH", api::path_part(page_id), 409,
             R"({"error": {"code": "content_changed", "message": "Someone saved part 5.",
                 "details": {"etag": "v7", "content": "Theirs.\n"}}})");
    ContentEditorState& e = w.state();
    CHECK(e.conflict);
    CHECK(e.dirty);
    CHECK(e.editor.text() == source + "Mine.\n");
    CHECK(e.their_text == "Theirs.\n");
    std::string probe = draw(w);
    CHECK(find(probe, "texts", "text", "Someone saved this page meanwhile").is_object());
    CHECK(find(probe, "widgets", "label", "Keep mine").is_object());
    CHECK(find(probe, "widgets", "label", "Compare side by side").is_object());
    w.save(); // Ctrl+S does not overwrite theirs before the teacher chose
    CHECK(w.patches() == 1);

    SECTION("keep mine saves over theirs with their ETag") {
        Actions keep;
        keep.content_editor.keep_mine = true;
        w.apply(keep);
        REQUIRE(w.patches() == 2);
        const HttpRequest* patch = w.browser.last("PATCH", api::path_part(page_id));
        CHECK(patch->if_match == "\"v7\"");
        CHECK(json::parse(patch->body)["content"] == source + "Mine.\n");
    }
    SECTION("take theirs replaces the text, and undo brings mine back") {
        Actions take;
        take.content_editor.take_theirs = true;
        w.apply(take);
        CHECK(e.editor.text() == "Theirs.\n");
        CHECK_FALSE(e.dirty);
        CHECK(e.etag == "v7");
        e.editor.buffer().undo();
        CHECK(e.editor.text() == source + "Mine.\n");
    }
    SECTION("the comparison shows both texts side by side") {
        Actions cmp;
        cmp.content_editor.toggle_compare = true;
        w.apply(cmp);
        probe = draw(w);
        CHECK(find(probe, "texts", "text", "Theirs (saved)").is_object());
        CHECK(find(probe, "texts", "text", "Mine (not saved)").is_object());
    }
}

TEST_CASE("Ctrl+B wraps the selection in strong markers — without one it inserts a pair") {
    Editor w;
    std::string probe = draw(w);
    const json source_field = find(probe, "widgets", "label", "Source");
    REQUIRE(source_field.is_object());
    // "First" on line 4 selected, then Ctrl+B pressed in the focused editor.
    w.state().editor.focus();
    w.buffer().select({3, 0}, {3, 5});
    draw(w, 3, [](ImGuiIO& io, int frame) {
        io.KeyCtrl = frame == 1;
        io.KeysDown['B'] = frame == 1;
    });
    CHECK(w.buffer().line(3) == "**First** paragraph of the page.");
    CHECK(w.buffer().text(w.buffer().selection()) == "First");
    CHECK(w.state().dirty);

    // Italic with no selection: a pair of markers with the caret between them.
    w.buffer().set_cursor({3, static_cast<int>(w.buffer().line(3).size())});
    content_editor::wrap_selection(w.state().editor, "*");
    CHECK(w.buffer().line(3) == "**First** paragraph of the page.**");
    CHECK(w.buffer().cursor().byte == static_cast<int>(w.buffer().line(3).size()) - 1);
}

TEST_CASE("every toolbar insert is reST that parses without problems") {
    for (InsertKind k : {InsertKind::heading, InsertKind::list, InsertKind::code, InsertKind::note,
                         InsertKind::show_hide, InsertKind::quiz}) {
        const std::string text = "Intro.\n\n" + content_editor::insert_template(k);
        INFO(text);
        CHECK(rst::parse(text).diagnostics.empty());
    }
    Editor w;
    w.buffer().set_cursor({3, 3});
    Actions a;
    a.content_editor.insert = InsertKind::note;
    w.apply(a);
    CHECK(w.buffer().text().find("page.\n\n.. note::\n\n   Something") != std::string::npos);
}

TEST_CASE("the preview follows the typing and a click on it puts the caret on its line") {
    Editor w;
    std::string probe = draw(w);
    CHECK(find(probe, "texts", "text", "First paragraph of the page.").is_object());
    CHECK(w.browser.sent.size() == 2); // me and the part: the preview asked for nothing

    w.type_at_end("\nA paragraph typed just now.\n");
    probe = draw(w);
    CHECK(find(probe, "texts", "text", "A paragraph typed just now.").is_object());
    CHECK(w.browser.sent.size() == 2); // no round trip while typing

    const json last = find(probe, "texts", "text", "Last paragraph, far below.");
    REQUIRE(last.is_object());
    // Probe rectangles are CSS px; the test runs at scale 1.
    const float x = last["x"].get<float>() + 5, y = last["y"].get<float>() + 5;
    draw(w, 3, [&](ImGuiIO& io, int frame) {
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = frame == 1;
    });
    CHECK(w.buffer().cursor().line == 8); // "Last paragraph, far below." is line 9
}

TEST_CASE("the renderer maps source lines to page heights and back") {
    Editor w;
    draw(w);
    render::PageRenderer& r = w.state().preview; // y_of_line lays out down to the line
    const float first = r.y_of_line(4), list = r.y_of_line(6), last = r.y_of_line(9);
    CHECK(first < list);
    CHECK(list < last);
    CHECK(r.line_at(first + 1) == 4);
    CHECK(r.line_at(last + 1) == 9);
    CHECK(r.y_of_line(7) >= list); // the second item, below the first
    CHECK(r.line_at(r.y_of_line(7) + 1) == 7);
}

TEST_CASE("problems are listed with their line, marked in the gutter, and the page previews") {
    Editor w;
    w.type_at_end("\n.. no-such-directive::\n\nStill shown.\n");
    std::string probe = draw(w, 3);
    const json problem = find(probe, "widgets", "label", "Line 11:");
    REQUIRE(problem.is_object());
    CHECK(find(probe, "texts", "text", "problem on line 11").is_object());
    CHECK(find(probe, "texts", "text", "Still shown.").is_object());
    INFO(problem.dump());
    const float x = problem["x"].get<float>() + 5, y = problem["y"].get<float>() + 5;
    draw(w, 3, [&](ImGuiIO& io, int frame) {
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = frame == 1;
    });
    CHECK(w.buffer().cursor().line == 10);
}

TEST_CASE("leaving with unsaved text asks first — the browser is told to ask too") {
    Editor w;
    w.type_at_end("More.\n");
    CHECK(w.browser.leave_warning);
    Actions away;
    away.navigate = route_part(page_id);
    w.apply(away);
    CHECK(w.app.state.route == route_part_edit(page_id)); // still here
    CHECK(w.browser.hash == "#/parts/5/edit");
    REQUIRE(w.state().leave_to);
    std::string probe = draw(w);
    CHECK(find(probe, "widgets", "label", "Leave without saving").is_object());

    Actions leave;
    leave.content_editor.leave = true;
    w.apply(leave);
    CHECK(w.app.state.route == route_part(page_id));
    CHECK(w.browser.hash == "#/parts/5");
    CHECK_FALSE(w.browser.leave_warning);
}

TEST_CASE("a tutor who may not edit sees why instead of the editor") {
    Editor w(false);
    CHECK_FALSE(w.state().error.empty());
    const std::string probe = draw(w);
    CHECK_FALSE(find(probe, "widgets", "label", "Source").is_object());
    CHECK(find(probe, "texts", "text", "may not edit").is_object());
}

TEST_CASE("files dropped onto the editor become assets and are referenced at the caret") {
    Editor w;
    w.buffer().move_to_end(false);
    auto picked = [](const std::string& name, const std::string& bytes) {
        platform::PickedFile f;
        f.name = name;
        f.size = bytes.size();
        f.bytes.assign(bytes.begin(), bytes.end());
        return f;
    };
    w.browser.drops.push_back(
        {600, 400, {picked("photo.png", "png"), picked("notes.pdf", "%PDF")}});
    w.app.poll();
    w.app.apply(w.idle);
    CHECK(w.state().drop_notice == "Uploading 2 files…");
    const HttpRequest* photo =
        w.browser.last("POST", api::path_asset_upload(page_id, "photo.png", AssetKind::asset));
    const HttpRequest* notes =
        w.browser.last("POST", api::path_asset_upload(page_id, "notes.pdf", AssetKind::asset));
    REQUIRE(photo);
    REQUIRE(notes);
    CHECK_FALSE(w.state().dirty); // nothing referenced before the files are stored
    Asset a;
    a.id = 40;
    a.part_id = page_id;
    a.filename = "photo.png";
    a.mimetype = "image/png";
    w.browser.reply(photo->id, 201, json(a).dump());
    w.app.poll();
    // The other file's name is taken: the page refers to the file already there.
    w.browser.reply(
        notes->id, 409,
        R"({"error":{"code":"duplicate_name","message":"taken","details":{"existing":12}}})");
    w.app.poll();
    const std::string text = w.state().editor.text();
    CHECK(text.find(".. image:: photo.png\n") != std::string::npos);
    CHECK(text.find(":asset:`notes.pdf`") != std::string::npos);
    CHECK(w.state().dirty);
    CHECK(w.state().drop_notice == "Added photo.png, notes.pdf.");
    CHECK(w.state().drop_error.empty());
    // The preview parses what was inserted without a problem.
    CHECK(rst::parse(text).diagnostics.empty());
}

TEST_CASE("a file too big for the server is named with the limit and nothing is inserted") {
    Editor w;
    const std::string before = w.state().editor.text();
    platform::PickedFile big;
    big.name = "lecture.mp4";
    big.size = 50u << 20;
    big.too_large = true;
    w.browser.drops.push_back({600, 400, {big}});
    w.app.poll();
    w.app.apply(w.idle);
    // The browser could not read it: refused at once, nothing sent.
    CHECK_FALSE(
        w.browser.last("POST", api::path_asset_upload(page_id, "lecture.mp4", AssetKind::asset)));
    CHECK(w.state().drop_error.find("lecture.mp4") != std::string::npos);
    CHECK(w.state().editor.text() == before);
    CHECK_FALSE(w.state().dirty);
}
