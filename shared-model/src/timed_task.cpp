// Timed-task request parsing and the change_status option rule.
#include "wte/timed_task.hpp"

#include "wte/rules.hpp"

namespace wte {

namespace {
const json& require_object(const json& j) {
    if (!j.is_object()) throw BadInput("", "The request body must be a JSON object");
    return j;
}

std::string name_of(const json& value) {
    if (!value.is_string() || value.get<std::string>().empty())
        throw BadInput("name", "Field 'name' must name a task kind, such as change_status");
    return value.get<std::string>();
}

json options_of(const json& value) {
    if (!value.is_object())
        throw BadInput("options", "Field 'options' must be an object, such as "
                                  "{\"target_status\": \"available\"}");
    return value;
}

void reject_unknown_fields(const json& j) {
    for (const auto& [key, value] : j.items())
        if (key != "name" && key != "run_at" && key != "options")
            throw BadInput(key, "Unknown field '" + key +
                                    "'; a timed task has name, run_at and "
                                    "options");
}
} // namespace

UnixSeconds parse_run_at(const json& value) {
    if (!value.is_string())
        throw BadInput("run_at", "Field 'run_at' must be an ISO 8601 time such as "
                                 "2026-12-01T09:00Z");
    auto text = value.get<std::string>();
    auto t = parse_iso8601(text);
    if (!t) throw BadInput("run_at", explain_bad_time(text));
    return floor_to_minute(*t);
}

TimedTaskRequest parse_timed_task_request(const json& j) {
    require_object(j);
    reject_unknown_fields(j);
    for (const char* key : {"name", "run_at", "options"})
        if (!j.contains(key) || j[key].is_null())
            throw BadInput(key, std::string("Field '") + key + "' is required");
    TimedTaskRequest r;
    r.name = name_of(j["name"]);
    r.run_at = parse_run_at(j["run_at"]);
    r.options = options_of(j["options"]);
    return r;
}

TimedTaskPatch parse_timed_task_patch(const json& j) {
    require_object(j);
    reject_unknown_fields(j);
    TimedTaskPatch p;
    if (j.contains("name") && !j["name"].is_null()) p.name = name_of(j["name"]);
    if (j.contains("run_at") && !j["run_at"].is_null()) p.run_at = parse_run_at(j["run_at"]);
    if (j.contains("options") && !j["options"].is_null()) p.options = options_of(j["options"]);
    if (p.empty()) throw BadInput("", "Nothing to change: send name, run_at or options");
    return p;
}

json to_json(const TimedTaskRequest& r) {
    return {{"name", r.name}, {"run_at", format_iso8601(r.run_at)}, {"options", r.options}};
}

json to_json(const TimedTaskPatch& p) {
    json j = json::object();
    if (p.name) j["name"] = *p.name;
    if (p.run_at) j["run_at"] = format_iso8601(*p.run_at);
    if (p.options) j["options"] = *p.options;
    return j;
}

void validate_change_status(const json& options, PartType part_type) {
    for (const auto& [key, value] : options.items())
        if (key != "target_status")
            throw BadInput("options", "Unknown option '" + key +
                                          "' for change_status; it takes target_status");
    auto it = options.find("target_status");
    if (it == options.end() || !it->is_string())
        throw BadInput("options", "change_status needs options.target_status: available, "
                                  "unavailable or archived");
    auto status = parse_status(it->get<std::string>());
    if (!status)
        throw BadInput("options", "Unknown status '" + it->get<std::string>() +
                                      "'; use available, unavailable or archived");
    if (*status == Status::archived)
        if (auto why = check_archiving(part_type)) throw BadInput("options", *why);
}

Status change_status_target(const json& options) {
    return parse_status(options.at("target_status").get<std::string>()).value();
}

} // namespace wte
