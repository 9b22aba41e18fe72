// `wte-server serve`: Pistache in front of the Router. Converts requests,
// enforces the body limit, serves the client bundle when configured, writes
// one access-log line per request, and stops gracefully on SIGTERM/SIGINT.
#pragma once

#include "config.hpp"

namespace wte::http {

// Blocks until SIGTERM or SIGINT; returns the process exit code.
int serve(const Config& config);

std::string mime_type_for(const std::string& path);

} // namespace wte::http
