// The registry of timed-task kinds: each kind is one run function (server
// side: it changes the database) and one validator (shared-model: the API and
// the client's form check options with it). Adding a kind is one line here.
#pragma once

#include "db/stores.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace wte::tasks {

// A reason a task cannot take effect ("part 12 does not exist"); the runner
// records it and marks the task failed. Anything a run function writes
// before throwing is rolled back.
struct TaskFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using RunFn = void (*)(db::Stores& store, const db::TaskRecord& task, std::int64_t now);
using ValidateFn = void (*)(const json& options, PartType part_type); // throws BadInput

struct TaskKind {
    const char* name;
    RunFn run;
    ValidateFn validate;
};

const std::vector<TaskKind>& task_kinds();
const TaskKind* find_task_kind(const std::string& name);
// Like find_task_kind, but an unknown name is a BadInput listing the known kinds.
const TaskKind& require_task_kind(const std::string& name);

void run_change_status(db::Stores& store, const db::TaskRecord& task, std::int64_t now);

} // namespace wte::tasks
