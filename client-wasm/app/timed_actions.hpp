// Feature: the teacher's "Timed actions" panel of the part on screen
// (screens/timed_actions.cpp draws it): its list, the add / edit form with
// date and time as typed in the browser's time zone, saving and deleting.
#pragma once

#include "app/remote.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;

struct TimedTaskForm {
    bool open = false;
    Id task_id = 0;   // the task being changed; 0 for a new one
    std::string date; // YYYY-MM-DD
    std::string time; // HH:MM
    std::string zone; // the browser's, as shown beside the fields: "UTC+01:00"
    Status target = Status::available;
    bool busy = false;
    std::string error; // the client's check or the server's 400, shown under the form
    int request = 0;
};

// A task as listed: times already in the browser's zone ("Tue 3 Mar 2026, 10:00").
struct ListedTimedTask {
    TimedTask task;
    std::string when;
    std::string ran; // empty until it ran
};

struct TimedActionsPanel {
    bool expanded = false; // stays open from part to part until closed
    Id part_id = 0;        // whose tasks `tasks` holds
    Remote<std::vector<ListedTimedTask>> tasks;
    TimedTaskForm form;
    Id confirm_delete = 0; // the task whose deletion awaits "Delete" once more
    bool deleting = false;
    std::string error; // a failed delete
    int delete_request = 0;
};

struct TimedActions {
    bool toggle = false;
    std::optional<Id> load; // the list of this part
    std::optional<Id> edit; // open the form for this task; 0 for a new one
    bool save = false;
    bool cancel = false;
    std::optional<Id> ask_delete; // 0: never mind
    std::optional<Id> confirm_delete;
    bool any() const {
        return toggle || load || edit || save || cancel || ask_delete || confirm_delete;
    }
};

namespace timed_actions {
void apply(App& app, TimedActions& a);
} // namespace timed_actions

} // namespace wte::client
