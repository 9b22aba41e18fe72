// Body elements of the reStructuredText subset (FEATURES §9): sections and
// the page title, paragraphs, lists, literal blocks, quotes, tables, line
// blocks, transitions and comments, each with its source line.
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

namespace {

const Block& only_block(const ParseResult& r) {
    REQUIRE(r.doc.blocks.size() == 1);
    return r.doc.blocks[0];
}

std::string text_of(const Block& b) {
    return plain_text(b.inlines);
}

} // namespace

TEST_CASE("a lone first heading becomes the page title") {
    auto r = parse("Welcome\n=======\n\nHello.\n\nPart\n----\n\nMore.\n");
    CHECK(plain_text(r.doc.title) == "Welcome");
    CHECK(r.doc.title_line == 1);
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].kind == BlockKind::paragraph);
    CHECK(r.doc.blocks[1].kind == BlockKind::section);
    CHECK(r.doc.blocks[1].level == 1);
    CHECK(text_of(r.doc.blocks[1]) == "Part");
}

TEST_CASE("two top-level headings stay sections and there is no page title") {
    auto r = parse("One\n===\n\nA.\n\nTwo\n===\n\nB.\n");
    CHECK(r.doc.title.empty());
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].kind == BlockKind::section);
    CHECK(r.doc.blocks[1].kind == BlockKind::section);
}

TEST_CASE("a heading after a paragraph is not the page title") {
    auto r = parse("Intro.\n\nHeading\n=======\n\nText.\n");
    CHECK(r.doc.title.empty());
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[1].kind == BlockKind::section);
}

TEST_CASE("section levels follow the order in which adornment styles first appear") {
    auto r = parse("Intro.\n\nA\n***\n\nB\n+++\n\nC\n***\n\nD\n+++\n\nx\n");
    REQUIRE(r.doc.blocks.size() == 3);
    const Block& a = r.doc.blocks[1];
    CHECK(a.level == 1);
    REQUIRE(a.children.size() == 1);
    CHECK(a.children[0].level == 2);
    const Block& c = r.doc.blocks[2];
    CHECK(text_of(c) == "C");
    REQUIRE(c.children.size() == 1);
    CHECK(text_of(c.children[0]) == "D");
    CHECK(c.children[0].level == 2);
}

TEST_CASE("an overline and an underline of one character are a different style than the underline "
          "alone") {
    auto r = parse("x\n\n===\nA\n===\n\nB\n===\n\nC\n===\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(text_of(r.doc.blocks[1]) == "A");
    REQUIRE(r.doc.blocks[1].children.size() == 2);
    CHECK(r.doc.blocks[1].children[0].level == 2);
}

TEST_CASE("section anchors are unique slugs of their titles") {
    auto r = parse("x\n\nSame Title!\n===========\n\nSame Title!\n===========\n");
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(r.doc.blocks[1].anchor == "same-title");
    CHECK(r.doc.blocks[2].anchor == "same-title-1");
}

TEST_CASE(
    "a title underline that is too short but at least four characters is accepted with a warning") {
    auto r = parse("x\n\nA long title\n====\n\ny\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[1].kind == BlockKind::section);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 4);
}

TEST_CASE("a section title inside a list is reported and kept as text") {
    auto r = parse("- Title\n  =====\n");
    REQUIRE_FALSE(r.diagnostics.empty());
    const Block& list = only_block(r);
    CHECK(list.kind == BlockKind::bullet_list);
}

TEST_CASE("paragraphs are separated by blank lines and join their lines") {
    auto r = parse("first line\nsecond line\n\nnext paragraph\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(text_of(r.doc.blocks[0]) == "first line\nsecond line");
    CHECK(r.doc.blocks[1].line == 4);
}

TEST_CASE("bullet lists nest by indentation") {
    auto r = parse("- one\n- two\n\n  * inner a\n  * inner b\n\n- three\n");
    const Block& list = only_block(r);
    REQUIRE(list.kind == BlockKind::bullet_list);
    REQUIRE(list.children.size() == 3);
    const Block& two = list.children[1];
    REQUIRE(two.children.size() == 2);
    CHECK(two.children[1].kind == BlockKind::bullet_list);
    CHECK(two.children[1].children.size() == 2);
    CHECK(list.children[2].line == 7);
}

TEST_CASE("enumerated lists know their style and first number") {
    auto r = parse("3. c\n4. d\n\n(a) x\n(b) y\n\ni) r1\nii) r2\n\n#. auto\n#. auto\n");
    REQUIRE(r.doc.blocks.size() == 4);
    CHECK(r.doc.blocks[0].enumeration == "arabic");
    CHECK(r.doc.blocks[0].start == 3);
    CHECK(r.doc.blocks[1].enumeration == "loweralpha");
    CHECK(r.doc.blocks[2].enumeration == "lowerroman");
    CHECK(r.doc.blocks[2].children.size() == 2);
    CHECK(r.doc.blocks[3].enumeration == "arabic");
    CHECK(r.doc.blocks[3].children.size() == 2);
}

TEST_CASE("a capital letter and a period at the start of a sentence is not a list") {
    auto r = parse("A. Einstein was a physicist\nwho lived in Bern.\n");
    CHECK(only_block(r).kind == BlockKind::paragraph);
}

TEST_CASE("a number out of sequence starts a new list") {
    auto r = parse("1. a\n2. b\n\n5. c\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[1].start == 5);
}

TEST_CASE("definition lists hold a term and its definition blocks") {
    auto r =
        parse("term one\n   Its definition.\n\nterm two : classifier\n   Another.\n\n   More.\n");
    const Block& dl = only_block(r);
    REQUIRE(dl.kind == BlockKind::definition_list);
    REQUIRE(dl.children.size() == 2);
    CHECK(text_of(dl.children[0]) == "term one");
    CHECK(text_of(dl.children[1]) == "term two");
    CHECK(dl.children[1].children.size() == 2);
}

TEST_CASE("field lists hold a name and a body") {
    auto r = parse(":Author: Ada\n:Tags: a,\n   b\n");
    const Block& fl = only_block(r);
    REQUIRE(fl.kind == BlockKind::field_list);
    REQUIRE(fl.children.size() == 2);
    CHECK(text_of(fl.children[0]) == "Author");
    CHECK(text_of(fl.children[1].children[0]) == "a,\nb");
}

TEST_CASE("a paragraph ending in :: introduces a literal block and keeps one colon") {
    auto r = parse("Example::\n\n    x = 1\n      y = 2\n\nafter\n");
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(text_of(r.doc.blocks[0]) == "Example:");
    CHECK(r.doc.blocks[1].kind == BlockKind::literal_block);
    CHECK(r.doc.blocks[1].text == "x = 1\n  y = 2");
    CHECK(r.doc.blocks[1].line == 3);
}

TEST_CASE("a lone :: paragraph disappears and a spaced :: drops both colons") {
    auto r = parse("::\n\n    code\n\nText ::\n\n    more\n");
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(r.doc.blocks[0].kind == BlockKind::literal_block);
    CHECK(text_of(r.doc.blocks[1]) == "Text");
}

TEST_CASE("a literal block marker without a literal block is reported") {
    auto r = parse("Code follows::\n\nBut it does not.\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("Literal block expected") != std::string::npos);
}

TEST_CASE("indented text is a block quote with an optional attribution") {
    auto r = parse("Said:\n\n    Be kind.\n\n    -- Someone\n");
    REQUIRE(r.doc.blocks.size() == 2);
    const Block& q = r.doc.blocks[1];
    REQUIRE(q.kind == BlockKind::block_quote);
    REQUIRE(q.children.size() == 2);
    CHECK(q.children[1].kind == BlockKind::attribution);
    CHECK(text_of(q.children[1]) == "Someone");
}

TEST_CASE("line blocks keep lines and nest indented ones") {
    auto r = parse("| one\n| two\n|    deeper\n| three\n  continued\n");
    const Block& lb = only_block(r);
    REQUIRE(lb.kind == BlockKind::line_block);
    REQUIRE(lb.children.size() == 4);
    CHECK(lb.children[2].kind == BlockKind::line_block);
    CHECK(text_of(lb.children[3]) == "three\ncontinued");
}

TEST_CASE("a line of four or more punctuation characters between paragraphs is a transition") {
    auto r = parse("a\n\n-----\n\nb\n");
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(r.doc.blocks[1].kind == BlockKind::transition);
}

TEST_CASE("comments are kept in the model with their text") {
    auto r = parse(".. a comment\n   on two lines\n\ntext\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].kind == BlockKind::comment);
    CHECK(r.doc.blocks[0].text == "a comment\non two lines");
}

TEST_CASE("a simple table has a head, a body and cells holding paragraphs") {
    auto r = parse("====  ====\nh1    h2\n====  ====\na     b\nc     d\n====  ====\n");
    const Block& t = only_block(r);
    REQUIRE(t.kind == BlockKind::table);
    REQUIRE(t.children.size() == 3);
    CHECK(t.children[0].header);
    CHECK_FALSE(t.children[1].header);
    REQUIRE(t.children[2].children.size() == 2);
    CHECK(text_of(t.children[2].children[1].children[0]) == "d");
    CHECK(t.children[2].line == 5);
}

TEST_CASE("a simple table row continues on lines with an empty first column") {
    auto r = parse("====  ======\na     first\n      second\nb     x\n====  ======\n");
    const Block& t = only_block(r);
    REQUIRE(t.children.size() == 2);
    CHECK(text_of(t.children[0].children[1].children[0]) == "first\nsecond");
}

TEST_CASE("a grid table supports column and row spans") {
    const char* src = "+---+---+---+\n"
                      "| a | b | c |\n"
                      "+===+===+===+\n"
                      "| d | e     |\n"
                      "+---+---+---+\n"
                      "| f | g | h |\n"
                      "+---+   +---+\n"
                      "| i |   | j |\n"
                      "+---+---+---+\n";
    auto r = parse(src);
    CHECK(r.diagnostics.empty());
    const Block& t = only_block(r);
    REQUIRE(t.children.size() == 4);
    CHECK(t.children[0].header);
    REQUIRE(t.children[1].children.size() == 2);
    CHECK(t.children[1].children[1].colspan == 2);
    CHECK(t.children[2].children[1].rowspan == 2);
    CHECK(t.children[3].children.size() == 2);
}

TEST_CASE("a grid table cell may hold a bullet list") {
    auto r = parse("+-------+\n| - a   |\n| - b   |\n+-------+\n");
    const Block& cell = only_block(r).children[0].children[0];
    REQUIRE(cell.children.size() == 1);
    CHECK(cell.children[0].kind == BlockKind::bullet_list);
}

TEST_CASE("a grid table cell may hold a simple table, and the tables after it are whole") {
    const char* src = "+---------------+---+\n"
                      "| ===  ===      | x |\n"
                      "| p    q        |   |\n"
                      "| ===  ===      |   |\n"
                      "+---------------+---+\n"
                      "\n"
                      "===  ===  ===\n"
                      "a    b    c\n"
                      "===  ===  ===\n";
    auto r = parse(src);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.doc.blocks.size() == 2);
    const Block& outer = r.doc.blocks[0].children[0];
    REQUIRE(outer.children.size() == 2);
    const Block& inner = outer.children[0].children[0];
    REQUIRE(inner.kind == BlockKind::table);
    REQUIRE(inner.children.size() == 1);
    CHECK(text_of(inner.children[0].children[1].children[0]) == "q");
    CHECK(text_of(outer.children[1].children[0]) == "x");
    const Block& after = r.doc.blocks[1];
    REQUIRE(after.children.size() == 1);
    REQUIRE(after.children[0].children.size() == 3);
    CHECK(text_of(after.children[0].children[2].children[0]) == "c");
}

TEST_CASE("a paragraph's lines join the same with trailing spaces, indented or not") {
    auto plain = parse("one *two\nthree* four\n");
    auto spaced = parse("one *two   \nthree* four\n");
    auto quoted = parse("  one *two\n  three* four\n");
    const Block& p = only_block(plain);
    CHECK(p.inlines == only_block(spaced).inlines);
    CHECK(p.inlines == only_block(quoted).children[0].inlines);
    REQUIRE(p.inlines.size() == 3);
    CHECK(p.inlines[1].kind == InlineKind::emphasis);
    CHECK(plain_text(p.inlines[1].children) == "two\nthree");
}

TEST_CASE("a broken grid table is reported and shown as text") {
    auto r = parse("+---+---+\n| a | b |\n+---+--+\n");
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].kind == BlockKind::problem);
    CHECK(r.doc.blocks[1].kind == BlockKind::literal_block);
}

TEST_CASE("tabs expand to columns of eight and Windows line ends are accepted") {
    auto r = parse("Title\r\n=====\r\n\r\n-\titem\r\n");
    CHECK(plain_text(r.doc.title) == "Title");
    REQUIRE(r.doc.blocks.size() == 1);
    CHECK(r.doc.blocks[0].kind == BlockKind::bullet_list);
}

TEST_CASE("every block knows its 1-based source line") {
    auto r = parse("\n\npara\n\n- item\n\n::\n\n   lit\n");
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(r.doc.blocks[0].line == 3);
    CHECK(r.doc.blocks[1].line == 5);
    CHECK(r.doc.blocks[1].children[0].line == 5);
    CHECK(r.doc.blocks[2].line == 9);
}
