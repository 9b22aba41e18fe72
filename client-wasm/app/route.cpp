// Hash routes through the registry's patterns: parsing tries each screen's
// pattern in turn; formatting puts the id in place of ":id".
#include "app/route.hpp"

#include "app/registry.hpp"

#include <algorithm>
#include <cstdlib>

namespace wte::client {

namespace {

bool token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

} // namespace

bool match_route(const std::string& pattern, const std::string& path, Id& id, std::string& token) {
    const std::string param = ":token";
    const auto at = pattern.find(param);
    if (at == std::string::npos) return match_route(pattern, path, id);
    const std::string before = pattern.substr(0, at), after = pattern.substr(at + param.size());
    if (path.size() <= before.size() + after.size()) return false;
    if (path.compare(0, before.size(), before) != 0) return false;
    if (path.compare(path.size() - after.size(), after.size(), after) != 0) return false;
    std::string value = path.substr(before.size(), path.size() - before.size() - after.size());
    if (value.size() > 128 || !std::all_of(value.begin(), value.end(), token_char)) return false;
    token = std::move(value);
    return true;
}

bool match_route(const std::string& pattern, const std::string& path, Id& id) {
    const std::string param = ":id";
    const auto at = pattern.find(param);
    if (at == std::string::npos) return path == pattern;
    const std::string before = pattern.substr(0, at), after = pattern.substr(at + param.size());
    if (path.size() <= before.size() + after.size()) return false;
    if (path.compare(0, before.size(), before) != 0) return false;
    if (path.compare(path.size() - after.size(), after.size(), after) != 0) return false;
    const std::string digits =
        path.substr(before.size(), path.size() - before.size() - after.size());
    if (digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const Id value = std::strtoll(digits.c_str(), nullptr, 10);
    if (value <= 0) return false;
    id = value;
    return true;
}

Route parse_route(const std::string& hash) {
    std::string h = hash;
    if (!h.empty() && h[0] == '#') h.erase(0, 1);
    if (auto q = h.find('?'); q != std::string::npos) h.erase(q);
    while (h.size() > 1 && h.back() == '/')
        h.pop_back();
    for (const Screen& s : screens()) {
        Id id = 0;
        std::string token;
        if (s.route && match_route(s.route, h, id, token)) return {s.route, id, token};
    }
    Route unknown;
    unknown.blank = h.empty() || h == "/";
    return unknown;
}

std::string to_hash(const Route& route) {
    if (!route.known()) return "#/modules";
    std::string h = route.pattern;
    if (auto at = h.find(":id"); at != std::string::npos)
        h.replace(at, 3, std::to_string(route.id));
    if (auto at = h.find(":token"); at != std::string::npos) h.replace(at, 6, route.token);
    return "#" + h;
}

} // namespace wte::client
