// A person's own account (profile), and the same endpoints for
// administrators: read, change (name, high contrast, password, address),
// delete. A new address takes effect only when the link mailed to it is
// opened; a new password needs the current one and ends the other sessions;
// an account that alone owns a module cannot be deleted (the module would
// have no owner) — the answer names those modules. Administrators with
// admin.users.edit also confirm an unconfirmed account here.
#include "api/handlers.hpp"
#include "auth/crypto.hpp"
#include "mail/sender.hpp"
#include "mail/templates.hpp"
#include "wte/permissions.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

namespace wte::api_handlers {

namespace {

constexpr int email_link_minutes = 60;

// The user of the path; the caller is that user or holds `permission`.
db::UserRecord user_of_path(Context& ctx, const char* permission) {
    const Id id = ctx.id_param(0);
    const User& me = ctx.signed_in_user();
    if (id != me.id && !ctx.actor.has(permission))
        throw http::forbidden("You may only see and change your own account");
    auto record = ctx.stores.users.find_user(id);
    if (!record) throw http::not_found("User " + std::to_string(id) + " does not exist");
    return *record;
}

bool password_matches(const db::UserRecord& r, const std::string& password) {
    return r.password_hash && auth::verify_password(*r.password_hash, password);
}

} // namespace

Response get_user(Context& ctx) {
    return Response::json_body(200, user_of_path(ctx, permission::users_view).user);
}

Response patch_user(Context& ctx) {
    const db::UserRecord record = user_of_path(ctx, permission::users_edit);
    const bool self = record.user.id == ctx.signed_in_user().id;
    const auto change = api::parse_profile_change(ctx.req.json_body());
    auto& users = ctx.stores.users;

    // Everything is checked before anything changes.
    std::string name;
    if (change.name) {
        name = trim(*change.name);
        if (auto why = check_person_name(name)) throw http::bad_request(*why, {{"field", "name"}});
    }
    std::string new_email;
    if (change.email) {
        new_email = to_lower_ascii(trim(*change.email));
        if (auto why = check_email(new_email)) throw http::bad_request(*why, {{"field", "email"}});
        if (new_email == record.user.email)
            new_email.clear();
        else if (users.find_user_by_email(new_email))
            throw http::HttpError(409, "email_taken",
                                  "Another account uses " + new_email + " already",
                                  {{"field", "email"}});
    }
    if (change.confirmed) {
        if (!*change.confirmed)
            throw http::bad_request("An account cannot be unconfirmed again",
                                    {{"field", "confirmed"}});
        if (!ctx.actor.has(permission::users_edit))
            throw http::forbidden("Confirming an account needs the admin.users.edit permission");
    }
    std::string password_hash;
    if (change.new_password) {
        if (!self)
            throw http::forbidden("Only the account's owner sets its password; send a reset "
                                  "link instead");
        if (!change.current_password || !password_matches(record, *change.current_password))
            throw http::HttpError(400, "wrong_password", "The current password is not correct",
                                  {{"field", "current_password"}});
        if (auto why = check_password(*change.new_password))
            throw http::bad_request(*why, {{"field", "new_password"}});
        password_hash = auth::hash_password(*change.new_password);
    }

    const auto now = db::now_seconds();
    db::Transaction tx(ctx.stores.connection);
    if (change.name) users.set_name(record.user.id, name);
    // Confirmed by an administrator: the account is active; without a
    // password yet, its owner chooses one through a reset link.
    if (change.confirmed && record.user.status == UserStatus::unconfirmed)
        users.set_user_status(record.user.id, UserStatus::active);
    if (change.high_contrast || change.theme) {
        UserOptions options = record.user.options;
        if (change.high_contrast) options.high_contrast = *change.high_contrast;
        if (change.theme) options.theme = *change.theme;
        users.set_options(record.user.id, options);
    }
    if (!password_hash.empty()) {
        users.set_password_hash(record.user.id, password_hash);
        users.delete_sessions_except(record.user.id, ctx.session_token_hash);
    }
    if (!new_email.empty()) {
        const std::string token = auth::random_url_token();
        users.replace_email_change(auth::token_hash(token), record.user.id, new_email,
                                   now + email_link_minutes * 60);
        User addressed = record.user;
        addressed.email = new_email;
        ctx.stores.outbox.enqueue(
            mail::email_change(addressed, ctx.config.public_url + "/#/confirm-email/" + token,
                               email_link_minutes),
            now);
    }
    tx.commit();
    if (!new_email.empty()) mail::outbox_changed();
    json body = {{"user", users.find_user(record.user.id)->user}};
    if (!new_email.empty()) {
        body["email_pending"] = new_email;
        body["message"] = "We sent a link to " + new_email +
                          ". Your address changes when you open it (within an hour).";
    }
    return Response::json_body(200, body);
}

Response confirm_email_change(Context& ctx) {
    const auto request = api::parse_email_change_confirmation(ctx.req.json_body());
    auto& users = ctx.stores.users;
    db::Transaction tx(ctx.stores.connection);
    auto change = users.take_email_change(auth::token_hash(request.token), db::now_seconds());
    if (!change)
        throw http::HttpError(400, "invalid_token",
                              "This link has expired or was used already. Change the address "
                              "again in your profile.");
    const auto& [user_id, email] = *change;
    if (auto other = users.find_user_by_email(email); other && other->user.id != user_id)
        throw http::HttpError(409, "email_taken", "Another account uses " + email + " already");
    users.set_email(user_id, email);
    tx.commit();
    return Response::json_body(200, {{"status", "email_changed"}, {"email", email}});
}

Response delete_user(Context& ctx) {
    const db::UserRecord record = user_of_path(ctx, permission::users_delete);
    const bool self = record.user.id == ctx.signed_in_user().id;
    const auto request = ctx.req.body.empty() ? api::AccountDeletion{}
                                              : api::parse_account_deletion(ctx.req.json_body());
    if (self && (!request.password || !password_matches(record, *request.password)))
        throw http::HttpError(400, "wrong_password", "Type your password to delete your account",
                              {{"field", "password"}});
    db::Transaction tx(ctx.stores.connection);
    if (auto alone = ctx.stores.membership.modules_owned_only_by(record.user.id); !alone.empty()) {
        std::string titles;
        for (const auto& t : alone)
            titles += (titles.empty() ? "“" : ", “") + t + "”";
        throw http::HttpError(409, "sole_owner",
                              "The account is the only owner of " + titles +
                                  ". Make someone else an owner of those modules (or delete "
                                  "them) first.",
                              {{"modules", alone}});
    }
    ctx.stores.users.delete_user(record.user.id);
    tx.commit();
    auto r = Response::json_body(200, {{"status", "deleted"}});
    if (self) r.headers.emplace_back("Set-Cookie", session_cookie(ctx, "", 0));
    return r;
}

} // namespace wte::api_handlers
