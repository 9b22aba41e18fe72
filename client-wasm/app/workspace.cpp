// Invariants kept here:
//  - typed text is never dropped silently: a file stays dirty until the
//    server answered a save of exactly that text; a refused or unreachable
//    save keeps it and says so on screen;
//  - one save per file in flight; what is typed meanwhile is saved after it;
//  - a reply lands only in the workspace of the part it was sent for and in
//    the file of its own request (files are found by name, never by pointer).
#include "app/workspace.hpp"

#include "app/app.hpp"

#include <algorithm>

namespace wte::client {

WorkspaceFileState* WorkspaceState::find(const std::string& name) {
    for (auto& f : files)
        if (f->file.name == name) return f.get();
    return nullptr;
}

namespace workspace {

namespace {

std::string match_etag(const std::string& etag) {
    return "\"" + etag + "\"";
}

// The workspace open for `part`, or null when the learner left it.
WorkspaceState* open_for(App& app, Id part) {
    WorkspaceState& w = app.state.workspace;
    return w.part_id == part && part ? &w : nullptr;
}

WorkspaceFileState* file_of(App& app, Id part, const std::string& name) {
    WorkspaceState* w = open_for(app, part);
    return w ? w->find(name) : nullptr;
}

void mark_edited(App& app, WorkspaceFileState& f) {
    f.dirty = f.editor.text() != f.saved_text;
    f.changed_at = app.platform().now_unix_seconds();
    f.refused.clear(); // the learner changed something: it may fit now
}

void load_file(App& app, Id part, WorkspaceFileState& f) {
    const std::string name = f.file.name;
    Request r = get(api::path_workspace_file(part, name), [&app, part, name](const Reply& reply) {
        WorkspaceFileState* f = file_of(app, part, name);
        if (!f || f->load_request != reply.id) return;
        f->load_request = 0;
        // The bytes are the file, whatever its type (a .json file may not parse).
        if (reply.status < 200 || reply.status >= 300) {
            f->load_error = reply.error().message;
            return;
        }
        f->load_error.clear();
        f->conflict = false; // "Reload theirs" is done only once their text is here
        f->editor.set_text(reply.body);
        f->saved_text = reply.body;
        if (!reply.etag.empty()) f->file.etag = bare_etag(reply.etag);
        f->loaded = true;
        f->dirty = false;
    });
    r.key = "workspace-file:" + name;
    f.load_request = app.requests().send(std::move(r));
}

void save_reply(App& app, Id part, const std::string& name, const Reply& reply) {
    WorkspaceFileState* f = file_of(app, part, name);
    if (!f || f->save_request != reply.id) return;
    f->save_request = 0;
    if (reply.ok()) {
        const api::FileSaveResult result = api::parse_file_save_result(reply.data);
        f->file.etag = bare_etag(result.etag);
        f->file.changed = result.changed;
        f->saved_text = std::move(f->sending);
        f->sending.clear();
        f->dirty = f->editor.text() != f->saved_text; // typed while it was on its way
        f->retrying = false;
        f->refused.clear();
        if (result.status == "saved") preview_reload(app.state.preview);
        return;
    }
    const api::ErrorBody e = reply.error();
    if (reply.status == 409 && e.code == "file_changed") {
        f->conflict = true;
        f->their_etag.reset();
        if (e.details.is_object() && e.details.contains("etag") && e.details["etag"].is_string())
            f->their_etag = bare_etag(e.details["etag"].get<std::string>());
        return;
    }
    if (reply.status == 0 || reply.status >= 500 || reply.unreadable) {
        f->retrying = true;
        f->retry_at = app.platform().now_unix_seconds() + save_retry_seconds;
        return;
    }
    if (reply.status == 413)
        f->refused = "This file is larger than 1 MiB, so it cannot be saved. Make it smaller.";
    else
        f->refused = e.message.empty() ? "The server refused to save this file." : e.message;
}

// if_match: empty for the version the editor was loaded at.
void save(App& app, WorkspaceFileState& f, bool keepalive, std::string if_match = "") {
    WorkspaceState& w = app.state.workspace;
    const Id part = w.part_id;
    const std::string name = f.file.name;
    if (if_match.empty())
        // A save still on its way is our own: the next one follows it, whatever it answers.
        if_match = f.save_request || f.file.etag.empty() ? "*" : match_etag(f.file.etag);
    Request r;
    r.method = "PUT";
    r.path = api::path_workspace_file(part, name);
    r.body = f.editor.text();
    r.content_type = f.file.mimetype.empty() ? "text/plain" : f.file.mimetype;
    r.if_match = std::move(if_match);
    r.keepalive = keepalive;
    r.on_reply = [&app, part, name](const Reply& reply) { save_reply(app, part, name, reply); };
    f.sending = r.body;
    f.retrying = false;
    f.save_request = app.requests().send(std::move(r));
}

bool due(const WorkspaceFileState& f, double now) {
    if (!f.dirty || !f.loaded || f.save_request || f.conflict || !f.refused.empty()) return false;
    if (f.retrying) return now >= f.retry_at;
    return now - f.changed_at >= autosave_delay_seconds;
}

// The listing (GET workspace or a reset's answer) → the files shown. Files
// whose version changed, new ones and `reload` (a reset one) are fetched
// again; files the server no longer has go.
void apply_listing(App& app, const api::Workspace& listing, const std::string& reload,
                   bool reload_all) {
    WorkspaceState& w = app.state.workspace;
    std::vector<std::unique_ptr<WorkspaceFileState>> files;
    const std::string active = w.active < w.files.size() ? w.files[w.active]->file.name : "";
    for (const api::WorkspaceFile& file : listing.files) {
        std::unique_ptr<WorkspaceFileState> f;
        for (auto& old : w.files)
            if (old && old->file.name == file.name) f = std::move(old);
        const bool fetch = !f || reload_all || file.name == reload ||
                           (f->file.etag != bare_etag(file.etag) && !f->dirty);
        if (!f) {
            f = std::make_unique<WorkspaceFileState>();
            f->editor.set_language(language_for(file.name));
        }
        f->file = file;
        f->file.etag = bare_etag(file.etag);
        if (fetch) {
            f->dirty = false;
            f->conflict = false;
            f->refused.clear();
            f->retrying = false;
            load_file(app, listing.part_id, *f);
        }
        files.push_back(std::move(f));
    }
    w.files = std::move(files);
    w.active = 0;
    for (std::size_t i = 0; i < w.files.size(); ++i)
        if (w.files[i]->file.name == active) w.active = i;
}

void load(App& app) {
    WorkspaceState& w = app.state.workspace;
    const Id part = w.part_id;
    w.loading = true;
    w.error.clear();
    Request r = get(api::path_workspace(part), [&app, part](const Reply& reply) {
        WorkspaceState* w = open_for(app, part);
        if (!w || w->request != reply.id) return;
        w->loading = false;
        if (!reply.ok()) {
            w->error = reply.error().message;
            return;
        }
        const api::Workspace listing = api::parse_workspace(reply.data);
        apply_listing(app, listing, "", false);
        if (app.state.preview.url != listing.preview_url || app.state.preview.part != part)
            preview_open(app.state.preview, part, listing.preview_url);
    });
    r.key = "workspace";
    w.request = app.requests().send(std::move(r));
}

void reset(App& app, const api::FileResetRequest& body) {
    WorkspaceState& w = app.state.workspace;
    const Id part = w.part_id;
    for (auto& f : w.files)
        if (!body.filename || f->file.name == *body.filename) {
            // What was typed is being thrown away on purpose: no save of it.
            f->dirty = false;
            f->conflict = false;
            f->retrying = false;
            f->confirm_discard = false;
        }
    w.confirm_discard_all = false;
    const std::string one = body.filename.value_or("");
    w.reset_request = app.requests().send(
        send_json("POST", api::path_workspace_reset(part), api::to_json(body),
                  [&app, part, one](const Reply& reply) {
                      WorkspaceState* w = open_for(app, part);
                      if (!w || w->reset_request != reply.id) return;
                      w->reset_request = 0;
                      if (!reply.ok()) {
                          w->error = reply.error().message;
                          return;
                      }
                      apply_listing(app, api::parse_workspace(reply.data), one, one.empty());
                      preview_reload(app.state.preview);
                  }));
}

void open(App& app, Id part) {
    WorkspaceState& w = app.state.workspace;
    WorkspaceState fresh;
    // The layout is the learner's, not the part's: it stays.
    std::copy(std::begin(w.split), std::end(w.split), std::begin(fresh.split));
    std::copy(std::begin(w.collapsed), std::end(w.collapsed), std::begin(fresh.collapsed));
    fresh.narrow_pane = w.narrow_pane;
    w = std::move(fresh);
    w.part_id = part;
    w.route = app.state.route;
    load(app);
}

void close(App& app) {
    WorkspaceState& w = app.state.workspace;
    if (!w.part_id) return;
    flush(app, false);
    preview_close(app.state.preview, app.platform());
    w.part_id = 0;
    w.files.clear();
    w.loading = false;
    w.error.clear();
}

} // namespace

std::optional<Id> part_on_screen(const AppState& s) {
    if (!s.route.is(routes::part)) return Id(0);
    const auto& v = s.part.view;
    if (v.failed()) return Id(0);
    if (!v.ready() || v.value.part.id != s.route.id) return std::nullopt;
    const PartView& view = v.value;
    // Every member has a workspace of their own; others see the lesson only.
    if (view.part.type != PartType::page || view.my_role == ModuleRole::none) return Id(0);
    for (auto it = view.ancestors.rbegin(); it != view.ancestors.rend(); ++it)
        if (it->type == PartType::part && it->display_mode == DisplayMode::three_pane_html)
            return it->id;
    if (view.part.display_mode == DisplayMode::three_pane_html && view.part.parent_id)
        return *view.part.parent_id;
    return Id(0);
}

void tick(App& app) {
    WorkspaceState& w = app.state.workspace;
    if (w.part_id && !(w.route == app.state.route)) {
        // Leaving the page: what was typed goes now, not in 5 s.
        flush(app, false);
        w.route = app.state.route;
    }
    if (const std::optional<Id> part = part_on_screen(app.state); part && *part != w.part_id) {
        close(app);
        if (*part) {
            open(app, *part);
            if (const PartView* parent = app.state.parts.find(*part))
                w.part_title = parent->part.title;
            for (const PartSummary& a : app.state.part.view.value.ancestors)
                if (a.id == *part) w.part_title = a.title;
        }
    }
    if (!w.part_id) return;
    const double now = app.platform().now_unix_seconds();
    for (auto& f : w.files)
        if (due(*f, now)) save(app, *f, false);
}

void flush(App& app, bool keepalive) {
    WorkspaceState& w = app.state.workspace;
    if (!w.part_id) return;
    for (auto& f : w.files)
        if (f->dirty && f->loaded && !f->conflict && f->refused.empty() &&
            (!f->save_request || f->editor.text() != f->sending))
            save(app, *f, keepalive);
}

void visibility(App& app, bool visible) {
    if (!visible) flush(app, true);
}

void apply(App& app, WorkspaceActions& a) {
    WorkspaceState& w = app.state.workspace;
    if (!w.part_id) return;
    const Id part = w.part_id;
    for (const std::string& name : a.edited)
        if (WorkspaceFileState* f = w.find(name)) mark_edited(app, *f);
    if (a.select && *a.select < w.files.size()) {
        w.active = *a.select;
        w.files[w.active]->editor.focus();
    }
    if (a.save_now) flush(app, false);
    if (a.keep_mine)
        if (WorkspaceFileState* f = w.find(*a.keep_mine); f && f->conflict) {
            f->conflict = false;
            save(app, *f, false, f->their_etag ? match_etag(*f->their_etag) : "*");
        }
    if (a.reload_theirs)
        if (WorkspaceFileState* f = w.find(*a.reload_theirs); f && f->conflict)
            load_file(app, part, *f); // their text replaces the typed text when it arrives
    if (a.ask_discard)
        if (WorkspaceFileState* f = w.find(*a.ask_discard)) f->confirm_discard = true;
    if (a.cancel_discard)
        if (WorkspaceFileState* f = w.find(*a.cancel_discard)) f->confirm_discard = false;
    if (a.discard) {
        api::FileResetRequest body;
        body.filename = *a.discard;
        reset(app, body);
    }
    if (a.ask_discard_all) w.confirm_discard_all = true;
    if (a.cancel_discard_all) w.confirm_discard_all = false;
    if (a.discard_all) reset(app, {});
    if (a.download)
        app.platform().download_url(api::path_workspace_file(part, *a.download), *a.download);
    if (a.download_all)
        app.platform().download_url(api::path_workspace_zip(part),
                                    (w.part_title.empty() ? "workspace" : w.part_title) + ".zip");
    if (a.retry) load(app);
}

SaveState save_state(const WorkspaceFileState& f) {
    if (f.conflict) return SaveState::conflict;
    if (!f.refused.empty()) return SaveState::refused;
    if (f.retrying) return SaveState::retrying;
    if (f.save_request) return SaveState::saving;
    if (f.dirty) return SaveState::unsaved;
    return SaveState::saved;
}

const char* save_state_text(SaveState s) {
    switch (s) {
    case SaveState::saved:
        return "Saved";
    case SaveState::unsaved:
        return "Unsaved changes";
    case SaveState::saving:
        return "Saving…";
    case SaveState::retrying:
        return "Not saved — retrying";
    case SaveState::conflict:
        return "Not saved — changed elsewhere";
    case SaveState::refused:
        return "Not saved";
    }
    return "";
}

bool save_pending(const WorkspaceState& w) {
    for (const auto& f : w.files)
        if (f->dirty && !f->conflict && f->refused.empty()) return true;
    return false;
}

std::string language_for(const std::string& filename) {
    const auto dot = filename.rfind('.');
    std::string ext = dot == std::string::npos ? "" : filename.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "html" || ext == "htm" || ext == "svg") return "html";
    if (ext == "css") return "css";
    if (ext == "js" || ext == "mjs") return "javascript";
    if (ext == "json") return "json";
    return "";
}

std::string bare_etag(const std::string& etag) {
    std::string e = etag;
    if (e.rfind("W/", 0) == 0) e.erase(0, 2);
    if (e.size() >= 2 && e.front() == '"' && e.back() == '"') e = e.substr(1, e.size() - 2);
    // Apache's mod_deflate marks the ETag of a compressed answer ("abc-gzip");
    // the file's version is the same, and If-Match must name it as the server does.
    for (const char* suffix : {"-gzip", "-br", "-deflate"}) {
        const std::string s = suffix;
        if (e.size() > s.size() && e.compare(e.size() - s.size(), s.size(), s) == 0) {
            e.erase(e.size() - s.size());
            break;
        }
    }
    return e;
}

} // namespace workspace

} // namespace wte::client
