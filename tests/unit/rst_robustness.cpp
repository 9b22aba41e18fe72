// Hostile and broken content never breaks a page (FEATURES §9, §10): the
// parser does not throw, keeps nesting bounded, and stays linear on inputs
// built to trigger quadratic scans.
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <random>

using namespace wte::rst;

namespace {

std::string repeat(const std::string& piece, size_t bytes) {
    std::string out;
    while (out.size() < bytes)
        out += piece;
    return out;
}

// Parsing twice the input takes twice the work, within rounding: a
// quadratic scan would take four times. Counted, not timed, so a busy machine
// cannot fail it (timings are in tests/bench/).
void check_linear(const std::string& name, const std::function<std::string(size_t)>& make) {
    std::string small = make(100'000), large = make(200'000);
    ParseResult s = parse(small), l = parse(large);
    (void)to_html(l.doc);
    double per_byte_small = static_cast<double>(s.work) / static_cast<double>(small.size());
    double per_byte_large = static_cast<double>(l.work) / static_cast<double>(large.size());
    INFO(name << ": " << small.size() << " bytes take " << s.work << " steps, " << large.size()
              << " bytes " << l.work << " steps");
    CHECK(s.work >= small.size());
    CHECK(per_byte_large < 1.1 * per_byte_small);
}

} // namespace

TEST_CASE("unmatched inline start strings do not make parsing quadratic") {
    check_linear("stars", [](size_t n) { return repeat("*a **b ", n); });
    check_linear("backquotes", [](size_t n) { return repeat("`a ``b :r:`c ", n); });
    check_linear("references", [](size_t n) { return repeat("a_b_ c__d x_ ", n); });
    check_linear("emails", [](size_t n) { return repeat("a@b@c.d@ ", n); });
    check_linear("backslashes", [](size_t n) { return repeat("\\\\\\*", n); });
    check_linear("urls", [](size_t n) { return repeat("http://x(y) ", n); });
}

TEST_CASE("repeated malformed tables do not rescan the rest of the page") {
    check_linear("simple table tops", [](size_t n) { return repeat("===  ===\nx    y\n\n", n); });
    check_linear("grid table tops", [](size_t n) { return repeat("+--+--+\n|  |\n\n", n); });
    check_linear("a wide grid", [](size_t n) {
        // Built by appending: "+" on a one-character string trips GCC 12's -Wrestrict.
        std::string grid = "+";
        grid += repeat("-+", n / 2);
        grid += "\n|";
        grid += repeat(" |", n / 2);
        grid += "\n";
        return grid;
    });
}

TEST_CASE("long lists, quotes and sections stay linear") {
    check_linear("list items", [](size_t n) { return repeat("- item\n  more\n", n); });
    check_linear("enumerated", [](size_t n) { return repeat("#. item\n", n); });
    check_linear("definitions", [](size_t n) { return repeat("term\n   def\n", n); });
    check_linear("sections", [](size_t n) { return repeat("Title\n=====\n\ntext\n\n", n); });
    check_linear("targets", [](size_t n) { return repeat("x_\n\n.. _x: http://x\n\n", n); });
    check_linear("directives", [](size_t n) { return repeat(".. note:: a\n\n   b\n\n", n); });
}

TEST_CASE("nesting deeper than the limit is reported and shown as text") {
    std::string deep;
    for (int d = 0; d < 2000; ++d)
        deep += std::string(static_cast<size_t>(d) * 2, ' ') + "- x\n\n";
    auto r = parse(deep);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].message.find("nested more than 32 levels") != std::string::npos);
    std::string quotes;
    for (int d = 0; d < 3000; ++d)
        quotes += std::string(static_cast<size_t>(d), ' ') + "q\n\n";
    CHECK_FALSE(parse(quotes).diagnostics.empty());
}

TEST_CASE("a huge single line parses") {
    std::string half = repeat("word *em* ``lit`` ", 1'000'000);
    std::string line = half + half;
    auto r = parse(line);
    REQUIRE(r.doc.blocks.size() == 1);
    CHECK(r.doc.blocks[0].inlines.size() > 100'000);
    CHECK(r.work < 2.2 * static_cast<double>(parse(half).work));
}

TEST_CASE("binary garbage parses into valid UTF-8 without throwing") {
    std::mt19937 rng(42);
    for (int round = 0; round < 200; ++round) {
        std::string junk(static_cast<size_t>(rng() % 2000), '\0');
        for (auto& c : junk)
            c = static_cast<char>(rng() & 0xFF);
        ParseResult r;
        REQUIRE_NOTHROW(r = parse(junk));
        // Invalid UTF-8 would make the strict JSON dump throw.
        REQUIRE_NOTHROW(to_json(r.doc).dump());
        REQUIRE_NOTHROW(to_html(r.doc));
    }
}

TEST_CASE("the diagnostics list is capped for pages that repeat a mistake") {
    auto r = parse(repeat("*x ", 30'000));
    CHECK(r.diagnostics.size() == max_diagnostics + 1);
    CHECK(r.diagnostics.back().message.find("more problems are not listed") != std::string::npos);
}

TEST_CASE("an empty page and a page of blank lines are empty documents") {
    CHECK(parse("").doc.blocks.empty());
    CHECK(parse("\n\n   \n\t\n").doc.blocks.empty());
    CHECK(parse("").diagnostics.empty());
}
