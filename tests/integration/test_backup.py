"""wte-server backup CONFIG FILE: a consistent copy taken while serve keeps
writing — it opens, passes PRAGMA integrity_check and holds every write
acknowledged before the backup began — and clear refusals that leave FILE
alone."""
import os
import sqlite3
import subprocess
import threading
import time
import unittest

from wte_testlib import SERVER, ServerTestCase, run_cli


class Writer(threading.Thread):
    """Creates pages through the API as fast as the server acknowledges them."""

    def __init__(self, client):
        super().__init__(daemon=True)
        self.client, self.stop, self.lock = client, threading.Event(), threading.Lock()
        self.acknowledged, self.errors = [], []  # (id, title, monotonic time of the 201)

    def run(self):
        n = 0
        while not self.stop.is_set() and n < 20000:
            n += 1
            title = f"Written under load {n}"
            status, body, _ = self.client.post("/api/v1/parts", {
                "type": "page", "parent_id": 4, "title": title, "status": "available"})
            if status != 201:
                self.errors.append((status, body))
                return
            with self.lock:
                self.acknowledged.append((body["id"], title, time.monotonic()))

    def snapshot(self):
        with self.lock:
            return list(self.acknowledged)


class BackupTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database of some size, so the copy takes long enough for writes to land meanwhile.
        t = cls.server.client("teacher")
        for i in range(10):
            data = os.urandom(8 * 1024 * 1024)
            status, body, _ = t.request(
                "POST", f"/api/v1/parts/14/assets?filename=bulk-{i}.bin&type=asset", raw=data,
                headers={"Content-Type": "application/octet-stream"})
            assert status == 201, body

    def path(self, name):
        return os.path.join(self.server.dir.name, name)

    def backup(self, *args):
        return subprocess.run([SERVER, "backup", self.server.config, *args], capture_output=True,
                              text=True, timeout=300)

    def assertSound(self, path):
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)])

    def test_a_backup_taken_while_the_server_writes_holds_every_acknowledged_write(self):
        writer = Writer(self.server.client("teacher"))
        writer.start()
        while len(writer.snapshot()) < 20 and writer.is_alive():
            time.sleep(0.01)
        before = writer.snapshot()
        began = time.monotonic()
        target = self.path("during-load.db")
        p = self.backup(target)
        ended = time.monotonic()
        time.sleep(0.2)
        writer.stop.set()
        writer.join(timeout=30)
        self.assertEqual(writer.errors, [])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(p.stdout.strip().splitlines()), 1, p.stdout)
        self.assertIn("integrity check ok", p.stdout)
        during = [a for a in writer.snapshot() if began < a[2] < ended]
        print(f"backup took {ended - began:.2f} s, {len(during)} writes acknowledged meanwhile", flush=True)
        self.assertGreater(len(during), 0, "the server kept acknowledging writes during the backup")

        self.assertSound(target)
        with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as db:
            copied = dict(db.execute("SELECT id, title FROM parts").fetchall())
            assets = db.execute("SELECT COUNT(*) FROM assets WHERE filename LIKE 'bulk-%'").fetchone()
        for id_, title, _ in before:
            self.assertEqual(copied.get(id_), title)
        # One snapshot: the writes it holds are the first ones, with no gap (one writer, in order).
        order = [id_ for id_, _, _ in writer.snapshot()]
        held = [id_ for id_ in order if id_ in copied]
        self.assertEqual(held, order[:len(held)])
        self.assertEqual(assets, (10,))
        self.assertFalse(os.path.exists(target + ".partial"))
        # wte-server itself opens the copy: a configuration pointing at it migrates nothing.
        config = self.path("restored.ini")
        with open(self.server.config) as f, open(config, "w") as out:
            out.write(f.read().replace("path = wte.db", "path = during-load.db"))
        migrated = run_cli("migrate", config)
        self.assertIn("(0 migrations applied)", migrated.stdout)

    def test_an_existing_file_is_refused_unless_forced(self):
        target = self.path("existing.db")
        with open(target, "wb") as f:
            f.write(b"an older backup")
        p = self.backup(target)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
        self.assertIn("exists already; pass --force", p.stderr)
        with open(target, "rb") as f:
            self.assertEqual(f.read(), b"an older backup")
        p = self.backup(target, "--force", "--quiet")
        self.assertEqual((p.returncode, p.stdout), (0, ""), p.stderr)
        self.assertSound(target)

    def test_a_missing_folder_and_the_database_itself_are_refused(self):
        missing = self.path(os.path.join("no-such-folder", "wte.db"))
        p = self.backup(missing)
        self.assertEqual(p.returncode, 1)
        self.assertIn("does not exist", p.stderr)
        self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))
        p = self.backup(self.server.db, "--force")
        self.assertEqual(p.returncode, 1)
        self.assertIn("is the database itself", p.stderr)
        p = self.backup(self.server.dir.name)
        self.assertEqual(p.returncode, 1)
        self.assertIn("is a folder", p.stderr)
        p = self.backup()
        self.assertNotEqual(p.returncode, 0)  # FILE is required


if __name__ == "__main__":
    unittest.main()
