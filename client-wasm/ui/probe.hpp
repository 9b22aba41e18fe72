// The UI test bridge (window.wteTest): every widget wrapper and text helper
// reports what it drew with its rectangle; once per frame the list is
// published to JavaScript, in CSS pixels relative to the page viewport, only
// when it changed.
#pragma once

#include <imgui.h>

#include <string>

namespace wte::ui::probe {

void begin_frame();
// Records the last ImGui item as a widget: kind is "button", "input",
// "checkbox", "link", "tab", ...
void widget(const std::string& label, const char* kind, bool enabled = true, bool checked = false,
            bool focused = false);
// Adds a numeric value and its maximum to the widget recorded last (a progress bar).
void widget_range(double value, double max);
// Records a widget drawn without an ImGui item of its own (inside a card).
void widget_rect(const std::string& label, const char* kind, ImVec2 min, ImVec2 max);
// Records the last ImGui item, or an explicit rectangle, as drawn text.
// Adds the text of a text field to the widget recorded last (never for
// password fields).
void widget_value(const std::string& value);
void text(const std::string& text);
void text_rect(const std::string& text, ImVec2 min, ImVec2 max);
// The label shown to people: what ImGui draws before "##".
std::string visible_label(const char* label);
// Screen, route, widgets and texts of the frame that just ended as JSON for
// window.wteTest; empty when nothing changed since the last frame.
std::string end_frame(const std::string& screen, const std::string& route);

} // namespace wte::ui::probe
