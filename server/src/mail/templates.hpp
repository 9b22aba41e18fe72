// The mails WTE sends, each as plain text and HTML with the product name, a
// clear subject and a link built from server.public_url.
#pragma once

#include "db/outbox_store.hpp"
#include "wte/domain.hpp"

#include <string>

namespace wte::mail {

// `link` opens the app's "choose a new password" screen; valid `minutes`.
db::OutgoingMail password_reset(const User& user, const std::string& link, int minutes);
// `link` opens the app's "confirm your address and choose a password" screen.
db::OutgoingMail confirm_address(const User& user, const std::string& link, int minutes);
// Someone registered with an address that has an account already: its owner
// hears of it (and how to reset the password) instead of a second account.
// Sent to the new address (`user.email`); `link` confirms the change.
db::OutgoingMail email_change(const User& user, const std::string& link, int minutes);
db::OutgoingMail already_registered(const User& user, const std::string& forgot_link);
// A teacher's "notify members" about a part: `message` may be empty; `link` opens the part.
db::OutgoingMail part_notice(const User& member, const std::string& part_title,
                             const std::string& module_title, const std::string& teacher,
                             const std::string& message, const std::string& link);

} // namespace wte::mail
