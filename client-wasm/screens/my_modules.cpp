// "My modules" (#/my): the modules where the user has a role, with the role
// as a badge.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

namespace {
std::string role_badge(ModuleRole role, Status status) {
    std::string r;
    switch (role) {
    case ModuleRole::owner:
        r = "Owner";
        break;
    case ModuleRole::tutor:
        r = "Tutor";
        break;
    case ModuleRole::student:
        r = "Student";
        break;
    case ModuleRole::block:
        r = "Blocked";
        break;
    case ModuleRole::none:
        break;
    }
    if (status == Status::archived) r += r.empty() ? "Archived" : " · Archived";
    return r;
}
} // namespace

void draw_my_modules(AppState& s, Actions& a) {
    heading("My modules", 1);
    muted("The modules you take or teach.");
    draw_new_module(s, a);
    vspace(12);
    const auto& m = s.lists.mine;
    const MyModulesOptions& o = s.lists.mine_options;
    int filter = static_cast<int>(o.filter);
    if (segmented("status-filter", {"All", "Available", "Unavailable", "Archived"}, filter))
        a.lists.mine_filter = static_cast<MineFilter>(filter);
    if (module_lists::offers_archived_switch(o)) {
        vspace(6);
        bool show = !module_lists::archived_hidden(o);
        if (toggle("Show archived modules", show)) a.lists.show_archived = show;
    }
    vspace(10);
    if (m.failed()) {
        if (error_view("Your modules cannot be loaded", m.error)) a.retry = true;
        return;
    }
    if (!m.ready()) {
        loading_view("your modules");
        return;
    }
    if (m.value.items.empty()) {
        begin_panel();
        if (o.filter == MineFilter::all && o.total_all == 0) {
            heading("Nothing here yet", 3);
            muted("You have not taken a module yet. Browse the modules and take one to start.");
            vspace(4);
            if (button("Browse modules")) a.navigate = route_modules();
        } else {
            heading("No modules with this status", 3);
            muted("Choose another status above to see your other modules.");
        }
        end_panel();
        return;
    }
    for (const auto& mine : m.value.items) {
        const std::string id = "mine" + std::to_string(mine.module.id);
        if (summary_card(mine.module.title, mine.module.summary,
                         role_badge(mine.role, mine.module.status), id.c_str()))
            a.navigate = route_part(mine.module.id);
        vspace(4);
    }
    vspace(8);
    const int pages = module_lists::page_count(m.value.total, m.value.per_page);
    if (int page = pager("mine-pages", m.value.page, pages)) a.lists.mine_page = page;
    if (module_lists::archived_hidden(o) && o.filter == MineFilter::all)
        muted("Archived modules are hidden.", FontRole::small);
}

} // namespace wte::client
