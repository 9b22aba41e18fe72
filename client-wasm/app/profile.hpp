// Feature: the signed-in user's own account (#/profile, drawn by
// screens/profile.cpp): name, a new email address (it changes once the link
// mailed to it is opened, #/confirm-email/TOKEN), password (the current one
// asked; the other sessions end), high contrast (saved in the account, so
// every device signs in with it; the top bar's switch saves it too), and
// deleting the account with the password typed again (refused, with the
// modules named, while the user alone owns a module).
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <optional>
#include <string>

namespace wte::client {

class App;

// One form of the screen: its request, and the answer shown under it.
struct FormState {
    bool busy = false;
    std::string notice; // "Your name is saved."
    std::string error;  // the server's words, or the form's own check
    // The field the error is about (the API's details.field: "name",
    // "email", "current_password", …): marked invalid with the error.
    std::string error_field;
    int request = 0;
};

// The error for `field`'s text field, or nothing.
inline std::string error_on(const FormState& f, const char* field) {
    return f.error_field == field ? f.error : std::string();
}

struct ProfileScreen {
    Remote<User> user;
    std::string name;
    FormState name_form;
    std::string new_email;
    FormState email_form;
    std::string current_password, new_password, repeat_password;
    FormState password_form;
    bool confirm_delete = false;
    std::string delete_password;
    FormState delete_form;
    int contrast_request = 0;
    int theme_request = 0;
};

// #/confirm-email/TOKEN: the link mailed to a new address.
struct EmailConfirmation {
    std::string token; // the one sent (a reload does not send it twice)
    FormState form;
    std::string email; // the address now in use, once confirmed
};

struct ProfileActions {
    bool save_name = false;
    bool change_email = false;
    bool change_password = false;
    std::optional<bool> ask_delete; // false: keep the account
    bool delete_account = false;
    std::optional<bool> high_contrast;
    std::optional<ThemeChoice> theme;
    bool any() const {
        return save_name || change_email || change_password || ask_delete || delete_account ||
               high_contrast || theme;
    }
};

namespace profile {
void load(App& app);
void confirm_email(App& app, const std::string& token);
void apply(App& app, ProfileActions& a);
} // namespace profile

} // namespace wte::client
