-- The full WTE schema: accounts, permissions, the content tree, assets,
-- progress, quizzes, timed tasks, sessions. Times are Unix seconds (UTC).

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    password_hash TEXT,                       -- Argon2id (libsodium); NULL until confirmed
    status        TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'active')),
    options       TEXT NOT NULL DEFAULT '{}', -- JSON: {"high_contrast": bool}
    created_at    INTEGER NOT NULL
);

CREATE TABLE permission_groups (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE
);

CREATE TABLE group_permissions (
    group_id   INTEGER NOT NULL REFERENCES permission_groups(id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (group_id, permission)
);

CREATE TABLE user_groups (
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES permission_groups(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
);

CREATE TABLE user_permissions (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (user_id, permission)
);

-- The content tree. module_id is the root of the node's tree (itself for a
-- module): permission checks need the module and its roles in one look-up.
CREATE TABLE parts (
    id               INTEGER PRIMARY KEY,
    type             TEXT NOT NULL CHECK (type IN ('module', 'part', 'page')),
    parent_id        INTEGER REFERENCES parts(id) ON DELETE CASCADE,
    module_id        INTEGER REFERENCES parts(id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'unavailable'
                     CHECK (status IN ('available', 'unavailable', 'archived')),
    label            TEXT NOT NULL DEFAULT '',
    display_mode     TEXT NOT NULL DEFAULT 'text_only'
                     CHECK (display_mode IN ('text_only', 'three_pane_html')),
    content          TEXT NOT NULL DEFAULT '',
    ord              INTEGER NOT NULL DEFAULT 0,
    access_password  TEXT,                    -- Argon2id of the module password
    access_domains   TEXT NOT NULL DEFAULT '[]',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX parts_parent ON parts(parent_id, ord);
CREATE INDEX parts_module ON parts(module_id);
CREATE INDEX parts_type_status ON parts(type, status);

CREATE TABLE module_roles (
    module_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('owner', 'tutor', 'student', 'block')),
    PRIMARY KEY (module_id, user_id)
);
CREATE INDEX module_roles_user ON module_roles(user_id);

-- Every status change of a part, whoever made it (teacher or timed task).
CREATE TABLE status_history (
    id         INTEGER PRIMARY KEY,
    part_id    INTEGER NOT NULL,
    old_status TEXT NOT NULL,
    new_status TEXT NOT NULL,
    user_id    INTEGER,
    task_id    INTEGER,
    changed_at INTEGER NOT NULL
);
CREATE INDEX status_history_task ON status_history(task_id);

CREATE TABLE assets (
    id         INTEGER PRIMARY KEY,
    part_id    INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    filename   TEXT NOT NULL,
    mimetype   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('asset', 'template')),
    ord        INTEGER NOT NULL DEFAULT 0,
    data       BLOB NOT NULL,
    size       INTEGER NOT NULL,
    etag       TEXT NOT NULL,                 -- hash of the bytes: strong ETag
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (part_id, kind, filename)
);

CREATE TABLE progress (
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    part_id         INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    current_page_id INTEGER REFERENCES parts(id) ON DELETE SET NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, part_id)
);

CREATE TABLE page_visits (
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    page_id        INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    seconds        INTEGER NOT NULL DEFAULT 0,
    first_visit_at INTEGER NOT NULL,
    last_visit_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, page_id)
);

CREATE TABLE workspace_files (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    part_id    INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    filename   TEXT NOT NULL,
    content    BLOB NOT NULL,
    etag       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, part_id, filename)
);

-- Quizzes as extracted from a page's content when it is saved.
CREATE TABLE quiz_questions (
    part_id     INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    quiz_id     TEXT NOT NULL,
    quiz_title  TEXT NOT NULL DEFAULT '',
    question_id TEXT NOT NULL,
    ord         INTEGER NOT NULL,
    question    TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('single-choice', 'multi-choice')),
    answers     TEXT NOT NULL,                -- JSON list
    correct     TEXT NOT NULL,                -- JSON list, never sent to learners
    PRIMARY KEY (part_id, quiz_id, question_id)
);

CREATE TABLE quiz_answers (
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    part_id         INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    quiz_id         TEXT NOT NULL,
    question_id     TEXT NOT NULL,
    answers         TEXT NOT NULL,
    correct         INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    initial_answers TEXT NOT NULL,
    initial_correct INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, part_id, quiz_id, question_id)
);

-- Timed tasks. part_id has no foreign key on purpose: a task whose part was
-- deleted must fail with a reason, not vanish. lease_owner/lease_expires make
-- claims atomic and recoverable (see server/src/tasks).
CREATE TABLE timed_tasks (
    id            INTEGER PRIMARY KEY,
    part_id       INTEGER NOT NULL,
    name          TEXT NOT NULL,
    run_at        INTEGER NOT NULL,
    options       TEXT NOT NULL DEFAULT '{}',
    status        TEXT NOT NULL DEFAULT 'ready'
                  CHECK (status IN ('ready', 'running', 'completed', 'failed')),
    error         TEXT,
    lease_owner   TEXT,
    lease_expires INTEGER,
    ran_at        INTEGER,
    created_at    INTEGER NOT NULL
);
CREATE INDEX timed_tasks_due ON timed_tasks(status, run_at);
CREATE INDEX timed_tasks_part ON timed_tasks(part_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- One-time links for confirmation and password reset.
CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    expires_at INTEGER NOT NULL
);

-- Login throttling per account and per address.
CREATE TABLE login_failures (
    key        TEXT PRIMARY KEY,              -- "email:..." or "ip:..."
    failures   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL
);
