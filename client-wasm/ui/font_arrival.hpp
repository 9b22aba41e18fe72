// Fonts that arrive after the first frame: the loader fetches rare faces
// (bold italic) late, and ui::build_fonts draws them with a fallback face
// until they are here. The frame loop asks each frame and rebuilds the atlas.
#pragma once

#include "ui/theme.hpp"

namespace wte::ui {

// Whether a face drawn with its fallback has arrived since the last build.
bool late_font_arrived(FontBytes font_bytes);
// Changes with every build of the atlas: ImFont pointers kept across frames
// (laid-out pages) are stale when it differs.
int fonts_generation();

} // namespace wte::ui
