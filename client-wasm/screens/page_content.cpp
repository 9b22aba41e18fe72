// draw_page_content: the content of a module, part or page, drawn by the
// reStructuredText renderer (client-wasm/render/).
#include "screens/screens.hpp"

namespace wte::client {

void draw_page_content(AppState& s, const std::string& content, const std::string& title) {
    s.content.page.draw(s.part.view.value.part.id, content, title);
}

} // namespace wte::client
