"""wte-server's command line as an operator uses it: every mode exits 0 on
success, or non-zero with a one-line reason, and bad input changes nothing."""
import os
import re
import subprocess
import tempfile
import time
import unittest

from wte_testlib import POSTGRESQL, SERVER, Client, Database, free_port, new_database, run_cli, \
    use_database


class CliTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="wte-cli-")
        self.config = os.path.join(self.dir.name, "wte.ini")

    def tearDown(self):
        self.dir.cleanup()

    def generate_config(self):
        """generate-config, pointed at a new database of its own on PostgreSQL."""
        run_cli("generate-config", "--filename", self.config)
        self.database = os.path.join(self.dir.name, "wte.db")
        if POSTGRESQL:
            self.database = new_database()
            use_database(self.config, self.database)

    def test_generate_config_writes_a_commented_file_and_refuses_to_overwrite(self):
        run_cli("generate-config", "--filename", self.config)
        with open(self.config) as f:
            text = f.read()
        for key in ("port = 6543", "threads", "static_dir", "upload_limit", "domains", "smtp_host", "sender"):
            self.assertIn(key, text)
        self.assertIn("#", text)
        p = run_cli("generate-config", "--filename", self.config, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("already exists", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1)

    def test_init_db_prints_a_generated_admin_password_that_works_once(self):
        self.generate_config()
        p = run_cli("init-db", self.config)
        self.assertIn("admin@example.org", p.stdout)
        self.assertIn("generated", p.stdout)
        password = re.search(r"password:\s*(\S+)", p.stdout).group(1)
        db = Database(self.database)
        if not POSTGRESQL:  # SQLite's own setting: readers and writers at once
            self.assertEqual(db.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        groups = {r[0] for r in db.execute("SELECT title FROM permission_groups")}
        self.assertEqual(groups, {"User Administration", "Content Administration", "Teacher", "Student"})
        hash_ = db.execute("SELECT password_hash FROM users WHERE email='admin@example.org'").fetchone()[0]
        self.assertTrue(hash_.startswith("$argon2id$"), hash_)
        db.close()
        again = run_cli("init-db", self.config, check=False)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("already initialised", again.stderr)
        self.assertNotIn(password, again.stdout + again.stderr)
        # the printed password signs the administrator in over HTTP
        port = free_port()
        with open(self.config) as f:
            text = f.read().replace("port = 6543", f"port = {port}", 1)
        with open(self.config, "w") as f:
            f.write(text)
        with open(os.path.join(self.dir.name, "serve.log"), "w") as log:
            server = subprocess.Popen([SERVER, "serve", self.config], stdout=log, stderr=subprocess.STDOUT)
            try:
                deadline = time.time() + 20
                while True:
                    try:
                        if Client(port).request("GET", "/api/v1/health")[0] == 200:
                            break
                    except OSError:
                        pass
                    self.assertLess(time.time(), deadline, "wte-server did not start")
                    time.sleep(0.05)
                self.assertEqual(Client(port).login("admin@example.org", password + "x")[0], 401)
                admin = Client(port)
                status, body, _ = admin.login("admin@example.org", password)
                self.assertEqual(status, 200, body)
                status, me, _ = admin.get("/api/v1/auth/me")
                self.assertEqual(status, 200)
                self.assertEqual(me["user"]["email"], "admin@example.org")
            finally:
                server.terminate()
                server.wait(timeout=10)

    def test_migrate_is_idempotent(self):
        self.generate_config()
        first = run_cli("migrate", self.config)
        self.assertRegex(first.stdout, r"Schema 0 -> \d+")
        second = run_cli("migrate", self.config)
        self.assertIn("0 migrations applied", second.stdout)

    def test_missing_or_broken_config_is_a_one_line_error(self):
        p = run_cli("serve", os.path.join(self.dir.name, "nope.ini"), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("does not exist", p.stderr)
        with open(self.config, "w") as f:
            f.write("[server]\nport = seventy\n")
        p = run_cli("init-db", self.config, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("port", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, "wte.db")))

    def test_serve_without_database_says_what_to_do(self):
        self.generate_config()
        p = run_cli("serve", self.config, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("init-db", p.stderr)

    def test_user_add_passwd_grant(self):
        self.generate_config()
        run_cli("init-db", self.config, "--admin-password", "long-enough")
        p = run_cli("user", "add", self.config, "t@example.org", "Tina", "--group", "Teacher")
        self.assertIn("password:", p.stdout)
        self.assertNotEqual(run_cli("user", "add", self.config, "t@example.org", "Again", check=False).returncode, 0)
        self.assertNotEqual(run_cli("user", "add", self.config, "x@example.org", "X", "--password", "short",
                                    check=False).returncode, 0)
        self.assertNotEqual(run_cli("user", "grant", self.config, "t@example.org", "--permission", "root",
                                    check=False).returncode, 0)
        run_cli("user", "grant", self.config, "t@example.org", "--permission", "admin.modules.view")
        run_cli("user", "passwd", self.config, "t@example.org", "--password", "a-new-password")
        p = run_cli("user", "passwd", self.config, "ghost@example.org", check=False)
        self.assertIn("no user", p.stderr)
        db = Database(self.database)
        self.assertIsNone(db.execute("SELECT id FROM users WHERE email='x@example.org'").fetchone())
        db.close()

    def test_routes_prints_the_route_table(self):
        lines = run_cli("routes").stdout.splitlines()
        self.assertIn("GET /api/v1/health", lines)
        self.assertIn("PATCH /api/v1/parts/{id}", lines)
        self.assertIn("* /api/v1/preview/{rest*}", lines)
        for line in lines:
            method, pattern = line.split(" ")
            self.assertIn(method, ("GET", "POST", "PUT", "PATCH", "DELETE", "*"))
            self.assertTrue(pattern.startswith("/api/v1/"), line)
        self.assertEqual(len(lines), len(set(lines)))

    def test_help_on_every_mode(self):
        # each mode and submode: its usage line and the options the README documents
        modes = {
            (): ["generate-config", "init-db", "migrate", "serve", "run-timed-tasks", "user",
                 "routes"],
            ("generate-config",): ["--filename"],
            ("init-db",): ["CONFIG", "--admin-email", "--admin-password", "--demo"],
            ("migrate",): ["CONFIG"],
            ("serve",): ["CONFIG"],
            ("run-timed-tasks",): ["CONFIG", "--quiet", "--dry-run", "--now"],
            ("user",): ["add", "passwd", "grant"],
            ("user", "add"): ["CONFIG EMAIL NAME", "--password", "--group"],
            ("user", "passwd"): ["CONFIG EMAIL", "--password"],
            ("user", "grant"): ["CONFIG EMAIL", "--permission", "--group"],
        }
        for mode, mentions in modes.items():
            with self.subTest(mode=" ".join(mode) or "wte-server"):
                p = run_cli(*mode, "--help")
                text = p.stdout + p.stderr
                self.assertRegex(text, r"Usage: \S*wte-server " + "".join(m + " " for m in mode))
                for word in mentions:
                    self.assertIn(word, text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
