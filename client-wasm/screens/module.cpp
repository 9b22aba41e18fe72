// Module page (#/parts/N for a module): summary, taking or leaving the module
// (with a password field when the module has one, errors in place), and its
// parts grouped by label ("Tutorial", "Exercise", ...), each with the
// learner's pages visited of those available (one request for the module).
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <utility>

namespace wte::client {

using namespace wte::ui;

namespace {

void draw_enrolment(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    const Id id = v.part.id;
    switch (v.my_role) {
    case ModuleRole::none: {
        begin_panel();
        heading("Take this module", 3);
        std::string why =
            "Taking the module adds it to My modules and keeps track of your progress.";
        if (!v.access.email_domains.empty()) {
            why += " It is open to addresses ending in";
            for (std::size_t i = 0; i < v.access.email_domains.size(); ++i)
                why += (i ? ", @" : " @") + v.access.email_domains[i];
            why += ".";
        }
        muted(why);
        bool submit = false;
        if (v.access.has_password) {
            vspace(2);
            submit = text_field("Module password", s.part.enrol.password,
                                {.password = true,
                                 .hint = "Given by your teacher",
                                 .width = std::min(column_width(), 360_s),
                                 .enabled = !s.part.enrol.busy});
        }
        if (!s.part.enrol.error.empty()) error_box(s.part.enrol.error);
        vspace(4);
        if (button(s.part.enrol.busy ? "Taking the module…###Take this module"
                                     : "Take this module###Take this module",
                   ButtonKind::primary, !s.part.enrol.busy) ||
            submit)
            a.part.enrol = id;
        end_panel();
        break;
    }
    case ModuleRole::student:
        if (!s.part.enrol.confirm_leave) {
            if (notice_box("You are taking this module.", "Leave this module"))
                a.part.ask_leave = true;
        } else {
            begin_panel();
            heading("Leave this module?", 3);
            paragraph("Your progress in it is removed: the pages you visited, your time on "
                      "them and where you left off. Your quiz answers are kept, so they are "
                      "still there if you take the module again.");
            vspace(6);
            if (button("Stay", ButtonKind::secondary, !s.part.enrol.busy))
                a.part.cancel_leave = true;
            ImGui::SameLine(0, 8_s);
            if (button(s.part.enrol.busy ? "Leaving…###Leave the module"
                                         : "Leave the module###Leave the module",
                       ButtonKind::danger, !s.part.enrol.busy))
                a.part.leave = id;
            end_panel();
        }
        if (!s.part.enrol.error.empty()) error_box(s.part.enrol.error);
        break;
    case ModuleRole::owner:
        notice_box("You own this module.");
        break;
    case ModuleRole::tutor:
        notice_box("You are a tutor of this module.");
        break;
    case ModuleRole::block:
        error_box("You cannot take this module.");
        break;
    }
}

} // namespace

void draw_module(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    draw_part_breadcrumb(s, a);
    vspace(4);
    heading(v.part.title, 1);
    draw_files_button(s, a); // at the title's right end
    draw_part_marks(v);
    draw_node_tools(s, a);
    draw_teacher_links(s, a);
    draw_notify(s, a);
    draw_transfer_tools(s, a);
    draw_edit_content_button(v, a);
    draw_timed_actions(s, a);
    if (!v.part.content.empty()) {
        vspace(2);
        draw_page_content(s, v.part.content, v.part.title);
    }
    vspace(12);
    draw_enrolment(s, a);
    if (v.can.edit) {
        // Editors see every part in its order, to drag and arrange.
        vspace(20);
        heading("Parts", 2);
        vspace(2);
        draw_editable_children(s, a);
        return;
    }

    // Parts grouped by label, groups in the order their first part appears.
    std::vector<std::pair<std::string, std::vector<const PartSummary*>>> groups;
    for (const auto& child : v.children) {
        const std::string label = child.label.empty() ? "Parts" : child.label;
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == label; });
        if (it == groups.end()) {
            groups.push_back({label, {}});
            it = std::prev(groups.end());
        }
        it->second.push_back(&child);
    }
    for (const auto& [label, parts] : groups) {
        vspace(20);
        heading(label, 2);
        vspace(2);
        int n = 0;
        for (const PartSummary* part : parts) {
            const std::string id = "part" + std::to_string(part->id);
            const std::string meta = part->status == Status::available ? "" : "Not available";
            RowProgress row;
            if (const auto* mine = progress::of_part_in_module(s, v.part.id, part->id)) {
                row.pages_done = mine->visited_pages;
                row.pages = mine->available_pages;
            }
            if (list_row(++n, part->title, meta, id.c_str(), upcoming_mark(part->pending_tasks),
                         row))
                a.navigate = route_part(part->id);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2_s);
        }
    }
    if (v.children.empty()) {
        vspace(16);
        // The server lists parts only to members: say so to everyone else.
        muted(v.my_role == ModuleRole::none ? "Take the module to see its parts."
                                            : "This module has no parts yet.");
    }
}

} // namespace wte::client
