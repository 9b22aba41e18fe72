// What the app needs from the browser, as a small interface: HTTP, the URL
// hash, the tab title, the clipboard, external links, images, the clock,
// and whether the learner is there (tab visible, recent input).
// The wasm build implements it with platform:: (app/platform_wasm.cpp); the
// native unit tests with a fake that records requests and delivers replies.
#pragma once

#include "platform/files.hpp" // plain types of files picked or dropped

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wte::client {

// One HTTP request as the browser sends it. The body is bytes (JSON text or
// a file); content_type is empty when there is no body.
struct HttpRequest {
    int id = 0;
    std::string method = "GET";
    std::string url;
    std::string body;
    std::string content_type;
    std::string csrf; // sent as X-CSRF-Token when not empty
    // Outlives the page (sent while the tab closes); its reply may never come.
    bool keepalive = false;
    std::string if_match; // sent as If-Match when not empty (saving a file)
};

// What the browser reports about a request: progress while it runs, then
// exactly one `done` (never after http_cancel).
struct HttpEvent {
    enum class Kind { upload_progress, download_progress, done };
    Kind kind = Kind::done;
    int id = 0;
    int status = 0; // done: HTTP status, 0 when the server could not be reached
    std::string body;
    std::string content_type;
    std::string etag;             // done: the ETag header, as sent (quoted)
    double loaded = 0, total = 0; // progress: bytes; total 0 when unknown
};

// An image fetched and decoded by the browser, uploaded as a GL texture.
struct ImageEvent {
    int id = 0;
    unsigned texture = 0; // 0: could not be loaded or decoded
    int width = 0, height = 0;
};

// An <iframe> laid over the canvas (platform/overlay.hpp), for what ImGui
// cannot draw: a YouTube player. Rectangles in canvas device pixels.
struct IframeSpec {
    std::string src;
    std::string sandbox; // always applied; empty forbids everything
    std::string allow;   // permissions policy
    std::string referrer_policy;
    std::string title;
};
struct OverlayRect {
    float x = 0, y = 0, w = 0, h = 0;
};
// What an overlay's own frame posted to the app (never another window's):
// strings as sent, other values as JSON text.
struct OverlayMessage {
    int overlay = 0;
    std::string text;
};

class PlatformPort {
public:
    virtual ~PlatformPort() = default;

    virtual void http_start(const HttpRequest& request) = 0;
    virtual void http_cancel(int id) = 0;
    virtual std::vector<HttpEvent> take_http_events() = 0;

    virtual void load_image(int id, const std::string& url) = 0;
    virtual std::vector<ImageEvent> take_image_events() = 0;

    virtual std::string current_hash() = 0;
    // replace: change the URL without a new history entry (redirects).
    virtual void set_hash(const std::string& hash, bool replace) = 0;
    virtual void set_title(const std::string& title) = 0;
    virtual void clipboard_write(const std::string& text) = 0;
    // A new tab without access to this page (noopener).
    virtual void open_external(const std::string& url) = 0;
    // Saves what a same-origin URL answers as a file (the browser streams it).
    virtual void download_url(const std::string& url, const std::string& filename) = 0;

    virtual int overlay_create_iframe(const IframeSpec& spec) = 0;
    // holes: parts of rect cut out of the overlay (outside the scrolling window).
    virtual void overlay_place(int id, const OverlayRect& rect,
                               const std::vector<OverlayRect>& holes) = 0;
    virtual void overlay_show(int id, bool visible) = 0;
    virtual void overlay_remove(int id) = 0;
    // Loads src in the overlay's frame again (or another document).
    virtual void overlay_navigate(int id, const std::string& src) = 0;
    // Posts `json` (parsed, as a plain object) into the overlay's frame.
    virtual void overlay_post(int id, const std::string& json) = 0;
    virtual std::vector<OverlayMessage> take_overlay_messages() = 0;

    // The app's localStorage: small flags that outlive a reload of the tab.
    virtual std::optional<std::string> storage_get(const std::string& key) = 0;
    virtual void storage_set(const std::string& key, const std::string& value) = 0;
    virtual void storage_remove(const std::string& key) = 0;

    // Seconds since 1970 (UTC) and the browser's zone: minutes east of UTC
    // at the instant `unix_seconds` (it changes with daylight saving time).
    virtual double now_unix_seconds() = 0;
    virtual int utc_offset_minutes(double unix_seconds) = 0;

    // Is the tab visible now (document.visibilityState)?
    virtual bool page_visible() = 0;
    // Called at once (inside the browser's event) when the tab is hidden or
    // shown again, and with false when the page is closed: what must be sent
    // then is sent from the call (keepalive requests).
    virtual void on_visibility_change(std::function<void(bool visible)> listener) = 0;
    // When the learner used pointer, keys, wheel or touch since the last call
    // (unix seconds, at most one per second), oldest first.
    virtual std::vector<double> take_activity() = 0;

    // Files from the user's computer (platform/files.hpp): the browser's
    // picker (answered later by take_file_picks with the returned id; call it
    // in the frame that handles the click) and files dropped on the canvas.
    virtual int pick_files(const std::string& accept, bool multiple) {
        (void)accept, (void)multiple;
        return 0;
    }
    virtual std::vector<platform::FilePick> take_file_picks() { return {}; }
    virtual std::vector<platform::FileDrop> take_file_drops() { return {}; }
    // Files dragged over the canvas now (to highlight where they will go).
    virtual platform::DragHover drag_hover() { return {}; }
    // Unsaved typing on screen: the browser asks before the tab closes or
    // reloads (beforeunload). No-op where there is no such question.
    virtual void set_leave_warning(bool /*warn*/) {}
};

} // namespace wte::client
