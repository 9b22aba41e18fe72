#include "wte/quiz_solutions.hpp"

namespace wte {

namespace {
std::size_t indent_of(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    return i;
}
bool blank(std::string_view line) {
    return indent_of(line) == line.size();
}
} // namespace

std::string hide_quiz_solutions(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    bool inside = false; // within a quiz-question directive's block
    std::size_t directive_indent = 0;
    std::size_t pos = 0;
    while (pos <= source.size()) {
        std::size_t end = source.find('\n', pos);
        if (end == std::string_view::npos) end = source.size();
        std::string line(source.substr(pos, end - pos));
        std::size_t ind = indent_of(line);
        if (!blank(line) && inside && ind <= directive_indent) inside = false;
        std::string_view rest = std::string_view(line).substr(ind);
        if (rest.rfind(".. quiz-question::", 0) == 0) {
            inside = true;
            directive_indent = ind;
        } else if (inside && rest.size() >= 3 && rest[0] == '[' &&
                   (rest[1] == 'x' || rest[1] == 'X') && rest[2] == ']') {
            line[ind + 1] = ' ';
        }
        out += line;
        if (end < source.size()) out += '\n';
        pos = end + 1;
    }
    return out;
}

} // namespace wte
