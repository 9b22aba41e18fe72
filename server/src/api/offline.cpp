// The offline copy of a node (GET /parts/{id}/offline.zip): the subtree the
// caller may see — the same rule as GET /parts/{id} and its children lists —
// written as a static website (content/offline_site) into a ZIP that is
// streamed while libarchive writes it; asset bytes are read one at a time.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "content/offline_site.hpp"
#include "content/zip_stream.hpp"
#include "db/asset_store.hpp"
#include "db/rows.hpp"
#include "wte/quiz_solutions.hpp"
#include "wte/rules.hpp"

#include <ctime>

namespace wte::api_handlers {

namespace {

content::OfflineNode visible_tree(Context& ctx, const Node& n) {
    content::OfflineNode out;
    out.part = n.record.part;
    out.part.content = hide_quiz_solutions(out.part.content);
    for (const auto& r : n.chain)
        out.chain.push_back(r.part.id);
    const bool editor = capabilities(ctx.actor, n.facts).edit;
    for (const auto& child : ctx.stores.tree.children(n.record.part.id)) {
        NodeFacts facts = child_facts(n, child);
        if (!editor && !can_view(ctx.actor, facts)) continue;
        auto record = ctx.stores.tree.find_part(child.id);
        if (!record) continue; // deleted meanwhile
        Node c;
        c.chain = n.chain;
        c.chain.push_back(*record);
        c.record = *record;
        c.role = n.role;
        c.facts = std::move(facts);
        out.children.push_back(visible_tree(ctx, c));
    }
    return out;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return buf;
}

void write_site(db::Connection& conn, const content::OfflineSite& site,
                const http::Response::Sink& sink) {
    content::ZipStream zip(sink);
    const std::time_t now = std::time(nullptr);
    for (const auto& f : site.files)
        zip.add(f.path, f.text, now);
    db::AssetStore assets(conn);
    for (const auto& a : site.assets)
        if (auto bytes = assets.bytes(a.id)) zip.add(a.path, *bytes, now);
    zip.close();
}

} // namespace

Response offline_copy(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    content::OfflineOptions o;
    o.find_asset = [&](const std::vector<Id>& chain, const std::string& name) {
        return ctx.stores.assets.find_by_name(chain, name);
    };
    o.outside_url = [&](const std::string& part_id) {
        return ctx.config.public_url + "/#/parts/" + part_id;
    };
    o.show_problems = capabilities(ctx.actor, n.facts).edit;
    o.generated_on = today();
    auto site = std::make_shared<content::OfflineSite>(
        content::build_offline_site(visible_tree(ctx, n), o));

    Response r;
    r.content_type = "application/zip";
    r.headers.emplace_back("Content-Disposition",
                           http::zip_disposition(n.record.part.title, "offline-copy"));
    r.headers.emplace_back("Cache-Control", "no-store");
    db::Connection& conn = ctx.stores.connection;
    r.stream = [&conn, site](const Response::Sink& sink) { write_site(conn, *site, sink); };
    return r;
}

} // namespace wte::api_handlers
