// What the page's mirror gets each frame: only what changed since the last
// frame it got (ui/probe.hpp's end_frame gives the whole frame, for tests).
#pragma once

#include <string>

namespace wte::ui::probe {

// The frame that just ended as JSON, one of:
//  {"full": true, screen, route, widgets, texts, regions, announce}: the whole
//    frame (the first, or records added, removed or reordered, regions changed);
//  {"delta": true, screen, route, announce, "change": [records], "shift": dy}:
//    the same records in the same order; "change" holds those that differ and
//    "shift" (CSS px, may be absent) moves every other record down by dy (a
//    scroll: same content, shifted).
// Every record carries its "key": a widget's kind and ImGui id (its label
// when it has no id), a text's words, and the occurrence among equals; a
// label that changes under one id ("Saving…###Save") is a change. Empty
// when nothing changed. Ends the frame as end_frame does.
std::string end_frame_changes(const std::string& screen, const std::string& route);

} // namespace wte::ui::probe
