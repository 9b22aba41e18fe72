// "Export", "Offline copy" and "Import…" on the module and part screens (and
// Export on pages), "Import a module…" beside "New module", and the import
// panel: choose or drop a ZIP, its upload's progress, then what was created
// or why not. Drawn only; app/transfer.cpp sends.
#include "app/transfer.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

void draw_import_panel(AppState& s, Actions& a, const char* what) {
    ImportPanel& p = s.import_panel;
    vspace(8);
    begin_panel(16);
    heading(p.parent ? "Import into this" : "Import a module", 3);
    muted(std::string("A ZIP exported from WTE (this one or the original): ") + what +
              ". Choose it, or drop it anywhere on this screen.",
          FontRole::small);
    vspace(8);
    if (p.busy()) {
        progress_bar("Uploading " + p.filename, static_cast<int>(p.sent / 1024),
                     static_cast<int>(std::max(p.total, 1.0) / 1024));
        // Told at the start and at each quarter, not at every step.
        const int quarter = p.total > 0 ? static_cast<int>(std::min(4.0, 4 * p.sent / p.total)) : 0;
        probe::announce("Uploading " + p.filename + ": " + std::to_string(quarter * 25) + "%",
                        "status");
        keep_animating();
    } else {
        if (button("Choose a ZIP…", ButtonKind::primary)) a.transfer.pick = true;
        ImGui::SameLine(0, 8_s);
        if (button("Close", ButtonKind::secondary)) a.transfer.close_import = true;
    }
    if (!p.error.empty()) {
        vspace(6);
        error_box(p.filename.empty() ? p.error : p.filename + ": " + p.error);
    }
    if (p.created_id) {
        vspace(6);
        notice_box("Imported “" + p.created_title + "”. " + p.created_summary);
        if (link("Open “" + p.created_title + "”", FontRole::body, "##open-imported"))
            a.navigate = route_part(p.created_id);
    }
    // Files dragged over the screen: where they will land.
    if (const auto hover = s.files.hover; hover.active) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::GetForegroundDrawList()->AddRect(
            ImVec2(vp->Pos.x + 6_s, vp->Pos.y + 6_s),
            ImVec2(vp->Pos.x + vp->Size.x - 6_s, vp->Pos.y + vp->Size.y - 6_s), palette().accent,
            8_s, 0, 3_s);
    }
    end_panel();
}

} // namespace

void draw_transfer_tools(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    const bool node = v.part.type != PartType::page;
    if (!v.can.edit && !node) return;
    vspace(6);
    bool first = true;
    auto next = [&] {
        if (!first) ImGui::SameLine(0, 8_s);
        first = false;
    };
    if (v.can.edit) {
        next();
        if (button("Export", ButtonKind::subtle)) a.transfer.export_node = v.part.id;
    }
    if (node) {
        next();
        if (button("Offline copy", ButtonKind::subtle)) a.transfer.offline_copy = v.part.id;
    }
    if (v.can.edit && node && !transfer::panel_here(s)) {
        next();
        if (button("Import…", ButtonKind::subtle))
            a.transfer.open_import = std::optional<Id>(v.part.id);
    }
    if (transfer::panel_here(s))
        draw_import_panel(s, a,
                          v.part.type == PartType::module ? "a part goes into a module"
                                                          : "a page goes into a part");
}

void draw_import_module(AppState& s, Actions& a) {
    if (!transfer::panel_here(s)) {
        ImGui::SameLine(0, 8_s);
        if (button("Import a module…", ButtonKind::secondary))
            a.transfer.open_import = std::optional<Id>();
        return;
    }
    draw_import_panel(s, a, "a module, which becomes yours");
}

} // namespace wte::client
