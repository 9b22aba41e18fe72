// Every palette reads at WCAG AA: text, muted text, links, text on accent
// buttons and the syntax colours on code at 4.5:1 or better.
#include "ui/theme.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace wte;
using ui::Look;

namespace {

// WCAG 2.x relative luminance of an sRGB colour (alpha ignored).
double luminance(ImU32 c) {
    auto channel = [](unsigned v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) +
           0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("the contrast ratio is WCAG's: black on white is 21:1") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)) ==
          Approx(4.48).epsilon(0.01));
}

TEST_CASE("text in every palette has at least 4.5:1 contrast with what it is drawn on") {
    for (Look look : {Look::light, Look::dark, Look::high_contrast}) {
        const ui::Palette& p = ui::palette_of(look);
        INFO("look " << static_cast<int>(look));
        CHECK(contrast(p.text, p.background) >= 4.5);
        CHECK(contrast(p.text, p.surface) >= 4.5);
        CHECK(contrast(p.text_muted, p.surface) >= 4.5);
        CHECK(contrast(p.text_muted, p.background) >= 4.5);
        CHECK(contrast(p.heading, p.background) >= 4.5);
        CHECK(contrast(p.link, p.background) >= 4.5);
        CHECK(contrast(p.link, p.surface) >= 4.5);
        CHECK(contrast(p.on_accent, p.accent) >= 4.5);
        CHECK(contrast(p.on_accent, p.accent_hover) >= 4.5);
        CHECK(contrast(p.text, p.accent_soft) >= 4.5);
        CHECK(contrast(p.text, p.code_bg) >= 4.5);
        CHECK(contrast(p.text, p.input_bg) >= 4.5);
        CHECK(contrast(p.danger, p.danger_soft) >= 4.5);
        CHECK(contrast(p.success, p.success_soft) >= 4.5);
        CHECK(contrast(p.warning, p.warning_soft) >= 4.5);
        for (ImU32 syntax : {p.syntax_keyword, p.syntax_type, p.syntax_function, p.syntax_string,
                             p.syntax_number, p.syntax_comment, p.syntax_tag, p.syntax_attribute,
                             p.syntax_punctuation, p.syntax_variable})
            CHECK(contrast(syntax, p.code_bg) >= 4.5);
    }
}

TEST_CASE("high contrast wins over dark, and the account's theme over the browser's") {
    CHECK(ui::choose_look(true, ThemeChoice::dark, true) == Look::high_contrast);
    CHECK(ui::choose_look(true, ThemeChoice::light, false) == Look::high_contrast);
    CHECK(ui::choose_look(false, ThemeChoice::system, true) == Look::dark);
    CHECK(ui::choose_look(false, ThemeChoice::system, false) == Look::light);
    CHECK(ui::choose_look(false, ThemeChoice::light, true) == Look::light);
    CHECK(ui::choose_look(false, ThemeChoice::dark, false) == Look::dark);
    ui::set_look(Look::dark);
    CHECK(ui::look() == Look::dark);
    CHECK_FALSE(ui::high_contrast());
    ui::set_look(Look::light);
}
