// Small reusable widgets drawn with Dear ImGui. Each one takes its colours
// from the theme palette, its sizes in scaled units, and reports itself to
// the UI test bridge (ui/probe.hpp), so screens never call ImGui widgets
// directly.
#pragma once

#include "ui/theme.hpp"

#include <string>
#include <vector>

namespace wte::ui {

// --- Layout ---
// A centred column of at most max_width_css; returns its width in device px.
float begin_column(float max_width_css);
void end_column();
// The whole width of the current window less `padding_css` each side (a
// pane of a split screen); returns its width in device px.
float begin_inset(float padding_css);
void end_inset();
// A column `width` device px wide, `offset` px right of the current one's
// left edge (the right half of a side-by-side pair); ends with end_column().
float begin_side_column(float offset, float width);
// Width of the current column or panel, or of the available region.
float column_width();
void vspace(float css);

// --- Text ---
void heading(const std::string& text, int level = 1); // 1..3
void paragraph(const std::string& text);
void muted(const std::string& text, FontRole role = FontRole::body);
void label(const std::string& text); // small bold, above a field
void error_box(const std::string& text);
// A calm, positive message, optionally with a button at its right end
// (returns true when that button is pressed).
bool notice_box(const std::string& text, const char* action = nullptr);
// A gentle word of advice (warm colours, no alarm): "take your time".
void note_box(const std::string& text);
// Something stopped and needs the learner's decision, with an optional button.
bool warning_box(const std::string& text, const char* action = nullptr);
void badge(const std::string& text, bool accent = false);

// --- Controls (all return true on the frame they were activated) ---
enum class ButtonKind { primary, secondary, subtle, danger };
bool button(const char* label, ButtonKind kind = ButtonKind::primary, bool enabled = true,
            float width = 0.0f);
// The width button() will take for `label` (to right-align a row of buttons).
float button_width(const char* label, ButtonKind kind = ButtonKind::primary);
bool link(const std::string& text, FontRole role = FontRole::body, const char* id = nullptr);
bool tab(const char* label, bool active);
bool toggle(const char* label, bool& value);

struct TextFieldOptions {
    bool password = false;
    const char* hint = "";
    float width = 0.0f; // device px; 0: the rest of the line
    bool focus = false; // take keyboard focus this frame
    bool enabled = true;
    // Why the value is refused ("Enter your password."); the field is marked
    // invalid for the mirror (the message itself is drawn by the screen).
    std::string error = {};
};
// Returns true when Enter was pressed in the field.
bool text_field(const char* label, std::string& value, const TextFieldOptions& options = {});
// The rectangle of the text field that had the caret in this frame, if any.
bool active_text_field(ImVec2& min, ImVec2& max);
// Other text inputs (the code editor) say they have the caret this frame.
void report_active_text_field(ImVec2 min, ImVec2 max);

// --- Compact controls and marks (widgets/compact.cpp) ---
// A full-width header row with a chevron that opens and closes the section
// below it; `detail` is shown muted at its right end. True when clicked.
bool disclosure(const char* label, bool open, const std::string& detail = "");
// One choice among a few, drawn as joined buttons (each a "radio" for the
// test bridge). True on the frame the choice changed.
bool segmented(const char* id, const std::vector<std::string>& options, int& selected,
               bool enabled = true);
// A small clock drawn with lines (no font needs the glyph), centred at `centre`.
void clock_icon(ImDrawList* dl, ImVec2 centre, float radius, ImU32 colour);
// A pill with a clock and text: something will change at a set time.
void clock_badge(const std::string& text);
// The same pill drawn without layout: left edge at left_centre.x, centred on its y.
void clock_badge_at(ImDrawList* dl, ImVec2 left_centre, const std::string& text);
float clock_badge_width(const std::string& text);
// A button named `label` that opens the list of options below it, each a
// link (the current one in bold). Returns the index picked this frame, or -1.
int picker(const char* label, const std::vector<std::string>& options, int selected);
// A small rounded status label; tone picks the palette colours.
enum class Tone { neutral, accent, success, warning, danger };
void status_pill(const std::string& text, Tone tone);

// --- Progress (widgets/progress.cpp) ---
// A full-width bar filled `done` of `total` with `text` at its right end
// ("3 of 7 pages"); the test bridge sees a "progress" widget labelled `text`
// with `value` and `max`. Nothing at all when total is 0 (a part without pages).
void progress_bar(const std::string& text, int done, int total);

// --- Lists ---
// A clickable card with a title, a summary (clipped to a few lines) and an
// optional badge; the whole card is one "link" widget named by its title.
bool summary_card(const std::string& title, const std::string& summary, const std::string& badge,
                  const char* id);
// What a learner has done of a row's part or page.
struct RowProgress {
    bool done = false; // a check in place of the number (a visited page); the link is "checked"
    int pages_done = 0, pages = 0; // a small bar with "3 of 7" (a part's pages); none when 0
};
// A clickable row in a numbered list (parts, pages); `mark` is shown as a
// clock badge before `meta` (an upcoming timed action), `progress` before both.
bool list_row(int number, const std::string& title, const std::string& meta, const char* id,
              const std::string& mark = "", const RowProgress& progress = {});
// Ancestors then the current title; returns the index of a clicked ancestor or -1.
int breadcrumb(const std::vector<std::string>& ancestors, const std::string& current);

// --- Status ---
// Something on screen moves by itself (spinner, caret): draw the next frame
// even without input. Reset by take_animation_request() once per frame.
void keep_animating();
bool take_animation_request();
void spinner(float radius_css);
void loading_view(const std::string& what);
// "Something went wrong" with the reason and a Retry button; true on Retry.
bool error_view(const std::string& title, const std::string& message);

} // namespace wte::ui

namespace wte::ui {
// --- A console (widgets/console.cpp): lines in the monospace font, each
// with where it came from before it, coloured by tone, a "×N" mark for
// repeats; sticks to the newest line unless scrolled up. One "console"
// widget for the test bridge whose value is all its lines, one per line
// ("script.js:12 text ×2"). ---
struct ConsoleLine {
    std::string where; // "script.js:12", may be empty
    std::string text;
    Tone tone = Tone::neutral; // danger for errors, warning for warnings
    int repeats = 1;
};
void console_view(const char* label, const std::vector<ConsoleLine>& lines, ImVec2 size);
} // namespace wte::ui

namespace wte::ui {
// A rounded surface around whatever is drawn between begin_panel and
// end_panel (the background is drawn behind it once its height is known).
void begin_panel(float padding_css = 24);
void end_panel();
} // namespace wte::ui

namespace wte::ui {
// "‹ Previous page · Page 2 of 5 · Next page ›" under a paged list; nothing
// when there is one page. Returns the page asked for, or 0.
int pager(const char* id, int page, int pages);
} // namespace wte::ui

namespace wte::ui {
// --- Panes (widgets/panes.cpp) ---
// A vertical bar between two panes; returns how far the pointer dragged it
// this frame (device px, 0 when it is not held).
float splitter(const char* label, float height);
// A small square button showing `glyph`, named `label` for the bridge.
bool icon_button(const char* label, const char* glyph);
// A collapsed pane: a thin strip with its name; true when clicked (expand).
bool collapsed_strip(const char* label, float height);
} // namespace wte::ui

namespace wte::ui {
// --- Reordering rows (widgets/reorder.cpp) ---
// A grip a row is dragged by (six dots), `height` device px tall, named
// `label` for the bridge (kind "handle", checked while held).
struct GripState {
    bool held = false;     // the pointer holds it this frame
    bool released = false; // let go this frame (drop where the pointer is)
};
GripState drag_grip(const char* label, float height);
// Where a dragged row would land: a line across the column at y.
void drop_line(float x, float y, float width);
// What follows is laid out `width` device px wide (list rows, wrapped text)
// until end_width: a row shares its line with controls beside it.
void begin_width(float width);
void end_width();
// --- Charts (widgets/charts.cpp), drawn with the window's draw list in the
// palette's colours; each is one "chart" widget for the test bridge whose
// value spells out its numbers. ---
// A horizontal box plot of min, q1, median, q3, max on a scale from 0 to a
// round number above max, the scale's ends written under it by `format`.
struct BoxPlotValues {
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
void box_plot(const char* label, const BoxPlotValues& v, std::string (*format)(double));
// One full-width bar split into segments in proportion to their counts, the
// count written in each segment wide enough; nothing filled when all are 0.
struct BarSegment {
    std::string name; // "Right the first time"
    int count = 0;
    Tone tone = Tone::neutral;
};
void stacked_bar(const std::string& label, const std::vector<BarSegment>& segments);
// The segments' names with a swatch of their colour, on one line.
void bar_legend(const std::vector<BarSegment>& segments);
// A small card with a big number and its name under it, `width` device px wide.
void stat_card(const std::string& name, int value, float width, Tone tone = Tone::neutral);
// One row of a simple table: cell i starts at starts[i] (a fraction of the
// column's width); the first cell wraps before the second, the others do not.
void table_row(const std::vector<std::string>& cells, const std::vector<float>& starts,
               bool header = false);
// --- Files (widgets/file_row.cpp) ---
// A file in a list: a square thumbnail (`texture` fitted in, or the file's
// extension on a tile when 0), the name in bold and `detail` muted below.
// The whole row is one "link" widget named by `name`, checked when selected.
bool file_row(const std::string& name, const std::string& detail, unsigned texture, int tex_w,
              int tex_h, bool selected);
// Source text in the monospace font on a sunken box `width` device px wide
// (0: the column), lines kept as they are; the test bridge sees the text.
void source_box(const std::string& text, float width = 0.0f);
// A dashed outline around the rectangle: "drop files here".
void drop_outline(ImVec2 min, ImVec2 max);
} // namespace wte::ui
