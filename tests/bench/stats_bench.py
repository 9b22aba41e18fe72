"""Teacher statistics at scale: GET /api/v1/parts/{part}/stats (JSON and
CSV) on a part of 50 pages with 1,000 learners (about 70 % of the pages
visited by each, with time, and 20 quiz questions answered by most), seeded
with SQL, as the module's owner. The baseline is GET /api/v1/parts/{part}
(the part with its 50 children) by the same owner on the same database in
the same run; the figure to compare across machines is the ratio of the
medians (stats / part read). The statistics are a fixed handful of
set-based queries, so the ratio should stay small as learners are added.

    WTE_SERVER=build/native/server/wte-server python3 tests/bench/stats_bench.py [--runs 40]
"""
import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.environ.get("WTE_SERVER", os.path.join(HERE, "..", "..", "build", "native", "server",
                                                   "wte-server"))
TEACHER = {"email": "teacher@example.org", "password": "teacher-demo"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(db_path, learners, pages, questions_per_quiz_page):
    """A module owned by the demo teacher: one part of `pages` pages (every
    fifth with a quiz), `learners` students with visits, time and answers.
    Returns (module id, part id)."""
    rng = random.Random(9)
    db = sqlite3.connect(db_path)
    with db:
        teacher = db.execute("SELECT id FROM users WHERE email = ?", (TEACHER["email"],)).fetchone()[0]
        new = lambda kind, parent, module, title: db.execute(
            "INSERT INTO parts (type, parent_id, module_id, title, status, ord, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'available', ?, 0, 0)", (kind, parent, module, title, 0)).lastrowid
        module = new("module", None, None, "Bench module")
        db.execute("UPDATE parts SET module_id = id WHERE id = ?", (module,))
        part = new("part", module, module, "Bench part")
        page_ids = [new("page", part, module, f"Page {i}") for i in range(pages)]
        questions = []
        for i, page in enumerate(page_ids):
            if i % 5:
                continue
            for q in range(questions_per_quiz_page):
                db.execute("INSERT INTO quiz_questions (part_id, quiz_id, quiz_title, question_id, ord, "
                           "question, type, answers, correct) VALUES (?, 'quiz', 'Quiz', ?, ?, ?, "
                           "'single-choice', '[\"a\",\"b\"]', '[\"a\"]')",
                           (page, f"q{q}", q, f"Question {q} of page {i}"))
                questions.append((page, f"q{q}"))
        db.execute("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, 'owner')",
                   (module, teacher))
        users, roles, visits, answers = [], [], [], []
        first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM users").fetchone()[0]
        for n in range(learners):
            uid = first + n
            users.append((uid, f"bench{n}@example.org", f"Bench Learner {n}"))
            roles.append((module, uid))
            for page in page_ids:
                if rng.random() < 0.7:
                    visits.append((uid, page, rng.randint(0, 600)))
            for page, q in questions:
                r = rng.random()
                if r < 0.85:
                    right_first = r < 0.5
                    right = right_first or r < 0.7
                    answers.append((uid, page, q, int(right), 1 if right_first else rng.randint(2, 4),
                                    int(right_first)))
        db.executemany("INSERT INTO users (id, email, name, status, created_at) VALUES (?, ?, ?, 'active', 0)",
                       users)
        db.executemany("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, 'student')", roles)
        db.executemany("INSERT INTO page_visits (user_id, page_id, seconds, first_visit_at, last_visit_at) "
                       "VALUES (?, ?, ?, 0, 0)", visits)
        db.executemany("INSERT INTO quiz_answers (user_id, part_id, quiz_id, question_id, answers, correct, "
                       "attempts, initial_answers, initial_correct, updated_at) "
                       "VALUES (?, ?, 'quiz', ?, '[\"a\"]', ?, ?, '[\"b\"]', ?, 0)", answers)
    db.close()
    return module, part, len(visits), len(answers)


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = None

    def request(self, method, path, body=None):
        headers = {"Connection": "keep-alive"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        resp = self.conn.getresponse()
        payload = resp.read()
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
        cookie = resp.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return resp.status, payload


def median_ms(client, path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        status, body = client.request("GET", path)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            sys.exit(f"GET {path} answered {status}: {body[:200]!r}")
    return statistics.median(times), body


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=40, help="requests per median (default 40)")
    ap.add_argument("--learners", type=int, default=1000)
    ap.add_argument("--pages", type=int, default=50)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="wte-stats-bench-") as tmp:
        config = os.path.join(tmp, "wte.ini")
        port = free_port()
        subprocess.run([SERVER, "generate-config", "--filename", config], check=True, capture_output=True)
        with open(config) as f:
            text = f.read().replace("port = 6543", f"port = {port}", 1)
        with open(config, "w") as f:
            f.write(text)
        subprocess.run([SERVER, "init-db", config, "--demo", "--admin-password", "bench-password"],
                       check=True, capture_output=True)
        module, part, visits, answers = seed(os.path.join(tmp, "wte.db"), args.learners, args.pages, 2)
        log = open(os.path.join(tmp, "serve.log"), "w")
        proc = subprocess.Popen([SERVER, "serve", config], stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                try:
                    c = Client(port)
                    if c.request("GET", "/api/v1/health")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.05)
            c = Client(port)
            status, body = c.request("POST", "/api/v1/auth/login", TEACHER)
            if status != 200:
                sys.exit(f"login answered {status}: {body!r}")
            # Warm the page cache and the statement cache.
            for path in (f"/api/v1/parts/{part}", f"/api/v1/parts/{part}/stats"):
                median_ms(c, path, 3)
            base, _ = median_ms(c, f"/api/v1/parts/{part}", args.runs)
            stats, body = median_ms(c, f"/api/v1/parts/{part}/stats", args.runs)
            csv, csv_body = median_ms(c, f"/api/v1/parts/{part}/stats?format=csv", args.runs)
            whole, _ = median_ms(c, f"/api/v1/parts/{module}/stats", args.runs)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()
    s = json.loads(body)
    if s["learners"] != args.learners or len(s["pages"]) != args.pages:
        sys.exit(f"the statistics counted {s['learners']} learners and {len(s['pages'])} pages")
    print(f"statistics on {args.learners} learners x {args.pages} pages ({visits} visits, "
          f"{answers} quiz answers), median of {args.runs} keep-alive requests:")
    print(f"  GET /parts/{{part}} (baseline)      {base:8.2f} ms")
    print(f"  GET /parts/{{part}}/stats           {stats:8.2f} ms   ratio {stats / base:5.1f} x baseline")
    print(f"  GET /parts/{{part}}/stats?format=csv {csv:7.2f} ms   ratio {csv / base:5.1f} x baseline"
          f"   ({len(csv_body)} bytes)")
    print(f"  GET /parts/{{module}}/stats         {whole:8.2f} ms   ratio {whole / base:5.1f} x baseline")
    print(f"  completed / in progress / not started: {s['completed']} / {s['in_progress']} / "
          f"{s['not_started']}; time median {s['time']['median']:.0f} s")


if __name__ == "__main__":
    main()
