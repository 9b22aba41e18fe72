// serve: the REST API (and the client bundle when static_dir is set) until SIGTERM.
#include "cli/modes.hpp"

#include "http/server.hpp"

namespace wte::cli {

void add_serve_mode(Modes& modes) {
    auto config_path = std::make_shared<std::string>();
    auto* serve = modes.app().add_subcommand(
        "serve", "Serve the REST API (and the client bundle if configured)");
    serve->add_option("CONFIG", *config_path, "Configuration file")->required();
    modes.add(serve, [config_path] {
        Config config = load_config(*config_path);
        open_existing(config); // says what to run when the database is missing or old
        return http::serve(config);
    });
}

} // namespace wte::cli
