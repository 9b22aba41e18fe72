// Feature: the teacher's "Files" screen of a part (#/parts/N/files, drawn by
// screens/part_files.cpp): its assets and templates, uploads of many files
// at once (picker or drop) each with its own progress row, rename, change
// mimetype, replace the bytes, move up / down, delete, and text files edited
// in place in the code editor. The server's limits decide: a file over the
// upload limit gets a message naming it and the limit; a name already taken
// asks "replace or rename?".
//
// The hook for other screens (the content editor inserts a reference for a
// dropped file): part_files::upload() sends files to any part and reports
// what became of each; drops that land outside the Files screen wait in
// PartFiles::dropped_elsewhere for whoever wants them this frame.
#pragma once

#include "app/remote.hpp"
#include "editor/code_editor.hpp"
#include "platform/files.hpp"
#include "wte/domain.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;

// What became of one file sent by part_files::upload().
struct UploadOutcome {
    std::string filename;    // as stored (a rename after a taken name included)
    bool created = false;    // a new asset or template now has this name
    bool name_taken = false; // another file had the name; the user may still decide
    Id existing = 0;         // name_taken: that file
    std::string error;       // why it was not stored (too large, refused, ...)
};

// One file on its way up (or replacing the bytes of a file already there).
struct UploadRow {
    int key = 0; // stable while the row lives
    Id part_id = 0;
    AssetKind kind = AssetKind::asset;
    std::string filename;
    std::string mimetype; // as the browser guessed it; empty: the server guesses
    std::int64_t size = 0;
    Id replaces = 0; // replacing the bytes of this asset (Replace, or after a taken name)
    enum class Phase { sending, done, failed, name_taken } phase = Phase::sending;
    double sent = 0, total = 0; // upload progress in bytes
    std::string error;          // failed: the message shown, naming the file
    Id existing = 0;            // name_taken: the file that has the name
    std::string new_name;       // name_taken: the rename field
    std::string bytes;          // kept until it is stored (replace or rename after a 409)
    int request = 0;
    int batch = 0;
};

// A text file open in the code editor.
struct OpenTextFile {
    Id asset_id = 0;
    std::string filename;
    std::string mimetype;
    bool loaded = false;
    std::string load_error;
    int load_request = 0;
    std::string saved_text; // what the server holds
    bool saving = false;
    std::string sending;
    int save_request = 0;
    std::string error;          // a failed save
    bool confirm_close = false; // closing with unsaved changes asks first
    std::unique_ptr<editor::CodeEditor> editor;
    bool dirty() const { return editor && loaded && editor->text() != saved_text; }
};

struct PartFiles {
    Id part_id = 0; // whose files `list` holds
    Remote<std::vector<Asset>> list;
    std::int64_t upload_limit = 0; // bytes, from the server's list; 0 until known
    std::vector<UploadRow> uploads;
    int next_upload = 1, next_batch = 1;
    // Batches sent through part_files::upload() that wait for every file.
    struct Batch {
        std::vector<UploadOutcome> outcomes; // one per row, in order
        std::vector<int> rows;               // their keys
        std::function<void(const std::vector<UploadOutcome>&)> on_done;
    };
    std::map<int, Batch> batches;

    Id selected = 0; // the row whose actions are shown
    enum class Form { none, rename, mimetype, confirm_delete } form = Form::none;
    std::string field; // the rename or mimetype text
    bool busy = false; // a change on its way
    std::string error; // the last change the server refused
    int change_request = 0;

    // Picker requests on their way: new files of a kind, or the bytes for Replace.
    int pick_request = 0;
    AssetKind pick_kind = AssetKind::asset;
    Id pick_replaces = 0;

    OpenTextFile text;

    // Where the templates list was drawn this frame (CSS px from the canvas's
    // top left): files dropped there become templates, elsewhere assets.
    float templates_top = -1, templates_bottom = -1;
    platform::DragHover hover; // files dragged over the canvas now
    // Files dropped while the Files screen was not showing, for the screen
    // on show (the content editor) to take this frame; cleared every frame.
    std::vector<platform::FileDrop> dropped_elsewhere;

    const Asset* find(Id id) const;
};

struct PartFilesActions {
    std::optional<Id> load;                   // the files of this part (Retry)
    std::optional<AssetKind> pick;            // choose new files of this kind
    std::optional<Id> select;                 // 0: none
    std::optional<PartFiles::Form> open_form; // for the selected file
    bool cancel_form = false;
    bool commit_form = false;           // rename, mimetype or delete, as the form says
    std::optional<Id> pick_replacement; // new bytes for this file
    std::optional<int> move;            // the selected file, -1 up or +1 down
    std::optional<Id> open_text;        // in the code editor
    bool save_text = false;
    bool close_text = false; // asks first when there are unsaved changes
    bool discard_text = false;
    std::optional<int> replace_existing; // an upload row whose name was taken
    std::optional<int> upload_renamed;   // ... sent again under its new name
    std::optional<int> dismiss_upload;   // a finished or failed row
    bool any() const {
        return load || pick || select || open_form || cancel_form || commit_form ||
               pick_replacement || move || open_text || save_text || close_text || discard_text ||
               replace_existing || upload_renamed || dismiss_upload;
    }
};

namespace part_files {
// Loads the part's files (entering #/parts/N/files).
void load(App& app, Id part_id);
void apply(App& app, PartFilesActions& a);
// Picks and drops the browser reported since the last call.
void poll(App& app);

// Uploads `files` to `part_id` as `kind`, each with its own progress row in
// state.files.uploads; on_done (optional) once every file is stored or
// refused (a taken name counts as not created, with name_taken and the
// existing file's id, so an editor can reference that one instead).
void upload(App& app, Id part_id, AssetKind kind, std::vector<platform::PickedFile> files,
            std::function<void(const std::vector<UploadOutcome>&)> on_done = nullptr);

// "12 KB", "1.5 MB": sizes as people read them (1 KB = 1024 bytes).
std::string size_text(std::int64_t bytes);
// "big.png is 12 MB; files can be at most 10 MB." — the upload limit message.
std::string too_large_text(const std::string& filename, std::int64_t size, std::int64_t limit);
// Text files open in the code editor: HTML, CSS, JavaScript, JSON, plain text, ...
bool is_text(const std::string& mimetype);
// The editor's language for a mimetype ("text/css" → "css").
std::string language_for(const std::string& mimetype);
// "photo (2).png" for "photo.png": a name to offer when one is taken.
std::string another_name(const std::string& filename, const std::vector<Asset>& taken,
                         AssetKind kind);
// The URL of a file's bytes that changes with its content (thumbnails).
std::string thumbnail_url(const Asset& a);
} // namespace part_files

} // namespace wte::client
