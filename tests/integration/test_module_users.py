"""A module's users over HTTP, seen from outside: only owners and
admin.modules.edit manage them (tutors, students, the blocked and other
teachers get 403); the list is searchable, filtered by role and paged 30 a
page; adding an existing user by email, changing a role, blocking and
unblocking, removing (progress removed, quiz answers kept); bad input is a
400 with a reason and changes nothing; the last owner can be neither
removed, demoted nor blocked (409)."""
import time
import unittest

from wte_testlib import ServerTestCase, run_cli, Client


class ModuleUsersTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.teacher = cls.server.client("teacher")
        _, m, _ = cls.teacher.post("/api/v1/parts", {"type": "module", "title": "Members Course",
                                                     "status": "available"})
        cls.module = m["id"]
        _, part, _ = cls.teacher.post("/api/v1/parts", {"type": "part", "parent_id": cls.module,
                                                        "title": "Only Part", "status": "available"})
        cls.part = part["id"]
        quiz = ("Quiz page\n=========\n\n.. quiz:: q\n   :title: Q\n\n"
                "   .. quiz-question:: one\n      :question: Pick yes\n\n      [x] Yes\n      [ ] No\n")
        _, page, _ = cls.teacher.post("/api/v1/parts", {"type": "page", "parent_id": cls.part,
                                                        "title": "Quiz page", "status": "available",
                                                        "content": quiz})
        cls.page = page["id"]

    def users_url(self, node=None):
        return f"/api/v1/parts/{node or self.module}/users"

    def account(self, email, name):
        """A new user who can sign in, and their id; not a member of anything."""
        run_cli("user", "add", self.server.config, email, name, "--password", "member-test-pw",
                "--group", "Student")
        c = Client(self.server.port)
        status, body, _ = c.login(email, "member-test-pw")
        self.assertEqual(status, 200, body)
        return c, body["user"]["id"]

    def bare_users(self, prefix, n):
        """n users straight into the database (they never sign in here); their emails."""
        db = self.server.database()
        try:
            emails = [f"{prefix}{i:02d}@example.org" for i in range(n)]
            db.executemany("INSERT INTO users (email, name, status, created_at) VALUES (?, ?, 'active', ?)",
                           [(e, f"{prefix.title()} {i:02d}", int(time.time())) for i, e in enumerate(emails)])
            db.commit()
            return emails
        finally:
            db.close()

    def members(self, query=""):
        status, body, _ = self.teacher.get(self.users_url() + query)
        self.assertEqual(status, 200, body)
        return body

    def role_of(self, user_id):
        for page in range(1, 20):
            body = self.members(f"?page={page}&per_page=200")
            for m in body["items"]:
                if m["user_id"] == user_id:
                    return m["role"]
            if page * 200 >= body["total"]:
                return None
        return None

    def add(self, email, role="student", client=None):
        return (client or self.teacher).post(self.users_url(), {"email": email, "role": role})

    def test_the_owner_adds_an_existing_user_by_email_with_a_role(self):
        _, uid = self.account("added.tutor@example.org", "Added Tutor")
        status, m, _ = self.add("Added.Tutor@Example.ORG", "tutor")
        self.assertEqual(status, 201, m)
        self.assertEqual(m, {"user_id": uid, "email": "added.tutor@example.org", "name": "Added Tutor",
                             "role": "tutor", "blocked": False})
        self.assertEqual(self.role_of(uid), "tutor")

    def test_adding_refuses_unknown_users_members_and_bad_bodies_changing_nothing(self):
        (email,) = self.bare_users("refused", 1)
        self.assertEqual(self.add(email)[0], 201)
        before = self.members("?per_page=200")
        body = self.assertError(self.add("nobody.here@example.org"), 404, "not_found")
        self.assertIn("nobody.here@example.org", body["error"]["message"])
        body = self.assertError(self.add(email, "tutor"), 400, "bad_request")
        self.assertIn("already a member", body["error"]["message"])
        for bad in ({"email": email}, {"role": "student"}, {"email": "", "role": "student"},
                    {"email": "not-an-address", "role": "student"}, {"email": 5, "role": "student"},
                    {"email": email, "role": "block"}, {"email": email, "role": "admin"},
                    {"email": email, "role": "student", "extra": 1}):
            self.assertError(self.teacher.post(self.users_url(), bad), 400, "bad_request")
        self.assertError(self.teacher.request("POST", self.users_url(), raw=b"{not json",
                                              headers={"Content-Type": "application/json"}), 400)
        self.assertError(self.teacher.post(self.users_url(), {"email": email, "role": "student"},
                                           csrf=False), 403, "csrf")
        self.assertEqual(self.members("?per_page=200"), before)

    def test_the_list_is_paged_30_a_page_searchable_and_filtered_by_role(self):
        emails = self.bare_users("pagey", 32)
        for e in emails:
            self.assertEqual(self.add(e)[0], 201)
        first = self.members("?q=pagey")
        self.assertEqual((first["total"], first["page"], first["per_page"], len(first["items"])),
                         (32, 1, 30, 30))
        second = self.members("?q=pagey&page=2")
        self.assertEqual(len(second["items"]), 2)
        names = [m["name"] for m in first["items"] + second["items"]]
        self.assertEqual(names, sorted(names))
        self.assertEqual(len(set(m["user_id"] for m in first["items"] + second["items"])), 32)
        # name or email, any case, as plain text (% and _ are no wildcards)
        self.assertEqual([m["email"] for m in self.members("?q=PAGEY07")["items"]], [emails[7]])
        self.assertEqual([m["name"] for m in self.members("?q=Pagey%2031")["items"]], ["Pagey 31"])
        self.assertEqual(self.members("?q=%25")["total"], 0)
        self.assertEqual(self.members("?q=pagey_0")["total"], 0)
        # owners first; the role filter keeps one role
        everyone = self.members("?per_page=200")
        self.assertEqual(everyone["items"][0]["role"], "owner")
        owners = self.members("?role=owner")
        self.assertEqual([m["email"] for m in owners["items"]], ["teacher@example.org"])
        students = self.members("?role=student&q=pagey")
        self.assertEqual(students["total"], 32)
        for bad in ("?role=admin", "?role=none", "?page=0", "?per_page=500", "?page=x"):
            self.assertError(self.teacher.get(self.users_url() + bad), 400, "bad_request")

    def test_a_part_or_page_id_means_its_module(self):
        via_part = self.teacher.get(self.users_url(self.part) + "?role=owner")
        via_page = self.teacher.get(self.users_url(self.page) + "?role=owner")
        self.assertEqual(via_part[0], 200)
        self.assertEqual(via_part[1], self.members("?role=owner"))
        self.assertEqual(via_page[1], self.members("?role=owner"))
        self.assertError(self.teacher.get("/api/v1/parts/999999/users"), 404, "not_found")

    def test_who_may_manage_users_seen_from_outside(self):
        tutor, tutor_id = self.account("who.tutor@example.org", "Who Tutor")
        student, student_id = self.account("who.student@example.org", "Who Student")
        blocked, blocked_id = self.account("who.blocked@example.org", "Who Blocked")
        self.add("who.tutor@example.org", "tutor")
        self.add("who.student@example.org", "student")
        self.add("who.blocked@example.org", "student")
        self.assertEqual(self.teacher.patch(self.users_url() + f"/{blocked_id}", {"blocked": True})[0], 200)
        other_teacher, _ = self.account("who.other@example.org", "Other Teacher")
        run_cli("user", "grant", self.server.config, "who.other@example.org", "--group", "Teacher")
        (target,) = self.bare_users("target", 1)
        self.add(target)
        target_id = next(m["user_id"] for m in self.members("?q=target")["items"])
        before = self.members("?per_page=200")
        for who in (tutor, student, blocked, other_teacher):
            self.assertError(who.get(self.users_url()), 403, "forbidden")
            self.assertError(who.post(self.users_url(), {"email": "who.other@example.org",
                                                         "role": "student"}), 403, "forbidden")
            self.assertError(who.patch(self.users_url() + f"/{target_id}", {"role": "owner"}), 403)
            self.assertError(who.delete(self.users_url() + f"/{target_id}"), 403)
        self.assertError(Client(self.server.port).get(self.users_url()), 401, "unauthorized")
        self.assertEqual(self.members("?per_page=200"), before)
        # the administrator (admin.modules.edit through "admin") may
        admin = self.server.client("admin")
        self.assertEqual(admin.get(self.users_url())[0], 200)
        status, m, _ = admin.patch(self.users_url() + f"/{target_id}", {"role": "tutor"})
        self.assertEqual((status, m["role"]), (200, "tutor"), m)
        self.assertEqual(self.role_of(target_id), "tutor")
        # the capability the client reads
        self.assertTrue(self.teacher.get(f"/api/v1/parts/{self.module}")[1]["can"]["users"])
        self.assertFalse(tutor.get(f"/api/v1/parts/{self.module}")[1]["can"]["users"])

    def test_changing_roles_and_blocking(self):
        learner, uid = self.account("roles.learner@example.org", "Roles Learner")
        self.add("roles.learner@example.org")
        url = self.users_url() + f"/{uid}"
        status, m, _ = self.teacher.patch(url, {"role": "tutor"})
        self.assertEqual((status, m["role"]), (200, "tutor"))
        status, m, _ = self.teacher.patch(url, {"blocked": True})
        self.assertEqual((status, m["role"], m["blocked"]), (200, "block", True))
        self.assertEqual([x["user_id"] for x in self.members("?role=blocked&q=roles")["items"]], [uid])
        # a blocked member sees nothing of the module and cannot take it again
        self.assertError(learner.get(f"/api/v1/parts/{self.part}"), 403)
        self.assertError(learner.post(f"/api/v1/parts/{self.module}/enrol", {}), 403, "blocked")
        self.assertNotIn(self.module, [x["id"] for x in learner.get("/api/v1/modules/mine")[1]["items"]])
        # blocking again changes nothing; unblocking gives back the role before the block
        status, m, _ = self.teacher.patch(url, {"blocked": True})
        self.assertEqual((status, m["role"]), (200, "block"))
        status, m, _ = self.teacher.patch(url, {"blocked": False})
        self.assertEqual((status, m["role"], m["blocked"]), (200, "tutor", False))
        self.assertEqual(learner.get(f"/api/v1/parts/{self.part}")[0], 200)
        self.assertEqual(self.role_of(uid), "tutor")
        # a role given to the blocked member ends the block and what it kept
        self.teacher.patch(url, {"blocked": True})
        self.assertEqual(self.teacher.patch(url, {"role": "student"})[1]["role"], "student")
        self.teacher.patch(url, {"blocked": True})
        status, m, _ = self.teacher.patch(url, {"blocked": False})
        self.assertEqual((status, m["role"]), (200, "student"))
        # an owner (not the last one) comes back an owner
        self.teacher.patch(url, {"role": "owner"})
        self.assertEqual(self.teacher.patch(url, {"blocked": True})[1]["role"], "block")
        self.assertEqual(self.teacher.patch(url, {"blocked": False})[1]["role"], "owner")
        self.teacher.patch(url, {"role": "student"})
        for bad in ({}, {"role": "block"}, {"role": "nobody"}, {"blocked": "yes"},
                    {"role": "tutor", "blocked": False}, {"name": "x"}, []):
            self.assertError(self.teacher.patch(url, bad), 400, "bad_request")
        self.assertEqual(self.role_of(uid), "student")
        self.assertError(self.teacher.patch(self.users_url() + "/999999", {"role": "tutor"}), 404)
        self.assertError(self.teacher.delete(self.users_url() + "/999999"), 404)

    def test_removing_a_member_removes_their_progress_and_keeps_their_quiz_answers(self):
        learner, uid = self.account("removed.learner@example.org", "Removed Learner")
        self.add("removed.learner@example.org")
        self.assertEqual(learner.get(f"/api/v1/parts/{self.page}")[0], 200)
        learner.post(f"/api/v1/parts/{self.part}/progress/time", {"page_id": self.page, "seconds": 40})
        status, v, _ = learner.post(f"/api/v1/parts/{self.page}/quiz-answers",
                                    {"quiz": "q", "question": "one", "answers": ["No"]})
        self.assertEqual(status, 200, v)
        db = self.server.database()
        try:
            count = lambda table: db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?",
                                             (uid,)).fetchone()[0]
            self.assertEqual((count("page_visits"), count("progress"), count("quiz_answers")), (1, 1, 1))
            status, body, _ = self.teacher.delete(self.users_url() + f"/{uid}")
            self.assertEqual(status, 200, body)
            self.assertEqual((count("page_visits"), count("progress"), count("quiz_answers")), (0, 0, 1))
        finally:
            db.close()
        self.assertIsNone(self.role_of(uid))
        self.assertError(learner.get(f"/api/v1/parts/{self.part}"), 403)

    def test_the_last_owner_stays(self):
        teacher_id = self.teacher.get("/api/v1/auth/me")[1]["user"]["id"]
        url = self.users_url() + f"/{teacher_id}"
        for response in (self.teacher.delete(url), self.teacher.patch(url, {"role": "student"}),
                         self.teacher.patch(url, {"role": "tutor"}),
                         self.teacher.patch(url, {"blocked": True})):
            body = self.assertError(response, 409, "conflict")
            self.assertIn("last owner", body["error"]["message"])
        self.assertEqual(self.role_of(teacher_id), "owner")
        # with a second owner the first may step down, and the second is then the last
        co, co_id = self.account("co.owner@example.org", "Co Owner")
        self.assertEqual(self.add("co.owner@example.org", "owner")[0], 201)
        status, m, _ = self.teacher.patch(url, {"role": "tutor"})
        self.assertEqual((status, m["role"]), (200, "tutor"), m)
        self.assertError(co.delete(self.users_url() + f"/{co_id}"), 409, "conflict")
        status, m, _ = co.patch(url, {"role": "owner"})
        self.assertEqual((status, m["role"]), (200, "owner"), m)
        self.assertEqual(self.teacher.delete(self.users_url() + f"/{co_id}")[0], 200)
        self.assertEqual(self.role_of(teacher_id), "owner")


if __name__ == "__main__":
    unittest.main()
