// The accounts feature: POST /auth/register, /auth/resend, /auth/forgot,
// /auth/confirm and /auth/reset, checked first with the shared rules so a
// typo is answered at once, and their replies.
#include "app/accounts.hpp"

#include "app/app.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

namespace wte::client {

namespace accounts {

namespace {

// The shared rules' refusal, set on the form with the field it is about.
template <typename Form> bool refused(Form& f, Refusal no, const char* field) {
    if (!no) return false;
    f.error = *no;
    f.error_field = field;
    return true;
}

bool check_registration(RegisterForm& f) {
    if (refused(f, check_email(trim(f.email)), "email")) return false;
    if (to_lower_ascii(trim(f.email)) != to_lower_ascii(trim(f.email_confirm)) &&
        refused(f, std::string("The two email addresses are not the same."), "email_confirm"))
        return false;
    return !refused(f, check_person_name(trim(f.name)), "name");
}

bool check_new_password(LinkForm& f) {
    if (refused(f, check_password(f.password), "password")) return false;
    return !(f.password != f.password_confirm &&
             refused(f, std::string("The two passwords are not the same."), "password_confirm"));
}

std::string field_of(const Reply& reply) {
    const api::ErrorBody e = reply.error();
    return e.details.is_object() ? e.details.value("field", "") : "";
}

void send_register(App& app) {
    RegisterForm& f = app.state.accounts.register_form;
    f.busy = true;
    f.error.clear();
    f.error_field.clear();
    Request r = send_json(
        "POST", api::path_register(),
        api::to_json(api::RegisterRequest{trim(f.email), trim(f.email_confirm), trim(f.name)}),
        [&app](const Reply& reply) {
            RegisterForm& f = app.state.accounts.register_form;
            if (reply.id != f.request) return;
            f.busy = false;
            if (reply.ok()) {
                f.sent = reply.data.value("message", "");
            } else {
                f.error = reply.error().message;
                f.error_field = field_of(reply);
            }
        });
    r.session_request = true;
    f.request = app.requests().send(std::move(r));
}

// Resend and forgot answer the same way: a message for the form.
template <typename Form> void send_address(App& app, const std::string& path, Form& f) {
    f.busy = true;
    f.error.clear();
    f.error_field.clear();
    Request r = send_json("POST", path, api::to_json(api::AddressRequest{trim(f.email)}),
                          [&f](const Reply& reply) {
                              if (reply.id != f.request) return;
                              f.busy = false;
                              if (reply.ok()) {
                                  f.sent = reply.data.value("message", "");
                              } else {
                                  f.error = reply.error().message;
                                  f.error_field = field_of(reply);
                              }
                          });
    r.session_request = true;
    f.request = app.requests().send(std::move(r));
}

} // namespace

void enter(App& app) {
    AccountForms& forms = app.state.accounts;
    const Route& route = app.state.route;
    if (route.is(routes::register_account)) forms.register_form = {};
    if (route.is(routes::forgot)) {
        const std::string typed = app.state.session.signin.email; // carried over from sign-in
        forms.forgot = {};
        forms.forgot.email = typed;
    }
    if (route.is(routes::reset) || route.is(routes::confirm)) forms.link = {};
}

void apply(App& app, AccountActions& a) {
    AccountForms& forms = app.state.accounts;
    if (a.register_account && !forms.register_form.busy) {
        if (check_registration(forms.register_form)) send_register(app);
    }
    if (a.resend && !forms.register_form.busy) {
        RegisterForm& f = forms.register_form;
        send_address(app, api::path_resend(), f);
    }
    if (a.forgot && !forms.forgot.busy) {
        ForgotForm& f = forms.forgot;
        if (!refused(f, check_email(trim(f.email)), "email"))
            send_address(app, api::path_forgot(), f);
    }
    if (a.use_link && !forms.link.busy) {
        LinkForm& f = forms.link;
        const Route route = app.state.route;
        if (check_new_password(f)) {
            f.busy = true;
            f.error.clear();
            f.error_field.clear();
            const std::string path =
                route.is(routes::reset) ? api::path_reset() : api::path_confirm();
            Request r = send_json("POST", path,
                                  api::to_json(api::LinkPasswordRequest{route.token, f.password}),
                                  [&app](const Reply& reply) {
                                      LinkForm& f = app.state.accounts.link;
                                      if (reply.id != f.request) return;
                                      f.busy = false;
                                      if (reply.ok()) {
                                          f = {};
                                          // The token leaves the address bar with this screen.
                                          app.state.session.after_signin = route_my_modules();
                                          session::signed_in_with(app, reply.data);
                                      } else {
                                          f.expired = reply.error().code == "invalid_token";
                                          f.error = reply.error().message;
                                          f.error_field = field_of(reply);
                                      }
                                  });
            r.session_request = true;
            f.request = app.requests().send(std::move(r));
        }
    }
}

} // namespace accounts

} // namespace wte::client
