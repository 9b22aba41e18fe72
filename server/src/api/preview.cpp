// The preview frame's files: GET /api/v1/preview/{token}/{path}. The token
// is a capability (no cookie is read; the answer never depends on one):
// it names one learner's workspace of one part, and only while that learner
// may still open the part. Every answer, 404s too, carries the sandbox CSP
// and the other headers of the contract, so a learner's page runs in an
// opaque origin that cannot reach the API as the learner.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "api/workspace.hpp"
#include "auth/crypto.hpp"
#include "content/preview_html.hpp"
#include "wte/transfer.hpp"

#include <iostream>

namespace wte::api_handlers {

namespace {

// "https://wte.example.org/some/path" → "https://wte.example.org".
std::string origin_of(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    auto path = url.find('/', scheme + 3);
    return path == std::string::npos ? url : url.substr(0, path);
}

Response with_preview_headers(Response r, const Config& config) {
    r.headers.emplace_back("Content-Security-Policy",
                           "sandbox allow-scripts allow-forms allow-modals allow-popups; "
                           "frame-ancestors 'self' " +
                               origin_of(config.public_url));
    r.headers.emplace_back("Origin-Agent-Cluster", "?1");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Cross-Origin-Resource-Policy", "cross-origin");
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return r;
}

Response plain(int status, const std::string& text) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = text + "\n";
    return r;
}

Response not_here() {
    return plain(404, "Not found");
}

bool is_html(const std::string& mimetype) {
    return mimetype.rfind("text/html", 0) == 0;
}

Response bytes(std::string body, const std::string& mimetype) {
    Response r;
    r.content_type = served_content_type(mimetype);
    r.body = is_html(mimetype) ? content::prepare_preview_html(body, content::preview_agent_js())
                               : std::move(body);
    return r;
}

Response answer(Context& ctx) {
    if (ctx.req.method != "GET" && ctx.req.method != "HEAD")
        return plain(405, "The preview only serves GET");
    const std::string& rest = ctx.req.params.at(0);
    const auto slash = rest.find('/');
    if (slash == std::string::npos || slash == 0) return not_here();
    const std::string token = rest.substr(0, slash);
    std::string path = rest.substr(slash + 1);
    if (path.empty() || path == "/") path = "index.html";
    // Stored names are UTF-8 (PostgreSQL refuses to even compare others).
    if (!is_valid_utf8(path)) return not_here();

    auto grant = ctx.stores.workspace.find_preview_token(auth::sha256_hex(token));
    if (!grant) return not_here();
    // The learner must still be a member who may open the part.
    auto chain = ctx.stores.tree.chain(grant->part_id);
    if (chain.empty()) return not_here();
    std::vector<ChainStep> steps;
    std::vector<Id> ids;
    for (const auto& r : chain) {
        steps.push_back({r.part.type, r.part.status});
        ids.push_back(r.part.id);
    }
    const ModuleRole role = ctx.stores.membership.role_of(chain.back().module_id, grant->user_id);
    Actor learner;
    learner.user_id = grant->user_id;
    learner.permissions = ctx.stores.users.permissions_of(grant->user_id);
    if (role == ModuleRole::none || role == ModuleRole::block ||
        !can_view(learner, node_facts(role, steps)))
        return not_here();

    if (path.find('/') == std::string::npos) {
        auto file = ctx.stores.workspace.find(grant->user_id, grant->part_id, path);
        auto content = ctx.stores.workspace.content(grant->user_id, grant->part_id, path);
        if (file && content) return bytes(std::move(*content), file->mimetype);
        return not_here();
    }
    const std::string assets = "assets/";
    if (path.rfind(assets, 0) == 0 && path.find('/', assets.size()) == std::string::npos) {
        auto asset = ctx.stores.assets.find_by_name(ids, path.substr(assets.size()));
        if (!asset) return not_here();
        auto data = ctx.stores.assets.bytes(asset->id);
        if (!data) return not_here();
        return bytes(std::move(*data), asset->mimetype);
    }
    return not_here();
}

} // namespace

Response preview_file(Context& ctx) {
    try {
        return with_preview_headers(answer(ctx), ctx.config);
    } catch (const std::exception& e) {
        std::cerr << "error on " << ctx.req.method << " " << ctx.req.path << ": " << e.what()
                  << "\n";
        return with_preview_headers(plain(503, "The preview cannot be shown right now"),
                                    ctx.config);
    }
}

} // namespace wte::api_handlers
