// Keeps a part's stored quizzes in step with its content: called whenever
// content is saved (API, import, demo seed).
#pragma once

#include "db/store.hpp"

namespace wte::content {

void store_quizzes(db::Store& store, Id part, const std::string& rst_source);

} // namespace wte::content
