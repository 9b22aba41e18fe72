// draw_page_content: shows a part's reStructuredText source as wrapped plain
// text, one paragraph per blank-line-separated block, until the rich
// renderer (shared-model/src/rst) replaces it.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <sstream>

namespace wte::client {

void draw_page_content(const std::string& content) {
    std::istringstream in(content);
    std::string line, block;
    auto flush = [&] {
        while (!block.empty() && block.back() == '\n')
            block.pop_back();
        if (!block.empty()) ui::paragraph(block);
        block.clear();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            flush();
            continue;
        }
        block += line;
        block += '\n';
    }
    flush();
}

} // namespace wte::client
