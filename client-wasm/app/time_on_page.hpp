// Feature: time on page. A learner's time on a page counts only while the
// tab is visible and they used pointer, keys, wheel or touch in the last
// 30 s; it is sent (POST /parts/{part}/progress/time) on page change, when
// the tab is hidden or closes (keepalive) and at least every 60 s.
#pragma once

#include "wte/domain.hpp"

namespace wte::client {

class App;

inline constexpr double activity_window_seconds = 30;
inline constexpr double time_flush_seconds = 60;
// The server refuses more in one report (max_reported_seconds in rules.hpp).
inline constexpr int time_report_limit = 600;

// Visible time within `activity_window_seconds` of the last input, counted
// exactly between the events it is told about (no frame needs to run).
class ActiveClock {
public:
    // Starts counting at `t`; opening a page is itself activity.
    void start(double t, bool visible);
    void visibility(double t, bool visible);
    void activity(double t);
    // Whole seconds counted up to `t` and not taken before; the fraction stays.
    int take_seconds(double t);

private:
    void advance(double t);
    bool visible_ = false;
    double mark_ = 0;         // counted up to here
    double active_until_ = 0; // last input + the window
    double counted_ = 0;      // not yet taken
};

struct TimeOnPage {
    Id page_id = 0; // 0: no page being timed
    Id part_id = 0;
    ActiveClock clock;
    double last_sent = 0;
    int report = 0; // the last time report sent (the progress screens wait for its answer)
    // The learner's last input (unix seconds), on any screen: the preview's
    // watchdog counts a frame's silence from it too (a busy machine delivers
    // the frame's heartbeats late while the learner types).
    double last_input = 0;
};

namespace time_on_page {
// Follows the page on screen (a student's page in a module they take) and
// sends what was counted when it changes, every 60 s, and takes the input
// the browser reported. Called after replies and after each frame's actions.
void tick(App& app);
// The tab was hidden (or is closing: visible false) or shown again.
void visibility(App& app, bool visible);
// Sends the counted whole seconds of the page being timed, if any.
void flush(App& app, bool keepalive);
} // namespace time_on_page

} // namespace wte::client
