// What the preview does to a learner's HTML before it is served: the preview
// agent goes in as the first child of <head> (or, without a head, after
// <html> / the doctype / at the start, so the page stays in standards mode),
// and relative <script src> and <link rel=stylesheet> get
// crossorigin="anonymous" so errors in them reach the agent with their text.
// A tolerant scanner, not a parser: odd HTML passes through unchanged.
#pragma once

#include <string>

namespace wte::content {

// `agent_js` is placed in one <script> on one line, so the line numbers of
// the learner's HTML stay the ones in their editor.
std::string prepare_preview_html(const std::string& html, const std::string& agent_js);

// True for a URL that resolves against the document's own folder: no
// scheme, not "//host", not "/root", not "#fragment".
bool is_relative_url(const std::string& url);

// The preview agent's JavaScript (content/preview_agent.cpp).
const std::string& preview_agent_js();

} // namespace wte::content
