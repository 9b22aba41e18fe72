#include "db/stats_store.hpp"

#include <map>
#include <tuple>
#include <unordered_map>

namespace wte::db {

namespace {

// The pages a node's statistics cover (`pg`): a module's every page, a
// part's own pages, a page itself. One placeholder.
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

    std::map<Id, bool> available;
    for (const auto& p : s.pages)
        available[p.page_id] = p.available;
    {
        auto st = c_.prepare(
            "SELECT COUNT(*) FROM module_roles WHERE module_id = ? AND role = 'student'");
        st.bind(1, module);
        st.step();
        s.learners = st.integer(0);
    }

    // Every visit of a student to one of the pages, in one query driven by
    // the module's students and the visits' primary key (user, page): its
    // cost follows this node's learners and pages, not the whole table.
    // Per learner and per page figures are summed from these rows.
    struct Learner {
        std::int64_t seconds = 0;
        int opened_available = 0;
    };
    std::unordered_map<Id, Learner> learners;
    std::map<Id, std::vector<double>> page_seconds;
    {
        auto st = c_.prepare("SELECT v.user_id, v.page_id, v.seconds FROM module_roles r "
                             "JOIN page_visits v ON v.user_id = r.user_id "
                             "WHERE r.module_id = ? AND r.role = 'student' AND v.page_id IN "
                             "(SELECT pg.id FROM parts pg WHERE " +
                             scope + ")");
        st.bind_all(module, node);
        while (st.step()) {
            const Id page = st.int64(1);
            const std::int64_t seconds = st.int64(2);
            Learner& l = learners[st.int64(0)];
            l.seconds += seconds;
            l.opened_available += available[page] ? 1 : 0;
            page_seconds[page].push_back(static_cast<double>(seconds));
        }
    }
    std::vector<double> started_seconds;
    started_seconds.reserve(learners.size());
    for (const auto& [user, l] : learners) {
        started_seconds.push_back(static_cast<double>(l.seconds));
        if (s.available_pages > 0 && l.opened_available >= s.available_pages)
            ++s.completed;
        else if (l.opened_available > 0)
            ++s.in_progress;
    }
    s.not_started = s.learners - s.completed - s.in_progress;
    s.time = api::quartiles_of(std::move(started_seconds));
    for (auto& [page, values] : page_seconds) {
        api::PageStats& p = s.pages[page_index.at(page)];
        p.visits = static_cast<int>(values.size());
        p.median_seconds = api::quartiles_of(std::move(values)).median;
    }

    // The quiz questions of the pages in order, then the students' answers
    // to them counted per question (GROUP BY), driven by the students and
    // the answers' primary key (user, part, quiz, question).
    std::map<std::tuple<Id, std::string, std::string>, std::size_t> question_index;
    {
        auto st = c_.prepare("SELECT q.part_id, q.quiz_id, q.question_id, q.question "
                             "FROM quiz_questions q JOIN parts pg ON pg.id = q.part_id "
                             "JOIN parts pp ON pp.id = pg.parent_id WHERE " +
                             scope + " ORDER BY pp.ord, pp.id, pg.ord, pg.id, q.ord");
        st.bind(1, node);
        while (st.step()) {
            api::QuestionStats q;
            q.page_id = st.int64(0);
            q.quiz = st.text(1);
            q.question = st.text(2);
            q.text = st.text(3);
            q.not_answered = s.learners;
            question_index[{q.page_id, q.quiz, q.question}] = s.questions.size();
            s.questions.push_back(std::move(q));
        }
    }
    if (!s.questions.empty()) {
        auto st =
            c_.prepare("SELECT a.part_id, a.quiz_id, a.question_id, "
                       "SUM(CASE WHEN a.initial_correct <> 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN a.correct <> 0 AND a.initial_correct = 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN a.correct = 0 THEN 1 ELSE 0 END), COUNT(*) "
                       "FROM module_roles r JOIN quiz_answers a ON a.user_id = r.user_id "
                       "WHERE r.module_id = ? AND r.role = 'student' AND a.part_id IN "
                       "(SELECT pg.id FROM parts pg WHERE " +
                       scope + ") GROUP BY a.part_id, a.quiz_id, a.question_id");
        st.bind_all(module, node);
        while (st.step()) {
            // Answers to questions since removed from the page do not count.
            auto it = question_index.find({st.int64(0), st.text(1), st.text(2)});
            if (it == question_index.end()) continue;
            api::QuestionStats& q = s.questions[it->second];
            q.first_time = st.integer(3);
            q.later = st.integer(4);
            q.wrong = st.integer(5);
            q.not_answered = s.learners - st.integer(6);
        }
    }
    return s;
}

} // namespace wte::db
