// The content editor (#/parts/N/edit): a toolbar, the reST source in the
// code editor on the left with its problems listed under it, the live
// preview on the right (a second page renderer, app/content_editor.hpp).
// Scrolling the source scrolls the preview to the block of the first
// visible line; a click in the preview puts the caret on its block's line.
#include "app/content_editor.hpp"
#include "screens/fit.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

bool shortcut(char letter) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
    const int a = io.KeyMap[ImGuiKey_A];
    return ctrl && !io.KeyAlt && a >= 0 && ImGui::IsKeyPressed(a + (letter - 'A'), false);
}

const char* save_text(const ContentEditorState& e) {
    if (e.conflict) return "Not saved — someone saved meanwhile";
    if (!e.save_error.empty()) return "Not saved";
    if (e.save_request) return "Saving…";
    if (e.dirty) return "Unsaved changes";
    return e.saved_once ? "Saved" : "No changes";
}

void draw_toolbar(ContentEditorState& e, Actions& a) {
    ContentEditorActions& c = a.content_editor;
    const float gap = 4_s;
    // The tools wrap onto more rows where the column is narrow (a phone, 200 % zoom).
    auto tool = [&](const char* label) {
        beside_if_fits(button_width(label, ButtonKind::secondary), gap);
        return button(label, ButtonKind::secondary);
    };
    if (button(e.save_request ? "Saving…###Save" : "Save###Save", ButtonKind::primary,
               !e.save_request && !e.conflict))
        c.save = true;
    if (tool("Bold")) c.wrap = "**";
    if (tool("Italic")) c.wrap = "*";
    if (tool("Code")) c.wrap = "``";
    {
        FontScope f(FontRole::small);
        beside_if_fits(ImGui::CalcTextSize("Insert:").x, 16_s);
    }
    muted("Insert:", FontRole::small);
    if (tool("Heading")) c.insert = InsertKind::heading;
    if (tool("List")) c.insert = InsertKind::list;
    if (tool("Code block")) c.insert = InsertKind::code;
    if (tool("Note")) c.insert = InsertKind::note;
    if (tool("Show-hide")) c.insert = InsertKind::show_hide;
    if (tool("Quiz")) c.insert = InsertKind::quiz;
    if (tool("Image or file…")) c.open_picker = PickerKind::asset;
    if (tool("Cross-reference…")) c.open_picker = PickerKind::crossref;
}

bool matches(const std::string& text, const std::string& query) {
    if (query.empty()) return true;
    const auto lower = [](std::string s) {
        for (auto& ch : s)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return s;
    };
    return lower(text).find(lower(query)) != std::string::npos;
}

void draw_picker(AppState& s, Actions& a) {
    ContentEditorState& e = s.content_editor;
    if (e.picker == PickerKind::none) return;
    begin_panel(12);
    const bool assets = e.picker == PickerKind::asset;
    label(assets ? "Insert an image or file of this part or the parts above it"
                 : "Insert a cross-reference to a part or page of this module");
    TextFieldOptions search;
    search.hint = "Search by name";
    text_field("Search##picker", e.query, search);
    int shown = 0;
    if (assets) {
        if (!e.assets_error.empty()) error_box(e.assets_error);
        if (e.asset_requests > 0) muted("Loading the files…", FontRole::small);
        for (const Asset& asset : e.assets) {
            if (!matches(asset.filename, e.query) || shown >= 30) continue;
            ++shown;
            const std::string id = "asset-" + std::to_string(asset.id);
            if (link(asset.filename + "  (" + asset.mimetype + ")", FontRole::body, id.c_str()))
                a.content_editor.insert_text = ":asset:`" + asset.filename + "`";
        }
        if (!shown && e.asset_requests == 0 && e.assets_error.empty())
            muted(e.assets.empty() ? "This part and the parts above it have no files yet."
                                   : "No file has that name.");
    } else {
        const Id module = e.view.ancestors.empty() ? e.view.part.id : e.view.ancestors[0].id;
        std::vector<PartSummary> targets;
        if (const PartView* m = s.parts.find(module)) {
            for (const PartSummary& c : m->children) {
                targets.push_back(c);
                if (const PartView* p = s.parts.find(c.id))
                    for (const PartSummary& page : p->children)
                        targets.push_back(page);
            }
        } else {
            muted("Loading the parts…", FontRole::small);
        }
        for (const PartSummary& t : targets) {
            if (t.id == e.part_id || !matches(t.title, e.query) || shown >= 30) continue;
            ++shown;
            const std::string id = "crossref-" + std::to_string(t.id);
            const std::string indent = t.type == PartType::page ? "    " : "";
            if (link(indent + t.title, FontRole::body, id.c_str()))
                a.content_editor.insert_text = ":crossref:`" + std::to_string(t.id) + "`";
        }
    }
    end_panel();
    vspace(6);
}

void draw_notices(ContentEditorState& e, Actions& a) {
    ContentEditorActions& c = a.content_editor;
    if (e.leave_to) {
        warning_box("This page has unsaved changes. Leave without saving them?");
        if (button("Leave without saving", ButtonKind::danger)) c.leave = true;
        ImGui::SameLine();
        if (button("Stay and keep editing", ButtonKind::secondary)) c.stay = true;
        vspace(6);
    }
    if (e.conflict) {
        error_box("Someone saved this page meanwhile. Your text is kept here: keep yours "
                  "(it replaces theirs), take theirs, or compare the two side by side.");
        if (button("Keep mine", ButtonKind::primary)) c.keep_mine = true;
        ImGui::SameLine();
        if (button("Take theirs", ButtonKind::secondary)) c.take_theirs = true;
        ImGui::SameLine();
        if (button(e.compare ? "Hide the comparison###Compare side by side"
                             : "Compare side by side###Compare side by side",
                   ButtonKind::subtle))
            c.toggle_compare = true;
        vspace(6);
    }
    if (!e.save_error.empty()) error_box(e.save_error);
    // Files dropped onto the editor: uploading, added, or why not.
    if (!e.drop_error.empty()) error_box(e.drop_error);
    if (!e.drop_notice.empty()) muted(e.drop_notice, FontRole::small);
}

// Theirs and mine, line by line; lines that differ are tinted.
void draw_compare(const ContentEditorState& e, ImVec2 size) {
    const auto split = [](const std::string& t) {
        std::vector<std::string> lines(1);
        for (char ch : t)
            if (ch == '\n')
                lines.emplace_back();
            else
                lines.back().push_back(ch);
        return lines;
    };
    const std::vector<std::string> theirs = split(e.their_text), mine = split(e.text);
    const float w = (size.x - 8_s) * 0.5f;
    FontScope mono(FontRole::mono);
    const Palette& p = palette();
    int column = 0;
    for (const auto* side : {&theirs, &mine}) {
        const auto* other = side == &theirs ? &mine : &theirs;
        if (column++) ImGui::SameLine(0, 8_s);
        ImGui::BeginChild(side == &theirs ? "##theirs" : "##mine", ImVec2(w, size.y), true,
                          ImGuiWindowFlags_HorizontalScrollbar);
        {
            FontScope bold(FontRole::small_bold);
            const char* title = side == &theirs ? "Theirs (saved)" : "Mine (not saved)";
            ImGui::TextUnformatted(title);
            probe::text(title);
        }
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(side->size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const auto k = static_cast<std::size_t>(i);
                const bool same = k < other->size() && (*other)[k] == (*side)[k];
                const ImVec2 at = ImGui::GetCursorScreenPos();
                if (!same)
                    ImGui::GetWindowDrawList()->AddRectFilled(
                        at, ImVec2(at.x + w, at.y + ImGui::GetTextLineHeightWithSpacing()),
                        p.warning_soft);
                ImGui::TextUnformatted((*side)[k].c_str());
            }
        ImGui::EndChild();
    }
}

void draw_problems(ContentEditorState& e, Actions& a, float width) {
    const auto& problems = e.preview.diagnostics();
    if (problems.empty()) return;
    const std::string title = std::to_string(problems.size()) +
                              (problems.size() == 1 ? " problem" : " problems") +
                              " — the page still shows the rest";
    if (disclosure("Problems##content", e.problems_open, title)) e.problems_open = !e.problems_open;
    if (!e.problems_open) return;
    const float h = std::min(120_s, static_cast<float>(problems.size()) * 24_s + 8_s);
    ImGui::BeginChild("##problems", ImVec2(width, h), true);
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const rst::Diagnostic& d = problems[i];
        const std::string text = "Line " + std::to_string(d.line) + ": " + d.message;
        const std::string id = "problem-" + std::to_string(i);
        if (link(text, FontRole::small, id.c_str())) a.content_editor.go_to_line = d.line;
    }
    ImGui::EndChild();
}

void draw_source(ContentEditorState& e, Actions& a, ImVec2 size) {
    ImGui::BeginGroup();
    const float problems_h = e.preview.diagnostics().empty() ? 0 : (e.problems_open ? 160_s : 36_s);
    const float status_h = 24_s;
    editor::EditorEvents ev;
    {
        FontScope mono(FontRole::mono);
        ev =
            e.editor.draw("Source", ImVec2(size.x, std::max(80_s, size.y - problems_h - status_h)));
    }
    ContentEditorActions& c = a.content_editor;
    if (ev.changed) {
        c.edited = true;
        e.edited_at = ImGui::GetTime();
    }
    if (ev.save_requested) c.save = true;
    if (ev.focused) {
        keep_animating(); // the caret blinks
        if (shortcut('B')) c.wrap = "**";
        if (shortcut('I')) c.wrap = "*";
        if (shortcut('K')) c.wrap = "``";
    }
    const editor::TextPos caret = e.editor.buffer().cursor();
    {
        FontScope small(FontRole::small);
        const std::string where = "Line " + std::to_string(caret.line + 1) + ", column " +
                                  std::to_string(caret.byte + 1) + " · " + save_text(e);
        ImGui::TextUnformatted(where.c_str());
        probe::text(where);
        // Saved and failures are told; the steps while typing are not.
        if (e.conflict || !e.save_error.empty())
            probe::announce(save_text(e), "alert");
        else if (e.saved_once && !e.dirty && !e.save_request)
            probe::announce(save_text(e), "status");
    }
    draw_problems(e, a, size.x);
    ImGui::EndGroup();
}

void draw_preview(ContentEditorState& e, Actions& a, ImVec2 size) {
    ImGui::BeginChild("##content-preview", size, true);
    if (e.preview_scroll) {
        ImGui::SetScrollY(*e.preview_scroll);
        e.preview_scroll.reset();
    }
    begin_inset(16);
    vspace(8);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    e.preview.draw(e.part_id, e.text, "");
    // A click on the page (not on a link or a quiz) puts the caret on its line.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemHovered()) {
        const int line = e.preview.line_at(ImGui::GetIO().MousePos.y - origin.y);
        if (line > 0) a.content_editor.go_to_line = line;
    }
    vspace(24);
    end_inset();
    ImGui::EndChild();
    probe::text_rect("Preview", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

} // namespace

std::string content_editor_title(const AppState& s) {
    const ContentEditorState& e = s.content_editor;
    const std::string title = e.view.part.id == e.part_id ? e.view.part.title : "content";
    return std::string(content_editor::unsaved(s) ? "• " : "") + "Editing " + title;
}

void draw_edit_content_button(const PartView& v, Actions& a) {
    if (!v.can.edit) return;
    if (button("Edit content", ButtonKind::secondary)) a.navigate = route_part_edit(v.part.id);
}

void draw_content_editor(AppState& s, Actions& a) {
    ContentEditorState& e = s.content_editor;
    const float width = column_width();
    if (link("‹ Back to the page", FontRole::small, "back-to-page"))
        a.navigate = route_part(e.part_id ? e.part_id : s.route.id);
    if (!e.error.empty()) {
        if (error_view("This content cannot be edited", e.error)) a.retry = true;
        return;
    }
    if (e.loading && e.view.part.id != e.part_id) {
        loading_view("the content");
        return;
    }
    heading(content_editor_title(s), 2);
    draw_notices(e, a);
    draw_toolbar(e, a);
    vspace(6);
    draw_picker(s, a);

    // The text the preview shows: taken from the editor only when it changed.
    // A page whose parse and layout take more than half a frame (a very
    // long one on a slow machine, tests/bench/content_editor_bench.cpp)
    // follows once typing pauses, so keys never wait for it.
    if (e.text_version != e.editor.buffer().version()) {
        const bool slow = e.preview.update_ms() > 8.0;
        if (!slow || ImGui::GetTime() - e.edited_at >= 0.25) {
            e.text = e.editor.text();
            e.text_version = e.editor.buffer().version();
        } else {
            keep_animating();
        }
    }
    const float height = std::max(320_s, ImGui::GetContentRegionAvail().y - 12_s);
    if (e.compare && e.conflict) {
        draw_compare(e, ImVec2(width, height));
        return;
    }
    if (width < 640_s) {
        // Too narrow for two panes side by side: the preview under the source.
        draw_source(e, a, ImVec2(width, std::max(320_s, height * 0.6f)));
        vspace(12);
        draw_preview(e, a, ImVec2(width, std::max(320_s, height * 0.6f)));
    } else {
        const float left = std::floor((width - 12_s) * 0.5f);
        draw_source(e, a, ImVec2(left, height));
        ImGui::SameLine(0, 12_s);
        draw_preview(e, a, ImVec2(width - left - 12_s, height));
    }

    // Scrolling the source takes the preview to the block of its first line.
    if (const int first = e.editor.first_visible_line(); first != e.synced_line) {
        e.synced_line = first;
        e.preview_scroll = std::max(0.0f, e.preview.y_of_line(first + 1) - 8_s);
    }
    // The gutter marks the lines with problems (of the text just drawn).
    std::vector<editor::LineMark> marks;
    for (const rst::Diagnostic& d : e.preview.diagnostics())
        if (d.line > 0) marks.push_back({d.line - 1, d.message});
    std::stable_sort(marks.begin(), marks.end(),
                     [](const auto& x, const auto& y) { return x.line < y.line; });
    if (marks.size() != e.editor.marks().size() ||
        !std::equal(marks.begin(), marks.end(), e.editor.marks().begin(),
                    [](const auto& x, const auto& y) {
                        return x.line == y.line && x.message == y.message;
                    }))
        e.editor.set_marks(std::move(marks));
    if (e.save_request) keep_animating();
}

} // namespace wte::client
