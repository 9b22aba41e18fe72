// Helpers shared by the widget implementations only (not by screens).
#pragma once

#include <imgui.h>

namespace wte::ui {

inline void hand_cursor_if_hovered() {
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// widgets/progress.cpp: a rounded track filled done/total (the success colour
// when complete), and a check drawn with lines (no font needs the glyph).
void progress_track(ImDrawList* dl, ImVec2 min, ImVec2 max, int done, int total);
void check_mark(ImDrawList* dl, ImVec2 centre, float radius, ImU32 colour);

// widgets/layout.cpp: a column of `width` at the cursor's indent (begin_width).
void push_column_width(float width);
void pop_column_width();

} // namespace wte::ui
