// The teacher's controls on the content tree, drawn inside the module, part,
// page and module-list screens: "Edit" and "Delete" under a node's title with
// their inline dialogs, the children as rows to drag or arrange (move up /
// down, add before / after) with "Add part" / "Add page", and "New module".
// Drawn only for users the shared-model rules allow (can.edit, can.delete,
// can_create_module); app/tree_edit.cpp sends and applies the answers.
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "wte/rules.hpp"

#include <imgui.h>

namespace wte::client {

using namespace wte::ui;

namespace {

const char* type_word(PartType t) {
    switch (t) {
    case PartType::module:
        return "module";
    case PartType::part:
        return "part";
    case PartType::page:
        return "page";
    }
    return "";
}

std::string in_quotes(const std::string& title) {
    return "“" + title + "”";
}

// The dialog's error when it is about `field` (the field is marked invalid).
std::string error_on(const TreeDialog& d, const char* field) {
    return d.error_field == field ? d.error : std::string();
}

void draw_buttons_end(TreeDialog& d, const char* save_text, const char* busy_text, ButtonKind kind,
                      bool enabled, bool submit, bool& save, bool& cancel) {
    if (!d.error.empty()) {
        vspace(4);
        error_box(d.error);
    }
    vspace(10);
    if (button(d.busy ? busy_text : save_text, kind, enabled && !d.busy) || (submit && enabled))
        save = true;
    ImGui::SameLine(0, 8_s);
    if (button("Cancel", ButtonKind::secondary, !d.busy)) cancel = true;
}

void draw_create_dialog(TreeDialog& d, Actions& a) {
    vspace(8);
    begin_panel(20);
    std::string heading_text = std::string("New ") + type_word(d.type);
    if (!d.place.empty()) heading_text += " " + d.place;
    probe::begin_region("dialog", heading_text);
    heading(heading_text, 3);
    vspace(4);
    const bool submit =
        text_field("Title", d.title,
                   {.hint = d.type == PartType::module ? "Web Development Basics" : "Introduction",
                    .focus = d.focus_title,
                    .enabled = !d.busy,
                    .error = error_on(d, "title")});
    muted(d.type == PartType::module
              ? "You will own it. It stays unavailable to students until you make it available."
              : "It starts unavailable to students: make it available once it is ready.",
          FontRole::small);
    draw_buttons_end(d, "Create", "Creating…", ButtonKind::primary, true, submit, a.tree.save,
                     a.tree.cancel);
    probe::end_region();
    end_panel();
}

void draw_edit_dialog(TreeDialog& d, Actions& a) {
    vspace(8);
    begin_panel(20);
    probe::begin_region("dialog", std::string("Edit this ") + type_word(d.type));
    heading(std::string("Edit this ") + type_word(d.type), 3);
    vspace(4);
    bool submit =
        text_field("Title", d.title,
                   {.focus = d.focus_title, .enabled = !d.busy, .error = error_on(d, "title")});
    vspace(6);
    submit |= text_field("Label", d.label,
                         {.hint = "Tutorial, Exercise, …",
                          .width = std::min(column_width(), 320_s),
                          .enabled = !d.busy,
                          .error = error_on(d, "label")});
    vspace(8);
    label("Status");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2_s);
    std::vector<std::string> options = {"Available", "Unavailable"};
    std::vector<Status> values = {Status::available, Status::unavailable};
    if (can_be_archived(d.type)) {
        options.push_back("Archived");
        values.push_back(Status::archived);
    }
    int selected = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == d.status) selected = static_cast<int>(i);
    if (segmented("status", options, selected, !d.busy)) d.status = values[selected];
    muted(d.status == Status::available     ? "Students who take the module can open it."
          : d.status == Status::unavailable ? "Only its editors see it."
                                            : "It leaves the list of modules.",
          FontRole::small);
    if (d.type != PartType::module) {
        vspace(8);
        label("Display");
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2_s);
        int mode = d.display_mode == DisplayMode::three_pane_html ? 1 : 0;
        if (segmented("display", {"Text only", "Three panes (HTML, CSS, JavaScript)"}, mode,
                      !d.busy))
            d.display_mode = mode ? DisplayMode::three_pane_html : DisplayMode::text_only;
        muted(mode ? "The lesson beside the learner's files and a live preview of them."
                   : "The lesson as a page to read.",
              FontRole::small);
    } else {
        vspace(12);
        heading("Who may take it", 3);
        muted("Leave both empty to let anyone signed in take it. With both set, a learner "
              "needs the password and an address in one of the domains.",
              FontRole::small);
        vspace(4);
        submit |= text_field(
            "Module password", d.password,
            {.password = true,
             .hint = d.has_password ? "Leave empty to keep the current one" : "No password",
             .width = std::min(column_width(), 360_s),
             .enabled = !d.busy && !d.remove_password,
             .error = error_on(d, "password")});
        if (d.has_password) {
            vspace(2);
            bool remove = d.remove_password;
            if (toggle("Remove the password", remove)) d.remove_password = remove;
        }
        vspace(6);
        submit |= text_field("Email domains", d.email_domains,
                             {.hint = "example.org, school.example",
                              .enabled = !d.busy,
                              .error = error_on(d, "email_domains")});
    }
    draw_buttons_end(d, "Save", "Saving…", ButtonKind::primary, true, submit, a.tree.save,
                     a.tree.cancel);
    probe::end_region();
    end_panel();
}

void draw_remove_dialog(TreeDialog& d, Actions& a) {
    vspace(8);
    begin_panel(20);
    probe::begin_region("dialog", "Delete " + in_quotes(d.title) + "?");
    heading("Delete " + in_quotes(d.title) + "?", 3);
    vspace(2);
    if (d.impact.ready()) {
        paragraph(api::describe_delete_impact(d.title, d.impact.value));
        muted("This cannot be undone.", FontRole::small);
    } else if (d.impact.failed()) {
        error_box(d.impact.error);
    } else {
        muted("Counting what goes with it…");
    }
    bool cancel = false, confirm = false;
    draw_buttons_end(d, "Delete", "Deleting…", ButtonKind::danger, d.impact.ready(), false, confirm,
                     cancel);
    if (confirm) a.tree.confirm_delete = true;
    if (cancel) a.tree.cancel = true;
    probe::end_region();
    end_panel();
}

struct RowSpan {
    float top = 0, card_bottom = 0, bottom = 0;
};

// Where a row dragged to pointer height `y` lands: the gap before the first
// row whose middle is below it.
int gap_at(const std::vector<RowSpan>& rows, float y) {
    int gap = 0;
    for (const auto& r : rows)
        if ((r.top + r.card_bottom) * 0.5f < y) ++gap;
    return gap;
}

} // namespace

void draw_node_tools(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    if (!v.can.edit && !v.can.del) return;
    TreeDialog& d = s.tree.dialog;
    const bool mine =
        d.node == v.part.id && (d.kind == TreeDialogKind::edit || d.kind == TreeDialogKind::remove);
    vspace(4);
    // Named with the node's kind: "Edit" and "Delete" alone are the timed
    // actions' buttons further down.
    const std::string edit = std::string("Edit ") + type_word(v.part.type);
    const std::string remove = std::string("Delete ") + type_word(v.part.type);
    if (v.can.edit) {
        if (button(edit.c_str(), ButtonKind::secondary, !(mine && d.busy))) a.tree.edit = v.part.id;
        if (v.can.del) ImGui::SameLine(0, 8_s);
    }
    if (v.can.del && button(remove.c_str(), ButtonKind::danger, !(mine && d.busy)))
        a.tree.remove = v.part.id;
    if (!mine) return;
    if (d.kind == TreeDialogKind::edit)
        draw_edit_dialog(d, a);
    else
        draw_remove_dialog(d, a);
}

void draw_editable_children(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    TreeEditState& t = s.tree;
    const PartType child_type = v.part.type == PartType::module ? PartType::part : PartType::page;
    const char* child_word = type_word(child_type);
    if (v.children.empty()) muted(std::string("No ") + child_word + "s yet.");

    const float x0 = ImGui::GetCursorScreenPos().x;
    const float width = column_width();
    const float row_h = 58_s, grip_w = 28_s, gap = 8_s;
    const float arrange_w = button_width("Arrange", ButtonKind::secondary);
    std::vector<RowSpan> rows;
    int dragged = -1;
    bool dropped = false;
    const int n = static_cast<int>(v.children.size());
    for (int i = 0; i < n; ++i) {
        const PartSummary& child = v.children[static_cast<std::size_t>(i)];
        ImGui::PushID(static_cast<int>(child.id));
        RowSpan span;
        span.top = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(x0, span.top));
        const std::string grip_label = "Drag " + in_quotes(child.title);
        const GripState grip = drag_grip(grip_label.c_str(), row_h);
        if (grip.held || grip.released) {
            dragged = i;
            dropped = grip.released;
        }
        ImGui::SetCursorScreenPos(ImVec2(x0 + grip_w + gap, span.top));
        begin_width(width - grip_w - arrange_w - 2 * gap);
        std::string meta = child.label;
        if (child.status != Status::available)
            meta += (meta.empty() ? "" : " · ") + std::string("Not available");
        const std::string id = std::string(child_word) + std::to_string(child.id);
        if (list_row(i + 1, child.title, meta, id.c_str(), upcoming_mark(child.pending_tasks)))
            a.navigate = route_part(child.id);
        end_width();
        const float bh = ImGui::GetFontSize() + 20_s;
        ImGui::SetCursorScreenPos(ImVec2(x0 + width - arrange_w, span.top + (row_h - bh) * 0.5f));
        if (button("Arrange", ButtonKind::secondary, !t.reordering)) a.tree.arrange = child.id;
        span.card_bottom = span.top + row_h;
        ImGui::SetCursorScreenPos(ImVec2(x0, span.card_bottom + 6_s));
        if (t.arrange_open == child.id) {
            const float indent = x0 + grip_w + gap;
            // Beside the last one while it fits the column, else under the first.
            const auto next = [&](const char* label) {
                if (ImGui::GetItemRectMax().x + gap + button_width(label, ButtonKind::secondary) <=
                    x0 + width)
                    ImGui::SameLine(0, gap);
                else
                    ImGui::SetCursorScreenPos(ImVec2(indent, ImGui::GetCursorScreenPos().y));
            };
            ImGui::SetCursorScreenPos(ImVec2(indent, span.card_bottom + 4_s));
            if (button("Move up", ButtonKind::secondary, i > 0 && !t.reordering))
                a.tree.move = TreeMove{child.id, -1};
            next("Move down");
            if (button("Move down", ButtonKind::secondary, i + 1 < n && !t.reordering))
                a.tree.move = TreeMove{child.id, +1};
            next("Add before");
            if (button("Add before", ButtonKind::secondary))
                a.tree.create =
                    TreeCreateAsk{v.part.id, child_type, i, "before " + in_quotes(child.title)};
            next("Add after");
            if (button("Add after", ButtonKind::secondary))
                a.tree.create =
                    TreeCreateAsk{v.part.id, child_type, i + 1, "after " + in_quotes(child.title)};
        }
        span.bottom = ImGui::GetCursorScreenPos().y;
        ImGui::Dummy(ImVec2(1, 0));
        rows.push_back(span);
        ImGui::PopID();
    }

    // A row held by its grip lands in the gap nearest the pointer.
    if (dragged >= 0) {
        const float y = ImGui::GetIO().MousePos.y;
        const int to_gap = gap_at(rows, y);
        const int to = to_gap > dragged ? to_gap - 1 : to_gap;
        if (!dropped && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && to != dragged) {
            const float line_y = to_gap == 0
                                     ? rows.front().top - 3_s
                                     : rows[static_cast<std::size_t>(to_gap - 1)].bottom - 3_s;
            drop_line(x0, line_y, width);
        }
        if (dropped && to != dragged) {
            std::vector<Id> ids;
            for (const auto& c : v.children)
                ids.push_back(c.id);
            const Id moving = ids[static_cast<std::size_t>(dragged)];
            ids.erase(ids.begin() + dragged);
            ids.insert(ids.begin() + to, moving);
            a.tree.reorder = TreeReorder{v.part.id, ids};
        }
    }
    if (t.reordering) muted("Saving the new order…", FontRole::small);
    if (!t.reorder_error.empty()) error_box(t.reorder_error);

    vspace(6);
    const TreeDialog& d = t.dialog;
    const bool creating = d.kind == TreeDialogKind::create && d.node == v.part.id;
    const std::string add = std::string("Add ") + child_word;
    if (!creating && button(add.c_str(), ButtonKind::secondary))
        a.tree.create = TreeCreateAsk{v.part.id, child_type, -1, ""};
    if (creating) draw_create_dialog(t.dialog, a);
}

void draw_new_module(AppState& s, Actions& a) {
    if (!tree_edit::may_create_module(s)) return;
    TreeDialog& d = s.tree.dialog;
    const bool creating = d.kind == TreeDialogKind::create && d.node == 0;
    vspace(6);
    if (!creating && button("New module", ButtonKind::primary))
        a.tree.create = TreeCreateAsk{0, PartType::module, -1, ""};
    if (!creating) draw_import_module(s, a);
    if (creating) draw_create_dialog(d, a);
}

} // namespace wte::client
