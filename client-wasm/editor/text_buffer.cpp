// The editor model: every change goes through insert_raw/erase_raw (which
// record line splices for the highlighter's cache) inside an undo group.
// Invariant: cursor_ and anchor_ are inside the text and on boundaries.
#include "editor/text_buffer.hpp"

#include <algorithm>
#include <cctype>

namespace wte::editor {

namespace {

bool in(char32_t cp, char32_t lo, char32_t hi) {
    return cp >= lo && cp <= hi;
}

// Marks that belong to the code point before them.
bool attaches(char32_t cp) {
    return in(cp, 0x0300, 0x036F) || in(cp, 0x0483, 0x0489) || in(cp, 0x0591, 0x05BD) ||
           in(cp, 0x064B, 0x065F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) ||
           in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F) ||
           in(cp, 0x1F3FB, 0x1F3FF) || in(cp, 0xE0020, 0xE007F) || in(cp, 0xE0100, 0xE01EF);
}

bool regional_indicator(char32_t cp) {
    return in(cp, 0x1F1E6, 0x1F1FF);
}

enum class CharClass { space, word, punct };

CharClass class_of(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') return CharClass::space;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c >= 0x80)
        return CharClass::word;
    return CharClass::punct;
}

std::size_t leading_blanks(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return i;
}

// Where `text` ends when inserted at `at`.
TextPos end_of(TextPos at, std::string_view text) {
    const std::size_t nl = text.rfind('\n');
    if (nl == std::string_view::npos) return {at.line, at.byte + static_cast<int>(text.size())};
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return {at.line + lines, static_cast<int>(text.size() - nl - 1)};
}

char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

const char* const void_elements[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                     "input", "link", "meta", "param", "source", "track", "wbr"};

bool is_void_element(std::string_view name) {
    return std::find(std::begin(void_elements), std::end(void_elements), name) !=
           std::end(void_elements);
}

} // namespace

// --- UTF-8 ---

Decoded decode_utf8(std::string_view s, std::size_t i) {
    const Decoded invalid{0xFFFD, 1};
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return {c, 1};
    int len = 0;
    char32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return invalid;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) return invalid;
    for (int k = 1; k < len; ++k) {
        const unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) return invalid;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || in(cp, 0xD800, 0xDFFF) ||
        cp > 0x10FFFF)
        return invalid;
    return {cp, len};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int code_point_columns(char32_t cp) {
    if (attaches(cp) || cp == 0x200D || cp == 0x200B) return 0;
    if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF) ||
        in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) ||
        in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) || in(cp, 0xFE30, 0xFE4F) ||
        in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x1F300, 0x1F64F) ||
        in(cp, 0x1F680, 0x1F6FF) || in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x1FA70, 0x1FAFF) ||
        in(cp, 0x20000, 0x3FFFD) || regional_indicator(cp))
        return 2;
    return 1;
}

std::size_t next_boundary(std::string_view s, std::size_t i) {
    if (i >= s.size()) return s.size();
    const Decoded first = decode_utf8(s, i);
    std::size_t j = i + static_cast<std::size_t>(first.length);
    if (first.code_point == 0xFFFD && first.length == 1) return j; // a lone invalid byte
    if (regional_indicator(first.code_point) && j < s.size()) {
        const Decoded second = decode_utf8(s, j);
        if (regional_indicator(second.code_point)) j += static_cast<std::size_t>(second.length);
    }
    while (j < s.size()) {
        const Decoded d = decode_utf8(s, j);
        if (d.code_point == 0x200D) {
            // A joiner glues the next code point on (family and profession emoji).
            j += static_cast<std::size_t>(d.length);
            if (j < s.size()) j += static_cast<std::size_t>(decode_utf8(s, j).length);
        } else if (attaches(d.code_point)) {
            j += static_cast<std::size_t>(d.length);
        } else {
            break;
        }
    }
    return j;
}

std::size_t previous_boundary(std::string_view s, std::size_t i) {
    std::size_t last = 0;
    for (std::size_t k = 0; k < i && k < s.size();) {
        last = k;
        k = next_boundary(s, k);
    }
    return last;
}

std::size_t snap_to_boundary(std::string_view s, std::size_t i) {
    if (i >= s.size()) return s.size();
    std::size_t k = 0;
    while (k < s.size()) {
        const std::size_t next = next_boundary(s, k);
        if (next > i) return k;
        k = next;
    }
    return k;
}

int column_of(std::string_view line, std::size_t i, int tab_size) {
    int col = 0;
    for (std::size_t k = 0; k < i && k < line.size(); k = next_boundary(line, k)) {
        if (line[k] == '\t')
            col = (col / tab_size + 1) * tab_size;
        else
            col += std::max(1, code_point_columns(decode_utf8(line, k).code_point));
    }
    return col;
}

std::size_t byte_at_column(std::string_view line, double column, int tab_size) {
    int col = 0;
    std::size_t k = 0;
    while (k < line.size()) {
        const int start = col;
        if (line[k] == '\t')
            col = (col / tab_size + 1) * tab_size;
        else
            col += std::max(1, code_point_columns(decode_utf8(line, k).code_point));
        const std::size_t next = next_boundary(line, k);
        if (column < col) return (column - start <= col - column) ? k : next;
        k = next;
    }
    return line.size();
}

// --- Content ---

TextBuffer::TextBuffer(std::string_view text) {
    set_text(text);
}

void TextBuffer::set_text(std::string_view text) {
    const int old_count = static_cast<int>(lines_.size());
    lines_.clear();
    std::string current;
    for (char c : text) {
        if (c == '\r') continue; // files from Windows: lines end at \n only
        if (c == '\n') {
            lines_.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    lines_.push_back(std::move(current));
    cursor_ = anchor_ = {};
    undo_.clear();
    redo_.clear();
    open_group_ = false;
    saved_id_ = 0;
    reset_column();
    ++version_;
    splices_.push_back({0, old_count, line_count()});
}

std::string TextBuffer::text() const {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (i > 0) out += '\n';
        out += lines_[i];
    }
    return out;
}

std::string TextBuffer::text(TextRange r) const {
    if (r.begin.line == r.end.line)
        return line(r.begin.line)
            .substr(static_cast<std::size_t>(r.begin.byte),
                    static_cast<std::size_t>(r.end.byte - r.begin.byte));
    std::string out = line(r.begin.line).substr(static_cast<std::size_t>(r.begin.byte));
    for (int l = r.begin.line + 1; l < r.end.line; ++l)
        out += '\n' + line(l);
    out += '\n';
    out += line(r.end.line).substr(0, static_cast<std::size_t>(r.end.byte));
    return out;
}

TextPos TextBuffer::insert_raw(TextPos at, std::string_view text) {
    if (text.empty()) return at;
    ++version_;
    std::string& first = lines_[static_cast<std::size_t>(at.line)];
    const auto byte = static_cast<std::size_t>(at.byte);
    if (text.find('\n') == std::string_view::npos) {
        first.insert(byte, text);
        splices_.push_back({at.line, 1, 1});
        return {at.line, at.byte + static_cast<int>(text.size())};
    }
    // Enter at a line's end leaves that line as it was: only new lines follow.
    const bool first_unchanged = byte == first.size() && text.front() == '\n';
    const std::string tail = first.substr(byte);
    first.erase(byte);
    std::vector<std::string> added;
    std::size_t start = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
         nl = text.find('\n', start)) {
        if (start == 0)
            first.append(text.substr(0, nl));
        else
            added.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    added.emplace_back(text.substr(start));
    const TextPos end{at.line + static_cast<int>(added.size()),
                      static_cast<int>(added.back().size())};
    added.back() += tail;
    lines_.insert(lines_.begin() + at.line + 1, std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
    if (first_unchanged)
        splices_.push_back({at.line + 1, 0, static_cast<int>(added.size())});
    else
        splices_.push_back({at.line, 1, 1 + static_cast<int>(added.size())});
    return end;
}

void TextBuffer::erase_raw(TextRange r) {
    if (r.empty()) return;
    ++version_;
    std::string& first = lines_[static_cast<std::size_t>(r.begin.line)];
    if (r.begin.line == r.end.line) {
        first.erase(static_cast<std::size_t>(r.begin.byte),
                    static_cast<std::size_t>(r.end.byte - r.begin.byte));
        splices_.push_back({r.begin.line, 1, 1});
        return;
    }
    // Removing whole lines after a line's end leaves that line as it was.
    const bool first_unchanged = r.begin.byte == static_cast<int>(first.size()) &&
                                 r.end.byte == static_cast<int>(line(r.end.line).size());
    first.erase(static_cast<std::size_t>(r.begin.byte));
    first += line(r.end.line).substr(static_cast<std::size_t>(r.end.byte));
    lines_.erase(lines_.begin() + r.begin.line + 1, lines_.begin() + r.end.line + 1);
    if (first_unchanged)
        splices_.push_back({r.begin.line + 1, r.end.line - r.begin.line, 0});
    else
        splices_.push_back({r.begin.line, r.end.line - r.begin.line + 1, 1});
}

// --- Cursor ---

TextPos TextBuffer::clamp(TextPos p) const {
    p.line = std::clamp(p.line, 0, line_count() - 1);
    const std::string& l = line(p.line);
    p.byte = static_cast<int>(
        snap_to_boundary(l, static_cast<std::size_t>(std::clamp(p.byte, 0, int(l.size())))));
    return p;
}

TextRange TextBuffer::selection() const {
    return cursor_ < anchor_ ? TextRange{cursor_, anchor_} : TextRange{anchor_, cursor_};
}

void TextBuffer::move_to(TextPos p, bool select) {
    cursor_ = clamp(p);
    if (!select) anchor_ = cursor_;
    open_group_ = false;
}

void TextBuffer::set_cursor(TextPos p, bool keep_anchor) {
    reset_column();
    move_to(p, keep_anchor);
}

void TextBuffer::select(TextPos anchor, TextPos cursor) {
    reset_column();
    anchor_ = clamp(anchor);
    move_to(cursor, true);
}

void TextBuffer::select_all() {
    select({0, 0}, {line_count() - 1, static_cast<int>(lines_.back().size())});
}

void TextBuffer::move_left(bool select) {
    reset_column();
    if (has_selection() && !select) return move_to(selection().begin, false);
    TextPos p = cursor_;
    if (p.byte > 0)
        p.byte =
            static_cast<int>(previous_boundary(line(p.line), static_cast<std::size_t>(p.byte)));
    else if (p.line > 0)
        p = {p.line - 1, static_cast<int>(line(p.line - 1).size())};
    move_to(p, select);
}

void TextBuffer::move_right(bool select) {
    reset_column();
    if (has_selection() && !select) return move_to(selection().end, false);
    TextPos p = cursor_;
    const std::string& l = line(p.line);
    if (p.byte < static_cast<int>(l.size()))
        p.byte = static_cast<int>(next_boundary(l, static_cast<std::size_t>(p.byte)));
    else if (p.line + 1 < line_count())
        p = {p.line + 1, 0};
    move_to(p, select);
}

void TextBuffer::move_word_left(bool select) {
    reset_column();
    TextPos p = cursor_;
    if (p.byte == 0) {
        if (p.line > 0) p = {p.line - 1, static_cast<int>(line(p.line - 1).size())};
        return move_to(p, select);
    }
    const std::string& l = line(p.line);
    auto k = static_cast<std::size_t>(p.byte);
    while (k > 0 && class_of(l, previous_boundary(l, k)) == CharClass::space)
        k = previous_boundary(l, k);
    if (k > 0) {
        const CharClass c = class_of(l, previous_boundary(l, k));
        while (k > 0 && class_of(l, previous_boundary(l, k)) == c)
            k = previous_boundary(l, k);
    }
    move_to({p.line, static_cast<int>(k)}, select);
}

void TextBuffer::move_word_right(bool select) {
    reset_column();
    TextPos p = cursor_;
    const std::string& l = line(p.line);
    if (p.byte >= static_cast<int>(l.size())) {
        if (p.line + 1 < line_count()) p = {p.line + 1, 0};
        return move_to(p, select);
    }
    auto k = static_cast<std::size_t>(p.byte);
    while (k < l.size() && class_of(l, k) == CharClass::space)
        k = next_boundary(l, k);
    if (k < l.size()) {
        const CharClass c = class_of(l, k);
        while (k < l.size() && class_of(l, k) == c)
            k = next_boundary(l, k);
    }
    move_to({p.line, static_cast<int>(k)}, select);
}

void TextBuffer::move_up(bool select, int lines) {
    if (preferred_column_ < 0)
        preferred_column_ =
            column_of(line(cursor_.line), static_cast<std::size_t>(cursor_.byte), tab_size);
    if (cursor_.line == 0) {
        move_to({0, 0}, select);
        return;
    }
    const int l = std::max(0, cursor_.line - lines);
    move_to({l, static_cast<int>(byte_at_column(line(l), preferred_column_, tab_size))}, select);
}

void TextBuffer::move_down(bool select, int lines) {
    if (preferred_column_ < 0)
        preferred_column_ =
            column_of(line(cursor_.line), static_cast<std::size_t>(cursor_.byte), tab_size);
    if (cursor_.line == line_count() - 1) {
        move_to({cursor_.line, static_cast<int>(line(cursor_.line).size())}, select);
        return;
    }
    const int l = std::min(line_count() - 1, cursor_.line + lines);
    move_to({l, static_cast<int>(byte_at_column(line(l), preferred_column_, tab_size))}, select);
}

void TextBuffer::move_home(bool select) {
    reset_column();
    const int blanks = static_cast<int>(leading_blanks(line(cursor_.line)));
    move_to({cursor_.line, cursor_.byte == blanks ? 0 : blanks}, select);
}

void TextBuffer::move_end(bool select) {
    reset_column();
    move_to({cursor_.line, static_cast<int>(line(cursor_.line).size())}, select);
}

void TextBuffer::move_to_start(bool select) {
    reset_column();
    move_to({0, 0}, select);
}

void TextBuffer::move_to_end(bool select) {
    reset_column();
    move_to({line_count() - 1, static_cast<int>(lines_.back().size())}, select);
}

void TextBuffer::select_word_at(TextPos p) {
    p = clamp(p);
    const std::string& l = line(p.line);
    auto b = static_cast<std::size_t>(p.byte);
    auto e = b;
    if (b < l.size()) {
        const CharClass c = class_of(l, b);
        while (b > 0 && class_of(l, previous_boundary(l, b)) == c)
            b = previous_boundary(l, b);
        while (e < l.size() && class_of(l, e) == c)
            e = next_boundary(l, e);
    }
    select({p.line, static_cast<int>(b)}, {p.line, static_cast<int>(e)});
}

// --- Undo groups ---

TextBuffer::Group& TextBuffer::begin_group(EditKind kind) {
    reset_column();
    if (open_group_ && !undo_.empty() && !has_selection() && undo_.back().cursor_after == cursor_) {
        const EditKind last = undo_.back().kind;
        const bool joins = (kind == EditKind::typing_word && last == EditKind::typing_word) ||
                           (kind == EditKind::typing_other &&
                            (last == EditKind::typing_word || last == EditKind::typing_other)) ||
                           (kind == EditKind::deleting && last == EditKind::deleting);
        if (joins) {
            undo_.back().kind = kind;
            return undo_.back();
        }
    }
    redo_.clear();
    Group g;
    g.kind = kind;
    g.id = next_group_id_++;
    g.anchor_before = anchor_;
    g.cursor_before = cursor_;
    undo_.push_back(std::move(g));
    return undo_.back();
}

void TextBuffer::replace(TextRange range, std::string_view text, Group& group) {
    std::string removed = this->text(range);
    erase_raw(range);
    const TextPos end = insert_raw(range.begin, text);
    group.edits.push_back({range.begin, std::move(removed), std::string(text)});
    cursor_ = anchor_ = end;
}

void TextBuffer::end_group(Group& group) {
    group.anchor_after = anchor_;
    group.cursor_after = cursor_;
    open_group_ = group.kind == EditKind::typing_word || group.kind == EditKind::typing_other ||
                  group.kind == EditKind::deleting;
    if (group.edits.empty()) undo_.pop_back(); // nothing changed: no undo step
}

void TextBuffer::apply_inverse(const Group& g) {
    for (auto it = g.edits.rbegin(); it != g.edits.rend(); ++it) {
        erase_raw({it->at, end_of(it->at, it->inserted)});
        insert_raw(it->at, it->removed);
    }
    anchor_ = g.anchor_before;
    cursor_ = g.cursor_before;
}

void TextBuffer::apply(const Group& g) {
    for (const Edit& e : g.edits) {
        erase_raw({e.at, end_of(e.at, e.removed)});
        insert_raw(e.at, e.inserted);
    }
    anchor_ = g.anchor_after;
    cursor_ = g.cursor_after;
}

void TextBuffer::undo() {
    if (undo_.empty()) return;
    apply_inverse(undo_.back());
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    open_group_ = false;
    reset_column();
}

void TextBuffer::redo() {
    if (redo_.empty()) return;
    apply(redo_.back());
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    open_group_ = false;
    reset_column();
}

bool TextBuffer::modified() const {
    return current_id() != saved_id_;
}

void TextBuffer::mark_saved() {
    saved_id_ = current_id();
    open_group_ = false;
}

// --- Editing ---

void TextBuffer::type(std::string_view text, bool paste) {
    std::string clean;
    clean.reserve(text.size());
    for (char c : text)
        if (c != '\r') clean += c;
    if (clean.empty()) return;
    if (paste) {
        Group& g = begin_group(EditKind::other);
        replace(selection(), clean, g);
        end_group(g);
        open_group_ = false;
        return;
    }
    // Typed text: character by character, so words group the same however
    // many characters one frame delivers.
    std::size_t i = 0;
    while (i < clean.size()) {
        if (clean[i] == '\n') {
            newline();
            ++i;
            continue;
        }
        const std::size_t next = i + static_cast<std::size_t>(decode_utf8(clean, i).length);
        const EditKind kind =
            class_of(clean, i) == CharClass::word ? EditKind::typing_word : EditKind::typing_other;
        Group& g = begin_group(kind);
        replace(selection(), std::string_view(clean).substr(i, next - i), g);
        end_group(g);
        i = next;
    }
}

void TextBuffer::newline() {
    Group& g = begin_group(EditKind::newline);
    const TextRange sel = selection();
    const std::string& l = line(sel.begin.line);
    const auto at = static_cast<std::size_t>(sel.begin.byte);
    std::string indent = l.substr(0, std::min(leading_blanks(l), at));
    // One level deeper after an opener: {, (, [ or an opening HTML tag.
    std::size_t before = at;
    while (before > 0 && (l[before - 1] == ' ' || l[before - 1] == '\t'))
        --before;
    bool deeper = false;
    if (before > 0) {
        const char c = l[before - 1];
        if (c == '{' || c == '(' || c == '[') {
            deeper = true;
        } else if (c == '>' && before >= 2 && l[before - 2] != '/') {
            const std::size_t lt = l.rfind('<', before - 1);
            if (lt != std::string::npos && lt + 1 < l.size() && l[lt + 1] != '/' &&
                l[lt + 1] != '!') {
                std::size_t e = lt + 1;
                while (e < l.size() &&
                       (std::isalnum(static_cast<unsigned char>(l[e])) || l[e] == '-'))
                    ++e;
                std::string name = l.substr(lt + 1, e - lt - 1);
                for (auto& ch : name)
                    ch = lower_ascii(ch);
                deeper = !name.empty() && !is_void_element(name);
            }
        }
    }
    const std::string_view after =
        std::string_view(line(sel.end.line)).substr(static_cast<std::size_t>(sel.end.byte));
    const bool closer_follows = !after.empty() && (after[0] == '}' || after[0] == ')' ||
                                                   after[0] == ']' || after.substr(0, 2) == "</");
    const std::string level(static_cast<std::size_t>(indent_width), ' ');
    if (deeper && closer_follows) {
        replace(sel, "\n" + indent + level + "\n" + indent, g);
        cursor_ = anchor_ = {sel.begin.line + 1, static_cast<int>(indent.size() + level.size())};
    } else {
        replace(sel, "\n" + indent + (deeper ? level : ""), g);
    }
    end_group(g);
}

void TextBuffer::delete_selection() {
    if (!has_selection()) return;
    Group& g = begin_group(EditKind::other);
    replace(selection(), "", g);
    end_group(g);
}

void TextBuffer::backspace() {
    if (has_selection()) return delete_selection();
    const TextPos p = cursor_;
    if (p.byte == 0 && p.line == 0) return;
    TextRange r;
    if (p.byte == 0) {
        r = {{p.line - 1, static_cast<int>(line(p.line - 1).size())}, p};
    } else {
        const std::string& l = line(p.line);
        int b = static_cast<int>(previous_boundary(l, static_cast<std::size_t>(p.byte)));
        // In the indentation, one level goes at once.
        if (std::all_of(l.begin(), l.begin() + p.byte, [](char c) { return c == ' '; })) {
            b = std::max(0, ((p.byte - 1) / indent_width) * indent_width);
        }
        r = {{p.line, b}, p};
    }
    Group& g = begin_group(EditKind::deleting);
    replace(r, "", g);
    end_group(g);
}

void TextBuffer::delete_forward() {
    if (has_selection()) return delete_selection();
    const TextPos p = cursor_;
    const std::string& l = line(p.line);
    TextRange r;
    if (p.byte >= static_cast<int>(l.size())) {
        if (p.line + 1 >= line_count()) return;
        r = {p, {p.line + 1, 0}};
    } else {
        r = {p, {p.line, static_cast<int>(next_boundary(l, static_cast<std::size_t>(p.byte)))}};
    }
    Group& g = begin_group(EditKind::deleting);
    replace(r, "", g);
    cursor_ = anchor_ = p;
    end_group(g);
}

void TextBuffer::indent() {
    const TextRange sel = selection();
    if (sel.begin.line == sel.end.line) {
        const int col =
            column_of(line(cursor_.line), static_cast<std::size_t>(sel.begin.byte), tab_size);
        Group& g = begin_group(EditKind::other);
        replace(sel, std::string(static_cast<std::size_t>(indent_width - col % indent_width), ' '),
                g);
        end_group(g);
        return;
    }
    const int last = sel.end.byte == 0 ? sel.end.line - 1 : sel.end.line;
    const bool cursor_first = cursor_ < anchor_;
    TextPos b = sel.begin, e = sel.end;
    Group& g = begin_group(EditKind::other);
    const std::string level(static_cast<std::size_t>(indent_width), ' ');
    for (int l = sel.begin.line; l <= last; ++l) {
        if (line(l).empty()) continue;
        replace({{l, 0}, {l, 0}}, level, g);
        if (l == b.line && b.byte > 0) b.byte += indent_width;
        if (l == e.line) e.byte += indent_width;
    }
    anchor_ = cursor_first ? e : b;
    cursor_ = cursor_first ? b : e;
    end_group(g);
}

void TextBuffer::outdent() {
    const TextRange sel = selection();
    const int last =
        (sel.end.byte == 0 && sel.end.line > sel.begin.line) ? sel.end.line - 1 : sel.end.line;
    const bool cursor_first = cursor_ < anchor_;
    TextPos b = sel.begin, e = sel.end;
    Group& g = begin_group(EditKind::other);
    for (int l = sel.begin.line; l <= last; ++l) {
        const std::string& text = line(l);
        int n = 0;
        if (!text.empty() && text[0] == '\t')
            n = 1;
        else
            while (n < indent_width && n < static_cast<int>(text.size()) && text[n] == ' ')
                ++n;
        if (n == 0) continue;
        replace({{l, 0}, {l, n}}, "", g);
        if (l == b.line) b.byte = std::max(0, b.byte - n);
        if (l == e.line) e.byte = std::max(0, e.byte - n);
    }
    anchor_ = cursor_first ? e : b;
    cursor_ = cursor_first ? b : e;
    end_group(g);
}

// --- Find ---

bool TextBuffer::find(std::string_view needle, TextPos from, bool case_sensitive,
                      TextRange& found) const {
    if (needle.empty() || needle.find('\n') != std::string_view::npos) return false;
    from = clamp(from);
    const auto match_at = [&](const std::string& l, std::size_t k) {
        if (k + needle.size() > l.size()) return false;
        for (std::size_t m = 0; m < needle.size(); ++m) {
            const char a = l[k + m], b = needle[m];
            if (case_sensitive ? a != b : lower_ascii(a) != lower_ascii(b)) return false;
        }
        return true;
    };
    // From `from` to the end, then from the start back to `from`.
    for (int pass = 0; pass <= line_count(); ++pass) {
        const int l = (from.line + pass) % line_count();
        const std::string& text = line(l);
        const std::size_t start = pass == 0 ? static_cast<std::size_t>(from.byte) : 0;
        const std::size_t stop =
            (pass == line_count()) ? static_cast<std::size_t>(from.byte) : text.size();
        for (std::size_t k = start; k + needle.size() <= text.size() && k <= stop; ++k) {
            if (match_at(text, k)) {
                found = {{l, static_cast<int>(k)}, {l, static_cast<int>(k + needle.size())}};
                return true;
            }
        }
    }
    return false;
}

bool TextBuffer::find_next(std::string_view needle, bool case_sensitive) {
    TextRange found;
    const TextPos from = has_selection() ? selection().end : cursor_;
    if (!find(needle, from, case_sensitive, found)) return false;
    select(found.begin, found.end);
    return true;
}

// --- Matching ---

bool TextBuffer::matching_bracket(TextPos& bracket, TextPos& partner) const {
    static constexpr std::string_view opens = "([{", closes = ")]}";
    const auto is_bracket = [](char c) {
        return opens.find(c) != std::string_view::npos || closes.find(c) != std::string_view::npos;
    };
    const std::string& l = line(cursor_.line);
    TextPos at = cursor_;
    if (at.byte < static_cast<int>(l.size()) && is_bracket(l[static_cast<std::size_t>(at.byte)])) {
    } else if (at.byte > 0 && is_bracket(l[static_cast<std::size_t>(at.byte - 1)])) {
        at.byte -= 1;
    } else {
        return false;
    }
    const char c = l[static_cast<std::size_t>(at.byte)];
    const bool forward = opens.find(c) != std::string_view::npos;
    const char mate = forward ? closes[opens.find(c)] : opens[closes.find(c)];
    int depth = 0;
    TextPos p = at;
    while (true) {
        const std::string& text = line(p.line);
        const char here = text[static_cast<std::size_t>(p.byte)];
        if (here == c) ++depth;
        if (here == mate && --depth == 0) {
            bracket = at;
            partner = p;
            return true;
        }
        // Step one byte (brackets are ASCII, so bytes are enough here).
        if (forward) {
            ++p.byte;
            while (p.byte >= static_cast<int>(line(p.line).size())) {
                if (++p.line >= line_count()) return false;
                p.byte = 0;
            }
        } else {
            --p.byte;
            while (p.byte < 0) {
                if (--p.line < 0) return false;
                p.byte = static_cast<int>(line(p.line).size()) - 1;
            }
        }
    }
}

bool TextBuffer::matching_tag(TextRange& open_name, TextRange& close_name) const {
    // Most carets are in no tag name: say so without scanning the file.
    {
        const std::string& l = line(cursor_.line);
        std::size_t k = static_cast<std::size_t>(cursor_.byte);
        while (k > 0 && (std::isalnum(static_cast<unsigned char>(l[k - 1])) || l[k - 1] == '-'))
            --k;
        if (k > 0 && l[k - 1] == '/') --k;
        if (k == 0 || l[k - 1] != '<') return false;
    }
    // Scans the whole text once: tags outside comments and script/style
    // bodies, paired with a stack that forgives unclosed elements.
    const std::string all = text();
    std::vector<std::size_t> line_start{0};
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i] == '\n') line_start.push_back(i + 1);
    const auto pos_of = [&](std::size_t offset) {
        const auto it = std::upper_bound(line_start.begin(), line_start.end(), offset) - 1;
        return TextPos{static_cast<int>(it - line_start.begin()), static_cast<int>(offset - *it)};
    };
    const std::size_t cursor =
        line_start[static_cast<std::size_t>(cursor_.line)] + static_cast<std::size_t>(cursor_.byte);

    struct Tag {
        std::string name;
        std::size_t begin, end; // the name's bytes
    };
    std::vector<Tag> stack;
    bool cursor_in_open = false;
    Tag cursor_tag{};
    std::size_t i = 0;
    while ((i = all.find('<', i)) != std::string::npos) {
        if (all.compare(i, 4, "<!--") == 0) {
            const std::size_t e = all.find("-->", i + 4);
            if (e == std::string::npos) break;
            i = e + 3;
            continue;
        }
        const bool closing = i + 1 < all.size() && all[i + 1] == '/';
        const std::size_t nb = i + (closing ? 2 : 1);
        std::size_t ne = nb;
        while (ne < all.size() &&
               (std::isalnum(static_cast<unsigned char>(all[ne])) || all[ne] == '-'))
            ++ne;
        if (ne == nb || !std::isalpha(static_cast<unsigned char>(all[nb]))) {
            ++i;
            continue;
        }
        std::string name = all.substr(nb, ne - nb);
        for (auto& ch : name)
            ch = lower_ascii(ch);
        const std::size_t gt = all.find('>', ne);
        const std::size_t tag_end = gt == std::string::npos ? all.size() : gt + 1;
        const bool self_closing = gt != std::string::npos && gt > ne && all[gt - 1] == '/';
        const bool on_cursor = cursor > i && cursor <= ne; // after '<', up to the name's end
        if (closing) {
            for (std::size_t k = stack.size(); k-- > 0;) {
                if (stack[k].name != name) continue;
                const bool open_on_cursor = cursor_in_open && stack[k].begin == cursor_tag.begin;
                if (on_cursor || open_on_cursor) {
                    open_name = {pos_of(stack[k].begin), pos_of(stack[k].end)};
                    close_name = {pos_of(nb), pos_of(ne)};
                    return true;
                }
                stack.resize(k);
                break;
            }
            if (on_cursor) return false; // a closing tag without an opening one
        } else if (!self_closing && !is_void_element(name)) {
            stack.push_back({name, nb, ne});
            if (on_cursor) {
                cursor_in_open = true;
                cursor_tag = stack.back();
            }
            if (name == "script" || name == "style") {
                const std::size_t close = all.find("</" + name, tag_end);
                i = close == std::string::npos ? all.size() : close;
                continue;
            }
        } else if (on_cursor) {
            return false; // <br>, <img/>: nothing to match
        }
        i = tag_end;
    }
    return false;
}

} // namespace wte::editor
