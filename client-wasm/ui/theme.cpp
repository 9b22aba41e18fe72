// Palettes, scale and fonts. Colours are named for their purpose; screens and
// widgets never write a colour literal, so a theme (light, dark, high
// contrast) is one call to set_look().
#include "ui/theme.hpp"
#include "ui/font_arrival.hpp"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace wte::ui {

namespace {

constexpr Palette calm_palette{
    .background = IM_COL32(246, 247, 249, 255),
    .surface = IM_COL32(255, 255, 255, 255),
    .surface_hover = IM_COL32(243, 246, 253, 255),
    .surface_sunken = IM_COL32(255, 255, 255, 255),
    .border = IM_COL32(227, 230, 235, 255),
    .border_strong = IM_COL32(196, 202, 212, 255),
    .text = IM_COL32(31, 41, 51, 255),
    .text_muted = IM_COL32(95, 107, 122, 255),
    .heading = IM_COL32(17, 24, 39, 255),
    .accent = IM_COL32(47, 95, 208, 255),
    .accent_hover = IM_COL32(38, 79, 176, 255),
    .accent_active = IM_COL32(30, 63, 143, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .accent_soft = IM_COL32(232, 238, 252, 255),
    .link = IM_COL32(47, 95, 208, 255),
    .link_hover = IM_COL32(30, 63, 143, 255),
    .danger = IM_COL32(180, 35, 24, 255),
    .danger_soft = IM_COL32(254, 243, 242, 255),
    .success = IM_COL32(6, 118, 71, 255),
    .success_soft = IM_COL32(236, 253, 243, 255),
    .input_bg = IM_COL32(255, 255, 255, 255),
    .focus_ring = IM_COL32(132, 169, 255, 255),
    .shadow = IM_COL32(16, 24, 40, 14),
    .code_bg = IM_COL32(246, 248, 250, 255),
    .warning = IM_COL32(181, 71, 8, 255),
    .warning_soft = IM_COL32(255, 250, 235, 255),
    .selection = IM_COL32(132, 169, 255, 110),
    .syntax_keyword = IM_COL32(167, 29, 93, 255),
    .syntax_type = IM_COL32(0, 92, 197, 255),
    .syntax_function = IM_COL32(111, 66, 193, 255),
    .syntax_string = IM_COL32(3, 47, 98, 255),
    .syntax_number = IM_COL32(0, 92, 197, 255),
    .syntax_comment = IM_COL32(106, 115, 125, 255),
    .syntax_tag = IM_COL32(26, 120, 50, 255),
    .syntax_attribute = IM_COL32(111, 66, 193, 255),
    .syntax_punctuation = IM_COL32(88, 96, 105, 255),
    .syntax_variable = IM_COL32(168, 70, 0, 255),
};

// Dark: text, links and syntax colours at WCAG AA (4.5:1) or better on
// their backgrounds (tests/unit/theme_contrast.cpp); light accents carry
// dark text.
constexpr Palette dark_palette{
    .background = IM_COL32(13, 17, 23, 255),
    .surface = IM_COL32(22, 27, 34, 255),
    .surface_hover = IM_COL32(33, 39, 48, 255),
    .surface_sunken = IM_COL32(22, 27, 34, 255),
    .border = IM_COL32(48, 54, 61, 255),
    .border_strong = IM_COL32(84, 92, 102, 255),
    .text = IM_COL32(230, 237, 243, 255),
    .text_muted = IM_COL32(157, 167, 179, 255),
    .heading = IM_COL32(240, 246, 252, 255),
    .accent = IM_COL32(88, 166, 255, 255),
    .accent_hover = IM_COL32(121, 184, 255, 255),
    .accent_active = IM_COL32(165, 206, 255, 255),
    .on_accent = IM_COL32(13, 17, 23, 255),
    .accent_soft = IM_COL32(23, 45, 77, 255),
    .link = IM_COL32(88, 166, 255, 255),
    .link_hover = IM_COL32(165, 206, 255, 255),
    .danger = IM_COL32(248, 81, 73, 255),
    .danger_soft = IM_COL32(55, 20, 20, 255),
    .success = IM_COL32(63, 185, 80, 255),
    .success_soft = IM_COL32(18, 45, 25, 255),
    .input_bg = IM_COL32(13, 17, 23, 255),
    .focus_ring = IM_COL32(88, 166, 255, 255),
    .shadow = IM_COL32(0, 0, 0, 60),
    .code_bg = IM_COL32(28, 33, 40, 255),
    .warning = IM_COL32(210, 153, 34, 255),
    .warning_soft = IM_COL32(50, 38, 10, 255),
    .selection = IM_COL32(88, 166, 255, 90),
    .syntax_keyword = IM_COL32(255, 123, 114, 255),
    .syntax_type = IM_COL32(121, 192, 255, 255),
    .syntax_function = IM_COL32(210, 168, 255, 255),
    .syntax_string = IM_COL32(165, 214, 255, 255),
    .syntax_number = IM_COL32(121, 192, 255, 255),
    .syntax_comment = IM_COL32(139, 148, 158, 255),
    .syntax_tag = IM_COL32(126, 231, 135, 255),
    .syntax_attribute = IM_COL32(210, 168, 255, 255),
    .syntax_punctuation = IM_COL32(201, 209, 217, 255),
    .syntax_variable = IM_COL32(255, 166, 87, 255),
};

constexpr Palette high_contrast_palette{
    .background = IM_COL32(0, 0, 0, 255),
    .surface = IM_COL32(0, 0, 0, 255),
    .surface_hover = IM_COL32(40, 40, 40, 255),
    .surface_sunken = IM_COL32(0, 0, 0, 255),
    .border = IM_COL32(255, 255, 255, 255),
    .border_strong = IM_COL32(255, 255, 255, 255),
    .text = IM_COL32(255, 255, 255, 255),
    .text_muted = IM_COL32(230, 230, 230, 255),
    .heading = IM_COL32(255, 255, 255, 255),
    .accent = IM_COL32(255, 221, 0, 255),
    .accent_hover = IM_COL32(255, 235, 90, 255),
    .accent_active = IM_COL32(255, 245, 160, 255),
    .on_accent = IM_COL32(0, 0, 0, 255),
    .accent_soft = IM_COL32(60, 52, 0, 255),
    .link = IM_COL32(255, 221, 0, 255),
    .link_hover = IM_COL32(255, 245, 160, 255),
    .danger = IM_COL32(255, 120, 120, 255),
    .danger_soft = IM_COL32(50, 0, 0, 255),
    .success = IM_COL32(110, 255, 150, 255),
    .success_soft = IM_COL32(0, 40, 10, 255),
    .input_bg = IM_COL32(0, 0, 0, 255),
    .focus_ring = IM_COL32(255, 221, 0, 255),
    .shadow = IM_COL32(0, 0, 0, 0),
    .code_bg = IM_COL32(0, 0, 0, 255),
    .warning = IM_COL32(255, 190, 90, 255),
    .warning_soft = IM_COL32(50, 30, 0, 255),
    .selection = IM_COL32(255, 221, 0, 110),
    .syntax_keyword = IM_COL32(255, 150, 220, 255),
    .syntax_type = IM_COL32(130, 210, 255, 255),
    .syntax_function = IM_COL32(210, 180, 255, 255),
    .syntax_string = IM_COL32(160, 255, 170, 255),
    .syntax_number = IM_COL32(130, 210, 255, 255),
    .syntax_comment = IM_COL32(200, 200, 200, 255),
    .syntax_tag = IM_COL32(160, 255, 170, 255),
    .syntax_attribute = IM_COL32(210, 180, 255, 255),
    .syntax_punctuation = IM_COL32(255, 255, 255, 255),
    .syntax_variable = IM_COL32(255, 200, 120, 255),
};

const Palette* g_palette = &calm_palette;
float g_scale = 1.0f;

struct FontSpec {
    const char* file; // name under which web/js/loader.js stored the bytes
    float size_css;
    const char* fallback = nullptr; // drawn with until a late file arrives
};
constexpr std::array<FontSpec, static_cast<int>(FontRole::count)> font_specs{{
    {"NotoSans-Regular.ttf", 16.0f},                         // body
    {"NotoSans-Bold.ttf", 16.0f},                            // bold
    {"NotoSans-Italic.ttf", 16.0f},                          // italic
    {"NotoSans-Regular.ttf", 14.0f},                         // small
    {"NotoSans-Bold.ttf", 14.0f},                            // small_bold
    {"NotoSans-Bold.ttf", 30.0f},                            // h1
    {"NotoSans-Bold.ttf", 22.0f},                            // h2
    {"NotoSans-Bold.ttf", 18.0f},                            // h3
    {"DejaVuSansMono.ttf", 15.0f},                           // mono
    {"NotoSans-BoldItalic.ttf", 16.0f, "NotoSans-Bold.ttf"}, // bold_italic, fetched late
    {"DejaVuSansMono.ttf", 13.0f},                           // mono_small
}};
std::array<ImFont*, static_cast<int>(FontRole::count)> g_fonts{};

// Latin with accents (Latin-1, Extended-A/B), Greek, general punctuation
// (dashes, quotes, ellipsis, bullet), super/subscripts, euro and trade mark.
// client-wasm/CMakeLists.txt cuts the fonts to these ranges.
constexpr ImWchar text_ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2070,
                                   0x209F, 0x20AC, 0x20AC, 0x2122, 0x2122, 0};
// Merged from DejaVu Sans, which has what Noto Sans lacks: letterlike
// symbols (ℓ), arrows, mathematical operators, technical symbols (⌈ ⌊),
// geometric shapes (▶ ◦ ▪), math brackets and long arrows (⟨ ⟩ ⟹), and of
// the other symbols only what the UI draws (⚠ ✓ ✗): every glyph here costs
// atlas time at start. client-wasm/CMakeLists.txt cuts the fonts to the same.
constexpr ImWchar symbol_ranges[] = {0x2100, 0x214F, 0x2190, 0x23FF, 0x25A0, 0x25FF, 0x26A0,
                                     0x26A0, 0x2713, 0x2718, 0x27C0, 0x27FF, 0};
constexpr const char* symbol_font = "DejaVuSans.ttf";

// Files once fetched are kept for later rebuilds (the atlas points into
// them); a missing one is asked for again next time (it may be on its way).
const std::vector<unsigned char>& font_file(FontBytes font_bytes, const char* name) {
    struct Kept {
        FontBytes source;
        std::string name;
        std::vector<unsigned char> bytes;
    };
    static std::deque<Kept> files; // a deque: references stay valid as it grows
    for (const Kept& f : files)
        if (f.source == font_bytes && f.name == name) return f.bytes;
    auto bytes = font_bytes(name);
    if (bytes.empty()) {
        static const std::vector<unsigned char> none;
        return none;
    }
    files.push_back({font_bytes, name, std::move(bytes)});
    return files.back().bytes;
}

bool g_fallback_used = false; // the last build drew a late face with its fallback
int g_generation = 0;

ImVec4 v4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

} // namespace

const Palette& palette() {
    return *g_palette;
}
const Palette& palette_of(Look look) {
    switch (look) {
    case Look::dark:
        return dark_palette;
    case Look::high_contrast:
        return high_contrast_palette;
    case Look::light:
        break;
    }
    return calm_palette;
}
void set_look(Look look) {
    g_palette = &palette_of(look);
}
Look look() {
    if (g_palette == &high_contrast_palette) return Look::high_contrast;
    return g_palette == &dark_palette ? Look::dark : Look::light;
}
Look choose_look(bool high_contrast, ThemeChoice theme, bool prefers_dark) {
    if (high_contrast) return Look::high_contrast;
    const bool dark = theme == ThemeChoice::dark || (theme == ThemeChoice::system && prefers_dark);
    return dark ? Look::dark : Look::light;
}
void set_high_contrast(bool on) {
    set_look(on ? Look::high_contrast : Look::light);
}
bool high_contrast() {
    return g_palette == &high_contrast_palette;
}

namespace {
bool g_reduced_motion = false;
} // namespace
void set_reduced_motion(bool on) {
    g_reduced_motion = on;
}
bool reduced_motion() {
    return g_reduced_motion;
}

float scale() {
    return g_scale;
}
void set_scale(float s) {
    g_scale = s > 0.5f ? s : 0.5f;
}
namespace {
float g_device_ratio = 1.0f;
} // namespace
float device_ratio() {
    return g_device_ratio;
}
void set_device_ratio(float r) {
    g_device_ratio = r > 0 ? r : 1.0f;
}

ImFont* font(FontRole role) {
    return g_fonts[static_cast<int>(role)];
}
float font_size_css(FontRole role) {
    return font_specs[static_cast<int>(role)].size_css;
}

bool build_fonts(FontBytes font_bytes) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ++g_generation;
    g_fallback_used = false;
    for (int i = 0; i < static_cast<int>(FontRole::count); ++i) {
        const auto* bytes = &font_file(font_bytes, font_specs[i].file);
        if (bytes->empty() && font_specs[i].fallback) {
            bytes = &font_file(font_bytes, font_specs[i].fallback);
            g_fallback_used = true;
        }
        if (bytes->empty()) return false;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the bytes are kept for the next rebuild
        // Horizontal oversampling keeps small text even without hinting.
        cfg.OversampleH = font_specs[i].size_css * g_scale < 24.0f ? 3 : 1;
        cfg.OversampleV = 1;
        // ImGui takes non-const data but does not write it (FontDataOwnedByAtlas off).
        auto* data = const_cast<unsigned char*>(bytes->data());
        g_fonts[i] =
            atlas->AddFontFromMemoryTTF(data, static_cast<int>(bytes->size()),
                                        font_specs[i].size_css * g_scale, &cfg, text_ranges);
        if (!g_fonts[i]) return false;
        // Symbols only for the proportional text fonts; a missing symbol
        // font leaves them out rather than failing.
        if (font_specs[i].file[0] == 'N') {
            const auto& symbols = font_file(font_bytes, symbol_font);
            if (symbols.empty()) continue;
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.FontDataOwnedByAtlas = false;
            merge.OversampleH = cfg.OversampleH;
            merge.OversampleV = 1;
            atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols.data()),
                                        static_cast<int>(symbols.size()),
                                        font_specs[i].size_css * g_scale, &merge, symbol_ranges);
        }
    }
    return atlas->Build();
}

bool late_font_arrived(FontBytes font_bytes) {
    if (!g_fallback_used) return false;
    for (const auto& spec : font_specs)
        if (spec.fallback && !font_file(font_bytes, spec.file).empty()) return true;
    return false;
}

int fonts_generation() {
    return g_generation;
}

void apply_style() {
    ImGuiStyle style;
    const Palette& p = palette();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.ChildRounding = 0;
    style.FramePadding = ImVec2(12_s, 9_s);
    style.FrameRounding = 8_s;
    style.FrameBorderSize = high_contrast() ? 2_s : 1_s;
    style.ItemSpacing = ImVec2(10_s, 10_s);
    style.ItemInnerSpacing = ImVec2(8_s, 6_s);
    style.ScrollbarSize = 12_s;
    style.ScrollbarRounding = 6_s;
    style.GrabRounding = 6_s;
    style.PopupRounding = 8_s;
    style.IndentSpacing = 20_s;
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    auto* c = style.Colors;
    c[ImGuiCol_Text] = v4(p.text);
    c[ImGuiCol_TextDisabled] = v4(p.text_muted);
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v4(p.surface);
    c[ImGuiCol_Border] = v4(p.border_strong);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v4(p.input_bg);
    c[ImGuiCol_FrameBgHovered] = v4(p.input_bg);
    c[ImGuiCol_FrameBgActive] = v4(p.input_bg);
    c[ImGuiCol_Button] = v4(p.accent);
    c[ImGuiCol_ButtonHovered] = v4(p.accent_hover);
    c[ImGuiCol_ButtonActive] = v4(p.accent_active);
    c[ImGuiCol_CheckMark] = v4(p.on_accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v4(p.border_strong);
    c[ImGuiCol_ScrollbarGrabHovered] = v4(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = v4(p.text);
    c[ImGuiCol_TextSelectedBg] = v4(high_contrast() ? p.accent_soft : p.focus_ring);
    c[ImGuiCol_TextSelectedBg].w = high_contrast() ? 1.0f : 0.45f;
    c[ImGuiCol_NavHighlight] = v4(p.focus_ring);
    c[ImGuiCol_Separator] = v4(p.border);
    ImGui::GetStyle() = style;
}

} // namespace wte::ui
