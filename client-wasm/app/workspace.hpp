// Feature: the learner's workspace of a three-pane part (the files they edit
// beside the lesson, shown live in the preview). Files are loaded when a
// page of the part opens and saved with PUT + If-Match: ~5 s after the last
// change, on Ctrl+S, before leaving the page or part, and (keepalive) when
// the tab is hidden or closes. A save the server refuses because the file
// changed elsewhere keeps the typed text and asks which version wins.
#pragma once

#include "app/route.hpp"
#include "editor/code_editor.hpp"
#include "wte/api.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;

inline constexpr double autosave_delay_seconds = 5;
inline constexpr double save_retry_seconds = 5;

enum class SaveState { saved, unsaved, saving, retrying, conflict, refused };

struct WorkspaceFileState {
    api::WorkspaceFile file; // as the server last described it; etag bare
    editor::CodeEditor editor;
    bool loaded = false;    // the text arrived and is in the editor
    std::string load_error; // the text could not be fetched
    int load_request = 0;
    std::string saved_text; // what the server holds at file.etag
    bool dirty = false;     // the editor's text differs from saved_text
    double changed_at = 0;  // unix seconds of the last edit (autosave timer)
    int save_request = 0;   // the PUT in flight, 0 when none
    std::string sending;    // the text that PUT carries
    bool retrying = false;  // the server could not be reached: try again at retry_at
    double retry_at = 0;
    // 409 file_changed: their version's etag, nullopt when the file is gone.
    bool conflict = false;
    std::optional<std::string> their_etag;
    std::string refused; // why the server refused to save (too large, ...)
    bool confirm_discard = false;
};

struct WorkspaceState {
    Id part_id = 0; // the three-pane part whose files are open; 0: none
    std::string part_title;
    Route route; // the route the files were last flushed for
    bool loading = false;
    std::string error; // the workspace could not be loaded
    int request = 0;
    // unique_ptr: an editor stays where it is while the list changes.
    std::vector<std::unique_ptr<WorkspaceFileState>> files;
    std::size_t active = 0; // the file whose tab is selected
    bool confirm_discard_all = false;
    int reset_request = 0;
    // The screen's layout, kept while the learner moves between pages:
    // the two splitters as fractions of the width, collapsed panes, and
    // the pane shown on a narrow screen (0 lesson, 1 code, 2 preview).
    float split[2] = {0.34f, 0.67f};
    bool collapsed[3] = {false, false, false};
    int narrow_pane = 0;

    WorkspaceFileState* find(const std::string& name);
};

struct WorkspaceActions {
    std::vector<std::string> edited; // files whose text changed this frame
    bool save_now = false;           // Ctrl+S: every unsaved file, now
    std::optional<std::size_t> select;
    std::optional<std::string> reload_theirs, keep_mine;
    std::optional<std::string> ask_discard, cancel_discard, discard;
    bool ask_discard_all = false, cancel_discard_all = false, discard_all = false;
    std::optional<std::string> download;
    bool download_all = false;
    bool retry = false;
    bool any() const {
        return !edited.empty() || save_now || select || reload_theirs || keep_mine || ask_discard ||
               cancel_discard || discard || ask_discard_all || cancel_discard_all || discard_all ||
               download || download_all || retry;
    }
};

namespace workspace {
// The three-pane part whose workspace the route's view shows: 0 when it
// shows none, nullopt while the view is not known yet (the open workspace
// stays open).
std::optional<Id> part_on_screen(const AppState& s);
// Follows the route (opens, flushes and closes workspaces) and sends the
// saves that are due. Called after replies and after each frame's actions.
void tick(App& app);
// Sends every unsaved file now; keepalive when the tab is closing.
void flush(App& app, bool keepalive);
// The tab was hidden or is closing (false) or shown again.
void visibility(App& app, bool visible);
void apply(App& app, WorkspaceActions& a);

SaveState save_state(const WorkspaceFileState& f);
// "Saved", "Saving…", "Unsaved changes", "Not saved — retrying", ...
const char* save_state_text(SaveState s);
// Does any file wait for a save (the app draws frames until it is sent)?
bool save_pending(const WorkspaceState& w);
// The editor's language for a file name ("index.html" → "html").
std::string language_for(const std::string& filename);
// "\"3f2a\"", "W/\"3f2a\"", "3f2a" and Apache's compressed "\"3f2a-gzip\"" → "3f2a".
std::string bare_etag(const std::string& etag);
} // namespace workspace

} // namespace wte::client
