// #/parts/N: which of the module, part and page screens the node is, and the
// loading and error views while it is not there.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

void draw_part_route(AppState& s, Actions& a) {
    const auto& v = s.part.view;
    if (v.failed()) {
        if (link("‹ Back to the modules", FontRole::small)) a.navigate = route_modules();
        if (error_view("This page cannot be shown", v.error)) a.retry = true;
        return;
    }
    if (!v.ready() || v.value.part.id != s.route.id) {
        loading_view("");
        return;
    }
    switch (v.value.part.type) {
    case PartType::module:
        draw_module(s, a);
        break;
    case PartType::part:
        draw_part(s, a);
        break;
    case PartType::page:
        if (workspace::part_on_screen(s).value_or(0))
            draw_workspace(s, a);
        else
            draw_page(s, a);
        break;
    }
}

} // namespace wte::client
