// The page view of a three-pane part: the lesson, the learner's files in a
// code editor (one tab per file) and the live preview, side by side with two
// splitters that drag and panes that collapse to a strip; narrower than
// 700 px the three panes become tabs "Lesson | Code | Preview".
#include "app/workspace.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

constexpr const char* pane_names[3] = {"Lesson", "Code", "Preview"};
constexpr float min_ratio = 0.12f; // no open pane gets narrower than this share

// The pane's name and its collapse button on one row of `width` (the
// preview pane shows its own name in its header row).
void pane_header(int pane, float width, WorkspaceState& w) {
    const float h = 32_s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (pane != 2) {
        FontScope f(FontRole::small_bold);
        const ImVec2 ts = ImGui::CalcTextSize(pane_names[pane]);
        const ImVec2 at(min.x + 4_s, min.y + (h - ts.y) * 0.5f);
        ImGui::GetWindowDrawList()->AddText(at, palette().text_muted, pane_names[pane]);
        probe::text_rect(pane_names[pane], at, ImVec2(at.x + ts.x, at.y + ts.y));
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x + width - 28_s, min.y + 2_s));
    const std::string label = std::string("Collapse ") + pane_names[pane];
    if (icon_button(label.c_str(), "‹")) w.collapsed[pane] = true;
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + h));
}

void draw_lesson(AppState& s, Actions& a, ImVec2 size) {
    const PartView& v = s.part.view.value;
    ImGui::BeginChild("##lesson", size, true);
    begin_inset(12);
    vspace(8);
    heading(v.part.title, 2);
    draw_node_tools(s, a);
    if (v.part.content.empty())
        muted("This page is empty.");
    else
        draw_page_content(s, v.part.content, v.part.title);
    vspace(16);
    end_inset();
    ImGui::EndChild();
}

// Above the editor, in place: what needs the learner's decision.
void draw_file_notices(WorkspaceFileState& f, WorkspaceState& w, Actions& a) {
    const std::string& name = f.file.name;
    if (f.conflict) {
        error_box("This file was changed elsewhere (another tab?). Your text is kept here: "
                  "keep yours, or load theirs instead.");
        if (button("Keep mine", ButtonKind::primary)) a.workspace.keep_mine = name;
        ImGui::SameLine();
        if (button("Reload theirs", ButtonKind::secondary)) a.workspace.reload_theirs = name;
        vspace(4);
    }
    if (!f.refused.empty()) error_box(f.refused);
    if (f.confirm_discard) {
        error_box("Discard your changes to " + name + "? It goes back to the teacher's version.");
        if (button("Discard changes##confirm", ButtonKind::danger)) a.workspace.discard = name;
        ImGui::SameLine();
        if (button("Keep editing", ButtonKind::secondary)) a.workspace.cancel_discard = name;
        vspace(4);
    }
    if (w.confirm_discard_all) {
        error_box("Discard the changes to every file? They all go back to the teacher's "
                  "version, and files you added are removed.");
        if (button("Discard all##confirm", ButtonKind::danger)) a.workspace.discard_all = true;
        ImGui::SameLine();
        if (button("Keep editing##all", ButtonKind::secondary))
            a.workspace.cancel_discard_all = true;
        vspace(4);
    }
}

void draw_code(WorkspaceState& w, Actions& a, ImVec2 size) {
    ImGui::BeginChild("##code", size, true, ImGuiWindowFlags_NoScrollbar);
    begin_inset(4);
    if (w.loading && w.files.empty()) {
        loading_view("your files");
        end_inset();
        ImGui::EndChild();
        return;
    }
    if (!w.error.empty()) {
        error_box(w.error);
        if (button("Retry##workspace")) a.workspace.retry = true;
    }
    if (w.files.empty()) {
        if (w.error.empty()) muted("This exercise has no files.");
        end_inset();
        ImGui::EndChild();
        return;
    }
    // One tab per file; "•" marks unsaved text.
    for (std::size_t i = 0; i < w.files.size(); ++i) {
        const WorkspaceFileState& f = *w.files[i];
        const std::string label = f.file.name + (f.dirty ? " •" : "") + "##tab-" + f.file.name;
        if (i > 0) ImGui::SameLine(0, 2_s);
        if (tab(label.c_str(), i == w.active)) a.workspace.select = i;
    }
    WorkspaceFileState& f = *w.files[std::min(w.active, w.files.size() - 1)];
    const std::string& name = f.file.name;

    // The file's state and what can be done with it and with all files.
    const SaveState state = workspace::save_state(f);
    {
        FontScope font_small(FontRole::small);
        const Palette& p = palette();
        const ImU32 colour = state == SaveState::saved ? p.success
                             : state == SaveState::unsaved || state == SaveState::saving
                                 ? p.text_muted
                                 : p.danger;
        ColorScope c(ImGuiCol_Text, colour);
        const char* text = workspace::save_state_text(state);
        ImGui::TextUnformatted(text);
        probe::text(text);
        // Saved and failures are told; the steps while typing are not.
        if (state == SaveState::saved)
            probe::announce(text, "status");
        else if (state != SaveState::unsaved && state != SaveState::saving)
            probe::announce(text, "alert");
    }
    // The actions follow on the same row while they fit, then wrap.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    auto action = [&](const char* text, const char* id) {
        FontScope f(FontRole::small);
        const float gap = 14_s;
        if (ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(text).x <= right)
            ImGui::SameLine(0, gap);
        return link(text, FontRole::small, id);
    };
    if (action("Download", "download-file")) a.workspace.download = name;
    if (action("Discard changes", "discard-file")) a.workspace.ask_discard = name;
    if (action("Download all (ZIP)", "download-all")) a.workspace.download_all = true;
    if (action("Discard all", "discard-all")) a.workspace.ask_discard_all = true;
    vspace(2);

    draw_file_notices(f, w, a);
    if (!f.load_error.empty()) {
        error_box(f.load_error);
        if (button("Retry##file")) a.workspace.retry = true;
    } else if (!f.loaded) {
        loading_view(name);
    } else {
        FontScope mono(FontRole::mono);
        const editor::EditorEvents events = f.editor.draw(name.c_str(), ImVec2(0, 0));
        if (events.changed) a.workspace.edited.push_back(name);
        if (events.save_requested) a.workspace.save_now = true;
        if (events.focused) keep_animating(); // the caret blinks
    }
    end_inset();
    ImGui::EndChild();
}

void draw_pane(int pane, AppState& s, Actions& a, ImVec2 size) {
    WorkspaceState& w = s.workspace;
    ImGui::BeginGroup();
    pane_header(pane, size.x, w);
    const ImVec2 body(size.x, std::max(1.0f, size.y - 32_s));
    if (pane == 0) draw_lesson(s, a, body);
    if (pane == 1) draw_code(w, a, body);
    if (pane == 2) draw_preview_pane(s, a, body);
    ImGui::EndGroup();
}

void draw_wide(AppState& s, Actions& a, float width, float height) {
    WorkspaceState& w = s.workspace;
    const float strip = 28_s, bar = 8_s;
    const float ratio[3] = {w.split[0], w.split[1] - w.split[0], 1.0f - w.split[1]};
    float open_ratio = 0, fixed = 2 * bar;
    for (int i = 0; i < 3; ++i)
        if (w.collapsed[i])
            fixed += strip;
        else
            open_ratio += ratio[i];
    const float room = std::max(0.0f, width - fixed);
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 0);
            // Splitter i-1 moves the border between panes i-1 and i when both are open.
            const std::string label =
                "Resize " + std::string(pane_names[i - 1]) + " and " + pane_names[i];
            if (!w.collapsed[i - 1] && !w.collapsed[i]) {
                const float dx = splitter(label.c_str(), height);
                if (dx != 0 && room > 0) {
                    float& edge = w.split[i - 1];
                    edge += dx / room * open_ratio;
                    const float lo = i == 1 ? min_ratio : w.split[0] + min_ratio;
                    const float hi = i == 1 ? w.split[1] - min_ratio : 1.0f - min_ratio;
                    edge = std::clamp(edge, lo, hi);
                }
            } else {
                ImGui::Dummy(ImVec2(bar, height));
            }
            ImGui::SameLine(0, 0);
        }
        if (w.collapsed[i]) {
            const std::string label = std::string("Expand ") + pane_names[i] + "##" + pane_names[i];
            // The strip shows the pane's name; the bridge sees "Expand Code".
            if (collapsed_strip(label.c_str(), height)) w.collapsed[i] = false;
            continue;
        }
        const float pane_w = open_ratio > 0 ? room * ratio[i] / open_ratio : room;
        draw_pane(i, s, a, ImVec2(pane_w, height));
    }
}

void draw_narrow(AppState& s, Actions& a, float width, float height) {
    WorkspaceState& w = s.workspace;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 2_s);
        if (tab(pane_names[i], w.narrow_pane == i)) w.narrow_pane = i;
    }
    const float h = std::max(1.0f, height - ImGui::GetItemRectSize().y - 4_s);
    if (w.narrow_pane == 0) draw_lesson(s, a, ImVec2(width, h));
    if (w.narrow_pane == 1) draw_code(w, a, ImVec2(width, h));
    if (w.narrow_pane == 2) draw_preview_pane(s, a, ImVec2(width, h));
}

} // namespace

void draw_workspace(AppState& s, Actions& a) {
    draw_part_breadcrumb(s, a);
    const float width = column_width();
    const float height = std::max(320_s, ImGui::GetContentRegionAvail().y - 12_s);
    if (width < 700_s)
        draw_narrow(s, a, width, height);
    else
        draw_wide(s, a, width, height);
    // Autosave and retries wait for a frame: keep them coming until sent.
    if (workspace::save_pending(s.workspace)) keep_animating();
}

} // namespace wte::client
