// The Files screen of a part (#/parts/N/files): uploads in progress, the
// text file open in the code editor, then the Assets and the Templates, each
// row a file (thumbnail, name, type, size); the selected row shows its
// actions. Drawn only; app/part_files.cpp sends and receives.
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

const PartView* part_of(const AppState& s) {
    return s.parts.find(s.route.id);
}

std::string row_detail(const Asset& a) {
    return a.mimetype + " · " + part_files::size_text(a.size);
}

void draw_upload_rows(AppState& s, Actions& a) {
    bool any = false;
    for (UploadRow& row : s.files.uploads) {
        if (row.part_id != s.route.id) continue;
        if (!any) vspace(8);
        any = true;
        ImGui::PushID(row.key);
        switch (row.phase) {
        case UploadRow::Phase::sending: {
            const double total = row.total > 0 ? row.total : static_cast<double>(row.size);
            const int pct =
                total > 0 ? static_cast<int>(std::min(100.0, 100.0 * row.sent / total)) : 0;
            const std::string what = (row.replaces ? "Replacing " : "Uploading ") + row.filename;
            // Bytes as ints: the server's limit is under 2 GiB.
            progress_bar(what + " · " + std::to_string(pct) + "%", static_cast<int>(row.sent),
                         std::max(1, static_cast<int>(total)));
            // Told at the start and at each quarter, not at every step.
            probe::announce(what + ": " + std::to_string(pct / 25 * 25) + "%", "status");
            keep_animating();
            break;
        }
        case UploadRow::Phase::done:
            if (notice_box(row.filename + (row.replaces ? " replaced." : " uploaded."), "Dismiss"))
                a.files.dismiss_upload = row.key;
            break;
        case UploadRow::Phase::failed:
            if (warning_box(row.error, "Dismiss")) a.files.dismiss_upload = row.key;
            break;
        case UploadRow::Phase::name_taken: {
            begin_panel(16);
            heading("A file called " + row.filename + " is already here", 3);
            muted("Replace its content with the file you chose, or upload yours under "
                  "another name.");
            vspace(4);
            const bool submit =
                text_field("New name", row.new_name, {.width = std::min(column_width(), 360_s)});
            vspace(4);
            if (button("Replace it", ButtonKind::secondary)) a.files.replace_existing = row.key;
            ImGui::SameLine(0, 8_s);
            if (button("Upload as new name", ButtonKind::primary, !row.new_name.empty()) ||
                (submit && !row.new_name.empty()))
                a.files.upload_renamed = row.key;
            ImGui::SameLine(0, 8_s);
            if (button("Skip", ButtonKind::subtle)) a.files.dismiss_upload = row.key;
            end_panel();
            break;
        }
        }
        ImGui::PopID();
        vspace(4);
    }
}

void draw_text_editor(AppState& s, Actions& a) {
    OpenTextFile& t = s.files.text;
    if (!t.editor) return;
    vspace(12);
    begin_panel(16);
    const bool dirty = t.dirty();
    heading(t.filename + (dirty ? " — unsaved changes" : ""), 3);
    vspace(4);
    if (!t.load_error.empty()) {
        error_box(t.load_error);
    } else if (!t.loaded) {
        muted("Loading " + t.filename + "…");
    } else {
        const auto events = t.editor->draw("File text", ImVec2(column_width(), 360_s));
        if (events.save_requested) a.files.save_text = true;
    }
    if (!t.error.empty()) {
        vspace(4);
        error_box(t.error);
    }
    vspace(8);
    if (t.confirm_close) {
        if (warning_box("Close " + t.filename + " without saving your changes?", "Discard changes"))
            a.files.discard_text = true;
        vspace(4);
    }
    if (button(t.saving ? "Saving…###Save" : "Save###Save", ButtonKind::primary,
               t.loaded && !t.saving && dirty))
        a.files.save_text = true;
    ImGui::SameLine(0, 8_s);
    if (button("Close", ButtonKind::secondary)) a.files.close_text = true;
    if (!dirty && t.loaded && !t.saving) {
        ImGui::SameLine(0, 12_s);
        muted("Saved", FontRole::small);
    }
    end_panel();
}

void draw_selected_actions(AppState& s, Actions& a, const Asset& f, bool first, bool last) {
    PartFiles& files = s.files;
    vspace(4);
    ImGui::Indent(60_s);
    ImGui::PushTextWrapPos(0);
    const bool busy = files.busy;
    switch (files.form) {
    case PartFiles::Form::none: {
        // Buttons in a row that wraps when the column is narrow (help open beside).
        bool first_button = true;
        const float right = ImGui::GetCursorScreenPos().x + column_width() - 60_s;
        auto next = [&](const char* label, ButtonKind kind) {
            if (!first_button &&
                ImGui::GetItemRectMax().x + 6_s + button_width(label, kind) <= right)
                ImGui::SameLine(0, 6_s);
            first_button = false;
        };
        if (part_files::is_text(f.mimetype)) {
            next("Edit", ButtonKind::secondary);
            if (button("Edit", ButtonKind::secondary, !busy && s.files.text.asset_id != f.id))
                a.files.open_text = f.id;
        }
        next("Rename", ButtonKind::secondary);
        if (button("Rename", ButtonKind::secondary, !busy))
            a.files.open_form = PartFiles::Form::rename;
        next("Change type", ButtonKind::secondary);
        if (button("Change type", ButtonKind::secondary, !busy))
            a.files.open_form = PartFiles::Form::mimetype;
        next("Replace…", ButtonKind::secondary);
        if (button("Replace…", ButtonKind::secondary, !busy)) a.files.pick_replacement = f.id;
        next("Move up", ButtonKind::subtle);
        if (button("Move up", ButtonKind::subtle, !busy && !first)) a.files.move = -1;
        next("Move down", ButtonKind::subtle);
        if (button("Move down", ButtonKind::subtle, !busy && !last)) a.files.move = 1;
        next("Delete", ButtonKind::danger);
        if (button("Delete", ButtonKind::danger, !busy))
            a.files.open_form = PartFiles::Form::confirm_delete;
        break;
    }
    case PartFiles::Form::rename:
    case PartFiles::Form::mimetype: {
        const bool rename = files.form == PartFiles::Form::rename;
        const bool submit = text_field(rename ? "File name" : "Media type", files.field,
                                       {.hint = rename ? "" : "such as text/css",
                                        .width = std::min(column_width() - 60_s, 420_s),
                                        .focus = ImGui::IsWindowAppearing(),
                                        .enabled = !busy,
                                        // The refusal of a rename or media type.
                                        .error = files.error});
        vspace(4);
        if (button(busy ? "Saving…###Save" : "Save###Save", ButtonKind::primary, !busy) || submit)
            a.files.commit_form = true;
        ImGui::SameLine(0, 8_s);
        if (button("Cancel", ButtonKind::secondary, !busy)) a.files.cancel_form = true;
        break;
    }
    case PartFiles::Form::confirm_delete:
        paragraph("Delete " + f.filename + "? Pages that name it will show it as missing.");
        vspace(4);
        if (button(busy ? "Deleting…###Delete file" : "Delete file###Delete file",
                   ButtonKind::danger, !busy))
            a.files.commit_form = true;
        ImGui::SameLine(0, 8_s);
        if (button("Cancel", ButtonKind::secondary, !busy)) a.files.cancel_form = true;
        break;
    }
    if (!files.error.empty()) {
        vspace(4);
        error_box(files.error);
    }
    ImGui::PopTextWrapPos();
    ImGui::Unindent(60_s);
    vspace(6);
}

// One list (assets or templates) in a panel; returns its rectangle.
void draw_list(AppState& s, Actions& a, AssetKind kind, ImVec2& top, ImVec2& bottom) {
    PartFiles& files = s.files;
    const bool templates = kind == AssetKind::template_file;
    top = ImGui::GetCursorScreenPos();
    const ImVec2 head = ImGui::GetCursorPos();
    heading(templates ? "Templates" : "Assets", 2);
    {
        const char* label = templates ? "Upload templates…" : "Upload assets…";
        const float bw = button_width(label, ButtonKind::secondary);
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(head.x + column_width() - bw, head.y));
        if (button(label, ButtonKind::secondary)) a.files.pick = kind;
        ImGui::SetCursorPos(after);
    }
    muted(templates ? "The starting files of a three-pane part's workspace: each learner gets "
                      "a copy to edit."
                    : "Images and files your pages name with .. image:: and :asset:.",
          FontRole::small);
    vspace(6);
    std::vector<const Asset*> rows;
    for (const Asset& f : files.list.value)
        if (f.kind == kind) rows.push_back(&f);
    begin_panel(8);
    if (rows.empty())
        muted(templates ? "No templates. Drop files here to add some."
                        : "No assets yet. Drop files on this screen or choose Upload assets…");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Asset& f = *rows[i];
        unsigned texture = 0;
        int w = 0, h = 0;
        if (auto it = s.content.images.find(part_files::thumbnail_url(f));
            it != s.content.images.end() && it->second.state == render::ImageState::State::ready) {
            texture = it->second.texture;
            w = it->second.width;
            h = it->second.height;
        }
        const bool selected = files.selected == f.id;
        if (file_row(f.filename, row_detail(f), texture, w, h, selected)) a.files.select = f.id;
        if (selected) draw_selected_actions(s, a, f, i == 0, i + 1 == rows.size());
    }
    end_panel();
    bottom = ImGui::GetItemRectMax();
    bottom.x = top.x + column_width();
}

} // namespace

void draw_files_button(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    if (!v.can.edit) return;
    // Right-aligned on the row of the item drawn last (the title), taking no
    // height of its own, so the screen below does not move.
    const ImVec2 title_min = ImGui::GetItemRectMin(), title_max = ImGui::GetItemRectMax();
    const ImVec2 back = ImGui::GetCursorScreenPos();
    float bh = 0;
    {
        FontScope f(FontRole::body);
        bh = ImGui::GetFontSize() + 20_s;
    }
    const float bw = button_width("Files", ButtonKind::secondary);
    ImGui::SetCursorScreenPos(ImVec2(back.x + column_width() - bw,
                                     title_min.y + (title_max.y - title_min.y - bh) * 0.5f));
    if (button("Files", ButtonKind::secondary)) a.navigate = route_part_files(v.part.id);
    ImGui::SetCursorScreenPos(back);
}

void draw_part_files(AppState& s, Actions& a) {
    PartFiles& files = s.files;
    const PartView* part = part_of(s);
    const std::string title = part ? part->part.title : "this part";
    if (link("‹ Back to " + title, FontRole::small)) a.navigate = route_part(s.route.id);
    vspace(4);
    heading("Files of " + title, 1);
    if (part && !part->can.edit) {
        error_box("Only the editors of this module can change its files.");
        return;
    }
    if (files.part_id != s.route.id || (files.list.loading() && !files.list.ready())) {
        loading_view("");
        return;
    }
    if (files.list.failed()) {
        if (error_view("The files cannot be shown", files.list.error)) a.files.load = s.route.id;
        return;
    }
    std::string limit = files.upload_limit > 0 ? " Each file can be at most " +
                                                     part_files::size_text(files.upload_limit) + "."
                                               : "";
    muted("Drop files anywhere on this screen to upload them as assets, or onto Templates "
          "to make them templates." +
          limit);

    draw_upload_rows(s, a);
    draw_text_editor(s, a);

    ImVec2 a0, a1, t0, t1;
    vspace(16);
    draw_list(s, a, AssetKind::asset, a0, a1);
    vspace(20);
    draw_list(s, a, AssetKind::template_file, t0, t1);
    // For the drop: where the templates are, in CSS px from the canvas's top left.
    files.templates_top = (t0.y - 10_s) / device_ratio();
    files.templates_bottom = (t1.y + 10_s) / device_ratio();

    if (files.hover.active) {
        const float y = files.hover.y * device_ratio();
        const bool on_templates = y >= t0.y - 10_s && y <= t1.y + 10_s;
        const ImVec2 m0 = on_templates ? t0 : a0, m1 = on_templates ? t1 : a1;
        drop_outline(ImVec2(m0.x - 8_s, m0.y - 8_s), ImVec2(m1.x + 8_s, m1.y + 8_s));
        keep_animating();
    }
}

} // namespace wte::client
