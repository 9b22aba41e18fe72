// The code editor widget: one CodeEditor per open file (its text, caret,
// undo history, colours and scroll position), drawn with draw() every frame
// in a child window of the given size. It draws only the visible lines, with
// line numbers, the selection, a blinking caret and the bracket or tag that
// matches the caret; it takes the mouse (click, drag, double click for a
// word), the keyboard and text from io.InputQueueCharacters (fed by the
// app's <textarea> bridge). Copy and cut go through ImGui's clipboard
// function; pasted text arrives as input text. Ctrl+S is only reported: the
// caller saves.
#pragma once

#include "editor/line_colours.hpp"
#include "editor/text_buffer.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wte::editor {

struct EditorEvents {
    bool changed = false;        // the text changed this frame
    bool save_requested = false; // Ctrl+S
    bool focused = false;        // the editor has the keyboard
    // ImGui time at which the caret blinks next (draw a frame then), or 0.
    double redraw_at = 0;
};

// A problem shown in the gutter of a line (0-based), with its message on hover.
struct LineMark {
    int line = 0;
    std::string message;
};

class CodeEditor {
public:
    // language: a name wte::highlight() knows ("html", "css", "javascript").
    explicit CodeEditor(std::string language = "", std::string_view text = {});

    TextBuffer& buffer() { return buffer_; }
    const TextBuffer& buffer() const { return buffer_; }
    LineColours& colours() { return colours_; }
    void set_text(std::string_view text);
    std::string text() const { return buffer_.text(); }
    void set_language(std::string language) { colours_.set_language(std::move(language)); }

    // Text from outside (the browser's paste event): one undo step.
    void paste(std::string_view text);
    // Takes the keyboard on the next draw (a new tab, after closing find).
    void focus() { focus_requested_ = true; }
    void open_find();
    // Puts the caret at `p` (clamped), scrolls it into view and takes the keyboard.
    void go_to(TextPos p);
    // Scrolls so that `line` (0-based) is the first visible one.
    void scroll_to_line(int line) { scroll_to_line_ = line; }
    void set_marks(std::vector<LineMark> marks) { marks_ = std::move(marks); }
    const std::vector<LineMark>& marks() const { return marks_; }
    bool find_open() const { return find_open_; }
    const std::string& find_query() const { return find_query_; }

    // Draws the editor; size in device pixels (0: the rest of the window).
    EditorEvents draw(const char* label, ImVec2 size = ImVec2(0, 0));

    // Layout of the last frame, for tests and the workspace (the preview
    // overlay sits beside it): the top-left of line 0, column 0 on screen.
    ImVec2 text_origin() const { return text_origin_; }
    float line_height() const { return line_height_; }
    float char_width() const { return char_width_; }
    int first_visible_line() const { return first_visible_; }
    int last_visible_line() const { return last_visible_; }

private:
    TextBuffer buffer_;
    LineColours colours_;
    bool focused_ = false;
    bool focus_requested_ = false;
    bool dragging_ = false;
    bool scroll_to_cursor_ = false;
    int scroll_to_line_ = -1;
    std::vector<LineMark> marks_; // sorted by line
    double last_input_time_ = 0;  // the caret shows solid right after input
    int paste_key_frame_ = -100;  // frame of the last Ctrl+V (the text follows)
    bool find_open_ = false;
    bool find_focus_ = false;
    std::string find_query_;
    bool find_missing_ = false;
    int widest_columns_ = 0;             // the widest line drawn or loaded, for the scroll width
    std::uint64_t text_version_ = ~0ull; // of text_for_probe_
    std::string text_for_probe_;
    // The caret and the selection's anchor as byte offsets into it (the mirror).
    TextPos caret_pos_{-1, 0}, anchor_pos_{-1, 0};
    std::uint64_t caret_version_ = ~0ull;
    int caret_offset_ = 0, anchor_offset_ = 0;
    int offset_of(TextPos p) const;
    // Matching bracket and tag for one version and caret (scans are long).
    struct Matches {
        std::uint64_t version = ~0ull;
        TextPos cursor;
        bool bracket_found = false, tag_found = false;
        TextPos bracket, partner;
        TextRange open_tag, close_tag;
    } matches_;

    ImVec2 text_origin_{0, 0};
    float line_height_ = 0;
    float char_width_ = 0;
    int first_visible_ = 0;
    int last_visible_ = -1;

    bool handle_keyboard(EditorEvents& events, int page_lines);
    void handle_text_input();
    void handle_mouse(bool hovered_text);
    TextPos position_at(ImVec2 mouse) const;
    void draw_find_bar(float width);
    void draw_line(ImDrawList* dl, int line, ImVec2 pos);
    void keep_cursor_visible(float view_width, float view_height);
    void copy(bool cut);
};

} // namespace wte::editor
