// Buttons, links, navigation tabs and toggles: ImGui items with the theme's
// colours, a hand cursor, and a record for the UI test bridge.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

namespace wte::ui {

bool button(const char* label, ButtonKind kind, bool enabled, float width) {
    const Palette& p = palette();
    ImU32 bg = p.accent, hover = p.accent_hover, active = p.accent_active, text = p.on_accent;
    ImU32 border = p.accent;
    switch (kind) {
    case ButtonKind::primary:
        break;
    case ButtonKind::secondary:
        bg = p.surface, hover = p.surface_hover, active = p.accent_soft, text = p.text;
        border = p.border_strong;
        break;
    case ButtonKind::subtle:
        bg = IM_COL32(0, 0, 0, 0), hover = p.surface_hover, active = p.accent_soft;
        text = p.link, border = IM_COL32(0, 0, 0, 0);
        break;
    case ButtonKind::danger:
        bg = p.surface, hover = p.danger_soft, active = p.danger_soft, text = p.danger;
        border = p.danger;
        break;
    }
    FontScope f(kind == ButtonKind::primary ? FontRole::bold : FontRole::body);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(18_s, 10_s));
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label, ImVec2(width, 0));
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar();
    if (enabled) hand_cursor_if_hovered();
    probe::widget(probe::visible_label(label), "button", enabled, false, ImGui::IsItemFocused());
    return pressed && enabled;
}

float button_width(const char* label, ButtonKind kind) {
    FontScope f(kind == ButtonKind::primary ? FontRole::bold : FontRole::body);
    return ImGui::CalcTextSize(label, nullptr, true).x + 36_s;
}

bool link(const std::string& text, FontRole role, const char* id) {
    FontScope f(role);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id ? id : text.c_str());
    const bool pressed = ImGui::InvisibleButton("##link", size);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const Palette& p = palette();
    const ImU32 colour = hovered ? p.link_hover : p.link;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(pos, colour, text.c_str());
    if (hovered || high_contrast()) {
        const float y = pos.y + size.y - 1_s;
        dl->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + size.x, y), colour, 1_s);
    }
    hand_cursor_if_hovered();
    probe::widget(text, "link", true, false, ImGui::IsItemFocused());
    return pressed;
}

bool tab(const char* label, bool active) {
    // Sized for the bold label so a tab does not change width when selected.
    const std::string text = probe::visible_label(label);
    ImFont* bold = font(FontRole::bold);
    const ImVec2 bold_size = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, text.c_str());
    FontScope f(active ? FontRole::bold : FontRole::body);
    const ImVec2 pad(14_s, 10_s);
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(bold_size.x + 2 * pad.x, bold_size.y + 2 * pad.y);
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##tab", size);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered && !active)
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.surface_hover, 8_s);
    dl->AddText(ImVec2(pos.x + (size.x - text_size.x) * 0.5f, pos.y + pad.y),
                active ? p.accent : p.text, text.c_str());
    if (active)
        dl->AddRectFilled(ImVec2(pos.x + pad.x * 0.5f, pos.y + size.y - 3_s),
                          ImVec2(pos.x + size.x - pad.x * 0.5f, pos.y + size.y), p.accent, 2_s);
    hand_cursor_if_hovered();
    probe::widget(text, "tab", true, active, ImGui::IsItemFocused());
    return pressed;
}

bool toggle(const char* label, bool& value) {
    FontScope f(FontRole::small);
    const std::string text = probe::visible_label(label);
    const ImVec2 track(34_s, 20_s);
    const float gap = 8_s;
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
    const float height = std::max(track.y, text_size.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool pressed =
        ImGui::InvisibleButton("##toggle", ImVec2(track.x + gap + text_size.x, height));
    ImGui::PopID();
    if (pressed) value = !value;
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 t0(pos.x, pos.y + (height - track.y) * 0.5f);
    const ImVec2 t1(t0.x + track.x, t0.y + track.y);
    dl->AddRectFilled(t0, t1, value ? p.accent : p.border_strong, track.y * 0.5f);
    const float r = track.y * 0.5f - 3_s;
    const float cx = value ? t1.x - track.y * 0.5f : t0.x + track.y * 0.5f;
    dl->AddCircleFilled(ImVec2(cx, t0.y + track.y * 0.5f), r, value ? p.on_accent : p.surface, 24);
    dl->AddText(ImVec2(t1.x + gap, pos.y + (height - text_size.y) * 0.5f), p.text, text.c_str());
    hand_cursor_if_hovered();
    probe::widget(text, "checkbox", true, value, ImGui::IsItemFocused());
    return pressed;
}

} // namespace wte::ui
