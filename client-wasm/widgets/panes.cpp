// Controls of screens split into panes (the three-pane workspace): a
// splitter bar the pointer drags, a small square button for a pane's header
// (collapse, expand) and a pane's collapsed strip.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

namespace wte::ui {

float splitter(const char* label, float height) {
    const float width = 8_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    ImGui::InvisibleButton("##splitter", ImVec2(width, height));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cx = min.x + width * 0.5f;
    dl->AddLine(ImVec2(cx, min.y), ImVec2(cx, min.y + height),
                active || hovered ? p.accent : p.border, active || hovered ? 3_s : 1_s);
    // A grip in the middle, so the bar reads as something to drag.
    const float cy = min.y + height * 0.5f;
    for (int i = -1; i <= 1; ++i)
        dl->AddCircleFilled(ImVec2(cx, cy + static_cast<float>(i) * 6_s), 1.5f * scale(),
                            p.text_muted);
    probe::widget(probe::visible_label(label), "splitter", true, active, false);
    return active ? ImGui::GetIO().MouseDelta.x : 0.0f;
}

bool icon_button(const char* label, const char* glyph) {
    FontScope f(FontRole::bold);
    const ImVec2 size(28_s, 28_s);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##icon", size);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered)
        dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), p.surface_hover, 6_s);
    const ImVec2 ts = ImGui::CalcTextSize(glyph);
    dl->AddText(ImVec2(min.x + (size.x - ts.x) * 0.5f, min.y + (size.y - ts.y) * 0.5f),
                hovered ? p.accent : p.text_muted, glyph);
    hand_cursor_if_hovered();
    probe::widget(probe::visible_label(label), "button", true, false, ImGui::IsItemFocused());
    return pressed;
}

bool collapsed_strip(const char* label, float height) {
    const std::string text = probe::visible_label(label);
    const ImVec2 size(28_s, height);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##strip", size);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    dl->AddRectFilled(min, max, hovered ? p.surface_hover : p.surface_sunken, 6_s);
    dl->AddRect(min, max, p.border, 6_s);
    // The pane's name, one letter a line (ImGui draws no rotated text).
    FontScope f(FontRole::small_bold);
    const float line = ImGui::GetTextLineHeight();
    float y = min.y + 12_s;
    for (char c : text) {
        if (y + line > max.y - 8_s) break;
        const char s[2] = {c, 0};
        const float w = ImGui::CalcTextSize(s).x;
        dl->AddText(ImVec2(min.x + (size.x - w) * 0.5f, y), hovered ? p.accent : p.text_muted, s);
        y += line;
    }
    hand_cursor_if_hovered();
    probe::widget(text, "button", true, false, ImGui::IsItemFocused());
    return pressed;
}

} // namespace wte::ui
