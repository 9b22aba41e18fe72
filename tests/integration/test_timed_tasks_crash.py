"""FEATURES §8, a crashed runner: one killed with SIGKILL in the middle of a
large backlog leaves its claimed tasks leased; a run before the lease expires
leaves them alone, a run after it (--now beyond the lease) finishes them, and
nothing took effect twice."""
import os
import signal
import subprocess
import sys
import time
import unittest

from timed_tasks_support import MINUTE, NOW, RunnerDb, iso, tasks_run

LEASE_SECONDS = 300  # tasks::lease_seconds


class KilledRunner(unittest.TestCase):
    def setUp(self):
        self.db = RunnerDb()

    def tearDown(self):
        self.db.close()

    def kill_mid_run(self, count):
        """Seeds `count` due tasks and kills a runner once some took effect
        while others are claimed. Returns False if it finished first."""
        parts = self.db.add_parts(500)
        self.db.add_tasks([(parts[i % len(parts)], NOW - (count - i) * MINUTE // 10, "available")
                           for i in range(count)])
        proc = subprocess.Popen(self.db.command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        watcher = self.db.connect()
        deadline = time.time() + 60
        try:
            while time.time() < deadline:
                done, claimed = watcher.execute(
                    "SELECT COUNT(*) FILTER (WHERE status = 'completed'), "
                    "COUNT(*) FILTER (WHERE status = 'running') FROM timed_tasks").fetchone()
                if (done > 0 and claimed > 0) or proc.poll() is not None:
                    break
                time.sleep(0.001)
        finally:
            watcher.close()
        if proc.poll() is not None:
            proc.communicate()
            return False
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        self.assertEqual(proc.returncode, -signal.SIGKILL)
        return True

    def test_the_next_run_after_the_lease_finishes_what_a_killed_runner_left(self):
        count = 5000
        while not self.kill_mid_run(count):
            # It finished before it could be killed: start over with a bigger backlog.
            self.assertLess(count, 200000, "the runner was never caught mid-run")
            self.db.close()
            self.db = RunnerDb()
            count *= 4

        total = self.db.scalar("SELECT COUNT(*) FROM timed_tasks")
        statuses = self.db.statuses()
        done_before = statuses.get("completed", 0)
        self.assertGreater(done_before, 0)
        self.assertLess(done_before, total)
        self.assertEqual(statuses.get("failed", 0), 0)
        leased = statuses.get("running", 0)
        self.assertGreater(leased, 0)
        print(f"killed after {done_before} of {total}; {leased} left leased", file=sys.stderr)

        # Before the lease expires the dead runner's tasks (and their parts) wait;
        # everything else runs.
        soon = self.db.run()
        self.assertEqual(soon.returncode, 0, soon.stderr)
        self.assertEqual(self.db.statuses().get("running", 0), leased)

        # After the lease, the rest runs.
        later = self.db.run("--now", iso(NOW + LEASE_SECONDS + 10 * MINUTE))
        self.assertEqual(later.returncode, 0, later.stderr)
        self.assertEqual(tasks_run(soon.stdout) + tasks_run(later.stdout), total - done_before)
        self.assertEqual(self.db.statuses(), {"completed": total})

        effects = self.db.effects_per_task()
        self.assertEqual(len(effects), total, "every task took effect")
        self.assertEqual(set(effects.values()), {1}, "nothing took effect twice")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
