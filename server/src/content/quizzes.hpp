// Keeps a part's stored quizzes in step with its content: called whenever
// content is saved (API, import, demo seed).
#pragma once

#include "db/stores.hpp"
#include "wte/rst/parser.hpp"

namespace wte::content {

// Parses the content and replaces the part's quizzes with those it holds;
// the parser's diagnostics (problems in the content), in source order.
std::vector<rst::Diagnostic> store_quizzes(db::Stores& store, Id part,
                                           const std::string& rst_source);

} // namespace wte::content
