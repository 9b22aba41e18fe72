"""The timed-task API (API.md: GET/POST /parts/{id}/timed-tasks, PATCH/DELETE
/timed-tasks/{id}) as the demo teacher and students use it: permissions as
for editing the part, clear 400s for bad input, no reaching other modules'
tasks by id, and a finished task made ready again by editing it."""
import subprocess
import sys
import unittest

from wte_testlib import SERVER, Client, ServerTestCase, run_cli

API = "/api/v1"


class TimedTaskApi(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        teacher = cls.server.client("teacher")
        mine = teacher.get(f"{API}/modules/mine")[1]["items"]
        cls.module = next(m["module"]["id"] if "module" in m else m["id"] for m in mine
                          if (m.get("module") or m)["title"] == "Web Development Basics")

    def setUp(self):
        self.teacher = self.server.client("teacher")

    def new_part(self, title="Week 1", type_="part", parent=None):
        status, body, _ = self.teacher.post(f"{API}/parts", {
            "type": type_, "parent_id": parent or self.module, "title": title,
            "status": "unavailable"})
        self.assertEqual(status, 201, body)
        return body["id"]

    def create(self, part, run_at="2030-01-15T10:30:45+01:00", target="available", client=None,
               name="change_status"):
        return (client or self.teacher).post(f"{API}/parts/{part}/timed-tasks", {
            "name": name, "run_at": run_at, "options": {"target_status": target}})

    def run_tasks(self, *args):
        return subprocess.run([SERVER, "run-timed-tasks", self.server.config, *args],
                              capture_output=True, text=True, timeout=120)

    def test_a_teacher_creates_lists_edits_and_deletes_a_task(self):
        part = self.new_part()
        status, task, _ = self.create(part)
        self.assertEqual(status, 201, task)
        self.assertEqual(task["part_id"], part)
        self.assertEqual(task["name"], "change_status")
        self.assertEqual(task["title"], "Week 1")
        self.assertEqual(task["run_at"], "2030-01-15T09:30:00Z")  # UTC, seconds dropped
        self.assertEqual(task["options"], {"target_status": "available"})
        self.assertEqual(task["status"], "ready")
        self.assertIsNone(task.get("error"))
        self.assertIsNone(task.get("ran_at"))

        status, page, _ = self.teacher.get(f"{API}/parts/{part}/timed-tasks")
        self.assertEqual(status, 200)
        self.assertEqual(page["total"], 1)
        self.assertEqual(page["items"], [task])

        # The part and its parent show that something is scheduled.
        self.assertTrue(self.teacher.get(f"{API}/parts/{part}")[1]["pending_tasks"])
        children = self.teacher.get(f"{API}/parts/{self.module}")[1]["children"]
        self.assertTrue(next(c for c in children if c["id"] == part)["pending_tasks"])

        status, edited, _ = self.teacher.patch(f"{API}/timed-tasks/{task['id']}", {
            "run_at": "2030-02-01T08:00Z", "options": {"target_status": "unavailable"}})
        self.assertEqual(status, 200, edited)
        self.assertEqual(edited["run_at"], "2030-02-01T08:00:00Z")
        self.assertEqual(edited["options"], {"target_status": "unavailable"})

        status, body, _ = self.teacher.delete(f"{API}/timed-tasks/{task['id']}")
        self.assertEqual(status, 200, body)
        self.assertEqual(self.teacher.get(f"{API}/parts/{part}/timed-tasks")[1]["items"], [])
        self.assertFalse(self.teacher.get(f"{API}/parts/{part}")[1]["pending_tasks"])
        self.assertError(self.teacher.delete(f"{API}/timed-tasks/{task['id']}"), 404, "not_found")

    def test_bad_input_is_a_400_that_says_what_is_wrong_and_creates_nothing(self):
        part = self.new_part("Bad input")
        cases = [
            ({"run_at": "2030-02-30T10:00Z"}, "2030-02-30 is not a real date"),
            ({"run_at": "next tuesday"}, "ISO 8601"),
            ({"run_at": "2030-01-15T10:00"}, "no time zone"),
            ({"run_at": "2030-01-15T25:00Z"}, "not a real time of day"),
            ({"run_at": 1893456000}, "ISO 8601"),
            ({"options": {"target_status": "hidden"}}, "Unknown status 'hidden'"),
            ({"options": {"target_status": "archived"}}, "Only modules can be archived"),
            ({"options": {}}, "target_status"),
            ({"options": "available"}, "must be an object"),
            ({"name": "send_mail"}, "Unknown task kind 'send_mail'"),
            ({"name": None}, "'name' is required"),
        ]
        good = {"name": "change_status", "run_at": "2030-01-15T10:00Z",
                "options": {"target_status": "available"}}
        for change, message in cases:
            body = dict(good, **change)
            err = self.assertError(self.teacher.post(f"{API}/parts/{part}/timed-tasks", body),
                                   400, "bad_request")
            self.assertIn(message, err["error"]["message"], change)
        self.assertError(self.teacher.request("POST", f"{API}/parts/{part}/timed-tasks",
                                              raw=b"{not json",
                                              headers={"Content-Type": "application/json"}), 400)
        self.assertEqual(self.teacher.get(f"{API}/parts/{part}/timed-tasks")[1]["total"], 0)

        # Modules can be archived; edits are checked the same way.
        status, task, _ = self.create(self.module, target="archived")
        self.assertEqual(status, 201, task)
        for body, message in (({"run_at": "2030-13-01T00:00Z"}, "not a real date"),
                              ({"name": "send_mail"}, "Unknown task kind"),
                              ({}, "Nothing to change")):
            err = self.assertError(self.teacher.patch(f"{API}/timed-tasks/{task['id']}", body), 400)
            self.assertIn(message, err["error"]["message"])
        self.teacher.delete(f"{API}/timed-tasks/{task['id']}")

    def test_students_may_not_see_or_change_tasks(self):
        part = self.new_part("Students")
        self.teacher.patch(f"{API}/parts/{part}", {"status": "available"})
        task = self.create(part)[1]
        student = self.server.client("student1")  # has taken the module
        self.assertError(student.get(f"{API}/parts/{part}/timed-tasks"), 403, "forbidden")
        self.assertError(self.create(part, client=student), 403, "forbidden")
        self.assertError(student.patch(f"{API}/timed-tasks/{task['id']}",
                                       {"run_at": "2030-01-01T00:00Z"}), 403, "forbidden")
        self.assertError(student.delete(f"{API}/timed-tasks/{task['id']}"), 403, "forbidden")
        other = self.server.client("student2")  # has not taken it
        self.assertIn(other.get(f"{API}/parts/{part}/timed-tasks")[0], (403, 404))
        anonymous = self.server.client()
        self.assertError(anonymous.get(f"{API}/parts/{part}/timed-tasks"), 401)
        # Without the CSRF header nothing is created.
        self.assertError(self.teacher.request("POST", f"{API}/parts/{part}/timed-tasks", {
            "name": "change_status", "run_at": "2030-01-15T10:00Z",
            "options": {"target_status": "available"}}, csrf=False), 403, "csrf")
        tasks = self.teacher.get(f"{API}/parts/{part}/timed-tasks")[1]["items"]
        self.assertEqual([t["id"] for t in tasks], [task["id"]])
        self.assertEqual(tasks[0]["status"], "ready")

    def test_tasks_of_other_modules_cannot_be_reached_by_id(self):
        run_cli("user", "add", self.server.config, "other@example.org", "Other Teacher",
                "--password", "other-teacher-pw", "--group", "Teacher")
        other = Client(self.server.port)
        self.assertEqual(other.login("other@example.org", "other-teacher-pw")[0], 200)
        status, module, _ = other.post(f"{API}/parts", {"type": "module", "title": "Elsewhere"})
        self.assertEqual(status, 201, module)
        status, theirs, _ = self.create(module["id"], client=other)
        self.assertEqual(status, 201, theirs)

        self.assertError(self.teacher.patch(f"{API}/timed-tasks/{theirs['id']}",
                                            {"run_at": "2030-01-01T00:00Z"}), 404, "not_found")
        self.assertError(self.teacher.delete(f"{API}/timed-tasks/{theirs['id']}"), 404)
        self.assertIn(self.teacher.get(f"{API}/parts/{module['id']}/timed-tasks")[0], (403, 404))
        self.assertError(self.create(module["id"]), 403)
        self.assertError(self.teacher.patch(f"{API}/timed-tasks/999999",
                                            {"run_at": "2030-01-01T00:00Z"}), 404, "not_found")
        self.assertError(self.teacher.get(f"{API}/parts/999999/timed-tasks"), 404)
        # Still there and unchanged for its owner.
        items = other.get(f"{API}/parts/{module['id']}/timed-tasks")[1]["items"]
        self.assertEqual(items, [theirs])

    def test_a_run_completes_due_tasks_and_editing_a_finished_task_makes_it_ready(self):
        part = self.new_part("Opens at nine")
        page = self.new_part("A page", type_="page", parent=part)
        done = self.create(part, run_at="2020-01-01T09:00Z", target="available")[1]
        broken = self.create(page, run_at="2020-01-01T09:00Z", target="available")[1]
        # A rule broken behind the API's back: the run records why it failed.
        db = self.server.database()
        with db:
            db.execute("UPDATE timed_tasks SET options = '{\"target_status\": \"archived\"}' "
                       "WHERE id = ?", (broken["id"],))
        db.close()

        p = self.run_tasks("--quiet")  # the web server keeps running meanwhile
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn(f"task {broken['id']} (Only modules can be archived", p.stderr)

        self.assertEqual(self.teacher.get(f"{API}/parts/{part}")[1]["status"], "available")
        self.assertFalse(self.teacher.get(f"{API}/parts/{part}")[1]["pending_tasks"])
        finished = self.teacher.get(f"{API}/parts/{part}/timed-tasks")[1]["items"][0]
        self.assertEqual(finished["status"], "completed")
        self.assertTrue(finished["ran_at"].endswith("Z"))
        failed = self.teacher.get(f"{API}/parts/{page}/timed-tasks")[1]["items"][0]
        self.assertEqual(failed["status"], "failed")
        self.assertIn("Only modules can be archived", failed["error"])

        status, again, _ = self.teacher.patch(f"{API}/timed-tasks/{done['id']}",
                                              {"run_at": "2031-01-01T09:00Z"})
        self.assertEqual(status, 200, again)
        self.assertEqual(again["status"], "ready")
        self.assertIsNone(again.get("ran_at"))
        status, fixed, _ = self.teacher.patch(f"{API}/timed-tasks/{failed['id']}",
                                              {"options": {"target_status": "unavailable"}})
        self.assertEqual(status, 200, fixed)
        self.assertEqual(fixed["status"], "ready")
        self.assertIsNone(fixed.get("error"))
        self.assertIsNone(fixed.get("ran_at"))
        self.assertTrue(self.teacher.get(f"{API}/parts/{part}")[1]["pending_tasks"])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
