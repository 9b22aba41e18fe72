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

// Where the whole bar does not fit (a phone, 200 % zoom), the tabs that fit
// stay and a Menu button opens the rest as rows under the bar: nothing is
// ever dropped. Whether it is open is AppState::top_menu_open.

void draw_brand(float& x, float h, bool narrow, bool tiny) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float mark = 32_s;
    ImGui::SetCursorPos(ImVec2(x, (h - mark) * 0.5f));
    const ImVec2 m0 = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(m0, ImVec2(m0.x + mark, m0.y + mark), p.accent, 8_s);
    ImFont* f = font(FontRole::h3);
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "W");
    dl->AddText(f, f->FontSize, ImVec2(m0.x + (mark - ts.x) * 0.5f, m0.y + (mark - ts.y) * 0.5f),
                p.on_accent, "W");
    x += mark + (tiny ? 14_s : 10_s);
    if (tiny) return;
    FontScope fs(FontRole::h3);
    const char* name = narrow ? "WTE" : "Web Teaching Environment";
    const ImVec2 ns = ImGui::CalcTextSize(name);
    ImGui::SetCursorPos(ImVec2(x, (h - ns.y) * 0.5f));
    ColorScope c(ImGuiCol_Text, p.heading);
    ImGui::TextUnformatted(name);
    x += ns.x + (narrow ? 12_s : 28_s);
}

// What tab() takes: the bold label and its padding.
float tabs_width(std::initializer_list<const char*> labels) {
    ImFont* bold = font(FontRole::bold);
    float w = 0;
    for (const char* l : labels)
        w += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, l).x + 28_s + 4_s;
    return w;
}

const std::string& user_shown(const AppState& s) {
    const User& u = s.session.current.user;
    return u.name.empty() ? u.email : u.name;
}

void draw_full_bar(AppState& s, Actions& a, const std::string& screen, float w, float h) {
    float x = 24_s;
    draw_brand(x, h, false, false);
    {
        FontScope f(FontRole::body);
        const float tab_h = ImGui::GetTextLineHeight() + 20_s;
        ImGui::SetCursorPos(ImVec2(x, (h - tab_h) * 0.5f));
        if (tab("Modules", screen == "modules")) a.navigate = route_modules();
        ImGui::SameLine(0, 4_s);
        if (tab("My modules", screen == "my-modules")) a.navigate = route_my_modules();
        if (can_administer(session::actor(s.session))) {
            ImGui::SameLine(0, 4_s);
            if (tab("Administration", screen.rfind("admin", 0) == 0))
                a.navigate = admin::first_route(s);
        }
    }
    // Right side, laid out from the right edge.
    float right = w - 24_s;
    {
        FontScope f(FontRole::body);
        const float bh = ImGui::GetTextLineHeight() + 20_s;
        right -= ImGui::CalcTextSize("Sign out").x + 36_s;
        ImGui::SetCursorPos(ImVec2(right, (h - bh) * 0.5f));
        if (button("Sign out", ButtonKind::secondary)) a.session.sign_out = true;
        right -= ImGui::CalcTextSize("Help").x + 36_s + 8_s;
        ImGui::SetCursorPos(ImVec2(right, (h - bh) * 0.5f));
        if (button("Help", s.help.open ? ButtonKind::primary : ButtonKind::subtle))
            a.help.toggle = true;
    }
    FontScope f(FontRole::small);
    right -= 34_s + 8_s + ImGui::CalcTextSize("High contrast").x + 20_s;
    ImGui::SetCursorPos(ImVec2(right, (h - 20_s) * 0.5f));
    bool on = s.high_contrast;
    if (toggle("High contrast", on)) a.profile.high_contrast = on;
    const std::string& who = user_shown(s);
    right -= ImGui::CalcTextSize(who.c_str()).x + 20_s;
    ImGui::SetCursorPos(ImVec2(right, (h - ImGui::GetTextLineHeight()) * 0.5f));
    if (link(who, FontRole::small, "##profile-link")) a.navigate = route_profile();
}

// The bar's width when everything is on one row.
float full_bar_width(const AppState& s) {
    FontScope f(FontRole::body);
    float w = 24_s + 32_s + 10_s + 28_s + 24_s;
    {
        FontScope h3(FontRole::h3);
        w += ImGui::CalcTextSize("Web Teaching Environment").x;
    }
    w += tabs_width({"Modules", "My modules"});
    if (can_administer(session::actor(s.session))) w += tabs_width({"Administration"});
    w += ImGui::CalcTextSize("Sign outHelp").x + 2 * 36_s + 8_s + 16_s;
    FontScope small(FontRole::small);
    w += 34_s + 8_s + ImGui::CalcTextSize("High contrast").x + 20_s;
    w += ImGui::CalcTextSize(user_shown(s).c_str()).x + 20_s;
    return w;
}

void draw_compact_bar(AppState& s, Actions& a, const std::string& screen, float w, float h) {
    const bool tiny = w < 520_s;
    float x = 12_s;
    draw_brand(x, h, true, tiny);
    const bool open = s.top_menu_open;
    float right = w - 12_s;
    {
        FontScope f(FontRole::body);
        const float bh = ImGui::GetTextLineHeight() + 20_s;
        right -= button_width("Menu", ButtonKind::secondary);
        ImGui::SetCursorPos(ImVec2(right, (h - bh) * 0.5f));
        if (button("Menu", open ? ButtonKind::primary : ButtonKind::secondary)) a.top_menu = !open;
        probe::widget_expanded(open);
    }
    // The tabs where they fit beside the brand; else in the menu.
    bool tabs_in_bar = false;
    {
        FontScope f(FontRole::body);
        tabs_in_bar = x + tabs_width({"Modules", "My modules"}) + 8_s <= right;
        if (tabs_in_bar) {
            const float tab_h = ImGui::GetTextLineHeight() + 20_s;
            ImGui::SetCursorPos(ImVec2(x, (h - tab_h) * 0.5f));
            if (tab("Modules", screen == "modules")) a.navigate = route_modules();
            ImGui::SameLine(0, 4_s);
            if (tab("My modules", screen == "my-modules")) a.navigate = route_my_modules();
        }
    }
    if (!open) return;

    // The menu: one row each, under the bar.
    ImGui::SetCursorPos(ImVec2(0, h + 4_s));
    begin_inset(12);
    bool chosen = false;
    if (!tabs_in_bar) {
        if (tab("Modules", screen == "modules")) a.navigate = route_modules(), chosen = true;
        if (tab("My modules", screen == "my-modules"))
            a.navigate = route_my_modules(), chosen = true;
    }
    if (can_administer(session::actor(s.session)) &&
        tab("Administration", screen.rfind("admin", 0) == 0))
        a.navigate = admin::first_route(s), chosen = true;
    if (link(user_shown(s), FontRole::body, "##profile-link"))
        a.navigate = route_profile(), chosen = true;
    vspace(2);
    bool on = s.high_contrast;
    if (toggle("High contrast", on)) a.profile.high_contrast = on;
    vspace(2);
    if (button("Help", s.help.open ? ButtonKind::primary : ButtonKind::subtle))
        a.help.toggle = true, chosen = true;
    ImGui::SameLine(0, 8_s);
    if (button("Sign out", ButtonKind::secondary)) a.session.sign_out = true, chosen = true;
    end_inset();
    if (chosen) a.top_menu = false;
}

// The menu's rows under a compact bar (0 when closed).
float menu_height(const AppState& s, bool tabs_in_bar) {
    if (!s.top_menu_open) return 0;
    FontScope f(FontRole::body);
    const float row = ImGui::GetTextLineHeight() + 20_s + ImGui::GetStyle().ItemSpacing.y;
    int rows = 3 + (tabs_in_bar ? 0 : 2) + (can_administer(session::actor(s.session)) ? 1 : 0);
    return rows * row + 12_s;
}

void draw_top_bar(AppState& s, Actions& a, const std::string& screen) {
    const float bar_h = 64_s;
    const float w = ImGui::GetContentRegionAvail().x;
    const bool compact = full_bar_width(s) > w;
    bool tabs_in_bar = true;
    if (compact) {
        FontScope f(FontRole::body);
        ImFont* h3 = font(FontRole::h3);
        const float wte = h3->CalcTextSizeA(h3->FontSize, FLT_MAX, 0, "WTE").x;
        const float brand = 12_s + 32_s + (w < 520_s ? 14_s : 10_s + wte + 12_s);
        tabs_in_bar = brand + tabs_width({"Modules", "My modules"}) + 8_s +
                          button_width("Menu", ButtonKind::secondary) + 12_s <=
                      w;
    }
    const float h = bar_h + (compact ? menu_height(s, tabs_in_bar) : 0.0f);
    ImGui::BeginChild("##topbar", ImVec2(0, h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetWindowPos();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), p.surface_sunken);
    dl->AddLine(ImVec2(o.x, o.y + h - 1_s), ImVec2(o.x + w, o.y + h - 1_s), p.border, 1_s);
    if (compact)
        draw_compact_bar(s, a, screen, w, bar_h);
    else
        draw_full_bar(s, a, screen, w, bar_h);
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
