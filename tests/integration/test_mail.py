"""Accounts by mail through a real SMTP server (aiosmtpd on loopback):
registration with a confirmation link, `mail-test`, the forgotten-password
link end to end, the outbox keeping a mail while the
SMTP server is down and across a restart of wte-server, UTF-8 headers, the
same answer for unknown addresses, and throttling."""
import re
import time
import unittest

from wte_testlib import DEMO, Client, ServerProcess, SmtpServer, run_cli, smtp_settings


def link_token(message, kind="reset"):
    body = message.get_body(preferencelist=("plain",)).get_content()
    m = re.search(r"/#/" + kind + r"/([A-Za-z0-9_-]+)", body)
    assert m, body
    return m.group(1)


class MailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer()
        cls.server = ServerProcess(extra={**smtp_settings(cls.smtp),
                                          "sender = wte@localhost": "sender = wte@school.example"})

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.smtp.stop()

    def add_user(self, email, name, password="old-password-1"):
        run_cli("user", "add", self.server.config, email, name, "--password", password,
                "--group", "Student")

    def forgot(self, email, client=None):
        return (client or Client(self.server.port)).post("/api/v1/auth/forgot", {"email": email})

    def test_mail_test_delivers_and_reports_the_answer(self):
        p = run_cli("mail-test", self.server.config, "operator@school.example")
        self.assertIn("the server answered: 250", p.stdout)
        m = self.smtp.wait_for(lambda m: m["To"] == "operator@school.example")
        self.assertEqual(m["Subject"], "WTE test mail")
        self.assertIn("wte@school.example", m["From"])
        self.assertIn("mail-test", m.get_body(preferencelist=("plain",)).get_content())

    def test_mail_test_without_a_server_gives_a_one_line_reason(self):
        broken = self.server.config + ".broken"
        with open(self.server.config) as f, open(broken, "w") as g:
            g.write(f.read().replace(f"port = {self.smtp.port}", "port = 9", 1))
        p = run_cli("mail-test", broken, "operator@school.example", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("SMTP delivery to operator@school.example", p.stderr)
        p = run_cli("mail-test", self.server.config, "not an address", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("wte-server:", p.stderr)

    def test_a_forgotten_password_is_reset_through_the_mailed_link(self):
        self.add_user("zoe@school.example", "Zoë Ångström")
        other_device = Client(self.server.port)
        self.assertEqual(other_device.login("zoe@school.example", "old-password-1")[0], 200)

        status, body, _ = self.forgot("Zoe@School.example")
        self.assertEqual(status, 200, body)
        m = self.smtp.wait_for(lambda m: "zoe@school.example" in m["To"])
        # The accented name arrives intact through RFC 2047 encoded-words.
        self.assertEqual(m["To"].addresses[0].display_name, "Zoë Ångström")
        self.assertIn("new password", m["Subject"])
        html = m.get_body(preferencelist=("html",)).get_content()
        self.assertIn("Choose a new password", html)
        token = link_token(m)
        self.assertIn(f"http://localhost:8080/#/reset/{token}",
                      m.get_body(preferencelist=("plain",)).get_content())

        browser = Client(self.server.port)
        # A password under the rule changes nothing: the link still works after.
        status, body, _ = browser.post("/api/v1/auth/reset", {"token": token, "password": "short"})
        self.assertEqual(status, 400, body)
        status, body, _ = browser.post("/api/v1/auth/reset",
                                       {"token": token, "password": "brand-new-pass"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["email"], "zoe@school.example")
        self.assertEqual(browser.get("/api/v1/auth/me")[0], 200)  # signed in here
        self.assertEqual(other_device.get("/api/v1/auth/me")[0], 401)  # and nowhere else
        self.assertEqual(Client(self.server.port).login("zoe@school.example", "old-password-1")[0],
                         401)
        self.assertEqual(Client(self.server.port).login("zoe@school.example", "brand-new-pass")[0],
                         200)
        # Single use.
        status, body, _ = Client(self.server.port).post(
            "/api/v1/auth/reset", {"token": token, "password": "another-pass-1"})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["code"], "invalid_token")

    def test_only_the_latest_link_works_and_an_expired_one_does_not(self):
        self.add_user("max@school.example", "Max")
        self.forgot("max@school.example")
        first = link_token(self.smtp.wait_for(lambda m: "max@school.example" in m["To"]))
        self.forgot("max@school.example")
        second = link_token(self.smtp.wait_for(
            lambda m: "max@school.example" in m["To"] and link_token(m) != first))
        c = Client(self.server.port)
        self.assertEqual(c.post("/api/v1/auth/reset", {"token": first,
                                                       "password": "brand-new-pass"})[0], 400)
        with self.server.database() as db:
            db.execute("UPDATE user_tokens SET expires_at = 1 WHERE purpose = 'reset'")
        self.assertEqual(c.post("/api/v1/auth/reset", {"token": second,
                                                       "password": "brand-new-pass"})[0], 400)

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self):
        unknown = self.forgot("nobody@school.example")
        self.add_user("known@school.example", "Known")
        known = self.forgot("known@school.example")
        self.assertEqual(unknown[0], known[0])
        self.assertEqual(unknown[1]["status"], known[1]["status"])
        # Mails go out in order: once the known one is here, the unknown one would be too.
        self.smtp.wait_for(lambda m: "known@school.example" in m["To"])
        self.assertFalse([m for m in self.smtp.messages() if "nobody@" in m["To"]])

    def test_bad_input_is_refused(self):
        c = Client(self.server.port)
        for body in ({}, {"email": 5}, {"email": "not-an-address"}):
            status, answer, _ = c.post("/api/v1/auth/forgot", body)
            self.assertEqual(status, 400, (body, answer))
            self.assertTrue(answer["error"]["message"])
        status, answer, _ = c.post("/api/v1/auth/reset", {"token": "x"})
        self.assertEqual(status, 400, answer)

    def test_asking_too_often_is_throttled(self):
        self.add_user("often@school.example", "Often")
        for _ in range(3):
            self.assertEqual(self.forgot("often@school.example")[0], 200)
        status, body, headers = self.forgot("often@school.example")
        self.assertEqual(status, 429, body)
        self.assertGreater(int(headers["retry-after"]), 0)

    def test_a_mail_waits_in_the_outbox_while_smtp_is_down_and_across_a_restart(self):
        self.add_user("patient@school.example", "Patient")
        self.smtp.pause()
        try:
            self.assertEqual(self.forgot("patient@school.example")[0], 200)
            with self.server.database() as db:
                deadline = time.time() + 20
                while time.time() < deadline:
                    attempts, error = db.execute(
                        "SELECT attempts, last_error FROM outbox WHERE to_address = ?",
                        ("patient@school.example",)).fetchone()
                    if attempts >= 1:
                        break
                    time.sleep(0.1)
            self.assertGreaterEqual(attempts, 1)
            self.assertIn("SMTP delivery", error)
            self.server.restart()
        finally:
            self.smtp.start()
        m = self.smtp.wait_for(lambda m: "patient@school.example" in m["To"], timeout=60)
        self.assertIn("new password", m["Subject"])
        with self.server.database() as db:
            sent, = db.execute("SELECT sent_at FROM outbox WHERE to_address = ?",
                               ("patient@school.example",)).fetchone()
        self.assertIsNotNone(sent)
        # Exactly once, although a server restart came between the attempts.
        time.sleep(3)
        self.assertEqual(len([m for m in self.smtp.messages()
                              if "patient@school.example" in m["To"]]), 1)

    def register(self, email, name="New Learner", confirm=None):
        return Client(self.server.port).post("/api/v1/auth/register", {
            "email": email, "email_confirm": confirm or email, "name": name})

    def test_a_new_learner_registers_confirms_and_is_signed_in(self):
        status, body, _ = self.register("Nina@School.example", "Nina Novák")
        self.assertEqual(status, 201, body)
        m = self.smtp.wait_for(lambda m: "nina@school.example" in m["To"])
        self.assertIn("Confirm your address", m["Subject"])
        self.assertEqual(m["To"].addresses[0].display_name, "Nina Novák")
        token = link_token(m, "confirm")
        # Not signed in before the link is used: there is no password yet.
        self.assertEqual(Client(self.server.port).login("nina@school.example", "")[0], 401)
        browser = Client(self.server.port)
        self.assertEqual(browser.post("/api/v1/auth/confirm",
                                      {"token": token, "password": "2short"})[0], 400)
        status, body, _ = browser.post("/api/v1/auth/confirm",
                                       {"token": token, "password": "ninas-password"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], "Nina Novák")
        self.assertEqual(body["user"]["status"], "active")
        self.assertEqual(browser.get("/api/v1/auth/me")[0], 200)
        self.assertEqual(Client(self.server.port).login("nina@school.example",
                                                        "ninas-password")[0], 200)
        status, body, _ = Client(self.server.port).post(
            "/api/v1/auth/confirm", {"token": token, "password": "ninas-password"})
        self.assertEqual(body["error"]["code"], "invalid_token")

    def test_registering_a_known_address_answers_the_same_and_mails_its_owner(self):
        new = self.register("fresh@school.example")
        self.add_user("taken@school.example", "Taken Person", "taken-password")
        known = self.register("taken@school.example", "Impostor")
        self.assertEqual(new[0], known[0])
        self.assertEqual(new[1]["status"], known[1]["status"])
        m = self.smtp.wait_for(lambda m: "taken@school.example" in m["To"])
        self.assertIn("already have an account", m["Subject"])
        self.assertEqual(m["To"].addresses[0].display_name, "Taken Person")
        self.assertIn("/#/forgot", m.get_body(preferencelist=("plain",)).get_content())
        # Nothing about the account changed.
        self.assertEqual(Client(self.server.port).login("taken@school.example",
                                                        "taken-password")[0], 200)

    def test_send_the_link_again_replaces_the_first_link(self):
        self.register("again@school.example")
        first = link_token(self.smtp.wait_for(lambda m: "again@school.example" in m["To"]),
                           "confirm")
        status, body, _ = Client(self.server.port).post("/api/v1/auth/resend",
                                                        {"email": "again@school.example"})
        self.assertEqual(status, 200, body)
        second = link_token(self.smtp.wait_for(
            lambda m: "again@school.example" in m["To"] and link_token(m, "confirm") != first),
            "confirm")
        c = Client(self.server.port)
        self.assertEqual(c.post("/api/v1/auth/confirm",
                                {"token": first, "password": "again-password"})[0], 400)
        self.assertEqual(c.post("/api/v1/auth/confirm",
                                {"token": second, "password": "again-password"})[0], 200)
        # An unknown address gets the same answer.
        status, body2, _ = Client(self.server.port).post("/api/v1/auth/resend",
                                                         {"email": "ghost@school.example"})
        self.assertEqual((status, body2["status"]), (200, body["status"]))

    def test_bad_registrations_are_refused_and_create_nothing(self):
        cases = [
            ({"email": "a@school.example", "email_confirm": "b@school.example", "name": "A"},
             "email_confirm"),
            ({"email": "no-at-sign", "email_confirm": "no-at-sign", "name": "A"}, "email"),
            ({"email": "c@school.example", "email_confirm": "c@school.example", "name": " "},
             "name"),
            ({"email": "d@school.example", "email_confirm": "d@school.example",
              "name": "Line\nBreak"}, "name"),
        ]
        for body, field in cases:
            status, answer, _ = Client(self.server.port).post("/api/v1/auth/register", body)
            self.assertEqual(status, 400, (body, answer))
            self.assertEqual(answer["error"]["details"]["field"], field)
        self.assertEqual(Client(self.server.port).post("/api/v1/auth/register", {"email": 1})[0],
                         400)
        with self.server.database() as db:
            n, = db.execute("SELECT COUNT(*) FROM users WHERE email IN "
                            "('a@school.example', 'c@school.example', 'd@school.example')"
                            ).fetchone()
        self.assertEqual(n, 0)


class RegistrationDomainsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(extra={"domains =": "domains = school.example, uni.example"})

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_only_the_allowed_domains_can_register(self):
        c = Client(self.server.port)
        status, body, _ = c.post("/api/v1/auth/register", {
            "email": "x@gmail.example", "email_confirm": "x@gmail.example", "name": "X"})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["code"], "domain_not_allowed")
        self.assertIn("school.example, uni.example", body["error"]["message"])
        status, body, _ = c.post("/api/v1/auth/register", {
            "email": "y@UNI.example", "email_confirm": "y@uni.example", "name": "Y"})
        self.assertEqual(status, 201, body)
        # Without SMTP the mail is written to the log, with its link.
        deadline = time.time() + 15
        while time.time() < deadline and "/#/confirm/" not in self.server.read_log():
            time.sleep(0.1)
        self.assertIn("/#/confirm/", self.server.read_log())


if __name__ == "__main__":
    unittest.main(verbosity=2)
