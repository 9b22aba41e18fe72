// Feature: the live preview of the learner's page (screens/preview_pane.cpp
// draws it). The page runs in a sandboxed <iframe> overlay without
// allow-same-origin, loaded from the server's capability URL
// (/api/v1/preview/<token>/index.html), so its origin is opaque. The server
// injects a small agent into it that talks to the app only by postMessage
// (see /work/briefs/workspace-contract.md and server/API.md): hello, loaded,
// heartbeat, console, scroll in; restore-scroll out.
//
// The watchdog: a page that sends nothing for 3 s after its hello (a busy
// loop stops the agent's heartbeat), or never says hello within 10 s, is torn
// down and the part is remembered as paused in the app's localStorage, so a
// saved endless loop does not run again on every visit until "Run again".
#pragma once

#include "app/platform_port.hpp"
#include "wte/domain.hpp"

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

class App;

inline constexpr double preview_silence_seconds = 3;
inline constexpr double preview_hello_seconds = 10;
// A longer gap between two app frames means the app itself was not running
// (hidden tab, throttled timers, a stalled main thread): not the page's fault.
inline constexpr double preview_frame_gap_seconds = 1;
// A busy app (long frames, queued input) delivers messages late: one frame
// counts for at most this much silence.
inline constexpr double preview_frame_count_limit = 0.25;
inline constexpr std::size_t preview_console_limit = 500;

// One line of the page's console; the same line again only counts up.
struct ConsoleEntry {
    enum class Level { log, info, warn, error };
    Level level = Level::log;
    std::string text;
    std::string source; // file name ("script.js"), empty when unknown
    int line = 0;       // 0 when unknown
    int column = 0;
    int repeats = 1;
    // "script.js:12", "script.js" or "" as shown before the text.
    std::string where() const;
};

struct PreviewPane {
    enum class Phase {
        closed,  // no part
        opening, // a part was given; the next apply loads it or finds it paused
        loading, // the frame is navigating; waiting for the page's hello
        running, // the page said hello; its heartbeat keeps it alive
        paused,  // torn down by the watchdog (or paused on an earlier visit)
    };
    Phase phase = Phase::closed;
    Id part = 0;
    std::string url;
    int overlay = 0; // the frame's overlay id, 0 when there is none

    std::deque<ConsoleEntry> console; // the newest last, at most preview_console_limit
    bool console_open = true;

    // The page's last reported scroll, restored after a reload.
    std::optional<std::pair<double, double>> scroll;
    bool restore_scroll = false;   // send restore-scroll after the new page's hello/loaded
    bool navigate_pending = false; // reload asked; the next apply navigates
    int loads = 0;                 // navigations of the frame
    int reloads = 0;               // preview_reload calls (saves that answered "saved")

    // Counted in app frames (see preview::poll): seconds since the frame was
    // last (re)loaded and since the page's last message.
    double since_load = 0;
    double silent_for = 0;
    double last_tick = 0; // the app's last frame while the frame lived

    std::vector<int> stale_overlays; // frames of an earlier part, removed at the next apply

    bool live() const { return phase == Phase::loading || phase == Phase::running; }
};

// Shows the preview of `part` from `preview_url` (the workspace's
// preview_url). The same part and URL again changes nothing; the same part
// with a new URL (a new token) loads it, keeping the scroll.
void preview_open(PreviewPane& pane, Id part, const std::string& preview_url);
// After a save that answered "saved": reloads the page and keeps its scroll.
// Nothing while paused (the learner chooses when to run again).
void preview_reload(PreviewPane& pane);
// Leaving the part: removes the frame and forgets the part.
void preview_close(PreviewPane& pane, PlatformPort& platform);

// What the learner asked for in the pane during one frame, and where the
// pane wants its frame (canvas device pixels) with the parts popups cover.
struct PreviewActions {
    bool reload = false;
    bool run_again = false;
    bool open_in_tab = false;
    bool clear_console = false;
    bool toggle_console = false;
    std::optional<OverlayRect> frame; // unset: the pane was not drawn, hide it
    std::vector<OverlayRect> holes;

    // Placement alone is not intent.
    bool any() const {
        return reload || run_again || open_in_tab || clear_console || toggle_console;
    }
};

namespace preview {
// The localStorage key that remembers a paused part.
std::string paused_key(Id part);
// Takes the frames' messages and runs the watchdog. True when a message came.
bool poll(App& app);
// Applies the pane's actions, creates, reloads and places the frame.
void apply(App& app, PreviewActions& actions);
} // namespace preview

} // namespace wte::client
