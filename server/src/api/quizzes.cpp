// Quizzes: extracted from a page's content whenever it is saved, scored here
// (never in the browser), with first and later attempts recorded (FEATURES §5).
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "wte/rst/quiz.hpp"

#include <algorithm>

namespace wte::api_handlers {

namespace {
const QuizQuestion* find_question(const std::vector<Quiz>& quizzes, const std::string& quiz,
                                  const std::string& question) {
    for (const auto& q : quizzes)
        if (q.id == quiz)
            for (const auto& question_ : q.questions)
                if (question_.id == question) return &question_;
    return nullptr;
}
} // namespace

Response quizzes(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    json list = json::array();
    for (const auto& q : ctx.stores.quizzes.of_part(n.record.part.id))
        list.push_back(to_learner_json(q));
    return Response::json_body(200, {{"items", list}});
}

Response my_quiz_answers(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    return Response::json_body(200,
                               api::to_json(api::SavedQuizAnswers{
                                   ctx.stores.quizzes.answers_of(ctx.user->id, n.record.part.id)}));
}

Response answer_quiz(Context& ctx) {
    const api::QuizAnswerSubmission submission =
        api::parse_quiz_answer_submission(ctx.req.json_body());
    const std::string& quiz = submission.quiz;
    const std::string& question = submission.question;
    const std::vector<std::string>& chosen = submission.answers;

    db::Transaction tx(ctx.stores.connection);
    Node n = require_view(ctx, ctx.id_param(0));
    auto all = ctx.stores.quizzes.of_part(n.record.part.id);
    const QuizQuestion* q = find_question(all, quiz, question);
    if (!q)
        throw http::not_found("Part " + std::to_string(n.record.part.id) + " has no question '" +
                              question + "' in quiz '" + quiz + "'");
    if (chosen.empty())
        throw http::bad_request("Choose at least one answer", {{"field", "answers"}});
    for (const auto& c : chosen)
        if (std::find(q->answers.begin(), q->answers.end(), c) == q->answers.end())
            throw http::bad_request("'" + c + "' is not one of the answers of this question",
                                    {{"field", "answers"}});
    if (q->type == QuestionType::single_choice && chosen.size() > 1)
        throw http::bad_request("This question takes a single answer", {{"field", "answers"}});

    bool correct = rst::score_answer(*q, chosen);
    auto existing = ctx.stores.quizzes.answer(ctx.user->id, n.record.part.id, quiz, question);
    bool recorded = true;
    QuizAnswer a;
    if (!existing) {
        a = {quiz, question, chosen, correct, 1, chosen, correct};
    } else if (existing->correct) {
        a = *existing; // once right, later attempts are not recorded
        recorded = false;
    } else {
        a = *existing;
        a.answers = chosen;
        a.correct = correct;
        a.attempts += 1;
    }
    if (recorded) ctx.stores.quizzes.save_answer(ctx.user->id, n.record.part.id, a);
    tx.commit();
    return Response::json_body(
        200, api::to_json(api::QuizVerdict{quiz, question, correct, a.attempts, recorded}));
}

} // namespace wte::api_handlers
