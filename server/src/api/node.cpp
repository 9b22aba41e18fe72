#include "api/node.hpp"

namespace wte::api_handlers {

Node load_node(http::Context& ctx, Id id) {
    Node n;
    n.chain = ctx.store.chain(id);
    if (n.chain.empty()) throw http::not_found("Part " + std::to_string(id) + " does not exist");
    n.record = n.chain.back();
    if (ctx.user) n.role = ctx.store.role_of(n.record.module_id, ctx.user->id);
    n.facts.role = n.role;
    n.facts.type = n.record.part.type;
    n.facts.module_status = n.chain.front().part.status;
    for (const auto& r : n.chain)
        n.facts.chain.push_back(r.part.status);
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

std::pair<int, int> paging(const http::Context& ctx) {
    return {positive(ctx, "page", 1, 100000), positive(ctx, "per_page", 50, 200)};
}

} // namespace wte::api_handlers
