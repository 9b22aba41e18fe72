#include "content/quizzes.hpp"

#include "wte/rst/parser.hpp"
#include "wte/rst/quiz.hpp"

namespace wte::content {

void store_quizzes(db::Stores& store, Id part, const std::string& rst_source) {
    auto parsed = rst::parse(rst_source);
    store.quizzes.replace(part, rst::extract_quizzes(parsed.doc));
}

} // namespace wte::content
