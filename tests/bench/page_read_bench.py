"""Student page read: requests/s of GET /api/v1/parts/{page} as the signed-in
demo student (session lookup, permission check, part + children from SQLite,
JSON), measured with wrk on loopback, against bare-pistache serving a JSON
body of the same size with the same Pistache options and thread count in the
same run. The ratio (page read / bare) is the figure to compare across
machines. Both are run with and without an explicit `Connection: keep-alive`
header: Pistache 0.0.5 closes the connection after each reply unless asked.
A run that sees any 4xx/5xx reply fails: a benchmark of 401s is worthless.

What progress recording costs (keep-alive): the student's read records the
visit and the current page, but after the first read nothing writes; the same
page read by a tutor of the module records nothing at all and otherwise does
the same work (a reader who may not edit: quiz solutions removed); the ratio
of the two is the price of the check. Then two pages of the part read in turn
(the current page changes on nearly every read: a write each time), by the
student and by the tutor, as a second ratio.
Then the anonymous module list against bare Pistache with its body size.
Nine wrk runs of --duration each (default 10s: about 95 s in all).

    WTE_SERVER=build/native/server/wte-server \
    WTE_BARE_PISTACHE=build/native/tests/bench/bare-pistache \
        python3 tests/bench/page_read_bench.py [--duration 10s]
"""
import argparse
import configparser
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import wrk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "..", "..", "build", "native")
SERVER = os.environ.get("WTE_SERVER", os.path.join(BUILD, "server", "wte-server"))
BARE = os.environ.get("WTE_BARE_PISTACHE", os.path.join(BUILD, "tests", "bench", "bare-pistache"))
STUDENT = {"email": "student1@example.org", "password": "student1-demo"}
TUTOR = {"email": "tutor@example.org", "password": "tutor-bench-pw"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url, proc, what):
    for _ in range(100):
        if proc.poll() is not None:
            sys.exit(f"{what} exited ({proc.returncode}) before serving {url}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    sys.exit(f"{what} did not answer {url} within 5 s")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def get_json(base, path, cookie):
    req = urllib.request.Request(base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def sign_in(base, who=STUDENT):
    req = urllib.request.Request(base + "/api/v1/auth/login", data=json.dumps(who).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        for value in r.headers.get_all("Set-Cookie") or []:
            m = re.match(r"(wte_session=[^;]+)", value)
            if m:
                return m.group(1)
    sys.exit(f"signing in as {who['email']} set no wte_session cookie")


def first_pages(base, cookie):
    """Depth-first through the student's modules: the pages of the first part
    with at least two (reading them records the student's visits: done here,
    so the measured reads of the first page write nothing)."""
    for module in get_json(base, "/api/v1/modules/mine", cookie)["items"]:
        for part in get_json(base, f"/api/v1/parts/{module['id']}", cookie)["children"]:
            pages = [c for c in get_json(base, f"/api/v1/parts/{part['id']}", cookie)["children"]
                     if c["type"] == "page"]
            if len(pages) >= 2:
                # The second first, so the first is the current page afterwards.
                second = get_json(base, f"/api/v1/parts/{pages[1]['id']}", cookie)
                return get_json(base, f"/api/v1/parts/{pages[0]['id']}", cookie), second
    sys.exit("the demo student has taken no module with a part of two pages")


def alternating_script(tmp, paths):
    """A wrk script asking for `paths` in turn on each connection."""
    script = os.path.join(tmp, "alternate.lua")
    with open(script, "w") as f:
        f.write("local paths = {" + ", ".join(f'"{p}"' for p in paths) + "}\n"
                "local n = 0\n"
                "request = function()\n"
                "  n = n + 1\n"
                "  return wrk.format(nil, paths[n % #paths + 1])\n"
                "end\n")
    return script


def add_tutor(config, db_path):
    """TUTOR as a tutor of "Web Development Basics". No API or command gives
    the tutor role yet, so it is written into this run's own database."""
    subprocess.run([SERVER, "user", "add", config, TUTOR["email"], "Bench Tutor", "--password",
                    TUTOR["password"]], check=True, capture_output=True)
    db = sqlite3.connect(db_path)
    with db:
        added = db.execute(
            "INSERT INTO module_roles (module_id, user_id, role) SELECT p.id, u.id, 'tutor' "
            "FROM parts p, users u WHERE p.type = 'module' AND p.title = ? AND u.email = ?",
            ("Web Development Basics", TUTOR["email"])).rowcount
    db.close()
    if added != 1:
        sys.exit("the demo module to make the bench tutor a tutor of is missing")


def wrk_run(url, duration, headers, script=None):
    return wrk.run(url, duration, headers, script, socket_errors_fail=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", default="10s", help="wrk -d per run (default 10s, four runs)")
    args = ap.parse_args()
    keep_alive = ["Connection: keep-alive"]
    results = {}

    with tempfile.TemporaryDirectory(prefix="wte-bench-") as tmp:
        config = os.path.join(tmp, "wte.ini")
        subprocess.run([SERVER, "generate-config", "--filename", config], check=True,
                       capture_output=True)
        ini = configparser.ConfigParser(interpolation=None)
        ini.read(config)
        threads = ini.get("server", "threads")
        port = free_port()
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(re.sub(r"^port = \d+", f"port = {port}", text, flags=re.M))
        subprocess.run([SERVER, "init-db", config, "--demo", "--admin-password", "bench-password"],
                       check=True, capture_output=True)
        add_tutor(config, os.path.join(tmp, ini.get("database", "path")))  # relative to the file

        base = f"http://127.0.0.1:{port}"
        with open(os.path.join(tmp, "server.log"), "w") as log:
            server = subprocess.Popen([SERVER, "serve", config], stdout=log, stderr=log)
        bare = None
        try:
            wait_until_serving(base + "/api/v1/health", server, "wte-server")
            cookie = sign_in(base)
            tutor = sign_in(base, TUTOR)
            page, other = first_pages(base, cookie)
            url = f"{base}/api/v1/parts/{page['id']}"
            req = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(req) as r:
                body_bytes = len(r.read())

            bare_port = free_port()
            bare_url = f"http://127.0.0.1:{bare_port}/bare"
            bare = subprocess.Popen([BARE, str(bare_port), str(body_bytes), threads],
                                    stdout=subprocess.DEVNULL)
            wait_until_serving(bare_url, bare, "bare-pistache")
            with urllib.request.urlopen(bare_url) as r:
                if len(r.read()) != body_bytes:
                    sys.exit("bare-pistache's body is not the page's size")

            # Each pair back to back, so a neighbour's load on this shared
            # machine drifts less between the two halves of a ratio.
            for conn, extra in (("close", []), ("keep", keep_alive)):
                results["page", conn] = wrk_run(url, args.duration, ["Cookie: " + cookie] + extra)
                results["bare", conn] = wrk_run(bare_url, args.duration, extra)
            results["tutor", "keep"] = wrk_run(url, args.duration, ["Cookie: " + tutor] + keep_alive)
            script = alternating_script(tmp, [f"/api/v1/parts/{p['id']}" for p in (page, other)])
            for who, c in (("student", cookie), ("tutor", tutor)):
                results["alternate", who] = wrk_run(url, args.duration, ["Cookie: " + c] + keep_alive,
                                                script)
            # The anonymous module list against bare Pistache with its body size.
            modules_url = f"{base}/api/v1/modules"
            with urllib.request.urlopen(modules_url) as r:
                list_bytes = len(r.read())
            stop(bare)
            bare = subprocess.Popen([BARE, str(bare_port), str(list_bytes), threads],
                                    stdout=subprocess.DEVNULL)
            wait_until_serving(bare_url, bare, "bare-pistache")
            results["modules", "keep"] = wrk_run(modules_url, args.duration, keep_alive)
            results["bare modules", "keep"] = wrk_run(bare_url, args.duration, keep_alive)
        finally:
            stop(server)
            if bare:
                stop(bare)

    print(f"student page read: GET /api/v1/parts/{page['id']} \"{page['title']}\", "
          f"{body_bytes}-byte body, {threads} server threads, wrk -t2 -c20 -d{args.duration}")
    print(f"  {'':50} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8}")
    labels = {"page": "page read (student session)", "bare": "bare Pistache, same body"}
    for conn, conn_label in (("close", "no keep-alive header"), ("keep", "keep-alive")):
        for what in ("page", "bare"):
            r = results[what, conn]
            row = f"{labels[what]}, {conn_label}"
            note = f"  socket errors: {r['errors']}" if r["errors"] else ""
            print(f"  {row:50} {r['rps']:10.0f} {r['p50']:8.2f} {r['p99']:8.2f}{note}")
    close = results["page", "close"]["rps"] / results["bare", "close"]["rps"]
    keep = results["page", "keep"]["rps"] / results["bare", "keep"]["rps"]
    print(f"  ratio page read / bare: {close:.2f} without keep-alive header, "
          f"{keep:.2f} with keep-alive")

    print(f"anonymous module list: GET /api/v1/modules, {list_bytes}-byte body, keep-alive")
    for label, key in (("module list (signed out)", "modules"),
                       ("bare Pistache, same body", "bare modules")):
        r = results[key, "keep"]
        print(f"  {label:50} {r['rps']:10.0f} {r['p50']:8.2f} {r['p99']:8.2f}")
    print(f"  ratio module list / bare: "
          f"{results['modules', 'keep']['rps'] / results['bare modules', 'keep']['rps']:.2f}")

    print(f"progress recording, keep-alive: the page above, then it and \"{other['title']}\" "
          "read in turn")
    rows = (("student (visit recorded; nothing writes)", results["page", "keep"]),
            ("tutor (records nothing)", results["tutor", "keep"]),
            ("student, two pages in turn (a write per read)", results["alternate", "student"]),
            ("tutor, two pages in turn", results["alternate", "tutor"]))
    for label, r in rows:
        print(f"  {label:50} {r['rps']:10.0f} {r['p50']:8.2f} {r['p99']:8.2f}")
    same = results["page", "keep"]["rps"] / results["tutor", "keep"]["rps"]
    moving = results["alternate", "student"]["rps"] / results["alternate", "tutor"]["rps"]
    print(f"  ratio student / tutor: {same:.2f} re-reading one page, "
          f"{moving:.2f} with the current page changing each read")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as e:
        sys.exit(f"{e.url} answered {e.code}: {e.read().decode(errors='replace')}")
