// Quizzes in page content (FEATURES §5): what the server stores and scores.
// The parser already refused duplicate quiz and question ids, so extraction
// is unambiguous; scoring lives here so server and client agree.
#pragma once

#include "wte/domain.hpp"
#include "wte/rst/document.hpp"

#include <string>
#include <vector>

namespace wte::rst {

// Every quiz of the page in document order, with its questions, answers
// (plain text, as learners submit them) and correct answers.
std::vector<wte::Quiz> extract_quizzes(const Document& doc);

// Correct means exactly the set of correct answers was chosen: order does
// not matter and duplicates are ignored; a single-choice question needs one.
bool score_answer(const wte::QuizQuestion& question, const std::vector<std::string>& chosen);

} // namespace wte::rst
