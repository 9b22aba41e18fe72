// Quiz extraction from page content and server-side scoring (FEATURES §5).
#include "wte/rst/parser.hpp"
#include "wte/rst/quiz.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

namespace {

const char* two_quizzes = R"(Intro.

.. quiz:: capitals
   :title: Capitals

   .. quiz-question:: fr
      :question: Capital of *France*?
      :type: single-choice

      [x] Paris
      [ ] Lyon

   .. quiz-question:: nordic
      :question: Nordic capitals?
      :type: multi-choice

      [x] Oslo
      [ ] Rome
      [x] Helsinki

Section
=======

.. show-hide::

   .. quiz:: hidden
      :title: In a show-hide

      .. quiz-question:: tag
         :question: Paragraph tag?

         [x] ``<p>``
         [ ] ``<div>``
)";

} // namespace

TEST_CASE("quizzes are extracted in page order with questions, answers and correct answers") {
    auto r = parse(two_quizzes);
    REQUIRE(r.diagnostics.empty());
    auto quizzes = extract_quizzes(r.doc);
    REQUIRE(quizzes.size() == 2);
    CHECK(quizzes[0].id == "capitals");
    CHECK(quizzes[0].title == "Capitals");
    REQUIRE(quizzes[0].questions.size() == 2);
    const auto& fr = quizzes[0].questions[0];
    CHECK(fr.id == "fr");
    CHECK(fr.question == "Capital of France?");
    CHECK(fr.type == wte::QuestionType::single_choice);
    CHECK(fr.answers == std::vector<std::string>{"Paris", "Lyon"});
    CHECK(fr.correct == std::vector<std::string>{"Paris"});
    const auto& nordic = quizzes[0].questions[1];
    CHECK(nordic.type == wte::QuestionType::multi_choice);
    CHECK(nordic.correct == std::vector<std::string>{"Oslo", "Helsinki"});
    CHECK(quizzes[1].id == "hidden");
    CHECK(quizzes[1].questions[0].answers == std::vector<std::string>{"<p>", "<div>"});
}

TEST_CASE("a duplicate quiz id is not extracted twice") {
    auto r = parse(".. quiz:: a\n\n   .. quiz-question:: q\n      :question: ?\n\n      [x] y\n\n"
                   ".. quiz:: a\n\n   .. quiz-question:: r\n      :question: ?\n\n      [x] y\n");
    CHECK(extract_quizzes(r.doc).size() == 1);
}

TEST_CASE("a single-choice answer is right only when the one correct answer is chosen") {
    wte::QuizQuestion q;
    q.type = wte::QuestionType::single_choice;
    q.answers = {"Paris", "Lyon"};
    q.correct = {"Paris"};
    CHECK(score_answer(q, {"Paris"}));
    CHECK(score_answer(q, {"Paris", "Paris"}));
    CHECK_FALSE(score_answer(q, {"Lyon"}));
    CHECK_FALSE(score_answer(q, {"Paris", "Lyon"}));
    CHECK_FALSE(score_answer(q, {}));
    CHECK_FALSE(score_answer(q, {"paris"}));
}

TEST_CASE("a multi-choice answer is right for exactly the correct set in any order") {
    wte::QuizQuestion q;
    q.type = wte::QuestionType::multi_choice;
    q.answers = {"Oslo", "Rome", "Helsinki"};
    q.correct = {"Oslo", "Helsinki"};
    CHECK(score_answer(q, {"Helsinki", "Oslo"}));
    CHECK(score_answer(q, {"Oslo", "Helsinki", "Oslo"}));
    CHECK_FALSE(score_answer(q, {"Oslo"}));
    CHECK_FALSE(score_answer(q, {"Oslo", "Helsinki", "Rome"}));
    CHECK_FALSE(score_answer(q, {"Oslo", "Helsinki", "Madrid"}));
}

TEST_CASE("learner JSON of an extracted quiz holds no correct answers") {
    auto quizzes = extract_quizzes(parse(two_quizzes).doc);
    auto j = wte::to_learner_json(quizzes[0]);
    CHECK(j.dump().find("correct") == std::string::npos);
}
