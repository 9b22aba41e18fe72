// OutboxStore: the SQL of outgoing mail. `enqueue` runs inside the caller's
// transaction, so a mail exists exactly when the change that caused it does;
// the sender claims a due mail before it talks to SMTP (the claim moves
// next_attempt_at ahead), then marks it sent or schedules the next attempt.
#pragma once

#include "db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wte::db {

struct OutgoingMail {
    std::string to_address;
    std::string to_name; // may be empty
    std::string subject;
    std::string text_body;
    std::string html_body;
};

struct OutboxEntry {
    std::int64_t id = 0;
    OutgoingMail mail;
    int attempts = 0;
    std::int64_t next_attempt_at = 0;
};

struct OutboxCounts {
    int pending = 0;
    int sent = 0;
};

class OutboxStore {
public:
    explicit OutboxStore(Connection& c) : c_(c) {}

    std::int64_t enqueue(const OutgoingMail& mail, std::int64_t now);
    // Mails whose next attempt is due, oldest first.
    std::vector<OutboxEntry> due(std::int64_t now, int limit);
    // True when this caller won the mail until `until` (nobody else sends it meanwhile).
    bool claim(const OutboxEntry& e, std::int64_t until);
    void mark_sent(std::int64_t id, std::int64_t now);
    void mark_failed(std::int64_t id, int attempts, std::int64_t next_attempt_at,
                     const std::string& error);
    // The earliest next attempt of an unsent mail, for the sender's sleep.
    std::optional<std::int64_t> next_due();
    OutboxCounts counts();

private:
    Connection& c_;
};

} // namespace wte::db
