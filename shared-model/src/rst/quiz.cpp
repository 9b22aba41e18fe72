// Quiz extraction from the document model and answer scoring.
#include "wte/rst/quiz.hpp"

#include <set>

namespace wte::rst {
namespace {

void collect_questions(const std::vector<Block>& blocks, wte::Quiz& quiz);

wte::QuizQuestion question_of(const Block& b) {
    wte::QuizQuestion q;
    q.id = *b.id;
    q.question = plain_text(b.inlines);
    q.type = b.question_type;
    for (const auto& answer : b.children) {
        if (answer.kind != BlockKind::quiz_answer) continue;
        std::string text = plain_text(answer.inlines);
        q.answers.push_back(text);
        if (answer.correct) q.correct.push_back(text);
    }
    return q;
}

void collect_questions(const std::vector<Block>& blocks, wte::Quiz& quiz) {
    for (const auto& b : blocks) {
        if (b.kind == BlockKind::quiz_question)
            quiz.questions.push_back(question_of(b));
        else if (b.kind != BlockKind::quiz) // a nested quiz keeps its own questions
            collect_questions(b.children, quiz);
    }
}

void collect_quizzes(const std::vector<Block>& blocks, std::vector<wte::Quiz>& out) {
    for (const auto& b : blocks) {
        if (b.kind == BlockKind::quiz) {
            wte::Quiz quiz;
            quiz.id = *b.id;
            quiz.title = plain_text(b.inlines);
            collect_questions(b.children, quiz);
            out.push_back(std::move(quiz));
        }
        collect_quizzes(b.children, out);
    }
}

} // namespace

std::vector<wte::Quiz> extract_quizzes(const Document& doc) {
    std::vector<wte::Quiz> out;
    collect_quizzes(doc.blocks, out);
    return out;
}

bool score_answer(const wte::QuizQuestion& question, const std::vector<std::string>& chosen) {
    std::set<std::string> picked(chosen.begin(), chosen.end());
    std::set<std::string> correct(question.correct.begin(), question.correct.end());
    if (question.type == QuestionType::single_choice && picked.size() != 1) return false;
    return picked == correct;
}

} // namespace wte::rst
