// Page view (#/parts/N for a page): title and content on a reading surface,
// then previous / next and a page picker among the available pages of the
// same part (part_view::readable_pages; when the part is known: the app
// fetches it in the background after a deep link).
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

void draw_page(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    draw_part_breadcrumb(s, a);
    vspace(4);
    heading(v.part.title, 1);
    draw_files_button(s, a); // at the title's right end
    draw_part_marks(v);
    draw_node_tools(s, a);
    draw_transfer_tools(s, a);
    draw_edit_content_button(v, a);
    draw_timed_actions(s, a);
    vspace(6);
    begin_panel(48);
    if (v.part.content.empty())
        muted("This page is empty.");
    else
        draw_page_content(s, v.part.content, v.part.title);
    end_panel();

    // Previous / next among the siblings.
    if (!v.part.parent_id) return;
    const PartView* parent = s.parts.find(*v.part.parent_id);
    if (!parent) return;
    const auto siblings = part_view::readable_pages(*parent, v.part.id);
    std::size_t i = 0;
    while (i < siblings.size() && siblings[i]->id != v.part.id)
        ++i;
    if (i == siblings.size()) return;
    vspace(12);
    const float width = column_width();
    const float x0 = ImGui::GetCursorPosX();
    if (i > 0) {
        if (button("‹ Previous", ButtonKind::secondary))
            a.navigate = route_part(siblings[i - 1]->id);
    }
    if (i + 1 < siblings.size()) {
        if (i > 0) ImGui::SameLine();
        FontScope f(FontRole::bold);
        const float bw = ImGui::CalcTextSize("Next ›").x + 36_s;
        ImGui::SetCursorPosX(x0 + width - bw);
        if (button("Next ›", ButtonKind::primary)) a.navigate = route_part(siblings[i + 1]->id);
    }
    // The page picker: any page of the part in one step.
    vspace(8);
    std::vector<std::string> titles;
    for (std::size_t k = 0; k < siblings.size(); ++k)
        titles.push_back(std::to_string(k + 1) + ". " + siblings[k]->title);
    muted("Page " + std::to_string(i + 1) + " of " + std::to_string(siblings.size()),
          FontRole::small);
    const int picked = picker("Go to page", titles, static_cast<int>(i));
    if (picked >= 0) a.navigate = route_part(siblings[picked]->id);
}

} // namespace wte::client
