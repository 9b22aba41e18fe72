#include "api/node.hpp"

namespace wte::api_handlers {

NodeFacts node_facts(ModuleRole role, const std::vector<ChainStep>& chain) {
    NodeFacts f;
    f.role = role;
    if (chain.empty()) return f;
    f.type = chain.back().type;
    f.module_status = chain.front().status;
    for (const auto& step : chain)
        f.chain.push_back(step.status);
    return f;
}

namespace {
std::vector<ChainStep> steps_of(const std::vector<db::PartRecord>& chain) {
    std::vector<ChainStep> steps;
    for (const auto& r : chain)
        steps.push_back({r.part.type, r.part.status});
    return steps;
}
} // namespace

NodeFacts child_facts(const Node& n, const PartSummary& child) {
    auto steps = steps_of(n.chain);
    steps.push_back({child.type, child.status});
    return node_facts(n.role, steps);
}

Node load_node(http::Context& ctx, Id id) {
    Node n;
    n.chain = ctx.stores.tree.chain(id);
    if (n.chain.empty()) throw http::not_found("Part " + std::to_string(id) + " does not exist");
    n.record = n.chain.back();
    if (ctx.user) n.role = ctx.stores.membership.role_of(n.record.module_id, ctx.user->id);
    n.facts = node_facts(n.role, steps_of(n.chain));
    return n;
}

Node require_view(http::Context& ctx, Id id) {
    Node n = load_node(ctx, id);
    if (!can_view(ctx.actor, n.facts))
        throw http::forbidden("You may not see part " + std::to_string(id));
    return n;
}

Node require_edit(http::Context& ctx, Id id) {
    Node n = load_node(ctx, id);
    if (!can_edit(ctx.actor, n.facts))
        throw http::forbidden("You may not edit part " + std::to_string(id));
    return n;
}

namespace {
int positive(const http::Context& ctx, const char* name, int def, int max) {
    auto v = ctx.req.query_value(name);
    if (!v) return def;
    if (v->empty() || v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos)
        throw http::bad_request(std::string("?") + name + "= must be a positive whole number");
    int n = std::stoi(*v);
    if (n < 1 || n > max)
        throw http::bad_request(std::string("?") + name + "= must be between 1 and " +
                                std::to_string(max));
    return n;
}
} // namespace

std::pair<int, int> paging(const http::Context& ctx, int default_per_page) {
    return {positive(ctx, "page", 1, 100000), positive(ctx, "per_page", default_per_page, 200)};
}

} // namespace wte::api_handlers
