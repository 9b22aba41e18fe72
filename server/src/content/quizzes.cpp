#include "content/quizzes.hpp"

#include "wte/rst/quiz.hpp"

namespace wte::content {

std::vector<rst::Diagnostic> store_quizzes(db::Stores& store, Id part,
                                           const std::string& rst_source) {
    auto parsed = rst::parse(rst_source);
    store.quizzes.replace(part, rst::extract_quizzes(parsed.doc));
    return std::move(parsed.diagnostics);
}

} // namespace wte::content
