#include "tasks/runner.hpp"

#include <iostream>

namespace wte::tasks {

int run_timed_tasks(const Config&, const RunOptions&) {
    std::cerr << "wte-server: run-timed-tasks is not implemented yet\n";
    return 2;
}

} // namespace wte::tasks
