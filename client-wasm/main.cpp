// wte-client entry point: creates the WebGL2 canvas window (GLFW), Dear ImGui
// and the fonts, then runs one frame per animation frame: platform input →
// network replies → draw the screen → apply actions → render → test bridge.
#include "app/app.hpp"
#include "app/platform_wasm.hpp"
#include "platform/bridge.hpp"
#include "screens/screens.hpp"
#include "ui/font_arrival.hpp"
#include "ui/probe.hpp"
#include "ui/probe_delta.hpp"
#include "ui/theme.hpp"
#include "widgets/widgets.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

struct Client {
    GLFWwindow* window = nullptr;
    wte::client::WasmPlatform platform;
    wte::client::App app{platform};
    int width = 1, height = 1; // canvas backing store, device pixels
    int quiet_frames = 0;      // frames since the last input or change
    bool animating = false;    // the last frame drew something that moves
    // The pointer as ImGui sees it (web/js/bridge.js delivers every event
    // with its position; GLFW's mouse state is not used).
    ImVec2 pointer{-FLT_MAX, -FLT_MAX};
    bool buttons[3] = {false, false, false};
    float built_scale = 0; // scale the fonts and style were built for
    wte::ui::Look built_look = wte::ui::Look::light;
    bool ready = false;
    std::string clipboard;
    const char* cursor = "";
};
Client* g_client = nullptr;

// ImGui copies through here; pasting comes as text from the <textarea>
// bridge, so ImGui's own paste (Ctrl+V) must find nothing to avoid doubles.
void set_clipboard(void* user_data, const char* text) {
    auto* c = static_cast<Client*>(user_data);
    c->clipboard = text;
    wte::platform::clipboard_write(c->clipboard);
}
const char* get_clipboard(void*) {
    return "";
}

// Canvas backing store = CSS size × devicePixelRatio; ImGui works in device
// pixels and the fonts and style follow the ratio.
bool sync_size_and_scale(Client& c) {
    double css_w = 0, css_h = 0;
    wte::platform::canvas_css_size(css_w, css_h);
    const double dpr = wte::platform::device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    // Not glfwSetWindowSize: Emscripten's GLFW turns a size equal to the
    // screen's into a fullscreen request and then ignores it.
    bool changed = w != c.width || h != c.height;
    wte::platform::set_canvas_size(w, h);
    c.width = w;
    c.height = h;

    // The user's zoom (Ctrl + / −) on top of the browser's: CSS pixels stay the
    // page's, everything drawn grows.
    const float scale = static_cast<float>(dpr * wte::platform::ui_zoom());
    wte::ui::set_device_ratio(static_cast<float>(dpr));
    auto& st = c.app.state;
    st.prefers_dark = wte::platform::prefers_dark_colours();
    const auto look = wte::ui::choose_look(st.high_contrast, st.theme, st.prefers_dark);
    // A late font (bold italic) replaces its fallback as soon as it is here.
    if (scale != c.built_scale || wte::ui::late_font_arrived(wte::platform::font_bytes)) {
        wte::ui::set_scale(scale);
        if (!wte::ui::build_fonts(wte::platform::font_bytes))
            std::fprintf(stderr, "wte: fonts could not be built\n");
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        changed = true;
    }
    if (scale != c.built_scale || look != c.built_look) {
        wte::ui::set_look(look);
        wte::ui::apply_style();
        wte::platform::set_page_look(static_cast<int>(look));
        c.built_scale = scale;
        c.built_look = look;
        changed = true;
    }
    return changed;
}

// ImGui 1.86 samples key state once per frame: a key that goes down and up
// (or up and down again) between two frames would be one state to it, and a
// press lost — fast typing and test drivers do this (Enter Enter). So a key
// changes at most once per frame: an event for a key already changed since
// the last frame waits for the next one, and so does every key event after
// it, so keys keep their order.
struct KeyEvent {
    int key, scancode, action, mods;
};
std::vector<int> g_changed_since_frame; // keys whose new state no frame has seen yet
std::vector<KeyEvent> g_deferred_keys;  // see key_callback
bool g_input_seen = false;              // a key changed since the last frame

// Pointer events wait here until a frame takes them. ImGui samples the
// pointer once per frame, so a frame takes moves up to and including one
// press or release: the press is seen at its own position (a tap without a
// prior move lands where it was pressed) and a quick click still spans two
// frames. What is left wakes the next frame.
std::vector<wte::platform::PointerEvent> g_pointer_queue;

void take_pointer_events(Client& c) {
    using Kind = wte::platform::PointerEvent::Kind;
    for (auto& e : wte::platform::take_pointer_events())
        g_pointer_queue.push_back(e);
    std::size_t used = 0;
    while (used < g_pointer_queue.size()) {
        const auto& e = g_pointer_queue[used++];
        if (e.kind == Kind::leave) {
            c.pointer = ImVec2(-FLT_MAX, -FLT_MAX);
            continue;
        }
        c.pointer = ImVec2(e.x, e.y);
        if ((e.kind == Kind::press || e.kind == Kind::release) && e.button >= 0 && e.button < 3) {
            c.buttons[e.button] = e.kind == Kind::press;
            break;
        }
    }
    g_pointer_queue.erase(g_pointer_queue.begin(),
                          g_pointer_queue.begin() + static_cast<std::ptrdiff_t>(used));
}

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    g_input_seen = true;
    const bool changed = std::find(g_changed_since_frame.begin(), g_changed_since_frame.end(),
                                   key) != g_changed_since_frame.end();
    if (!g_deferred_keys.empty() || (action != GLFW_REPEAT && changed)) {
        g_deferred_keys.push_back({key, scancode, action, mods});
        return;
    }
    if (action != GLFW_REPEAT) g_changed_since_frame.push_back(key);
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// After each frame: the waiting keys arrive now, as if just typed (some may
// wait again).
void release_held_keys(GLFWwindow* window) {
    g_changed_since_frame.clear();
    for (const KeyEvent& e : std::exchange(g_deferred_keys, {}))
        key_callback(window, e.key, e.scancode, e.action, e.mods);
}

void feed_platform_input(Client& c) {
    ImGuiIO& io = ImGui::GetIO();
    take_pointer_events(c);
    io.MousePos = c.pointer;
    for (int b = 0; b < 3; ++b)
        io.MouseDown[b] = c.buttons[b];
    if (auto hash = wte::platform::take_hash_change()) c.app.on_hash_changed(*hash);
    using Mirror = wte::platform::MirrorRequest::Kind;
    for (const auto& r : wte::platform::take_mirror_requests()) {
        if (r.kind == Mirror::focus)
            wte::ui::probe::focus(r.id);
        else if (r.kind == Mirror::quiz)
            wte::ui::probe::request_document({r.document, r.quiz, r.question, r.answer, ""});
        else if (r.kind == Mirror::section)
            wte::ui::probe::request_document({r.document, "", "", -1, r.question});
        else if (r.kind == Mirror::field)
            wte::ui::probe::edit_field({r.id, r.text, r.anchor, r.caret});
        else
            wte::ui::probe::activate(r.id, r.kind == Mirror::activate_text_field);
    }
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
    const std::string text = wte::platform::take_text_input();
    if (!text.empty()) {
        io.AddInputCharactersUTF8(text.c_str());
        // A paste arrives while Ctrl is still held, and ImGui drops characters
        // typed with Ctrl; text from the bridge is never a shortcut.
        io.KeyCtrl = false;
        io.KeySuper = false;
    }
    // One wheel unit scrolls 5 lines of the body font in ImGui.
    io.MouseWheel +=
        wte::platform::take_wheel_lines(5.0f * wte::ui::font_size_css(wte::ui::FontRole::body));
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
    case ImGuiMouseCursor_TextInput:
        return "text";
    case ImGuiMouseCursor_Hand:
        return "pointer";
    case ImGuiMouseCursor_ResizeNS:
        return "ns-resize";
    case ImGuiMouseCursor_ResizeEW:
        return "ew-resize";
    case ImGuiMouseCursor_NotAllowed:
        return "not-allowed";
    default:
        return "default";
    }
}

// Keeps the hidden <textarea> focused (and over the active field) while a
// text field has the caret, so typed, composed and pasted text arrives.
void sync_text_input() {
    ImVec2 min, max;
    const bool active = ImGui::GetIO().WantTextInput && wte::ui::active_text_field(min, max);
    const float s = wte::ui::device_ratio();
    wte::platform::text_input_state(active, min.x / s, min.y / s, (max.x - min.x) / s,
                                    (max.y - min.y) / s);
}

// Idle frames are skipped (nothing drawn) to spare the CPU; the frame counter
// still advances, so window.wteTest stays valid: nothing on screen changed.
// Replies and images wake the loop (web/js/bridge.js), so idle means idle.
bool needs_drawing(Client& c, bool size_changed) {
    const bool input = std::exchange(g_input_seen, false) || !g_deferred_keys.empty() ||
                       !g_pointer_queue.empty() || size_changed || wte::platform::take_wake_up();
    c.quiet_frames = input ? 0 : c.quiet_frames + 1;
    // A few frames after input let hover and activation states settle.
    return !c.ready || c.animating || c.quiet_frames < 30;
}

void frame() {
    Client& c = *g_client;
    wte::client::App& app = c.app;
    if (!needs_drawing(c, sync_size_and_scale(c))) {
        app.state.frame++;
        wte::platform::publish_frame(app.state.frame);
        return;
    }
    if (app.poll()) c.quiet_frames = 0;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(c.width), static_cast<float>(c.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    feed_platform_input(c);
    ImGui::NewFrame();
    wte::ui::probe::begin_frame();

    const std::string screen = app.screen_name();
    wte::client::Actions actions;
    wte::client::draw_app(app.state, actions, screen);
    const char* cursor = css_cursor(ImGui::GetMouseCursor());
    ImGui::Render();

    if (cursor != c.cursor) {
        wte::platform::set_cursor(cursor);
        c.cursor = cursor;
    }
    sync_text_input();

    glViewport(0, 0, c.width, c.height);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(wte::ui::palette().background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    release_held_keys(c.window);

    app.state.frame++;
    for (const auto& [key, html] : wte::ui::probe::take_document_html())
        wte::platform::publish_document(key, html);
    if (std::string probe =
            wte::ui::probe::end_frame_changes(screen, wte::client::to_hash(app.state.route));
        !probe.empty())
        wte::platform::publish_probe(probe);
    wte::platform::publish_frame(app.state.frame);
    if (app.state.content.page.draw_ms() > 0)
        wte::platform::publish_content_times(app.state.content.page.draw_ms(),
                                             app.state.content.page.layout_ms());
    if (!c.ready && screen != "loading") {
        c.ready = true;
        wte::platform::mark_ready();
    }

    c.animating = wte::ui::take_animation_request();
    if (actions.any()) c.quiet_frames = 0;
    app.apply(actions);
}

} // namespace

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "wte: GLFW could not start\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    static Client client;
    g_client = &client;
    client.window = glfwCreateWindow(1280, 800, "WTE", nullptr, nullptr);
    if (!client.window) {
        std::fprintf(stderr, "wte: WebGL2 is not available\n");
        return 1;
    }
    glfwMakeContextCurrent(client.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini in the browser
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NoMouseCursorChange;
    // What the browser asks for: less motion everywhere; more contrast until
    // a signed-in account says otherwise (its own switch).
    wte::ui::set_reduced_motion(wte::platform::prefers_reduced_motion());
    io.ConfigInputTextCursorBlink = !wte::ui::reduced_motion();
    client.app.state.high_contrast = wte::platform::prefers_more_contrast();
    ImGui_ImplGlfw_InitForOpenGL(client.window, true);
    // Characters come from the <textarea> bridge (input/compositionend/paste);
    // GLFW's keypress path would double ASCII and lose accents. The wheel and
    // the pointer come from the bridge too: GLFW takes a press at the last
    // moved-to position and ignores where a touch is.
    glfwSetCharCallback(client.window, nullptr);
    glfwSetScrollCallback(client.window, nullptr);
    glfwSetKeyCallback(client.window, key_callback);
    glfwSetMouseButtonCallback(client.window, nullptr);
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = &client;
    ImGui_ImplOpenGL3_Init("#version 300 es");

    client.app.start();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
