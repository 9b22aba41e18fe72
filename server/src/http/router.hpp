// The route table's machinery: match method + path, resolve the session,
// enforce who may call the route (sign-in, a permission) and CSRF, call the
// handler, and turn every failure into a JSON error. Handlers only parse,
// check rights on the node they touch, call the stores and serialise.
#pragma once

#include "config.hpp"
#include "db/stores.hpp"
#include "http/message.hpp"
#include "wte/permissions.hpp"

#include <functional>
#include <string>
#include <vector>

namespace wte::http {

// Who may call a route: anyone, any signed-in user, or signed-in users
// holding a permission (directly or through a group; admin holds all).
struct Access {
    enum class Kind { anyone, signed_in, permission };
    Kind kind = Kind::anyone;
    const char* permission = nullptr; // for Kind::permission
};
inline constexpr Access anyone{Access::Kind::anyone};
inline constexpr Access signed_in{Access::Kind::signed_in};
constexpr Access permission(const char* name) {
    return {Access::Kind::permission, name};
}

struct Context {
    const Request& req;
    const Config& config;
    db::Stores& stores;
    Actor actor;
    std::optional<User> user;
    std::string session_token_hash;
    std::string csrf_token;

    // The {n}th placeholder as an id; a malformed id is a 404, like a missing one.
    Id id_param(std::size_t n) const;
    const User& signed_in_user() const;
};

using Handler = Response (*)(Context&);

struct Route {
    const char* method;  // "*": any method (the handler answers each)
    const char* pattern; // "/api/v1/parts/{id}"; a last "{rest*}" takes the rest, slashes too
    Handler handler;
    Access who;
    bool csrf = true; // state-changing routes need X-CSRF-Token unless false
};

const std::vector<Route>& route_table(); // api/routes.cpp

class Router {
public:
    explicit Router(const std::vector<Route>& routes) : routes_(routes) {}
    Response dispatch(Request& req, const Config& config, db::Connection& conn) const;

private:
    const std::vector<Route>& routes_;
};

// The preview frame's capability URLs: no session, no Origin check (its
// origin is opaque), its own headers on every answer (api/preview.cpp).
inline constexpr const char* preview_prefix = "/api/v1/preview/";
bool is_preview_path(const std::string& path);

bool match_pattern(const std::string& pattern, const std::string& path,
                   std::vector<std::string>& params);

} // namespace wte::http
