// The font atlas when a face comes late: the loader fetches bold italic after
// the first frame, so the client draws it with the bold face until the file
// is there, then switches; a page laid out before is laid out again.
#include "render/page_renderer.hpp"
#include "ui/font_arrival.hpp"
#include "ui/theme.hpp"

#include "system_fonts.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cstring>

using namespace wte;
using ui::FontRole;

namespace {

bool bold_italic_here = false;

// The loader's fonts as they arrive: bold italic only once it is here.
std::vector<unsigned char> arriving_font(const char* name) {
    if (std::strcmp(name, "NotoSans-BoldItalic.ttf") == 0 && !bold_italic_here) return {};
    return test::system_font(name);
}
std::vector<unsigned char> without_bold_italic(const char* name) {
    if (std::strcmp(name, "NotoSans-BoldItalic.ttf") == 0) return {};
    return test::system_font(name);
}

// The face a role is drawn with, told apart by its file (ImGui keeps a copy).
std::vector<unsigned char> face_of(FontRole role) {
    const ImFontConfig& cfg = ui::font(role)->ConfigData[0];
    const auto* data = static_cast<const unsigned char*>(cfg.FontData);
    return {data, data + cfg.FontDataSize};
}

struct Atlas {
    Atlas() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        ui::set_scale(1.0f);
    }
    ~Atlas() { ImGui::DestroyContext(); }
    void build(ui::FontBytes fonts = arriving_font) {
        REQUIRE(ui::build_fonts(fonts));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
};

void draw_page(render::PageRenderer& page, const char* content) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 800));
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
    page.draw(7, content, "Emphasis");
    ImGui::End();
    ImGui::Render();
}

} // namespace

TEST_CASE("bold italic is drawn with the bold face until its file arrives, then with its own") {
    Atlas atlas;
    bold_italic_here = false;
    atlas.build();
    CHECK(face_of(FontRole::bold_italic) == face_of(FontRole::bold));
    CHECK_FALSE(ui::late_font_arrived(arriving_font));

    const char* content = "Emphasis\n========\n\nSome ***strong and slanted*** words.\n";
    render::PageRenderer page;
    draw_page(page, content);
    const int generation = ui::fonts_generation();

    bold_italic_here = true;
    CHECK(ui::late_font_arrived(arriving_font));
    atlas.build();
    CHECK(face_of(FontRole::bold_italic) != face_of(FontRole::bold));
    CHECK(ui::fonts_generation() != generation);
    CHECK_FALSE(ui::late_font_arrived(arriving_font));
    // The page's runs pointed into the old atlas: it is laid out anew, not
    // drawn with freed fonts.
    draw_page(page, content);
}

TEST_CASE("a bold italic file that never arrives leaves the bold face in its place") {
    Atlas atlas;
    atlas.build(without_bold_italic);
    for (int i = 0; i < 3; ++i)
        CHECK_FALSE(ui::late_font_arrived(without_bold_italic));
    CHECK(face_of(FontRole::bold_italic) == face_of(FontRole::bold));
}
