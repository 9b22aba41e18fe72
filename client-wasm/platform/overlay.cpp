// EM_JS implementations of platform/overlay.hpp over web/js/overlay.js. The
// last placement of each overlay is kept here, so placing it every frame
// crosses into JavaScript only when the rectangle or its holes changed. At the
// end: tiny test hooks for tests/e2e/bridge.test.js.
#include "platform/overlay.hpp"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <utility>

namespace {
struct Placement {
    wte::platform::CanvasRect rect;
    std::vector<wte::platform::CanvasRect> holes;
};
std::map<int, Placement> g_placements; // overlays placed at least once
static_assert(sizeof(wte::platform::CanvasRect) == 4 * sizeof(float),
              "holes cross to JavaScript as packed floats");
} // namespace

// clang-format off
EM_JS(int, js_overlay_create_iframe, (const char* src, const char* sandbox, const char* allow,
                                      const char* referrer_policy, const char* title), {
    return WTEOverlay.createIframe({
        src: UTF8ToString(src),
        sandbox: UTF8ToString(sandbox),
        allow: UTF8ToString(allow),
        referrerPolicy: UTF8ToString(referrer_policy),
        title: UTF8ToString(title),
    });
});
EM_JS(void, js_overlay_navigate, (int id, const char* src), {
    WTEOverlay.navigate(id, UTF8ToString(src));
});
EM_JS(void, js_overlay_post, (int id, const char* json), {
    WTEOverlay.post(id, UTF8ToString(json));
});
// holes: count × (x, y, w, h) floats.
EM_JS(void, js_overlay_place, (int id, float x, float y, float w, float h, const float* holes,
                               int count), {
    var list = [];
    for (var i = 0; i < count; i++) {
        var at = (holes >> 2) + i * 4;
        list.push({x: HEAPF32[at], y: HEAPF32[at + 1], w: HEAPF32[at + 2], h: HEAPF32[at + 3]});
    }
    WTEOverlay.place(id, {x: x, y: y, w: w, h: h}, list);
});
EM_JS(void, js_overlay_show, (int id, int visible), {
    WTEOverlay.show(id, visible != 0);
});
EM_JS(void, js_overlay_remove, (int id), {
    WTEOverlay.remove(id);
});
EM_JS(int, js_overlay_focused, (), {
    return WTEOverlay.focused();
});
// The next message's text (malloc'd) and its overlay's id in *overlay; null
// when none waits.
EM_JS(char*, js_overlay_next_message, (int* overlay), {
    var m = WTEOverlay.nextMessage();
    if (!m) return 0;
    HEAP32[overlay >> 2] = m.id;
    var n = lengthBytesUTF8(m.text) + 1;
    var p = _malloc(n);
    stringToUTF8(m.text, p, n);
    return p;
});
// clang-format on

namespace wte::platform {

int overlay_create_iframe(const IframeOverlay& spec) {
    return js_overlay_create_iframe(spec.src.c_str(), spec.sandbox.c_str(), spec.allow.c_str(),
                                    spec.referrer_policy.c_str(), spec.title.c_str());
}

void overlay_navigate(int id, const std::string& src) {
    js_overlay_navigate(id, src.c_str());
}

void overlay_post(int id, const std::string& json) {
    js_overlay_post(id, json.c_str());
}

void overlay_place(int id, const CanvasRect& rect, const std::vector<CanvasRect>& holes) {
    auto it = g_placements.find(id);
    if (it != g_placements.end() && it->second.rect == rect && it->second.holes == holes) return;
    g_placements[id] = {rect, holes};
    js_overlay_place(id, rect.x, rect.y, rect.w, rect.h,
                     reinterpret_cast<const float*>(holes.data()), static_cast<int>(holes.size()));
}

void overlay_show(int id, bool visible) {
    js_overlay_show(id, visible ? 1 : 0);
}

void overlay_remove(int id) {
    g_placements.erase(id);
    js_overlay_remove(id);
}

int overlay_focused() {
    return js_overlay_focused();
}

std::vector<OverlayMessage> take_overlay_messages() {
    std::vector<OverlayMessage> out;
    for (;;) {
        int overlay = 0;
        char* text = js_overlay_next_message(&overlay);
        if (!text) break;
        out.push_back({overlay, text});
        std::free(text);
    }
    return out;
}

} // namespace wte::platform

// Test hooks for tests/e2e/bridge.test.js: they drive the real API above so
// the test proves the marshalling between C++ and JavaScript. Not used by the
// app.
namespace {
std::string g_test_reply;

wte::platform::CanvasRect rect_of(const nlohmann::json& a) {
    float v[4] = {};
    for (std::size_t i = 0; i < 4 && a.is_array() && i < a.size(); ++i)
        if (a[i].is_number()) v[i] = a[i].get<float>();
    return {v[0], v[1], v[2], v[3]};
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int wte_test_overlay_create(const char* src, const char* sandbox,
                                                 const char* title) {
    return wte::platform::overlay_create_iframe({src, sandbox, "", "no-referrer", title});
}

// placement: {"rect": [x, y, w, h], "holes": [[x, y, w, h], ...]}
EMSCRIPTEN_KEEPALIVE void wte_test_overlay_place(int id, const char* placement) {
    const auto j = nlohmann::json::parse(placement, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return;
    std::vector<wte::platform::CanvasRect> holes;
    for (const auto& h : j.value("holes", nlohmann::json::array()))
        holes.push_back(rect_of(h));
    wte::platform::overlay_place(id, rect_of(j.value("rect", nlohmann::json())), holes);
}

EMSCRIPTEN_KEEPALIVE void wte_test_overlay_show(int id, int visible) {
    wte::platform::overlay_show(id, visible != 0);
}

EMSCRIPTEN_KEEPALIVE void wte_test_overlay_remove(int id) {
    wte::platform::overlay_remove(id);
}

EMSCRIPTEN_KEEPALIVE int wte_test_overlay_focused() {
    return wte::platform::overlay_focused();
}

EMSCRIPTEN_KEEPALIVE const char* wte_test_take_overlay_messages() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : wte::platform::take_overlay_messages())
        out.push_back({{"overlay", m.overlay}, {"text", m.text}});
    g_test_reply = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_test_reply.c_str();
}
}
