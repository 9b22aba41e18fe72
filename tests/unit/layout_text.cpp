// List markers and line breaking used by the client's page renderer.
#include "wte/layout/text_layout.hpp"

#include <catch2/catch.hpp>

using namespace wte::layout;

TEST_CASE("enumerated lists count in digits, letters and roman numerals") {
    CHECK(list_marker("arabic", 3) == "3.");
    CHECK(list_marker("loweralpha", 1) == "a.");
    CHECK(list_marker("upperalpha", 28) == "AB.");
    CHECK(list_marker("lowerroman", 4) == "iv.");
    CHECK(list_marker("upperroman", 1994) == "MCMXCIV.");
    CHECK(to_roman(3999, false) == "mmmcmxcix");
    CHECK(to_roman(0, false) == "0");
    CHECK(to_alpha(26, false) == "z");
    CHECK(to_alpha(27, false) == "aa");
}

namespace {
std::vector<Piece> words(std::initializer_list<float> widths, float space = 5) {
    std::vector<Piece> out;
    for (float w : widths) {
        if (!out.empty()) out.push_back({space, true, false});
        out.push_back({w, false, false});
    }
    return out;
}
} // namespace

TEST_CASE("words wrap greedily and spaces vanish at line ends") {
    const auto pieces = words({40, 40, 40, 40}); // 40 5 40 5 40 5 40
    const auto lines = break_lines(pieces, 100);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == 3);
    CHECK(lines[0].width == 85);
    CHECK(lines[1].begin == 4);
    CHECK(lines[1].end == 7);
    CHECK(lines[1].width == 85);
}

TEST_CASE("a word wider than the line gets a line of its own") {
    const auto lines = break_lines(words({20, 300, 20}), 100);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].width == 300);
}

TEST_CASE("a forced break ends the line and empty input is one empty line") {
    std::vector<Piece> pieces = {{10, false, false}, {0, false, true}, {10, false, false}};
    CHECK(break_lines(pieces, 100).size() == 2);
    CHECK(break_lines({}, 100).size() == 1);
}
