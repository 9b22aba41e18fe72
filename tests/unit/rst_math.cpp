// The LaTeX subset of the math role and directive.
#include "wte/rst/math.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

TEST_CASE("math parses fractions, roots and scripts into a tree") {
    auto r = parse_math("\\frac{1}{x_i^2} + \\sqrt[3]{y}");
    CHECK(r.errors.empty());
    const auto& row = r.root.children;
    REQUIRE(row.size() == 3);
    CHECK(row[0].kind == MathKind::frac);
    REQUIRE(row[0].children.size() == 2);
    CHECK(row[0].children[1].kind == MathKind::subsup);
    CHECK(row[1].kind == MathKind::operator_);
    CHECK(row[2].kind == MathKind::sqrt);
    REQUIRE(row[2].children.size() == 2);
    CHECK(row[2].children[1].children[0].text == "3");
}

TEST_CASE("math knows Greek letters, relations and large operators") {
    auto r = parse_math("\\sum_{i=1}^{n} \\alpha \\le \\Omega \\ne \\infty \\to \\pm");
    CHECK(r.errors.empty());
    const auto& row = r.root.children;
    REQUIRE(row.size() == 8);
    CHECK(row[0].kind == MathKind::subsup);
    CHECK(row[0].children[0].kind == MathKind::large_operator);
    CHECK(row[0].children[0].text == "∑");
    CHECK(row[1].text == "α");
    CHECK(row[2].text == "≤");
    CHECK(row[3].text == "Ω");
    CHECK(row[4].text == "≠");
    CHECK(row[5].text == "∞");
    CHECK(row[6].text == "→");
    CHECK(row[7].text == "±");
}

TEST_CASE("an unknown math command is shown as text and reported") {
    auto r = parse_math("\\foo + 1");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].find("\\foo") != std::string::npos);
    CHECK(r.root.children[0].kind == MathKind::text);
    CHECK(r.root.children[0].text == "\\foo");
}

TEST_CASE("unbalanced braces in math are reported, not fatal") {
    CHECK_FALSE(parse_math("{x").errors.empty());
    CHECK_FALSE(parse_math("x}").errors.empty());
    CHECK_FALSE(parse_math("x_").errors.empty());
    CHECK_FALSE(parse_math("x_1_2").errors.empty());
}

TEST_CASE("deeply nested math is cut off with an error") {
    std::string deep(10000, '{');
    auto r = parse_math(deep + "x" + std::string(10000, '}'));
    CHECK_FALSE(r.errors.empty());
}

TEST_CASE("numbers with decimals and text commands are single symbols") {
    auto r = parse_math("3.14 \\text{ cm}");
    REQUIRE(r.root.children.size() == 2);
    CHECK(r.root.children[0].kind == MathKind::number);
    CHECK(r.root.children[0].text == "3.14");
    CHECK(r.root.children[1].kind == MathKind::text);
    CHECK(r.root.children[1].text == " cm");
}

TEST_CASE("a backslash before a non-ASCII character keeps the character whole") {
    auto r = parse_math("\\é + 1");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.root.children[0].text == "\\é");
}
