"""Requests racing each other. The same unique thing created by several
requests at the same instant: one registration per e-mail address, one file
per name on a part, one member per module and user. Whoever comes second gets
a 4xx with a JSON error (409 when the name or address is taken) — never a 500
— and the database holds exactly one. (A UNIQUE constraint that fires all the
same is a 409 already_exists: the router maps SQLite's SQLITE_CONSTRAINT_UNIQUE
in one place.) And writes into a part while it is deleted: 2xx or 404."""
import threading
import time
import unittest

from wte_testlib import ServerTestCase

ROUNDS = int(__import__("os").environ.get("WTE_RACE_ROUNDS", "10"))
AT_ONCE = 8


class UniqueRaces(ServerTestCase):
    server_options = {"extra": {"threads = 2": f"threads = {AT_ONCE}"}}

    def at_once(self, call):
        """call(i) from AT_ONCE threads released together; their answers, in order."""
        barrier = threading.Barrier(AT_ONCE)
        results = [None] * AT_ONCE

        def go(i):
            barrier.wait()
            results[i] = call(i)

        threads = [threading.Thread(target=go, args=(i,)) for i in range(AT_ONCE)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for status, body, headers in results:
            self.assertLess(status, 500, body)
            if status >= 400:
                self.assertTrue(headers["content-type"].startswith("application/json"), body)
                self.assertTrue(body["error"]["code"] and body["error"]["message"], body)
        return [r[0] for r in results]

    def count(self, sql, *args):
        db = self.server.database()
        try:
            return db.execute(sql, args).fetchone()[0]
        finally:
            db.close()

    def test_registrations_of_one_address_at_once_make_one_account(self):
        for n in range(ROUNDS):
            email = f"racer{n}@example.org"
            clients = [self.server.client() for _ in range(AT_ONCE)]
            statuses = self.at_once(lambda i: clients[i].post(
                "/api/v1/auth/register", {"email": email, "email_confirm": email,
                                          "name": f"Racer {n}"},
                headers={"X-Forwarded-For": f"10.7.{n}.{i + 1}"}))
            # the same answer for every one (the address is not given away), up to the mail throttle
            self.assertIn(201, statuses)
            self.assertLessEqual(set(statuses), {201, 429}, statuses)
            self.assertEqual(self.count("SELECT count(*) FROM users WHERE email = ?", email), 1)

    def test_uploads_of_one_file_name_at_once_store_one_file(self):
        teachers = [self.server.client("teacher") for _ in range(AT_ONCE)]
        for n in range(ROUNDS):
            name = f"race-{n}.txt"
            statuses = self.at_once(lambda i: teachers[i].request(
                "POST", f"/api/v1/parts/4/assets?filename={name}&type=asset",
                raw=f"upload {i}".encode(), headers={"Content-Type": "text/plain"}))
            self.assertEqual(sorted(statuses), [201] + [409] * (AT_ONCE - 1))
            self.assertEqual(self.count("SELECT count(*) FROM assets WHERE part_id = 4 AND "
                                        "filename = ?", name), 1)

    def test_renames_to_one_name_at_once_leave_one_file_with_it(self):
        t = self.server.client("teacher")
        for n in range(ROUNDS):
            ids = []
            for i in range(AT_ONCE):
                status, asset, _ = t.request(
                    "POST", f"/api/v1/parts/2/assets?filename=rename-{n}-{i}.txt&type=asset",
                    raw=b"x", headers={"Content-Type": "text/plain"})
                self.assertEqual(status, 201, asset)
                ids.append(asset["id"])
            name = f"renamed-{n}.txt"
            statuses = self.at_once(lambda i: t.patch(f"/api/v1/assets/{ids[i]}",
                                                      {"filename": name}))
            self.assertEqual(sorted(statuses), [200] + [409] * (AT_ONCE - 1))
            self.assertEqual(self.count("SELECT count(*) FROM assets WHERE filename = ?", name), 1)

    def test_one_member_added_by_several_owners_at_once_is_added_once(self):
        owners = [self.server.client("teacher") for _ in range(AT_ONCE)]
        for n in range(ROUNDS):
            status, module, _ = owners[0].post("/api/v1/parts", {"type": "module",
                                                                 "title": f"Race module {n}"})
            self.assertEqual(status, 201, module)
            statuses = self.at_once(lambda i: owners[i].post(
                f"/api/v1/parts/{module['id']}/users",
                {"email": "student2@example.org", "role": "student"}))
            self.assertEqual(sorted(statuses), [201] + [400] * (AT_ONCE - 1))
            self.assertEqual(self.count("SELECT count(*) FROM module_roles WHERE module_id = ?",
                                        module["id"]), 2)

    def test_one_learner_taking_a_module_in_several_tabs_at_once_is_enrolled_once(self):
        owner = self.server.client("teacher")
        for n in range(ROUNDS):
            status, module, _ = owner.post("/api/v1/parts", {"type": "module", "status": "available",
                                                             "title": f"Open module {n}"})
            self.assertEqual(status, 201, module)
            tabs = [self.server.client("student2") for _ in range(AT_ONCE)] if n == 0 else tabs
            statuses = self.at_once(lambda i: tabs[i].post(f"/api/v1/parts/{module['id']}/enrol", {}))
            self.assertEqual(sorted(statuses), [200] + [409] * (AT_ONCE - 1))
            self.assertEqual(self.count("SELECT count(*) FROM module_roles WHERE module_id = ? "
                                        "AND role = 'student'", module["id"]), 1)

    def test_new_workspace_files_of_one_name_saved_at_once_are_one_file(self):
        t = self.server.client("teacher")
        for n in range(ROUNDS):
            status, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1,
                                                       "title": f"Race exercise {n}",
                                                       "display_mode": "three_pane_html"})
            self.assertEqual(status, 201, part)
            statuses = self.at_once(lambda i: t.request(
                "PUT", f"/api/v1/parts/{part['id']}/files/new.txt", raw=f"tab {i}".encode(),
                headers={"If-Match": "*"}))
            self.assertEqual(set(statuses), {200}, statuses)
            self.assertEqual(self.count("SELECT count(*) FROM workspace_files WHERE part_id = ? "
                                        "AND filename = 'new.txt'", part["id"]), 1)



class DeleteRaces(ServerTestCase):
    """Writes into a part (an upload, a visit, a workspace save, time on a page,
    a timed task, a new page) while its teacher deletes it: each answers as if
    it came just before (2xx) or just after (404) the deletion — never a 500 —
    and nothing of the part is left."""

    server_options = {"extra": {"threads = 2": "threads = 8"}}

    def test_writes_racing_the_deletion_of_their_part_are_2xx_or_404(self):
        t, writer, learner = (self.server.client(w) for w in ("teacher", "teacher", "student1"))
        for n in range(ROUNDS * 3):
            _, part, _ = t.post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": f"Doomed {n}",
                                                  "status": "available", "display_mode": "three_pane_html"})
            _, page, _ = t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"],
                                                  "title": "Doomed page", "status": "available"})
            p = part["id"]
            calls = [
                lambda: writer.request("POST", f"/api/v1/parts/{p}/assets?filename=a.txt&type=asset",
                                       raw=b"x" * 200000, headers={"Content-Type": "text/plain"}),
                lambda: learner.get(f"/api/v1/parts/{page['id']}"),
                lambda: learner.request("PUT", f"/api/v1/parts/{p}/files/x.txt", raw=b"x",
                                        headers={"If-Match": "*"}),
                lambda: learner.get(f"/api/v1/parts/{p}/workspace"),
                lambda: learner.post(f"/api/v1/parts/{p}/progress/time",
                                     {"page_id": page["id"], "seconds": 3}),
                lambda: writer.post(f"/api/v1/parts/{p}/timed-tasks", {
                    "name": "change_status", "run_at": "2030-02-01T08:00Z",
                    "options": {"target_status": "unavailable"}}),
                lambda: writer.post("/api/v1/parts", {"type": "page", "parent_id": p, "title": "Late"}),
            ]
            results = [None] * len(calls)
            threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, calls[i]()))
                       for i in range(len(calls))]
            for thread in threads:
                thread.start()
            time.sleep(0.001 * (n % 10))
            self.assertEqual(t.delete(f"/api/v1/parts/{p}")[0], 200)
            for thread in threads:
                thread.join()
            for status, body, _ in results:
                self.assertLess(status, 500, body)
            db = self.server.database()
            try:
                for table in ("assets", "workspace_files", "timed_tasks"):
                    self.assertEqual(db.execute(f"SELECT count(*) FROM {table} WHERE part_id = ?",
                                                (p,)).fetchone()[0], 0, table)
                self.assertEqual(db.execute("SELECT count(*) FROM parts WHERE parent_id = ?",
                                            (p,)).fetchone()[0], 0)
            finally:
                db.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
