// The screens before sign-in that mail links: create an account
// (#/register), forgotten password (#/forgot), and the page a mailed link
// opens to choose a password (#/confirm/TOKEN, #/reset/TOKEN). Narrow, like
// sign-in; errors in place; Enter in the last field submits.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

void top_space() {
    const float avail_h = ImGui::GetContentRegionAvail().y;
    vspace(std::max(40.0f, (avail_h / scale() - 560.0f) * 0.4f));
    draw_brand();
    vspace(10);
}

void back_to_signin(Actions& a) {
    vspace(16);
    if (link("Back to sign in", FontRole::small)) a.navigate = route_signin();
}

} // namespace

void draw_register(AppState& s, Actions& a) {
    RegisterForm& f = s.accounts.register_form;
    top_space();
    begin_panel(32);
    heading("Create an account", 1);
    if (!f.sent.empty()) {
        notice_box(f.sent);
        vspace(8);
        muted("No mail after a few minutes? Look in your spam folder, or send it again.",
              FontRole::small);
        vspace(8);
        const bool busy = f.busy;
        if (button(busy ? "Sending…###Send the link again"
                        : "Send the link again###Send the link again",
                   ButtonKind::secondary, !busy))
            a.accounts.resend = true;
        if (!f.error.empty()) error_box(f.error);
        end_panel();
        back_to_signin(a);
        return;
    }
    muted("We send a link to your address; you choose your password there.");
    vspace(10);
    const bool busy = f.busy;
    const auto on = [&f](const char* field) { return error_on(f.error, f.error_field, field); };
    text_field("Email", f.email,
               {.hint = "you@example.org", .enabled = !busy, .error = on("email")});
    vspace(4);
    text_field("Email again", f.email_confirm,
               {.hint = "the same address", .enabled = !busy, .error = on("email_confirm")});
    vspace(4);
    bool submit = text_field("Your name", f.name,
                             {.hint = "as others see it", .enabled = !busy, .error = on("name")});
    if (!f.error.empty()) {
        vspace(2);
        error_box(f.error);
    }
    vspace(8);
    if (button(busy ? "Creating…###Create account" : "Create account###Create account",
               ButtonKind::primary, !busy, column_width()) ||
        submit)
        a.accounts.register_account = true;
    end_panel();
    back_to_signin(a);
}

void draw_forgot(AppState& s, Actions& a) {
    ForgotForm& f = s.accounts.forgot;
    top_space();
    begin_panel(32);
    heading("Forgot your password?", 1);
    if (!f.sent.empty()) {
        notice_box(f.sent);
        end_panel();
        back_to_signin(a);
        return;
    }
    muted("Enter your address: we send you a link to choose a new password.");
    vspace(10);
    const bool busy = f.busy;
    bool submit = text_field("Email", f.email,
                             {.hint = "you@example.org",
                              .enabled = !busy,
                              .error = error_on(f.error, f.error_field, "email")});
    if (!f.error.empty()) {
        vspace(2);
        error_box(f.error);
    }
    vspace(8);
    if (button(busy ? "Sending…###Send the link" : "Send the link###Send the link",
               ButtonKind::primary, !busy, column_width()) ||
        submit)
        a.accounts.forgot = true;
    end_panel();
    back_to_signin(a);
}

void draw_choose_password(AppState& s, Actions& a) {
    LinkForm& f = s.accounts.link;
    const bool reset = s.route.is(routes::reset);
    top_space();
    begin_panel(32);
    heading(reset ? "Choose a new password" : "Welcome! Choose your password", 1);
    muted(reset ? "You will be signed out on your other devices."
                : "Your address is confirmed once you have chosen a password.");
    vspace(10);
    const bool busy = f.busy;
    text_field("New password", f.password,
               {.password = true,
                .hint = "at least 8 characters",
                .enabled = !busy,
                .error = error_on(f.error, f.error_field, "password")});
    vspace(4);
    bool submit = text_field("New password again", f.password_confirm,
                             {.password = true,
                              .hint = "the same password",
                              .enabled = !busy,
                              .error = error_on(f.error, f.error_field, "password_confirm")});
    if (!f.error.empty()) {
        vspace(2);
        error_box(f.error);
    }
    vspace(8);
    if (f.expired) {
        if (button(reset ? "Ask for a new link" : "Create the account again", ButtonKind::primary,
                   true, column_width()))
            a.navigate = Route{reset ? routes::forgot : routes::register_account};
    } else if (button(busy ? "Saving…###Save password and sign in"
                           : "Save password and sign in###Save password and sign in",
                      ButtonKind::primary, !busy, column_width()) ||
               submit) {
        a.accounts.use_link = true;
    }
    end_panel();
    back_to_signin(a);
}

} // namespace wte::client
