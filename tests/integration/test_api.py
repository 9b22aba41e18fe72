"""The REST API seen from outside: sign-in, CSRF, errors as JSON, and every
permission rule of FEATURES §2, against a real wte-server process."""
import threading
import time
import unittest

from wte_testlib import DEMO, ServerTestCase, ServerProcess, run_cli


class AuthTests(ServerTestCase):
    def test_health_needs_no_sign_in(self):
        status, body, _ = self.server.client().get("/api/v1/health")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        self.assertGreaterEqual(body["schema"], 1)

    def test_sign_in_sets_an_httponly_strict_cookie_and_returns_csrf(self):
        c = self.server.client()
        status, body, headers = c.login(*DEMO["student1"])
        self.assertEqual(status, 200)
        cookie = headers["set-cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertEqual(len(body["csrf_token"]), 64)
        self.assertEqual(body["user"]["email"], "student1@example.org")
        self.assertNotIn("password_hash", body["user"])
        status, me, _ = c.get("/api/v1/auth/me")
        self.assertEqual(status, 200)
        self.assertEqual(me["user"]["name"], "Sam Student")
        self.assertEqual(me["csrf_token"], body["csrf_token"])

    def test_wrong_password_and_unknown_email_get_the_same_answer(self):
        c = self.server.client()
        a = self.assertError(c.login("student2@example.org", "wrong-password"), 401, "invalid_credentials")
        b = self.assertError(c.login("nobody@example.org", "wrong-password"), 401, "invalid_credentials")
        self.assertEqual(a, b)

    def test_the_administrator_created_by_init_db_can_sign_in(self):
        c = self.server.client("admin")
        status, me, _ = c.get("/api/v1/auth/me")
        self.assertEqual(status, 200)
        self.assertIn("admin", me["permissions"])

    def test_email_is_case_insensitive(self):
        status, _, _ = self.server.client().login("Teacher@Example.ORG", DEMO["teacher"][1])
        self.assertEqual(status, 200)

    def test_not_signed_in_gets_401(self):
        c = self.server.client()
        self.assertError(c.get("/api/v1/auth/me"), 401, "unauthorized")
        self.assertError(c.get("/api/v1/parts/1"), 401)
        self.assertError(c.get("/api/v1/modules/mine"), 401)

    def test_state_change_without_csrf_header_is_refused_and_changes_nothing(self):
        c = self.server.client("teacher")
        before = c.get("/api/v1/parts/1")[1]["title"]
        self.assertError(c.request("PATCH", "/api/v1/parts/1", {"title": "Hacked"}, csrf=False), 403, "csrf")
        self.assertError(c.request("PATCH", "/api/v1/parts/1", {"title": "Hacked"},
                                   headers={"X-CSRF-Token": "0" * 64}), 403, "csrf")
        self.assertEqual(c.get("/api/v1/parts/1")[1]["title"], before)

    def test_logout_ends_the_session(self):
        c = self.server.client("student2")
        old_cookie = c.cookie
        status, _, _ = c.post("/api/v1/auth/logout")
        self.assertEqual(status, 200)
        self.assertError(c.get("/api/v1/auth/me"), 401)
        c.cookie = old_cookie  # the old token must be dead server-side too
        self.assertError(c.get("/api/v1/auth/me"), 401)


class ErrorTests(ServerTestCase):
    server_options = {"upload_limit": 64 * 1024}

    def test_malformed_json_is_a_json_400(self):
        c = self.server.client("teacher")
        self.assertError(c.request("POST", "/api/v1/parts", raw=b"{not json",
                                   headers={"Content-Type": "application/json"}), 400, "bad_request")
        self.assertError(c.request("POST", "/api/v1/auth/login", raw=b"[1,2"), 400)

    def test_wrong_field_types_are_400_with_the_field(self):
        c = self.server.client("teacher")
        body = self.assertError(c.post("/api/v1/parts", {"type": "module", "title": 42}), 400)
        self.assertEqual(body["error"]["details"]["field"], "title")
        self.assertError(c.post("/api/v1/parts", {"type": "chapter", "title": "x"}), 400)
        self.assertError(c.patch("/api/v1/parts/1", {"status": "deleted"}), 400)
        self.assertError(c.patch("/api/v1/parts/1", {"owner": 5}), 400)
        self.assertError(c.patch("/api/v1/parts/2", {"status": "archived"}), 400)
        self.assertError(c.patch("/api/v1/parts/1", {"title": "   "}), 400)

    def test_oversize_body_is_a_json_413_and_changes_nothing(self):
        c = self.server.client("teacher")
        big = "x" * (100 * 1024)
        self.assertError(c.patch("/api/v1/parts/3", {"content": big}), 413, "too_large")
        self.assertNotEqual(c.get("/api/v1/parts/3")[1]["content"], big)

    def test_unknown_paths_and_ids_are_json_404(self):
        c = self.server.client("teacher")
        self.assertError(c.get("/api/v1/parts/999999"), 404, "not_found")
        self.assertError(c.get("/api/v1/parts/abc"), 404)
        self.assertError(c.get("/api/v1/nothing-here"), 404)
        self.assertError(c.request("PUT", "/api/v1/health"), 405)

    def test_bad_paging_is_400(self):
        c = self.server.client("student1")
        self.assertError(c.get("/api/v1/modules?page=0"), 400)
        self.assertError(c.get("/api/v1/modules?per_page=abc"), 400)
        self.assertError(c.get("/api/v1/modules/mine?status=gone"), 400)


class SignInRaceTests(ServerTestCase):
    # enough workers that the sign-in and the deletion run side by side
    server_options = {"extra": {"threads = 2": "threads = 8"}}

    def test_a_sign_in_while_the_account_is_deleted_is_a_401_not_a_500(self):
        # Found by the API fuzzer run from several threads: the session was
        # written after the slow password check, for an account gone meanwhile.
        admin = self.server.client("admin")
        for n in range(6):
            email = f"leaving{n}@example.org"
            run_cli("user", "add", self.server.config, email, "Leaving", "--password",
                    "leaving-password")
            user_id = [u["id"] for u in admin.get(f"/api/v1/users?q={email}")[1]["items"]][0]
            answers = []
            signing_in = threading.Thread(target=lambda: answers.append(
                self.server.client().login(email, "leaving-password")))
            signing_in.start()
            time.sleep(0.05 + 0.04 * n)  # somewhere in the password check (0.1 s to 0.4 s)
            self.assertEqual(admin.delete(f"/api/v1/users/{user_id}")[0], 200)
            signing_in.join()
            status, body, _ = answers[0]
            self.assertIn(status, (200, 401), body)
            sessions = self.server.database().execute(
                "SELECT count(*) FROM sessions WHERE user_id = ?", (user_id,)).fetchone()[0]
            self.assertEqual(sessions, 0)


class DeepJsonTests(ServerTestCase):
    """Found by the API fuzzer: copying a parsed value recurses once per level,
    and options of objects in arrays nested 10^5 deep took the server down (a
    stack overflow)."""

    DEEP = b'[{"a":' * 50000 + b"[]" + b"}]" * 50000

    def test_a_body_nested_deeper_than_64_levels_is_a_400_and_the_server_lives_on(self):
        t = self.server.client("teacher")
        status, task, _ = t.post("/api/v1/parts/4/timed-tasks", {
            "name": "change_status", "run_at": "2030-02-01T08:00Z",
            "options": {"target_status": "unavailable"}})
        self.assertEqual(status, 201, task)
        body = b'{"options": {"target_status": ' + self.DEEP + b"}}"
        error = self.assertError(t.request("PATCH", f"/api/v1/timed-tasks/{task['id']}", raw=body,
                                           headers={"Content-Type": "application/json"}), 400)
        self.assertIn("deeper than 64 levels", error["error"]["message"])
        self.assertError(t.request("POST", "/api/v1/parts", raw=self.DEEP,
                                   headers={"Content-Type": "application/json"}), 400)
        self.assertIsNone(self.server.proc.poll())
        tasks = t.get("/api/v1/parts/4/timed-tasks")[1]["items"]
        self.assertEqual([x["options"] for x in tasks if x["id"] == task["id"]],
                         [{"target_status": "unavailable"}])
        # as deep as a real body goes is fine
        nested = {"target_status": "available"}
        self.assertEqual(t.patch(f"/api/v1/timed-tasks/{task['id']}", {"options": nested})[0], 200)

    def test_an_import_whose_content_json_nests_too_deep_is_a_400(self):
        import io
        import zipfile
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("content.json", b'{"type": "module", "title": "Deep", "children": ' +
                       self.DEEP + b"}")
        t = self.server.client("teacher")
        error = self.assertError(t.request("POST", "/api/v1/import", raw=out.getvalue(),
                                           headers={"Content-Type": "application/zip"}), 400)
        self.assertIn("content.json nests deeper than 64 levels", error["error"]["message"])
        self.assertIsNone(self.server.proc.poll())


class PermissionTests(ServerTestCase):
    def module_ids(self, client):
        return {m["title"]: m["id"] for m in client.get("/api/v1/modules")[1]["items"]}

    def test_teacher_creates_a_module_and_becomes_owner(self):
        t = self.server.client("teacher")
        status, module, _ = t.post("/api/v1/parts", {"type": "module", "title": "Owned Module"})
        self.assertEqual(status, 201)
        self.assertEqual(module["my_role"], "owner")
        self.assertTrue(module["can"]["edit"] and module["can"]["delete"] and module["can"]["users"])
        status, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": module["id"],
                                                   "title": "Part A", "label": "Tutorial"})
        self.assertEqual(status, 201)
        status, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"],
                                                   "title": "Page 1", "content": "Hello\n"})
        self.assertEqual(status, 201)
        self.assertEqual([a["id"] for a in page["ancestors"]], [module["id"], part["id"]])

    def test_student_cannot_create_modules_or_edit(self):
        s = self.server.client("student1")
        self.assertError(s.post("/api/v1/parts", {"type": "module", "title": "Mine"}), 403)
        self.assertError(s.patch("/api/v1/parts/1", {"title": "Changed"}), 403)
        self.assertError(s.delete("/api/v1/parts/3"), 403)
        self.assertError(s.post("/api/v1/parts", {"type": "page", "parent_id": 2, "title": "x"}), 403)

    def test_student_sees_available_parts_of_a_taken_module_only(self):
        t = self.server.client("teacher")
        s1 = self.server.client("student1")  # has taken module 1
        s2 = self.server.client("student2")  # has not
        status, hidden, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Hidden",
                                                     "status": "unavailable"})
        self.assertEqual(status, 201)
        _, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": hidden["id"], "title": "In hidden",
                                              "status": "available"})
        self.assertEqual(s1.get("/api/v1/parts/2")[0], 200)
        self.assertError(s1.get(f"/api/v1/parts/{hidden['id']}"), 403)
        # an available page below an unavailable part stays hidden
        self.assertError(s1.get(f"/api/v1/parts/{page['id']}"), 403)
        self.assertNotIn(hidden["id"], [c["id"] for c in s1.get("/api/v1/parts/1")[1]["children"]])
        self.assertIn(hidden["id"], [c["id"] for c in t.get("/api/v1/parts/1")[1]["children"]])
        # not taken: the module's front page only
        self.assertEqual(s2.get("/api/v1/parts/1")[0], 200)
        self.assertError(s2.get("/api/v1/parts/2"), 403)

    def test_content_administrators_see_and_edit_everything(self):
        a = self.server.client("admin")
        self.assertEqual(a.get("/api/v1/parts/2")[0], 200)
        status, body, _ = a.patch("/api/v1/parts/3", {"label": "Intro"})
        self.assertEqual(status, 200, body)
        self.assertTrue(body["can"]["edit"])

    def test_editing_a_page_never_changes_its_status(self):
        t = self.server.client("teacher")
        before = t.get("/api/v1/parts/5")[1]
        status, after, _ = t.patch("/api/v1/parts/5", {"content": before["content"] + "\nMore.\n"},
                                   headers={"If-Match": "*"})
        self.assertEqual(status, 200)
        self.assertEqual(after["status"], before["status"])
        self.assertTrue(after["content"].endswith("More.\n"))

    def test_reorder_children_needs_a_permutation(self):
        t = self.server.client("teacher")
        kids = [c["id"] for c in t.get("/api/v1/parts/4")[1]["children"]]
        self.assertError(t.patch("/api/v1/parts/4", {"children_order": kids[:-1]}), 400)
        status, body, _ = t.patch("/api/v1/parts/4", {"children_order": list(reversed(kids))})
        self.assertEqual(status, 200)
        self.assertEqual([c["id"] for c in body["children"]], list(reversed(kids)))

    def test_enrol_with_password(self):
        s2 = self.server.client("student2")
        js = self.module_ids(s2)["JavaScript in Practice"]
        self.assertError(s2.post(f"/api/v1/parts/{js}/enrol", {}), 403, "password_required")
        self.assertError(s2.post(f"/api/v1/parts/{js}/enrol", {"password": "nope"}), 403, "wrong_password")
        self.assertError(s2.get(f"/api/v1/parts/{js + 1}"), 403)
        status, body, _ = s2.post(f"/api/v1/parts/{js}/enrol", {"password": "js-demo"})
        self.assertEqual(status, 200)
        self.assertEqual(s2.get(f"/api/v1/parts/{js + 1}")[0], 200)
        self.assertIn(js, [m["id"] for m in s2.get("/api/v1/modules/mine")[1]["items"]])
        self.assertError(s2.post(f"/api/v1/parts/{js}/enrol", {"password": "js-demo"}), 409)
        status, _, _ = s2.delete(f"/api/v1/parts/{js}/enrol")
        self.assertEqual(status, 200)
        self.assertNotIn(js, [m["id"] for m in s2.get("/api/v1/modules/mine")[1]["items"]])

    def test_email_domain_restriction(self):
        t = self.server.client("teacher")
        _, module, _ = t.post("/api/v1/parts", {"type": "module", "title": "Domain Only", "status": "available"})
        status, body, _ = t.request("PUT", f"/api/v1/parts/{module['id']}/access",
                                    {"email_domains": ["university.example"]})
        self.assertEqual(status, 200, body)
        s = self.server.client("student2")
        self.assertError(s.post(f"/api/v1/parts/{module['id']}/enrol", {}), 403, "email_domain_refused")

    def test_a_blocked_user_can_neither_view_nor_enrol_again(self):
        t = self.server.client("teacher")
        _, module, _ = t.post("/api/v1/parts", {"type": "module", "title": "Blocking", "status": "available"})
        db = self.server.database()
        uid = db.execute("SELECT id FROM users WHERE email='student2@example.org'").fetchone()[0]
        db.execute("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, 'block')", (module["id"], uid))
        db.commit()
        db.close()
        s = self.server.client("student2")
        self.assertError(s.get(f"/api/v1/parts/{module['id']}"), 403)
        self.assertError(s.post(f"/api/v1/parts/{module['id']}/enrol", {}), 403, "blocked")
        self.assertError(s.delete(f"/api/v1/parts/{module['id']}/enrol"), 403, "blocked")

    def test_other_owners_cannot_touch_a_module_by_id(self):
        t = self.server.client("teacher")
        _, module, _ = t.post("/api/v1/parts", {"type": "module", "title": "Tessa's"})
        run_cli("user", "add", self.server.config, "other@example.org", "Other Teacher",
                "--password", "other-teacher", "--group", "Teacher")
        other = self.server.client()  # a teacher too, but not this module's owner
        self.assertEqual(other.login("other@example.org", "other-teacher")[0], 200)
        self.assertError(other.patch(f"/api/v1/parts/{module['id']}", {"title": "Mine now"}), 403)
        self.assertError(other.post("/api/v1/parts", {"type": "page", "parent_id": module["id"], "title": "x"}), 403)
        self.assertError(other.delete(f"/api/v1/parts/{module['id']}"), 403)

    def test_delete_cascades(self):
        t = self.server.client("teacher")
        _, module, _ = t.post("/api/v1/parts", {"type": "module", "title": "To delete"})
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": module["id"], "title": "P"})
        _, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "Q"})
        self.assertEqual(t.delete(f"/api/v1/parts/{module['id']}")[0], 200)
        self.assertError(t.get(f"/api/v1/parts/{page['id']}"), 404)


class ThrottleTests(unittest.TestCase):
    def test_repeated_failures_are_throttled_then_refused_with_429(self):
        server = ServerProcess()
        try:
            c = server.client()
            codes = [c.login("student2@example.org", f"wrong-{i}")[0] for i in range(8)]
            self.assertEqual(codes[:5], [401] * 5)
            self.assertIn(429, codes[5:])
            status, body, headers = c.login(*DEMO["student2"])  # even the right password waits
            self.assertEqual(status, 429)
            self.assertIn("retry-after", headers)
            self.assertEqual(server.client().login(*DEMO["student1"])[0], 200)  # others unaffected
            # Behind Apache, addresses come from X-Forwarded-For: one noisy
            # client must not lock out everyone else behind the same proxy.
            noisy = server.client()
            for i in range(25):
                noisy.request("POST", "/api/v1/auth/login", {"email": f"x{i}@example.org", "password": "x"},
                              headers={"X-Forwarded-For": "203.0.113.9"})
            status, _, _ = noisy.request("POST", "/api/v1/auth/login", {"email": "y@example.org", "password": "x"},
                                         headers={"X-Forwarded-For": "203.0.113.9"})
            self.assertEqual(status, 429)
            quiet = server.client()
            status, _, _ = quiet.request("POST", "/api/v1/auth/login", {"email": DEMO["teacher"][0],
                                                                         "password": DEMO["teacher"][1]},
                                         headers={"X-Forwarded-For": "198.51.100.7"})
            self.assertEqual(status, 200)
        finally:
            self.assertEqual(server.stop(), 0)  # SIGTERM: graceful stop, exit 0


if __name__ == "__main__":
    unittest.main(verbosity=2)
