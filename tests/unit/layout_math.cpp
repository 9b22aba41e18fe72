// Formula box layout: fractions stack with a bar, scripts are smaller and
// raised or lowered, roots get a radical sign over their radicand.
#include "wte/layout/math_layout.hpp"

#include <catch2/catch.hpp>

using namespace wte::layout;

namespace {
MathMetrics fixed_metrics() {
    MathMetrics m;
    // Every code point is half the size wide: easy arithmetic.
    m.width = [](std::string_view text, float size, bool) {
        float n = 0;
        for (unsigned char c : text)
            if ((c & 0xC0) != 0x80) n += 1;
        return n * size * 0.5f;
    };
    return m;
}

const MathGlyphRun* run(const MathBox& b, const std::string& text) {
    for (const auto& r : b.runs)
        if (r.text == text) return &r;
    return nullptr;
}
} // namespace

TEST_CASE("a fraction puts the numerator above a bar and the denominator below") {
    const auto parsed = wte::rst::parse_math("\\frac{a}{b}");
    const MathBox box = layout_math(parsed.root, 20, fixed_metrics(), true);
    const auto* a = run(box, "a");
    const auto* b = run(box, "b");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(box.rules.size() == 1);
    const float bar = box.rules[0].y0;
    CHECK(a->y < bar);
    CHECK(b->y - b->size * 0.8f > bar); // the denominator's top is below the bar
    CHECK(a->italic);
    CHECK(box.ascent > 20 * 0.8f);
}

TEST_CASE("superscripts are smaller and raised, subscripts smaller and lowered") {
    const auto parsed = wte::rst::parse_math("x_i^2");
    const MathBox box = layout_math(parsed.root, 20, fixed_metrics());
    const auto* x = run(box, "x");
    const auto* i = run(box, "i");
    const auto* two = run(box, "2");
    REQUIRE(x);
    REQUIRE(i);
    REQUIRE(two);
    CHECK(two->size < x->size);
    CHECK(two->y < 0);
    CHECK(i->y > 0);
    CHECK(two->x >= x->x + 10);
}

TEST_CASE("a square root draws a radical sign and a bar over the radicand") {
    const auto parsed = wte::rst::parse_math("\\sqrt{x}");
    const MathBox box = layout_math(parsed.root, 20, fixed_metrics());
    REQUIRE(box.rules.size() == 4);
    const auto* x = run(box, "x");
    REQUIRE(x);
    const MathRule& bar = box.rules.back();
    CHECK(bar.y0 < x->y - 20 * 0.8f); // above the radicand
    CHECK(bar.x1 >= x->x + 10);       // covers it
    CHECK(box.width > 10);
}

TEST_CASE("binary operators get space around them and Greek letters stay glyphs") {
    const auto parsed = wte::rst::parse_math("\\alpha + \\beta");
    const MathBox box = layout_math(parsed.root, 20, fixed_metrics());
    REQUIRE(box.runs.size() == 3);
    CHECK(box.runs[0].text == "α");
    CHECK(box.runs[1].x > box.runs[0].x + 10); // α is 10 wide, then space
    CHECK(math_plain_text(parsed.root) == "α + β");
    CHECK(math_plain_text(wte::rst::parse_math("\\frac{1}{2}").root) == "1/2");
}
