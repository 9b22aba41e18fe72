// Inline markup: emphasis, strong, literals, interpreted text with roles,
// hyperlink references, standalone URLs and e-mail addresses. Valid end
// strings are found in one pass and consumed through forward-only cursors, so
// unmatched start strings never cause rescans (linear time).
#include "parser_internal.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wte::rst::detail {
namespace {

constexpr size_t npos = std::string_view::npos;

// Code point ending at byte `end` (exclusive) / starting at byte `i`.
char32_t code_point_before(std::string_view s, size_t end) {
    size_t b = end;
    while (b > 0 && end - b < 4) {
        --b;
        if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) break;
    }
    std::u32string cps = to_code_points(s.substr(b, end - b));
    return cps.empty() ? 0 : cps.back();
}

char32_t code_point_at(std::string_view s, size_t i) {
    size_t e = i + 1;
    while (e < s.size() && e - i < 4 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80)
        ++e;
    std::u32string cps = to_code_points(s.substr(i, e - i));
    return cps.empty() ? 0 : cps.front();
}

bool is_unicode_opener(char32_t c) {
    return c == 0xA0 || c == 0xAB || c == 0x2018 || c == 0x201A || c == 0x201C || c == 0x201E ||
           c == 0x2039 || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
           c == 0x3000 || c == 0x2002 || c == 0x2003 || c == 0x2009;
}

bool is_unicode_closer(char32_t c) {
    return c == 0xA0 || c == 0xBB || c == 0x2019 || c == 0x201D || c == 0x203A || c == 0x2010 ||
           c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2026 || c == 0x3000 ||
           c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x3001 || c == 0x3002;
}

constexpr std::array<bool, 256> char_table(std::string_view chars) {
    std::array<bool, 256> table{};
    for (unsigned char c : chars)
        table[c] = true;
    return table;
}
// Punctuation that may come before a start string / after an end string
// (tables: asked at every candidate).
constexpr auto markup_before = char_table("-:/'\"<([{");
constexpr auto markup_after = char_table("-.,:;!?\\/'\")]}>");
// Small sets asked of single characters in the scanning loops: a table
// each, where string_view::find called out to memchr.
constexpr auto role_joiners = char_table("-_.+:");
constexpr auto url_openers = char_table("<([{'\"");
constexpr auto url_stoppers = char_table("<>\"`\\");
constexpr auto url_trailers = char_table(".,;:!?'\"*_]}");
constexpr auto email_local = char_table("._%+-");
// The closing quote or bracket of each opening one (0: none).
constexpr auto closer_of = [] {
    std::array<char, 256> table{};
    std::string_view open = "'\"<([{", close = "'\">)]}";
    for (size_t k = 0; k < open.size(); ++k)
        table[static_cast<unsigned char>(open[k])] = close[k];
    return table;
}();
bool is_in(const std::array<bool, 256>& set, char c) {
    return set[static_cast<unsigned char>(c)];
}

// Rules of inline markup recognition (docutils, "Inline markup recognition rules").
bool prefix_ok(std::string_view s, size_t i) {
    if (i == 0) return true;
    char c = s[i - 1];
    if (is_space(c)) return true;
    if (markup_before[static_cast<unsigned char>(c)]) return true;
    if (static_cast<unsigned char>(c) >= 0x80) return is_unicode_opener(code_point_before(s, i));
    return false;
}

bool suffix_ok(std::string_view s, size_t j) {
    if (j >= s.size()) return true;
    char c = s[j];
    if (is_space(c)) return true;
    if (markup_after[static_cast<unsigned char>(c)]) return true;
    if (static_cast<unsigned char>(c) >= 0x80) return is_unicode_closer(code_point_at(s, j));
    return false;
}

// The start string at i (length len) is followed by non-whitespace that does
// not close a quote opened just before it.
bool follow_ok(std::string_view s, size_t i, size_t len) {
    size_t k = i + len;
    if (k >= s.size() || is_space(s[k])) return false;
    if (i > 0) {
        char before = s[i - 1], after = s[k];
        char closer = closer_of[static_cast<unsigned char>(before)];
        if (closer != 0 && after == closer) return false;
    }
    return true;
}

// Target of a reference resolved after parsing (see pending_reference_mark).
// Built by appending: "+" on a one-character string trips a GCC 12 -Wrestrict
// false positive.
std::string pending_name(std::string_view name) {
    std::string target(1, pending_reference_mark);
    target.append(name);
    return target;
}

// Index of the first '`' or '*' in s[from, end), or s.size(): eight
// characters a test on little-endian machines (x86, wasm), where a byte of
// the word is zero at such a character.
size_t next_backquote_or_star(std::string_view s, size_t from) {
    constexpr uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto zero_bytes = [&](uint64_t v) { return (v - ones) & ~v & highs; };
    size_t i = from;
#if defined(__SSE2__)
    // Sixteen at a time where the machine compares them at once.
    for (; i + 16 <= s.size(); i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('`')),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('*')));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask != 0) return i + static_cast<size_t>(std::countr_zero(mask));
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 8 <= s.size(); i += 8) {
            uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            uint64_t found = zero_bytes(word ^ ('`' * ones)) | zero_bytes(word ^ ('*' * ones));
            // The lowest flagged byte is exact (later ones may be borrows).
            if (found != 0) return i + static_cast<size_t>(std::countr_zero(found)) / 8;
        }
    }
    while (i < s.size() && s[i] != '`' && s[i] != '*')
        ++i;
    return i;
}

bool is_refchar(char c) {
    return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Removes escaping backslashes; an escaped space or newline disappears.
std::string unescape(std::string_view s) {
    size_t first = s.find('\\');
    if (first == npos) return std::string(s); // nearly every text: one copy
    std::string out;
    out.reserve(s.size());
    out.append(s.substr(0, first));
    for (size_t k = first; k < s.size(); ++k) {
        if (s[k] == '\\') {
            if (k + 1 < s.size()) {
                ++k;
                if (!is_space(s[k])) out.push_back(s[k]);
            }
            continue;
        }
        out.push_back(s[k]);
    }
    return out;
}

size_t role_name_end(std::string_view s, size_t b) {
    size_t k = b;
    while (k < s.size()) {
        if (is_alnum(s[k])) {
            ++k;
        } else if (is_in(role_joiners, s[k]) && k > b && is_alnum(s[k - 1]) && k + 1 < s.size() &&
                   is_alnum(s[k + 1])) {
            ++k;
        } else {
            break;
        }
    }
    return k;
}

// "text <target>" → {text, target}; `has_target` false when there is none.
struct SplitTarget {
    std::string_view text;
    std::string_view target;
    bool has_target = false;
};

SplitTarget split_target(std::string_view raw) {
    SplitTarget r{raw, {}, false};
    if (raw.size() < 2 || raw.back() != '>' || (raw.size() >= 2 && raw[raw.size() - 2] == '\\'))
        return r;
    size_t lt = raw.rfind('<');
    while (lt != npos && lt > 0 && !is_space(raw[lt - 1]))
        lt = lt == 0 ? npos : raw.rfind('<', lt - 1);
    if (lt == npos) return r;
    r.text = trim(raw.substr(0, lt));
    r.target = raw.substr(lt + 1, raw.size() - lt - 2);
    r.has_target = true;
    return r;
}

std::string remove_whitespace(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!is_space(c)) out.push_back(c);
    return out;
}

struct InlineParser {
    Parser& p;
    std::string_view s;
    int first_line;
    // Taken from the parser for this call and given back: the buffers keep
    // their capacity over the many short texts of a page.
    InlineScratch scratch;
    std::vector<Inline>& out = scratch.spans;
    std::vector<char>& escaped = scratch.escaped;
    size_t text_from = 0;
    size_t line_pos = 0;
    int line_no;

    EndCandidates& literal_ends = scratch.literal_ends;
    EndCandidates& strong_ends = scratch.strong_ends;
    EndCandidates& emphasis_ends = scratch.emphasis_ends;
    EndCandidates& interpreted_ends = scratch.interpreted_ends;
    // parallel to interpreted_ends.positions
    std::vector<InterpretedEnd>& interpreted_info = scratch.interpreted_info;

    InlineParser(Parser& parser, std::string_view text, int line)
        : p(parser), s(text), first_line(line), scratch(std::move(parser.inline_scratch)),
          line_no(line) {
        for (EndCandidates* ends :
             {&literal_ends, &strong_ends, &emphasis_ends, &interpreted_ends}) {
            ends->positions.clear();
            ends->cursor = 0;
        }
        interpreted_info.clear();
        out.clear();
    }
    InlineParser(const InlineParser&) = delete;
    InlineParser& operator=(const InlineParser&) = delete;
    ~InlineParser() { p.inline_scratch = std::move(scratch); }

    int line_at(size_t pos) {
        size_t to = std::min(pos, s.size());
        if (line_pos >= to) return line_no;
        // Line breaks found with memchr: most texts have none before `pos`.
        p.work += to - line_pos;
        const char* at = s.data() + line_pos;
        const char* end = s.data() + to;
        while ((at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr) {
            ++line_no;
            ++at;
        }
        line_pos = to;
        return line_no;
    }

    void add_text(std::string text, int line) {
        if (text.empty()) return;
        if (!out.empty() && out.back().kind == InlineKind::text) {
            out.back().text += text;
            return;
        }
        Inline& t = out.emplace_back();
        t.line = line;
        t.text = std::move(text);
    }

    void flush(size_t to) {
        if (to > text_from)
            add_text(unescape(s.substr(text_from, to - text_from)), line_at(text_from));
    }

    static Inline text_span(InlineKind kind, std::string text, int line) {
        Inline span;
        span.kind = kind;
        span.line = line;
        span.text = std::move(text);
        return span;
    }

    static Inline wrapping(InlineKind kind, std::string text, int line) {
        Inline span;
        span.kind = kind;
        span.line = line;
        span.children.resize(1); // one allocation of the exact size
        span.children[0].line = line;
        span.children[0].text = std::move(text);
        return span;
    }

    void find_end_candidates() {
        size_t n = s.size();
        p.work += 2 * n; // the two passes below
        escaped.assign(n, 0);
        // A backslash escapes the next character, which then escapes nothing.
        for (size_t k = s.find('\\'); k != npos; k = k + 2 < n ? s.find('\\', k + 2) : npos)
            if (k + 1 < n) escaped[k + 1] = 1;
        for (size_t j = 1; j < n; ++j) {
            j = next_backquote_or_star(s, j);
            if (j == n) break;
            char c = s[j];
            bool after_text = !is_space(s[j - 1]);
            if (!after_text) continue;
            if (c == '`') {
                if (j + 1 < n && s[j + 1] == '`' && suffix_ok(s, j + 2))
                    literal_ends.positions.push_back(j);
                if (escaped[j]) continue;
                InterpretedEnd e;
                size_t k = j + 1;
                if (k + 1 < n && s[k] == '_' && s[k + 1] == '_' && suffix_ok(s, k + 2)) {
                    e.underscores = 2;
                    e.end = k + 2;
                } else if (k < n && s[k] == '_' && suffix_ok(s, k + 1)) {
                    e.underscores = 1;
                    e.end = k + 1;
                } else if (k < n && s[k] == ':') {
                    size_t r = role_name_end(s, k + 1);
                    if (r > k + 1 && r < n && s[r] == ':' && suffix_ok(s, r + 1)) {
                        e.role = s.substr(k + 1, r - k - 1);
                        e.end = r + 1;
                    } else if (suffix_ok(s, k)) {
                        e.end = k;
                    } else {
                        continue;
                    }
                } else if (suffix_ok(s, k)) {
                    e.end = k;
                } else {
                    continue;
                }
                interpreted_ends.positions.push_back(j);
                interpreted_info.push_back(e);
            } else if (!escaped[j]) {
                if (j + 1 < n && s[j + 1] == '*' && suffix_ok(s, j + 2))
                    strong_ends.positions.push_back(j);
                if (suffix_ok(s, j + 1)) emphasis_ends.positions.push_back(j);
            }
        }
    }

    void unmatched(size_t i, const char* what) {
        p.report(line_at(i), std::string("Inline ") + what + " start-string without end-string.");
    }

    void link(std::string text, std::string target, int line) {
        if (!target.empty() &&
            (target[0] == pending_reference_mark || target[0] == pending_anonymous_mark))
            ++p.pending_links;
        Inline span = text_span(InlineKind::link, std::move(text), line);
        span.target = std::move(target);
        out.push_back(std::move(span));
    }

    void phrase_reference(std::string_view raw, bool anonymous, int line) {
        SplitTarget st = split_target(raw);
        if (st.has_target) {
            std::string target = remove_whitespace(st.target);
            std::string text = unescape(st.text);
            if (target.size() > 1 && target.back() == '_' && target[target.size() - 2] != '\\') {
                std::string name =
                    normalize_name(unescape(std::string_view(target).substr(0, target.size() - 1)));
                link(text.empty() ? name : text, pending_name(name), line);
                return;
            }
            std::string url = p.checked_url(unescape(target), line);
            if (url.empty()) {
                add_text(text.empty() ? unescape(target) : text, line);
                return;
            }
            if (!anonymous && !text.empty()) {
                std::string name = normalize_name(text);
                auto& t = p.targets[name];
                if (t.url.empty() && t.alias.empty() && !t.refused) {
                    t.url = url;
                    t.line = line;
                }
            }
            link(text.empty() ? url : text, url, line);
            return;
        }
        std::string text = unescape(raw);
        if (anonymous)
            link(text, std::string(1, pending_anonymous_mark), line);
        else
            link(text, pending_name(normalize_name(text)), line);
    }

    void role(std::string_view role_name, std::string_view raw, int line) {
        std::string lowered = to_lower(role_name);
        std::string_view r = lowered; // compared with literals: a length test settles most
        if (r.empty() || r == "emphasis" || r == "title-reference" || r == "title" || r == "t") {
            out.push_back(wrapping(InlineKind::emphasis, unescape(raw), line));
        } else if (r == "strong") {
            out.push_back(wrapping(InlineKind::strong, unescape(raw), line));
        } else if (r == "literal") {
            out.push_back(text_span(InlineKind::literal, unescape(raw), line));
        } else if (r == "sub" || r == "subscript") {
            out.push_back(wrapping(InlineKind::subscript, unescape(raw), line));
        } else if (r == "sup" || r == "superscript") {
            out.push_back(wrapping(InlineKind::superscript, unescape(raw), line));
        } else if (r == "code" || starts_with(r, "code-")) {
            Inline span = text_span(InlineKind::code, std::string(raw), line);
            if (r != "code") span.target = std::string(r.substr(5));
            out.push_back(std::move(span));
        } else if (r == "math") {
            Inline span = text_span(InlineKind::math, std::string(raw), line);
            MathParseResult m = parse_math(raw);
            for (auto& e : m.errors)
                p.report(line, "Math: " + e);
            span.math = std::move(m.root);
            out.push_back(std::move(span));
        } else if (r == "asset") {
            asset(raw, line);
        } else if (r == "crossref") {
            crossref(raw, line);
        } else if (r == "style") {
            style(raw, line);
        } else {
            p.report(line, "Unknown interpreted text role \"" + std::string(role_name) + "\".");
            add_text(unescape(raw), line);
        }
    }

    void asset(std::string_view raw, int line) {
        SplitTarget st = split_target(raw);
        std::string name = unescape(trim(st.has_target ? st.target : raw));
        std::string text = st.has_target ? unescape(st.text) : "";
        bool bad = name.empty() || name[0] == '/' || name.find("..") != std::string::npos ||
                   name.find('\\') != std::string::npos || (name.find(':') != std::string::npos);
        if (bad) {
            p.report(line, "\"" + name + "\" is not an asset name.");
            add_text(text.empty() ? name : text, line);
            return;
        }
        Inline span = text_span(InlineKind::asset, std::move(text), line);
        span.target = std::move(name);
        out.push_back(std::move(span));
    }

    void crossref(std::string_view raw, int line) {
        SplitTarget st = split_target(raw);
        std::string id = unescape(trim(st.has_target ? st.target : raw));
        std::string text = st.has_target ? unescape(st.text) : "";
        bool ok = !id.empty() && id.size() <= 18;
        for (char c : id)
            ok = ok && is_digit(c);
        if (!ok) {
            p.report(line, "Cross-reference \"" + id + "\" is not a part id number.");
            add_text(text.empty() ? id : text, line);
            return;
        }
        Inline span = text_span(InlineKind::crossref, std::move(text), line);
        span.target = std::move(id);
        out.push_back(std::move(span));
    }

    void style(std::string_view raw, int line) {
        SplitTarget st = split_target(raw);
        if (!st.has_target) {
            p.report(line, "The style role needs `text <css>`.");
            add_text(unescape(raw), line);
            return;
        }
        // A page repeats the same few styles: each is sanitised once.
        auto [known, fresh] = p.sanitized_css.try_emplace(std::string(st.target));
        if (fresh) known->second.css = sanitize_css(st.target, known->second.problems);
        for (const auto& m : known->second.problems)
            p.report(line, m);
        const std::string& css = known->second.css;
        if (css.empty()) {
            add_text(unescape(st.text), line);
            return;
        }
        Inline span = wrapping(InlineKind::styled, unescape(st.text), line);
        span.target = css;
        out.push_back(std::move(span));
    }

    // Interpreted text or phrase reference whose content is s[b, e).
    void interpreted(size_t start, size_t b, size_t e, std::string_view prefix_role,
                     const InterpretedEnd& end) {
        int line = line_at(start);
        std::string_view raw = s.substr(b, e - b);
        if (end.underscores != 0) {
            if (!prefix_role.empty()) {
                p.report(line, "Interpreted text has both a role and a reference suffix.");
                add_text(unescape(raw), line);
                return;
            }
            phrase_reference(raw, end.underscores == 2, line);
            return;
        }
        if (!prefix_role.empty() && !end.role.empty()) {
            p.report(line, "Interpreted text has two roles.");
            add_text(unescape(raw), line);
            return;
        }
        role(prefix_role.empty() ? end.role : prefix_role, raw, line);
    }

    // name_ or name__ ending with the underscore at i; returns the next position or npos.
    size_t simple_reference(size_t i) {
        if (i == 0 || !is_refchar(s[i - 1])) return npos;
        bool anonymous = i + 1 < s.size() && s[i + 1] == '_';
        size_t after = anonymous ? i + 2 : i + 1;
        if (!suffix_ok(s, after)) return npos;
        size_t k = i;
        while (k > text_from && !escaped[k - 1]) {
            ++p.work;
            char b = s[k - 1];
            if (is_refchar(b)) {
                --k;
            } else if (is_in(role_joiners, b) && k - 1 > text_from && is_refchar(s[k - 2]) &&
                       is_refchar(s[k])) {
                --k;
            } else {
                break;
            }
        }
        if (k >= i || escaped[k] || !prefix_ok(s, k)) return npos;
        flush(k);
        int line = line_at(k);
        std::string text(s.substr(k, i - k));
        if (anonymous)
            link(text, std::string(1, pending_anonymous_mark), line);
        else
            link(text, pending_name(normalize_name(text)), line);
        return after;
    }

    size_t standalone_url(size_t i) {
        if (i > 0 && !is_space(s[i - 1]) && !is_in(url_openers, s[i - 1])) return npos;
        std::string head = to_lower(s.substr(i, 8));
        size_t scheme = starts_with(head, "https://")  ? 8
                        : starts_with(head, "http://") ? 7
                        : starts_with(head, "mailto:") ? 7
                                                       : 0;
        if (scheme == 0) return npos;
        size_t k = i + scheme;
        while (k < s.size() && !is_space(s[k]) && !is_in(url_stoppers, s[k])) {
            ++p.work;
            ++k;
        }
        std::string_view url = s.substr(i, k - i);
        bool parens = url.find('(') != npos;
        while (url.size() > scheme &&
               (is_in(url_trailers, url.back()) || (url.back() == ')' && !parens)))
            url.remove_suffix(1);
        if (url.size() <= scheme) return npos;
        flush(i);
        int line = line_at(i);
        link(std::string(url), std::string(url), line);
        return i + url.size();
    }

    size_t email(size_t i) {
        auto local_char = [](char c) { return is_alnum(c) || is_in(email_local, c); };
        size_t k = i;
        while (k > text_from && local_char(s[k - 1]) && !escaped[k - 1]) {
            ++p.work;
            --k;
        }
        while (k < i && !is_alnum(s[k]))
            ++k;
        if (k >= i || !prefix_ok(s, k)) return npos;
        size_t m = i + 1;
        while (m < s.size() && (is_alnum(s[m]) || s[m] == '.' || s[m] == '-')) {
            ++p.work;
            ++m;
        }
        while (m > i + 1 && (s[m - 1] == '.' || s[m - 1] == '-'))
            --m;
        std::string_view domain = s.substr(i + 1, m - i - 1);
        if (domain.empty() || domain.find('.') == npos || !is_alnum(domain[0]) || !suffix_ok(s, m))
            return npos;
        flush(k);
        std::string address(s.substr(k, m - k));
        link(address, "mailto:" + address, line_at(k));
        return m;
    }

    void run() {
        // Characters at which the loop below may do something.
        static constexpr auto may_act = [] {
            std::array<bool, 256> table{};
            for (unsigned char c : {'\\', '`', '*', ':', '_', 'h', 'H', 'm', 'M', '@'})
                table[c] = true;
            return table;
        }();
        find_end_candidates();
        size_t n = s.size();
        size_t i = 0;
        while (i < n) {
            size_t from = i;
            while (i < n && !may_act[static_cast<unsigned char>(s[i])])
                ++i;
            p.work += i - from;
            if (i == n) break;
            ++p.work;
            char c = s[i];
            if (escaped[i] || c == '\\') {
                ++i;
                continue;
            }
            if (c == '`' && prefix_ok(s, i)) {
                if (i + 1 < n && s[i + 1] == '`') {
                    if (follow_ok(s, i, 2)) {
                        size_t j = literal_ends.next(i + 3);
                        if (j != npos) {
                            flush(i);
                            out.push_back(text_span(InlineKind::literal,
                                                    std::string(s.substr(i + 2, j - i - 2)),
                                                    line_at(i)));
                            i = j + 2;
                            text_from = i;
                            continue;
                        }
                        unmatched(i, "literal");
                    }
                    i += 2;
                    continue;
                }
                if (follow_ok(s, i, 1)) {
                    size_t j = interpreted_ends.next(i + 2);
                    if (j != npos) {
                        InterpretedEnd e = interpreted_info[interpreted_ends.cursor];
                        flush(i);
                        interpreted(i, i + 1, j, {}, e);
                        i = e.end;
                        text_from = i;
                        continue;
                    }
                    unmatched(i, "interpreted text or phrase reference");
                }
                ++i;
                continue;
            }
            if (c == '*' && prefix_ok(s, i)) {
                bool strong = i + 1 < n && s[i + 1] == '*';
                size_t len = strong ? 2 : 1;
                if (follow_ok(s, i, len)) {
                    EndCandidates& ends = strong ? strong_ends : emphasis_ends;
                    size_t j = ends.next(i + len + 1);
                    if (j != npos) {
                        flush(i);
                        out.push_back(wrapping(strong ? InlineKind::strong : InlineKind::emphasis,
                                               unescape(s.substr(i + len, j - i - len)),
                                               line_at(i)));
                        i = j + len;
                        text_from = i;
                        continue;
                    }
                    unmatched(i, strong ? "strong" : "emphasis");
                }
                i += len;
                continue;
            }
            if (c == ':' && prefix_ok(s, i)) {
                size_t r = role_name_end(s, i + 1);
                if (r > i + 1 && r + 1 < n && s[r] == ':' && s[r + 1] == '`' &&
                    follow_ok(s, r + 1, 1)) {
                    size_t j = interpreted_ends.next(r + 3);
                    if (j != npos) {
                        InterpretedEnd e = interpreted_info[interpreted_ends.cursor];
                        flush(i);
                        interpreted(i, r + 2, j, s.substr(i + 1, r - i - 1), e);
                        i = e.end;
                        text_from = i;
                        continue;
                    }
                    unmatched(r + 1, "interpreted text");
                    i = r + 2;
                    continue;
                }
            }
            if (c == '_') {
                if (i + 1 < n && s[i + 1] == '`' && prefix_ok(s, i) && follow_ok(s, i, 2)) {
                    // Inline target _`text`: shown as its text.
                    size_t j = interpreted_ends.next(i + 3);
                    if (j != npos && interpreted_info[interpreted_ends.cursor].underscores == 0 &&
                        interpreted_info[interpreted_ends.cursor].role.empty()) {
                        flush(i);
                        add_text(unescape(s.substr(i + 2, j - i - 2)), line_at(i));
                        i = j + 1;
                        text_from = i;
                        continue;
                    }
                }
                size_t next = simple_reference(i);
                if (next != npos) {
                    i = next;
                    text_from = i;
                    continue;
                }
            }
            if (c == 'h' || c == 'H' || c == 'm' || c == 'M') {
                size_t next = standalone_url(i);
                if (next != npos) {
                    i = next;
                    text_from = i;
                    continue;
                }
            }
            if (c == '@') {
                size_t next = email(i);
                if (next != npos) {
                    i = next;
                    text_from = i;
                    continue;
                }
            }
            ++i;
        }
        flush(n);
    }
};

} // namespace

std::vector<Inline> Parser::parse_inline(std::string_view text, int line) {
    // Most texts of a page (list items, cells, answers) hold no markup at all:
    // no character that can start or escape any.
    static constexpr auto starts_markup = [] {
        std::array<bool, 256> table{};
        for (unsigned char c : {'\\', '`', '*', ':', '_', '@'})
            table[c] = true;
        return table;
    }();
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return starts_markup[static_cast<unsigned char>(c)]; })) {
        work += text.size();
        std::vector<Inline> plain(text.empty() ? 0 : 1);
        if (!text.empty()) {
            plain[0].line = line;
            plain[0].text = text;
        }
        return plain;
    }
    InlineParser ip(*this, text, line);
    ip.run();
    // One allocation of the exact size, where growing would take several.
    std::vector<Inline> spans(std::make_move_iterator(ip.out.begin()),
                              std::make_move_iterator(ip.out.end()));
    ip.out.clear();
    return spans;
}

} // namespace wte::rst::detail
