-- "Re-render all content" (POST /admin/rerender): the job's state lives here,
-- not in the process, so every wte-server instance answers the same and a
-- job survives its server only as "failed". The process running it holds a
-- lease it renews after each small batch; a lease that ran out means the
-- process died (the job is then marked failed). At most one job runs.
CREATE TABLE rerender_jobs (
    id            INTEGER PRIMARY KEY,
    state         TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    done          INTEGER NOT NULL DEFAULT 0,
    total         INTEGER NOT NULL,
    last_part_id  INTEGER NOT NULL DEFAULT 0, -- parts with a greater id are still to do
    started_by    INTEGER,                    -- a user id; no foreign key: the record stays
    error         TEXT,
    lease_owner   TEXT NOT NULL,
    lease_expires INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE UNIQUE INDEX rerender_jobs_one_running ON rerender_jobs(state) WHERE state = 'running';

-- The parts whose content the parser reported problems in, per job.
CREATE TABLE rerender_problems (
    job_id       INTEGER NOT NULL REFERENCES rerender_jobs(id) ON DELETE CASCADE,
    part_id      INTEGER NOT NULL,
    title        TEXT NOT NULL,
    module_title TEXT NOT NULL,
    messages     TEXT NOT NULL,              -- JSON list of "line N: …"
    PRIMARY KEY (job_id, part_id)
);
