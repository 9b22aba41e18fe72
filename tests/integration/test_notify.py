"""A teacher notifies a module's members about a part (POST /parts/{id}/notify):
one mail per student and tutor through the outbox to a real SMTP server, with
the teacher's message and a link to the part; owners and blocked members get
none; only those who may edit the part may send; once per part every 10 minutes."""
import unittest

from wte_testlib import Client, ServerProcess, SmtpServer, run_cli, smtp_settings


class NotifyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer()
        cls.server = ServerProcess(extra=smtp_settings(cls.smtp))
        cls.teacher = cls.server.client("teacher")
        _, cls.module, _ = cls.teacher.post("/api/v1/parts", {"type": "module",
                                                              "title": "Notified Module"})
        _, cls.part, _ = cls.teacher.post("/api/v1/parts", {"type": "part",
                                                            "parent_id": cls.module["id"],
                                                            "title": "Week 3: Forms"})
        cls.people = {}
        for who, role in (("ana", "student"), ("bo", "student"), ("cy", "tutor"),
                          ("dee", "student")):
            email = f"{who}@notify.example"
            run_cli("user", "add", cls.server.config, email, who.title(), "--password",
                    "member-password", "--group", "Student")
            status, member, _ = cls.teacher.post(f"/api/v1/parts/{cls.module['id']}/users",
                                                 {"email": email, "role": role})
            assert status == 201, member
            cls.people[who] = (email, member["user_id"])
        status, body, _ = cls.teacher.patch(
            f"/api/v1/parts/{cls.module['id']}/users/{cls.people['dee'][1]}", {"blocked": True})
        assert status == 200, body

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.smtp.stop()

    def member(self, who):
        c = Client(self.server.port)
        status, body, _ = c.login(self.people[who][0], "member-password")
        self.assertEqual(status, 200, body)
        return c

    def test_each_student_and_tutor_gets_one_mail_with_the_message(self):
        pid = self.part["id"]
        status, body, _ = self.teacher.post(f"/api/v1/parts/{pid}/notify",
                                            {"message": "Please read this before Friday."})
        self.assertEqual((status, body), (202, {"queued": 3}))
        for who in ("ana", "bo", "cy"):
            m = self.smtp.wait_for(lambda m, e=self.people[who][0]: e in m["To"] and
                                   "Week 3: Forms" in m["Subject"])
            self.assertEqual(m["Subject"], "“Week 3: Forms” in Notified Module")
            text = m.get_body(preferencelist=("plain",)).get_content()
            self.assertIn("Please read this before Friday.", text)
            self.assertIn(f"/#/parts/{pid}", text)
            self.assertIn("Notified Module", text)
            html = m.get_body(preferencelist=("html",)).get_content()
            self.assertIn("Please read this before Friday.", html)
        mails = [m for m in self.smtp.messages() if "Week 3: Forms" in m["Subject"]]
        self.assertEqual(sorted(m["To"].addresses[0].addr_spec for m in mails),
                         ["ana@notify.example", "bo@notify.example", "cy@notify.example"])
        # A second notice within ten minutes is refused with the time to wait.
        status, body, headers = self.teacher.post(f"/api/v1/parts/{pid}/notify", {})
        self.assertEqual(status, 429, body)
        self.assertEqual(body["error"]["code"], "too_many_requests")
        self.assertGreater(int(headers["retry-after"]), 500)
        self.assertLessEqual(int(headers["retry-after"]), 600)

    def test_only_those_who_may_edit_the_part_notify(self):
        pid = self.module["id"]
        for who in ("ana", "cy", "dee"):
            status, body, _ = self.member(who).post(f"/api/v1/parts/{pid}/notify", {})
            self.assertEqual(status, 403, (who, body))
        self.assertEqual(self.server.client("student2").post(f"/api/v1/parts/{pid}/notify")[0],
                         403)
        self.assertEqual(Client(self.server.port).post(f"/api/v1/parts/{pid}/notify")[0], 401)
        self.assertEqual(self.teacher.post("/api/v1/parts/999999/notify")[0], 404)

    def test_bad_input_is_refused_and_queues_nothing(self):
        _, page, _ = self.teacher.post("/api/v1/parts", {"type": "page",
                                                         "parent_id": self.part["id"],
                                                         "title": "Bad input page"})
        url = f"/api/v1/parts/{page['id']}/notify"
        for body in ({"message": 42}, {"message": "x" * 5001}, {"text": "hello"}, []):
            status, answer, _ = self.teacher.post(url, body)
            self.assertEqual(status, 400, (body, answer))
        # Nothing was counted: a good notice still goes out (no message: the mail has none).
        status, body, _ = self.teacher.post(url, {})
        self.assertEqual((status, body), (202, {"queued": 3}))
        m = self.smtp.wait_for(lambda m: "Bad input page" in m["Subject"])
        self.assertIn(f"/#/parts/{page['id']}", m.get_body(preferencelist=("plain",)).get_content())


if __name__ == "__main__":
    unittest.main()
