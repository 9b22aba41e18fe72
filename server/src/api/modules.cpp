// Module lists: the public catalogue and "My Modules".
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "db/migrations.hpp"
#include "wte/json_text.hpp"

namespace wte::api_handlers {

Response health(Context& ctx) {
    int schema = db::recorded_schema_version(ctx.stores.connection).value_or(0);
    return Response::json_body(200,
                               {{"status", "ok"}, {"version", WTE_VERSION}, {"schema", schema}});
}

Response public_modules(Context& ctx) {
    auto [page, per_page] = paging(ctx);
    // The catalogue is read on every visit to the start page, signed in or
    // not, and is the same for everyone: its text is kept until the database
    // changes (a module published, a timed task done, by any process).
    Response r;
    r.body = ctx.stores.connection.remembered(
        "modules?page=" + std::to_string(page) + "&per_page=" + std::to_string(per_page), [&] {
            auto result = ctx.stores.membership.available_modules(page, per_page);
            std::vector<Id> ids;
            for (const auto& m : result.items)
                ids.push_back(m.id);
            auto pending = ctx.stores.tasks.parts_with_pending_tasks(ids);
            for (auto& m : result.items)
                m.pending_tasks = pending.count(m.id) > 0;
            return json_text(result);
        });
    return r;
}

Response my_modules(Context& ctx) {
    auto [page, per_page] = paging(ctx);
    std::vector<Status> statuses;
    for (const auto& s : ctx.req.query_values("status")) {
        auto v = parse_status(s);
        if (!v)
            throw http::bad_request("Unknown status '" + s +
                                    "' (available, unavailable or archived)");
        statuses.push_back(*v);
    }
    auto result =
        ctx.stores.membership.my_modules(ctx.signed_in_user().id, statuses, page, per_page);
    api::Page<api::MyModule> mine{{}, result.total, result.page, result.per_page};
    for (auto& m : result.items)
        mine.items.push_back({std::move(m.module), m.role});
    return Response::json_body(200, api::to_json(mine));
}

} // namespace wte::api_handlers
