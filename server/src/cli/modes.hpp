// wte-server's command line: one executable, one mode per subcommand, one
// file per group of modes (config, database, serve, timed tasks, users, mail,
// export and import, backup, routes).
// Each group registers its subcommands and what to run when one is chosen;
// every mode exits 0 on success, or non-zero with a one-line reason on stderr.
#pragma once

#include "config.hpp"
#include "db/database.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace wte::cli {

// A refusal of a mode: printed as "wte-server: <reason>", exit code 1.
struct CliError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Modes {
public:
    explicit Modes(CLI::App& app) : app_(app) {}
    CLI::App& app() { return app_; }
    // `run` is called when `mode` was chosen; it returns the exit code.
    void add(CLI::App* mode, std::function<int()> run) {
        modes_.emplace_back(mode, std::move(run));
    }
    // After parsing: runs the chosen mode, turning any exception into its
    // one-line reason and exit code 1.
    int run_chosen() const;

private:
    CLI::App& app_;
    std::vector<std::pair<CLI::App*, std::function<int()>>> modes_;
};

void add_config_modes(Modes& modes);     // generate-config
void add_database_modes(Modes& modes);   // init-db, migrate
void add_serve_mode(Modes& modes);       // serve
void add_timed_task_modes(Modes& modes); // run-timed-tasks
void add_user_modes(Modes& modes);       // user add | passwd | grant
void add_mail_modes(Modes& modes);       // mail-test
void add_transfer_modes(Modes& modes);   // export, import
void add_backup_mode(Modes& modes);      // backup
void add_routes_mode(Modes& modes);      // routes

// The database of `config`, which must exist and have the current schema.
std::unique_ptr<db::Connection> open_existing(const Config& config);

} // namespace wte::cli
