// Hand-written lexers for the languages teachers show and learners edit.
// One table-driven lexer covers the C family, JavaScript, Python, SQL, shell
// and JSON; HTML and CSS have their own, and HTML hands <script> and <style>
// bodies to them. Every loop moves forward, so time is linear.
#include "wte/highlight.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace wte {
namespace {

enum class Language { none, html, css, javascript, python, c, cpp, java, sql, shell, json, rst };

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Language language_of(std::string_view name) {
    std::string n = lower(name);
    if (n == "html" || n == "htm" || n == "xml" || n == "svg" || n == "xhtml")
        return Language::html;
    if (n == "css") return Language::css;
    if (n == "javascript" || n == "js" || n == "mjs" || n == "typescript" || n == "ts")
        return Language::javascript;
    if (n == "python" || n == "py" || n == "python3") return Language::python;
    if (n == "c" || n == "h") return Language::c;
    if (n == "cpp" || n == "c++" || n == "cxx" || n == "cc" || n == "hpp") return Language::cpp;
    if (n == "java") return Language::java;
    if (n == "sql" || n == "sqlite" || n == "mysql" || n == "postgresql" || n == "psql")
        return Language::sql;
    if (n == "bash" || n == "sh" || n == "shell" || n == "zsh" || n == "console")
        return Language::shell;
    if (n == "json") return Language::json;
    if (n == "rst" || n == "rest" || n == "restructuredtext") return Language::rst;
    return Language::none;
}

bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

const char* const c_keywords[] = {
    "auto",   "break",  "case",   "const",  "continue", "default", "do",       "else",
    "enum",   "extern", "for",    "goto",   "if",       "inline",  "register", "restrict",
    "return", "sizeof", "static", "struct", "switch",   "typedef", "union",    "volatile",
    "while",  "NULL",   "true",   "false",  nullptr};
const char* const c_types[] = {"void",     "char",    "short",    "int",     "long",     "float",
                               "double",   "signed",  "unsigned", "bool",    "size_t",   "int8_t",
                               "int16_t",  "int32_t", "int64_t",  "uint8_t", "uint16_t", "uint32_t",
                               "uint64_t", "FILE",    nullptr};
const char* const cpp_keywords[] = {"alignas",
                                    "alignof",
                                    "auto",
                                    "break",
                                    "case",
                                    "catch",
                                    "class",
                                    "concept",
                                    "const",
                                    "consteval",
                                    "constexpr",
                                    "constinit",
                                    "const_cast",
                                    "continue",
                                    "co_await",
                                    "co_return",
                                    "co_yield",
                                    "decltype",
                                    "default",
                                    "delete",
                                    "do",
                                    "dynamic_cast",
                                    "else",
                                    "enum",
                                    "explicit",
                                    "export",
                                    "extern",
                                    "false",
                                    "final",
                                    "for",
                                    "friend",
                                    "goto",
                                    "if",
                                    "inline",
                                    "mutable",
                                    "namespace",
                                    "new",
                                    "noexcept",
                                    "nullptr",
                                    "operator",
                                    "override",
                                    "private",
                                    "protected",
                                    "public",
                                    "register",
                                    "reinterpret_cast",
                                    "requires",
                                    "return",
                                    "sizeof",
                                    "static",
                                    "static_assert",
                                    "static_cast",
                                    "struct",
                                    "switch",
                                    "template",
                                    "this",
                                    "thread_local",
                                    "throw",
                                    "true",
                                    "try",
                                    "typedef",
                                    "typeid",
                                    "typename",
                                    "union",
                                    "using",
                                    "virtual",
                                    "volatile",
                                    "while",
                                    nullptr};
const char* const cpp_types[] = {
    "void",        "char",    "char8_t",  "char16_t",   "char32_t",      "wchar_t",
    "short",       "int",     "long",     "float",      "double",        "signed",
    "unsigned",    "bool",    "size_t",   "int8_t",     "int16_t",       "int32_t",
    "int64_t",     "uint8_t", "uint16_t", "uint32_t",   "uint64_t",      "string",
    "string_view", "vector",  "map",      "set",        "unordered_map", "unordered_set",
    "optional",    "variant", "array",    "unique_ptr", "shared_ptr",    "pair",
    "tuple",       nullptr};
const char* const java_keywords[] = {
    "abstract",  "assert",  "break",  "case",      "catch",      "class",     "const",
    "continue",  "default", "do",     "else",      "enum",       "extends",   "final",
    "finally",   "for",     "goto",   "if",        "implements", "import",    "instanceof",
    "interface", "native",  "new",    "package",   "private",    "protected", "public",
    "record",    "return",  "static", "strictfp",  "super",      "switch",    "synchronized",
    "this",      "throw",   "throws", "transient", "try",        "var",       "volatile",
    "while",     "yield",   "true",   "false",     "null",       nullptr};
const char* const java_types[] = {"boolean", "byte",   "char",      "short",   "int",    "long",
                                  "float",   "double", "void",      "String",  "Object", "Integer",
                                  "List",    "Map",    "ArrayList", "HashMap", nullptr};
const char* const js_keywords[] = {
    "async",      "await",   "break",  "case",     "catch", "class",     "const",   "continue",
    "debugger",   "default", "delete", "do",       "else",  "export",    "extends", "false",
    "finally",    "for",     "from",   "function", "get",   "if",        "import",  "in",
    "instanceof", "let",     "new",    "null",     "of",    "return",    "set",     "static",
    "super",      "switch",  "this",   "throw",    "true",  "try",       "typeof",  "undefined",
    "var",        "void",    "while",  "with",     "yield", "interface", "type",    "enum",
    "implements", nullptr};
const char* const js_types[] = {"Array",   "Boolean",  "Date",    "Error",  "Function",
                                "JSON",    "Map",      "Math",    "Number", "Object",
                                "Promise", "RegExp",   "Set",     "String", "Symbol",
                                "window",  "document", "console", nullptr};
const char* const python_keywords[] = {
    "False",   "None",     "True",     "and",    "as",   "assert", "async",  "await",
    "break",   "class",    "continue", "def",    "del",  "elif",   "else",   "except",
    "finally", "for",      "from",     "global", "if",   "import", "in",     "is",
    "lambda",  "nonlocal", "not",      "or",     "pass", "raise",  "return", "try",
    "while",   "with",     "yield",    "match",  "case", "self",   nullptr};
const char* const python_types[] = {"int",   "float", "str",       "bool",       "list",
                                    "dict",  "set",   "tuple",     "bytes",      "object",
                                    "range", "type",  "Exception", "ValueError", nullptr};
const char* const sql_keywords[] = {
    "select",     "from",     "where",       "insert",        "into",
    "values",     "update",   "set",         "delete",        "create",
    "table",      "drop",     "alter",       "add",           "column",
    "index",      "view",     "primary",     "key",           "foreign",
    "references", "not",      "null",        "and",           "or",
    "in",         "is",       "like",        "between",       "join",
    "inner",      "left",     "right",       "outer",         "full",
    "cross",      "on",       "as",          "group",         "by",
    "order",      "having",   "limit",       "offset",        "distinct",
    "union",      "all",      "exists",      "case",          "when",
    "then",       "else",     "end",         "asc",           "desc",
    "default",    "unique",   "check",       "constraint",    "begin",
    "commit",     "rollback", "transaction", "with",          "returning",
    "true",       "false",    "if",          "autoincrement", "count",
    "sum",        "avg",      "min",         "max",           nullptr};
const char* const sql_types[] = {"integer",  "int",       "text",    "varchar", "char",    "real",
                                 "float",    "double",    "numeric", "decimal", "boolean", "date",
                                 "datetime", "timestamp", "blob",    "serial",  "bigint",  nullptr};
const char* const shell_keywords[] = {
    "if",     "then",  "else",     "elif", "fi",    "for",      "while",  "until",
    "do",     "done",  "case",     "esac", "in",    "function", "return", "exit",
    "export", "local", "readonly", "set",  "unset", "shift",    "source", "alias",
    "echo",   "cd",    "printf",   "read", "test",  "true",     "false",  nullptr};
const char* const json_keywords[] = {"true", "false", "null", nullptr};
const char* const no_words[] = {nullptr};

// A word list as a hash set, with the lengths and first characters of its
// words: most identifiers of a program are in no list, and those two tests
// settle them without hashing.
struct WordSet {
    std::unordered_set<std::string_view> words;
    uint64_t lengths = 0; // bit n: a word of n bytes (n < 64)
    std::array<bool, 256> firsts{};

    void insert(std::string_view w) {
        words.insert(w);
        if (w.size() < 64) lengths |= uint64_t{1} << w.size();
        firsts[static_cast<unsigned char>(w[0])] = true;
    }
    bool contains(std::string_view w) const {
        if (w.empty() || w.size() >= 64 || (lengths >> w.size() & 1) == 0 ||
            !firsts[static_cast<unsigned char>(w[0])])
            return false;
        return words.count(w) != 0;
    }
};

// Each word list as a hash set, built once (thread-safe static init).
const WordSet* word_set(const char* const* list) {
    static const std::unordered_map<const char* const*, WordSet> sets = [] {
        std::unordered_map<const char* const*, WordSet> m;
        for (const char* const* l :
             {c_keywords, c_types, cpp_keywords, cpp_types, java_keywords, java_types, js_keywords,
              js_types, python_keywords, python_types, sql_keywords, sql_types, shell_keywords,
              json_keywords, no_words}) {
            WordSet words;
            for (const char* const* w = l; *w; ++w)
                words.insert(*w);
            m.emplace(l, std::move(words));
        }
        return m;
    }();
    return &sets.at(list);
}

struct LanguageRules {
    const char* const* keywords = no_words;
    const char* const* types = no_words;
    const WordSet* keyword_set = nullptr; // filled from the lists by rules_for
    const WordSet* type_set = nullptr;
    bool slash_comments = false; // // and /* */
    bool hash_comments = false;  // # to end of line
    bool dash_comments = false;  // -- to end of line
    bool preprocessor = false;   // # at the start of a line
    bool triple_quotes = false;  // Python """ and '''
    bool backticks = false;      // JavaScript template strings
    bool dollar_variables = false;
    bool decorators = false;      // Python @name
    bool ignore_case = false;     // SQL
    bool json_keys = false;       // a string followed by ':' is a key
    bool dollar_in_names = false; // JavaScript, Java
};

LanguageRules rules_for(Language lang) {
    LanguageRules r;
    switch (lang) {
    case Language::c:
        r.keywords = c_keywords;
        r.types = c_types;
        r.slash_comments = r.preprocessor = true;
        break;
    case Language::cpp:
        r.keywords = cpp_keywords;
        r.types = cpp_types;
        r.slash_comments = r.preprocessor = true;
        break;
    case Language::java:
        r.keywords = java_keywords;
        r.types = java_types;
        r.slash_comments = r.dollar_in_names = true;
        r.decorators = true;
        break;
    case Language::javascript:
        r.keywords = js_keywords;
        r.types = js_types;
        r.slash_comments = r.backticks = r.dollar_in_names = true;
        break;
    case Language::python:
        r.keywords = python_keywords;
        r.types = python_types;
        r.hash_comments = r.triple_quotes = r.decorators = true;
        break;
    case Language::sql:
        r.keywords = sql_keywords;
        r.types = sql_types;
        r.dash_comments = r.ignore_case = true;
        r.slash_comments = true; // only /* */ is meaningful; // is rare in SQL
        break;
    case Language::shell:
        r.keywords = shell_keywords;
        r.hash_comments = r.dollar_variables = true;
        break;
    case Language::json:
        r.keywords = json_keywords;
        r.json_keys = true;
        break;
    default:
        break;
    }
    r.keyword_set = word_set(r.keywords);
    r.type_set = word_set(r.types);
    return r;
}

// Collects tokens; gaps become plain and neighbours of one kind merge.
class TokenSink {
public:
    explicit TokenSink(std::vector<Token>& out) : out_(out) {}

    void add(TokenKind kind, size_t begin, size_t end) {
        if (end <= begin) return;
        if (begin > covered_) push(TokenKind::plain, covered_, begin);
        if (begin < covered_) begin = covered_;
        if (end <= begin) return;
        push(kind, begin, end);
    }
    void finish(size_t size) {
        if (size > covered_) push(TokenKind::plain, covered_, size);
    }

private:
    std::vector<Token>& out_;
    size_t covered_ = 0;

    void push(TokenKind kind, size_t begin, size_t end) {
        if (!out_.empty() && out_.back().kind == kind && out_.back().end == begin)
            out_.back().end = end;
        else
            out_.push_back({kind, begin, end});
        covered_ = end;
    }
};

// End of a quoted string starting at `i` (on the quote); escapes skipped.
size_t string_end(std::string_view code, size_t i, char quote, bool multiline) {
    size_t k = i + 1;
    while (k < code.size()) {
        char c = code[k];
        if (c == '\\') {
            k += 2;
            continue;
        }
        if (c == quote) return k + 1;
        if (c == '\n' && !multiline) return k;
        ++k;
    }
    return code.size();
}

size_t number_end(std::string_view code, size_t i) {
    size_t k = i;
    while (k < code.size()) {
        char c = code[k];
        if (is_ident_char(c) || c == '.') {
            ++k;
        } else if ((c == '+' || c == '-') && k > i && (code[k - 1] == 'e' || code[k - 1] == 'E') &&
                   !(code[i] == '0' && k > i + 1 && (code[i + 1] == 'x' || code[i + 1] == 'X'))) {
            ++k;
        } else {
            break;
        }
    }
    return k;
}

bool followed_by(std::string_view code, size_t k, char c) {
    while (k < code.size() && (code[k] == ' ' || code[k] == '\t'))
        ++k;
    return k < code.size() && code[k] == c;
}

void lex_generic(const LanguageRules& r, std::string_view code, size_t base, TokenSink& sink) {
    size_t n = code.size();
    size_t i = 0;
    bool line_start = true;
    auto add = [&](TokenKind k, size_t b, size_t e) { sink.add(k, base + b, base + e); };
    while (i < n) {
        char c = code[i];
        if (c == '\n') {
            line_start = true;
            ++i;
            continue;
        }
        if (is_space(c)) {
            ++i;
            continue;
        }
        bool at_line_start = line_start;
        line_start = false;
        if (r.slash_comments && c == '/' && i + 1 < n && code[i + 1] == '/' && !r.ignore_case) {
            size_t e = code.find('\n', i);
            e = e == std::string_view::npos ? n : e;
            add(TokenKind::comment, i, e);
            i = e;
            continue;
        }
        if (r.slash_comments && c == '/' && i + 1 < n && code[i + 1] == '*') {
            size_t e = code.find("*/", i + 2);
            e = e == std::string_view::npos ? n : e + 2;
            add(TokenKind::comment, i, e);
            i = e;
            continue;
        }
        if ((r.hash_comments && c == '#' &&
             (i == 0 || is_space(code[i - 1]) || !r.dollar_variables)) ||
            (r.dash_comments && c == '-' && i + 1 < n && code[i + 1] == '-')) {
            size_t e = code.find('\n', i);
            e = e == std::string_view::npos ? n : e;
            add(TokenKind::comment, i, e);
            i = e;
            continue;
        }
        if (r.preprocessor && c == '#' && at_line_start) {
            size_t e = i;
            while (e < n && code[e] != '\n') {
                if (code[e] == '\\' && e + 1 < n && code[e + 1] == '\n') ++e;
                ++e;
            }
            add(TokenKind::preprocessor, i, e);
            i = e;
            continue;
        }
        if (r.decorators && c == '@' && i + 1 < n && is_ident_start(code[i + 1])) {
            size_t e = i + 1;
            while (e < n && (is_ident_char(code[e]) || code[e] == '.'))
                ++e;
            add(TokenKind::preprocessor, i, e);
            i = e;
            continue;
        }
        if (r.triple_quotes && (c == '"' || c == '\'') && i + 2 < n && code[i + 1] == c &&
            code[i + 2] == c) {
            std::string_view closer = c == '"' ? "\"\"\"" : "'''";
            size_t e = code.find(closer, i + 3);
            e = e == std::string_view::npos ? n : e + 3;
            add(TokenKind::string, i, e);
            i = e;
            continue;
        }
        if (c == '"' || c == '\'' || (r.backticks && c == '`')) {
            bool multiline = c == '`' || (r.dollar_variables) || r.ignore_case;
            size_t e = string_end(code, i, c, multiline);
            if (r.ignore_case && c == '\'') {
                // SQL doubles a quote to escape it.
                while (e < n && code[e] == '\'')
                    e = string_end(code, e, '\'', true);
            }
            bool key = r.json_keys && followed_by(code, e, ':');
            add(key ? TokenKind::attribute : TokenKind::string, i, e);
            i = e;
            continue;
        }
        if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(code[i + 1]))) {
            size_t e = number_end(code, i);
            add(TokenKind::number, i, e);
            i = e;
            continue;
        }
        if (r.dollar_variables && c == '$') {
            size_t e = i + 1;
            if (e < n && code[e] == '{') {
                size_t close = code.find('}', e);
                e = close == std::string_view::npos ? n : close + 1;
            } else if (e < n && is_ident_start(code[e])) {
                while (e < n && is_ident_char(code[e]))
                    ++e;
            } else if (e < n && std::string_view("?!#@*$-0123456789").find(code[e]) !=
                                    std::string_view::npos) {
                ++e; // special parameters: $?, $1, ...
            }
            add(TokenKind::variable, i, e);
            i = e;
            continue;
        }
        if (is_ident_start(c) || (r.dollar_in_names && c == '$')) {
            size_t e = i + 1;
            while (e < n && (is_ident_char(code[e]) || (r.dollar_in_names && code[e] == '$') ||
                             (r.dollar_variables && code[e] == '-')))
                ++e;
            std::string_view word = code.substr(i, e - i);
            std::string folded;
            if (r.ignore_case) {
                folded = lower(word);
                word = folded;
            }
            TokenKind kind = TokenKind::plain;
            if (r.keyword_set->contains(word))
                kind = TokenKind::keyword;
            else if (r.type_set->contains(word))
                kind = TokenKind::type;
            else if (followed_by(code, e, '(') && !r.json_keys)
                kind = TokenKind::function;
            add(kind, i, e);
            i = e;
            continue;
        }
        if (std::string_view("{}[]();,.").find(c) != std::string_view::npos) {
            add(TokenKind::punctuation, i, i + 1);
            ++i;
            continue;
        }
        if (std::string_view("+-*/%=<>!&|^~?:").find(c) != std::string_view::npos) {
            add(TokenKind::operator_, i, i + 1);
            ++i;
            continue;
        }
        ++i;
    }
}

void lex_css(std::string_view code, size_t base, TokenSink& sink) {
    size_t n = code.size();
    size_t i = 0;
    int depth = 0;
    bool in_value = false;
    auto add = [&](TokenKind k, size_t b, size_t e) { sink.add(k, base + b, base + e); };
    // For each position, the next '{', ';' or '}': text running into '{' is a
    // selector (also inside @media), text running into ';' or '}' a declaration.
    std::vector<char> next_terminator(n + 1, '\0');
    for (size_t k = n; k > 0; --k) {
        char c = code[k - 1];
        next_terminator[k - 1] = (c == '{' || c == ';' || c == '}') ? c : next_terminator[k];
    }
    auto in_selector = [&](size_t k) { return depth == 0 || next_terminator[k] == '{'; };
    while (i < n) {
        char c = code[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && code[i + 1] == '*') {
            size_t e = code.find("*/", i + 2);
            e = e == std::string_view::npos ? n : e + 2;
            add(TokenKind::comment, i, e);
            i = e;
            continue;
        }
        if (c == '"' || c == '\'') {
            size_t e = string_end(code, i, c, false);
            add(TokenKind::string, i, e);
            i = e;
            continue;
        }
        if (c == '{' || c == '}') {
            depth = c == '{' ? depth + 1 : std::max(0, depth - 1);
            in_value = false;
            add(TokenKind::punctuation, i, i + 1);
            ++i;
            continue;
        }
        if (c == ';') {
            in_value = false;
            add(TokenKind::punctuation, i, i + 1);
            ++i;
            continue;
        }
        if (c == '@') {
            size_t e = i + 1;
            while (e < n && (is_ident_char(code[e]) || code[e] == '-'))
                ++e;
            add(TokenKind::keyword, i, e);
            i = e;
            continue;
        }
        if (c == '!' && in_value) {
            size_t e = i + 1;
            while (e < n && is_ident_char(code[e]))
                ++e;
            add(TokenKind::keyword, i, e);
            i = e;
            continue;
        }
        if (in_value && (is_digit(c) || (c == '.' && i + 1 < n && is_digit(code[i + 1])) ||
                         (c == '-' && i + 1 < n && is_digit(code[i + 1])))) {
            size_t e = i + 1;
            while (e < n && (is_ident_char(code[e]) || code[e] == '.' || code[e] == '%'))
                ++e;
            add(TokenKind::number, i, e);
            i = e;
            continue;
        }
        if (in_value && c == '#') {
            size_t e = i + 1;
            while (e < n && is_ident_char(code[e]))
                ++e;
            add(TokenKind::number, i, e);
            i = e;
            continue;
        }
        if (is_ident_start(c) || c == '-' || ((c == '.' || c == '#') && !in_value)) {
            size_t e = i + 1;
            while (e < n && (is_ident_char(code[e]) || code[e] == '-'))
                ++e;
            TokenKind kind;
            if (in_value) {
                kind = followed_by(code, e, '(') ? TokenKind::function : TokenKind::plain;
            } else if (!in_selector(e) && followed_by(code, e, ':') && c != '.' && c != '#') {
                kind = TokenKind::attribute;
            } else {
                kind = (c == '.' || c == '#') ? TokenKind::type : TokenKind::tag;
            }
            add(kind, i, e);
            i = e;
            continue;
        }
        if (c == ':') {
            if (!in_selector(i) && !in_value) {
                in_value = true;
                add(TokenKind::punctuation, i, i + 1);
                ++i;
                continue;
            }
            // Pseudo-classes in selectors: ":hover", "::before".
            size_t e = i + 1;
            while (e < n && (code[e] == ':' || is_ident_char(code[e]) || code[e] == '-'))
                ++e;
            add(in_value ? TokenKind::punctuation : TokenKind::keyword, i, e);
            i = e;
            continue;
        }
        if (std::string_view("(),").find(c) != std::string_view::npos) {
            add(TokenKind::punctuation, i, i + 1);
            ++i;
            continue;
        }
        if (std::string_view(">+~*=[]").find(c) != std::string_view::npos) {
            add(TokenKind::operator_, i, i + 1);
            ++i;
            continue;
        }
        ++i;
    }
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
    // needle is lower case ASCII; a simple scan is linear for a fixed needle.
    if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
    for (size_t k = from; k + needle.size() <= hay.size(); ++k) {
        size_t m = 0;
        while (m < needle.size()) {
            char c = hay[k + m];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != needle[m]) break;
            ++m;
        }
        if (m == needle.size()) return k;
    }
    return std::string_view::npos;
}

void lex_html(std::string_view code, size_t base, TokenSink& sink) {
    size_t n = code.size();
    size_t i = 0;
    auto add = [&](TokenKind k, size_t b, size_t e) { sink.add(k, base + b, base + e); };
    while (i < n) {
        char c = code[i];
        if (c == '&') {
            size_t e = i + 1;
            while (e < n && e - i < 32 && (is_ident_char(code[e]) || code[e] == '#'))
                ++e;
            if (e < n && code[e] == ';' && e > i + 1) {
                add(TokenKind::variable, i, e + 1);
                i = e + 1;
                continue;
            }
            ++i;
            continue;
        }
        if (c != '<') {
            ++i;
            continue;
        }
        if (code.substr(i, 4) == "<!--") {
            size_t e = code.find("-->", i + 4);
            e = e == std::string_view::npos ? n : e + 3;
            add(TokenKind::comment, i, e);
            i = e;
            continue;
        }
        if (i + 1 < n && code[i + 1] == '!') {
            size_t e = code.find('>', i);
            e = e == std::string_view::npos ? n : e + 1;
            add(TokenKind::keyword, i, e);
            i = e;
            continue;
        }
        bool closing = i + 1 < n && code[i + 1] == '/';
        size_t name_b = i + (closing ? 2 : 1);
        if (name_b >= n || !is_ident_start(code[name_b])) {
            ++i;
            continue;
        }
        size_t name_e = name_b;
        while (name_e < n &&
               (is_ident_char(code[name_e]) || code[name_e] == '-' || code[name_e] == ':'))
            ++name_e;
        std::string name = lower(code.substr(name_b, name_e - name_b));
        add(TokenKind::tag, i, name_e);
        size_t k = name_e;
        // Attributes up to '>'.
        while (k < n && code[k] != '>') {
            char a = code[k];
            if (is_space(a)) {
                ++k;
                continue;
            }
            if (a == '/') {
                add(TokenKind::tag, k, k + 1);
                ++k;
                continue;
            }
            if (a == '<') break; // unterminated tag: start again at the next one
            if (a == '=') {
                add(TokenKind::punctuation, k, k + 1);
                ++k;
                while (k < n && (code[k] == ' ' || code[k] == '\t'))
                    ++k;
                if (k < n && (code[k] == '"' || code[k] == '\'')) {
                    size_t e = code.find(code[k], k + 1);
                    e = e == std::string_view::npos ? n : e + 1;
                    add(TokenKind::string, k, e);
                    k = e;
                } else {
                    size_t e = k;
                    while (e < n && !is_space(code[e]) && code[e] != '>')
                        ++e;
                    add(TokenKind::string, k, e);
                    k = e;
                }
                continue;
            }
            size_t e = k + 1;
            while (e < n && !is_space(code[e]) && code[e] != '=' && code[e] != '>' &&
                   code[e] != '/' && code[e] != '<')
                ++e;
            add(TokenKind::attribute, k, e);
            k = e;
        }
        if (k < n && code[k] == '>') {
            add(TokenKind::tag, k, k + 1);
            ++k;
        }
        i = k;
        if (!closing && (name == "script" || name == "style")) {
            size_t close = find_ci(code, name == "script" ? "</script" : "</style", i);
            size_t body_end = close == std::string_view::npos ? n : close;
            std::string_view body = code.substr(i, body_end - i);
            if (name == "script")
                lex_generic(rules_for(Language::javascript), body, base + i, sink);
            else
                lex_css(body, base + i, sink);
            i = body_end;
        }
    }
}

// --- reStructuredText, line by line: headings (a line with an adornment
// under it, or over and under), directives and their option lines,
// comments, literal blocks after "::", list markers, and inline markup
// inside a line. An indented block belongs to the line that opened it (a
// directive's body, a literal block) while it stays deeper than that line.

bool is_adornment_char(char c) {
    return std::string_view("=-`:'\"~^_*+#<>.!$%&,/;?@[\\]{|}").find(c) != std::string_view::npos;
}

struct RstLine {
    size_t begin = 0, end = 0; // the line without its '\n'
    size_t indent = 0;         // leading spaces and tabs (bytes)
    bool blank = true;
};

// A line of one repeated punctuation character, at least two long, nothing else.
bool is_adornment(std::string_view code, const RstLine& l) {
    if (l.blank || l.indent != 0) return false;
    size_t e = l.end;
    while (e > l.begin && (code[e - 1] == ' ' || code[e - 1] == '\t' || code[e - 1] == '\r'))
        --e;
    if (e - l.begin < 2 || !is_adornment_char(code[l.begin])) return false;
    for (size_t k = l.begin; k < e; ++k)
        if (code[k] != code[l.begin]) return false;
    return true;
}

bool inline_start_ok(std::string_view code, size_t line_begin, size_t i) {
    if (i == line_begin) return true;
    const char c = code[i - 1];
    return is_space(c) || std::string_view("([{<'\"-/:").find(c) != std::string_view::npos;
}

// The inline markup of code[b, e) (one line of text).
void lex_rst_inline(std::string_view code, size_t b, size_t e, TokenSink& sink) {
    // Set once a closing string was not found: none is found further on either.
    bool no_literal = false, no_strong = false, no_emphasis = false, no_backtick = false;
    // Closes `end_str` after `from` (not preceded by a space), or npos.
    const auto close = [&](size_t from, std::string_view end_str) {
        size_t k = from;
        while (true) {
            const size_t at = code.substr(0, e).find(end_str, k);
            if (at == std::string_view::npos) return at;
            if (at > from && !is_space(code[at - 1])) return at;
            k = at + 1;
        }
    };
    size_t i = b;
    while (i < e) {
        const char c = code[i];
        const bool next_ok = i + 1 < e && !is_space(code[i + 1]);
        if (c == '`' && i + 1 < e && code[i + 1] == '`' && !no_literal &&
            inline_start_ok(code, b, i) && i + 2 < e && !is_space(code[i + 2])) {
            const size_t end = close(i + 2, "``");
            if (end == std::string_view::npos) {
                no_literal = true;
            } else {
                sink.add(TokenKind::string, i, end + 2);
                i = end + 2;
                continue;
            }
        }
        if (c == '*' && i + 1 < e && code[i + 1] == '*' && !no_strong &&
            inline_start_ok(code, b, i) && i + 2 < e && !is_space(code[i + 2])) {
            const size_t end = close(i + 2, "**");
            if (end == std::string_view::npos) {
                no_strong = true;
            } else {
                sink.add(TokenKind::type, i, end + 2);
                i = end + 2;
                continue;
            }
        }
        if (c == '*' && !no_emphasis && next_ok && code[i + 1] != '*' &&
            inline_start_ok(code, b, i)) {
            const size_t end = close(i + 1, "*");
            if (end == std::string_view::npos) {
                no_emphasis = true;
            } else {
                sink.add(TokenKind::variable, i, end + 1);
                i = end + 1;
                continue;
            }
        }
        // A role: ":name:" right before a `text`.
        if (c == ':' && next_ok && inline_start_ok(code, b, i)) {
            size_t k = i + 1;
            while (k < e &&
                   (is_ident_char(code[k]) || code[k] == '-' || code[k] == '.' || code[k] == '+'))
                ++k;
            if (k > i + 1 && k + 1 < e && code[k] == ':' && code[k + 1] == '`') {
                sink.add(TokenKind::function, i, k + 1);
                i = k + 1;
                continue; // the `text` follows
            }
        }
        if (c == '`' && !no_backtick && next_ok && inline_start_ok(code, b, i)) {
            const size_t end = close(i + 1, "`");
            if (end == std::string_view::npos) {
                no_backtick = true;
            } else {
                size_t stop = end + 1;
                while (stop < e && code[stop] == '_' && stop < end + 3)
                    ++stop; // `link`_ and `anonymous`__
                sink.add(TokenKind::string, i, stop);
                i = stop;
                continue;
            }
        }
        ++i;
    }
}

void lex_code_body(Language lang, std::string_view code, size_t b, size_t e, TokenSink& sink) {
    const std::string_view body = code.substr(b, e - b);
    switch (lang) {
    case Language::none:
    case Language::rst: // reST shown as an example: one literal
        sink.add(TokenKind::string, b, e);
        break;
    case Language::html:
        lex_html(body, b, sink);
        break;
    case Language::css:
        lex_css(body, b, sink);
        break;
    default:
        lex_generic(rules_for(lang), body, b, sink);
        break;
    }
}

void lex_rst(std::string_view code, TokenSink& sink) {
    std::vector<RstLine> lines;
    for (size_t at = 0; at <= code.size();) {
        size_t nl = code.find('\n', at);
        if (nl == std::string_view::npos) nl = code.size();
        RstLine l;
        l.begin = at;
        l.end = nl;
        size_t k = at;
        while (k < nl && (code[k] == ' ' || code[k] == '\t'))
            ++k;
        l.indent = k - at;
        l.blank = k == nl || (k + 1 == nl && code[k] == '\r');
        lines.push_back(l);
        if (nl == code.size()) break;
        at = nl + 1;
    }
    const size_t n = lines.size();
    // An open indented block: lines deeper than `indent` (and blank lines)
    // belong to it. kind: code (literal / sourcecode / math), comment, or
    // options (a directive's option lines until its first blank line).
    enum class Body { none, code, comment };
    Body body = Body::none;
    size_t body_indent = 0;
    Language body_language = Language::none;
    size_t body_start = 0; // first byte of the code body
    bool in_options = false;
    size_t options_indent = 0;
    bool literal_next = false; // the paragraph ended with "::"
    size_t literal_indent = 0;
    Body directive_body = Body::none; // what the directive's indented body is
    Language directive_language = Language::none;

    const auto flush_code = [&](size_t end) {
        if (body == Body::code && end > body_start)
            lex_code_body(body_language, code, body_start, end, sink);
    };

    for (size_t i = 0; i < n; ++i) {
        const RstLine& l = lines[i];
        if (body != Body::none) {
            if (l.blank || l.indent > body_indent) {
                if (body == Body::comment && !l.blank) sink.add(TokenKind::comment, l.begin, l.end);
                continue;
            }
            flush_code(lines[i - 1].end);
            body = Body::none;
        }
        if (l.blank) {
            if (in_options) {
                in_options = false;
                // The directive's content follows: code for sourcecode and math.
                if (directive_body == Body::code) {
                    body = Body::code;
                    body_indent = options_indent - 1;
                    body_language = directive_language;
                    body_start = l.end;
                }
                directive_body = Body::none;
            }
            if (literal_next) {
                literal_next = false;
                body = Body::code;
                body_indent = literal_indent;
                body_language = Language::none;
                body_start = l.end;
            }
            continue;
        }
        if (in_options && l.indent <= options_indent - 1) {
            in_options = false;
            directive_body = Body::none;
        }
        literal_next = false;
        const size_t t = l.begin + l.indent; // first non-blank byte
        const std::string_view text = code.substr(t, l.end - t);

        // Headings: over- and underlined, or underlined.
        if (is_adornment(code, l) && i + 2 < n && !lines[i + 1].blank &&
            is_adornment(code, lines[i + 2]) && code[lines[i + 2].begin] == code[l.begin]) {
            sink.add(TokenKind::punctuation, l.begin, l.end);
            sink.add(TokenKind::keyword, lines[i + 1].begin, lines[i + 1].end);
            sink.add(TokenKind::punctuation, lines[i + 2].begin, lines[i + 2].end);
            i += 2;
            continue;
        }
        if (l.indent == 0 && i + 1 < n && is_adornment(code, lines[i + 1]) &&
            !is_adornment(code, l) && (i == 0 || lines[i - 1].blank)) {
            sink.add(TokenKind::keyword, l.begin, l.end);
            sink.add(TokenKind::punctuation, lines[i + 1].begin, lines[i + 1].end);
            ++i;
            continue;
        }
        if (is_adornment(code, l) && (i == 0 || lines[i - 1].blank) &&
            (i + 1 == n || lines[i + 1].blank)) {
            sink.add(TokenKind::punctuation, l.begin, l.end); // a transition
            continue;
        }

        // Option lines of the directive above: ":name: value".
        if (in_options && text.size() > 1 && text[0] == ':') {
            const size_t close = text.find(':', 1);
            if (close != std::string_view::npos && close > 1) {
                sink.add(TokenKind::attribute, t, t + close + 1);
                sink.add(TokenKind::string, t + close + 1, l.end);
                continue;
            }
        }
        in_options = false;

        // Explicit markup: ".. name:: argument", ".. _target: url", comments.
        if (text.substr(0, 2) == ".." && (text.size() == 2 || is_space(text[2]))) {
            size_t k = 2;
            while (k < text.size() && text[k] == ' ')
                ++k;
            size_t name_e = k;
            while (name_e < text.size() &&
                   (is_ident_char(text[name_e]) || text[name_e] == '-' || text[name_e] == '_' ||
                    text[name_e] == '.' || text[name_e] == '+'))
                ++name_e;
            if (name_e > k && text.substr(name_e, 2) == "::" &&
                (name_e + 2 == text.size() || is_space(text[name_e + 2]))) {
                const std::string name = lower(text.substr(k, name_e - k));
                sink.add(TokenKind::preprocessor, t, t + name_e + 2);
                sink.add(TokenKind::string, t + name_e + 2, l.end);
                in_options = true;
                options_indent = l.indent + 1;
                directive_body = Body::none;
                if (name == "sourcecode" || name == "code" || name == "code-block") {
                    directive_body = Body::code;
                    size_t a = name_e + 2;
                    while (a < text.size() && text[a] == ' ')
                        ++a;
                    size_t ae = a;
                    while (ae < text.size() && !is_space(text[ae]))
                        ++ae;
                    directive_language = language_of(text.substr(a, ae - a));
                } else if (name == "math") {
                    directive_body = Body::code;
                    directive_language = Language::none;
                }
                continue;
            }
            if (k < text.size() && text[k] == '_') {
                sink.add(TokenKind::preprocessor, t, l.end); // a link target
                continue;
            }
            sink.add(TokenKind::comment, l.begin, l.end);
            body = Body::comment;
            body_indent = l.indent;
            continue;
        }

        // List markers and quiz answers.
        size_t content = t;
        if (text.size() >= 2 && (text[0] == '-' || text[0] == '*' || text[0] == '+') &&
            text[1] == ' ') {
            sink.add(TokenKind::operator_, t, t + 1);
            content = t + 2;
        } else if (text.size() >= 3 && text[0] == '[' && text[2] == ']' &&
                   (text[1] == 'x' || text[1] == 'X' || text[1] == ' ')) {
            sink.add(text[1] == ' ' ? TokenKind::operator_ : TokenKind::number, t, t + 3);
            content = t + 3;
        } else {
            size_t k = 0;
            while (k < text.size() && k < 9 && is_digit(text[k]))
                ++k;
            if (k == 0 && !text.empty() &&
                (text[0] == '#' || std::isalpha(static_cast<unsigned char>(text[0]))))
                k = 1;
            if (k > 0 && k + 1 < text.size() && (text[k] == '.' || text[k] == ')') &&
                text[k + 1] == ' ') {
                sink.add(TokenKind::operator_, t, t + k + 1);
                content = t + k + 1;
            } else if (text.size() > 2 && text[0] == ':') {
                const size_t close = text.find(':', 1);
                if (close != std::string_view::npos && close > 1 &&
                    (close + 1 == text.size() || text[close + 1] == ' ')) {
                    sink.add(TokenKind::attribute, t, t + close + 1); // a field list
                    content = t + close + 1;
                }
            }
        }
        lex_rst_inline(code, content, l.end, sink);

        // "Paragraph::" (or a lone "::") opens a literal block.
        size_t e = l.end;
        while (e > t && (code[e - 1] == ' ' || code[e - 1] == '\r'))
            --e;
        if (e - t >= 2 && code.substr(e - 2, 2) == "::") {
            literal_next = true;
            literal_indent = l.indent;
        }
    }
    if (body == Body::code) flush_code(lines[n - 1].end);
}
} // namespace

std::vector<Token> highlight(std::string_view language, std::string_view code) {
    std::vector<Token> tokens;
    highlight_into(language, code, tokens);
    return tokens;
}

void highlight_into(std::string_view language, std::string_view code, std::vector<Token>& tokens) {
    tokens.clear();
    if (code.empty()) return;
    TokenSink sink(tokens);
    Language lang = language_of(language);
    switch (lang) {
    case Language::none:
        break;
    case Language::html:
        lex_html(code, 0, sink);
        break;
    case Language::css:
        lex_css(code, 0, sink);
        break;
    case Language::rst:
        lex_rst(code, sink);
        break;
    default:
        lex_generic(rules_for(lang), code, 0, sink);
        break;
    }
    sink.finish(code.size());
}

bool highlight_supports(std::string_view language) {
    return language_of(language) != Language::none;
}

std::string to_string(TokenKind kind) {
    return std::string(token_name(kind));
}

std::string_view token_name(TokenKind kind) {
    switch (kind) {
    case TokenKind::plain:
        return "plain";
    case TokenKind::keyword:
        return "keyword";
    case TokenKind::type:
        return "type";
    case TokenKind::function:
        return "function";
    case TokenKind::string:
        return "string";
    case TokenKind::number:
        return "number";
    case TokenKind::comment:
        return "comment";
    case TokenKind::tag:
        return "tag";
    case TokenKind::attribute:
        return "attribute";
    case TokenKind::punctuation:
        return "punctuation";
    case TokenKind::operator_:
        return "operator";
    case TokenKind::variable:
        return "variable";
    case TokenKind::preprocessor:
        return "preprocessor";
    }
    return "plain";
}

} // namespace wte
