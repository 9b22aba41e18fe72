// The application logic: how routes, user actions and network replies change
// AppState. This is the one place where state is written; screens only read
// it and record Actions.
#pragma once

#include "app/actions.hpp"
#include "app/app_state.hpp"
#include "net/api_client.hpp"

#include <string>

namespace wte::client {

class App {
public:
    AppState state;

    // Reads the current URL and asks the server who is signed in.
    void start();
    // The browser's hash changed (link, back/forward, reload, typed URL).
    void on_hash_changed(const std::string& hash);
    // Applies what the screens recorded during the frame.
    void apply(Actions& actions);
    // Applies every network reply that arrived since the last frame.
    void apply_replies();

    // "signin", "modules", "my-modules", "module", "part", "page", "loading",
    // "error", "not-found": the name published to window.wteTest.screen.
    std::string screen_name() const;
    // The browser tab's title for the current screen ("Welcome to the Web — WTE").
    std::string document_title() const;

private:
    void enter_route(const Route& route);
    void navigate(const Route& route, bool replace);
    void load_part(Id id);
    void load_modules();
    void load_my_modules();
    void signed_out(bool remember_route);
    void apply_reply(const Reply& reply);
    void apply_session(const json& body);
    // The "Timed actions" panel: app/timed_actions.cpp.
    void apply_timed_actions(Actions& actions);
    void apply_timed_reply(const Reply& reply);
    void load_timed_tasks(Id part_id);

    ApiClient api_;
};

} // namespace wte::client
