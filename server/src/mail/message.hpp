// A mail as the SMTP server receives it (RFC 5322 + MIME): plain text and
// HTML as multipart/alternative, both UTF-8 in base64 (no line-length or
// dot-stuffing surprises), and non-ASCII header words as RFC 2047
// encoded-words, so a name like "Zoë Ångström" arrives intact.
#pragma once

#include "db/outbox_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace wte::mail {

// `sender` is the configured From address (email.sender).
std::string mime_message(const db::OutgoingMail& mail, const std::string& sender,
                         std::int64_t unix_time, const std::string& message_id);

// "=?UTF-8?B?...?=" when `text` has non-ASCII bytes or specials, else `text`.
std::string encode_header_words(std::string_view text);
// RFC 5322 date: "Tue, 01 Dec 2026 10:00:00 +0000".
std::string rfc5322_date(std::int64_t unix_time);
// Base64 in lines of 76 characters, each ended by CRLF.
std::string base64_lines(std::string_view bytes);

} // namespace wte::mail
