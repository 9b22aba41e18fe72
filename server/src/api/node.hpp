// Loading a node of the tree together with everything the permission rules
// need (its ancestors, the caller's module role) in a fixed number of queries.
#pragma once

#include "http/router.hpp"

namespace wte::api_handlers {

struct Node {
    db::PartRecord record;             // the node itself
    std::vector<db::PartRecord> chain; // module first, node last
    ModuleRole role = ModuleRole::none;
    NodeFacts facts;
    const db::PartRecord& module() const { return chain.front(); }
};

// The one place permission facts are built: for the last node of `chain`
// (module first), as seen by a caller whose role on the module is `role`.
struct ChainStep {
    PartType type;
    Status status;
};
NodeFacts node_facts(ModuleRole role, const std::vector<ChainStep>& chain);
// The facts of a child of `n`, to decide whether the caller may open it.
NodeFacts child_facts(const Node& n, const PartSummary& child);

Node load_node(http::Context& ctx, Id id); // 404 when it does not exist
Node require_view(http::Context& ctx, Id id);
Node require_edit(http::Context& ctx, Id id);

// ?page=&per_page= with defaults and limits; bad values are a 400.
std::pair<int, int> paging(const http::Context& ctx, int default_per_page = 50);

} // namespace wte::api_handlers
