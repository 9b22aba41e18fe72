"""Saving a page's content from the editor (API.md: GET /parts/{id} sends editors
an ETag of the content; PATCH with content needs If-Match; a stale save is a
409 content_changed that carries the current text and changes nothing)."""
import unittest

from wte_testlib import ServerTestCase, run_cli


class ContentEditTests(ServerTestCase):
    def new_page(self, t, content="First version.\n"):
        _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Editing lab"})
        status, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "Draft",
                                                   "content": content})
        self.assertEqual(status, 201, page)
        return page

    def save(self, client, page_id, content, etag=None, **extra):
        headers = {"If-Match": etag} if etag is not None else {}
        body = dict(extra)
        body["content"] = content
        return client.patch(f"/api/v1/parts/{page_id}", body, headers=headers)

    def test_an_editor_gets_an_etag_that_changes_with_the_content(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        status, _, headers = t.get(f"/api/v1/parts/{page['id']}")
        self.assertEqual(status, 200)
        etag = headers["etag"]
        self.assertTrue(etag.startswith('"') and etag.endswith('"') and len(etag) > 10, etag)
        status, body, saved = self.save(t, page["id"], "Second version.\n", etag)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["content"], "Second version.\n")
        self.assertNotEqual(saved["etag"], etag)
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}")[2]["etag"], saved["etag"])

    def test_a_stale_save_is_refused_with_the_current_text_and_changes_nothing(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        old = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        self.assertEqual(self.save(t, page["id"], "Saved in another tab.\n", old)[0], 200)
        body = self.assertError(self.save(t, page["id"], "Typed here.\n", old), 409, "content_changed")
        self.assertEqual(body["error"]["details"]["content"], "Saved in another tab.\n")
        current = t.get(f"/api/v1/parts/{page['id']}")
        self.assertEqual(current[1]["content"], "Saved in another tab.\n")
        self.assertEqual('"' + body["error"]["details"]["etag"] + '"', current[2]["etag"])
        # "Keep mine": the same text sent again with the ETag the 409 named.
        status, kept, _ = self.save(t, page["id"], "Typed here.\n", '"' + body["error"]["details"]["etag"] + '"')
        self.assertEqual((status, kept["content"]), (200, "Typed here.\n"))

    def test_a_stale_save_of_the_text_already_stored_is_no_conflict(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        old = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        self.assertEqual(self.save(t, page["id"], "Once.\n", old)[0], 200)
        status, body, _ = self.save(t, page["id"], "Once.\n", old)  # a retried save
        self.assertEqual(status, 200, body)

    def test_if_match_accepts_weak_bare_gzip_and_star(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        etag = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        forms = [lambda e: "W/" + e, lambda e: e.strip('"'), lambda e: '"' + e.strip('"') + '-gzip"']
        for i, form in enumerate(forms):
            status, body, headers = self.save(t, page["id"], f"Version {i}.\n", form(etag))
            self.assertEqual(status, 200, (form(etag), body))
            etag = headers["etag"]
        self.assertEqual(self.save(t, page["id"], "Overwritten.\n", "*")[0], 200)

    def test_content_without_if_match_is_428_and_changes_nothing(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        self.assertError(self.save(t, page["id"], "No precondition.\n"), 428, "if_match_required")
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}")[1]["content"], "First version.\n")
        # Other fields need no If-Match.
        status, body, _ = t.patch(f"/api/v1/parts/{page['id']}", {"title": "Renamed"})
        self.assertEqual((status, body["title"]), (200, "Renamed"))

    def test_bad_content_is_a_400_that_changes_nothing(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        etag = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        self.assertError(t.patch(f"/api/v1/parts/{page['id']}", {"content": 42}, headers={"If-Match": etag}), 400)
        self.assertError(t.patch(f"/api/v1/parts/{page['id']}", {"content": "x", "colour": "red"},
                                 headers={"If-Match": etag}), 400)
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}")[1]["content"], "First version.\n")

    def test_saving_content_never_changes_the_status(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        etag = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        status, body, _ = self.save(t, page["id"], "Broken `markup\n\n.. unknown-directive::\n", etag)
        self.assertEqual((status, body["status"]), (200, page["status"]))

    def test_readers_get_no_etag_and_cannot_save(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        t.patch(f"/api/v1/parts/{page['id']}", {"status": "available"})
        t.patch(f"/api/v1/parts/{page['parent_id']}", {"status": "available"})
        etag = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        student = self.server.client("student1")
        status, _, headers = student.get(f"/api/v1/parts/{page['id']}")
        self.assertEqual(status, 200)
        self.assertNotIn("etag", headers)  # a hash of the full text would give quiz solutions away
        self.assertError(self.save(student, page["id"], "Vandalised.\n", etag), 403)
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}")[1]["content"], "First version.\n")

    def test_a_tutor_reads_but_cannot_save(self):
        t = self.server.client("teacher")
        page = self.new_page(t)
        etag = t.get(f"/api/v1/parts/{page['id']}")[2]["etag"]
        run_cli("user", "add", self.server.config, "tutor@example.org", "Tutor", "--password", "tutor-pw-123",
                "--group", "Student")
        with self.server.database() as db:
            db.execute("INSERT INTO module_roles (module_id, user_id, role) "
                       "SELECT 1, id, 'tutor' FROM users WHERE email = 'tutor@example.org'")
        tutor = self.server.client()
        self.assertEqual(tutor.login("tutor@example.org", "tutor-pw-123")[0], 200)
        status, view, headers = tutor.get(f"/api/v1/parts/{page['id']}")
        self.assertEqual(status, 200, view)
        self.assertFalse(view["can"]["edit"])
        self.assertNotIn("etag", headers)
        self.assertError(self.save(tutor, page["id"], "Tutor's text.\n", etag), 403)
        self.assertEqual(t.get(f"/api/v1/parts/{page['id']}")[1]["content"], "First version.\n")


if __name__ == "__main__":
    unittest.main()
