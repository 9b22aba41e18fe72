// Timed-task requests (POST /parts/{id}/timed-tasks, PATCH /timed-tasks/{id})
// and the option rules of each task kind: the client's "Timed actions" form
// and the server's API check the same things with the same code.
#pragma once

#include "wte/domain.hpp"
#include "wte/schedule.hpp"

#include <optional>
#include <string>

namespace wte {

namespace task_kind {
inline constexpr const char* change_status = "change_status";
}

struct TimedTaskRequest {
    std::string name;
    UnixSeconds run_at = 0; // UTC, floored to the minute
    json options = json::object();
};

// Only the fields present change; any change makes a finished task ready again.
struct TimedTaskPatch {
    std::optional<std::string> name;
    std::optional<UnixSeconds> run_at;
    std::optional<json> options;
    bool empty() const { return !name && !run_at && !options; }
};

// Shape and time checks (BadInput with the field otherwise). Whether the kind
// exists and its options fit the part is the kind's validator's business.
TimedTaskRequest parse_timed_task_request(const json& j);
TimedTaskPatch parse_timed_task_patch(const json& j);
json to_json(const TimedTaskRequest& r);
json to_json(const TimedTaskPatch& r);

// run_at as sent: an ISO 8601 string with a zone; seconds are dropped.
UnixSeconds parse_run_at(const json& value);

// change_status: {"target_status": "available" | "unavailable" | "archived"};
// only modules can be archived.
void validate_change_status(const json& options, PartType part_type);
Status change_status_target(const json& options); // options already validated

} // namespace wte
