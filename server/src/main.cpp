// wte-server: the Web Teaching Environment's server, database tools and task
// runner in one executable. The modes live in cli/, one file per group.
#include "cli/modes.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "wte-server: the Web Teaching Environment's server, database tools and task runner"};
    app.require_subcommand(1);
    wte::cli::Modes modes(app);
    wte::cli::add_config_modes(modes);
    wte::cli::add_database_modes(modes);
    wte::cli::add_serve_mode(modes);
    wte::cli::add_timed_task_modes(modes);
    wte::cli::add_user_modes(modes);
    wte::cli::add_mail_modes(modes);
    wte::cli::add_transfer_modes(modes);
    wte::cli::add_backup_mode(modes);
    wte::cli::add_routes_mode(modes);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return modes.run_chosen();
}
