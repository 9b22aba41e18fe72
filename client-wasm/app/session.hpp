// Feature: who is signed in. Asks GET /auth/me at start, signs in and out,
// and after a 401 anywhere returns to sign-in remembering where the user was.
#pragma once

#include "app/route.hpp"
#include "wte/api.hpp"
#include "wte/permissions.hpp"

#include <string>

namespace wte::client {

class App;

enum class SessionPhase { checking, signed_out, signed_in };

struct SignInForm {
    std::string email;
    std::string password;
    bool busy = false;
    std::string error;
    // The field the error is about ("email", "password"), or "credentials"
    // when the server refused the pair (both are marked invalid).
    std::string error_field;
    std::string notice; // after the account was deleted
    int request = 0;
};

struct SessionState {
    SessionPhase phase = SessionPhase::checking;
    api::Session current;
    std::string error; // GET /auth/me failed for another reason than 401
    SignInForm signin;
    Route after_signin = route_modules(); // the deep link kept across sign-in
    bool signed_in() const { return phase == SessionPhase::signed_in; }
};

struct SessionActions {
    bool sign_in = false;
    bool sign_out = false;
    bool any() const { return sign_in || sign_out; }
};

namespace session {
// The signed-in user as the shared permission rules see them.
Actor actor(const SessionState& s);
// Asks the server who is signed in; the route is entered once it is known.
void start(App& app);
void apply(App& app, SessionActions& a);
// The session ended (401, sign-out): back to sign-in; with remember_route the
// screen the user was on is shown again after signing in.
void signed_out(App& app, bool remember_route);
// A reply that signed the user in (login, a confirmation or reset link):
// the session is taken and the screen kept for after sign-in is shown.
void signed_in_with(App& app, const json& session_body);
} // namespace session

} // namespace wte::client
