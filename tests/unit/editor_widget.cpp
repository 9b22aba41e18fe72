// The code editor widget driven through a headless Dear ImGui context:
// clicks, drags, typed text and shortcuts as the browser delivers them.
#include "editor/code_editor.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include "system_fonts.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <fstream>
#include <functional>
#include <iterator>

using namespace wte;
using namespace wte::editor;

namespace {

using test::system_font;

std::string g_clipboard;

// Key indices as GLFW numbers them: letters are their ASCII capitals.
enum Key {
    tab = 258,
    left = 263,
    right = 262,
    up = 265,
    down = 264,
    page_up = 266,
    page_down = 267,
    home = 268,
    end = 269,
    backspace = 259,
    del = 261,
    enter = 257,
    escape = 256
};

struct Ui {
    Ui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 700);
        io.DeltaTime = 1.0f / 60.0f;
        ui::set_scale(1.0f);
        REQUIRE(ui::build_fonts(system_font));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::apply_style();
        io.KeyMap[ImGuiKey_Tab] = tab;
        io.KeyMap[ImGuiKey_LeftArrow] = left;
        io.KeyMap[ImGuiKey_RightArrow] = right;
        io.KeyMap[ImGuiKey_UpArrow] = up;
        io.KeyMap[ImGuiKey_DownArrow] = down;
        io.KeyMap[ImGuiKey_PageUp] = page_up;
        io.KeyMap[ImGuiKey_PageDown] = page_down;
        io.KeyMap[ImGuiKey_Home] = home;
        io.KeyMap[ImGuiKey_End] = end;
        io.KeyMap[ImGuiKey_Backspace] = backspace;
        io.KeyMap[ImGuiKey_Delete] = del;
        io.KeyMap[ImGuiKey_Enter] = enter;
        io.KeyMap[ImGuiKey_Escape] = escape;
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyMap[ImGuiKey_C] = 'C';
        io.KeyMap[ImGuiKey_V] = 'V';
        io.KeyMap[ImGuiKey_X] = 'X';
        io.KeyMap[ImGuiKey_Y] = 'Y';
        io.KeyMap[ImGuiKey_Z] = 'Z';
        io.SetClipboardTextFn = [](void*, const char* text) { g_clipboard = text; };
        io.GetClipboardTextFn = [](void*) { return ""; };
    }
    ~Ui() { ImGui::DestroyContext(); }

    // One frame; `input` sets up the io state the browser would deliver.
    EditorEvents frame(CodeEditor& editor, const std::function<void(ImGuiIO&)>& input = {}) {
        ImGuiIO& io = ImGui::GetIO();
        if (input) input(io);
        ImGui::NewFrame();
        ui::probe::begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1000, 700));
        ImGui::Begin("workspace", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::PushFont(ui::font(ui::FontRole::mono));
        const EditorEvents events = editor.draw("index.html", ImVec2(800, 600));
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
        // Published only when something changed: keep the last one.
        if (std::string json = ui::probe::end_frame("workspace", "#/test"); !json.empty())
            probe = std::move(json);
        return events;
    }

    void click(CodeEditor& editor, ImVec2 at, bool shift = false) {
        frame(editor, [&](ImGuiIO& io) {
            io.MousePos = at;
            io.KeyShift = shift;
        });
        frame(editor, [&](ImGuiIO& io) { io.MouseDown[0] = true; });
        frame(editor, [&](ImGuiIO& io) {
            io.MouseDown[0] = false;
            io.KeyShift = false;
        });
    }

    EditorEvents press(CodeEditor& editor, int key, bool ctrl = false, bool shift = false) {
        const EditorEvents events = frame(editor, [&](ImGuiIO& io) {
            io.KeysDown[key] = true;
            io.KeyCtrl = ctrl;
            io.KeyShift = shift;
        });
        frame(editor, [&](ImGuiIO& io) {
            io.KeysDown[key] = false;
            io.KeyCtrl = false;
            io.KeyShift = false;
        });
        return events;
    }

    EditorEvents type(CodeEditor& editor, const char* text) {
        return frame(editor, [&](ImGuiIO& io) { io.AddInputCharactersUTF8(text); });
    }

    // The screen position of a line and column in the last frame.
    static ImVec2 at(const CodeEditor& e, int line, float column) {
        return ImVec2(e.text_origin().x + column * e.char_width(),
                      e.text_origin().y + (static_cast<float>(line) + 0.5f) * e.line_height());
    }

    std::string probe;
};

} // namespace

TEST_CASE("a learner clicks into the editor, types and undoes the last word") {
    Ui ui;
    CodeEditor editor("html", "<p></p>");
    ui.frame(editor);
    ui.click(editor, Ui::at(editor, 0, 3.2f)); // between <p> and </p>
    CHECK(editor.buffer().cursor() == TextPos{0, 3});
    const EditorEvents typed = ui.type(editor, "h\xC3\xA9llo w\xC3\xB6rld");
    CHECK(typed.changed);
    CHECK(typed.focused);
    CHECK(editor.text() == "<p>h\xC3\xA9llo w\xC3\xB6rld</p>");
    CHECK(editor.buffer().modified());
    ui.press(editor, 'Z', true);
    CHECK(editor.text() == "<p>h\xC3\xA9llo </p>");
    ui.press(editor, 'Y', true);
    CHECK(editor.text() == "<p>h\xC3\xA9llo w\xC3\xB6rld</p>");
    // The UI test bridge sees a focused text field with the editor's label and text.
    ui.frame(editor);
    CHECK(ui.probe.find("\"index.html\"") != std::string::npos);
    CHECK(ui.probe.find("w\xC3\xB6rld") != std::string::npos);
}

TEST_CASE("a mouse drag selects, typing replaces the selection and Ctrl+C copies") {
    Ui ui;
    CodeEditor editor("css", "body {\n  color: red;\n}");
    ui.frame(editor);
    ui.frame(editor, [&](ImGuiIO& io) { io.MousePos = Ui::at(editor, 1, 2.1f); });
    ui.frame(editor, [&](ImGuiIO& io) { io.MouseDown[0] = true; });
    ui.frame(editor, [&](ImGuiIO& io) { io.MousePos = Ui::at(editor, 1, 7.1f); });
    ui.frame(editor, [&](ImGuiIO& io) { io.MouseDown[0] = false; });
    REQUIRE(editor.buffer().has_selection());
    CHECK(editor.buffer().text(editor.buffer().selection()) == "color");
    ui.press(editor, 'C', true);
    CHECK(g_clipboard == "color");
    ui.type(editor, "background");
    CHECK(editor.buffer().line(1) == "  background: red;");
    // Shift+click extends from the caret.
    ui.click(editor, Ui::at(editor, 2, 1.0f), true);
    CHECK(editor.buffer().text(editor.buffer().selection()) == ": red;\n}");
    ui.press(editor, 'X', true);
    CHECK(g_clipboard == ": red;\n}");
    CHECK(editor.text() == "body {\n  background");
}

TEST_CASE("keys move the caret, Tab indents the selected lines, Ctrl+S only asks to save") {
    Ui ui;
    CodeEditor editor("javascript", "let a = 1;\nlet b = 2;");
    editor.focus();
    ui.frame(editor);
    ui.press(editor, end);
    ui.press(editor, left, true); // Ctrl+Left: a word back
    CHECK(editor.buffer().cursor() == TextPos{0, 9});
    ui.press(editor, down);
    CHECK(editor.buffer().cursor() == TextPos{1, 9});
    ui.press(editor, 'A', true);
    ui.press(editor, tab);
    CHECK(editor.text() == "  let a = 1;\n  let b = 2;");
    ui.press(editor, tab, false, true);
    CHECK(editor.text() == "let a = 1;\nlet b = 2;");
    ui.press(editor, home, true);
    ui.press(editor, end);
    ui.press(editor, enter);
    CHECK(editor.text() == "let a = 1;\n\nlet b = 2;");
    const EditorEvents save = ui.press(editor, 'S', true);
    CHECK(save.save_requested);
    CHECK(editor.text() == "let a = 1;\n\nlet b = 2;");
    ui.press(editor, backspace);
    CHECK(editor.text() == "let a = 1;\nlet b = 2;");
}

TEST_CASE("a click outside the editor takes the keyboard away from it") {
    Ui ui;
    CodeEditor editor("html", "x");
    editor.focus();
    ui.frame(editor);
    CHECK(ui.type(editor, "a").focused);
    ui.click(editor, ImVec2(900, 650)); // beside the 800 x 600 editor
    const EditorEvents after = ui.type(editor, "b");
    CHECK_FALSE(after.focused);
    CHECK(editor.text() == "ax");
}

TEST_CASE("the caret blinks by asking for a frame at the next flip, not every frame") {
    Ui ui;
    CodeEditor editor("html", "x");
    editor.focus();
    const EditorEvents first = ui.frame(editor);
    const double now = ImGui::GetTime();
    REQUIRE(first.redraw_at > now);
    CHECK(first.redraw_at - now <= 0.54);
    CodeEditor idle("html", "x"); // without the keyboard nothing blinks
    CHECK(ui.frame(idle).redraw_at == 0);
}

TEST_CASE("a 10,000-line file colours only the lines on screen and Ctrl+F finds far down") {
    Ui ui;
    std::string text;
    for (int i = 0; i < 10000; ++i)
        text += "<p class=\"row\">Line " + std::to_string(i) + "</p>\n";
    text += "<footer>end</footer>";
    CodeEditor editor("html", text);
    editor.focus();
    ui.frame(editor);
    CHECK(editor.colours().stats().lines_coloured < 60);
    CHECK(editor.first_visible_line() == 0);

    ui.press(editor, 'F', true);
    REQUIRE(editor.find_open());
    ui.frame(editor); // the find field takes the keyboard
    ui.type(editor, "footer");
    CHECK(editor.find_query() == "footer");
    ui.press(editor, enter);
    ui.frame(editor);
    CHECK(editor.buffer().selection() == TextRange{{10000, 1}, {10000, 7}});
    // The view followed: the match is on screen, and still few lines were coloured.
    CHECK(editor.last_visible_line() == 10000);
    CHECK(editor.colours().stats().lines_coloured < 120);
}
