// `wte-server run-timed-tasks`: claims every due timed task, runs it, exits.
#pragma once

#include "config.hpp"

#include <string>

namespace wte::tasks {

struct RunOptions {
    bool quiet = false;
    bool dry_run = false;
    std::string now_text; // ISO 8601; empty: the clock
};

// Returns the process exit code.
int run_timed_tasks(const Config& config, const RunOptions& options);

} // namespace wte::tasks
