// Rows that wrap instead of running off the side of a narrow column (a
// phone, 200 % zoom): a control beside the last one only where it fits, and
// a segmented choice on as many rows as it needs.
#pragma once

#include "widgets/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace wte::client {

// The right edge of the current column (its text wrap edge), in screen px.
inline float column_right() {
    const ImGuiWindow* w = ImGui::GetCurrentWindowRead();
    if (w->DC.TextWrapPos > 0) return w->Pos.x - w->Scroll.x + w->DC.TextWrapPos;
    return w->WorkRect.Max.x;
}

// The next item, `width` device px wide, on the line of the last one when it fits.
inline void beside_if_fits(float width, float spacing) {
    if (ImGui::GetItemRectMax().x + spacing + width <= column_right()) ImGui::SameLine(0, spacing);
}

// ui::segmented, split into rows that fit the column; one choice across them.
inline bool segmented_fitted(const char* id, const std::vector<std::string>& options, int& selected,
                             bool enabled = true) {
    using namespace wte::ui;
    const float room = column_right() - ImGui::GetCursorScreenPos().x;
    std::vector<std::vector<std::string>> rows(1);
    float used = 0;
    {
        FontScope f(FontRole::body);
        for (const std::string& o : options) {
            const float w = ImGui::CalcTextSize(o.c_str()).x + 32_s;
            if (used + w > room && !rows.back().empty()) rows.emplace_back(), used = 0;
            rows.back().push_back(o);
            used += w;
        }
    }
    if (rows.size() == 1) return segmented(id, options, selected, enabled);
    bool changed = false;
    int first = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int count = static_cast<int>(rows[r].size());
        int pick = selected >= first && selected < first + count ? selected - first : -1;
        ImGui::PushID(static_cast<int>(r));
        if (segmented(id, rows[r], pick, enabled) && pick >= 0) {
            selected = first + pick;
            changed = true;
        }
        ImGui::PopID();
        first += count;
    }
    return changed;
}

} // namespace wte::client
