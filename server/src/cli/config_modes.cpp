// generate-config: a commented default configuration file.
#include "cli/modes.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace wte::cli {

namespace {
struct GenerateOptions {
    std::string filename = "wte.ini";
    bool force = false;
};

int generate_config(const GenerateOptions& o) {
    if (std::filesystem::exists(o.filename) && !o.force)
        throw CliError(o.filename + " already exists (use --force to overwrite it)");
    std::ofstream out(o.filename);
    out << default_config_text();
    if (!out) throw CliError("Cannot write " + o.filename);
    std::cout << "Wrote " << o.filename << "\n";
    return 0;
}
} // namespace

void add_config_modes(Modes& modes) {
    auto o = std::make_shared<GenerateOptions>();
    auto* gen = modes.app().add_subcommand("generate-config",
                                           "Write a commented default configuration file");
    gen->add_option("--filename", o->filename, "Where to write it")->capture_default_str();
    gen->add_flag("--force", o->force, "Overwrite an existing file");
    modes.add(gen, [o] { return generate_config(*o); });
}

} // namespace wte::cli
