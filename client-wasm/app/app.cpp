// Invariants kept here:
//  - state.route always matches the URL hash (navigate() changes both);
//  - a screen that needs sign-in is never entered while signed out: the
//    route is kept in session.after_signin and sign-in is shown instead;
//  - a 401 on any request but the session's own ends the session (the queue
//    reports it, session::signed_out applies it).
#include "app/app.hpp"

namespace wte::client {

App::App(PlatformPort& platform) : platform_(platform), requests_(platform) {
    platform_.on_visibility_change([this](bool visible) {
        time_on_page::visibility(*this, visible);
        workspace::visibility(*this, visible);
    });
    requests_.on_signed_out([this] {
        if (!state.session.signed_in()) return;
        session::signed_out(*this, true);
        state.session.signin.error = "Your session has ended. Please sign in again.";
        state.session.signin.error_field.clear();
    });
}

App::~App() {
    platform_.on_visibility_change(nullptr);
}

void App::start() {
    state.route = parse_route(platform_.current_hash());
    session::start(*this);
}

void App::on_hash_changed(const std::string& hash) {
    Route route = parse_route(hash);
    if (route == state.route) return; // our own navigate() already entered it
    enter_route(route);
}

void App::navigate(const Route& route, bool replace) {
    platform_.set_hash(to_hash(route), replace);
    enter_route(route);
}

void App::enter_route(const Route& route) {
    if (content_editor::holds_route(*this, route)) return; // "Leave without saving?" first
    state.route = route;
    state.tree = {};             // a dialog belongs to the screen it was opened on
    state.top_menu_open = false; // so does the top bar's menu
    SessionState& s = state.session;
    if (s.phase == SessionPhase::checking) return; // entered again once known
    const Screen* screen = find_screen(route);
    if (s.phase == SessionPhase::signed_out) {
        if (!screen || screen->needs_signin) {
            if (screen) s.after_signin = route;
            navigate(route_signin(), true);
            return;
        }
    } else if (route.blank || route.is(routes::signin)) {
        navigate(route_modules(), true);
        return;
    }
    if (screen && screen->enter) screen->enter(*this, route); // no screen: "not found"
}

void App::reset_signed_in_state() {
    requests_.cancel_all();
    state.time = {}; // nobody to send it for any more
    state.lists = {};
    state.part = {};
    state.progress = {};
    state.parts.clear();
    state.timed = {};
    state.tree = {};
    state.content.titles_waiting.clear();
    preview_close(state.preview, platform_);
    state.workspace = {};
    state.members = {};
    state.stats = {};
    state.files = {};
    state.content_editor.part_id = 0;
    state.content_editor.dirty = false;
    state.profile = {};
    state.admin = {};
    state.notify = {};
    state.import_panel = {};
}

bool App::poll() {
    bool any = requests_.poll();
    part_files::poll(*this);
    transfer::poll(*this);
    any = page_content::poll_images(*this) || any;
    any = preview::poll(*this) || any;
    if (any) page_content::refresh_titles(*this);
    time_on_page::tick(*this);
    progress::tick(*this);
    workspace::tick(*this);
    return any;
}

void App::apply(Actions& a) {
    session::apply(*this, a.session);
    accounts::apply(*this, a.accounts);
    module_lists::apply(*this, a.lists);
    part_view::apply(*this, a.part);
    timed_actions::apply(*this, a.timed);
    tree_edit::apply(*this, a.tree);
    workspace::apply(*this, a.workspace);
    members::apply(*this, a.members);
    stats::apply(*this, a.stats);
    part_files::apply(*this, a.files);
    help::apply(*this, a.help);
    content_editor::apply(*this, a.content_editor);
    profile::apply(*this, a.profile);
    admin::apply(*this, a.admin);
    notify::apply(*this, a.notify);
    transfer::apply(*this, a.transfer);
    if (a.top_menu) state.top_menu_open = *a.top_menu;
    if (a.retry) {
        if (state.session.phase == SessionPhase::checking || !state.session.error.empty())
            start();
        else
            enter_route(state.route);
    }
    if (a.navigate) navigate(*a.navigate, false);
    page_content::fulfil(*this, state.content.page);
    help::fulfil(*this);
    content_editor::fulfil(*this);
    admin::tick(*this);
    time_on_page::tick(*this);
    progress::tick(*this);
    workspace::tick(*this);
    // Last: the workspace may have opened, reloaded or closed the preview.
    preview::apply(*this, a.preview);
    a = {};

    if (const bool warn = content_editor::unsaved(state); warn != leave_warning_) {
        platform_.set_leave_warning(warn); // the browser asks before the tab closes
        leave_warning_ = warn;
    }
    if (std::string title = document_title(); title != title_) {
        platform_.set_title(title);
        title_ = std::move(title);
    }
}

std::string App::screen_name() const {
    if (state.session.phase == SessionPhase::checking)
        return state.session.error.empty() ? "loading" : "error";
    const Screen* screen = find_screen(state.route);
    if (!screen) return "not-found";
    return screen->name_now ? screen->name_now(state) : screen->name;
}

std::string App::document_title() const {
    const std::string name = screen_name();
    std::string what = "Web Teaching Environment";
    if (name == "error") what = "Cannot be shown";
    const Screen* screen = find_screen(state.route);
    if (screen && screen->title && name != "error" && name != "loading" &&
        state.session.phase != SessionPhase::checking)
        what = screen->title(state);
    return what + " — WTE";
}

} // namespace wte::client
