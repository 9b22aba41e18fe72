// Administration (FEATURES §7): the list of users with search, filter and
// pages; their groups and direct permissions; a password reset mailed on a
// user's behalf; every module; and "re-render all content", a job that runs
// in the serve process while its row (rerender_jobs) shows every instance
// how far it got. The route table checks the admin.* permission of each.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "content/rerender.hpp"
#include "mail/sender.hpp"
#include "wte/api_admin.hpp"
#include "wte/permissions.hpp"

#include <algorithm>

namespace wte::api_handlers {

namespace {

constexpr std::size_t max_query_length = 200;

std::string search_text(const Context& ctx) {
    std::string q = ctx.req.query_value("q").value_or("");
    if (q.size() > max_query_length)
        throw http::bad_request("?q= is longer than 200 characters", {{"field", "q"}});
    return q;
}

int admin_page(const Context& ctx) {
    return paging(ctx, api::admin_page_size).first;
}

api::AdminUser require_admin_user(Context& ctx, Id id) {
    auto user = ctx.stores.admin.user(id);
    if (!user) throw http::not_found("User " + std::to_string(id) + " does not exist");
    return *user;
}

} // namespace

Response list_users(Context& ctx) {
    const std::string q = search_text(ctx);
    const std::string f = ctx.req.query_value("filter").value_or("all");
    auto filter = api::parse_user_filter(f);
    if (!filter)
        throw http::bad_request("Unknown filter '" + f + "' (all, confirmed or unconfirmed)",
                                {{"field", "filter"}});
    const int page = admin_page(ctx);
    return Response::json_body(200, api::to_json(ctx.stores.admin.users(q, *filter, page)));
}

Response admin_groups(Context& ctx) {
    if (!ctx.actor.has(permission::users_view) && !ctx.actor.has(permission::users_permissions))
        throw http::forbidden("This needs the admin.users.view or admin.users.permissions "
                              "permission, which you do not have");
    return Response::json_body(
        200, {{"groups", ctx.stores.users.groups()}, {"permissions", all_permissions()}});
}

Response put_user_permissions(Context& ctx) {
    const Id id = ctx.id_param(0);
    const auto change = api::parse_permissions_change(ctx.req.json_body());
    auto& users = ctx.stores.users;
    db::Transaction tx(ctx.stores.connection);
    const api::AdminUser before = require_admin_user(ctx, id);
    std::vector<Id> known;
    for (const auto& g : users.groups())
        known.push_back(g.id);
    for (Id g : change.groups)
        if (std::find(known.begin(), known.end(), g) == known.end())
            throw http::bad_request("Group " + std::to_string(g) + " does not exist",
                                    {{"field", "groups"}, {"group", g}});
    const bool was_admin = users.permissions_of(id).count(permission::admin) > 0;
    const int admins_before = users.users_holding(permission::admin);
    users.replace_groups(id, change.groups);
    users.replace_permissions(id, change.permissions);
    // Handing out (or taking away) `admin`, directly or through a group, is
    // for administrators only: it implies every permission, this one included.
    if (was_admin != (users.permissions_of(id).count(permission::admin) > 0) &&
        !ctx.actor.has(permission::admin))
        throw http::forbidden("Only an administrator (the admin permission) may grant or take "
                              "away the admin permission");
    if (admins_before > 0 && users.users_holding(permission::admin) == 0)
        throw http::HttpError(409, "last_admin",
                              (id == ctx.signed_in_user().id
                                   ? std::string("You are the last user with the admin permission")
                                   : before.name + " is the last user with the admin permission") +
                                  "; give it to someone else first, or nobody could administer "
                                  "WTE any more");
    auto after = require_admin_user(ctx, id);
    tx.commit();
    return Response::json_body(200, after);
}

Response send_password_reset(Context& ctx) {
    const Id id = ctx.id_param(0);
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    auto record = ctx.stores.users.find_user(id);
    if (!record) throw http::not_found("User " + std::to_string(id) + " does not exist");
    queue_password_reset(ctx, record->user, now);
    tx.commit();
    mail::outbox_changed();
    return Response::json_body(202, {{"queued", true}});
}

Response admin_modules(Context& ctx) {
    const std::string q = search_text(ctx);
    const std::string s = ctx.req.query_value("status").value_or("all");
    std::optional<Status> status;
    if (s != "all" && !s.empty()) {
        status = parse_status(s);
        if (!status)
            throw http::bad_request("Unknown status '" + s +
                                        "' (available, unavailable, archived or all)",
                                    {{"field", "status"}});
    }
    const int page = admin_page(ctx);
    return Response::json_body(200, api::to_json(ctx.stores.admin.modules(q, status, page)));
}

Response rerender_status(Context& ctx) {
    auto& jobs = ctx.stores.rerender;
    // A look that usually writes nothing: the write lock only when a job was abandoned.
    if (const auto now = db::now_seconds(); jobs.abandoned(now)) jobs.fail_abandoned(now);
    auto job = jobs.latest();
    return Response::json_body(200, {{"job", job ? json(*job) : json(nullptr)}});
}

Response start_rerender(Context& ctx) {
    const auto owner = content::rerender_worker_owner();
    if (!owner)
        throw http::HttpError(503, "busy",
                              "Re-rendering runs in `wte-server serve`, which is "
                              "not running here");
    auto& jobs = ctx.stores.rerender;
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    jobs.fail_abandoned(now);
    if (jobs.running()) {
        json body = api::to_json(api::ErrorBody{
            "rerender_running", "Content is being re-rendered already; wait until that job is done",
            nullptr});
        body["job"] = *jobs.latest();
        return Response::json_body(409, body);
    }
    jobs.start(*owner, jobs.count_parts(), ctx.signed_in_user().id,
               now + content::rerender_lease_seconds, now);
    auto job = jobs.latest();
    tx.commit();
    content::rerender_requested();
    return Response::json_body(202, {{"job", *job}});
}

} // namespace wte::api_handlers
