// The teacher's Files screen (client-wasm/app/part_files, screens/part_files.cpp)
// and the help panel (app/help, screens/help.cpp) natively: the lists as the
// test bridge sees them, uploads with their own progress rows, the upload
// limit's message, "replace or rename?" after a taken name, the row actions'
// requests, text files in the code editor, the hook the content editor uses,
// and every primer example parsing clean; F1 and Esc.
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "wte/rst/parser.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>
#include <set>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* teacher_session =
    R"({"user":{"id":2,"email":"teacher@example.org","name":"Tessa Teacher","status":"active",
        "options":{"high_contrast":false}},"permissions":["modules.create"],"csrf_token":"csrf-2"})";
const char* student_session =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Student One","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

PartView part_4(bool can_edit) {
    PartView v;
    v.part.id = 4;
    v.part.type = PartType::part;
    v.part.parent_id = 1;
    v.part.title = "HTML Structure";
    v.my_role = can_edit ? ModuleRole::owner : ModuleRole::student;
    v.can.edit = can_edit;
    return v;
}

Asset asset(Id id, const std::string& name, const std::string& type, std::int64_t size,
            AssetKind kind = AssetKind::asset, int order = 0) {
    Asset a;
    a.id = id;
    a.part_id = 4;
    a.filename = name;
    a.mimetype = type;
    a.kind = kind;
    a.order = order;
    a.size = size;
    a.etag = "e" + std::to_string(id);
    return a;
}

std::vector<Asset> some_files() {
    return {asset(11, "logo.png", "image/png", 2048),
            asset(12, "notes.txt", "text/plain", 12, AssetKind::asset, 1),
            asset(13, "style.css", "text/css", 40, AssetKind::asset, 2),
            asset(14, "index.html", "text/html", 300, AssetKind::template_file)};
}

std::string list_body(const std::vector<Asset>& items, std::int64_t limit = 1048576) {
    return json{{"items", items}, {"upload_limit", limit}}.dump();
}

platform::PickedFile picked(const std::string& name, const std::string& bytes,
                            std::size_t size = 0) {
    platform::PickedFile f;
    f.name = name;
    f.mime_type = "text/plain";
    f.bytes.assign(bytes.begin(), bytes.end());
    f.size = size ? size : bytes.size();
    return f;
}

struct Teacher {
    FakePlatform browser;
    App app{browser};
    explicit Teacher(const char* session = teacher_session, bool can_edit = true) {
        browser.hash = "#/parts/4/files";
        app.start();
        answer("GET", api::path_me(), 200, session);
        answer("GET", api::path_part(4), 200, json(part_4(can_edit)).dump());
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body, const std::string& type = "application/json") {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body, type);
        app.poll();
    }
    void list(const std::vector<Asset>& items = some_files(), std::int64_t limit = 1048576) {
        answer("GET", api::path_assets(4), 200, list_body(items, limit));
    }
    void act(const std::function<void(PartFilesActions&)>& f) {
        Actions a;
        f(a.files);
        app.apply(a);
    }
    int count(const std::string& method, const std::string& url) const {
        int n = 0;
        for (const auto& r : browser.sent)
            n += r.method == method && r.url == url ? 1 : 0;
        return n;
    }
};

// One frame of the whole app (top bar, screen, help) as the test bridge sees it.
struct Drawn {
    json widgets, texts;
    const json* widget(const std::string& label, const std::string& kind) const {
        for (const auto& w : widgets)
            if (w["label"] == label && w["kind"] == kind) return &w;
        return nullptr;
    }
    bool shows(const std::string& text) const {
        for (const auto& t : texts)
            if (t["text"] == text) return true;
        return false;
    }
};

// An ImGui context with the fonts; renderers keep their layout (fonts
// included) between frames, so a test drawing them twice keeps one Gui.
struct Gui {
    Gui() {
        testing::start_headless_ui(ImVec2(1400, 2400));
        // GLFW_KEY_ESCAPE, as the browser build maps it.
        ImGui::GetIO().KeyMap[ImGuiKey_Escape] = 256;
    }
    ~Gui() { ImGui::DestroyContext(); }
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;

    Drawn frame(App& app, Actions& a, const std::function<void(ImGuiIO&)>& input = {}) {
        static int frames = 0;
        ImGuiIO& io = ImGui::GetIO();
        for (bool& down : io.KeysDown)
            down = false;
        if (input) input(io);
        ImGui::NewFrame();
        ui::probe::begin_frame();
        draw_app(app.state, a, app.screen_name());
        ImGui::Render();
        const std::string published =
            ui::probe::end_frame("test-" + std::to_string(++frames), "#/test");
        REQUIRE_FALSE(published.empty());
        const json j = json::parse(published);
        return {j["widgets"], j["texts"]};
    }
    Drawn frame(App& app) {
        Actions a;
        return frame(app, a);
    }
};

Drawn draw(App& app, Actions& a) {
    Gui gui;
    return gui.frame(app, a);
}

Drawn draw(App& app) {
    Actions a;
    return draw(app, a);
}

} // namespace

TEST_CASE("the Files screen lists assets and templates with type, size and image thumbnails") {
    Teacher t;
    CHECK(t.app.screen_name() == "files");
    t.list();
    // The image's thumbnail is asked for by a URL that changes with its bytes.
    REQUIRE(t.browser.images_asked.size() == 1);
    CHECK(t.browser.images_asked[0].second == api::path_asset_content(11) + "?v=e11");
    t.browser.image_events.push_back({t.browser.images_asked[0].first, 77, 64, 32});
    t.app.poll();

    const Drawn d = draw(t.app);
    CHECK(d.shows("Files of HTML Structure"));
    for (const char* name : {"logo.png", "notes.txt", "style.css", "index.html"})
        CHECK(d.widget(name, "link"));
    CHECK(d.shows("image/png · 2 KB"));
    CHECK(d.shows("text/plain · 12 bytes"));
    CHECK(d.shows("Templates"));
    CHECK(d.widget("Upload assets…", "button"));
    CHECK(d.widget("Upload templates…", "button"));
    CHECK(d.shows("Drop files anywhere on this screen to upload them as assets, or onto "
                  "Templates to make them templates. Each file can be at most 1 MB."));
    // Nothing is selected, so no row shows its actions yet.
    CHECK_FALSE(d.widget("Rename", "button"));
    CHECK(t.app.document_title() == "Files of HTML Structure — WTE");
}

TEST_CASE("a student who opens the Files address is told only editors may change files") {
    Teacher t(student_session, false);
    const Drawn d = draw(t.app);
    CHECK(d.shows("Only the editors of this module can change its files."));
    CHECK_FALSE(d.widget("Upload assets…", "button"));
}

TEST_CASE("the part screen offers Files to its editors only") {
    for (bool edit : {true, false}) {
        FakePlatform browser;
        App app(browser);
        browser.hash = "#/parts/4";
        app.start();
        browser.reply(browser.last("GET", api::path_me())->id, 200,
                      edit ? teacher_session : student_session);
        app.poll();
        browser.reply(browser.last("GET", api::path_part(4))->id, 200, json(part_4(edit)).dump());
        app.poll();
        Actions a;
        const Drawn d = draw(app, a);
        CHECK((d.widget("Files", "button") != nullptr) == edit);
    }
}

TEST_CASE("picked files upload at once, each with its own progress bar — one over the limit is "
          "named with the limit and not sent") {
    Teacher t;
    t.list();
    t.act([](PartFilesActions& f) { f.pick = AssetKind::asset; });
    REQUIRE(t.browser.pickers.size() == 1);
    CHECK(t.browser.pickers[0].second); // many at once
    const std::string bytes(100, 'a');
    t.browser.picks.push_back(
        {1,
         false,
         {picked("a.txt", bytes), picked("b.txt", "bb"), picked("big.bin", "", 3 << 20)}});
    t.app.poll();

    const HttpRequest* a =
        t.browser.last("POST", api::path_asset_upload(4, "a.txt", AssetKind::asset));
    const HttpRequest* b =
        t.browser.last("POST", api::path_asset_upload(4, "b.txt", AssetKind::asset));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->body == bytes);
    CHECK(a->csrf == "csrf-2");
    CHECK(t.count("POST", api::path_asset_upload(4, "big.bin", AssetKind::asset)) == 0);

    t.browser.progress(a->id, true, 50, 100);
    t.app.poll();
    Drawn d = draw(t.app);
    const json* bar = d.widget("Uploading a.txt · 50%", "progress");
    REQUIRE(bar);
    CHECK((*bar)["value"] == 50);
    CHECK((*bar)["max"] == 100);
    CHECK(d.widget("Uploading b.txt · 0%", "progress"));
    CHECK(d.shows("big.bin is 3 MB; files can be at most 1 MB (the server's upload limit)."));

    // Stored: the row says so and the list is asked again.
    const int lists = t.count("GET", api::path_assets(4));
    t.browser.reply(a->id, 201, json(asset(20, "a.txt", "text/plain", 100)).dump());
    t.app.poll();
    CHECK(t.count("GET", api::path_assets(4)) == lists + 1);
    d = draw(t.app);
    CHECK(d.shows("a.txt uploaded."));
    CHECK_FALSE(d.widget("Uploading a.txt · 50%", "progress"));
    CHECK(d.widget("Uploading b.txt · 0%", "progress"));
}

TEST_CASE("the server's 413 names the file and the limit it gives") {
    Teacher t;
    t.list(some_files(), 0); // the limit not known yet
    part_files::upload(t.app, 4, AssetKind::asset, {picked("huge.pdf", std::string(2000, 'x'))});
    const HttpRequest* r =
        t.browser.last("POST", api::path_asset_upload(4, "huge.pdf", AssetKind::asset));
    REQUIRE(r);
    t.browser.reply(
        r->id, 413,
        R"({"error":{"code":"too_large","message":"The request body is larger than the limit of 1024 bytes","details":{"limit":1024}}})");
    t.app.poll();
    const Drawn d = draw(t.app);
    CHECK(d.shows("huge.pdf is 2 KB; files can be at most 1 KB (the server's upload limit)."));
}

TEST_CASE("a name already taken asks to replace that file or upload under another name") {
    Teacher t;
    t.list();
    part_files::upload(t.app, 4, AssetKind::asset, {picked("logo.png", "new bytes")});
    const HttpRequest* r =
        t.browser.last("POST", api::path_asset_upload(4, "logo.png", AssetKind::asset));
    REQUIRE(r);
    const std::string taken =
        R"({"error":{"code":"duplicate_name","message":"Part 4 already has a file called logo.png","details":{"existing":11,"filename":"logo.png","type":"asset"}}})";
    t.browser.reply(r->id, 409, taken);
    t.app.poll();
    Drawn d = draw(t.app);
    CHECK(d.shows("A file called logo.png is already here"));
    const json* field = d.widget("New name", "input");
    REQUIRE(field);
    CHECK((*field)["value"] == "logo (2).png");
    REQUIRE(d.widget("Replace it", "button"));
    REQUIRE(d.widget("Upload as new name", "button"));
    const int key = t.app.state.files.uploads.back().key;

    SECTION("rename") {
        t.act([&](PartFilesActions& f) { f.upload_renamed = key; });
        const HttpRequest* again =
            t.browser.last("POST", api::path_asset_upload(4, "logo (2).png", AssetKind::asset));
        REQUIRE(again);
        CHECK(again->body == "new bytes");
    }
    SECTION("replace") {
        t.act([&](PartFilesActions& f) { f.replace_existing = key; });
        const HttpRequest* put = t.browser.last("PUT", api::path_asset_content(11));
        REQUIRE(put);
        CHECK(put->body == "new bytes");
        t.browser.reply(put->id, 200, json(asset(11, "logo.png", "image/png", 9)).dump());
        t.app.poll();
        CHECK(draw(t.app).shows("logo.png replaced."));
    }
}

TEST_CASE("a selected file's actions rename, retype, move and delete it") {
    Teacher t;
    t.list();
    t.act([](PartFilesActions& f) { f.select = 12; }); // notes.txt, second asset
    Drawn d = draw(t.app);
    for (const char* b :
         {"Edit", "Rename", "Change type", "Replace…", "Move up", "Move down", "Delete"})
        CHECK(d.widget(b, "button"));
    CHECK((*d.widget("notes.txt", "link"))["checked"] == true);

    t.act([](PartFilesActions& f) { f.open_form = PartFiles::Form::rename; });
    d = draw(t.app);
    REQUIRE(d.widget("File name", "input"));
    CHECK((*d.widget("File name", "input"))["value"] == "notes.txt");
    t.app.state.files.field = "readme.txt";
    t.act([](PartFilesActions& f) { f.commit_form = true; });
    const HttpRequest* patch = t.browser.last("PATCH", api::path_asset(12));
    REQUIRE(patch);
    CHECK(json::parse(patch->body) == json{{"filename", "readme.txt"}});
    // Refused: the reason shows and the form stays.
    t.browser.reply(
        patch->id, 409,
        R"({"error":{"code":"duplicate_name","message":"Part 4 already has a file called readme.txt"}})");
    t.app.poll();
    d = draw(t.app);
    CHECK(d.shows("Part 4 already has a file called readme.txt"));
    CHECK(d.widget("File name", "input"));
    t.act([](PartFilesActions& f) { f.cancel_form = true; });

    t.act([](PartFilesActions& f) { f.open_form = PartFiles::Form::mimetype; });
    t.app.state.files.field = "text/markdown";
    t.act([](PartFilesActions& f) { f.commit_form = true; });
    patch = t.browser.last("PATCH", api::path_asset(12));
    CHECK(json::parse(patch->body) == json{{"mimetype", "text/markdown"}});
    t.browser.reply(patch->id, 200, json(asset(12, "notes.txt", "text/markdown", 12)).dump());
    t.app.poll();

    t.act([](PartFilesActions& f) { f.move = -1; });
    patch = t.browser.last("PATCH", api::path_asset(12));
    CHECK(json::parse(patch->body) == json{{"position", 0}});
    t.browser.reply(patch->id, 200, "{}");
    t.app.poll();
    t.act([](PartFilesActions& f) { f.move = 1; });
    CHECK(json::parse(t.browser.last("PATCH", api::path_asset(12))->body) == json{{"position", 2}});
    t.browser.reply(t.browser.last("PATCH", api::path_asset(12))->id, 200, "{}");
    t.app.poll();

    t.act([](PartFilesActions& f) { f.open_form = PartFiles::Form::confirm_delete; });
    d = draw(t.app);
    CHECK(d.shows("Delete notes.txt? Pages that name it will show it as missing."));
    CHECK(t.count("DELETE", api::path_asset(12)) == 0); // asked first
    t.act([](PartFilesActions& f) { f.commit_form = true; });
    CHECK(t.count("DELETE", api::path_asset(12)) == 1);
}

TEST_CASE(
    "the first file cannot move up, the last cannot move down, images are not edited as text") {
    Teacher t;
    t.list();
    t.act([](PartFilesActions& f) { f.select = 11; }); // logo.png, first asset
    Drawn d = draw(t.app);
    CHECK((*d.widget("Move up", "button"))["enabled"] == false);
    CHECK((*d.widget("Move down", "button"))["enabled"] == true);
    CHECK_FALSE(d.widget("Edit", "button"));
    t.act([](PartFilesActions& f) { f.select = 13; }); // style.css, last asset
    d = draw(t.app);
    CHECK((*d.widget("Move down", "button"))["enabled"] == false);
}

TEST_CASE("a text file opens in the code editor and saves with PUT content") {
    Teacher t;
    t.list();
    t.act([](PartFilesActions& f) { f.open_text = 13; });
    t.answer("GET", api::path_asset_content(13), 200, "h1 { color: navy; }", "text/css");
    OpenTextFile& text = t.app.state.files.text;
    REQUIRE(text.loaded);
    CHECK(text.editor->text() == "h1 { color: navy; }");
    CHECK_FALSE(text.dirty());
    Drawn d = draw(t.app);
    CHECK(d.shows("style.css"));
    CHECK((*d.widget("Save", "button"))["enabled"] == false);

    text.editor->set_text("h1 { color: teal; }");
    d = draw(t.app);
    CHECK(d.shows("style.css — unsaved changes"));
    // Closing with changes asks first.
    t.act([](PartFilesActions& f) { f.close_text = true; });
    CHECK(t.app.state.files.text.editor);
    CHECK(draw(t.app).shows("Close style.css without saving your changes?"));

    t.act([](PartFilesActions& f) { f.save_text = true; });
    const HttpRequest* put = t.browser.last("PUT", api::path_asset_content(13));
    REQUIRE(put);
    CHECK(put->body == "h1 { color: teal; }");
    CHECK(put->content_type == "text/css");
    t.browser.reply(put->id, 200, json(asset(13, "style.css", "text/css", 19)).dump());
    t.app.poll();
    CHECK_FALSE(t.app.state.files.text.dirty());
    t.act([](PartFilesActions& f) { f.close_text = true; });
    CHECK_FALSE(t.app.state.files.text.editor);
}

TEST_CASE("the upload hook reports what became of each file once all are settled") {
    Teacher t;
    t.list();
    std::vector<UploadOutcome> got;
    int calls = 0;
    part_files::upload(t.app, 4, AssetKind::asset,
                       {picked("new.png", "png"), picked("logo.png", "x")},
                       [&](const std::vector<UploadOutcome>& o) {
                           got = o;
                           ++calls;
                       });
    const HttpRequest* one =
        t.browser.last("POST", api::path_asset_upload(4, "new.png", AssetKind::asset));
    const HttpRequest* two =
        t.browser.last("POST", api::path_asset_upload(4, "logo.png", AssetKind::asset));
    REQUIRE(one);
    REQUIRE(two);
    t.browser.reply(one->id, 201, json(asset(30, "new.png", "image/png", 3)).dump());
    t.app.poll();
    CHECK(calls == 0); // one is still on its way
    t.browser.reply(
        two->id, 409,
        R"({"error":{"code":"duplicate_name","message":"taken","details":{"existing":11}}})");
    t.app.poll();
    REQUIRE(calls == 1);
    REQUIRE(got.size() == 2);
    CHECK(got[0].filename == "new.png");
    CHECK(got[0].created);
    CHECK_FALSE(got[1].created);
    CHECK(got[1].name_taken);
    CHECK(got[1].existing == 11);
}

TEST_CASE("files dropped on the Files screen upload — on the editor they wait a frame for it — "
          "elsewhere they are not taken") {
    Teacher t;
    t.list();
    draw(t.app); // lays out the lists: the templates' place is known
    const float templates_y =
        (t.app.state.files.templates_top + t.app.state.files.templates_bottom) / 2;
    t.browser.drops.push_back({100, 50, {picked("dropped.txt", "d")}});
    t.browser.drops.push_back({100, templates_y, {picked("page.html", "<p>")}});
    t.app.poll();
    CHECK(t.browser.last("POST", api::path_asset_upload(4, "dropped.txt", AssetKind::asset)));
    CHECK(t.browser.last("POST", api::path_asset_upload(4, "page.html", AssetKind::template_file)));

    // On the content editor's screen a drop is handed to the editor.
    Actions a;
    a.navigate = route_part_edit(4);
    t.app.apply(a);
    t.browser.drops.push_back({10, 10, {picked("elsewhere.txt", "e")}});
    t.app.poll();
    REQUIRE(t.app.state.files.dropped_elsewhere.size() == 1);
    CHECK(t.count("POST", api::path_asset_upload(4, "elsewhere.txt", AssetKind::asset)) == 0);
    t.app.poll(); // kept for one frame only
    CHECK(t.app.state.files.dropped_elsewhere.empty());

    // On a screen that takes no files, the drop stays with the browser (which
    // forgets it, web/js/files.js) and nothing is uploaded.
    a = {};
    a.navigate = route_part(4);
    t.app.apply(a);
    t.browser.drops.push_back({10, 10, {picked("ignored.txt", "i")}});
    t.app.poll();
    CHECK(t.browser.drops.size() == 1);
    CHECK(t.app.state.files.dropped_elsewhere.empty());
    CHECK(t.count("POST", api::path_asset_upload(4, "ignored.txt", AssetKind::asset)) == 0);
}

TEST_CASE("sizes, names and text types as the Files screen shows them") {
    CHECK(part_files::size_text(12) == "12 bytes");
    CHECK(part_files::size_text(2048) == "2 KB");
    CHECK(part_files::size_text(1536 * 1024) == "1.5 MB");
    CHECK(part_files::size_text(10 * 1024 * 1024) == "10 MB");
    CHECK(part_files::too_large_text("a.mp4", 12 << 20, 10 << 20) ==
          "a.mp4 is 12 MB; files can be at most 10 MB (the server's upload limit).");
    const std::vector<Asset> taken = {asset(1, "logo (2).png", "image/png", 1)};
    CHECK(part_files::another_name("logo.png", taken, AssetKind::asset) == "logo (3).png");
    CHECK(part_files::another_name("README", {}, AssetKind::asset) == "README (2)");
    CHECK(part_files::is_text("text/html"));
    CHECK(part_files::is_text("application/javascript"));
    CHECK_FALSE(part_files::is_text("image/png"));
    CHECK(part_files::language_for("text/css") == "css");
}

TEST_CASE("every example of the reStructuredText primer parses without diagnostics") {
    int examples = 0;
    for (const auto& section : help::primer())
        for (const auto& e : section.examples) {
            INFO(section.title << " / " << e.title << ":\n" << e.source);
            const auto parsed = rst::parse(e.source);
            CHECK(parsed.diagnostics.empty());
            for (const auto& d : parsed.diagnostics)
                UNSCOPED_INFO("line " << d.line << ": " << d.message);
            ++examples;
        }
    CHECK(examples >= 25);
}

TEST_CASE("the primer shows every WTE directive and role") {
    std::string all;
    for (const auto& section : help::primer())
        for (const auto& e : section.examples)
            all += e.source + "\n";
    for (const char* construct : {".. quiz::",
                                  ".. quiz-question::",
                                  ":type: single-choice",
                                  ":type: multi-choice",
                                  ".. show-hide::",
                                  ".. youtube::",
                                  ".. sourcecode::",
                                  ".. math::",
                                  ".. image::",
                                  ".. figure::",
                                  ".. note::",
                                  ".. admonition::",
                                  ":asset:`",
                                  ":crossref:`",
                                  ":style:`",
                                  ":code-js:`",
                                  ":math:`",
                                  ":sub:`",
                                  ":sup:`",
                                  "**",
                                  "``",
                                  "`_"}) {
        INFO(construct);
        CHECK(all.find(construct) != std::string::npos);
    }
    std::set<std::string> keys;
    for (const auto& k : help::editor_shortcuts())
        keys.insert(k.keys);
    for (const char* k : {"Ctrl+B", "Ctrl+I", "Ctrl+K", "Ctrl+S"})
        CHECK(keys.count(k));
}

TEST_CASE(
    "F1 opens the help beside the screen, each example beside its rendering — Esc closes it") {
    Teacher t;
    t.list();
    Gui gui;
    Actions a;
    gui.frame(t.app, a, [](ImGuiIO& io) { io.KeysDown[290] = true; }); // F1
    t.app.apply(a);
    REQUIRE(t.app.state.help.open);
    CHECK(t.app.state.help.tab == HelpTab::writing);
    Drawn d = gui.frame(t.app);
    CHECK(d.widget("Close help", "button"));
    CHECK(d.widget("Writing pages", "tab"));
    CHECK(
        d.shows("Text can be *emphasised*, **strong** or\n``literal``, like a tag name ``<p>``."));
    // The screen is still there beside the help, left of it.
    const json* upload = d.widget("Upload assets…", "button");
    const json* close = d.widget("Close help", "button");
    REQUIRE(upload);
    CHECK((*upload)["x"].get<double>() < (*close)["x"].get<double>());

    a = {};
    gui.frame(t.app, a, [](ImGuiIO& io) { io.KeysDown[256] = true; }); // Esc
    t.app.apply(a);
    CHECK_FALSE(t.app.state.help.open);
}

TEST_CASE("a learner's help is about the workspace") {
    Teacher t(student_session, false);
    Actions a;
    a.help.toggle = true;
    t.app.apply(a);
    const Drawn d = draw(t.app);
    CHECK(d.shows("Saving"));
    CHECK(d.shows("Preview and console"));
    CHECK(d.shows("Downloads"));
    CHECK_FALSE(d.widget("Writing pages", "tab"));
}
