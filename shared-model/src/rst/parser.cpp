// Entry point of the reStructuredText parser: cleans the source (valid UTF-8,
// no control characters, tabs expanded), runs the block parser, nests
// sections, resolves hyperlink references and promotes the document title.
// Also holds the small safety checks shared by the parser and the HTML writer.
#include "parser_internal.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wte::rst {
namespace detail {

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string excerpt(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    return std::string(s.substr(0, end)) + "…";
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// Input is valid UTF-8 here: the constructor of Parser made it so.
std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    assign_code_points(s, out);
    return out;
}

namespace {
bool is_ascii(std::string_view s) {
    return std::none_of(s.begin(), s.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}
} // namespace

void assign_code_points(std::string_view s, std::u32string& out) {
    if (is_ascii(s)) { // a byte a character: no decoding
        out.resize(s.size());
        for (size_t k = 0; k < s.size(); ++k)
            out[k] = static_cast<unsigned char>(s[k]);
        return;
    }
    out.clear();
    out.reserve(s.size());
    for_each_code_point(s, [&](char32_t cp) { out.push_back(cp); });
}

std::string_view character_slice(std::string_view s, size_t from, size_t count) {
    if (is_ascii(s)) {
        if (from >= s.size()) return s.substr(s.size());
        std::string_view slice = s.substr(from, count);
        while (!slice.empty() && slice.back() == ' ')
            slice.remove_suffix(1);
        return slice;
    }
    size_t i = 0, chars = 0;
    auto skip_to = [&](size_t wanted) {
        while (i < s.size() && chars < wanted) {
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
                ++i;
            ++chars;
        }
    };
    skip_to(from);
    size_t begin = i;
    skip_to(count > SIZE_MAX - from ? SIZE_MAX : from + count);
    size_t end = i;
    while (end > begin && s[end - 1] == ' ')
        --end;
    return s.substr(begin, end - begin);
}

std::string normalize_name(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : trim(name)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string slugify(std::string_view text) {
    // Accented Latin letters keep their base letter (as docutils' NFKD ids
    // do); other non-ASCII characters separate words. '?' = dropped.
    static const char latin1[] = "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?y";
    static const char latin_ext_a[] =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLl"
        "LlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    static_assert(sizeof(latin1) == 65 && sizeof(latin_ext_a) == 129);
    std::string out;
    bool dash = false;
    for_each_code_point(text, [&](char32_t cp) {
        char c = '?';
        if (cp < 0x80)
            c = static_cast<char>(cp);
        else if (cp >= 0xC0 && cp < 0x100)
            c = latin1[cp - 0xC0];
        else if (cp >= 0x100 && cp < 0x180)
            c = latin_ext_a[cp - 0x100];
        if (is_alnum(c)) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        } else if (!(cp >= 0x80 && c == '?')) {
            dash = true;
        }
    });
    // An id starts with a letter.
    size_t b = 0;
    while (b < out.size() && !(out[b] >= 'a' && out[b] <= 'z'))
        ++b;
    out.erase(0, b);
    while (!out.empty() && out[0] == '-')
        out.erase(0, 1);
    return out;
}

size_t Parser::indented_end(const Lines& lines, size_t from) {
    size_t end = from;
    for (size_t j = from; j < lines.size(); ++j) {
        ++work;
        if (lines[j].text.empty()) continue;
        if (lines[j].text[0] != ' ') break;
        end = j + 1;
    }
    return end;
}

Lines Parser::dedent(const Lines& lines, size_t from, size_t to) {
    return dedent_after({}, lines, from, to);
}

Lines Parser::dedent_after(const Line& first, const Lines& lines, size_t from, size_t to) {
    work += to > from ? 2 * (to - from) : 0;
    size_t common = std::string_view::npos;
    for (size_t j = from; j < to; ++j)
        if (!lines[j].text.empty()) common = std::min(common, indent_of(lines[j].text));
    if (common == std::string_view::npos) common = 0;
    size_t lead = first.text.empty() ? 0 : 1;
    Line* out = line_pool.allocate(lead + (to > from ? to - from : 0));
    if (lead != 0) out[0] = first;
    Line* next = out + lead;
    for (size_t j = from; j < to; ++j) {
        std::string_view t = lines[j].text;
        *next++ = {t.empty() ? t : t.substr(common), lines[j].number};
    }
    return {out, static_cast<size_t>(next - out)};
}

std::string join_lines(const Lines& lines, size_t from, size_t to) {
    std::string out;
    for (size_t j = from; j < to; ++j) {
        if (j > from) out.push_back('\n');
        out.append(lines[j].text);
    }
    return out;
}

namespace {

// Appends the UTF-8 sequence at s[i], or U+FFFD for an invalid one; returns
// the number of bytes consumed.
size_t copy_utf8_char(std::string_view s, size_t i, std::string& out) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    }
    if (len != 0 && i + len <= s.size()) {
        char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        bool ok = true;
        for (size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            if (cp != 0xFEFF) out.append(s.substr(i, len)); // byte order mark dropped
            return len;
        }
    }
    out.append("\xEF\xBF\xBD");
    return 1;
}

// Cleans the character at s[i] into `out` and returns the bytes it took: a
// line break (\n, \r\n or \r) becomes '\n', a tab the spaces up to the next
// multiple of 8, other control characters and invalid UTF-8 U+FFFD, and a
// byte order mark disappears. `column` counts the characters written on the
// line, so positions in the model map back to the source (source_offsets).
size_t clean_char(std::string_view s, size_t i, size_t& column, std::string& out) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r') {
        out.push_back('\n');
        column = 0;
        return c == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
    }
    if (c == '\t') {
        size_t spaces = 8 - column % 8;
        out.append(spaces, ' ');
        column += spaces;
        return 1;
    }
    if (c == '\v' || c == '\f') {
        out.push_back(' ');
        ++column;
        return 1;
    }
    if (u < 0x20 || u == 0x7F) {
        out.append("\xEF\xBF\xBD");
        ++column;
        return 1;
    }
    if (u < 0x80) {
        out.push_back(c);
        ++column;
        return 1;
    }
    size_t before = out.size();
    size_t used = copy_utf8_char(s, i, out);
    if (out.size() != before) ++column;
    return used;
}

// The 8 bytes at `p` are all printable ASCII (0x20 to 0x7E) or '\n': one
// test per word. Each mask has the high bit of exactly the bytes it names
// (the sums stay within a byte), so a control character is never let through.
bool plain_ascii(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr uint64_t ones = 0x0101010101010101ULL, low7 = ones * 0x7F, highs = ones * 0x80;
    uint64_t low = x & low7;
    uint64_t below_space = ~((low + ones * (0x80 - 0x20)) | x) & highs;
    uint64_t from_delete = ((low + ones) | x) & highs;
    uint64_t y = x ^ (ones * '\n');
    uint64_t newline = ~(((y & low7) + low7) | y | low7);
    return ((below_space & ~newline) | from_delete) == 0;
}

bool plain_ascii(char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n';
}

// End of the run of plain ASCII from `i` on, 16 bytes a test where the
// machine compares them at once (x86's SSE2; the wasm build has no SIMD and
// takes the word test).
size_t plain_ascii_end(std::string_view s, size_t i) {
#if defined(__SSE2__) && defined(__GNUC__)
    using Bytes = signed char __attribute__((vector_size(16)));
    for (; i + 16 <= s.size(); i += 16) {
        Bytes v;
        std::memcpy(&v, s.data() + i, 16);
        // Signed: bytes from 0x80 on are below ' ' too.
        Bytes bad = ((v < ' ') & (v != '\n')) | (v == 0x7F);
        uint64_t halves[2];
        std::memcpy(halves, &bad, 16);
        if ((halves[0] | halves[1]) != 0) break;
    }
#endif
    while (i + 8 <= s.size() && plain_ascii(s.data() + i))
        i += 8;
    while (i < s.size() && plain_ascii(s[i]))
        ++i;
    return i;
}

#if defined(__SSE2__)
// Bit k set: s[at + k] is a line break.
unsigned line_breaks_16(std::string_view s, size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
}
#endif

size_t count_line_breaks(std::string_view s) {
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= s.size(); i += 16)
        for (unsigned mask = line_breaks_16(s, i); mask != 0; mask &= mask - 1)
            ++count; // std::popcount calls out to libgcc without -mpopcnt
#endif
    for (; i < s.size(); ++i)
        count += s[i] == '\n';
    return count;
}

} // namespace

Parser::Parser(std::string_view source) {
    work = source.size();
    // Printable ASCII and '\n', nearly all of a page, need no cleaning: a
    // page made only of them is parsed where it lies (the model copies what
    // it keeps), others are cleaned a run of such lines at a time.
    size_t plain = plain_ascii_end(source, 0);
    if (plain == source.size()) {
        text_ = source;
    } else {
        std::string clean;
        clean.reserve(source.size() + source.size() / 8);
        size_t column = 0;
        for (size_t i = 0; i < source.size();) {
            size_t run = i == 0 ? plain : plain_ascii_end(source, i);
            if (run > i) {
                std::string_view piece = source.substr(i, run - i);
                clean.append(piece);
                size_t last_break = piece.rfind('\n');
                column = last_break == std::string_view::npos ? column + piece.size()
                                                              : piece.size() - last_break - 1;
                i = run;
                if (i == source.size()) break;
            }
            i += clean_char(source, i, column, clean);
        }
        source_ = std::move(clean);
        text_ = source_;
    }
    std::string_view all = text_;
    // One line per line break and the last: the list is sized once and
    // filled in place (a call to push_back per line cost more than finding it).
    lines_.resize(count_line_breaks(all) + 1);
    Line* next = lines_.data();
    int number = 1;
    const char* first = all.data();
    // The line from `first` to the break at `end`, trailing spaces removed.
    auto add_line = [&](const char* end) {
        const char* last = end;
        while (last > first && last[-1] == ' ')
            --last;
        *next++ = {std::string_view(first, static_cast<size_t>(last - first)), number++};
        first = end + 1;
    };
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= all.size(); i += 16)
        for (unsigned mask = line_breaks_16(all, i); mask != 0; mask &= mask - 1)
            add_line(all.data() + i + std::countr_zero(mask));
#endif
    const char* end = all.data() + all.size();
    for (const char* p = all.data() + i;
         p != end && (p = static_cast<const char*>(
                          std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr;
         ++p)
        add_line(p);
    add_line(end);
}

void Parser::report(int line, std::string message) {
    // A broken page can repeat one mistake thousands of times; the editor
    // needs the first ones, not a list longer than the page.
    if (diagnostics_.size() >= max_diagnostics) {
        ++suppressed_diagnostics_;
        return;
    }
    diagnostics_.push_back({line, std::move(message)});
}

Block Parser::problem(int line, std::string message, std::string name) {
    report(line, message);
    Block b;
    b.kind = BlockKind::problem;
    b.line = line;
    b.text = std::move(message);
    if (!name.empty()) b.name = std::move(name);
    return b;
}

int Parser::source_column(int line, const char* at) const {
    if (line < 1 || static_cast<size_t>(line) > lines_.size()) return 0;
    std::string_view whole = lines_[static_cast<size_t>(line) - 1].text;
    if (at < whole.data() || at >= whole.data() + whole.size()) return 0;
    return static_cast<int>(utf8_length(whole.substr(0, static_cast<size_t>(at - whole.data())))) +
           1;
}

std::string Parser::unique_anchor(std::string_view wanted) {
    std::string base = slugify(wanted);
    if (base.empty()) base = "section";
    std::string anchor = base;
    if (anchors_.count(anchor) != 0) {
        // Counting on from the last suffix of this base keeps many equal titles linear.
        int& suffix = anchor_suffixes_[base];
        do {
            ++work;
            anchor = base + "-" + std::to_string(++suffix);
        } while (anchors_.count(anchor) != 0);
    }
    anchors_.insert(anchor);
    return anchor;
}

void Parser::claim_targets(Block& block) {
    if (!pending_internal_targets.empty() && block.kind != BlockKind::comment) {
        if (block.anchor->empty()) block.anchor = unique_anchor(pending_internal_targets.front());
        for (const auto& name : pending_internal_targets)
            targets[name].url = "#" + *block.anchor;
        pending_internal_targets.clear();
    }
}

void Parser::push_block(std::vector<Block>& out, Block&& block) {
    claim_targets(block);
    out.push_back(std::move(block));
}

Block& Parser::add_block(std::vector<Block>& out, BlockKind kind, int line) {
    Block& block = out.emplace_back();
    block.kind = kind;
    block.line = line;
    return block;
}

std::string Parser::checked_url(std::string_view url, int line) {
    std::string safe = safe_url(url);
    if (safe.empty() && !trim(url).empty())
        report(line,
               "The link \"" + detail::excerpt(trim(url), 80) +
                   "\" was removed: only http, https, mailto and relative links are allowed.");
    return safe;
}

int Parser::section_level(const std::string& adornment, bool overlined) {
    for (size_t k = 0; k < section_styles_.size(); ++k)
        if (section_styles_[k].first == adornment && section_styles_[k].second == overlined)
            return static_cast<int>(k) + 1;
    section_styles_.emplace_back(adornment, overlined);
    return static_cast<int>(section_styles_.size());
}

std::string Parser::resolve_name(const std::string& name, int line) {
    std::string current = name;
    for (int hop = 0; hop < 16; ++hop) {
        auto t = targets.find(current);
        if (t != targets.end()) {
            if (t->second.refused) return {};
            if (t->second.alias.empty()) {
                if (t->second.url.empty())
                    report(line, "The target \"" + current + "\" points to nothing.");
                return t->second.url;
            }
            current = t->second.alias;
            continue;
        }
        auto s = section_urls.find(current);
        if (s != section_urls.end()) return s->second;
        report(line, "Unknown target name: \"" + current + "\".");
        return {};
    }
    report(line, "The target \"" + name + "\" refers to itself in a loop.");
    return {};
}

void Parser::resolve_references(std::vector<Inline>& inlines, size_t& anonymous_index) {
    bool became_text = false;
    for (auto& span : inlines) {
        if (pending_links == 0) break;
        if (!span.children.empty()) resolve_references(span.children, anonymous_index);
        if (span.kind != InlineKind::link || span.target->empty()) continue;
        std::string url;
        if ((*span.target)[0] == pending_reference_mark) {
            url = resolve_name(span.target->substr(1), span.line);
        } else if ((*span.target)[0] == pending_anonymous_mark) {
            if (anonymous_index < anonymous_targets.size()) {
                url = anonymous_targets[anonymous_index];
            } else {
                report(span.line,
                       "Anonymous link \"" + span.text + "\" has no matching __ target.");
            }
            ++anonymous_index;
        } else {
            continue;
        }
        if (pending_links > 0) --pending_links;
        if (url.empty()) {
            span.kind = InlineKind::text;
            span.target.reset();
            became_text = true;
        } else {
            span.target = std::move(url);
        }
    }
    // Unresolved references became text: join them with their neighbours (the
    // inline parser never leaves two texts side by side itself).
    if (!became_text) return;
    size_t kept = 0;
    for (size_t k = 0; k < inlines.size(); ++k) {
        if (kept > 0 && inlines[k].kind == InlineKind::text &&
            inlines[kept - 1].kind == InlineKind::text) {
            inlines[kept - 1].text += inlines[k].text;
            continue;
        }
        if (kept != k) inlines[kept] = std::move(inlines[k]);
        ++kept;
    }
    inlines.resize(kept);
}

void Parser::resolve_references(std::vector<Block>& blocks, size_t& anonymous_index) {
    for (auto& b : blocks) {
        if (pending_links == 0) return;
        resolve_references(b, anonymous_index);
    }
}

void Parser::resolve_references(Block& b, size_t& anonymous_index) {
    work += 1 + b.inlines.size();
    if (!b.inlines.empty()) resolve_references(b.inlines, anonymous_index);
    if (!b.children.empty()) resolve_references(b.children, anonymous_index);
}

namespace {

// How many blocks each section of `flat` holds once nested (the last entry:
// the page's top level), so that each list is allocated once: a Block is
// large and moving it again on every growth cost more than the nesting.
std::vector<size_t> nested_sizes(const std::vector<Block>& flat) {
    std::vector<size_t> sizes(flat.size() + 1, 0);
    std::vector<size_t> open; // indices of the enclosing sections, outermost first
    for (size_t k = 0; k < flat.size(); ++k) {
        bool section = flat[k].kind == BlockKind::section;
        if (section)
            while (!open.empty() && flat[open.back()].level >= flat[k].level)
                open.pop_back();
        ++sizes[open.empty() ? flat.size() : open.back()];
        if (section) open.push_back(k);
    }
    return sizes;
}

std::vector<Block> nest_sections(std::vector<Block>& flat, const std::vector<size_t>& sizes,
                                 size_t& i, int level, size_t size) {
    std::vector<Block> out;
    out.reserve(size);
    while (i < flat.size()) {
        if (flat[i].kind == BlockKind::section) {
            if (flat[i].level <= level) break;
            size_t index = i;
            Block& s = out.emplace_back(std::move(flat[i]));
            ++i;
            s.children = nest_sections(flat, sizes, i, s.level, sizes[index]);
        } else {
            out.push_back(std::move(flat[i]));
            ++i;
        }
    }
    return out;
}

void raise_sections(std::vector<Block>& blocks) {
    for (auto& b : blocks) {
        if (b.kind != BlockKind::section) continue;
        b.level -= 1;
        raise_sections(b.children);
    }
}

} // namespace

ParseResult Parser::run() {
    ParseResult result;
    std::vector<Block> flat = parse_blocks(lines_, 0, true);
    // References are resolved in document order. Before the nesting that is
    // the order of the flat list (a section's body follows it there), where
    // the blocks that made no pending link can be stepped over.
    size_t anonymous_index = 0;
    for (size_t k : top_blocks_with_links) {
        if (pending_links == 0) break;
        resolve_references(flat[k], anonymous_index);
    }
    size_t i = 0;
    std::vector<size_t> sizes = nested_sizes(flat);
    std::vector<Block> blocks = nest_sections(flat, sizes, i, 0, sizes.back());
    if (anonymous_index < anonymous_targets.size())
        report(0, "There are " + std::to_string(anonymous_targets.size()) +
                      " anonymous targets but only " + std::to_string(anonymous_index) +
                      " anonymous links.");

    // The lone first heading is the page title (docutils' doctitle rule).
    size_t first = 0;
    while (first < blocks.size() && blocks[first].kind == BlockKind::comment)
        ++first;
    size_t top_sections = 0;
    for (const auto& b : blocks)
        if (b.kind == BlockKind::section) ++top_sections;
    if (first < blocks.size() && blocks[first].kind == BlockKind::section && top_sections == 1 &&
        first == blocks.size() - 1) {
        Block title = std::move(blocks[first]);
        blocks.pop_back();
        result.doc.title = std::move(title.inlines);
        result.doc.title_line = title.line;
        raise_sections(title.children);
        if (blocks.empty())
            blocks = std::move(title.children);
        else
            blocks.insert(blocks.end(), std::make_move_iterator(title.children.begin()),
                          std::make_move_iterator(title.children.end()));
    }
    result.doc.blocks = std::move(blocks);
    result.doc.source_size = text_.size();
    if (suppressed_diagnostics_ > 0)
        diagnostics_.push_back({lines_.back().number, std::to_string(suppressed_diagnostics_) +
                                                          " more problems are not listed."});
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    result.diagnostics = std::move(diagnostics_);
    result.work = work;
    return result;
}

} // namespace detail

namespace {

bool is_css_number(std::string_view v, bool allow_unit) {
    size_t i = 0;
    bool digits = false;
    while (i < v.size() && detail::is_digit(v[i])) {
        ++i;
        digits = true;
    }
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && detail::is_digit(v[i])) {
            ++i;
            digits = true;
        }
    }
    if (!digits) return false;
    std::string_view unit = v.substr(i);
    if (unit.empty()) return true;
    if (!allow_unit) return false;
    static const char* units[] = {"px", "em", "rem", "%", "pt", "ex", "ch", "vw", "vh"};
    for (const char* u : units)
        if (unit == u) return true;
    return false;
}

const char* const css_named_colors =
    " aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue "
    "blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk "
    "crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki "
    "darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen "
    "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue "
    "dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite "
    "gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki "
    "lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan "
    "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen "
    "lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen "
    "magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen "
    "mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream "
    "mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid "
    "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum "
    "powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown "
    "seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen "
    "steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow "
    "yellowgreen transparent currentcolor ";

bool is_css_color(std::string_view v) {
    if (v.empty()) return false;
    if (v[0] == '#') {
        std::string_view hex = v.substr(1);
        if (hex.size() != 3 && hex.size() != 4 && hex.size() != 6 && hex.size() != 8) return false;
        for (char c : hex)
            if (!(detail::is_digit(c) || (c >= 'a' && c <= 'f'))) return false;
        return true;
    }
    for (const char* fn : {"rgb(", "rgba(", "hsl(", "hsla("}) {
        std::string_view f = fn;
        if (!detail::starts_with(v, f) || v.back() != ')') continue;
        std::string_view args = v.substr(f.size(), v.size() - f.size() - 1);
        if (args.empty()) return false;
        for (char c : args)
            if (!(detail::is_digit(c) || c == '.' || c == ',' || c == '%' || c == ' ' || c == '/' ||
                  c == '-'))
                return false;
        return true;
    }
    for (char c : v)
        if (!(c >= 'a' && c <= 'z')) return false;
    // The names once split and sorted: a page's styles look colours up often.
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> all;
        std::string_view list = css_named_colors;
        for (size_t b = 0; b < list.size();) {
            size_t e = list.find(' ', b);
            if (e == std::string_view::npos) e = list.size();
            if (e > b) all.push_back(list.substr(b, e - b));
            b = e + 1;
        }
        std::sort(all.begin(), all.end());
        return all;
    }();
    return std::binary_search(names.begin(), names.end(), v);
}

bool is_one_of(std::string_view v, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (v == w) return true;
    return false;
}

// Each word of a space or comma separated value must pass `ok`.
template <typename Ok> bool all_words(std::string_view v, Ok ok) {
    size_t i = 0;
    bool any = false;
    while (i < v.size()) {
        while (i < v.size() && (v[i] == ' ' || v[i] == ','))
            ++i;
        size_t b = i;
        while (i < v.size() && v[i] != ' ' && v[i] != ',')
            ++i;
        if (b == i) continue;
        if (!ok(v.substr(b, i - b))) return false;
        any = true;
    }
    return any;
}

bool css_value_ok(std::string_view property, std::string_view v) {
    if (property == "color" || property == "background-color") return is_css_color(v);
    if (property == "font-weight")
        return is_one_of(v, {"normal", "bold", "bolder", "lighter", "100", "200", "300", "400",
                             "500", "600", "700", "800", "900"});
    if (property == "font-style") return is_one_of(v, {"normal", "italic", "oblique"});
    if (property == "text-decoration" || property == "text-decoration-line")
        return all_words(v, [](std::string_view w) {
            return is_one_of(w, {"none", "underline", "overline", "line-through", "solid", "double",
                                 "dotted", "dashed", "wavy"});
        });
    if (property == "font-size")
        return is_css_number(v, true) ||
               is_one_of(v, {"xx-small", "x-small", "small", "medium", "large", "x-large",
                             "xx-large", "smaller", "larger"});
    if (property == "font-variant") return is_one_of(v, {"normal", "small-caps"});
    if (property == "text-transform")
        return is_one_of(v, {"none", "uppercase", "lowercase", "capitalize"});
    if (property == "font-family")
        return all_words(v, [](std::string_view w) {
            return is_one_of(
                w, {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"});
        });
    return false;
}

} // namespace

std::string sanitize_css(std::string_view css, std::vector<std::string>& problems) {
    // Anything that could leave the declaration, load a resource or run code
    // drops the whole style. Parentheses are checked per property below
    // (only colour functions may have them).
    static const char* forbidden[] = {"url(",       "expression", "\\", "\"",        "'",
                                      "<",          ">",          "/*", "@",         "&",
                                      "javascript", "{",          "}",  "!important"};
    std::string lowered = detail::to_lower(css);
    for (const char* f : forbidden) {
        std::string_view fv = f;
        if (lowered.find(fv) != std::string::npos) {
            problems.push_back("The style \"" + detail::excerpt(css, 80) +
                               "\" was dropped: it contains \"" + std::string(fv) + "\".");
            return {};
        }
    }
    std::string out;
    size_t i = 0;
    while (i <= lowered.size()) {
        size_t semi = lowered.find(';', i);
        if (semi == std::string::npos) semi = lowered.size();
        std::string_view decl = detail::trim(std::string_view(lowered).substr(i, semi - i));
        i = semi + 1;
        if (decl.empty()) continue;
        size_t colon = decl.find(':');
        std::string_view property =
            detail::trim(colon == std::string_view::npos ? decl : decl.substr(0, colon));
        std::string_view value = colon == std::string_view::npos
                                     ? std::string_view{}
                                     : detail::trim(decl.substr(colon + 1));
        std::string collapsed;
        for (char c : value) {
            if (detail::is_space(c)) {
                if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
            } else {
                collapsed.push_back(c);
            }
        }
        bool has_paren = collapsed.find('(') != std::string::npos;
        if (colon == std::string_view::npos || !css_value_ok(property, collapsed) ||
            (has_paren && !(property == "color" || property == "background-color"))) {
            problems.push_back("The style declaration \"" + detail::excerpt(decl, 80) +
                               "\" was dropped: only colours, font weight, style, size, "
                               "family, variant, text decoration and transform are allowed.");
            continue;
        }
        if (!out.empty()) out += "; ";
        out += std::string(property) + ": " + collapsed;
    }
    return out;
}

std::string safe_url(std::string_view url) {
    auto removed = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
    };
    std::string clean;
    if (std::none_of(url.begin(), url.end(), removed)) {
        clean = url; // nearly every URL: copied whole
    } else {
        clean.reserve(url.size());
        for (char c : url)
            if (!removed(c)) clean.push_back(c);
    }
    if (clean.empty()) return {};
    size_t stop = detail::find_any(clean, ":/?#");
    if (stop != std::string::npos && clean[stop] == ':') {
        std::string scheme = detail::to_lower(std::string_view(clean).substr(0, stop));
        if (scheme != "http" && scheme != "https" && scheme != "mailto") return {};
        if (clean.size() == stop + 1) return {};
    }
    return clean;
}

std::string youtube_video_id(std::string_view url) {
    std::string_view u = detail::trim(url);
    std::string lowered = detail::to_lower(u);
    size_t start = 0;
    if (detail::starts_with(lowered, "https://"))
        start = 8;
    else if (detail::starts_with(lowered, "http://"))
        start = 7;
    size_t host_end = detail::find_any(u, "/?#", start);
    if (host_end == std::string_view::npos) return {};
    std::string host = lowered.substr(start, host_end - start);
    for (const char* prefix : {"www.", "m."})
        if (detail::starts_with(host, prefix)) host.erase(0, std::strlen(prefix));
    std::string_view rest = u.substr(host_end);
    std::string_view id;
    auto until = [](std::string_view s) { return s.substr(0, detail::find_any(s, "?&#/")); };
    if (host == "youtu.be") {
        if (!rest.empty() && rest[0] == '/') id = until(rest.substr(1));
    } else if (host == "youtube.com" || host == "youtube-nocookie.com") {
        if (detail::starts_with(rest, "/embed/")) {
            id = until(rest.substr(7));
        } else if (detail::starts_with(rest, "/watch")) {
            size_t q = rest.find('?');
            if (q == std::string_view::npos) return {};
            std::string_view query = rest.substr(q + 1);
            query = query.substr(0, query.find('#'));
            size_t i = 0;
            while (i < query.size()) {
                size_t amp = query.find('&', i);
                if (amp == std::string_view::npos) amp = query.size();
                std::string_view param = query.substr(i, amp - i);
                if (detail::starts_with(param, "v=")) {
                    id = param.substr(2);
                    break;
                }
                i = amp + 1;
            }
        }
    }
    if (id.size() != 11) return {};
    for (char c : id)
        if (!(detail::is_alnum(c) || c == '_' || c == '-')) return {};
    return std::string(id);
}

nlohmann::json to_json(const Diagnostic& d) {
    return {{"line", d.line}, {"message", d.message}};
}

std::vector<size_t> source_offsets(std::string_view source,
                                   const std::vector<SourcePosition>& positions) {
    std::vector<size_t> order(positions.size());
    for (size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::pair(positions[a].line, positions[a].column) <
               std::pair(positions[b].line, positions[b].column);
    });
    std::vector<size_t> out(positions.size(), std::string_view::npos);
    // Cleans the source again, character by character, as the parser did, and
    // notes where each wanted position starts.
    std::string scratch;
    size_t next = 0, column = 0;
    int line = 1;
    for (size_t i = 0; i < source.size() && next < order.size();) {
        bool line_break = source[i] == '\n' || source[i] == '\r';
        while (next < order.size()) {
            const SourcePosition& p = positions[order[next]];
            bool passed = p.line < line || (p.line == line && p.column <= static_cast<int>(column));
            if (!passed && !(p.line == line && p.column == static_cast<int>(column) + 1)) break;
            if (!passed && !line_break) out[order[next]] = i;
            ++next;
        }
        scratch.clear();
        i += detail::clean_char(source, i, column, scratch);
        if (line_break) ++line;
    }
    return out;
}

ParseResult parse(std::string_view source) {
    try {
        return detail::Parser(source).run();
    } catch (const std::exception& e) {
        // The parser has no throwing paths of its own; this catches
        // allocation failure so a page still shows something.
        ParseResult r;
        r.diagnostics.push_back({1, std::string("The page could not be parsed: ") + e.what()});
        Block b;
        b.kind = BlockKind::problem;
        b.line = 1;
        b.text = r.diagnostics.back().message;
        r.doc.blocks.push_back(std::move(b));
        return r;
    }
}

} // namespace wte::rst
