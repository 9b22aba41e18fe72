-- Outgoing mail. The request that causes a mail inserts it in the same
-- transaction as its own change; the sender thread of `serve` delivers it
-- over SMTP and retries with back-off, so a mail survives an unreachable
-- SMTP server and a restart. A delivery claims its row for a while
-- (next_attempt_at moves ahead first), so two servers never send it twice.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    to_address      TEXT NOT NULL,
    to_name         TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);
