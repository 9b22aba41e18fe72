// Stand-in for the preview pane (app/preview.hpp, screens/preview_pane.cpp,
// written on the ws-preview branch) with the same calls, so the workspace
// builds and runs before it lands. Swap: include "app/preview.hpp" in
// app/workspace.hpp instead of this file, and delete it.
#pragma once

#include "app/platform_port.hpp"
#include "wte/domain.hpp"

#include <imgui.h>

#include <string>

namespace wte::client {

struct AppState;
struct Actions;

struct PreviewPane {
    Id part = 0;
    std::string url;
    int reloads = 0; // saves that asked the frame to show the new files
};

inline void preview_open(PreviewPane& p, Id part, const std::string& preview_url) {
    p = {};
    p.part = part;
    p.url = preview_url;
}
inline void preview_reload(PreviewPane& p) {
    ++p.reloads;
}
inline void preview_close(PreviewPane& p, PlatformPort&) {
    p = {};
}

// A plain pane titled "Preview" in the space the real one will fill.
void draw_preview_pane(AppState& state, Actions& actions, ImVec2 size);

} // namespace wte::client
