"""copy-db moves an installation between engines: a school that outgrew one
machine copies its SQLite file into PostgreSQL (and back, if it must), every
row verified by counts; the copy serves the same accounts, content and
learners' work, and new rows get new ids. A target that holds data already
is refused and left as it was. backup on PostgreSQL says to use pg_dump.
Needs the suite's PostgreSQL server (WTE_TEST_POSTGRESQL_FILE)."""
import os
import subprocess
import tempfile
import time
import unittest

from wte_testlib import POSTGRESQL, SERVER, Client, Database, ServerProcess, free_port, \
    new_database, run_cli, use_database

EXERCISE = 9  # "Your Own Home Page", a three-pane part of the demo
PART = 4      # "HTML Structure"


class CopyDb(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        assert POSTGRESQL, "needs WTE_TEST_POSTGRESQL_FILE (ctest's postgresql fixture)"
        # An SQLite installation with a learner's work in it.
        cls.sqlite = ServerProcess(postgresql=False)
        s = cls.sqlite.client("student1")
        status, _, _ = s.request("PUT", f"/api/v1/parts/{EXERCISE}/files/notes.txt",
                                 raw="my notes ✓".encode(), headers={"If-Match": "*"})
        assert status == 200, status
        cls.page = s.get(f"/api/v1/parts/{PART}")[1]["children"][0]["id"]
        status, body, _ = s.post(f"/api/v1/parts/{PART}/progress/time",
                                 {"page_id": cls.page, "seconds": 42})
        assert status == 200, body
        cls.sqlite.proc.terminate()
        cls.sqlite.proc.wait(timeout=10)
        cls.dir = tempfile.TemporaryDirectory(prefix="wte-copy-")

    @classmethod
    def tearDownClass(cls):
        cls.sqlite.stop()
        cls.dir.cleanup()

    def pg_config(self, name):
        """A configuration of a new, empty PostgreSQL database: (path, url, port)."""
        path, port = os.path.join(self.dir.name, name), free_port()
        run_cli("generate-config", "--filename", path)
        url = new_database()
        use_database(path, url)
        with open(path) as f:
            text = f.read().replace("port = 6543", f"port = {port}", 1)
        with open(path, "w") as f:
            f.write(text)
        return path, url, port

    def test_sqlite_to_postgresql_and_back_keeps_every_row(self):
        pg_config, url, port = self.pg_config("pg.ini")
        p = run_cli("copy-db", self.sqlite.config, pg_config)
        self.assertIn("every table's count matches", p.stdout)
        source, copy = Database(self.sqlite.db), Database(url)
        counts = source.row_counts()
        counts.pop("schema_migrations")
        self.assertGreater(counts["parts"], 10)
        self.assertGreater(counts["users"], 3)
        self.assertGreater(counts["sessions"], 0)
        self.assertEqual({t: n for t, n in copy.row_counts().items() if t in counts}, counts)
        for sql in ("SELECT id, email, name, password_hash FROM users ORDER BY id",
                    "SELECT id, parent_id, module_id, title, content, ord FROM parts ORDER BY id",
                    "SELECT user_id, part_id, filename, etag FROM workspace_files ORDER BY filename"):
            self.assertEqual(copy.execute(sql).fetchall(), source.execute(sql).fetchall(), sql)
        source.close()

        # The copy serves: the same sign-in, the learner's file, new ids.
        server = subprocess.Popen([SERVER, "serve", pg_config], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            c = Client(port)
            for _ in range(200):
                try:
                    if c.request("GET", "/api/v1/health")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.05)
            self.assertEqual(c.login("student1@example.org", "student1-demo")[0], 200)
            status, body, _ = c.get(f"/api/v1/parts/{EXERCISE}/files/notes.txt")
            self.assertEqual((status, body), (200, "my notes ✓".encode()))
            progress = c.get(f"/api/v1/parts/{PART}/progress")[1]
            self.assertGreaterEqual(next(p["seconds"] for p in progress["pages"]
                                         if p["page_id"] == self.page), 42)
            t = Client(port)
            self.assertEqual(t.login("teacher@example.org", "teacher-demo")[0], 200)
            status, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": PART,
                                                       "title": "Made after the move"})
            self.assertEqual(status, 201, page)
            self.assertGreater(page["id"], max(r[0] for r in copy.execute("SELECT id FROM parts "
                                                                           "WHERE id <> ?",
                                                                           (page["id"],))))
        finally:
            server.terminate()
            server.wait(timeout=10)

        # And back into a new SQLite file.
        back = os.path.join(self.dir.name, "back.ini")
        run_cli("generate-config", "--filename", back)
        p = run_cli("copy-db", pg_config, back)
        self.assertIn("every table's count matches", p.stdout)
        again = Database(os.path.join(self.dir.name, "wte.db"))
        self.assertEqual(again.execute("SELECT COUNT(*) FROM parts").fetchone()[0], counts["parts"] + 1)
        self.assertEqual(again.integrity_problems(), [])
        again.close()

    def test_a_target_with_data_is_refused_and_left_as_it_was(self):
        pg_config, url, _ = self.pg_config("full.ini")
        run_cli("init-db", pg_config, "--admin-password", "admin-password-1")
        before = Database(url).row_counts()
        p = run_cli("copy-db", self.sqlite.config, pg_config, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("empty", p.stderr)
        self.assertEqual(Database(url).row_counts(), before)
        p = run_cli("copy-db", self.sqlite.config, self.sqlite.config, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("same database", p.stderr)

    def test_backup_on_postgresql_says_to_use_pg_dump(self):
        pg_config, _, _ = self.pg_config("backup.ini")
        run_cli("init-db", pg_config, "--admin-password", "admin-password-1")
        p = run_cli("backup", pg_config, os.path.join(self.dir.name, "copy.db"), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("pg_dump", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, "copy.db")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
