// The breadcrumb above module, part and page screens: the module list, then
// every ancestor of the node (module first), then the node itself.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

void draw_part_breadcrumb(const AppState& state, Actions& actions) {
    const PartView& v = state.part.view.value;
    const bool member = v.my_role != ModuleRole::none && v.my_role != ModuleRole::block;
    std::vector<std::string> names{member ? "My modules" : "Modules"};
    for (const auto& a : v.ancestors)
        names.push_back(a.title);
    int clicked = ui::breadcrumb(names, v.part.title);
    if (clicked == 0) actions.navigate = member ? route_my_modules() : route_modules();
    if (clicked > 0) actions.navigate = route_part(v.ancestors[clicked - 1].id);
}

} // namespace wte::client
