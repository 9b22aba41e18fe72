// The browser behind PlatformPort: every call goes to platform:: (the only
// door to JavaScript). Built into the wasm client only.
#pragma once

#include "app/platform_port.hpp"

namespace wte::client {

class WasmPlatform final : public PlatformPort {
public:
    void http_start(const HttpRequest& request) override;
    void http_cancel(int id) override;
    std::vector<HttpEvent> take_http_events() override;
    void load_image(int id, const std::string& url) override;
    std::vector<ImageEvent> take_image_events() override;
    std::string current_hash() override;
    void set_hash(const std::string& hash, bool replace) override;
    void set_title(const std::string& title) override;
    void clipboard_write(const std::string& text) override;
    void open_external(const std::string& url) override;
    void download_url(const std::string& url, const std::string& filename) override;
    int overlay_create_iframe(const IframeSpec& spec) override;
    void overlay_place(int id, const OverlayRect& rect,
                       const std::vector<OverlayRect>& holes) override;
    void overlay_show(int id, bool visible) override;
    void overlay_remove(int id) override;
    void overlay_navigate(int id, const std::string& src) override;
    void overlay_post(int id, const std::string& json) override;
    std::vector<OverlayMessage> take_overlay_messages() override;
    std::optional<std::string> storage_get(const std::string& key) override;
    void storage_set(const std::string& key, const std::string& value) override;
    void storage_remove(const std::string& key) override;
    double now_unix_seconds() override;
    int utc_offset_minutes(double unix_seconds) override;
    bool page_visible() override;
    void on_visibility_change(std::function<void(bool)> listener) override;
    std::vector<double> take_activity() override;
    int pick_files(const std::string& accept, bool multiple) override;
    std::vector<platform::FilePick> take_file_picks() override;
    std::vector<platform::FileDrop> take_file_drops() override;
    platform::DragHover drag_hover() override;
    void set_leave_warning(bool warn) override;
};

} // namespace wte::client
