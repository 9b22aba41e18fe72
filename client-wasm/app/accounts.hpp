// Feature: accounts by mail, before sign-in — register, send the link
// again, forgotten password, and the mailed links (#/confirm/TOKEN,
// #/reset/TOKEN) where the user chooses a password and is signed in.
#pragma once

#include <string>

namespace wte::client {

// The field an error is about (the API's details.field, or the client's own
// check): that text field is marked invalid with the error.
inline std::string error_on(const std::string& error, const std::string& error_field,
                            const char* field) {
    return error_field == field ? error : std::string();
}

class App;

struct RegisterForm {
    std::string email, email_confirm, name;
    bool busy = false;
    std::string error, error_field;
    std::string sent; // the server's "we sent a link" message; the form is done
    int request = 0;
};

struct ForgotForm {
    std::string email;
    bool busy = false;
    std::string error, error_field;
    std::string sent;
    int request = 0;
};

// The screen a mailed link opens: a new password, typed twice.
struct LinkForm {
    std::string password, password_confirm;
    bool busy = false;
    std::string error, error_field;
    bool expired = false; // the server said the link is used or too old
    int request = 0;
};

struct AccountForms {
    RegisterForm register_form;
    ForgotForm forgot;
    LinkForm link;
};

struct AccountActions {
    bool register_account = false;
    bool resend = false; // the confirmation link, for register_form.email
    bool forgot = false;
    bool use_link = false; // confirm or reset, by the route on screen
    bool any() const { return register_account || resend || forgot || use_link; }
};

namespace accounts {
void apply(App& app, AccountActions& a);
// A form is fresh each time its screen is entered.
void enter(App& app);
} // namespace accounts

} // namespace wte::client
