// Public module list (#/modules): every available module as a card with its
// summary; a card opens the module page.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

void draw_modules(AppState& s, Actions& a) {
    heading("Modules", 1);
    muted("Courses open to you. Open one to read what it is about and take it.");
    draw_new_module(s, a);
    vspace(12);
    const auto& m = s.lists.modules;
    if (m.failed()) {
        if (error_view("The modules cannot be loaded", m.error)) a.retry = true;
        return;
    }
    if (!m.ready()) {
        loading_view("modules");
        return;
    }
    if (m.value.items.empty()) {
        begin_panel();
        heading("No modules yet", 3);
        muted("There is no module open to you at the moment. Please come back later.");
        end_panel();
        return;
    }
    for (const auto& module : m.value.items) {
        const std::string id = "module" + std::to_string(module.id);
        const std::string badge = module.status == Status::archived ? "Archived" : "";
        if (summary_card(module.title, module.summary, badge, id.c_str()))
            a.navigate = route_part(module.id);
        vspace(4);
    }
    vspace(8);
    const int pages = module_lists::page_count(m.value.total, m.value.per_page);
    if (int page = pager("module-pages", m.value.page, pages)) a.lists.modules_page = page;
}

} // namespace wte::client
