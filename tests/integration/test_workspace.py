"""A learner's workspace of a three-pane part over HTTP: templates copied once
(nearest wins, a later view writes nothing), saving with If-Match (no lost
update), clear errors that change nothing, resets, the ZIP download, and
nobody reaching anyone else's files."""
import io
import threading
import unittest
import urllib.parse
import zipfile

from wte_testlib import ServerTestCase, run_cli


class WorkspaceTests(ServerTestCase):
    counter = 0

    def setUp(self):
        self.t = self.server.client("teacher")
        self.s = self.server.client("student1")

    def upload(self, part, name, data, kind="template"):
        status, body, _ = self.t.request("POST", f"/api/v1/parts/{part}/assets?filename={name}&type={kind}",
                                         raw=data, headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(status, 201, body)
        return body

    def new_module(self):
        """A module of the teacher's that student1 has taken."""
        WorkspaceTests.counter += 1
        _, m, _ = self.t.post("/api/v1/parts", {"type": "module", "title": f"WS {self.counter}",
                                                "status": "available"})
        self.assertEqual(self.s.post(f"/api/v1/parts/{m['id']}/enrol", {})[0], 200)
        return m["id"]

    def new_exercise(self, module=1, templates=None):
        """A three-pane part with one page and the given templates; (part, page)."""
        _, part, _ = self.t.post("/api/v1/parts", {"type": "part", "parent_id": module, "title": "Ex",
                                                   "status": "available", "display_mode": "three_pane_html"})
        _, page, _ = self.t.post("/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "Do it",
                                                   "status": "available"})
        for name, data in (templates or {}).items():
            self.upload(part["id"], name, data)
        return part["id"], page["id"]

    def files(self, client, part):
        status, w, _ = client.get(f"/api/v1/parts/{part}/workspace")
        self.assertEqual(status, 200, w)
        return {f["filename"]: f for f in w["files"]}

    def put(self, client, part, name, data, if_match=None, raw_path=None):
        headers = {"Content-Type": "text/plain"}
        if if_match is not None:
            headers["If-Match"] = if_match
        path = raw_path or f"/api/v1/parts/{part}/files/{urllib.parse.quote(name, safe='')}"
        return client.request("PUT", path, raw=data, headers=headers)

    def content(self, client, part, name):
        status, body, headers = client.get(f"/api/v1/parts/{part}/files/{name}")
        self.assertEqual(status, 200, body)
        return body, headers

    def test_templates_are_copied_once_on_the_first_visit_and_later_views_write_nothing(self):
        part, page = self.new_exercise(templates={"index.html": b"<h1>Hi</h1>", "style.css": b"h1{}"})
        db = self.server.database()
        try:
            count = lambda: db.execute("SELECT COUNT(*) FROM workspace_files wf JOIN users u ON u.id = wf.user_id "
                                       "WHERE u.email = 'student1@example.org' AND part_id = ?", (part,)).fetchone()[0]
            self.assertEqual(count(), 0)
            self.assertEqual(self.s.get(f"/api/v1/parts/{page}")[0], 200)
            self.assertEqual(count(), 2)
            version = db.data_version()
            self.assertEqual(self.s.get(f"/api/v1/parts/{page}")[0], 200)
            self.assertEqual(db.data_version(), version)
        finally:
            db.close()
        # A template changed later does not reach a workspace made already.
        tmpl = next(a for a in self.t.get(f"/api/v1/parts/{part}/assets")[1]["items"] if a["filename"] == "style.css")
        self.t.request("PUT", f"/api/v1/assets/{tmpl['id']}/content", raw=b"h1{color:red}")
        self.assertEqual(self.content(self.s, part, "style.css")[0], b"h1{}")
        self.assertFalse(self.files(self.s, part)["style.css"]["changed"])

    def test_the_first_get_of_the_workspace_copies_too_and_teachers_have_their_own(self):
        part, _ = self.new_exercise(templates={"index.html": b"<p>t</p>"})
        self.assertEqual(list(self.files(self.s, part)), ["index.html"])
        self.assertEqual(list(self.files(self.t, part)), ["index.html"])
        status, _, _ = self.put(self.t, part, "index.html", b"teacher's", "*")
        self.assertEqual(status, 200)
        self.assertEqual(self.content(self.s, part, "index.html")[0], b"<p>t</p>")

    def test_the_nearest_template_wins(self):
        module = self.new_module()
        self.upload(module, "style.css", b"/* module */")
        self.upload(module, "shared.txt", b"from the module")
        part, page = self.new_exercise(module, {"style.css": b"/* part */", "index.html": b"x"})
        self.s.get(f"/api/v1/parts/{page}")
        self.assertEqual(set(self.files(self.s, part)), {"index.html", "shared.txt", "style.css"})
        self.assertEqual(self.content(self.s, part, "style.css")[0], b"/* part */")
        self.assertEqual(self.content(self.s, part, "shared.txt")[0], b"from the module")

    def test_the_listing_has_the_shape_of_the_contract(self):
        part, _ = self.new_exercise(templates={"style.css": b"a{}", "index.html": b"<p>", "app.js": b"1"})
        status, w, _ = self.s.get(f"/api/v1/parts/{part}/workspace")
        self.assertEqual(status, 200, w)
        self.assertEqual(set(w), {"part_id", "files", "preview_url"})
        self.assertEqual(w["part_id"], part)
        self.assertEqual([f["filename"] for f in w["files"]], ["index.html", "app.js", "style.css"])
        first = w["files"][0]
        self.assertEqual(set(first), {"filename", "mimetype", "etag", "changed", "size"})
        self.assertEqual((first["mimetype"], first["size"], first["changed"]), ("text/html", 3, False))
        self.assertNotIn('"', first["etag"])
        self.assertRegex(w["preview_url"], r"^/api/v1/preview/[A-Za-z0-9_-]{43}/index\.html$")
        body, headers = self.content(self.s, part, "index.html")
        self.assertEqual(body, b"<p>")
        self.assertEqual(headers["etag"], '"' + first["etag"] + '"')
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertTrue(headers["content-type"].startswith("text/html"))

    def test_saving_with_if_match_in_every_form(self):
        part, _ = self.new_exercise(templates={"index.html": b"v0"})
        etag = self.files(self.s, part)["index.html"]["etag"]
        status, r, _ = self.put(self.s, part, "index.html", b"v1", f'"{etag}"')
        self.assertEqual(status, 200, r)
        self.assertEqual((r["result"], r["changed"]), ("saved", True))
        self.assertEqual(self.files(self.s, part)["index.html"]["etag"], r["etag"])
        status, again, _ = self.put(self.s, part, "index.html", b"v1", f'"{r["etag"]}"')
        self.assertEqual((status, again["result"], again["etag"]), (200, "no-changes", r["etag"]))
        status, r2, _ = self.put(self.s, part, "index.html", b"v2", r["etag"])  # bare
        self.assertEqual((status, r2["result"]), (200, "saved"))
        status, r3, _ = self.put(self.s, part, "index.html", b"v3", f'W/"{r2["etag"]}"')
        self.assertEqual((status, r3["result"]), (200, "saved"))
        # Apache's mod_deflate hands the browser "etag-gzip" on a compressed GET.
        status, r35, _ = self.put(self.s, part, "index.html", b"v3.5", f'"{r3["etag"]}-gzip"')
        self.assertEqual((status, r35["result"]), (200, "saved"))
        status, r4, _ = self.put(self.s, part, "index.html", b"v0", "*")
        self.assertEqual((status, r4["result"], r4["changed"]), (200, "saved", False))
        status, new, _ = self.put(self.s, part, "notes.md", b"# notes", "*")
        self.assertEqual((status, new["result"], new["changed"]), (200, "saved", True))
        self.assertEqual(self.files(self.s, part)["notes.md"]["mimetype"], "text/markdown")
        self.assertEqual(self.content(self.s, part, "index.html")[0], b"v0")

    def test_a_save_without_if_match_or_from_an_old_etag_changes_nothing(self):
        part, _ = self.new_exercise(templates={"index.html": b"v0"})
        old = self.files(self.s, part)["index.html"]["etag"]
        self.assertError(self.put(self.s, part, "index.html", b"x"), 428, "if_match_required")
        _, saved, _ = self.put(self.s, part, "index.html", b"tab one", f'"{old}"')
        body = self.assertError(self.put(self.s, part, "index.html", b"tab two", f'"{old}"'), 409, "file_changed")
        self.assertEqual(body["error"]["details"], {"etag": saved["etag"]})
        self.assertEqual(self.content(self.s, part, "index.html")[0], b"tab one")
        # A file that is gone: details.etag is null.
        _, made, _ = self.put(self.s, part, "extra.txt", b"e", "*")
        self.assertEqual(self.s.post(f"/api/v1/parts/{part}/files/reset", {"filename": "extra.txt"})[0], 200)
        body = self.assertError(self.put(self.s, part, "extra.txt", b"f", made["etag"]), 409, "file_changed")
        self.assertIsNone(body["error"]["details"]["etag"])

    def test_saves_from_the_same_etag_at_once_leave_one_winner_and_no_lost_update(self):
        part, _ = self.new_exercise(templates={"index.html": b"v0"})
        etag = self.files(self.s, part)["index.html"]["etag"]
        results = [None] * 8

        def save(i):
            results[i] = self.put(self.s, part, "index.html", f"tab {i}".encode(), f'"{etag}"')

        threads = [threading.Thread(target=save, args=(i,)) for i in range(len(results))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [i for i, r in enumerate(results) if r[0] == 200]
        self.assertEqual(len(winners), 1, [r[0] for r in results])
        self.assertEqual(sorted(r[0] for r in results), [200] + [409] * 7)
        self.assertEqual(self.content(self.s, part, "index.html")[0], f"tab {winners[0]}".encode())

    def test_too_large_and_bad_names_are_refused_and_change_nothing(self):
        part, _ = self.new_exercise(templates={"index.html": b"v0"})
        before = self.files(self.s, part)
        self.assertError(self.put(self.s, part, "big.txt", b"x" * (1024 * 1024 + 1), "*"), 413)
        self.assertEqual(self.put(self.s, part, "max.txt", b"x" * (1024 * 1024), "*")[0], 200)
        base = f"/api/v1/parts/{part}/files/"
        for bad in ["..%2Fx", "../x", "", "a" * 101, "a/b", "a%2Fb", "a%5Cb", "%00", "x%0A.txt", "caf%E9.css", ".."]:
            with self.subTest(name=bad):
                self.assertError(self.put(self.s, part, None, b"bad", "*", raw_path=base + bad), 400, "bad_filename")
                self.assertError(self.s.get(base + bad), 400, "bad_filename")
        self.assertError(self.s.post(f"/api/v1/parts/{part}/files/reset", {"filename": "../x"}), 400, "bad_filename")
        after = self.files(self.s, part)
        self.assertEqual(set(after), set(before) | {"max.txt"})
        self.assertEqual(after["index.html"], before["index.html"])
        self.assertEqual(self.put(self.s, part, "a" * 100, b"ok", "*")[0], 200)

    def test_nobody_reaches_anyone_elses_files(self):
        part, page = self.new_exercise(templates={"index.html": b"v0"})
        self.put(self.s, part, "secret.txt", b"mine", "*")
        other = self.server.client("student2")
        # Not a member of the module: every workspace route is a 404.
        for method, path in (("GET", "workspace"), ("GET", "files/secret.txt"), ("GET", "files/index.html"),
                             ("PUT", "files/index.html"), ("POST", "files/reset"), ("GET", "files.zip"),
                             ("DELETE", "preview-token")):
            with self.subTest(method=method, path=path):
                self.assertError(other.request(method, f"/api/v1/parts/{part}/{path}", raw=b"{}",
                                               headers={"If-Match": "*"}), 404, "not_found")
        # A member: their own workspace, never student1's files.
        run_cli("user", "add", self.server.config, "learner3@example.org", "Third", "--password", "learner3-pw",
                "--group", "Student")
        third = self.server.client()
        self.assertEqual(third.login("learner3@example.org", "learner3-pw")[0], 200)
        self.assertEqual(third.post("/api/v1/parts/1/enrol", {})[0], 200)
        self.assertEqual(set(self.files(third, part)), {"index.html"})
        self.assertError(third.get(f"/api/v1/parts/{part}/files/secret.txt"), 404)
        self.assertEqual(self.content(third, part, "index.html")[0], b"v0")
        self.assertError(self.server.client().get(f"/api/v1/parts/{part}/workspace"), 401)

    def test_only_three_pane_parts_have_a_workspace(self):
        part, page = self.new_exercise()
        text_part = next(c["id"] for c in self.s.get("/api/v1/parts/1")[1]["children"] if c["title"] == "HTML Structure")
        for node in (text_part, page, 1):
            with self.subTest(node=node):
                self.assertError(self.s.get(f"/api/v1/parts/{node}/workspace"), 404, "no_workspace")
                self.assertError(self.put(self.s, node, "a.txt", b"x", "*"), 404, "no_workspace")
        self.assertError(self.s.get("/api/v1/parts/999999/workspace"), 404, "not_found")

    def test_reset_one_file_or_all_of_them(self):
        part, _ = self.new_exercise(templates={"index.html": b"<p>0", "style.css": b"a{}"})
        files = self.files(self.s, part)
        self.put(self.s, part, "style.css", b"b{}", files["style.css"]["etag"])
        self.put(self.s, part, "index.html", b"<p>1", files["index.html"]["etag"])
        self.put(self.s, part, "mine.js", b"1", "*")
        self.assertTrue(self.files(self.s, part)["style.css"]["changed"])
        status, w, _ = self.s.post(f"/api/v1/parts/{part}/files/reset", {"filename": "style.css"})
        self.assertEqual(status, 200, w)
        by_name = {f["filename"]: f for f in w["files"]}
        self.assertEqual(set(by_name), {"index.html", "mine.js", "style.css"})
        self.assertFalse(by_name["style.css"]["changed"])
        self.assertTrue(by_name["index.html"]["changed"])
        self.assertTrue(w["preview_url"].startswith("/api/v1/preview/"))
        self.assertEqual(self.content(self.s, part, "style.css")[0], b"a{}")
        self.assertError(self.s.post(f"/api/v1/parts/{part}/files/reset", {"filename": "nope.txt"}), 404)
        self.assertError(self.s.post(f"/api/v1/parts/{part}/files/reset", {"filename": "x"}, csrf=False), 403, "csrf")
        status, w, _ = self.s.post(f"/api/v1/parts/{part}/files/reset", {})
        self.assertEqual(status, 200, w)
        self.assertEqual([(f["filename"], f["changed"]) for f in w["files"]],
                         [("index.html", False), ("style.css", False)])
        self.assertEqual(self.content(self.s, part, "index.html")[0], b"<p>0")

    def test_the_zip_holds_every_file_with_its_bytes(self):
        part, _ = self.new_exercise(templates={"index.html": b"<h1>Z</h1>", "style.css": b"h1{}"})
        self.t.patch(f"/api/v1/parts/{part}", {"title": "Café \"Zip\" ✓"})
        self.put(self.s, part, "café.js", "console.log('é')".encode(), "*")
        status, data, headers = self.s.get(f"/api/v1/parts/{part}/files.zip")
        self.assertEqual(status, 200, data)
        self.assertEqual(headers["content-type"], "application/zip")
        self.assertEqual(headers.get("transfer-encoding"), "chunked")
        disposition = headers["content-disposition"]
        self.assertTrue(disposition.startswith('attachment; filename="Caf_ _Zip_ _.zip"'), disposition)
        self.assertIn("filename*=UTF-8''Caf%C3%A9%20%22Zip%22%20%E2%9C%93.zip", disposition)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.assertIsNone(z.testzip())
            self.assertEqual(sorted(z.namelist()), sorted(["index.html", "café.js", "style.css"]))
            self.assertEqual(z.read("index.html"), b"<h1>Z</h1>")
            self.assertEqual(z.read("café.js"), "console.log('é')".encode())
        # An empty workspace is an empty, valid archive.
        self.s.post(f"/api/v1/parts/{part}/files/reset", {})
        for name in ("index.html", "style.css"):
            self.t.delete(f"/api/v1/assets/{next(a['id'] for a in self.t.get(f'/api/v1/parts/{part}/assets')[1]['items'] if a['filename'] == name)}")
        self.s.post(f"/api/v1/parts/{part}/files/reset", {})
        _, data, _ = self.s.get(f"/api/v1/parts/{part}/files.zip")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.assertEqual(z.namelist(), [])


if __name__ == "__main__":
    unittest.main()
