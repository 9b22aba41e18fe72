// Small text helpers both sides need.
#pragma once

#include <string>
#include <string_view>

namespace wte {

// The first paragraph of a page's reStructuredText, without markup-only lines
// (titles' adornments, directives, comments), cut at a word near max_bytes.
std::string summarise(const std::string& rst, std::size_t max_bytes = 240);

std::string to_lower_ascii(std::string s);
std::string trim(const std::string& s);
// Percent-encodes all but letters, digits and "-._~" (and '/' with
// keep_slash), for a path segment or a query value.
std::string percent_encode(const std::string& s, bool keep_slash = false);

// How deeply the arrays and objects of JSON text nest ("[]" is 1, "[{}]" 2),
// counted without parsing. Untrusted JSON is refused above max_json_depth
// before it is parsed: copying, comparing or writing a parsed value recurses
// once per level, and a body of 10^5 brackets would overflow the stack.
int json_nesting_depth(std::string_view json_text);
inline constexpr int max_json_depth = 64;

} // namespace wte
