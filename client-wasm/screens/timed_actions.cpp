// The "Timed actions" panel under the title of a module, part or page the
// teacher may edit: its scheduled status changes (local time, status, error),
// the add / edit form and delete with confirmation. Drawn only; app/
// timed_actions.cpp loads, checks and saves.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"
#include "wte/rules.hpp"
#include "wte/timed_task.hpp"

#include <imgui.h>

#include <initializer_list>
#include <utility>

namespace wte::client {

using namespace wte::ui;

namespace {

const char* task_status_text(TaskStatus s) {
    switch (s) {
    case TaskStatus::ready:
        return "Ready";
    case TaskStatus::running:
        return "Running";
    case TaskStatus::completed:
        return "Completed";
    case TaskStatus::failed:
        return "Failed";
    }
    return "";
}

Tone task_status_tone(TaskStatus s) {
    switch (s) {
    case TaskStatus::ready:
        return Tone::accent;
    case TaskStatus::running:
        return Tone::warning;
    case TaskStatus::completed:
        return Tone::success;
    case TaskStatus::failed:
        return Tone::danger;
    }
    return Tone::neutral;
}

std::string what_it_does(const TimedTask& t) {
    if (t.name == task_kind::change_status)
        return "Set status to " + t.options.value("target_status", std::string("?"));
    return t.name;
}

// Buttons laid out from the right end of the row at height y; returns the
// index of the one pressed, or -1.
int buttons_at_right(float y, float right,
                     std::initializer_list<std::pair<const char*, ButtonKind>> bs) {
    float x = right;
    for (auto it = bs.end(); it != bs.begin();) {
        --it;
        x -= button_width(it->first, it->second) + (it + 1 == bs.end() ? 0 : 8_s);
    }
    int pressed = -1, i = 0;
    for (const auto& [text, kind] : bs) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (button(text, kind)) pressed = i;
        x += button_width(text, kind) + 8_s;
        ++i;
    }
    return pressed;
}

void divider() {
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p0, ImVec2(p0.x + column_width(), p0.y), palette().border,
                                        1_s);
    vspace(1);
}

void draw_task_row(const TimedActionsPanel& panel, const ListedTimedTask& row, Actions& a) {
    const TimedTask& t = row.task;
    const bool confirming = panel.confirm_delete == t.id;
    const bool editing = panel.form.open && panel.form.task_id == t.id;
    ImGui::PushID(static_cast<int>(t.id));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float right = top.x + column_width();

    // Left: when, a status pill beside it, what it does below.
    const float buttons_w = button_width("Edit", ButtonKind::secondary) +
                            button_width("Delete", ButtonKind::danger) + 8_s + 16_s;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width() - buttons_w);
    heading(row.when, 3);
    const ImVec2 after_when = ImGui::GetItemRectMax();
    paragraph(what_it_does(t));
    if (!row.ran.empty() && t.status != TaskStatus::ready)
        muted((t.status == TaskStatus::failed ? "Tried " : "Ran ") + row.ran, FontRole::small);
    ImGui::PopTextWrapPos();
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    {
        ImFont* h3 = font(FontRole::h3);
        const float pill_h = font(FontRole::small_bold)->FontSize + 4_s;
        ImGui::SetCursorScreenPos(
            ImVec2(after_when.x + 10_s, after_when.y - (h3->FontSize + pill_h) * 0.5f));
        status_pill(task_status_text(t.status), task_status_tone(t.status));
    }

    if (!confirming) {
        const int pressed =
            buttons_at_right(top.y + 2_s, right,
                             {{editing ? "Editing…" : "Edit", ButtonKind::secondary},
                              {"Delete", ButtonKind::danger}});
        if (pressed == 0 && !editing) a.timed.edit = t.id;
        if (pressed == 1) a.timed.ask_delete = t.id;
    }
    ImGui::SetCursorScreenPos(bottom);
    if (t.status == TaskStatus::failed && t.error) error_box(*t.error);

    if (confirming) {
        vspace(4);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bh = ImGui::GetFontSize() + 20_s;
        {
            FontScope f(FontRole::body);
            const float th = ImGui::GetTextLineHeight();
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (bh - th) * 0.5f));
            paragraph(panel.deleting ? "Deleting…" : "Delete this timed action?");
        }
        const int pressed = buttons_at_right(
            at.y, right, {{"Cancel", ButtonKind::secondary}, {"Delete", ButtonKind::danger}});
        if (pressed == 0) a.timed.ask_delete = 0;
        if (pressed == 1 && !panel.deleting) a.timed.confirm_delete = t.id;
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + bh));
        ImGui::Dummy(ImVec2(1, 0));
    }
    ImGui::PopID();
}

void draw_form(AppState& s, Actions& a) {
    TimedTaskForm& f = s.timed.form;
    const PartType type = s.part.view.value.part.type;
    heading(f.task_id ? "Change timed action" : "New timed action", 3);
    vspace(6);

    bool submit = false;
    const float gap = 16_s;
    ImGui::BeginGroup();
    submit |=
        text_field("Date", f.date, {.hint = "YYYY-MM-DD", .width = 170_s, .enabled = !f.busy});
    ImGui::EndGroup();
    // Beside the date, top-aligned (SameLine would lower the label to the
    // text baseline of the date's input frame).
    const ImVec2 date_min = ImGui::GetItemRectMin(), date_max = ImGui::GetItemRectMax();
    ImGui::SetCursorScreenPos(ImVec2(date_max.x + gap, date_min.y));
    ImGui::BeginGroup();
    submit |= text_field("Time", f.time, {.hint = "HH:MM", .width = 110_s, .enabled = !f.busy});
    ImGui::EndGroup();
    muted("In your time zone (" + f.zone + "), to the minute.", FontRole::small);
    vspace(10);

    label("Target status");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2_s);
    std::vector<std::string> options = {"Available", "Unavailable"};
    std::vector<Status> values = {Status::available, Status::unavailable};
    if (can_be_archived(type)) {
        options.push_back("Archived");
        values.push_back(Status::archived);
    }
    int selected = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == f.target) selected = static_cast<int>(i);
    if (segmented("target", options, selected, !f.busy)) f.target = values[selected];
    muted(f.target == Status::available     ? "Students will be able to open it."
          : f.target == Status::unavailable ? "Only its editors will see it."
                                            : "It will leave the list of modules.",
          FontRole::small);

    if (!f.error.empty()) {
        vspace(4);
        error_box(f.error);
    }
    vspace(10);
    if (button(f.busy ? "Saving…###Save" : "Save###Save", ButtonKind::primary, !f.busy) || submit)
        a.timed.save = true;
    ImGui::SameLine(0, 8_s);
    if (button("Cancel", ButtonKind::secondary, !f.busy)) a.timed.cancel = true;
}

} // namespace

void draw_timed_actions(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    if (!v.can.edit) return;
    vspace(8);
    TimedActionsPanel& panel = s.timed;
    const bool mine = panel.part_id == v.part.id;
    if (panel.expanded && !mine) a.timed.load = v.part.id;

    std::string detail;
    if (mine && panel.tasks.ready()) {
        int upcoming = 0;
        for (const auto& row : panel.tasks.value)
            if (row.task.status == TaskStatus::ready) ++upcoming;
        detail = upcoming == 0   ? "None upcoming"
                 : upcoming == 1 ? "1 upcoming"
                                 : std::to_string(upcoming) + " upcoming";
    } else if (v.pending_tasks) {
        detail = "Upcoming";
    }
    if (disclosure("Timed actions", panel.expanded, detail)) a.timed.toggle = true;
    if (!panel.expanded) return;

    vspace(8);
    begin_panel(20);
    const char* what = v.part.type == PartType::module ? "module"
                       : v.part.type == PartType::part ? "part"
                                                       : "page";
    if (!mine || panel.tasks.loading()) {
        muted("Loading timed actions…");
    } else if (panel.tasks.failed()) {
        error_box(panel.tasks.error);
        vspace(6);
        if (button("Retry", ButtonKind::secondary)) a.timed.load = v.part.id;
    } else {
        if (panel.tasks.value.empty())
            muted(std::string("Nothing is scheduled. A timed action changes the status of this ") +
                  what + " at a set time, for example to open it to students on a given morning.");
        for (std::size_t i = 0; i < panel.tasks.value.size(); ++i) {
            if (i > 0) {
                vspace(8);
                divider();
                vspace(8);
            }
            draw_task_row(panel, panel.tasks.value[i], a);
        }
        if (!panel.error.empty()) {
            vspace(6);
            error_box(panel.error);
        }
        vspace(12);
        if (panel.form.open) {
            divider();
            vspace(12);
            draw_form(s, a);
        } else if (button("Add timed action", ButtonKind::secondary)) {
            a.timed.edit = 0;
        }
    }
    end_panel();
}

} // namespace wte::client

namespace wte::client {

using namespace wte::ui;

void draw_part_marks(const PartView& v) {
    const bool status = v.part.status != Status::available;
    if (status) badge(v.part.status == Status::archived ? "Archived" : "Not available to students");
    if (v.pending_tasks) {
        if (status) ImGui::SameLine(0, 8_s);
        clock_badge(upcoming_mark(true));
    }
}

} // namespace wte::client
