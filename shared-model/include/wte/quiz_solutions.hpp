// Learners receive a page's source to render it, but never its quiz
// solutions (FEATURES §10: the original put them in the page). This parses
// the page and turns the "[x]" marker of every answer the parser found into
// "[ ]", changing nothing else (same bytes, same lines), so the learner's
// parse shows the same questions and answers with none marked correct.
#pragma once

#include <string>
#include <string_view>

namespace wte {

std::string hide_quiz_solutions(std::string_view rst_source);

// Whether the text holds anything hide_quiz_solutions could change ("[x]" or
// "[X]"): most pages do not, and need no parse.
bool may_hold_quiz_solutions(std::string_view rst_source);

} // namespace wte
