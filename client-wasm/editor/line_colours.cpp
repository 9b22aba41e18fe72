// Per-line colouring. A line is highlighted alone, behind a short prefix
// that puts the shared highlighter into the state the line starts in (for
// example "/*" inside a block comment, "<script>" inside a script body); the
// prefix's tokens are cut off again. scan() follows only what can span lines.
#include "editor/line_colours.hpp"

#include <algorithm>

namespace wte::editor {

namespace {

// rst: coloured a region at a time (see colour_region), no per-line state.
enum class Family { plain, html, css, script, rst };

Family family_of(std::string language) {
    for (auto& c : language)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (language == "html" || language == "htm" || language == "xml" || language == "svg" ||
        language == "xhtml")
        return Family::html;
    if (language == "css") return Family::css;
    if (language == "rst") return Family::rst;
    for (const char* name : {"javascript", "js", "mjs", "typescript", "ts", "c", "h", "cpp", "c++",
                             "cxx", "cc", "hpp", "java", "json"})
        if (language == name) return Family::script;
    return Family::plain;
}

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view lower_prefix) {
    if (i + lower_prefix.size() > s.size()) return false;
    for (std::size_t k = 0; k < lower_prefix.size(); ++k) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[k]) return false;
    }
    return true;
}

std::size_t find_ci(std::string_view s, std::size_t from, std::string_view lower_needle) {
    for (std::size_t i = from; i + lower_needle.size() <= s.size(); ++i)
        if (starts_with_ci(s, i, lower_needle)) return i;
    return std::string_view::npos;
}

using Open = LineState::Open;
using Body = LineState::Body;

// JavaScript (and the C family) between b and e: comments and strings.
void scan_script(std::string_view s, std::size_t i, std::size_t e, LineState& st) {
    while (i < e) {
        if (st.open == Open::block_comment) {
            const std::size_t close = s.substr(0, e).find("*/", i);
            if (close == std::string_view::npos) return;
            st.open = Open::none;
            i = close + 2;
            continue;
        }
        if (st.open == Open::template_string) {
            while (i < e && s[i] != '`')
                i += s[i] == '\\' ? 2 : 1;
            if (i >= e) return;
            st.open = Open::none;
            ++i;
            continue;
        }
        const char c = s[i];
        if (c == '/' && i + 1 < e && s[i + 1] == '/') return; // the rest is a comment
        if (c == '/' && i + 1 < e && s[i + 1] == '*') {
            st.open = Open::block_comment;
            i += 2;
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < e && s[i] != c)
                i += s[i] == '\\' ? 2 : 1;
            ++i; // strings end at the line's end anyway
        } else if (c == '`') {
            st.open = Open::template_string;
            ++i;
        } else {
            ++i;
        }
    }
}

void scan_css(std::string_view s, std::size_t i, std::size_t e, LineState& st) {
    while (i < e) {
        if (st.open == Open::block_comment) {
            const std::size_t close = s.substr(0, e).find("*/", i);
            if (close == std::string_view::npos) return;
            st.open = Open::none;
            i = close + 2;
            continue;
        }
        const char c = s[i];
        if (c == '/' && i + 1 < e && s[i + 1] == '*') {
            st.open = Open::block_comment;
            i += 2;
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < e && s[i] != c)
                i += s[i] == '\\' ? 2 : 1;
            ++i;
        } else {
            if (c == '{' && st.css_depth < 255) ++st.css_depth;
            if (c == '}' && st.css_depth > 0) --st.css_depth;
            ++i;
        }
    }
}

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
}

void scan_html(std::string_view s, LineState& st) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        if (st.body != Body::main) {
            // The highlighter ends a body at its closing tag, whatever is open.
            const std::size_t close =
                find_ci(s, i, st.body == Body::script ? "</script" : "</style");
            const std::size_t e = close == std::string_view::npos ? n : close;
            if (st.body == Body::script)
                scan_script(s, i, e, st);
            else
                scan_css(s, i, e, st);
            if (close == std::string_view::npos) return;
            st = LineState{};
            i = close;
            continue;
        }
        switch (st.open) {
        case Open::html_comment: {
            const std::size_t close = s.find("-->", i);
            if (close == std::string_view::npos) return;
            st.open = Open::none;
            i = close + 3;
            continue;
        }
        case Open::value_double:
        case Open::value_single: {
            const std::size_t close = s.find(st.open == Open::value_double ? '"' : '\'', i);
            if (close == std::string_view::npos) return;
            st.open = Open::tag;
            i = close + 1;
            continue;
        }
        case Open::tag: {
            const char c = s[i];
            if (c == '>') {
                st.open = Open::none;
                st.body = st.tag_body;
                st.tag_body = Body::main;
                ++i;
            } else if (c == '<') {
                st.open = Open::none; // an unterminated tag: the next one starts here
                st.tag_body = Body::main;
            } else if (c == '=') {
                ++i;
                while (i < n && (s[i] == ' ' || s[i] == '\t'))
                    ++i;
                if (i < n && (s[i] == '"' || s[i] == '\'')) {
                    st.open = s[i] == '"' ? Open::value_double : Open::value_single;
                    ++i;
                }
            } else {
                ++i;
            }
            continue;
        }
        default:
            break;
        }
        const std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) return;
        if (s.compare(lt, 4, "<!--") == 0) {
            st.open = Open::html_comment;
            i = lt + 4;
            continue;
        }
        if (lt + 1 < n && s[lt + 1] == '!') {
            const std::size_t gt = s.find('>', lt);
            i = gt == std::string_view::npos ? n : gt + 1;
            continue;
        }
        const bool closing = lt + 1 < n && s[lt + 1] == '/';
        std::size_t b = lt + (closing ? 2 : 1), e = b;
        const bool letter =
            b < n && ((s[b] >= 'a' && s[b] <= 'z') || (s[b] >= 'A' && s[b] <= 'Z') || s[b] == '_' ||
                      static_cast<unsigned char>(s[b]) >= 0x80);
        if (!letter) {
            i = lt + 1;
            continue;
        }
        while (e < n && (name_char(s[e]) || static_cast<unsigned char>(s[e]) >= 0x80))
            ++e;
        st.open = Open::tag;
        st.tag_body = Body::main;
        if (!closing && e - b == 6 && starts_with_ci(s, b, "script")) st.tag_body = Body::script;
        if (!closing && e - b == 5 && starts_with_ci(s, b, "style")) st.tag_body = Body::style;
        i = e;
    }
}

// Text that brings the highlighter into state `st`, and the language to ask for.
std::string prefix_for(Family family, const LineState& st) {
    std::string p;
    const auto inner = [&](Body body) {
        if (body == Body::style && st.css_depth > 0) p += "x{";
        if (st.open == Open::block_comment) p += "/*";
        if (st.open == Open::template_string) p += "`";
    };
    switch (family) {
    case Family::plain:
    case Family::rst:
        break;
    case Family::css:
        inner(Body::style);
        break;
    case Family::script:
        inner(Body::script);
        break;
    case Family::html:
        if (st.body == Body::script) {
            p = "<script>";
            inner(Body::script);
        } else if (st.body == Body::style) {
            p = "<style>";
            inner(Body::style);
        } else {
            const char* name = st.tag_body == Body::script  ? "script"
                               : st.tag_body == Body::style ? "style"
                                                            : "x";
            if (st.open == Open::html_comment) p = "<!--";
            if (st.open == Open::tag) p = std::string("<") + name + " ";
            if (st.open == Open::value_double) p = std::string("<") + name + " a=\"";
            if (st.open == Open::value_single) p = std::string("<") + name + " a='";
        }
        break;
    }
    return p;
}

bool blank_line(const std::string& s) {
    return s.find_first_not_of(" \t\r") == std::string::npos;
}

// reST's multi-line constructs (a title and its underline, a directive and
// its options, a literal block after "::") never reach over a line that
// starts unindented after a blank line: there the highlighter starts afresh.
bool rst_region_start(const TextBuffer& b, int line) {
    if (line <= 0) return true;
    const std::string& s = b.line(line);
    if (s.empty() || s[0] == ' ' || s[0] == '\t' || blank_line(s)) return false;
    return blank_line(b.line(line - 1));
}

} // namespace

LineColours::LineColours(std::string language) : language_(std::move(language)) {}

void LineColours::set_language(std::string language) {
    if (language == language_) return;
    language_ = std::move(language);
    for (Line& l : lines_)
        l = Line{};
}

LineState LineColours::scan(const std::string& text, LineState start) const {
    LineState st = start;
    switch (family_of(language_)) {
    case Family::plain:
    case Family::rst:
        return LineState{};
    case Family::html:
        scan_html(text, st);
        break;
    case Family::css:
        scan_css(text, 0, text.size(), st);
        break;
    case Family::script:
        scan_script(text, 0, text.size(), st);
        break;
    }
    return st;
}

void LineColours::sync(TextBuffer& buffer) {
    int first = -1, last = -1;
    for (const TextBuffer::LineSplice& s : buffer.take_splices()) {
        const auto at = lines_.begin() + std::min<std::ptrdiff_t>(s.line, std::ssize(lines_));
        const auto removed_end = at + std::min<std::ptrdiff_t>(s.removed, lines_.end() - at);
        const auto pos = lines_.erase(at, removed_end);
        lines_.insert(pos, static_cast<std::size_t>(s.added), Line{});
        // Earlier dirty lines shift with the lines inserted or removed before them.
        if (last >= s.line + s.removed) last += s.added - s.removed;
        first = first < 0 ? s.line : std::min(first, s.line);
        last = std::max(last, s.line + s.added - 1);
    }
    if (std::ssize(lines_) != buffer.line_count()) { // changes taken by someone else
        lines_.assign(static_cast<std::size_t>(buffer.line_count()), Line{});
        first = 0;
        last = buffer.line_count() - 1;
    }
    if (first < 0) return;
    // States flow down until a line's start agrees with what it had.
    LineState start = first == 0 ? LineState{} : lines_[static_cast<std::size_t>(first - 1)].end;
    for (int l = first; l < buffer.line_count(); ++l) {
        Line& line = lines_[static_cast<std::size_t>(l)];
        if (line.scanned && line.start == start) {
            if (l > last) break;
            start = line.end;
            continue;
        }
        line.start = start;
        line.end = scan(buffer.line(l), start);
        line.scanned = true;
        line.coloured = false;
        ++stats_.lines_scanned;
        start = line.end;
    }
    if (family_of(language_) == Family::rst) {
        // The regions around the change are coloured again, and the one
        // after (a new blank line may have cut a region in two).
        const int count = buffer.line_count();
        int from = std::min(first, count - 1);
        while (from > 0 && !rst_region_start(buffer, from))
            --from;
        int to = std::min(last + 1, count);
        while (to < count && !rst_region_start(buffer, to))
            ++to;
        if (to < count)
            for (++to; to < count && !rst_region_start(buffer, to);)
                ++to;
        for (int l = std::max(0, from); l < to; ++l)
            lines_[static_cast<std::size_t>(l)].coloured = false;
    }
}

void LineColours::colour_region(const TextBuffer& buffer, int line) {
    const int count = buffer.line_count();
    int from = line, to = line + 1;
    while (from > 0 && !rst_region_start(buffer, from))
        --from;
    while (to < count && !rst_region_start(buffer, to))
        ++to;
    std::string text;
    std::vector<std::size_t> starts;
    for (int l = from; l < to; ++l) {
        starts.push_back(text.size());
        text += buffer.line(l);
        text += '\n';
    }
    const std::vector<Token> all = highlight("rst", text);
    std::size_t ti = 0;
    for (int l = from; l < to; ++l) {
        Line& out = lines_[static_cast<std::size_t>(l)];
        const std::size_t b = starts[static_cast<std::size_t>(l - from)];
        const std::size_t e = b + buffer.line(l).size();
        out.tokens.clear();
        while (ti < all.size() && all[ti].end <= b)
            ++ti;
        for (std::size_t k = ti; k < all.size() && all[k].begin < e; ++k)
            out.tokens.push_back(
                {all[k].kind, std::max(all[k].begin, b) - b, std::min(all[k].end, e) - b});
        out.coloured = true;
        ++stats_.lines_coloured;
    }
}

const std::vector<Token>& LineColours::tokens(const TextBuffer& buffer, int line) {
    Line& l = lines_[static_cast<std::size_t>(line)];
    if (l.coloured) return l.tokens;
    const Family family = family_of(language_);
    if (family == Family::rst) {
        colour_region(buffer, line);
        return l.tokens;
    }
    const std::string prefix = prefix_for(family, l.start);
    const std::string& text = buffer.line(line);
    const std::string language = family == Family::html ? "html" : language_;
    std::vector<Token> all =
        prefix.empty() ? highlight(language, text) : highlight(language, prefix + text);
    l.tokens.clear();
    const std::size_t p = prefix.size();
    for (const Token& t : all) {
        if (t.end <= p) continue;
        l.tokens.push_back({t.kind, std::max(t.begin, p) - p, t.end - p});
    }
    l.coloured = true;
    ++stats_.lines_coloured;
    return l.tokens;
}

} // namespace wte::editor
