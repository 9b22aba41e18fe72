// Block layout: headings, paragraphs, lists, definition and field lists,
// quotes, admonitions, show-hide, line blocks, tables, images, YouTube cards,
// display math and problems, each as boxes of draw commands.
#include "render/layout.hpp"

#include "wte/layout/text_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace wte::render {

using ui::FontRole;

float gap(float css) {
    return css * ui::scale();
}

TextStyle body_style() {
    TextStyle s;
    s.colour = ui::palette().text;
    return s;
}

void fill_behind(Builder& b, std::size_t mark, ImVec2 a, ImVec2 c, ImU32 colour, float rounding) {
    Cmd cmd;
    cmd.kind = CmdKind::fill;
    cmd.a = a, cmd.b = c, cmd.colour = colour, cmd.rounding = rounding;
    b.out.cmds.insert(b.out.cmds.begin() + static_cast<long>(mark), std::move(cmd));
}

namespace {

// The first line's text top for a body-size line of `line_factor`.
float first_line_text_top(float y, const TextStyle& st, float line_factor = 1.6f) {
    ImFont* f = font_for(st);
    const float size = f->FontSize;
    const float h = size * line_factor;
    return y + (h - font_ascent(f, size) - font_descent(f, size)) * 0.5f;
}

float layout_list(Builder& b, const rst::Block& list, float x, float y, float width, int depth) {
    const bool numbered = list.kind == rst::BlockKind::enumerated_list;
    TextStyle marker_style = body_style();
    marker_style.colour = ui::palette().text;
    float indent = gap(26);
    if (numbered) {
        const int last = list.start + static_cast<int>(list.children.size()) - 1;
        ImFont* f = font_for(marker_style);
        const float w = text_width(f, f->FontSize, layout::list_marker(*list.enumeration, last));
        indent = std::max(indent, w + gap(10));
    }
    static const char* bullets[] = {"•", "◦", "▪"};
    float cy = y;
    int n = list.start;
    for (std::size_t i = 0; i < list.children.size(); ++i, ++n) {
        const rst::Block& item = list.children[i];
        if (i > 0) cy += gap(item_gap_css);
        const std::string marker =
            numbered ? layout::list_marker(*list.enumeration, n) : std::string(bullets[depth % 3]);
        ImFont* f = font_for(marker_style);
        const float mw = text_width(f, f->FontSize, marker);
        const float mx = numbered ? x + indent - gap(8) - mw : x + indent - gap(14) - mw * 0.5f;
        b.label(marker, marker_style, ImVec2(mx, first_line_text_top(cy, marker_style)), true);
        cy += layout_blocks(b, item.children, x + indent, cy, width - indent, depth + 1, gap(8));
    }
    return cy - y;
}

float layout_definitions(Builder& b, const rst::Block& list, float x, float y, float width,
                         int depth) {
    float cy = y;
    for (std::size_t i = 0; i < list.children.size(); ++i) {
        const rst::Block& item = list.children[i];
        if (i > 0) cy += gap(10);
        TextStyle term = body_style();
        term.bold = true;
        term.colour = ui::palette().heading;
        cy += b.flow(item.inlines, term, x, cy, width);
        cy += layout_blocks(b, item.children, x + gap(24), cy, width - gap(24), depth, gap(8));
    }
    return cy - y;
}

float layout_fields(Builder& b, const rst::Block& list, float x, float y, float width, int depth) {
    TextStyle name = body_style();
    name.bold = true;
    name.colour = ui::palette().heading;
    float name_w = 0;
    for (const auto& f : list.children)
        name_w = std::max(name_w, text_width(font_for(name), font_for(name)->FontSize,
                                             rst::plain_text(f.inlines) + ":"));
    name_w = std::min(name_w + gap(16), width * 0.35f);
    float cy = y;
    for (std::size_t i = 0; i < list.children.size(); ++i) {
        const rst::Block& field = list.children[i];
        if (i > 0) cy += gap(6);
        std::vector<rst::Inline> label = field.inlines;
        rst::Inline colon;
        colon.text = ":";
        label.push_back(colon);
        const float h1 = b.flow(label, name, x, cy, name_w - gap(12));
        const float h2 =
            layout_blocks(b, field.children, x + name_w, cy, width - name_w, depth, gap(8));
        cy += std::max(h1, h2);
    }
    return cy - y;
}

struct Style {
    ImU32 colour, soft;
    const char* title;
};

Style admonition_style(const std::string& name) {
    const ui::Palette& p = ui::palette();
    if (name == "tip" || name == "hint") return {p.success, p.success_soft, nullptr};
    if (name == "warning" || name == "caution" || name == "attention")
        return {p.warning, p.warning_soft, nullptr};
    if (name == "danger" || name == "error") return {p.danger, p.danger_soft, nullptr};
    return {p.accent, p.accent_soft, nullptr};
}

std::string admonition_title(const rst::Block& blk) {
    if (*blk.name == "admonition") return rst::plain_text(blk.inlines);
    if (*blk.name == "seealso") return "See also";
    std::string t = *blk.name;
    if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    return t;
}

float layout_admonition(Builder& b, const rst::Block& blk, float x, float y, float width,
                        int depth) {
    const Style st = admonition_style(*blk.name);
    const std::size_t mark = b.out.cmds.size();
    const float pad = gap(16);
    const float bar = gap(4);
    TextStyle title = body_style();
    title.bold = true;
    title.colour = st.colour;
    float cy = y + gap(12);
    cy += b.text(admonition_title(blk), title, x + bar + pad, cy, width - bar - 2 * pad, 1.4f);
    cy += gap(4);
    cy += layout_blocks(b, blk.children, x + bar + pad, cy, width - bar - 2 * pad, depth, gap(10));
    cy += gap(12);
    fill_behind(b, mark, ImVec2(x, y), ImVec2(x + width, cy), st.soft, gap(8));
    fill_behind(b, mark + 1, ImVec2(x, y), ImVec2(x + bar, cy), st.colour, 0);
    return cy - y;
}

float layout_show_hide(Builder& b, const rst::Block& blk, float x, float y, float width,
                       int depth) {
    auto [it, fresh] = b.state.open.try_emplace(blk.line, blk.initially_visible);
    const bool open = it->second;
    std::string title = rst::plain_text(blk.inlines);
    if (title.empty()) title = open ? "Hide" : "Show";
    TextStyle st = body_style();
    st.bold = true;
    st.colour = ui::palette().link;
    Hot h;
    h.kind = HotKind::toggle;
    h.label = title;
    h.toggle = blk.line;
    h.enabled = true;
    st.hot = b.hot(h);
    const float row_h = font_for(st)->FontSize * 1.8f;
    const float tri = gap(18);
    const float text_top = y + (row_h - font_ascent(font_for(st), font_for(st)->FontSize) -
                                font_descent(font_for(st), font_for(st)->FontSize)) *
                                   0.5f;
    b.label(open ? "▾" : "▸", st, ImVec2(x, text_top));
    const float w = b.label(title, st, ImVec2(x + tri, text_top));
    b.out.hots[static_cast<std::size_t>(st.hot)].a = ImVec2(x, y);
    b.out.hots[static_cast<std::size_t>(st.hot)].b = ImVec2(x + tri + w + gap(8), y + row_h);
    float cy = y + row_h;
    if (open && !blk.children.empty()) {
        cy += gap(6);
        const float top = cy;
        cy += layout_blocks(b, blk.children, x + gap(20), cy, width - gap(20), depth, gap(10));
        b.line(ImVec2(x + gap(6), top), ImVec2(x + gap(6), cy), ui::palette().border_strong,
               gap(2));
    }
    return cy - y;
}

float layout_line_block(Builder& b, const rst::Block& blk, float x, float y, float width) {
    float cy = y;
    for (const auto& child : blk.children) {
        if (child.kind == rst::BlockKind::line_block)
            cy += layout_line_block(b, child, x + gap(24), cy, width - gap(24));
        else if (child.inlines.empty())
            cy += font_for(body_style())->FontSize * 1.6f;
        else
            cy += b.flow(child.inlines, body_style(), x, cy, width);
    }
    return cy - y;
}

float layout_table(Builder& b, const rst::Block& table, float x, float y, float width, int depth) {
    struct Cell {
        const rst::Block* block;
        int row, col, colspan, rowspan;
    };
    std::vector<Cell> cells;
    std::vector<std::vector<bool>> taken;
    const int rows = static_cast<int>(table.children.size());
    int cols = 0;
    for (int r = 0; r < rows; ++r) {
        if (static_cast<int>(taken.size()) <= r) taken.resize(static_cast<std::size_t>(r) + 1);
        int c = 0;
        for (const auto& cell : table.children[static_cast<std::size_t>(r)].children) {
            auto& row_taken = taken[static_cast<std::size_t>(r)];
            while (c < static_cast<int>(row_taken.size()) && row_taken[static_cast<std::size_t>(c)])
                ++c;
            const int cs = std::max(1, cell.colspan), rs = std::max(1, cell.rowspan);
            for (int rr = r; rr < std::min(rows, r + rs); ++rr) {
                if (static_cast<int>(taken.size()) <= rr)
                    taken.resize(static_cast<std::size_t>(rr) + 1);
                auto& t = taken[static_cast<std::size_t>(rr)];
                if (static_cast<int>(t.size()) < c + cs) t.resize(static_cast<std::size_t>(c + cs));
                for (int cc = c; cc < c + cs; ++cc)
                    t[static_cast<std::size_t>(cc)] = true;
            }
            cells.push_back({&cell, r, c, cs, std::min(rs, rows - r)});
            c += cs;
            cols = std::max(cols, c);
        }
    }
    if (cols == 0) return 0;

    // Column widths: natural (one line) widths when they fit, otherwise the
    // room above the longest word shared in proportion to what each wants.
    const float pad = gap(12);
    std::vector<float> nat(static_cast<std::size_t>(cols), pad * 2), mins(nat);
    for (const auto& c : cells) {
        if (c.colspan != 1) continue;
        // Laid out once without a width limit to learn its natural width
        // and the longest word (plus indentation) it cannot go below.
        LaidBlock scratch;
        int para = 0;
        Builder sb(b.state, scratch, b.part_id, para);
        layout_blocks(sb, c.block->children, 0, 0, 1e6f, depth, gap(6));
        float w = 0, longest = 0, indent = 1e6f;
        for (const Cmd& cmd : scratch.cmds) {
            if (cmd.kind != CmdKind::text || !cmd.font) continue;
            w = std::max(w, cmd.b.x);
            indent = std::min(indent, cmd.a.x);
            std::size_t start = 0;
            while (start <= cmd.text.size()) {
                std::size_t end = cmd.text.find(' ', start);
                if (end == std::string::npos) end = cmd.text.size();
                longest = std::max(
                    longest, text_width(cmd.font, cmd.size, cmd.text.substr(start, end - start)));
                start = end + 1;
            }
        }
        if (indent > w) indent = 0;
        auto col = static_cast<std::size_t>(c.col);
        nat[col] = std::max(nat[col], std::min(w + pad * 2 + gap(2), width));
        mins[col] = std::max(mins[col], std::min(longest + indent + pad * 2 + gap(2),
                                                 width / static_cast<float>(cols)));
    }
    float total_nat = 0, total_min = 0;
    for (int c = 0; c < cols; ++c)
        total_nat += nat[static_cast<std::size_t>(c)],
            total_min += mins[static_cast<std::size_t>(c)];
    std::vector<float> widths = nat;
    if (total_nat > width) {
        const float room = std::max(0.0f, width - total_min);
        const float want = std::max(1.0f, total_nat - total_min);
        for (int c = 0; c < cols; ++c) {
            auto i = static_cast<std::size_t>(c);
            widths[i] = mins[i] + (nat[i] - mins[i]) * room / want;
        }
    }
    std::vector<float> col_x(static_cast<std::size_t>(cols) + 1, x);
    for (int c = 0; c < cols; ++c)
        col_x[static_cast<std::size_t>(c) + 1] =
            col_x[static_cast<std::size_t>(c)] + widths[static_cast<std::size_t>(c)];

    const std::size_t mark = b.out.cmds.size();
    std::vector<float> row_y(static_cast<std::size_t>(rows) + 1, y);
    std::vector<float> need(static_cast<std::size_t>(rows),
                            0); // extra height a spanning cell needs by its last row
    const ui::Palette& p = ui::palette();
    std::size_t ci = 0;
    for (int r = 0; r < rows; ++r) {
        float row_h = font_for(body_style())->FontSize * 1.6f + pad;
        const bool header = table.children[static_cast<std::size_t>(r)].header;
        for (; ci < cells.size() && cells[ci].row == r; ++ci) {
            const Cell& c = cells[ci];
            const float cx = col_x[static_cast<std::size_t>(c.col)];
            const float cw = col_x[static_cast<std::size_t>(c.col + c.colspan)] - cx;
            const std::size_t cmd_start = b.out.cmds.size();
            float h = layout_blocks(b, c.block->children, cx + pad,
                                    row_y[static_cast<std::size_t>(r)] + pad * 0.5f, cw - 2 * pad,
                                    depth, gap(6)) +
                      pad;
            if (header) // same font as measured, heading colour
                for (std::size_t k = cmd_start; k < b.out.cmds.size(); ++k)
                    if (b.out.cmds[k].kind == CmdKind::text) b.out.cmds[k].colour = p.heading;
            if (c.rowspan == 1)
                row_h = std::max(row_h, h);
            else
                need[static_cast<std::size_t>(r + c.rowspan - 1)] =
                    std::max(need[static_cast<std::size_t>(r + c.rowspan - 1)],
                             row_y[static_cast<std::size_t>(r)] + h);
        }
        row_y[static_cast<std::size_t>(r) + 1] =
            std::max(row_y[static_cast<std::size_t>(r)] + row_h, need[static_cast<std::size_t>(r)]);
    }
    const float line_w = ui::high_contrast() ? gap(2) : gap(1);
    std::size_t at = mark;
    for (const auto& c : cells) {
        const ImVec2 a(col_x[static_cast<std::size_t>(c.col)],
                       row_y[static_cast<std::size_t>(c.row)]);
        const ImVec2 z(col_x[static_cast<std::size_t>(c.col + c.colspan)],
                       row_y[static_cast<std::size_t>(c.row + c.rowspan)]);
        if (table.children[static_cast<std::size_t>(c.row)].header)
            fill_behind(b, at++, a, z, p.background, 0);
        Cmd frame;
        frame.kind = CmdKind::frame;
        frame.a = a, frame.b = z, frame.colour = p.border_strong, frame.size = line_w;
        b.out.cmds.push_back(frame);
    }
    return row_y.back() - y;
}

float layout_image(Builder& b, const rst::Block& blk, float x, float y, float width) {
    const rst::ImageFields& fields = *blk.image;
    const std::string url = image_url(b.part_id, fields.uri);
    auto [it, fresh] = b.state.images.try_emplace(url);
    const ImageState& img = it->second;
    const ui::Palette& p = ui::palette();
    float cy = y;
    if (img.state == ImageState::State::ready && img.width > 0) {
        float w = static_cast<float>(img.width) * ui::scale();
        const float css_w = static_cast<float>(std::atof(fields.width.c_str()));
        if (css_w > 0 && fields.width.find('%') == std::string::npos) w = css_w * ui::scale();
        if (css_w > 0 && fields.width.find('%') != std::string::npos) w = width * css_w / 100.0f;
        w = std::min(w, width);
        const float h = w * static_cast<float>(img.height) / static_cast<float>(img.width);
        const float ix = fields.align == "center"  ? x + (width - w) * 0.5f
                         : fields.align == "right" ? x + width - w
                                                   : x;
        Cmd c;
        c.kind = CmdKind::image;
        c.a = ImVec2(ix, cy), c.b = ImVec2(ix + w, cy + h), c.text = url;
        b.out.cmds.push_back(c);
        b.probe(fields.alt.empty() ? fields.uri : fields.alt, c.a, c.b);
        if (!fields.target.empty()) {
            Hot h2;
            h2.kind = HotKind::link;
            h2.label = fields.alt.empty() ? fields.uri : fields.alt;
            h2.target = fields.target;
            h2.a = c.a, h2.b = c.b;
            b.hot(h2);
        }
        cy += h;
    } else {
        const float h = gap(64);
        const std::size_t mark = b.out.cmds.size();
        TextStyle st = body_style();
        st.colour = p.text_muted;
        st.italic = true;
        const std::string what = fields.alt.empty() ? fields.uri : fields.alt;
        const std::string status =
            img.state == ImageState::State::failed ? "image not available" : "loading image…";
        b.text(what + " (" + status + ")", st, x + gap(16), cy + gap(8), width - gap(32));
        fill_behind(b, mark, ImVec2(x, cy), ImVec2(x + width, cy + h), p.code_bg, gap(8));
        b.frame(ImVec2(x, cy), ImVec2(x + width, cy + h), p.border, gap(1), gap(8));
        cy += h;
    }
    return cy - y;
}

std::string youtube_watch_url(const std::string& id) {
    return "https://www.youtube.com/watch?v=" + id;
}

// Played in place: a 16:9 frame for the embed, and under it the link that
// still works when YouTube refuses to be embedded.
float layout_youtube_playing(Builder& b, const rst::Block& blk, float x, float y, float width) {
    const ui::Palette& p = ui::palette();
    const float w = std::min(width, gap(640));
    const float h = w * 9.0f / 16.0f;
    b.fill(ImVec2(x, y), ImVec2(x + w, y + h), p.code_bg, gap(10));
    TextStyle muted = body_style();
    muted.colour = p.text_muted;
    b.label("Loading the video…", muted, ImVec2(x + gap(16), y + gap(16)));
    Cmd video;
    video.kind = CmdKind::video;
    video.a = ImVec2(x, y), video.b = ImVec2(x + w, y + h), video.text = *blk.id;
    b.out.cmds.push_back(video);
    b.probe("YouTube video " + *blk.id, ImVec2(x, y), ImVec2(x + w, y + h));

    TextStyle link = body_style();
    link.role = FontRole::small;
    link.colour = p.link;
    link.underline = true;
    Hot open;
    open.kind = HotKind::link;
    open.label = "Open on YouTube";
    open.target = youtube_watch_url(*blk.id);
    link.hot = b.hot(open);
    const float ly = y + h + gap(8);
    const float lw = b.label("Open on YouTube  ↗", link, ImVec2(x, ly));
    Hot& region = b.out.hots[static_cast<std::size_t>(link.hot)];
    ImFont* f = font_for(link);
    region.a = ImVec2(x, ly), region.b = ImVec2(x + lw, ly + f->FontSize * 1.3f);
    return region.b.y - y;
}

float layout_youtube(Builder& b, const rst::Block& blk, float x, float y, float width) {
    if (b.state.playing.count(*blk.id)) return layout_youtube_playing(b, blk, x, y, width);
    const ui::Palette& p = ui::palette();
    const float h = gap(76);
    const float w = std::min(width, gap(420));
    Hot hot;
    hot.kind = HotKind::youtube;
    hot.label = "YouTube video";
    hot.target = *blk.id;
    hot.a = ImVec2(x, y), hot.b = ImVec2(x + w, y + h);
    const int hi = b.hot(hot);
    b.fill(ImVec2(x, y), ImVec2(x + w, y + h), p.surface, gap(10));
    b.out.cmds.back().hot = hi;
    b.frame(ImVec2(x, y), ImVec2(x + w, y + h), p.border_strong, gap(1), gap(10));
    const ImVec2 c(x + gap(38), y + h * 0.5f);
    b.circle(c, gap(22), p.danger);
    const float t = gap(9);
    Cmd play;
    play.kind = CmdKind::triangle;
    play.a = ImVec2(c.x - t * 0.6f, c.y - t), play.b = ImVec2(c.x - t * 0.6f, c.y + t);
    play.c = ImVec2(c.x + t, c.y), play.colour = p.on_accent;
    b.out.cmds.push_back(play);
    TextStyle title = body_style();
    title.bold = true;
    title.colour = p.heading;
    title.hot = hi;
    const float tx = x + gap(76);
    b.label("YouTube video", title, ImVec2(tx, y + gap(16)));
    TextStyle sub = body_style();
    sub.role = FontRole::small;
    sub.colour = p.text_muted;
    b.label("Plays here · youtube.com", sub, ImVec2(tx, y + gap(42)), true);
    b.probe("YouTube video " + *blk.id, ImVec2(x, y), ImVec2(x + w, y + h));
    return h;
}

float layout_display_math(Builder& b, const rst::Block& blk, float x, float y, float width) {
    ImFont* f = ui::font(FontRole::body);
    const float size = f->FontSize * 1.15f;
    const layout::MathBox box = b.math_box(*blk.math, size, true);
    const float pad = gap(6);
    const float bx = x + std::max(0.0f, (width - box.width) * 0.5f);
    b.emit_math(box, ImVec2(bx, y + pad + box.ascent), ui::palette().heading);
    const float h = box.ascent + box.descent + 2 * pad;
    b.probe(layout::math_plain_text(*blk.math), ImVec2(bx, y), ImVec2(bx + box.width, y + h));
    return h;
}

} // namespace

float layout_problem_note(Builder& b, const std::string& message, int line, float x, float y,
                          float width) {
    const ui::Palette& p = ui::palette();
    const std::size_t mark = b.out.cmds.size();
    TextStyle st = body_style();
    st.role = FontRole::small;
    st.colour = p.danger;
    const std::string text =
        "⚠ " + message + (line > 0 ? "  (line " + std::to_string(line) + ")" : "");
    const float h = b.text(text, st, x + gap(10), y + gap(4), width - gap(20), 1.4f) + gap(8);
    fill_behind(b, mark, ImVec2(x, y), ImVec2(x + width, y + h), p.danger_soft, gap(6));
    return h;
}

float layout_heading(Builder& b, const std::vector<rst::Inline>& title, int level, float x, float y,
                     float width) {
    TextStyle st = body_style();
    st.colour = ui::palette().heading;
    st.role = level <= 1 ? FontRole::h2 : level == 2 ? FontRole::h3 : FontRole::body;
    st.bold = level > 2;
    const std::size_t texts = b.out.texts.size();
    const float h = b.flow(title, st, x, y, width, 1.35f);
    if (b.out.texts.size() > texts) b.out.texts.back().heading = level + 1;
    return h;
}

float layout_blocks(Builder& b, const std::vector<rst::Block>& blocks, float x, float y,
                    float width, int depth, float gap_px) {
    float cy = y;
    bool first = true;
    for (const auto& blk : blocks) {
        if (blk.kind == rst::BlockKind::comment) continue;
        if (!first) cy += blk.kind == rst::BlockKind::section ? gap_px * 1.6f : gap_px;
        cy += layout_block(b, blk, x, cy, width, depth);
        first = false;
    }
    return cy - y;
}

float layout_block(Builder& b, const rst::Block& blk, float x, float y, float width, int depth) {
    const ui::Palette& p = ui::palette();
    if (blk.line > 0) b.out.anchors.push_back({y, blk.line});
    switch (blk.kind) {
    case rst::BlockKind::section: {
        float h = layout_heading(b, blk.inlines, blk.level, x, y, width) + gap(8);
        return h + layout_blocks(b, blk.children, x, y + h, width, depth, gap(block_gap_css));
    }
    case rst::BlockKind::paragraph:
    case rst::BlockKind::line:
        return b.flow(blk.inlines, body_style(), x, y, width);
    case rst::BlockKind::bullet_list:
    case rst::BlockKind::enumerated_list:
        return layout_list(b, blk, x, y, width, depth);
    case rst::BlockKind::list_item:
        return layout_blocks(b, blk.children, x, y, width, depth, gap(8));
    case rst::BlockKind::definition_list:
        return layout_definitions(b, blk, x, y, width, depth);
    case rst::BlockKind::field_list:
        return layout_fields(b, blk, x, y, width, depth);
    case rst::BlockKind::definition_item:
    case rst::BlockKind::field:
        return layout_blocks(b, blk.children, x, y, width, depth, gap(8));
    case rst::BlockKind::literal_block:
    case rst::BlockKind::sourcecode:
        return layout_code(b, blk, x, y, width);
    case rst::BlockKind::block_quote: {
        const float indent = gap(22);
        float h = 0;
        bool first = true;
        for (const auto& child : blk.children) {
            if (!first) h += gap(10);
            first = false;
            if (child.kind == rst::BlockKind::attribution) {
                TextStyle st = body_style();
                st.italic = true;
                st.colour = p.text_muted;
                std::vector<rst::Inline> line = child.inlines;
                rst::Inline dash;
                dash.text = "— ";
                line.insert(line.begin(), dash);
                h += b.flow(line, st, x + indent, y + h, width - indent);
            } else {
                h += layout_block(b, child, x + indent, y + h, width - indent, depth);
            }
        }
        b.line(ImVec2(x + gap(2), y), ImVec2(x + gap(2), y + h), p.border_strong, gap(3));
        return h;
    }
    case rst::BlockKind::attribution:
        return b.flow(blk.inlines, body_style(), x, y, width);
    case rst::BlockKind::table:
        return layout_table(b, blk, x, y, width, depth);
    case rst::BlockKind::table_row:
    case rst::BlockKind::table_cell:
        return layout_blocks(b, blk.children, x, y, width, depth, gap(6));
    case rst::BlockKind::image:
        return layout_image(b, blk, x, y, width);
    case rst::BlockKind::figure: {
        float h = layout_image(b, blk, x, y, width);
        for (std::size_t i = 0; i < blk.children.size(); ++i) {
            TextStyle st = body_style();
            st.role = FontRole::small;
            st.colour = p.text_muted;
            st.italic = i == 0;
            h += gap(6);
            h += blk.children[i].kind == rst::BlockKind::paragraph
                     ? b.flow(blk.children[i].inlines, st, x, y + h, width)
                     : layout_block(b, blk.children[i], x, y + h, width, depth);
        }
        return h;
    }
    case rst::BlockKind::admonition:
        return layout_admonition(b, blk, x, y, width, depth);
    case rst::BlockKind::comment:
        return 0;
    case rst::BlockKind::line_block:
        return layout_line_block(b, blk, x, y, width);
    case rst::BlockKind::transition: {
        const float h = gap(36);
        b.line(ImVec2(x + width * 0.2f, y + h * 0.5f), ImVec2(x + width * 0.8f, y + h * 0.5f),
               p.border_strong, gap(1));
        return h;
    }
    case rst::BlockKind::youtube:
        return layout_youtube(b, blk, x, y, width);
    case rst::BlockKind::quiz:
        return layout_quiz(b, blk, x, y, width);
    case rst::BlockKind::quiz_question:
    case rst::BlockKind::quiz_answer:
        return 0; // drawn by their quiz
    case rst::BlockKind::show_hide:
        return layout_show_hide(b, blk, x, y, width, depth);
    case rst::BlockKind::math:
        return layout_display_math(b, blk, x, y, width);
    case rst::BlockKind::problem:
        return layout_problem_note(b, blk.text, blk.line, x, y, width);
    }
    return 0;
}

namespace {

std::size_t inline_chars(const std::vector<rst::Inline>& spans) {
    std::size_t n = 0;
    for (const auto& s : spans)
        n += s.kind == rst::InlineKind::math ? 8 : s.text.size() + inline_chars(s.children);
    return n;
}

} // namespace

HeightEstimate::HeightEstimate(const PageState& state, Id part_id)
    : state_(state), part_id_(part_id) {
    ImFont* body = ui::font(FontRole::body);
    ImFont* mono = ui::font(FontRole::mono);
    body_ = body->FontSize;
    small_ = ui::font(FontRole::small)->FontSize;
    mono_ = mono->FontSize;
    h2_ = ui::font(FontRole::h2)->FontSize;
    h3_ = ui::font(FontRole::h3)->FontSize;
    static const std::string sample =
        "The quick brown fox jumps over the lazy dog, twice: ``code``.";
    char_w_ = text_width(body, body_, sample) / static_cast<float>(sample.size());
    mono_w_ = text_width(mono, mono_, "M");
}

float HeightEstimate::lines(std::size_t chars, float char_w, float width) const {
    const float per_line = std::max(1.0f, std::floor(std::max(1.0f, width) / char_w));
    return std::max(1.0f, std::ceil(static_cast<float>(chars) / per_line));
}

float HeightEstimate::heading(const std::vector<rst::Inline>& title, int level, float width) const {
    const float size = level <= 1 ? h2_ : level == 2 ? h3_ : body_;
    return lines(inline_chars(title), char_w_ * size / body_, width) * size * 1.35f;
}

float HeightEstimate::problem_note(const std::string& message, int line, float width) const {
    return lines(message.size() + (line > 0 ? 12 : 2), char_w_ * small_ / body_, width - gap(20)) *
               small_ * 1.4f +
           gap(8);
}

float HeightEstimate::blocks(const std::vector<rst::Block>& children, float width,
                             float gap_px) const {
    float h = 0;
    bool first = true;
    for (const auto& blk : children) {
        if (blk.kind == rst::BlockKind::comment) continue;
        if (!first) h += blk.kind == rst::BlockKind::section ? gap_px * 1.6f : gap_px;
        h += block(blk, width);
        first = false;
    }
    return h;
}

float HeightEstimate::code(const rst::Block& blk, float width) const {
    const bool source = blk.kind == rst::BlockKind::sourcecode;
    const float pad = gap(16);
    const float room = width - 2 * pad - (source ? 0.0f : gap(70)) -
                       (source && blk.sourcecode->first_line_number > 0 ? 5 * mono_w_ : 0.0f);
    const std::size_t per_line = static_cast<std::size_t>(std::max(8.0f, room / mono_w_));
    std::size_t rows = 0, column = 0;
    for (char c : blk.text) {
        if (c == '\n') {
            rows += 1 + (column > 0 ? (column - 1) / per_line : 0);
            column = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            column += c == '\t' ? 4 : 1;
        }
    }
    if (column > 0 || rows == 0) rows += 1 + (column > 0 ? (column - 1) / per_line : 0);
    return (source ? gap(36) : 0.0f) + gap(24) + static_cast<float>(rows) * mono_ * 1.55f;
}

float HeightEstimate::image(const rst::Block& blk, float width) const {
    const rst::ImageFields& fields = *blk.image;
    const auto it = state_.images.find(image_url(part_id_, fields.uri));
    if (it == state_.images.end() || it->second.state != ImageState::State::ready ||
        it->second.width <= 0)
        return gap(64);
    const ImageState& img = it->second;
    float w = static_cast<float>(img.width) * ui::scale();
    const float css_w = static_cast<float>(std::atof(fields.width.c_str()));
    if (css_w > 0)
        w = fields.width.find('%') == std::string::npos ? css_w * ui::scale()
                                                        : width * css_w / 100.0f;
    w = std::min(w, width);
    return w * static_cast<float>(img.height) / static_cast<float>(img.width);
}

float HeightEstimate::quiz(const rst::Block& quiz, float width) const {
    const float inner_w = width - 2 * gap(22);
    float h = gap(18) + gap(22) + gap(6) + gap(18) + body_ + gap(20) + gap(22);
    if (!quiz.inlines.empty())
        h += lines(inline_chars(quiz.inlines), char_w_ * h3_ / body_, inner_w) * h3_ * 1.35f;
    int number = 0;
    for (const auto& child : quiz.children) {
        if (child.kind != rst::BlockKind::quiz_question) {
            h += gap(10) + block(child, inner_w);
            continue;
        }
        h += gap(16) + (++number > 1 ? gap(6) : 0.0f);
        h += lines(inline_chars(child.inlines), char_w_, inner_w - gap(24)) * body_ * 1.6f;
        h += small_ * 1.5f + gap(4);
        for (const auto& answer : child.children)
            if (answer.kind == rst::BlockKind::quiz_answer)
                h +=
                    lines(inline_chars(answer.inlines), char_w_, inner_w - gap(60)) * body_ * 1.6f +
                    gap(12);
    }
    return h;
}

float HeightEstimate::block(const rst::Block& blk, float width) const {
    const float line_h = body_ * 1.6f;
    switch (blk.kind) {
    case rst::BlockKind::section:
        return heading(blk.inlines, blk.level, width) + gap(8) +
               blocks(blk.children, width, gap(block_gap_css));
    case rst::BlockKind::paragraph:
    case rst::BlockKind::line:
    case rst::BlockKind::attribution:
        return lines(inline_chars(blk.inlines), char_w_, width) * line_h;
    case rst::BlockKind::bullet_list:
    case rst::BlockKind::enumerated_list: {
        float h = 0;
        for (const auto& item : blk.children)
            h += blocks(item.children, width - gap(26), gap(8));
        return h + gap(item_gap_css) *
                       static_cast<float>(std::max<std::size_t>(1, blk.children.size()) - 1);
    }
    case rst::BlockKind::definition_list: {
        float h = 0;
        for (const auto& item : blk.children)
            h += lines(inline_chars(item.inlines), char_w_, width) * line_h +
                 blocks(item.children, width - gap(24), gap(8)) + gap(10);
        return h;
    }
    case rst::BlockKind::field_list: {
        float h = 0;
        for (const auto& field : blk.children)
            h += std::max(line_h, blocks(field.children, width * 0.65f, gap(8))) + gap(6);
        return h;
    }
    case rst::BlockKind::list_item:
    case rst::BlockKind::definition_item:
    case rst::BlockKind::field:
        return blocks(blk.children, width, gap(8));
    case rst::BlockKind::literal_block:
    case rst::BlockKind::sourcecode:
        return code(blk, width);
    case rst::BlockKind::block_quote:
        return blocks(blk.children, width - gap(22), gap(10));
    case rst::BlockKind::table: {
        std::size_t cols = 1;
        for (const auto& row : blk.children)
            cols = std::max(cols, row.children.size());
        const float cell_w = width / static_cast<float>(cols) - gap(24);
        float h = 0;
        for (const auto& row : blk.children) {
            float row_h = line_h;
            for (const auto& cell : row.children)
                row_h = std::max(row_h, blocks(cell.children, cell_w, gap(6)));
            h += row_h + gap(12);
        }
        return h;
    }
    case rst::BlockKind::table_row:
    case rst::BlockKind::table_cell:
        return blocks(blk.children, width, gap(6));
    case rst::BlockKind::image:
        return image(blk, width);
    case rst::BlockKind::figure: {
        float h = image(blk, width);
        for (const auto& child : blk.children)
            h += gap(6) + block(child, width) * small_ / body_;
        return h;
    }
    case rst::BlockKind::admonition:
        return gap(28) + body_ * 1.4f + blocks(blk.children, width - gap(4) - 2 * gap(16), gap(10));
    case rst::BlockKind::comment:
    case rst::BlockKind::quiz_question:
    case rst::BlockKind::quiz_answer:
        return 0;
    case rst::BlockKind::line_block: {
        float h = 0;
        for (const auto& child : blk.children)
            h += child.kind == rst::BlockKind::line_block ? block(child, width - gap(24))
                                                          : block(child, width);
        return h;
    }
    case rst::BlockKind::transition:
        return gap(36);
    case rst::BlockKind::youtube:
        if (state_.playing.count(*blk.id))
            return std::min(width, gap(640)) * 9.0f / 16.0f + gap(8) + small_ * 1.3f;
        return gap(76);
    case rst::BlockKind::quiz:
        return quiz(blk, width);
    case rst::BlockKind::show_hide: {
        const auto it = state_.open.find(blk.line);
        const bool open = it != state_.open.end() ? it->second : blk.initially_visible;
        float h = body_ * 1.8f;
        if (open && !blk.children.empty())
            h += gap(6) + blocks(blk.children, width - gap(20), gap(10));
        return h;
    }
    case rst::BlockKind::math:
        return body_ * 1.15f * 2.2f + 2 * gap(6);
    case rst::BlockKind::problem:
        return problem_note(blk.text, blk.line, width);
    }
    return 0;
}

} // namespace wte::render
