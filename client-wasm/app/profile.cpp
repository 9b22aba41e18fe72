// The profile's requests: one PATCH /users/{me} per form (only that form's
// fields), DELETE /users/{me} with the password, POST /auth/confirm-email
// for the mailed link. Each form shows its own answer; the top bar's name
// follows a saved name at once.
#include "app/profile.hpp"

#include "app/app.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

namespace wte::client {

namespace {

Id me(const App& app) {
    return app.state.session.current.user.id;
}

// Takes a PATCH's answer {"user": {...}}: the screen and the session agree.
void take_user(App& app, const json& data) {
    if (!data.contains("user")) return;
    User u = data.at("user").get<User>();
    app.state.session.current.user = u;
    ProfileScreen& p = app.state.profile;
    p.user.succeed(u);
}

void send_change(App& app, FormState& form, const api::ProfileChange& change,
                 std::function<void(App&, const Reply&)> done) {
    form.busy = true;
    form.error.clear();
    form.error_field.clear();
    form.notice.clear();
    FormState* f = &form;
    form.request = app.requests().send(send_json(
        "PATCH", api::path_user(me(app)), api::to_json(change),
        [&app, f, done = std::move(done)](const Reply& r) {
            if (r.id != f->request) return;
            f->busy = false;
            if (!r.ok()) {
                const api::ErrorBody e = r.error();
                f->error = e.message;
                f->error_field = e.details.is_object() ? e.details.value("field", "") : "";
                return;
            }
            take_user(app, r.data);
            done(app, r);
        }));
}

} // namespace

namespace profile {

void load(App& app) {
    ProfileScreen& p = app.state.profile;
    const bool first = !p.user.ready() || p.user.value.id != me(app);
    if (first) p = ProfileScreen{};
    Request r = get(api::path_user(me(app)), [&app](const Reply& r) {
        ProfileScreen& p = app.state.profile;
        if (r.id != p.user.request) return;
        if (!r.ok()) {
            p.user.fail(r.error().message);
            return;
        }
        const bool fresh = !p.user.ready();
        p.user.succeed(r.data.get<User>());
        if (fresh) p.name = p.user.value.name;
    });
    r.key = "profile";
    p.user.start(app.requests().send(std::move(r)));
    p.confirm_delete = false;
    p.delete_password.clear();
}

void confirm_email(App& app, const std::string& token) {
    EmailConfirmation& c = app.state.email_confirmation;
    if (c.token == token && (c.form.busy || !c.email.empty() || !c.form.error.empty())) return;
    c = EmailConfirmation{};
    c.token = token;
    c.form.busy = true;
    Request r =
        send_json("POST", api::path_confirm_email(),
                  api::to_json(api::EmailChangeConfirmation{token}), [&app](const Reply& r) {
                      EmailConfirmation& c = app.state.email_confirmation;
                      if (r.id != c.form.request) return;
                      c.form.busy = false;
                      if (!r.ok()) {
                          c.form.error = r.error().message;
                          return;
                      }
                      c.email = r.data.value("email", "");
                      if (app.state.session.signed_in() && !c.email.empty())
                          app.state.session.current.user.email = c.email;
                  });
    // The link works whether or not this browser is signed in.
    r.session_request = true;
    c.form.request = app.requests().send(std::move(r));
}

void apply(App& app, ProfileActions& a) {
    AppState& s = app.state;
    ProfileScreen& p = s.profile;
    if (!s.session.signed_in()) return;

    if (a.high_contrast) {
        // Shown at once; saved in the account for the next sign-in anywhere.
        s.high_contrast = *a.high_contrast;
        s.session.current.user.options.high_contrast = *a.high_contrast;
        api::ProfileChange c;
        c.high_contrast = *a.high_contrast;
        Request r =
            send_json("PATCH", api::path_user(me(app)), api::to_json(c), [&app](const Reply& r) {
                if (r.id != app.state.profile.contrast_request || !r.ok()) return;
                take_user(app, r.data);
            });
        r.key = "contrast"; // a quick second switch supersedes the first
        p.contrast_request = app.requests().send(std::move(r));
    }

    if (a.theme) {
        s.theme = *a.theme;
        s.session.current.user.options.theme = *a.theme;
        api::ProfileChange c;
        c.theme = *a.theme;
        Request r =
            send_json("PATCH", api::path_user(me(app)), api::to_json(c), [&app](const Reply& r) {
                if (r.id != app.state.profile.theme_request || !r.ok()) return;
                take_user(app, r.data);
            });
        r.key = "theme";
        p.theme_request = app.requests().send(std::move(r));
    }

    if (a.save_name && !p.name_form.busy) {
        const std::string name = trim(p.name);
        if (Refusal no = check_person_name(name)) {
            p.name_form.error = *no;
            p.name_form.error_field = "name";
            p.name_form.notice.clear();
        } else {
            api::ProfileChange c;
            c.name = name;
            send_change(app, p.name_form, c, [](App& app, const Reply&) {
                app.state.profile.name_form.notice = "Your name is saved.";
            });
        }
    }

    if (a.change_email && !p.email_form.busy) {
        const std::string email = to_lower_ascii(trim(p.new_email));
        if (Refusal no = check_email(email)) {
            p.email_form.error = *no;
            p.email_form.error_field = "email";
            p.email_form.notice.clear();
        } else if (p.user.ready() && email == p.user.value.email) {
            p.email_form.error = "This is your address already.";
            p.email_form.error_field = "email";
            p.email_form.notice.clear();
        } else {
            api::ProfileChange c;
            c.email = email;
            send_change(app, p.email_form, c, [](App& app, const Reply& r) {
                ProfileScreen& p = app.state.profile;
                p.email_form.notice = r.data.value("message", "We sent a link to the new address.");
                p.new_email.clear();
            });
        }
    }

    if (a.change_password && !p.password_form.busy) {
        FormState& f = p.password_form;
        f.notice.clear();
        if (p.current_password.empty()) {
            f.error = "Type your current password.";
            f.error_field = "current_password";
        } else if (Refusal no = check_password(p.new_password)) {
            f.error = *no;
            f.error_field = "new_password";
        } else if (p.new_password != p.repeat_password) {
            f.error = "The new password and its repetition differ.";
            f.error_field = "repeat_password";
        } else {
            api::ProfileChange c;
            c.current_password = p.current_password;
            c.new_password = p.new_password;
            send_change(app, f, c, [](App& app, const Reply&) {
                ProfileScreen& p = app.state.profile;
                p.password_form.notice =
                    "Your password is changed. Everywhere else you are signed out.";
                p.current_password.clear();
                p.new_password.clear();
                p.repeat_password.clear();
            });
        }
    }

    if (a.ask_delete) {
        p.confirm_delete = *a.ask_delete;
        p.delete_password.clear();
        p.delete_form.error.clear();
        p.delete_form.error_field.clear();
    }
    if (a.delete_account && p.confirm_delete && !p.delete_form.busy) {
        FormState& f = p.delete_form;
        if (p.delete_password.empty()) {
            f.error = "Type your password to delete your account.";
            f.error_field = "password";
        } else {
            f.busy = true;
            f.error.clear();
            f.error_field.clear();
            f.request = app.requests().send(send_json(
                "DELETE", api::path_user(me(app)),
                api::to_json(api::AccountDeletion{p.delete_password}), [&app](const Reply& r) {
                    FormState& f = app.state.profile.delete_form;
                    if (r.id != f.request) return;
                    f.busy = false;
                    if (!r.ok()) {
                        const api::ErrorBody e = r.error();
                        f.error = e.message;
                        f.error_field = e.details.is_object() ? e.details.value("field", "") : "";
                        return;
                    }
                    session::signed_out(app, false);
                    app.state.session.signin.notice = "Your account is deleted. Goodbye!";
                }));
        }
    }
}

} // namespace profile

} // namespace wte::client
