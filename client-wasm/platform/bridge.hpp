// The only door between the C++ client and the browser: every call into the
// page's JavaScript (web/js/bridge.js) and every callback out of it goes
// through here. Callbacks are queued and taken once per frame by main.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wte::platform {

// --- HTTP (XMLHttpRequest with the session cookie; CSRF header when csrf is
// set; bodies are bytes of content_type; progress both ways; abort) ---
struct HttpEvent {
    enum class Kind { upload_progress, download_progress, done };
    Kind kind = Kind::done;
    int id = 0;
    int status = 0; // done: 0 when the request never reached the server
    std::string body;
    std::string content_type;
    std::string etag; // the ETag header of the reply
    double loaded = 0, total = 0;
};
// keepalive: sent with fetch(…, {keepalive: true}) so it survives the page
// closing (the CSRF header included).
void http_request(int id, const std::string& method, const std::string& url,
                  const std::string& body, const std::string& content_type, const std::string& csrf,
                  bool keepalive = false, const std::string& if_match = "");
// Aborts the request; no event about it arrives afterwards.
void http_cancel(int id);
std::vector<HttpEvent> take_http_events();

// --- Images: fetched and decoded by the browser, uploaded as GL textures ---
struct ImageResult {
    int id = 0;
    unsigned texture = 0; // 0: could not be loaded or decoded
    int width = 0, height = 0;
};
void load_image(int id, const std::string& url);
std::vector<ImageResult> take_images();

// A new tab without access to this page (noopener).
void open_external(const std::string& url);

// --- The app's localStorage (small flags that outlive a reload); a browser
// that refuses storage behaves as if nothing was ever stored ---
std::optional<std::string> storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// --- URL hash routing ---
std::string current_hash();
// replace: change the URL without a new history entry (redirects).
void set_hash(const std::string& hash, bool replace);
std::optional<std::string> take_hash_change();

// --- Text input: a hidden <textarea> that receives typed, composed and pasted
// text while a text field is active; positioned over the field (CSS px) so an
// IME shows its candidates in the right place. ---
void text_input_state(bool active, float x, float y, float w, float h);
std::string take_text_input();
void clipboard_write(const std::string& text);

// --- Pointer (mouse, touch, pen) in canvas device pixels, in the order the
// browser saw it. Each press and release carries its own position, so a tap
// lands where it was pressed even when no move came before it. Touch is
// turned into these in web/js/bridge.js: a tap is a move + press + release,
// a drag scrolls (wheel), a long press presses and then drags a selection. ---
struct PointerEvent {
    enum class Kind { move, press, release, leave };
    Kind kind = Kind::move;
    float x = 0, y = 0;
    int button = 0; // press, release: 0 left, 1 right, 2 middle (as ImGui)
};
std::vector<PointerEvent> take_pointer_events();

// --- Is the learner there: tab visibility (the listener is called inside
// visibilitychange / pagehide, false when hidden or closing) and input ---
bool page_visible();
void on_visibility_change(std::function<void(bool visible)> listener);
// Unix seconds of pointer, key, wheel or touch input since the last call
// (at most one per second).
std::vector<double> take_activity();

// --- Mouse wheel in lines (positive: content moves up, as in ImGui) ---
float take_wheel_lines(float line_height_css);

// --- The accessibility mirror (web/js/a11y.js): a screen reader or the
// keyboard pressed or focused the DOM node of the widget with ImGui id `id`,
// or chose an answer of (answer -1: checked) a quiz in the HTML of page
// `document`, moved into its section `question` (section), or edited the
// <input> of a text field (field: its whole text, the selection's fixed end
// and the caret as byte offsets) ---
struct MirrorRequest {
    enum class Kind { activate, activate_text_field, focus, quiz, section, field };
    Kind kind = Kind::activate;
    unsigned id = 0;
    int document = 0;
    std::string quiz, question;
    int answer = -1;
    std::string text;
    int anchor = 0, caret = 0;
};
std::vector<MirrorRequest> take_mirror_requests();
// A page's HTML for the mirror, once per page text (key: its name in the probe).
void publish_document(int key, const std::string& html);

// True when a callback (reply, image, hash, text, pointer, wheel) is waiting to be
// taken, or when the page called Module._wte_wake() since the last call.
bool take_wake_up();

// --- What the browser asks for (CSS media features): prefers-contrast: more
// (or forced colours), prefers-reduced-motion: reduce ---
bool prefers_more_contrast();
bool prefers_reduced_motion();
// prefers-color-scheme: dark, kept by the page as it changes (a change wakes the client).
bool prefers_dark_colours();
// The page behind the canvas (loading screen, overscroll) in the client's look:
// 0 light, 1 dark, 2 high contrast (ui::Look).
void set_page_look(int look);

// --- Canvas and cursor ---
double device_pixel_ratio();
// The UI's own zoom, 0.5–2 (Ctrl + / − / 0 in web/js/bridge.js, kept in localStorage).
double ui_zoom();
void canvas_css_size(double& width, double& height);
// Sets the canvas backing store (device pixels) when it differs.
void set_canvas_size(int width, int height);
void set_cursor(const char* css_cursor);
void set_document_title(const std::string& title);
// beforeunload asks "Leave site?" while set (unsaved text in the content editor).
void set_leave_warning(bool warn);

// --- Clock: the browser's time zone, minutes east of UTC at the instant
// unix_seconds (-new Date(t).getTimezoneOffset(); differs across DST). ---
int utc_offset_minutes(double unix_seconds);
// Milliseconds from a fixed start (performance.now()), for timings.
double now_ms();
// Seconds since 1970, UTC (Date.now() / 1000).
double now_unix_seconds();

// --- Fonts fetched by web/js/loader.js before main() runs ---
std::vector<unsigned char> font_bytes(const char* name);

// --- UI test bridge (window.wteTest) ---
void publish_probe(const std::string& json);
void publish_frame(int frame);
// CPU time of the page renderer's last draw and layout, for
// tests/bench/frame_time.js (window.wteTest.contentDrawMs / contentLayoutMs).
void publish_content_times(double draw_ms, double layout_ms);
void mark_ready();

} // namespace wte::platform
