// Keeps a part's stored quizzes in step with its content: called whenever
// content is saved (API, import, demo seed).
#pragma once

#include "db/stores.hpp"

namespace wte::content {

void store_quizzes(db::Stores& store, Id part, const std::string& rst_source);

} // namespace wte::content
