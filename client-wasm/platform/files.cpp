// EM_JS implementations of platform/files.hpp over web/js/files.js. Answers
// wait on the JavaScript side (already read from disk) until a take_*() copies
// them into wasm memory, so nothing is copied that no screen asked for. At the
// end: tiny test hooks for tests/e2e/bridge.test.js.
#include "platform/files.hpp"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <utility>

namespace {
wte::platform::DragHover g_drag_hover;
int g_next_pick_id = 1;

std::string take_js_string(char* s) {
    if (!s) return {};
    std::string out(s);
    std::free(s);
    return out;
}
} // namespace

extern "C" {
// web/js/files.js reports files dragged over the canvas (CSS px).
EMSCRIPTEN_KEEPALIVE void wte_drag_hover(int active, double x, double y) {
    g_drag_hover = {active != 0, static_cast<float>(x), static_cast<float>(y)};
}
}

// clang-format off
EM_JS(void, js_pick_files, (int id, const char* accept, int multiple), {
    WTEFiles.pick(id, UTF8ToString(accept), multiple != 0);
});
EM_JS(void, js_set_file_size_limit, (double bytes), {
    WTEFiles.setSizeLimit(bytes);
});
// kind: "pick" or "drop"; a malloc'd JSON description, or null when none waits.
EM_JS(char*, js_files_next, (const char* kind), {
    var s = WTEFiles.next(UTF8ToString(kind));
    if (s === null) return 0;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_files_copy, (int index, unsigned char* dest), {
    HEAPU8.set(WTEFiles.bytes(index), dest);
});
EM_JS(void, js_files_release, (), {
    WTEFiles.release();
});
EM_JS(void, js_download_bytes, (const char* filename, const char* type, const unsigned char* data,
                                 double size), {
    WTEFiles.saveBytes(UTF8ToString(filename), UTF8ToString(type), HEAPU8.slice(data, data + size));
});
EM_JS(int, js_download_url, (const char* url, const char* filename), {
    return WTEFiles.saveUrl(UTF8ToString(url), UTF8ToString(filename)) ? 1 : 0;
});
// clang-format on

namespace wte::platform {
namespace {

struct Answer {
    int id = 0;
    bool cancelled = false;
    float x = 0, y = 0;
    std::vector<PickedFile> files;
};

// The oldest waiting answer of a kind, bytes copied into wasm memory.
bool take_answer(const char* kind, Answer& out) {
    const std::string text = take_js_string(js_files_next(kind));
    if (text.empty()) return false;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    out = {};
    if (!j.is_discarded()) {
        out.id = j.value("id", 0);
        out.cancelled = j.value("cancelled", false);
        out.x = j.value("x", 0.0f);
        out.y = j.value("y", 0.0f);
        int index = 0;
        for (const auto& f : j.value("files", nlohmann::json::array())) {
            PickedFile file;
            file.name = f.value("name", "");
            file.mime_type = f.value("type", "");
            file.size = f.value("size", std::size_t{0});
            const int state = f.value("state", 2);
            file.too_large = state == 1;
            if (state == 0) {
                file.bytes.resize(f.value("length", std::size_t{0}));
                if (!file.bytes.empty()) js_files_copy(index, file.bytes.data());
            }
            out.files.push_back(std::move(file));
            ++index;
        }
    }
    js_files_release();
    return true;
}

} // namespace

int pick_files(const std::string& accept, bool multiple) {
    const int id = g_next_pick_id++;
    js_pick_files(id, accept.c_str(), multiple ? 1 : 0);
    return id;
}

std::vector<FilePick> take_file_picks() {
    std::vector<FilePick> picks;
    for (Answer a; take_answer("pick", a);)
        picks.push_back({a.id, a.cancelled, std::move(a.files)});
    return picks;
}

std::vector<FileDrop> take_file_drops() {
    std::vector<FileDrop> drops;
    for (Answer a; take_answer("drop", a);)
        drops.push_back({a.x, a.y, std::move(a.files)});
    return drops;
}

DragHover drag_hover() {
    return g_drag_hover;
}

void set_file_size_limit(std::size_t bytes) {
    js_set_file_size_limit(static_cast<double>(bytes));
}

void download_bytes(const std::string& filename, const std::string& mime_type,
                    const std::uint8_t* data, std::size_t size) {
    js_download_bytes(filename.c_str(), mime_type.c_str(), data, static_cast<double>(size));
}

bool download_url(const std::string& url, const std::string& filename) {
    return js_download_url(url.c_str(), filename.c_str()) != 0;
}

} // namespace wte::platform

// Test hooks for tests/e2e/bridge.test.js: they drive the real API above so
// the test proves the marshalling between C++ and JavaScript. Not used by the
// app.
namespace {
std::string g_test_reply;
}

extern "C" {
EMSCRIPTEN_KEEPALIVE int wte_test_pick_files(const char* accept, int multiple) {
    return wte::platform::pick_files(accept, multiple != 0);
}

// Takes every waiting pick and drop, saves each file's bytes back as a
// download named "echo-<name>", and describes what was taken as JSON.
EMSCRIPTEN_KEEPALIVE const char* wte_test_take_files() {
    using nlohmann::json;
    auto describe = [](const std::vector<wte::platform::PickedFile>& files) {
        json out = json::array();
        for (const auto& f : files) {
            out.push_back({{"name", f.name},
                           {"type", f.mime_type},
                           {"size", f.size},
                           {"bytes", f.bytes.size()},
                           {"too_large", f.too_large}});
            if (!f.bytes.empty())
                wte::platform::download_bytes("echo-" + f.name, f.mime_type, f.bytes.data(),
                                              f.bytes.size());
        }
        return out;
    };
    json picks = json::array(), drops = json::array();
    for (const auto& p : wte::platform::take_file_picks())
        picks.push_back({{"id", p.id}, {"cancelled", p.cancelled}, {"files", describe(p.files)}});
    for (const auto& d : wte::platform::take_file_drops())
        drops.push_back({{"x", d.x}, {"y", d.y}, {"files", describe(d.files)}});
    g_test_reply = json{{"picks", picks}, {"drops", drops}}.dump(-1, ' ', false,
                                                                 json::error_handler_t::replace);
    return g_test_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* wte_test_drag_hover() {
    const auto h = wte::platform::drag_hover();
    g_test_reply = nlohmann::json{{"active", h.active}, {"x", h.x}, {"y", h.y}}.dump();
    return g_test_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void wte_test_set_file_size_limit(double bytes) {
    wte::platform::set_file_size_limit(static_cast<std::size_t>(bytes));
}

EMSCRIPTEN_KEEPALIVE int wte_test_download_url(const char* url, const char* filename) {
    return wte::platform::download_url(url, filename) ? 1 : 0;
}
}
