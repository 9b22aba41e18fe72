// QuizStore: the SQL of quizzes — the questions extracted from a part's
// content when it is saved (with the correct answers: server-side only) and
// each learner's answers, first attempt kept.
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wte::db {

class QuizStore {
public:
    explicit QuizStore(Connection& c) : c_(c) {}

    void replace(Id part, const std::vector<Quiz>& quizzes);
    std::vector<Quiz> of_part(Id part); // with correct answers
    std::optional<QuizAnswer> answer(Id user, Id part, const std::string& quiz,
                                     const std::string& question);
    void save_answer(Id user, Id part, const QuizAnswer& answer);
    std::vector<QuizAnswer> answers_of(Id user, Id part); // in the order first answered
    // Per page of `part` that has a quiz: its questions and `user`'s answers
    // to them (answers to questions since removed do not count). One query.
    std::map<Id, api::QuizTally> tallies_of_pages(Id user, Id part);

private:
    Connection& c_;
};

} // namespace wte::db
