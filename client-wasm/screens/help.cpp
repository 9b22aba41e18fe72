// The help panel at the right of any screen (state.help, app/help.hpp):
// tabs for authors (writing pages, shortcuts, the workspace), the workspace
// help for learners. Each primer example: its source beside (or, when the
// panel is narrow, above) its rendering by its own PageRenderer.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

void paragraphs(const std::string& text) {
    std::size_t at = 0;
    while (at <= text.size()) {
        const auto end = text.find("\n\n", at);
        paragraph(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        vspace(4);
        at = end + 2;
    }
}

void draw_example(AppState& s, const HelpExample& e, std::size_t index) {
    label(e.title);
    const float width = column_width();
    const float gap = 16_s;
    // Side by side when the panel is wide and the source's lines fit its half.
    float source_w = 0;
    {
        FontScope f(FontRole::mono_small);
        source_w = ImGui::CalcTextSize(e.source.c_str()).x + 20_s;
    }
    const bool side_by_side = width >= 560_s && source_w <= (width - gap) * 0.5f;
    const float half = side_by_side ? (width - gap) * 0.5f : width;
    const float y0 = ImGui::GetCursorPosY();
    source_box(e.source, half);
    const float left_bottom = ImGui::GetCursorPosY();
    if (side_by_side)
        ImGui::SetCursorPosY(y0);
    else
        vspace(4);
    begin_side_column(side_by_side ? half + gap : 0, half);
    if (index < s.help.renderers.size()) {
        ImGui::PushID(static_cast<int>(index));
        s.help.renderers[index]->draw(0, e.source, "");
        ImGui::PopID();
    }
    end_column();
    if (side_by_side && ImGui::GetCursorPosY() < left_bottom) {
        ImGui::SetCursorPosY(left_bottom);
        ImGui::Dummy(ImVec2(1, 0));
    }
    if (!e.note.empty()) muted(e.note, FontRole::small);
    vspace(12);
}

void draw_sections(AppState& s, const std::vector<HelpSection>& sections, bool examples) {
    std::size_t index = 0;
    for (const HelpSection& section : sections) {
        heading(section.title, 3);
        vspace(2);
        if (!section.intro.empty()) {
            paragraphs(section.intro);
            vspace(6);
        }
        for (const HelpExample& e : section.examples) {
            if (examples) draw_example(s, e, index);
            ++index;
        }
        vspace(10);
    }
}

void draw_shortcuts() {
    heading("Editor shortcuts", 3);
    vspace(4);
    for (const HelpShortcut& k : help::editor_shortcuts()) {
        const float x = ImGui::GetCursorPosX();
        {
            const ImVec2 at = ImGui::GetCursorPos();
            source_box(k.keys, 190_s);
            const float after = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(x + 204_s, at.y + 6_s));
            begin_side_column(204_s, column_width() - 204_s);
            paragraph(k.what);
            end_column();
            ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()));
        }
        vspace(4);
    }
    vspace(10);
    heading("In the toolbar", 3);
    paragraph("Insert adds a heading, a list, a code block, a note, a show-hide, a quiz "
              "template, an image or asset, or a cross-reference at the caret. Dropping a "
              "file on the editor uploads it to the part and inserts its reference.");
}

} // namespace

void draw_help_panel(AppState& s, Actions& a, float width) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::BeginChild("##help", ImVec2(width, 0), false);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetWindowPos();
    dl->AddLine(o, ImVec2(o.x, o.y + ImGui::GetWindowHeight()), p.border_strong, 1_s);
    vspace(16);
    begin_inset(20);
    const ImVec2 head = ImGui::GetCursorPos();
    heading("Help", 2);
    {
        const float bw = button_width("Close help", ButtonKind::subtle);
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(head.x + column_width() - bw, head.y));
        if (button("Close help", ButtonKind::subtle)) a.help.close = true;
        ImGui::SetCursorPos(after);
    }
    muted("F1 opens and closes the help; Esc closes it.", FontRole::small);
    vspace(8);
    const bool author = help::is_author(s);
    HelpTab tab = author ? s.help.tab : HelpTab::workspace;
    if (author) {
        if (::wte::ui::tab("Writing pages", tab == HelpTab::writing)) a.help.tab = HelpTab::writing;
        ImGui::SameLine(0, 4_s);
        if (::wte::ui::tab("Shortcuts", tab == HelpTab::shortcuts)) a.help.tab = HelpTab::shortcuts;
        ImGui::SameLine(0, 4_s);
        if (::wte::ui::tab("Workspace", tab == HelpTab::workspace)) a.help.tab = HelpTab::workspace;
        vspace(12);
    }
    switch (tab) {
    case HelpTab::writing:
        muted("Each example shows its source and, beside it, what readers see.");
        vspace(10);
        draw_sections(s, help::primer(), true);
        break;
    case HelpTab::shortcuts:
        draw_shortcuts();
        break;
    case HelpTab::workspace:
        draw_sections(s, help::workspace_help(), false);
        break;
    }
    vspace(24);
    end_inset();
    ImGui::EndChild();
}

} // namespace wte::client
