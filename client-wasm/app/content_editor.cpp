// Invariants kept here:
//  - typed text is never dropped silently: the editor stays dirty until the
//    server answered a save of exactly that text; a refused save (409) keeps
//    the typed text and theirs until the teacher picks one;
//  - a save names the version it was edited from (If-Match), never "*";
//  - replies land only while the same part is open in the editor.
#include "app/content_editor.hpp"

#include "app/app.hpp"
#include "app/part_files.hpp"
#include "app/workspace.hpp"
#include "wte/text.hpp"

#include <algorithm>

namespace wte::client {

namespace content_editor {

namespace {

ContentEditorState* open_for(App& app, Id part) {
    ContentEditorState& e = app.state.content_editor;
    return e.part_id == part && part ? &e : nullptr;
}

// The preview's copy of the text (e.text) is the screen's to refresh: it may
// wait for a pause in typing. Saving and the unsaved mark read the editor.
void mark_edited(ContentEditorState& e) {
    e.dirty = e.editor.text() != e.saved_text;
}

// The view and text the server sent replace what the editor shows.
void take_version(App& app, ContentEditorState& e, const PartView& view, const std::string& etag) {
    e.view = view;
    e.etag = workspace::bare_etag(etag);
    e.saved_text = view.part.content;
    app.state.parts.put(view);
    if (app.state.part.id == view.part.id) app.state.part.view.succeed(view);
}

void load(App& app, Id id) {
    ContentEditorState& e = app.state.content_editor;
    e.loading = true;
    e.error.clear();
    Request r = get(api::path_part(id), [&app, id](const Reply& reply) {
        ContentEditorState* e = open_for(app, id);
        if (!e || e->request != reply.id) return;
        e->loading = false;
        if (!reply.ok()) {
            e->error = reply.error().message;
            return;
        }
        const PartView view = reply.data.get<PartView>();
        if (!view.can.edit) {
            e->error = "You may not edit \"" + view.part.title + "\".";
            return;
        }
        take_version(app, *e, view, reply.etag);
        e->editor.set_text(view.part.content);
        e->editor.buffer().mark_saved();
        e->dirty = false;
        e->synced_line = -1;
        mark_edited(*e);
    });
    r.key = "content-editor";
    e.request = app.requests().send(std::move(r));
}

void save_reply(App& app, Id id, const Reply& reply) {
    ContentEditorState* e = open_for(app, id);
    if (!e || e->save_request != reply.id) return;
    e->save_request = 0;
    if (reply.ok()) {
        take_version(app, *e, reply.data.get<PartView>(), reply.etag);
        e->saved_text = std::move(e->sending); // what the server holds now
        e->sending.clear();
        e->conflict = false;
        e->compare = false;
        e->save_error.clear();
        e->saved_once = true;
        mark_edited(*e); // typed while it was on its way: still unsaved
        return;
    }
    const api::ErrorBody err = reply.error();
    if (reply.status == 409 && err.code == "content_changed" && err.details.is_object()) {
        e->conflict = true;
        e->their_text = err.details.value("content", "");
        e->their_etag = workspace::bare_etag(err.details.value("etag", ""));
        e->save_error.clear();
        return;
    }
    e->save_error = "Not saved: " + err.message;
}

// if_match: the bare ETag the text was edited from.
void save(App& app, const std::string& if_match) {
    ContentEditorState& e = app.state.content_editor;
    if (!e.part_id || e.save_request || e.loading || !e.error.empty()) return;
    const Id id = e.part_id;
    api::PatchPartRequest body;
    body.content = e.editor.text();
    Request r = send_json("PATCH", api::path_part(id), api::to_json(body),
                          [&app, id](const Reply& reply) { save_reply(app, id, reply); });
    // No ETag came (an old server): the save overwrites, as it did before.
    r.if_match = if_match.empty() ? "*" : "\"" + if_match + "\"";
    e.sending = *body.content;
    e.save_error.clear();
    e.save_request = app.requests().send(std::move(r));
}

std::string assets_path(Id part) {
    // GET /parts/{id}/assets (API.md); its path_* helper belongs to the assets screen.
    return api::path_part(part) + "/assets";
}

void load_assets(App& app) {
    ContentEditorState& e = app.state.content_editor;
    const Id id = e.part_id;
    std::vector<Id> chain{id}; // nearest first
    for (auto it = e.view.ancestors.rbegin(); it != e.view.ancestors.rend(); ++it)
        chain.push_back(it->id);
    e.assets.clear();
    e.assets_error.clear();
    e.asset_requests = static_cast<int>(chain.size());
    for (std::size_t depth = 0; depth < chain.size(); ++depth) {
        Request r = get(assets_path(chain[depth]), [&app, id, chain](const Reply& reply) {
            ContentEditorState* e = open_for(app, id);
            if (!e) return;
            --e->asset_requests;
            if (!reply.ok()) {
                e->assets_error = reply.error().message;
                return;
            }
            for (const json& item : reply.data.at("items")) {
                Asset a = item.get<Asset>();
                if (a.kind != AssetKind::asset) continue;
                e->assets.push_back(std::move(a));
            }
            // Nearest first, one per name (the nearest wins, as pages resolve them).
            const auto depth_of = [&](Id part) {
                return std::find(chain.begin(), chain.end(), part) - chain.begin();
            };
            std::stable_sort(e->assets.begin(), e->assets.end(),
                             [&](const Asset& a, const Asset& b) {
                                 return depth_of(a.part_id) < depth_of(b.part_id);
                             });
            std::vector<Asset> unique;
            for (Asset& a : e->assets)
                if (std::none_of(unique.begin(), unique.end(),
                                 [&](const Asset& u) { return u.filename == a.filename; }))
                    unique.push_back(std::move(a));
            e->assets = std::move(unique);
        });
        r.key = "content-editor-assets:" + std::to_string(chain[depth]);
        app.requests().send(std::move(r));
    }
}

Id module_of(const ContentEditorState& e) {
    return e.view.ancestors.empty() ? e.view.part.id : e.view.ancestors.front().id;
}

} // namespace

void open(App& app, Id id) {
    ContentEditorState& e = app.state.content_editor;
    e.leave_to.reset();
    if (e.part_id == id && (e.dirty || e.loading || e.save_request)) return; // keep the typing
    const bool same = e.part_id == id;
    if (!same) {
        app.state.content_editor.preview = render::PageRenderer();
        e.picker = PickerKind::none;
        e.query.clear();
        e.assets.clear();
        e.conflict = false;
        e.compare = false;
        e.save_error.clear();
        e.saved_once = false;
    }
    e.part_id = id;
    e.preview.set_preview(true);
    load(app, id);
}

bool unsaved(const AppState& s) {
    const ContentEditorState& e = s.content_editor;
    return e.part_id && (e.dirty || e.save_request);
}

bool holds_route(App& app, const Route& route) {
    ContentEditorState& e = app.state.content_editor;
    const Route here = route_part_edit(e.part_id);
    if (!unsaved(app.state) || !(app.state.route == here) || route == here) return false;
    e.leave_to = route;
    app.platform().set_hash(to_hash(here), true); // the URL stays on the editor meanwhile
    return true;
}

void wrap_selection(editor::CodeEditor& ed, const std::string& marker) {
    editor::TextBuffer& b = ed.buffer();
    const int m = static_cast<int>(marker.size());
    if (b.has_selection()) {
        const editor::TextRange r = b.selection();
        const std::string inner = b.text(r);
        b.type(marker + inner + marker, true);
        const editor::TextPos end = b.cursor();
        b.select({r.begin.line, r.begin.byte + m}, {end.line, end.byte - m});
    } else {
        b.type(marker + marker, true);
        const editor::TextPos c = b.cursor();
        b.set_cursor({c.line, c.byte - m});
    }
    ed.focus();
}

std::string insert_template(InsertKind kind) {
    switch (kind) {
    case InsertKind::heading:
        return "Heading\n=======\n";
    case InsertKind::list:
        return "- First item\n- Second item\n";
    case InsertKind::code:
        return ".. sourcecode:: html\n\n   <p>Hello!</p>\n";
    case InsertKind::note:
        return ".. note::\n\n   Something to keep in mind.\n";
    case InsertKind::show_hide:
        return ".. show-hide::\n   :title: Show the answer\n   :initial: hidden\n\n"
               "   The answer.\n";
    case InsertKind::quiz:
        // The quiz syntax of FEATURES §9 (tests/rst-corpus/wte_quiz.rst).
        return ".. quiz:: quiz-1\n   :title: Check yourself\n\n"
               "   .. quiz-question:: question-1\n      :question: Which tag makes a paragraph?\n"
               "      :type: single-choice\n\n      [x] ``<p>``\n      [ ] ``<para>``\n";
    }
    return "";
}

void insert_block(editor::CodeEditor& ed, const std::string& block) {
    editor::TextBuffer& b = ed.buffer();
    const editor::TextPos c = b.cursor();
    const bool line_empty = b.line(c.line).find_first_not_of(" \t") == std::string::npos;
    // A block of its own: a blank line before it unless it starts one.
    std::string text = block;
    if (!line_empty) {
        b.set_cursor({c.line, static_cast<int>(b.line(c.line).size())});
        text = "\n\n" + text;
    } else if (c.line > 0 && b.line(c.line - 1).find_first_not_of(" \t") != std::string::npos) {
        text = "\n" + text;
    }
    b.type(text, true);
    ed.focus();
}

static bool image_name(const std::string& filename) {
    const auto dot = filename.rfind('.');
    if (dot == std::string::npos) return false;
    const std::string ext = to_lower_ascii(filename.substr(dot + 1));
    for (const char* i : {"png", "jpg", "jpeg", "gif", "svg", "webp"})
        if (ext == i) return true;
    return false;
}

// Files dropped onto the editor this frame become assets of the part; once
// all are settled, each stored one (or the file already there by that name)
// is referenced at the caret: an image directive for pictures, :asset: for
// other files.
static void take_drops(App& app) {
    ContentEditorState& e = app.state.content_editor;
    auto& dropped = app.state.files.dropped_elsewhere;
    if (dropped.empty() || e.loading || !e.error.empty() ||
        !app.state.route.is(routes::part_edit) || app.state.route.id != e.part_id)
        return;
    std::vector<platform::PickedFile> files;
    for (auto& drop : dropped)
        for (auto& file : drop.files)
            files.push_back(std::move(file));
    dropped.clear();
    if (files.empty()) return;
    ++e.drops_on_their_way;
    e.drop_notice = files.size() == 1 ? "Uploading " + files.front().name + "…"
                                      : "Uploading " + std::to_string(files.size()) + " files…";
    e.drop_error.clear();
    const Id part = e.part_id;
    part_files::upload(app, part, AssetKind::asset, std::move(files),
                       [&app, part](const std::vector<UploadOutcome>& outcomes) {
                           ContentEditorState& e = app.state.content_editor;
                           if (e.part_id != part) return;
                           --e.drops_on_their_way;
                           std::string inline_refs, added, errors;
                           for (const UploadOutcome& o : outcomes) {
                               if (!o.error.empty()) {
                                   errors += (errors.empty() ? "" : " ") + o.error;
                                   continue;
                               }
                               added += (added.empty() ? "" : ", ") + o.filename;
                               if (image_name(o.filename))
                                   insert_block(e.editor, ".. image:: " + o.filename + "\n");
                               else
                                   inline_refs += (inline_refs.empty() ? "" : " ") +
                                                  (":asset:`" + o.filename + "`");
                           }
                           if (!inline_refs.empty()) e.editor.buffer().type(inline_refs, true);
                           if (!added.empty()) mark_edited(e);
                           e.drop_notice = added.empty() ? "" : "Added " + added + ".";
                           e.drop_error = errors;
                       });
}

void fulfil(App& app) {
    ContentEditorState& e = app.state.content_editor;
    if (!e.part_id) return;
    take_drops(app);
    page_content::fulfil(app, e.preview);
    if (e.picker == PickerKind::crossref && e.error.empty() && !e.loading) {
        // The parts of this module, from the one cache of parts.
        const Id module = module_of(e);
        part_view::fetch(app, module);
        if (const PartView* m = app.state.parts.find(module))
            for (const PartSummary& c : m->children)
                if (c.type == PartType::part) part_view::fetch(app, c.id);
    }
}

void apply(App& app, ContentEditorActions& a) {
    ContentEditorState& e = app.state.content_editor;
    if (!e.part_id) return;
    if (a.wrap) wrap_selection(e.editor, *a.wrap);
    if (a.insert) insert_block(e.editor, insert_template(*a.insert));
    if (a.insert_text) {
        e.editor.buffer().type(*a.insert_text, true);
        e.editor.focus();
        e.picker = PickerKind::none;
    }
    if (a.edited || a.wrap || a.insert || a.insert_text) mark_edited(e);
    if (a.go_to_line) e.editor.go_to({std::max(0, *a.go_to_line - 1), 0});
    if (a.save && !e.conflict) save(app, e.etag);
    if (a.keep_mine && e.conflict) {
        e.conflict = false;
        save(app, e.their_etag);
    }
    if (a.take_theirs && e.conflict) {
        // Their text replaces mine as one edit: Undo brings mine back.
        e.editor.buffer().select_all();
        e.editor.buffer().type(e.their_text, true);
        e.editor.buffer().set_cursor({0, 0});
        e.saved_text = e.their_text;
        e.etag = e.their_etag;
        e.conflict = false;
        e.compare = false;
        mark_edited(e);
    }
    if (a.toggle_compare) e.compare = !e.compare;
    if (a.open_picker) {
        e.picker = e.picker == *a.open_picker ? PickerKind::none : *a.open_picker;
        e.query.clear();
        if (e.picker == PickerKind::asset) load_assets(app);
    }
    if (a.stay) e.leave_to.reset();
    if (a.leave && e.leave_to) {
        const Route to = *e.leave_to;
        // The teacher chose to drop the typed text.
        e.leave_to.reset();
        e.dirty = false;
        e.part_id = 0;
        app.navigate(to, false);
    }
}

} // namespace content_editor

} // namespace wte::client
