-- PostgreSQL's version of ../004_email_changes.sql
-- A change of address waits here until the link mailed to the new address is
-- opened (the token stored hashed, like the other one-time links).
CREATE TABLE email_changes (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    new_email  TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX email_changes_user ON email_changes(user_id);
