// HTML writer for the document model. The model holds only validated URLs,
// video ids and sanitised CSS; this writer still escapes every text and
// attribute it prints, so nothing from content can open a tag or a script.
#include "wte/rst/html.hpp"

#include "wte/highlight.hpp"
#include "wte/rst/parser.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

namespace wte::rst {

namespace {

// The page being written. A page takes hundreds of thousands of small
// appends; this buffer copies a literal with its length known at compile
// time and checks its room once, where std::string calls out for each. The
// appends land in a small buffer of its own that is moved into the page
// whenever it fills: a page string made large up front by resize() would be
// zero-filled first (megabytes written twice), one only reserved is not.
class PageBuffer {
public:
    PageBuffer() = default;
    PageBuffer(const PageBuffer&) = delete; // end_ points into it
    PageBuffer& operator=(const PageBuffer&) = delete;

    template <size_t N> PageBuffer& operator+=(const char (&literal)[N]) {
        append(literal, N - 1);
        return *this;
    }
    PageBuffer& operator+=(std::string_view s) {
        append(s.data(), s.size());
        return *this;
    }
    PageBuffer& operator+=(char c) {
        if (end_ == stage_ + sizeof stage_) flush();
        *end_++ = c;
        return *this;
    }
    void append(const char* s, size_t n) {
        if (static_cast<size_t>(stage_ + sizeof stage_ - end_) < n) return append_flushing(s, n);
        std::memcpy(end_, s, n);
        end_ += n;
    }
    // Room for `n` bytes in all, taken at once: growing copies the page.
    void reserve(size_t n) { page_.reserve(n); }
    std::string take() {
        flush();
        return std::move(page_);
    }

private:
    std::string page_;
    // Small enough to stay in the first-level cache and for memcpy to move
    // it with vector loads rather than a string instruction.
    char stage_[1536];
    char* end_ = stage_;

    void flush() {
        page_.append(stage_, static_cast<size_t>(end_ - stage_));
        end_ = stage_;
    }
    // Out of line: append stays small enough to be inlined everywhere.
    [[gnu::noinline]] void append_flushing(const char* s, size_t n) {
        flush();
        if (n > sizeof stage_) {
            page_.append(s, n);
            return;
        }
        std::memcpy(end_, s, n);
        end_ += n;
    }
};

// Appends `text` to `out` with & < > " ' escaped; the runs between them are
// copied whole (the writer's hot path: every text and attribute goes here).
template <typename Out> void append_escaped(Out& out, std::string_view text) {
    static constexpr auto special = [] {
        std::array<unsigned char, 256> table{}; // 0 or 1: or-ed four at a time
        for (unsigned char c : {'&', '<', '>', '"', '\''})
            table[c] = 1;
        return table;
    }();
    size_t from = 0;
    auto at = [&](size_t k) { return special[static_cast<unsigned char>(text[k])]; };
    for (size_t i = 0; i < text.size(); ++i) {
        // Four characters a test: one branch where a byte at a time took four.
        while (i + 4 <= text.size() && !(at(i) | at(i + 1) | at(i + 2) | at(i + 3)))
            i += 4;
        if (i == text.size()) break;
        auto c = static_cast<unsigned char>(text[i]);
        if (!special[c]) continue;
        out.append(text.data() + from, i - from);
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += "&#39;";
        }
        from = i + 1;
    }
    out.append(text.data() + from, text.size() - from);
}

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text);
    return out;
}

bool is_image_name(std::string_view name) {
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string ext(name.substr(dot + 1));
    for (auto& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const char* e : {"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp"})
        if (ext == e) return true;
    return false;
}

namespace {

// url.find_first_of(":/?#") without a call to memchr per character.
size_t scheme_or_path_start(std::string_view url) {
    for (size_t k = 0; k < url.size(); ++k)
        if (url[k] == ':' || url[k] == '/' || url[k] == '?' || url[k] == '#') return k;
    return std::string_view::npos;
}

// What safe_url would return unchanged: the model's links already passed it,
// and checking them again this way copies nothing.
bool safe_as_it_is(std::string_view url) {
    if (url.empty()) return false;
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return false;
    }
    size_t stop = scheme_or_path_start(url);
    if (stop == std::string_view::npos || url[stop] != ':') return true;
    if (stop + 1 == url.size()) return false;
    std::string_view scheme = url.substr(0, stop);
    auto is = [&](std::string_view wanted) {
        if (scheme.size() != wanted.size()) return false;
        for (size_t k = 0; k < wanted.size(); ++k) {
            char c = scheme[k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != wanted[k]) return false;
        }
        return true;
    };
    return is("http") || is("https") || is("mailto");
}

const char* admonition_title(std::string_view kind) {
    static const std::pair<const char*, const char*> titles[] = {
        {"note", "Note"},           {"warning", "Warning"},     {"tip", "Tip"},
        {"important", "Important"}, {"caution", "Caution"},     {"danger", "Danger"},
        {"hint", "Hint"},           {"attention", "Attention"}, {"error", "Error"},
        {"seealso", "See also"}};
    for (const auto& [k, t] : titles)
        if (kind == k) return t;
    return "Note";
}

const char* list_type(std::string_view enumeration) {
    if (enumeration == "loweralpha") return "a";
    if (enumeration == "upperalpha") return "A";
    if (enumeration == "lowerroman") return "i";
    if (enumeration == "upperroman") return "I";
    return "1";
}

class HtmlWriter {
public:
    explicit HtmlWriter(const HtmlOptions& options) : o_(options) {}

    std::string run(const Document& doc) {
        // Pages dense with markup (every construct, as in the benchmark) come
        // to about 3.3 times their source: one allocation for nearly any page.
        out_.reserve(4 * doc.source_size + 4096);
        if (o_.include_title && !doc.title.empty()) {
            out_ += "<h1 class=\"title\">";
            inlines(doc.title);
            out_ += "</h1>\n";
        }
        blocks(doc.blocks);
        return out_.take();
    }

private:
    const HtmlOptions& o_;
    PageBuffer out_;

    // Sanitised styles by the model's CSS: a page repeats the same few.
    std::unordered_map<std::string, std::string> sanitized_css_;
    std::vector<Token> tokens_; // of the code being written, kept for the next

    void text(std::string_view t) { append_escaped(out_, t); }

    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(out_, value);
        out_ += '"';
    }

    // The value is `prefix` and then `value`, written without joining them first.
    void attr(std::string_view name, std::string_view prefix, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(out_, prefix);
        append_escaped(out_, value);
        out_ += '"';
    }

    const std::string& sanitized_css(const std::string& css) {
        auto found = sanitized_css_.find(css);
        if (found != sanitized_css_.end()) return found->second;
        std::vector<std::string> problems;
        return sanitized_css_.emplace(css, sanitize_css(css, problems)).first->second;
    }

    // The attribute `name` holding the URL of an asset. The default URL is
    // written in place: percent-encoding leaves nothing to escape.
    void asset_url_attr(std::string_view name, const std::string& asset) {
        if (o_.asset_url) {
            attr(name, o_.asset_url(asset));
            return;
        }
        static const char* hex = "0123456789ABCDEF";
        out_ += ' ';
        out_ += name;
        out_ += "=\"assets/";
        for (char c : asset) {
            auto u = static_cast<unsigned char>(c);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~') {
                out_ += c;
            } else {
                out_ += '%';
                out_ += hex[u >> 4];
                out_ += hex[u & 15];
            }
        }
        out_ += '"';
    }

    // Scheme-less image URIs without a folder name an asset of the part.
    void image_url_attr(std::string_view name, const std::string& uri) {
        bool has_scheme =
            uri.find(':') != std::string::npos && uri.find(':') < uri.find_first_of("/?#");
        if (!has_scheme && uri.find('/') == std::string::npos && !uri.empty() && uri[0] != '#')
            asset_url_attr(name, uri);
        else
            attr(name, uri);
    }

    void code(std::string_view lang, std::string_view src, int first_line) {
        highlight_into(lang, src, tokens_);
        int line = first_line;
        auto number = [&]() {
            if (first_line <= 0) return;
            out_ += "<span class=\"line-number\" aria-hidden=\"true\">";
            out_ += std::to_string(line++);
            out_ += "</span>";
        };
        number();
        for (const auto& t : tokens_) {
            std::string_view piece = src.substr(t.begin, t.end - t.begin);
            size_t b = 0;
            while (b <= piece.size()) {
                size_t nl = piece.find('\n', b);
                std::string_view part = piece.substr(b, nl == std::string_view::npos ? nl : nl - b);
                if (!part.empty()) {
                    if (t.kind == TokenKind::plain) {
                        text(part);
                    } else {
                        out_ += "<span class=\"tok-";
                        out_ += token_name(t.kind);
                        out_ += "\">";
                        text(part);
                        out_ += "</span>";
                    }
                }
                if (nl == std::string_view::npos) break;
                out_ += '\n';
                number();
                b = nl + 1;
            }
        }
    }

    void math(const MathNode& n) {
        switch (n.kind) {
        case MathKind::row:
            out_ += "<mrow>";
            for (const auto& c : n.children)
                math(c);
            out_ += "</mrow>";
            return;
        case MathKind::identifier:
            out_ += n.text.size() > 1 && static_cast<unsigned char>(n.text[0]) < 0x80
                        ? "<mi mathvariant=\"normal\">"
                        : "<mi>";
            text(n.text);
            out_ += "</mi>";
            return;
        case MathKind::number:
            out_ += "<mn>";
            text(n.text);
            out_ += "</mn>";
            return;
        case MathKind::operator_:
            out_ += "<mo>";
            text(n.text);
            out_ += "</mo>";
            return;
        case MathKind::large_operator:
            out_ += "<mo largeop=\"true\">";
            text(n.text);
            out_ += "</mo>";
            return;
        case MathKind::function:
            out_ += "<mi mathvariant=\"normal\">";
            text(n.text);
            out_ += "</mi>";
            return;
        case MathKind::text:
            out_ += "<mtext>";
            text(n.text);
            out_ += "</mtext>";
            return;
        case MathKind::space:
            out_ += "<mspace";
            out_ += " width=\"";
            text(n.text);
            out_ += "em\"";
            out_ += "/>";
            return;
        default:
            break;
        }
        const char* tag = "mrow";
        switch (n.kind) {
        case MathKind::frac:
            tag = "mfrac";
            break;
        case MathKind::sqrt:
            tag = n.children.size() > 1 ? "mroot" : "msqrt";
            break;
        case MathKind::sub:
            tag = "msub";
            break;
        case MathKind::sup:
            tag = "msup";
            break;
        case MathKind::subsup:
            tag = "msubsup";
            break;
        default:
            break;
        }
        out_ += "<";
        out_ += tag;
        out_ += ">";
        for (const auto& c : n.children)
            math(c);
        out_ += "</";
        out_ += tag;
        out_ += ">";
    }

    void wrap(std::string_view tag, const std::vector<Inline>& children) {
        out_ += "<";
        out_ += tag;
        out_ += ">";
        inlines(children);
        out_ += "</";
        out_ += tag;
        out_ += ">";
    }

    void inlines(const std::vector<Inline>& spans) {
        for (const auto& s : spans)
            inline_span(s);
    }

    void inline_span(const Inline& s) {
        switch (s.kind) {
        case InlineKind::text:
            text(s.text);
            return;
        case InlineKind::emphasis:
            wrap("em", s.children);
            return;
        case InlineKind::strong:
            wrap("strong", s.children);
            return;
        case InlineKind::subscript:
            wrap("sub", s.children);
            return;
        case InlineKind::superscript:
            wrap("sup", s.children);
            return;
        case InlineKind::literal:
            out_ += "<code>";
            text(s.text);
            out_ += "</code>";
            return;
        case InlineKind::link: {
            std::string cleaned;
            std::string_view url = *s.target;
            if (!safe_as_it_is(url)) url = cleaned = safe_url(url);
            if (url.empty()) {
                text(s.text);
                return;
            }
            out_ += "<a";
            attr("href", url);
            if (url.substr(0, 4) == "http") attr("rel", "noopener noreferrer");
            out_ += ">";
            text(s.text);
            out_ += "</a>";
            return;
        }
        case InlineKind::asset: {
            if (is_image_name(*s.target)) {
                out_ += "<img";
                asset_url_attr("src", *s.target);
                attr("alt", s.text.empty() ? *s.target : s.text);
                attr("class", "asset");
                out_ += ">";
            } else {
                out_ += "<a";
                asset_url_attr("href", *s.target);
                attr("download", *s.target);
                out_ += ">";
                text(s.text.empty() ? *s.target : s.text);
                out_ += "</a>";
            }
            return;
        }
        case InlineKind::crossref: {
            out_ += "<a class=\"crossref\"";
            if (o_.crossref_url)
                attr("href", o_.crossref_url(*s.target));
            else
                attr("href", "#part-", *s.target);
            out_ += ">";
            text(!s.text.empty()     ? s.text
                 : o_.crossref_title ? o_.crossref_title(*s.target)
                                     : "Part " + *s.target);
            out_ += "</a>";
            return;
        }
        case InlineKind::styled: {
            const std::string& css = sanitized_css(*s.target);
            out_ += "<span";
            if (!css.empty()) attr("style", css);
            out_ += ">";
            inlines(s.children);
            out_ += "</span>";
            return;
        }
        case InlineKind::code:
            out_ += "<code class=\"code";
            if (!s.target->empty()) {
                out_ += " language-";
                text(*s.target);
            }
            out_ += "\">";
            code(*s.target, s.text, 0);
            out_ += "</code>";
            return;
        case InlineKind::math:
            // Named by its source: a reader without MathML still hears the formula.
            out_ += "<math";
            attr("alttext", s.text);
            attr("aria-label", s.text);
            out_ += ">";
            math(*s.math);
            out_ += "</math>";
            return;
        }
    }

    void blocks(const std::vector<Block>& list) {
        for (const auto& b : list)
            block(b);
    }

    void open(std::string_view tag, const Block& b, const char* css_class = nullptr) {
        out_ += "<";
        out_ += tag;
        if (!b.anchor->empty()) attr("id", *b.anchor);
        if (css_class) attr("class", css_class);
        out_ += ">";
    }

    void close(std::string_view tag) {
        out_ += "</";
        out_ += tag;
        out_ += ">\n";
    }

    void image(const Block& b) {
        const ImageFields& img = *b.image;
        if (!img.target.empty()) {
            out_ += "<a";
            attr("href", img.target);
            out_ += ">";
        }
        out_ += "<img";
        image_url_attr("src", img.uri);
        attr("alt", img.alt);
        if (!img.width.empty() || !img.height.empty()) {
            std::string style;
            if (!img.width.empty()) style += "width: " + img.width + ";";
            if (!img.height.empty()) style += " height: " + img.height + ";";
            attr("style", style);
        }
        if (!img.align.empty() && b.kind == BlockKind::image) attr("class", "align-", img.align);
        out_ += ">";
        if (!img.target.empty()) out_ += "</a>";
    }

    void table(const Block& b) {
        open("table", b);
        out_ += "\n";
        bool in_head = false, in_body = false;
        for (const auto& row : b.children) {
            if (row.header && !in_head) {
                out_ += "<thead>\n";
                in_head = true;
            } else if (!row.header && !in_body) {
                if (in_head) out_ += "</thead>\n";
                out_ += "<tbody>\n";
                in_body = true;
            }
            out_ += "<tr>";
            for (const auto& cell : row.children) {
                const char* tag = row.header ? "th" : "td";
                out_ += "<";
                out_ += tag;
                if (cell.colspan > 1) attr("colspan", std::to_string(cell.colspan));
                if (cell.rowspan > 1) attr("rowspan", std::to_string(cell.rowspan));
                out_ += ">";
                // A cell holding one paragraph is written without <p>.
                if (cell.children.size() == 1 && cell.children[0].kind == BlockKind::paragraph)
                    inlines(cell.children[0].inlines);
                else
                    blocks(cell.children);
                out_ += "</";
                out_ += tag;
                out_ += ">";
            }
            out_ += "</tr>\n";
        }
        if (in_body)
            out_ += "</tbody>\n";
        else if (in_head)
            out_ += "</thead>\n";
        close("table");
    }

    void quiz(const Block& b) {
        out_ += "<form class=\"quiz\"";
        attr("id", "quiz-", *b.id);
        attr("data-quiz", *b.id);
        out_ += ">\n";
        if (!b.inlines.empty()) {
            out_ += "<h3 class=\"quiz-title\">";
            inlines(b.inlines);
            out_ += "</h3>\n";
        }
        for (const auto& child : b.children) {
            if (child.kind != BlockKind::quiz_question) {
                block(child);
                continue;
            }
            out_ += "<fieldset class=\"quiz-question\"";
            attr("data-question", *child.id);
            out_ += "><legend>";
            inlines(child.inlines);
            out_ += "</legend>\n";
            const char* type =
                child.question_type == QuestionType::multi_choice ? "checkbox" : "radio";
            for (const auto& answer : child.children) {
                if (answer.kind != BlockKind::quiz_answer) continue; // a refused duplicate
                out_ += "<label><input";
                attr("type", type);
                out_ += " name=\"";
                text(*b.id);
                out_ += '/';
                text(*child.id);
                out_ += '"';
                attr("value", plain_text(answer.inlines));
                out_ += "> ";
                inlines(answer.inlines);
                out_ += "</label><br>\n";
            }
            out_ += "</fieldset>\n";
        }
        if (o_.quiz_check_button) out_ += "<button type=\"submit\">Check answers</button>\n";
        close("form");
    }

    void block(const Block& b) {
        switch (b.kind) {
        case BlockKind::section: {
            int h = std::min(6, b.level + 1);
            open("section", b);
            char digit = static_cast<char>('0' + h);
            out_ += "\n<h";
            out_ += digit;
            out_ += '>';
            inlines(b.inlines);
            out_ += "</h";
            out_ += digit;
            out_ += ">\n";
            blocks(b.children);
            close("section");
            return;
        }
        case BlockKind::paragraph:
            open("p", b);
            inlines(b.inlines);
            close("p");
            return;
        case BlockKind::bullet_list:
            open("ul", b);
            out_ += "\n";
            blocks(b.children);
            close("ul");
            return;
        case BlockKind::enumerated_list:
            out_ += "<ol";
            if (!b.anchor->empty()) attr("id", *b.anchor);
            attr("type", list_type(*b.enumeration));
            if (b.start != 1) attr("start", std::to_string(b.start));
            out_ += ">\n";
            blocks(b.children);
            close("ol");
            return;
        case BlockKind::list_item:
            open("li", b);
            if (b.children.size() == 1 && b.children[0].kind == BlockKind::paragraph)
                inlines(b.children[0].inlines);
            else
                blocks(b.children);
            close("li");
            return;
        case BlockKind::definition_list:
        case BlockKind::field_list:
            open("dl", b, b.kind == BlockKind::field_list ? "field-list" : nullptr);
            out_ += "\n";
            blocks(b.children);
            close("dl");
            return;
        case BlockKind::definition_item:
        case BlockKind::field:
            open("dt", b);
            inlines(b.inlines);
            out_ += "</dt>\n<dd>";
            blocks(b.children);
            close("dd");
            return;
        case BlockKind::literal_block:
            open("pre", b, "literal-block");
            text(b.text);
            close("pre");
            return;
        case BlockKind::block_quote:
            open("blockquote", b);
            out_ += "\n";
            blocks(b.children);
            close("blockquote");
            return;
        case BlockKind::attribution:
            out_ += "<p class=\"attribution\">\xE2\x80\x94 ";
            inlines(b.inlines);
            close("p");
            return;
        case BlockKind::table:
            table(b);
            return;
        case BlockKind::table_row:
        case BlockKind::table_cell:
        case BlockKind::quiz_question:
        case BlockKind::quiz_answer:
            blocks(b.children); // only reached for malformed trees
            return;
        case BlockKind::image:
            image(b);
            out_ += "\n";
            return;
        case BlockKind::figure:
            open("figure", b,
                 b.image->align.empty() ? nullptr : ("align-" + b.image->align).c_str());
            image(b);
            if (!b.children.empty()) {
                size_t legend = 0;
                if (b.children[0].kind == BlockKind::paragraph) {
                    out_ += "<figcaption>";
                    inlines(b.children[0].inlines);
                    out_ += "</figcaption>";
                    legend = 1;
                }
                for (size_t k = legend; k < b.children.size(); ++k)
                    block(b.children[k]);
            }
            close("figure");
            return;
        case BlockKind::admonition: {
            std::string cls = "admonition " + *b.name;
            open("aside", b, cls.c_str());
            out_ += "<p class=\"admonition-title\">";
            if (*b.name == "admonition")
                inlines(b.inlines);
            else
                text(admonition_title(*b.name));
            out_ += "</p>\n";
            blocks(b.children);
            close("aside");
            return;
        }
        case BlockKind::comment:
            return;
        case BlockKind::line_block:
            open("div", b, "line-block");
            out_ += "\n";
            blocks(b.children);
            close("div");
            return;
        case BlockKind::line:
            open("div", b, "line");
            inlines(b.inlines);
            if (b.inlines.empty()) out_ += "<br>";
            close("div");
            return;
        case BlockKind::transition:
            out_ += "<hr>\n";
            return;
        case BlockKind::sourcecode: {
            open("figure", b, "sourcecode");
            const SourcecodeFields& fields = *b.sourcecode;
            if (!fields.filename.empty()) {
                out_ += "<figcaption>";
                text(fields.filename);
                out_ += "</figcaption>";
            }
            out_ += "<pre class=\"code";
            if (!fields.language.empty()) {
                out_ += " language-";
                text(fields.language);
            }
            if (fields.no_select) out_ += " no-select";
            out_ += '"';
            if (fields.no_select) attr("style", "user-select: none");
            out_ += "><code>";
            code(fields.language, b.text, fields.first_line_number);
            out_ += "</code></pre>";
            close("figure");
            return;
        }
        case BlockKind::youtube: {
            open("div", b, "youtube");
            if (o_.embed_videos) {
                out_ += "<iframe";
                attr("src", "https://www.youtube-nocookie.com/embed/", *b.id);
                attr("title", "YouTube video");
                attr("loading", "lazy");
                attr("referrerpolicy", "strict-origin-when-cross-origin");
                attr("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
                out_ += " allowfullscreen></iframe>";
            }
            out_ += "<p><a";
            attr("href", "https://www.youtube.com/watch?v=", *b.id);
            attr("rel", "noopener noreferrer");
            out_ += ">Watch on YouTube</a></p>";
            close("div");
            return;
        }
        case BlockKind::quiz:
            quiz(b);
            return;
        case BlockKind::show_hide:
            out_ += "<details class=\"show-hide\"";
            if (!b.anchor->empty()) attr("id", *b.anchor);
            if (b.initially_visible) out_ += " open";
            out_ += "><summary>";
            if (b.inlines.empty())
                text("Show");
            else
                inlines(b.inlines);
            out_ += "</summary>\n";
            blocks(b.children);
            close("details");
            return;
        case BlockKind::math:
            out_ += "<math display=\"block\"";
            attr("alttext", b.text);
            attr("aria-label", b.text);
            out_ += ">";
            math(*b.math);
            close("math");
            return;
        case BlockKind::problem:
            if (!o_.show_problems) return;
            out_ += "<div class=\"problem\" role=\"alert\">";
            text("Line " + std::to_string(b.line) + ": " + b.text);
            close("div");
            return;
        }
    }
};

} // namespace

std::string to_html(const Document& doc, const HtmlOptions& options) {
    return HtmlWriter(options).run(doc);
}

} // namespace wte::rst
