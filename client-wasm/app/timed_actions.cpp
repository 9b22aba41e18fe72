// The teacher's timed actions on the part on screen: loading its tasks, the
// add / edit form (checked with the server's own rules, local time converted
// to UTC with the browser's offset at that instant), saving and deleting.
#include "app/timed_actions.hpp"

#include "app/app.hpp"
#include "wte/timed_task.hpp"

#include <cstdio>

namespace wte::client {

namespace {

bool shaped(const std::string& s, const char* pattern) {
    // pattern: '9' for a digit, anything else literally.
    std::size_t n = std::char_traits<char>::length(pattern);
    if (s.size() != n) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (pattern[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i]) return false;
    return true;
}

std::string iso_zone(int offset_minutes) {
    const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    return zone;
}

// The UTC time of a date and time typed in the browser's zone, or why not.
// The offset is the one in force at that instant (it changes with DST).
std::optional<UnixSeconds> form_time(PlatformPort& platform, const TimedTaskForm& f,
                                     std::string& error) {
    if (!shaped(f.date, "9999-99-99")) {
        error = "Enter the date as YYYY-MM-DD, such as 2026-12-01";
        return std::nullopt;
    }
    if (!shaped(f.time, "99:99")) {
        error = "Enter the time as HH:MM, such as 09:00";
        return std::nullopt;
    }
    const LocalDateTime local{f.date, f.time};
    int offset = platform.utc_offset_minutes(platform.now_unix_seconds());
    auto t = local_to_utc(local, offset);
    if (!t) {
        error = explain_bad_time(f.date + "T" + f.time + iso_zone(offset));
        return std::nullopt;
    }
    const int there = platform.utc_offset_minutes(static_cast<double>(*t));
    if (there != offset) t = local_to_utc(local, there);
    return t;
}

std::string zone_name(int offset_minutes) {
    return offset_minutes == 0 ? "UTC" : "UTC" + iso_zone(offset_minutes);
}

// "Tue 3 Mar 2026, 10:00" in the browser's zone; the ISO text when unreadable.
std::string local_text(PlatformPort& platform, const std::string& iso) {
    auto t = parse_iso8601(iso);
    if (!t) return iso;
    const LocalDateTime local =
        utc_to_local(*t, platform.utc_offset_minutes(static_cast<double>(*t)));
    static const char* const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int y = std::stoi(local.date.substr(0, 4));
    const int m = std::stoi(local.date.substr(5, 2));
    const int d = std::stoi(local.date.substr(8, 2));
    const auto days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    const int weekday = static_cast<int>(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
    return std::string(weekdays[weekday]) + " " + std::to_string(d) + " " + months[m - 1] + " " +
           std::to_string(y) + ", " + local.time;
}

void load_tasks(App& app, Id part_id);

void tasks_reply(App& app, const Reply& r) {
    auto& panel = app.state.timed;
    if (r.id != panel.tasks.request) return;
    if (!r.ok()) {
        panel.tasks.fail(r.error().message);
        return;
    }
    std::vector<ListedTimedTask> listed;
    for (auto& task : api::parse_page<TimedTask>(r.data).items) {
        ListedTimedTask l{task, local_text(app.platform(), task.run_at), ""};
        if (task.ran_at) l.ran = local_text(app.platform(), *task.ran_at);
        listed.push_back(std::move(l));
    }
    panel.tasks.succeed(std::move(listed));
}

// After any change: the list, and the part's "upcoming timed action" marks.
void refresh(App& app) {
    load_tasks(app, app.state.timed.part_id);
    if (app.state.route.is(routes::part)) part_view::load(app, app.state.route.id);
}

void save_reply(App& app, const Reply& r) {
    auto& panel = app.state.timed;
    if (r.id != panel.form.request) return;
    panel.form.busy = false;
    if (r.ok()) {
        panel.form = {};
        refresh(app);
    } else {
        panel.form.error = r.error().message;
    }
}

void delete_reply(App& app, const Reply& r) {
    auto& panel = app.state.timed;
    if (r.id != panel.delete_request) return;
    panel.deleting = false;
    panel.confirm_delete = 0;
    if (r.ok())
        refresh(app);
    else
        panel.error = r.error().message;
}

void load_tasks(App& app, Id part_id) {
    auto& panel = app.state.timed;
    if (panel.part_id != part_id) {
        panel.part_id = part_id;
        panel.tasks = {};
        panel.form = {};
        panel.confirm_delete = 0;
        panel.error.clear();
    }
    Request r = get(api::path_timed_tasks(part_id) + "?per_page=200",
                    [&app](const Reply& reply) { tasks_reply(app, reply); });
    r.key = "timed-tasks"; // another part's list on its way is stale
    panel.tasks.start(app.requests().send(std::move(r)));
}

} // namespace

namespace timed_actions {

void apply(App& app, TimedActions& a) {
    auto& panel = app.state.timed;
    PlatformPort& platform = app.platform();
    const PartView& view = app.state.part.view.value;
    if (a.toggle) {
        panel.expanded = !panel.expanded;
        if (panel.expanded && app.state.part.view.ready()) load_tasks(app, view.part.id);
    }
    if (a.load && (!panel.tasks.loading() || panel.part_id != *a.load)) load_tasks(app, *a.load);

    if (a.cancel && !panel.form.busy) panel.form = {};
    if (a.edit && !panel.form.busy) {
        TimedTaskForm form;
        form.open = true;
        form.task_id = *a.edit;
        const TimedTask* task = nullptr;
        for (const auto& listed : panel.tasks.value)
            if (listed.task.id == form.task_id) task = &listed.task;
        if (task) {
            const UnixSeconds at = parse_iso8601(task->run_at).value_or(0);
            const LocalDateTime local =
                utc_to_local(at, platform.utc_offset_minutes(static_cast<double>(at)));
            form.date = local.date;
            form.time = local.time;
            form.target =
                parse_status(task->options.value("target_status", "")).value_or(Status::available);
        } else {
            // The next full hour, tomorrow: a sensible start a person adjusts.
            const UnixSeconds at =
                static_cast<UnixSeconds>(platform.now_unix_seconds()) + 25 * 3600;
            const LocalDateTime local =
                utc_to_local(at, platform.utc_offset_minutes(static_cast<double>(at)));
            form.date = local.date;
            form.time = local.time.substr(0, 3) + "00";
            form.target =
                view.part.status == Status::available ? Status::unavailable : Status::available;
        }
        form.zone = zone_name(platform.utc_offset_minutes(platform.now_unix_seconds()));
        panel.form = std::move(form);
        panel.confirm_delete = 0;
    }

    if (a.save && panel.form.open && !panel.form.busy) {
        TimedTaskForm& f = panel.form;
        f.error.clear();
        auto at = form_time(platform, f, f.error);
        const json options = {{"target_status", to_string(f.target)}};
        if (at) {
            try {
                validate_change_status(options, view.part.type);
            } catch (const BadInput& e) {
                f.error = e.what();
                at.reset();
            }
        }
        if (at) {
            f.busy = true;
            if (f.task_id == 0) {
                const TimedTaskRequest body{task_kind::change_status, *at, options};
                f.request = app.requests().send(
                    send_json("POST", api::path_timed_tasks(panel.part_id), to_json(body),
                              [&app](const Reply& r) { save_reply(app, r); }));
            } else {
                TimedTaskPatch patch;
                patch.run_at = *at;
                patch.options = options;
                f.request = app.requests().send(
                    send_json("PATCH", api::path_timed_task(f.task_id), to_json(patch),
                              [&app](const Reply& r) { save_reply(app, r); }));
            }
        }
    }

    if (a.ask_delete && !panel.deleting) {
        panel.confirm_delete = *a.ask_delete;
        panel.error.clear();
    }
    if (a.confirm_delete && !panel.deleting) {
        panel.deleting = true;
        panel.error.clear();
        panel.delete_request = app.requests().send(
            send_json("DELETE", api::path_timed_task(*a.confirm_delete), nullptr,
                      [&app](const Reply& r) { delete_reply(app, r); }));
    }
}

} // namespace timed_actions

} // namespace wte::client
