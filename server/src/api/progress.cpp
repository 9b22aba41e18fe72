// A learner's progress: visits recorded when a page is read, time on page
// reported by the client, and the progress of a part or a whole module.
// Only student members have progress; others see zeros.
#include "api/progress.hpp"
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "api/workspace.hpp"
#include "wte/api.hpp"
#include "wte/rules.hpp"

namespace wte::api_handlers {

namespace {

// The pages of a part the caller may open, in order (`part` is a Node of the part).
std::vector<PartSummary> visible_pages(Context& ctx, const Node& part) {
    std::vector<PartSummary> pages;
    for (auto& child : ctx.stores.tree.children(part.record.part.id))
        if (child.type == PartType::page && can_view(ctx.actor, child_facts(part, child)))
            pages.push_back(std::move(child));
    return pages;
}

api::PartProgress part_progress(Context& ctx, const Node& part) {
    api::PartProgress p;
    p.part_id = part.record.part.id;
    auto pages = visible_pages(ctx, part);
    std::vector<Id> ids;
    for (const auto& page : pages)
        ids.push_back(page.id);
    const Id user = ctx.signed_in_user().id;
    auto visits = ctx.stores.progress.visits(user, ids);
    for (const auto& page : pages) {
        auto it = visits.find(page.id);
        const bool visited = it != visits.end();
        const std::int64_t seconds = visited ? it->second.seconds : 0;
        p.pages.push_back({page.id, page.title, visited, seconds});
        p.visited_pages += visited ? 1 : 0;
        p.seconds += seconds;
    }
    p.available_pages = static_cast<int>(pages.size());
    p.skimming = is_skimming(p.visited_pages, p.seconds);
    // A current page the learner can no longer open is no place to continue.
    if (auto current = ctx.stores.progress.current_page(user, p.part_id))
        if (std::find(ids.begin(), ids.end(), *current) != ids.end()) p.current_page_id = current;
    return p;
}

} // namespace

void record_page_visit(Context& ctx, const Node& page) {
    if (page.record.part.type != PartType::page || !page.record.part.parent_id) return;
    if (page.role == ModuleRole::student)
        ctx.stores.progress.record_visit(ctx.signed_in_user().id, *page.record.part.parent_id,
                                         page.record.part.id, db::now_seconds());
    // A page of a three-pane part: every member gets the templates on the first visit.
    const auto& part = page.chain[page.chain.size() - 2].part;
    const bool member = page.role == ModuleRole::student || page.role == ModuleRole::tutor ||
                        page.role == ModuleRole::owner;
    if (member && part.type == PartType::part &&
        part.display_mode == DisplayMode::three_pane_html) {
        Node part_node = page;
        part_node.chain.pop_back();
        part_node.record = part_node.chain.back();
        ensure_workspace(ctx, part_node);
    }
}

Response get_progress(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    switch (n.record.part.type) {
    case PartType::part:
        return Response::json_body(200, api::to_json(part_progress(ctx, n)));
    case PartType::module: {
        api::ModuleProgress m;
        m.module_id = n.record.part.id;
        for (const auto& child : ctx.stores.tree.children(n.record.part.id)) {
            if (child.type != PartType::part || !can_view(ctx.actor, child_facts(n, child)))
                continue;
            Node part = load_node(ctx, child.id);
            auto p = part_progress(ctx, part);
            m.parts.push_back({p.part_id, p.visited_pages, p.available_pages, p.seconds});
        }
        return Response::json_body(200, api::to_json(m));
    }
    case PartType::page:
        break;
    }
    throw http::bad_request("Progress belongs to parts and modules; part " +
                            std::to_string(n.record.part.id) + " is a page");
}

Response report_time(Context& ctx) {
    auto r = api::parse_time_report(ctx.req.json_body());
    db::Transaction tx(ctx.stores.connection);
    Node n = require_view(ctx, ctx.id_param(0));
    if (n.record.part.type != PartType::part)
        throw http::bad_request("Time is reported on the part that holds the page; part " +
                                std::to_string(n.record.part.id) + " is a " +
                                to_string(n.record.part.type));
    if (n.role != ModuleRole::student)
        throw http::forbidden("Only learners of this module have time on page recorded",
                              "not_a_learner");
    auto pages = visible_pages(ctx, n);
    if (std::none_of(pages.begin(), pages.end(), [&](const auto& p) { return p.id == r.page_id; }))
        throw http::bad_request("Page " + std::to_string(r.page_id) + " is not a page of part " +
                                    std::to_string(n.record.part.id),
                                {{"field", "page_id"}});
    auto total =
        ctx.stores.progress.add_seconds(ctx.user->id, r.page_id, r.seconds, db::now_seconds());
    tx.commit();
    return Response::json_body(200, api::to_json(api::TimeTotal{r.page_id, total}));
}

} // namespace wte::api_handlers
