// The screen registry: a screen is one entry (route pattern, name, title,
// needs sign-in, what to load on entering, how to draw). Adding a screen is
// its file in screens/ plus one line in screens/registry.cpp.
#pragma once

#include "app/route.hpp"

#include <string>
#include <vector>

namespace wte::client {

class App;
struct AppState;
struct Actions;

struct Screen {
    const char* route = nullptr; // pattern, see app/route.hpp
    const char* name = "";       // window.wteTest.screen
    bool needs_signin = true;
    // The browser tab's title without " — WTE".
    std::string (*title)(const AppState&) = nullptr;
    // Loads what the screen shows; called on every entry (reload included).
    void (*enter)(App&, const Route&) = nullptr;
    void (*draw)(AppState&, Actions&) = nullptr;
    // Screens whose name depends on what arrived (a part route shows a
    // "module", "part" or "page", "loading" or "error"); null: `name`.
    const char* (*name_now)(const AppState&) = nullptr;
};

const std::vector<Screen>& screens();
// The entry of the route; null for an unknown route.
const Screen* find_screen(const Route& route);

} // namespace wte::client
