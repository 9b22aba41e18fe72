// PlatformPort for the browser: a thin translation to platform/bridge.hpp.
#include "app/platform_wasm.hpp"

#include "platform/bridge.hpp"
#include "platform/files.hpp"
#include "platform/overlay.hpp"

namespace wte::client {

void WasmPlatform::http_start(const HttpRequest& r) {
    platform::http_request(r.id, r.method, r.url, r.body, r.content_type, r.csrf, r.keepalive,
                           r.if_match);
}
void WasmPlatform::http_cancel(int id) {
    platform::http_cancel(id);
}
std::vector<HttpEvent> WasmPlatform::take_http_events() {
    std::vector<HttpEvent> out;
    for (auto& e : platform::take_http_events()) {
        HttpEvent h;
        h.kind = e.kind == platform::HttpEvent::Kind::done ? HttpEvent::Kind::done
                 : e.kind == platform::HttpEvent::Kind::upload_progress
                     ? HttpEvent::Kind::upload_progress
                     : HttpEvent::Kind::download_progress;
        h.id = e.id;
        h.status = e.status;
        h.body = std::move(e.body);
        h.content_type = std::move(e.content_type);
        h.etag = std::move(e.etag);
        h.loaded = e.loaded;
        h.total = e.total;
        out.push_back(std::move(h));
    }
    return out;
}
void WasmPlatform::load_image(int id, const std::string& url) {
    platform::load_image(id, url);
}
std::vector<ImageEvent> WasmPlatform::take_image_events() {
    std::vector<ImageEvent> out;
    for (const auto& i : platform::take_images())
        out.push_back({i.id, i.texture, i.width, i.height});
    return out;
}
std::string WasmPlatform::current_hash() {
    return platform::current_hash();
}
void WasmPlatform::set_hash(const std::string& hash, bool replace) {
    platform::set_hash(hash, replace);
}
void WasmPlatform::set_title(const std::string& title) {
    platform::set_document_title(title);
}
void WasmPlatform::clipboard_write(const std::string& text) {
    platform::clipboard_write(text);
}
void WasmPlatform::open_external(const std::string& url) {
    platform::open_external(url);
}
double WasmPlatform::now_unix_seconds() {
    return platform::now_unix_seconds();
}
int WasmPlatform::utc_offset_minutes(double unix_seconds) {
    return platform::utc_offset_minutes(unix_seconds);
}
bool WasmPlatform::page_visible() {
    return platform::page_visible();
}
void WasmPlatform::on_visibility_change(std::function<void(bool)> listener) {
    platform::on_visibility_change(std::move(listener));
}
std::vector<double> WasmPlatform::take_activity() {
    return platform::take_activity();
}
void WasmPlatform::set_leave_warning(bool warn) {
    platform::set_leave_warning(warn);
}

void WasmPlatform::download_url(const std::string& url, const std::string& filename) {
    platform::download_url(url, filename);
}
int WasmPlatform::overlay_create_iframe(const IframeSpec& spec) {
    return platform::overlay_create_iframe(
        {spec.src, spec.sandbox, spec.allow, spec.referrer_policy, spec.title});
}
void WasmPlatform::overlay_place(int id, const OverlayRect& rect,
                                 const std::vector<OverlayRect>& holes) {
    std::vector<platform::CanvasRect> cut;
    for (const OverlayRect& h : holes)
        cut.push_back({h.x, h.y, h.w, h.h});
    platform::overlay_place(id, {rect.x, rect.y, rect.w, rect.h}, cut);
}
void WasmPlatform::overlay_show(int id, bool visible) {
    platform::overlay_show(id, visible);
}
void WasmPlatform::overlay_remove(int id) {
    platform::overlay_remove(id);
}
void WasmPlatform::overlay_navigate(int id, const std::string& src) {
    platform::overlay_navigate(id, src);
}
void WasmPlatform::overlay_post(int id, const std::string& json) {
    platform::overlay_post(id, json);
}
std::vector<OverlayMessage> WasmPlatform::take_overlay_messages() {
    std::vector<OverlayMessage> out;
    for (auto& m : platform::take_overlay_messages())
        out.push_back({m.overlay, std::move(m.text)});
    return out;
}
std::optional<std::string> WasmPlatform::storage_get(const std::string& key) {
    return platform::storage_get(key);
}
void WasmPlatform::storage_set(const std::string& key, const std::string& value) {
    platform::storage_set(key, value);
}
void WasmPlatform::storage_remove(const std::string& key) {
    platform::storage_remove(key);
}

int WasmPlatform::pick_files(const std::string& accept, bool multiple) {
    return platform::pick_files(accept, multiple);
}
std::vector<platform::FilePick> WasmPlatform::take_file_picks() {
    return platform::take_file_picks();
}
std::vector<platform::FileDrop> WasmPlatform::take_file_drops() {
    return platform::take_file_drops();
}
platform::DragHover WasmPlatform::drag_hover() {
    return platform::drag_hover();
}

} // namespace wte::client
