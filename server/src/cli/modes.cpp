#include "cli/modes.hpp"

#include "auth/crypto.hpp"
#include "db/migrations.hpp"

#include <filesystem>
#include <iostream>

namespace wte::cli {

int Modes::run_chosen() const {
    try {
        auth::init_crypto();
        for (const auto& [mode, run] : modes_)
            if (*mode) return run();
    } catch (const std::exception& e) {
        std::cerr << "wte-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

std::unique_ptr<db::Connection> open_existing(const Config& config) {
    if (db::database_file_missing(config.database))
        throw CliError("Database " + config.database +
                       " does not exist; run `wte-server init-db` first");
    auto conn = std::make_unique<db::Connection>(config.database, false);
    db::require_current_schema(*conn);
    return conn;
}

} // namespace wte::cli
