// The route table's machinery: match method + path, resolve the session,
// enforce sign-in and CSRF, call the handler, and turn every failure into a
// JSON error. Handlers only parse, check permission, call the store and
// serialise.
#pragma once

#include "config.hpp"
#include "db/store.hpp"
#include "http/message.hpp"
#include "wte/permissions.hpp"

#include <functional>
#include <string>
#include <vector>

namespace wte::http {

enum class Access { anyone, signed_in };

struct Context {
    const Request& req;
    const Config& config;
    db::Store& store;
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
    const char* method;
    const char* pattern; // "/api/v1/parts/{id}"
    Handler handler;
    Access access;
    bool csrf = true; // state-changing routes need X-CSRF-Token unless false
};

const std::vector<Route>& route_table(); // routes.cpp

class Router {
public:
    explicit Router(const std::vector<Route>& routes) : routes_(routes) {}
    Response dispatch(Request& req, const Config& config, db::Connection& conn) const;

private:
    const std::vector<Route>& routes_;
};

bool match_pattern(const std::string& pattern, const std::string& path,
                   std::vector<std::string>& params);

} // namespace wte::http
