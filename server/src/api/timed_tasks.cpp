// Timed tasks of a part: list, create, edit, delete. A task is reached only
// through a part the caller may edit; to anyone who may not even see that
// part it does not exist (no probing other modules' tasks by id).
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "tasks/kinds.hpp"
#include "wte/timed_task.hpp"

namespace wte::api_handlers {

namespace {

struct EditableTask {
    db::TaskRecord task;
    Node node;
};

EditableTask require_task_edit(Context& ctx, Id id) {
    auto task = ctx.stores.tasks.find(id);
    auto missing = [&] {
        return http::not_found("Timed task " + std::to_string(id) + " does not exist");
    };
    if (!task || !ctx.stores.tree.find_part(task->part_id)) throw missing();
    Node n = load_node(ctx, task->part_id);
    if (!can_edit(ctx.actor, n.facts)) {
        if (!can_view(ctx.actor, n.facts)) throw missing();
        throw http::forbidden("You may not change the timed tasks of part " +
                              std::to_string(task->part_id));
    }
    return {*task, std::move(n)};
}

Response task_body(Context& ctx, int status, Id id) {
    auto view = ctx.stores.tasks.view(id);
    return Response::json_body(status, *view);
}

} // namespace

Response list_timed_tasks(Context& ctx) {
    auto [page, per_page] = paging(ctx);
    Node n = require_edit(ctx, ctx.id_param(0));
    return Response::json_body(
        200, api::to_json(ctx.stores.tasks.for_part(n.record.part.id, page, per_page)));
}

Response create_timed_task(Context& ctx) {
    auto r = parse_timed_task_request(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_edit(ctx, ctx.id_param(0));
    tasks::require_task_kind(r.name).validate(r.options, n.record.part.type);
    Id id =
        ctx.stores.tasks.create(n.record.part.id, r.name, r.run_at, r.options, db::now_seconds());
    auto body = task_body(ctx, 201, id);
    tx.commit();
    return body;
}

Response patch_timed_task(Context& ctx) {
    auto patch = parse_timed_task_patch(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    auto [task, node] = require_task_edit(ctx, ctx.id_param(0));
    if (patch.name) task.name = *patch.name;
    if (patch.run_at) task.run_at = *patch.run_at;
    if (patch.options) task.options = *patch.options;
    // The whole task is checked again: a new kind needs options that fit it.
    tasks::require_task_kind(task.name).validate(task.options, node.record.part.type);
    ctx.stores.tasks.update(task);
    auto body = task_body(ctx, 200, task.id);
    tx.commit();
    return body;
}

Response delete_timed_task(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    auto [task, node] = require_task_edit(ctx, ctx.id_param(0));
    ctx.stores.tasks.remove(task.id);
    tx.commit();
    return Response::json_body(200, {{"deleted", task.id}});
}

} // namespace wte::api_handlers
