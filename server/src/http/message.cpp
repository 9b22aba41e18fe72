#include "http/message.hpp"

#include "wte/text.hpp"

#include <cctype>

namespace wte::http {

std::optional<std::string> Request::header(const std::string& name) const {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::cookie(const std::string& name) const {
    auto raw = header("cookie");
    if (!raw) return std::nullopt;
    std::size_t pos = 0;
    while (pos < raw->size()) {
        auto end = raw->find(';', pos);
        if (end == std::string::npos) end = raw->size();
        auto item = raw->substr(pos, end - pos);
        auto b = item.find_first_not_of(' ');
        if (b != std::string::npos) item = item.substr(b);
        auto eq = item.find('=');
        if (eq != std::string::npos && item.substr(0, eq) == name) return item.substr(eq + 1);
        pos = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Request::query_values(const std::string& name) const {
    std::vector<std::string> out;
    auto [b, e] = query.equal_range(name);
    for (auto it = b; it != e; ++it)
        out.push_back(it->second);
    return out;
}

json Request::json_body() const {
    if (body.empty()) throw bad_request("The request needs a JSON body");
    if (json_nesting_depth(body) > max_json_depth)
        throw bad_request("The request body nests deeper than " + std::to_string(max_json_depth) +
                          " levels of arrays and objects");
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) throw bad_request("The request body is not valid JSON");
    return j;
}

Response Response::json_body(int status, const json& j) {
    Response r;
    r.status = status;
    r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
}

Response Response::error(int status, const std::string& code, const std::string& message,
                         const json& details) {
    json inner = {{"code", code}, {"message", message}};
    if (!details.is_null()) inner["details"] = details;
    return json_body(status, {{"error", inner}});
}

HttpError bad_request(const std::string& m, json d) {
    return {400, "bad_request", m, std::move(d)};
}
HttpError unauthorized(const std::string& m) {
    return {401, "unauthorized", m};
}
HttpError forbidden(const std::string& m, const std::string& code) {
    return {403, code, m};
}
HttpError not_found(const std::string& m) {
    return {404, "not_found", m};
}
HttpError conflict(const std::string& m) {
    return {409, "conflict", m};
}

std::string zip_disposition(const std::string& title, const std::string& fallback) {
    std::string ascii, encoded;
    static const char* const hex = "0123456789ABCDEF";
    for (unsigned char c : title) {
        if ((c & 0xc0) != 0x80) // one '_' per character, not per byte
            ascii += (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '/')
                         ? '_'
                         : static_cast<char>(c);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else if (c == '/') {
            encoded += '_';
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    if (ascii.empty()) ascii = encoded = fallback;
    return "attachment; filename=\"" + ascii + ".zip\"; filename*=UTF-8''" + encoded + ".zip";
}

std::string url_decode(const std::string& s, bool plus_is_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else if (s[i] == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::multimap<std::string, std::string> parse_query(const std::string& q) {
    std::multimap<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= q.size() && !q.empty()) {
        auto end = q.find('&', pos);
        if (end == std::string::npos) end = q.size();
        auto item = q.substr(pos, end - pos);
        if (!item.empty()) {
            auto eq = item.find('=');
            if (eq == std::string::npos)
                out.emplace(url_decode(item), "");
            else
                out.emplace(url_decode(item.substr(0, eq)), url_decode(item.substr(eq + 1)));
        }
        pos = end + 1;
    }
    return out;
}

Precondition parse_if_match(const std::string& raw) {
    std::string v = raw;
    auto trim = [](std::string& s) {
        auto b = s.find_first_not_of(" \t");
        auto e = s.find_last_not_of(" \t");
        s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    };
    trim(v);
    if (v == "*") return {true, {}};
    if (v.rfind("W/", 0) == 0 || v.rfind("w/", 0) == 0) v = v.substr(2);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    for (std::string_view suffix : {"-gzip", "-br"})
        if (v.size() > suffix.size() && v.ends_with(suffix)) v.resize(v.size() - suffix.size());
    return {false, v};
}

} // namespace wte::http
