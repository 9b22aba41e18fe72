// Widgets of the Files screen and the help: a file row with its thumbnail,
// a box of source text, and the outline of a drop target.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <algorithm>
#include <cstdint>

namespace wte::ui {

bool file_row(const std::string& name, const std::string& detail, unsigned texture, int tex_w,
              int tex_h, bool selected) {
    const Palette& p = palette();
    const float w = column_width();
    const float h = 56_s, thumb = 40_s, pad = 8_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + w, min.y + h);
    ImGui::PushID(name.c_str());
    const bool pressed = ImGui::InvisibleButton("##file", ImVec2(w, h));
    ImGui::PopID();
    probe::widget(name, "link", true, selected, ImGui::IsItemFocused());
    probe::widget_list_item();
    const bool hovered = ImGui::IsItemHovered();
    hand_cursor_if_hovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected || hovered)
        dl->AddRectFilled(min, max, selected ? p.accent_soft : p.surface_hover, 8_s);
    if (selected) dl->AddRect(min, max, p.accent, 8_s, 0, 1_s);

    const ImVec2 t0(min.x + pad, min.y + (h - thumb) * 0.5f);
    const ImVec2 t1(t0.x + thumb, t0.y + thumb);
    dl->AddRectFilled(t0, t1, p.code_bg, 6_s);
    if (texture && tex_w > 0 && tex_h > 0) {
        // Fitted inside the tile, aspect kept.
        const float k =
            std::min(thumb / static_cast<float>(tex_w), thumb / static_cast<float>(tex_h));
        const ImVec2 size(static_cast<float>(tex_w) * k, static_cast<float>(tex_h) * k);
        const ImVec2 i0(t0.x + (thumb - size.x) * 0.5f, t0.y + (thumb - size.y) * 0.5f);
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)), i0,
                     ImVec2(i0.x + size.x, i0.y + size.y));
    } else {
        const auto dot = name.rfind('.');
        std::string ext = dot == std::string::npos ? "FILE" : name.substr(dot + 1, 4);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
            return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        });
        ImFont* f = font(FontRole::small_bold);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, ext.c_str());
        dl->AddText(f, f->FontSize,
                    ImVec2(t0.x + (thumb - ts.x) * 0.5f, t0.y + (thumb - ts.y) * 0.5f),
                    p.text_muted, ext.c_str());
    }
    dl->AddRect(t0, t1, p.border, 6_s, 0, 1_s);

    const float x = t1.x + 12_s;
    ImFont* bold = font(FontRole::bold);
    ImFont* small = font(FontRole::small);
    const float text_h = bold->FontSize + 2_s + small->FontSize;
    const float y = min.y + (h - text_h) * 0.5f;
    dl->PushClipRect(min, max, true);
    dl->AddText(bold, bold->FontSize, ImVec2(x, y), p.heading, name.c_str());
    dl->AddText(small, small->FontSize, ImVec2(x, y + bold->FontSize + 2_s), p.text_muted,
                detail.c_str());
    dl->PopClipRect();
    probe::text_rect(detail, ImVec2(x, y + bold->FontSize + 2_s), ImVec2(max.x, max.y));
    return pressed;
}

void source_box(const std::string& text, float width) {
    const Palette& p = palette();
    FontScope f(FontRole::mono_small);
    const float w = width > 0 ? width : column_width();
    const ImVec2 pad(10_s, 8_s);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), text.c_str() + text.size());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + w, min.y + size.y + 2 * pad.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, p.code_bg, 6_s);
    dl->AddRect(min, max, p.border, 6_s, 0, 1_s);
    dl->PushClipRect(min, max, true);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x + pad.x, min.y + pad.y),
                p.text, text.c_str(), text.c_str() + text.size());
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(w, max.y - min.y));
    probe::text_rect(text, min, max);
}

void drop_outline(ImVec2 min, ImVec2 max) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, p.accent_soft, 12_s);
    // Dashes along each edge.
    const float dash = 10_s, gap = 6_s, t = 2_s;
    for (float x = min.x + 12_s; x < max.x - 12_s; x += dash + gap) {
        const float e = std::min(x + dash, max.x - 12_s);
        dl->AddLine(ImVec2(x, min.y), ImVec2(e, min.y), p.accent, t);
        dl->AddLine(ImVec2(x, max.y), ImVec2(e, max.y), p.accent, t);
    }
    for (float y = min.y + 12_s; y < max.y - 12_s; y += dash + gap) {
        const float e = std::min(y + dash, max.y - 12_s);
        dl->AddLine(ImVec2(min.x, y), ImVec2(min.x, e), p.accent, t);
        dl->AddLine(ImVec2(max.x, y), ImVec2(max.x, e), p.accent, t);
    }
}

} // namespace wte::ui
