// Stand-in for screens/preview_pane.cpp (ws-preview branch): a plain pane
// titled "Preview". Deleted with app/preview_stub.hpp when the real one lands.
#include "app/app_state.hpp"
#include "widgets/widgets.hpp"

namespace wte::client {

using namespace wte::ui;

void draw_preview_pane(AppState& s, Actions&, ImVec2 size) {
    ImGui::BeginChild("##preview", size, true);
    begin_inset(12);
    heading("Preview", 3);
    muted(s.workspace.preview.url.empty() ? "The preview appears when your files are here."
                                          : "Your page is shown here.",
          FontRole::small);
    end_inset();
    ImGui::EndChild();
}

} // namespace wte::client
