"""FEATURES §8, exactly once: eight runners started at the same instant
against 1,000 due tasks on 200 parts run every task once — counted by its
effects (one status_history row per task), none failed, none left over — and
each part ends in the status its latest task asked for."""
import subprocess
import sys
import threading
import unittest

from timed_tasks_support import MINUTE, NOW, RunnerDb, tasks_run

RUNNERS = 8
PARTS = 200
TASKS = 1000


class ConcurrentRunners(unittest.TestCase):
    def setUp(self):
        self.db = RunnerDb()

    def tearDown(self):
        self.db.close()

    def start_together(self, count):
        """Starts `count` runners released by one barrier; returns CompletedProcess list."""
        barrier = threading.Barrier(count)
        results = [None] * count

        def go(i):
            barrier.wait()
            results[i] = subprocess.run(self.db.command(), capture_output=True, text=True,
                                        timeout=300)

        threads = [threading.Thread(target=go, args=(i,)) for i in range(count)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results

    def test_eight_runners_run_every_task_exactly_once(self):
        parts = self.db.add_parts(PARTS)
        # A backlog over the last 1,000 minutes, five tasks per part in runs
        # that straddle the 200-task batches (so runners share the work and a
        # part's tasks can fall in two batches), alternating targets so that
        # order matters.
        rows, latest = [], {}
        for i in range(TASKS):
            part = parts[((i + 2) // 5) % PARTS]
            target = "available" if i % 2 else "unavailable"
            rows.append((part, NOW - (TASKS - i) * MINUTE, target))
            latest[part] = target
        task_ids = self.db.add_tasks(rows)

        results = self.start_together(RUNNERS)

        for r in results:
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stderr, "")
        self.assertEqual(sum(tasks_run(r.stdout) for r in results), TASKS,
                         [r.stdout for r in results])
        effects = self.db.effects_per_task()
        self.assertEqual(set(effects), set(task_ids), "every task took effect")
        self.assertEqual({n for n in effects.values()}, {1}, "no task took effect twice")
        self.assertEqual(self.db.statuses(), {"completed": TASKS})
        self.assertEqual(self.db.scalar("SELECT COUNT(*) FROM status_history"), TASKS)
        final = dict(self.db.query("SELECT id, status FROM parts WHERE type = 'module'"))
        for part in parts:
            self.assertEqual(final[part], latest[part], f"part {part} ends as its latest task says")
        print("tasks per runner:", sorted((tasks_run(r.stdout) for r in results), reverse=True),
              file=sys.stderr)

        # A second wave finds nothing left to do.
        again = self.start_together(RUNNERS)
        for r in again:
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("0 tasks run", r.stdout)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
