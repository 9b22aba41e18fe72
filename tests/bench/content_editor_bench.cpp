// content-editor-bench: the page renderer on a 200 KB page, in a headless
// Dear ImGui frame (draw lists built, no GPU) beside the editor. Three
// figures: a page opened (parse, layout, draw), the preview's column
// changing width every frame (a window resize drag), and the teacher's
// keystrokes (the preview re-renders what the key changed). 60 frames a
// second leave 16.7 ms.
#include "editor/code_editor.hpp"
#include "render/page_renderer.hpp"
#include "ui/theme.hpp"
#include "wte/rst/parser.hpp"

#include "../unit/system_fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace wte;
using Clock = std::chrono::steady_clock;

namespace {

// A long lesson: sections of paragraphs with inline markup, lists, code,
// notes, show-hides and quizzes, repeated to `kb` KB.
std::string big_page(std::size_t kb) {
    std::string s = "A long lesson\n=============\n\n";
    for (int i = 0; s.size() < kb * 1024; ++i) {
        const std::string n = std::to_string(i);
        s += "Section " + n + "\n" + std::string(8 + n.size(), '-') + "\n\n";
        s += "A paragraph with *emphasis*, **strong text**, ``inline code`` and a "
             "`link <https://example.org/" +
             n +
             ">`_. It runs over a few lines so that the layout has to wrap it "
             "like any real paragraph of a lesson would be wrapped.\n\n";
        s += "- the first point of list " + n +
             "\n- a second point with ``code``\n"
             "- a third point\n\n";
        s += ".. sourcecode:: html\n\n   <p class=\"x\">Hello " + n +
             "</p>\n   <ul><li>one</li></ul>\n\n";
        s += ".. note::\n\n   Keep in mind what section " + n + " said.\n\n";
        if (i % 5 == 0)
            s += ".. show-hide::\n   :title: Show the answer\n\n   The answer is " + n + ".\n\n";
        if (i % 10 == 0)
            s += ".. quiz:: q" + n +
                 "\n   :title: Check\n\n   .. quiz-question:: a\n"
                 "      :question: Which tag?\n      :type: single-choice\n\n"
                 "      [x] ``<p>``\n      [ ] ``<para>``\n\n";
    }
    return s;
}

struct Stats {
    double mean = 0, median = 0, p95 = 0, max = 0;
};
Stats stats_of(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    for (double x : v)
        s.mean += x;
    s.mean /= static_cast<double>(v.size());
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    s.max = v.back();
    return s;
}
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

} // namespace

int measure(std::size_t kb, int count, const std::string& only);

// content-editor-bench [KB [COUNT [open|width|keys]]]: by default an ordinary
// long lesson and the 200 KB page of the issue, 100 of each figure (fewer
// under callgrind, one figure at a time: --toggle-collect on PageRenderer::draw).
int main(int argc, char** argv) {
    const int count = argc > 2 ? std::atoi(argv[2]) : 100;
    const std::string only = argc > 3 ? argv[3] : "";
    if (argc > 1) return measure(static_cast<std::size_t>(std::atoi(argv[1])), count, only);
    for (std::size_t kb : {20, 200})
        if (int status = measure(kb, count, only)) return status;
    return 0;
}

int measure(std::size_t kb, int count, const std::string& only) {
    const int keystrokes = count;
    const std::string page = big_page(kb);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1400, 900);
    io.DeltaTime = 1.0f / 60.0f;
    ui::set_scale(1.0f);
    if (!ui::build_fonts(test::system_font)) {
        std::fprintf(stderr, "content-editor-bench: fonts missing\n");
        return 1;
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::apply_style();
    struct Context {
        ~Context() { ImGui::DestroyContext(); }
    } context;

    editor::CodeEditor source("rst", page);
    render::PageRenderer preview;
    preview.set_preview(true);
    std::string text = page;
    float preview_width = 700;
    render::PageRenderer* shown = &preview;
    std::optional<float> scroll_to; // the preview's scroll, as the editor's scroll sync sets it
    const auto frame = [&] {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1400, 900));
        ImGui::Begin("editor", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::PushFont(ui::font(ui::FontRole::mono));
        source.draw("Source", ImVec2(680, 860));
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::BeginChild("preview", ImVec2(preview_width, 860), true);
        if (scroll_to) ImGui::SetScrollY(*std::exchange(scroll_to, std::nullopt));
        shown->draw(1, text, "");
        ImGui::EndChild();
        ImGui::End();
        ImGui::Render();
    };
    const auto line_of = [](const char* what, const std::vector<double>& v) {
        const Stats st = stats_of(v);
        std::printf("  %s: %.2f ms (median %.2f, p95 %.2f, max %.2f)\n", what, st.mean, st.median,
                    st.p95, st.max);
    };
    std::printf("a %zu KB page (%d source lines):\n", page.size() / 1024,
                source.buffer().line_count());

    // Opened: a renderer of its own each time, as when the reader opens the page.
    if (only.empty() || only == "open") {
        std::vector<double> open_ms;
        for (int i = 0; i < count; ++i) {
            render::PageRenderer reader;
            shown = &reader;
            frame();
            open_ms.push_back(reader.draw_ms());
            if (i + 1 == count) {
                std::printf("  opened: %d units laid out, %d waiting with an estimated height\n",
                            reader.last_layout().laid, reader.last_layout().estimated);
                // How good the guess is: the scroll bar's length before and after.
                const float guessed = reader.content_height();
                reader.lay_out_through(INT_MAX);
                std::printf("  page height: %.0f px estimated, %.0f px laid out\n", guessed,
                            reader.content_height());
            }
            shown = &preview;
        }
        line_of("page opened (parse + layout + draw)", open_ms);
        if (only == "open") return 0;
    }
    frame();

    // The column narrower and wider again, a pixel a frame, as while a window's edge is dragged.
    if (only.empty() || only == "width") {
        std::vector<double> width_ms;
        for (int i = 0; i < count; ++i) {
            preview_width = 700.0f - static_cast<float>(1 + i % 10);
            frame();
            width_ms.push_back(preview.draw_ms());
        }
        std::printf("  last width change: %d units laid out\n", preview.last_layout().laid);
        line_of("width changed (layout + draw)", width_ms);
        preview_width = 700;
        frame();
        if (only == "width") return 0;
    }

    // Keystrokes in the middle of the page, the preview scrolled there.
    const int line = source.buffer().line_count() / 2;
    source.buffer().set_cursor({line, 0});
    scroll_to = preview.y_of_line(line + 1);
    frame();
    frame();
    const std::string typed = "Typed by the teacher, key after key. ";
    std::vector<double> total, parse_layout, text_ms;
    for (int i = 0; i < keystrokes; ++i) {
        const auto t = Clock::now();
        source.buffer().type(std::string(1, typed[static_cast<std::size_t>(i) % typed.size()]));
        const auto t_text = Clock::now();
        text = source.text();
        text_ms.push_back(ms_since(t_text));
        frame();
        total.push_back(ms_since(t));
        parse_layout.push_back(preview.draw_ms());
    }
    std::vector<double> parse_only;
    for (int i = 0; i < 20; ++i) {
        const auto t = Clock::now();
        const auto parsed = rst::parse(text);
        parse_only.push_back(ms_since(t));
        if (parsed.doc.blocks.empty()) return 1;
    }
    const Stats tx = stats_of(text_ms);
    std::printf("  per keystroke in the preview:\n");
    line_of("parse alone", parse_only);
    line_of("preview re-render (parse + layout + draw)", parse_layout);
    std::printf("  last layout: %.2f ms (%d units laid out, %d kept from before the key)\n",
                preview.layout_ms(), preview.last_layout().laid, preview.last_layout().kept);
    std::printf("  editor text taken for the preview: %.2f ms\n", tx.mean);
    line_of("whole frame (key, editor, preview)", total);
    std::printf("  frame budget at 60 frames a second: 16.7 ms\n");
    return 0;
}
