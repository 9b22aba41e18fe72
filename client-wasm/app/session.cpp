// The session feature: /auth/me, /auth/login, /auth/logout and their replies.
#include "app/session.hpp"

#include "app/app.hpp"
#include "wte/rules.hpp"

namespace wte::client {

namespace {

void apply_session(App& app, const json& body) {
    SessionState& s = app.state.session;
    s.current = api::parse_session(body);
    s.phase = SessionPhase::signed_in;
    s.error.clear();
    app.requests().set_csrf_token(s.current.csrf_token);
    app.state.high_contrast = s.current.user.options.high_contrast;
    app.state.theme = s.current.user.options.theme;
}

} // namespace

namespace session {

Actor actor(const SessionState& s) {
    Actor a;
    if (!s.signed_in()) return a;
    a.user_id = s.current.user.id;
    a.permissions.insert(s.current.permissions.begin(), s.current.permissions.end());
    return a;
}

void start(App& app) {
    SessionState& s = app.state.session;
    s.phase = SessionPhase::checking;
    s.error.clear();
    Request r = get(api::path_me(), [&app](const Reply& reply) {
        SessionState& s = app.state.session;
        if (reply.ok()) {
            apply_session(app, reply.data);
            app.enter_route(app.state.route);
        } else if (reply.status == 401) {
            s.phase = SessionPhase::signed_out;
            app.enter_route(app.state.route);
        } else {
            s.error = reply.error().message;
        }
    });
    r.session_request = true;
    r.key = "session";
    app.requests().send(std::move(r));
}

void signed_out(App& app, bool remember_route) {
    AppState& st = app.state;
    const Route route = st.route;
    app.reset_signed_in_state();
    st.session.phase = SessionPhase::signed_out;
    st.session.current = {};
    st.session.signin.busy = false;
    st.session.signin.password.clear();
    app.requests().set_csrf_token("");
    if (remember_route && route.known() && !route.is(routes::signin))
        st.session.after_signin = route;
    app.navigate(route_signin(), true);
}

void signed_in_with(App& app, const json& session_body) {
    apply_session(app, session_body);
    app.navigate(app.state.session.after_signin, true);
}

void apply(App& app, SessionActions& a) {
    SignInForm& f = app.state.session.signin;
    if (a.sign_in && !f.busy) {
        f.error.clear();
        f.error_field.clear();
        if (Refusal no = check_email(f.email)) {
            f.error = *no;
            f.error_field = "email";
        } else if (f.password.empty()) {
            f.error = "Enter your password.";
            f.error_field = "password";
        } else {
            f.busy = true;
            f.error.clear();
            Request r = send_json(
                "POST", api::path_login(), api::to_json(api::LoginRequest{f.email, f.password}),
                [&app](const Reply& reply) {
                    SessionState& s = app.state.session;
                    if (reply.id != s.signin.request) return;
                    s.signin.busy = false;
                    if (reply.ok()) {
                        s.signin.password.clear();
                        s.signin.error.clear();
                        signed_in_with(app, reply.data);
                    } else {
                        s.signin.error = reply.error().message;
                        s.signin.error_field = reply.status == 401 ? "credentials" : "";
                    }
                });
            r.session_request = true;
            f.request = app.requests().send(std::move(r));
        }
    }
    if (a.sign_out) {
        Request r = send_json("POST", api::path_logout(), json::object(), [&app](const Reply&) {
            app.state.session.after_signin = route_modules();
            signed_out(app, false);
        });
        r.session_request = true;
        app.requests().send(std::move(r));
    }
}

} // namespace session

} // namespace wte::client
