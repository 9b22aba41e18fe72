// The UI test bridge (window.wteTest) and the source of the accessibility
// mirror (web/js/a11y.js): every widget wrapper and text helper reports what
// it drew with its rectangle, in draw order ("n"), inside its landmark or
// dialog; once per frame the list is published to JavaScript, in CSS pixels
// relative to the page viewport, only when it changed. The mirror's way back
// (activate or focus a widget by its ImGui id) comes in here too.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wte::ui::probe {

void begin_frame();
// Records the last ImGui item as a widget: kind is "button", "input",
// "checkbox", "link", "tab", ...
void widget(const std::string& label, const char* kind, bool enabled = true, bool checked = false,
            bool focused = false);
// Adds a numeric value and its maximum to the widget recorded last (a progress bar).
void widget_range(double value, double max);
// Records a widget drawn without an ImGui item of its own (inside a card).
void widget_rect(const std::string& label, const char* kind, ImVec2 min, ImVec2 max);
// Records the last ImGui item, or an explicit rectangle, as drawn text.
// Adds the text of a text field to the widget recorded last (never for
// password fields).
void widget_value(const std::string& value);
void text(const std::string& text);
void text_rect(const std::string& text, ImVec2 min, ImVec2 max);

// --- What the mirror needs beyond the test bridge: the role's details ---
// The widget recorded last opens and closes a section (a disclosure).
void widget_expanded(bool open);
// The widget recorded last is a password field; `filled`: something is typed
// (its text is never recorded).
void widget_password(bool filled);
// The text field recorded last has the caret: byte offsets into its value of
// the selection's fixed end and of the caret (equal: no selection).
void widget_caret(int anchor, int caret);
// The widget recorded last holds a bad value; `message` says why (the
// mirror's aria-invalid and the description it points to).
void widget_invalid(const std::string& message);
// The widget recorded last is a text area of many lines (Tab indents there).
void widget_multiline();
// The widget recorded last is one row of a list (the texts inside its
// rectangle belong to the row).
void widget_list_item();
// The text recorded last is cell `column` of a table row (0 starts a row).
void text_cell(int column, bool header);
// The text recorded last is a heading of level 1..6.
void text_heading(int level);
// A message the mirror announces when it appears (a live region): "status"
// (saved, a quiz result) or "alert" (an error).
void announce(const std::string& message, const char* politeness);
// Everything recorded until end_region belongs to a landmark or a dialog:
// role "banner", "main", "complementary", "dialog"; label names it.
void begin_region(const char* role, const std::string& label = "");
void end_region();

// --- A rendered page as semantic HTML (rst::to_html): the mirror shows it
// in place of what the page renderer recorded between begin_document and
// end_region. `key` names one HTML text, handed over once by document_html. ---
void document_html(int key, const std::string& html);
// The HTML texts handed over since the last call (main.cpp publishes them).
std::vector<std::pair<int, std::string>> take_document_html();
// min, max: where the page is seen (the mirror places the HTML there).
void begin_document(int key, ImVec2 min, ImVec2 max);
// The answers chosen of a question of the open document, by position;
// `name` is "quiz/question" as the HTML's inputs are named.
void document_choice(const std::string& name, const std::vector<int>& chosen);
// What the mirror asked of a document: choose an answer (answer >= 0) or
// check the quiz (answer -1).
struct DocumentRequest {
    int key = 0;
    std::string quiz, question;
    int answer = -1;
    // Not empty: the reader moved into this section (an HTML id): bring it on screen.
    std::string anchor;
};
void request_document(DocumentRequest request);
std::vector<DocumentRequest> take_document_requests(int key);

// --- The mirror's <input> of a text field after the person edited it there
// (typing, IME, dictation, paste) or moved its caret: the field with ImGui id
// `id` takes it while it has the caret (widgets/text_field.cpp). Byte offsets. ---
struct FieldEdit {
    unsigned id = 0;
    std::string text;
    int anchor = 0, caret = 0;
    int frame = 0; // when it arrived: an edit no field takes soon is dropped
};
void edit_field(FieldEdit edit);
std::optional<FieldEdit> take_field_edit(unsigned id);

// --- From the mirror, before the next frame: press the widget with this
// ImGui id as a click would (a text field starts editing), or give it the
// keyboard focus (ImGui's navigation highlight shows where it is). ---
void activate(unsigned id, bool text_field);
// id 0: the keyboard focus left the widgets (into the page's HTML): no highlight.
void focus(unsigned id);
// The mirror moved the keyboard focus this frame to a widget other than `id`
// (a widget holding the keyboard by itself, the code editor, lets go).
bool focus_moved_away(unsigned id);
// The label shown to people: what ImGui draws before "##".
std::string visible_label(const char* label);
// Screen, route, widgets and texts of the frame that just ended as JSON for
// window.wteTest; empty when nothing changed since the last frame.
std::string end_frame(const std::string& screen, const std::string& route);

} // namespace wte::ui::probe
