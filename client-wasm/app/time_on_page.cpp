// Invariant: every counted second is sent once, for the page it was counted
// on: a page change, hiding or closing the tab sends before anything else
// is counted.
#include "app/time_on_page.hpp"

#include "app/app.hpp"

#include <algorithm>

namespace wte::client {

void ActiveClock::start(double t, bool visible) {
    *this = {};
    visible_ = visible;
    mark_ = t;
    active_until_ = t + activity_window_seconds;
}

void ActiveClock::advance(double t) {
    if (visible_) {
        const double end = std::min(t, active_until_);
        if (end > mark_) counted_ += end - mark_;
    }
    mark_ = std::max(mark_, t);
}

void ActiveClock::visibility(double t, bool visible) {
    advance(t);
    visible_ = visible;
}

void ActiveClock::activity(double t) {
    advance(t);
    active_until_ = std::max(active_until_, t + activity_window_seconds);
}

int ActiveClock::take_seconds(double t) {
    advance(t);
    const int whole = static_cast<int>(counted_);
    counted_ -= whole;
    return whole;
}

namespace time_on_page {

namespace {

// The page on screen whose time is counted: a page a student reads.
const PartView* timed_view(const AppState& s) {
    const auto& v = s.part.view;
    if (!s.route.is(routes::part) || !v.ready() || v.value.part.id != s.route.id) return nullptr;
    if (v.value.part.type != PartType::page || !v.value.part.parent_id) return nullptr;
    if (v.value.my_role != ModuleRole::student) return nullptr;
    return &v.value;
}

} // namespace

void flush(App& app, bool keepalive) {
    TimeOnPage& t = app.state.time;
    const double now = app.platform().now_unix_seconds();
    if (!t.page_id) return;
    t.last_sent = now;
    const int seconds = std::min(t.clock.take_seconds(now), time_report_limit);
    if (seconds <= 0) return;
    Request r = send_json(
        "POST", api::path_progress_time(t.part_id), {{"page_id", t.page_id}, {"seconds", seconds}},
        [](const Reply&) {}); // approximate by nature: a lost report is not retried
    r.keepalive = keepalive;
    t.report = app.requests().send(std::move(r));
}

void tick(App& app) {
    TimeOnPage& t = app.state.time;
    PlatformPort& browser = app.platform();
    const std::vector<double> activity = browser.take_activity();
    for (double at : activity)
        t.last_input = std::max(t.last_input, at);
    const PartView* view = timed_view(app.state);
    const Id page = view ? view->part.id : 0;
    if (page != t.page_id) {
        flush(app, false);
        const int report = t.report; // still on its way: it outlives the page it was for
        t = {};
        t.report = report;
        if (view) {
            t.page_id = page;
            t.part_id = *view->part.parent_id;
            t.last_sent = browser.now_unix_seconds();
            t.clock.start(t.last_sent, browser.page_visible());
        }
        return; // input reported before the page opened belongs to no page
    }
    if (!t.page_id) return;
    for (double when : activity)
        t.clock.activity(when);
    if (browser.now_unix_seconds() - t.last_sent >= time_flush_seconds) flush(app, false);
}

void visibility(App& app, bool visible) {
    TimeOnPage& t = app.state.time;
    if (!t.page_id) return;
    const double now = app.platform().now_unix_seconds();
    t.clock.visibility(now, visible);
    if (!visible)
        flush(app, true);
    else
        t.last_sent = now; // the minute between reports starts again
}

} // namespace time_on_page

} // namespace wte::client
