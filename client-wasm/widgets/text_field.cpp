// Text fields: a label above, an ImGui InputText with a focus ring, and a
// record for the UI test bridge ("input", focused while it has the caret,
// with the caret and selection). Text is edited in the field's own mirror
// <input> (web/js/a11y.js), which holds the whole value: its edits and caret
// moves arrive as whole-text edits (ui/probe.hpp FieldEdit) and are applied
// here, so IME, dictation, mobile keyboards and a screen reader work on a
// real element.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace wte::ui {

namespace {
int g_active_frame = -1;
ImVec2 g_active_min, g_active_max;

// What the active field's callback saw this frame, for its record.
struct CaretSeen {
    ImGuiID id = 0;
    int anchor = 0, caret = 0;
};
CaretSeen g_caret;

// Called every frame while the field is active: the mirror's edit replaces
// the text and selection, then the caret is noted for the mirror.
int follow_mirror(ImGuiInputTextCallbackData* data) {
    const ImGuiID id = *static_cast<const ImGuiID*>(data->UserData);
    if (auto edit = probe::take_field_edit(id)) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, edit->text.data(), edit->text.data() + edit->text.size());
        const int n = data->BufTextLen;
        data->SelectionStart = std::clamp(edit->anchor, 0, n);
        data->CursorPos = data->SelectionEnd = std::clamp(edit->caret, 0, n);
    }
    // ImGui keeps the caret at the selection's moving end.
    const int other =
        data->SelectionStart == data->CursorPos ? data->SelectionEnd : data->SelectionStart;
    g_caret = {id, data->HasSelection() ? other : data->CursorPos, data->CursorPos};
    return 0;
}
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
    ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways;
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
    ImGuiID item = ImGui::GetID(id.c_str());
    const bool entered =
        ImGui::InputTextWithHint(id.c_str(), options.hint, &value, flags, follow_mirror, &item);
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
        probe::widget_password(!value.empty());
    else
        probe::widget_value(value);
    if (active && g_caret.id == item) probe::widget_caret(g_caret.anchor, g_caret.caret);
    probe::widget_invalid(options.error);
    return entered;
}

} // namespace wte::ui
