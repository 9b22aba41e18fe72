"""The API fuzzer: every route the server lists (`wte-server routes`), called
with mutated bodies, odd ids and junk query strings, as anonymous, student,
teacher and administrator. Never a 5xx, every 4xx a JSON error of the usual
shape, the server still running at the end, the database intact.

Seeded: the seed is printed; WTE_FUZZ_SEED=N replays a run (one thread, so a
seed gives the same requests). WTE_FUZZ_SECONDS bounds the fuzzing (default 35,
the whole test stays under a minute); WTE_FUZZ_THREADS=N fuzzes from N threads
at once to hunt races."""
import http.client
import io
import json
import os
import random
import sys
import threading
import time
import unittest
import urllib.parse
import zipfile

from wte_testlib import DEMO, ServerProcess, run_cli

SEED = int(os.environ.get("WTE_FUZZ_SEED") or random.SystemRandom().randrange(1, 10**9))
SECONDS = float(os.environ.get("WTE_FUZZ_SECONDS", "35"))
# More than one: fuzzing threads at once (seeds SEED, SEED+1, …) against a
# server with eight workers, to find races; a run is then no exact replay.
THREADS = int(os.environ.get("WTE_FUZZ_THREADS", "1"))

# Valid bodies, taken from the other integration tests and server/API.md. The
# e-mail addresses are the fuzzer's own: failed sign-ins of a demo account
# would throttle it.
BODIES = {
    ("POST", "/api/v1/auth/login"): {"email": "fuzz@example.org", "password": "fuzz-password"},
    ("POST", "/api/v1/auth/register"): {"email": "fuzz@example.org",
                                        "email_confirm": "fuzz@example.org", "name": "Fuzz"},
    ("POST", "/api/v1/auth/resend"): {"email": "fuzz@example.org"},
    ("POST", "/api/v1/auth/confirm"): {"token": "abc", "password": "a-long-password"},
    ("POST", "/api/v1/auth/forgot"): {"email": "fuzz@example.org"},
    ("POST", "/api/v1/auth/confirm-email"): {"token": "abc"},
    ("POST", "/api/v1/auth/reset"): {"token": "abc", "password": "a-long-password"},
    ("PATCH", "/api/v1/users/{id}"): {"name": "Fuzzed Name", "high_contrast": True},
    ("DELETE", "/api/v1/users/{id}"): {"password": "not-the-password"},
    ("PUT", "/api/v1/users/{id}/permissions"): {"groups": [1, 2], "permissions": ["modules.create"]},
    ("POST", "/api/v1/parts"): {"type": "part", "parent_id": 1, "title": "Fuzz part",
                                "status": "available", "label": "Tutorial",
                                "display_mode": "three_pane_html", "content": "Hello\n=====\n",
                                "order": 0},
    ("PATCH", "/api/v1/parts/{id}"): {"title": "Fuzzed", "status": "available", "label": "x",
                                      "content": "Text *here*", "order": 1,
                                      "children_order": [3, 4]},
    ("PUT", "/api/v1/parts/{id}/access"): {"password": "module-pw", "email_domains": ["example.org"]},
    ("POST", "/api/v1/parts/{id}/enrol"): {"password": "module-pw"},
    ("PATCH", "/api/v1/assets/{id}"): {"filename": "fuzz.txt", "mimetype": "text/plain",
                                       "order": 2, "position": 0},
    ("POST", "/api/v1/parts/{id}/quiz-answers"): {"quiz": "q1", "question": "1", "answers": ["a"]},
    ("POST", "/api/v1/parts/{id}/progress/time"): {"page_id": 3, "seconds": 5},
    ("POST", "/api/v1/parts/{id}/files/reset"): {"filename": "index.html"},
    ("POST", "/api/v1/parts/{id}/timed-tasks"): {"name": "change_status",
                                                 "run_at": "2030-02-01T08:00Z",
                                                 "options": {"target_status": "unavailable"}},
    ("PATCH", "/api/v1/timed-tasks/{id}"): {"run_at": "2031-01-01T00:00Z",
                                            "options": {"target_status": "available"}},
    ("POST", "/api/v1/parts/{id}/users"): {"email": "student2@example.org", "role": "tutor"},
    ("PATCH", "/api/v1/parts/{id}/users/{user_id}"): {"role": "tutor"},
    ("POST", "/api/v1/parts/{id}/notify"): {"message": "Fuzz says hello"},
}
# Calls that succeed on the demo data (who, placeholder values, body, query),
# sent unmutated now and then so the fuzzer also reaches the stores behind the checks.
VALID_CALLS = {
    ("POST", "/api/v1/auth/login"): ("student2", {}, {"email": DEMO["student2"][0],
                                                      "password": DEMO["student2"][1]}, ""),
    ("PATCH", "/api/v1/parts/{id}"): ("teacher", {"id": "3"}, {"title": "Fuzzed"}, ""),
    ("PUT", "/api/v1/parts/{id}/access"): ("teacher", {"id": "11"},
                                           {"password": None, "email_domains": []}, ""),
    ("POST", "/api/v1/parts/{id}/enrol"): ("student1", {"id": "11"}, {}, ""),
    ("POST", "/api/v1/parts/{id}/assets"): ("teacher", {"id": "4"}, b"fuzz bytes",
                                            "filename=fuzz.txt&type=asset"),
    ("GET", "/api/v1/parts/{id}/assets/by-name/{name}"): ("student1",
                                                          {"id": "14", "name": "diagram.png"},
                                                          None, ""),
    ("POST", "/api/v1/parts/{id}/quiz-answers"): ("student1", {"id": "8"},
                                                  {"quiz": "html-basics", "question": "lists",
                                                   "answers": ["ul", "ol"]}, ""),
    ("POST", "/api/v1/parts/{id}/progress/time"): ("student1", {"id": "4"},
                                                   {"page_id": 5, "seconds": 5}, ""),
    ("GET", "/api/v1/parts/{id}/workspace"): ("student1", {"id": "9"}, None, ""),
    ("GET", "/api/v1/parts/{id}/files.zip"): ("student1", {"id": "9"}, None, ""),
    ("POST", "/api/v1/parts/{id}/files/reset"): ("student1", {"id": "9"}, {}, ""),
    ("GET", "/api/v1/parts/{id}/files/{filename*}"): ("student1",
                                                      {"id": "9", "filename*": "index.html"},
                                                      None, ""),
    ("PUT", "/api/v1/parts/{id}/files/{filename*}"): ("student1",
                                                      {"id": "9", "filename*": "notes.txt"},
                                                      b"my notes", ""),
    ("POST", "/api/v1/parts/{id}/timed-tasks"): ("teacher", {"id": "4"}, {
        "name": "change_status", "run_at": "2030-02-01T08:00Z",
        "options": {"target_status": "unavailable"}}, ""),
    ("PATCH", "/api/v1/timed-tasks/{id}"): ("teacher", {}, {"run_at": "2031-01-01T00:00Z"}, ""),
    ("DELETE", "/api/v1/timed-tasks/{id}"): ("teacher", {}, None, ""),
    ("POST", "/api/v1/parts/{id}/users"): ("teacher", {"id": "11"},
                                           {"email": "student2@example.org", "role": "student"}, ""),
    ("PATCH", "/api/v1/parts/{id}/users/{user_id}"): ("teacher", {"id": "11", "user_id": "4"},
                                                      {"role": "tutor"}, ""),
    ("DELETE", "/api/v1/parts/{id}/users/{user_id}"): ("teacher", {"id": "11", "user_id": "4"},
                                                       None, ""),
}

# Routes whose body is raw bytes, not JSON.
RAW_BODY = {
    ("POST", "/api/v1/parts/{id}/assets"), ("PUT", "/api/v1/assets/{id}/content"),
    ("PUT", "/api/v1/parts/{id}/files/{filename*}"), ("POST", "/api/v1/import"),
}
ODD_NUMBERS = [0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -2**63, 2**64, 10**30, 1.5, -0.0,
               1e308, 600, 601]
ODD_IDS = ["0", "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999",
           "abc", "1e3", "0x10", "1.0", "%20", "%00", "+1", "01", "%EF%BC%91", "1%2F2", "%FF",
           "123456789012345678"]
ODD_NAMES = ["..", "a/../b", "%2e%2e/x", ".hidden", "x" * 300, "%00", "%FF%FE", "a%2Fb",
             "index.html", "style.css", "logo.png", "Ünïcödé.txt", "a b.txt", "%0d%0aX: y", ""]


def odd_value(rng):
    return rng.choice([None, True, False, "", "x", "x" * rng.choice([300, 5001, 70000]), [], {},
                       [1, "a", None], {"a": {"b": []}}, "\u0000", "\ud7ff\ue000",
                       "2030-13-45T99:99Z", "<script>", rng.choice(ODD_NUMBERS)])


def mutate_json(rng, value):
    """A mutation of a valid JSON value: wrong types, huge numbers, missing and
    extra fields, deep nesting, long strings."""
    v = json.loads(json.dumps(value))
    kind = rng.randrange(9)
    if isinstance(v, dict) and v and kind < 4:
        key = rng.choice(list(v))
        if kind == 0:
            del v[key]
        elif kind == 1:
            v[key] = odd_value(rng)
        elif kind == 2 and isinstance(v[key], (list, dict)):
            v[key] = mutate_json(rng, v[key])
        else:
            v[key] = rng.choice(ODD_NUMBERS)
        return v
    if kind == 4:
        if isinstance(v, dict):
            v[rng.choice(["extra", "id", "__proto__", "type", "x" * 200])] = odd_value(rng)
        return v
    if kind == 5:
        if isinstance(v, dict) and v:
            v[rng.choice(list(v))] = DEEP
            return v
        return DEEP
    if kind == 6 and isinstance(v, list):
        return v * rng.choice([0, 2, 1000])
    if kind == 7:
        return odd_value(rng)
    return {k: odd_value(rng) for k in (v if isinstance(v, dict) else {"a": 1})}


# Where mutate_json nests deeply: written out by dumps (json.dumps itself would recurse).
DEEP = "\u0000deep\u0000"


def dumps(rng, value):
    text = json.dumps(value)
    while json.dumps(DEEP) in text:
        depth = rng.choice([10, 30, 60, 500, 50000])
        nested = rng.choice([("[" * depth) + ("]" * depth),
                             ('{"a":' * depth) + "1" + ("}" * depth),
                             ('[{"a":' * depth) + "[]" + ("}]" * depth)])
        text = text.replace(json.dumps(DEEP), nested, 1)
    return text.encode()


def raw_body(rng, base_json, zip_bytes):
    """Bytes that are not (quite) JSON: empty, junk, invalid UTF-8 in strings."""
    kind = rng.randrange(7)
    if kind == 0:
        return b""
    if kind == 1:
        return bytes(rng.randrange(256) for _ in range(rng.choice([1, 10, 1000])))
    if kind == 2 and base_json is not None:
        text = json.dumps(base_json).encode()
        return text[:rng.randrange(len(text) + 1)] + rng.choice([b"", b"\xff", b"\\u00"])
    if kind == 3:
        return b'{"title": "\xff\xfe\xc3", "email": "a\x80@example.org", "name": "\xed\xa0\x80"}'
    if kind == 4 and zip_bytes:
        data = bytearray(zip_bytes)
        for _ in range(rng.choice([1, 5, 50])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data[:rng.randrange(len(data) + 1)] if rng.random() < 0.3 else data)
    if kind == 5:
        return rng.choice([b"null", b"1", b'"x"', b"[]", b"true", b"{}", b"{\"a\":}", b"\x00",
                           b"[" * 10000, b"{\"a\":" * 10000])
    return b"\xef\xbb\xbf" + json.dumps(base_json if base_json is not None else {}).encode()


def zip_with(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


class Persona:
    """A demo account's session (or none), re-opened when the fuzzer ends it."""

    def __init__(self, server, who, address):
        self.server, self.who, self.address = server, who, address
        self.cookie = self.csrf = None
        self.user_id = None
        if who:
            assert self.sign_in(), who

    def sign_in(self):
        """False when the account cannot sign in any more (another persona with
        rights deleted it): the persona goes on anonymous."""
        status, body, headers = send(self.server.port, "POST", "/api/v1/auth/login",
                                     json.dumps({"email": DEMO[self.who][0],
                                                 "password": DEMO[self.who][1]}).encode(),
                                     {"X-Forwarded-For": self.address,
                                      "Content-Type": "application/json"})
        if status != 200:
            self.cookie = self.csrf = None
            return False
        self.cookie = headers["set-cookie"].split(";", 1)[0]
        self.csrf = json.loads(body)["csrf_token"]
        self.user_id = json.loads(body)["user"]["id"]
        return True

    def headers(self, method):
        h = {"X-Forwarded-For": self.address}
        if self.cookie:
            h["Cookie"] = self.cookie
            if method not in ("GET", "HEAD"):
                h["X-CSRF-Token"] = self.csrf
        return h

    def still_signed_in(self):
        status, _, _ = send(self.server.port, "GET", "/api/v1/auth/me", None, self.headers("GET"))
        return status == 200


def send(port, method, path, body, headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        # names like Ünïcödé.txt go out UTF-8 and percent-encoded, as a browser sends them
        path = urllib.parse.quote(path, safe="/%?&=+*:;,!$'()[]@~")
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in headers.items():
            conn.putheader(k, v)
        conn.putheader("Content-Length", str(len(body or b"")))
        conn.endheaders(body or b"")
        resp = conn.getresponse()
        payload = resp.read()
        return resp.status, payload, {k.lower(): v for k, v in resp.getheaders()}
    finally:
        conn.close()


class ApiFuzzTest(unittest.TestCase):
    local = threading.local()  # each fuzzing thread's random numbers

    @property
    def rng(self):
        return self.local.rng

    def setUp(self):
        print(f"API fuzzer: seed {SEED} (replay with WTE_FUZZ_SEED={SEED}), {SECONDS:g} s",
              file=sys.stderr)
        self.server = ServerProcess(extra={"threads = 2": "threads = 8"} if THREADS > 1 else None)
        self.addCleanup(self.server.stop)
        self.routes = [tuple(line.split(" ", 1)) for line in run_cli("routes").stdout.splitlines()]
        self.assertGreater(len(self.routes), 40)
        self.personas = [Persona(self.server, who, f"10.9.0.{i + 1}")
                         for i, who in enumerate([None, "student1", "teacher", "admin"])]
        self.discover()

    def discover(self):
        """Real ids of things, most of them other users': parts, assets, tasks, users."""
        admin = self.personas[3]
        port = self.server.port

        def get(path):
            status, body, _ = send(port, "GET", path, None, admin.headers("GET"))
            return json.loads(body) if status == 200 else None

        self.part_ids, self.asset_ids, self.task_ids, self.asset_names = set(), set(), set(), set()
        modules = get("/api/v1/admin/modules")["items"]
        todo = [m["id"] for m in modules]
        while todo:
            pid = todo.pop()
            self.part_ids.add(pid)
            view = get(f"/api/v1/parts/{pid}")
            todo += [c["id"] for c in (view or {}).get("children", []) if c["id"] not in self.part_ids]
            for a in (get(f"/api/v1/parts/{pid}/assets") or {}).get("items", []):
                self.asset_ids.add(a["id"])
                self.asset_names.add(a["filename"])
            for t in (get(f"/api/v1/parts/{pid}/timed-tasks") or {}).get("items", []):
                self.task_ids.add(t["id"])
        self.user_ids = {u["id"] for u in get("/api/v1/users?per_page=200")["items"]}
        status, self.export_zip, _ = send(port, "GET", f"/api/v1/parts/{modules[0]['id']}/export",
                                          None, admin.headers("GET"))
        self.assertEqual(status, 200)
        student = self.personas[1]
        status, body, _ = send(port, "GET", "/api/v1/parts/9/workspace", None,
                               student.headers("GET"))
        self.assertEqual(status, 200, body)
        self.preview_path = json.loads(body)["preview_url"][:-len("index.html")]
        self.demo_parts = max(self.part_ids)
        self.part_ids, self.asset_ids = sorted(self.part_ids), sorted(self.asset_ids)
        self.task_ids, self.user_ids = sorted(self.task_ids) or [1], sorted(self.user_ids)
        self.asset_names = sorted(self.asset_names)

    def some_id(self, pool):
        if self.rng.random() < 0.6:
            return str(self.rng.choice(pool))
        return self.rng.choice(ODD_IDS)

    def valid_call(self, method, pattern):
        """(persona, path, body, headers) of a call that should succeed, or None."""
        who, values, body, query = VALID_CALLS[(method, pattern)]
        # student2 signs in (anonymous, so the sessions of the personas are not touched)
        persona = (Persona(self.server, None, "10.9.1.1") if who == "student2" else
                   next(p for p in self.personas if p.who == who))
        path = pattern
        for name, value in values.items():
            path = path.replace("{" + name + "}", value)
        if "{id}" in path:
            path = path.replace("{id}", str(self.rng.choice(self.task_ids)))
        headers = {}
        if isinstance(body, bytes):
            headers = {"Content-Type": "application/octet-stream", "If-Match": "*"}
        elif body is not None:
            headers = {"Content-Type": "application/json"}
            body = json.dumps(body).encode()
        return persona, path + ("?" + query if query else ""), body, headers

    def remember(self, method, pattern, status, payload):
        """Ids of things the fuzzer created join the pools of real ids."""
        pools = {"/api/v1/parts": self.part_ids, "/api/v1/parts/{id}/assets": self.asset_ids,
                 "/api/v1/parts/{id}/timed-tasks": self.task_ids}
        if method == "POST" and status == 201 and pattern in pools:
            try:
                pools[pattern].append(json.loads(payload)["id"])
            except (ValueError, KeyError, TypeError):
                pass

    def path_for(self, method, pattern, persona):
        pools = {"parts": self.part_ids, "assets": self.asset_ids,
                 "timed-tasks": self.task_ids, "users": self.user_ids}
        out, rest = "", pattern
        while "{" in rest:
            before, _, after = rest.partition("{")
            name, _, rest = after.partition("}")
            out += before
            kind = before.rstrip("/").rsplit("/", 1)[-1]
            if name in ("id", "user_id"):
                pool = self.user_ids if name == "user_id" else pools.get(kind, self.part_ids)
                # The demo's tree and the personas' accounts and roles stay, so the
                # personas go on reaching the deeper code all run long.
                kept = set()
                if (method, pattern) == ("DELETE", "/api/v1/parts/{id}"):
                    kept = set(range(self.demo_parts + 1))
                elif (method, pattern) == ("DELETE", "/api/v1/users/{id}") or (
                        name == "user_id" and method != "GET"):
                    kept = {p.user_id for p in self.personas}
                pool = [i for i in pool if i not in kept] or [10**6]
                value = self.some_id(pool)
                if value.isdigit() and int(value) not in pool and int(value) in kept:
                    value = "0"  # "01" is part 1 or user 1 too
                out += value
            elif name == "name":
                out += self.rng.choice(self.asset_names + ODD_NAMES)
            elif name == "filename*":
                out += self.rng.choice(ODD_NAMES + ["sub/dir/file.txt", "index.html"])
            else:  # the preview's {rest*}: a capability token and a path
                out += self.rng.choice(["x" * 43 + "/index.html", "", "/", "%FF/..", "a/b/c",
                                        "0" * 64 + "/assets/logo.png"])
        out += rest
        if self.rng.random() < 0.5:
            out += "?" + self.query()
        return out

    def query(self):
        rng = self.rng
        params = [rng.choice(["page=-1", "per_page=1000000000", "page=0", "per_page=0",
                              "page=abc", "page=99999999999999999999", "per_page=-5", "q=" +
                              "%25" * 300, "q=%FF%FE", "status=all", "status=bogus",
                              "status=available,archived", "filter=unconfirmed", "filter=x",
                              "role=block", "role=owner", "format=csv", "format=xml",
                              "filename=fuzz.txt", "filename=..%2Fx", "type=template",
                              "type=x", "mimetype=text/html", "mimetype=%00",
                              "parent_id=1", "parent_id=-1", "parent_id=abc", "junk=1", "&&&",
                              "=", "%zz=%", "a=1&a=2&a=3", "x" * 2000 + "=1"])
                  for _ in range(rng.randrange(1, 4))]
        return "&".join(params)

    def body_for(self, method, pattern):
        rng = self.rng
        key = (method, pattern)
        headers = {}
        if key in RAW_BODY:
            if pattern == "/api/v1/import" and rng.random() < 0.6:
                choice = rng.randrange(4)
                if choice == 0:
                    body = self.export_zip
                elif choice == 1:
                    content = json.loads(zipfile.ZipFile(io.BytesIO(self.export_zip))
                                         .read("content.json"))
                    body = zip_with({"content.json": dumps(rng, mutate_json(rng, content))})
                elif choice == 2:
                    body = zip_with({"content.json": rng.choice(
                        [b"", b"\xff\xfe", b"[]", b'{"type": "page", "children": 5}']),
                        "../evil": b"x", "/abs": b"y"})
                else:
                    body = raw_body(rng, None, self.export_zip)
                headers["Content-Type"] = "application/zip"
            else:
                body = raw_body(rng, {"a": 1}, self.export_zip)
                headers["Content-Type"] = rng.choice(["application/octet-stream", "text/html",
                                                      "image/png", "", "x/y", "font/woff2"])
            if rng.random() < 0.7:
                headers["If-Match"] = rng.choice(["*", '"abc"', 'W/"x"', "", "\"", "*, *"])
            return body, headers
        base = BODIES.get(key)
        if method in ("GET", "DELETE") and base is None and rng.random() < 0.7:
            return None, headers
        headers["Content-Type"] = "application/json"
        if rng.random() < 0.25:
            return raw_body(rng, base, self.export_zip), headers
        value = base if base is not None else {}
        if rng.random() < 0.8:
            value = mutate_json(rng, value)
        if pattern == "/api/v1/parts/{id}" and method == "PATCH" and rng.random() < 0.6:
            headers["If-Match"] = rng.choice(["*", '"x"', "W/\"y\"", "nonsense", ""])
        return dumps(rng, value), headers

    def check(self, persona, method, path, body, status, payload, headers):
        where = (f"{persona.who or 'anonymous'} {method} {path[:200]!r} body "
                 f"{(body or b'')[:200]!r} -> {status} {payload[:300]!r}")
        if status >= 500:
            self.failures.append(where)
        elif status >= 400 and not path.startswith("/api/v1/preview/"):
            try:
                error = json.loads(payload)["error"]
                ok = (headers.get("content-type", "").startswith("application/json") and
                      isinstance(error["code"], str) and error["code"] and
                      isinstance(error["message"], str) and error["message"])
            except (ValueError, KeyError, TypeError):
                ok = False
            if not ok:
                self.failures.append("not a JSON error: " + where)

    def fuzz(self, n, deadline):
        """One fuzzing thread: random routes until the deadline."""
        self.local.rng = random.Random(SEED + n)
        while time.time() < deadline and len(self.failures) < 50:
            route_order = self.routes[:]
            self.rng.shuffle(route_order)
            for method, pattern in route_order:
                persona = self.rng.choice(self.personas)
                send_method = method if method != "*" else self.rng.choice(
                    ["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"])
                if (method, pattern) in VALID_CALLS and self.rng.random() < 0.2:
                    persona, path, body, extra = self.valid_call(method, pattern)
                elif pattern.startswith("/api/v1/preview/") and self.rng.random() < 0.3:
                    path = self.preview_path + self.rng.choice(
                        ["", "index.html", "style.css", "assets/logo.png", "nothing", "%FF"])
                    body, extra = None, {}
                else:
                    path = self.path_for(send_method, pattern, persona)
                    body, extra = self.body_for(method, pattern)
                headers = persona.headers(send_method)
                headers.update(extra)
                try:
                    status, payload, resp_headers = send(self.server.port, send_method, path,
                                                         body, headers)
                except (OSError, http.client.HTTPException) as e:
                    self.failures.append(f"no answer ({e!r}): {persona.who or 'anonymous'} "
                                         f"{send_method} {path[:200]!r} body {(body or b'')[:200]!r}")
                    if self.server.proc.poll() is not None:
                        return
                    continue
                if send_method != "HEAD":
                    self.check(persona, send_method, path, body, status, payload, resp_headers)
                with self.lock:
                    self.counts[(method, pattern)] = self.counts.get((method, pattern), 0) + 1
                    if status < 300:
                        self.successes.add((method, pattern))
                    self.remember(method, pattern, status, payload)
                if persona.cookie and status == 401 and not persona.still_signed_in():
                    # it signed itself out (logout), or its account was deleted
                    if not persona.sign_in():
                        print(f"API fuzzer: {persona.who} goes on anonymous", file=sys.stderr)
                if time.time() >= deadline:
                    return

    def test_no_route_answers_5xx_and_every_4xx_is_a_json_error(self):
        self.failures = []
        self.counts, self.successes = {}, set()
        self.lock = threading.Lock()
        deadline = time.time() + SECONDS
        threads = [threading.Thread(target=self.fuzz, args=(n, deadline)) for n in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        counts, successes = self.counts, self.successes
        for line in self.failures[:20]:
            print("  " + line, file=sys.stderr)
        self.assertIsNone(self.server.proc.poll(), "the server died: " + self.server.read_log()[-3000:])
        total = sum(counts.values())
        print(f"API fuzzer: {total} requests over {len(counts)} of {len(self.routes)} routes",
              file=sys.stderr)
        print("API fuzzer: never a 2xx on " + ", ".join(
            f"{m} {p}" for m, p in self.routes if (m, p) not in successes), file=sys.stderr)
        self.assertEqual(set(counts), set(self.routes), "routes never called")
        self.assertEqual(len(self.failures), 0, f"seed {SEED}: bad answers (listed above)")
        status, _, _ = send(self.server.port, "GET", "/api/v1/health", None, {})
        self.assertEqual(status, 200)
        db = self.server.database()
        try:
            self.assertEqual(db.integrity_problems(), [])
        finally:
            db.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
