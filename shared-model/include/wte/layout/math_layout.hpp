// Lays out a parsed formula (wte/rst/math.hpp) as boxes: glyph runs at
// positions and sizes plus rules (fraction bars, radical signs), given only
// a function that measures text. The client draws the result with its fonts;
// the geometry is unit tested natively.
#pragma once

#include "wte/rst/math.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wte::layout {

struct MathMetrics {
    // Advance width of `text` at font size `size` (italic for variables).
    std::function<float(std::string_view text, float size, bool italic)> width;
    float ascent = 0.8f;  // above the baseline, as a fraction of the size
    float descent = 0.2f; // below the baseline, as a fraction of the size
    float axis = 0.28f;   // height of fraction bars above the baseline
};

// Coordinates: x from the left edge of the formula, y from its baseline,
// growing downwards (so superscripts have negative y).
struct MathGlyphRun {
    float x = 0;
    float y = 0; // baseline
    float size = 0;
    bool italic = false;
    std::string text;
};

struct MathRule {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float thickness = 0;
};

struct MathBox {
    float width = 0;
    float ascent = 0;  // above the baseline (positive)
    float descent = 0; // below the baseline (positive)
    std::vector<MathGlyphRun> runs;
    std::vector<MathRule> rules;
};

// Scripts are drawn at 70% of their base (never below 45% of `size`);
// fractions in display mode keep the full size, inline ones shrink to 80%.
MathBox layout_math(const rst::MathNode& root, float size, const MathMetrics& metrics,
                    bool display = false);

// The formula as plain text (for copying and the UI test bridge):
// "x = (−b ± √(b² − 4ac))/(2a)" style, scripts as ^ and _.
std::string math_plain_text(const rst::MathNode& root);

} // namespace wte::layout
