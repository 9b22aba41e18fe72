// Text fields: a label above, an ImGui InputText with a focus ring, and a
// record for the UI test bridge ("input", focused while it has the caret).
// Typed, composed and pasted characters reach it through the hidden
// <textarea> bridge (see main.cpp and web/js/bridge.js).
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <imgui_stdlib.h>

namespace wte::ui {

namespace {
int g_active_frame = -1;
ImVec2 g_active_min, g_active_max;
} // namespace

bool active_text_field(ImVec2& min, ImVec2& max) {
    if (g_active_frame != ImGui::GetFrameCount()) return false;
    min = g_active_min;
    max = g_active_max;
    return true;
}

void report_active_text_field(ImVec2 min, ImVec2 max) {
    g_active_frame = ImGui::GetFrameCount();
    g_active_min = min;
    g_active_max = max;
}

bool text_field(const char* label_text, std::string& value, const TextFieldOptions& options) {
    const std::string visible = probe::visible_label(label_text);
    if (!visible.empty()) {
        label(visible);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4_s);
    }
    const float width = options.width > 0 ? options.width : column_width();
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (options.password) flags |= ImGuiInputTextFlags_Password;

    FontScope f(FontRole::body);
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12_s, 10_s));
    ImGui::PushStyleColor(ImGuiCol_Border, p.border_strong);
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, p.text_muted);
    ImGui::SetNextItemWidth(width);
    if (options.focus) ImGui::SetKeyboardFocusHere();
    if (!options.enabled) ImGui::BeginDisabled();
    const std::string id = std::string("##") + label_text;
    const bool entered = ImGui::InputTextWithHint(id.c_str(), options.hint, &value, flags);
    if (!options.enabled) ImGui::EndDisabled();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();

    const bool active = ImGui::IsItemActive();
    if (active) {
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        g_active_frame = ImGui::GetFrameCount();
        keep_animating(); // the caret blinks
        g_active_min = min;
        g_active_max = max;
        const float g = 1_s;
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - g, min.y - g),
                                            ImVec2(max.x + g, max.y + g), p.focus_ring, 8_s + g, 0,
                                            2.5_s);
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    probe::widget(visible.empty() ? std::string(label_text) : visible, "input", options.enabled,
                  false, active);
    if (options.password)
        probe::widget_password();
    else
        probe::widget_value(value);
    return entered;
}

} // namespace wte::ui
