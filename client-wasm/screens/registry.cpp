// Every screen, one line each: route pattern, name, needs sign-in, title,
// what to load on entering, how to draw (app/registry.hpp).
#include "app/registry.hpp"

#include "app/app.hpp"
#include "screens/screens.hpp"

namespace wte::client {

namespace {

const char* part_screen_name(const AppState& s) {
    const auto& v = s.part.view;
    if (v.failed()) return "error";
    if (!v.ready() || v.value.part.id != s.route.id) return "loading";
    switch (v.value.part.type) {
    case PartType::module:
        return "module";
    case PartType::part:
        return "part";
    case PartType::page:
        return workspace::part_on_screen(s).value_or(0) ? "workspace" : "page";
    }
    return "loading";
}

} // namespace

const std::vector<Screen>& screens() {
    static const std::vector<Screen> all = {
        {routes::signin, "signin", false, [](const AppState&) -> std::string { return "Sign in"; },
         nullptr, draw_signin},
        {routes::register_account, "register", false,
         [](const AppState&) -> std::string { return "Create an account"; },
         [](App& app, const Route&) { accounts::enter(app); }, draw_register},
        {routes::forgot, "forgot", false,
         [](const AppState&) -> std::string { return "Forgot your password"; },
         [](App& app, const Route&) { accounts::enter(app); }, draw_forgot},
        {routes::reset, "reset", false,
         [](const AppState&) -> std::string { return "Choose a new password"; },
         [](App& app, const Route&) { accounts::enter(app); }, draw_choose_password},
        {routes::confirm, "confirm", false,
         [](const AppState&) -> std::string { return "Choose your password"; },
         [](App& app, const Route&) { accounts::enter(app); }, draw_choose_password},
        {routes::modules, "modules", true, [](const AppState&) -> std::string { return "Modules"; },
         [](App& app, const Route&) { module_lists::load_modules(app); }, draw_modules},
        {routes::my_modules, "my-modules", true,
         [](const AppState&) -> std::string { return "My modules"; },
         [](App& app, const Route&) { module_lists::load_mine(app); }, draw_my_modules},
        {routes::part, "part", true,
         [](const AppState& s) -> std::string { return s.part.view.value.part.title; },
         [](App& app, const Route& r) { part_view::load(app, r.id); }, draw_part_route,
         part_screen_name},
        {routes::members, "members", true,
         [](const AppState& s) -> std::string { return "Members — " + members::module_title(s); },
         [](App& app, const Route& r) { members::load(app, r.id); }, draw_members},
        {routes::stats, "stats", true,
         [](const AppState& s) -> std::string {
             return "Statistics — " + s.stats.stats.value.title;
         },
         [](App& app, const Route& r) { stats::load(app, r.id); }, draw_stats},
        {routes::part_files, "files", true,
         [](const AppState& s) -> std::string {
             const PartView* v = s.parts.find(s.route.id);
             return "Files of " + (v ? v->part.title : "a part");
         },
         [](App& app, const Route& r) { part_files::load(app, r.id); }, draw_part_files},
        {routes::part_edit, "content-editor", true, content_editor_title,
         [](App& app, const Route& r) { content_editor::open(app, r.id); }, draw_content_editor},
        {routes::profile, "profile", true,
         [](const AppState&) -> std::string { return "Your profile"; },
         [](App& app, const Route&) { profile::load(app); }, draw_profile},
        {routes::confirm_email, "confirm-email", false,
         [](const AppState&) -> std::string { return "Your new address"; },
         [](App& app, const Route& r) { profile::confirm_email(app, r.token); },
         draw_confirm_email},
        {routes::admin_users, "admin-users", true,
         [](const AppState&) -> std::string { return "Administration — Users"; },
         [](App& app, const Route&) { admin::load_users(app); }, draw_admin_users},
        {routes::admin_modules, "admin-modules", true,
         [](const AppState&) -> std::string { return "Administration — Modules"; },
         [](App& app, const Route&) { admin::load_modules(app); }, draw_admin_modules},
        {routes::admin_rerender, "admin-rerender", true,
         [](const AppState&) -> std::string { return "Administration — Re-render"; },
         [](App& app, const Route&) { admin::load_rerender(app); }, draw_admin_rerender},
    };
    return all;
}

const Screen* find_screen(const Route& route) {
    for (const Screen& s : screens())
        if (route.pattern == s.route) return &s;
    return nullptr;
}

} // namespace wte::client
