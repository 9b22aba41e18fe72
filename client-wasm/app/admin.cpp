// Administration's requests: the users and modules lists (a newer search
// supersedes the one on its way), per-user changes with the server's answer
// shown in place and the list reloaded, the re-render job started and
// polled. And a teacher's "Notify members".
#include "app/admin.hpp"

#include "app/app.hpp"
#include "wte/permissions.hpp"
#include "wte/text.hpp"

#include <algorithm>

namespace wte::client {

namespace {

constexpr double rerender_poll_seconds = 1.0;

const char* const module_statuses[] = {"all", "available", "unavailable", "archived"};

void load_user_list(App& app) {
    AdminUsers& u = app.state.admin.users;
    Request r = get(api::path_users() + admin::users_query(u), [&app](const Reply& r) {
        AdminUsers& u = app.state.admin.users;
        if (r.id != u.list.request) return;
        if (!r.ok()) {
            u.list.fail(r.error().message);
            return;
        }
        u.list.succeed(api::parse_page<api::AdminUser>(r.data));
    });
    r.key = "admin-users";
    u.list.start(app.requests().send(std::move(r)));
}

void load_catalogue(App& app) {
    AdminUsers& u = app.state.admin.users;
    if (u.catalogue.ready() || u.catalogue.loading()) return;
    Request r = get(api::path_admin_groups(), [&app](const Reply& r) {
        AdminUsers& u = app.state.admin.users;
        if (r.id != u.catalogue.request) return;
        if (!r.ok()) {
            u.catalogue.fail(r.error().message);
            return;
        }
        u.catalogue.succeed(api::parse_group_catalogue(r.data));
    });
    u.catalogue.start(app.requests().send(std::move(r)));
}

void load_module_list(App& app) {
    AdminModules& m = app.state.admin.modules;
    Request r = get(api::path_admin_modules() + admin::modules_query(m), [&app](const Reply& r) {
        AdminModules& m = app.state.admin.modules;
        if (r.id != m.list.request) return;
        if (!r.ok()) {
            m.list.fail(r.error().message);
            return;
        }
        m.list.succeed(api::parse_page<api::AdminModule>(r.data));
    });
    r.key = "admin-modules";
    m.list.start(app.requests().send(std::move(r)));
}

void load_job(App& app) {
    AdminRerender& j = app.state.admin.rerender;
    j.next_poll = app.platform().now_unix_seconds() + rerender_poll_seconds;
    Request r = get(api::path_admin_rerender(), [&app](const Reply& r) {
        AdminRerender& j = app.state.admin.rerender;
        if (r.id != j.job.request) return;
        if (!r.ok()) {
            j.job.fail(r.error().message);
            return;
        }
        j.job.succeed(api::parse_rerender_answer(r.data));
    });
    r.key = "admin-rerender";
    j.job.start(app.requests().send(std::move(r)));
}

const api::AdminUser* find_user(const AdminUsers& u, Id id) {
    if (!u.list.ready()) return nullptr;
    for (const auto& x : u.list.value.items)
        if (x.id == id) return &x;
    return nullptr;
}

std::string who(const api::AdminUser& u) {
    return u.name.empty() ? u.email : u.name;
}

// One change of one user at a time; `done` words the success.
void change_user(App& app, Id user, Request request,
                 std::function<std::string(const Reply&)> done) {
    AdminUsers& u = app.state.admin.users;
    if (u.busy_user) return;
    u.busy_user = user;
    u.error.clear();
    u.notice.clear();
    request.on_reply = [&app, done = std::move(done)](const Reply& r) {
        AdminUsers& u = app.state.admin.users;
        if (r.id != u.change_request) return;
        u.busy_user = 0;
        u.confirm_delete = 0;
        if (!r.ok()) {
            u.error = r.error().message;
        } else {
            u.notice = done(r);
            u.editing = 0;
        }
        load_user_list(app);
    };
    u.change_request = app.requests().send(std::move(request));
}

} // namespace

namespace admin {

std::string users_query(const AdminUsers& u) {
    std::string q = "?page=" + std::to_string(u.page);
    if (!u.searched.empty()) q += "&q=" + percent_encode(u.searched);
    if (u.filter == api::UserFilter::confirmed) q += "&filter=confirmed";
    if (u.filter == api::UserFilter::unconfirmed) q += "&filter=unconfirmed";
    return q;
}

std::string modules_query(const AdminModules& m) {
    std::string q = "?page=" + std::to_string(m.page);
    if (!m.searched.empty()) q += "&q=" + percent_encode(m.searched);
    if (m.status > 0 && m.status < 4) q += std::string("&status=") + module_statuses[m.status];
    return q;
}

Route first_route(const AppState& s) {
    const Actor actor = session::actor(s.session);
    if (can_list_users(actor)) return {routes::admin_users, 0};
    if (can_list_all_modules(actor)) return {routes::admin_modules, 0};
    return {routes::admin_rerender, 0};
}

void load_users(App& app) {
    AdminUsers& u = app.state.admin.users;
    u.error.clear();
    u.confirm_delete = 0;
    load_user_list(app);
    if (can_set_permissions(session::actor(app.state.session))) load_catalogue(app);
}

void load_modules(App& app) {
    load_module_list(app);
}

void load_rerender(App& app) {
    app.state.admin.rerender.error.clear();
    load_job(app);
}

void tick(App& app) {
    AdminRerender& j = app.state.admin.rerender;
    if (!app.state.route.is(routes::admin_rerender) || !j.job.ready() || !j.job.value ||
        !api::running(*j.job.value))
        return;
    if (app.requests().pending(j.job.request)) return;
    if (app.platform().now_unix_seconds() >= j.next_poll) load_job(app);
}

void apply(App& app, AdminActions& a) {
    AdminState& s = app.state.admin;
    AdminUsers& u = s.users;
    if (a.search_users || a.user_filter) {
        if (a.user_filter) u.filter = *a.user_filter;
        u.searched = trim(u.query);
        u.page = 1;
        load_user_list(app);
    }
    if (a.user_page && *a.user_page >= 1) {
        u.page = *a.user_page;
        load_user_list(app);
    }
    if (a.confirm_user) {
        const Id id = *a.confirm_user;
        api::ProfileChange c;
        c.confirmed = true;
        const api::AdminUser* x = find_user(u, id);
        const std::string name = x ? who(*x) : "The account";
        change_user(app, id, send_json("PATCH", api::path_user(id), api::to_json(c), nullptr),
                    [name](const Reply&) { return name + " is confirmed."; });
    }
    if (a.send_reset) {
        const Id id = *a.send_reset;
        const api::AdminUser* x = find_user(u, id);
        const std::string email = x ? x->email : "the user";
        change_user(app, id,
                    send_json("POST", api::path_user_password_reset(id), json::object(), nullptr),
                    [email](const Reply&) {
                        return "A link to choose a new password is on its way to " + email + ".";
                    });
    }
    if (a.edit_permissions) {
        u.editing = *a.edit_permissions;
        u.edit_groups.clear();
        u.edit_permissions.clear();
        if (const api::AdminUser* x = find_user(u, u.editing)) {
            for (const auto& g : x->groups)
                u.edit_groups.insert(g.id);
            u.edit_permissions.insert(x->permissions.begin(), x->permissions.end());
        } else {
            u.editing = 0;
        }
        u.error.clear();
    }
    if (a.toggle_group && u.editing) {
        if (!u.edit_groups.erase(*a.toggle_group)) u.edit_groups.insert(*a.toggle_group);
    }
    if (a.toggle_permission && u.editing) {
        if (!u.edit_permissions.erase(*a.toggle_permission))
            u.edit_permissions.insert(*a.toggle_permission);
    }
    if (a.save_permissions && u.editing) {
        api::PermissionsChange c;
        c.groups.assign(u.edit_groups.begin(), u.edit_groups.end());
        c.permissions.assign(u.edit_permissions.begin(), u.edit_permissions.end());
        const api::AdminUser* x = find_user(u, u.editing);
        const std::string name = x ? who(*x) : "The user";
        change_user(
            app, u.editing,
            send_json("PUT", api::path_user_permissions(u.editing), api::to_json(c), nullptr),
            [name](const Reply&) { return "The permissions of " + name + " are saved."; });
    }
    if (a.ask_delete && !u.busy_user) {
        u.confirm_delete = *a.ask_delete;
        u.error.clear();
    }
    if (a.delete_user && !u.busy_user) {
        const Id id = *a.delete_user;
        const api::AdminUser* x = find_user(u, id);
        const std::string name = x ? who(*x) : "The account";
        change_user(app, id, send_json("DELETE", api::path_user(id), nullptr, nullptr),
                    [name](const Reply&) { return name + "'s account is deleted."; });
    }

    AdminModules& m = s.modules;
    if (a.search_modules || a.module_status) {
        if (a.module_status) m.status = std::clamp(*a.module_status, 0, 3);
        m.searched = trim(m.query);
        m.page = 1;
        load_module_list(app);
    }
    if (a.module_page && *a.module_page >= 1) {
        m.page = *a.module_page;
        load_module_list(app);
    }

    AdminRerender& j = s.rerender;
    if (a.start_rerender && !j.starting) {
        j.starting = true;
        j.error.clear();
        j.start_request = app.requests().send(
            send_json("POST", api::path_admin_rerender(), json::object(), [&app](const Reply& r) {
                AdminRerender& j = app.state.admin.rerender;
                if (r.id != j.start_request) return;
                j.starting = false;
                // A 409 says one runs already: its progress is shown either way.
                if (!r.ok()) j.error = r.error().message;
                load_job(app);
            }));
    }
}

} // namespace admin

namespace notify {

void apply(App& app, NotifyActions& a) {
    NotifyForm& n = app.state.notify;
    if (a.open) {
        if (*a.open != n.part_id) n = NotifyForm{};
        n.part_id = *a.open;
        n.form.error.clear();
        n.form.notice.clear();
    }
    if (a.send && n.part_id && !n.form.busy) {
        n.form.busy = true;
        n.form.error.clear();
        n.form.notice.clear();
        n.form.request = app.requests().send(send_json(
            "POST", api::path_part_notify(n.part_id),
            api::to_json(api::NotifyRequest{trim(n.message)}), [&app](const Reply& r) {
                NotifyForm& n = app.state.notify;
                if (r.id != n.form.request) return;
                n.form.busy = false;
                if (!r.ok()) {
                    n.form.error = r.error().message;
                    return;
                }
                const int queued = r.data.value("queued", 0);
                n.form.notice = queued == 0   ? "The module has no members to mail yet."
                                : queued == 1 ? "A mail is on its way to the module's one member."
                                              : "A mail is on its way to each of the " +
                                                    std::to_string(queued) + " members.";
                n.message.clear();
            }));
    }
}

} // namespace notify

} // namespace wte::client
