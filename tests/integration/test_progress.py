"""A learner's progress over HTTP: reading a page records the visit and the
part's current page (once; re-reading stays a read; a three-pane part's
templates are copied on the first visit only), time on page adds up and
bad reports change nothing, parts without pages give zeros, and leaving a
module removes the progress but keeps the quiz answers."""
import unittest

from wte_testlib import ServerTestCase


class ProgressTests(ServerTestCase):
    def part_named(self, client, title, module=1):
        return next(c for c in client.get(f"/api/v1/parts/{module}")[1]["children"] if c["title"] == title)

    def pages_of(self, client, part_id):
        return [c["id"] for c in client.get(f"/api/v1/parts/{part_id}")[1]["children"]]

    def data_version(self, db):
        return db.data_version()

    def test_reading_pages_records_visits_and_the_current_page(self):
        s = self.server.new_learner()
        part = self.part_named(s, "HTML Structure")["id"]
        pages = self.pages_of(s, part)
        status, before, _ = s.get(f"/api/v1/parts/{part}/progress")
        self.assertEqual(status, 200)
        self.assertEqual(before["available_pages"], len(pages))
        self.assertEqual([p["page_id"] for p in before["pages"]], pages)
        self.assertEqual(before["visited_pages"], 0)
        self.assertIsNone(before["current_page_id"])

        self.assertEqual(s.get(f"/api/v1/parts/{pages[1]}")[0], 200)
        self.assertEqual(s.get(f"/api/v1/parts/{pages[0]}")[0], 200)
        _, after, _ = s.get(f"/api/v1/parts/{part}/progress")
        self.assertEqual(after["visited_pages"], 2)
        self.assertEqual(after["current_page_id"], pages[0])
        self.assertEqual([p["visited"] for p in after["pages"]][:3], [True, True, False])

        # Reading the current page again writes nothing to the database.
        db = self.server.database()
        try:
            version = self.data_version(db)
            self.assertEqual(s.get(f"/api/v1/parts/{pages[0]}")[0], 200)
            self.assertEqual(self.data_version(db), version)
            s.get(f"/api/v1/parts/{pages[1]}")  # another current page: a write
            self.assertNotEqual(self.data_version(db), version)
        finally:
            db.close()
        self.assertEqual(s.get(f"/api/v1/parts/{part}/progress")[1]["current_page_id"], pages[1])

    def test_the_first_visit_of_a_three_pane_page_copies_the_templates_once(self):
        s = self.server.client("student1")
        part = self.part_named(s, "Your Own Home Page")["id"]
        page = self.pages_of(s, part)[0]
        db = self.server.database()
        try:
            files = lambda: db.execute(
                "SELECT filename, updated_at FROM workspace_files JOIN users ON users.id = user_id "
                "WHERE email = 'student1@example.org' AND part_id = ? ORDER BY filename", (part,)).fetchall()
            self.assertEqual(files(), [])
            self.assertEqual(s.get(f"/api/v1/parts/{page}")[0], 200)
            copied = files()
            self.assertEqual([name for name, _ in copied], ["index.html", "script.js", "style.css"])
            # Reading the page again (the visit and the current page are known): no write at all.
            version = self.data_version(db)
            self.assertEqual(s.get(f"/api/v1/parts/{page}")[0], 200)
            self.assertEqual(self.data_version(db), version)
            self.assertEqual(files(), copied)
        finally:
            db.close()

    def test_the_demo_student_is_part_way_through_html_structure(self):
        s = self.server.client("student1")
        part = self.part_named(s, "HTML Structure")["id"]
        _, p, _ = s.get(f"/api/v1/parts/{part}/progress")
        by_title = {x["title"]: x for x in p["pages"]}
        self.assertEqual((p["visited_pages"], p["available_pages"]), (3, 4))
        self.assertFalse(by_title["Styling with CSS"]["visited"])
        self.assertEqual(p["current_page_id"], by_title["Check Your Understanding"]["page_id"])
        self.assertGreater(p["seconds"], 60)
        self.assertFalse(p["skimming"])
        self.assertEqual((p["quiz_questions"], p["quiz_answered"], p["quiz_correct"]), (2, 1, 1))

    def test_time_on_page_adds_up_and_bad_reports_change_nothing(self):
        s = self.server.client("student1")
        part = self.part_named(s, "Getting Started")["id"]
        page = self.pages_of(s, part)[0]
        url = f"/api/v1/parts/{part}/progress/time"
        status, r, _ = s.post(url, {"page_id": page, "seconds": 30})
        self.assertEqual(status, 200, r)
        self.assertEqual(r, {"page_id": page, "seconds": 30})
        self.assertEqual(s.post(url, {"page_id": page, "seconds": 600})[1]["seconds"], 630)

        other_part = self.part_named(s, "HTML Structure")["id"]
        elsewhere = self.pages_of(s, other_part)[0]
        for bad in ({"page_id": page, "seconds": 0}, {"page_id": page, "seconds": -5},
                    {"page_id": page, "seconds": 601}, {"page_id": page, "seconds": 1.5},
                    {"page_id": page, "seconds": "30"}, {"page_id": elsewhere, "seconds": 10},
                    {"page_id": part, "seconds": 10}, {"seconds": 10}):
            self.assertError(s.post(url, bad), 400, "bad_request")
        self.assertError(s.post(url, {"page_id": page, "seconds": 10}, csrf=False), 403, "csrf")

        _, progress, _ = s.get(f"/api/v1/parts/{part}/progress")
        entry = next(p for p in progress["pages"] if p["page_id"] == page)
        self.assertEqual(entry["seconds"], 630)
        self.assertTrue(entry["visited"])
        self.assertEqual(progress["seconds"], 630)

    def test_skimmed_pages_are_noticed(self):
        t = self.server.client("teacher")
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Quick",
                                              "status": "available"})
        pages = [t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": f"P{i}",
                                          "status": "available"})[1]["id"] for i in range(2)]
        s = self.server.client("student1")
        for p in pages:
            s.get(f"/api/v1/parts/{p}")
            s.post(f"/api/v1/parts/{part['id']}/progress/time", {"page_id": p, "seconds": 5})
        self.assertTrue(s.get(f"/api/v1/parts/{part['id']}/progress")[1]["skimming"])
        s.post(f"/api/v1/parts/{part['id']}/progress/time", {"page_id": pages[0], "seconds": 100})
        self.assertFalse(s.get(f"/api/v1/parts/{part['id']}/progress")[1]["skimming"])

    def test_a_part_without_pages_has_zeros_not_an_error(self):
        t = self.server.client("teacher")
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Empty",
                                              "status": "available"})
        s = self.server.client("student1")
        status, p, _ = s.get(f"/api/v1/parts/{part['id']}/progress")
        self.assertEqual(status, 200, p)
        self.assertEqual(p, {"part_id": part["id"], "current_page_id": None, "pages": [],
                             "visited_pages": 0, "available_pages": 0, "seconds": 0,
                             "skimming": False, "quiz_questions": 0, "quiz_answered": 0,
                             "quiz_correct": 0})
        _, m, _ = s.get("/api/v1/parts/1/progress")
        line = next(x for x in m["parts"] if x["part_id"] == part["id"])
        self.assertEqual(line, {"part_id": part["id"], "visited_pages": 0, "available_pages": 0,
                                "seconds": 0})

    def test_quiz_results_come_with_the_part_progress(self):
        s = self.server.new_learner()
        part = self.part_named(s, "HTML Structure")["id"]
        quiz_page = next(c["id"] for c in s.get(f"/api/v1/parts/{part}")[1]["children"]
                         if c["title"] == "Check Your Understanding")
        _, before, _ = s.get(f"/api/v1/parts/{part}/progress")
        entry = next(p for p in before["pages"] if p["page_id"] == quiz_page)
        self.assertEqual(entry["quiz"], {"questions": 2, "answered": 0, "correct": 0})
        self.assertEqual((before["quiz_questions"], before["quiz_answered"],
                          before["quiz_correct"]), (2, 0, 0))

        quiz = s.get(f"/api/v1/parts/{quiz_page}/quizzes")[1]["items"][0]
        by_id = {q["id"]: q for q in quiz["questions"]}
        url = f"/api/v1/parts/{quiz_page}/quiz-answers"
        right = s.post(url, {"quiz": quiz["id"], "question": "closing-tags",
                             "answers": [by_id["closing-tags"]["answers"][1]]})[1]  # img
        wrong = s.post(url, {"quiz": quiz["id"], "question": "lists",
                             "answers": [by_id["lists"]["answers"][0]]})[1]  # ul without ol
        self.assertEqual((right["correct"], wrong["correct"]), (True, False))

        _, after, _ = s.get(f"/api/v1/parts/{part}/progress")
        for p in after["pages"]:
            want = ({"questions": 2, "answered": 2, "correct": 1} if p["page_id"] == quiz_page
                    else {"questions": 0, "answered": 0, "correct": 0})
            self.assertEqual(p["quiz"], want, p["title"])
        self.assertEqual((after["quiz_questions"], after["quiz_answered"],
                          after["quiz_correct"]), (2, 2, 1))
        # Someone else's answers are not mine.
        other = self.server.new_learner()
        self.assertEqual(other.get(f"/api/v1/parts/{part}/progress")[1]["quiz_answered"], 0)

    def test_hidden_pages_are_not_counted(self):
        t = self.server.client("teacher")
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Half",
                                              "status": "available"})
        t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "Open",
                                 "status": "available"})
        _, hidden, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"],
                                                "title": "Draft"})
        s = self.server.client("student1")
        _, p, _ = s.get(f"/api/v1/parts/{part['id']}/progress")
        self.assertEqual(p["available_pages"], 1)
        self.assertError(s.post(f"/api/v1/parts/{part['id']}/progress/time",
                                {"page_id": hidden["id"], "seconds": 5}), 400)

    def test_module_progress_lists_each_part(self):
        s = self.server.client("student1")
        status, m, _ = s.get("/api/v1/parts/1/progress")
        self.assertEqual(status, 200, m)
        self.assertEqual(m["module_id"], 1)
        titles = [c["id"] for c in s.get("/api/v1/parts/1")[1]["children"] if c["type"] == "part"]
        self.assertEqual([x["part_id"] for x in m["parts"]], titles)

    def test_others_cannot_see_or_report_progress_where_they_cannot_read(self):
        s = self.server.client("student2")
        t = self.server.client("teacher")
        _, secret, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Hidden"})
        want = s.get(f"/api/v1/parts/{secret['id']}")[0]
        self.assertIn(want, (403, 404))
        self.assertError(s.get(f"/api/v1/parts/{secret['id']}/progress"), want)
        self.assertError(s.get("/api/v1/parts/999999/progress"), 404)
        # a teacher reading has no time recorded
        part = self.part_named(t, "Getting Started")["id"]
        page = self.pages_of(t, part)[0]
        self.assertError(t.post(f"/api/v1/parts/{part}/progress/time",
                                {"page_id": page, "seconds": 5}), 403, "not_a_learner")

    def test_leaving_removes_progress_and_keeps_quiz_answers(self):
        s = self.server.client("student2")
        self.assertEqual(s.post("/api/v1/parts/1/enrol", {})[0], 200)
        part = self.part_named(s, "HTML Structure")["id"]
        quiz_page = next(c["id"] for c in s.get(f"/api/v1/parts/{part}")[1]["children"]
                         if c["title"] == "Check Your Understanding")
        s.get(f"/api/v1/parts/{quiz_page}")
        s.post(f"/api/v1/parts/{part}/progress/time", {"page_id": quiz_page, "seconds": 40})
        quiz = s.get(f"/api/v1/parts/{quiz_page}/quizzes")[1]["items"][0]
        q = quiz["questions"][0]
        self.assertEqual(s.post(f"/api/v1/parts/{quiz_page}/quiz-answers",
                                {"quiz": quiz["id"], "question": q["id"],
                                 "answers": [q["answers"][0]]})[0], 200)
        self.assertEqual(s.get(f"/api/v1/parts/{part}/progress")[1]["visited_pages"], 1)

        self.assertEqual(s.delete("/api/v1/parts/1/enrol")[0], 200)
        self.assertEqual(s.post("/api/v1/parts/1/enrol", {})[0], 200)
        _, p, _ = s.get(f"/api/v1/parts/{part}/progress")
        self.assertEqual((p["visited_pages"], p["seconds"], p["current_page_id"]), (0, 0, None))
        answers = s.get(f"/api/v1/parts/{quiz_page}/quiz-answers")[1]["items"]
        self.assertEqual(len(answers), 1)


if __name__ == "__main__":
    unittest.main()
