// Part page (#/parts/N for a part): its introduction and its pages, in order.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

void draw_part(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    draw_part_breadcrumb(s, a);
    vspace(4);
    if (!v.part.label.empty()) muted(v.part.label, FontRole::small_bold);
    heading(v.part.title, 1);
    draw_part_marks(v);
    draw_timed_actions(s, a);
    if (!v.part.content.empty()) {
        vspace(2);
        draw_page_content(s, v.part.content, v.part.title);
    }
    vspace(16);
    heading("Pages", 2);
    vspace(2);
    if (v.children.empty()) {
        muted("This part has no pages yet.");
        return;
    }
    int n = 0;
    for (const auto& page : v.children) {
        const std::string id = "page" + std::to_string(page.id);
        const std::string meta = page.status == Status::available ? "" : "Not available";
        if (list_row(++n, page.title, meta, id.c_str(), upcoming_mark(page.pending_tasks)))
            a.navigate = route_part(page.id);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2_s);
    }
}

} // namespace wte::client
