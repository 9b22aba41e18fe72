// backup: a consistent copy of the database taken while `serve` and the
// timed-task runners keep writing. The copy is written next to FILE under a
// temporary name, checked with PRAGMA integrity_check and only then renamed
// to FILE, so FILE never holds a half-written or unchecked copy (with --force
// the old file stays until the rename replaces it).
#include "cli/modes.hpp"

#include "db/backup.hpp"

#include <filesystem>
#include <iostream>

namespace wte::cli {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
    std::string config_path;
    std::string file;
    bool force = false;
    bool quiet = false;
};

int backup(const BackupOptions& o) {
    Config config = load_config(o.config_path);
    if (db::is_postgresql_url(config.database))
        throw CliError("The data is in PostgreSQL (" + db::printable_location(config.database) +
                       "): back it up with pg_dump, e.g. pg_dump --format=custom "
                       "--file=wte.dump '" +
                       db::printable_location(config.database) + "' (see the README)");
    if (!fs::exists(config.database))
        throw CliError("Database " + config.database + " does not exist");
    const fs::path target = fs::absolute(o.file);
    const fs::path folder = target.parent_path();
    if (!fs::is_directory(folder))
        throw CliError("The folder " + folder.string() + " does not exist");
    if (fs::is_directory(target)) throw CliError(o.file + " is a folder; name the backup file");
    if (fs::exists(target) && fs::equivalent(target, config.database))
        throw CliError(o.file + " is the database itself");
    if (fs::exists(target) && !o.force)
        throw CliError(o.file + " exists already; pass --force to replace it");

    const fs::path partial = target.string() + ".partial";
    fs::remove(partial); // left over from a backup that was killed
    db::Connection source(config.database, false);
    try {
        db::vacuum_into(source, partial.string());
    } catch (const std::exception& e) {
        fs::remove(partial);
        throw CliError(std::string("The copy failed: ") + e.what());
    }
    auto problems = db::integrity_problems(partial.string());
    if (!problems.empty()) {
        fs::remove(partial);
        throw CliError("The copy failed its integrity check: " + problems.front());
    }
    fs::rename(partial, target);
    if (!o.quiet)
        std::cout << "Backed up " << config.database << " to " << o.file << " ("
                  << fs::file_size(target) << " bytes, integrity check ok)\n";
    return 0;
}

} // namespace

void add_backup_mode(Modes& modes) {
    auto o = std::make_shared<BackupOptions>();
    auto* mode = modes.app().add_subcommand(
        "backup", "Copy the database to FILE while the server runs, and check the copy");
    mode->add_option("CONFIG", o->config_path, "Configuration file")->required();
    mode->add_option("FILE", o->file, "Where to write the backup (must not exist)")->required();
    mode->add_flag("--force", o->force, "Replace FILE if it exists");
    mode->add_flag("--quiet", o->quiet, "Print nothing on success (for cron)");
    modes.add(mode, [o] { return backup(*o); });
}

} // namespace wte::cli
