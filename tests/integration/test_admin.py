"""Administration seen from outside (FEATURES §7): each admin.* permission
allows its own actions and no others; the user list searched, filtered and
paged; groups and direct permissions replaced together (a granted Teacher
group lets the user create a module; a bad group changes nothing; the last
administrator stays one); every module listed with a status filter; and
"re-render all content" as a background job whose state every request sees."""
import re
import time
import unittest

from wte_testlib import DEMO, Client, ServerProcess, SmtpServer, run_cli, smtp_settings


class AdminTestBase(unittest.TestCase):
    count = 0

    def person(self, *permissions, group="Student", domain="admin.example"):
        """A new signed-in user holding `permissions` directly; (client, id, email)."""
        AdminTestBase.count += 1
        email = f"person{self.count}@{domain}"
        run_cli("user", "add", self.server.config, email, f"Person {self.count}", "--password",
                "person-password", "--group", group)
        for p in permissions:
            run_cli("user", "grant", self.server.config, email, "--permission", p)
        c = Client(self.server.port)
        status, body, _ = c.login(email, "person-password")
        self.assertEqual(status, 200, body)
        return c, body["user"]["id"], email

    def db(self):
        return self.server.database()

    def unconfirmed_user(self, email, name):
        with self.db() as db:
            return db.execute("INSERT INTO users (email, name, status, created_at) "
                              "VALUES (?, ?, 'unconfirmed', ?) RETURNING id",
                              (email, name, int(time.time()))).fetchone()[0]

    def group_id(self, client, title):
        groups = client.get("/api/v1/admin/groups")[1]["groups"]
        return next(g["id"] for g in groups if g["title"] == title)


class AdminPermissionsTest(AdminTestBase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer()
        cls.server = ServerProcess(extra=smtp_settings(cls.smtp))

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.smtp.stop()

    def test_without_an_admin_permission_every_admin_action_is_refused(self):
        c, uid, _ = self.person()
        other = self.unconfirmed_user("nobody-may@admin.example", "Nobody May")
        for method, path, body in (
                ("GET", "/api/v1/users", None),
                ("GET", "/api/v1/admin/groups", None),
                ("PUT", f"/api/v1/users/{other}/permissions", {"groups": [], "permissions": []}),
                ("PATCH", f"/api/v1/users/{other}", {"confirmed": True}),
                ("POST", f"/api/v1/users/{other}/password-reset", {}),
                ("DELETE", f"/api/v1/users/{other}", None),
                ("GET", "/api/v1/admin/modules", None),
                ("GET", "/api/v1/admin/rerender", None),
                ("POST", "/api/v1/admin/rerender", {})):
            status, answer, _ = c.request(method, path, body)
            self.assertEqual(status, 403, (method, path, answer))
            self.assertEqual(answer["error"]["code"], "forbidden")
        self.assertEqual(Client(self.server.port).get("/api/v1/users")[0], 401)
        # Nothing happened to the other account.
        with self.db() as db:
            self.assertEqual(db.execute("SELECT status FROM users WHERE id = ?", (other,))
                             .fetchone()[0], "unconfirmed")

    def test_users_view_lists_users_but_changes_nothing(self):
        c, uid, _ = self.person("admin.users.view")
        other = self.unconfirmed_user("view-only@admin.example", "View Only")
        status, body, _ = c.get("/api/v1/users?q=view-only")
        self.assertEqual(status, 200, body)
        self.assertEqual([u["id"] for u in body["items"]], [other])
        self.assertEqual(c.get("/api/v1/admin/groups")[0], 200)
        self.assertEqual(c.get(f"/api/v1/users/{other}")[0], 200)
        self.assertEqual(c.request("PUT", f"/api/v1/users/{other}/permissions",
                                   {"groups": [], "permissions": ["modules.create"]})[0], 403)
        self.assertEqual(c.patch(f"/api/v1/users/{other}", {"confirmed": True})[0], 403)
        self.assertEqual(c.post(f"/api/v1/users/{other}/password-reset")[0], 403)
        self.assertEqual(c.delete(f"/api/v1/users/{other}")[0], 403)
        self.assertEqual(c.get("/api/v1/admin/modules")[0], 403)
        listed = c.get("/api/v1/users?q=view-only")[1]["items"][0]
        self.assertFalse(listed["confirmed"])
        self.assertEqual(listed["permissions"], [])

    def test_users_edit_confirms_and_sends_a_reset_but_cannot_delete(self):
        c, uid, _ = self.person("admin.users.edit")
        other = self.unconfirmed_user("to-confirm@admin.example", "To Confirm")
        status, body, _ = c.patch(f"/api/v1/users/{other}", {"confirmed": True})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["status"], "active")
        self.assertEqual(c.patch(f"/api/v1/users/{other}", {"confirmed": False})[0], 400)
        status, body, _ = c.post(f"/api/v1/users/{other}/password-reset")
        self.assertEqual((status, body), (202, {"queued": True}))
        m = self.smtp.wait_for(lambda m: m["To"] and "to-confirm@admin.example" in m["To"])
        token = re.search(r"/#/reset/([A-Za-z0-9_-]+)",
                          m.get_body(preferencelist=("plain",)).get_content()).group(1)
        newcomer = Client(self.server.port)
        status, body, _ = newcomer.post("/api/v1/auth/reset",
                                        {"token": token, "password": "chosen-password"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["id"], other)
        self.assertEqual(c.delete(f"/api/v1/users/{other}")[0], 403)
        self.assertEqual(c.get("/api/v1/users")[0], 403)  # edit does not imply view
        self.assertEqual(c.post("/api/v1/users/999999/password-reset")[0], 404)

    def test_users_delete_deletes_others_but_never_a_modules_only_owner(self):
        c, uid, _ = self.person("admin.users.delete")
        other = self.unconfirmed_user("to-delete@admin.example", "To Delete")
        self.assertEqual(c.patch(f"/api/v1/users/{other}", {"confirmed": True})[0], 403)
        status, body, _ = c.delete(f"/api/v1/users/{other}")
        self.assertEqual(status, 200, body)
        with self.db() as db:
            self.assertIsNone(db.execute("SELECT id FROM users WHERE id = ?", (other,)).fetchone())
            teacher = db.execute("SELECT id FROM users WHERE email = ?",
                                 (DEMO["teacher"][0],)).fetchone()[0]
        status, body, _ = c.delete(f"/api/v1/users/{teacher}")
        self.assertEqual(status, 409, body)
        self.assertEqual(body["error"]["code"], "sole_owner")
        self.assertIn("Web Development Basics", body["error"]["message"])

    def test_the_user_list_is_searched_filtered_and_paged(self):
        admin = self.server.client("admin")
        with self.db() as db:
            for i in range(30):
                db.execute("INSERT INTO users (email, name, status, created_at) VALUES (?, ?, ?, ?)",
                           (f"pager{i:02}@paging.example", f"Pager {i:02}",
                            "unconfirmed" if i % 3 == 0 else "active", 1796000000 + i))
        status, body, _ = admin.get("/api/v1/users?q=paging.example")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["total"], body["page"], body["per_page"]), (30, 1, 25))
        self.assertEqual([u["name"] for u in body["items"]], [f"Pager {i:02}" for i in range(25)])
        first = body["items"][0]
        self.assertEqual(set(first), {"id", "name", "email", "confirmed", "groups",
                                      "permissions", "created_at"})
        self.assertEqual(first["created_at"], "2026-11-30T00:53:20Z")
        status, body, _ = admin.get("/api/v1/users?q=paging.example&page=2")
        self.assertEqual([u["name"] for u in body["items"]], [f"Pager {i:02}" for i in range(25, 30)])
        self.assertEqual(admin.get("/api/v1/users?q=paging.example&page=3")[1]["items"], [])
        # Name or email, any case, taken literally.
        self.assertEqual([u["email"] for u in admin.get("/api/v1/users?q=PAGER07")[1]["items"]],
                         ["pager07@paging.example"])
        self.assertEqual(admin.get("/api/v1/users?q=pager%2007")[1]["total"], 1)
        self.assertEqual(admin.get("/api/v1/users?q=pager_0")[1]["total"], 0)
        body = admin.get("/api/v1/users?q=paging&filter=unconfirmed")[1]
        self.assertEqual(body["total"], 10)
        self.assertTrue(all(not u["confirmed"] for u in body["items"]))
        self.assertEqual(admin.get("/api/v1/users?q=paging&filter=confirmed")[1]["total"], 20)
        self.assertEqual(admin.get("/api/v1/users?q=paging&filter=all")[1]["total"], 30)
        for bad in ("filter=blocked", "page=0", "page=abc", "page=-1"):
            status, body, _ = admin.get("/api/v1/users?" + bad)
            self.assertEqual(status, 400, (bad, body))
            self.assertEqual(body["error"]["code"], "bad_request")

    def test_the_teacher_group_granted_lets_a_user_create_a_module(self):
        admin_c, _, _ = self.person("admin.users.permissions", "admin.users.view")
        c, uid, email = self.person()
        module = {"type": "module", "title": "My first module"}
        self.assertEqual(c.post("/api/v1/parts", module)[0], 403)
        teachers = self.group_id(admin_c, "Teacher")
        student = self.group_id(admin_c, "Student")
        status, body, _ = admin_c.request("PUT", f"/api/v1/users/{uid}/permissions",
                                          {"groups": [teachers], "permissions": []})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["groups"], [{"id": teachers, "title": "Teacher"}])
        self.assertEqual(body["permissions"], [])
        status, body, _ = c.post("/api/v1/parts", module)
        self.assertEqual(status, 201, body)
        # A bad group or permission is refused by name and changes nothing.
        status, body, _ = admin_c.request("PUT", f"/api/v1/users/{uid}/permissions",
                                          {"groups": [student, 999999],
                                           "permissions": ["admin.modules.view"]})
        self.assertEqual(status, 400, body)
        self.assertIn("999999", body["error"]["message"])
        status, body, _ = admin_c.request("PUT", f"/api/v1/users/{uid}/permissions",
                                          {"groups": [student], "permissions": ["fly.planes"]})
        self.assertEqual(status, 400, body)
        self.assertIn("fly.planes", body["error"]["message"])
        self.assertEqual(admin_c.request("PUT", f"/api/v1/users/{uid}/permissions",
                                         {"groups": [student]})[0], 400)
        [user] = admin_c.get(f"/api/v1/users?q={email}")[1]["items"]
        self.assertEqual(user["groups"], [{"id": teachers, "title": "Teacher"}])
        self.assertEqual(user["permissions"], [])
        # Direct permissions too: both sets are replaced.
        status, body, _ = admin_c.request("PUT", f"/api/v1/users/{uid}/permissions",
                                          {"groups": [student],
                                           "permissions": ["modules.create", "admin.modules.view"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["groups"], [{"id": student, "title": "Student"}])
        self.assertEqual(body["permissions"], ["admin.modules.view", "modules.create"])
        self.assertEqual(c.get("/api/v1/admin/modules")[0], 200)
        self.assertEqual(admin_c.request("PUT", "/api/v1/users/999999/permissions",
                                         {"groups": [], "permissions": []})[0], 404)

    def test_only_an_administrator_hands_out_admin_and_the_last_one_stays(self):
        editor, editor_id, _ = self.person("admin.users.permissions")
        status, body, _ = editor.request("PUT", f"/api/v1/users/{editor_id}/permissions",
                                         {"groups": [], "permissions": ["admin"]})
        self.assertEqual(status, 403, body)
        with self.db() as db:  # a group that brings admin is the same thing
            group = db.execute("INSERT INTO permission_groups (title) VALUES ('Superusers') "
                               "RETURNING id").fetchone()[0]
            db.execute("INSERT INTO group_permissions VALUES (?, 'admin')", (group,))
        status, body, _ = editor.request("PUT", f"/api/v1/users/{editor_id}/permissions",
                                         {"groups": [group], "permissions": []})
        self.assertEqual(status, 403, body)
        self.assertNotIn("admin", editor.get("/api/v1/auth/me")[1]["permissions"])
        admin = self.server.client("admin")
        me = admin.get("/api/v1/auth/me")[1]["user"]["id"]
        status, body, _ = admin.request("PUT", f"/api/v1/users/{me}/permissions",
                                        {"groups": [], "permissions": []})
        self.assertEqual(status, 409, body)
        self.assertEqual(body["error"]["code"], "last_admin")
        self.assertIn("last user with the admin permission", body["error"]["message"])
        self.assertIn("admin", admin.get("/api/v1/auth/me")[1]["permissions"])
        # With a second administrator the first may step down.
        second_c, second, _ = self.person()
        status, body, _ = admin.request("PUT", f"/api/v1/users/{second}/permissions",
                                        {"groups": [], "permissions": ["admin"]})
        self.assertEqual(status, 200, body)
        status, body, _ = admin.request("PUT", f"/api/v1/users/{me}/permissions",
                                        {"groups": [], "permissions": ["admin.users.view"]})
        self.assertEqual(status, 200, body)
        self.assertNotIn("admin", admin.get("/api/v1/auth/me")[1]["permissions"])
        # The second one now cannot step down, and gives the demo administrator admin back.
        self.assertEqual(second_c.request("PUT", f"/api/v1/users/{second}/permissions",
                                          {"groups": [], "permissions": []})[0], 409)
        self.assertEqual(second_c.request("PUT", f"/api/v1/users/{me}/permissions",
                                          {"groups": [], "permissions": ["admin"]})[0], 200)
        self.assertIn("admin", admin.get("/api/v1/auth/me")[1]["permissions"])

    def test_there_is_no_rerender_job_before_the_first(self):
        self.assertEqual(self.server.client("admin").get("/api/v1/admin/rerender")[1],
                         {"job": None})

    def test_groups_and_every_permission_for_the_editor(self):
        for perms in (("admin.users.view",), ("admin.users.permissions",)):
            c, _, _ = self.person(*perms)
            status, body, _ = c.get("/api/v1/admin/groups")
            self.assertEqual(status, 200, body)
            self.assertIn("modules.create", body["permissions"])
            self.assertIn("admin", body["permissions"])
            teacher = next(g for g in body["groups"] if g["title"] == "Teacher")
            self.assertEqual(teacher["permissions"], ["modules.create"])

    def test_every_module_is_listed_with_search_and_status_filter(self):
        c, _, _ = self.person("admin.modules.view")
        teacher = self.server.client("teacher")
        ids = {}
        for title, status in (("Zoology Archive", "archived"), ("Zoology Draft", "unavailable"),
                              ("Zoology Open", "available")):
            s, part, _ = teacher.post("/api/v1/parts", {"type": "module", "title": title})
            self.assertEqual(s, 201, part)
            ids[title] = part["id"]
            if status != "unavailable":
                s, b, _ = teacher.patch(f"/api/v1/parts/{part['id']}", {"status": status})
                self.assertEqual(s, 200, b)
        status, body, _ = c.get("/api/v1/admin/modules")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["per_page"], 25)
        demo = next(m for m in body["items"] if m["title"] == "Web Development Basics")
        self.assertEqual(demo["status"], "available")
        self.assertEqual(demo["owners"], ["Tessa Teacher"])
        self.assertGreaterEqual(demo["members"], 2)
        self.assertRegex(demo["updated_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        titles = [m["title"] for m in c.get("/api/v1/admin/modules?q=zoology")[1]["items"]]
        self.assertEqual(titles, ["Zoology Archive", "Zoology Draft", "Zoology Open"])
        for status_filter, expected in (("archived", ["Zoology Archive"]),
                                        ("unavailable", ["Zoology Draft"]),
                                        ("available", ["Zoology Open"]),
                                        ("all", ["Zoology Archive", "Zoology Draft",
                                                 "Zoology Open"])):
            body = c.get(f"/api/v1/admin/modules?q=zoology&status={status_filter}")[1]
            self.assertEqual([m["title"] for m in body["items"]], expected, status_filter)
            self.assertEqual(body["total"], len(expected))
        self.assertEqual(c.get("/api/v1/admin/modules?status=hidden")[0], 400)
        self.assertEqual(c.get("/api/v1/admin/modules?page=0")[0], 400)


BROKEN = "Intro\n\nA long title\n====\n\nText.\n"
QUIZ = (".. quiz:: q\n   :title: T\n\n   .. quiz-question:: one\n      :question: 1+1?\n"
        "      :type: single-choice\n\n      [x] 2\n      [ ] 3\n")


class RerenderTest(AdminTestBase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def wait_until_finished(self, client, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            status, body, _ = client.get("/api/v1/admin/rerender")
            self.assertEqual(status, 200, body)
            if body["job"] and body["job"]["state"] != "running":
                return body["job"]
            time.sleep(0.1)
        raise AssertionError("the re-render job did not finish: " + repr(body))

    def test_rerender_reparses_every_page_and_reports_problems(self):
        teacher = self.server.client("teacher")
        _, part, _ = teacher.post("/api/v1/parts", {"type": "part", "parent_id": 1,
                                                    "title": "Rerender lab"})
        _, broken, _ = teacher.post("/api/v1/parts", {"type": "page", "parent_id": part["id"],
                                                      "title": "Broken page", "content": BROKEN})
        _, quiz, _ = teacher.post("/api/v1/parts", {"type": "page", "parent_id": part["id"],
                                                    "title": "Quiz page", "content": QUIZ})
        # A quiz changed behind the server's back (as if an older parser had stored it).
        with self.db() as db:
            db.execute("UPDATE parts SET content = ? WHERE id = ?",
                       (QUIZ.replace("[ ] 3", "[ ] 3\n      [ ] 4"), quiz["id"]))
            parts = db.execute("SELECT COUNT(*) FROM parts").fetchone()[0]
        answers = lambda: teacher.get(f"/api/v1/parts/{quiz['id']}/quizzes")[1]["items"][0][
            "questions"][0]["answers"]
        self.assertEqual(answers(), ["2", "3"])

        admin = self.server.client("admin")
        before = admin.get("/api/v1/admin/rerender")[1]["job"]
        self.assertTrue(before is None or before["state"] != "running", before)
        status, body, _ = admin.post("/api/v1/admin/rerender")
        self.assertEqual(status, 202, body)
        self.assertEqual(body["job"]["state"], "running")
        self.assertEqual(body["job"]["total"], parts)
        first = body["job"]["id"]
        status, again, _ = admin.post("/api/v1/admin/rerender")
        if status == 409:  # still running: the answer says so and shows the job
            self.assertEqual(again["error"]["code"], "rerender_running")
            self.assertEqual(again["job"]["id"], first)
        else:  # it was quick: the first is done and a second one started
            self.assertEqual(status, 202, again)
        job = self.wait_until_finished(admin)
        self.assertEqual(job["state"], "done", job)
        self.assertEqual(job["done"], job["total"])
        self.assertEqual(job["total"], parts)
        self.assertRegex(job["finished_at"], r"Z$")
        problem = next(p for p in job["problems"] if p["part_id"] == broken["id"])
        self.assertEqual(problem["title"], "Broken page")
        self.assertEqual(problem["module_title"], "Web Development Basics")
        self.assertTrue(problem["messages"][0].startswith("line 4: "), problem)
        self.assertNotIn(quiz["id"], [p["part_id"] for p in job["problems"]])
        self.assertEqual(answers(), ["2", "3", "4"])
        # Another instance (any request) sees the same job; a new one starts once it is done.
        self.assertEqual(Client(self.server.port).get("/api/v1/admin/rerender")[0], 401)
        status, body, _ = admin.post("/api/v1/admin/rerender")
        self.assertEqual(status, 202, body)
        self.assertEqual(self.wait_until_finished(admin)["state"], "done")

    def test_a_job_running_in_another_server_blocks_a_second_until_its_lease_runs_out(self):
        admin = self.server.client("admin")
        if admin.get("/api/v1/admin/rerender")[1]["job"]:
            self.wait_until_finished(admin)
        with self.db() as db:
            job = db.execute("INSERT INTO rerender_jobs (state, total, done, lease_owner, "
                             "lease_expires, started_at) VALUES ('running', 40, 12, "
                             "'another-instance', ?, ?) RETURNING id",
                             (int(time.time()) + 600, int(time.time()) - 5)).fetchone()[0]
        status, body, _ = admin.post("/api/v1/admin/rerender")
        self.assertEqual(status, 409, body)
        self.assertEqual(body["error"]["code"], "rerender_running")
        self.assertEqual((body["job"]["id"], body["job"]["state"], body["job"]["done"],
                          body["job"]["total"]), (job, "running", 12, 40))
        self.assertEqual(admin.get("/api/v1/admin/rerender")[1]["job"]["state"], "running")
        with self.db() as db:  # that server dies: its lease is not renewed
            db.execute("UPDATE rerender_jobs SET lease_expires = ? WHERE id = ?",
                       (int(time.time()) - 1, job))
        job = admin.get("/api/v1/admin/rerender")[1]["job"]
        self.assertEqual(job["state"], "failed")
        self.assertIn("stopped before it finished", job["error"])
        status, body, _ = admin.post("/api/v1/admin/rerender")
        self.assertEqual(status, 202, body)
        self.wait_until_finished(admin)

    def test_a_job_left_running_by_a_crashed_server_is_failed_at_restart(self):
        admin = self.server.client("admin")
        if admin.get("/api/v1/admin/rerender")[1]["job"]:
            self.wait_until_finished(admin)
        with self.db() as db:
            db.execute("INSERT INTO rerender_jobs (state, total, lease_owner, lease_expires, "
                       "started_at) VALUES ('running', 10, 'crashed', ?, ?)",
                       (int(time.time()) - 60, int(time.time()) - 120))
        self.server.proc.kill()  # as a crash: no chance to mark anything
        self.server.proc.wait()
        self.server.start()
        with self.db() as db:  # marked when serve started, before anyone looked
            self.assertEqual(db.execute("SELECT state FROM rerender_jobs ORDER BY id DESC LIMIT 1")
                             .fetchone()[0], "failed")
        job = self.server.client("admin").get("/api/v1/admin/rerender")[1]["job"]
        self.assertEqual(job["state"], "failed")
        self.assertIn("stopped before it finished", job["error"])
        self.assertTrue(job["finished_at"])

    def test_only_administrators_rerender(self):
        c, _, _ = self.person("admin.modules.view", "admin.modules.edit", "admin.users.view")
        self.assertEqual(c.post("/api/v1/admin/rerender")[0], 403)
        self.assertEqual(c.get("/api/v1/admin/rerender")[0], 403)


if __name__ == "__main__":
    unittest.main()
