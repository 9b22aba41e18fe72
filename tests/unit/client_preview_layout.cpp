// The live preview keeps the layout of the blocks a keystroke left alone
// (client-wasm/render/page_view.cpp): only the edited block is laid out
// again, the blocks below move by its change of height and of source lines.
// Every test compares the kept layout with a fresh renderer's layout of the
// same text: a stale unit shows up there.
#include "client_headless.hpp"
#include "render/page_renderer.hpp"
#include "ui/probe.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <optional>
#include <string>

using namespace wte;
using render::PageRenderer;

namespace {

struct Ui {
    Ui() { client::testing::start_headless_ui(ImVec2(1280, 800)); }
    ~Ui() { ImGui::DestroyContext(); }

    float width = 900;           // the window's
    std::optional<float> scroll; // set on the next frame, as the app's scroll sync does
    float scrolled = 0;          // the window's scroll in the last frame

    // One frame drawing `r` with `text`; returns where the page starts on screen.
    ImVec2 frame(PageRenderer& r, const std::string& text,
                 const std::function<void(ImGuiIO&)>& input = {}) {
        ImGuiIO& io = ImGui::GetIO();
        if (input) input(io);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, 800));
        ImGui::Begin("preview", nullptr, ImGuiWindowFlags_NoDecoration);
        if (scroll) ImGui::SetScrollY(*std::exchange(scroll, std::nullopt));
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        scrolled = ImGui::GetScrollY();
        r.draw(7, text, "");
        ImGui::End();
        ImGui::Render();
        return origin;
    }
    // Drawn twice: the first frame settles the window's scroll bar (and width).
    void show(PageRenderer& r, const std::string& text) {
        frame(r, text);
        frame(r, text);
    }
};

PageRenderer preview() {
    PageRenderer r;
    r.set_preview(true);
    return r;
}

const std::string page = R"(A lesson
========

First section
-------------

The first paragraph, with *emphasis* and a `link <https://example.org/>`_.

- a point
- another point with ``code``

.. sourcecode:: html

   <p>Hello</p>

Second section
--------------

The paragraph the teacher edits.

.. note::

   Something to keep in mind.

.. show-hide::
   :title: Show the answer

   The answer is 42.

Read `the docs`_ later.

.. quiz:: q1
   :title: Check

   .. quiz-question:: a
      :question: Which tag?
      :type: single-choice

      [x] ``<p>``
      [ ] ``<para>``

.. _the docs: https://docs.example.org/

Last paragraph, far below.
)";

std::string replaced(std::string text, const std::string& what, const std::string& with) {
    const auto at = text.find(what);
    REQUIRE(at != std::string::npos);
    return text.replace(at, what.size(), with);
}

bool near(float a, float b) {
    return std::abs(a - b) < 0.01f;
}
bool near(ImVec2 a, ImVec2 b) {
    return near(a.x, b.x) && near(a.y, b.y);
}

// The kept layout is the layout a fresh renderer makes of the same text:
// boxes, draw commands, clickable regions, texts and source-line anchors.
void same_layout(const PageRenderer& kept, const PageRenderer& fresh) {
    const auto& a = kept.laid_units();
    const auto& b = fresh.laid_units();
    REQUIRE(a.size() == b.size());
    CHECK(near(kept.content_height(), fresh.content_height()));
    for (std::size_t u = 0; u < a.size(); ++u) {
        INFO("unit " << u);
        CHECK(near(a[u].top, b[u].top));
        CHECK(near(a[u].bottom, b[u].bottom));
        REQUIRE(a[u].cmds.size() == b[u].cmds.size());
        for (std::size_t i = 0; i < a[u].cmds.size(); ++i) {
            const render::Cmd &x = a[u].cmds[i], &y = b[u].cmds[i];
            INFO("command " << i << ": " << x.text);
            CHECK(x.kind == y.kind);
            CHECK(x.text == y.text);
            CHECK(near(x.a, y.a));
            CHECK(near(x.b, y.b));
            CHECK(near(x.c, y.c));
            CHECK(near(x.line_top, y.line_top));
            CHECK(near(x.line_bottom, y.line_bottom));
        }
        REQUIRE(a[u].hots.size() == b[u].hots.size());
        for (std::size_t i = 0; i < a[u].hots.size(); ++i) {
            const render::Hot &x = a[u].hots[i], &y = b[u].hots[i];
            CHECK(x.target == y.target);
            CHECK(x.toggle == y.toggle);
            CHECK(near(x.a, y.a));
            CHECK(near(x.b, y.b));
        }
        REQUIRE(a[u].texts.size() == b[u].texts.size());
        for (std::size_t i = 0; i < a[u].texts.size(); ++i) {
            CHECK(a[u].texts[i].text == b[u].texts[i].text);
            CHECK(near(a[u].texts[i].a, b[u].texts[i].a));
        }
        REQUIRE(a[u].anchors.size() == b[u].anchors.size());
        for (std::size_t i = 0; i < a[u].anchors.size(); ++i) {
            CHECK(a[u].anchors[i].line == b[u].anchors[i].line);
            CHECK(near(a[u].anchors[i].y, b[u].anchors[i].y));
        }
    }
}

// A fresh renderer's layout of the whole page, not only of what is near its view.
void same_as_fresh(Ui& ui, const PageRenderer& kept, const std::string& text) {
    PageRenderer fresh = preview();
    ui.show(fresh, text);
    fresh.lay_out_through(INT_MAX);
    same_layout(kept, fresh);
}

// Many screens long: sections of prose, lists, code, show-hides and a quiz far down.
std::string long_page() {
    std::string s = "A long lesson\n=============\n\n";
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        s += "Section " + n + "\n" + std::string(8 + n.size(), '-') + "\n\n";
        s += "A paragraph of section " + n +
             " with *emphasis* and ``code``, long enough to wrap over the width of the column "
             "at least once, as the prose of a real lesson does.\n\n";
        s += "- a point\n- another point\n\n";
        s += ".. sourcecode:: html\n\n   <p>Hello " + n + "</p>\n   <p>again</p>\n\n";
        if (i % 5 == 0)
            s += ".. show-hide::\n   :title: Show the answer\n\n   The answer is " + n + ".\n\n";
    }
    s += ".. quiz:: far\n   :title: Check\n\n   .. quiz-question:: a\n"
         "      :question: Which tag?\n      :type: single-choice\n\n"
         "      [x] ``<p>``\n      [ ] ``<para>``\n";
    return s;
}

int estimated_units(const PageRenderer& r) {
    int n = 0;
    for (const auto& u : r.laid_units())
        n += u.estimated ? 1 : 0;
    return n;
}

// The unit at page y (the top of a view).
std::size_t unit_at(const PageRenderer& r, float y) {
    const auto& laid = r.laid_units();
    std::size_t u = 0;
    while (u + 1 < laid.size() && laid[u].bottom < y)
        ++u;
    return u;
}

} // namespace

TEST_CASE("a keystroke in one block lays out that block alone, the blocks below move down") {
    Ui ui;
    PageRenderer r = preview();
    ui.show(r, page);
    const int units = static_cast<int>(r.laid_units().size());
    const float height = r.content_height();

    // Long enough to wrap onto more lines: everything below moves down.
    const std::string edited =
        replaced(page, "The paragraph the teacher edits.",
                 "The paragraph the teacher edits, now with a sentence long enough to wrap over "
                 "the width of the preview column at least once, and then some more words.");
    ui.frame(r, edited);
    CHECK(r.last_layout().laid == 1);
    CHECK(r.last_layout().kept == units - 1);
    CHECK(r.content_height() > height);
    same_as_fresh(ui, r, edited);

    // And back: the page shrinks to what it was.
    ui.frame(r, page);
    CHECK(r.last_layout().laid == 1);
    CHECK(near(r.content_height(), height));
    same_as_fresh(ui, r, page);
}

TEST_CASE("new lines in the source keep every block, moved to its new lines") {
    Ui ui;
    PageRenderer r = preview();
    ui.show(r, page);
    const int below = r.line_at(r.y_of_line(40) + 1);
    const std::string edited = replaced(page, "Second section\n", "\n\n\nSecond section\n");
    ui.frame(r, edited);
    CHECK(r.last_layout().laid == 0);
    same_as_fresh(ui, r, edited);
    CHECK(r.line_at(r.y_of_line(43) + 1) == below + 3);
}

TEST_CASE("a changed link target is laid out again in the paragraph that uses it") {
    Ui ui;
    PageRenderer r = preview();
    ui.show(r, page);
    // The target line changes; so does the parsed link far above it.
    const std::string edited =
        replaced(page, "https://docs.example.org/", "https://other.example.org/");
    ui.frame(r, edited);
    CHECK(r.last_layout().laid >= 1);
    same_as_fresh(ui, r, edited);
    bool found = false;
    for (const auto& u : r.laid_units())
        for (const auto& h : u.hots)
            if (h.target == "https://other.example.org/") found = true;
    CHECK(found);
}

TEST_CASE("a show-hide opened in the preview closes again on the next keystroke, as when laid out "
          "afresh") {
    Ui ui;
    PageRenderer r = preview();
    ui.show(r, page);
    const float closed = r.content_height();
    // Click on the show-hide's title.
    ImVec2 at;
    for (const auto& u : r.laid_units())
        for (const auto& h : u.hots)
            if (h.kind == render::HotKind::toggle)
                at = ImVec2((h.a.x + h.b.x) * 0.5f, (h.a.y + h.b.y) * 0.5f);
    ImVec2 origin = ui.frame(r, page, [&](ImGuiIO& io) { io.MousePos = ImVec2(-100, -100); });
    const ImVec2 mouse(origin.x + at.x, origin.y + at.y);
    ui.frame(r, page, [&](ImGuiIO& io) {
        io.MousePos = mouse;
        io.MouseDown[0] = true;
    });
    ui.frame(r, page, [&](ImGuiIO& io) { io.MouseDown[0] = false; });
    ui.frame(r, page);
    REQUIRE(r.content_height() > closed); // opened

    const std::string edited = replaced(page, "teacher edits.", "teacher edits!");
    ui.frame(r, edited);
    same_as_fresh(ui, r, edited);
    CHECK(near(r.content_height(), closed));
}

TEST_CASE("the preview's page for screen readers follows once typing pauses") {
    Ui ui;
    PageRenderer r = preview();
    ui::probe::take_document_html();
    ui.show(r, page);
    CHECK(ui::probe::take_document_html().size() == 1); // a page opened: at once

    const std::string edited = replaced(page, "teacher edits.", "teacher edits!");
    ui.frame(r, edited);
    ui.frame(r, edited);
    CHECK(ui::probe::take_document_html().empty()); // not on every key
    for (int i = 0; i < 30; ++i)                    // half a second at 60 frames a second
        ui.frame(r, edited);
    const auto html = ui::probe::take_document_html();
    REQUIRE(html.size() == 1);
    CHECK(html[0].second.find("teacher edits!") != std::string::npos);
}

TEST_CASE("a problem typed above kept blocks, and fixed again, shows the lines a fresh layout "
          "shows") {
    Ui ui;
    PageRenderer r = preview();
    const std::string with_problem =
        replaced(page, "Read `the docs`_ later.", "Read `the docs`_ later.\n\n.. no-such-thing::");
    ui.show(r, with_problem);
    REQUIRE_FALSE(r.diagnostics().empty());
    // New lines above the problem move its line number down.
    const std::string moved = replaced(with_problem, "First section\n", "\n\nFirst section\n");
    ui.frame(r, moved);
    CHECK(r.last_layout().kept > 0);
    same_as_fresh(ui, r, moved);
    ui.frame(r, page);
    same_as_fresh(ui, r, page);
}

TEST_CASE("a long page opened lays out only the units near the view") {
    Ui ui;
    PageRenderer r = preview();
    const std::string text = long_page();
    ui.show(r, text);
    const auto& units = r.laid_units();
    REQUIRE(units.size() > 150);
    CHECK(r.last_layout().laid > 0);
    CHECK(r.last_layout().laid < static_cast<int>(units.size()) / 4);
    CHECK(r.last_layout().estimated == estimated_units(r));
    CHECK(r.content_height() > 8000);
    for (const auto& u : units) {
        if (u.top < 1600) CHECK_FALSE(u.estimated); // on screen and the view below it
        if (u.top > 4000) CHECK(u.estimated);
        if (u.estimated) CHECK(u.cmds.empty());
    }
}

TEST_CASE("scrolling to the end lays out the rest, as a full layout would") {
    Ui ui;
    PageRenderer r = preview();
    const std::string text = long_page();
    ui.show(r, text);
    // The mouse wheel's steps, a screen at a time.
    for (int i = 0; i < 200 && estimated_units(r) > 0; ++i) {
        ui.scroll = 600.0f * static_cast<float>(i + 1);
        ui.frame(r, text);
    }
    CHECK(estimated_units(r) == 0);
    ui.frame(r, text);
    same_as_fresh(ui, r, text);
    // The quiz far down is drawn, and the probe sees its button.
    bool button = false;
    for (const auto& u : r.laid_units())
        for (const auto& h : u.hots)
            if (h.kind == render::HotKind::quiz_check) button = true;
    CHECK(button);
}

TEST_CASE("jumped to the end, scrolling up keeps the view on its content while heights above it "
          "turn real") {
    Ui ui;
    PageRenderer r = preview();
    const std::string text = long_page();
    ui.show(r, text);
    ui.scroll = 1e9f; // the End key, or the scroll bar dragged to its foot
    ui.show(r, text);
    REQUIRE(estimated_units(r) > 0);
    for (int step = 0; step < 6; ++step) {
        const ImVec2 origin = ui.frame(r, text);
        const float view_top = -origin.y;
        const std::size_t u = unit_at(r, view_top + 1);
        const float screen_y = origin.y + r.laid_units()[u].top;
        const int estimated = estimated_units(r);
        ui.scroll = ui.scrolled - 500; // a few wheel steps up
        ui.frame(r, text);
        const ImVec2 after = ui.frame(r, text);
        INFO("step " << step);
        // Units above were laid out and changed height: the scroll followed
        // them (ImGui rounds each scroll to whole pixels: ours and the shift).
        CHECK(estimated_units(r) < estimated);
        CHECK(std::abs(after.y + r.laid_units()[u].top - (screen_y + 500)) <= 2.0f);
    }
}

TEST_CASE("a line far down lands where the full layout puts it") {
    Ui ui;
    PageRenderer r = preview();
    const std::string text = long_page();
    ui.show(r, text);
    const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) - 10;
    const float y = r.y_of_line(line);
    CHECK(r.last_layout().estimated < 10); // everything above it was laid out
    PageRenderer fresh = preview();
    ui.show(fresh, text);
    fresh.lay_out_through(INT_MAX);
    CHECK(near(y, fresh.y_of_line(line)));
    CHECK(r.line_at(y + 1) == fresh.line_at(y + 1));
}

TEST_CASE("a width change lays out again only the units near the view, which stays on its unit") {
    Ui ui;
    PageRenderer r = preview();
    const std::string text = long_page();
    ui.show(r, text);
    ui.scroll = r.y_of_line(200);
    ui.show(r, text);
    const ImVec2 origin = ui.frame(r, text);
    const std::size_t u = unit_at(r, -origin.y + 1);
    const float screen_y = origin.y + r.laid_units()[u].top;
    ui.width = 700;
    ui.frame(r, text);
    CHECK(r.last_layout().kept == 0);
    CHECK(r.last_layout().laid > 0);
    CHECK(r.last_layout().laid < static_cast<int>(r.laid_units().size()) / 4);
    const ImVec2 after = ui.frame(r, text);
    CHECK(std::abs(after.y + r.laid_units()[u].top - screen_y) < 1.0f);
    CHECK_FALSE(r.laid_units()[u].estimated);
}
