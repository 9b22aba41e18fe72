// Hand-written lexers for the languages teachers show and learners edit.
// One table-driven lexer covers the C family, JavaScript, Python, SQL, shell
// and JSON; HTML and CSS have their own, and HTML hands <script> and <style>
// bodies to them. Every loop moves forward, so time is linear.
#include "wte/highlight.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace wte {
namespace {

enum class Language { none, html, css, javascript, python, c, cpp, java, sql, shell, json };

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

using WordSet = std::unordered_set<std::string_view>;

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
            if (r.keyword_set->count(word) != 0)
                kind = TokenKind::keyword;
            else if (r.type_set->count(word) != 0)
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

} // namespace

std::vector<Token> highlight(std::string_view language, std::string_view code) {
    std::vector<Token> tokens;
    if (code.empty()) return tokens;
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
    default:
        lex_generic(rules_for(lang), code, 0, sink);
        break;
    }
    sink.finish(code.size());
    return tokens;
}

bool highlight_supports(std::string_view language) {
    return language_of(language) != Language::none;
}

std::string to_string(TokenKind kind) {
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
