// Sign-in screen (#/signin): email and password, errors shown in place under
// the fields, Enter in either field signs in; links to the forgotten
// password and to registration (screens/accounts.cpp).
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

void draw_brand() {
    {
        const Palette& p = palette();
        const float mark = 40_s;
        const ImVec2 m0 = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(m0, ImVec2(m0.x + mark, m0.y + mark), p.accent, 10_s);
        ImFont* f = font(FontRole::h2);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "W");
        dl->AddText(f, f->FontSize,
                    ImVec2(m0.x + (mark - ts.x) * 0.5f, m0.y + (mark - ts.y) * 0.5f), p.on_accent,
                    "W");
        ImGui::Dummy(ImVec2(mark, mark));
        ImGui::SameLine(0, 12_s);
        FontScope ff(FontRole::h3);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (mark - ImGui::GetTextLineHeight()) * 0.5f);
        heading("Web Teaching Environment", 3);
    }
}

void draw_signin(AppState& s, Actions& a) {
    // Focus the email field when the screen appears (not on every frame).
    static int last_drawn_frame = -10;
    const bool appeared = s.frame > last_drawn_frame + 1;
    last_drawn_frame = s.frame;

    const float avail_h = ImGui::GetContentRegionAvail().y;
    vspace(std::max(40.0f, (avail_h / scale() - 520.0f) * 0.4f));

    draw_brand();
    vspace(10);

    begin_panel(32);
    heading("Sign in", 1);
    muted("Welcome back. Sign in to continue learning.");
    vspace(10);
    const SignInForm& f = s.session.signin;
    const auto error_on = [&f](const char* field) {
        return f.error_field == field || f.error_field == "credentials" ? f.error : std::string();
    };
    bool submit = text_field("Email", s.session.signin.email,
                             {.hint = "you@example.org",
                              .focus = appeared && s.session.signin.email.empty(),
                              .enabled = !s.session.signin.busy,
                              .error = error_on("email")});
    vspace(4);
    submit |= text_field("Password", s.session.signin.password,
                         {.password = true,
                          .hint = "Your password",
                          .enabled = !s.session.signin.busy,
                          .error = error_on("password")});
    if (!s.session.signin.notice.empty()) {
        vspace(2);
        notice_box(s.session.signin.notice);
    }
    if (!s.session.signin.error.empty()) {
        vspace(2);
        error_box(s.session.signin.error);
    }
    vspace(8);
    const bool busy = s.session.signin.busy;
    if (button(busy ? "Signing in…###Sign in" : "Sign in###Sign in", ButtonKind::primary, !busy,
               column_width()) ||
        submit)
        a.session.sign_in = true;
    vspace(4);
    if (link("Forgot your password?", FontRole::small)) a.navigate = Route{routes::forgot};
    end_panel();
    vspace(16);
    muted("No account yet?", FontRole::small);
    ImGui::SameLine();
    if (link("Create an account", FontRole::small)) a.navigate = Route{routes::register_account};
}

} // namespace wte::client
