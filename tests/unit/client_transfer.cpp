// Export, offline copy and import natively, drawn headless
// (client-wasm/app/transfer, screens/transfer.cpp): the buttons only for
// those who may, the downloads they start, a picked or dropped ZIP uploaded
// with its progress, and what was created or the refusal shown in place.
#include "client_headless.hpp"

using namespace wte;
using namespace wte::client;
using wte::client::testing::Headless;

namespace {

const char* teacher_session =
    R"({"user":{"id":1,"email":"teacher@example.org","name":"Tessa Teacher","status":"active",
        "options":{"high_contrast":false}},"permissions":["modules.create"],"csrf_token":"csrf-1"})";
const char* student_session =
    R"({"user":{"id":5,"email":"student1@example.org","name":"Sam Student","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-5"})";

PartView module_view(bool edit) {
    PartView v;
    v.part.id = 1;
    v.part.type = PartType::module;
    v.part.title = "Web Development Basics";
    v.part.status = Status::available;
    v.my_role = edit ? ModuleRole::owner : ModuleRole::student;
    v.can = {edit, edit, edit, edit};
    return v;
}

platform::PickedFile zip_file(const std::string& name, std::size_t size) {
    platform::PickedFile f;
    f.name = name;
    f.mime_type = "application/zip";
    f.size = size;
    f.bytes.assign(size, 'Z');
    return f;
}

} // namespace

TEST_CASE("a teacher exports a module, takes its offline copy and imports a ZIP into it") {
    Headless t("#/parts/1", teacher_session);
    t.answer("GET", api::path_part(1), 200, json(module_view(true)).dump());
    t.frames(2);
    t.click("Export", "button");
    REQUIRE(!t.browser.downloads.empty());
    CHECK(t.browser.downloads.back().first == "/api/v1/parts/1/export");
    t.click("Offline copy", "button");
    CHECK(t.browser.downloads.back().first == "/api/v1/parts/1/offline.zip");

    t.click("Import…", "button");
    t.click("Choose a ZIP…", "button");
    REQUIRE(t.browser.pickers.size() == 1);
    CHECK(t.browser.pickers.back() == std::pair<std::string, bool>{".zip,application/zip", false});
    t.browser.picks.push_back({1, false, {zip_file("html-part.zip", 4096)}});
    t.app.poll();
    const HttpRequest* up = t.browser.last("POST", "/api/v1/import?parent_id=1");
    REQUIRE(up);
    CHECK(up->content_type == "application/zip");
    CHECK(up->body.size() == 4096);
    t.browser.progress(up->id, true, 2048, 4096);
    t.app.poll();
    t.frames(2);
    const json* bar = t.widget("Uploading html-part.zip", "progress");
    REQUIRE(bar);
    CHECK((*bar)["value"] == 2);
    CHECK((*bar)["max"] == 4);
    t.answer("POST", "/api/v1/import?parent_id=1", 201,
             R"J({"created":{"id":40,"type":"part","title":"HTML Structure (copy)"},
                 "parts":1,"pages":3,"assets":1})J");
    t.frames(2);
    CHECK(t.shows("Imported “HTML Structure (copy)”. With 1 part, 3 pages and 1 file."));
    // The module is asked again, so its list shows the new part.
    CHECK(t.sent("GET", api::path_part(1)) >= 2);
    t.click("Open “HTML Structure (copy)”", "link");
    CHECK(t.app.state.route == route_part(40));
}

TEST_CASE("a ZIP dropped on the module list imports a module — a refusal is shown in place") {
    Headless t("#/modules", teacher_session);
    t.answer("GET", api::path_modules() + "?page=1&per_page=20", 200,
             R"({"items":[],"total":0,"page":1,"per_page":20})");
    t.frames(2);
    t.click("Import a module…", "button");
    CHECK(t.widget("Choose a ZIP…", "button"));
    t.browser.drops.push_back({400, 300, {zip_file("notes.txt", 10)}});
    t.app.poll();
    REQUIRE(t.browser.last("POST", "/api/v1/import"));
    t.answer("POST", "/api/v1/import", 400,
             R"({"error":{"code":"bad_request","message":"This file is not a ZIP archive"}})");
    t.frames(2);
    CHECK(t.shows("notes.txt: This file is not a ZIP archive"));
}

TEST_CASE("a learner gets the offline copy but neither export nor import") {
    Headless t("#/parts/1", student_session);
    t.answer("GET", api::path_part(1), 200, json(module_view(false)).dump());
    t.frames(2);
    CHECK(t.widget("Offline copy", "button"));
    CHECK(!t.widget("Export", "button"));
    CHECK(!t.widget("Import…", "button"));
    // Drops do nothing without the panel.
    t.browser.drops.push_back({400, 300, {zip_file("x.zip", 10)}});
    t.app.poll();
    t.frames(2);
    CHECK(!t.browser.last("POST", "/api/v1/import?parent_id=1"));
}
