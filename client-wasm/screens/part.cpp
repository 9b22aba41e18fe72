// Part page (#/parts/N for a part): its introduction and its pages, in order;
// for a learner also their progress (app/progress.hpp): where to continue,
// pages visited of those available, time spent, quiz results, and a gentle
// note when the pages went by too quickly.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : " · ") + p;
    return out;
}

const api::PageProgress* page_progress(const api::PartProgress* p, Id page) {
    if (!p) return nullptr;
    for (const auto& entry : p->pages)
        if (entry.page_id == page) return &entry;
    return nullptr;
}

void draw_learner_progress(const AppState& s, const PartView& v, Actions& a) {
    const auto& remote = s.progress.part;
    const api::PartProgress* p = progress::of_part(s, v.part.id);
    if (!p) {
        if (s.progress.part_id == v.part.id && remote.failed())
            muted("Your progress cannot be shown: " + remote.error, FontRole::small);
        return;
    }
    if (p->available_pages == 0) return; // nothing to read yet: no bar, no button
    vspace(12);
    begin_panel(20);
    heading("Your progress", 3);
    vspace(2);
    progress_bar(std::to_string(p->visited_pages) + " of " + std::to_string(p->available_pages) +
                     " pages",
                 p->visited_pages, p->available_pages);
    vspace(2);
    const std::string time = progress::duration_text(p->seconds);
    const std::string line =
        joined({time.empty() ? "" : "Time spent: " + time,
                progress::quiz_text({p->quiz_questions, p->quiz_answered, p->quiz_correct}, true)});
    if (!line.empty()) muted(line);
    if (p->skimming) {
        vspace(4);
        note_box("You moved through these pages quickly — under 20 seconds on average. Take "
                 "your time with the examples.");
    }
    vspace(6);
    const api::PageProgress* current =
        p->current_page_id ? page_progress(p, *p->current_page_id) : nullptr;
    if (current) {
        std::string label = "Continue where you left off: " + current->title;
        // On two lines where one does not fit (a phone): the same words.
        if (button_width(label.c_str()) > column_width())
            label = "Continue where you left off:\n" + current->title;
        if (button(label.c_str())) a.navigate = route_part(current->page_id);
    } else if (button("Start")) {
        a.navigate = route_part(p->pages.front().page_id);
    }
    end_panel();
}

} // namespace

void draw_part(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    draw_part_breadcrumb(s, a);
    vspace(4);
    if (!v.part.label.empty()) muted(v.part.label, FontRole::small_bold);
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
    const bool learner = progress::has_progress(v);
    if (learner) draw_learner_progress(s, v, a);
    vspace(16);
    heading("Pages", 2);
    vspace(2);
    if (v.can.edit) {
        draw_editable_children(s, a);
        return;
    }
    if (v.children.empty()) {
        muted("This part has no pages yet.");
        return;
    }
    const api::PartProgress* p = learner ? progress::of_part(s, v.part.id) : nullptr;
    int n = 0;
    for (const auto& page : v.children) {
        const std::string id = "page" + std::to_string(page.id);
        const api::PageProgress* mine = page_progress(p, page.id);
        const std::string meta = joined({page.status == Status::available ? "" : "Not available",
                                         mine ? progress::duration_text(mine->seconds) : "",
                                         mine ? progress::quiz_text(mine->quiz, false) : ""});
        RowProgress row;
        row.done = mine && mine->visited;
        if (list_row(++n, page.title, meta, id.c_str(), upcoming_mark(page.pending_tasks), row))
            a.navigate = route_part(page.id);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2_s);
    }
}

} // namespace wte::client
