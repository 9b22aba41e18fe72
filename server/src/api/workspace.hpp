// The learner's workspace of a three-pane part, shared with the page reader:
// opening a page of such a part copies the templates once.
#pragma once

#include "api/node.hpp"

namespace wte::api_handlers {

// Creates the caller's workspace of `part` (a Node of a three-pane part the
// caller is a member of) with copies of its templates, unless it exists.
// Opens its own transaction: call it outside one.
void ensure_workspace(http::Context& ctx, const Node& part);

// The Content-Type a learner's file is served with: its mimetype, text
// types marked UTF-8 (what the editor writes).
std::string served_content_type(const std::string& mimetype);

} // namespace wte::api_handlers
