// The part on screen and the cache of parts. Invariant: the reply for a part
// lands in `state.part` only while that part is still the one on screen;
// every successful part reply refreshes the cache.
#include "app/part_view.hpp"

#include "app/app.hpp"

namespace wte::client {

const PartView* PartCache::find(Id id) const {
    auto it = views_.find(id);
    return it == views_.end() ? nullptr : &it->second;
}
void PartCache::put(const PartView& view) {
    views_[view.part.id] = view;
    refused_.erase(view.part.id);
}
void PartCache::forget(Id id) {
    views_.erase(id);
}
void PartCache::refuse(Id id) {
    views_.erase(id);
    refused_.insert(id);
}
void PartCache::clear() {
    views_.clear();
    refused_.clear();
}

namespace {

std::string message_for_enrol(const api::ErrorBody& e) {
    if (!e.message.empty() && e.code != "error") return e.message;
    if (e.code == "password_required") return "This module needs a password.";
    if (e.code == "wrong_password") return "That password is not right.";
    if (e.code == "email_domain_refused") return "This module is not open to your email address.";
    if (e.code == "blocked") return "You cannot take this module.";
    return e.message;
}

std::string cache_key(Id id) {
    return "part-cache:" + std::to_string(id);
}

// Previous/next on a page need the siblings: its parent's children.
void fetch_parent(App& app, const PartView& view) {
    const Part& p = view.part;
    if (p.type == PartType::page && p.parent_id) part_view::fetch(app, *p.parent_id);
}

void enrol_reply(App& app, const Reply& r) {
    EnrolForm& f = app.state.part.enrol;
    if (r.id != f.request) return;
    f.busy = false;
    if (r.ok()) {
        f.password.clear();
        f.error.clear();
        f.confirm_leave = false;
        app.state.lists.mine = {};
        // The learner's role changed on every node of the module.
        app.state.parts.clear();
        if (app.state.route.is(routes::part)) part_view::load(app, app.state.route.id);
    } else {
        f.error = message_for_enrol(r.error());
    }
}

} // namespace

namespace part_view {

void load(App& app, Id id) {
    PartScreen& s = app.state.part;
    ++s.entry;
    if (s.id != id) {
        s.id = id;
        s.enrol = {};
        s.view = {};
        if (const PartView* cached = app.state.parts.find(id))
            s.view.succeed(*cached); // shown at once, refreshed below
    }
    s.view.error.clear();
    Request r = get(api::path_part(id), [&app, id](const Reply& reply) {
        PartScreen& s = app.state.part;
        if (reply.ok()) {
            PartView view = reply.data.get<PartView>();
            app.state.parts.put(view);
            if (s.id != id) return;
            s.view.succeed(std::move(view));
            fetch_parent(app, s.view.value);
        } else {
            if (reply.status == 403 || reply.status == 404)
                app.state.parts.refuse(id);
            else
                app.state.parts.forget(id);
            if (s.id != id) return;
            s.view.fail(reply.error().message);
            s.view.value = {};
        }
    });
    r.key = "part"; // a newer part on screen supersedes the one on its way
    s.view.start(app.requests().send(std::move(r)));
    if (s.view.ready()) fetch_parent(app, s.view.value);
}

void fetch(App& app, Id id) {
    if (app.state.parts.find(id) || app.state.parts.refused(id)) return;
    if (fetching(app, id)) return;
    Request r = get(api::path_part(id), [&app, id](const Reply& reply) {
        if (reply.ok())
            app.state.parts.put(reply.data.get<PartView>());
        else if (reply.status == 403 || reply.status == 404)
            app.state.parts.refuse(id);
    });
    r.key = cache_key(id);
    app.requests().send(std::move(r));
}

bool fetching(App& app, Id id) {
    return app.requests().pending_key(cache_key(id)) ||
           (app.state.part.id == id && app.state.part.view.loading());
}

void apply(App& app, PartActions& a) {
    PartScreen& s = app.state.part;
    EnrolForm& f = s.enrol;
    if (a.enrol && !f.busy) {
        f.module_id = *a.enrol;
        f.busy = true;
        f.error.clear();
        api::EnrolRequest body;
        if (s.view.ready() && s.view.value.access.has_password) body.password = f.password;
        f.request =
            app.requests().send(send_json("POST", api::path_enrol(*a.enrol), api::to_json(body),
                                          [&app](const Reply& r) { enrol_reply(app, r); }));
    }
    if (a.ask_leave) f.confirm_leave = true;
    if (a.cancel_leave) f.confirm_leave = false;
    if (a.leave && !f.busy) {
        f.busy = true;
        f.error.clear();
        f.request = app.requests().send(send_json("DELETE", api::path_enrol(*a.leave), nullptr,
                                                  [&app](const Reply& r) { enrol_reply(app, r); }));
    }
}

std::vector<const PartSummary*> readable_pages(const PartView& parent, Id current) {
    std::vector<const PartSummary*> pages;
    for (const auto& child : parent.children)
        if (child.type == PartType::page &&
            (child.status == Status::available || child.id == current))
            pages.push_back(&child);
    return pages;
}

} // namespace part_view

} // namespace wte::client
