// Loading the two module lists; a reload keeps the list on screen until the
// new one arrives. Invariant: `total_all` is only taken from a reply to an
// unfiltered request, so hiding archived modules never changes the count
// that decides whether they are hidden.
#include "app/module_lists.hpp"

#include "app/app.hpp"

namespace wte::client::module_lists {

namespace {

std::string with_page(std::string path, int page, const char* sep) {
    return path + sep + "page=" + std::to_string(page) +
           "&per_page=" + std::to_string(modules_per_page);
}

const char* statuses(const MyModulesOptions& o) {
    switch (o.filter) {
    case MineFilter::all:
        return archived_hidden(o) ? "available,unavailable" : "";
    case MineFilter::available:
        return "available";
    case MineFilter::unavailable:
        return "unavailable";
    case MineFilter::archived:
        return "archived";
    }
    return "";
}

} // namespace

int page_count(std::int64_t total, int per_page) {
    if (total <= 0 || per_page <= 0) return 1;
    return static_cast<int>((total + per_page - 1) / per_page);
}

bool archived_hidden(const MyModulesOptions& o) {
    if (o.show_archived) return !*o.show_archived;
    return o.total_all > archived_hidden_above;
}

bool offers_archived_switch(const MyModulesOptions& o) {
    return o.filter == MineFilter::all && (o.show_archived || o.total_all > archived_hidden_above);
}

std::string my_modules_path(const MyModulesOptions& o) {
    const std::string status = statuses(o);
    if (status.empty()) return with_page(api::path_my_modules(), o.page, "?");
    return with_page(api::path_my_modules() + "?status=" + status, o.page, "&");
}

void load_modules(App& app) {
    const int page = app.state.lists.modules_page;
    Request r = get(with_page(api::path_modules(), page, "?"), [&app](const Reply& reply) {
        auto& m = app.state.lists.modules;
        if (reply.ok())
            m.succeed(api::parse_page<PartSummary>(reply.data));
        else
            m.fail(reply.error().message);
    });
    r.key = "modules";
    app.state.lists.modules.start(app.requests().send(std::move(r)));
}

void load_mine(App& app) {
    const MyModulesOptions asked = app.state.lists.mine_options;
    const bool unfiltered = std::string(statuses(asked)).empty();
    Request r = get(my_modules_path(asked), [&app, unfiltered](const Reply& reply) {
        auto& lists = app.state.lists;
        if (!reply.ok()) {
            lists.mine.fail(reply.error().message);
            return;
        }
        auto page = api::parse_page<api::MyModule>(reply.data);
        if (unfiltered) {
            const bool hidden_before = archived_hidden(lists.mine_options);
            lists.mine_options.total_all = page.total;
            // The first count says there are many: ask again without the archived ones.
            if (!hidden_before && archived_hidden(lists.mine_options)) {
                lists.mine_options.page = 1;
                load_mine(app);
                return;
            }
        }
        lists.mine.succeed(std::move(page));
    });
    r.key = "my-modules";
    app.state.lists.mine.start(app.requests().send(std::move(r)));
}

void apply(App& app, ModuleListActions& a) {
    auto& lists = app.state.lists;
    if (a.modules_page) {
        lists.modules_page = std::max(1, *a.modules_page);
        load_modules(app);
    }
    bool reload_mine = false;
    if (a.mine_filter && *a.mine_filter != lists.mine_options.filter) {
        lists.mine_options.filter = *a.mine_filter;
        lists.mine_options.page = 1;
        reload_mine = true;
    }
    if (a.show_archived) {
        lists.mine_options.show_archived = *a.show_archived;
        lists.mine_options.page = 1;
        reload_mine = true;
    }
    if (a.mine_page) {
        lists.mine_options.page = std::max(1, *a.mine_page);
        reload_mine = true;
    }
    if (reload_mine) load_mine(app);
}

} // namespace wte::client::module_lists
