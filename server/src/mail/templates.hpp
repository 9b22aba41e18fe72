// The mails WTE sends, each as plain text and HTML with the product name, a
// clear subject and a link built from server.public_url.
#pragma once

#include "db/outbox_store.hpp"
#include "wte/domain.hpp"

#include <string>

namespace wte::mail {

// `link` opens the app's "choose a new password" screen; valid `minutes`.
db::OutgoingMail password_reset(const User& user, const std::string& link, int minutes);

} // namespace wte::mail
