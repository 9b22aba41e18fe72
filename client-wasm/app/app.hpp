// The application: routes, actions and replies → AppState through the
// features (app/session, module_lists, part_view, timed_actions,
// page_content, time_on_page, progress, workspace). It talks to the browser only
// through PlatformPort, so it builds and runs natively in the unit tests.
#pragma once

#include "app/actions.hpp"
#include "app/app_state.hpp"
#include "app/platform_port.hpp"
#include "app/registry.hpp"
#include "app/requests.hpp"

#include <string>

namespace wte::client {

class App {
public:
    explicit App(PlatformPort& platform);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    AppState state;

    // Reads the current URL and asks the server who is signed in.
    void start();
    // The browser's hash changed (link, back/forward, reload, typed URL).
    void on_hash_changed(const std::string& hash);
    // Runs the handlers of replies and images that arrived; true if any did.
    bool poll();
    // Applies what the screens recorded during the frame, fulfils what the
    // renderers need and keeps the tab's title current.
    void apply(Actions& actions);

    // window.wteTest.screen: the registered screen's name, or "loading",
    // "error", "not-found".
    std::string screen_name() const;
    // The browser tab's title for the current screen ("Welcome to the Web — WTE").
    std::string document_title() const;

    // Changes the URL and enters the route (the one way routes change).
    void navigate(const Route& route, bool replace);
    // Shows the route: sends a signed-out user to sign-in (keeping the route
    // for afterwards) and loads what the screen shows.
    void enter_route(const Route& route);
    // Forgets everything only a signed-in user may see.
    void reset_signed_in_state();

    RequestQueue& requests() { return requests_; }
    PlatformPort& platform() { return platform_; }

private:
    PlatformPort& platform_;
    RequestQueue requests_;
    std::string title_;
    bool leave_warning_ = false;
};

} // namespace wte::client
