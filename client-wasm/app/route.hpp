// URL hash routes (#/signin, #/modules, #/my, #/parts/7): parsing and
// formatting. Every screen has one; the hash is the source of truth, so
// reload, back and forward work.
#pragma once

#include "wte/domain.hpp"

#include <string>

namespace wte::client {

enum class RouteKind { signin, modules, my_modules, part, unknown };

struct Route {
    RouteKind kind = RouteKind::unknown;
    Id part_id = 0; // for RouteKind::part
    bool operator==(const Route&) const = default;
};

// "" and "#/" are unknown: the app picks a start screen for them.
Route parse_route(const std::string& hash);
std::string to_hash(const Route& route);

inline Route route_signin() {
    return {RouteKind::signin, 0};
}
inline Route route_modules() {
    return {RouteKind::modules, 0};
}
inline Route route_my_modules() {
    return {RouteKind::my_modules, 0};
}
inline Route route_part(Id id) {
    return {RouteKind::part, id};
}

} // namespace wte::client
