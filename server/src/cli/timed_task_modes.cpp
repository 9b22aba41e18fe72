// run-timed-tasks: every due timed task, exactly once, then exit (for cron).
#include "cli/modes.hpp"

#include "tasks/runner.hpp"

namespace wte::cli {

namespace {
struct RunnerOptions {
    std::string config_path;
    tasks::RunOptions run;
};
} // namespace

void add_timed_task_modes(Modes& modes) {
    auto o = std::make_shared<RunnerOptions>();
    auto* run = modes.app().add_subcommand("run-timed-tasks",
                                           "Run every timed task that is due, once, then exit");
    run->add_option("CONFIG", o->config_path, "Configuration file")->required();
    run->add_flag("--quiet", o->run.quiet, "Print nothing unless something failed (for cron)");
    run->add_flag("--dry-run", o->run.dry_run, "List what would run and change nothing");
    run->add_option("--now", o->run.now_text,
                    "Evaluate 'due' against this time (ISO 8601) instead of the clock");
    // Its own exit codes: 0, 1 when a task failed, 2 when the run could not be done.
    modes.add(run, [o] { return tasks::run_timed_tasks(load_config(o->config_path), o->run); });
}

} // namespace wte::cli
