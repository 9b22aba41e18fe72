// Inline layout: spans → atoms (words, spaces, formulas) with a resolved
// style → greedy lines (wte::layout::break_lines) → one text command per run
// of equal style on a line, link regions per line, baselines aligned.
#include "render/layout.hpp"
#include "wte/api.hpp"

#include "wte/highlight.hpp"
#include "wte/layout/text_layout.hpp"
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

namespace wte::render {

using ui::FontRole;

ImFont* font_for(const TextStyle& s) {
    switch (s.role) {
    case FontRole::body:
        if (s.bold && s.italic) return ui::font(FontRole::bold_italic);
        if (s.bold) return ui::font(FontRole::bold);
        if (s.italic) return ui::font(FontRole::italic);
        return ui::font(FontRole::body);
    case FontRole::small:
        return ui::font(s.bold ? FontRole::small_bold : FontRole::small);
    default:
        return ui::font(s.role);
    }
}

float text_width(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + text.size()).x;
}
float font_ascent(ImFont* font, float size) {
    return font->Ascent * size / font->FontSize;
}
float font_descent(ImFont* font, float size) {
    return -font->Descent * size / font->FontSize;
}

namespace {

// A formula or an inline image in the text: rare, so kept off the atoms.
struct InlineObject {
    layout::MathBox math;
    std::string math_text;
    std::string image; // an inline image's URL (an :asset: that is an image), drawn once decoded
    float image_w = 0, image_h = 0; // its natural size, device px
};

// A word, a space, a formula or an inline image. Small: a long page lays out
// about 100k of them, and the vector of a paragraph's atoms grows by moving them.
struct Atom {
    std::string text;
    TextStyle style;
    bool space = false;
    bool hard = false;
    bool is_math = false;
    rst::Rare<InlineObject> object;
    float width = 0;
};

// Colours in :style: are the author's content; the high-contrast theme
// ignores them so text always stays readable.
bool parse_css_colour(const std::string& v, ImU32& out) {
    static const struct {
        const char* name;
        unsigned rgb;
    } named[] = {{"black", 0x000000},   {"white", 0xffffff},     {"red", 0xff0000},
                 {"green", 0x008000},   {"blue", 0x0000ff},      {"yellow", 0xffff00},
                 {"orange", 0xffa500},  {"purple", 0x800080},    {"gray", 0x808080},
                 {"grey", 0x808080},    {"navy", 0x000080},      {"teal", 0x008080},
                 {"maroon", 0x800000},  {"olive", 0x808000},     {"darkblue", 0x00008b},
                 {"darkred", 0x8b0000}, {"darkgreen", 0x006400}, {"lightyellow", 0xffffe0}};
    unsigned r = 0, g = 0, b = 0;
    if (!v.empty() && v[0] == '#') {
        const std::string hex = v.substr(1);
        const unsigned long n = std::strtoul(hex.c_str(), nullptr, 16);
        if (hex.size() == 6) {
            r = (n >> 16) & 255, g = (n >> 8) & 255, b = n & 255;
        } else if (hex.size() == 3) {
            r = ((n >> 8) & 15) * 17, g = ((n >> 4) & 15) * 17, b = (n & 15) * 17;
        } else {
            return false;
        }
    } else if (v.rfind("rgb", 0) == 0) {
        if (std::sscanf(v.c_str(), "rgb%*[a]( %u , %u , %u", &r, &g, &b) != 3 &&
            std::sscanf(v.c_str(), "rgb( %u , %u , %u", &r, &g, &b) != 3)
            return false;
    } else {
        bool found = false;
        for (const auto& n : named)
            if (v == n.name) {
                r = (n.rgb >> 16) & 255, g = (n.rgb >> 8) & 255, b = n.rgb & 255;
                found = true;
            }
        if (!found) return false;
    }
    out = IM_COL32(std::min(r, 255u), std::min(g, 255u), std::min(b, 255u), 255);
    return true;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

void apply_css(const std::string& css, TextStyle& st) {
    std::size_t pos = 0;
    while (pos < css.size()) {
        std::size_t end = css.find(';', pos);
        if (end == std::string::npos) end = css.size();
        const std::string decl = css.substr(pos, end - pos);
        pos = end + 1;
        const auto colon = decl.find(':');
        if (colon == std::string::npos) continue;
        const std::string prop = trim(decl.substr(0, colon));
        const std::string value = trim(decl.substr(colon + 1));
        ImU32 c = 0;
        if (prop == "font-weight")
            st.bold = value == "bold" || value == "bolder" || std::atoi(value.c_str()) >= 600;
        else if (prop == "font-style")
            st.italic = value == "italic" || value == "oblique";
        else if (prop == "text-decoration" || prop == "text-decoration-line") {
            st.underline = value.find("underline") != std::string::npos;
            st.strike = value.find("line-through") != std::string::npos;
        } else if (prop == "color" && ui::look() == ui::Look::light && parse_css_colour(value, c))
            st.colour = c;
        else if (prop == "background-color" && ui::look() == ui::Look::light &&
                 parse_css_colour(value, c))
            st.background = c;
    }
}

bool is_external(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
           url.rfind("mailto:", 0) == 0;
}

class AtomBuilder {
public:
    AtomBuilder(Builder& b, std::vector<Atom>& atoms) : atoms(atoms), b_(b) {}
    std::vector<Atom>& atoms;

    void words(const std::string& text, const TextStyle& st) {
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
                while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
                    ++i;
                Atom a;
                a.text = " ";
                a.style = st;
                a.space = true;
                atoms.push_back(std::move(a));
                continue;
            }
            std::size_t j = i;
            while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
                ++j;
            Atom a;
            a.text = text.substr(i, j - i);
            a.style = st;
            atoms.push_back(std::move(a));
            i = j;
        }
    }

    // Inline code keeps its spaces as words so indentation-free code reads right.
    void code(const std::string& text, const std::string& language, const TextStyle& st) {
        const auto tokens = highlight(language, text);
        for (const auto& t : tokens) {
            TextStyle ts = st;
            ts.colour = syntax_colour(t.kind);
            words(text.substr(t.begin, t.end - t.begin), ts);
        }
    }

    void spans(const std::vector<rst::Inline>& list, const TextStyle& st) {
        for (const auto& s : list)
            span(s, st);
    }

    void span(const rst::Inline& s, const TextStyle& st) {
        const ui::Palette& p = ui::palette();
        TextStyle t = st;
        switch (s.kind) {
        case rst::InlineKind::text:
            words(s.text, st);
            break;
        case rst::InlineKind::emphasis:
            t.italic = true;
            spans(s.children, t);
            break;
        case rst::InlineKind::strong:
            t.bold = true;
            spans(s.children, t);
            break;
        case rst::InlineKind::literal:
            t.role = st.role == FontRole::small ? FontRole::mono_small : FontRole::mono;
            t.background = p.code_bg;
            words(s.text, t);
            break;
        case rst::InlineKind::code:
            t.role = st.role == FontRole::small ? FontRole::mono_small : FontRole::mono;
            t.background = p.code_bg;
            code(s.text, *s.target, t);
            break;
        case rst::InlineKind::subscript:
            t.scale = 0.75f;
            t.shift = 0.25f;
            spans(s.children, t);
            break;
        case rst::InlineKind::superscript:
            t.scale = 0.75f;
            t.shift = -0.4f;
            spans(s.children, t);
            break;
        case rst::InlineKind::styled:
            apply_css(*s.target, t);
            spans(s.children, t);
            break;
        case rst::InlineKind::asset:
            if (rst::is_image_name(*s.target) && inline_image(s, st)) break;
            [[fallthrough]];
        case rst::InlineKind::link: {
            const bool asset = s.kind == rst::InlineKind::asset;
            const std::string url = asset ? image_url(b_.part_id, *s.target) : *s.target;
            const std::string text = s.text.empty() ? *s.target : s.text;
            t.colour = p.link;
            t.underline = true;
            Hot h;
            // An asset that is not an image (or could not be shown) downloads.
            h.kind = asset ? HotKind::download : HotKind::link;
            h.label = text;
            h.target = url;
            if (asset) h.filename = *s.target;
            t.hot = b_.hot(h);
            if (s.children.empty())
                words(text, t);
            else
                spans(s.children, t);
            break;
        }
        case rst::InlineKind::crossref: {
            const auto it = b_.state.crossrefs.find(*s.target);
            const bool known = it != b_.state.crossrefs.end() && !it->second.loading;
            const bool available = known && it->second.available;
            std::string text = s.text;
            if (known && !available) {
                text = s.text.empty() ? "not available" : s.text + " (not available)";
                t.colour = p.text_muted;
                t.italic = true;
                words(text, t);
                break;
            }
            if (text.empty()) text = known ? it->second.title : "Part " + *s.target;
            t.colour = p.link;
            t.underline = true;
            Hot h;
            h.kind = HotKind::crossref;
            h.label = text;
            h.target = *s.target;
            t.hot = b_.hot(h);
            words(text, t);
            break;
        }
        case rst::InlineKind::math: {
            Atom a;
            a.is_math = true;
            a.style = st;
            const float size = font_for(st)->FontSize * st.scale;
            InlineObject& formula = a.object.edit();
            formula.math = b_.math_box(*s.math, size, false);
            formula.math_text = layout::math_plain_text(*s.math);
            a.width = formula.math.width;
            atoms.push_back(std::move(a));
            break;
        }
        }
    }

private:
    Builder& b_;

    // An image asset inside the text, once decoded; until then (or when it
    // fails) the caller shows it as a download link. Returns true if placed.
    bool inline_image(const rst::Inline& s, const TextStyle& st) {
        const std::string url = image_url(b_.part_id, *s.target);
        const ImageState& img = b_.state.images.try_emplace(url).first->second;
        if (img.state != ImageState::State::ready || img.width <= 0 || img.height <= 0)
            return false;
        Atom a;
        a.style = st;
        InlineObject& image = a.object.edit();
        image.image = url;
        a.text = s.text.empty() ? *s.target : s.text;
        image.image_w = static_cast<float>(img.width) * ui::scale();
        image.image_h = static_cast<float>(img.height) * ui::scale();
        a.width = image.image_w;
        atoms.push_back(std::move(a));
        return true;
    }
};

} // namespace

ImU32 syntax_colour(TokenKind k) {
    const ui::Palette& p = ui::palette();
    switch (k) {
    case TokenKind::keyword:
        return p.syntax_keyword;
    case TokenKind::type:
        return p.syntax_type;
    case TokenKind::function:
        return p.syntax_function;
    case TokenKind::string:
        return p.syntax_string;
    case TokenKind::number:
        return p.syntax_number;
    case TokenKind::comment:
        return p.syntax_comment;
    case TokenKind::tag:
    case TokenKind::preprocessor:
        return p.syntax_tag;
    case TokenKind::attribute:
        return p.syntax_attribute;
    case TokenKind::punctuation:
    case TokenKind::operator_:
        return p.syntax_punctuation;
    case TokenKind::variable:
        return p.syntax_variable;
    case TokenKind::plain:
        break;
    }
    return p.text;
}

std::string image_url(Id part_id, const std::string& uri) {
    if (is_external(uri)) return uri;
    return api::path_asset_by_name(part_id, uri);
}

float Builder::flow(const std::vector<rst::Inline>& spans, const TextStyle& base, float x, float y,
                    float width, float line_factor) {
    // The atoms' vector is lent from paragraph to paragraph (its capacity).
    static thread_local std::vector<Atom> spare;
    struct Lent {
        std::vector<Atom> atoms = std::exchange(spare, {});
        ~Lent() {
            atoms.clear();
            spare = std::move(atoms);
        }
    } lent;
    std::vector<Atom>& atoms = lent.atoms;
    AtomBuilder ab(*this, atoms);
    ab.spans(spans, base);
    if (atoms.empty()) return 0;

    std::vector<layout::Piece> pieces;
    pieces.reserve(atoms.size());
    for (auto& a : atoms) {
        if (!a.object->image.empty()) {
            // Wider than the column: scaled down, proportions kept.
            InlineObject& image = a.object.edit();
            if (image.image_w > width && width > 0) {
                image.image_h *= width / image.image_w;
                image.image_w = width;
            }
            a.width = image.image_w;
        } else if (!a.is_math) {
            ImFont* f = font_for(a.style);
            a.width = text_width(f, f->FontSize * a.style.scale, a.text);
        }
        pieces.push_back({a.width, a.space, a.hard});
    }
    const auto lines = layout::break_lines(pieces, width);

    ImFont* base_font = font_for(base);
    const float base_size = base_font->FontSize;
    const float base_ascent = font_ascent(base_font, base_size);
    const float base_descent = font_descent(base_font, base_size);
    const float line_h = base_size * line_factor;
    const int para = next_para();
    float cy = y;
    std::string plain_all;
    std::map<int, int> last_region; // link → its region on the latest line
    for (const auto& ln : lines) {
        float asc = base_ascent, desc = base_descent;
        for (std::size_t i = ln.begin; i < ln.end; ++i) {
            const Atom& a = atoms[i];
            if (a.is_math) {
                asc = std::max(asc, a.object->math.ascent);
                desc = std::max(desc, a.object->math.descent);
            } else if (!a.object->image.empty()) {
                asc = std::max(asc, a.object->image_h); // the image sits on the baseline
            } else if (a.style.shift != 0) {
                asc = std::max(asc, base_ascent - a.style.shift * base_size * 0.6f);
            }
        }
        const float h = std::max(line_h, asc + desc + base_size * 0.35f);
        const float baseline = cy + (h - (asc + desc)) * 0.5f + asc;
        const float line_height = h;
        float cx = x;
        // Runs of equal style become one text command.
        std::size_t i = ln.begin;
        while (i < ln.end) {
            const Atom& a = atoms[i];
            if (a.is_math) {
                emit_math(a.object->math, ImVec2(cx, baseline), a.style.colour);
                probe(a.object->math_text, ImVec2(cx, baseline - a.object->math.ascent),
                      ImVec2(cx + a.width, baseline + a.object->math.descent));
                plain_all += a.object->math_text;
                cx += a.width;
                ++i;
                continue;
            }
            if (!a.object->image.empty()) {
                Cmd c;
                c.kind = CmdKind::image;
                c.a = ImVec2(cx, baseline - a.object->image_h);
                c.b = ImVec2(cx + a.object->image_w, baseline);
                c.text = a.object->image;
                out.cmds.push_back(std::move(c));
                probe(a.text, ImVec2(cx, baseline - a.object->image_h),
                      ImVec2(cx + a.object->image_w, baseline));
                plain_all += a.text;
                cx += a.width;
                ++i;
                continue;
            }
            std::string run;
            float run_w = 0;
            std::size_t j = i;
            while (j < ln.end && !atoms[j].is_math && atoms[j].object->image.empty() &&
                   atoms[j].style.role == a.style.role && atoms[j].style.bold == a.style.bold &&
                   atoms[j].style.italic == a.style.italic &&
                   atoms[j].style.colour == a.style.colour &&
                   atoms[j].style.scale == a.style.scale && atoms[j].style.shift == a.style.shift &&
                   atoms[j].style.hot == a.style.hot &&
                   atoms[j].style.background == a.style.background &&
                   atoms[j].style.underline == a.style.underline) {
                run += atoms[j].text;
                run_w += atoms[j].width;
                ++j;
            }
            // Trailing spaces of the line are not drawn (nor underlined).
            while (!run.empty() && run.back() == ' ' && j == ln.end) {
                run.pop_back();
                run_w -= atoms[j - 1].width;
                break;
            }
            ImFont* f = font_for(a.style);
            const float size = f->FontSize * a.style.scale;
            const float top = baseline + a.style.shift * base_size * 0.6f - font_ascent(f, size);
            if (a.style.background) {
                const float pad = 2.0f * ui::scale();
                fill(ImVec2(cx - pad, top - pad * 0.5f),
                     ImVec2(cx + run_w + pad,
                            top + font_ascent(f, size) + font_descent(f, size) + pad * 0.5f),
                     a.style.background, 3.0f * ui::scale());
            }
            // A link gets one clickable region per line it covers.
            int hot_index = a.style.hot;
            if (hot_index >= 0) {
                auto last = last_region.find(hot_index);
                if (last == last_region.end()) {
                    Hot& first = out.hots[static_cast<std::size_t>(hot_index)];
                    first.a = ImVec2(cx, cy);
                    first.b = ImVec2(cx + run_w, cy + h);
                    last_region[hot_index] = hot_index;
                } else if (out.hots[static_cast<std::size_t>(last->second)].a.y == cy) {
                    Hot& region = out.hots[static_cast<std::size_t>(last->second)];
                    region.b.x = std::max(region.b.x, cx + run_w);
                    hot_index = last->second;
                } else {
                    Hot region = out.hots[static_cast<std::size_t>(hot_index)];
                    region.a = ImVec2(cx, cy);
                    region.b = ImVec2(cx + run_w, cy + line_height);
                    hot_index = this->hot(region);
                    last_region[a.style.hot] = hot_index;
                }
            }
            Cmd c;
            c.kind = CmdKind::text;
            c.a = ImVec2(cx, top);
            c.b = ImVec2(cx + run_w, top + font_ascent(f, size) + font_descent(f, size));
            c.colour = a.style.colour;
            c.size = size;
            c.font = f;
            c.hot = hot_index;
            c.selectable = a.style.selectable;
            c.line_top = cy;
            c.line_bottom = cy + h;
            c.para = para;
            plain_all += run;
            c.text = std::move(run);
            out.cmds.push_back(std::move(c));
            const float ul_y = baseline + 2.0f * ui::scale();
            if (a.style.underline) {
                line(ImVec2(cx, ul_y), ImVec2(cx + run_w, ul_y), a.style.colour, ui::scale());
                out.cmds.back().hot = hot_index;
            }
            if (a.style.strike) {
                const float sy = baseline - font_ascent(f, size) * 0.3f;
                line(ImVec2(cx, sy), ImVec2(cx + run_w, sy), a.style.colour, ui::scale());
            }
            cx += run_w;
            i = j;
        }
        plain_all += ' ';
        cy += h;
    }
    while (!plain_all.empty() && plain_all.back() == ' ')
        plain_all.pop_back();
    probe(plain_all, ImVec2(x, y), ImVec2(x + width, cy));
    return cy - y;
}

float Builder::text(const std::string& s, const TextStyle& base, float x, float y, float width,
                    float line_factor) {
    rst::Inline span;
    span.kind = rst::InlineKind::text;
    span.text = s;
    return flow({span}, base, x, y, width, line_factor);
}

float Builder::label(const std::string& s, const TextStyle& style, ImVec2 pos, bool selectable) {
    ImFont* f = font_for(style);
    const float size = f->FontSize * style.scale;
    Cmd c;
    c.kind = CmdKind::text;
    c.a = pos;
    const float w = text_width(f, size, s);
    c.b = ImVec2(pos.x + w, pos.y + font_ascent(f, size) + font_descent(f, size));
    c.colour = style.colour;
    c.size = size;
    c.font = f;
    c.text = s;
    c.hot = style.hot;
    c.selectable = selectable;
    c.line_top = pos.y;
    c.line_bottom = c.b.y;
    c.para = next_para();
    out.cmds.push_back(std::move(c));
    return w;
}

int Builder::hot(Hot h) {
    out.hots.push_back(std::move(h));
    return static_cast<int>(out.hots.size()) - 1;
}

void Builder::fill(ImVec2 a, ImVec2 b, ImU32 colour, float rounding) {
    Cmd c;
    c.kind = CmdKind::fill;
    c.a = a, c.b = b, c.colour = colour, c.rounding = rounding;
    out.cmds.push_back(std::move(c));
}
void Builder::frame(ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float rounding) {
    Cmd c;
    c.kind = CmdKind::frame;
    c.a = a, c.b = b, c.colour = colour, c.size = thickness, c.rounding = rounding;
    out.cmds.push_back(std::move(c));
}
void Builder::line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    Cmd c;
    c.kind = CmdKind::line;
    c.a = a, c.b = b, c.colour = colour, c.size = thickness;
    out.cmds.push_back(std::move(c));
}
void Builder::circle(ImVec2 centre, float radius, ImU32 colour) {
    Cmd c;
    c.kind = CmdKind::circle;
    c.a = centre, c.b = ImVec2(radius, 0), c.colour = colour;
    out.cmds.push_back(std::move(c));
}
void Builder::probe(const std::string& t, ImVec2 a, ImVec2 b) {
    if (!t.empty()) out.texts.push_back({t, a, b});
}

} // namespace wte::render
