// The learner's workspace of a three-pane part: the file list with the
// preview URL, reading and saving a file (If-Match on the ETag, so two tabs
// cannot silently overwrite each other), resets to the templates, the ZIP
// download and revoking the preview URL. Every member of the part's module
// has a workspace of their own; nobody else's files are ever reachable.
#include "api/workspace.hpp"

#include "api/handlers.hpp"
#include "api/node.hpp"
#include "auth/crypto.hpp"
#include "content/zip_stream.hpp"
#include "wte/api.hpp"
#include "wte/rules.hpp"

namespace wte::api_handlers {

namespace {

constexpr std::size_t max_file_bytes = 1024 * 1024;
// Each GET of the workspace hands out a fresh preview URL (only hashes are
// stored, so an old one cannot be shown again); this many stay valid per
// learner and part, enough for the tabs one learner has open.
constexpr int live_preview_tokens = 20;

struct Workspace {
    Node part;
    Id user = 0;
    std::vector<Id> chain; // module first, the part last
};

bool is_member(ModuleRole role) {
    return role == ModuleRole::owner || role == ModuleRole::tutor || role == ModuleRole::student;
}

std::vector<Id> ids_of(const Node& n) {
    std::vector<Id> ids;
    for (const auto& r : n.chain)
        ids.push_back(r.part.id);
    return ids;
}

// A 404 for anything the caller may not see or is not a member of, so the
// answer never tells whether someone else's workspace exists.
Workspace require_workspace(Context& ctx) {
    const Id id = ctx.id_param(0);
    const Id user = ctx.signed_in_user().id;
    Node n = load_node(ctx, id);
    if (!is_member(n.role) || !can_view(ctx.actor, n.facts))
        throw http::not_found("Part " + std::to_string(id) + " does not exist");
    if (n.record.part.type != PartType::part ||
        n.record.part.display_mode != DisplayMode::three_pane_html)
        throw http::HttpError(404, "no_workspace",
                              "Part " + std::to_string(id) +
                                  " has no workspace: only parts shown in three panes have files");
    Workspace w{std::move(n), user, {}};
    w.chain = ids_of(w.part);
    return w;
}

std::string filename_param(const Context& ctx) {
    const std::string& name = ctx.req.params.at(1);
    if (Refusal no = check_workspace_filename(name))
        throw http::HttpError(400, "bad_filename", *no, {{"field", "filename"}});
    return name;
}

// For new files; an existing file keeps the type it has.
std::string mimetype_for(const std::string& filename) {
    static const std::vector<std::pair<std::string, std::string>> types = {
        {".html", "text/html"},        {".css", "text/css"},   {".js", "text/javascript"},
        {".json", "application/json"}, {".txt", "text/plain"}, {".svg", "image/svg+xml"},
        {".md", "text/markdown"}};
    for (const auto& [ext, type] : types)
        if (filename.size() > ext.size() &&
            filename.compare(filename.size() - ext.size(), ext.size(), ext) == 0)
            return type;
    return "text/plain";
}

json workspace_body(Context& ctx, const Workspace& w) {
    const std::string token = auth::random_url_token();
    ctx.stores.workspace.add_preview_token(auth::sha256_hex(token), w.user, w.part.record.part.id,
                                           db::now_seconds(), live_preview_tokens);
    api::Workspace body;
    body.part_id = w.part.record.part.id;
    for (const auto& f : ctx.stores.workspace.files(w.user, w.part.record.part.id))
        body.files.push_back({f.filename, f.mimetype, f.etag, f.size, f.changed()});
    body.preview_url = std::string(http::preview_prefix) + token + "/index.html";
    return api::to_json(body);
}

void write_zip(db::Connection& conn, Id user, Id part, const http::Response::Sink& sink) {
    content::ZipStream zip(sink);
    db::WorkspaceStore files(conn);
    files.each_file(user, part, [&](const db::StoredWorkspaceFile& f, const std::string& bytes) {
        zip.add(f.filename, bytes, f.updated_at);
    });
    zip.close();
}

} // namespace

std::string served_content_type(const std::string& mimetype) {
    return mimetype.rfind("text/", 0) == 0 || mimetype == "application/json" ||
                   mimetype == "image/svg+xml"
               ? mimetype + "; charset=utf-8"
               : mimetype;
}

void ensure_workspace(Context& ctx, const Node& part) {
    const Id user = ctx.signed_in_user().id;
    if (ctx.stores.workspace.exists(user, part.record.part.id)) return;
    db::Transaction tx(ctx.stores.connection);
    ctx.stores.workspace.create_once(user, part.record.part.id, ids_of(part), db::now_seconds());
    tx.commit();
}

Response get_workspace(Context& ctx) {
    Workspace w = require_workspace(ctx);
    ensure_workspace(ctx, w.part);
    db::Transaction tx(ctx.stores.connection);
    auto body = workspace_body(ctx, w);
    tx.commit();
    return Response::json_body(200, body);
}

Response get_workspace_file(Context& ctx) {
    Workspace w = require_workspace(ctx);
    const std::string name = filename_param(ctx);
    ensure_workspace(ctx, w.part);
    auto file = ctx.stores.workspace.find(w.user, w.part.record.part.id, name);
    auto bytes = ctx.stores.workspace.content(w.user, w.part.record.part.id, name);
    if (!file || !bytes)
        throw http::not_found("There is no file called " + name + " in your workspace");
    Response r;
    r.content_type = served_content_type(file->mimetype);
    r.body = std::move(*bytes);
    r.headers.emplace_back("ETag", "\"" + file->etag + "\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

Response put_workspace_file(Context& ctx) {
    Workspace w = require_workspace(ctx);
    const std::string name = filename_param(ctx);
    if (ctx.req.body.size() > max_file_bytes)
        throw http::HttpError(413, "too_large",
                              "A workspace file can hold at most 1 MiB; this one has " +
                                  std::to_string(ctx.req.body.size()) + " bytes");
    auto if_match = ctx.req.header("if-match");
    if (!if_match)
        throw http::HttpError(428, "if_match_required",
                              "Saving needs an If-Match header with the ETag you started from "
                              "(or * to create or overwrite the file)");
    const http::Precondition pre = http::parse_if_match(*if_match);
    ensure_workspace(ctx, w.part);
    const std::string etag = auth::content_hash(ctx.req.body);
    db::Transaction tx(ctx.stores.connection);
    auto outcome = ctx.stores.workspace.save(
        w.user, w.part.record.part.id, name, mimetype_for(name), ctx.req.body, etag,
        pre.any ? std::nullopt : std::optional<std::string>(pre.etag), db::now_seconds());
    if (outcome.kind == db::SaveOutcome::Kind::conflict)
        throw http::HttpError(409, "file_changed",
                              outcome.etag ? name + " was changed elsewhere since you opened it"
                                           : name + " does not exist any more",
                              {{"etag", outcome.etag ? json(*outcome.etag) : json(nullptr)}});
    tx.commit();
    const api::FileSaveResult result{outcome.kind == db::SaveOutcome::Kind::saved ? "saved"
                                                                                  : "no-changes",
                                     *outcome.etag, outcome.changed};
    return Response::json_body(200, api::to_json(result));
}

Response reset_workspace_files(Context& ctx) {
    Workspace w = require_workspace(ctx);
    std::optional<std::string> filename;
    if (!ctx.req.body.empty()) {
        json body = ctx.req.json_body();
        if (!body.is_object()) throw http::bad_request("The request body must be a JSON object");
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() != "filename")
                throw http::bad_request("Field '" + it.key() + "' is not known here",
                                        {{"field", it.key()}});
            if (!it->is_string())
                throw http::HttpError(400, "bad_filename", "filename must be a string",
                                      {{"field", "filename"}});
            filename = it->get<std::string>();
            if (Refusal no = check_workspace_filename(*filename))
                throw http::HttpError(400, "bad_filename", *no, {{"field", "filename"}});
        }
    }
    ensure_workspace(ctx, w.part);
    const Id part = w.part.record.part.id;
    db::Transaction tx(ctx.stores.connection);
    if (filename) {
        std::optional<Asset> tmpl;
        for (auto& t : ctx.stores.workspace.templates(w.chain))
            if (t.filename == *filename) tmpl = std::move(t);
        if (!tmpl && !ctx.stores.workspace.find(w.user, part, *filename))
            throw http::not_found("There is no file or template called " + *filename);
        ctx.stores.workspace.reset_file(w.user, part, *filename, tmpl, db::now_seconds());
    } else {
        ctx.stores.workspace.reset_all(w.user, part, w.chain, db::now_seconds());
    }
    auto body = workspace_body(ctx, w);
    tx.commit();
    return Response::json_body(200, body);
}

Response workspace_zip(Context& ctx) {
    Workspace w = require_workspace(ctx);
    ensure_workspace(ctx, w.part);
    Response r;
    r.content_type = "application/zip";
    r.headers.emplace_back("Content-Disposition",
                           http::zip_disposition(w.part.record.part.title, "workspace"));
    r.headers.emplace_back("Cache-Control", "no-store");
    db::Connection& conn = ctx.stores.connection;
    r.stream = [&conn, user = w.user, part = w.part.record.part.id](const Response::Sink& sink) {
        write_zip(conn, user, part, sink);
    };
    return r;
}

Response revoke_preview_token(Context& ctx) {
    Workspace w = require_workspace(ctx);
    db::Transaction tx(ctx.stores.connection);
    int revoked = ctx.stores.workspace.revoke_preview_tokens(w.user, w.part.record.part.id,
                                                             db::now_seconds());
    tx.commit();
    return Response::json_body(200, {{"revoked", revoked}});
}

} // namespace wte::api_handlers
