// The code editor's model: UTF-8 and screen columns, editing, undo grouping,
// indenting, find and matching, as a learner typing HTML would notice them.
#include "editor/text_buffer.hpp"

#include <catch2/catch.hpp>

using namespace wte::editor;

namespace {

TextPos at(int line, int byte) {
    return {line, byte};
}

void type_keys(TextBuffer& b, std::string_view text) {
    for (char c : text)
        b.type(std::string(1, c));
}

} // namespace

TEST_CASE("the caret steps over accents, CJK and emoji as whole characters") {
    // é precomposed, e + combining acute, 日, 👍🏽 (with skin tone), 👨‍👩‍👧 (joined),
    // 🇫🇷 (flag)
    const std::string line =
        "\xC3\xA9"
        "e\xCC\x81"
        "\xE6\x97\xA5"
        "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
        "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";
    TextBuffer b(line);
    std::vector<int> stops;
    for (int i = 0; i < 7; ++i) {
        b.move_right(false);
        stops.push_back(b.cursor().byte);
    }
    CHECK(stops == std::vector<int>{2, 5, 8, 16, 34, 42, 42});
    for (int i = 0; i < 6; ++i)
        b.move_left(false);
    CHECK(b.cursor() == at(0, 0));

    b.move_to_end(false);
    b.backspace(); // the flag goes as one
    b.backspace(); // the family too
    CHECK(b.line(0) == line.substr(0, 16));
}

TEST_CASE("invalid UTF-8 never crashes the editor and is kept byte for byte") {
    const std::string bad = "a\xFF"
                            "b\xC3"
                            "\xE2\x82"
                            "c\xED\xA0\x80"
                            "\xC0\xAF\xF4\x90\x80\x80";
    TextBuffer b(bad);
    CHECK(decode_utf8(bad, 1).code_point == 0xFFFD);
    CHECK(decode_utf8(bad, 1).length == 1);
    int steps = 0;
    while (b.cursor().byte < static_cast<int>(bad.size()) && steps < 100) {
        b.move_right(false);
        ++steps;
    }
    // Every invalid byte is one character: a, FF, b, C3, E2, 82, c, 3 surrogate
    // bytes, 2 overlong bytes, 4 bytes past U+10FFFF.
    CHECK(steps == 16);
    CHECK(column_of(bad, bad.size(), 4) == 16);
    b.type("\xC3\xA9");
    CHECK(b.text() == bad + "\xC3\xA9");
    // A cursor placed inside a valid character snaps to its start.
    TextBuffer cjk("\xE6\x97\xA5x");
    cjk.set_cursor(at(0, 2));
    CHECK(cjk.cursor() == at(0, 0));
}

TEST_CASE("screen columns count tabs to the next stop and wide characters as two") {
    CHECK(column_of("\tx", 1, 4) == 4);
    CHECK(column_of("ab\tx", 3, 4) == 4);
    CHECK(column_of("abcd\tx", 5, 4) == 8);
    const std::string mixed = "\xE6\x97\xA5\xE6\x9C\xAC" // 日本
                              "a"
                              "\xF0\x9F\x98\x80" // 😀
                              "b";
    CHECK(column_of(mixed, 6, 4) == 4);
    CHECK(column_of(mixed, 7, 4) == 5);
    CHECK(column_of(mixed, 11, 4) == 7);
    CHECK(column_of("e\xCC\x81x", 3, 4) == 1); // the accent takes no column
    // Clicks: the nearer edge of the character under the pointer.
    CHECK(byte_at_column(mixed, 0.9, 4) == 0);
    CHECK(byte_at_column(mixed, 1.2, 4) == 3);
    CHECK(byte_at_column(mixed, 4.4, 4) == 6);
    CHECK(byte_at_column(mixed, 99, 4) == mixed.size());
    CHECK(byte_at_column("\tx", 1.0, 4) == 0);
    CHECK(byte_at_column("\tx", 3.0, 4) == 1);
}

TEST_CASE("up and down keep the column across tabs and wide characters") {
    TextBuffer b("abcdefgh\n\tx\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\nab");
    b.set_cursor(at(0, 5));
    b.move_down(false);
    CHECK(b.cursor() == at(1, 2)); // column 5 is inside "x" after the tab: end of line
    b.move_down(false);
    CHECK(b.cursor() == at(2, 6)); // column 5 is the middle of the third wide character
    b.move_down(false);
    CHECK(b.cursor() == at(3, 2));
    b.move_up(false, 3);
    CHECK(b.cursor() == at(0, 5)); // the remembered column
}

TEST_CASE("typing, newlines and deleting across lines") {
    TextBuffer b("hello world");
    b.set_cursor(at(0, 5));
    b.type("\n");
    CHECK(b.line_count() == 2);
    CHECK(b.line(0) == "hello");
    CHECK(b.line(1) == " world");
    b.backspace();
    CHECK(b.text() == "hello world");
    b.move_end(false);
    b.delete_forward(); // at the very end: nothing
    b.select(at(0, 2), at(0, 9));
    b.type("y");
    CHECK(b.text() == "heyld");
    b.select_all();
    b.type("a\r\nb", true); // a Windows paste
    CHECK(b.text() == "a\nb");
}

TEST_CASE("one typed word is one undo step") {
    TextBuffer b;
    type_keys(b, "hello world");
    CHECK(b.text() == "hello world");
    b.undo();
    CHECK(b.text() == "hello ");
    b.undo();
    CHECK(b.text() == "");
    CHECK_FALSE(b.can_undo());
    b.redo();
    CHECK(b.text() == "hello ");
    b.redo();
    CHECK(b.text() == "hello world");
    CHECK(b.cursor() == at(0, 11));
}

TEST_CASE("a move of the caret, a newline or deleting start a new undo step") {
    TextBuffer b;
    type_keys(b, "ab");
    b.move_left(false);
    type_keys(b, "X");
    CHECK(b.text() == "aXb");
    b.undo();
    CHECK(b.text() == "ab");
    b.move_to_end(false);
    type_keys(b, "cd");
    b.backspace();
    b.backspace();
    b.backspace();
    CHECK(b.text() == "a");
    b.undo(); // the three backspaces together
    CHECK(b.text() == "abcd");
    b.type("\n");
    type_keys(b, "x");
    b.undo();
    CHECK(b.text() == "abcd\n");
    b.undo();
    CHECK(b.text() == "abcd");
    CHECK(b.cursor() == at(0, 4));
}

TEST_CASE("a paste is one undo step and typing after it is another") {
    TextBuffer b("<p></p>");
    b.set_cursor(at(0, 3));
    b.type("Hello\nthere", true);
    type_keys(b, "abc");
    CHECK(b.text() == "<p>Hello\nthereabc</p>");
    b.undo();
    CHECK(b.text() == "<p>Hello\nthere</p>");
    b.undo();
    CHECK(b.text() == "<p></p>");
    CHECK(b.cursor() == at(0, 3));
}

TEST_CASE("undo restores the selection that was replaced") {
    TextBuffer b("one two three");
    b.select(at(0, 4), at(0, 7));
    b.type("2");
    b.undo();
    CHECK(b.text() == "one two three");
    CHECK(b.selection() == TextRange{at(0, 4), at(0, 7)});
}

TEST_CASE("unsaved changes are marked until saved, and undoing back counts as saved") {
    TextBuffer b("x");
    CHECK_FALSE(b.modified());
    type_keys(b, "ab");
    CHECK(b.modified());
    b.mark_saved();
    CHECK_FALSE(b.modified());
    type_keys(b, "c"); // a new step, not merged into the saved one
    CHECK(b.modified());
    b.undo();
    CHECK_FALSE(b.modified());
    b.undo();
    CHECK(b.modified());
    b.redo();
    CHECK_FALSE(b.modified());
}

TEST_CASE("enter keeps the indentation and goes one level deeper after an opener") {
    TextBuffer b("  if (x) {");
    b.move_to_end(false);
    b.newline();
    CHECK(b.line(1) == "    ");
    CHECK(b.cursor() == at(1, 4));

    TextBuffer between("function f() {}");
    between.set_cursor(at(0, 14));
    between.newline();
    CHECK(between.text() == "function f() {\n  \n}");
    CHECK(between.cursor() == at(1, 2));

    TextBuffer html("  <div></div>");
    html.set_cursor(at(0, 7));
    html.newline();
    CHECK(html.text() == "  <div>\n    \n  </div>");
    CHECK(html.cursor() == at(1, 4));

    TextBuffer void_tag("<br>");
    void_tag.move_to_end(false);
    void_tag.newline();
    CHECK(void_tag.line(1) == "");

    // One undo takes the whole newline back.
    html.undo();
    CHECK(html.text() == "  <div></div>");
}

TEST_CASE("tab indents and shift+tab outdents the selected lines") {
    TextBuffer b("a\n  b\n\nc");
    b.select(at(0, 0), at(3, 1));
    b.indent();
    CHECK(b.text() == "  a\n    b\n\n  c");
    CHECK(b.selection() == TextRange{at(0, 0), at(3, 3)});
    b.outdent();
    b.outdent();
    CHECK(b.text() == "a\nb\n\nc");
    b.undo();
    CHECK(b.text() == "a\n  b\n\nc");

    TextBuffer one("ab");
    one.set_cursor(at(0, 1));
    one.indent(); // no multi-line selection: spaces to the next stop
    CHECK(one.text() == "a b");
    one.indent();
    CHECK(one.text() == "a   b");
    one.outdent();
    CHECK(one.text() == "a   b"); // the line has no leading spaces

    TextBuffer tabbed("\tx\n    y");
    tabbed.select_all();
    tabbed.outdent();
    CHECK(tabbed.text() == "x\n  y");
}

TEST_CASE("backspace in the indentation removes one level") {
    TextBuffer b("     x");
    b.set_cursor(at(0, 5));
    b.backspace();
    CHECK(b.text() == "    x");
    b.backspace();
    CHECK(b.text() == "  x");
}

TEST_CASE("ctrl+arrows move by word") {
    TextBuffer b("let total = price * 2;");
    b.move_word_right(false);
    CHECK(b.cursor() == at(0, 3));
    b.move_word_right(false);
    CHECK(b.cursor() == at(0, 9));
    b.move_word_right(false);
    CHECK(b.cursor() == at(0, 11));
    b.move_word_left(false);
    CHECK(b.cursor() == at(0, 10));
    b.move_word_left(false);
    CHECK(b.cursor() == at(0, 4));
    b.move_home(false);
    b.move_word_right(true);
    CHECK(b.text(b.selection()) == "let");
}

TEST_CASE("find wraps around, skips to the next match and ignores case by default") {
    TextBuffer b("<p>One</p>\n<P>two</P>\n<p>three</p>");
    TextRange found;
    REQUIRE(b.find("<p>", at(0, 1), false, found));
    CHECK(found == TextRange{at(1, 0), at(1, 3)});
    REQUIRE(b.find("<p>", at(0, 1), true, found));
    CHECK(found == TextRange{at(2, 0), at(2, 3)});
    CHECK_FALSE(b.find("missing", at(0, 0), false, found));
    CHECK_FALSE(b.find("", at(0, 0), false, found));

    b.set_cursor(at(2, 5));
    REQUIRE(b.find_next("three"));
    CHECK(b.text(b.selection()) == "three");
    REQUIRE(b.find_next("<p>"));
    CHECK(b.selection().begin == at(0, 0)); // wrapped
    REQUIRE(b.find_next("<p>"));
    CHECK(b.selection().begin == at(1, 0));
}

TEST_CASE("the bracket at the caret and its partner, across lines") {
    TextBuffer b("f(a[1], {\n  x: (2)\n});");
    TextPos bracket, partner;
    b.set_cursor(at(0, 1));
    REQUIRE(b.matching_bracket(bracket, partner));
    CHECK(bracket == at(0, 1));
    CHECK(partner == at(2, 1));
    b.set_cursor(at(2, 1)); // before ")": the ")" itself
    REQUIRE(b.matching_bracket(bracket, partner));
    CHECK(partner == at(0, 1));
    b.set_cursor(at(0, 9)); // after "{"
    REQUIRE(b.matching_bracket(bracket, partner));
    CHECK(bracket == at(0, 8));
    CHECK(partner == at(2, 0));
    b.set_cursor(at(1, 1));
    CHECK_FALSE(b.matching_bracket(bracket, partner));
    TextBuffer open("((x)");
    CHECK_FALSE(open.matching_bracket(bracket, partner));
}

TEST_CASE("the HTML tag at the caret and its partner, over nesting, comments and void tags") {
    TextBuffer b("<div class=\"a\">\n  <div><br><img src=x/>\n  <!-- </div> -->\n  </div>\n"
                 "  <script>if (a</div) {}</script>\n</DIV>");
    TextRange open, close;
    b.set_cursor(at(0, 2));
    REQUIRE(b.matching_tag(open, close));
    CHECK(open == TextRange{at(0, 1), at(0, 4)});
    CHECK(close == TextRange{at(5, 2), at(5, 5)});
    b.set_cursor(at(3, 4)); // in the inner closing tag
    REQUIRE(b.matching_tag(open, close));
    CHECK(open == TextRange{at(1, 3), at(1, 6)});
    b.set_cursor(at(1, 9)); // on <br>
    CHECK_FALSE(b.matching_tag(open, close));
    b.set_cursor(at(0, 8)); // in the attributes, not the name
    CHECK_FALSE(b.matching_tag(open, close));
    b.set_cursor(at(1, 2)); // before the '<' is not in the tag
    CHECK_FALSE(b.matching_tag(open, close));
}
