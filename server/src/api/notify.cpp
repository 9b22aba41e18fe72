// "Notify members": a teacher who may edit a part mails every student and
// tutor of its module (one mail each, through the outbox, in one
// transaction), with an optional message and a link to the part. At most
// one notice per part every 10 minutes, so a double click or an impatient
// teacher does not flood the members' inboxes.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "mail/sender.hpp"
#include "mail/templates.hpp"
#include "wte/api_admin.hpp"
#include "wte/text.hpp"

namespace wte::api_handlers {

namespace {
constexpr std::int64_t notice_window_seconds = 10 * 60;
} // namespace

Response notify_members(Context& ctx) {
    const auto request =
        ctx.req.body.empty() ? api::NotifyRequest{} : api::parse_notify(ctx.req.json_body());
    const std::string message = trim(request.message);
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    Node n = require_edit(ctx, ctx.id_param(0));
    auto& users = ctx.stores.users;
    const std::string key = "notify-part:" + std::to_string(n.record.part.id);
    if (auto wait = users.throttle_wait(key, 1, notice_window_seconds, now)) {
        auto r = Response::error(429, "too_many_requests",
                                 "The members of this part were notified a moment ago. You can "
                                 "notify them again in " +
                                     std::to_string((wait + 59) / 60) + " minutes.",
                                 {{"retry_after", wait}});
        r.headers.emplace_back("Retry-After", std::to_string(wait));
        return r;
    }
    users.count_request(key, notice_window_seconds, now);
    const std::string link = ctx.config.public_url + "/#/parts/" + std::to_string(n.record.part.id);
    const auto members = ctx.stores.membership.students_and_tutors(n.record.module_id);
    for (const auto& member : members)
        ctx.stores.outbox.enqueue(mail::part_notice(member, n.record.part.title,
                                                    n.module().part.title,
                                                    ctx.signed_in_user().name, message, link),
                                  now);
    tx.commit();
    mail::outbox_changed();
    return Response::json_body(202, {{"queued", members.size()}});
}

} // namespace wte::api_handlers
