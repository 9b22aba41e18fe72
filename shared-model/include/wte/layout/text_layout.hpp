// Pure text-layout rules the client's page renderer uses, kept here so they
// are unit tested natively: list markers (numbers, letters, roman numerals)
// and greedy line breaking of measured pieces.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wte::layout {

// 1 → "i", 4 → "iv", 1994 → "mcmxciv" (upper: "MCMXCIV"). Numbers outside
// 1..3999 are written in arabic digits.
std::string to_roman(int number, bool upper);
// 1 → "a", 26 → "z", 27 → "aa" (as spreadsheets count). number < 1: digits.
std::string to_alpha(int number, bool upper);
// The marker of item `number` of an enumerated list: "3.", "c.", "iv.".
// enumeration: arabic | loweralpha | upperalpha | lowerroman | upperroman.
std::string list_marker(std::string_view enumeration, int number);

// One measured piece of a paragraph: a word, a space between words, or a
// forced line break. Spaces are dropped where a line breaks.
struct Piece {
    float width = 0;
    bool space = false;
    bool hard_break = false;
};

// Pieces [begin, end) of one line; `width` leaves out trailing spaces.
struct LineRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    float width = 0;
};

// Greedy breaking: as many pieces per line as fit in max_width. A word
// wider than the line gets a line of its own (it overflows, never vanishes).
// Spaces at the start of a line are skipped. Always at least one line.
std::vector<LineRange> break_lines(const std::vector<Piece>& pieces, float max_width);

} // namespace wte::layout
