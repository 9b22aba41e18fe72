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
    std::set<std::string> permissions_of(Id user); // direct ∪ groups, one query
    void ensure_default_groups();
    std::optional<Id> find_group(const std::string& title); // case-insensitive
    std::vector<Group> groups();
    void add_to_group(Id user, Id group);
    void grant_permission(Id user, const std::string& permission);

    // Sessions and sign-in throttling
    void create_session(const std::string& token_hash, Id user, const std::string& csrf,
                        std::int64_t expires_at);
    std::optional<SessionRecord> find_session(const std::string& token_hash, std::int64_t now);
    void delete_session(const std::string& token_hash);
    void delete_sessions_of(Id user);

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

private:
    Connection& c_;
};

} // namespace wte::db
