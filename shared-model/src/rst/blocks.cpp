// Body elements of reStructuredText: section titles, paragraphs, literal
// blocks, block quotes, bullet/enumerated/definition/field lists, line
// blocks and transitions. Every branch consumes at least one line and nested
// blocks are parsed once per level, so time is linear for bounded depth.
#include "parser_internal.hpp"

#include <array>

namespace wte::rst::detail {
namespace {

bool is_adornment_char(char c) {
    // Asked of the first character of nearly every line: a table, not a search.
    static constexpr auto adornment = [] {
        std::array<bool, 256> table{};
        for (unsigned char a : std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"))
            table[a] = true;
        return table;
    }();
    return adornment[static_cast<unsigned char>(c)];
}

// A line made of one repeated punctuation character.
bool is_adornment(std::string_view t) {
    if (t.empty() || !is_adornment_char(t[0])) return false;
    for (char c : t)
        if (c != t[0]) return false;
    return true;
}

// Length in bytes of a bullet marker plus the spaces after it, 0 if none.
size_t bullet_marker(std::string_view t) {
    size_t len = 0;
    if (!t.empty() && (t[0] == '*' || t[0] == '+' || t[0] == '-'))
        len = 1;
    else if (starts_with(t, "\xE2\x80\xA2") || starts_with(t, "\xE2\x80\xA3") ||
             starts_with(t, "\xE2\x81\x83"))
        len = 3; // • ‣ ⁃
    if (len == 0) return 0;
    if (t.size() == len) return len;
    if (t[len] != ' ') return 0;
    return len + indent_of(t.substr(len));
}

int roman_value(std::string_view s) {
    static const std::pair<const char*, int> table[] = {
        {"m", 1000}, {"cm", 900}, {"d", 500}, {"cd", 400}, {"c", 100}, {"xc", 90}, {"l", 50},
        {"xl", 40},  {"x", 10},   {"ix", 9},  {"v", 5},    {"iv", 4},  {"i", 1}};
    if (s.empty() || s.size() > 15) return 0;
    std::string lower = to_lower(s);
    int value = 0;
    size_t i = 0;
    for (const auto& [sym, v] : table) {
        std::string_view sv = sym;
        int repeats = 0;
        while (lower.compare(i, sv.size(), sv) == 0 && repeats < 4) {
            value += v;
            i += sv.size();
            ++repeats;
        }
    }
    if (i != lower.size() || value <= 0 || value >= 5000) return 0;
    return value;
}

struct Enumerator {
    // Literals only: tried on the first line of every block, so nothing is copied.
    std::string_view format; // "period", "rparen", "parens"
    std::string_view style;  // arabic, loweralpha, ..., "auto"
    int ordinal = 0;
    std::string_view alt_style; // "i" could be roman or alphabetic
    int alt_ordinal = 0;
    size_t length = 0; // marker and the spaces after it
};

bool read_enumerator(std::string_view t, Enumerator& e) {
    size_t i = 0;
    bool parens = !t.empty() && t[0] == '(';
    if (parens) i = 1;
    size_t b = i;
    while (i < t.size() && (is_alnum(t[i]) || t[i] == '#') && i - b < 10)
        ++i;
    std::string_view token = t.substr(b, i - b);
    if (token.empty() || i >= t.size()) return false;
    if (parens) {
        if (t[i] != ')') return false;
        e.format = "parens";
    } else if (t[i] == '.') {
        e.format = "period";
    } else if (t[i] == ')') {
        e.format = "rparen";
    } else {
        return false;
    }
    ++i;
    if (i < t.size() && t[i] != ' ') return false;
    e.length = i + indent_of(t.substr(i));

    bool all_digits = true, all_lower = true, all_upper = true;
    for (char c : token) {
        all_digits = all_digits && is_digit(c);
        all_lower = all_lower && c >= 'a' && c <= 'z';
        all_upper = all_upper && c >= 'A' && c <= 'Z';
    }
    if (token == "#") {
        e.style = "auto";
        e.ordinal = 0;
        return true;
    }
    if (all_digits) {
        if (token.size() > 9) return false;
        e.style = "arabic";
        e.ordinal = 0; // at most 9 digits: fits an int
        for (char c : token)
            e.ordinal = e.ordinal * 10 + (c - '0');
        return true;
    }
    if (!all_lower && !all_upper) return false;
    int roman = roman_value(token);
    if (token.size() == 1) {
        int alpha = (all_lower ? token[0] - 'a' : token[0] - 'A') + 1;
        if (roman > 0 && (token[0] == 'i' || token[0] == 'I')) {
            e.style = all_lower ? "lowerroman" : "upperroman";
            e.ordinal = roman;
            e.alt_style = all_lower ? "loweralpha" : "upperalpha";
            e.alt_ordinal = alpha;
        } else {
            e.style = all_lower ? "loweralpha" : "upperalpha";
            e.ordinal = alpha;
            if (roman > 0) {
                e.alt_style = all_lower ? "lowerroman" : "upperroman";
                e.alt_ordinal = roman;
            }
        }
        return true;
    }
    if (roman == 0) return false;
    e.style = all_lower ? "lowerroman" : "upperroman";
    e.ordinal = roman;
    return true;
}

// An enumerator ("1.", "(a)", "iv)") with its format and ordinal. Asked of
// the first line of nearly every block: the test that settles most lines
// (no '.' or ')' right after a short word) is done inline before the call.
bool parse_enumerator(std::string_view t, Enumerator& e) {
    size_t i = !t.empty() && t[0] == '(' ? 1 : 0;
    size_t b = i;
    while (i < t.size() && (is_alnum(t[i]) || t[i] == '#') && i - b < 10)
        ++i;
    if (i == b || i >= t.size() || (t[i] != '.' && t[i] != ')')) return false;
    return read_enumerator(t, e);
}

// ":name: body" — returns the position of the closing colon, 0 if none.
size_t field_marker_end(std::string_view t) {
    if (t.size() < 3 || t[0] != ':' || t[1] == ':' || t[1] == ' ') return 0;
    for (size_t j = 1; j < t.size(); ++j) {
        if (t[j] == '\\') {
            ++j;
            continue;
        }
        if (t[j] != ':') continue;
        if (j + 1 == t.size() || t[j + 1] == ' ') return t[j - 1] == ' ' ? 0 : j;
        if (t[j + 1] == '`') return 0;
    }
    return 0;
}

bool is_line_block_line(std::string_view t) {
    return !t.empty() && t[0] == '|' && (t.size() == 1 || t[1] == ' ');
}

bool is_grid_table_top(std::string_view t) {
    if (t.size() < 3 || !starts_with(t, "+-") || !ends_with(t, "-+")) return false;
    for (char c : t)
        if (c != '-' && c != '+') return false;
    return true;
}

bool is_simple_table_top(std::string_view t) {
    if (t.empty() || t[0] != '=') return false;
    bool gap = false;
    for (size_t k = 0; k < t.size(); ++k) {
        if (t[k] == ' ') {
            gap = true;
        } else if (t[k] != '=') {
            return false;
        }
    }
    return gap;
}

bool is_explicit_start(std::string_view t) {
    return starts_with(t, "..") && (t.size() == 2 || t[2] == ' ');
}

bool is_anonymous_target(std::string_view t) {
    return t == "__" || starts_with(t, "__ ");
}

// About how many blocks `lines` hold, to reserve them at once (a Block is
// large to move): a block starts after a blank line, unindented or below an
// unindented line (a quote, a literal block, a directive's content).
size_t block_count_estimate(const Lines& lines) {
    size_t count = 0;
    bool after_blank = true, below_unindented = false;
    for (const auto& l : lines) {
        if (l.text.empty()) {
            after_blank = true;
            continue;
        }
        bool unindented = l.text[0] != ' ';
        if (after_blank && (unindented || below_unindented)) ++count;
        after_blank = false;
        below_unindented = unindented;
    }
    return count;
}

} // namespace

// State of one parse_blocks call.
struct BlockParser {
    Parser& p;
    const Lines& L;
    int depth;
    bool top_level;
    std::vector<Block>& out;
    size_t no_close_from = std::string::npos;

    bool blank(size_t i) const { return i >= L.size() || L[i].text.empty(); }
    bool indented(size_t i) const {
        return i < L.size() && !L[i].text.empty() && L[i].text[0] == ' ';
    }

    std::vector<Block> nested(const Lines& lines) {
        return p.parse_blocks(lines, depth + 1, false);
    }

    // A line that opens something other than a paragraph (ends a definition list).
    bool opens_construct(size_t i) const {
        std::string_view t = L[i].text;
        Enumerator e;
        return bullet_marker(t) != 0 || parse_enumerator(t, e) || field_marker_end(t) != 0 ||
               is_line_block_line(t) || is_grid_table_top(t) || is_simple_table_top(t) ||
               is_explicit_start(t) || is_anonymous_target(t) || is_adornment(t);
    }

    size_t run(size_t i) {
        std::string_view t = L[i].text;
        if (t[0] == ' ') return block_quote(i);
        Enumerator e;
        if (is_alnum(t[0])) {
            // Most blocks start with a letter or digit, where of the markers
            // below only an enumerator can start.
            if (parse_enumerator(t, e) && enumerated_item_ok(i, e)) return enumerated_list(i);
            return text(i);
        }
        if (bullet_marker(t) != 0) return bullet_list(i);
        if (parse_enumerator(t, e) && enumerated_item_ok(i, e)) return enumerated_list(i);
        if (field_marker_end(t) != 0) return field_list(i);
        if (is_line_block_line(t)) return line_block(i);
        if (is_grid_table_top(t)) return p.parse_grid_table(L, i, depth, out);
        if (is_simple_table_top(t) && i < no_close_from) {
            size_t next = p.parse_simple_table(L, i, depth, out, no_close_from);
            if (next != i) return next;
        }
        if (is_explicit_start(t)) return p.parse_explicit(L, i, depth, out);
        if (is_anonymous_target(t)) return p.parse_anonymous_target(L, i);
        if (is_adornment(t)) {
            size_t next = adornment_line(i);
            if (next != i) return next;
        }
        return text(i);
    }

    size_t block_quote(size_t i) {
        size_t end = p.indented_end(L, i);
        Lines inner = p.dedent(L, i, end);
        Block q;
        q.kind = BlockKind::block_quote;
        q.line = L[i].number;
        // An attribution ("-- Author") is the last paragraph of the quote.
        size_t last_chunk = inner.size();
        for (size_t k = inner.size(); k > 0; --k) {
            if (inner[k - 1].text.empty()) break;
            last_chunk = k - 1;
        }
        std::string_view first = last_chunk < inner.size() ? inner[last_chunk].text : "";
        size_t dash = starts_with(first, "--- ")            ? 4
                      : starts_with(first, "-- ")           ? 3
                      : starts_with(first, "\xE2\x80\x94 ") ? 4
                                                            : 0;
        if (dash != 0 && last_chunk > 0 && indent_of(first) == 0) {
            q.children = nested(inner.first(last_chunk));
            std::string text(first.substr(dash));
            for (size_t k = last_chunk + 1; k < inner.size(); ++k) {
                text.push_back('\n');
                text.append(trim(inner[k].text));
            }
            Block a;
            a.kind = BlockKind::attribution;
            a.line = inner[last_chunk].number;
            a.inlines = p.parse_inline(text, a.line);
            q.children.push_back(std::move(a));
        } else {
            q.children = nested(inner);
        }
        p.push_block(out, std::move(q));
        return end;
    }

    // Lines of a list item / field body: text after the marker, then the
    // indented lines below it.
    // They live in the line pool: the caller gives them back.
    Lines item_lines(size_t i, size_t marker_length, size_t& end) {
        end = p.indented_end(L, i + 1);
        std::string_view first = L[i].text.substr(std::min(marker_length, L[i].text.size()));
        Lines body = p.dedent_after({first, L[i].number}, L, i + 1, end);
        if (first.empty()) {
            while (!body.empty() && body.front().text.empty())
                body = body.subspan(1);
        }
        return body;
    }

    void warn_unindent(size_t end, const char* what) {
        if (end < L.size() && !L[end].text.empty())
            p.report(L[end].number,
                     std::string(what) + " ends without a blank line; unexpected unindent.");
    }

    size_t bullet_list(size_t i) {
        Block& list = p.add_block(out, BlockKind::bullet_list, L[i].number);
        size_t marker_bytes =
            L[i].text[0] == '*' || L[i].text[0] == '+' || L[i].text[0] == '-' ? 1 : 3;
        std::string marker(L[i].text.substr(0, marker_bytes));
        for (;;) {
            size_t end;
            LineScope scope(p.line_pool);
            Lines body = item_lines(i, bullet_marker(L[i].text), end);
            p.add_block(list.children, BlockKind::list_item, L[i].number).children = nested(body);
            i = end;
            if (i < L.size() && !L[i].text.empty()) {
                if (starts_with(L[i].text, marker) && bullet_marker(L[i].text) != 0) continue;
                warn_unindent(i, "Bullet list");
                break;
            }
            size_t next = i;
            while (next < L.size() && L[next].text.empty())
                ++next;
            if (next < L.size() && starts_with(L[next].text, marker) &&
                bullet_marker(L[next].text) != 0) {
                i = next;
                continue;
            }
            break;
        }
        p.claim_targets(list);
        return i;
    }

    bool enumerated_item_ok(size_t i, const Enumerator&) const {
        if (blank(i + 1) || indented(i + 1)) return true;
        Enumerator next;
        return parse_enumerator(L[i + 1].text, next);
    }

    size_t enumerated_list(size_t i) {
        Enumerator first;
        parse_enumerator(L[i].text, first);
        Block& list = p.add_block(out, BlockKind::enumerated_list, L[i].number);
        std::string_view style = first.style == "auto" ? "arabic" : first.style;
        int expected = first.style == "auto" ? 1 : first.ordinal;
        list.enumeration = std::string(style);
        list.start = expected;
        Enumerator current = first;
        for (;;) {
            size_t end;
            LineScope scope(p.line_pool);
            Lines body = item_lines(i, current.length, end);
            p.add_block(list.children, BlockKind::list_item, L[i].number).children = nested(body);
            ++expected;
            i = end;
            size_t next = i;
            while (next < L.size() && L[next].text.empty())
                ++next;
            Enumerator e;
            if (next < L.size() && parse_enumerator(L[next].text, e) && e.format == first.format &&
                enumerated_item_ok(next, e)) {
                // As in docutils: "#" may continue any list, but a list that
                // started with "#" continues only with "#".
                bool fits =
                    e.style == "auto" || (first.style != "auto" &&
                                          ((e.style == style && e.ordinal == expected) ||
                                           (e.alt_style == style && e.alt_ordinal == expected)));
                if (fits) {
                    i = next;
                    current = e;
                    continue;
                }
            }
            if (next == i) warn_unindent(i, "Enumerated list");
            break;
        }
        p.claim_targets(list);
        return i;
    }

    size_t field_list(size_t i) {
        Block& list = p.add_block(out, BlockKind::field_list, L[i].number);
        for (;;) {
            size_t colon = field_marker_end(L[i].text);
            size_t end;
            LineScope scope(p.line_pool);
            Lines body = item_lines(i, colon + 1 + indent_of(L[i].text.substr(colon + 1)), end);
            Block& field = p.add_block(list.children, BlockKind::field, L[i].number);
            field.inlines = p.parse_inline(L[i].text.substr(1, colon - 1), L[i].number);
            field.children = nested(body);
            i = end;
            size_t next = i;
            while (next < L.size() && L[next].text.empty())
                ++next;
            if (next < L.size() && field_marker_end(L[next].text) != 0) {
                i = next;
                continue;
            }
            if (next == i) warn_unindent(i, "Field list");
            break;
        }
        p.claim_targets(list);
        return i;
    }

    struct LineItem {
        size_t indent;
        std::string text;
        int number;
    };

    Block build_line_block(const std::vector<LineItem>& items, size_t from, size_t to, int level) {
        Block lb;
        lb.kind = BlockKind::line_block;
        lb.line = items[from].number;
        size_t base = items[from].indent;
        for (size_t k = from; k < to; ++k)
            base = std::min(base, items[k].indent);
        size_t k = from;
        while (k < to) {
            if (items[k].indent == base || level >= max_nesting_depth) {
                Block line;
                line.kind = BlockKind::line;
                line.line = items[k].number;
                line.inlines = p.parse_inline(items[k].text, items[k].number);
                lb.children.push_back(std::move(line));
                ++k;
                continue;
            }
            size_t e = k;
            while (e < to && items[e].indent > base)
                ++e;
            lb.children.push_back(build_line_block(items, k, e, level + 1));
            k = e;
        }
        return lb;
    }

    size_t line_block(size_t i) {
        std::vector<LineItem> items;
        while (i < L.size() && is_line_block_line(L[i].text)) {
            std::string_view rest = L[i].text.size() > 2 ? L[i].text.substr(2) : std::string_view{};
            LineItem item{indent_of(rest), std::string(trim(rest)), L[i].number};
            ++i;
            while (indented(i)) {
                item.text.push_back('\n');
                item.text.append(trim(L[i].text));
                ++i;
            }
            items.push_back(std::move(item));
        }
        p.push_block(out, build_line_block(items, 0, items.size(), depth));
        if (!blank(i)) warn_unindent(i, "Line block");
        return i;
    }

    void section_title(std::string_view title, int line, const std::string& style, bool overlined) {
        int level = p.section_level(style, overlined);
        if (level > p.last_section_level + 1)
            p.report(line, "Title level inconsistent: \"" + std::string(trim(title)) +
                               "\" skips a level (its adornment style was first used deeper).");
        p.last_section_level = level;
        Block& s = p.add_block(out, BlockKind::section, line);
        s.level = level;
        s.inlines = p.parse_inline(trim(title), line);
        std::string plain = plain_text(s.inlines);
        s.anchor = p.unique_anchor(plain);
        std::string name = normalize_name(plain);
        p.section_urls.try_emplace(std::move(name), "#" + *s.anchor);
        p.claim_targets(s);
    }

    // An adornment line: transition, overlined title, or just text.
    size_t adornment_line(size_t i) {
        std::string_view t = L[i].text;
        if (blank(i + 1)) {
            if (utf8_length(t) >= 4) {
                p.claim_targets(p.add_block(out, BlockKind::transition, L[i].number));
                return i + 1;
            }
            return i;
        }
        if (i + 2 < L.size() && L[i + 2].text == t && !L[i + 1].text.empty()) {
            std::string_view title = L[i + 1].text;
            if (!top_level) {
                out.push_back(p.problem(L[i + 1].number,
                                        "Section titles are not allowed inside lists, quotes, "
                                        "tables or directives."));
                Block para;
                para.line = L[i + 1].number;
                para.inlines = p.parse_inline(trim(title), para.line);
                p.push_block(out, std::move(para));
                return i + 3;
            }
            if (utf8_length(trim(title)) > utf8_length(t))
                p.report(L[i].number, "Title overline too short.");
            section_title(title, L[i + 1].number, std::string(1, t[0]), true);
            return i + 3;
        }
        if (utf8_length(t) >= 4 && !blank(i + 1) && !indented(i + 1) && i + 2 < L.size() &&
            is_adornment(L[i + 2].text)) {
            p.report(L[i].number, "Title overline and underline do not match.");
        }
        return i;
    }

    size_t literal_after(size_t i, int paragraph_line) {
        size_t j = i;
        while (j < L.size() && L[j].text.empty())
            ++j;
        if (j < L.size() && L[j].text[0] == ' ') {
            size_t end = p.indented_end(L, j);
            Lines body = p.dedent(L, j, end);
            Block& lit = p.add_block(out, BlockKind::literal_block, L[j].number);
            lit.text = join_lines(body, 0, body.size());
            p.claim_targets(lit);
            return end;
        }
        if (j > i && j < L.size() && is_adornment_char(L[j].text[0])) {
            // Quoted literal block: every line starts with the same character.
            char quote = L[j].text[0];
            size_t end = j;
            while (end < L.size() && !L[end].text.empty() && L[end].text[0] == quote)
                ++end;
            Block& lit = p.add_block(out, BlockKind::literal_block, L[j].number);
            lit.text = join_lines(L, j, end);
            p.claim_targets(lit);
            return end;
        }
        p.report(paragraph_line, "Literal block expected; none found.");
        return i;
    }

    size_t text(size_t i) {
        std::string_view t = L[i].text;
        // Section title with an underline.
        if (!blank(i + 1) && !indented(i + 1) && is_adornment(L[i + 1].text)) {
            std::string_view under = L[i + 1].text;
            size_t title_len = utf8_length(t), under_len = utf8_length(under);
            bool long_enough = under_len >= title_len || under_len >= 4;
            if (long_enough) {
                if (!top_level) {
                    out.push_back(p.problem(L[i].number,
                                            "Section titles are not allowed inside lists, quotes, "
                                            "tables or directives."));
                    Block para;
                    para.line = L[i].number;
                    para.inlines = p.parse_inline(t, para.line);
                    p.push_block(out, std::move(para));
                    return i + 2;
                }
                if (under_len < title_len) p.report(L[i + 1].number, "Title underline too short.");
                section_title(t, L[i].number, std::string(1, under[0]), false);
                return i + 2;
            }
        }
        // Definition list: a term followed directly by an indented definition.
        if (indented(i + 1)) return definition_list(i);

        size_t end = i;
        while (end < L.size() && !L[end].text.empty() && L[end].text[0] != ' ')
            ++end;
        // Lines that lie side by side in the source (no indentation or
        // trailing spaces were cut off) are parsed from it, not from a copy.
        std::string joined;
        bool adjacent = true;
        for (size_t k = i; k + 1 < end && adjacent; ++k)
            adjacent = L[k].text.data() + L[k].text.size() + 1 == L[k + 1].text.data();
        std::string_view para_text =
            adjacent
                ? std::string_view(L[i].text.data(),
                                   static_cast<size_t>(L[end - 1].text.data() +
                                                       L[end - 1].text.size() - L[i].text.data()))
                : std::string_view(joined = join_lines(L, i, end));
        bool literal_follows = false;
        if (ends_with(para_text, "::")) {
            literal_follows = true;
            if (para_text == "::") {
                para_text = {};
            } else if (para_text.size() > 2 && is_space(para_text[para_text.size() - 3])) {
                para_text.remove_suffix(2);
                while (!para_text.empty() && is_space(para_text.back()))
                    para_text.remove_suffix(1);
            } else {
                para_text.remove_suffix(1);
            }
        }
        if (!para_text.empty()) {
            Block& para = p.add_block(out, BlockKind::paragraph, L[i].number);
            para.inlines = p.parse_inline(para_text, para.line);
            p.claim_targets(para);
        }
        if (literal_follows) return literal_after(end, L[i].number);
        if (indented(end)) p.report(L[end].number, "Unexpected indentation.");
        return end;
    }

    size_t definition_list(size_t i) {
        Block& list = p.add_block(out, BlockKind::definition_list, L[i].number);
        for (;;) {
            size_t end = p.indented_end(L, i + 1);
            Block& item = p.add_block(list.children, BlockKind::definition_item, L[i].number);
            std::string_view term = L[i].text;
            size_t classifier = term.find(" : ");
            if (classifier != std::string_view::npos) term = term.substr(0, classifier);
            item.inlines = p.parse_inline(term, L[i].number);
            {
                LineScope scope(p.line_pool);
                item.children = nested(p.dedent(L, i + 1, end));
            }
            i = end;
            size_t next = i;
            while (next < L.size() && L[next].text.empty())
                ++next;
            if (next < L.size() && indented(next + 1) && L[next].text[0] != ' ' &&
                !opens_construct(next)) {
                i = next;
                continue;
            }
            if (next == i) warn_unindent(i, "Definition list");
            break;
        }
        p.claim_targets(list);
        return i;
    }
};

std::vector<Block> Parser::parse_blocks(const Lines& lines, int depth, bool top_level) {
    std::vector<Block> out;
    if (depth > max_nesting_depth) {
        size_t first = 0;
        while (first < lines.size() && lines[first].text.empty())
            ++first;
        int line = first < lines.size() ? lines[first].number : 0;
        out.push_back(problem(line, "Content is nested more than " +
                                        std::to_string(max_nesting_depth) +
                                        " levels deep; the rest is shown as plain text."));
        Block lit;
        lit.kind = BlockKind::literal_block;
        lit.line = line;
        lit.text = join_lines(lines, first, lines.size());
        out.push_back(std::move(lit));
        return out;
    }
    out.reserve(block_count_estimate(lines));
    BlockParser bp{*this, lines, depth, top_level, out};
    size_t i = 0;
    while (i < lines.size()) {
        ++work;
        if (lines[i].text.empty()) {
            ++i;
            continue;
        }
        LineScope scope(line_pool); // what the block's nested content took
        size_t links_before = pending_links, blocks_before = out.size();
        size_t next = bp.run(i);
        if (top_level && pending_links != links_before)
            for (size_t k = blocks_before; k < out.size(); ++k)
                top_blocks_with_links.push_back(k);
        i = next > i ? next : i + 1;
    }
    // The estimate was far too high (long definition lists): give back what
    // growing the list would not have taken.
    if (out.capacity() > 2 * out.size() + 16) out.shrink_to_fit();
    return out;
}

} // namespace wte::rst::detail
