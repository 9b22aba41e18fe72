// Text widgets: headings, paragraphs, labels, error and notice boxes, badges.
// Every one is recorded for the UI test bridge with its rectangle.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <algorithm>

namespace wte::ui {

namespace {
void wrapped(const std::string& text, FontRole role, ImU32 colour, int heading_level = 0) {
    FontScope f(role);
    ColorScope c(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    probe::text(text);
    if (heading_level > 0) probe::text_heading(heading_level);
}

// A rounded box with wrapped text inside, as wide as the column, with an
// optional button at its right end; returns true when the button is pressed.
bool boxed(const std::string& text, ImU32 background, ImU32 border, ImU32 colour,
           const char* action = nullptr) {
    FontScope f(FontRole::body);
    const float width = column_width();
    const float bar = 4_s;
    const float button_w = action ? ImGui::CalcTextSize(action).x + 36_s : 0.0f;
    const float button_h = ImGui::GetFontSize() + 20_s;
    const ImVec2 pad(14_s, action ? 8_s : 11_s);
    const float wrap = width - 2 * pad.x - bar - (action ? button_w + 12_s : 0.0f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float inner_h = std::max(size.y, action ? button_h : 0.0f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + inner_h + 2 * pad.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, background, 8_s);
    dl->AddRectFilled(min, ImVec2(min.x + bar, max.y), border, 8_s, ImDrawFlags_RoundCornersLeft);
    const ImVec2 text_pos(min.x + bar + pad.x, min.y + pad.y + (inner_h - size.y) * 0.5f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour, text.c_str(), nullptr,
                wrap);
    ImGui::Dummy(ImVec2(width, max.y - min.y));
    probe::text_rect(text, text_pos, ImVec2(text_pos.x + size.x, text_pos.y + size.y));
    if (!action) return false;
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(
        ImVec2(max.x - pad.x - button_w, min.y + (max.y - min.y - button_h) * 0.5f));
    const bool pressed = button(action, ButtonKind::secondary);
    ImGui::SetCursorScreenPos(after);
    return pressed;
}
} // namespace

void heading(const std::string& text, int level) {
    const FontRole role = level <= 1 ? FontRole::h1 : level == 2 ? FontRole::h2 : FontRole::h3;
    wrapped(text, role, palette().heading, level);
}

void paragraph(const std::string& text) {
    wrapped(text, FontRole::body, palette().text);
}

void muted(const std::string& text, FontRole role) {
    wrapped(text, role, palette().text_muted);
}

void label(const std::string& text) {
    wrapped(text, FontRole::small_bold, palette().text);
}

void error_box(const std::string& text) {
    probe::announce(text, "alert");
    boxed(text, palette().danger_soft, palette().danger, palette().danger);
}

bool notice_box(const std::string& text, const char* action) {
    probe::announce(text, "status");
    return boxed(text, palette().success_soft, palette().success, palette().success, action);
}

void note_box(const std::string& text) {
    boxed(text, palette().warning_soft, palette().warning, palette().text);
}

bool warning_box(const std::string& text, const char* action) {
    probe::announce(text, "status");
    return boxed(text, palette().warning_soft, palette().warning, palette().text, action);
}

void badge(const std::string& text, bool accent) {
    FontScope f(FontRole::small_bold);
    const ImVec2 pad(8_s, 2_s);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x + 2 * pad.x, min.y + size.y + 2 * pad.y);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, accent ? p.accent_soft : p.background, (max.y - min.y) * 0.5f);
    dl->AddRect(min, max, accent ? p.accent : p.border_strong, (max.y - min.y) * 0.5f);
    dl->AddText(ImVec2(min.x + pad.x, min.y + pad.y), accent ? p.accent : p.text_muted,
                text.c_str());
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    probe::text_rect(text, min, max);
}

} // namespace wte::ui
