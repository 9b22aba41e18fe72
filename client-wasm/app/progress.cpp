// Invariants kept here: progress is asked at most once per entry of a part or
// module screen, after the time report of the page just left has been
// answered (so that page's seconds are in it); a reply lands only in the
// state of the part or module it was asked for.
#include "app/progress.hpp"

#include "app/app.hpp"

namespace wte::client {

namespace progress {

namespace {

template <typename T, typename Parse>
void ask(App& app, Id id, Id& holder, Remote<T>& remote, const char* key, Parse parse) {
    if (holder != id) {
        holder = id;
        remote = {}; // another part's progress is never shown here
    }
    Request r = get(api::path_progress(id), [&holder, &remote, id, parse](const Reply& reply) {
        if (holder != id) return;
        if (reply.ok())
            remote.succeed(parse(reply.data));
        else
            remote.fail(reply.error().message);
    });
    r.key = key; // a newer screen's progress supersedes the one on its way
    remote.start(app.requests().send(std::move(r)));
}

} // namespace

bool has_progress(const PartView& view) {
    return view.my_role == ModuleRole::student;
}

void tick(App& app) {
    AppState& s = app.state;
    const auto& v = s.part.view;
    if (!s.route.is(routes::part) || !v.ready() || v.value.part.id != s.route.id) return;
    if (s.progress.asked_entry == s.part.entry) return;
    if (app.requests().pending(s.time.report)) return; // asked once it is counted
    s.progress.asked_entry = s.part.entry;
    const Id id = v.value.part.id;
    const bool learner = has_progress(v.value);
    switch (v.value.part.type) {
    case PartType::part:
        if (learner)
            ask(app, id, s.progress.part_id, s.progress.part, "progress-part",
                [](const json& j) { return api::parse_part_progress(j); });
        else if (s.progress.part_id == id)
            s.progress.part = {}; // left the module: nothing of it is shown
        break;
    case PartType::module:
        if (learner)
            ask(app, id, s.progress.module_id, s.progress.module, "progress-module",
                [](const json& j) { return api::parse_module_progress(j); });
        else if (s.progress.module_id == id)
            s.progress.module = {};
        break;
    case PartType::page:
        break;
    }
}

const api::PartProgress* of_part(const AppState& s, Id part) {
    if (s.progress.part_id != part || !s.progress.part.ready()) return nullptr;
    return &s.progress.part.value;
}

const api::ModuleProgress* of_module(const AppState& s, Id module) {
    if (s.progress.module_id != module || !s.progress.module.ready()) return nullptr;
    return &s.progress.module.value;
}

const api::PartProgressSummary* of_part_in_module(const AppState& s, Id module, Id part) {
    const api::ModuleProgress* m = of_module(s, module);
    if (!m) return nullptr;
    for (const auto& line : m->parts)
        if (line.part_id == part) return &line;
    return nullptr;
}

std::string duration_text(std::int64_t seconds) {
    if (seconds <= 0) return "";
    if (seconds < 60) return "under a minute";
    const std::int64_t minutes = (seconds + 30) / 60;
    if (minutes < 60) return std::to_string(minutes) + " min";
    const std::int64_t hours = minutes / 60, rest = minutes % 60;
    return std::to_string(hours) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

std::string quiz_text(const api::QuizTally& t, bool whole_part) {
    if (t.questions == 0) return "";
    return std::string(whole_part ? "Quizzes: " : "Quiz: ") + std::to_string(t.answered) + " of " +
           std::to_string(t.questions) + " answered, " + std::to_string(t.correct) + " correct";
}

} // namespace progress

} // namespace wte::client
