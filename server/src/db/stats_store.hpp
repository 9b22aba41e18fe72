// StatsStore: the SQL of a teacher's statistics on a module, part or page —
// its learners' visits, time and quiz answers, read with five set-based
// queries over all learners at once (never one query per learner), whatever
// the number of learners and pages.
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

namespace wte::db {

class StatsStore {
public:
    explicit StatsStore(Connection& c) : c_(c) {}

    // The statistics of `node` (of type `type`) in `module`, over the
    // module's students, as api::PartStats documents; zeros when it has no
    // learners or no pages. part_id, type and title are the caller's.
    api::PartStats of_node(Id module, Id node, PartType type);

private:
    Connection& c_;
};

} // namespace wte::db
