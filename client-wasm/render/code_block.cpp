// Code: sourcecode and literal blocks in monospace on a sunken box, with
// syntax colours from wte::highlight, optional line numbers, a header with
// the file name and a Copy button (absent when the author set :no-select:).
// Long lines wrap at the box edge (the font is monospace).
#include "render/layout.hpp"

#include "wte/highlight.hpp"

#include <algorithm>

namespace wte::render {

using ui::FontRole;

namespace {

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// Byte offset after `count` code points of s starting at `from`.
std::size_t advance_utf8(const std::string& s, std::size_t from, std::size_t count) {
    std::size_t i = from;
    while (i < s.size() && count > 0) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            ++i;
        --count;
    }
    return i;
}

std::string expand_tabs(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '\t')
            out += "    ";
        else if (c != '\r')
            out += c;
    }
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

} // namespace

float layout_code(Builder& b, const rst::Block& blk, float x, float y, float width) {
    const ui::Palette& p = ui::palette();
    const bool source = blk.kind == rst::BlockKind::sourcecode;
    const rst::SourcecodeFields& fields = *blk.sourcecode;
    const std::string code = expand_tabs(blk.text);
    const auto tokens = source ? highlight(fields.language, code)
                               : std::vector<Token>{{TokenKind::plain, 0, code.size()}};
    ImFont* mono = ui::font(FontRole::mono);
    const float size = mono->FontSize;
    const float char_w = text_width(mono, size, "M");
    const float line_h = size * 1.55f;
    const float pad = gap(16);
    const std::size_t mark = b.out.cmds.size();

    float cy = y;
    // Header: file name / language on the left, Copy on the right.
    const bool can_copy = !fields.no_select;
    TextStyle small = body_style();
    small.role = FontRole::small;
    small.colour = p.text_muted;
    const float header_h = source ? gap(36) : 0.0f;
    if (source) {
        TextStyle name = small;
        name.bold = true;
        name.colour = p.text;
        const float ty = cy + (header_h - font_for(small)->FontSize * 1.3f) * 0.5f;
        float tx = x + pad;
        if (!fields.filename.empty())
            tx += b.label(fields.filename, name, ImVec2(tx, ty)) + gap(10);
        if (!fields.language.empty()) b.label(fields.language, small, ImVec2(tx, ty));
        b.line(ImVec2(x, cy + header_h), ImVec2(x + width, cy + header_h), p.border, gap(1));
        cy += header_h;
    }
    if (can_copy) {
        ImFont* bf = ui::font(FontRole::small);
        const float bw = text_width(bf, bf->FontSize, "Copied ✓") + gap(20);
        const float bh = gap(26);
        Hot h;
        h.kind = HotKind::copy;
        h.label = "Copy";
        h.target = code;
        const float top = source ? y + (header_h - bh) * 0.5f : y + gap(8);
        h.a = ImVec2(x + width - gap(8) - bw, top);
        h.b = ImVec2(x + width - gap(8), top + bh);
        b.hot(h);
    }

    // Line numbers take a gutter as wide as the largest number.
    int count = 1;
    for (char c : code)
        if (c == '\n') ++count;
    const bool numbers = source && fields.first_line_number > 0;
    const int last_number = fields.first_line_number + count - 1;
    const float gutter =
        numbers ? char_w * static_cast<float>(std::to_string(last_number).size()) + gap(18) : 0;
    const float code_x = x + pad + gutter;
    const float right_room = !source && can_copy ? gap(70) : 0.0f;
    const std::size_t per_line = static_cast<std::size_t>(
        std::max(8.0f, (x + width - pad - right_room - code_x) / std::max(1.0f, char_w)));

    cy += gap(12);
    TextStyle num_style;
    num_style.role = FontRole::mono;
    num_style.colour = p.text_muted;
    std::size_t tok = 0;
    std::size_t line_start = 0;
    int number = fields.first_line_number;
    while (line_start <= code.size()) {
        std::size_t line_end = code.find('\n', line_start);
        if (line_end == std::string::npos) line_end = code.size();
        const std::string line = code.substr(line_start, line_end - line_start);
        const float text_top =
            cy + (line_h - font_ascent(mono, size) - font_descent(mono, size)) * 0.5f;
        if (numbers) {
            const std::string n = std::to_string(number);
            b.label(n, num_style, ImVec2(code_x - gap(14) - text_width(mono, size, n), text_top));
        }
        // Wrap at per_line code points; each visual line is its own paragraph for copying.
        std::size_t seg_start = line_start;
        const std::size_t total = utf8_length(line);
        std::size_t done = 0;
        do {
            const std::size_t seg_end = std::min(line_end, advance_utf8(code, seg_start, per_line));
            const float top =
                cy + (line_h - font_ascent(mono, size) - font_descent(mono, size)) * 0.5f;
            const int para = b.next_para();
            float cx = code_x;
            std::size_t pos = seg_start;
            while (pos < seg_end) {
                while (tok < tokens.size() && tokens[tok].end <= pos)
                    ++tok;
                const std::size_t end =
                    tok < tokens.size() ? std::min(seg_end, tokens[tok].end) : seg_end;
                const TokenKind kind = tok < tokens.size() ? tokens[tok].kind : TokenKind::plain;
                const std::string piece = code.substr(pos, end - pos);
                TextStyle st;
                st.role = FontRole::mono;
                st.colour = syntax_colour(kind);
                const float w = b.label(piece, st, ImVec2(cx, top), !fields.no_select);
                b.out.cmds.back().para = para;
                b.out.cmds.back().line_top = cy;
                b.out.cmds.back().line_bottom = cy + line_h;
                cx += w;
                pos = end;
            }
            if (seg_start == seg_end && !fields.no_select) {
                // An empty line still counts for copying.
                TextStyle st;
                st.role = FontRole::mono;
                st.colour = p.text;
                b.label("", st, ImVec2(cx, top), true);
                b.out.cmds.back().para = para;
                b.out.cmds.back().line_top = cy;
                b.out.cmds.back().line_bottom = cy + line_h;
            }
            done += utf8_length(code.substr(seg_start, seg_end - seg_start));
            seg_start = seg_end;
            cy += line_h;
        } while (done < total);
        ++number;
        line_start = line_end + 1;
    }
    cy += gap(12);
    fill_behind(b, mark, ImVec2(x, y), ImVec2(x + width, cy), p.code_bg, gap(8));
    b.frame(ImVec2(x, y), ImVec2(x + width, cy), p.border, gap(1), gap(8));
    if (numbers)
        b.line(ImVec2(code_x - gap(8), y + header_h), ImVec2(code_x - gap(8), cy), p.border,
               gap(1));
    b.probe(code, ImVec2(x, y + header_h), ImVec2(x + width, cy));
    return cy - y;
}

} // namespace wte::render
