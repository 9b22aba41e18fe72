#include "db/stats_store.hpp"

#include <map>

namespace wte::db {

namespace {

// The pages a node's statistics cover (`pg`, with its parent part `pp`): a
// module's every page, a part's own pages, a page itself. One placeholder.
std::string pages_of(PartType type) {
    switch (type) {
    case PartType::module:
        return "pg.type = 'page' AND pg.module_id = ?";
    case PartType::part:
        return "pg.type = 'page' AND pg.parent_id = ?";
    case PartType::page:
        break;
    }
    return "pg.type = 'page' AND pg.id = ?";
}

// A page a learner can open: the page and its part are available (the
// module's own status does not matter: an archived module keeps its numbers).
const char* available_sql = "(pg.status = 'available' AND pp.status = 'available')";

} // namespace

api::PartStats StatsStore::of_node(Id module, Id node, PartType type) {
    api::PartStats s;
    const std::string scope = pages_of(type);
    std::map<Id, std::size_t> page_index;
    {
        auto st = c_.prepare(std::string("SELECT pg.id, pg.title, ") + available_sql +
                             " FROM parts pg JOIN parts pp ON pp.id = pg.parent_id WHERE " + scope +
                             " ORDER BY pp.ord, pp.id, pg.ord, pg.id");
        st.bind(1, node);
        while (st.step()) {
            api::PageStats p;
            p.page_id = st.int64(0);
            p.title = st.text(1);
            p.available = st.int64(2) != 0;
            page_index[p.page_id] = s.pages.size();
            s.pages.push_back(std::move(p));
            s.available_pages += s.pages.back().available ? 1 : 0;
        }
    }

    // Per learner: seconds on the node's pages and how many available ones
    // they opened. Every student is a row, those without a visit too.
    std::vector<double> started_seconds;
    {
        auto st = c_.prepare(
            std::string("SELECT r.user_id, COALESCE(SUM(x.seconds), 0), COUNT(x.page_id), "
                        "COALESCE(SUM(x.available), 0) FROM module_roles r LEFT JOIN "
                        "(SELECT v.user_id, v.page_id, v.seconds, CASE WHEN ") +
            available_sql +
            " THEN 1 ELSE 0 END AS available FROM page_visits v "
            "JOIN parts pg ON pg.id = v.page_id JOIN parts pp ON pp.id = pg.parent_id WHERE " +
            scope +
            ") x ON x.user_id = r.user_id WHERE r.module_id = ? AND r.role = 'student' "
            "GROUP BY r.user_id");
        st.bind_all(node, module);
        while (st.step()) {
            ++s.learners;
            const std::int64_t seconds = st.int64(1);
            const std::int64_t visited = st.int64(2);
            const std::int64_t opened_available = st.int64(3);
            if (visited > 0) started_seconds.push_back(static_cast<double>(seconds));
            if (s.available_pages > 0 && opened_available >= s.available_pages)
                ++s.completed;
            else if (opened_available > 0)
                ++s.in_progress;
            else
                ++s.not_started;
        }
    }
    s.time = api::quartiles_of(std::move(started_seconds));

    // Per page: the students' seconds, in order, for the visits and the median.
    {
        auto st = c_.prepare("SELECT v.page_id, v.seconds FROM page_visits v "
                             "JOIN module_roles r ON r.user_id = v.user_id AND r.module_id = ? "
                             "AND r.role = 'student' JOIN parts pg ON pg.id = v.page_id WHERE " +
                             scope + " ORDER BY v.page_id, v.seconds");
        st.bind_all(module, node);
        std::map<Id, std::vector<double>> seconds;
        while (st.step())
            seconds[st.int64(0)].push_back(static_cast<double>(st.int64(1)));
        for (auto& [page, values] : seconds) {
            auto it = page_index.find(page);
            if (it == page_index.end()) continue;
            api::PageStats& p = s.pages[it->second];
            p.visits = static_cast<int>(values.size());
            p.median_seconds = api::quartiles_of(std::move(values)).median;
        }
    }

    // Per question of the pages' quizzes: the students' answers, counted.
    {
        auto st = c_.prepare(
            "SELECT q.part_id, q.quiz_id, q.question_id, q.question, "
            "COALESCE(SUM(CASE WHEN a.initial_correct <> 0 THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN a.correct <> 0 AND a.initial_correct = 0 THEN 1 ELSE 0 END), "
            "0), COALESCE(SUM(CASE WHEN a.correct = 0 THEN 1 ELSE 0 END), 0), COUNT(a.user_id) "
            "FROM quiz_questions q JOIN parts pg ON pg.id = q.part_id "
            "JOIN parts pp ON pp.id = pg.parent_id LEFT JOIN (SELECT qa.user_id, qa.part_id, "
            "qa.quiz_id, qa.question_id, qa.correct, qa.initial_correct FROM quiz_answers qa "
            "JOIN module_roles r ON r.user_id = qa.user_id AND r.module_id = ? AND "
            "r.role = 'student') a ON a.part_id = q.part_id AND a.quiz_id = q.quiz_id AND "
            "a.question_id = q.question_id WHERE " +
            scope +
            " GROUP BY pp.ord, pp.id, pg.ord, q.part_id, q.ord, q.quiz_id, q.question_id, "
            "q.question ORDER BY pp.ord, pp.id, pg.ord, q.part_id, q.ord");
        st.bind_all(module, node);
        while (st.step()) {
            api::QuestionStats q;
            q.page_id = st.int64(0);
            q.quiz = st.text(1);
            q.question = st.text(2);
            q.text = st.text(3);
            q.first_time = st.integer(4);
            q.later = st.integer(5);
            q.wrong = st.integer(6);
            q.not_answered = s.learners - st.integer(7);
            s.questions.push_back(std::move(q));
        }
    }
    return s;
}

} // namespace wte::db
