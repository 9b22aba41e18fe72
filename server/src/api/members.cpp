// A module's members, managed by its owners (and admin.modules.edit): list
// with search and role filter, add an existing user by email, change a role,
// block or unblock, remove (with the member's progress; quiz answers stay,
// as when a learner leaves). The module always keeps an owner
// (check_role_change in wte/rules.hpp).
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "wte/api.hpp"
#include "wte/rules.hpp"

namespace wte::api_handlers {

namespace {

// The node of {id} with the right to manage its module's users; the module's id.
Node require_manage_users(Context& ctx) {
    Node n = load_node(ctx, ctx.id_param(0));
    if (!can_manage_users(ctx.actor, n.facts))
        throw http::forbidden("You may not manage the users of module " +
                              std::to_string(n.record.module_id));
    return n;
}

api::Member require_member(Context& ctx, Id module, Id user) {
    auto m = ctx.stores.membership.member(module, user);
    if (!m)
        throw http::not_found("User " + std::to_string(user) + " is not a member of module " +
                              std::to_string(module));
    return *m;
}

void check_owners_stay(Context& ctx, Id module, ModuleRole current, ModuleRole next) {
    RoleChangeFacts f{current, next, ctx.stores.membership.owner_count(module)};
    if (Refusal no = check_role_change(f)) throw http::conflict(*no);
}

} // namespace

Response list_members(Context& ctx) {
    Node n = require_manage_users(ctx);
    auto [page, per_page] = paging(ctx, api::members_per_page);
    std::string query = ctx.req.query_value("q").value_or("");
    if (query.size() > 200) throw http::bad_request("?q= is longer than 200 characters");
    std::optional<ModuleRole> role;
    if (auto r = ctx.req.query_value("role"); r && !r->empty()) {
        role = api::parse_member_role_filter(*r);
        if (!role)
            throw http::bad_request("Unknown role '" + *r + "' (owner, tutor, student or blocked)",
                                    {{"field", "role"}});
    }
    auto members = ctx.stores.membership.members(n.record.module_id, query, role, page, per_page);
    return Response::json_body(200, api::to_json(members));
}

Response add_member(Context& ctx) {
    auto r = api::parse_add_member(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_manage_users(ctx);
    const Id module = n.record.module_id;
    auto user = ctx.stores.users.find_user_by_email(r.email);
    if (!user)
        throw http::not_found("No user has the address " + r.email +
                              "; they need an account before they can be added");
    const Id id = user->user.id;
    if (auto existing = ctx.stores.membership.member(module, id)) {
        const std::string what =
            existing->role == ModuleRole::block
                ? " is blocked from this module; unblock them instead"
                : " is already a member of this module (" + to_string(existing->role) + ")";
        throw http::bad_request(r.email + what, {{"field", "email"}});
    }
    ctx.stores.membership.set_role(module, id, r.role);
    auto added = require_member(ctx, module, id);
    tx.commit();
    return Response::json_body(201, added);
}

Response patch_member(Context& ctx) {
    auto change = api::parse_member_change(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_manage_users(ctx);
    const Id module = n.record.module_id;
    auto m = require_member(ctx, module, ctx.id_param(1));
    const ModuleRole before = m.role == ModuleRole::block
                                  ? ctx.stores.membership.role_before_block(module, m.user_id)
                                  : ModuleRole::student;
    const ModuleRole next = api::role_after(change, m.role, before);
    if (next != m.role) {
        check_owners_stay(ctx, module, m.role, next);
        ctx.stores.membership.set_role(module, m.user_id, next);
        m.role = next;
    }
    tx.commit();
    return Response::json_body(200, m);
}

Response remove_member(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    Node n = require_manage_users(ctx);
    const Id module = n.record.module_id;
    auto m = require_member(ctx, module, ctx.id_param(1));
    check_owners_stay(ctx, module, m.role, ModuleRole::none);
    ctx.stores.membership.remove_member(module, m.user_id);
    ctx.stores.progress.forget_module(m.user_id, module);
    tx.commit();
    return Response::json_body(200, {{"removed", m.user_id}});
}

} // namespace wte::api_handlers
