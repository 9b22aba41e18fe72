// The live preview pane natively (client-wasm/app/preview.*, the pane's
// screen): the sandboxed frame's lifecycle, the page agent's messages into
// the console, the watchdog on a fake clock, the paused flag in the app's
// localStorage, scroll kept across a reload.
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

const char* preview_url = "/api/v1/preview/tok3n/index.html";

// An app showing the preview of part 12, one app frame per `frame()`.
struct Preview {
    FakePlatform browser;
    App app{browser};

    Preview() {
        preview_open(app.state.preview, 12, preview_url);
        frame(0);
    }
    PreviewPane& pane() { return app.state.preview; }
    int overlay() const { return app.state.preview.overlay; }
    // One app frame `seconds` after the last: messages, watchdog, placement.
    void frame(double seconds = 0.1) {
        browser.now += seconds;
        app.poll();
        Actions a;
        a.preview.frame = OverlayRect{600, 100, 640, 480};
        app.apply(a);
    }
    void act(const PreviewActions& pa) {
        Actions a;
        a.preview = pa;
        a.preview.frame = OverlayRect{600, 100, 640, 480};
        app.apply(a);
    }
    void says(const std::string& json) { browser.overlay_says(overlay(), json); }
    // Frames every 0.1 s for `seconds`, the page's heartbeat every 0.5 s if alive.
    void run(double seconds, bool heartbeat) {
        for (int i = 1; i <= static_cast<int>(seconds * 10 + 0.5); ++i) {
            if (heartbeat && i % 5 == 0) says(R"({"wte":"heartbeat"})");
            frame(0.1);
        }
    }
    void hello() {
        says(R"({"wte":"hello"})");
        frame();
    }
};

} // namespace

TEST_CASE("the preview is a sandboxed frame without same-origin, placed where the pane drew it") {
    Preview p;
    REQUIRE(p.overlay() != 0);
    const auto& frame = p.browser.overlays.at(p.overlay());
    CHECK(frame.spec.src == preview_url);
    CHECK(frame.spec.sandbox == "allow-scripts allow-forms allow-modals allow-popups");
    CHECK(frame.spec.sandbox.find("same-origin") == std::string::npos);
    CHECK(frame.spec.referrer_policy == "no-referrer");
    CHECK(frame.spec.title == "Preview of your page");
    CHECK(frame.visible);
    CHECK(frame.rect.x == 600);
    CHECK(frame.rect.w == 640);

    // A frame without the pane drawn (another screen in front) is hidden.
    p.app.poll();
    Actions none;
    p.app.apply(none);
    CHECK_FALSE(p.browser.overlays.at(p.overlay()).visible);

    // Opening the same part with the same URL again changes nothing.
    preview_open(p.pane(), 12, preview_url);
    p.frame();
    CHECK(p.browser.overlays.size() == 1);
    CHECK(p.browser.overlays.at(p.overlay()).navigations.empty());
}

TEST_CASE("the page's console messages land in the console — malformed ones and other frames' are "
          "ignored") {
    Preview p;
    p.hello();
    p.says(
        R"({"wte":"console","level":"log","text":"hello from script","line":3,"column":5,"source":"script.js"})");
    p.says(
        R"({"wte":"console","level":"error","text":"Uncaught ReferenceError: x is not defined","line":12,"column":1,"source":"script.js"})");
    p.says(R"({"wte":"console","level":"warn","text":"careful"})");
    p.says(R"(not json at all)");
    p.says(R"(["wte","console"])");
    p.says(R"({"wte":42,"text":"x"})");
    p.says(R"({"wte":"console","level":"shout","text":"unknown level"})");
    p.says(R"({"wte":"console","level":"log","text":17})");
    p.says(R"({"wte":"console","level":"log"})");
    p.says(R"({"text":"no wte field"})");
    p.browser.overlay_says(p.overlay() + 7,
                           R"({"wte":"console","level":"log","text":"from a video frame"})");
    p.frame();

    const auto& c = p.pane().console;
    REQUIRE(c.size() == 3);
    CHECK(c[0].level == ConsoleEntry::Level::log);
    CHECK(c[0].text == "hello from script");
    CHECK(c[0].where() == "script.js:3");
    CHECK(c[1].level == ConsoleEntry::Level::error);
    CHECK(c[1].where() == "script.js:12");
    CHECK(c[2].level == ConsoleEntry::Level::warn);
    CHECK(c[2].where().empty());

    // Clear empties it.
    PreviewActions clear;
    clear.clear_console = true;
    p.act(clear);
    CHECK(p.pane().console.empty());
}

TEST_CASE("a repeated console line counts up, and only the newest 500 lines are kept") {
    Preview p;
    p.hello();
    for (int i = 0; i < 3; ++i)
        p.says(R"({"wte":"console","level":"log","text":"tick","line":4,"source":"script.js"})");
    p.frame();
    REQUIRE(p.pane().console.size() == 1);
    CHECK(p.pane().console[0].repeats == 3);

    for (int i = 0; i < 620; ++i)
        p.says(R"({"wte":"console","level":"info","text":"line )" + std::to_string(i) + R"("})");
    p.frame();
    REQUIRE(p.pane().console.size() == preview_console_limit);
    CHECK(p.pane().console.front().text == "line 120");
    CHECK(p.pane().console.back().text == "line 619");
}

TEST_CASE("messages the old page sends while the frame reloads are not the new page's") {
    Preview p;
    p.hello();
    preview_reload(p.pane());
    p.frame();
    REQUIRE(p.browser.overlays.at(p.overlay()).navigations.size() == 1);
    // The same URL again would not reload in Chromium: a query no server reads.
    CHECK(p.browser.overlays.at(p.overlay()).navigations[0] == std::string(preview_url) + "?r=2");
    p.says(R"({"wte":"console","level":"log","text":"old page"})");
    p.frame();
    CHECK(p.pane().console.empty());
    p.hello();
    p.says(R"({"wte":"console","level":"log","text":"new page"})");
    p.frame();
    REQUIRE(p.pane().console.size() == 1);
    CHECK(p.pane().console[0].text == "new page");
}

TEST_CASE("a page silent for 3 s after its hello is torn down and its part remembered as paused") {
    Preview p;
    p.hello();
    p.run(10, true); // a healthy page beats every 0.5 s
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    const int frame = p.overlay();

    p.run(2.8, false); // while(true){} stops the heartbeat
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    CHECK(p.browser.overlays.count(frame) == 1);
    p.run(0.3, false);
    CHECK(p.pane().phase == PreviewPane::Phase::paused);
    CHECK(p.overlay() == 0);
    CHECK(p.browser.overlays.count(frame) == 0);
    CHECK(p.browser.storage.at(preview::paused_key(12)) == "1");
    CHECK(preview::paused_key(12) == "wte.preview.paused.12");

    // A save does not run it again by itself.
    preview_reload(p.pane());
    p.frame();
    CHECK(p.browser.overlays.empty());
}

TEST_CASE("a page that never says hello within 10 s is paused too") {
    Preview p;
    p.says(R"({"wte":"heartbeat"})"); // not a hello: does not count
    p.run(9.8, false);
    CHECK(p.pane().phase == PreviewPane::Phase::loading);
    p.run(0.3, false);
    CHECK(p.pane().phase == PreviewPane::Phase::paused);
    CHECK(p.browser.storage.count(preview::paused_key(12)) == 1);
}

TEST_CASE("time while the tab is hidden or the app runs no frames is not the page's silence") {
    Preview p;
    p.hello();
    // The tab is hidden for a minute: no frames run, the browser throttles
    // the frame's timers; the first frame back must not pause it.
    p.browser.visible = false;
    p.frame(60);
    p.browser.visible = true;
    p.frame(0.1);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    // Frames stalled for 5 s (the app itself was busy): not counted either.
    p.frame(5);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    p.run(1, true);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    // Long frames (the app busy with typing) may hold the page's messages
    // back: each counts for at most a quarter of a second.
    for (int i = 0; i < 8; ++i)
        p.frame(0.5);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    p.run(1, true);
    // A hidden tab with frames still running: its silence is not counted.
    p.browser.visible = false;
    p.run(5, false);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    p.browser.visible = true;
    p.run(3.1, false);
    CHECK(p.pane().phase == PreviewPane::Phase::paused);
}

TEST_CASE("silence counts from the learner's last input: typing never pauses a page, a loop "
          "still pauses 3 s after the last key") {
    Preview p;
    p.hello();
    // The learner types for 6 s while the page's heartbeats are held back.
    for (int i = 0; i < 60; ++i) {
        if (i % 10 == 0 || i == 59) p.browser.active();
        p.frame(0.1);
    }
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    p.run(2.8, false);
    CHECK(p.pane().phase == PreviewPane::Phase::running);
    p.run(0.4, false);
    CHECK(p.pane().phase == PreviewPane::Phase::paused);
}

TEST_CASE("a paused part opens without a frame until Run again, which forgets the pause") {
    FakePlatform browser;
    App app{browser};
    browser.storage[preview::paused_key(12)] = "1";
    preview_open(app.state.preview, 12, preview_url);
    Actions a;
    a.preview.frame = OverlayRect{0, 0, 100, 100};
    app.apply(a);
    CHECK(app.state.preview.phase == PreviewPane::Phase::paused);
    CHECK(browser.overlays.empty());

    // Another part is not paused by it.
    preview_open(app.state.preview, 13, "/api/v1/preview/other/index.html");
    app.apply(a);
    CHECK(app.state.preview.phase == PreviewPane::Phase::loading);
    CHECK(browser.overlays.size() == 1);

    preview_open(app.state.preview, 12, preview_url);
    a.preview.frame = OverlayRect{0, 0, 100, 100};
    app.apply(a);
    CHECK(browser.overlays.empty()); // part 13's frame went with it
    CHECK(app.state.preview.phase == PreviewPane::Phase::paused);

    a.preview.run_again = true;
    a.preview.frame = OverlayRect{0, 0, 100, 100};
    app.apply(a);
    CHECK(app.state.preview.phase == PreviewPane::Phase::loading);
    REQUIRE(browser.overlays.size() == 1);
    CHECK(browser.overlays.begin()->second.spec.src == preview_url);
    CHECK(browser.storage.count(preview::paused_key(12)) == 0);

    preview_close(app.state.preview, browser);
    CHECK(browser.overlays.empty());
    CHECK(app.state.preview.phase == PreviewPane::Phase::closed);
}

TEST_CASE("after a reload the new page is asked to scroll back where the learner was") {
    Preview p;
    p.hello();
    p.says(R"({"wte":"scroll","x":0,"y":1234.5})");
    p.frame();
    CHECK(p.browser.overlays.at(p.overlay()).posted.empty()); // nothing to restore on first load

    preview_reload(p.pane()); // a save answered "saved"
    p.frame();
    auto& frame = p.browser.overlays.at(p.overlay());
    CHECK(frame.navigations.size() == 1);
    CHECK(frame.posted.empty()); // not before the new page says hello
    p.hello();
    REQUIRE(frame.posted.size() == 1);
    const json m = json::parse(frame.posted[0]);
    CHECK(m["wte"] == "restore-scroll");
    CHECK(m["x"] == 0);
    CHECK(m["y"] == 1234.5);
    // Again once loaded (images may have made it taller), then no more.
    p.says(R"({"wte":"loaded"})");
    p.frame();
    CHECK(frame.posted.size() == 2);
    p.says(R"({"wte":"heartbeat"})");
    p.says(R"({"wte":"loaded"})");
    p.frame();
    CHECK(frame.posted.size() == 2);
}

TEST_CASE("Open in new tab opens the capability URL — Reload reloads") {
    Preview p;
    p.hello();
    PreviewActions open;
    open.open_in_tab = true;
    p.act(open);
    REQUIRE(p.browser.opened.size() == 1);
    CHECK(p.browser.opened[0] == preview_url);
    PreviewActions reload;
    reload.reload = true;
    p.act(reload);
    CHECK(p.browser.overlays.at(p.overlay()).navigations.size() == 1);
    CHECK(p.pane().phase == PreviewPane::Phase::loading);
}

namespace {
// The pane drawn in one ImGui frame; returns the test bridge's JSON.
std::string draw_pane(AppState& state, Actions& actions) {
    testing::start_headless_ui(ImVec2(1280, 800));
    ImGui::NewFrame();
    ui::probe::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 800));
    ImGui::Begin("workspace");
    draw_preview_pane(state, actions, ImVec2(640, 700));
    ImGui::End();
    ImGui::Render();
    std::string probe = ui::probe::end_frame("workspace", "#/parts/12");
    ImGui::DestroyContext();
    return probe;
}
} // namespace

TEST_CASE("the pane shows the console's lines with where they came from, and the paused banner") {
    Preview p;
    p.hello();
    p.says(R"({"wte":"console","level":"error","text":"boom","line":12,"source":"script.js"})");
    p.says(R"({"wte":"console","level":"error","text":"boom","line":12,"source":"script.js"})");
    p.frame();
    Actions a;
    std::string probe = draw_pane(p.app.state, a);
    CHECK(probe.find(R"("kind":"console")") != std::string::npos);
    CHECK(probe.find(R"("value":"script.js:12 boom ×2")") != std::string::npos);
    CHECK(probe.find(R"("label":"Reload")") != std::string::npos);
    CHECK(probe.find(R"("label":"Open in new tab")") != std::string::npos);
    REQUIRE(a.preview.frame);
    CHECK(a.preview.frame->w > 500);
    CHECK(a.preview.frame->h > 300);

    p.run(3.2, false);
    REQUIRE(p.pane().phase == PreviewPane::Phase::paused);
    Actions b;
    probe = draw_pane(p.app.state, b);
    CHECK(probe.find("Your code did not finish — auto-run paused.") != std::string::npos);
    CHECK(probe.find(R"("label":"Run again")") != std::string::npos);
    CHECK_FALSE(b.preview.frame); // no frame while paused
}
