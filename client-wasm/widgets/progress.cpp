// Progress marks: a bar filled `done` of `total` with its words beside it,
// the same bar small inside a list row, and the check of a visited page.
// Bars report themselves to the test bridge as "progress" with value and max.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <algorithm>

namespace wte::ui {

void progress_track(ImDrawList* dl, ImVec2 min, ImVec2 max, int done, int total) {
    const Palette& p = palette();
    const float r = (max.y - min.y) * 0.5f;
    dl->AddRectFilled(min, max, p.surface_sunken, r);
    dl->AddRect(min, max, p.border, r, 0, high_contrast() ? 2_s : 1_s);
    if (total <= 0 || done <= 0) return;
    const float f = std::min(1.0f, static_cast<float>(done) / static_cast<float>(total));
    // Never thinner than its rounded ends, so one page of many still shows.
    const float end = std::max(min.x + 2 * r, min.x + (max.x - min.x) * f);
    dl->AddRectFilled(min, ImVec2(end, max.y), done >= total ? p.success : p.accent, r);
}

void check_mark(ImDrawList* dl, ImVec2 centre, float radius, ImU32 colour) {
    const float w = std::max(1.5f, radius * 0.22f);
    const ImVec2 a(centre.x - radius * 0.45f, centre.y + radius * 0.02f);
    const ImVec2 b(centre.x - radius * 0.12f, centre.y + radius * 0.35f);
    const ImVec2 c(centre.x + radius * 0.48f, centre.y - radius * 0.32f);
    dl->AddLine(a, b, colour, w);
    dl->AddLine(b, c, colour, w);
}

void progress_bar(const std::string& text, int done, int total) {
    if (total <= 0) return;
    const float width = column_width();
    ImFont* tf = font(FontRole::small_bold);
    const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, text.c_str());
    const float height = std::max(ts.y, 12_s);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    probe::widget(text, "progress");
    probe::widget_range(done, total);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar_h = 10_s;
    const float bar_right = min.x + width - ts.x - 14_s;
    const float cy = min.y + height * 0.5f;
    progress_track(dl, ImVec2(min.x, cy - bar_h * 0.5f), ImVec2(bar_right, cy + bar_h * 0.5f), done,
                   total);
    const ImVec2 tp(min.x + width - ts.x, cy - ts.y * 0.5f);
    dl->AddText(tf, tf->FontSize, tp, palette().heading, text.c_str());
    probe::text_rect(text, tp, ImVec2(tp.x + ts.x, tp.y + ts.y));
}

} // namespace wte::ui
