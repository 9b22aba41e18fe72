#include "mail/templates.hpp"

#include "wte/rst/html.hpp"

namespace wte::mail {

namespace {

const char* product = "Web Teaching Environment";

std::string html_page(const std::string& body) {
    return "<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5; "
           "color: #1f2937\"><p style=\"font-weight: bold; color: #2557d6\">" +
           std::string(product) + "</p>" + body + "</body></html>";
}

std::string button(const std::string& link, const std::string& label) {
    const std::string href = rst::escape_html(link);
    return "<p><a href=\"" + href +
           "\" style=\"display: inline-block; padding: 10px 18px; background: #2557d6; "
           "color: #ffffff; border-radius: 6px; text-decoration: none\">" +
           rst::escape_html(label) + "</a></p><p style=\"font-size: small; color: #6b7280\">" +
           "Or open this address: " + href + "</p>";
}

std::string greeting(const User& user) {
    return user.name.empty() ? "Hello," : "Hello " + user.name + ",";
}

// A mail to `user` with its subject; the bodies are the caller's.
db::OutgoingMail to(const User& user, std::string subject) {
    db::OutgoingMail m;
    m.to_address = user.email;
    m.to_name = user.name;
    m.subject = std::move(subject);
    return m;
}

} // namespace

db::OutgoingMail password_reset(const User& user, const std::string& link, int minutes) {
    db::OutgoingMail m = to(user, "Choose a new password for the " + std::string(product));
    const std::string valid = std::to_string(minutes) + " minutes";
    m.text_body = greeting(user) + "\n\nsomeone (we hope you) asked to reset the password of " +
                  "your account at the " + product + ".\nOpen this link within " + valid +
                  " to choose a new one:\n\n" + link +
                  "\n\nChoosing a new password signs you out everywhere else. If you did not "
                  "ask for this, ignore this mail: your password stays as it is.\n";
    m.html_body = html_page(
        "<p>" + rst::escape_html(greeting(user)) +
        "</p><p>someone (we hope you) asked to reset the password of your account. Open the "
        "link within " +
        valid + " to choose a new one.</p>" + button(link, "Choose a new password") +
        "<p>Choosing a new password signs you out everywhere else. If you did not ask for "
        "this, ignore this mail: your password stays as it is.</p>");
    return m;
}

db::OutgoingMail confirm_address(const User& user, const std::string& link, int minutes) {
    db::OutgoingMail m = to(user, "Confirm your address for the " + std::string(product));
    const std::string valid = std::to_string(minutes) + " minutes";
    m.text_body = greeting(user) + "\n\nwelcome to the " + product + ". Open this link within " +
                  valid + " to confirm your address and choose your password:\n\n" + link +
                  "\n\nIf you did not register, ignore this mail: no account is opened.\n";
    m.html_body = html_page("<p>" + rst::escape_html(greeting(user)) + "</p><p>welcome! Open the " +
                            "link within " + valid +
                            " to confirm your address and choose your password.</p>" +
                            button(link, "Confirm and choose a password") +
                            "<p>If you did not register, ignore this mail: no account is "
                            "opened.</p>");
    return m;
}

db::OutgoingMail email_change(const User& user, const std::string& link, int minutes) {
    db::OutgoingMail m = to(user, "Confirm your new address for the " + std::string(product));
    const std::string valid = std::to_string(minutes) + " minutes";
    m.text_body = greeting(user) + "\n\nyou asked to use this address for your account at the " +
                  product + ". Open this link within " + valid + " to confirm it:\n\n" + link +
                  "\n\nUntil then your account keeps its old address. If you did not ask for "
                  "this, ignore this mail.\n";
    m.html_body = html_page("<p>" + rst::escape_html(greeting(user)) +
                            "</p><p>you asked to use this address for your account. Open the "
                            "link within " +
                            valid + " to confirm it.</p>" + button(link, "Confirm my new address") +
                            "<p>Until then your account keeps its old address.</p>");
    return m;
}

db::OutgoingMail already_registered(const User& user, const std::string& forgot_link) {
    db::OutgoingMail m = to(user, "You already have an account at the " + std::string(product));
    m.text_body = greeting(user) + "\n\nsomeone (perhaps you) tried to register with this " +
                  "address, but it has an account already, so nothing was changed.\nIf you " +
                  "forgot your password, choose a new one here:\n\n" + forgot_link + "\n";
    m.html_body = html_page("<p>" + rst::escape_html(greeting(user)) +
                            "</p><p>someone (perhaps you) tried to register with this address, "
                            "but it has an account already, so nothing was changed.</p>" +
                            button(forgot_link, "Choose a new password"));
    return m;
}

} // namespace wte::mail
