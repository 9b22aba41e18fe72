// EM_JS implementations of platform/bridge.hpp and the exported callbacks the
// page calls (wte_http_done, wte_http_progress, wte_image_done,
// wte_hash_changed, wte_text_input, wte_pointer, wte_wheel, wte_wake,
// wte_visibility, wte_activity, wte_mirror_activate, wte_mirror_focus,
// wte_mirror_quiz, wte_mirror_section, wte_mirror_field, and
// wte_bench_parse for tests/bench).
// The JavaScript side lives in web/js/bridge.js as window.WTE.
#include "platform/bridge.hpp"

#include "wte/rst/parser.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <utility>

namespace {
std::vector<wte::platform::HttpEvent> g_http_events;
std::vector<wte::platform::ImageResult> g_images;
std::optional<std::string> g_hash_change;
std::string g_text_input;
std::vector<wte::platform::PointerEvent> g_pointer;
double g_wheel_css = 0;
bool g_woken = false;
std::vector<double> g_activity;
std::vector<wte::platform::MirrorRequest> g_mirror;
std::function<void(bool)> g_visibility_listener;

std::string take_js_string(char* s) {
    if (!s) return {};
    std::string out(s);
    std::free(s);
    return out;
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void wte_http_done(int id, int status, const char* body, int length,
                                        const char* content_type, const char* etag) {
    wte::platform::HttpEvent e;
    e.id = id;
    e.status = status;
    if (body && length > 0) e.body.assign(body, static_cast<std::size_t>(length));
    if (content_type) e.content_type = content_type;
    if (etag) e.etag = etag;
    g_http_events.push_back(std::move(e));
}
EMSCRIPTEN_KEEPALIVE void wte_http_progress(int id, int upload, double loaded, double total) {
    using Kind = wte::platform::HttpEvent::Kind;
    wte::platform::HttpEvent e;
    e.kind = upload ? Kind::upload_progress : Kind::download_progress;
    e.id = id;
    e.loaded = loaded;
    e.total = total;
    g_http_events.push_back(std::move(e));
}
EMSCRIPTEN_KEEPALIVE void wte_image_done(int id, int texture, int width, int height) {
    g_images.push_back({id, static_cast<unsigned>(texture), width, height});
}
EMSCRIPTEN_KEEPALIVE void wte_hash_changed(const char* hash) {
    g_hash_change = hash;
}
EMSCRIPTEN_KEEPALIVE void wte_text_input(const char* utf8) {
    g_text_input += utf8;
}
// The page asks for the next frame to be drawn (web/js/bridge.js wake()).
EMSCRIPTEN_KEEPALIVE void wte_wake() {
    g_woken = true;
}
// kind: 0 move, 1 press, 2 release, 3 leave; x, y in canvas device pixels.
EMSCRIPTEN_KEEPALIVE void wte_pointer(int kind, double x, double y, int button) {
    using Kind = wte::platform::PointerEvent::Kind;
    if (kind < 0 || kind > 3) return;
    g_pointer.push_back(
        {static_cast<Kind>(kind), static_cast<float>(x), static_cast<float>(y), button});
}
EMSCRIPTEN_KEEPALIVE void wte_wheel(double delta_y_css) {
    g_wheel_css += delta_y_css;
}
// Called inside visibilitychange / pagehide, so keepalive requests sent by
// the listener leave before the page goes away.
EMSCRIPTEN_KEEPALIVE void wte_visibility(int visible) {
    if (g_visibility_listener) g_visibility_listener(visible != 0);
}
EMSCRIPTEN_KEEPALIVE void wte_activity(double unix_seconds) {
    if (g_activity.size() < 1000) g_activity.push_back(unix_seconds);
}
// web/js/a11y.js: a mirror node was clicked (Enter, Space, a screen reader's
// action) or focused.
EMSCRIPTEN_KEEPALIVE void wte_mirror_activate(unsigned id, int text_field) {
    using Kind = wte::platform::MirrorRequest::Kind;
    wte::platform::MirrorRequest r;
    r.kind = text_field ? Kind::activate_text_field : Kind::activate;
    r.id = id;
    g_mirror.push_back(std::move(r));
}
EMSCRIPTEN_KEEPALIVE void wte_mirror_focus(unsigned id) {
    wte::platform::MirrorRequest r;
    r.kind = wte::platform::MirrorRequest::Kind::focus;
    r.id = id;
    g_mirror.push_back(std::move(r));
}
EMSCRIPTEN_KEEPALIVE void wte_mirror_quiz(int document, const char* quiz, const char* question,
                                          int answer) {
    wte::platform::MirrorRequest r;
    r.kind = wte::platform::MirrorRequest::Kind::quiz;
    r.document = document;
    r.quiz = quiz ? quiz : "";
    r.question = question ? question : "";
    r.answer = answer;
    g_mirror.push_back(std::move(r));
}
// The reader moved into the section with HTML id `anchor` of page `document`.
EMSCRIPTEN_KEEPALIVE void wte_mirror_section(int document, const char* anchor) {
    wte::platform::MirrorRequest r;
    r.kind = wte::platform::MirrorRequest::Kind::section;
    r.document = document;
    r.question = anchor ? anchor : "";
    g_mirror.push_back(std::move(r));
}
// The mirror's <input> of a text field after an edit or a caret move.
EMSCRIPTEN_KEEPALIVE void wte_mirror_field(unsigned id, const char* text, int anchor, int caret) {
    wte::platform::MirrorRequest r;
    r.kind = wte::platform::MirrorRequest::Kind::field;
    r.id = id;
    r.text = text ? text : "";
    r.anchor = anchor;
    r.caret = caret;
    g_mirror.push_back(std::move(r));
}
// Milliseconds the reST parser takes for `source` in the browser, the mean
// of `runs` parses (the browser's clock is coarse); for tests/bench via
// WTE.benchParse.
EMSCRIPTEN_KEEPALIVE double wte_bench_parse(const char* source, int runs) {
    const double started = emscripten_get_now();
    std::size_t work = 0;
    for (int i = 0; i < runs; ++i)
        work += wte::rst::parse(source).work;
    const double ms = emscripten_get_now() - started;
    return work > 0 && runs > 0 ? ms / runs : 0;
}
}

// clang-format off
EM_JS(void, js_http_request, (int id, const char* method, const char* url, const char* body,
                              int body_length, const char* content_type, const char* csrf,
                              int keepalive, const char* if_match), {
    // A copy: the bytes must outlive this call.
    var bytes = body_length > 0 ? HEAPU8.slice(body, body + body_length) : null;
    WTE.fetch(id, UTF8ToString(method), UTF8ToString(url), bytes, UTF8ToString(content_type),
              UTF8ToString(csrf), keepalive !== 0, UTF8ToString(if_match));
});
EM_JS(int, js_page_visible, (), {
    return document.visibilityState === "hidden" ? 0 : 1;
});
EM_JS(void, js_http_cancel, (int id), {
    WTE.abort(id);
});
EM_JS(void, js_load_image, (int id, const char* url), {
    WTE.decodeImage(UTF8ToString(url)).then(function(bitmap) {
        var tex = GLctx.createTexture();
        var name = GL.getNewId(GL.textures);
        tex.name = name;
        GL.textures[name] = tex;
        GLctx.bindTexture(GLctx.TEXTURE_2D, tex);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MIN_FILTER, GLctx.LINEAR);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MAG_FILTER, GLctx.LINEAR);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_S, GLctx.CLAMP_TO_EDGE);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_T, GLctx.CLAMP_TO_EDGE);
        GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, bitmap);
        GLctx.bindTexture(GLctx.TEXTURE_2D, null);
        Module._wte_image_done(id, name, bitmap.width, bitmap.height);
        if (bitmap.close) bitmap.close();
    }).catch(function() {
        Module._wte_image_done(id, 0, 0, 0);
    });
});
EM_JS(void, js_open_external, (const char* url), {
    WTE.openExternal(UTF8ToString(url));
});
// Null when the key is missing or storage is refused (privacy settings throw).
EM_JS(char*, js_storage_get, (const char* key), {
    var s = null;
    try {
        s = window.localStorage.getItem(UTF8ToString(key));
    } catch (e) {
        s = null;
    }
    if (s === null) return 0;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
    }
});
EM_JS(void, js_storage_remove, (const char* key), {
    try {
        window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) {
    }
});
EM_JS(void, js_publish_content_times, (double draw_ms, double layout_ms), {
    window.wteTest.contentDrawMs = draw_ms;
    window.wteTest.contentLayoutMs = layout_ms;
});
EM_JS(int, js_media_matches, (const char* query), {
    return window.matchMedia && window.matchMedia(UTF8ToString(query)).matches ? 1 : 0;
});
EM_JS(int, js_prefers_dark, (), {
    return WTE.prefersDark() ? 1 : 0;
});
EM_JS(double, js_ui_zoom, (), {
    return WTE.uiZoom();
});
EM_JS(void, js_set_page_look, (int look), {
    document.documentElement.dataset.look = ["light", "dark", "contrast"][look] || "light";
});
EM_JS(double, js_now_unix_seconds, (), {
    return Date.now() / 1000;
});
EM_JS(char*, js_current_hash, (), {
    var s = window.location.hash || "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_set_hash, (const char* hash, int replace), {
    WTE.setHash(UTF8ToString(hash), replace != 0);
});
EM_JS(void, js_text_input_state, (int active, float x, float y, float w, float h), {
    WTE.textInputState(active != 0, x, y, w, h);
});
EM_JS(void, js_clipboard_write, (const char* text), {
    WTE.clipboardWrite(UTF8ToString(text));
});
EM_JS(void, js_set_cursor, (const char* cursor), {
    Module.canvas.style.cursor = UTF8ToString(cursor);
});
EM_JS(void, js_set_document_title, (const char* title), {
    document.title = UTF8ToString(title);
});
EM_JS(void, js_set_leave_warning, (int warn), {
    window.WTE.leaveWarning = !!warn;
});
EM_JS(int, js_utc_offset_minutes, (double unix_seconds), {
    return -new Date(unix_seconds * 1000).getTimezoneOffset();
});
EM_JS(int, js_font_size, (const char* name), {
    var f = WTE.fonts[UTF8ToString(name)];
    return f ? f.length : 0;
});
EM_JS(void, js_font_copy, (const char* name, unsigned char* dest), {
    HEAPU8.set(WTE.fonts[UTF8ToString(name)], dest);
});
EM_JS(void, js_publish_probe, (const char* json), {
    WTE.publishProbe(UTF8ToString(json));
});
EM_JS(void, js_publish_document, (int key, const char* html), {
    WTEA11y.document(key, UTF8ToString(html));
});
EM_JS(void, js_publish_frame, (int frame), {
    window.wteTest.frame = frame;
});
EM_JS(void, js_mark_ready, (), {
    WTE.markReady();
});
// clang-format on

namespace wte::platform {

void http_request(int id, const std::string& method, const std::string& url,
                  const std::string& body, const std::string& content_type, const std::string& csrf,
                  bool keepalive, const std::string& if_match) {
    js_http_request(id, method.c_str(), url.c_str(), body.data(), static_cast<int>(body.size()),
                    content_type.c_str(), csrf.c_str(), keepalive ? 1 : 0, if_match.c_str());
}
bool page_visible() {
    return js_page_visible() != 0;
}
void on_visibility_change(std::function<void(bool)> listener) {
    g_visibility_listener = std::move(listener);
}
std::vector<double> take_activity() {
    return std::exchange(g_activity, {});
}
void http_cancel(int id) {
    js_http_cancel(id);
}
std::vector<HttpEvent> take_http_events() {
    return std::exchange(g_http_events, {});
}

void load_image(int id, const std::string& url) {
    js_load_image(id, url.c_str());
}
std::vector<ImageResult> take_images() {
    return std::exchange(g_images, {});
}
void open_external(const std::string& url) {
    js_open_external(url.c_str());
}

std::optional<std::string> storage_get(const std::string& key) {
    char* value = js_storage_get(key.c_str());
    if (!value) return std::nullopt;
    std::string out = value;
    std::free(value);
    return out;
}
void storage_set(const std::string& key, const std::string& value) {
    js_storage_set(key.c_str(), value.c_str());
}
void storage_remove(const std::string& key) {
    js_storage_remove(key.c_str());
}

std::string current_hash() {
    return take_js_string(js_current_hash());
}
void set_hash(const std::string& hash, bool replace) {
    js_set_hash(hash.c_str(), replace ? 1 : 0);
}
std::optional<std::string> take_hash_change() {
    return std::exchange(g_hash_change, std::nullopt);
}

void text_input_state(bool active, float x, float y, float w, float h) {
    js_text_input_state(active ? 1 : 0, x, y, w, h);
}
std::string take_text_input() {
    return std::exchange(g_text_input, {});
}
void clipboard_write(const std::string& text) {
    js_clipboard_write(text.c_str());
}

std::vector<PointerEvent> take_pointer_events() {
    return std::exchange(g_pointer, {});
}

float take_wheel_lines(float line_height_css) {
    double css = std::exchange(g_wheel_css, 0.0);
    if (css == 0.0 || line_height_css <= 0) return 0.0f;
    return static_cast<float>(-css / line_height_css);
}

std::vector<MirrorRequest> take_mirror_requests() {
    return std::exchange(g_mirror, {});
}

bool take_wake_up() {
    const bool woken = std::exchange(g_woken, false);
    return woken || !g_http_events.empty() || !g_images.empty() || g_hash_change ||
           !g_text_input.empty() || !g_pointer.empty() || g_wheel_css != 0.0 || !g_mirror.empty();
}

bool prefers_more_contrast() {
    return js_media_matches("(prefers-contrast: more)") ||
           js_media_matches("(forced-colors: active)");
}
bool prefers_dark_colours() {
    return js_prefers_dark() != 0;
}
void set_page_look(int look) {
    js_set_page_look(look);
}
bool prefers_reduced_motion() {
    return js_media_matches("(prefers-reduced-motion: reduce)");
}

double ui_zoom() {
    const double z = js_ui_zoom();
    return z >= 0.5 && z <= 2.0 ? z : 1.0;
}
double device_pixel_ratio() {
    double r = emscripten_get_device_pixel_ratio();
    return r > 0 ? r : 1.0;
}
void canvas_css_size(double& width, double& height) {
    emscripten_get_element_css_size("#canvas", &width, &height);
}
void set_canvas_size(int width, int height) {
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    if (w != width || h != height) emscripten_set_canvas_element_size("#canvas", width, height);
}
void set_document_title(const std::string& title) {
    js_set_document_title(title.c_str());
}
void set_leave_warning(bool warn) {
    js_set_leave_warning(warn ? 1 : 0);
}
void set_cursor(const char* css_cursor) {
    js_set_cursor(css_cursor);
}
int utc_offset_minutes(double unix_seconds) {
    return js_utc_offset_minutes(unix_seconds);
}
double now_ms() {
    return emscripten_get_now();
}
double now_unix_seconds() {
    return js_now_unix_seconds();
}

std::vector<unsigned char> font_bytes(const char* name) {
    int n = js_font_size(name);
    std::vector<unsigned char> bytes(static_cast<std::size_t>(n > 0 ? n : 0));
    if (n > 0) js_font_copy(name, bytes.data());
    return bytes;
}

void publish_probe(const std::string& json) {
    js_publish_probe(json.c_str());
}
void publish_document(int key, const std::string& html) {
    js_publish_document(key, html.c_str());
}
void publish_frame(int frame) {
    js_publish_frame(frame);
}
void publish_content_times(double draw_ms, double layout_ms) {
    js_publish_content_times(draw_ms, layout_ms);
}
void mark_ready() {
    js_mark_ready();
}

} // namespace wte::platform
