// The one request queue of the client: every API request goes through here.
// Invariants kept here:
//  - every request has an id; a reply reaches only the handler of the request
//    that asked, once, and never after the request was cancelled or
//    superseded (a newer request with the same key);
//  - state-changing methods carry the CSRF token, GET and HEAD never do;
//  - a 401 on any request but sign-in, "who am I" and sign-out means the
//    session ended: the queue drops everything pending and calls on_signed_out;
//  - errors are read from {"error": {"code", "message", "details"}}; a reply
//    whose JSON the handler cannot read is handed to it again as unreadable.
#pragma once

#include "app/platform_port.hpp"
#include "wte/api.hpp"

#include <functional>
#include <map>
#include <string>

namespace wte::client {

struct Reply {
    int id = 0;
    int status = 0; // HTTP status, 0 when the server could not be reached
    std::string body;
    std::string content_type;
    std::string etag;        // the ETag header (a file's version), empty when none
    json data;               // the body as JSON, null when empty or not JSON
    bool unreadable = false; // the handler could not read `data`
    bool ok() const { return status >= 200 && status < 300 && !unreadable; }
    // The error to show a person: the server's message, or why there is none.
    api::ErrorBody error() const;
};

struct Progress {
    int id = 0;
    bool upload = false; // request body going up, or reply coming down
    double loaded = 0, total = 0;
};

struct Request {
    std::string method = "GET";
    std::string path;
    std::string body; // bytes
    std::string content_type;
    // A request with the same key cancels the one still pending (a reload of
    // the same list, a newer part on screen).
    std::string key;
    // Sign-in, "who am I", sign-out: a 401 is their answer, not a lost session.
    bool session_request = false;
    // Survives the page closing (time on page sent while the tab closes).
    bool keepalive = false;
    std::string if_match; // a file's version the write is meant for
    std::function<void(const Reply&)> on_reply;
    std::function<void(const Progress&)> on_progress;
};

Request get(std::string path, std::function<void(const Reply&)> on_reply);
Request send_json(std::string method, std::string path, const json& body,
                  std::function<void(const Reply&)> on_reply);

class RequestQueue {
public:
    explicit RequestQueue(PlatformPort& platform) : platform_(platform) {}

    void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
    // Called after a 401 on a request that is not a session request.
    void on_signed_out(std::function<void()> f) { on_signed_out_ = std::move(f); }

    int send(Request request);
    void cancel(int id);
    void cancel_all();
    bool pending(int id) const { return pending_.count(id) > 0; }
    bool pending_key(const std::string& key) const;
    std::size_t pending_count() const { return pending_.size(); }

    // Takes what the platform reported since the last call and runs the
    // handlers; returns true when anything arrived.
    bool poll();

private:
    void deliver(const HttpEvent& e);

    PlatformPort& platform_;
    std::string csrf_token_;
    int next_id_ = 1;
    std::map<int, Request> pending_;
    std::function<void()> on_signed_out_;
};

} // namespace wte::client
