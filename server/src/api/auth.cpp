// Sign in, sign out, who am I. Sessions are random 256-bit tokens in an
// HttpOnly SameSite=Strict cookie, stored hashed; the CSRF token is returned
// in the body for the client to echo in X-CSRF-Token.
#include "api/handlers.hpp"
#include "auth/crypto.hpp"
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

json session_json(const User& user, const std::set<std::string>& permissions,
                  const std::string& csrf) {
    api::Session s{user, {permissions.begin(), permissions.end()}, csrf};
    return api::to_json(s);
}

} // namespace

std::string session_cookie(const http::Context& ctx, const std::string& value,
                           std::int64_t max_age) {
    std::string c = std::string(api::session_cookie) + "=" + value +
                    "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (ctx.config.cookie_secure) c += "; Secure";
    return c;
}

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
    // The hash took a while: the account may have been deleted or given a new
    // password meanwhile, and then this sign-in does not count.
    db::Transaction tx(ctx.stores.connection);
    auto now_stored = ctx.stores.users.find_user(record->user.id);
    if (!now_stored || now_stored->password_hash != record->password_hash ||
        now_stored->user.status != UserStatus::active)
        throw http::HttpError(401, "invalid_credentials",
                              "The email address or the password is not correct");
    ctx.stores.users.clear_failures(account_key);
    auto response = signed_in_as(ctx, now_stored->user);
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
