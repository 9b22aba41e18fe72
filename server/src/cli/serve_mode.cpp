// serve: the REST API (and the client bundle when static_dir is set) until SIGTERM.
#include "cli/modes.hpp"

#include "http/server.hpp"

namespace wte::cli {

void add_serve_mode(Modes& modes) {
    auto config_path = std::make_shared<std::string>();
    auto port = std::make_shared<int>(0);
    auto* serve = modes.app().add_subcommand(
        "serve", "Serve the REST API (and the client bundle if configured)");
    serve->add_option("CONFIG", *config_path, "Configuration file")->required();
    // Several instances from one configuration file (wte-server@.service).
    serve->add_option("--port", *port, "Port instead of the configuration's [server] port")
        ->check(CLI::Range(1, 65535));
    modes.add(serve, [config_path, port] {
        Config config = load_config(*config_path);
        if (*port) config.port = *port;
        open_existing(config); // says what to run when the database is missing or old
        return http::serve(config);
    });
}

} // namespace wte::cli
