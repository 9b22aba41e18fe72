// The preview frame's lifecycle, the agent's messages and the watchdog.
// Invariants kept here:
//  - pane.overlay != 0 exactly while the phase is loading or running;
//  - only messages from pane.overlay's own frame are read (the browser side
//    checks event.source; here the overlay id), and while loading only the
//    new page's hello: what the old document still sends is dropped;
//  - silence is counted only across app frames less than a second apart
//    while the tab is visible, so a hidden or throttled tab never pauses,
//    and never from before the learner's last input.
#include "app/preview.hpp"

#include "app/app.hpp"

#include <algorithm>
#include <cmath>

namespace wte::client {

std::string ConsoleEntry::where() const {
    if (source.empty()) return "";
    return line > 0 ? source + ":" + std::to_string(line) : source;
}

namespace {

// The page may run scripts, submit forms, open dialogs and popups; never
// allow-same-origin, so its origin stays opaque and the app's cookies,
// storage and DOM are out of its reach.
IframeSpec preview_frame(const std::string& url) {
    return {url, "allow-scripts allow-forms allow-modals allow-popups", "", "no-referrer",
            "Preview of your page"};
}

void reset_watch(PreviewPane& pane, double now) {
    pane.since_load = 0;
    pane.silent_for = 0;
    pane.last_tick = now;
}

// Loads the page in the frame (created on the first load). A reload asks the
// new page to scroll back to where the learner was.
void load(PreviewPane& pane, PlatformPort& platform, bool reload) {
    ++pane.loads;
    if (pane.overlay) {
        // Chromium ignores src set to the URL it already shows; the server
        // ignores the query (and sends no-store anyway).
        const char sep = pane.url.find('?') == std::string::npos ? '?' : '&';
        platform.overlay_navigate(pane.overlay, pane.url + sep + "r=" + std::to_string(pane.loads));
    } else {
        pane.overlay = platform.overlay_create_iframe(preview_frame(pane.url));
    }
    pane.phase = PreviewPane::Phase::loading;
    pane.navigate_pending = false;
    pane.restore_scroll = reload && pane.scroll.has_value();
    pane.console.clear(); // as the browser's console does on navigation
    reset_watch(pane, platform.now_unix_seconds());
}

void pause(PreviewPane& pane, PlatformPort& platform) {
    if (pane.overlay) platform.overlay_remove(pane.overlay);
    pane.overlay = 0;
    pane.phase = PreviewPane::Phase::paused;
    pane.navigate_pending = false;
    pane.restore_scroll = false;
    platform.storage_set(preview::paused_key(pane.part), "1");
}

void post_restore_scroll(const PreviewPane& pane, PlatformPort& platform) {
    if (!pane.scroll || !pane.overlay) return;
    const json m = {
        {"wte", "restore-scroll"}, {"x", pane.scroll->first}, {"y", pane.scroll->second}};
    platform.overlay_post(pane.overlay, m.dump());
}

std::optional<ConsoleEntry::Level> console_level(const std::string& level) {
    using L = ConsoleEntry::Level;
    if (level == "log" || level == "debug") return L::log;
    if (level == "info") return L::info;
    if (level == "warn") return L::warn;
    if (level == "error") return L::error;
    return std::nullopt;
}

int whole_number(const json& m, const char* key) {
    auto it = m.find(key);
    if (it == m.end() || !it->is_number()) return 0;
    const double v = it->get<double>();
    return std::isfinite(v) && v > 0 && v < 1e9 ? static_cast<int>(v) : 0;
}

void add_console(PreviewPane& pane, ConsoleEntry e) {
    if (!pane.console.empty()) {
        ConsoleEntry& last = pane.console.back();
        if (last.level == e.level && last.text == e.text && last.source == e.source &&
            last.line == e.line && last.column == e.column) {
            ++last.repeats;
            return;
        }
    }
    pane.console.push_back(std::move(e));
    while (pane.console.size() > preview_console_limit)
        pane.console.pop_front();
}

// One message of the page's agent; false when it is not one (malformed,
// unknown, or not expected now).
bool handle(PreviewPane& pane, PlatformPort& platform, const std::string& text) {
    const json m = json::parse(text, nullptr, false);
    if (!m.is_object()) return false;
    auto kind_it = m.find("wte");
    if (kind_it == m.end() || !kind_it->is_string()) return false;
    const std::string kind = kind_it->get<std::string>();

    if (kind == "hello") {
        // A page that navigated itself (a link, a form) says hello again.
        pane.phase = PreviewPane::Phase::running;
        if (pane.restore_scroll) post_restore_scroll(pane, platform);
        return true;
    }
    if (pane.phase != PreviewPane::Phase::running) return false; // the old page, still going
    if (kind == "heartbeat") return true;
    if (kind == "loaded") {
        // Again after load: the page may only now be tall enough.
        if (pane.restore_scroll) post_restore_scroll(pane, platform);
        pane.restore_scroll = false;
        return true;
    }
    if (kind == "scroll") {
        auto x = m.find("x"), y = m.find("y");
        if (x == m.end() || y == m.end() || !x->is_number() || !y->is_number()) return false;
        const double sx = x->get<double>(), sy = y->get<double>();
        if (!std::isfinite(sx) || !std::isfinite(sy)) return false;
        pane.scroll = std::pair{sx, sy};
        return true;
    }
    if (kind == "console") {
        auto t = m.find("text");
        if (t == m.end() || !t->is_string()) return false;
        ConsoleEntry e;
        auto level = m.find("level");
        if (level != m.end() && level->is_string()) {
            auto l = console_level(level->get<std::string>());
            if (!l) return false;
            e.level = *l;
        }
        e.text = t->get<std::string>();
        if (auto s = m.find("source"); s != m.end() && s->is_string())
            e.source = s->get<std::string>();
        e.line = whole_number(m, "line");
        e.column = whole_number(m, "column");
        add_console(pane, std::move(e));
        return true;
    }
    return false;
}

} // namespace

void preview_open(PreviewPane& pane, Id part, const std::string& preview_url) {
    if (pane.phase != PreviewPane::Phase::closed && pane.part == part) {
        if (preview_url == pane.url) return;
        pane.url = preview_url;
        if (pane.live()) pane.navigate_pending = true;
        return;
    }
    if (pane.overlay) pane.stale_overlays.push_back(pane.overlay);
    PreviewPane fresh;
    fresh.console_open = pane.console_open;
    fresh.stale_overlays = std::move(pane.stale_overlays);
    fresh.part = part;
    fresh.url = preview_url;
    fresh.phase = PreviewPane::Phase::opening;
    pane = std::move(fresh);
}

void preview_reload(PreviewPane& pane) {
    ++pane.reloads;
    if (pane.live()) pane.navigate_pending = true;
}

void preview_close(PreviewPane& pane, PlatformPort& platform) {
    for (int id : pane.stale_overlays)
        platform.overlay_remove(id);
    if (pane.overlay) platform.overlay_remove(pane.overlay);
    PreviewPane closed;
    closed.console_open = pane.console_open;
    pane = std::move(closed);
}

namespace preview {

std::string paused_key(Id part) {
    return "wte.preview.paused." + std::to_string(part);
}

bool poll(App& app) {
    PlatformPort& platform = app.platform();
    PreviewPane& pane = app.state.preview;
    // Without a live frame nobody reads overlay messages: leave them queued
    // (the browser side keeps the newest 1000 and drops a removed frame's).
    if (!pane.live()) return false;
    const auto messages = platform.take_overlay_messages();

    const double now = platform.now_unix_seconds();
    const double gap = now - pane.last_tick;
    pane.last_tick = now;
    // A hidden tab or an app that ran no frames: that time is nobody's
    // silence; a long frame counts little (the messages may be queued).
    const double counted = !platform.page_visible() || gap > preview_frame_gap_seconds
                               ? 0.0
                               : std::min(std::max(gap, 0.0), preview_frame_count_limit);
    pane.since_load += counted;
    pane.silent_for += counted;

    bool any = false;
    for (const OverlayMessage& m : messages) {
        if (m.overlay != pane.overlay) continue; // another overlay (a video)
        if (!handle(pane, platform, m.text)) continue;
        pane.silent_for = 0;
        any = true;
    }
    // Silence counts from the later of the frame's last word and the
    // learner's last input: under load, typing delays the frame's heartbeats.
    if (app.state.time.last_input > 0)
        pane.silent_for = std::min(pane.silent_for, std::max(0.0, now - app.state.time.last_input));
    if (pane.phase == PreviewPane::Phase::running && pane.silent_for >= preview_silence_seconds)
        pause(pane, platform);
    else if (pane.phase == PreviewPane::Phase::loading && pane.since_load >= preview_hello_seconds)
        pause(pane, platform);
    return any;
}

void apply(App& app, PreviewActions& a) {
    PlatformPort& platform = app.platform();
    PreviewPane& pane = app.state.preview;
    for (int id : pane.stale_overlays)
        platform.overlay_remove(id);
    pane.stale_overlays.clear();

    if (a.clear_console) pane.console.clear();
    if (a.toggle_console) pane.console_open = !pane.console_open;
    if (a.open_in_tab && !pane.url.empty()) platform.open_external(pane.url);
    if (a.reload) preview_reload(pane);
    if (a.run_again && pane.phase == PreviewPane::Phase::paused) {
        platform.storage_remove(paused_key(pane.part));
        load(pane, platform, false);
    }
    if (pane.phase == PreviewPane::Phase::opening) {
        if (platform.storage_get(paused_key(pane.part)))
            pane.phase = PreviewPane::Phase::paused; // its code did not finish last time
        else
            load(pane, platform, false);
    }
    if (pane.navigate_pending && pane.live()) load(pane, platform, true);

    if (!pane.overlay) return;
    if (a.frame) platform.overlay_place(pane.overlay, *a.frame, a.holes);
    platform.overlay_show(pane.overlay, a.frame.has_value());
}

} // namespace preview

} // namespace wte::client
