"""Shared helpers for integration tests: a real wte-server process on a
temporary SQLite file — or, when WTE_TEST_POSTGRESQL names a PostgreSQL
server (ci/postgres.sh), on a fresh database of its own there —, the
database opened for a test's own look (Database), and a small HTTP client
that keeps the session cookie and sends the CSRF header like the browser
client does."""
import http.client
import itertools
import json
import os
import re
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest

SERVER = os.environ.get("WTE_SERVER", os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "native", "server", "wte-server"))

DEMO = {
    "admin": ("admin@example.org", "admin-demo-pw"),
    "teacher": ("teacher@example.org", "teacher-demo"),
    "student1": ("student1@example.org", "student1-demo"),
    "student2": ("student2@example.org", "student2-demo"),
}


# postgresql://wte@127.0.0.1:PORT/postgres when the suite runs on PostgreSQL.
# (ctest passes the file ci/postgres.sh wrote the URL to.)
POSTGRESQL = os.environ.get("WTE_TEST_POSTGRESQL", "")
if os.environ.get("WTE_TEST_POSTGRESQL_FILE"):
    with open(os.environ["WTE_TEST_POSTGRESQL_FILE"]) as f:
        POSTGRESQL = f.read().strip()
_database_names = itertools.count(1)


def new_database():
    """A fresh PostgreSQL database for one server; returns its URL."""
    name = f"wte_it_{os.getpid()}_{next(_database_names)}"
    Database(POSTGRESQL).execute(
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    return POSTGRESQL.rsplit("/", 1)[0] + "/" + name


def drop_database(url):
    Database(POSTGRESQL).execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def use_database(config, url):
    """Points the config file at the PostgreSQL database `url`."""
    with open(config) as f:
        text = f.read()
    with open(config, "w") as f:
        f.write(re.sub(r"^url =.*$", f"url = {url}", text, count=1, flags=re.M))


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self):
        return self.rows

    def __iter__(self):
        return iter(self.rows)


class Database:
    """A server's database opened by the test itself, with `?` placeholders on
    both engines: sqlite3 on a file, psql on a postgresql:// URL (the suite
    needs no Python driver). Every execute commits on PostgreSQL; values come
    back as int, str, bytes (bytea) or None, like sqlite3 gives them."""

    NULL = "\x01NULL"

    def __init__(self, location, timeout=30):
        self.location = location
        self.sqlite = None
        if not location.startswith("postgresql://"):
            self.sqlite = sqlite3.connect(location, timeout=timeout)

    @staticmethod
    def literal(value):
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, (bytes, bytearray)):
            return "'\\x" + bytes(value).hex() + "'::bytea"
        return "'" + str(value).replace("'", "''") + "'"

    def bound(self, sql, params):
        out, values = [], iter(params)
        for i, piece in enumerate(re.split(r"('(?:[^']|'')*')", sql)):
            out.append(piece if i % 2 else re.sub(r"\?", lambda _: self.literal(next(values)), piece))
        return "".join(out)

    def execute(self, sql, params=()):
        if self.sqlite:
            return self.sqlite.execute(sql, params)
        p = subprocess.run(
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-R", "\x1e",
             "-P", "null=" + self.NULL, self.location, "-c", self.bound(sql, params)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"})
        if p.returncode != 0:
            raise AssertionError(f"psql failed on {sql!r}: {p.stderr.strip()}")
        text = p.stdout[:-1] if p.stdout.endswith("\n") else p.stdout
        rows = []
        for record in (text.split("\x1e") if text else []):
            rows.append(tuple(self.value(v) for v in record.split("\x1f")))
        return _Rows(rows)

    def value(self, v):
        if v == self.NULL:
            return None
        if re.fullmatch(r"-?\d+", v):
            return int(v)
        if v.startswith("\\x") and re.fullmatch(r"\\x[0-9a-f]*", v):
            return bytes.fromhex(v[2:])
        return v

    def data_version(self):
        """Changes whenever another connection commits a write: SQLite's
        data_version; on PostgreSQL a digest of every row of every table (its
        own counters also move for writes that change nothing, such as an
        INSERT … ON CONFLICT DO NOTHING, and for autovacuum)."""
        if self.sqlite:
            return self.sqlite.execute("PRAGMA data_version").fetchone()[0]
        parts = [f"(SELECT '{t}:' || COALESCE(string_agg(r::text, ',' ORDER BY r::text), '') "
                 f"FROM {t} r)" for t in self.tables()]
        return self.execute("SELECT md5(" + " || '|' || ".join(parts) + ")").fetchone()[0]

    def insert_returning_ids(self, insert, values, rows):
        """Runs `insert` ("INSERT INTO t (a, b)") with `values` ("(?, ?)") for
        each row; returns the new ids in the order of the rows. PostgreSQL
        gets them in statements of many rows (one psql run each)."""
        if self.sqlite:
            return [self.sqlite.execute(f"{insert} VALUES {values} RETURNING id", row).fetchone()[0]
                    for row in rows]
        ids = []
        for at in range(0, len(rows), 500):
            batch = rows[at:at + 500]
            sql = f"{insert} VALUES " + ", ".join([values] * len(batch)) + " RETURNING id"
            ids += sorted(r[0] for r in self.execute(sql, [v for row in batch for v in row]))
        return ids

    def integrity_problems(self):
        """What is wrong with the stored data, [] when sound: SQLite's
        integrity_check and foreign_key_check; on PostgreSQL amcheck's
        verification of every table and B-tree index of the schema (foreign
        keys are always enforced there)."""
        if self.sqlite:
            rows = self.sqlite.execute("PRAGMA integrity_check").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            return problems + [str(r) for r in self.sqlite.execute("PRAGMA foreign_key_check")]
        self.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        self.execute("SELECT bt_index_check(c.oid, true) FROM pg_index i "
                     "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                     "WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace")
        return [str(r) for r in self.execute(
            "SELECT c.relname, v.* FROM pg_class c, verify_heapam(c.oid) v "
            "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace")]

    def tables(self):
        """The names of the schema's tables, sorted."""
        if self.sqlite:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        else:
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        return [r[0] for r in self.execute(sql)]

    def row_counts(self):
        """{table: number of rows} for every table, in one query."""
        tables = self.tables()
        sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)
        return dict(self.execute(sql).fetchall())

    def text_of(self, column):
        """SQL for a BLOB/BYTEA column read as UTF-8 text."""
        return f"CAST({column} AS TEXT)" if self.sqlite else f"convert_from({column}, 'UTF8')"

    def executemany(self, sql, rows):
        for row in rows:
            self.execute(sql, row)

    def commit(self):
        if self.sqlite:
            self.sqlite.commit()

    def close(self):
        if self.sqlite:
            self.sqlite.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, *_):
        if self.sqlite:
            if kind is None:
                self.sqlite.commit()
            else:
                self.sqlite.rollback()
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, check=True):
    """Runs wte-server with args; returns CompletedProcess (text)."""
    p = subprocess.run([SERVER, *args], capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"wte-server {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


class ServerProcess:
    """generate-config → init-db --demo → serve, on a free port in a temp dir."""

    def __init__(self, upload_limit=None, extra=None, postgresql=None):
        # postgresql: on the suite's PostgreSQL server (default: when the suite runs there).
        self.postgresql = bool(POSTGRESQL) if postgresql is None else postgresql
        self.dir = tempfile.TemporaryDirectory(prefix="wte-it-")
        self.config = os.path.join(self.dir.name, "wte.ini")
        self.db = os.path.join(self.dir.name, "wte.db")
        self.port = free_port()
        run_cli("generate-config", "--filename", self.config)
        with open(self.config) as f:
            text = f.read().replace("port = 6543", f"port = {self.port}", 1)
        if upload_limit:
            text = text.replace("upload_limit = 10485760", f"upload_limit = {upload_limit}")
        for old, new in (extra or {}).items():
            text = text.replace(old, new)
        with open(self.config, "w") as f:
            f.write(text)
        if self.postgresql:
            self.db = new_database()
            use_database(self.config, self.db)
        run_cli("init-db", self.config, "--demo", "--admin-password", DEMO["admin"][1])
        self.log = open(os.path.join(self.dir.name, "serve.log"), "w")
        self.start()

    def start(self):
        self.proc = subprocess.Popen([SERVER, "serve", self.config], stdout=self.log,
                                     stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                status, _, _ = Client(self.port).request("GET", "/api/v1/health")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("wte-server did not start: " + self.read_log())

    def database(self):
        """The server's database, for the test's own look (see Database)."""
        return Database(self.db)

    def read_log(self):
        self.log.flush()
        with open(os.path.join(self.dir.name, "serve.log")) as f:
            return f.read()

    def client(self, who=None):
        c = Client(self.port)
        if who:
            email, password = DEMO[who]
            status, body, _ = c.login(email, password)
            assert status == 200, (status, body)
        return c

    def new_learner(self, module=1):
        """A new student account that has taken `module` (default: "Web
        Development Basics") and has no progress or answers yet — unlike the
        demo's student1, who is part-way through "HTML Structure"."""
        self.learners = getattr(self, "learners", 0) + 1
        email, password = f"learner{self.learners}@example.org", "new-learner-pw"
        run_cli("user", "add", self.config, email, f"Learner {self.learners}", "--password",
                password, "--group", "Student")
        c = Client(self.port)
        status, body, _ = c.login(email, password)
        assert status == 200, (status, body)
        status, body, _ = c.post(f"/api/v1/parts/{module}/enrol", {})
        assert status == 200, (status, body)
        return c

    def restart(self):
        """Stops the process (SIGTERM) and starts it again on the same database."""
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.start()

    def stop(self):
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.log.close()
        self.dir.cleanup()
        if self.postgresql:
            drop_database(self.db)
        return code


class Client:
    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, raw=None, csrf=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        if self.cookie:
            h["Cookie"] = self.cookie
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h.setdefault("X-CSRF-Token", self.csrf)
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        payload = resp.read()
        resp_headers = {k.lower(): v for k, v in resp.getheaders()}
        conn.close()
        cookie = resp_headers.get("set-cookie")
        if cookie:
            value = cookie.split(";", 1)[0]
            self.cookie = value if value.split("=", 1)[1] else None
        parsed = None
        if payload and resp_headers.get("content-type", "").startswith("application/json"):
            parsed = json.loads(payload)
        return resp.status, parsed if parsed is not None else payload, resp_headers

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body if body is not None else {}, **kw)

    def patch(self, path, body, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, email, password):
        status, body, headers = self.request("POST", "/api/v1/auth/login",
                                             {"email": email, "password": password})
        if status == 200:
            self.csrf = body["csrf_token"]
        return status, body, headers


class ServerTestCase(unittest.TestCase):
    """One server for the whole class (init-db hashes passwords: not free)."""

    server_options = {}

    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(**cls.server_options)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def assertError(self, response, status, code=None):
        got_status, body, headers = response
        self.assertEqual(got_status, status, body)
        self.assertTrue(headers.get("content-type", "").startswith("application/json"), headers)
        self.assertIn("error", body)
        self.assertTrue(body["error"]["message"])
        if code:
            self.assertEqual(body["error"]["code"], code)
        return body


def smtp_settings(smtp):
    """ServerProcess(extra=...) replacements that send mail to `smtp`, retrying after 1 s."""
    return {
        "smtp_host =": "smtp_host = 127.0.0.1",
        "port = 25": f"port = {smtp.port}",
        "retry_seconds = 30": "retry_seconds = 1",
    }


class SmtpServer:
    """A real SMTP server on a loopback port (aiosmtpd from Debian's
    python3-aiosmtpd, run by Debian's python3) that files every mail it
    accepts into a Maildir."""

    PYTHON = "/usr/bin/python3"

    def __init__(self, port=None):
        import mailbox
        self.dir = tempfile.TemporaryDirectory(prefix="wte-smtp-")
        self.maildir_path = os.path.join(self.dir.name, "Maildir")
        self.maildir = mailbox.Maildir(self.maildir_path, create=True)
        self.port = port or free_port()
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(
            [self.PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "aiosmtpd.handlers.Mailbox", self.maildir_path],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the SMTP server did not start")

    def pause(self):
        """Stops listening (mails sent now fail) until start()."""
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def messages(self):
        import email
        import email.policy
        out = []
        for key in sorted(self.maildir.keys()):
            with self.maildir.get_file(key) as f:
                out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def wait_for(self, predicate, timeout=30):
        """The first message for which predicate(msg) holds, waiting up to timeout s."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for m in self.messages():
                if predicate(m):
                    return m
            time.sleep(0.1)
        raise AssertionError("no such mail arrived; mails: " +
                             repr([(m["To"], m["Subject"]) for m in self.messages()]))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.dir.cleanup()
