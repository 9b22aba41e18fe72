// Learners receive a page's source to render it, but never its quiz
// solutions (FEATURES §10: the original put them in the page). This turns
// every "[x]" answer marker inside quiz-question directives into "[ ]",
// keeping line numbers, so the learner's parse shows the same questions.
#pragma once

#include <string>
#include <string_view>

namespace wte {

std::string hide_quiz_solutions(std::string_view rst_source);

} // namespace wte
