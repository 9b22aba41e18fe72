// Shared state and helpers of the reStructuredText parser, split over
// blocks.cpp (body elements), inline.cpp (inline markup), directives.cpp
// (explicit markup and WTE extensions) and tables.cpp. Not a public header.
#pragma once

#include "wte/rst/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wte::rst::detail {

// One source line with trailing whitespace removed and tabs expanded; in
// nested blocks `text` has the block's indentation stripped. `text` always
// views the parser's cleaned source (never a copy), so a position in it maps
// back to a source column (Parser::source_column).
struct Line {
    std::string_view text;
    int number = 0;
};
// The source's lines, or the lines of nested content taken from the LinePool.
using Lines = std::span<const Line>;

// Where the line lists of nested content (a list item, a quote, a cell, a
// directive's body) live: a few large chunks taken from and given back to
// like a stack, so parsing nested content allocates no list of its own.
class LinePool {
public:
    struct Mark {
        size_t chunk = 0, used = 0;
    };
    Mark mark() const { return {current_, used_}; }
    // Lines taken since `m` are free again; spans of them must be dead.
    void release(Mark m) {
        current_ = m.chunk;
        used_ = m.used;
    }
    // Room for `n` lines side by side, valid until the release of an earlier mark.
    Line* allocate(size_t n) {
        if (current_ < chunks_.size() && chunks_[current_].size - used_ >= n) {
            Line* room = chunks_[current_].lines.get() + used_;
            used_ += n;
            return room;
        }
        size_t next = chunks_.empty() ? 0 : current_ + 1;
        if (next >= chunks_.size() || chunks_[next].size < n) {
            size_t size = std::max<size_t>(n, 4096);
            chunks_.insert(chunks_.begin() + static_cast<long>(next),
                           Chunk{std::make_unique<Line[]>(size), size});
        }
        current_ = next;
        used_ = n;
        return chunks_[current_].lines.get();
    }

private:
    struct Chunk {
        std::unique_ptr<Line[]> lines;
        size_t size = 0;
    };
    std::vector<Chunk> chunks_; // moving a Chunk leaves its lines where they are
    size_t current_ = 0, used_ = 0;
};

// Gives back to the pool, when it ends, the lines taken while it lived.
class LineScope {
public:
    explicit LineScope(LinePool& pool) : pool_(pool), mark_(pool.mark()) {}
    LineScope(const LineScope&) = delete;
    LineScope& operator=(const LineScope&) = delete;
    ~LineScope() { pool_.release(mark_); }

private:
    LinePool& pool_;
    LinePool::Mark mark_;
};

inline bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}
inline bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

inline size_t indent_of(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && s[n] == ' ')
        ++n;
    return n;
}

inline std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b]))
        ++b;
    while (e > b && is_space(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

// s.find_first_of(set, from) for a few ASCII characters, without the call
// to memchr per character of `s` that std::string_view makes.
inline size_t find_any(std::string_view s, std::string_view set, size_t from = 0) {
    for (size_t k = from; k < s.size(); ++k)
        for (char c : set)
            if (s[k] == c) return k;
    return std::string_view::npos;
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string to_lower(std::string_view s);
// At most `max_bytes` of `s` for a message, never cutting a UTF-8 character.
std::string excerpt(std::string_view s, size_t max_bytes);
size_t utf8_length(std::string_view s);
// Calls f(char32_t) for each character of `s`, valid UTF-8 (the parser's
// cleaned source), without decoding it into a string first.
template <typename F> void for_each_code_point(std::string_view s, F f) {
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        size_t len = 1;
        if (c >= 0xF0) {
            cp = c & 0x07;
            len = 4;
        } else if (c >= 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else if (c >= 0xC0) {
            cp = c & 0x1F;
            len = 2;
        }
        for (size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        f(cp);
        i += len;
    }
}
std::u32string to_code_points(std::string_view s);
// The same into `out`, which keeps its capacity.
void assign_code_points(std::string_view s, std::u32string& out);
// Bytes of the `count` characters of UTF-8 `s` from character `from` on
// (fewer at its end), trailing spaces removed: a table cell's slice of a line.
std::string_view character_slice(std::string_view s, size_t from, size_t count);

// Reference names compare case-insensitively with whitespace collapsed.
std::string normalize_name(std::string_view name);
// docutils-style id: lower case, runs of other characters become '-'.
std::string slugify(std::string_view text);

// Lines joined by '\n', keeping relative indentation.
std::string join_lines(const Lines& lines, size_t from, size_t to);

// Positions of valid end strings of one kind of inline markup, consumed left
// to right.
struct EndCandidates {
    std::vector<size_t> positions;
    size_t cursor = 0;
    size_t next(size_t from) {
        while (cursor < positions.size() && positions[cursor] < from)
            ++cursor;
        return cursor < positions.size() ? positions[cursor] : std::string_view::npos;
    }
};

// The end of interpreted text: the backquote and what may follow it.
struct InterpretedEnd {
    size_t end = 0;        // after the whole end string
    int underscores = 0;   // reference suffix: 1 = "_", 2 = "__"
    std::string_view role; // of a `text`:role: suffix
};

// A grid table cell by the grid's rows and columns of its borders.
struct GridCell {
    int top, left, bottom, right;
};

// Buffers of tables.cpp, kept by the Parser between tables: a page has
// thousands of small ones. The rows hold a table's lines as characters.
struct TableScratch {
    std::vector<std::u32string> rows;
    std::vector<std::pair<int, int>> corners;
    std::vector<int> done, rowseps, colseps;
    std::vector<GridCell> cells;
    std::vector<size_t> per_row, row_lines;
    std::vector<std::pair<size_t, size_t>> columns, spans, groups;
};

// Lends `home` for one call and gives it back after, with its capacity (a
// nested call in the meantime finds it empty and makes its own).
template <typename T> class Borrowed {
public:
    explicit Borrowed(T& home) : home_(home), value_(std::move(home)) {}
    Borrowed(const Borrowed&) = delete;
    Borrowed& operator=(const Borrowed&) = delete;
    ~Borrowed() { home_ = std::move(value_); }
    T& operator*() { return value_; }
    T* operator->() { return &value_; }

private:
    T& home_;
    T value_;
};

// Buffers of inline.cpp's parser, kept by the Parser between calls.
struct InlineScratch {
    std::vector<Inline> spans; // built here, then moved out at their final size
    std::vector<char> escaped;
    EndCandidates literal_ends, strong_ends, emphasis_ends, interpreted_ends;
    std::vector<InterpretedEnd> interpreted_info;
};

class Parser {
public:
    explicit Parser(std::string_view source);
    ParseResult run();

    // blocks.cpp
    std::vector<Block> parse_blocks(const Lines& lines, int depth, bool top_level);

    // End (exclusive) of the block of lines at or after `from` that are blank
    // or indented; trailing blank lines are not part of it.
    size_t indented_end(const Lines& lines, size_t from);
    // Lines [from, to) with their common indentation removed, in the line pool.
    Lines dedent(const Lines& lines, size_t from, size_t to);
    // The same, after `first` (not dedented) when it is not empty.
    Lines dedent_after(const Line& first, const Lines& lines, size_t from, size_t to);
    LinePool line_pool;

    // inline.cpp: `line` is the source line of the first character of `text`.
    std::vector<Inline> parse_inline(std::string_view text, int line);

    // directives.cpp: explicit markup starting at lines[i]; returns the next line.
    size_t parse_explicit(const Lines& lines, size_t i, int depth, std::vector<Block>& out);
    size_t parse_anonymous_target(const Lines& lines, size_t i);

    // tables.cpp: return the next line to parse.
    size_t parse_grid_table(const Lines& lines, size_t i, int depth, std::vector<Block>& out);
    // `no_close_from`: first line known to start no closable simple table
    // (keeps repeated malformed tables from rescanning the rest: linear time).
    size_t parse_simple_table(const Lines& lines, size_t i, int depth, std::vector<Block>& out,
                              size_t& no_close_from);

    // 1-based column of `at`, a character of source line `line` seen through
    // a Line's text; 0 if `at` is not on that line.
    int source_column(int line, const char* at) const;

    void report(int line, std::string message);
    Block problem(int line, std::string message, std::string name = {});
    // Appends a block, giving it the anchor of any `.. _name:` before it.
    void push_block(std::vector<Block>& out, Block&& block);
    // The same in two steps, for a block filled in place (a Block is large to
    // move): add it, fill it (nothing else may be added to `out` meanwhile),
    // then claim the targets once it is complete, as push_block would.
    Block& add_block(std::vector<Block>& out, BlockKind kind, int line);
    void claim_targets(Block& block);
    std::string unique_anchor(std::string_view wanted);
    // A URL from content: safe or "" (reported at `line`).
    std::string checked_url(std::string_view url, int line);

    struct Target {
        std::string url;   // resolved URL ("" while an alias)
        std::string alias; // `.. _a: b_` → normalised "b"
        int line = 0;
        bool refused = false;
    };

    // Looked up by name only, never listed: hashed.
    std::unordered_map<std::string, Target> targets;           // explicit, by normalised name
    std::unordered_map<std::string, std::string> section_urls; // implicit, from section titles
    std::vector<std::string> anonymous_targets; // in order of appearance ("" = refused)
    std::vector<std::string> pending_internal_targets;
    std::unordered_set<std::string> quiz_ids;
    std::unordered_set<std::string> question_ids;
    int quiz_nesting = 0; // > 0 while parsing the content of a quiz
    // Links made with a pending target and not yet resolved: the reference
    // pass stops after the last one (a page without references skips it).
    size_t pending_links = 0;
    // Indexes of the top-level blocks (sections not yet nested) that made
    // such links, in order: the reference pass visits only them.
    std::vector<size_t> top_blocks_with_links;
    // Steps taken by the loops that scan lines and characters; tests check it
    // grows linearly with the input (ParseResult::work).
    size_t work = 0;
    int last_section_level = 0;
    InlineScratch inline_scratch;
    TableScratch table_scratch;
    // sanitize_css of each style a page uses, with what it reported.
    struct SanitizedCss {
        std::string css;
        std::vector<std::string> problems;
    };
    std::unordered_map<std::string, SanitizedCss> sanitized_css;

private:
    std::string source_;    // the cleaned source, when cleaning changed it
    std::string_view text_; // the cleaned source: source_ or the page itself
    std::vector<Line> lines_;
    std::vector<Diagnostic> diagnostics_;
    size_t suppressed_diagnostics_ = 0;
    std::vector<std::pair<std::string, bool>> section_styles_; // adornment, overlined
    std::unordered_set<std::string> anchors_;
    std::unordered_map<std::string, int> anchor_suffixes_;
    void resolve_references(std::vector<Inline>& inlines, size_t& anonymous_index);
    void resolve_references(std::vector<Block>& blocks, size_t& anonymous_index);
    void resolve_references(Block& block, size_t& anonymous_index);
    std::string resolve_name(const std::string& name, int line);

public:
    // Level of a section title style, by order of first appearance.
    int section_level(const std::string& adornment, bool overlined);
};

// A reference waiting for resolution is a link whose target starts with this
// byte (the sanitiser removes it from sources, so content cannot forge one).
constexpr char pending_reference_mark = '\x01';
constexpr char pending_anonymous_mark = '\x02';

} // namespace wte::rst::detail
