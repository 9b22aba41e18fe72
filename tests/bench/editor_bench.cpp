// editor-bench: the code editor on a 10,000-line HTML file. Prints the
// model + re-colouring time per keystroke (200 characters typed in the
// middle of the file, then a "/*" that re-colours down to its "*/"), and
// the widget's frame time through a headless Dear ImGui context (draw lists
// built, no GPU) while typing and while scrolling. 60 frames a second leave
// 16.7 ms per frame for everything.
#include "editor/code_editor.hpp"
#include "ui/theme.hpp"

#include "../unit/system_fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace wte;
using namespace wte::editor;
using Clock = std::chrono::steady_clock;

namespace {

using test::system_font;

// 10,000 lines of a page with markup, a style sheet and a script.
std::string big_file() {
    std::string s = "<!DOCTYPE html>\n<html>\n<head>\n<style>\n";
    for (int i = 0; i < 2000; ++i)
        s += ".row-" + std::to_string(i) + " { color: #33" + std::to_string(i % 10) +
             "; margin: 0 4px; }\n";
    s += "</style>\n</head>\n<body>\n";
    for (int i = 0; i < 5000; ++i)
        s += "  <p class=\"row-" + std::to_string(i % 2000) + "\">Line " + std::to_string(i) +
             " with <em>some</em> text &amp; more</p>\n";
    s += "<script>\n";
    for (auto lines = std::count(s.begin(), s.end(), '\n'); lines < 9998; ++lines)
        s += "  const v = compute(\"x\", 42); // a comment\n";
    s += "</script>\n</body>";
    return s;
}

struct Stats {
    double mean_ms = 0, max_ms = 0;
};

Stats stats_of(const std::vector<double>& ms) {
    Stats s;
    for (double v : ms) {
        s.mean_ms += v;
        s.max_ms = std::max(s.max_ms, v);
    }
    s.mean_ms /= static_cast<double>(std::max<std::size_t>(1, ms.size()));
    return s;
}

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

const char* const typed = "<div class=\"note\">Learners type here, word after word, and the "
                          "colours follow every key; nothing else is coloured again.</div> "
                          "<span>more words typed into the middle of a long file</span>";

} // namespace

int main() {
    const std::string text = big_file();

    // The model alone: one keystroke = type + sync + the visible lines' tokens.
    {
        TextBuffer buffer(text);
        LineColours colours("html");
        colours.sync(buffer);
        const int visible = 45;
        buffer.set_cursor({5000, 2});
        std::vector<double> per_key;
        colours.reset_stats();
        for (int i = 0; i < 200; ++i) {
            const auto t = Clock::now();
            buffer.type(std::string(1, typed[i]));
            colours.sync(buffer);
            for (int l = 4980; l < 4980 + visible; ++l)
                colours.tokens(buffer, l);
            per_key.push_back(ms_since(t));
        }
        const Stats s = stats_of(per_key);
        std::printf("model, 200 keys on line 5000 of %d: %.4f ms per key (max %.3f), "
                    "%llu lines re-coloured\n",
                    buffer.line_count(), s.mean_ms, s.max_ms,
                    static_cast<unsigned long long>(colours.stats().lines_coloured));

        // "<!--" at the top turns every line into a comment: the worst keystroke.
        colours.reset_stats();
        buffer.set_cursor({2, 0});
        auto t = Clock::now();
        buffer.type("<!--", true);
        colours.sync(buffer);
        for (int l = 0; l < visible; ++l)
            colours.tokens(buffer, l);
        std::printf("model, \"<!--\" opened at the top: %.3f ms, %llu lines re-scanned\n",
                    ms_since(t), static_cast<unsigned long long>(colours.stats().lines_scanned));
        t = Clock::now();
        buffer.undo();
        colours.sync(buffer);
        std::printf("model, undone: %.3f ms\n", ms_since(t));
    }

    // The widget: frames through a headless ImGui context.
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    ui::set_scale(1.0f);
    if (!ui::build_fonts(system_font)) {
        std::fprintf(stderr, "editor-bench: fonts missing (fonts-noto-core, fonts-dejavu-core)\n");
        return 1;
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::apply_style();

    CodeEditor editor("html", text);
    editor.focus();
    const auto frame = [&] {
        const auto t = Clock::now();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::Begin("workspace", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::PushFont(ui::font(ui::FontRole::mono));
        editor.draw("index.html", ImVec2(900, 760));
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
        return ms_since(t);
    };
    frame();
    editor.buffer().set_cursor({5000, 2});
    frame();
    std::vector<double> typing;
    for (int i = 0; i < 200; ++i) {
        io.AddInputCharacter(static_cast<unsigned char>(typed[i]));
        typing.push_back(frame());
    }
    std::vector<double> scrolling;
    io.MousePos = ImVec2(400, 400);
    for (int i = 0; i < 200; ++i) {
        io.MouseWheel = -3.0f;
        scrolling.push_back(frame());
    }
    const Stats t = stats_of(typing), s = stats_of(scrolling);
    std::printf("widget, typing 200 characters: %.3f ms per frame (max %.3f)\n", t.mean_ms,
                t.max_ms);
    std::printf("widget, scrolling 200 frames (now at line %d): %.3f ms per frame (max %.3f)\n",
                editor.first_visible_line(), s.mean_ms, s.max_ms);
    std::printf("frame budget at 60 frames a second: 16.7 ms\n");
    ImGui::DestroyContext();
    return 0;
}
