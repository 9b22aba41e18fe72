"""FEATURES §8, a failing task: one whose part was deleted in between, or
whose target does not fit, is recorded as failed with its reason, does not
stop the others, and makes the run exit non-zero with a one-line summary."""
import sys
import unittest

from timed_tasks_support import MINUTE, NOW, RunnerDb


class FailingTasks(unittest.TestCase):
    def setUp(self):
        self.db = RunnerDb()

    def tearDown(self):
        self.db.close()

    def test_failures_are_recorded_with_a_reason_and_the_others_still_run(self):
        modules = self.db.add_parts(3)
        pages = self.db.add_parts(2, type_="page")
        before = [
            (modules[0], NOW - 5 * MINUTE, "available"),
            (modules[1], NOW - 4 * MINUTE, "available"),  # its part is deleted below
            (pages[0], NOW - 3 * MINUTE, "archived"),  # only modules can be archived
            (pages[1], NOW - 3 * MINUTE, "hidden"),  # no such status
            (modules[2], NOW - 2 * MINUTE, "available", "send_mail"),  # no such kind
            (modules[2], NOW - 1 * MINUTE, "archived"),
        ]
        ok1, gone, archive_page, hidden, unknown, ok2 = self.db.add_tasks(before)
        db = self.db.connect()
        with db:
            db.execute("DELETE FROM parts WHERE id = ?", (modules[1],))
        db.close()

        p = self.db.run("--quiet")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "")
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertTrue(lines[0].startswith(
            f"6 tasks run, 4 failed: task {gone} (part {modules[1]} does not exist)"), lines[0])

        rows = {r[0]: r[1:] for r in self.db.query(
            "SELECT id, status, error, ran_at, lease_owner FROM timed_tasks")}
        self.assertEqual(rows[ok1][0], "completed")
        self.assertEqual(rows[ok2][0], "completed")
        self.assertEqual(rows[gone][:2], ("failed", f"part {modules[1]} does not exist"))
        self.assertEqual(rows[archive_page][:2],
                         ("failed", "Only modules can be archived; this is a page"))
        self.assertEqual(rows[hidden][0], "failed")
        self.assertIn("Unknown status 'hidden'", rows[hidden][1])
        self.assertEqual(rows[unknown][:2], ("failed", "unknown task kind 'send_mail'"))
        for status, error, ran_at, lease_owner in rows.values():
            self.assertIsNotNone(ran_at)
            self.assertIsNone(lease_owner)
        # A failed task changed nothing; the others did.
        parts = dict(self.db.query("SELECT id, status FROM parts"))
        self.assertEqual(parts[pages[0]], "unavailable")
        self.assertEqual(parts[modules[0]], "available")
        self.assertEqual(parts[modules[2]], "archived")
        self.assertEqual(set(self.db.effects_per_task()), {ok1, ok2})

        # Failed tasks are not retried by later runs: they wait for a person.
        again = self.db.run()
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout.strip(), "0 tasks run, 0 failed")

    def test_a_database_that_cannot_be_used_is_a_one_line_error(self):
        db = self.db.connect()
        with db:
            db.execute("DELETE FROM schema_migrations")
        db.close()
        p = self.db.run()
        self.assertEqual(p.returncode, 2)
        self.assertIn("run `wte-server migrate` first", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1)
        self.db.close()
        p = self.db.run()
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
