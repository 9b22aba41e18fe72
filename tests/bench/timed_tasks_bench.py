"""Timed-task runner figures: a run with nothing due (what cron pays every
minute), `wte-server --help` as the bare process-start baseline, and a run
with 10,000 due tasks. Prints medians in milliseconds.

    WTE_SERVER=build/native/server/wte-server python3 tests/bench/timed_tasks_bench.py [--runs N]
"""
import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SERVER = os.environ.get("WTE_SERVER", os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "native", "server", "wte-server"))


def wall_ms(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    return elapsed, p.stdout


def median_ms(cmd, runs):
    return statistics.median(wall_ms(cmd)[0] for _ in range(runs))


def seed(db_path, parts, tasks, now):
    db = sqlite3.connect(db_path)
    with db:
        ids = []
        for i in range(parts):
            cur = db.execute("INSERT INTO parts (type, title, status, created_at, updated_at) "
                             "VALUES ('module', ?, 'unavailable', 0, 0)", (f"Bench {i}",))
            ids.append(cur.lastrowid)
        db.execute("UPDATE parts SET module_id = id WHERE module_id IS NULL")
        db.executemany(
            "INSERT INTO timed_tasks (part_id, name, run_at, options, created_at) "
            "VALUES (?, 'change_status', ?, ?, 0)",
            [(ids[i % parts], now - 60 * (tasks - i) - (now % 60),
              '{"target_status": "%s"}' % ("available" if i % 2 else "unavailable"))
             for i in range(tasks)])
    db.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50, help="runs per median (default 50)")
    ap.add_argument("--tasks", type=int, default=10000, help="due tasks for the big run")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="wte-bench-") as tmp:
        config = os.path.join(tmp, "wte.ini")
        subprocess.run([SERVER, "generate-config", "--filename", config], check=True,
                       capture_output=True)
        subprocess.run([SERVER, "init-db", config, "--admin-password", "bench-password"],
                       check=True, capture_output=True)
        db_path = os.path.join(tmp, "wte.db")
        now = int(time.time())
        # Tasks that exist but are not due: the index must make them free.
        seed(db_path, 50, 1000, now + 1000 * 60 * 60)

        run = [SERVER, "run-timed-tasks", config, "--quiet"]
        wall_ms(run)  # warm the page cache
        baseline = median_ms([SERVER, "--help"], args.runs)
        nothing = median_ms(run, args.runs)

        seed(db_path, 200, args.tasks, now)
        big, out = wall_ms([SERVER, "run-timed-tasks", config])
        ran = out.strip()

    print(f"process start (wte-server --help), median of {args.runs}: {baseline:8.1f} ms")
    print(f"run-timed-tasks, nothing due,      median of {args.runs}: {nothing:8.1f} ms"
          f"  (+{nothing - baseline:.1f} ms over process start)")
    print(f"run-timed-tasks, {args.tasks} due tasks:               {big:8.1f} ms  ({ran})")


if __name__ == "__main__":
    main()
