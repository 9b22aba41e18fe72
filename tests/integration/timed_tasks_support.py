"""Shared pieces of the timed-task integration tests: a database made by the
real `init-db` (no web server needed; an SQLite file, or a PostgreSQL
database when the suite runs there), parts and tasks inserted in bulk, and
`run-timed-tasks` runs with their summary read back."""
import os
import re
import subprocess
import tempfile
import time

from wte_testlib import POSTGRESQL, SERVER, Database, drop_database, new_database, run_cli, \
    use_database

NOW = int(time.time())
MINUTE = 60


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class RunnerDb:
    """generate-config + init-db in a temp dir; the runner opens the file directly."""

    def __init__(self):
        self.dir = tempfile.TemporaryDirectory(prefix="wte-tasks-")
        self.config = os.path.join(self.dir.name, "wte.ini")
        self.path = os.path.join(self.dir.name, "wte.db")
        run_cli("generate-config", "--filename", self.config)
        if POSTGRESQL:
            self.path = new_database()
            use_database(self.config, self.path)
        run_cli("init-db", self.config, "--admin-password", "admin-password-1")

    def close(self):
        self.dir.cleanup()
        if POSTGRESQL:
            drop_database(self.path)

    def connect(self):
        return Database(self.path, timeout=30)

    def add_parts(self, count, type_="module", status="unavailable"):
        """Adds `count` modules (or pages under one fresh module); returns their ids."""
        db = self.connect()
        with db:
            parent = None
            if type_ != "module":
                parent = db.execute(
                    "INSERT INTO parts (type, title, status, created_at, updated_at) "
                    "VALUES ('module', 'Holder', 'available', 0, 0) RETURNING id").fetchone()[0]
                db.execute("UPDATE parts SET module_id = id WHERE id = ?", (parent,))
            ids = db.insert_returning_ids(
                "INSERT INTO parts (type, parent_id, module_id, title, status, ord, created_at, "
                "updated_at)", "(?, ?, ?, ?, ?, ?, 0, 0)",
                [(type_, parent, parent, f"{type_} {i}", status, i) for i in range(count)])
            if type_ == "module":
                db.execute("UPDATE parts SET module_id = id WHERE module_id IS NULL")
        db.close()
        return ids

    def add_tasks(self, rows):
        """rows: (part_id, run_at, target_status[, name]); returns the ids in order."""
        db = self.connect()
        with db:
            ids = db.insert_returning_ids(
                "INSERT INTO timed_tasks (part_id, name, run_at, options, created_at)",
                "(?, ?, ?, ?, 0)",
                [(row[0], row[3] if len(row) > 3 else "change_status", row[1] - row[1] % 60,
                  '{"target_status": "%s"}' % row[2]) for row in rows])
        db.close()
        return ids

    def query(self, sql, args=()):
        db = self.connect()
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def scalar(self, sql, args=()):
        return self.query(sql, args)[0][0]

    def statuses(self):
        return dict(self.query("SELECT status, COUNT(*) FROM timed_tasks GROUP BY status"))

    def effects_per_task(self):
        """{task_id: number of status_history rows it wrote}: the proof of exactly once."""
        return dict(self.query("SELECT task_id, COUNT(*) FROM status_history "
                               "WHERE task_id IS NOT NULL GROUP BY task_id"))

    def command(self, *args):
        return [SERVER, "run-timed-tasks", self.config, *args]

    def run(self, *args):
        return subprocess.run(self.command(*args), capture_output=True, text=True, timeout=300)


def tasks_run(output):
    """The N of "N tasks run, F failed" (0 when the line is missing)."""
    m = re.search(r"(\d+) tasks? run, (\d+) failed", output)
    return int(m.group(1)) if m else 0
