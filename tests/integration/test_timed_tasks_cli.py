"""`wte-server run-timed-tasks` as cron and an operator use it: nothing due
is a quiet success, --dry-run lists what would run and changes nothing,
--now decides what is due, --quiet prints nothing unless something failed."""
import hashlib
import sys
import unittest

from timed_tasks_support import MINUTE, NOW, RunnerDb, iso, tasks_run


class RunnerCommandLine(unittest.TestCase):
    def setUp(self):
        self.db = RunnerDb()
        self.parts = self.db.add_parts(2)

    def tearDown(self):
        self.db.close()

    def snapshot(self):
        """Every row that a run could change, hashed."""
        rows = self.db.query("SELECT * FROM timed_tasks ORDER BY id") + \
            self.db.query("SELECT id, status, updated_at FROM parts ORDER BY id") + \
            self.db.query("SELECT * FROM status_history ORDER BY id")
        return hashlib.sha256(repr(rows).encode()).hexdigest()

    def test_nothing_due_exits_0_with_0_tasks_run(self):
        self.db.add_tasks([(self.parts[0], NOW + 60 * MINUTE, "available")])
        p = self.db.run()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), "0 tasks run, 0 failed")
        self.assertEqual(p.stderr, "")
        quiet = self.db.run("--quiet")
        self.assertEqual((quiet.returncode, quiet.stdout, quiet.stderr), (0, "", ""))

    def test_dry_run_lists_what_would_run_and_changes_nothing(self):
        due1, due2, _later = self.db.add_tasks([
            (self.parts[0], NOW - 2 * MINUTE, "available"),
            (self.parts[1], NOW - 1 * MINUTE, "available"),
            (self.parts[1], NOW + 60 * MINUTE, "unavailable"),
        ])
        before = self.snapshot()
        p = self.db.run("--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.strip().splitlines()
        self.assertEqual(len(lines), 3, p.stdout)
        self.assertTrue(lines[0].startswith(f"task {due1} "), lines[0])
        self.assertTrue(lines[1].startswith(f"task {due2} "), lines[1])
        self.assertIn("change_status", lines[0])
        self.assertIn(f"part {self.parts[0]}", lines[0])
        self.assertIn("2 tasks would run", lines[2])
        self.assertEqual(self.snapshot(), before)
        # --dry-run with --now sees the later task too.
        p = self.db.run("--dry-run", "--now", iso(NOW + 61 * MINUTE))
        self.assertIn("3 tasks would run", p.stdout)
        self.assertEqual(self.snapshot(), before)

    def test_now_decides_what_is_due(self):
        nine = 1930899600  # 2031-03-10T09:00:00Z, years after the clock
        self.db.add_tasks([(self.parts[0], nine, "available"),
                           (self.parts[1], nine + MINUTE, "available")])
        self.assertEqual(tasks_run(self.db.run("--now", "2031-03-10T08:59:59Z").stdout), 0)
        first = self.db.run("--now", "2031-03-10T09:00:00Z")
        self.assertEqual(first.stdout.strip(), "1 task run, 0 failed")
        self.assertEqual(tasks_run(self.db.run("--now", "2031-03-10T09:00:59Z").stdout), 0)
        # Offsets are understood: 10:01+01:00 is 09:01Z.
        self.assertEqual(tasks_run(self.db.run("--now", "2031-03-10T10:01+01:00").stdout), 1)
        self.assertEqual(self.db.statuses(), {"completed": 2})

    def test_a_bad_now_is_refused_with_a_reason(self):
        for bad, reason in (("2026-02-30T09:00Z", "not a real date"),
                            ("tomorrow", "ISO 8601"),
                            ("2026-12-01T09:00", "no time zone")):
            p = self.db.run("--now", bad)
            self.assertEqual(p.returncode, 2, bad)
            self.assertIn(reason, p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1)

    def test_help_describes_the_options(self):
        p = self.db.run("--help")
        self.assertEqual(p.returncode, 0)
        for option in ("--quiet", "--dry-run", "--now"):
            self.assertIn(option, p.stdout)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
