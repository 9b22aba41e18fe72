// MembershipStore: the SQL of who belongs to which module — roles (owner,
// tutor, student, block), leaving a module, "my modules" and the catalogue of
// modules open to take.
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <vector>

namespace wte::db {

struct ModuleWithRole {
    PartSummary module;
    ModuleRole role = ModuleRole::none;
};

class MembershipStore {
public:
    explicit MembershipStore(Connection& c) : c_(c) {}

    ModuleRole role_of(Id module, Id user);
    void set_role(Id module, Id user, ModuleRole role); // none removes the role
    // What a blocked member was before the block (student when not known).
    ModuleRole role_before_block(Id module, Id user);
    int owner_count(Id module);
    // Titles of the modules `user` owns with no other owner (they would be left without one).
    std::vector<std::string> modules_owned_only_by(Id user);
    void remove_member(Id module, Id user); // the role only; progress is ProgressStore's
    // The members of a module: owners, tutors, students, then the blocked,
    // each by name; `query` matches a part of the name or email (any case),
    // `role` keeps one role.
    api::Page<api::Member> members(Id module, const std::string& query,
                                   std::optional<ModuleRole> role, int page, int per_page);
    std::optional<api::Member> member(Id module, Id user);
    // Who a teacher's notice goes to: the module's students and tutors (not
    // owners, not the blocked), by id.
    std::vector<User> students_and_tutors(Id module);
    api::Page<PartSummary> available_modules(int page, int per_page);
    // Modules where `user` has a role other than block; all statuses when empty.
    api::Page<ModuleWithRole> my_modules(Id user, const std::vector<Status>& statuses, int page,
                                         int per_page);

private:
    Connection& c_;
};

} // namespace wte::db
