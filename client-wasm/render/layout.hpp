// The layout engine: turns inline spans into wrapped, styled lines of draw
// commands (text_layout.cpp) and blocks into boxes (block_layout.cpp, with
// code_block.cpp, math_draw.cpp and quiz_card.cpp). All sizes device px.
#pragma once

#include "render/page_model.hpp"
#include "wte/highlight.hpp"
#include "wte/layout/math_layout.hpp"

namespace wte::render {

struct TextStyle {
    ui::FontRole role =
        ui::FontRole::body; // body, small, mono, h1..h3 (headings ignore bold/italic)
    bool bold = false;
    bool italic = false;
    ImU32 colour = 0;
    float scale = 1.0f; // sub/superscripts
    float shift = 0.0f; // baseline shift in em, negative raises
    bool underline = false;
    bool strike = false;
    ImU32 background = 0; // inline literals
    int hot = -1;         // index into LaidBlock::hots
    bool selectable = true;
};

ImFont* font_for(const TextStyle& style);
float text_width(ImFont* font, float size, const std::string& text);
float font_ascent(ImFont* font, float size);
float font_descent(ImFont* font, float size);

class Builder {
public:
    Builder(PageState& state, LaidBlock& out, Id part_id, int& para)
        : state(state), out(out), part_id(part_id), para_(para) {}

    PageState& state;
    LaidBlock& out;
    Id part_id;

    // Lays out spans wrapped to `width` starting at (x, y); returns the height.
    // `plain` (optional) receives the visible text.
    float flow(const std::vector<rst::Inline>& spans, const TextStyle& base, float x, float y,
               float width, float line_factor = 1.6f);
    // Plain text, wrapped like flow().
    float text(const std::string& s, const TextStyle& base, float x, float y, float width,
               float line_factor = 1.6f);
    // One unwrapped run of text at a position (labels, markers); returns its width.
    float label(const std::string& s, const TextStyle& style, ImVec2 pos, bool selectable = false);

    int hot(Hot h);
    void fill(ImVec2 a, ImVec2 b, ImU32 colour, float rounding = 0);
    void frame(ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float rounding = 0);
    void line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness);
    void circle(ImVec2 centre, float radius, ImU32 colour);
    void probe(const std::string& text, ImVec2 a, ImVec2 b);
    int next_para() { return ++para_; }

    // A formula laid out at `size`; emits it with its baseline at `baseline`.
    layout::MathBox math_box(const rst::MathNode& node, float size, bool display);
    void emit_math(const layout::MathBox& box, ImVec2 origin_baseline, ImU32 colour);

private:
    int& para_;
};

// The theme colour of a highlighted token (code blocks and :code-LANG: roles).
ImU32 syntax_colour(TokenKind kind);

// Resolves an image or asset reference to the URL the browser fetches.
std::string image_url(Id part_id, const std::string& uri);

} // namespace wte::render

namespace wte::render {

// Vertical rhythm, CSS px.
constexpr float block_gap_css = 14;
constexpr float item_gap_css = 5;

float gap(float css);
TextStyle body_style();

// A block at (x, y) in `width`; returns its height. `depth`: list nesting.
float layout_block(Builder& b, const rst::Block& block, float x, float y, float width, int depth);
// Blocks one under the other with `gap_px` between them; returns the height.
float layout_blocks(Builder& b, const std::vector<rst::Block>& blocks, float x, float y,
                    float width, int depth, float gap_px);
// A section title: level 1 is the biggest heading inside the page.
float layout_heading(Builder& b, const std::vector<rst::Inline>& title, int level, float x, float y,
                     float width);
float layout_code(Builder& b, const rst::Block& block, float x, float y, float width);
float layout_quiz(Builder& b, const rst::Block& block, float x, float y, float width);
float layout_problem_note(Builder& b, const std::string& message, int line, float x, float y,
                          float width);
// Draws a fill under commands emitted since `mark` (boxes sized after their content).
void fill_behind(Builder& b, std::size_t mark, ImVec2 a, ImVec2 c, ImU32 colour, float rounding);

// How tall blocks will be, guessed from their source without laying them out
// (characters per line of the font, code lines, an image's known size): the
// height a unit far from the view has until it comes near (page_view.cpp).
// Measures the fonts once; cheap enough for every unit of a page each frame.
class HeightEstimate {
public:
    HeightEstimate(const PageState& state, Id part_id);
    float block(const rst::Block& block, float width) const;
    float heading(const std::vector<rst::Inline>& title, int level, float width) const;
    float problem_note(const std::string& message, int line, float width) const;

private:
    float blocks(const std::vector<rst::Block>& blocks, float width, float gap_px) const;
    float lines(std::size_t chars, float char_w, float width) const;
    float code(const rst::Block& block, float width) const;
    float image(const rst::Block& block, float width) const;
    float quiz(const rst::Block& block, float width) const;

    const PageState& state_;
    Id part_id_;
    float body_ = 0, small_ = 0, mono_ = 0, h2_ = 0, h3_ = 0; // font sizes
    float char_w_ = 0, mono_w_ = 0; // an average body character, a monospace one
};

} // namespace wte::render
