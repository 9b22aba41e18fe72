// The content tree: read a node with its neighbourhood, create, change,
// reorder, delete; module access settings; taking and leaving a module.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "api/progress.hpp"
#include "auth/crypto.hpp"
#include "content/quizzes.hpp"
#include "content/reader_text.hpp"
#include "wte/json_text.hpp"
#include "wte/rules.hpp"

namespace wte::api_handlers {

namespace {

PartView view_of(Context& ctx, const Node& n) {
    PartView v;
    v.part = n.record.part;
    v.my_role = n.role;
    v.can = capabilities(ctx.actor, n.facts);
    if (!v.can.edit) v.part.content = content::reader_text(v.part.content);
    v.access.has_password = n.module().access_password_hash.has_value();
    v.access.email_domains = n.module().access_domains;
    for (std::size_t i = 0; i + 1 < n.chain.size(); ++i)
        v.ancestors.push_back(summary_of(n.chain[i].part));
    // Learners see only the children they may open; editors see all.
    for (auto& child : ctx.stores.tree.children(n.record.part.id)) {
        if (v.can.edit || can_view(ctx.actor, child_facts(n, child)))
            v.children.push_back(std::move(child));
    }
    std::vector<Id> ids{n.record.part.id};
    for (const auto& c : v.children)
        ids.push_back(c.id);
    auto pending = ctx.stores.tasks.parts_with_pending_tasks(ids);
    v.pending_tasks = pending.count(n.record.part.id) > 0;
    for (auto& c : v.children)
        c.pending_tasks = pending.count(c.id) > 0;
    return v;
}

// The version of a part's content that a save names in If-Match: a hash of
// the stored text (the same text gives the same ETag, so a retried save is
// no conflict). Only editors are sent it: readers get the content without
// its quiz solutions, and a hash of the full text would let them guess them.
std::string content_etag(const Part& p) {
    return "\"" + auth::content_hash(p.content) + "\"";
}

Response with_content_etag(Response r, const PartView& v, const Part& stored) {
    if (v.can.edit) r.headers.emplace_back("ETag", content_etag(stored));
    return r;
}

} // namespace

Response get_part(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    record_page_visit(ctx, n);
    PartView v = view_of(ctx, n);
    Response r;
    r.body = json_text(v); // the most frequent answer: written directly
    return with_content_etag(std::move(r), v, n.record.part);
}

Response create_part(Context& ctx) {
    auto r = api::parse_create_part(ctx.req.json_body());
    Part p;
    p.type = r.type;
    p.parent_id = r.parent_id;
    p.title = r.title;
    p.status = r.status.value_or(Status::unavailable);
    p.label = r.label.value_or("");
    p.display_mode = r.display_mode.value_or(DisplayMode::text_only);
    p.content = r.content.value_or("");
    p.order = r.order.value_or(-1);

    db::Transaction tx(ctx.stores.connection);
    std::optional<Id> module_id;
    if (r.type == PartType::module) {
        if (auto why = check_placement(std::nullopt, r.type))
            throw http::bad_request(*why, {{"field", "parent_id"}});
        if (!can_create_module(ctx.actor))
            throw http::forbidden(
                "You may not create modules (it needs the modules.create permission)");
    } else {
        auto parent = ctx.stores.tree.find_part(*r.parent_id);
        if (!parent)
            throw http::bad_request("Parent part " + std::to_string(*r.parent_id) +
                                    " does not exist");
        Node n = require_edit(ctx, *r.parent_id);
        if (auto why = check_placement(n.record.part.type, r.type))
            throw http::bad_request(*why, {{"field", "parent_id"}});
        module_id = n.record.module_id;
    }
    Id id = ctx.stores.tree.insert_part(p, module_id);
    content::store_quizzes(ctx.stores, id, p.content);
    if (r.type == PartType::module)
        ctx.stores.membership.set_role(id, ctx.signed_in_user().id, ModuleRole::owner);
    Node created = load_node(ctx, id);
    auto body = view_of(ctx, created);
    tx.commit();
    return Response::json_body(201, body);
}

Response patch_part(Context& ctx) {
    auto r = api::parse_patch_part(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_edit(ctx, ctx.id_param(0));
    Part p = n.record.part;
    // Saving content names the version it was edited from, so a save never
    // silently overwrites someone else's newer one (API.md: If-Match).
    const auto if_match = ctx.req.header("if-match");
    if (r.content && !if_match)
        throw http::HttpError(428, "if_match_required",
                              "Saving content needs an If-Match header with the ETag of the "
                              "content you edited (GET /parts/" +
                                  std::to_string(p.id) + " sends it), or * to overwrite");
    if (if_match) {
        const http::Precondition pre = http::parse_if_match(*if_match);
        const std::string current = auth::content_hash(p.content);
        const bool same_text = r.content && *r.content == p.content;
        if (!pre.any && pre.etag != current && !same_text)
            throw http::HttpError(409, "content_changed",
                                  "Someone saved part " + std::to_string(p.id) +
                                      " since you opened it; nothing was changed",
                                  {{"etag", current}, {"content", p.content}});
    }
    if (r.title) p.title = *r.title;
    if (r.label) p.label = *r.label;
    if (r.display_mode) p.display_mode = *r.display_mode;
    if (r.content) p.content = *r.content;
    if (r.title || r.label || r.display_mode || r.content) ctx.stores.tree.update_part(p);
    if (r.content) content::store_quizzes(ctx.stores, p.id, p.content);
    if (r.status && *r.status != p.status) {
        if (*r.status == Status::archived)
            if (auto why = check_archiving(p.type))
                throw http::bad_request(*why, {{"field", "status"}});
        ctx.stores.tree.set_status(p.id, p.status, *r.status, ctx.user->id, std::nullopt,
                                   db::now_seconds());
    }
    if (r.order) {
        if (!p.parent_id) throw http::bad_request("A module has no siblings to be ordered among");
        ctx.stores.tree.move_part(p.id, *r.order);
    }
    if (r.children_order) {
        auto children = ctx.stores.tree.children(p.id);
        std::vector<Id> have, want = *r.children_order;
        for (const auto& c : children)
            have.push_back(c.id);
        std::sort(have.begin(), have.end());
        std::sort(want.begin(), want.end());
        if (have != want)
            throw http::bad_request("children_order must list every child of part " +
                                    std::to_string(p.id) + " exactly once");
        ctx.stores.tree.reorder_children(p.id, *r.children_order);
    }
    Node updated = load_node(ctx, p.id);
    auto body = view_of(ctx, updated);
    tx.commit();
    return with_content_etag(Response::json_body(200, body), body, updated.record.part);
}

Response delete_part(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    Node n = load_node(ctx, ctx.id_param(0));
    if (!can_delete(ctx.actor, n.facts))
        throw http::forbidden("You may not delete part " + std::to_string(n.record.part.id));
    ctx.stores.tree.delete_part_tree(n.record.part.id);
    tx.commit();
    return Response::json_body(200, {{"deleted", n.record.part.id}});
}

Response delete_impact(Context& ctx) {
    Node n = load_node(ctx, ctx.id_param(0));
    if (!can_delete(ctx.actor, n.facts))
        throw http::forbidden("You may not delete part " + std::to_string(n.record.part.id));
    return Response::json_body(200, api::to_json(ctx.stores.tree.delete_impact(n.record.part.id)));
}

Response put_access(Context& ctx) {
    auto r = api::parse_access(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_edit(ctx, ctx.id_param(0));
    if (n.record.part.type != PartType::module)
        throw http::bad_request("Access settings belong to modules; part " +
                                std::to_string(n.record.part.id) + " is a " +
                                to_string(n.record.part.type));
    std::optional<std::string> hash;
    if (r.set_password && r.password) hash = auth::hash_password(*r.password);
    ctx.stores.tree.set_access(n.record.part.id, r.set_password, hash, r.email_domains);
    Node updated = load_node(ctx, n.record.part.id);
    auto body = view_of(ctx, updated);
    tx.commit();
    return Response::json_body(200, body);
}

Response enrol(Context& ctx) {
    auto r = api::parse_enrol(ctx.req.body.empty() ? json(nullptr) : ctx.req.json_body());
    // The role is read and written in one transaction: two tabs taking the
    // module at once are one enrolment and one 409, and a block given
    // meanwhile is never overwritten.
    db::Transaction tx(ctx.stores.connection);
    Node n = load_node(ctx, ctx.id_param(0));
    if (n.record.part.type != PartType::module)
        throw http::bad_request("Only modules can be taken; part " +
                                std::to_string(n.record.part.id) + " is a " +
                                to_string(n.record.part.type));
    EnrolFacts f;
    f.role = n.role;
    f.module_status = n.record.part.status;
    f.module_has_password = n.record.access_password_hash.has_value();
    f.password_given = r.password.has_value() && !r.password->empty();
    f.password_matches = f.password_given && f.module_has_password &&
                         auth::verify_password(*n.record.access_password_hash, *r.password);
    f.email_domains = n.record.access_domains;
    f.user_email = ctx.signed_in_user().email;
    auto decision = decide_enrol(ctx.actor, f);
    switch (decision) {
    case EnrolDecision::allowed:
        break;
    case EnrolDecision::already_member:
        throw http::conflict(explain(decision));
    case EnrolDecision::module_not_open:
        throw http::forbidden(explain(decision), "module_not_open");
    case EnrolDecision::blocked:
        throw http::forbidden(explain(decision), "blocked");
    case EnrolDecision::password_required:
        throw http::forbidden(explain(decision), "password_required");
    case EnrolDecision::wrong_password:
        throw http::forbidden(explain(decision), "wrong_password");
    case EnrolDecision::email_domain_refused:
        throw http::forbidden(explain(decision), "email_domain_refused");
    case EnrolDecision::not_signed_in:
        throw http::unauthorized();
    }
    ctx.stores.membership.set_role(n.record.part.id, ctx.user->id, ModuleRole::student);
    tx.commit();
    return Response::json_body(200, {{"role", "student"}});
}

Response leave(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    Node n = load_node(ctx, ctx.id_param(0));
    if (n.record.part.type != PartType::module) throw http::bad_request("Only modules can be left");
    if (n.role == ModuleRole::none) throw http::conflict("You are not a member of this module");
    if (n.role == ModuleRole::block)
        throw http::forbidden("You have been blocked from this module", "blocked");
    if (n.role == ModuleRole::owner)
        throw http::conflict("Owners cannot leave their module; hand it over or delete it");
    ctx.stores.membership.remove_member(n.record.part.id, ctx.user->id);
    ctx.stores.progress.forget_module(ctx.user->id, n.record.part.id);
    tx.commit();
    return Response::json_body(200, {{"role", nullptr}});
}

} // namespace wte::api_handlers
