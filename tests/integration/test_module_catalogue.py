"""The module catalogue (GET /api/v1/modules, signed out) is kept between
requests until the database changes: whatever changes it — the API, a timed
task run by another process, a write to the file by another connection — is
in the next answer. One server thread, so every request meets the same kept
answer."""
import subprocess
import sqlite3
import sys
import unittest

from wte_testlib import SERVER, Client, ServerTestCase

API = "/api/v1"


class ModuleCatalogue(ServerTestCase):
    server_options = {"extra": {"threads = 2": "threads = 1"}}

    def setUp(self):
        self.anonymous = Client(self.server.port)
        self.teacher = self.server.client("teacher")

    def catalogue(self, query=""):
        status, body, _ = self.anonymous.get(f"{API}/modules{query}")
        self.assertEqual(status, 200, body)
        return body

    def titles(self):
        return [m["title"] for m in self.catalogue()["items"]]

    def test_a_module_published_or_withdrawn_through_the_api_shows_at_once(self):
        before = self.catalogue()
        self.assertEqual(self.catalogue(), before)  # read twice: the kept answer
        status, module, _ = self.teacher.post(f"{API}/parts", {
            "type": "module", "title": "Catalogue Newcomer", "status": "unavailable",
            "content": "A first paragraph to list.\n"})
        self.assertEqual(status, 201, module)
        self.assertEqual(self.catalogue(), before)
        self.assertEqual(self.teacher.patch(f"{API}/parts/{module['id']}",
                                            {"status": "available"})[0], 200)
        listed = self.catalogue()
        self.assertEqual(listed["total"], before["total"] + 1)
        mine = next(m for m in listed["items"] if m["id"] == module["id"])
        self.assertEqual(mine["summary"], "A first paragraph to list.")
        self.assertEqual(self.teacher.patch(f"{API}/parts/{module['id']}",
                                            {"status": "unavailable"})[0], 200)
        self.assertEqual(self.catalogue(), before)

    def test_a_timed_task_run_by_another_process_shows_in_the_next_answer(self):
        status, module, _ = self.teacher.post(f"{API}/parts", {
            "type": "module", "title": "Opens by Itself", "status": "unavailable"})
        self.assertEqual(status, 201, module)
        self.assertNotIn("Opens by Itself", self.titles())
        status, task, _ = self.teacher.post(f"{API}/parts/{module['id']}/timed-tasks", {
            "name": "change_status", "run_at": "2020-01-01T09:00Z",
            "options": {"target_status": "available"}})
        self.assertEqual(status, 201, task)
        self.assertNotIn("Opens by Itself", self.titles())
        p = subprocess.run([SERVER, "run-timed-tasks", self.server.config, "--quiet"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        listed = next(m for m in self.catalogue()["items"] if m["id"] == module["id"])
        self.assertFalse(listed["pending_tasks"])

        status, task, _ = self.teacher.post(f"{API}/parts/{module['id']}/timed-tasks", {
            "name": "change_status", "run_at": "2030-01-01T09:00Z",
            "options": {"target_status": "unavailable"}})
        self.assertEqual(status, 201, task)
        listed = next(m for m in self.catalogue()["items"] if m["id"] == module["id"])
        self.assertTrue(listed["pending_tasks"])

    def test_a_title_changed_in_the_file_by_another_connection_shows_in_the_next_answer(self):
        first = self.catalogue()["items"][0]
        db = sqlite3.connect(self.server.db, timeout=30)
        with db:
            db.execute("UPDATE parts SET title = ? WHERE id = ?",
                       (first["title"] + " (renamed)", first["id"]))
        db.close()
        renamed = next(m for m in self.catalogue()["items"] if m["id"] == first["id"])
        self.assertEqual(renamed["title"], first["title"] + " (renamed)")

    def test_each_page_of_the_catalogue_is_its_own(self):
        whole = self.catalogue("?per_page=200")["items"]
        self.assertGreaterEqual(len(whole), 2)
        pages = [self.catalogue(f"?page={n}&per_page=1") for n in (1, 2, 1)]
        self.assertEqual([p["items"] for p in pages], [whole[:1], whole[1:2], whole[:1]])
        self.assertEqual([p["page"] for p in pages], [1, 2, 1])
        self.assertEqual(pages[0]["total"], len(whole))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
