// The code editor's model, without ImGui: lines of UTF-8, a cursor and a
// selection, edits with grouped undo/redo, indenting, find and matching
// brackets/tags. Positions are (line, byte) and always sit on a character
// boundary; a character is a code point with the marks that attach to it
// (combining accents, variation selectors, skin tones, emoji joined by ZWJ),
// so the caret never splits an emoji or an accent. Invalid bytes are kept
// as they are and count as one character each (shown as U+FFFD).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wte::editor {

struct TextPos {
    int line = 0;
    int byte = 0;
    auto operator<=>(const TextPos&) const = default;
};

struct TextRange {
    TextPos begin, end; // begin <= end
    bool empty() const { return begin == end; }
    bool operator==(const TextRange&) const = default;
};

// --- UTF-8 and screen columns (free functions, used by the widget too) ---
// The code point starting at `i` and its length in bytes; an invalid or
// truncated sequence (overlong, surrogate, > U+10FFFF) is one byte of U+FFFD.
struct Decoded {
    char32_t code_point;
    int length;
};
Decoded decode_utf8(std::string_view s, std::size_t i);
void append_utf8(std::string& out, char32_t cp);
// Columns a code point takes on screen: 2 for wide ones (CJK, emoji), 0 for
// marks that attach to the one before, 1 otherwise.
int code_point_columns(char32_t cp);
// End of the character starting at `i` (a code point and its attached marks).
std::size_t next_boundary(std::string_view s, std::size_t i);
// Start of the character ending at `i`.
std::size_t previous_boundary(std::string_view s, std::size_t i);
// The nearest boundary at or before `i`.
std::size_t snap_to_boundary(std::string_view s, std::size_t i);
// Screen column of byte `i` in a line (tabs to the next multiple of tab_size).
int column_of(std::string_view line, std::size_t i, int tab_size);
// The boundary nearest to a (fractional, e.g. clicked) screen column.
std::size_t byte_at_column(std::string_view line, double column, int tab_size);

enum class EditKind { other, typing_word, typing_other, deleting, newline };

class TextBuffer {
public:
    explicit TextBuffer(std::string_view text = {});

    // --- Content ---
    int line_count() const { return static_cast<int>(lines_.size()); }
    const std::string& line(int i) const { return lines_[static_cast<std::size_t>(i)]; }
    std::string text() const;
    std::string text(TextRange range) const;
    // Replaces everything; clears undo history and marks the buffer saved.
    void set_text(std::string_view text);
    // Grows on every change; the highlighter and caches key on it.
    std::uint64_t version() const { return version_; }
    // Lines replaced since the last call, in order, for per-line caches.
    struct LineSplice {
        int line;    // first line affected
        int removed; // lines there before
        int added;   // lines there after
    };
    std::vector<LineSplice> take_splices() { return std::move(splices_); }

    // --- Cursor and selection (the cursor is the selection's moving end) ---
    TextPos cursor() const { return cursor_; }
    TextPos anchor() const { return anchor_; }
    bool has_selection() const { return cursor_ != anchor_; }
    TextRange selection() const;
    // Snaps to a boundary inside the text. keep_anchor extends the selection.
    void set_cursor(TextPos p, bool keep_anchor = false);
    void select(TextPos anchor, TextPos cursor);
    void select_all();
    TextPos clamp(TextPos p) const;

    // Movement; `select` extends the selection instead of collapsing it.
    void move_left(bool select);
    void move_right(bool select);
    void move_word_left(bool select);
    void move_word_right(bool select);
    // Up/down keep the screen column the caret had when vertical moving began.
    void move_up(bool select, int lines = 1);
    void move_down(bool select, int lines = 1);
    // Home goes to the first non-blank character, then to column 0.
    void move_home(bool select);
    void move_end(bool select);
    void move_to_start(bool select);
    void move_to_end(bool select);
    void select_word_at(TextPos p);

    // --- Editing (each replaces the selection) ---
    // Typed text: characters typed one after another form one undo step per
    // word. A pasted text (paste = true) is always one step of its own.
    void type(std::string_view text, bool paste = false);
    // Enter: a new line with the current line's indentation, one level more
    // after an opening bracket or tag; between {} the closer moves down too.
    void newline();
    void backspace();
    void delete_forward();
    void delete_selection();
    // Tab: indent the selected lines when the selection spans lines, else
    // insert spaces to the next indent stop. Shift+Tab outdents the lines.
    void indent();
    void outdent();
    // Breaks the current undo group (cursor moved by the user, focus lost).
    void break_undo_group() { open_group_ = false; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();

    // Unsaved changes: the content differs from the last mark_saved() (undo
    // back to the saved state counts as unchanged).
    bool modified() const;
    void mark_saved();

    // --- Find ---
    // The next match of `needle` at or after `from` (wrapping around), or
    // nothing. Matches never span lines; case-insensitive for ASCII letters
    // unless case_sensitive.
    bool find(std::string_view needle, TextPos from, bool case_sensitive, TextRange& found) const;
    // Selects the next match after the selection; false when there is none.
    bool find_next(std::string_view needle, bool case_sensitive = false);

    // --- Matching ---
    // The bracket next to the cursor (after it, else before it) and its
    // partner; false when the cursor is at no bracket or it has no partner.
    bool matching_bracket(TextPos& bracket, TextPos& partner) const;
    // With the cursor in an HTML tag's name (<div or </div), the names of the
    // opening and closing tags of that element.
    bool matching_tag(TextRange& open_name, TextRange& close_name) const;

    // --- Settings ---
    int tab_size = 4;     // columns a tab character reaches to
    int indent_width = 2; // spaces one indent level inserts

private:
    struct Edit {
        TextPos at;           // where removed text was and inserted text is
        std::string removed;  // text at `at` before the edit
        std::string inserted; // text at `at` after the edit
    };
    struct Group {
        std::vector<Edit> edits;
        TextPos anchor_before, cursor_before, anchor_after, cursor_after;
        EditKind kind = EditKind::other;
        std::uint64_t id = 0;
    };

    std::vector<std::string> lines_;
    TextPos cursor_, anchor_;
    int preferred_column_ = -1; // kept while moving up and down
    std::vector<Group> undo_, redo_;
    bool open_group_ = false; // the last undo group may take more typing
    std::uint64_t next_group_id_ = 1;
    std::uint64_t saved_id_ = 0;
    std::uint64_t version_ = 0;
    std::vector<LineSplice> splices_;

    // The only two primitives that change lines_.
    TextPos insert_raw(TextPos at, std::string_view text);
    void erase_raw(TextRange range);

    // Runs one change as (part of) an undo group.
    Group& begin_group(EditKind kind);
    void replace(TextRange range, std::string_view text, Group& group);
    void end_group(Group& group);
    void apply_inverse(const Group& g);
    void apply(const Group& g);
    void move_to(TextPos p, bool select);
    void reset_column() { preferred_column_ = -1; }
    std::uint64_t current_id() const { return undo_.empty() ? 0 : undo_.back().id; }
};

} // namespace wte::editor
