"""Quizzes end to end over HTTP: solutions never reach learners, the server
scores, first and later attempts are recorded, and saving content re-extracts."""
import unittest

from wte_testlib import ServerTestCase


class QuizTests(ServerTestCase):
    def quiz_page(self, client):
        html = next(c for c in client.get("/api/v1/parts/1")[1]["children"] if c["title"] == "HTML Structure")
        page = next(c for c in client.get(f"/api/v1/parts/{html['id']}")[1]["children"]
                    if c["title"] == "Check Your Understanding")
        return page["id"]

    def test_learners_never_receive_the_solutions(self):
        s = self.server.client("student1")
        pid = self.quiz_page(s)
        status, page, _ = s.get(f"/api/v1/parts/{pid}")
        self.assertEqual(status, 200)
        self.assertIn(".. quiz-question:: closing-tags", page["content"])
        self.assertNotIn("[x]", page["content"])
        status, quizzes, _ = s.get(f"/api/v1/parts/{pid}/quizzes")
        self.assertEqual(status, 200)
        q = quizzes["items"][0]["questions"][0]
        self.assertEqual(q["answers"], ["p", "img", "ul"])
        self.assertNotIn("correct", q)
        # the owner, who edits the page, sees the source as written
        t = self.server.client("teacher")
        self.assertIn("[x]", t.get(f"/api/v1/parts/{pid}")[1]["content"])

    def test_learners_never_receive_solutions_however_the_question_is_spelled(self):
        t = self.server.client("teacher")
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Spellings",
                                              "status": "available"})
        content = ("..  QUIZ::  spelled\n   :title: T\n\n"
                   "   ..  Quiz-Question::  upper\n      :question: Upper?\n\n      [X] Yes\n      [ ] No\n\n"
                   "   .. show-hide::\n      :title: More\n\n"
                   "      ..\tquiz-question:: tabbed\n\t :question: Tabbed?\n\t :type: multi-choice\n\n"
                   "\t [x] One\n\t [x] Two\n\t [ ] Three\n\n"
                   "   Shown as written::\n\n      [x] literal text\n")
        status, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "S",
                                                   "status": "available", "content": content})
        self.assertEqual(status, 201)
        s = self.server.client("student1")
        status, seen, _ = s.get(f"/api/v1/parts/{page['id']}")
        self.assertEqual(status, 200)
        learner = seen["content"]
        self.assertNotIn("[X]", learner)
        self.assertEqual(learner.count("[x]"), 1)  # only the literal block's text
        self.assertIn("      [x] literal text", learner)
        self.assertIn("      [ ] Yes", learner)
        self.assertIn("\t [ ] One", learner)
        self.assertEqual(learner.splitlines(), [
            line.replace("[X] Yes", "[ ] Yes").replace("[x] One", "[ ] One").replace("[x] Two", "[ ] Two")
            for line in content.splitlines()])
        # the questions are there for the learner to answer, and the server still scores them
        questions = s.get(f"/api/v1/parts/{page['id']}/quizzes")[1]["items"][0]["questions"]
        self.assertEqual([q["id"] for q in questions], ["upper", "tabbed"])
        url = f"/api/v1/parts/{page['id']}/quiz-answers"
        status, r, _ = s.post(url, {"quiz": "spelled", "question": "tabbed", "answers": ["One", "Two"]})
        self.assertEqual((status, r["correct"]), (200, True))
        self.assertIn("[X] Yes", t.get(f"/api/v1/parts/{page['id']}")[1]["content"])

    def test_wrong_then_right_records_first_and_later_attempts(self):
        s = self.server.new_learner()
        pid = self.quiz_page(s)
        url = f"/api/v1/parts/{pid}/quiz-answers"
        status, r, _ = s.post(url, {"quiz": "html-basics", "question": "lists", "answers": ["ul"]})
        self.assertEqual((status, r["correct"], r["attempts"]), (200, False, 1))
        status, r, _ = s.post(url, {"quiz": "html-basics", "question": "lists", "answers": ["ol", "ul", "ul"]})
        self.assertEqual((r["correct"], r["attempts"]), (True, 2))
        status, r, _ = s.post(url, {"quiz": "html-basics", "question": "lists", "answers": ["li"]})
        self.assertEqual((r["correct"], r["attempts"], r["recorded"]), (False, 2, False))
        answers = {a["question"]: a for a in s.get(url)[1]["items"]}
        lists = answers["lists"]
        self.assertEqual(lists["initial_answers"], ["ul"])
        self.assertFalse(lists["initial_correct"])
        self.assertTrue(lists["correct"])
        self.assertEqual(lists["attempts"], 2)

    def test_bad_answers_are_refused_and_change_nothing(self):
        s = self.server.new_learner()
        pid = self.quiz_page(s)
        url = f"/api/v1/parts/{pid}/quiz-answers"
        self.assertError(s.post(url, {"quiz": "html-basics", "question": "closing-tags", "answers": ["div"]}), 400)
        self.assertError(s.post(url, {"quiz": "html-basics", "question": "closing-tags",
                                      "answers": ["p", "img"]}), 400)
        self.assertError(s.post(url, {"quiz": "html-basics", "question": "closing-tags", "answers": []}), 400)
        self.assertError(s.post(url, {"quiz": "html-basics", "question": "nope", "answers": ["p"]}), 404)
        self.assertError(s.post(url, {"quiz": "html-basics"}), 400)
        self.assertNotIn("closing-tags", [a["question"] for a in s.get(url)[1]["items"]])

    def test_a_learner_who_has_not_taken_the_module_cannot_answer(self):
        s2 = self.server.client("student2")
        pid = self.quiz_page(self.server.client("teacher"))
        self.assertError(s2.post(f"/api/v1/parts/{pid}/quiz-answers",
                                 {"quiz": "html-basics", "question": "lists", "answers": ["ul"]}), 403)

    def test_saving_content_re_extracts_the_quizzes(self):
        t = self.server.client("teacher")
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Quiz lab"})
        content = (".. quiz:: q\n   :title: T\n\n   .. quiz-question:: one\n      :question: 1+1?\n"
                   "      :type: single-choice\n\n      [x] 2\n      [ ] 3\n")
        status, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "Q",
                                                   "content": content})
        self.assertEqual(status, 201)
        qs = t.get(f"/api/v1/parts/{page['id']}/quizzes")[1]["items"]
        self.assertEqual(qs[0]["questions"][0]["answers"], ["2", "3"])
        t.patch(f"/api/v1/parts/{page['id']}", {"content": content.replace("[ ] 3", "[ ] 3\n      [ ] 4")},
                headers={"If-Match": "*"})
        qs = t.get(f"/api/v1/parts/{page['id']}/quizzes")[1]["items"]
        self.assertEqual(qs[0]["questions"][0]["answers"], ["2", "3", "4"])
        t.patch(f"/api/v1/parts/{page['id']}", {"content": "No quiz any more.\n"}, headers={"If-Match": "*"})
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}/quizzes")[1]["items"], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
