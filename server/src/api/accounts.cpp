// Accounts by mail: register (an unconfirmed account and a confirmation
// link), resend that link, confirm it (choose a password, signed in), and the
// forgotten password (a reset link). Links are random, stored hashed, single
// use; a request that sends a mail writes it to the outbox in the same
// transaction as its change. Answers never say whether an address has an
// account: registering a known address mails its owner instead.
#include "api/handlers.hpp"
#include "auth/crypto.hpp"
#include "mail/sender.hpp"
#include "mail/templates.hpp"
#include "wte/permissions.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

namespace wte::api_handlers {

namespace {

// Requests that send mail: at most `limit` an hour per key; the hour counts
// from the latest request (a steady trickle stays refused).
constexpr std::int64_t mail_window_seconds = 60 * 60;
constexpr int mails_per_address = 3;
constexpr int mails_per_client = 20;
constexpr int reset_link_minutes = 20;
constexpr int confirm_link_minutes = 60;

// Checks and counts a mail-sending request for `email` from this client;
// the seconds to wait when either has asked too often (then nothing is counted).
std::int64_t throttle_mail(Context& ctx, const std::string& what, const std::string& email,
                           std::int64_t now) {
    auto& users = ctx.stores.users;
    const std::string address_key = what + ":" + email;
    const std::string client_key = what + "-ip:" + ctx.req.remote;
    const auto wait =
        std::max(users.throttle_wait(address_key, mails_per_address, mail_window_seconds, now),
                 users.throttle_wait(client_key, mails_per_client, mail_window_seconds, now));
    if (wait > 0) return wait;
    users.count_request(address_key, mail_window_seconds, now);
    users.count_request(client_key, mail_window_seconds, now);
    return 0;
}

Response too_many_mails(std::int64_t wait) {
    auto r = Response::error(429, "too_many_requests",
                             "Too many mails were asked for. Please wait " +
                                 std::to_string((wait + 59) / 60) + " minutes and try again.");
    r.headers.emplace_back("Retry-After", std::to_string(wait));
    return r;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::string checked_address(const std::string& typed) {
    std::string email = to_lower_ascii(trim(typed));
    if (auto why = check_email(email)) throw http::bad_request(*why, {{"field", "email"}});
    return email;
}

// A new confirmation link for an unconfirmed user, mailed through the outbox.
void queue_confirmation(Context& ctx, const User& user, std::int64_t now) {
    const std::string token = auth::random_url_token();
    ctx.stores.users.replace_user_token(auth::token_hash(token), user.id, "confirm",
                                        now + confirm_link_minutes * 60);
    ctx.stores.outbox.enqueue(mail::confirm_address(user,
                                                    ctx.config.public_url + "/#/confirm/" + token,
                                                    confirm_link_minutes),
                              now);
}

Response mail_on_its_way(const std::string& message) {
    return Response::json_body(200, {{"status", "sent"}, {"message", message}});
}

// Takes the link's token and sets the password; the user is active and
// signed in here, and signed out everywhere else. A password that breaks the
// rule is refused before the link is used, so it still works.
Response use_link(Context& ctx, const std::string& purpose) {
    auto request = api::parse_link_password(ctx.req.json_body());
    if (auto why = check_password(request.password))
        throw http::bad_request(*why, {{"field", "password"}});
    const auto now = db::now_seconds();
    auto& users = ctx.stores.users;
    // Hashing first (slow) keeps the write transaction short.
    const std::string password_hash = auth::hash_password(request.password);
    db::Transaction tx(ctx.stores.connection);
    auto user_id = users.take_user_token(auth::token_hash(request.token), purpose, now);
    if (!user_id)
        throw http::HttpError(400, "invalid_token",
                              purpose == "reset"
                                  ? "This link has expired or was used already. Ask for a new "
                                    "one with \"Forgot your password?\"."
                                  : "This link has expired or was used already. Ask for a new "
                                    "one with \"Send the link again\".");
    users.set_password_hash(*user_id, password_hash);
    users.set_user_status(*user_id, UserStatus::active);
    users.delete_sessions_of(*user_id);
    auto record = users.find_user(*user_id);
    users.clear_failures("email:" + record->user.email);
    auto response = signed_in_as(ctx, record->user);
    tx.commit();
    return response;
}

} // namespace

void queue_password_reset(Context& ctx, const User& user, std::int64_t now) {
    const std::string token = auth::random_url_token();
    ctx.stores.users.replace_user_token(auth::token_hash(token), user.id, "reset",
                                        now + reset_link_minutes * 60);
    ctx.stores.outbox.enqueue(
        mail::password_reset(user, ctx.config.public_url + "/#/reset/" + token, reset_link_minutes),
        now);
}

Response register_account(Context& ctx) {
    auto request = api::parse_register(ctx.req.json_body());
    const std::string email = checked_address(request.email);
    if (to_lower_ascii(trim(request.email_confirm)) != email)
        throw http::bad_request("The two email addresses are not the same",
                                {{"field", "email_confirm"}});
    const std::string name = trim(request.name);
    if (auto why = check_person_name(name)) throw http::bad_request(*why, {{"field", "name"}});
    const auto& domains = ctx.config.registration_domains;
    if (!domains.empty() && !email_in_domains(email, domains))
        throw http::HttpError(400, "domain_not_allowed",
                              "Only addresses at " + joined(domains) + " can register here",
                              {{"field", "email"}});
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    if (auto wait = throttle_mail(ctx, "register", email, now)) return too_many_mails(wait);
    auto& users = ctx.stores.users;
    if (auto existing = users.find_user_by_email(email)) {
        if (existing->user.status == UserStatus::active)
            ctx.stores.outbox.enqueue(
                mail::already_registered(existing->user, ctx.config.public_url + "/#/forgot"), now);
        else
            queue_confirmation(ctx, existing->user, now);
    } else {
        User user;
        user.id = users.create_user(email, name, std::nullopt, UserStatus::unconfirmed);
        user.email = email;
        user.name = name;
        if (auto student = users.find_group("Student")) users.add_to_group(user.id, *student);
        queue_confirmation(ctx, user, now);
    }
    tx.commit();
    mail::outbox_changed();
    auto r = mail_on_its_way("We sent a link to " + email +
                             ". Open it within an hour to choose your password.");
    r.status = 201;
    return r;
}

Response resend_confirmation(Context& ctx) {
    const std::string email = checked_address(api::parse_address(ctx.req.json_body()).email);
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    if (auto wait = throttle_mail(ctx, "register", email, now)) return too_many_mails(wait);
    if (auto existing = ctx.stores.users.find_user_by_email(email);
        existing && existing->user.status == UserStatus::unconfirmed)
        queue_confirmation(ctx, existing->user, now);
    tx.commit();
    mail::outbox_changed();
    return mail_on_its_way("If " + email +
                           " is waiting for confirmation, a new link is on its way. It works "
                           "for an hour.");
}

Response confirm_account(Context& ctx) {
    return use_link(ctx, "confirm");
}

Response forgot_password(Context& ctx) {
    const std::string email = checked_address(api::parse_address(ctx.req.json_body()).email);
    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    if (auto wait = throttle_mail(ctx, "forgot", email, now)) return too_many_mails(wait);
    if (auto record = ctx.stores.users.find_user_by_email(email))
        queue_password_reset(ctx, record->user, now);
    tx.commit();
    mail::outbox_changed();
    return mail_on_its_way("If " + email +
                           " has an account, a link to choose a new password is on its way. "
                           "It works for " +
                           std::to_string(reset_link_minutes) + " minutes.");
}

Response reset_password(Context& ctx) {
    return use_link(ctx, "reset");
}

} // namespace wte::api_handlers
