// Inline markup of the reStructuredText subset: emphasis, strong, literals,
// escapes, roles and hyperlinks (inline, named, anonymous, standalone).
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

namespace {

std::vector<Inline> spans(const std::string& text) {
    auto r = parse(text);
    REQUIRE(r.doc.blocks.size() >= 1);
    return r.doc.blocks[0].inlines;
}

} // namespace

TEST_CASE("emphasis, strong and inline literals become spans") {
    auto s = spans("a *em* b **st** c ``li`` d");
    REQUIRE(s.size() == 7);
    CHECK(s[1].kind == InlineKind::emphasis);
    CHECK(plain_text(s[1].children) == "em");
    CHECK(s[3].kind == InlineKind::strong);
    CHECK(s[5].kind == InlineKind::literal);
    CHECK(s[5].text == "li");
}

TEST_CASE("markup needs whitespace or punctuation around it") {
    auto s = spans("2*3*4 and a * b and snake_case and x**2");
    REQUIRE(s.size() == 1);
    CHECK(s[0].kind == InlineKind::text);
}

TEST_CASE("a star inside quotes or brackets is not emphasis") {
    CHECK(spans("'*' and (*) and \"*\"").size() == 1);
}

TEST_CASE("backslash escapes markup characters and disappears") {
    auto s = spans("\\*not\\* and \\\\ backslash");
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "*not* and \\ backslash");
}

TEST_CASE("an escaped space joins words around a role") {
    auto s = spans("H\\ :sub:`2`\\ O");
    REQUIRE(s.size() == 3);
    CHECK(s[0].text == "H");
    CHECK(s[1].kind == InlineKind::subscript);
    CHECK(s[2].text == "O");
}

TEST_CASE("inline literals keep backslashes and stars") {
    auto s = spans("``C:\\dir\\*x*``");
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "C:\\dir\\*x*");
}

TEST_CASE("markup may span lines and knows the line it starts on") {
    auto r = parse("first line\nsecond *em\nphasis* here\n");
    auto& s = r.doc.blocks[0].inlines;
    REQUIRE(s.size() == 3);
    CHECK(s[1].kind == InlineKind::emphasis);
    CHECK(s[1].line == 2);
    CHECK(plain_text(s[1].children) == "em\nphasis");
}

TEST_CASE("an unterminated start string is text with a diagnostic") {
    auto r = parse("an *open emphasis\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.doc.blocks[0].inlines.size() == 1);
    CHECK(r.doc.blocks[0].inlines[0].text == "an *open emphasis");
}

TEST_CASE("an inline link has text and a URL") {
    auto s = spans("see `the docs <https://example.com/a b>`_ now");
    REQUIRE(s.size() == 3);
    CHECK(s[1].kind == InlineKind::link);
    CHECK(s[1].text == "the docs");
    CHECK(s[1].target == "https://example.com/ab");
}

TEST_CASE("a named reference resolves to a target defined later") {
    auto r = parse("Read Python_ and `the guide`_.\n\n.. _python: https://python.org\n"
                   ".. _The  Guide: https://guide.example\n");
    auto& s = r.doc.blocks[0].inlines;
    REQUIRE(s.size() == 5);
    CHECK(s[1].target == "https://python.org");
    CHECK(s[3].target == "https://guide.example");
    CHECK(r.diagnostics.empty());
}

TEST_CASE("an unknown reference name is text with a diagnostic") {
    auto r = parse("go nowhere_ now\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("nowhere") != std::string::npos);
    CHECK(r.doc.blocks[0].inlines.size() == 1);
}

TEST_CASE("anonymous references take anonymous targets in order") {
    auto r = parse("`one`__ and two__\n\n__ https://one.example\n.. __: https://two.example\n");
    auto& s = r.doc.blocks[0].inlines;
    REQUIRE(s.size() == 3);
    CHECK(s[0].target == "https://one.example");
    CHECK(s[2].target == "https://two.example");
}

TEST_CASE("a section title is an implicit link target") {
    auto r = parse("x\n\nMy Section\n==========\n\nsee `My Section`_\n");
    auto& sec = r.doc.blocks[1];
    CHECK(sec.children[0].inlines[1].target == "#my-section");
}

TEST_CASE("an internal target gives the next block an anchor") {
    auto r = parse(".. _here:\n\nPara.\n\nLink to here_.\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].anchor == "here");
    CHECK(r.doc.blocks[1].inlines[1].target == "#here");
}

TEST_CASE("standalone URLs and e-mail addresses become links") {
    auto s = spans("visit https://example.com/x?y=1. or write to ann@example.org!");
    REQUIRE(s.size() == 5);
    CHECK(s[1].target == "https://example.com/x?y=1");
    CHECK(s[3].target == "mailto:ann@example.org");
    CHECK(s[3].text == "ann@example.org");
}

TEST_CASE("javascript and other schemes never become links") {
    for (const char* src : {"`x <javascript:alert(1)>`_", "`x <JaVaScRiPt:alert(1)>`_",
                            "`x <java\tscript:alert(1)>`_", "`x <data:text/html,hi>`_",
                            "`x <vbscript:y>`_", "x_\n\n.. _x: javascript:alert(1)\n"}) {
        auto r = parse(src);
        INFO(src);
        CHECK_FALSE(r.diagnostics.empty());
        for (const auto& s : r.doc.blocks[0].inlines)
            CHECK(s.kind == InlineKind::text);
    }
}

TEST_CASE("relative links and anchors survive") {
    auto s = spans("`a <page.html#x>`_ `b <#top>`_ `c <mailto:a@b.c>`_");
    REQUIRE(s.size() == 5);
    CHECK(s[0].target == "page.html#x");
    CHECK(s[2].target == "#top");
    CHECK(s[4].target == "mailto:a@b.c");
}

TEST_CASE("the default role and title references are emphasis") {
    auto s = spans("`a book` and :title-reference:`b`");
    CHECK(s[0].kind == InlineKind::emphasis);
    CHECK(s[2].kind == InlineKind::emphasis);
}

TEST_CASE("an unknown role is text with a diagnostic naming it") {
    auto r = parse(":madeup:`x`\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("madeup") != std::string::npos);
}
