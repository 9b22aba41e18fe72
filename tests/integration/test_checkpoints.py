"""The WAL's checkpoints are taken by the server's own thread, not inside a
request's commit (server/src/db/checkpointer.hpp): the database file alone
holds the latest writes a few seconds after they were made, and a long run
of writes leaves the WAL file bounded, as SQLite's own checkpoints would."""
import os
import shutil
import sqlite3
import tempfile
import time
import unittest

from wte_testlib import ServerTestCase

API = "/api/v1"
PAGE = 4096


class Checkpoints(ServerTestCase):
    def setUp(self):
        self.teacher = self.server.client("teacher")

    def new_module(self, title, content=""):
        status, body, _ = self.teacher.post(f"{API}/parts", {
            "type": "module", "title": title, "status": "unavailable", "content": content})
        self.assertEqual(status, 201, body)
        return body["id"]

    def in_file_alone(self, title):
        """Whether the database file without its WAL has the module."""
        with tempfile.TemporaryDirectory() as d:
            copy = os.path.join(d, "copy.db")
            shutil.copyfile(self.server.db, copy)
            db = sqlite3.connect(copy)
            try:
                return db.execute("SELECT count(*) FROM parts WHERE title = ?",
                                  (title,)).fetchone()[0] == 1
            finally:
                db.close()

    def test_a_quiet_servers_database_file_has_the_last_write_within_seconds(self):
        # SQLite alone would leave this small write in the WAL until 1000 pages.
        self.new_module("Checkpointed While Quiet")
        deadline = time.monotonic() + 12
        while not self.in_file_alone("Checkpointed While Quiet"):
            self.assertLess(time.monotonic(), deadline, "the write is still only in the WAL")
            time.sleep(0.25)

    def test_many_writes_leave_the_wal_bounded(self):
        content = ("A paragraph of a long lesson, written again and again. " * 40 + "\n\n") * 36
        written = 0
        for i in range(160):
            self.new_module(f"Bulk Module {i}", content)
            written += len(content)
        self.assertGreater(written, 3 * 1000 * PAGE)  # far past one checkpoint's worth
        wal = os.path.getsize(self.server.db + "-wal")
        # The WAL is reused from its start after each checkpoint: it stays
        # near 1000 pages (plus what commits added while one ran).
        self.assertLess(wal, 2500 * PAGE, f"WAL of {wal} bytes after {written} bytes of writes")


if __name__ == "__main__":
    unittest.main()
