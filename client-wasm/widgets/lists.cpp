// Clickable cards and rows for module, part and page lists, and the
// breadcrumb trail. The whole card or row is one "link" widget.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <algorithm>

namespace wte::ui {

namespace {

// Cuts text (on a UTF-8 boundary) so that it wraps into at most max_lines.
std::string clamp_lines(const std::string& text, float wrap, int max_lines) {
    const float line_h = ImGui::GetTextLineHeight();
    auto fits = [&](const std::string& s) {
        return ImGui::CalcTextSize(s.c_str(), nullptr, false, wrap).y <= line_h * max_lines + 0.5f;
    };
    if (fits(text)) return text;
    std::size_t lo = 0, hi = text.size();
    while (lo + 1 < hi) {
        std::size_t mid = (lo + hi) / 2;
        while (mid > lo && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80)
            --mid;
        if (mid == lo) break;
        if (fits(text.substr(0, mid) + "…"))
            lo = mid;
        else
            hi = mid;
    }
    std::string cut = text.substr(0, lo);
    while (!cut.empty() && cut.back() == ' ')
        cut.pop_back();
    return cut + "…";
}

void card_frame(ImVec2 min, ImVec2 max, bool hovered) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 12_s;
    dl->AddRectFilled(ImVec2(min.x, min.y + 2_s), ImVec2(max.x, max.y + 2_s), p.shadow, r);
    dl->AddRectFilled(min, max, hovered ? p.surface_hover : p.surface, r);
    dl->AddRect(min, max, hovered ? p.accent : p.border, r, 0, high_contrast() ? 2_s : 1_s);
}

// A card-shaped link: one invisible button with its frame, reported to the
// test bridge under `title`.
struct CardHit {
    bool pressed;
    bool hovered;
    ImVec2 min;
    ImVec2 max;
};
CardHit clickable_card(const std::string& title, const char* id, ImVec2 size,
                       bool checked = false) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    hand_cursor_if_hovered();
    probe::widget(title, "link", true, checked, ImGui::IsItemFocused());
    probe::widget_list_item();
    const ImVec2 max = ImGui::GetItemRectMax();
    card_frame(min, max, hovered);
    return {pressed, hovered, min, max};
}

} // namespace

bool summary_card(const std::string& title, const std::string& summary,
                  const std::string& badge_text, const char* id) {
    const float width = column_width();
    const ImVec2 pad(22_s, 18_s);
    const float inner = width - 2 * pad.x;

    ImFont* title_font = font(FontRole::h3);
    ImFont* badge_font = font(FontRole::small_bold);
    const ImVec2 badge_pad(8_s, 2_s);
    float badge_w = 0;
    if (!badge_text.empty())
        badge_w =
            badge_font->CalcTextSizeA(badge_font->FontSize, FLT_MAX, 0, badge_text.c_str()).x +
            2 * badge_pad.x + 12_s;
    const float title_wrap = inner - badge_w;
    const ImVec2 title_size =
        title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, title_wrap, title.c_str());

    std::string shown;
    ImVec2 summary_size(0, 0);
    {
        FontScope f(FontRole::body);
        shown = summary.empty() ? std::string() : clamp_lines(summary, inner, 3);
        if (!shown.empty())
            summary_size = ImGui::CalcTextSize(shown.c_str(), nullptr, false, inner);
    }
    const float gap = shown.empty() ? 0 : 6_s;
    const float height = pad.y + title_size.y + gap + summary_size.y + pad.y;

    const auto [pressed, hovered, min, max] = clickable_card(title, id, ImVec2(width, height));
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 title_pos(min.x + pad.x, min.y + pad.y);
    dl->AddText(title_font, title_font->FontSize, title_pos, hovered ? p.accent : p.heading,
                title.c_str(), nullptr, title_wrap);
    probe::text_rect(title, title_pos,
                     ImVec2(title_pos.x + title_size.x, title_pos.y + title_size.y));
    if (!shown.empty()) {
        ImFont* body = font(FontRole::body);
        const ImVec2 sp(title_pos.x, title_pos.y + title_size.y + gap);
        dl->AddText(body, body->FontSize, sp, p.text_muted, shown.c_str(), nullptr, inner);
        probe::text_rect(shown, sp, ImVec2(sp.x + summary_size.x, sp.y + summary_size.y));
    }
    if (!badge_text.empty()) {
        const ImVec2 bs =
            badge_font->CalcTextSizeA(badge_font->FontSize, FLT_MAX, 0, badge_text.c_str());
        const ImVec2 b1(max.x - pad.x, min.y + pad.y + 2_s + bs.y + 2 * badge_pad.y);
        const ImVec2 b0(b1.x - bs.x - 2 * badge_pad.x, min.y + pad.y + 2_s);
        dl->AddRectFilled(b0, b1, p.accent_soft, (b1.y - b0.y) * 0.5f);
        dl->AddText(badge_font, badge_font->FontSize,
                    ImVec2(b0.x + badge_pad.x, b0.y + badge_pad.y), p.accent, badge_text.c_str());
        probe::text_rect(badge_text, b0, b1);
    }
    return pressed;
}

bool list_row(int number, const std::string& title, const std::string& meta, const char* id,
              const std::string& mark, const RowProgress& progress) {
    const float width = column_width();
    const Palette& p = palette();
    ImFont* tf = font(FontRole::bold);
    ImFont* mf = font(FontRole::small);
    ImFont* pf = font(FontRole::small_bold);
    ImFont* chevron_font = font(FontRole::h2);

    // Widths first, from the row's left edge: the lead circle, then the
    // title, then (from the right) progress, mark, meta and the chevron.
    const bool lead = progress.done || number > 0;
    const float title_x = 18_s + (lead ? 30_s + 14_s : 0);
    const ImVec2 ms =
        meta.empty() ? ImVec2(0, 0) : mf->CalcTextSizeA(mf->FontSize, FLT_MAX, 0, meta.c_str());
    const float chevron_w = chevron_font->CalcTextSizeA(chevron_font->FontSize, FLT_MAX, 0, "›").x;
    const float meta_x = width - 18_s - chevron_w - (meta.empty() ? 0 : ms.x + 16_s);
    const float mark_w = mark.empty() ? 0 : clock_badge_width(mark);
    const float mark_gap = meta.empty() ? 16_s : 12_s;
    const float after_mark = mark.empty() ? meta_x : meta_x - mark_gap - mark_w - 8_s;
    const std::string words = progress.pages > 0 ? std::to_string(progress.pages_done) + " of " +
                                                       std::to_string(progress.pages)
                                                 : std::string();
    const ImVec2 ps =
        words.empty() ? ImVec2(0, 0) : pf->CalcTextSizeA(pf->FontSize, FLT_MAX, 0, words.c_str());
    const float bar_w = 72_s, bar_h = 8_s;
    const float title_end =
        words.empty() ? after_mark : after_mark - 8_s - ps.x - 10_s - bar_w - 12_s;
    const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, title.c_str());
    // A narrow column (a phone, 200 % zoom): the title on its own lines, the
    // rest on a line below it, instead of the title cut under the badges.
    const bool stacked = title_x + ts.x > title_end;
    const float title_w = width - title_x - 18_s - chevron_w - 8_s;
    const ImVec2 tsz =
        stacked ? tf->CalcTextSizeA(tf->FontSize, FLT_MAX, title_w, title.c_str()) : ts;
    const float line2 = std::max({ms.y, ps.y, 18_s});
    const float height = stacked ? 14_s + tsz.y + 8_s + line2 + 14_s : 58_s;
    const auto [pressed, hovered, min, max] =
        clickable_card(title, id, ImVec2(width, height), progress.done);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = (min.y + max.y) * 0.5f;
    // The line of progress, mark and meta: the row's middle, or below the title.
    const float cy2 = stacked ? min.y + 14_s + tsz.y + 8_s + line2 * 0.5f : cy;
    const float x = min.x + 18_s;
    if (progress.done) {
        const float r = 15_s;
        dl->AddCircleFilled(ImVec2(x + r, cy), r, p.success_soft, 32);
        check_mark(dl, ImVec2(x + r, cy), r * 0.75f, p.success);
    } else if (number > 0) {
        const float r = 15_s;
        dl->AddCircleFilled(ImVec2(x + r, cy), r, p.accent_soft, 32);
        ImFont* nf = font(FontRole::small_bold);
        const std::string n = std::to_string(number);
        const ImVec2 ns = nf->CalcTextSizeA(nf->FontSize, FLT_MAX, 0, n.c_str());
        dl->AddText(nf, nf->FontSize, ImVec2(x + r - ns.x * 0.5f, cy - ns.y * 0.5f), p.accent,
                    n.c_str());
    }
    if (!words.empty()) {
        // "3 of 7" and a short bar, left of the mark and meta.
        const float text_x = min.x + after_mark - 8_s - ps.x;
        const ImVec2 b0(text_x - 10_s - bar_w, cy2 - bar_h * 0.5f);
        const ImVec2 b1(text_x - 10_s, cy2 + bar_h * 0.5f);
        progress_track(dl, b0, b1, progress.pages_done, progress.pages);
        const ImVec2 tp(text_x, cy2 - ps.y * 0.5f);
        dl->AddText(pf, pf->FontSize, tp, p.text_muted, words.c_str());
        probe::widget_rect(words, "progress", b0, ImVec2(tp.x + ps.x, b1.y));
        probe::widget_range(progress.pages_done, progress.pages);
        probe::text_rect(words, tp, ImVec2(tp.x + ps.x, tp.y + ps.y));
    }

    const ImVec2 tp(min.x + title_x, stacked ? min.y + 14_s : cy - ts.y * 0.5f);
    const ImU32 title_colour = hovered ? p.accent : p.heading;
    if (stacked) {
        dl->AddText(tf, tf->FontSize, tp, title_colour, title.c_str(), nullptr, title_w);
    } else {
        dl->PushClipRect(ImVec2(tp.x, min.y), ImVec2(min.x + title_end, max.y), true);
        dl->AddText(tf, tf->FontSize, tp, title_colour, title.c_str());
        dl->PopClipRect();
    }
    probe::text_rect(title, tp, ImVec2(tp.x + tsz.x, tp.y + tsz.y));
    if (!mark.empty()) clock_badge_at(dl, ImVec2(min.x + meta_x - mark_gap - mark_w, cy2), mark);
    if (!meta.empty()) {
        const ImVec2 mp(max.x - 18_s - chevron_w - 16_s - ms.x, cy2 - ms.y * 0.5f);
        dl->AddText(mf, mf->FontSize, mp, p.text_muted, meta.c_str());
        probe::text_rect(meta, mp, ImVec2(mp.x + ms.x, mp.y + ms.y));
    }
    const ImVec2 cs = chevron_font->CalcTextSizeA(chevron_font->FontSize, FLT_MAX, 0, "›");
    dl->AddText(chevron_font, chevron_font->FontSize,
                ImVec2(max.x - 18_s - cs.x, cy - cs.y * 0.55f), hovered ? p.accent : p.text_muted,
                "›");
    return pressed;
}

int breadcrumb(const std::vector<std::string>& ancestors, const std::string& current) {
    FontScope f(FontRole::small);
    const Palette& p = palette();
    const float start_x = ImGui::GetCursorPosX();
    const float limit = start_x + column_width();
    int clicked = -1;
    auto same_line_or_wrap = [&](float next_width) {
        ImGui::SameLine(0, 6_s);
        if (ImGui::GetCursorPosX() + next_width > limit) {
            ImGui::NewLine();
            ImGui::SetCursorPosX(start_x);
        }
    };
    for (std::size_t i = 0; i < ancestors.size(); ++i) {
        if (i > 0) same_line_or_wrap(ImGui::CalcTextSize(ancestors[i].c_str()).x);
        ImGui::PushID(static_cast<int>(i));
        if (link(ancestors[i], FontRole::small, "crumb")) clicked = static_cast<int>(i);
        ImGui::PopID();
        same_line_or_wrap(ImGui::CalcTextSize("›").x);
        {
            ColorScope c(ImGuiCol_Text, p.text_muted);
            ImGui::TextUnformatted("›");
        }
    }
    if (!ancestors.empty()) same_line_or_wrap(ImGui::CalcTextSize(current.c_str()).x);
    {
        ColorScope c(ImGuiCol_Text, p.text_muted);
        ImGui::TextUnformatted(current.c_str());
        probe::text(current);
    }
    return clicked;
}

int pager(const char* id, int page, int pages) {
    if (pages <= 1) return 0;
    ImGui::PushID(id);
    int asked = 0;
    if (button("‹ Previous page", ButtonKind::secondary, page > 1)) asked = page - 1;
    ImGui::SameLine(0, 12_s);
    {
        FontScope f(FontRole::small);
        const float h = ImGui::GetFontSize() + 20_s;
        const float th = ImGui::GetTextLineHeight();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - th) * 0.5f);
        const std::string where = "Page " + std::to_string(page) + " of " + std::to_string(pages);
        ImGui::TextUnformatted(where.c_str());
        probe::text(where);
    }
    ImGui::SameLine(0, 12_s);
    if (button("Next page ›", ButtonKind::secondary, page < pages)) asked = page + 1;
    ImGui::PopID();
    return asked;
}

} // namespace wte::ui
