// Export of a node as a ZIP in the original WTE's format, and import of such
// a ZIP (ours or the original's) at the top level or into a module or part.
// The format and its rules live in content/transfer; here: who may.
#include "content/transfer.hpp"
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "wte/permissions.hpp"

namespace wte::api_handlers {

Response export_part(Context& ctx) {
    Node n = require_edit(ctx, ctx.id_param(0));
    auto plan =
        std::make_shared<content::ExportPlan>(content::plan_export(ctx.stores, n.record.part.id));
    Response r;
    r.content_type = "application/zip";
    r.headers.emplace_back("Content-Disposition",
                           http::zip_disposition(n.record.part.title, "export"));
    db::Connection& conn = ctx.stores.connection;
    r.stream = [&conn, plan](const Response::Sink& sink) {
        db::Stores stores(conn);
        content::write_export(stores, *plan, sink);
    };
    return r;
}

Response import_zip(Context& ctx) {
    std::optional<Id> parent_id;
    if (auto v = ctx.req.query_value("parent_id")) {
        if (v->empty() || v->size() > 18 || v->find_first_not_of("0123456789") != std::string::npos)
            throw http::bad_request("?parent_id= must be the id of a module or part",
                                    {{"field", "parent_id"}});
        parent_id = std::stoll(*v);
    }
    db::Transaction tx(ctx.stores.connection);
    content::ImportPlace place;
    if (parent_id) {
        if (!ctx.stores.tree.find_part(*parent_id))
            throw http::bad_request("Part " + std::to_string(*parent_id) + " does not exist",
                                    {{"field", "parent_id"}});
        Node n = require_edit(ctx, *parent_id);
        place = {n.record.part.id, n.record.part.type, n.record.module_id};
    } else if (!can_create_module(ctx.actor)) {
        throw http::forbidden(
            "You may not import modules (it needs the modules.create permission)");
    }
    auto result = content::import_zip(ctx.stores, ctx.req.body, place, ctx.signed_in_user().id,
                                      content::import_limits(ctx.config.upload_limit));
    tx.commit();
    return Response::json_body(201, content::to_json(result));
}

} // namespace wte::api_handlers
