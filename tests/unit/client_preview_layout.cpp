// The live preview keeps the layout of the blocks a keystroke left alone
// (client-wasm/render/page_view.cpp): only the edited block is laid out
// again, the blocks below move by its change of height and of source lines.
// Every test compares the kept layout with a fresh renderer's layout of the
// same text: a stale unit shows up there.
#include "render/page_renderer.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include "system_fonts.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>
#include <string>

using namespace wte;
using render::PageRenderer;

namespace {

struct Ui {
    Ui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        ui::set_scale(1.0f);
        REQUIRE(ui::build_fonts(test::system_font));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::apply_style();
    }
    ~Ui() { ImGui::DestroyContext(); }

    // One frame drawing `r` with `text`; returns where the page starts on screen.
    ImVec2 frame(PageRenderer& r, const std::string& text,
                 const std::function<void(ImGuiIO&)>& input = {}) {
        ImGuiIO& io = ImGui::GetIO();
        if (input) input(io);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(900, 800));
        ImGui::Begin("preview", nullptr, ImGuiWindowFlags_NoDecoration);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
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

void same_as_fresh(Ui& ui, const PageRenderer& kept, const std::string& text) {
    PageRenderer fresh = preview();
    ui.show(fresh, text);
    same_layout(kept, fresh);
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
