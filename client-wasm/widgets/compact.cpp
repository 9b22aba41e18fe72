// Compact controls and marks for panels: a disclosure header, a segmented
// choice, status pills and the clock badge of an upcoming timed action.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <cmath>

namespace wte::ui {

namespace {

struct ToneColours {
    ImU32 background, border, text;
};

ToneColours tone_colours(Tone tone) {
    const Palette& p = palette();
    switch (tone) {
    case Tone::accent:
        return {p.accent_soft, p.accent, p.accent};
    case Tone::success:
        return {p.success_soft, p.success, p.success};
    case Tone::warning:
        return {p.warning_soft, p.warning, p.warning};
    case Tone::danger:
        return {p.danger_soft, p.danger, p.danger};
    case Tone::neutral:
        break;
    }
    return {p.background, p.border_strong, p.text_muted};
}

// Pills share one shape with badge(): small bold text, 8 px sides, 2 px
// above and below, fully rounded ends.
ImVec2 pill_size(float content_w) {
    return ImVec2(content_w + 16_s, font(FontRole::small_bold)->FontSize + 4_s);
}

} // namespace

bool disclosure(const char* label, bool open, const std::string& detail) {
    const std::string text = probe::visible_label(label);
    const float width = column_width();
    const float height = 52_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##disclosure", ImVec2(width, height));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    hand_cursor_if_hovered();
    probe::widget(text, "button", true, open, ImGui::IsItemFocused());
    probe::widget_expanded(open);
    const ImVec2 max = ImGui::GetItemRectMax();

    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 12_s;
    dl->AddRectFilled(min, max, hovered ? p.surface_hover : p.surface, r);
    dl->AddRect(min, max, hovered ? p.accent : p.border, r, 0, high_contrast() ? 2_s : 1_s);

    const float cy = (min.y + max.y) * 0.5f;
    float x = min.x + 18_s;
    const float icon_r = 8_s;
    clock_icon(dl, ImVec2(x + icon_r, cy), icon_r, p.accent);
    x += 2 * icon_r + 12_s;
    ImFont* tf = font(FontRole::bold);
    const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, text.c_str());
    const ImVec2 tp(x, cy - ts.y * 0.5f);
    dl->AddText(tf, tf->FontSize, tp, p.heading, text.c_str());
    probe::text_rect(text, tp, ImVec2(tp.x + ts.x, tp.y + ts.y));

    // Chevron: pointing right when closed, down when open.
    const float cx = max.x - 24_s;
    const float c = 5_s;
    const ImU32 chevron = hovered ? p.accent : p.text_muted;
    if (open)
        dl->AddTriangleFilled(ImVec2(cx - c, cy - c * 0.5f), ImVec2(cx + c, cy - c * 0.5f),
                              ImVec2(cx, cy + c * 0.6f), chevron);
    else
        dl->AddTriangleFilled(ImVec2(cx - c * 0.5f, cy - c), ImVec2(cx - c * 0.5f, cy + c),
                              ImVec2(cx + c * 0.6f, cy), chevron);
    if (!detail.empty()) {
        ImFont* df = font(FontRole::small);
        const ImVec2 ds = df->CalcTextSizeA(df->FontSize, FLT_MAX, 0, detail.c_str());
        const ImVec2 dp(cx - c - 14_s - ds.x, cy - ds.y * 0.5f);
        dl->AddText(df, df->FontSize, dp, p.text_muted, detail.c_str());
        probe::text_rect(detail, dp, ImVec2(dp.x + ds.x, dp.y + ds.y));
    }
    return pressed;
}

bool segmented(const char* id, const std::vector<std::string>& options, int& selected,
               bool enabled) {
    FontScope f(FontRole::body);
    const Palette& p = palette();
    const ImVec2 pad(16_s, 9_s);
    const float height = ImGui::GetTextLineHeight() + 2 * pad.y;
    const float r = 8_s;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool changed = false;
    float x = start.x;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string& text = options[i];
        const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        const ImVec2 min(x, start.y);
        const ImVec2 max(x + ts.x + 2 * pad.x, start.y + height);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(static_cast<int>(i));
        if (!enabled) ImGui::BeginDisabled();
        const bool pressed = ImGui::InvisibleButton("##segment", ImVec2(max.x - min.x, height));
        if (!enabled) ImGui::EndDisabled();
        ImGui::PopID();
        const bool on = selected == static_cast<int>(i);
        const bool hovered = enabled && ImGui::IsItemHovered();
        if (enabled) hand_cursor_if_hovered();
        probe::widget(text, "radio", enabled, on, ImGui::IsItemFocused());
        if (pressed && enabled && !on) {
            selected = static_cast<int>(i);
            changed = true;
        }
        ImDrawFlags corners = ImDrawFlags_RoundCornersNone;
        if (i == 0) corners |= ImDrawFlags_RoundCornersLeft;
        if (i + 1 == options.size()) corners |= ImDrawFlags_RoundCornersRight;
        const ImU32 bg = on ? p.accent_soft : hovered ? p.surface_hover : p.surface;
        dl->AddRectFilled(min, max, bg, r, corners);
        dl->AddRect(min, max, on ? p.accent : p.border_strong, r, corners,
                    on || high_contrast() ? 1.5_s : 1_s);
        ImFont* tf = font(on ? FontRole::bold : FontRole::body);
        const ImVec2 bs = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, text.c_str());
        dl->AddText(tf, tf->FontSize,
                    ImVec2(min.x + (max.x - min.x - bs.x) * 0.5f, min.y + (height - bs.y) * 0.5f),
                    on        ? p.accent
                    : enabled ? p.text
                              : p.text_muted,
                    text.c_str());
        x = max.x - 1_s; // neighbours share their border
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(x - start.x, height));
    return changed;
}

void clock_icon(ImDrawList* dl, ImVec2 c, float radius, ImU32 colour) {
    const float w = std::max(1.0f, radius * 0.2f);
    dl->AddCircle(c, radius - w * 0.5f, colour, 24, w);
    dl->AddLine(c, ImVec2(c.x, c.y - radius * 0.55f), colour, w);
    dl->AddLine(c, ImVec2(c.x + radius * 0.45f, c.y + radius * 0.1f), colour, w);
}

float clock_badge_width(const std::string& text) {
    ImFont* f = font(FontRole::small_bold);
    const float icon = f->FontSize * 0.78f;
    return pill_size(icon + 5_s + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str()).x).x;
}

void clock_badge_at(ImDrawList* dl, ImVec2 left_centre, const std::string& text) {
    const ToneColours c = tone_colours(Tone::accent);
    ImFont* f = font(FontRole::small_bold);
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    const float icon = f->FontSize * 0.78f;
    const ImVec2 size = pill_size(icon + 5_s + ts.x);
    const ImVec2 min(left_centre.x, std::round(left_centre.y - size.y * 0.5f));
    const ImVec2 max(min.x + size.x, min.y + size.y);
    dl->AddRectFilled(min, max, c.background, size.y * 0.5f);
    dl->AddRect(min, max, c.border, size.y * 0.5f);
    const float cy = (min.y + max.y) * 0.5f;
    clock_icon(dl, ImVec2(min.x + 8_s + icon * 0.5f, cy), icon * 0.5f, c.text);
    const ImVec2 tp(min.x + 8_s + icon + 5_s, cy - ts.y * 0.5f);
    dl->AddText(f, f->FontSize, tp, c.text, text.c_str());
    probe::text_rect(text, min, max);
}

void clock_badge(const std::string& text) {
    const float w = clock_badge_width(text);
    const float h = pill_size(0).y;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    clock_badge_at(ImGui::GetWindowDrawList(), ImVec2(min.x, min.y + h * 0.5f), text);
    ImGui::Dummy(ImVec2(w, h));
}

void status_pill(const std::string& text, Tone tone) {
    const ToneColours c = tone_colours(tone);
    ImFont* f = font(FontRole::small_bold);
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    const ImVec2 size = pill_size(ts.x);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, c.background, size.y * 0.5f);
    dl->AddRect(min, max, c.border, size.y * 0.5f);
    dl->AddText(f, f->FontSize, ImVec2(min.x + 8_s, min.y + (size.y - ts.y) * 0.5f), c.text,
                text.c_str());
    ImGui::Dummy(size);
    probe::text_rect(text, min, max);
}

} // namespace wte::ui

namespace wte::ui {

int picker(const char* label, const std::vector<std::string>& options, int selected) {
    // Open or closed is the widget's own state, kept where ImGui keeps it.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(label);
    const bool open = storage->GetBool(key, false);
    if (button(label, ButtonKind::secondary)) storage->SetBool(key, !open);
    int picked = -1;
    if (!open) return picked;
    ImGui::PushID(label);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const bool on = static_cast<int>(i) == selected;
        const std::string id = "option" + std::to_string(i);
        if (link(options[i], on ? FontRole::bold : FontRole::body, id.c_str()) && !on) {
            picked = static_cast<int>(i);
            storage->SetBool(key, false);
        }
    }
    ImGui::PopID();
    return picked;
}

} // namespace wte::ui
