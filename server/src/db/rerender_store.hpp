// RerenderStore: the SQL of "re-render all content" — the one job row (and
// its problems) that every wte-server instance reads, the lease the running
// process renews after each batch, and the parts it walks through in id order.
#pragma once

#include "db/database.hpp"
#include "wte/api_admin.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::db {

// A node whose content is re-rendered, with what a problem report names.
struct RenderablePart {
    Id id = 0;
    std::string title;
    std::string module_title;
    std::string content;
};

class RerenderStore {
public:
    explicit RerenderStore(Connection& c) : c_(c) {}

    // The newest job with its problems; none before the first.
    std::optional<api::RerenderJob> latest();
    std::optional<Id> running();
    // Jobs whose process stopped renewing the lease are failed (they never finish).
    bool abandoned(std::int64_t now);
    int fail_abandoned(std::int64_t now);
    // A new running job held by `owner`; jobs before the latest are forgotten.
    Id start(const std::string& owner, int total, std::optional<Id> started_by,
             std::int64_t lease_expires, std::int64_t now);
    // The running job held by `owner` and its cursor (the last part id done).
    std::optional<std::pair<Id, Id>> held_by(const std::string& owner);
    int count_parts();
    std::vector<RenderablePart> parts_after(Id after, int limit);
    // Moves the cursor and renews the lease; false when the job is no longer
    // this owner's running job (then nothing changed).
    bool advance(Id job, const std::string& owner, int more_done, Id last_part,
                 std::int64_t lease_expires);
    void add_problem(Id job, const api::RerenderProblem& problem);
    // done or failed; a finished job's total is what it did.
    void finish(Id job, const std::string& state, const std::optional<std::string>& error,
                std::int64_t now);

private:
    Connection& c_;
};

} // namespace wte::db
