// A fake browser for the app-layer tests: records every request and call,
// and lets a test deliver replies, progress and images as the browser would.
#pragma once

#include "app/platform_port.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wte::client::testing {

class FakePlatform final : public PlatformPort {
public:
    std::vector<HttpRequest> sent; // every request started, in order
    std::vector<int> cancelled;    // ids given to http_cancel
    std::vector<HttpEvent> events; // waiting to be taken
    std::vector<std::pair<int, std::string>> images_asked;
    std::vector<ImageEvent> image_events;
    std::string hash;
    std::vector<std::string> hash_history; // every set_hash, in order
    std::string title;
    std::vector<std::string> copied, opened;
    std::vector<std::pair<std::string, std::string>> downloads; // url, filename
    struct Overlay {
        IframeSpec spec;
        OverlayRect rect;
        std::vector<OverlayRect> holes;
        bool visible = false;
        std::vector<std::string> navigations; // src of every overlay_navigate
        std::vector<std::string> posted;      // JSON of every overlay_post
    };
    std::map<int, Overlay> overlays;              // live overlays by id
    std::vector<OverlayMessage> overlay_messages; // waiting to be taken
    std::map<std::string, std::string> storage;   // the app's localStorage
    int next_overlay = 1;
    double now = 1767225600; // 2026-01-01T00:00:00Z
    int offset_minutes = 60;
    bool visible = true;
    std::vector<double> activity; // waiting to be taken
    std::function<void(bool)> visibility_listener;

    void http_start(const HttpRequest& r) override { sent.push_back(r); }
    void http_cancel(int id) override { cancelled.push_back(id); }
    std::vector<HttpEvent> take_http_events() override { return std::exchange(events, {}); }
    void load_image(int id, const std::string& url) override { images_asked.push_back({id, url}); }
    std::vector<ImageEvent> take_image_events() override { return std::exchange(image_events, {}); }
    std::string current_hash() override { return hash; }
    void set_hash(const std::string& h, bool) override {
        hash = h;
        hash_history.push_back(h);
    }
    void set_title(const std::string& t) override { title = t; }
    void clipboard_write(const std::string& text) override { copied.push_back(text); }
    void open_external(const std::string& url) override { opened.push_back(url); }
    void download_url(const std::string& url, const std::string& filename) override {
        downloads.push_back({url, filename});
    }
    int overlay_create_iframe(const IframeSpec& spec) override {
        overlays[next_overlay].spec = spec;
        return next_overlay++;
    }
    void overlay_place(int id, const OverlayRect& rect,
                       const std::vector<OverlayRect>& holes) override {
        overlays[id].rect = rect;
        overlays[id].holes = holes;
    }
    void overlay_show(int id, bool visible) override { overlays[id].visible = visible; }
    void overlay_remove(int id) override { overlays.erase(id); }
    void overlay_navigate(int id, const std::string& src) override {
        overlays.at(id).navigations.push_back(src);
    }
    void overlay_post(int id, const std::string& json) override {
        overlays.at(id).posted.push_back(json);
    }
    std::vector<OverlayMessage> take_overlay_messages() override {
        return std::exchange(overlay_messages, {});
    }
    std::optional<std::string> storage_get(const std::string& key) override {
        auto it = storage.find(key);
        if (it == storage.end()) return std::nullopt;
        return it->second;
    }
    void storage_set(const std::string& key, const std::string& value) override {
        storage[key] = value;
    }
    void storage_remove(const std::string& key) override { storage.erase(key); }
    double now_unix_seconds() override { return now; }
    int utc_offset_minutes(double) override { return offset_minutes; }
    bool page_visible() override { return visible; }
    void on_visibility_change(std::function<void(bool)> f) override {
        visibility_listener = std::move(f);
    }
    std::vector<double> take_activity() override { return std::exchange(activity, {}); }
    std::vector<std::pair<std::string, bool>> pickers; // accept, multiple of every pick_files
    std::vector<platform::FilePick> picks;             // waiting to be taken
    std::vector<platform::FileDrop> drops;             // waiting to be taken
    int pick_files(const std::string& accept, bool multiple) override {
        pickers.push_back({accept, multiple});
        return static_cast<int>(pickers.size());
    }
    std::vector<platform::FilePick> take_file_picks() override { return std::exchange(picks, {}); }
    std::vector<platform::FileDrop> take_file_drops() override { return std::exchange(drops, {}); }
    bool leave_warning = false; // beforeunload would ask
    void set_leave_warning(bool warn) override { leave_warning = warn; }

    // The frame of overlay `id` posted `text` (as the browser queues it).
    void overlay_says(int id, const std::string& text) { overlay_messages.push_back({id, text}); }

    // The tab is hidden or shown, as the browser tells it (at once).
    void set_visible(bool v) {
        visible = v;
        if (visibility_listener) visibility_listener(v);
    }
    // The learner used the pointer or keys `after` seconds from now.
    void active(double after = 0) { activity.push_back(now + after); }

    // The last request sent to `url` (with `method`), if any.
    const HttpRequest* last(const std::string& method, const std::string& url) const {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->method == method && it->url == url) return &*it;
        return nullptr;
    }
    bool was_cancelled(int id) const {
        return std::find(cancelled.begin(), cancelled.end(), id) != cancelled.end();
    }
    void reply(int id, int status, const std::string& body,
               const std::string& content_type = "application/json") {
        HttpEvent e;
        e.id = id;
        e.status = status;
        e.body = body;
        e.content_type = content_type;
        events.push_back(std::move(e));
    }
    void progress(int id, bool upload, double loaded, double total) {
        HttpEvent e;
        e.kind = upload ? HttpEvent::Kind::upload_progress : HttpEvent::Kind::download_progress;
        e.id = id;
        e.loaded = loaded;
        e.total = total;
        events.push_back(std::move(e));
    }
};

} // namespace wte::client::testing
