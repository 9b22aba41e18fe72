// The user's own account (#/profile): one panel per change, each with its
// own button and its answer under it, so saving the name never sends a
// half-typed password; deleting the account sits last, behind a second
// question with the password. Also the page the new address's link opens.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

void answer(const FormState& f) {
    if (!f.error.empty()) {
        vspace(4);
        error_box(f.error);
    }
    if (!f.notice.empty()) {
        vspace(4);
        notice_box(f.notice);
    }
}

float field_width() {
    return std::min(column_width(), 420_s);
}

} // namespace

void draw_profile(AppState& s, Actions& a) {
    ProfileScreen& p = s.profile;
    heading("Your profile", 1);
    if (p.user.failed()) {
        if (error_view("Your profile cannot be shown", p.user.error)) a.retry = true;
        return;
    }
    if (!p.user.ready()) {
        loading_view("your profile");
        return;
    }
    const User& u = p.user.value;
    muted(u.email);
    vspace(14);

    begin_panel(20);
    heading("Name", 3);
    muted("Teachers and other learners see it in their lists.", FontRole::small);
    vspace(6);
    bool submit = text_field("Your name", p.name,
                             {.width = field_width(),
                              .enabled = !p.name_form.busy,
                              .error = error_on(p.name_form, "name")});
    vspace(6);
    if (button(p.name_form.busy ? "Saving…###Save name" : "Save name###Save name",
               ButtonKind::primary, !p.name_form.busy) ||
        submit)
        a.profile.save_name = true;
    answer(p.name_form);
    end_panel();
    vspace(12);

    begin_panel(20);
    heading("Email address", 3);
    muted("We send a link to the new address; it takes effect when you open it. Until then "
          "you sign in with " +
              u.email + ".",
          FontRole::small);
    vspace(6);
    submit = text_field("New email address", p.new_email,
                        {.hint = "you@example.org",
                         .width = field_width(),
                         .enabled = !p.email_form.busy,
                         .error = error_on(p.email_form, "email")});
    vspace(6);
    if (button(p.email_form.busy ? "Sending…###Send the link" : "Send the link###Send the link",
               ButtonKind::secondary, !p.email_form.busy) ||
        submit)
        a.profile.change_email = true;
    answer(p.email_form);
    end_panel();
    vspace(12);

    begin_panel(20);
    heading("Password", 3);
    muted("Changing it signs you out everywhere else.", FontRole::small);
    vspace(6);
    const bool busy = p.password_form.busy;
    text_field("Current password", p.current_password,
               {.password = true,
                .width = field_width(),
                .enabled = !busy,
                .error = error_on(p.password_form, "current_password")});
    vspace(4);
    text_field("New password", p.new_password,
               {.password = true,
                .hint = "at least 8 characters",
                .width = field_width(),
                .enabled = !busy,
                .error = error_on(p.password_form, "new_password")});
    vspace(4);
    submit = text_field("New password again", p.repeat_password,
                        {.password = true,
                         .width = field_width(),
                         .enabled = !busy,
                         .error = error_on(p.password_form, "repeat_password")});
    vspace(6);
    if (button(busy ? "Changing…###Change password" : "Change password###Change password",
               ButtonKind::secondary, !busy) ||
        submit)
        a.profile.change_password = true;
    answer(p.password_form);
    end_panel();
    vspace(12);

    begin_panel(20);
    heading("Display", 3);
    bool on = s.high_contrast;
    if (toggle("Use high contrast colours", on)) a.profile.high_contrast = on;
    vspace(6);
    label("Theme");
    // System follows the browser's light or dark setting; high contrast wins over both.
    int theme = static_cast<int>(s.theme);
    if (segmented("Theme", {"System", "Light", "Dark"}, theme))
        a.profile.theme = static_cast<ThemeChoice>(theme);
    muted("Saved in your account: every device you sign in on shows it.", FontRole::small);
    end_panel();
    vspace(12);

    begin_panel(20);
    heading("Delete your account", 3);
    muted("Your progress, answers and files go with it. Modules you alone own must get "
          "another owner first.",
          FontRole::small);
    vspace(6);
    if (!p.confirm_delete) {
        if (button("Delete my account…", ButtonKind::danger)) a.profile.ask_delete = true;
    } else {
        const bool del_busy = p.delete_form.busy;
        paragraph("Type your password to delete your account for good.");
        submit = text_field("Password to delete", p.delete_password,
                            {.password = true,
                             .width = field_width(),
                             .focus = false,
                             .enabled = !del_busy,
                             .error = error_on(p.delete_form, "password")});
        vspace(6);
        if (button("Keep my account", ButtonKind::secondary, !del_busy))
            a.profile.ask_delete = false;
        ImGui::SameLine(0, 8_s);
        if (button(del_busy ? "Deleting…###Delete for good" : "Delete for good###Delete for good",
                   ButtonKind::danger, !del_busy) ||
            submit)
            a.profile.delete_account = true;
    }
    answer(p.delete_form);
    end_panel();
}

void draw_confirm_email(AppState& s, Actions& a) {
    const EmailConfirmation& c = s.email_confirmation;
    vspace(40);
    draw_brand();
    vspace(10);
    begin_panel(32);
    heading("Your new address", 1);
    if (c.form.busy) {
        loading_view("");
    } else if (!c.form.error.empty()) {
        error_box(c.form.error);
    } else {
        notice_box("Done: you sign in with " + c.email + " from now on.");
    }
    vspace(10);
    if (s.session.signed_in()) {
        if (link("Go to your profile", FontRole::small)) a.navigate = route_profile();
    } else if (link("Sign in", FontRole::small)) {
        a.navigate = route_signin();
    }
    end_panel();
}

} // namespace wte::client
