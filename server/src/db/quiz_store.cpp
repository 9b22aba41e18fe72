#include "db/quiz_store.hpp"

#include "db/rows.hpp"

namespace wte::db {

namespace {

constexpr const char* answer_columns =
    "quiz_id, question_id, answers, correct, attempts, initial_answers, initial_correct";

QuizAnswer read_answer(const Statement& st) {
    QuizAnswer a;
    a.quiz = st.text(0);
    a.question = st.text(1);
    a.answers = json::parse(st.text(2)).get<std::vector<std::string>>();
    a.correct = st.int64(3) != 0;
    a.attempts = st.integer(4);
    a.initial_answers = json::parse(st.text(5)).get<std::vector<std::string>>();
    a.initial_correct = st.int64(6) != 0;
    return a;
}

} // namespace

void QuizStore::replace(Id part, const std::vector<Quiz>& quizzes) {
    c_.prepare("DELETE FROM quiz_questions WHERE part_id = ?").bind(1, part).run();
    auto st =
        c_.prepare("INSERT INTO quiz_questions (part_id, quiz_id, quiz_title, question_id, ord, "
                   "question, type, answers, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int ord = 0;
    for (const auto& quiz : quizzes)
        for (const auto& q : quiz.questions) {
            st.bind_all(part, quiz.id, quiz.title, q.id, ord++, q.question, to_string(q.type),
                        json(q.answers).dump(), json(q.correct).dump())
                .run();
            st.reset();
        }
}

std::vector<Quiz> QuizStore::of_part(Id part) {
    auto st =
        c_.prepare("SELECT quiz_id, quiz_title, question_id, question, type, answers, correct "
                   "FROM quiz_questions WHERE part_id = ? ORDER BY ord");
    st.bind(1, part);
    std::vector<Quiz> out;
    while (st.step()) {
        if (out.empty() || out.back().id != st.text(0)) out.push_back({st.text(0), st.text(1), {}});
        QuizQuestion q;
        q.id = st.text(2);
        q.question = st.text(3);
        q.type = stored_enum(parse_question_type(st.text(4)), "question type");
        q.answers = json::parse(st.text(5)).get<std::vector<std::string>>();
        q.correct = json::parse(st.text(6)).get<std::vector<std::string>>();
        out.back().questions.push_back(std::move(q));
    }
    return out;
}

std::optional<QuizAnswer> QuizStore::answer(Id user, Id part, const std::string& quiz,
                                            const std::string& question) {
    auto st = c_.prepare(std::string("SELECT ") + answer_columns +
                         " FROM quiz_answers WHERE user_id = ? AND part_id = ? AND quiz_id = ? AND "
                         "question_id = ?");
    st.bind_all(user, part, quiz, question);
    if (!st.step()) return std::nullopt;
    return read_answer(st);
}

void QuizStore::save_answer(Id user, Id part, const QuizAnswer& a) {
    c_.prepare("INSERT INTO quiz_answers (user_id, part_id, quiz_id, question_id, answers, "
               "correct, attempts, initial_answers, initial_correct, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (user_id, part_id, quiz_id, question_id) DO UPDATE SET "
               "answers = excluded.answers, correct = excluded.correct, "
               "attempts = excluded.attempts, updated_at = excluded.updated_at")
        .bind_all(user, part, a.quiz, a.question, json(a.answers).dump(), a.correct ? 1 : 0,
                  a.attempts, json(a.initial_answers).dump(), a.initial_correct ? 1 : 0,
                  now_seconds())
        .run();
}

std::vector<QuizAnswer> QuizStore::answers_of(Id user, Id part) {
    // The order of first answers: SQLite's rowid (the table has no id column),
    // on PostgreSQL the identity column seq its schema adds for it.
    auto st = c_.prepare(std::string("SELECT ") + answer_columns +
                         " FROM quiz_answers WHERE user_id = ? AND part_id = ? ORDER BY " +
                         (c_.dialect() == Dialect::postgresql ? "seq" : "rowid"));
    st.bind_all(user, part);
    std::vector<QuizAnswer> out;
    while (st.step())
        out.push_back(read_answer(st));
    return out;
}

std::map<Id, api::QuizTally> QuizStore::tallies_of_pages(Id user, Id part) {
    auto st = c_.prepare("SELECT q.part_id, COUNT(*), COUNT(a.user_id), "
                         "COALESCE(SUM(CASE WHEN a.correct <> 0 THEN 1 ELSE 0 END), 0) "
                         "FROM quiz_questions q JOIN parts p ON p.id = q.part_id "
                         "LEFT JOIN quiz_answers a ON a.user_id = ? AND a.part_id = q.part_id AND "
                         "a.quiz_id = q.quiz_id AND a.question_id = q.question_id "
                         "WHERE p.parent_id = ? GROUP BY q.part_id");
    st.bind_all(user, part);
    std::map<Id, api::QuizTally> out;
    while (st.step())
        out[st.int64(0)] = {st.integer(1), st.integer(2), st.integer(3)};
    return out;
}

} // namespace wte::db
