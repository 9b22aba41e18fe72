// List markers and greedy line breaking (see wte/layout/text_layout.hpp).
#include "wte/layout/text_layout.hpp"

#include <cctype>

namespace wte::layout {

std::string to_roman(int number, bool upper) {
    if (number < 1 || number > 3999) return std::to_string(number);
    static const struct {
        int value;
        const char* digits;
    } table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                 {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (const auto& t : table) {
        while (number >= t.value) {
            out += t.digits;
            number -= t.value;
        }
    }
    if (upper)
        for (char& c : out)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string to_alpha(int number, bool upper) {
    if (number < 1) return std::to_string(number);
    std::string out;
    while (number > 0) {
        --number;
        out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + number % 26));
        number /= 26;
    }
    return out;
}

std::string list_marker(std::string_view enumeration, int number) {
    if (enumeration == "loweralpha") return to_alpha(number, false) + ".";
    if (enumeration == "upperalpha") return to_alpha(number, true) + ".";
    if (enumeration == "lowerroman") return to_roman(number, false) + ".";
    if (enumeration == "upperroman") return to_roman(number, true) + ".";
    return std::to_string(number) + ".";
}

std::vector<LineRange> break_lines(const std::vector<Piece>& pieces, float max_width) {
    std::vector<LineRange> lines;
    LineRange line;
    float pending_space = 0; // spaces after the last word, counted once a word follows
    bool has_word = false;
    auto finish = [&](std::size_t end) {
        line.end = end;
        lines.push_back(line);
        line = LineRange{end, end, 0};
        pending_space = 0;
        has_word = false;
    };
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        if (p.hard_break) {
            finish(i + 1);
            continue;
        }
        if (p.space) {
            if (!has_word && line.begin == i) {
                line.begin = i + 1; // no spaces at the start of a line
                line.end = i + 1;
            } else {
                pending_space += p.width;
            }
            continue;
        }
        if (has_word && line.width + pending_space + p.width > max_width) {
            // Break before this word; the spaces in between are dropped.
            std::size_t end = i;
            while (end > line.begin && pieces[end - 1].space)
                --end;
            line.end = end;
            lines.push_back(line);
            line = LineRange{i, i, 0};
            pending_space = 0;
        }
        line.width += pending_space + p.width;
        pending_space = 0;
        has_word = true;
        line.end = i + 1;
    }
    if (has_word || lines.empty()) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace wte::layout
