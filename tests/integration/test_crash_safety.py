"""kill -9 in the middle of writes loses nothing the server acknowledged.
Three writers (a teacher adding pages, a learner saving workspace files, the
learner reporting time on pages) record every write answered with a 2xx; the
server is killed with SIGKILL while they write, started again on the same
database, and every acknowledged write is there, with an intact database.
Several rounds.

The database runs in WAL mode with synchronous=NORMAL (server/src/db/database.cpp):
a commit is in the WAL file before COMMIT returns, so a killed process loses
nothing it answered; only a power loss could lose the last commits."""
import http.client
import random
import sys
import threading
import time
import unittest

from wte_testlib import POSTGRESQL, ServerTestCase

ROUNDS = 5
PART, PAGES = 4, (5, 6, 7, 8)  # "HTML Structure" and its pages, of the demo
EXERCISE = 9                    # "Your Own Home Page", shown in three panes


class Writers:
    """The three writers of one round, until the server stops answering."""

    def __init__(self, server, round_no):
        self.server, self.round = server, round_no
        self.pages, self.files, self.seconds = [], {}, {}
        self.acknowledged = {}  # writer → how many of its writes got a 2xx
        self.stop = threading.Event()
        self.teacher = server.client("teacher")
        self.learner = server.client("student1")
        self.threads = [threading.Thread(target=self.guard, args=(f,))
                        for f in (self.add_pages, self.save_files, self.report_time)]

    def guard(self, write):
        n = acked = 0
        while not self.stop.is_set():
            try:
                acked += bool(write(n))
            except (OSError, http.client.HTTPException):
                break  # killed: this write was never acknowledged
            n += 1
        self.acknowledged[write.__name__] = acked

    def add_pages(self, n):
        status, page, _ = self.teacher.post("/api/v1/parts", {
            "type": "page", "parent_id": PART, "title": f"Round {self.round} page {n}"})
        if status == 201:
            self.pages.append(page["id"])
        return status == 201

    def save_files(self, n):
        name, text = f"r{self.round}-{n}.txt", f"saved in round {self.round}, write {n}"
        status, _, _ = self.learner.request("PUT", f"/api/v1/parts/{EXERCISE}/files/{name}",
                                            raw=text.encode(), headers={"If-Match": "*"})
        if status == 200:
            self.files[name] = text
        return status == 200

    def report_time(self, n):
        page = PAGES[n % len(PAGES)]
        status, body, _ = self.learner.post(f"/api/v1/parts/{PART}/progress/time",
                                            {"page_id": page, "seconds": 1})
        if status == 200:
            self.seconds[page] = max(self.seconds.get(page, 0), body["seconds"])
        return status == 200

    def start(self):
        for t in self.threads:
            t.start()

    def join(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)


class CrashSafety(ServerTestCase):
    def query(self, sql, *args):
        db = self.server.database()
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def test_every_acknowledged_write_survives_kill_9(self):
        rng = random.Random(12)
        learner_id = self.query("SELECT id FROM users WHERE email = 'student1@example.org'")[0][0]
        acknowledged = 0
        for round_no in range(ROUNDS):
            writers = Writers(self.server, round_no)
            writers.start()
            time.sleep(rng.uniform(0.5, 1.5))
            self.server.proc.kill()  # SIGKILL: no shutdown, no checkpoint
            self.server.proc.wait(timeout=10)
            writers.join()
            self.server.start()

            with self.subTest(round=round_no):
                db = self.server.database()
                self.assertEqual(db.integrity_problems(), [])
                text_of_content = db.text_of("content")
                db.close()
                self.assertTrue(writers.pages and writers.files and writers.seconds,
                                "each writer had a write acknowledged before the kill")
                stored = {row[0] for row in self.query(
                    f"SELECT id FROM parts WHERE id IN ({','.join('?' * len(writers.pages))})",
                    *writers.pages)}
                self.assertEqual(stored, set(writers.pages))
                files = dict(self.query(f"SELECT filename, {text_of_content} FROM "
                                        "workspace_files WHERE user_id = ? AND part_id = ?",
                                        learner_id, EXERCISE))
                for name, text in writers.files.items():
                    self.assertEqual(files.get(name), text, name)
                visits = dict(self.query("SELECT page_id, seconds FROM page_visits WHERE "
                                         "user_id = ?", learner_id))
                for page, seconds in writers.seconds.items():
                    self.assertGreaterEqual(visits.get(page, 0), seconds, page)
                # the restarted server answers and writes
                self.assertEqual(self.server.client("teacher").patch(
                    f"/api/v1/parts/{PART}", {"title": f"After round {round_no}"})[0], 200)
            acknowledged += sum(writers.acknowledged.values())
        if not POSTGRESQL:  # SQLite's own setting, which the crash safety rests on
            self.assertEqual(self.query("PRAGMA journal_mode"), [("wal",)])
        print(f"{acknowledged} acknowledged writes over {ROUNDS} kills", file=sys.stderr)
        self.assertGreater(acknowledged, 20 * ROUNDS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
