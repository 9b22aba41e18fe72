// The frame around every screen: one full-window ImGui window, the top bar
// (brand, Modules / My modules tabs, the user, high contrast, Sign out) for
// signed-in users, and a scrolling content area with a centred column.
#include "app/registry.hpp"
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace wte::client {

namespace {

using namespace wte::ui;

void draw_top_bar(AppState& s, Actions& a, const std::string& screen) {
    const float h = 64_s;
    ImGui::BeginChild("##topbar", ImVec2(0, h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetWindowPos();
    const float w = ImGui::GetWindowWidth();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), p.surface_sunken);
    dl->AddLine(ImVec2(o.x, o.y + h - 1_s), ImVec2(o.x + w, o.y + h - 1_s), p.border, 1_s);
    const bool narrow = w < 720_s;
    const bool tiny = w < 520_s;

    // Brand: a mark and the name; clicking it goes to the module list.
    float x = narrow ? 12_s : 24_s;
    const float mark = 32_s;
    ImGui::SetCursorPos(ImVec2(x, (h - mark) * 0.5f));
    {
        const ImVec2 m0 = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(m0, ImVec2(m0.x + mark, m0.y + mark), p.accent, 8_s);
        ImFont* f = font(FontRole::h3);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "W");
        dl->AddText(f, f->FontSize,
                    ImVec2(m0.x + (mark - ts.x) * 0.5f, m0.y + (mark - ts.y) * 0.5f), p.on_accent,
                    "W");
        x += mark + (tiny ? 14_s : 10_s);
    }
    if (!tiny) {
        FontScope f(FontRole::h3);
        const char* name = narrow ? "WTE" : "Web Teaching Environment";
        const ImVec2 ts = ImGui::CalcTextSize(name);
        ImGui::SetCursorPos(ImVec2(x, (h - ts.y) * 0.5f));
        ColorScope c(ImGuiCol_Text, p.heading);
        ImGui::TextUnformatted(name);
        x += ts.x + (narrow ? 12_s : 28_s);
    }
    {
        FontScope f(FontRole::body);
        const float tab_h = ImGui::GetTextLineHeight() + 20_s;
        ImGui::SetCursorPos(ImVec2(x, (h - tab_h) * 0.5f));
        if (tab("Modules", screen == "modules")) a.navigate = route_modules();
        ImGui::SameLine(0, 4_s);
        if (tab("My modules", screen == "my-modules")) a.navigate = route_my_modules();
        if (can_administer(session::actor(s.session)) && !narrow) {
            ImGui::SameLine(0, 4_s);
            if (tab("Administration", screen.rfind("admin", 0) == 0))
                a.navigate = admin::first_route(s);
        }
        x = ImGui::GetItemRectMax().x - o.x + 16_s; // where the free space starts
    }

    // Right side, laid out from the right edge.
    float right = w - (narrow ? 12_s : 24_s);
    {
        FontScope f(FontRole::body);
        const float bw = ImGui::CalcTextSize("Sign out").x + 36_s;
        const float bh = ImGui::GetTextLineHeight() + 20_s;
        right -= bw;
        ImGui::SetCursorPos(ImVec2(right, (h - bh) * 0.5f));
        if (button("Sign out", ButtonKind::secondary)) a.session.sign_out = true;
        // Help where it fits beside the tabs (F1 opens it anyway).
        const float hw = ImGui::CalcTextSize("Help").x + 36_s;
        if (right - hw - 8_s >= x) {
            right -= hw + 8_s;
            ImGui::SetCursorPos(ImVec2(right, (h - bh) * 0.5f));
            if (button("Help", s.help.open ? ButtonKind::primary : ButtonKind::subtle))
                a.help.toggle = true;
        }
    }
    // The toggle and the user's name only where they fit beside the tabs.
    {
        FontScope f(FontRole::small);
        const float tw = 34_s + 8_s + ImGui::CalcTextSize("High contrast").x;
        if (right - tw - 20_s >= x) {
            right -= tw + 20_s;
            ImGui::SetCursorPos(ImVec2(right, (h - 20_s) * 0.5f));
            bool on = s.high_contrast;
            if (toggle("High contrast", on)) a.profile.high_contrast = on;
        }
    }
    {
        FontScope f(FontRole::small);
        const std::string& who = s.session.current.user.name.empty() ? s.session.current.user.email
                                                                     : s.session.current.user.name;
        // The user's name leads to their profile; where it does not fit, "Profile".
        const std::string shown =
            right - ImGui::CalcTextSize(who.c_str()).x - 20_s >= x ? who : "Profile";
        const float tw = ImGui::CalcTextSize(shown.c_str()).x;
        if (right - tw - 20_s >= x) {
            right -= tw + 20_s;
            ImGui::SetCursorPos(ImVec2(right, (h - ImGui::GetTextLineHeight()) * 0.5f));
            if (link(shown, FontRole::small, "##profile-link")) a.navigate = route_profile();
        }
    }
    ImGui::EndChild();
}

// ImGui's GLFW backend indexes io.KeysDown by GLFW key codes; 290 is GLFW_KEY_F1.
constexpr int key_f1 = 290;

void help_keys(const AppState& s, Actions& a, const std::string& screen) {
    if (ImGui::IsKeyPressed(key_f1, false)) {
        a.help.toggle = true;
        a.help.on_workspace = screen == "workspace";
    }
    // Esc belongs to an open find bar or form first: only when nothing has the keyboard.
    if (s.help.open && !ImGui::GetIO().WantTextInput &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        a.help.close = true;
}

void draw_not_found(Actions& a) {
    vspace(32);
    heading("Page not found", 2);
    muted("This address does not lead anywhere in WTE.");
    vspace(6);
    if (button("Go to the modules")) a.navigate = route_modules();
}

} // namespace

void draw_app(AppState& s, Actions& a, const std::string& screen) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##wte", nullptr, flags);

    const bool signed_in = s.session.signed_in();
    if (signed_in && screen != "signin") {
        probe::begin_region("banner");
        draw_top_bar(s, a, screen);
        probe::end_region();
        help_keys(s, a, screen);
        if (a.help.toggle) a.help.on_workspace = screen == "workspace";
    }
    // The help stays open at the right of whatever screen is shown.
    const bool help = signed_in && s.help.open && screen != "signin";
    const float help_w =
        help ? std::clamp(ImGui::GetContentRegionAvail().x * 0.5f, 360_s, 760_s) : 0.0f;
    const bool help_beside = help && ImGui::GetContentRegionAvail().x - help_w >= 360_s;

    // One scrolling area per route, so back/forward also restore the scroll.
    const std::string content_id = "##content" + to_hash(s.route);
    ImGui::BeginChild(content_id.c_str(), ImVec2(help_beside ? -help_w : 0, 0), false);
    probe::begin_region("main");
    // The workspace's three panes use the whole width and height.
    const bool full = screen == "workspace";
    // Sign-in and the account forms before it are a narrow column.
    const bool narrow = screen == "signin" || screen == "register" || screen == "forgot" ||
                        screen == "reset" || screen == "confirm" || screen == "confirm-email";
    const float max_width = narrow ? 420.0f : full ? 100000.0f : 860.0f;
    vspace(narrow ? 0 : full ? 8 : 28);
    begin_column(max_width);

    const Screen* entry = find_screen(s.route);
    if (s.session.phase == SessionPhase::checking) {
        if (screen == "error") {
            if (error_view("WTE cannot start", s.session.error)) a.retry = true;
        } else {
            loading_view("");
        }
    } else if (!entry) {
        draw_not_found(a);
    } else if (entry->draw) {
        entry->draw(s, a);
    }

    end_column();
    if (!full) vspace(64);
    probe::end_region();
    ImGui::EndChild();
    if (help) {
        probe::begin_region("complementary", "Help");
        // Beside the screen when both fit; over it on a phone.
        if (help_beside) {
            ImGui::SameLine(0, 0);
            draw_help_panel(s, a, help_w);
        } else {
            ImGui::SetCursorPos(ImVec2(0, 64_s));
            draw_help_panel(s, a, ImGui::GetWindowWidth());
        }
        probe::end_region();
    }
    ImGui::End();
}

} // namespace wte::client
