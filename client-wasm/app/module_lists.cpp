// Loading the two module lists; a reload keeps the list on screen until the
// new one arrives.
#include "app/module_lists.hpp"

#include "app/app.hpp"

namespace wte::client::module_lists {

void load_modules(App& app) {
    Request r = get(api::path_modules(), [&app](const Reply& reply) {
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
    Request r = get(api::path_my_modules(), [&app](const Reply& reply) {
        auto& m = app.state.lists.mine;
        if (reply.ok())
            m.succeed(api::parse_page<api::MyModule>(reply.data).items);
        else
            m.fail(reply.error().message);
    });
    r.key = "my-modules";
    app.state.lists.mine.start(app.requests().send(std::move(r)));
}

} // namespace wte::client::module_lists
