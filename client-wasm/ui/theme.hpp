// The look of the client in one place: the colour palette (light, dark or
// high contrast, switched by one call), the UI scale (devicePixelRatio) with the
// `_s` literal for sizes, and the fonts by role.
#pragma once

#include <imgui.h>
#include <wte/domain.hpp>

#include <vector>

namespace wte::ui {

struct Palette {
    ImU32 background;     // behind everything
    ImU32 surface;        // cards, panels
    ImU32 surface_hover;  // a card under the mouse
    ImU32 surface_sunken; // top bar, quiet areas
    ImU32 border;
    ImU32 border_strong;
    ImU32 text;
    ImU32 text_muted;
    ImU32 heading;
    ImU32 accent; // primary buttons, active tab, links
    ImU32 accent_hover;
    ImU32 accent_active;
    ImU32 on_accent;   // text on accent
    ImU32 accent_soft; // badges, selected rows
    ImU32 link;
    ImU32 link_hover;
    ImU32 danger;
    ImU32 danger_soft; // error box background
    ImU32 success;
    ImU32 success_soft;
    ImU32 input_bg;
    ImU32 focus_ring;
    ImU32 shadow;
    // Page content: code blocks, admonitions, selection, syntax colours.
    ImU32 code_bg;
    ImU32 warning;
    ImU32 warning_soft;
    ImU32 selection;
    ImU32 syntax_keyword;
    ImU32 syntax_type;
    ImU32 syntax_function;
    ImU32 syntax_string;
    ImU32 syntax_number;
    ImU32 syntax_comment;
    ImU32 syntax_tag;
    ImU32 syntax_attribute;
    ImU32 syntax_punctuation;
    ImU32 syntax_variable;
};

enum class Look { light, dark, high_contrast };
const Palette& palette();
const Palette& palette_of(Look look);
void set_look(Look look);
Look look();
// High contrast wins over dark; the account's light or dark over the browser's.
Look choose_look(bool high_contrast, ThemeChoice theme, bool prefers_dark);
void set_high_contrast(bool on); // high contrast, or light
bool high_contrast();
// The browser asks for less motion (prefers-reduced-motion): no spinning,
// no blinking caret.
void set_reduced_motion(bool on);
bool reduced_motion();

// Device pixels per CSS pixel times the user's zoom (Ctrl + / −). ImGui works
// in device pixels so text is rasterised at the real resolution; sizes are
// written in CSS pixels * scale.
float scale();
void set_scale(float s);
// Device pixels per CSS pixel alone (devicePixelRatio): the canvas's and the
// page's coordinates (the mirror, the text-input bridge) are in CSS pixels.
float device_ratio();
void set_device_ratio(float r);
inline float operator""_s(long double v) {
    return static_cast<float>(v) * scale();
}
inline float operator""_s(unsigned long long v) {
    return static_cast<float>(v) * scale();
}

enum class FontRole {
    body,
    bold,
    italic,
    small,
    small_bold,
    h1,
    h2,
    h3,
    mono,
    bold_italic,
    mono_small,
    count
};
ImFont* font(FontRole role);
float font_size_css(FontRole role);

// (Re)builds the font atlas for the current scale from the TTF files the
// loader fetched. Returns false when a font is missing.
// font_bytes: the file's bytes by name ("NotoSans-Regular.ttf"), empty when missing.
using FontBytes = std::vector<unsigned char> (*)(const char* name);
bool build_fonts(FontBytes font_bytes);
// ImGui style (spacing, rounding, colours) for the current scale and palette.
void apply_style();

struct FontScope {
    explicit FontScope(FontRole role) { ImGui::PushFont(font(role)); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

struct ColorScope {
    ColorScope(ImGuiCol idx, ImU32 colour) { ImGui::PushStyleColor(idx, colour); }
    ~ColorScope() { ImGui::PopStyleColor(); }
    ColorScope(const ColorScope&) = delete;
    ColorScope& operator=(const ColorScope&) = delete;
};

} // namespace wte::ui
