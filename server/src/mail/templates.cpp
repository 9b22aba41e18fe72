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

// Plain text as HTML paragraphs: each blank-line separated block one <p>, line breaks kept.
std::string html_paragraphs(const std::string& text) {
    std::string out, para;
    auto flush = [&] {
        if (!para.empty()) out += "<p>" + para + "</p>";
        para.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            flush();
        else
            para += (para.empty() ? "" : "<br>") + rst::escape_html(line);
        start = end + 1;
    }
    flush();
    return out;
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

db::OutgoingMail part_notice(const User& member, const std::string& part_title,
                             const std::string& module_title, const std::string& teacher,
                             const std::string& message, const std::string& link) {
    db::OutgoingMail m = to(member, "“" + part_title + "” in " + module_title);
    const std::string intro =
        teacher + " asks you to look at “" + part_title + "” in the module “" + module_title + "”.";
    m.text_body = greeting(member) + "\n\n" + intro + "\n\n" +
                  (message.empty() ? "" : message + "\n\n") + "Open it here:\n\n" + link +
                  "\n\nYou get this mail as a member of the module.\n";
    m.html_body =
        html_page("<p>" + rst::escape_html(greeting(member)) + "</p><p>" + rst::escape_html(intro) +
                  "</p>" + html_paragraphs(message) + button(link, "Open “" + part_title + "”") +
                  "<p style=\"font-size: small; color: #6b7280\">You get this mail as "
                  "a member of the module.</p>");
    return m;
}

} // namespace wte::mail
