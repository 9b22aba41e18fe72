// Learners' copies of a page carry no quiz solutions, and nothing else changes.
#include "wte/quiz_solutions.hpp"

#include <catch2/catch.hpp>

TEST_CASE("correct-answer marks inside quiz questions are hidden from learners") {
    const std::string page =
        "Title\n=====\n\n[x] not in a quiz stays\n\n.. quiz:: q1\n   :title: Check\n\n"
        "   .. quiz-question:: a\n      :question: Which?\n      :type: single-choice\n\n"
        "      [x] Right\n      [ ] Wrong\n      [X] Also right\n\nAfter\n[x] plain\n";
    auto hidden = wte::hide_quiz_solutions(page);
    CHECK(hidden.find("[x] Right") == std::string::npos);
    CHECK(hidden.find("[X] Also") == std::string::npos);
    CHECK(hidden.find("      [ ] Right") != std::string::npos);
    CHECK(hidden.find("[x] not in a quiz stays") != std::string::npos);
    CHECK(hidden.find("[x] plain") != std::string::npos);
    CHECK(std::count(hidden.begin(), hidden.end(), '\n') ==
          std::count(page.begin(), page.end(), '\n'));
    CHECK(hidden.size() == page.size());
}
