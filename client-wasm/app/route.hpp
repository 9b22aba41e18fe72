// URL hash routes (#/signin, #/modules, #/my, #/parts/7): a route is the
// pattern of a registered screen (app/registry.hpp) and its id. The hash is
// the source of truth, so reload, back and forward work.
#pragma once

#include "wte/domain.hpp"

#include <string>

namespace wte::client {

// The patterns of the screens; ":id" stands for a positive whole number,
// ":token" for a mailed link's token (letters, digits, '-' and '_').
namespace routes {
inline constexpr const char* signin = "/signin";
inline constexpr const char* modules = "/modules";
inline constexpr const char* my_modules = "/my";
inline constexpr const char* part = "/parts/:id";
inline constexpr const char* register_account = "/register";
inline constexpr const char* forgot = "/forgot";
inline constexpr const char* reset = "/reset/:token";
inline constexpr const char* confirm = "/confirm/:token";
inline constexpr const char* members = "/parts/:id/users";
inline constexpr const char* stats = "/parts/:id/stats";
inline constexpr const char* part_files = "/parts/:id/files"; // a part's assets and templates
inline constexpr const char* part_edit = "/parts/:id/edit";   // the content editor
inline constexpr const char* profile = "/profile";
inline constexpr const char* confirm_email = "/confirm-email/:token"; // a new address's link
inline constexpr const char* admin_users = "/admin/users";
inline constexpr const char* admin_modules = "/admin/modules";
inline constexpr const char* admin_rerender = "/admin/rerender";
} // namespace routes

struct Route {
    std::string pattern;    // empty: the hash leads nowhere
    Id id = 0;              // for patterns with ":id"
    std::string token = {}; // for patterns with ":token"
    bool blank = false;     // "", "#" or "#/": no screen asked for, the app picks one
    bool known() const { return !pattern.empty(); }
    bool is(const char* p) const { return pattern == p; }
    bool operator==(const Route&) const = default;
};

// Strict: a mistyped URL is unknown ("not found") instead of some other
// screen. "" and "#/" are unknown and blank: the app picks a start screen.
Route parse_route(const std::string& hash);
// "#/parts/7"; an unknown route formats as the module list.
std::string to_hash(const Route& route);
// Does `hash` (without '#', query or trailing '/') fit `pattern`?
bool match_route(const std::string& pattern, const std::string& path, Id& id);
bool match_route(const std::string& pattern, const std::string& path, Id& id, std::string& token);

inline Route route_signin() {
    return {routes::signin, 0};
}
inline Route route_modules() {
    return {routes::modules, 0};
}
inline Route route_my_modules() {
    return {routes::my_modules, 0};
}
inline Route route_part(Id id) {
    return {routes::part, id};
}
inline Route route_with_token(const char* pattern, std::string token) {
    return {pattern, 0, std::move(token)};
}
inline Route route_members(Id id) {
    return {routes::members, id};
}
inline Route route_stats(Id id) {
    return {routes::stats, id};
}
inline Route route_part_files(Id id) {
    return {routes::part_files, id};
}
inline Route route_part_edit(Id id) {
    return {routes::part_edit, id};
}
inline Route route_profile() {
    return {routes::profile, 0};
}

} // namespace wte::client
