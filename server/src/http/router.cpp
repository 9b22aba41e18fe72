#include "http/router.hpp"

#include "auth/crypto.hpp"

#include <iostream>

namespace wte::http {

Id Context::id_param(std::size_t n) const {
    const std::string& s = req.params.at(n);
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
        throw not_found("Nothing exists at " + req.path);
    return std::stoll(s);
}

const User& Context::signed_in_user() const {
    if (!user) throw unauthorized();
    return *user;
}

bool match_pattern(const std::string& pattern, const std::string& path,
                   std::vector<std::string>& params) {
    params.clear();
    std::size_t p = 0, s = 0;
    while (p < pattern.size() && s <= path.size()) {
        if (pattern[p] == '{') {
            auto close = pattern.find('}', p);
            if (close > 0 && pattern[close - 1] == '*') {
                // The rest of the path, possibly empty.
                params.push_back(url_decode(path.substr(s), false));
                return close + 1 == pattern.size();
            }
            auto end = path.find('/', s);
            if (end == std::string::npos) end = path.size();
            if (end == s) return false;
            params.push_back(url_decode(path.substr(s, end - s), false));
            p = close + 1;
            s = end;
        } else {
            if (s >= path.size() || pattern[p] != path[s]) return false;
            ++p;
            ++s;
        }
    }
    return p == pattern.size() && s == path.size();
}

bool is_preview_path(const std::string& path) {
    return path.rfind(preview_prefix, 0) == 0;
}

namespace {
bool is_state_changing(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}
} // namespace

Response Router::dispatch(Request& req, const Config& config, db::Connection& conn) const {
    const bool preview = is_preview_path(req.path);
    // A sandboxed frame (the preview, a learner's page) sends "Origin: null":
    // whatever it runs never reaches the API with the learner's cookie.
    if (!preview && req.header("origin") == "null")
        return Response::error(403, "null_origin",
                               "Requests from sandboxed frames (Origin: null) are refused");
    const Route* route = nullptr;
    bool path_known = false;
    for (const auto& r : routes_) {
        if (match_pattern(r.pattern, req.path, req.params)) {
            path_known = true;
            if (req.method == r.method || std::string(r.method) == "*" ||
                (req.method == "HEAD" && std::string(r.method) == "GET")) {
                route = &r;
                break;
            }
        }
    }
    if (!route) {
        if (path_known)
            return Response::error(405, "method_not_allowed",
                                   req.method + " is not allowed on " + req.path);
        return Response::error(404, "not_found", "Nothing exists at " + req.path);
    }
    match_pattern(route->pattern, req.path, req.params);

    try {
        // Reading requests (most of them) take SQLite's read lock once.
        std::optional<db::ReadScope> reads;
        if (!is_state_changing(req.method)) reads.emplace(conn);
        db::Stores stores(conn);
        Context ctx{req, config, stores, {}, std::nullopt, {}, {}};
        auto token = preview ? std::nullopt : req.cookie(api::session_cookie);
        if (token && !token->empty()) {
            ctx.session_token_hash = auth::token_hash(*token);
            auto& users = stores.users;
            if (auto in = users.find_signed_in(ctx.session_token_hash, db::now_seconds())) {
                ctx.user = std::move(in->user.user);
                ctx.actor.user_id = ctx.user->id;
                ctx.actor.permissions = users.permissions_of(ctx.user->id);
                ctx.csrf_token = std::move(in->session.csrf_token);
            }
        }
        if (route->who.kind != Access::Kind::anyone && !ctx.user) throw unauthorized();
        if (route->csrf && is_state_changing(req.method) && ctx.user) {
            auto sent = req.header("x-csrf-token");
            if (!sent || *sent != ctx.csrf_token)
                throw forbidden("The request has no valid X-CSRF-Token header; reload the page",
                                "csrf");
        }
        if (route->who.kind == Access::Kind::permission && !ctx.actor.has(route->who.permission))
            throw forbidden(std::string("This needs the ") + route->who.permission +
                            " permission, which you do not have");
        return route->handler(ctx);
    } catch (const HttpError& e) {
        return Response::error(e.status, e.code, e.what(), e.details);
    } catch (const BadInput& e) {
        return Response::error(400, "bad_request", e.what(),
                               e.field.empty() ? json(nullptr) : json{{"field", e.field}});
    } catch (const json::exception& e) {
        return Response::error(400, "bad_request",
                               std::string("The request could not be read: ") + e.what());
    } catch (const db::UniqueViolation& e) {
        // Two requests created the same thing at once and this one came second.
        std::cerr << "unique constraint on " << req.method << " " << req.path << ": " << e.what()
                  << "\n";
        return Response::error(409, "already_exists",
                               "That exists already (made at the same moment by another "
                               "request); reload to see it");
    } catch (const db::ReferenceGone& e) {
        // What it writes to was deleted by a request that ran at the same time.
        std::cerr << "foreign key on " << req.method << " " << req.path << ": " << e.what() << "\n";
        return Response::error(404, "not_found",
                               "What this request refers to was deleted at the same moment");
    } catch (const db::StorageFull& e) {
        std::cerr << "disk full on " << req.method << " " << req.path << ": " << e.what() << "\n";
        return Response::error(503, "storage_full",
                               "The server's disk is full, so nothing was saved; please try "
                               "again later");
    } catch (const db::DatabaseBusy& e) {
        std::cerr << "database busy on " << req.method << " " << req.path << ": " << e.what()
                  << "\n";
        return Response::error(503, "database_busy",
                               "The database is busy, so nothing was changed; please try again");
    } catch (const db::InvalidValue& e) {
        return Response::error(400, "bad_request",
                               "A value in the request cannot be stored (a NUL character, a "
                               "number out of range)");
    } catch (const db::DbError& e) {
        std::cerr << "database error on " << req.method << " " << req.path << ": " << e.what()
                  << "\n";
        return Response::error(500, "internal", "The server could not complete the request");
    } catch (const std::exception& e) {
        std::cerr << "error on " << req.method << " " << req.path << ": " << e.what() << "\n";
        return Response::error(500, "internal", "The server could not complete the request");
    }
}

} // namespace wte::http
