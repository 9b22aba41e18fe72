#include "db/outbox_store.hpp"

namespace wte::db {

std::int64_t OutboxStore::enqueue(const OutgoingMail& m, std::int64_t now) {
    auto st = c_.prepare("INSERT INTO outbox (to_address, to_name, subject, text_body, html_body, "
                         "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    st.bind_all(m.to_address, m.to_name, m.subject, m.text_body, m.html_body, now, now);
    st.step();
    return st.int64(0);
}

std::vector<OutboxEntry> OutboxStore::due(std::int64_t now, int limit) {
    auto st = c_.prepare("SELECT id, to_address, to_name, subject, text_body, html_body, attempts, "
                         "next_attempt_at FROM outbox WHERE sent_at IS NULL AND "
                         "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?");
    st.bind_all(now, limit);
    std::vector<OutboxEntry> out;
    while (st.step()) {
        OutboxEntry e;
        e.id = st.int64(0);
        e.mail = {st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
        e.attempts = st.integer(6);
        e.next_attempt_at = st.int64(7);
        out.push_back(std::move(e));
    }
    return out;
}

bool OutboxStore::claim(const OutboxEntry& e, std::int64_t until) {
    c_.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND "
               "next_attempt_at = ?")
        .bind_all(until, e.id, e.next_attempt_at)
        .run();
    return c_.changes() == 1;
}

void OutboxStore::mark_sent(std::int64_t id, std::int64_t now) {
    c_.prepare("UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
               "WHERE id = ?")
        .bind_all(now, id)
        .run();
}

void OutboxStore::mark_failed(std::int64_t id, int attempts, std::int64_t next_attempt_at,
                              const std::string& error) {
    c_.prepare("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
        .bind_all(attempts, next_attempt_at, error, id)
        .run();
}

std::optional<std::int64_t> OutboxStore::next_due() {
    auto st = c_.prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE sent_at IS NULL");
    st.step();
    return st.optional_int64(0);
}

OutboxCounts OutboxStore::counts() {
    auto st = c_.prepare("SELECT COUNT(*) - COUNT(sent_at), COUNT(sent_at) FROM outbox");
    st.step();
    return {st.integer(0), st.integer(1)};
}

} // namespace wte::db
