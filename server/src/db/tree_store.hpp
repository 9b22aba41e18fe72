// TreeStore: the SQL of the content tree — parts (modules, parts, pages),
// their status and its history, module access settings and the order of
// siblings. Invariant kept here: siblings' `ord` is 0, 1, 2, … in their order.
#pragma once

#include "db/database.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::db {

class TaskStore;

struct PartRecord {
    Part part;
    Id module_id = 0;
    std::optional<std::string> access_password_hash;
    std::vector<std::string> access_domains;
};

// The columns read_part expects, in its order, for "SELECT <part_columns> FROM parts".
extern const char* const part_columns;
// `at`: the first of its columns when a statement reads several parts in a row.
PartRecord read_part(const Statement& st, int at = 0);
// How lists show a part: its summary with the first paragraph of its content.
PartSummary listed(const Part& p);

class TreeStore {
public:
    // Deleting a subtree also removes its timed tasks, through `tasks`.
    TreeStore(Connection& c, TaskStore& tasks) : c_(c), tasks_(tasks) {}

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
    // What delete_part_tree(part) takes with it, counted over the subtree in
    // one statement (no query per child).
    api::DeleteImpact delete_impact(Id part);
    void set_access(Id module, bool set_password, const std::optional<std::string>& password_hash,
                    const std::optional<std::vector<std::string>>& domains);

private:
    Connection& c_;
    TaskStore& tasks_;
};

} // namespace wte::db
