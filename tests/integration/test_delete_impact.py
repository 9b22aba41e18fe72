"""Deleting a node of the tree, seen from outside: GET /parts/{id}/delete-impact
counts what goes with it (parts and pages below, assets, learners with
progress, quiz answers) for those who may delete it and nobody else, and
DELETE takes the whole subtree with it, leaving no row behind."""
import unittest

from wte_testlib import ServerTestCase

QUIZ = ("Quiz page\n=========\n\n.. quiz:: impact\n   :title: Check\n\n"
        "   .. quiz-question:: one\n      :question: One?\n\n      [x] Yes\n      [ ] No\n\n"
        "   .. quiz-question:: two\n      :question: Two?\n\n      [ ] Yes\n      [x] No\n")


class DeleteImpactTests(ServerTestCase):
    def setUp(self):
        t = self.teacher = self.server.client("teacher")

        def create(kind, parent, title, **extra):
            body = {"type": kind, "title": title, "status": "available", **extra}
            if parent:
                body["parent_id"] = parent
            status, view, _ = t.post("/api/v1/parts", body)
            self.assertEqual(status, 201, view)
            return view["id"]

        self.module = create("module", None, "Impact")
        self.part_a = create("part", self.module, "Part A")
        self.part_b = create("part", self.module, "Part B")
        self.quiz_page = create("page", self.part_a, "Quiz page", content=QUIZ)
        self.plain_page = create("page", self.part_a, "Plain page", content="Hello\n")
        self.page_b = create("page", self.part_b, "Page in B", content="B\n")
        for part, name in ((self.module, "logo.png"), (self.part_a, "a.txt"),
                           (self.quiz_page, "q1.txt"), (self.quiz_page, "q2.txt")):
            status, body, _ = t.request(
                "POST", f"/api/v1/parts/{part}/assets?filename={name}&type=asset", raw=b"bytes",
                headers={"Content-Type": "application/octet-stream"})
            self.assertEqual(status, 201, body)
        # Two learners: one answers both questions of the quiz page, the other
        # only reads the page of part B.
        self.reader = self.server.new_learner(self.module)
        self.assertEqual(self.reader.get(f"/api/v1/parts/{self.quiz_page}")[0], 200)
        for q, a in (("one", "Yes"), ("two", "Yes")):
            status, body, _ = self.reader.post(f"/api/v1/parts/{self.quiz_page}/quiz-answers",
                                               {"quiz": "impact", "question": q, "answers": [a]})
            self.assertEqual(status, 200, body)
        self.other = self.server.new_learner(self.module)
        self.assertEqual(self.other.get(f"/api/v1/parts/{self.page_b}")[0], 200)

    def impact(self, client, part):
        status, body, _ = client.get(f"/api/v1/parts/{part}/delete-impact")
        self.assertEqual(status, 200, body)
        return body

    def test_the_impact_counts_what_goes_with_the_node(self):
        self.assertEqual(self.impact(self.teacher, self.module), {
            "parts": 2, "pages": 3, "assets": 4, "learners_with_progress": 2, "quiz_answers": 2})
        self.assertEqual(self.impact(self.teacher, self.part_a), {
            "parts": 0, "pages": 2, "assets": 3, "learners_with_progress": 1, "quiz_answers": 2})
        self.assertEqual(self.impact(self.teacher, self.part_b), {
            "parts": 0, "pages": 1, "assets": 0, "learners_with_progress": 1, "quiz_answers": 0})
        self.assertEqual(self.impact(self.teacher, self.plain_page), {
            "parts": 0, "pages": 0, "assets": 0, "learners_with_progress": 0, "quiz_answers": 0})

    def test_only_those_who_may_delete_see_the_impact(self):
        # A tutor of the module (set in the database: module users are not
        # this file's subject) and a student member may not delete.
        db = self.server.database()
        uid = db.execute("SELECT id FROM users WHERE email='student2@example.org'").fetchone()[0]
        db.execute("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, 'tutor')", (self.module, uid))
        db.commit()
        db.close()
        tutor = self.server.client("student2")
        self.assertEqual(tutor.get(f"/api/v1/parts/{self.part_a}")[0], 200)
        self.assertError(tutor.get(f"/api/v1/parts/{self.part_a}/delete-impact"), 403, "forbidden")
        self.assertError(tutor.delete(f"/api/v1/parts/{self.part_a}"), 403)
        self.assertError(self.reader.get(f"/api/v1/parts/{self.module}/delete-impact"), 403)
        self.assertError(self.server.client("student1").get(
            f"/api/v1/parts/{self.quiz_page}/delete-impact"), 403)
        self.assertError(self.server.client().get(f"/api/v1/parts/{self.module}/delete-impact"), 401)
        admin = self.impact(self.server.client("admin"), self.module)
        self.assertEqual(admin["pages"], 3)
        self.assertEqual(self.teacher.get(f"/api/v1/parts/{self.part_a}")[0], 200)

    def test_a_missing_part_is_a_404(self):
        self.assertError(self.teacher.get("/api/v1/parts/999999/delete-impact"), 404, "not_found")

    def test_deleting_a_part_leaves_nothing_behind_and_keeps_the_rest(self):
        doomed = [self.part_a, self.quiz_page, self.plain_page]
        task = self.teacher.post(f"/api/v1/parts/{self.quiz_page}/timed-tasks", {
            "name": "change_status", "run_at": "2030-01-01T09:00:00Z",
            "options": {"target_status": "unavailable"}})
        self.assertEqual(task[0], 201, task[1])
        self.assertEqual(self.teacher.patch(f"/api/v1/parts/{self.plain_page}",
                                            {"status": "unavailable"})[0], 200)
        status, body, _ = self.teacher.delete(f"/api/v1/parts/{self.part_a}")
        self.assertEqual((status, body), (200, {"deleted": self.part_a}))
        for pid in doomed:
            self.assertError(self.teacher.get(f"/api/v1/parts/{pid}"), 404)
        self.assertEqual(self.impact(self.teacher, self.module), {
            "parts": 1, "pages": 1, "assets": 1, "learners_with_progress": 1, "quiz_answers": 0})
        db = self.server.database()
        marks = ",".join("?" * len(doomed))
        for table, column in (("parts", "id"), ("parts", "parent_id"), ("assets", "part_id"),
                              ("progress", "part_id"), ("progress", "current_page_id"),
                              ("page_visits", "page_id"), ("quiz_questions", "part_id"),
                              ("quiz_answers", "part_id"), ("workspace_files", "part_id"),
                              ("timed_tasks", "part_id"), ("status_history", "part_id")):
            left = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({marks})",
                              doomed).fetchone()[0]
            self.assertEqual(left, 0, f"{table}.{column} still names a deleted part")
        db.close()
        # The sibling and its learner's visit stay, renumbered first.
        view = self.teacher.get(f"/api/v1/parts/{self.module}")[1]
        self.assertEqual([(c["id"], c["order"]) for c in view["children"]], [(self.part_b, 0)])
        self.assertEqual(self.other.get(f"/api/v1/parts/{self.page_b}")[0], 200)

    def test_deleting_a_module_removes_its_members_too(self):
        self.assertEqual(self.teacher.delete(f"/api/v1/parts/{self.module}")[0], 200)
        db = self.server.database()
        self.assertEqual(db.execute("SELECT COUNT(*) FROM parts WHERE module_id = ?",
                                    (self.module,)).fetchone()[0], 0)
        self.assertEqual(db.execute("SELECT COUNT(*) FROM module_roles WHERE module_id = ?",
                                    (self.module,)).fetchone()[0], 0)
        db.close()
        mine = self.reader.get("/api/v1/modules/mine")[1]
        self.assertNotIn(self.module, [m["id"] for m in mine["items"]])


if __name__ == "__main__":
    unittest.main()
