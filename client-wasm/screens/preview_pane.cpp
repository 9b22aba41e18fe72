// The live preview pane of a three-pane part: a header (title, "Reload",
// "Open in new tab"), the learner's page in a sandboxed frame over the rest
// of the pane (or the paused banner), and the page's console under it. The
// frame itself is a DOM overlay (app/preview.hpp places it after the frame):
// this only says where, and which parts of it ImGui windows cover.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace wte::client {

namespace {

using ui::operator""_s;

OverlayRect rect_of(ImVec2 min, ImVec2 max) {
    return {min.x, min.y, max.x - min.x, max.y - min.y};
}

// The parts of the frame's rectangle where it must not cover what ImGui
// draws: outside the window's clip rectangle, and under any window in front
// of this one (popups, tooltips, menus; known from the last frame when they
// open after the pane is drawn).
std::vector<OverlayRect> covered_parts(ImVec2 a, ImVec2 b) {
    std::vector<OverlayRect> holes;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImRect clip = window->ClipRect;
    const float x0 = std::max(a.x, clip.Min.x), y0 = std::max(a.y, clip.Min.y);
    const float x1 = std::min(b.x, clip.Max.x), y1 = std::min(b.y, clip.Max.y);
    if (x1 <= x0 || y1 <= y0) {
        holes.push_back(rect_of(a, b));
        return holes;
    }
    if (y0 > a.y) holes.push_back(rect_of(a, ImVec2(b.x, y0)));
    if (y1 < b.y) holes.push_back(rect_of(ImVec2(a.x, y1), b));
    if (x0 > a.x) holes.push_back(rect_of(ImVec2(a.x, y0), ImVec2(x0, y1)));
    if (x1 < b.x) holes.push_back(rect_of(ImVec2(x1, y0), ImVec2(b.x, y1)));

    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindow* root = window->RootWindow;
    bool in_front = false; // g.Windows is in display order, back to front
    for (ImGuiWindow* w : g.Windows) {
        if (w == root) {
            in_front = true;
            continue;
        }
        if (!in_front || w->RootWindow == root || w->Hidden || !(w->Active || w->WasActive))
            continue;
        const ImRect r = w->Rect();
        const float hx0 = std::max(r.Min.x, a.x), hy0 = std::max(r.Min.y, a.y);
        const float hx1 = std::min(r.Max.x, b.x), hy1 = std::min(r.Max.y, b.y);
        if (hx1 > hx0 && hy1 > hy0) holes.push_back(rect_of(ImVec2(hx0, hy0), ImVec2(hx1, hy1)));
    }
    return holes;
}

ui::Tone tone_of(ConsoleEntry::Level level) {
    switch (level) {
    case ConsoleEntry::Level::error:
        return ui::Tone::danger;
    case ConsoleEntry::Level::warn:
        return ui::Tone::warning;
    case ConsoleEntry::Level::info:
        return ui::Tone::accent;
    case ConsoleEntry::Level::log:
        break;
    }
    return ui::Tone::neutral;
}

// A title at the left and buttons at the right of one row; returns the
// index of the button pressed, or -1.
int header_row(const char* title, const std::string& detail,
               const std::vector<std::pair<const char*, bool>>& buttons) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float row_h = ImGui::GetFontSize() + 20_s;
    float x = start.x + width;
    for (const auto& b : buttons)
        x -= ui::button_width(b.first, ui::ButtonKind::subtle);
    const float title_h = ui::font(ui::FontRole::small_bold)->FontSize;
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + (row_h - title_h) * 0.5f));
    ui::label(title);
    if (!detail.empty()) {
        ImGui::SameLine(0, 10_s);
        ui::muted(detail, ui::FontRole::small);
    }
    int pressed = -1;
    ImGui::SetCursorScreenPos(ImVec2(x, start.y));
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, 0);
        if (ui::button(buttons[i].first, ui::ButtonKind::subtle, buttons[i].second))
            pressed = static_cast<int>(i);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h));
    return pressed;
}

} // namespace

void draw_preview_pane(AppState& state, Actions& actions, ImVec2 size) {
    const PreviewPane& pane = state.preview;
    PreviewActions& a = actions.preview;
    // The watchdog counts the page's silence in app frames: keep them coming.
    if (pane.live() || pane.phase == PreviewPane::Phase::opening) ui::keep_animating();

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8_s, 4_s));
    ImGui::BeginChild("##preview-pane", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    // The boxes and wrapped text of the widgets fit the pane, not the page's column.
    const float width = ui::begin_inset(4);

    switch (header_row("Your page", "",
                       {{"Reload", pane.live()}, {"Open in new tab", !pane.url.empty()}})) {
    case 0:
        a.reload = true;
        break;
    case 1:
        a.open_in_tab = true;
        break;
    default:
        break;
    }

    const float row_h = ImGui::GetFontSize() + 20_s;
    const float console_h = pane.console_open ? std::clamp(size.y * 0.3f, 90_s, 240_s) : 0.0f;
    const ImVec2 frame_min = ImGui::GetCursorScreenPos();
    const float frame_h = std::max(40_s, bottom - frame_min.y - row_h - console_h - 8_s);
    const ImVec2 frame_max(frame_min.x + width, frame_min.y + frame_h);

    if (pane.phase == PreviewPane::Phase::paused) {
        if (ui::warning_box("Your code did not finish — auto-run paused.", "Run again"))
            a.run_again = true;
        ui::muted("An endless loop stops the page from answering. Fix the code, save, "
                  "then run it again.",
                  ui::FontRole::small);
    } else if (pane.phase == PreviewPane::Phase::closed) {
        ui::muted("Nothing to preview.");
    } else {
        const ui::Palette& p = ui::palette();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        // A page without a background shows what is under the frame: white,
        // as in a browser tab, whatever the app's theme.
        dl->AddRectFilled(frame_min, frame_max, IM_COL32(255, 255, 255, 255));
        dl->AddRect(frame_min, frame_max, p.border);
        if (pane.phase != PreviewPane::Phase::running)
            dl->AddText(ImVec2(frame_min.x + 12_s, frame_min.y + 12_s), p.text_muted,
                        "Loading the preview…");
        a.frame = rect_of(frame_min, frame_max);
        a.holes = covered_parts(frame_min, frame_max);
    }
    ImGui::SetCursorScreenPos(ImVec2(frame_min.x, frame_max.y + 8_s));

    const std::string count = pane.console.empty() ? ""
                              : pane.console.size() == 1
                                  ? "1 message"
                                  : std::to_string(pane.console.size()) + " messages";
    switch (header_row("Console", count,
                       {{"Clear", !pane.console.empty()},
                        {pane.console_open ? "Hide console" : "Show console", true}})) {
    case 0:
        a.clear_console = true;
        break;
    case 1:
        a.toggle_console = true;
        break;
    default:
        break;
    }
    if (pane.console_open) {
        std::vector<ui::ConsoleLine> lines;
        lines.reserve(pane.console.size());
        for (const ConsoleEntry& e : pane.console)
            lines.push_back({e.where(), e.text, tone_of(e.level), e.repeats});
        const float h = std::max(40_s, bottom - ImGui::GetCursorScreenPos().y);
        ui::console_view("Console##preview", lines, ImVec2(width, h));
    }
    ui::end_inset();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

} // namespace wte::client
