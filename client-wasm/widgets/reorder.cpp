// Dragging rows into a new order: the grip a row is held by, the line that
// shows where it will land, and a narrower slot for a row that shares its
// line with a grip and buttons. Where the row lands is the screen's to work
// out (it knows the rows); this file only draws and reports.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

namespace wte::ui {

GripState drag_grip(const char* label, float height) {
    const ImVec2 size(28_s, height);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    ImGui::InvisibleButton("##grip", size);
    ImGui::PopID();
    GripState state;
    state.held = ImGui::IsItemActive();
    state.released = ImGui::IsItemDeactivated();
    const bool hovered = ImGui::IsItemHovered();
    if (hovered || state.held) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || state.held)
        dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y),
                          state.held ? p.accent_soft : p.surface_hover, 6_s);
    const ImU32 dots = state.held || hovered ? p.accent : p.text_muted;
    const float cx = min.x + size.x * 0.5f, cy = min.y + size.y * 0.5f;
    for (int row = -1; row <= 1; ++row)
        for (int col = 0; col < 2; ++col)
            dl->AddCircleFilled(
                ImVec2(cx + (col ? 3.5f : -3.5f) * scale(), cy + static_cast<float>(row) * 7_s),
                1.8f * scale(), dots);
    probe::widget(probe::visible_label(label), "handle", true, state.held, false);
    return state;
}

void drop_line(float x, float y, float width) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(x, y), ImVec2(x + width, y), p.accent, 3_s);
    dl->AddCircleFilled(ImVec2(x, y), 5_s, p.accent, 16);
}

void begin_width(float width) {
    push_column_width(width);
}

void end_width() {
    pop_column_width();
}

} // namespace wte::ui
