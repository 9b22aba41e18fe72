// The whole client drawn headless, frame after frame with one ImGui context
// (widgets keep their state between frames, as in the browser), signed in
// with the given session: what it asks the server (FakePlatform), what the
// test bridge would publish, and clicks and typing as a person makes them.
#pragma once

#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "headless_ui.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include "system_fonts.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>
#include <string>

namespace wte::client::testing {

struct Headless {
    FakePlatform browser;
    App app{browser};
    json widgets, texts;

    Headless(const std::string& hash, const std::string& session_json) {
        browser.hash = hash;
        start_headless_ui(ImVec2(1280, 2000));
        app.start();
        answer("GET", api::path_me(), 200, session_json);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body);
        app.poll();
    }
    // Frames of the whole app; `input` sets the mouse before frame i.
    void frames(int n, const std::function<void(ImGuiIO&, int)>& input = nullptr) {
        static int published = 0;
        for (int i = 0; i < n; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            if (input) input(io, i);
            ImGui::NewFrame();
            ui::probe::begin_frame();
            Actions a;
            draw_app(app.state, a, app.screen_name());
            ImGui::Render();
            // A name of its own per frame: the probe publishes only what changed.
            const std::string j =
                ui::probe::end_frame("test-" + std::to_string(++published), "#/test");
            if (!j.empty()) {
                const json all = json::parse(j);
                widgets = all["widgets"];
                texts = all["texts"];
            }
            app.apply(a);
        }
    }
    const json* widget(const std::string& label, const std::string& kind) const {
        for (const auto& w : widgets)
            if (w["label"] == label && w["kind"] == kind) return &w;
        return nullptr;
    }
    int count(const std::string& label, const std::string& kind) const {
        int n = 0;
        for (const auto& w : widgets)
            n += w["label"] == label && w["kind"] == kind ? 1 : 0;
        return n;
    }
    bool shows(const std::string& text) const {
        for (const auto& t : texts)
            if (t["text"] == text) return true;
        return false;
    }
    // Clicks the nth widget so named, as a person would: move, press, release.
    void click(const std::string& label, const std::string& kind, int nth = 0) {
        frames(1);
        const json* w = nullptr;
        for (const auto& x : widgets)
            if (x["label"] == label && x["kind"] == kind && nth-- == 0) w = &x;
        REQUIRE(w);
        const float x = (*w)["x"].get<float>() + (*w)["w"].get<float>() / 2;
        const float y = (*w)["y"].get<float>() + (*w)["h"].get<float>() / 2;
        frames(4, [&](ImGuiIO& io, int i) {
            io.MousePos = ImVec2(x, y);
            io.MouseDown[0] = i == 1;
        });
    }
    void type(const std::string& label, const std::string& text) {
        click(label, "input");
        frames(1, [&](ImGuiIO& io, int) { io.AddInputCharactersUTF8(text.c_str()); });
        frames(1);
    }
    int sent(const std::string& method, const std::string& url) const {
        int n = 0;
        for (const auto& r : browser.sent)
            n += r.method == method && r.url == url ? 1 : 0;
        return n;
    }
    // The body of the last request so sent, as JSON.
    json body_of(const std::string& method, const std::string& url) const {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        return json::parse(r->body);
    }
};

} // namespace wte::client::testing
