// Syntax highlighting shared by sourcecode blocks and the code editor.
#include "wte/highlight.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using wte::highlight;
using wte::Token;
using wte::TokenKind;

namespace {

// The kind of the token covering the first occurrence of `piece`.
TokenKind kind_of(const std::vector<Token>& tokens, std::string_view code, std::string_view piece) {
    size_t at = code.find(piece);
    REQUIRE(at != std::string_view::npos);
    for (const auto& t : tokens)
        if (t.begin <= at && at < t.end) return t.kind;
    FAIL("no token covers " << piece);
    return TokenKind::plain;
}

void check_coverage(const std::vector<Token>& tokens, size_t size) {
    size_t pos = 0;
    bool contiguous = true;
    for (const auto& t : tokens) {
        contiguous = contiguous && t.begin == pos && t.end > t.begin;
        pos = t.end;
    }
    CHECK(contiguous);
    CHECK(pos == size);
}

} // namespace

TEST_CASE("highlighting covers the code with ordered tokens in every language") {
    const char* code = "int x = 1; // c\n/* multi\nline */ \"s\" 'c' <p a=\"v\"> $HOME #x";
    for (const char* lang : {"html", "css", "javascript", "python", "c", "cpp", "java", "sql",
                             "bash", "json", "unknown"}) {
        std::string_view src = code;
        INFO(lang);
        check_coverage(highlight(lang, src), src.size());
    }
}

TEST_CASE("an unknown language is one plain token") {
    auto t = highlight("cobol", "DISPLAY 'x'.");
    REQUIRE(t.size() == 1);
    CHECK(t[0].kind == TokenKind::plain);
    CHECK(highlight("python", "").empty());
}

TEST_CASE("python keywords, strings, comments, numbers and functions are told apart") {
    std::string_view code =
        "def f(x):\n    return x + 1.5  # done\ns = '''multi\nline'''\nprint(s)";
    auto t = highlight("python", code);
    CHECK(kind_of(t, code, "def") == TokenKind::keyword);
    CHECK(kind_of(t, code, "f(") == TokenKind::function);
    CHECK(kind_of(t, code, "1.5") == TokenKind::number);
    CHECK(kind_of(t, code, "# done") == TokenKind::comment);
    CHECK(kind_of(t, code, "line'''") == TokenKind::string);
    CHECK(kind_of(t, code, "print") == TokenKind::function);
}

TEST_CASE("a C comment spanning lines is one comment token") {
    std::string_view code = "a /* one\ntwo\nthree */ b";
    auto t = highlight("c", code);
    CHECK(kind_of(t, code, "two") == TokenKind::comment);
    CHECK(kind_of(t, code, " b") != TokenKind::comment);
}

TEST_CASE("an unterminated string or comment runs to the end") {
    std::string_view code = "x = \"open\nstill";
    CHECK(kind_of(highlight("javascript", code), code, "open") == TokenKind::string);
    std::string_view comment = "/* never closed\nint x;";
    CHECK(kind_of(highlight("cpp", comment), comment, "int") == TokenKind::comment);
}

TEST_CASE("HTML tags, attributes, values, comments and entities are highlighted") {
    std::string_view code = "<!-- c --><a href=\"x.html\" hidden>Go &amp; see</a>";
    auto t = highlight("html", code);
    CHECK(kind_of(t, code, "<!--") == TokenKind::comment);
    CHECK(kind_of(t, code, "<a") == TokenKind::tag);
    CHECK(kind_of(t, code, "href") == TokenKind::attribute);
    CHECK(kind_of(t, code, "\"x.html\"") == TokenKind::string);
    CHECK(kind_of(t, code, "hidden") == TokenKind::attribute);
    CHECK(kind_of(t, code, "Go") == TokenKind::plain);
    CHECK(kind_of(t, code, "&amp;") == TokenKind::variable);
    CHECK(kind_of(t, code, "</a") == TokenKind::tag);
}

TEST_CASE("HTML hands script and style bodies to JavaScript and CSS") {
    std::string_view code = "<script>let a = 1;</script><style>p { color: red; }</style>";
    auto t = highlight("html", code);
    CHECK(kind_of(t, code, "let") == TokenKind::keyword);
    CHECK(kind_of(t, code, "color") == TokenKind::attribute);
    CHECK(kind_of(t, code, "</style") == TokenKind::tag);
}

TEST_CASE("CSS selectors, properties, values and at-rules are highlighted") {
    std::string_view code =
        "@media screen { .box > p:hover { margin: 10px auto; color: #fff !important; } }";
    auto t = highlight("css", code);
    CHECK(kind_of(t, code, "@media") == TokenKind::keyword);
    CHECK(kind_of(t, code, ".box") == TokenKind::type);
    CHECK(kind_of(t, code, "p:") == TokenKind::tag);
    CHECK(kind_of(t, code, ":hover") == TokenKind::keyword);
    CHECK(kind_of(t, code, "margin") == TokenKind::attribute);
    CHECK(kind_of(t, code, "10px") == TokenKind::number);
    CHECK(kind_of(t, code, "#fff") == TokenKind::number);
    CHECK(kind_of(t, code, "!important") == TokenKind::keyword);
}

TEST_CASE("SQL keywords ignore case and quotes double to escape") {
    std::string_view code = "select * FROM t WHERE n = 'it''s' -- c";
    auto t = highlight("sql", code);
    CHECK(kind_of(t, code, "select") == TokenKind::keyword);
    CHECK(kind_of(t, code, "FROM") == TokenKind::keyword);
    CHECK(kind_of(t, code, "s'") == TokenKind::string);
    CHECK(kind_of(t, code, "-- c") == TokenKind::comment);
}

TEST_CASE("shell variables and comments, JSON keys and literals are highlighted") {
    std::string_view sh = "echo \"$HOME\" $1 # note";
    auto t = highlight("bash", sh);
    CHECK(kind_of(t, sh, "echo") == TokenKind::keyword);
    CHECK(kind_of(t, sh, "$1") == TokenKind::variable);
    CHECK(kind_of(t, sh, "# note") == TokenKind::comment);
    std::string_view js = "{\"k\": [true, 2e-3]}";
    auto j = highlight("json", js);
    CHECK(kind_of(j, js, "\"k\"") == TokenKind::attribute);
    CHECK(kind_of(j, js, "true") == TokenKind::keyword);
    CHECK(kind_of(j, js, "2e-3") == TokenKind::number);
}

TEST_CASE("C preprocessor lines and C++, Java types are highlighted") {
    std::string_view c = "#include <stdio.h>\nint main() { return 0; }";
    auto t = highlight("cpp", c);
    CHECK(kind_of(t, c, "#include") == TokenKind::preprocessor);
    CHECK(kind_of(t, c, "int") == TokenKind::type);
    CHECK(kind_of(t, c, "main") == TokenKind::function);
    std::string_view java = "public String name;";
    CHECK(kind_of(highlight("java", java), java, "String") == TokenKind::type);
}

TEST_CASE("highlighting a megabyte of hostile input is fast") {
    std::string code;
    while (code.size() < 1'000'000)
        code += "<a b=\"/*'\\` ${ <!-- \"x";
    for (const char* lang : {"html", "css", "javascript", "python", "sql", "bash", "json", "c"}) {
        auto start = std::chrono::steady_clock::now();
        auto t = highlight(lang, code);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
        INFO(lang);
        CHECK(ms < 2000);
        check_coverage(t, code.size());
    }
}

TEST_CASE("reST highlighting marks headings with their adornments") {
    const std::string code = "=====\nTitle\n=====\n\nSection two\n-----------\n\nText.\n";
    auto tokens = highlight("rst", code);
    check_coverage(tokens, code.size());
    CHECK(kind_of(tokens, code, "Title") == TokenKind::keyword);
    CHECK(kind_of(tokens, code, "=====") == TokenKind::punctuation);
    CHECK(kind_of(tokens, code, "Section two") == TokenKind::keyword);
    CHECK(kind_of(tokens, code, "-----------") == TokenKind::punctuation);
    CHECK(kind_of(tokens, code, "Text.") == TokenKind::plain);
    CHECK(wte::highlight_supports("rst"));
}

TEST_CASE("reST highlighting marks directives, their options and their bodies") {
    const std::string code = ".. note::\n   :class: tip\n\n   A *note* body.\n\n"
                             ".. sourcecode:: python\n   :linenos: 1\n\n   def f(): return 42\n\n"
                             "After.\n";
    auto tokens = highlight("rst", code);
    check_coverage(tokens, code.size());
    CHECK(kind_of(tokens, code, ".. note::") == TokenKind::preprocessor);
    CHECK(kind_of(tokens, code, ":class:") == TokenKind::attribute);
    CHECK(kind_of(tokens, code, " tip") == TokenKind::string);
    CHECK(kind_of(tokens, code, "*note*") == TokenKind::variable); // the body is reST
    CHECK(kind_of(tokens, code, ".. sourcecode::") == TokenKind::preprocessor);
    CHECK(kind_of(tokens, code, ":linenos:") == TokenKind::attribute);
    CHECK(kind_of(tokens, code, "def") == TokenKind::keyword); // the body in its language
    CHECK(kind_of(tokens, code, "42") == TokenKind::number);
    CHECK(kind_of(tokens, code, "After.") == TokenKind::plain);
}

TEST_CASE("reST highlighting marks roles and inline markup inside a line") {
    const std::string code =
        "Some *em*, **strong**, ``literal`` and :asset:`logo.png` or `a link`_ here.\n";
    auto tokens = highlight("rst", code);
    check_coverage(tokens, code.size());
    CHECK(kind_of(tokens, code, "*em*") == TokenKind::variable);
    CHECK(kind_of(tokens, code, "**strong**") == TokenKind::type);
    CHECK(kind_of(tokens, code, "``literal``") == TokenKind::string);
    CHECK(kind_of(tokens, code, ":asset:") == TokenKind::function);
    CHECK(kind_of(tokens, code, "`logo.png`") == TokenKind::string);
    CHECK(kind_of(tokens, code, "`a link`_") == TokenKind::string);
    CHECK(kind_of(tokens, code, "Some") == TokenKind::plain);
    // Unclosed or spaced markers are text.
    const std::string loose = "2 * 3 * 4 and a ``never closed\n";
    auto plain = highlight("rst", loose);
    CHECK(plain.size() == 1);
    CHECK(plain[0].kind == TokenKind::plain);
}

TEST_CASE("reST highlighting marks the literal block after a double colon") {
    const std::string code = "Example::\n\n    <p>*not markup*</p>\n    more\n\nBack to *text*.\n";
    auto tokens = highlight("rst", code);
    check_coverage(tokens, code.size());
    CHECK(kind_of(tokens, code, "<p>*not markup*") == TokenKind::string);
    CHECK(kind_of(tokens, code, "more") == TokenKind::string);
    CHECK(kind_of(tokens, code, "*text*") == TokenKind::variable);
    CHECK(kind_of(tokens, code, "Example") == TokenKind::plain);
}

TEST_CASE("reST highlighting marks comments, list markers and quiz answers") {
    const std::string code =
        ".. a comment\n   continued\n\n- item\n#. numbered\n\n"
        ".. quiz:: q1\n\n   .. quiz-question:: one\n      :type: single-choice\n\n"
        "      [x] right\n      [ ] wrong\n";
    auto tokens = highlight("rst", code);
    check_coverage(tokens, code.size());
    CHECK(kind_of(tokens, code, ".. a comment") == TokenKind::comment);
    CHECK(kind_of(tokens, code, "continued") == TokenKind::comment);
    CHECK(kind_of(tokens, code, "- ") == TokenKind::operator_);
    CHECK(kind_of(tokens, code, "#.") == TokenKind::operator_);
    CHECK(kind_of(tokens, code, ".. quiz-question::") == TokenKind::preprocessor);
    CHECK(kind_of(tokens, code, ":type:") == TokenKind::attribute);
    CHECK(kind_of(tokens, code, "[x]") == TokenKind::number);
    CHECK(kind_of(tokens, code, "[ ]") == TokenKind::operator_);
}

TEST_CASE("reST highlighting covers long runs of unclosed markers") {
    std::string stars(200000, '*');
    std::string mixed;
    for (int i = 0; i < 20000; ++i)
        mixed += "*a ``b :r:`c ";
    for (const std::string& code : {stars, mixed, std::string(100000, '\n')}) {
        auto tokens = highlight("rst", code);
        check_coverage(tokens, code.size());
    }
}
