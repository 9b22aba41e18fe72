// Feature: the teacher's content editor (#/parts/N/edit): the part's
// reStructuredText in the code editor beside a live preview drawn by a
// second page renderer, re-rendered as the teacher types (no request).
// Saving is PATCH /parts/N {content} with If-Match: the ETag GET sent; a 409
// content_changed keeps both versions for the teacher to choose. Leaving with
// unsaved text asks first (in the app, and through the browser's beforeunload).
#pragma once

#include "app/remote.hpp"
#include "app/route.hpp"
#include "editor/code_editor.hpp"
#include "render/page_renderer.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;

enum class InsertKind { heading, list, code, note, show_hide, quiz };
enum class PickerKind { none, asset, crossref };

struct ContentEditorState {
    Id part_id = 0; // the part whose content is open; 0: none
    bool loading = false;
    std::string error; // could not be opened (or may not be edited)
    int request = 0;
    PartView view;    // as the server last sent it
    std::string etag; // bare ETag of saved_text
    std::string saved_text;
    editor::CodeEditor editor{"rst"};
    bool dirty = false;
    render::PageRenderer preview; // the live preview, a renderer of its own
    // The editor's text for the preview, taken again only when it changed.
    std::string text;
    std::uint64_t text_version = ~0ull;
    double edited_at = 0; // ImGui time of the last keystroke

    int save_request = 0;
    std::string sending;
    std::string save_error;
    bool saved_once = false; // "Saved" shows after the first save of this visit
    // 409 content_changed: their version, kept beside the typed one.
    bool conflict = false;
    std::string their_text, their_etag;
    bool compare = false; // the side by side view is open

    // Source and preview stay together: the first source line last synced
    // to the preview, and a preview y asked for (applied while drawing it).
    int synced_line = -1;
    std::optional<float> preview_scroll;
    // Problems under the editor: collapsed or open.
    bool problems_open = true;

    // Files dropped onto the editor: uploaded as assets of this part, then
    // referenced at the caret. What happened, for the line under the toolbar.
    int drops_on_their_way = 0;
    std::string drop_notice; // "Added logo.png."
    std::string drop_error;  // "big.mp4 is 12 MB; files can be at most 10 MB."

    // Leaving with unsaved text: where to, once the teacher confirmed.
    std::optional<Route> leave_to;

    // Insert helpers: assets of this part and its ancestors, parts of the module.
    PickerKind picker = PickerKind::none;
    std::string query;
    std::vector<Asset> assets; // nearest first, one per name
    int asset_requests = 0;    // still on their way
    std::string assets_error;
};

struct ContentEditorActions {
    bool edited = false; // the text changed this frame
    bool save = false;
    std::optional<std::string> wrap; // "**", "*" or "``" around the selection
    std::optional<InsertKind> insert;
    std::optional<int> go_to_line; // 1-based: a problem or the preview was clicked
    bool keep_mine = false, take_theirs = false, toggle_compare = false;
    bool stay = false, leave = false; // the leave confirmation's answers
    std::optional<PickerKind> open_picker;
    std::optional<std::string> insert_text; // an :asset: or :crossref: chosen in a picker
    bool any() const {
        return edited || save || wrap || insert || go_to_line || keep_mine || take_theirs ||
               toggle_compare || stay || leave || open_picker || insert_text;
    }
};

namespace content_editor {
// Opens part `id` for editing (typed text of the same part is kept).
void open(App& app, Id id);
void apply(App& app, ContentEditorActions& a);
// Called for every route the app is about to enter: true (and the route is
// kept for the confirmation) when leaving now would lose typed text.
bool holds_route(App& app, const Route& route);
// Unsaved text in the editor (the title's "•", beforeunload's question).
bool unsaved(const AppState& s);
// Fulfils the preview's needs: images and link titles as for any page; quiz
// answers are not sent from the preview (its quiz may not be saved yet).
void fulfil(App& app);
// Puts the markers around the selection (and keeps the inner text
// selected), or inserts a pair with the caret between them.
void wrap_selection(editor::CodeEditor& e, const std::string& marker);
// The reST a toolbar insert puts in, as a paragraph of its own.
std::string insert_template(InsertKind kind);
void insert_block(editor::CodeEditor& e, const std::string& block);
} // namespace content_editor

} // namespace wte::client
