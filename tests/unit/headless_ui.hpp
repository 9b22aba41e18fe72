// A Dear ImGui context for drawing headless at scale 1 with the client's
// bundled fonts (read from the system's packages); no GPU: the font atlas
// is built, draw lists are not rendered. Shared by the unit tests that draw
// real frames; the caller ends it with ImGui::DestroyContext().
#pragma once

#include "ui/theme.hpp"

#include "system_fonts.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

namespace wte::client::testing {

inline ImGuiContext* start_headless_ui(ImVec2 display) {
    ImGuiContext* ui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    ui::set_scale(1.0f);
    REQUIRE(ui::build_fonts(test::system_font));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::apply_style();
    return ui;
}

} // namespace wte::client::testing
