// JSON text written straight into a string, for the answers the server sends
// most (a page read, the module catalogue): building an nlohmann::json tree first and dumping it
// was a third of the request's work. The output parses to exactly what to_json gives
// (tests/unit/json_text_test.cpp holds the two together); members come in to_json's key order,
// which is the alphabetical one nlohmann writes.
#pragma once

#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <string>
#include <string_view>

namespace wte {

// A JSON string literal of `s` appended to `out`, quotes included. Invalid
// UTF-8 becomes U+FFFD, as nlohmann's error_handler_t::replace does.
void append_json_string(std::string& out, std::string_view s);

std::string json_text(const PartView& v);
std::string json_text(const api::Page<PartSummary>& page);

} // namespace wte
