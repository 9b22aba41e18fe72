// Feature: the teacher changes the content tree (screens/tree_edit.cpp draws
// it): a new module, part or page (at a place among its siblings), the edit
// dialog of the node on screen (title, status, label, display mode, a
// module's access), deleting it once the impact is shown, and a new order of
// its children (moved up / down or dragged) saved as one children_order.
// Who sees these controls is decided by shared-model (can.edit, can.delete,
// can_create_module); the server checks again.
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;

enum class TreeDialogKind { none, create, edit, remove };

// The one dialog open at a time, drawn inline by the screen it belongs to.
struct TreeDialog {
    TreeDialogKind kind = TreeDialogKind::none;
    Id node = 0;                    // edit, remove: the node; create: the parent (0: a module)
    PartType type = PartType::page; // create: what is made; else the node's type
    int order = -1;                 // create: index among the siblings, -1 last
    std::string place;              // create: "after “Intro”", shown in its heading
    std::string title, label;
    Status status = Status::unavailable;
    DisplayMode display_mode = DisplayMode::text_only;
    // A module's access (edit): both conditions must hold to take it.
    bool has_password = false; // the module has one now
    std::string password;      // a new password; empty keeps the current one
    bool remove_password = false;
    std::string email_domains; // as typed: "example.org, school.example"
    // remove: what goes with the node, asked when the dialog opens.
    Remote<api::DeleteImpact> impact;
    bool focus_title = false; // the frame after it opened: the caret goes to the title
    bool busy = false;
    std::string error;       // the client's check or the server's refusal
    std::string error_field; // the field it is about ("title", "email_domains"), if one
    int request = 0;
    bool open() const { return kind != TreeDialogKind::none; }
};

struct TreeEditState {
    TreeDialog dialog;
    Id arrange_open = 0; // the child row whose Move / Add buttons are shown
    bool reordering = false;
    std::string reorder_error;
    int reorder_request = 0;
};

struct TreeCreateAsk {
    Id parent = 0; // 0: a new module
    PartType type = PartType::module;
    int order = -1;
    std::string place;
};
struct TreeMove {
    Id child = 0; // a child of the node on screen
    int by = 0;   // -1 up, +1 down
};
struct TreeReorder {
    Id parent = 0;
    std::vector<Id> children; // the new order, every child once
};

struct TreeEditActions {
    std::optional<TreeCreateAsk> create; // open the "New …" dialog
    std::optional<Id> edit;              // open the edit dialog of the node on screen
    std::optional<Id> remove;            // open the delete confirmation (asks the impact)
    bool save = false;                   // create or edit: send
    bool confirm_delete = false;
    bool cancel = false;
    std::optional<Id> arrange; // show / hide a row's buttons
    std::optional<TreeMove> move;
    std::optional<TreeReorder> reorder; // dropped after a drag
    bool any() const {
        return create || edit || remove || save || confirm_delete || cancel || arrange || move ||
               reorder;
    }
};

namespace tree_edit {
// May the signed-in user create modules (the me payload's permissions)?
bool may_create_module(const AppState& s);
// "example.org, school.example" → {"example.org", "school.example"}.
std::vector<std::string> split_domains(const std::string& typed);
// `ids` with `id` moved by `by` places (unchanged at either end).
std::vector<Id> moved(const std::vector<Id>& ids, Id id, int by);
void apply(App& app, TreeEditActions& a);
} // namespace tree_edit

} // namespace wte::client
