"""A teacher's statistics over HTTP, on a small dataset whose numbers are
known: learners completed / in progress / not started, quartiles of time
spent, per page visits and median time, per quiz question first time /
later / still wrong / not answered — for a part, its module and a page;
zeros (never an error) without learners or pages; who may see them (owners,
tutors, admins; not students, the blocked or other teachers); the CSV a
spreadsheet opens (UTF-8, header row, one row per page and question)."""
import csv
import io
import unittest

from wte_testlib import ServerTestCase, Client, run_cli

QUIZ = ("Check\n=====\n\n.. quiz:: check\n   :title: Check\n\n"
        "   .. quiz-question:: tags\n      :question: Which tag makes a paragraph?\n\n"
        "      [x] p\n      [ ] a\n\n"
        "   .. quiz-question:: quote\n      :question: Is \"café, naïve\" text?\n\n"
        "      [x] Yes\n      [ ] No\n")


class StatsTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        t = cls.teacher = s.client("teacher")
        new = lambda body: t.post("/api/v1/parts", body)[1]["id"]
        cls.module = new({"type": "module", "title": "Stats Course", "status": "available"})
        cls.part = new({"type": "part", "parent_id": cls.module, "title": "Basics", "status": "available"})
        cls.a = new({"type": "page", "parent_id": cls.part, "title": "Page A", "status": "available",
                     "content": QUIZ})
        cls.b = new({"type": "page", "parent_id": cls.part, "title": "=Page B, \"quoted\"",
                     "status": "available"})
        cls.draft = new({"type": "page", "parent_id": cls.part, "title": "Draft",
                         "status": "unavailable"})
        cls.empty_part = new({"type": "part", "parent_id": cls.module, "title": "Nothing yet",
                              "status": "available"})
        learners = [s.new_learner(cls.module) for _ in range(4)]

        def read(c, page, seconds):
            assert c.get(f"/api/v1/parts/{page}")[0] == 200
            if seconds:
                assert c.post(f"/api/v1/parts/{cls.part}/progress/time",
                              {"page_id": page, "seconds": seconds})[0] == 200

        def answer(c, question, *answers):
            for a in answers:
                assert c.post(f"/api/v1/parts/{cls.a}/quiz-answers",
                              {"quiz": "check", "question": question, "answers": [a]})[0] == 200

        one, two, three, _four = learners
        read(one, cls.a, 100)
        read(one, cls.b, 50)
        answer(one, "tags", "p")
        answer(one, "quote", "Yes")
        read(two, cls.a, 30)
        answer(two, "tags", "a", "p")
        read(three, cls.a, 10)
        answer(three, "tags", "a")
        # The owner reading pages and a removed learner count for nothing.
        read(t, cls.a, 0)
        gone = s.new_learner(cls.module)
        read(gone, cls.b, 500)
        answer(gone, "tags", "a")
        gone_id = gone.get("/api/v1/auth/me")[1]["user"]["id"]
        assert t.delete(f"/api/v1/parts/{cls.module}/users/{gone_id}")[0] == 200

    def stats(self, node, client=None, query=""):
        status, body, headers = (client or self.teacher).get(f"/api/v1/parts/{node}/stats{query}")
        self.assertEqual(status, 200, body)
        return body

    def test_a_part_counts_learners_time_pages_and_questions(self):
        s = self.stats(self.part)
        self.assertEqual((s["part_id"], s["type"], s["title"]), (self.part, "part", "Basics"))
        self.assertEqual((s["learners"], s["completed"], s["in_progress"], s["not_started"]), (4, 1, 2, 1))
        self.assertEqual(s["available_pages"], 2)
        # learners who started: 150, 30, 10 seconds
        self.assertEqual(s["time"], {"min": 10, "q1": 20, "median": 30, "q3": 90, "max": 150})
        self.assertEqual([(p["page_id"], p["available"], p["visits"], p["median_seconds"]) for p in s["pages"]],
                         [(self.a, True, 3, 30), (self.b, True, 1, 50), (self.draft, False, 0, 0)])
        self.assertEqual([(q["question"], q["first_time"], q["later"], q["wrong"], q["not_answered"])
                          for q in s["questions"]],
                         [("tags", 1, 1, 1, 1), ("quote", 1, 0, 0, 3)])
        self.assertEqual(s["questions"][0]["text"], "Which tag makes a paragraph?")
        self.assertEqual(s["questions"][0]["page_id"], self.a)

    def test_the_module_and_a_page_have_their_own_numbers(self):
        m = self.stats(self.module)
        self.assertEqual((m["type"], m["learners"], m["completed"], m["in_progress"], m["not_started"]),
                         ("module", 4, 1, 2, 1))
        self.assertEqual([p["page_id"] for p in m["pages"]], [self.a, self.b, self.draft])
        self.assertEqual(m["time"], self.stats(self.part)["time"])
        b = self.stats(self.b)
        self.assertEqual((b["type"], b["available_pages"], b["completed"], b["in_progress"], b["not_started"]),
                         ("page", 1, 1, 0, 3))
        self.assertEqual(b["time"], {"min": 50, "q1": 50, "median": 50, "q3": 50, "max": 50})
        self.assertEqual(b["questions"], [])

    def test_no_pages_or_no_learners_give_zeros(self):
        zeros = {"min": 0, "q1": 0, "median": 0, "q3": 0, "max": 0}
        e = self.stats(self.empty_part)
        self.assertEqual((e["learners"], e["completed"], e["in_progress"], e["not_started"]), (4, 0, 0, 4))
        self.assertEqual((e["available_pages"], e["pages"], e["questions"], e["time"]), (0, [], [], zeros))
        t = self.teacher
        lonely = t.post("/api/v1/parts", {"type": "module", "title": "Lonely", "status": "available"})[1]["id"]
        part = t.post("/api/v1/parts", {"type": "part", "parent_id": lonely, "title": "P"})[1]["id"]
        t.post("/api/v1/parts", {"type": "page", "parent_id": part, "title": "Q", "content": QUIZ})
        for node in (lonely, part):
            s = self.stats(node)
            self.assertEqual((s["learners"], s["completed"], s["in_progress"], s["not_started"], s["time"]),
                             (0, 0, 0, 0, zeros))
            self.assertEqual([(q["first_time"], q["later"], q["wrong"], q["not_answered"])
                              for q in s["questions"]], [(0, 0, 0, 0), (0, 0, 0, 0)])
        csv_body = t.get(f"/api/v1/parts/{self.empty_part}/stats?format=csv")
        self.assertEqual(csv_body[0], 200)
        self.assertEqual(len(csv_body[1].decode("utf-8-sig").splitlines()), 1)

    def test_who_may_see_statistics(self):
        s = self.server
        tutor_email = "stats.tutor@example.org"
        run_cli("user", "add", s.config, tutor_email, "Stats Tutor", "--password", "stats-tutor-pw")
        tutor = Client(s.port)
        self.assertEqual(tutor.login(tutor_email, "stats-tutor-pw")[0], 200)
        self.assertEqual(self.teacher.post(f"/api/v1/parts/{self.module}/users",
                                           {"email": tutor_email, "role": "tutor"})[0], 201)
        self.assertEqual(self.stats(self.part, tutor)["learners"], 4)
        self.assertTrue(tutor.get(f"/api/v1/parts/{self.part}")[1]["can"]["stats"])
        self.assertTrue(self.teacher.get(f"/api/v1/parts/{self.part}")[1]["can"]["stats"])
        self.assertEqual(self.stats(self.part, s.client("admin"))["learners"], 4)

        student = s.new_learner(self.module)
        self.assertFalse(student.get(f"/api/v1/parts/{self.part}")[1]["can"]["stats"])
        blocked = s.new_learner(self.module)
        blocked_id = blocked.get("/api/v1/auth/me")[1]["user"]["id"]
        self.teacher.patch(f"/api/v1/parts/{self.module}/users/{blocked_id}", {"blocked": True})
        outsider = s.client("student2")
        for who in (student, blocked, outsider):
            for query in ("", "?format=csv"):
                self.assertError(who.get(f"/api/v1/parts/{self.part}/stats{query}"), 403, "forbidden")
        self.assertError(Client(s.port).get(f"/api/v1/parts/{self.part}/stats"), 401)
        # the demo module's owner is no one here
        demo_owner_elsewhere = self.teacher.get("/api/v1/parts/1/stats")
        self.assertEqual(demo_owner_elsewhere[0], 200)
        self.assertError(student.get("/api/v1/parts/1/stats"), 403)
        # a removed tutor has lost the right
        tutor_id = tutor.get("/api/v1/auth/me")[1]["user"]["id"]
        self.teacher.delete(f"/api/v1/parts/{self.module}/users/{tutor_id}")
        self.assertError(tutor.get(f"/api/v1/parts/{self.part}/stats"), 403)

    def test_bad_requests(self):
        self.assertError(self.teacher.get(f"/api/v1/parts/{self.part}/stats?format=xlsx"), 400, "bad_request")
        self.assertError(self.teacher.get("/api/v1/parts/987654/stats"), 404, "not_found")
        self.assertError(self.teacher.get("/api/v1/parts/abc/stats"), 404)

    def test_csv_for_a_spreadsheet(self):
        status, body, headers = self.teacher.get(f"/api/v1/parts/{self.part}/stats?format=csv")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "text/csv; charset=utf-8")
        self.assertEqual(headers["content-disposition"],
                         "attachment; filename=\"Basics statistics.csv\"; "
                         "filename*=UTF-8''Basics%20statistics.csv")
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"), body[:10])  # BOM: spreadsheets read UTF-8
        text = body.decode("utf-8-sig")
        self.assertTrue(text.endswith("\r\n"))
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(rows[0], ["kind", "page_id", "page", "available", "visits", "median_seconds",
                                   "quiz", "question", "right_first_time", "right_later", "still_wrong",
                                   "not_answered"])
        self.assertEqual(len(rows), 1 + 3 + 2)
        self.assertTrue(all(len(r) == 12 for r in rows))
        self.assertEqual(rows[1], ["page", str(self.a), "Page A", "yes", "3", "30", "", "", "", "", "", ""])
        # a title that looks like a formula is defused; commas and quotes are quoted
        self.assertEqual(rows[2][:5], ["page", str(self.b), "'=Page B, \"quoted\"", "yes", "1"])
        self.assertIn('"\'=Page B, ""quoted"""', text)
        self.assertEqual(rows[3][:4], ["page", str(self.draft), "Draft", "no"])
        self.assertEqual(rows[4], ["question", str(self.a), "Page A", "", "", "", "check",
                                   "Which tag makes a paragraph?", "1", "1", "1", "1"])
        self.assertEqual(rows[5][7:], ["Is \"café, naïve\" text?", "1", "0", "0", "3"])
        # a title with accents: an ASCII filename and the UTF-8 one
        t = self.teacher
        accented = t.post("/api/v1/parts", {"type": "part", "parent_id": self.module,
                                            "title": "Übung café"})[1]["id"]
        headers = t.get(f"/api/v1/parts/{accented}/stats?format=csv")[2]
        self.assertEqual(headers["content-disposition"],
                         "attachment; filename=\"_bung caf_ statistics.csv\"; "
                         "filename*=UTF-8''%C3%9Cbung%20caf%C3%A9%20statistics.csv")


if __name__ == "__main__":
    unittest.main()
