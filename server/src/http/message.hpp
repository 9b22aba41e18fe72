// The server's own request/response types: handlers and tests see these,
// never Pistache's, so the HTTP library can change without touching them.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wte::http {

using json = nlohmann::json;

struct Request {
    std::string method; // upper case
    std::string path;   // without query string
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    std::string remote;
    std::vector<std::string> params; // values of {placeholders} in route order

    std::optional<std::string> header(const std::string& lower_name) const;
    std::optional<std::string> cookie(const std::string& name) const;
    std::optional<std::string> query_value(const std::string& name) const;
    std::vector<std::string> query_values(const std::string& name) const;
    json json_body() const; // throws HttpError 400 when malformed
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // A body written while it is sent (chunked) instead of `body`, for large
    // answers made piece by piece (a ZIP of a workspace). Called once, after
    // the handler returned, on the same thread and database connection.
    using Sink = std::function<void(std::string_view)>;
    std::function<void(const Sink&)> stream;

    static Response json_body(int status, const json& j);
    static Response error(int status, const std::string& code, const std::string& message,
                          const json& details = nullptr);
};

// Thrown by handlers for any 4xx answer.
struct HttpError : std::runtime_error {
    int status;
    std::string code;
    json details;
    HttpError(int status_, std::string code_, const std::string& message, json details_ = nullptr)
        : std::runtime_error(message), status(status_), code(std::move(code_)),
          details(std::move(details_)) {}
};

HttpError bad_request(const std::string& message, json details = nullptr);
HttpError unauthorized(const std::string& message = "Please sign in first");
HttpError forbidden(const std::string& message, const std::string& code = "forbidden");
HttpError not_found(const std::string& message);
HttpError conflict(const std::string& message);

std::string url_decode(const std::string& s, bool plus_is_space = true);

// Content-Disposition of a ZIP download named after `title` ("Mein Projekt
// (v2)" → a quoted ASCII name plus the exact one in RFC 5987 form), '/'
// written '_'; `fallback` when nothing of the title is left.
std::string zip_disposition(const std::string& title, const std::string& fallback);

// If-Match as browsers and tools send it: "etag", etag, W/"etag" or *. Apache's
// mod_deflate hands out "etag-gzip" for a compressed GET: that is our etag too.
struct Precondition {
    bool any = false;
    std::string etag;
};
Precondition parse_if_match(const std::string& raw);
std::multimap<std::string, std::string> parse_query(const std::string& query_string);

} // namespace wte::http
