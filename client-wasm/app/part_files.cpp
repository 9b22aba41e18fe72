// The Files screen's requests: the list (and its images' thumbnails through
// the renderers' image cache), uploads with progress, the answers to a taken
// name or a file over the limit, metadata changes, moves, deletes and the
// text editor's load and save. Invariant: an upload row's bytes are kept
// until the server stored them, so "replace" or "rename" after a 409 needs no
// second pick.
#include "app/part_files.hpp"

#include "app/app.hpp"

#include <algorithm>
#include <cstdio>

namespace wte::client {

const Asset* PartFiles::find(Id id) const {
    for (const Asset& a : list.value)
        if (a.id == id) return &a;
    return nullptr;
}

namespace part_files {

std::string size_text(std::int64_t bytes) {
    char out[32];
    if (bytes < 1024) {
        std::snprintf(out, sizeof out, "%lld bytes", static_cast<long long>(bytes));
    } else if (bytes < 1024 * 1024) {
        std::snprintf(out, sizeof out, "%.0f KB", static_cast<double>(bytes) / 1024.0);
    } else {
        const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
        std::snprintf(out, sizeof out, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    }
    std::string s = out;
    if (s.size() > 5 && s.compare(s.size() - 5, 5, ".0 MB") == 0) s.replace(s.size() - 5, 2, "");
    return s;
}

std::string too_large_text(const std::string& filename, std::int64_t size, std::int64_t limit) {
    if (limit <= 0) return filename + " is too large to upload.";
    std::string s = filename;
    if (size > 0)
        s += " is " + size_text(size) + ";";
    else
        s += " is too large;";
    return s + " files can be at most " + size_text(limit) + " (the server's upload limit).";
}

bool is_text(const std::string& mimetype) {
    const std::string t = mimetype.substr(0, mimetype.find(';'));
    return t.rfind("text/", 0) == 0 || t == "application/javascript" || t == "application/json" ||
           t == "application/xml" || t == "image/svg+xml";
}

std::string language_for(const std::string& mimetype) {
    const std::string t = mimetype.substr(0, mimetype.find(';'));
    if (t == "text/html") return "html";
    if (t == "text/css") return "css";
    if (t == "text/javascript" || t == "application/javascript") return "javascript";
    if (t == "image/svg+xml" || t == "application/xml") return "html";
    return "";
}

std::string another_name(const std::string& filename, const std::vector<Asset>& taken,
                         AssetKind kind) {
    const auto dot = filename.rfind('.');
    const std::string stem =
        dot == std::string::npos || dot == 0 ? filename : filename.substr(0, dot);
    const std::string ext = stem.size() == filename.size() ? "" : filename.substr(dot);
    for (int n = 2;; ++n) {
        const std::string name = stem + " (" + std::to_string(n) + ")" + ext;
        const bool used = std::any_of(taken.begin(), taken.end(), [&](const Asset& a) {
            return a.kind == kind && a.filename == name;
        });
        if (!used) return name;
    }
}

std::string thumbnail_url(const Asset& a) {
    return api::path_asset_content(a.id) + "?v=" + a.etag;
}

namespace {

bool has_thumbnail(const Asset& a) {
    return a.mimetype.rfind("image/", 0) == 0 && a.mimetype.find("svg") == std::string::npos;
}

// Through the renderers' image cache: one load per URL, the texture kept.
void ask_thumbnail(App& app, const std::string& url) {
    PageContent& c = app.state.content;
    if (c.images.count(url)) return;
    c.images[url] = {};
    const int id = c.next_image++;
    c.image_requests[id] = url;
    app.platform().load_image(id, url);
}

UploadRow* row_of(App& app, int key) {
    for (UploadRow& r : app.state.files.uploads)
        if (r.key == key) return &r;
    return nullptr;
}

void list_reply(App& app, Id part_id, const Reply& r) {
    PartFiles& f = app.state.files;
    if (r.id != f.list.request || f.part_id != part_id) return;
    if (!r.ok()) {
        f.list.fail(r.error().message);
        return;
    }
    std::vector<Asset> items = r.data.at("items").get<std::vector<Asset>>();
    f.upload_limit = r.data.value("upload_limit", std::int64_t{0});
    for (const Asset& a : items)
        if (has_thumbnail(a)) ask_thumbnail(app, thumbnail_url(a));
    if (f.selected && std::none_of(items.begin(), items.end(),
                                   [&](const Asset& a) { return a.id == f.selected; }))
        f.selected = 0;
    f.list.succeed(std::move(items));
}

void reload(App& app) {
    if (app.state.files.part_id) load(app, app.state.files.part_id);
}

// Records what became of a row in its batch; reports the batch when complete.
void settle(App& app, const UploadRow& row) {
    PartFiles& f = app.state.files;
    auto it = f.batches.find(row.batch);
    if (it == f.batches.end()) return;
    PartFiles::Batch& b = it->second;
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
        if (b.rows[i] != row.key) continue;
        UploadOutcome& o = b.outcomes[i];
        o.filename = row.filename;
        o.created = row.phase == UploadRow::Phase::done;
        o.name_taken = row.phase == UploadRow::Phase::name_taken;
        o.existing = row.existing;
        o.error = row.error;
        b.rows[i] = 0; // settled
    }
    if (std::all_of(b.rows.begin(), b.rows.end(), [](int k) { return k == 0; })) {
        auto done = std::move(b.on_done);
        auto outcomes = std::move(b.outcomes);
        f.batches.erase(it);
        if (done) done(outcomes);
    }
}

void upload_reply(App& app, int key, const Reply& r) {
    UploadRow* row = row_of(app, key);
    if (!row || row->request != r.id) return;
    PartFiles& f = app.state.files;
    const api::ErrorBody e = r.ok() ? api::ErrorBody{} : r.error();
    if (r.ok()) {
        row->phase = UploadRow::Phase::done;
        row->sent = row->total = static_cast<double>(row->size);
        row->bytes.clear();
        row->bytes.shrink_to_fit();
        if (row->part_id == f.part_id) reload(app);
    } else if (r.status == 409 && e.code == "duplicate_name") {
        row->phase = UploadRow::Phase::name_taken;
        row->existing = e.details.is_object() ? e.details.value("existing", Id{0}) : 0;
        const std::vector<Asset> taken =
            row->part_id == f.part_id ? f.list.value : std::vector<Asset>{};
        row->new_name = another_name(row->filename, taken, row->kind);
    } else if (r.status == 413) {
        std::int64_t limit = f.upload_limit;
        if (e.details.is_object()) limit = e.details.value("limit", limit);
        row->phase = UploadRow::Phase::failed;
        row->error = too_large_text(row->filename, row->size, limit);
    } else {
        row->phase = UploadRow::Phase::failed;
        row->error = row->filename + " was not uploaded: " + e.message;
    }
    settle(app, *row);
}

void send_row(App& app, UploadRow& row) {
    Request req;
    if (row.replaces) {
        req.method = "PUT";
        req.path = api::path_asset_content(row.replaces);
    } else {
        req.method = "POST";
        req.path = api::path_asset_upload(row.part_id, row.filename, row.kind);
    }
    req.body = row.bytes;
    req.content_type = row.mimetype.empty() ? "application/octet-stream" : row.mimetype;
    const int key = row.key;
    req.on_progress = [&app, key](const Progress& p) {
        if (!p.upload) return;
        if (UploadRow* r = row_of(app, key)) {
            r->sent = p.loaded;
            r->total = p.total;
        }
    };
    req.on_reply = [&app, key](const Reply& r) { upload_reply(app, key, r); };
    row.phase = UploadRow::Phase::sending;
    row.error.clear();
    row.sent = 0;
    row.total = static_cast<double>(row.size);
    row.request = app.requests().send(std::move(req));
}

void change_reply(App& app, const Reply& r) {
    PartFiles& f = app.state.files;
    if (r.id != f.change_request) return;
    f.busy = false;
    if (r.ok()) {
        f.form = PartFiles::Form::none;
        f.error.clear();
        reload(app);
    } else {
        f.error = r.error().message;
        if (r.status == 404) reload(app);
    }
}

void send_change(App& app, Request req) {
    PartFiles& f = app.state.files;
    f.busy = true;
    f.error.clear();
    req.on_reply = [&app](const Reply& r) { change_reply(app, r); };
    f.change_request = app.requests().send(std::move(req));
}

void open_text(App& app, Id id) {
    PartFiles& f = app.state.files;
    const Asset* a = f.find(id);
    if (!a || f.text.dirty()) return;
    OpenTextFile t;
    t.asset_id = id;
    t.filename = a->filename;
    t.mimetype = a->mimetype;
    t.editor = std::make_unique<editor::CodeEditor>(language_for(a->mimetype));
    Request req = get(api::path_asset_content(id), [&app, id](const Reply& r) {
        OpenTextFile& t = app.state.files.text;
        if (t.asset_id != id || r.id != t.load_request) return;
        if (r.status >= 200 && r.status < 300) {
            t.saved_text = r.body;
            t.editor->set_text(r.body);
            t.editor->focus();
            t.loaded = true;
        } else {
            t.load_error = r.error().message;
        }
    });
    req.key = "part-files-text";
    t.load_request = app.requests().send(std::move(req));
    f.text = std::move(t);
}

void save_text(App& app) {
    OpenTextFile& t = app.state.files.text;
    if (!t.editor || !t.loaded || t.saving) return;
    Request req;
    req.method = "PUT";
    req.path = api::path_asset_content(t.asset_id);
    t.sending = t.editor->text();
    req.body = t.sending;
    req.content_type = t.mimetype;
    const Id id = t.asset_id;
    req.on_reply = [&app, id](const Reply& r) {
        OpenTextFile& t = app.state.files.text;
        if (t.asset_id != id || r.id != t.save_request) return;
        t.saving = false;
        if (r.ok()) {
            t.saved_text = t.sending;
            t.error.clear();
            reload(app);
        } else {
            t.error = r.status == 413
                          ? too_large_text(t.filename, static_cast<std::int64_t>(t.sending.size()),
                                           app.state.files.upload_limit)
                          : t.filename + " was not saved: " + r.error().message;
        }
    };
    t.saving = true;
    t.error.clear();
    t.save_request = app.requests().send(std::move(req));
}

} // namespace

void load(App& app, Id part_id) {
    PartFiles& f = app.state.files;
    if (f.part_id != part_id) {
        f.part_id = part_id;
        f.list = {};
        f.selected = 0;
        f.form = PartFiles::Form::none;
        f.error.clear();
        if (!f.text.dirty()) f.text = {};
    }
    Request r = get(api::path_assets(part_id),
                    [&app, part_id](const Reply& reply) { list_reply(app, part_id, reply); });
    r.key = "part-files";
    f.list.start(app.requests().send(std::move(r)));
    // The part's title and rights for the heading and the breadcrumb.
    if (!app.state.parts.find(part_id)) part_view::fetch(app, part_id);
}

void upload(App& app, Id part_id, AssetKind kind, std::vector<platform::PickedFile> files,
            std::function<void(const std::vector<UploadOutcome>&)> on_done) {
    PartFiles& f = app.state.files;
    const int batch = f.next_batch++;
    PartFiles::Batch& b = f.batches[batch];
    b.on_done = std::move(on_done);
    std::vector<int> keys;
    for (auto& file : files) {
        UploadRow row;
        row.key = f.next_upload++;
        row.part_id = part_id;
        row.kind = kind;
        row.filename = file.name;
        row.mimetype = file.mime_type;
        row.size = static_cast<std::int64_t>(file.size);
        row.batch = batch;
        b.rows.push_back(row.key);
        UploadOutcome waiting;
        waiting.filename = file.name;
        b.outcomes.push_back(std::move(waiting));
        const bool over = f.upload_limit > 0 && row.size > f.upload_limit;
        if (file.too_large || over) {
            // Not sent: the server would refuse it (and the browser did not read it).
            row.phase = UploadRow::Phase::failed;
            row.error = too_large_text(row.filename, row.size, f.upload_limit);
        } else {
            row.bytes.assign(file.bytes.begin(), file.bytes.end());
        }
        keys.push_back(row.key);
        f.uploads.push_back(std::move(row));
    }
    for (int key : keys) {
        UploadRow* row = row_of(app, key);
        if (row->phase == UploadRow::Phase::failed)
            settle(app, *row);
        else
            send_row(app, *row);
    }
    if (files.empty()) {
        auto done = std::move(f.batches[batch].on_done);
        f.batches.erase(batch);
        if (done) done({});
    }
}

void poll(App& app) {
    PartFiles& f = app.state.files;
    PlatformPort& platform = app.platform();
    f.dropped_elsewhere.clear();
    f.hover = platform.drag_hover();
    // Picks and drops are taken only by a screen that waits for them: anything
    // else (the bridge's own tests, another screen's request) stays queued.
    for (auto& pick : f.pick_request ? platform.take_file_picks() : std::vector<platform::FilePick>{}) {
        if (pick.id != f.pick_request) continue;
        f.pick_request = 0;
        if (pick.cancelled || pick.files.empty() || !f.part_id) continue;
        if (f.pick_replaces) {
            const Asset* a = f.find(f.pick_replaces);
            if (!a) continue;
            // Replacing keeps the file's name and type; the row names the file replaced.
            platform::PickedFile& file = pick.files.front();
            UploadRow row;
            row.key = f.next_upload++;
            row.part_id = f.part_id;
            row.kind = a->kind;
            row.filename = a->filename;
            row.mimetype = a->mimetype;
            row.size = static_cast<std::int64_t>(file.size);
            row.replaces = a->id;
            if (file.too_large || (f.upload_limit > 0 && row.size > f.upload_limit)) {
                row.phase = UploadRow::Phase::failed;
                row.error = too_large_text(file.name, row.size, f.upload_limit);
                f.uploads.push_back(std::move(row));
            } else {
                row.bytes.assign(file.bytes.begin(), file.bytes.end());
                f.uploads.push_back(std::move(row));
                send_row(app, f.uploads.back());
            }
        } else {
            upload(app, f.part_id, f.pick_kind, std::move(pick.files));
        }
    }
    const bool on_screen = app.state.route.is(routes::part_files) && f.part_id &&
                           f.part_id == app.state.route.id && f.list.ready();
    if (!on_screen && !app.state.route.is(routes::part_edit)) return;
    for (auto& drop : platform.take_file_drops()) {
        if (!on_screen) {
            f.dropped_elsewhere.push_back(std::move(drop));
            continue;
        }
        const bool on_templates =
            f.templates_top >= 0 && drop.y >= f.templates_top && drop.y <= f.templates_bottom;
        upload(app, f.part_id, on_templates ? AssetKind::template_file : AssetKind::asset,
               std::move(drop.files));
    }
}

void apply(App& app, PartFilesActions& a) {
    PartFiles& f = app.state.files;
    PlatformPort& platform = app.platform();
    if (a.load) load(app, *a.load);
    if (a.pick && f.part_id) {
        f.pick_kind = *a.pick;
        f.pick_replaces = 0;
        f.pick_request = platform.pick_files("", true);
    }
    if (a.pick_replacement && f.find(*a.pick_replacement)) {
        f.pick_replaces = *a.pick_replacement;
        f.pick_request = platform.pick_files("", false);
    }
    if (a.select && !f.busy) {
        f.selected = *a.select == f.selected ? 0 : *a.select;
        f.form = PartFiles::Form::none;
        f.error.clear();
    }
    const Asset* sel = f.find(f.selected);
    if (a.cancel_form && !f.busy) {
        f.form = PartFiles::Form::none;
        f.error.clear();
    }
    if (a.open_form && sel && !f.busy) {
        f.form = *a.open_form;
        f.error.clear();
        f.field = f.form == PartFiles::Form::rename     ? sel->filename
                  : f.form == PartFiles::Form::mimetype ? sel->mimetype
                                                        : "";
    }
    if (a.commit_form && sel && !f.busy) {
        switch (f.form) {
        case PartFiles::Form::rename:
            if (f.field == sel->filename)
                f.form = PartFiles::Form::none;
            else
                send_change(app, send_json("PATCH", api::path_asset(sel->id),
                                           {{"filename", f.field}}, nullptr));
            break;
        case PartFiles::Form::mimetype:
            if (f.field == sel->mimetype)
                f.form = PartFiles::Form::none;
            else
                send_change(app, send_json("PATCH", api::path_asset(sel->id),
                                           {{"mimetype", f.field}}, nullptr));
            break;
        case PartFiles::Form::confirm_delete:
            if (f.text.asset_id == sel->id) f.text = {};
            send_change(app, send_json("DELETE", api::path_asset(sel->id), nullptr, nullptr));
            break;
        case PartFiles::Form::none:
            break;
        }
    }
    if (a.move && sel && !f.busy) {
        int position = 0;
        for (const Asset& other : f.list.value)
            if (other.kind == sel->kind) {
                if (other.id == sel->id) break;
                ++position;
            }
        const int to = position + *a.move;
        if (to >= 0)
            send_change(app,
                        send_json("PATCH", api::path_asset(sel->id), {{"position", to}}, nullptr));
    }
    if (a.open_text) open_text(app, *a.open_text);
    if (a.save_text) save_text(app);
    if (a.close_text) {
        if (f.text.dirty())
            f.text.confirm_close = true;
        else
            f.text = {};
    }
    if (a.discard_text) f.text = {};

    if (a.replace_existing)
        if (UploadRow* row = row_of(app, *a.replace_existing);
            row && row->phase == UploadRow::Phase::name_taken && row->existing) {
            row->replaces = row->existing;
            send_row(app, *row);
        }
    if (a.upload_renamed)
        if (UploadRow* row = row_of(app, *a.upload_renamed);
            row && row->phase == UploadRow::Phase::name_taken && !row->new_name.empty()) {
            row->filename = row->new_name;
            send_row(app, *row);
        }
    if (a.dismiss_upload) {
        auto& u = f.uploads;
        u.erase(std::remove_if(u.begin(), u.end(),
                               [&](const UploadRow& r) {
                                   return r.key == *a.dismiss_upload &&
                                          r.phase != UploadRow::Phase::sending;
                               }),
                u.end());
    }
}

} // namespace part_files

} // namespace wte::client
