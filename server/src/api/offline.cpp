// The offline copy of a node (GET /parts/{id}/offline.zip): the subtree the
// caller may see — the same rule as GET /parts/{id} and its children lists —
// written as a static website (content/offline_site) into a ZIP that is
// streamed while libarchive writes it; asset bytes are read one at a time.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "content/offline_site.hpp"
#include "db/asset_store.hpp"
#include "db/rows.hpp"
#include "wte/quiz_solutions.hpp"
#include "wte/rules.hpp"

#include <archive.h>
#include <archive_entry.h>

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

la_ssize_t write_piece(struct archive*, void* sink, const void* data, size_t size) {
    (*static_cast<const http::Response::Sink*>(sink))(
        std::string_view(static_cast<const char*>(data), size));
    return static_cast<la_ssize_t>(size);
}

void write_site(db::Connection& conn, const content::OfflineSite& site,
                const http::Response::Sink& sink) {
    struct archive* zip = archive_write_new();
    auto fail = [&](const std::string& what) {
        const char* reason = archive_error_string(zip);
        std::string why = what + ": " + (reason ? reason : "unknown");
        archive_write_free(zip);
        throw std::runtime_error(why);
    };
    if (archive_write_set_format_zip(zip) != ARCHIVE_OK) fail("zip format");
    archive_write_set_options(zip, "zip:hdrcharset=UTF-8");
    archive_write_set_bytes_in_last_block(zip, 1);
    if (archive_write_open(zip, const_cast<http::Response::Sink*>(&sink), nullptr, write_piece,
                           nullptr) != ARCHIVE_OK)
        fail("open");
    const std::time_t now = std::time(nullptr);
    auto entry = [&](const std::string& path, std::string_view bytes) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname_utf8(e, path.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_mtime(e, now, 0);
        const bool ok = archive_write_header(zip, e) == ARCHIVE_OK &&
                        archive_write_data(zip, bytes.data(), bytes.size()) ==
                            static_cast<la_ssize_t>(bytes.size());
        archive_entry_free(e);
        if (!ok) fail("entry " + path);
    };
    for (const auto& f : site.files)
        entry(f.path, f.text);
    db::AssetStore assets(conn);
    for (const auto& a : site.assets)
        if (auto bytes = assets.bytes(a.id)) entry(a.path, *bytes);
    if (archive_write_close(zip) != ARCHIVE_OK) fail("close");
    archive_write_free(zip);
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
