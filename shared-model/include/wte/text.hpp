// Small text helpers both sides need.
#pragma once

#include <string>

namespace wte {

// The first paragraph of a page's reStructuredText, without markup-only lines
// (titles' adornments, directives, comments), cut at a word near max_bytes.
std::string summarise(const std::string& rst, std::size_t max_bytes = 240);

std::string to_lower_ascii(std::string s);
std::string trim(const std::string& s);
// Percent-encodes all but letters, digits and "-._~" (and '/' with
// keep_slash), for a path segment or a query value.
std::string percent_encode(const std::string& s, bool keep_slash = false);

} // namespace wte
