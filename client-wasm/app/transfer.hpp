// Feature: courses in and out (FEATURES, issue 11) — "Export" of a node the
// teacher may edit and "Offline copy" of a module or part (both downloads the
// browser streams to disk), and "Import" of a ZIP on the module list (a new
// module) and on a module or part (a part or page inside it): a file picker
// or a file dropped on the screen, the upload's progress, then what was
// created (a link to it) or the server's refusal, in place.
#pragma once

#include "wte/api.hpp"

#include <optional>
#include <string>

namespace wte::client {

class App;
struct AppState;

struct ImportPanel {
    bool open = false;
    std::optional<Id> parent; // nullopt: a new module at top level
    int pick_request = 0;
    std::string filename;
    double sent = 0, total = 0; // bytes of the upload going up
    int request = 0;            // the upload on its way, 0 when none
    std::string error;
    // What the last import made.
    Id created_id = 0;
    std::string created_title;
    std::string created_summary; // "2 parts, 7 pages and 3 files."
    bool busy() const { return request != 0; }
};

struct TransferActions {
    std::optional<Id> export_node;
    std::optional<Id> offline_copy;
    // Opens the import panel for a parent (nullopt inside: top level).
    std::optional<std::optional<Id>> open_import;
    bool close_import = false;
    bool pick = false;
    bool any() const { return export_node || offline_copy || open_import || close_import || pick; }
};

namespace transfer {
void apply(App& app, TransferActions& a);
// Takes the picked file and files dropped on a screen showing the panel.
void poll(App& app);
// Whether the import panel belongs to the screen on screen now.
bool panel_here(const AppState& s);
} // namespace transfer

} // namespace wte::client
