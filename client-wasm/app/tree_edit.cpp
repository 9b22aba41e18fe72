// The teacher's changes to the content tree: what each dialog sends, checked
// first with the same shared-model parsers the server runs (so a bad title
// or domain is explained before any request), and where the app goes after
// the server's answer. Invariants kept here: one dialog at a time; a reply
// lands only while its request is the dialog's current one; a new order is
// shown at once and replaced by the server's answer (or reloaded on failure).
#include "app/tree_edit.hpp"

#include "app/app.hpp"
#include "wte/permissions.hpp"

#include <algorithm>

namespace wte::client {

namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string joined_domains(const std::vector<std::string>& domains) {
    std::string out;
    for (const auto& d : domains)
        out += (out.empty() ? "" : ", ") + d;
    return out;
}

// The server refused the dialog's request: its reason, and the field it
// names (the details of a 400) to mark invalid.
void refused(TreeDialog& d, const api::ErrorBody& e) {
    d.error = e.message;
    d.error_field.clear();
    if (e.details.is_object() && e.details.contains("field") && e.details["field"].is_string())
        d.error_field = e.details["field"].get<std::string>();
}

// A reply for the node `view` describes: the cache and, when it is on
// screen, the screen.
void show_view(App& app, const PartView& view) {
    app.state.parts.put(view);
    if (app.state.part.id == view.part.id) app.state.part.view.succeed(view);
}

// The list of a parent changed (a child created, renamed, deleted).
void forget_parent(App& app, const std::optional<Id>& parent) {
    if (parent) app.state.parts.forget(*parent);
}

void created(App& app, const Reply& r) {
    TreeDialog& d = app.state.tree.dialog;
    if (r.id != d.request) return;
    d.busy = false;
    if (!r.ok()) {
        refused(d, r.error());
        return;
    }
    const PartView view = r.data.get<PartView>();
    app.state.parts.put(view);
    const Id parent = d.node;
    d = {};
    if (view.part.type == PartType::module) {
        // The creator lands on the new module; both lists gain it.
        app.state.lists.modules = {};
        app.state.lists.mine = {};
        app.navigate(route_part(view.part.id), false);
        return;
    }
    app.state.parts.forget(parent);
    if (app.state.part.id == parent) part_view::load(app, parent);
}

void access_saved(App& app, const Reply& r) {
    TreeDialog& d = app.state.tree.dialog;
    if (r.id != d.request) return;
    d.busy = false;
    if (!r.ok()) {
        refused(d, r.error());
        return;
    }
    show_view(app, r.data.get<PartView>());
    d = {};
}

// The module's access as the dialog would change it, or nothing to send.
std::optional<api::AccessRequest> access_change(const AppState& s) {
    const TreeDialog& d = s.tree.dialog;
    if (d.type != PartType::module) return std::nullopt;
    api::AccessRequest req;
    if (!d.password.empty()) {
        req.set_password = true;
        req.password = d.password;
    } else if (d.remove_password && d.has_password) {
        req.set_password = true;
    }
    const auto domains = tree_edit::split_domains(d.email_domains);
    if (domains != s.part.view.value.access.email_domains) req.email_domains = domains;
    if (!req.set_password && !req.email_domains) return std::nullopt;
    return req;
}

void send_access(App& app, const api::AccessRequest& req) {
    TreeDialog& d = app.state.tree.dialog;
    d.busy = true;
    d.request =
        app.requests().send(send_json("PUT", api::path_part_access(d.node), api::to_json(req),
                                      [&app](const Reply& r) { access_saved(app, r); }));
}

void patched(App& app, const Reply& r, std::optional<api::AccessRequest> then) {
    TreeDialog& d = app.state.tree.dialog;
    if (r.id != d.request) return;
    d.busy = false;
    if (!r.ok()) {
        refused(d, r.error());
        return;
    }
    const PartView view = r.data.get<PartView>();
    show_view(app, view);
    forget_parent(app, view.part.parent_id);
    if (then)
        send_access(app, *then);
    else
        d = {};
}

void impact_arrived(App& app, const Reply& r) {
    TreeDialog& d = app.state.tree.dialog;
    if (r.id != d.impact.request) return;
    if (r.ok())
        d.impact.succeed(api::parse_delete_impact(r.data));
    else
        d.impact.fail(r.error().message);
}

void deleted(App& app, const Reply& r, std::optional<Id> parent) {
    TreeDialog& d = app.state.tree.dialog;
    if (r.id != d.request) return;
    d.busy = false;
    if (!r.ok()) {
        refused(d, r.error());
        return;
    }
    app.state.parts.refuse(d.node); // it is gone: never shown from the cache again
    d = {};
    if (parent) {
        app.state.parts.forget(*parent);
        app.navigate(route_part(*parent), false);
    } else {
        app.state.lists.modules = {};
        app.state.lists.mine = {};
        app.navigate(route_my_modules(), false);
    }
}

void reordered(App& app, const Reply& r, Id parent) {
    TreeEditState& t = app.state.tree;
    if (r.id != t.reorder_request) return;
    t.reordering = false;
    if (r.ok()) {
        show_view(app, r.data.get<PartView>());
        return;
    }
    t.reorder_error = "The new order was not saved: " + r.error().message;
    app.state.parts.forget(parent);
    if (app.state.part.id == parent) part_view::load(app, parent);
}

void open_create(App& app, const TreeCreateAsk& ask) {
    TreeDialog d;
    d.kind = TreeDialogKind::create;
    d.node = ask.parent;
    d.type = ask.type;
    d.order = ask.order;
    d.place = ask.place;
    d.focus_title = true;
    app.state.tree.dialog = std::move(d);
    app.state.tree.arrange_open = 0;
}

void open_edit(App& app, Id id) {
    const PartView& v = app.state.part.view.value;
    if (!app.state.part.view.ready() || v.part.id != id) return;
    TreeDialog d;
    d.kind = TreeDialogKind::edit;
    d.node = id;
    d.type = v.part.type;
    d.title = v.part.title;
    d.label = v.part.label;
    d.status = v.part.status;
    d.display_mode = v.part.display_mode;
    d.has_password = v.access.has_password;
    d.email_domains = joined_domains(v.access.email_domains);
    d.focus_title = true;
    app.state.tree.dialog = std::move(d);
}

void open_remove(App& app, Id id) {
    const PartView& v = app.state.part.view.value;
    if (!app.state.part.view.ready() || v.part.id != id) return;
    TreeDialog d;
    d.kind = TreeDialogKind::remove;
    d.node = id;
    d.type = v.part.type;
    d.title = v.part.title;
    app.state.tree.dialog = std::move(d);
    TreeDialog& open = app.state.tree.dialog;
    open.impact.start(app.requests().send(
        get(api::path_part_delete_impact(id), [&app](const Reply& r) { impact_arrived(app, r); })));
}

void save_create(App& app) {
    TreeDialog& d = app.state.tree.dialog;
    api::CreatePartRequest req;
    req.type = d.type;
    if (d.node) req.parent_id = d.node;
    req.title = trimmed(d.title);
    if (d.order >= 0) req.order = d.order;
    try {
        api::parse_create_part(api::to_json(req)); // the server's own checks, before asking
    } catch (const BadInput& e) {
        d.error = e.what();
        d.error_field = e.field;
        return;
    }
    d.busy = true;
    d.error.clear();
    d.error_field.clear();
    d.request = app.requests().send(send_json("POST", api::path_parts(), api::to_json(req),
                                              [&app](const Reply& r) { created(app, r); }));
}

void save_edit(App& app) {
    TreeDialog& d = app.state.tree.dialog;
    const Part& now = app.state.part.view.value.part;
    if (now.id != d.node) return;
    api::PatchPartRequest patch;
    const std::string title = trimmed(d.title);
    const std::string label = trimmed(d.label);
    if (title != now.title) patch.title = title;
    if (label != now.label) patch.label = label;
    if (d.status != now.status) patch.status = d.status;
    if (d.display_mode != now.display_mode) patch.display_mode = d.display_mode;
    const auto access = access_change(app.state);
    try {
        if (!patch.empty()) api::parse_patch_part(api::to_json(patch));
        if (access) api::parse_access(api::to_json(*access));
    } catch (const BadInput& e) {
        d.error = e.what();
        d.error_field = e.field;
        return;
    }
    d.error.clear();
    d.error_field.clear();
    if (patch.empty() && !access) {
        d = {}; // nothing changed: nothing to send
        return;
    }
    if (patch.empty()) {
        send_access(app, *access);
        return;
    }
    d.busy = true;
    d.request =
        app.requests().send(send_json("PATCH", api::path_part(d.node), api::to_json(patch),
                                      [&app, access](const Reply& r) { patched(app, r, access); }));
}

void confirm_delete(App& app) {
    TreeDialog& d = app.state.tree.dialog;
    if (!d.impact.ready()) return; // the impact is stated before anything is deleted
    const PartView& v = app.state.part.view.value;
    const std::optional<Id> parent = v.part.id == d.node ? v.part.parent_id : std::nullopt;
    d.busy = true;
    d.error.clear();
    d.error_field.clear();
    d.request =
        app.requests().send(send_json("DELETE", api::path_part(d.node), nullptr,
                                      [&app, parent](const Reply& r) { deleted(app, r, parent); }));
}

void reorder(App& app, const TreeReorder& order) {
    TreeEditState& t = app.state.tree;
    if (t.reordering) return;
    PartScreen& s = app.state.part;
    if (!s.view.ready() || s.view.value.part.id != order.parent) return;
    std::vector<PartSummary> children;
    for (Id id : order.children)
        for (const auto& c : s.view.value.children)
            if (c.id == id) children.push_back(c);
    if (children.size() != s.view.value.children.size()) return;
    bool same = true;
    for (std::size_t i = 0; i < children.size(); ++i)
        same = same && children[i].id == s.view.value.children[i].id;
    if (same) return;
    s.view.value.children = std::move(children); // shown at once
    app.state.parts.put(s.view.value);
    api::PatchPartRequest patch;
    patch.children_order = order.children;
    t.reordering = true;
    t.reorder_error.clear();
    t.arrange_open = 0;
    const Id parent = order.parent;
    t.reorder_request = app.requests().send(
        send_json("PATCH", api::path_part(parent), api::to_json(patch),
                  [&app, parent](const Reply& r) { reordered(app, r, parent); }));
}

} // namespace

namespace tree_edit {

bool may_create_module(const AppState& s) {
    return can_create_module(session::actor(s.session));
}

std::vector<std::string> split_domains(const std::string& typed) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (char c : typed) {
        if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n')
            flush();
        else
            word += c;
    }
    flush();
    return out;
}

std::vector<Id> moved(const std::vector<Id>& ids, Id id, int by) {
    std::vector<Id> out = ids;
    auto it = std::find(out.begin(), out.end(), id);
    if (it == out.end()) return out;
    const auto from = it - out.begin();
    const auto to = from + by;
    if (to < 0 || to >= static_cast<std::ptrdiff_t>(out.size())) return out;
    std::swap(out[static_cast<std::size_t>(from)], out[static_cast<std::size_t>(to)]);
    return out;
}

void apply(App& app, TreeEditActions& a) {
    TreeEditState& t = app.state.tree;
    TreeDialog& d = t.dialog;
    d.focus_title = false; // drawn once with the caret since it opened
    if (a.cancel && !d.busy) d = {};
    if (a.arrange) t.arrange_open = t.arrange_open == *a.arrange ? 0 : *a.arrange;
    if (!d.busy) {
        if (a.create) open_create(app, *a.create);
        if (a.edit) open_edit(app, *a.edit);
        if (a.remove) open_remove(app, *a.remove);
    }
    if (a.save && !d.busy) {
        if (d.kind == TreeDialogKind::create) save_create(app);
        if (d.kind == TreeDialogKind::edit) save_edit(app);
    }
    if (a.confirm_delete && !d.busy && d.kind == TreeDialogKind::remove) confirm_delete(app);
    if (a.move) {
        const PartView& v = app.state.part.view.value;
        std::vector<Id> ids;
        for (const auto& c : v.children)
            ids.push_back(c.id);
        reorder(app, {v.part.id, moved(ids, a.move->child, a.move->by)});
    }
    if (a.reorder) reorder(app, *a.reorder);
}

} // namespace tree_edit

} // namespace wte::client
