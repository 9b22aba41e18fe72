#include "content/preview_html.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace wte::content {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_ci(const std::string& s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (lower(s[at + k]) != word[k]) return false;
    return true;
}

std::size_t find_ci(const std::string& s, std::size_t from, std::string_view word) {
    for (std::size_t i = from; i + word.size() <= s.size(); ++i)
        if (starts_with_ci(s, i, word)) return i;
    return std::string::npos;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

struct Attribute {
    std::string name; // lower case
    std::string value;
};

struct Tag {
    std::string name; // lower case
    bool closing = false;
    std::size_t name_end = 0; // where an attribute can be inserted
    std::size_t end = 0;      // just after '>'
    std::vector<Attribute> attributes;

    const Attribute* attribute(std::string_view n) const {
        for (const auto& a : attributes)
            if (a.name == n) return &a;
        return nullptr;
    }
};

// The tag that starts at s[at] == '<', or none when it is not one (a lone
// '<' in text, or a tag cut off by the end of the file).
std::optional<Tag> read_tag(const std::string& s, std::size_t at) {
    Tag t;
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '/') {
        t.closing = true;
        ++i;
    }
    if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return std::nullopt;
    while (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/')
        t.name += lower(s[i++]);
    t.name_end = i;
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == '/'))
            ++i;
        if (i >= s.size()) return std::nullopt;
        if (s[i] == '>') {
            t.end = i + 1;
            return t;
        }
        Attribute a;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/' && s[i] != '=')
            a.name += lower(s[i++]);
        if (a.name.empty()) a.name += s[i++]; // a stray '=': keep going
        std::size_t j = i;
        while (j < s.size() && is_space(s[j]))
            ++j;
        if (j < s.size() && s[j] == '=') {
            i = j + 1;
            while (i < s.size() && is_space(s[i]))
                ++i;
            if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
                const char quote = s[i];
                auto close = s.find(quote, i + 1);
                if (close == std::string::npos) return std::nullopt;
                a.value = s.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                while (i < s.size() && !is_space(s[i]) && s[i] != '>')
                    a.value += s[i++];
            }
        }
        t.attributes.push_back(std::move(a));
    }
    return std::nullopt;
}

bool has_token_ci(const std::string& list, std::string_view token) {
    std::string word;
    for (std::size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || is_space(list[i])) {
            if (word == token) return true;
            word.clear();
        } else {
            word += lower(list[i]);
        }
    }
    return false;
}

// Elements whose content is raw text: a "<" inside them is not a tag.
bool has_raw_text(const std::string& name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" ||
           name == "xmp" || name == "noscript";
}

bool wants_crossorigin(const Tag& t) {
    if (t.attribute("crossorigin")) return false;
    if (t.name == "script") {
        const auto* src = t.attribute("src");
        return src && is_relative_url(src->value);
    }
    if (t.name == "link") {
        const auto* rel = t.attribute("rel");
        const auto* href = t.attribute("href");
        return rel && href && has_token_ci(rel->value, "stylesheet") &&
               is_relative_url(href->value);
    }
    return false;
}

} // namespace

bool is_relative_url(const std::string& raw) {
    auto b = raw.find_first_not_of(" \t\n\r\f");
    if (b == std::string::npos) return false;
    const std::string url = raw.substr(b);
    if (url[0] == '/' || url[0] == '\\' || url[0] == '#') return false;
    // A scheme: a letter, then letters, digits, + - ., then ':' before any / ? #.
    if (std::isalpha(static_cast<unsigned char>(url[0]))) {
        for (std::size_t i = 1; i < url.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(url[i]);
            if (c == ':') return false;
            if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') break;
        }
    }
    return true;
}

std::string prepare_preview_html(const std::string& html, const std::string& agent_js) {
    std::optional<std::size_t> after_head, after_html, after_doctype;
    std::vector<std::pair<std::size_t, std::string>> inserts;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            ++i;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            auto close = html.find("-->", i + 4);
            i = close == std::string::npos ? html.size() : close + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            auto close = html.find('>', i);
            if (close == std::string::npos) break;
            if (starts_with_ci(html, i, "<!doctype") && !after_doctype) after_doctype = close + 1;
            i = close + 1;
            continue;
        }
        auto tag = read_tag(html, i);
        if (!tag) {
            ++i;
            continue;
        }
        i = tag->end;
        if (tag->closing) continue;
        if (tag->name == "head" && !after_head) after_head = tag->end;
        if (tag->name == "html" && !after_html) after_html = tag->end;
        if (wants_crossorigin(*tag))
            inserts.emplace_back(tag->name_end, " crossorigin=\"anonymous\"");
        if (has_raw_text(tag->name)) {
            auto close = find_ci(html, i, "</" + tag->name);
            i = close == std::string::npos ? html.size() : close;
        }
    }

    std::string script = "<script>" + agent_js + "</script>";
    std::replace(script.begin(), script.end(), '\n', ' ');
    const std::size_t at = after_head      ? *after_head
                           : after_html    ? *after_html
                           : after_doctype ? *after_doctype
                                           : 0;
    inserts.emplace_back(at, std::move(script));
    std::stable_sort(inserts.begin(), inserts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    std::string out;
    out.reserve(html.size() + agent_js.size() + 64);
    std::size_t from = 0;
    for (const auto& [pos, text] : inserts) {
        out.append(html, from, pos - from);
        out += text;
        from = pos;
    }
    out.append(html, from, std::string::npos);
    return out;
}

} // namespace wte::content
