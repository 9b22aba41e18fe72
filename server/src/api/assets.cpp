// Assets of a part: list (with the upload limit), upload (raw body), metadata,
// bytes with a strong ETag (304 on If-None-Match), rename, move to a position,
// replace, delete. A name already taken is a 409 duplicate_name naming the
// file there, so the client can offer to replace it or pick another name. Uploaded files
// are served sandboxed so a teacher's HTML or SVG cannot script the app.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "auth/crypto.hpp"
#include "http/server.hpp"

#include <algorithm>
#include <optional>

namespace wte::api_handlers {

namespace {

void check_filename(const std::string& name) {
    if (name.empty() || name.size() > 255)
        throw http::bad_request("The file name must have 1 to 255 characters",
                                {{"field", "filename"}});
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
        name == "." || name == ".." || std::any_of(name.begin(), name.end(), [](char c) {
            return static_cast<unsigned char>(c) < 32;
        }))
        throw http::bad_request("The file name '" + name +
                                    "' may not contain slashes or control characters",
                                {{"field", "filename"}});
}

void check_mimetype(const std::string& type) {
    auto slash = type.find('/');
    bool ok = slash != std::string::npos && slash > 0 && slash + 1 < type.size() &&
              type.size() <= 127 && std::all_of(type.begin(), type.end(), [](char c) {
                  return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' ||
                         c == '+' || c == '-' || c == '_';
              });
    if (!ok)
        throw http::bad_request("'" + type + "' is not a media type like image/png",
                                {{"field", "mimetype"}});
}

std::string bare_mimetype(const std::string& type) {
    return type.substr(0, type.find(';'));
}

Response bytes_response(Context& ctx, const Asset& a) {
    const std::string etag = "\"" + a.etag + "\"";
    Response r;
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Cache-Control", "private, no-cache");
    if (auto inm = ctx.req.header("if-none-match"); inm && inm->find(etag) != std::string::npos) {
        r.status = 304;
        r.content_type = a.mimetype;
        return r;
    }
    auto bytes = ctx.stores.assets.bytes(a.id);
    r.body = bytes.value_or("");
    r.content_type = a.mimetype;
    r.headers.emplace_back("Content-Security-Policy",
                           "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    bool inline_ok =
        a.mimetype.rfind("image/", 0) == 0 && a.mimetype.find("svg") == std::string::npos;
    inline_ok = inline_ok || a.mimetype.rfind("text/plain", 0) == 0;
    std::string safe_name;
    for (char c : a.filename)
        safe_name += (c == '"' || c == '\\') ? '_' : c;
    r.headers.emplace_back("Content-Disposition", std::string(inline_ok ? "inline" : "attachment") +
                                                      "; filename=\"" + safe_name + "\"");
    return r;
}

// The file of the same kind and name on the part, other than `self`.
void check_name_free(Context& ctx, const Asset& a, Id self) {
    for (const auto& other : ctx.stores.assets.of_part(a.part_id))
        if (other.id != self && other.kind == a.kind && other.filename == a.filename)
            throw http::HttpError(409, "duplicate_name",
                                  "Part " + std::to_string(a.part_id) +
                                      " already has a file called " + a.filename,
                                  {{"existing", other.id},
                                   {"filename", other.filename},
                                   {"type", to_string(other.kind)}});
}

// Moves `a` to `position` (0-based, clamped) among the files of its kind and
// numbers the list again 0, 1, 2, ... so the order is always a plain sequence.
void move_to(Context& ctx, Asset& a, int position) {
    std::vector<Asset> list;
    for (auto& other : ctx.stores.assets.of_part(a.part_id))
        if (other.kind == a.kind && other.id != a.id) list.push_back(std::move(other));
    const auto at =
        static_cast<std::size_t>(std::clamp(position, 0, static_cast<int>(list.size())));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), a);
    for (std::size_t i = 0; i < list.size(); ++i) {
        list[i].order = static_cast<int>(i);
        if (list[i].id == a.id)
            a.order = list[i].order;
        else
            ctx.stores.assets.update(list[i]);
    }
}

struct AssetWithNode {
    Asset asset;
    Node node;
};

AssetWithNode load_asset(Context& ctx, bool edit) {
    Id id = ctx.id_param(0);
    auto a = ctx.stores.assets.find(id);
    if (!a) throw http::not_found("Asset " + std::to_string(id) + " does not exist");
    Node n = edit ? require_edit(ctx, a->part_id) : require_view(ctx, a->part_id);
    return {*a, std::move(n)};
}

} // namespace

Response list_assets(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    return Response::json_body(200, {{"items", ctx.stores.assets.of_part(n.record.part.id)},
                                     {"upload_limit", ctx.config.upload_limit}});
}

Response upload_asset(Context& ctx) {
    Node n = require_edit(ctx, ctx.id_param(0));
    Asset a;
    a.part_id = n.record.part.id;
    a.filename = ctx.req.query_value("filename").value_or("");
    check_filename(a.filename);
    auto kind = parse_asset_kind(ctx.req.query_value("type").value_or("asset"));
    if (!kind) throw http::bad_request("?type= must be asset or template", {{"field", "type"}});
    a.kind = *kind;
    a.mimetype = ctx.req.query_value("mimetype").value_or("");
    if (a.mimetype.empty()) {
        auto sent = bare_mimetype(ctx.req.header("content-type").value_or(""));
        a.mimetype = (sent.empty() || sent == "application/octet-stream" ||
                      sent == "application/x-www-form-urlencoded")
                         ? bare_mimetype(http::mime_type_for(a.filename))
                         : sent;
    }
    check_mimetype(a.mimetype);
    a.etag = auth::content_hash(ctx.req.body);
    a.size = static_cast<std::int64_t>(ctx.req.body.size());
    db::Transaction tx(ctx.stores.connection);
    check_name_free(ctx, a, 0);
    a.id = ctx.stores.assets.insert(a, ctx.req.body);
    auto created = ctx.stores.assets.find(a.id);
    tx.commit();
    return Response::json_body(201, *created);
}

Response get_asset(Context& ctx) {
    return Response::json_body(200, load_asset(ctx, false).asset);
}

Response asset_content(Context& ctx) {
    auto a = load_asset(ctx, false);
    return bytes_response(ctx, a.asset);
}

Response asset_by_name(Context& ctx) {
    Node n = require_view(ctx, ctx.id_param(0));
    std::vector<Id> chain;
    for (const auto& r : n.chain)
        chain.push_back(r.part.id);
    const std::string& name = ctx.req.params.at(1);
    auto a = ctx.stores.assets.find_by_name(chain, name);
    if (!a) throw http::not_found("There is no asset called " + name + " here");
    return bytes_response(ctx, *a);
}

Response patch_asset(Context& ctx) {
    json body = ctx.req.json_body();
    if (!body.is_object()) throw http::bad_request("The request body must be a JSON object");
    db::Transaction tx(ctx.stores.connection);
    auto [a, node] = load_asset(ctx, true);
    std::optional<int> position;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const auto& key = it.key();
        if (key == "filename" && it->is_string()) {
            a.filename = it->get<std::string>();
            check_filename(a.filename);
        } else if (key == "mimetype" && it->is_string()) {
            a.mimetype = it->get<std::string>();
            check_mimetype(a.mimetype);
        } else if (key == "order" && it->is_number_integer()) {
            a.order = it->get<int>();
        } else if (key == "position" && it->is_number_integer()) {
            position = it->get<int>();
        } else {
            throw http::bad_request("Field '" + key + "' cannot be changed this way",
                                    {{"field", key}});
        }
    }
    check_name_free(ctx, a, a.id);
    if (position) move_to(ctx, a, *position);
    ctx.stores.assets.update(a);
    tx.commit();
    return Response::json_body(200, a);
}

Response replace_asset_content(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    auto a = load_asset(ctx, true).asset;
    a.etag = auth::content_hash(ctx.req.body);
    ctx.stores.assets.replace_bytes(a.id, ctx.req.body, a.etag);
    tx.commit();
    return Response::json_body(200, *ctx.stores.assets.find(a.id));
}

Response delete_asset(Context& ctx) {
    db::Transaction tx(ctx.stores.connection);
    auto a = load_asset(ctx, true).asset;
    ctx.stores.assets.remove(a.id);
    tx.commit();
    return Response::json_body(200, {{"deleted", a.id}});
}

} // namespace wte::api_handlers
