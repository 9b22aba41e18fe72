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

    bool any() const {
        return navigate || sign_in || sign_out || retry || enrol || leave || toggle_high_contrast;
    }
};

} // namespace wte::client
