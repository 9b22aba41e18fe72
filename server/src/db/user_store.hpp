// UserStore: the SQL of accounts — users, permission groups and direct
// permissions, sessions, and the sign-in failures that throttle guessing.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wte::db {

struct UserRecord {
    User user;
    std::optional<std::string> password_hash;
};

struct SessionRecord {
    Id user_id = 0;
    std::string csrf_token;
    std::int64_t expires_at = 0;
};

struct SignedIn {
    SessionRecord session;
    UserRecord user;
};

struct FailureRecord {
    int failures = 0;
    std::int64_t last_at = 0;
};

class UserStore {
public:
    explicit UserStore(Connection& c) : c_(c) {}

    // Users and permissions. Email addresses are compared case-insensitively.
    Id create_user(const std::string& email, const std::string& name,
                   const std::optional<std::string>& password_hash, UserStatus status);
    std::optional<UserRecord> find_user(Id id);
    std::optional<UserRecord> find_user_by_email(const std::string& email);
    void set_password_hash(Id user, const std::string& hash);
    void set_user_status(Id user, UserStatus status);
    void set_name(Id user, const std::string& name);
    void set_options(Id user, const UserOptions& options);
    void set_email(Id user, const std::string& email);
    void delete_user(Id user); // everything of the user goes with it (foreign keys cascade)
    std::set<std::string> permissions_of(Id user); // direct ∪ groups, one query
    void ensure_default_groups();
    std::optional<Id> find_group(const std::string& title); // case-insensitive
    std::vector<Group> groups();
    void add_to_group(Id user, Id group);
    void grant_permission(Id user, const std::string& permission);
    // An administrator's edit: the user's groups and direct permissions become these.
    void replace_groups(Id user, const std::vector<Id>& groups);
    void replace_permissions(Id user, const std::vector<std::string>& permissions);
    // How many users hold `permission`, directly or through a group.
    int users_holding(const std::string& permission);

    // Sessions and sign-in throttling
    void create_session(const std::string& token_hash, Id user, const std::string& csrf,
                        std::int64_t expires_at);
    std::optional<SessionRecord> find_session(const std::string& token_hash, std::int64_t now);
    // The session and its user at once (a session always has one).
    std::optional<SignedIn> find_signed_in(const std::string& token_hash, std::int64_t now);
    void delete_session(const std::string& token_hash);
    void delete_sessions_of(Id user);
    void delete_sessions_except(Id user, const std::string& keep_token_hash);

    // A pending change of address; a newer one replaces it.
    void replace_email_change(const std::string& token_hash, Id user, const std::string& new_email,
                              std::int64_t expires_at);
    // The user and new address of a valid link, which is used up.
    std::optional<std::pair<Id, std::string>> take_email_change(const std::string& token_hash,
                                                                std::int64_t now);

    // One-time links (confirm, reset), stored hashed. A new link of a purpose
    // replaces the user's earlier ones; taking one deletes it (single use).
    void replace_user_token(const std::string& token_hash, Id user, const std::string& purpose,
                            std::int64_t expires_at);
    std::optional<Id> take_user_token(const std::string& token_hash, const std::string& purpose,
                                      std::int64_t now);
    bool user_token_exists(const std::string& token_hash, const std::string& purpose,
                           std::int64_t now);
    FailureRecord failures(const std::string& key);
    void record_failure(const std::string& key, std::int64_t now);
    void clear_failures(const std::string& key);
    // Requests counted under `key` (in login_failures): at most `limit` per
    // `window` seconds, the window counting from the latest one (a steady
    // trickle stays refused). The seconds to wait, 0 when one more may go.
    std::int64_t throttle_wait(const std::string& key, int limit, std::int64_t window,
                               std::int64_t now);
    void count_request(const std::string& key, std::int64_t window, std::int64_t now);

private:
    Connection& c_;
};

} // namespace wte::db
