// Request bookkeeping for the API client: ids, CSRF header, JSON parsing of
// replies and readable errors for network failures.
#include "net/api_client.hpp"

#include "platform/bridge.hpp"

namespace wte::client {

api::ErrorBody Reply::error() const {
    if (status == 0)
        return {"network", "The server cannot be reached. Check your connection and retry.",
                nullptr};
    api::ErrorBody e = api::error_from_json(body);
    if (e.code == "error" && !body.is_object()) {
        // Not our JSON (a proxy page, an empty body): say what happened.
        e.code = "http_" + std::to_string(status);
        e.message = status >= 500 ? "The server had a problem (" + std::to_string(status) +
                                        "). Please retry in a moment."
                                  : "The server answered " + std::to_string(status) + ".";
    }
    return e;
}

int ApiClient::get(RequestKind kind, const std::string& path, Id key) {
    return start(kind, "GET", path, "", key);
}

int ApiClient::send(RequestKind kind, const std::string& method, const std::string& path,
                    const json& body, Id key) {
    return start(kind, method, path, body.is_null() ? "" : body.dump(), key);
}

int ApiClient::start(RequestKind kind, const std::string& method, const std::string& path,
                     const std::string& body, Id key) {
    int id = next_id_++;
    pending_[id] = {kind, key};
    // API.md: every state-changing request carries the token from login / me.
    const bool changes_state = method != "GET" && method != "HEAD";
    platform::http_request(id, method, path, body, changes_state ? csrf_token_ : "");
    return id;
}

std::vector<Reply> ApiClient::take_replies() {
    std::vector<Reply> replies;
    for (auto& r : platform::take_http_results()) {
        auto it = pending_.find(r.id);
        if (it == pending_.end()) continue;
        Reply reply;
        reply.id = r.id;
        reply.kind = it->second.kind;
        reply.key = it->second.key;
        reply.status = r.status;
        if (!r.body.empty()) {
            reply.body = json::parse(r.body, nullptr, false);
            if (reply.body.is_discarded()) reply.body = nullptr;
        }
        pending_.erase(it);
        replies.push_back(std::move(reply));
    }
    return replies;
}

} // namespace wte::client
