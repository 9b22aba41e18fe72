"""When the database cannot be written: a full disk (the database on a small
tmpfs, filled by uploads) and a database locked by another program past the
server's busy timeout. Both are a 503 with a JSON reason (storage_full,
database_busy), change nothing, and the server works again as soon as space
or the lock is back."""
import os
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

from wte_testlib import ServerProcess

BUSY_TIMEOUT = 10  # seconds: sqlite3_busy_timeout in server/src/db/database.cpp


def integrity(path):
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()


class FullDisk(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mountpoint = tempfile.mkdtemp(prefix="wte-full-")
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", cls.mountpoint],
                               capture_output=True, text=True)
        if mount.returncode != 0:
            os.rmdir(cls.mountpoint)
            raise unittest.SkipTest("cannot mount a small tmpfs to fill (needs root): " +
                                    mount.stderr.strip())
        db = os.path.join(cls.mountpoint, "wte.db")
        cls.server = ServerProcess(extra={"path = wte.db": f"path = {db}"})
        cls.server.db = db

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        subprocess.run(["umount", cls.mountpoint], check=True)
        os.rmdir(cls.mountpoint)

    def upload(self, client, name, size):
        return client.request("POST", f"/api/v1/parts/4/assets?filename={name}&type=asset",
                              raw=os.urandom(size), headers={"Content-Type": "image/png"})

    def test_a_full_disk_is_a_503_storage_full_that_changes_nothing_until_space_returns(self):
        t = self.server.client("teacher")
        self.assertEqual(self.upload(t, "before.png", 1000)[0], 201)
        free = os.statvfs(self.mountpoint)
        filler = os.path.join(self.mountpoint, "filler")
        with open(filler, "wb") as f:
            f.write(b"\0" * max(0, free.f_bavail * free.f_frsize - 200 * 1024))
        names = [a["filename"] for a in t.get("/api/v1/parts/4/assets")[1]["items"]]

        for n in range(100):
            status, body, headers = self.upload(t, f"load-{n}.png", 40 * 1024)
            if status != 201:
                break
            names.append(f"load-{n}.png")
        self.assertEqual(status, 503, body)
        self.assertTrue(headers["content-type"].startswith("application/json"))
        self.assertEqual(body["error"]["code"], "storage_full")
        self.assertIn("disk is full", body["error"]["message"])
        # nothing half-written; reading goes on
        status, listing, _ = t.get("/api/v1/parts/4/assets")
        self.assertEqual(status, 200)
        self.assertEqual([a["filename"] for a in listing["items"]], names)
        self.assertEqual(self.upload(t, "still-full.png", 40 * 1024)[1]["error"]["code"],
                         "storage_full")

        os.remove(filler)
        status, asset, _ = self.upload(t, "after.png", 40 * 1024)
        self.assertEqual(status, 201, asset)
        self.assertEqual(t.patch("/api/v1/parts/4", {"title": "Written again"})[0], 200)
        self.assertIsNone(self.server.proc.poll())
        self.assertEqual(integrity(self.server.db), [("ok",)])


class LockedDatabase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_lock_held_past_the_busy_timeout_is_a_503_database_busy_then_writes_work(self):
        t = self.server.client("teacher")
        before = t.get("/api/v1/parts/4")[1]["title"]
        other = sqlite3.connect(self.server.db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            started = time.time()
            status, body, headers = t.patch("/api/v1/parts/4", {"title": "Never stored"})
            waited = time.time() - started
            self.assertEqual(status, 503, body)
            self.assertTrue(headers["content-type"].startswith("application/json"))
            self.assertEqual(body["error"]["code"], "database_busy")
            self.assertGreaterEqual(waited, BUSY_TIMEOUT - 1)
            # WAL: readers are not held up by a writer
            self.assertEqual(t.get("/api/v1/parts/4")[0], 200)
        finally:
            other.execute("ROLLBACK")
            other.close()
        self.assertEqual(t.get("/api/v1/parts/4")[1]["title"], before)
        self.assertEqual(t.patch("/api/v1/parts/4", {"title": "Stored"})[0], 200)
        self.assertEqual(t.get("/api/v1/parts/4")[1]["title"], "Stored")
        self.assertEqual(integrity(self.server.db), [("ok",)])

    def test_a_lock_released_within_the_busy_timeout_only_delays_the_write(self):
        t = self.server.client("teacher")
        other = sqlite3.connect(self.server.db, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN EXCLUSIVE")
        release = threading.Timer(1.0, lambda: (other.execute("ROLLBACK"), other.close()))
        release.start()
        status, body, _ = t.patch("/api/v1/parts/4", {"title": "Waited for"})
        release.join()
        self.assertEqual(status, 200, body)


if __name__ == "__main__":
    unittest.main(verbosity=2)
