"""Writes under a read load: the latency of a learner's writes (time on a
page, a quiz answer, one after the other on one keep-alive connection) alone,
while wrk reads a page as the demo student (-t2 -c20, keep-alive; after the
first read nothing writes), and while wrk reads two pages in turn (the
current page changes on each read: a write each time, so the learner's
writes wait for SQLite's write lock behind the readers'), with p50, p99 and
the slowest.

    WTE_SERVER=build/native/server/wte-server \\
        python3 tests/bench/write_under_reads_bench.py [--seconds 10]
"""
import argparse
import configparser
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import page_read_bench as bench

STUDENT = bench.STUDENT


def sign_in(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/api/v1/auth/login", body=json.dumps(STUDENT),
                 headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    body = json.loads(r.read())
    cookie = re.match(r"(wte_session=[^;]+)", r.getheader("Set-Cookie")).group(1)
    conn.close()
    return cookie, body["csrf_token"]


def quiz_page(base, cookie):
    """The demo's "Check Your Understanding" page of "HTML Structure"."""
    module = bench.get_json(base, "/api/v1/parts/1", cookie)
    part = next(c for c in module["children"] if c["title"] == "HTML Structure")
    page = next(c for c in bench.get_json(base, f"/api/v1/parts/{part['id']}", cookie)["children"]
                if c["title"] == "Check Your Understanding")
    return part["id"], page["id"]


def writes(port, cookie, csrf, part, page, seconds):
    """Writes back to back for `seconds`; their latencies in ms."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json",
               "Connection": "keep-alive"}
    asks = [(f"/api/v1/parts/{part}/progress/time", {"page_id": page, "seconds": 1}),
            (f"/api/v1/parts/{page}/quiz-answers",
             {"quiz": "html-basics", "question": "lists", "answers": ["ul"]})]
    took = []
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        path, body = asks[n % len(asks)]
        n += 1
        start = time.perf_counter()
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        r = conn.getresponse()
        payload = r.read()
        took.append((time.perf_counter() - start) * 1000)
        if r.status != 200:
            sys.exit(f"POST {path} answered {r.status}: {payload[:300]}")
        time.sleep(0.01)  # a learner's pace, compressed: not a write flood
    conn.close()
    return took


def figures(took):
    took = sorted(took)
    at = lambda q: took[min(len(took) - 1, int(q * len(took)))]
    return f"{len(took):6d} writes  p50 {at(0.5):7.2f} ms  p99 {at(0.99):7.2f} ms  " \
           f"max {took[-1]:7.2f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wte-bench-") as tmp:
        config = os.path.join(tmp, "wte.ini")
        subprocess.run([bench.SERVER, "generate-config", "--filename", config], check=True,
                       capture_output=True)
        port = bench.free_port()
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(re.sub(r"^port = \d+", f"port = {port}", text, flags=re.M))
        ini = configparser.ConfigParser(interpolation=None)
        ini.read(config)
        subprocess.run([bench.SERVER, "init-db", config, "--demo", "--admin-password",
                        "bench-password"], check=True, capture_output=True)
        base = f"http://127.0.0.1:{port}"
        with open(os.path.join(tmp, "server.log"), "w") as log:
            server = subprocess.Popen([bench.SERVER, "serve", config], stdout=log, stderr=log)
        try:
            bench.wait_until_serving(base + "/api/v1/health", server, "wte-server")
            cookie, csrf = sign_in(port)
            part, page = quiz_page(base, cookie)
            results = [("alone", writes(port, cookie, csrf, part, page, args.seconds), "")]
            siblings = [c["id"] for c in bench.get_json(base, f"/api/v1/parts/{part}",
                                                        cookie)["children"] if c["type"] == "page"]
            other = next(p for p in siblings if p != page)
            script = bench.alternating_script(tmp, [f"/api/v1/parts/{p}" for p in (page, other)])
            for label, extra in (("while wrk reads the page", []),
                                 ("while wrk reads two pages in turn", ["-s", script])):
                reader = subprocess.Popen(
                    ["wrk", "-t2", "-c20", f"-d{args.seconds + 2:g}s", *extra, "-H",
                     "Cookie: " + cookie, "-H", "Connection: keep-alive",
                     f"{base}/api/v1/parts/{page}"], stdout=subprocess.PIPE, text=True)
                time.sleep(1)
                took = writes(port, cookie, csrf, part, page, args.seconds)
                out = reader.communicate()[0]
                if "Non-2xx" in out:
                    sys.exit(f"wrk saw error replies:\n{out}")
                rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
                results.append((label, took, f"  ({float(rps.group(1)):.0f} reads/s)"))
        finally:
            bench.stop(server)
    print(f"a learner's writes (time on a page, a quiz answer), {ini.get('server', 'threads')} "
          f"server threads")
    for label, took, note in results:
        print(f"  {label + ':':35} {figures(took)}{note}")


if __name__ == "__main__":
    main()
