// Routes, actions and replies → AppState. Invariants kept here:
//  - state.route always matches the URL hash (navigate() changes both);
//  - a reply only lands if it answers the request the state still waits for;
//  - a 401 on any request means the session ended: back to sign-in, and the
//    screen the user wanted is remembered for after signing in.
#include "app/app.hpp"

#include "platform/bridge.hpp"
#include "ui/theme.hpp"

namespace wte::client {

namespace {

std::string message_for_enrol(const api::ErrorBody& e) {
    if (!e.message.empty() && e.code != "error") return e.message;
    if (e.code == "password_required") return "This module needs a password.";
    if (e.code == "wrong_password") return "That password is not right.";
    if (e.code == "email_domain_refused") return "This module is not open to your email address.";
    if (e.code == "blocked") return "You cannot take this module.";
    return e.message;
}

} // namespace

void App::start() {
    state.route = parse_route(platform::current_hash());
    state.session_state = SessionState::checking;
    state.session_error.clear();
    api_.get(RequestKind::me, api::path_me());
}

void App::on_hash_changed(const std::string& hash) {
    Route route = parse_route(hash);
    if (route == state.route) return; // our own navigate() already entered it
    enter_route(route);
}

void App::navigate(const Route& route, bool replace) {
    platform::set_hash(to_hash(route), replace);
    enter_route(route);
}

void App::enter_route(const Route& route) {
    state.route = route;
    if (state.session_state == SessionState::checking) return; // entered again once known
    if (state.session_state == SessionState::signed_out) {
        if (route.kind != RouteKind::signin) {
            if (route.kind != RouteKind::unknown) state.after_signin = route;
            navigate(route_signin(), true);
        }
        return;
    }
    switch (route.kind) {
    case RouteKind::signin:
    case RouteKind::unknown:
        navigate(route_modules(), true);
        break;
    case RouteKind::modules:
        load_modules();
        break;
    case RouteKind::my_modules:
        load_my_modules();
        break;
    case RouteKind::part:
        load_part(route.part_id);
        break;
    }
}

void App::load_modules() {
    state.modules.request = api_.get(RequestKind::modules, api::path_modules());
    if (!state.modules.ready()) state.modules.state = decltype(state.modules)::State::loading;
}

void App::load_my_modules() {
    state.my_modules.request = api_.get(RequestKind::my_modules, api::path_my_modules());
    if (!state.my_modules.ready())
        state.my_modules.state = decltype(state.my_modules)::State::loading;
}

void App::load_part(Id id) {
    if (state.part_id != id) {
        state.part_id = id;
        state.enrol = {};
        auto cached = state.part_cache.find(id);
        if (cached != state.part_cache.end()) {
            state.part.value = cached->second; // shown at once, refreshed below
            state.part.state = decltype(state.part)::State::ready;
        } else {
            state.part.state = decltype(state.part)::State::loading;
        }
    } else if (!state.part.ready()) {
        state.part.state = decltype(state.part)::State::loading;
    }
    state.part.error.clear();
    state.part.request = api_.get(RequestKind::part, api::path_part(id), id);
}

void App::signed_out(bool remember_route) {
    if (remember_route && state.route.kind != RouteKind::signin &&
        state.route.kind != RouteKind::unknown)
        state.after_signin = state.route;
    state.session_state = SessionState::signed_out;
    state.session = {};
    api_.set_csrf_token("");
    state.modules = {};
    state.my_modules = {};
    state.part = {};
    state.part_id = 0;
    state.part_cache.clear();
    state.enrol = {};
    state.timed = {};
    state.signin.busy = false;
    state.signin.password.clear();
    navigate(route_signin(), true);
}

void App::apply_session(const json& body) {
    state.session = api::parse_session(body);
    api_.set_csrf_token(state.session.csrf_token);
    state.session_state = SessionState::signed_in;
    state.session_error.clear();
    state.high_contrast = state.session.user.options.high_contrast;
}

void App::apply(Actions& a) {
    if (a.toggle_high_contrast) state.high_contrast = !state.high_contrast;
    if (a.sign_in && !state.signin.busy) {
        state.signin.error.clear();
        if (state.signin.email.find('@') == std::string::npos) {
            state.signin.error = "Enter the email address you registered with.";
        } else if (state.signin.password.empty()) {
            state.signin.error = "Enter your password.";
        } else {
            state.signin.busy = true;
            state.signin.request = api_.send(
                RequestKind::login, "POST", api::path_login(),
                api::to_json(api::LoginRequest{state.signin.email, state.signin.password}));
        }
    }
    if (a.sign_out) api_.send(RequestKind::logout, "POST", api::path_logout(), json::object());
    if (a.enrol && !state.enrol.busy) {
        state.enrol.module_id = *a.enrol;
        state.enrol.busy = true;
        state.enrol.error.clear();
        json body = json::object();
        if (state.part.ready() && state.part.value.access.has_password)
            body["password"] = state.enrol.password;
        state.enrol.request =
            api_.send(RequestKind::enrol, "POST", api::path_enrol(*a.enrol), body, *a.enrol);
    }
    if (a.leave && !state.enrol.busy) {
        state.enrol.busy = true;
        state.enrol.error.clear();
        state.enrol.request =
            api_.send(RequestKind::leave, "DELETE", api::path_enrol(*a.leave), nullptr, *a.leave);
    }
    if (a.retry) {
        if (state.session_state == SessionState::checking || !state.session_error.empty())
            start();
        else
            enter_route(state.route);
    }
    apply_timed_actions(a);
    if (a.navigate) navigate(*a.navigate, false);
    a = {};
}

void App::apply_replies() {
    for (const Reply& r : api_.take_replies()) {
        try {
            apply_reply(r);
        } catch (const std::exception&) {
            // A reply whose JSON does not match the contract: say so where the
            // data would have been instead of stopping the app.
            const std::string why = "The server's answer could not be read. Please retry.";
            if (r.kind == RequestKind::part && r.id == state.part.request) {
                state.part.state = decltype(state.part)::State::failed;
                state.part.error = why;
            } else if (r.kind == RequestKind::modules) {
                state.modules.state = decltype(state.modules)::State::failed;
                state.modules.error = why;
            } else if (r.kind == RequestKind::my_modules) {
                state.my_modules.state = decltype(state.my_modules)::State::failed;
                state.my_modules.error = why;
            } else if (r.kind == RequestKind::me || r.kind == RequestKind::login) {
                state.signin.busy = false;
                state.signin.error = why;
                if (r.kind == RequestKind::me) state.session_error = why;
            }
        }
    }
}

void App::apply_reply(const Reply& r) {
    const bool session_ended = r.status == 401 && r.kind != RequestKind::login &&
                               r.kind != RequestKind::me && r.kind != RequestKind::logout &&
                               state.session_state == SessionState::signed_in;
    if (session_ended) {
        signed_out(true);
        state.signin.error = "Your session has ended. Please sign in again.";
        return;
    }

    switch (r.kind) {
    case RequestKind::me:
        if (r.ok()) {
            apply_session(r.body);
            enter_route(state.route);
        } else if (r.status == 401) {
            state.session_state = SessionState::signed_out;
            enter_route(state.route);
        } else {
            state.session_error = r.error().message;
        }
        break;

    case RequestKind::login:
        if (r.id != state.signin.request) break;
        state.signin.busy = false;
        if (r.ok()) {
            apply_session(r.body);
            state.signin.password.clear();
            state.signin.error.clear();
            navigate(state.after_signin, true);
        } else {
            state.signin.error = r.error().message;
        }
        break;

    case RequestKind::logout:
        state.after_signin = route_modules();
        signed_out(false);
        break;

    case RequestKind::modules:
        if (r.id != state.modules.request) break;
        if (r.ok()) {
            state.modules.value = api::parse_page<PartSummary>(r.body);
            state.modules.state = decltype(state.modules)::State::ready;
        } else {
            state.modules.state = decltype(state.modules)::State::failed;
            state.modules.error = r.error().message;
        }
        break;

    case RequestKind::my_modules:
        if (r.id != state.my_modules.request) break;
        if (r.ok()) {
            std::vector<MyModule> mine;
            for (const auto& item : r.body.at("items")) {
                MyModule m;
                m.module = item.get<PartSummary>();
                if (item.contains("role") && item["role"].is_string())
                    m.role = parse_module_role(item["role"].get<std::string>())
                                 .value_or(ModuleRole::none);
                mine.push_back(std::move(m));
            }
            state.my_modules.value = std::move(mine);
            state.my_modules.state = decltype(state.my_modules)::State::ready;
        } else {
            state.my_modules.state = decltype(state.my_modules)::State::failed;
            state.my_modules.error = r.error().message;
        }
        break;

    case RequestKind::part:
        if (r.id != state.part.request) break;
        if (r.ok()) {
            PartView view = r.body.get<PartView>();
            state.part_cache[view.part.id] = view;
            state.part.value = std::move(view);
            state.part.state = decltype(state.part)::State::ready;
            // Previous/next on a page need the siblings: its parent's children.
            const auto& p = state.part.value.part;
            if (p.type == PartType::page && p.parent_id && !state.part_cache.count(*p.parent_id))
                api_.get(RequestKind::parent, api::path_part(*p.parent_id), *p.parent_id);
        } else {
            state.part_cache.erase(r.key);
            state.part.state = decltype(state.part)::State::failed;
            state.part.error = r.error().message;
            state.part.value = {};
        }
        break;

    case RequestKind::parent:
        if (r.ok()) {
            PartView view = r.body.get<PartView>();
            state.part_cache[view.part.id] = std::move(view);
        }
        break;

    case RequestKind::enrol:
    case RequestKind::leave:
        if (r.id != state.enrol.request) break;
        state.enrol.busy = false;
        if (r.ok()) {
            state.enrol.password.clear();
            state.enrol.error.clear();
            state.my_modules = {};
            if (state.route.kind == RouteKind::part) load_part(state.route.part_id);
        } else {
            state.enrol.error = message_for_enrol(r.error());
        }
        break;

    case RequestKind::timed_tasks:
    case RequestKind::timed_task_save:
    case RequestKind::timed_task_delete:
        apply_timed_reply(r);
        break;
    }
}

std::string App::document_title() const {
    const std::string screen = screen_name();
    std::string what = "Web Teaching Environment";
    if (screen == "signin") what = "Sign in";
    if (screen == "modules") what = "Modules";
    if (screen == "my-modules") what = "My modules";
    if (screen == "module" || screen == "part" || screen == "page")
        what = state.part.value.part.title;
    if (screen == "error") what = "Cannot be shown";
    return what + " — WTE";
}

std::string App::screen_name() const {
    if (state.session_state == SessionState::checking)
        return state.session_error.empty() ? "loading" : "error";
    switch (state.route.kind) {
    case RouteKind::signin:
        return "signin";
    case RouteKind::modules:
        return "modules";
    case RouteKind::my_modules:
        return "my-modules";
    case RouteKind::unknown:
        return "not-found";
    case RouteKind::part:
        if (state.part.failed()) return "error";
        if (!state.part.ready() || state.part.value.part.id != state.route.part_id)
            return "loading";
        switch (state.part.value.part.type) {
        case PartType::module:
            return "module";
        case PartType::part:
            return "part";
        case PartType::page:
            return "page";
        }
    }
    return "loading";
}

} // namespace wte::client
