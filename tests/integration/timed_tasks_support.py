"""Shared pieces of the timed-task integration tests: a database made by the
real `init-db` (no web server needed), parts and tasks inserted in bulk with
sqlite3, and `run-timed-tasks` runs with their summary read back."""
import os
import re
import sqlite3
import subprocess
import tempfile
import time

from wte_testlib import SERVER, run_cli

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
        run_cli("init-db", self.config, "--admin-password", "admin-password-1")

    def close(self):
        self.dir.cleanup()

    def connect(self):
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA busy_timeout = 30000")
        return db

    def add_parts(self, count, type_="module", status="unavailable"):
        """Adds `count` modules (or pages under one fresh module); returns their ids."""
        db = self.connect()
        with db:
            parent = None
            if type_ != "module":
                cur = db.execute(
                    "INSERT INTO parts (type, title, status, created_at, updated_at) "
                    "VALUES ('module', 'Holder', 'available', 0, 0)")
                parent = cur.lastrowid
                db.execute("UPDATE parts SET module_id = id WHERE id = ?", (parent,))
            ids = []
            for i in range(count):
                cur = db.execute(
                    "INSERT INTO parts (type, parent_id, module_id, title, status, ord, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
                    (type_, parent, parent, f"{type_} {i}", status, i))
                ids.append(cur.lastrowid)
            if type_ == "module":
                db.execute("UPDATE parts SET module_id = id WHERE module_id IS NULL")
        db.close()
        return ids

    def add_tasks(self, rows):
        """rows: (part_id, run_at, target_status[, name]); returns the ids in order."""
        db = self.connect()
        ids = []
        with db:
            for row in rows:
                part_id, run_at, target = row[:3]
                name = row[3] if len(row) > 3 else "change_status"
                cur = db.execute(
                    "INSERT INTO timed_tasks (part_id, name, run_at, options, created_at) "
                    "VALUES (?, ?, ?, ?, 0)",
                    (part_id, name, run_at - run_at % 60, '{"target_status": "%s"}' % target))
                ids.append(cur.lastrowid)
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
