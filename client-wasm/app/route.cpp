// Hash route parsing: strict, so a mistyped URL shows "not found" instead of
// some other screen.
#include "app/route.hpp"

#include <cstdlib>

namespace wte::client {

Route parse_route(const std::string& hash) {
    std::string h = hash;
    if (!h.empty() && h[0] == '#') h.erase(0, 1);
    if (auto q = h.find('?'); q != std::string::npos) h.erase(q);
    while (h.size() > 1 && h.back() == '/')
        h.pop_back();
    if (h == "/signin") return route_signin();
    if (h == "/modules") return route_modules();
    if (h == "/my") return route_my_modules();
    const std::string parts = "/parts/";
    if (h.rfind(parts, 0) == 0) {
        std::string digits = h.substr(parts.size());
        if (digits.empty() || digits.size() > 15 ||
            digits.find_first_not_of("0123456789") != std::string::npos)
            return {};
        Id id = std::strtoll(digits.c_str(), nullptr, 10);
        if (id > 0) return route_part(id);
    }
    return {};
}

std::string to_hash(const Route& route) {
    switch (route.kind) {
    case RouteKind::signin:
        return "#/signin";
    case RouteKind::modules:
        return "#/modules";
    case RouteKind::my_modules:
        return "#/my";
    case RouteKind::part:
        return "#/parts/" + std::to_string(route.part_id);
    case RouteKind::unknown:
        break;
    }
    return "#/modules";
}

} // namespace wte::client
