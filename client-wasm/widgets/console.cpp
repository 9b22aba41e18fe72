// The console widget: a sunken, scrolling box of monospace lines (the live
// preview's console). Lines wrap at the box's width; only the lines in view
// are laid out, so hundreds of lines cost little per frame.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <string>

namespace wte::ui {

namespace {
ImU32 tone_colour(Tone tone) {
    const Palette& p = palette();
    switch (tone) {
    case Tone::danger:
        return p.danger;
    case Tone::warning:
        return p.warning;
    case Tone::accent:
        return p.accent;
    case Tone::success:
        return p.success;
    case Tone::neutral:
        break;
    }
    return p.text;
}

std::string shown(const ConsoleLine& l) {
    std::string s = l.where.empty() ? l.text : l.where + " " + l.text;
    if (l.repeats > 1) s += " ×" + std::to_string(l.repeats);
    return s;
}
} // namespace

void console_view(const char* label, const std::vector<ConsoleLine>& lines, ImVec2 size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.code_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8_s, 6_s));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6_s, 2_s));
    ImGui::BeginChild(label, size, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    {
        FontScope f(FontRole::mono_small);
        // Follow the newest line while the learner has not scrolled up.
        ImGuiStorage* storage = ImGui::GetStateStorage();
        const ImGuiID count_id = ImGui::GetID("##lines");
        const int before = storage->GetInt(count_id, 0);
        const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;

        const float wrap = ImGui::GetContentRegionAvail().x;
        const float clip_top = ImGui::GetWindowPos().y;
        const float clip_bottom = clip_top + ImGui::GetWindowHeight();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (lines.empty()) {
            ColorScope c(ImGuiCol_Text, p.text_muted);
            ImGui::TextUnformatted("Nothing logged yet.");
        }
        for (const ConsoleLine& l : lines) {
            const std::string where = l.where.empty() ? "" : l.where + "  ";
            std::string text = l.text;
            if (l.repeats > 1) text += "  ×" + std::to_string(l.repeats);
            const float where_w = ImGui::CalcTextSize(where.c_str()).x;
            const float text_wrap = std::max(40_s, wrap - where_w);
            const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_wrap);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            if (pos.y + ts.y >= clip_top && pos.y <= clip_bottom) {
                if (!where.empty()) dl->AddText(pos, p.text_muted, where.c_str());
                dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + where_w, pos.y),
                            tone_colour(l.tone), text.c_str(), nullptr, text_wrap);
            }
            ImGui::Dummy(ImVec2(wrap, ts.y));
        }
        if (static_cast<int>(lines.size()) != before) {
            storage->SetInt(count_id, static_cast<int>(lines.size()));
            if (at_bottom) ImGui::SetScrollHereY(1.0f);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    std::string value;
    for (const ConsoleLine& l : lines) {
        if (!value.empty()) value += '\n';
        value += shown(l);
    }
    probe::widget(probe::visible_label(label), "console");
    probe::widget_value(value);
}

} // namespace wte::ui
