// The task kinds table and their run functions.
#include "tasks/kinds.hpp"

#include "wte/timed_task.hpp"

namespace wte::tasks {

const std::vector<TaskKind>& task_kinds() {
    static const std::vector<TaskKind> kinds = {
        {task_kind::change_status, run_change_status, validate_change_status},
    };
    return kinds;
}

const TaskKind* find_task_kind(const std::string& name) {
    for (const auto& k : task_kinds())
        if (name == k.name) return &k;
    return nullptr;
}

const TaskKind& require_task_kind(const std::string& name) {
    if (auto k = find_task_kind(name)) return *k;
    std::string known;
    for (const auto& k : task_kinds())
        known += (known.empty() ? "" : ", ") + std::string(k.name);
    throw BadInput("name", "Unknown task kind '" + name + "'; known kinds: " + known);
}

void run_change_status(db::Stores& store, const db::TaskRecord& task, std::int64_t now) {
    auto part = store.tree.find_part(task.part_id);
    if (!part) throw TaskFailure("part " + std::to_string(task.part_id) + " does not exist");
    // Re-checked here: the row may have been written before a rule changed, or by hand.
    try {
        validate_change_status(task.options, part->part.type);
    } catch (const BadInput& e) {
        throw TaskFailure(e.what());
    }
    // Recorded even when the status is already the target: status_history
    // then shows, per task, that it took effect exactly once.
    store.tree.set_status(part->part.id, part->part.status, change_status_target(task.options),
                          std::nullopt, task.id, now);
}

} // namespace wte::tasks
