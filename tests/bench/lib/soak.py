"""The soak itself (tests/bench/soak.sh starts the stack): learners read pages
of their module, answer a quiz and save workspace files; a teacher edits a
page and reads the statistics; `wte-server run-timed-tasks` runs every 10 s.
Every reply is checked (any 5xx or connection error fails the run); per
minute it prints requests/s and the p99, and wte-server's RSS at the start
and the end (growth beyond a few MB would be a leak)."""
import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

BASE = urllib.parse.urlparse(os.environ["WTE_BASE_URL"])
SERVER, CONFIG = os.environ["WTE_SERVER"], os.environ["WTE_CONFIG"]
PID = int(os.environ["WTE_SERVER_PID"])


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Session:
    """One browser: a keep-alive connection through Apache, its cookie and CSRF token."""

    def __init__(self, email, password):
        self.conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=30)
        self.cookie, self.csrf = "", ""
        status, body = self.call("POST", "/api/v1/auth/login",
                                 {"email": email, "password": password})
        if status != 200:
            sys.exit(f"soak: cannot sign in as {email}: {status} {body}")
        self.csrf = body["csrf_token"]

    def call(self, method, path, body=None, headers=None):
        h = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf, **(headers or {})}
        data = None
        if isinstance(body, bytes):
            data = body
        elif body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        for attempt in range(2):  # a keep-alive connection the proxy closed: once more
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt:
                    raise
        for value in r.headers.get_all("Set-Cookie") or []:
            m = re.match(r"(wte_session=[^;]+)", value)
            if m:
                self.cookie = m.group(1)
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return r.status, parsed


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.errors = [], []

    def record(self, ms, status, what):
        with self.lock:
            self.latencies.append(ms)
            if status >= 500:
                self.errors.append(f"{status} on {what}")

    def take(self):
        with self.lock:
            out, self.latencies = self.latencies, []
            return out


def timed(stats, session, method, path, body=None, headers=None):
    start = time.perf_counter()
    try:
        status, reply = session.call(method, path, body, headers)
    except OSError as e:
        stats.record((time.perf_counter() - start) * 1000, 599, f"{method} {path}: {e}")
        return 599, None
    stats.record((time.perf_counter() - start) * 1000, status, f"{method} {path}")
    return status, reply


def guarded(stats, work, *args):
    """A worker that fails (an unexpected answer shape, say) fails the run."""
    try:
        work(stats, *args)
    except Exception as e:  # noqa: BLE001 — reported, not hidden
        with stats.lock:
            stats.errors.append(f"{work.__name__} stopped: {type(e).__name__}: {e}")


def learner(stats, stop, email, password, seed):
    rng = random.Random(seed)
    s = Session(email, password)
    _, mine = s.call("GET", "/api/v1/modules/mine")
    if not mine["items"]:  # a learner who has taken nothing yet takes a module
        _, offered = s.call("GET", "/api/v1/modules")
        for module in offered["items"]:  # the first open to anyone (some ask a password)
            if s.call("POST", f"/api/v1/parts/{module['id']}/enrol", {})[0] == 200:
                break
        _, mine = s.call("GET", "/api/v1/modules/mine")
    pages = []
    for module in mine["items"]:
        _, m = s.call("GET", f"/api/v1/parts/{module['id']}")
        for part in m["children"]:
            _, p = s.call("GET", f"/api/v1/parts/{part['id']}")
            pages += [(part["id"], c["id"]) for c in p["children"] if c["type"] == "page"]
    while not stop.is_set():
        part, page = rng.choice(pages)
        timed(stats, s, "GET", f"/api/v1/parts/{page}")
        if rng.random() < 0.2:
            timed(stats, s, "GET", f"/api/v1/parts/{part}/progress")
        if rng.random() < 0.1:
            status, ws = timed(stats, s, "GET", f"/api/v1/parts/{part}/workspace")
            if status == 200 and ws and ws.get("files"):
                name = urllib.parse.quote(ws["files"][0]["filename"])
                timed(stats, s, "PUT", f"/api/v1/parts/{part}/files/{name}",
                      f"<p>soak {rng.random()}</p>".encode(),
                      headers={"If-Match": "*", "Content-Type": "text/plain"})


def teacher(stats, stop, seed):
    rng = random.Random(seed)
    s = Session("teacher@example.org", "teacher-demo")
    _, mine = s.call("GET", "/api/v1/modules/mine")
    module = mine["items"][0]["id"]
    _, m = s.call("GET", f"/api/v1/parts/{module}")
    part = m["children"][0]["id"]
    _, p = s.call("GET", f"/api/v1/parts/{part}")
    page = p["children"][-1]["id"]
    while not stop.is_set():
        timed(stats, s, "GET", f"/api/v1/parts/{part}/stats")
        _, current = timed(stats, s, "GET", f"/api/v1/parts/{page}")
        if current:
            text = current["content"].split("\n.. soak")[0]
            timed(stats, s, "PATCH", f"/api/v1/parts/{page}",
                  {"content": text + f"\n.. soak {rng.randrange(10**6)}\n"},
                  headers={"If-Match": "*"})
        time.sleep(0.2)


def timed_tasks(stop, failures):
    while not stop.wait(10):
        r = subprocess.run([SERVER, "run-timed-tasks", CONFIG, "--quiet"], capture_output=True,
                           text=True)
        if r.returncode != 0:
            failures.append(f"run-timed-tasks exited {r.returncode}: {r.stderr.strip()}")


def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))] if values else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--learners", type=int, default=6)
    args = ap.parse_args()
    accounts = [("student1@example.org", "student1-demo"), ("student2@example.org", "student2-demo")]
    stats, stop, failures = Stats(), threading.Event(), []
    rss_start = rss_mb()
    threads = [threading.Thread(target=guarded, args=(stats, learner, stop, *accounts[i % 2], i))
               for i in range(args.learners)]
    threads.append(threading.Thread(target=guarded, args=(stats, teacher, stop, 99)))
    threads.append(threading.Thread(target=timed_tasks, args=(stop, failures)))
    for t in threads:
        t.daemon = True
        t.start()
    print(f"soak: {args.learners} learners, 1 teacher, timed tasks every 10 s, "
          f"{args.minutes:g} min through Apache2; wte-server RSS at start {rss_start:.1f} MB")
    print("  minute  requests/s  p99 ms  RSS MB")
    rates = []
    end = time.monotonic() + args.minutes * 60
    minute = 0
    while time.monotonic() < end:
        window = min(60.0, end - time.monotonic())
        time.sleep(window)
        minute += 1
        lat = stats.take()
        rates.append(len(lat) / window)
        print(f"  {minute:6d}  {rates[-1]:10.0f}  {p99(lat):6.1f}  {rss_mb():6.1f}", flush=True)
    stop.set()
    rss_end = rss_mb()
    print(f"soak: throughput {rates[0]:.0f} req/s in the first minute, {rates[-1]:.0f} in the "
          f"last; RSS {rss_start:.1f} MB at start, {rss_end:.1f} MB at the end")
    problems = stats.errors + failures
    if problems:
        print(f"soak: {len(problems)} failures, first: {problems[:5]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
