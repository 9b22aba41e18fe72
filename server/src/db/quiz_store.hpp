// QuizStore: the SQL of quizzes — the questions extracted from a part's
// content when it is saved (with the correct answers: server-side only) and
// each learner's answers, first attempt kept.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::db {

class QuizStore {
public:
    explicit QuizStore(Connection& c) : c_(c) {}

    void replace_quizzes(Id part, const std::vector<Quiz>& quizzes);
    std::vector<Quiz> quizzes(Id part); // with correct answers
    std::optional<QuizAnswer> quiz_answer(Id user, Id part, const std::string& quiz,
                                          const std::string& question);
    void save_quiz_answer(Id user, Id part, const QuizAnswer& answer);
    std::vector<QuizAnswer> quiz_answers(Id user, Id part); // in the order first answered

private:
    Connection& c_;
};

} // namespace wte::db
