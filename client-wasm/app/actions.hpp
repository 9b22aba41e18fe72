// What the user asked for during one frame. Screens only record intent here;
// app.cpp applies it after the frame (sends requests, changes the route), so
// drawing never has side effects.
#pragma once

#include "app/route.hpp"

#include <optional>

namespace wte::client {

struct Actions {
    std::optional<Route> navigate;
    bool sign_in = false;
    bool sign_out = false;
    bool retry = false; // reload whatever the current screen shows
    std::optional<Id> enrol;
    std::optional<Id> leave;
    bool toggle_high_contrast = false;
    // The "Timed actions" panel of the part on screen.
    bool toggle_timed_actions = false;
    std::optional<Id> load_timed_tasks; // of this part
    std::optional<Id> edit_timed_task;  // open the form for this task; 0 for a new one
    bool save_timed_task = false;
    bool cancel_timed_task = false;
    std::optional<Id> ask_delete_timed_task; // 0: never mind
    std::optional<Id> delete_timed_task;     // confirmed

    bool any() const {
        return navigate || sign_in || sign_out || retry || enrol || leave || toggle_high_contrast ||
               toggle_timed_actions || load_timed_tasks || edit_timed_task || save_timed_task ||
               cancel_timed_task || ask_delete_timed_task || delete_timed_task;
    }
};

} // namespace wte::client
