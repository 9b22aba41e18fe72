// Formulas: measures glyphs with the body/italic fonts for the pure box
// layout (wte/layout/math_layout.hpp) and turns the boxes into draw
// commands (glyph runs as text, bars and radical strokes as lines).
#include "render/layout.hpp"

namespace wte::render {

layout::MathBox Builder::math_box(const rst::MathNode& node, float size, bool display) {
    ImFont* upright = ui::font(ui::FontRole::body);
    ImFont* italic = ui::font(ui::FontRole::italic);
    layout::MathMetrics m;
    m.width = [&](std::string_view text, float s, bool it) {
        ImFont* f = it ? italic : upright;
        return f->CalcTextSizeA(s, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    };
    m.ascent = 0.74f; // cap height and a little: scripts sit by the glyphs, not the line gap
    m.descent = -upright->Descent / upright->FontSize;
    m.axis = 0.3f;
    return layout::layout_math(node, size, m, display);
}

void Builder::emit_math(const layout::MathBox& box, ImVec2 origin, ImU32 colour) {
    ImFont* upright = ui::font(ui::FontRole::body);
    ImFont* italic = ui::font(ui::FontRole::italic);
    for (const auto& r : box.runs) {
        ImFont* f = r.italic ? italic : upright;
        Cmd c;
        c.kind = CmdKind::text;
        c.font = f;
        c.size = r.size;
        c.colour = colour;
        c.text = r.text;
        c.a = ImVec2(origin.x + r.x, origin.y + r.y - font_ascent(f, r.size));
        c.b = ImVec2(c.a.x + text_width(f, r.size, r.text),
                     c.a.y + font_ascent(f, r.size) + font_descent(f, r.size));
        out.cmds.push_back(std::move(c));
    }
    for (const auto& r : box.rules)
        line(ImVec2(origin.x + r.x0, origin.y + r.y0), ImVec2(origin.x + r.x1, origin.y + r.y1),
             colour, r.thickness);
}

} // namespace wte::render
