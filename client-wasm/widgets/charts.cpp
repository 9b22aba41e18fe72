// Small charts for the teacher's statistics: a box plot, a stacked bar with
// its legend, and a card with one big number. Drawn with the draw list in
// palette colours (the high-contrast palette just works), sized in scaled
// units, reported to the test bridge with their numbers.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace wte::ui {

namespace {

ImU32 fill_of(Tone tone) {
    const Palette& p = palette();
    switch (tone) {
    case Tone::accent:
        return p.accent;
    case Tone::success:
        return p.success;
    case Tone::warning:
        return p.warning;
    case Tone::danger:
        return p.danger;
    case Tone::neutral:
        break;
    }
    return p.border_strong;
}

// Text centred on x (kept inside [left, right]) at y; reported as drawn text.
void text_at(ImFont* f, float x, float y, float left, float right, ImU32 colour,
             const std::string& text) {
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    const float tx = std::clamp(x - ts.x * 0.5f, left, std::max(left, right - ts.x));
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(tx, y), colour, text.c_str());
    probe::text_rect(text, ImVec2(tx, y), ImVec2(tx + ts.x, y + ts.y));
}

} // namespace

// A round number a little above `v` (1, 2 or 5 times a power of ten, or of
// minutes and hours past 60 s), so the largest value never sits at the end.
double nice_ceiling(double v) {
    if (v <= 0) return 1;
    const double target = v * 1.08;
    static const double steps[] = {1,   2,    5,    10,   20,   30,    60,    120,   300,   600,
                                   900, 1200, 1800, 3600, 7200, 10800, 18000, 36000, 43200, 86400};
    for (double s : steps)
        if (s >= target) return s;
    return std::ceil(target / 86400) * 86400;
}

void box_plot(const char* label, const BoxPlotValues& v, std::string (*format)(double)) {
    const Palette& p = palette();
    ImFont* small = font(FontRole::small);
    const float width = column_width();
    const float box_h = 30_s, gap = 4_s;
    const float height = box_h + gap + small->FontSize + 2_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    const std::string spelled = "min " + format(v.min) + " · q1 " + format(v.q1) + " · median " +
                                format(v.median) + " · q3 " + format(v.q3) + " · max " +
                                format(v.max);
    probe::widget_rect(label, "chart", min, ImVec2(min.x + width, min.y + height));
    probe::widget_value(spelled);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8_s;
    const float left = min.x + pad, right = min.x + width - pad;
    const double top = nice_ceiling(v.max);
    auto x_of = [&](double value) {
        return left + static_cast<float>(std::clamp(value / top, 0.0, 1.0)) * (right - left);
    };
    const float cy = min.y + box_h * 0.5f;
    const float line = high_contrast() ? 2_s : 1.5_s;
    // The scale (0 … a round maximum), then whiskers, the box and the median.
    const float base = min.y + box_h;
    dl->AddLine(ImVec2(left, base), ImVec2(right, base), p.border_strong, 1_s);
    for (int i = 0; i <= 4; ++i) {
        const float x = left + (right - left) * static_cast<float>(i) / 4;
        dl->AddLine(ImVec2(x, base), ImVec2(x, base + 4_s), p.border_strong, 1_s);
    }
    dl->AddLine(ImVec2(x_of(v.min), cy), ImVec2(x_of(v.q1), cy), p.text_muted, line);
    dl->AddLine(ImVec2(x_of(v.q3), cy), ImVec2(x_of(v.max), cy), p.text_muted, line);
    for (double end : {v.min, v.max})
        dl->AddLine(ImVec2(x_of(end), cy - box_h * 0.25f), ImVec2(x_of(end), cy + box_h * 0.25f),
                    p.text_muted, line);
    const float q1 = x_of(v.q1), q3 = std::max(x_of(v.q3), q1 + 4_s);
    const ImVec2 b0(q1, min.y + 4_s), b1(q3, base - 5_s);
    dl->AddRectFilled(b0, b1, p.accent_soft, 3_s);
    dl->AddRect(b0, b1, p.accent, 3_s, 0, line);
    dl->AddLine(ImVec2(x_of(v.median), b0.y - 2_s), ImVec2(x_of(v.median), b1.y + 2_s), p.accent,
                3_s);
    // The scale's ends; the five values are written out by the caller.
    const float ty = base + gap + 2_s;
    text_at(small, left, ty, min.x, min.x + width, p.text_muted, format(0));
    text_at(small, (left + right) * 0.5f, ty, min.x, min.x + width, p.text_muted, format(top / 2));
    text_at(small, right, ty, min.x, min.x + width, p.text_muted, format(top));
}

void stacked_bar(const std::string& label, const std::vector<BarSegment>& segments) {
    const Palette& p = palette();
    const float width = column_width();
    const float height = 22_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    std::string spelled;
    int total = 0;
    for (const auto& s : segments) {
        spelled += (spelled.empty() ? "" : " · ") + s.name + " " + std::to_string(s.count);
        total += std::max(0, s.count);
    }
    probe::widget_rect(label, "chart", min, ImVec2(min.x + width, min.y + height));
    probe::widget_value(spelled);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + width, min.y + height);
    dl->AddRectFilled(min, max, p.surface_sunken, 4_s);
    if (total > 0) {
        ImFont* f = font(FontRole::small_bold);
        float x = min.x;
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const int n = std::max(0, segments[i].count);
            if (n == 0) continue;
            const float w = width * static_cast<float>(n) / static_cast<float>(total);
            const ImVec2 s0(x, min.y), s1(x + w, max.y);
            dl->AddRectFilled(s0, s1, fill_of(segments[i].tone));
            const std::string count = std::to_string(n);
            const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, count.c_str());
            if (ts.x + 6_s < w) {
                const ImU32 on = segments[i].tone == Tone::neutral ? p.text : p.on_accent;
                dl->AddText(f, f->FontSize,
                            ImVec2(x + (w - ts.x) * 0.5f, min.y + (height - ts.y) * 0.5f), on,
                            count.c_str());
            }
            x += w;
        }
    }
    dl->AddRect(min, max, p.border_strong, 4_s, 0, high_contrast() ? 2_s : 1_s);
}

void bar_legend(const std::vector<BarSegment>& segments) {
    const Palette& p = palette();
    FontScope fs(FontRole::small);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = ImGui::GetFontSize() * 0.8f;
    bool first = true;
    for (const auto& s : segments) {
        if (!first) ImGui::SameLine(0, 16_s);
        first = false;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + (ImGui::GetTextLineHeight() - sw) * 0.5f;
        dl->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + sw, y + sw), fill_of(s.tone), 2_s);
        dl->AddRect(ImVec2(at.x, y), ImVec2(at.x + sw, y + sw), p.border_strong, 2_s);
        ImGui::SetCursorScreenPos(ImVec2(at.x + sw + 6_s, at.y));
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        ImGui::TextUnformatted(s.name.c_str());
        ImGui::PopStyleColor();
        probe::text(s.name);
    }
}

void stat_card(const std::string& name, int value, float width, Tone tone) {
    const Palette& p = palette();
    ImFont* big = font(FontRole::h1);
    ImFont* small = font(FontRole::small_bold);
    const float height = big->FontSize + small->FontSize + 28_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImGui::Dummy(ImVec2(width, height));
    probe::widget_rect(name, "stat", min, max);
    probe::widget_range(value, value);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, p.surface, 8_s);
    dl->AddRect(min, max, p.border, 8_s, 0, high_contrast() ? 2_s : 1_s);
    dl->AddRectFilled(ImVec2(min.x, min.y + 8_s), ImVec2(min.x + 4_s, max.y - 8_s), fill_of(tone),
                      2_s);
    const std::string number = std::to_string(value);
    const ImVec2 np(min.x + 16_s, min.y + 10_s);
    dl->AddText(big, big->FontSize, np, p.heading, number.c_str());
    const ImVec2 ns = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, number.c_str());
    probe::text_rect(number, np, ImVec2(np.x + ns.x, np.y + ns.y));
    const ImVec2 lp(min.x + 16_s, np.y + big->FontSize + 6_s);
    dl->AddText(small, small->FontSize, lp, p.text_muted, name.c_str());
    const ImVec2 ls = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, name.c_str());
    probe::text_rect(name, lp, ImVec2(lp.x + ls.x, lp.y + ls.y));
}

void table_row(const std::vector<std::string>& cells, const std::vector<float>& starts,
               bool header) {
    const Palette& p = palette();
    FontScope f(header ? FontRole::small_bold : FontRole::body);
    const float left = ImGui::GetCursorPosX(), top = ImGui::GetCursorPosY();
    const float width = column_width();
    float bottom = top;
    for (std::size_t i = 0; i < cells.size() && i < starts.size(); ++i) {
        ImGui::SetCursorPos(ImVec2(left + starts[i] * width, top));
        const float end = i + 1 < starts.size() ? left + starts[i + 1] * width - 12_s : 0.0f;
        ImGui::PushStyleColor(ImGuiCol_Text, header ? p.text_muted : p.text);
        if (i == 0 && end > 0) ImGui::PushTextWrapPos(end);
        ImGui::TextUnformatted(cells[i].c_str());
        if (i == 0 && end > 0) ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        probe::text(cells[i]);
        probe::text_cell(static_cast<int>(i), header);
        bottom = std::max(bottom, ImGui::GetCursorPosY());
    }
    ImGui::SetCursorPos(ImVec2(left, bottom + 4_s));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p0.x, p0.y - 2_s), ImVec2(p0.x + width, p0.y - 2_s),
                                        p.border, 1_s);
    ImGui::Dummy(ImVec2(1, 4_s));
}

} // namespace wte::ui
