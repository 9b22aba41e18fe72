// Box layout of formulas (see wte/layout/math_layout.hpp): each node becomes
// a box with width, ascent and descent; parents place child boxes.
#include "wte/layout/math_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace wte::layout {

namespace {

using rst::MathKind;
using rst::MathNode;

struct Layouter {
    const MathMetrics& m;
    float base_size;
    bool display;

    float min_size() const { return base_size * 0.45f; }
    float script_size(float size) const { return std::max(size * 0.7f, min_size()); }

    static void place(MathBox& into, const MathBox& child, float dx, float dy) {
        for (MathGlyphRun r : child.runs) {
            r.x += dx;
            r.y += dy;
            into.runs.push_back(std::move(r));
        }
        for (MathRule r : child.rules) {
            r.x0 += dx, r.x1 += dx, r.y0 += dy, r.y1 += dy;
            into.rules.push_back(r);
        }
        into.ascent = std::max(into.ascent, child.ascent - dy);
        into.descent = std::max(into.descent, child.descent + dy);
    }

    MathBox glyphs(const std::string& text, float size, bool italic) const {
        MathBox b;
        b.width = m.width(text, size, italic);
        b.ascent = m.ascent * size;
        b.descent = m.descent * size;
        b.runs.push_back({0, 0, size, italic, text});
        return b;
    }

    static bool is_spaced_operator(const std::string& t) {
        static const char* spaced[] = {"+", "=", "<", ">", "−", "-", "±", "∓", "×", "÷", "⋅",
                                       "≤", "≥", "≠", "≈", "≡", "∼", "≃", "∝", "∈", "∉", "⊂",
                                       "⊆", "⊃", "⊇", "→", "←", "⇒", "⇐", "⇔", "↔", "⟺", "⟹",
                                       "↦", "∪", "∩", "∧", "∨", "∗", "∘", "≪", "≫", "∖"};
        for (const char* s : spaced)
            if (t == s) return true;
        return false;
    }

    static bool single_letter(const std::string& t) {
        return t.size() == 1 && std::isalpha(static_cast<unsigned char>(t[0]));
    }

    MathBox row(const std::vector<MathNode>& children, float size) const {
        MathBox b;
        b.ascent = m.ascent * size;
        b.descent = m.descent * size;
        const bool script = size < base_size * 0.95f;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const MathNode& c = children[i];
            float before = 0, after = 0;
            if (c.kind == MathKind::operator_ && is_spaced_operator(c.text)) {
                // A leading sign (-x) is not a binary operator.
                const bool unary = i == 0 && (c.text == "-" || c.text == "−" || c.text == "+");
                if (!unary) before = after = (script ? 0.12f : 0.24f) * size;
            } else if (c.kind == MathKind::operator_ && c.text == ",") {
                after = 0.17f * size;
            } else if (c.kind == MathKind::function && i + 1 < children.size()) {
                after = 0.12f * size;
            }
            MathBox child = node(c, size);
            b.width += before;
            place(b, child, b.width, 0);
            b.width += child.width + after;
        }
        return b;
    }

    MathBox node(const MathNode& n, float size) const {
        switch (n.kind) {
        case MathKind::row:
            return row(n.children, size);
        case MathKind::identifier:
            return glyphs(n.text, size, single_letter(n.text));
        case MathKind::number:
        case MathKind::function:
        case MathKind::text:
            return glyphs(n.text, size, false);
        case MathKind::operator_:
            return glyphs(n.text == "-" ? "−" : n.text, size, false);
        case MathKind::large_operator: {
            MathBox b = glyphs(n.text, size * (display ? 1.5f : 1.2f), false);
            // Centre the bigger glyph on the math axis.
            const float shift = (b.ascent - b.descent) * 0.5f - m.axis * size;
            for (auto& r : b.runs)
                r.y += shift;
            b.ascent -= shift;
            b.descent += shift;
            return b;
        }
        case MathKind::space: {
            MathBox b;
            b.width = static_cast<float>(std::atof(n.text.c_str())) * size;
            b.ascent = m.ascent * size;
            return b;
        }
        case MathKind::frac:
            return frac(n, size);
        case MathKind::sqrt:
            return sqrt(n, size);
        case MathKind::sub:
        case MathKind::sup:
        case MathKind::subsup:
            return scripts(n, size);
        }
        return {};
    }

    MathBox frac(const MathNode& n, float size) const {
        const float part_size =
            display && size >= base_size * 0.95f
                ? size
                : std::max(size * (size >= base_size * 0.95f ? 0.86f : 0.8f), min_size());
        MathBox num = n.children.size() > 0 ? node(n.children[0], part_size) : MathBox{};
        MathBox den = n.children.size() > 1 ? node(n.children[1], part_size) : MathBox{};
        const float thick = std::max(1.0f, size * 0.06f);
        const float gap = size * 0.12f;
        const float pad = size * 0.12f;
        const float axis = -m.axis * size; // y of the bar
        MathBox b;
        b.width = std::max(num.width, den.width) + 2 * pad;
        place(b, num, (b.width - num.width) * 0.5f, axis - thick * 0.5f - gap - num.descent);
        place(b, den, (b.width - den.width) * 0.5f, axis + thick * 0.5f + gap + den.ascent);
        b.rules.push_back({pad * 0.5f, axis, b.width - pad * 0.5f, axis, thick});
        return b;
    }

    MathBox sqrt(const MathNode& n, float size) const {
        MathBox rad = n.children.size() > 0 ? node(n.children[0], size) : MathBox{};
        const float thick = std::max(1.0f, size * 0.06f);
        const float gap = size * 0.1f;
        const float sign_w = size * 0.55f;
        const float top = -(rad.ascent + gap + thick); // y of the overline
        const float bottom = rad.descent;
        MathBox b;
        float x0 = 0;
        if (n.children.size() > 1) {
            MathBox index = node(n.children[1], std::max(size * 0.55f, min_size()));
            const float ix = 0;
            x0 = std::max(0.0f, index.width - sign_w * 0.45f);
            place(b, index, ix, top * 0.45f - index.descent);
        }
        // The radical sign: a short rise, a long descent, then up to the bar.
        const float mid_y = (top + bottom) * 0.5f + size * 0.15f;
        b.rules.push_back({x0, mid_y, x0 + sign_w * 0.25f, mid_y - size * 0.05f, thick});
        b.rules.push_back(
            {x0 + sign_w * 0.25f, mid_y - size * 0.05f, x0 + sign_w * 0.55f, bottom, thick * 1.6f});
        b.rules.push_back({x0 + sign_w * 0.55f, bottom, x0 + sign_w, top, thick});
        const float rad_x = x0 + sign_w + size * 0.08f;
        b.rules.push_back({x0 + sign_w, top, rad_x + rad.width + size * 0.08f, top, thick});
        place(b, rad, rad_x, 0);
        b.width = rad_x + rad.width + size * 0.12f;
        b.ascent = std::max(b.ascent, -top + thick);
        b.descent = std::max(b.descent, bottom + thick);
        return b;
    }

    MathBox scripts(const MathNode& n, float size) const {
        MathBox base = n.children.size() > 0 ? node(n.children[0], size) : MathBox{};
        const float ss = script_size(size);
        MathBox b;
        place(b, base, 0, 0);
        b.width = base.width;
        const MathNode* sub = nullptr;
        const MathNode* sup = nullptr;
        if (n.kind == MathKind::sub && n.children.size() > 1) sub = &n.children[1];
        if (n.kind == MathKind::sup && n.children.size() > 1) sup = &n.children[1];
        if (n.kind == MathKind::subsup && n.children.size() > 2) {
            sub = &n.children[1];
            sup = &n.children[2];
        }
        const float x = base.width + size * 0.04f;
        float w = 0;
        if (sup) {
            MathBox s = node(*sup, ss);
            // Raised so the script's baseline sits well above the base's x-height.
            const float shift = std::max(size * 0.36f, base.ascent - s.ascent * 0.7f);
            place(b, s, x, -shift);
            w = std::max(w, s.width);
        }
        if (sub) {
            MathBox s = node(*sub, ss);
            const float shift =
                std::max(size * (sup ? 0.28f : 0.2f), base.descent + s.ascent * 0.3f);
            place(b, s, x, shift);
            w = std::max(w, s.width);
        }
        b.width = x + w + size * 0.04f;
        return b;
    }
};

void plain(const MathNode& n, std::string& out) {
    auto wrapped = [&](const MathNode& c) {
        const bool simple = c.kind != MathKind::row || c.children.size() <= 1;
        if (!simple) out += "(";
        plain(c, out);
        if (!simple) out += ")";
    };
    switch (n.kind) {
    case MathKind::row:
        for (const auto& c : n.children)
            plain(c, out);
        return;
    case MathKind::operator_:
        if (Layouter::is_spaced_operator(n.text))
            out += " " + (n.text == "-" ? std::string("−") : n.text) + " ";
        else
            out += n.text;
        return;
    case MathKind::space:
        out += " ";
        return;
    case MathKind::frac:
        if (n.children.size() > 1) {
            wrapped(n.children[0]);
            out += "/";
            wrapped(n.children[1]);
        }
        return;
    case MathKind::sqrt:
        out += "√";
        if (!n.children.empty()) {
            out += "(";
            plain(n.children[0], out);
            out += ")";
        }
        return;
    case MathKind::sub:
    case MathKind::sup:
    case MathKind::subsup:
        if (n.children.empty()) return;
        plain(n.children[0], out);
        if (n.kind != MathKind::sup && n.children.size() > 1) {
            out += "_";
            wrapped(n.children[1]);
        }
        if (n.kind == MathKind::sup && n.children.size() > 1) {
            out += "^";
            wrapped(n.children[1]);
        }
        if (n.kind == MathKind::subsup && n.children.size() > 2) {
            out += "^";
            wrapped(n.children[2]);
        }
        return;
    default:
        out += n.text;
        return;
    }
}

} // namespace

MathBox layout_math(const rst::MathNode& root, float size, const MathMetrics& metrics,
                    bool display) {
    Layouter l{metrics, size, display};
    MathBox b = l.node(root, size);
    b.ascent = std::max(b.ascent, metrics.ascent * size);
    b.descent = std::max(b.descent, metrics.descent * size);
    return b;
}

std::string math_plain_text(const rst::MathNode& root) {
    std::string out;
    plain(root, out);
    // Collapse the doubled spaces operators leave next to each other.
    std::string clean;
    for (char c : out)
        if (!(c == ' ' && (clean.empty() || clean.back() == ' '))) clean += c;
    while (!clean.empty() && clean.back() == ' ')
        clean.pop_back();
    return clean;
}

} // namespace wte::layout
