// AdminStore: the SQL of the administrators' lists — every user with their
// groups and direct permissions, every module with its owners and member
// count. Each list is a page of 25 read with a fixed number of queries
// (one count, one page, one look-up of the page's groups, owners, …).
#pragma once

#include "db/database.hpp"
#include "wte/api_admin.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::db {

class AdminStore {
public:
    explicit AdminStore(Connection& c) : c_(c) {}

    // Users whose name or email holds `query` (any case, taken literally), by
    // name then id.
    api::Page<api::AdminUser> users(const std::string& query, api::UserFilter filter, int page);
    std::optional<api::AdminUser> user(Id id);
    // Modules whose title holds `query`, by title then id; `status` keeps one.
    api::Page<api::AdminModule> modules(const std::string& query, std::optional<Status> status,
                                        int page);

private:
    // Fills in the groups and direct permissions of `users`, two queries.
    void add_groups_and_permissions(std::vector<api::AdminUser>& users);
    Connection& c_;
};

} // namespace wte::db
