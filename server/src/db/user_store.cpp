#include "db/user_store.hpp"

#include "db/rows.hpp"
#include "wte/permissions.hpp"

namespace wte::db {

namespace {

constexpr const char* user_columns = "id, email, name, password_hash, status, options";

UserRecord read_user(const Statement& st) {
    UserRecord r;
    r.user.id = st.int64(0);
    r.user.email = st.text(1);
    r.user.name = st.text(2);
    r.password_hash = st.optional_text(3);
    r.user.status = stored_enum(parse_user_status(st.text(4)), "user status");
    json options = json::parse(st.text(5), nullptr, false);
    if (options.is_object()) {
        r.user.options.high_contrast = options.value("high_contrast", false);
        // Stored before themes existed, or a value this version does not know: the browser's.
        r.user.options.theme =
            parse_theme_choice(options.value("theme", "")).value_or(ThemeChoice::system);
    }
    return r;
}

} // namespace

Id UserStore::create_user(const std::string& email, const std::string& name,
                          const std::optional<std::string>& password_hash, UserStatus status) {
    auto st = c_.prepare("INSERT INTO users (email, name, password_hash, status, created_at) "
                         "VALUES (?, ?, ?, ?, ?) RETURNING id");
    st.bind_all(email, name, password_hash, to_string(status), now_seconds()).step();
    return st.int64(0);
}

std::optional<UserRecord> UserStore::find_user(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_user(st);
}

std::optional<UserRecord> UserStore::find_user_by_email(const std::string& email) {
    // users.email is declared COLLATE NOCASE (001_initial.sql), so this is
    // case-insensitive and uses its unique index; a PostgreSQL schema would
    // declare it CITEXT to keep this statement as it is.
    auto st = c_.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE email = ?");
    st.bind(1, email);
    if (!st.step()) return std::nullopt;
    return read_user(st);
}

void UserStore::set_password_hash(Id user, const std::string& hash) {
    c_.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind_all(hash, user).run();
}

void UserStore::set_user_status(Id user, UserStatus status) {
    c_.prepare("UPDATE users SET status = ? WHERE id = ?").bind_all(to_string(status), user).run();
}

std::set<std::string> UserStore::permissions_of(Id user) {
    // UNION ALL: the set removes duplicates; UNION would build a temporary
    // table for it on every signed-in request.
    auto st = c_.prepare("SELECT permission FROM user_permissions WHERE user_id = ? "
                         "UNION ALL SELECT gp.permission FROM user_groups ug "
                         "JOIN group_permissions gp ON gp.group_id = ug.group_id "
                         "WHERE ug.user_id = ?");
    st.bind_all(user, user);
    std::set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

void UserStore::ensure_default_groups() {
    for (const auto& g : default_groups()) {
        c_.prepare("INSERT INTO permission_groups (title) VALUES (?) ON CONFLICT DO NOTHING")
            .bind(1, g.title)
            .run();
        auto id = find_group(g.title);
        for (const auto& p : g.permissions)
            c_.prepare("INSERT INTO group_permissions (group_id, permission) VALUES (?, ?) "
                       "ON CONFLICT DO NOTHING")
                .bind_all(*id, p)
                .run();
    }
}

std::optional<Id> UserStore::find_group(const std::string& title) {
    auto st = c_.prepare("SELECT id FROM permission_groups WHERE LOWER(title) = LOWER(?)");
    st.bind(1, title);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::vector<Group> UserStore::groups() {
    auto st = c_.prepare("SELECT g.id, g.title, gp.permission FROM permission_groups g "
                         "LEFT JOIN group_permissions gp ON gp.group_id = g.id ORDER BY g.id");
    std::vector<Group> out;
    while (st.step()) {
        if (out.empty() || out.back().id != st.int64(0))
            out.push_back({st.int64(0), st.text(1), {}});
        if (!st.is_null(2)) out.back().permissions.push_back(st.text(2));
    }
    return out;
}

void UserStore::add_to_group(Id user, Id group) {
    c_.prepare("INSERT INTO user_groups (user_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind_all(user, group)
        .run();
}

void UserStore::grant_permission(Id user, const std::string& permission) {
    c_.prepare("INSERT INTO user_permissions (user_id, permission) VALUES (?, ?) "
               "ON CONFLICT DO NOTHING")
        .bind_all(user, permission)
        .run();
}

void UserStore::replace_groups(Id user, const std::vector<Id>& groups) {
    c_.prepare("DELETE FROM user_groups WHERE user_id = ?").bind(1, user).run();
    for (Id g : groups)
        add_to_group(user, g);
}

void UserStore::replace_permissions(Id user, const std::vector<std::string>& permissions) {
    c_.prepare("DELETE FROM user_permissions WHERE user_id = ?").bind(1, user).run();
    for (const auto& p : permissions)
        grant_permission(user, p);
}

int UserStore::users_holding(const std::string& permission) {
    auto st = c_.prepare("SELECT COUNT(*) FROM (SELECT user_id FROM user_permissions "
                         "WHERE permission = ? UNION SELECT ug.user_id FROM user_groups ug "
                         "JOIN group_permissions gp ON gp.group_id = ug.group_id "
                         "WHERE gp.permission = ?) holders");
    st.bind_all(permission, permission);
    st.step();
    return st.integer(0);
}

void UserStore::create_session(const std::string& token_hash, Id user, const std::string& csrf,
                               std::int64_t expires_at) {
    c_.prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind_all(token_hash, user, csrf, now_seconds(), expires_at)
        .run();
}

std::optional<SessionRecord> UserStore::find_session(const std::string& token_hash,
                                                     std::int64_t now) {
    auto st = c_.prepare("SELECT user_id, csrf_token, expires_at FROM sessions "
                         "WHERE token_hash = ? AND expires_at > ?");
    st.bind_all(token_hash, now);
    if (!st.step()) return std::nullopt;
    return SessionRecord{st.int64(0), st.text(1), st.int64(2)};
}

std::optional<SignedIn> UserStore::find_signed_in(const std::string& token_hash, std::int64_t now) {
    // One statement for what every signed-in request needs first.
    auto st = c_.prepare("SELECT u.id, u.email, u.name, u.password_hash, u.status, u.options, "
                         "s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = "
                         "s.user_id WHERE s.token_hash = ? AND s.expires_at > ?");
    st.bind_all(token_hash, now);
    if (!st.step()) return std::nullopt;
    SignedIn in{SessionRecord{}, read_user(st)};
    in.session = SessionRecord{in.user.user.id, st.text(6), st.int64(7)};
    return in;
}

void UserStore::delete_session(const std::string& token_hash) {
    c_.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

void UserStore::set_name(Id user, const std::string& name) {
    c_.prepare("UPDATE users SET name = ? WHERE id = ?").bind_all(name, user).run();
}

void UserStore::set_options(Id user, const UserOptions& options) {
    const json j = {{"high_contrast", options.high_contrast}, {"theme", to_string(options.theme)}};
    c_.prepare("UPDATE users SET options = ? WHERE id = ?").bind_all(j.dump(), user).run();
}

void UserStore::set_email(Id user, const std::string& email) {
    c_.prepare("UPDATE users SET email = ? WHERE id = ?").bind_all(email, user).run();
}

void UserStore::delete_user(Id user) {
    c_.prepare("DELETE FROM users WHERE id = ?").bind(1, user).run();
}

void UserStore::delete_sessions_except(Id user, const std::string& keep_token_hash) {
    c_.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?")
        .bind_all(user, keep_token_hash)
        .run();
}

void UserStore::replace_email_change(const std::string& token_hash, Id user,
                                     const std::string& new_email, std::int64_t expires_at) {
    c_.prepare("DELETE FROM email_changes WHERE user_id = ?").bind(1, user).run();
    c_.prepare("INSERT INTO email_changes (token_hash, user_id, new_email, expires_at) "
               "VALUES (?, ?, ?, ?)")
        .bind_all(token_hash, user, new_email, expires_at)
        .run();
}

std::optional<std::pair<Id, std::string>>
UserStore::take_email_change(const std::string& token_hash, std::int64_t now) {
    auto st = c_.prepare("DELETE FROM email_changes WHERE token_hash = ? AND expires_at > ? "
                         "RETURNING user_id, new_email");
    st.bind_all(token_hash, now);
    if (!st.step()) return std::nullopt;
    return std::pair{st.int64(0), st.text(1)};
}

void UserStore::delete_sessions_of(Id user) {
    c_.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, user).run();
}

void UserStore::replace_user_token(const std::string& token_hash, Id user,
                                   const std::string& purpose, std::int64_t expires_at) {
    c_.prepare("DELETE FROM user_tokens WHERE user_id = ? AND purpose = ?")
        .bind_all(user, purpose)
        .run();
    c_.prepare("INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) "
               "VALUES (?, ?, ?, ?)")
        .bind_all(token_hash, user, purpose, expires_at)
        .run();
}

std::optional<Id> UserStore::take_user_token(const std::string& token_hash,
                                             const std::string& purpose, std::int64_t now) {
    auto st = c_.prepare("DELETE FROM user_tokens WHERE token_hash = ? AND purpose = ? "
                         "AND expires_at > ? RETURNING user_id");
    st.bind_all(token_hash, purpose, now);
    std::optional<Id> user;
    if (st.step()) user = st.int64(0);
    return user;
}

bool UserStore::user_token_exists(const std::string& token_hash, const std::string& purpose,
                                  std::int64_t now) {
    auto st = c_.prepare("SELECT 1 FROM user_tokens WHERE token_hash = ? AND purpose = ? "
                         "AND expires_at > ?");
    st.bind_all(token_hash, purpose, now);
    return st.step();
}

FailureRecord UserStore::failures(const std::string& key) {
    auto st = c_.prepare("SELECT failures, last_at FROM login_failures WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return {};
    return {st.integer(0), st.int64(1)};
}

void UserStore::record_failure(const std::string& key, std::int64_t now) {
    c_.prepare("INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?) "
               "ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1, "
               "last_at = excluded.last_at")
        .bind_all(key, now)
        .run();
}

void UserStore::clear_failures(const std::string& key) {
    c_.prepare("DELETE FROM login_failures WHERE key = ?").bind(1, key).run();
}

std::int64_t UserStore::throttle_wait(const std::string& key, int limit, std::int64_t window,
                                      std::int64_t now) {
    auto f = failures(key);
    if (now - f.last_at > window || f.failures < limit) return 0;
    return f.last_at + window - now;
}

void UserStore::count_request(const std::string& key, std::int64_t window, std::int64_t now) {
    if (now - failures(key).last_at > window) clear_failures(key);
    record_failure(key, now);
}

} // namespace wte::db
