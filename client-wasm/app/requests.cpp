// The request queue: ids, supersession by key, CSRF, 401 and readable errors.
#include "app/requests.hpp"

#include <utility>
#include <vector>

namespace wte::client {

api::ErrorBody Reply::error() const {
    if (status == 0)
        return {"network", "The server cannot be reached. Check your connection and retry.",
                nullptr};
    if (unreadable)
        return {"unreadable", "The server's answer could not be read. Please retry.", nullptr};
    api::ErrorBody e = api::error_from_json(data);
    if (e.code == "error" && !data.is_object()) {
        // Not our JSON (a proxy page, an empty body): say what happened.
        e.code = "http_" + std::to_string(status);
        e.message = status >= 500 ? "The server had a problem (" + std::to_string(status) +
                                        "). Please retry in a moment."
                                  : "The server answered " + std::to_string(status) + ".";
    }
    return e;
}

Request get(std::string path, std::function<void(const Reply&)> on_reply) {
    Request r;
    r.path = std::move(path);
    r.on_reply = std::move(on_reply);
    return r;
}

Request send_json(std::string method, std::string path, const json& body,
                  std::function<void(const Reply&)> on_reply) {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    if (!body.is_null()) {
        r.body = body.dump();
        r.content_type = "application/json";
    }
    r.on_reply = std::move(on_reply);
    return r;
}

int RequestQueue::send(Request request) {
    if (!request.key.empty())
        for (auto it = pending_.begin(); it != pending_.end();) {
            if (it->second.key == request.key) {
                platform_.http_cancel(it->first);
                it = pending_.erase(it);
            } else {
                ++it;
            }
        }
    const int id = next_id_++;
    HttpRequest http;
    http.id = id;
    http.method = request.method;
    http.url = request.path;
    http.body = request.body;
    http.content_type = request.content_type;
    http.keepalive = request.keepalive;
    http.if_match = request.if_match;
    // API.md: every state-changing request carries the token from login / me.
    if (request.method != "GET" && request.method != "HEAD") http.csrf = csrf_token_;
    pending_.emplace(id, std::move(request));
    platform_.http_start(http);
    return id;
}

void RequestQueue::cancel(int id) {
    if (pending_.erase(id)) platform_.http_cancel(id);
}

void RequestQueue::cancel_all() {
    for (const auto& [id, r] : std::exchange(pending_, {}))
        platform_.http_cancel(id);
}

bool RequestQueue::pending_key(const std::string& key) const {
    for (const auto& [id, r] : pending_)
        if (r.key == key) return true;
    return false;
}

bool RequestQueue::poll() {
    const std::vector<HttpEvent> events = platform_.take_http_events();
    for (const HttpEvent& e : events)
        deliver(e);
    return !events.empty();
}

void RequestQueue::deliver(const HttpEvent& e) {
    auto it = pending_.find(e.id);
    if (it == pending_.end()) return; // cancelled, superseded or answered already
    if (e.kind != HttpEvent::Kind::done) {
        if (it->second.on_progress)
            it->second.on_progress(
                {e.id, e.kind == HttpEvent::Kind::upload_progress, e.loaded, e.total});
        return;
    }
    Request request = std::move(it->second);
    pending_.erase(it);

    if (e.status == 401 && !request.session_request) {
        cancel_all();
        if (on_signed_out_) on_signed_out_();
        return;
    }
    Reply reply;
    reply.id = e.id;
    reply.status = e.status;
    reply.body = e.body;
    reply.content_type = e.content_type;
    reply.etag = e.etag;
    const bool binary = !e.content_type.empty() && e.content_type.find("json") == std::string::npos;
    if (!binary && !e.body.empty()) {
        reply.data = json::parse(e.body, nullptr, false);
        if (reply.data.is_discarded()) {
            reply.data = nullptr;
            reply.unreadable = reply.status >= 200 && reply.status < 300; // promised JSON
        }
    }
    if (!request.on_reply) return;
    try {
        request.on_reply(reply);
    } catch (const std::exception&) {
        // A reply whose JSON does not match the contract: the handler shows
        // "could not be read" where the data would have been.
        reply.unreadable = true;
        try {
            request.on_reply(reply);
        } catch (const std::exception&) {
        }
    }
}

} // namespace wte::client
