// routes: the route table, one "METHOD PATTERN" line per route in table order
// (the API fuzzer asks the server for its routes instead of keeping a copy).
#include "cli/modes.hpp"

#include "http/router.hpp"

#include <iostream>

namespace wte::cli {

void add_routes_mode(Modes& modes) {
    auto* routes = modes.app().add_subcommand(
        "routes", "Print the REST API's routes, one \"METHOD PATTERN\" per line");
    modes.add(routes, [] {
        for (const auto& route : http::route_table())
            std::cout << route.method << ' ' << route.pattern << '\n';
        return 0;
    });
}

} // namespace wte::cli
