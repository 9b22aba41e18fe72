// draw_page_content: the content of a module, part or page, drawn by the
// reStructuredText renderer (client-wasm/render/).
#include "render/render.hpp"
#include "screens/screens.hpp"

namespace wte::client {

void draw_page_content(const AppState& s, Actions& a, const std::string& content,
                       const std::string& title) {
    render::draw_content({s.part.value.part.id, content, title, s.session.csrf_token}, a);
}

} // namespace wte::client
