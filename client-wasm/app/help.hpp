// Feature: the help panel beside any screen (F1 or "Help" in the top bar;
// Esc closes it). For authors: a reStructuredText primer in which every
// example is shown as source beside its rendering by a PageRenderer of its
// own (the renderer learners see, so the help cannot drift from the pages),
// the editor's shortcuts, and how quizzes, show-hide and cross-references are
// written. For learners: a short help on the workspace. The texts are data
// here; screens/help.cpp draws them.
#pragma once

#include "render/page_renderer.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;

struct HelpExample {
    std::string title;
    std::string source; // reStructuredText that parses without diagnostics
    std::string note;   // a line on when to use it; may be empty
};

struct HelpSection {
    std::string title;
    std::string intro; // paragraphs separated by "\n\n"
    std::vector<HelpExample> examples;
};

struct HelpShortcut {
    std::string keys, what;
};

namespace help {
// Every construct, every WTE directive and role, in the order a teacher meets them.
const std::vector<HelpSection>& primer();
const std::vector<HelpShortcut>& editor_shortcuts();
// Saving, preview, console, downloads: for learners in a three-pane part.
const std::vector<HelpSection>& workspace_help();
} // namespace help

enum class HelpTab { writing, shortcuts, workspace };

struct HelpPanel {
    bool open = false;
    HelpTab tab = HelpTab::writing;
    // One renderer per primer example, in primer() order (made on first open).
    std::vector<std::unique_ptr<render::PageRenderer>> renderers;
};

struct HelpActions {
    bool toggle = false; // F1, or "Help" in the top bar
    bool close = false;  // Esc, or the panel's close button
    std::optional<HelpTab> tab;
    // Opening: the tab that fits the screen (the workspace help there).
    bool on_workspace = false;
    bool any() const { return toggle || close || tab; }
};

namespace help {
void apply(App& app, HelpActions& a);
// Answers the primer renderers' needs: no network (examples live on no
// part); quiz answers are not checked, cross-references show their id.
void fulfil(App& app);
// May the signed-in user write pages (shown the primer)?
bool is_author(const AppState& s);
} // namespace help

} // namespace wte::client
