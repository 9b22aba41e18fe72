// Helpers shared by the widget implementations only (not by screens).
#pragma once

#include <imgui.h>

namespace wte::ui {

inline void hand_cursor_if_hovered() {
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

} // namespace wte::ui
