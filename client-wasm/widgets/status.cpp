// Loading and error states: a spinner with "Loading…", and an error with the
// reason and a Retry button, so the canvas never looks frozen or empty.
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <cmath>
#include <utility>

namespace wte::ui {

namespace {
bool g_animating = false;
} // namespace

void keep_animating() {
    g_animating = true;
}
bool take_animation_request() {
    return std::exchange(g_animating, false);
}

void spinner(float radius_css) {
    if (!reduced_motion()) keep_animating();
    const float r = radius_css * scale();
    const float thickness = std::max(2.0f, r * 0.22f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 centre(pos.x + r, pos.y + r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& p = palette();
    dl->AddCircle(centre, r - thickness * 0.5f, p.border, 48, thickness);
    const float t = reduced_motion() ? 0.0f : static_cast<float>(ImGui::GetTime());
    const float start = t * 5.0f;
    const float sweep = 1.6f + 0.8f * std::sin(t * 2.0f);
    dl->PathArcTo(centre, r - thickness * 0.5f, start, start + sweep, 32);
    dl->PathStroke(p.accent, 0, thickness);
    ImGui::Dummy(ImVec2(2 * r, 2 * r));
}

void loading_view(const std::string& what) {
    vspace(56);
    const float width = column_width();
    const std::string text = what.empty() ? std::string("Loading…") : "Loading " + what + "…";
    FontScope f(FontRole::body);
    const float r = 18;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x0 + (width - 2 * r * scale()) * 0.5f);
    spinner(r);
    const float tw = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(x0 + (width - tw) * 0.5f);
    muted(text);
}

bool error_view(const std::string& title, const std::string& message) {
    vspace(12);
    heading(title, 2);
    muted(message);
    probe::announce(title + ": " + message, "alert");
    vspace(6);
    return button("Retry");
}

} // namespace wte::ui
