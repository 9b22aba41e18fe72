// Talks to the REST API (/api/v1): builds requests with wte::api paths, adds
// the CSRF header on state-changing methods, and turns browser replies into
// Reply values that app.cpp applies to the state in one place.
#pragma once

#include "wte/api.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

// parent: the parent of the page being read, for previous/next (cache only).
enum class RequestKind {
    me,
    login,
    logout,
    modules,
    my_modules,
    part,
    parent,
    enrol,
    leave,
    timed_tasks,
    timed_task_save,
    timed_task_delete
};

struct Reply {
    int id = 0;
    RequestKind kind = RequestKind::me;
    Id key = 0;     // the part id for part/enrol/leave
    int status = 0; // HTTP status, 0 when the server could not be reached
    json body;      // parsed JSON, null when the body was empty or not JSON
    bool ok() const { return status >= 200 && status < 300; }
    // The error to show a person: the server's message, or why there is none.
    api::ErrorBody error() const;
};

class ApiClient {
public:
    void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }

    int get(RequestKind kind, const std::string& path, Id key = 0);
    int send(RequestKind kind, const std::string& method, const std::string& path, const json& body,
             Id key = 0);

    // Replies that arrived since the last call, oldest first.
    std::vector<Reply> take_replies();

private:
    struct Pending {
        RequestKind kind;
        Id key;
    };
    int start(RequestKind kind, const std::string& method, const std::string& path,
              const std::string& body, Id key);

    std::string csrf_token_;
    int next_id_ = 1;
    std::map<int, Pending> pending_;
};

} // namespace wte::client
