-- PostgreSQL's version of ../002_workspace.sql
-- Learners' workspaces of three-pane parts: which workspaces had their
-- templates copied (once, so a later view never writes), the template's ETag
-- each file started from (changed = etag differs), and the capability tokens
-- of the preview frame, stored hashed like session tokens.

CREATE TABLE workspaces (
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    part_id    BIGINT NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, part_id)
);

-- template_etag NULL: the learner made the file; no template to compare with.
ALTER TABLE workspace_files ADD COLUMN mimetype TEXT NOT NULL DEFAULT 'text/plain';
ALTER TABLE workspace_files ADD COLUMN template_etag TEXT;

CREATE TABLE preview_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    part_id    BIGINT NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX preview_tokens_owner ON preview_tokens(user_id, part_id);
