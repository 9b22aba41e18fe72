// Export and offline copy are same-origin downloads (the session cookie goes
// along, nothing passes through wasm); an import uploads the ZIP's bytes with
// POST /import and shows the answer in the panel.
#include "app/transfer.hpp"

#include "app/app.hpp"

namespace wte::client {

namespace {

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string summary(const json& d) {
    const int parts = d.value("parts", 0), pages = d.value("pages", 0),
              assets = d.value("assets", 0);
    return "With " + plural(parts, "part", "parts") + ", " + plural(pages, "page", "pages") +
           " and " + plural(assets, "file", "files") + ".";
}

void upload(App& app, platform::PickedFile file) {
    ImportPanel& p = app.state.import_panel;
    p.error.clear();
    p.created_id = 0;
    p.filename = file.name;
    if (file.too_large) {
        p.error = file.name + " is too large to import here.";
        return;
    }
    Request req;
    req.method = "POST";
    req.path = api::path_import(p.parent);
    req.body.assign(file.bytes.begin(), file.bytes.end());
    req.content_type = "application/zip";
    req.on_progress = [&app](const Progress& pr) {
        if (!pr.upload) return;
        app.state.import_panel.sent = pr.loaded;
        app.state.import_panel.total = pr.total;
    };
    req.on_reply = [&app](const Reply& r) {
        ImportPanel& p = app.state.import_panel;
        if (r.id != p.request) return;
        p.request = 0;
        if (!r.ok()) {
            p.error = r.error().message;
            return;
        }
        const json created = r.data.value("created", json::object());
        p.created_id = created.value("id", Id{0});
        p.created_title = created.value("title", "");
        p.created_summary = summary(r.data);
        // The lists and the node on screen show the new child.
        app.enter_route(app.state.route);
    };
    p.sent = 0;
    p.total = static_cast<double>(file.bytes.size());
    p.request = app.requests().send(std::move(req));
}

} // namespace

namespace transfer {

bool panel_here(const AppState& s) {
    const ImportPanel& p = s.import_panel;
    if (!p.open) return false;
    if (!p.parent) return s.route.is(routes::modules) || s.route.is(routes::my_modules);
    return s.route.is(routes::part) && s.route.id == *p.parent;
}

void apply(App& app, TransferActions& a) {
    AppState& s = app.state;
    ImportPanel& p = s.import_panel;
    if (a.export_node) app.platform().download_url(api::path_part_export(*a.export_node), "");
    if (a.offline_copy) app.platform().download_url(api::path_part_offline(*a.offline_copy), "");
    if (a.open_import && !p.busy()) {
        p = ImportPanel{};
        p.open = true;
        p.parent = *a.open_import;
    }
    if (a.close_import && !p.busy()) p = ImportPanel{};
    if (a.pick && p.open && !p.busy())
        p.pick_request = app.platform().pick_files(".zip,application/zip", false);
}

void poll(App& app) {
    AppState& s = app.state;
    ImportPanel& p = s.import_panel;
    PlatformPort& platform = app.platform();
    if (p.pick_request) {
        for (auto& pick : platform.take_file_picks()) {
            if (pick.id != p.pick_request) continue;
            p.pick_request = 0;
            if (!pick.cancelled && !pick.files.empty() && panel_here(s) && !p.busy())
                upload(app, std::move(pick.files.front()));
        }
    }
    if (panel_here(s) && !p.busy()) {
        for (auto& drop : platform.take_file_drops())
            if (!drop.files.empty()) upload(app, std::move(drop.files.front()));
    }
}

} // namespace transfer

} // namespace wte::client
