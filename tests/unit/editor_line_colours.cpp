// Editor syntax colours: per line from the shared highlighter, the same as
// colouring the whole file at once, and re-coloured only where an edit
// changed something.
#include "editor/line_colours.hpp"

#include <catch2/catch.hpp>

using namespace wte;
using namespace wte::editor;

namespace {

// The kind of every byte of a line.
std::vector<TokenKind> kinds_of_line(LineColours& colours, const TextBuffer& b, int line) {
    std::vector<TokenKind> kinds(b.line(line).size(), TokenKind::plain);
    for (const Token& t : colours.tokens(b, line))
        for (std::size_t i = t.begin; i < t.end && i < kinds.size(); ++i)
            kinds[i] = t.kind;
    return kinds;
}

// The kind of every byte when the whole text is highlighted in one go,
// split by lines (newlines dropped).
std::vector<std::vector<TokenKind>> kinds_whole(std::string_view language,
                                                const std::string& text) {
    std::vector<TokenKind> all(text.size(), TokenKind::plain);
    for (const Token& t : highlight(language, text))
        for (std::size_t i = t.begin; i < t.end; ++i)
            all[i] = t.kind;
    std::vector<std::vector<TokenKind>> lines(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            lines.emplace_back();
        else
            lines.back().push_back(all[i]);
    }
    return lines;
}

void check_same_as_whole(std::string_view language, const std::string& text) {
    TextBuffer b(text);
    LineColours colours{std::string(language)};
    colours.sync(b);
    const auto whole = kinds_whole(language, text);
    REQUIRE(static_cast<int>(whole.size()) == b.line_count());
    for (int l = 0; l < b.line_count(); ++l) {
        INFO("line " << l << ": " << b.line(l));
        CHECK(kinds_of_line(colours, b, l) == whole[static_cast<std::size_t>(l)]);
    }
}

const char* const page = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <title>My page</title>
  <link rel="stylesheet"
        href="style.css">
  <style>
    body {
      color: red; /* a
      long comment */
      margin: 0;
    }
  </style>
</head>
<body>
  <!-- a comment
       over lines -->
  <p class="intro">Hello &amp; welcome</p>
  <script>
    /* notes
       more */
    const name = `multi
line ${1}`;
    console.log("hi", name); // done
  </script>
</body>
</html>)";

} // namespace

TEST_CASE("an HTML page is coloured line by line as the whole file is") {
    check_same_as_whole("html", page);
}

TEST_CASE("CSS and JavaScript files are coloured line by line as the whole file is") {
    check_same_as_whole("css", "/* header\n   comment */\nh1, .title {\n  color: #333;\n"
                               "  font-family: \"Noto\", sans;\n}\n@media (max-width: 10px) {\n"
                               "  p { margin: 0; }\n}\n");
    check_same_as_whole("javascript", "// start\nfunction greet(name) {\n  /* a\n  b */\n"
                                      "  return `Hello\n${name}`;\n}\nconst n = 3.5;\n");
}

TEST_CASE("a keystroke re-colours only the line typed in") {
    TextBuffer b(page);
    LineColours colours("html");
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    colours.reset_stats();

    b.set_cursor({17, 20}); // in "Hello"
    b.type("x");
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    CHECK(colours.stats().lines_coloured == 1);
    CHECK(colours.stats().lines_scanned == 1);
}

TEST_CASE("opening a comment re-colours the lines down to where it closes") {
    TextBuffer b("a { color: red; }\nb { margin: 0; }\n/* x */\np { margin: 0; }\n");
    LineColours colours("css");
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    colours.reset_stats();

    b.set_cursor({1, 0});
    b.type("/*", true);
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    // Line 1 (typed in) and line 2 (now inside the comment, which its "*/"
    // ends); line 3 starts as before and keeps its colours.
    CHECK(colours.stats().lines_coloured == 2);
    CHECK(colours.state_at_start(2).open == LineState::Open::block_comment);
    CHECK(kinds_of_line(colours, b, 2) == std::vector<TokenKind>(7, TokenKind::comment));
    CHECK(colours.state_at_start(3) == LineState{});
    CHECK(kinds_of_line(colours, b, 3)[0] == TokenKind::tag);
}

TEST_CASE("inserting and removing lines keeps the other lines' colours") {
    TextBuffer b("<p>a</p>\n<p>b</p>\n<p>c</p>");
    LineColours colours("html");
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    colours.reset_stats();
    b.set_cursor({0, 8});
    b.newline();
    b.type("<script>", true);
    colours.sync(b);
    for (int l = 0; l < b.line_count(); ++l)
        colours.tokens(b, l);
    // The new line and the two after it, now inside a script body.
    CHECK(colours.stats().lines_coloured == 3);
    CHECK(colours.state_at_start(2).body == LineState::Body::script);

    b.undo(); // the pasted <script>
    b.undo(); // the new line
    colours.reset_stats();
    colours.sync(b);
    CHECK(b.line_count() == 3);
    CHECK(colours.state_at_start(1) == LineState{});
    CHECK(kinds_of_line(colours, b, 2)[0] == TokenKind::tag);
}

TEST_CASE("reST colours per region are the same as colouring the whole page") {
    const std::string page = "=====\nTitle\n=====\n\nIntro with *em* and ``code``.\n\n"
                             ".. sourcecode:: html\n   :filename: a.html\n\n   <p>Hi</p>\n\n"
                             "Example::\n\n   literal *text*\n\nSection\n-------\n\n- item\n";
    check_same_as_whole("rst", page);
}

TEST_CASE("reST: typing an underline turns the line above into a heading") {
    TextBuffer b("Intro.\n\nMy section\n\nText.\n");
    LineColours colours("rst");
    colours.sync(b);
    CHECK(kinds_of_line(colours, b, 2)[0] == TokenKind::plain);
    b.set_cursor({2, 10});
    b.newline();
    b.type("==========");
    colours.sync(b);
    CHECK(kinds_of_line(colours, b, 2)[0] == TokenKind::keyword);
    CHECK(kinds_of_line(colours, b, 3)[0] == TokenKind::punctuation);
    // A blank line typed into a literal block ends it for the text below.
    TextBuffer lit("Code::\n\n   x = 1\nplain *em*\n");
    LineColours c2("rst");
    c2.sync(lit);
    CHECK(kinds_of_line(c2, lit, 2)[3] == TokenKind::string);
    CHECK(kinds_of_line(c2, lit, 3)[6] == TokenKind::variable);
}
