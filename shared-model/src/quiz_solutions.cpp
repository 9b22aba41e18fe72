// The learner's copy is derived from the parse, never from matching directive
// text: whatever spelling the parser accepts as a quiz question, its answers'
// markers are exactly the ones rewritten.
#include "wte/quiz_solutions.hpp"

#include "wte/rst/parser.hpp"

namespace wte {

namespace {
void collect_correct_markers(const std::vector<rst::Block>& blocks,
                             std::vector<rst::SourcePosition>& out) {
    for (const auto& b : blocks) {
        // Answers, and the comments that stand for refused duplicate answers.
        if (b.correct && b.marker_column > 0) out.push_back({b.line, b.marker_column});
        collect_correct_markers(b.children, out);
    }
}
} // namespace

bool may_hold_quiz_solutions(std::string_view source) {
    // Only "[x]" and "[X]" are ever rewritten.
    return source.find("[x]") != std::string_view::npos ||
           source.find("[X]") != std::string_view::npos;
}

std::string hide_quiz_solutions(std::string_view source) {
    if (!may_hold_quiz_solutions(source)) return std::string(source);
    std::vector<rst::SourcePosition> markers;
    collect_correct_markers(rst::parse(source).doc.blocks, markers);
    std::string out(source);
    for (std::size_t at : rst::source_offsets(source, markers)) {
        // The parser saw "[x]" or "[X]" here; the check only guards the edit.
        if (at + 2 < out.size() && out[at] == '[' && (out[at + 1] == 'x' || out[at + 1] == 'X') &&
            out[at + 2] == ']')
            out[at + 1] = ' ';
    }
    return out;
}

} // namespace wte
