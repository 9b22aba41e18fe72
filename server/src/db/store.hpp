// Store: every SQL statement of wte-server lives here (and in the numbered
// migrations). Handlers and the CLI speak domain types to it. A future
// PostgreSQL backend implements the same operations.
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

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

struct PartRecord {
    Part part;
    Id module_id = 0;
    std::optional<std::string> access_password_hash;
    std::vector<std::string> access_domains;
};

struct ModuleWithRole {
    PartSummary module;
    ModuleRole role = ModuleRole::none;
};

std::int64_t now_seconds();

class Store {
public:
    explicit Store(Connection& c) : c_(c) {}
    Connection& connection() { return c_; }

    // Users and permissions
    Id create_user(const std::string& email, const std::string& name,
                   const std::optional<std::string>& password_hash, UserStatus status);
    std::optional<UserRecord> find_user(Id id);
    std::optional<UserRecord> find_user_by_email(const std::string& email);
    void set_password_hash(Id user, const std::string& hash);
    void set_user_status(Id user, UserStatus status);
    std::set<std::string> permissions_of(Id user); // direct ∪ groups, one query
    void ensure_default_groups();
    std::optional<Id> find_group(const std::string& title);
    std::vector<Group> groups();
    void add_to_group(Id user, Id group);
    void grant_permission(Id user, const std::string& permission);

    // Sessions and sign-in throttling
    void create_session(const std::string& token_hash, Id user, const std::string& csrf,
                        std::int64_t expires_at);
    std::optional<SessionRecord> find_session(const std::string& token_hash, std::int64_t now);
    void delete_session(const std::string& token_hash);
    FailureRecord failures(const std::string& key);
    void record_failure(const std::string& key, std::int64_t now);
    void clear_failures(const std::string& key);

    // The content tree
    Id insert_part(const Part& p, std::optional<Id> module_id); // p.order is the sibling index
    std::optional<PartRecord> find_part(Id id);
    std::vector<PartRecord> chain(Id id); // module first, the node itself last
    std::vector<PartSummary> children(Id parent);
    void update_part(const Part& p); // title, label, display_mode, content (not status/order)
    void set_status(Id part, Status from, Status to, std::optional<Id> user, std::optional<Id> task,
                    std::int64_t now);
    void move_part(Id part, int index);                           // among its siblings
    void reorder_children(Id parent, const std::vector<Id>& ids); // a permutation of them
    void delete_part_tree(Id part);
    void set_access(Id module, bool set_password, const std::optional<std::string>& password_hash,
                    const std::optional<std::vector<std::string>>& domains);
    std::set<Id> with_pending_tasks(const std::vector<Id>& part_ids);

    // Module membership
    ModuleRole role_of(Id module, Id user);
    void set_role(Id module, Id user, ModuleRole role);
    void remove_member(Id module, Id user); // role and progress; quiz answers stay
    api::Page<PartSummary> available_modules(int page, int per_page);
    api::Page<ModuleWithRole> my_modules(Id user, const std::vector<Status>& statuses, int page,
                                         int per_page);

    // Quizzes (extracted from content on save) and learners' answers
    void replace_quizzes(Id part, const std::vector<Quiz>& quizzes);
    std::vector<Quiz> quizzes(Id part); // with correct answers: server-side only
    std::optional<QuizAnswer> quiz_answer(Id user, Id part, const std::string& quiz,
                                          const std::string& question);
    void save_quiz_answer(Id user, Id part, const QuizAnswer& answer);
    std::vector<QuizAnswer> quiz_answers(Id user, Id part);

    // Assets (bytes stored in the database; ETag = hash of the bytes)
    Id insert_asset(const Asset& a, const std::string& bytes);
    std::optional<Asset> find_asset(Id id);
    std::optional<std::string> asset_bytes(Id id);
    std::vector<Asset> assets_of(Id part);
    // The asset called `filename` on the nearest of `chain` (node last, module first).
    std::optional<Asset> find_asset_by_name(const std::vector<Id>& chain,
                                            const std::string& filename);
    void update_asset(const Asset& a); // filename, mimetype, order
    void replace_asset_bytes(Id id, const std::string& bytes, const std::string& etag);
    void delete_asset(Id id);

private:
    Connection& c_;
};

} // namespace wte::db
