// What a learner is sent of a page's source: the text without its quiz
// solutions (wte/quiz_solutions.hpp). Finding them means parsing the page,
// which is most of the cost of a page read, so the result is remembered by
// the text itself: a pure function of it, right on any instance and after
// any edit (a changed text is a new key).
#pragma once

#include <string>

namespace wte::content {

std::string reader_text(const std::string& source);

} // namespace wte::content
