// Progress recording shared with the part handlers: reading a page records it.
#pragma once

#include "api/node.hpp"

namespace wte::api_handlers {

// For a student member opening a page: visited, and its part's current page.
// For any member opening a page of a three-pane part: the workspace, with
// the templates copied, the first time. Writes only when something changes,
// so re-reading a page stays a read.
void record_page_visit(http::Context& ctx, const Node& page);

} // namespace wte::api_handlers
