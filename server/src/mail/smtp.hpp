// Delivery of one message over SMTP with libcurl: plain, STARTTLS (required
// when email.starttls is set) or implicit TLS (email.ssl), with AUTH when a
// username is configured. Returns what the SMTP server last answered, for
// the outbox's last_error and for `wte-server mail-test`.
#pragma once

#include "config.hpp"

#include <atomic>
#include <string>

namespace wte::mail {

struct SmtpResult {
    bool delivered = false;
    long code = 0;     // the SMTP server's last reply code, 0 if it never answered
    std::string reply; // its last reply line ("250 2.0.0 OK ...")
    std::string error; // a one-line reason when not delivered
};

// `cancel`, when given, aborts a transfer in progress once it turns true
// (the server is shutting down).
SmtpResult send_smtp(const EmailSettings& settings, const std::string& to,
                     const std::string& message, const std::atomic<bool>* cancel = nullptr);

} // namespace wte::mail
