// Sign in, sign out, who am I. Sessions are random 256-bit tokens in an
// HttpOnly SameSite=Strict cookie, stored hashed; the CSRF token is returned
// in the body for the client to echo in X-CSRF-Token.
#include "api/handlers.hpp"
#include "auth/crypto.hpp"
#include "mail/sender.hpp"
#include "mail/templates.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

#include <algorithm>

namespace wte::api_handlers {

namespace {

// Throttling: a few free failures, then a doubling wait, capped; failures
// older than an hour are forgotten. Per account and (more leniently) per address.
constexpr int free_failures_per_account = 5;
constexpr int free_failures_per_address = 20;
constexpr std::int64_t max_wait_seconds = 15 * 60;
constexpr std::int64_t forget_after_seconds = 60 * 60;

std::int64_t wait_needed(const db::FailureRecord& f, int free_failures, std::int64_t now) {
    if (now - f.last_at > forget_after_seconds || f.failures < free_failures) return 0;
    int excess = std::min(f.failures - free_failures, 20);
    std::int64_t wait = std::min<std::int64_t>(std::int64_t(1) << excess, max_wait_seconds);
    return std::max<std::int64_t>(0, f.last_at + wait - now);
}

const std::string& dummy_hash() {
    static const std::string hash = auth::hash_password(auth::random_token());
    return hash;
}

std::string session_cookie(const http::Context& ctx, const std::string& value,
                           std::int64_t max_age) {
    std::string c = std::string(api::session_cookie) + "=" + value +
                    "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (ctx.config.cookie_secure) c += "; Secure";
    return c;
}

json session_json(const User& user, const std::set<std::string>& permissions,
                  const std::string& csrf) {
    api::Session s{user, {permissions.begin(), permissions.end()}, csrf};
    return api::to_json(s);
}

// A new session for `user`: the answer of login and of a password reset.
Response signed_in_as(Context& ctx, const User& user) {
    const std::string token = auth::random_token();
    const std::string csrf = auth::random_token();
    const std::int64_t lifetime = std::int64_t(ctx.config.session_hours) * 3600;
    ctx.stores.users.create_session(auth::token_hash(token), user.id, csrf,
                                    db::now_seconds() + lifetime);
    auto r = Response::json_body(
        200, session_json(user, ctx.stores.users.permissions_of(user.id), csrf));
    r.headers.emplace_back("Set-Cookie", session_cookie(ctx, token, lifetime));
    return r;
}

// Requests that send mail: at most `limit` an hour per key; the hour counts
// from the latest request (a steady trickle stays refused).
constexpr std::int64_t mail_window_seconds = 60 * 60;
constexpr int mails_per_address = 3;
constexpr int mails_per_client = 20;
constexpr int reset_link_minutes = 20;

std::int64_t mail_wait(db::UserStore& users, const std::string& key, int limit, std::int64_t now) {
    auto f = users.failures(key);
    if (now - f.last_at > mail_window_seconds || f.failures < limit) return 0;
    return f.last_at + mail_window_seconds - now;
}

void count_mail_request(db::UserStore& users, const std::string& key, std::int64_t now) {
    if (now - users.failures(key).last_at > mail_window_seconds) users.clear_failures(key);
    users.record_failure(key, now);
}

Response too_many_mails(std::int64_t wait) {
    auto r = Response::error(429, "too_many_requests",
                             "Too many mails were asked for. Please wait " +
                                 std::to_string((wait + 59) / 60) + " minutes and try again.");
    r.headers.emplace_back("Retry-After", std::to_string(wait));
    return r;
}

} // namespace

Response login(Context& ctx) {
    auto request = api::parse_login(ctx.req.json_body());
    const std::string email = to_lower_ascii(trim(request.email));
    const std::string account_key = "email:" + email;
    const std::string address_key = "ip:" + ctx.req.remote;
    const auto now = db::now_seconds();

    auto wait = std::max(
        wait_needed(ctx.stores.users.failures(account_key), free_failures_per_account, now),
        wait_needed(ctx.stores.users.failures(address_key), free_failures_per_address, now));
    if (wait > 0) {
        auto r = Response::error(429, "too_many_attempts",
                                 "Too many failed sign-in attempts. Please wait " +
                                     std::to_string(wait) + " seconds and try again.");
        r.headers.emplace_back("Retry-After", std::to_string(wait));
        return r;
    }

    auto record = ctx.stores.users.find_user_by_email(email);
    // Verify against a dummy hash when there is no account, so the answer
    // takes as long either way and never tells which of the two was wrong.
    bool ok = auth::verify_password(record && record->password_hash ? *record->password_hash
                                                                    : dummy_hash(),
                                    request.password) &&
              record && record->password_hash && record->user.status == UserStatus::active;
    if (!ok) {
        ctx.stores.users.record_failure(account_key, now);
        ctx.stores.users.record_failure(address_key, now);
        throw http::HttpError(401, "invalid_credentials",
                              "The email address or the password is not correct");
    }
    ctx.stores.users.clear_failures(account_key);
    return signed_in_as(ctx, record->user);
}

// The same answer whether or not the address has an account, so nobody
// learns who studies here; the mail goes through the outbox.
Response forgot_password(Context& ctx) {
    auto request = api::parse_forgot(ctx.req.json_body());
    const std::string email = to_lower_ascii(trim(request.email));
    if (auto why = check_email(email)) throw http::bad_request(*why, {{"field", "email"}});
    const auto now = db::now_seconds();
    auto& users = ctx.stores.users;
    const std::string address_key = "forgot:" + email;
    const std::string client_key = "forgot-ip:" + ctx.req.remote;
    if (auto wait = std::max(mail_wait(users, address_key, mails_per_address, now),
                             mail_wait(users, client_key, mails_per_client, now));
        wait > 0)
        return too_many_mails(wait);

    db::Transaction tx(ctx.stores.connection);
    count_mail_request(users, address_key, now);
    count_mail_request(users, client_key, now);
    bool queued = false;
    if (auto record = users.find_user_by_email(email)) {
        const std::string token = auth::random_url_token();
        users.replace_user_token(auth::token_hash(token), record->user.id, "reset",
                                 now + reset_link_minutes * 60);
        const std::string link = ctx.config.public_url + "/#/reset/" + token;
        ctx.stores.outbox.enqueue(mail::password_reset(record->user, link, reset_link_minutes),
                                  now);
        queued = true;
    }
    tx.commit();
    if (queued) mail::outbox_changed();
    return Response::json_body(
        200, {{"status", "sent"},
              {"message", "If " + email +
                              " has an account, a link to choose a new password is on its way. "
                              "It works for " +
                              std::to_string(reset_link_minutes) + " minutes."}});
}

// Sets the password, confirms the address (the link proved it), ends every
// other session of the user and signs this browser in. A bad password leaves
// the link usable.
Response reset_password(Context& ctx) {
    auto request = api::parse_reset(ctx.req.json_body());
    if (auto why = check_password(request.password))
        throw http::bad_request(*why, {{"field", "password"}});
    const auto now = db::now_seconds();
    const std::string hash = auth::token_hash(request.token);
    auto& users = ctx.stores.users;
    // Hashing first (slow) keeps the transaction short.
    const std::string password_hash = auth::hash_password(request.password);
    db::Transaction tx(ctx.stores.connection);
    auto user_id = users.take_user_token(hash, "reset", now);
    if (!user_id)
        throw http::HttpError(400, "invalid_token",
                              "This link has expired or was used already. Ask for a new one "
                              "with \"Forgot your password?\".");
    users.set_password_hash(*user_id, password_hash);
    users.set_user_status(*user_id, UserStatus::active);
    users.delete_sessions_of(*user_id);
    users.clear_failures("email:" + users.find_user(*user_id)->user.email);
    auto record = users.find_user(*user_id);
    auto response = signed_in_as(ctx, record->user);
    tx.commit();
    return response;
}

Response logout(Context& ctx) {
    ctx.stores.users.delete_session(ctx.session_token_hash);
    auto r = Response::json_body(200, {{"status", "signed_out"}});
    r.headers.emplace_back("Set-Cookie", session_cookie(ctx, "", 0));
    return r;
}

Response me(Context& ctx) {
    return Response::json_body(
        200, session_json(ctx.signed_in_user(), ctx.actor.permissions, ctx.csrf_token));
}

} // namespace wte::api_handlers
