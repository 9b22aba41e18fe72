"""Export and import of ZIPs in the original WTE's format (issue 11,
shared/spec/export-format.md): round trips of the demo modules, ZIPs written
here in the original's format, every refusal leaving the database as it was,
who may, and the command line both ways."""
import io
import json
import os
import re
import struct
import unittest
import zipfile

from wte_testlib import ServerTestCase, run_cli

CROSSREF = re.compile(r":crossref:`(?:[^`<]*<)?\s*([^`<>]*?)\s*>?`")


def make_zip(entries):
    """entries: {name: bytes|str|dict}; dicts are written as JSON."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            if isinstance(data, dict):
                data = json.dumps(data)
            z.writestr(name, data)
    return buf.getvalue()


def lying_zip():
    """A ZIP bomb that declares 100 bytes for a content.json of 120 MB: only
    counting while unpacking catches it."""
    big = b" " * (120 * 1024 * 1024)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.json", big)
    data = bytearray(buf.getvalue())
    real, fake = struct.pack("<I", len(big)), struct.pack("<I", 100)
    at = data.find(real)
    while at >= 0:  # the local header's and the central directory's size
        data[at:at + 4] = fake
        at = data.find(real, at + 4)
    return bytes(data)


def node(id, type, title, children=None, assets=None, content="", label=None,
         display_mode=None, status="available", order=0):
    n = {"id": id, "type": type, "title": title, "status": status, "order": order,
         "content": content, "label": label, "display_mode": display_mode}
    if children is not None:
        n["children"] = children
    if assets is not None:
        n["assets"] = assets
    return n


class TransferTest(ServerTestCase):

    def setUp(self):
        self.teacher = self.server.client("teacher")

    # ---- reading the database directly, to compare trees exactly ----

    def db(self):
        return self.server.database()

    def tree(self, root):
        """The subtree of `root` as nested dicts, children in order."""
        with self.db() as c:
            def load(pid):
                type_, title, status, label, mode, content = c.execute(
                    "SELECT type, title, status, label, display_mode, content FROM parts "
                    "WHERE id = ?", (pid,)).fetchone()
                assets = [dict(zip(("filename", "mimetype", "kind", "ord", "data"), r))
                          for r in c.execute(
                              "SELECT filename, mimetype, kind, ord, data FROM assets "
                              "WHERE part_id = ? ORDER BY kind, ord", (pid,))]
                quizzes = [r for r in c.execute(
                    "SELECT quiz_id, quiz_title, question_id, ord, question, type, answers, "
                    "correct FROM quiz_questions WHERE part_id = ? ORDER BY quiz_id, ord",
                    (pid,))]
                children = [load(r[0]) for r in c.execute(
                    "SELECT id FROM parts WHERE parent_id = ? ORDER BY ord", (pid,))]
                return {"id": pid, "type": type_, "title": title, "status": status,
                        "label": label, "display_mode": mode, "content": content,
                        "assets": assets, "quizzes": quizzes, "children": children}
            return load(root)

    def row_counts(self):
        with self.db() as c:
            return c.row_counts()

    def ids(self, tree):
        out = [tree["id"]]
        for c in tree["children"]:
            out += self.ids(c)
        return out

    def export(self, part, client=None):
        status, body, headers = (client or self.teacher).get(f"/api/v1/parts/{part}/export")
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["content-type"], "application/zip")
        return body, headers

    def import_zip(self, data, parent=None, client=None):
        path = "/api/v1/import" + (f"?parent_id={parent}" if parent else "")
        return (client or self.teacher).request(
            "POST", path, raw=data, headers={"Content-Type": "application/zip"})

    def assertSameTree(self, old, new, id_map):
        """new is old imported again: same shape, titles, assets, quizzes;
        content with crossrefs inside mapped and the others external."""
        self.assertEqual(new["type"], old["type"])
        self.assertEqual(new["title"], old["title"])
        self.assertEqual(new["label"], old["label"])
        self.assertEqual(new["display_mode"], old["display_mode"])
        self.assertEqual(new["status"], "available" if old["type"] == "page" else "unavailable")

        def mapped(m):
            target = m.group(1)
            new_target = str(id_map[int(target)]) if target.isdigit() and int(
                target) in id_map else "external"
            return m.group(0).replace(target, new_target) if target.isdigit() else m.group(0)
        self.assertEqual(new["content"], CROSSREF.sub(mapped, old["content"]))
        self.assertEqual(new["assets"], old["assets"])
        self.assertEqual(new["quizzes"], old["quizzes"])
        self.assertEqual(len(new["children"]), len(old["children"]))
        for o, n in zip(old["children"], new["children"]):
            self.assertSameTree(o, n, id_map)

    # ---- round trip ----

    def test_every_demo_module_exported_and_imported_again_is_the_same(self):
        with self.db() as c:
            # The demo's modules, not those other tests imported.
            modules = [r[0] for r in c.execute(
                "SELECT MIN(id) FROM parts WHERE type = 'module' AND title IN "
                "('Web Development Basics', 'JavaScript in Practice') GROUP BY title")]
        self.assertGreaterEqual(len(modules), 2)
        for module in modules:
            with self.subTest(module=module):
                old = self.tree(module)
                data, headers = self.export(module)
                self.assertIn(f'filename="{old["title"]}.zip"', headers["content-disposition"])
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    content = json.loads(z.read("content.json"))
                    self.assertEqual(content["id"], 0)

                    def local_ids(n):
                        return [n["id"]] + [i for c in n.get("children", [])
                                            for i in local_ids(c)]
                    self.assertEqual(local_ids(content), list(range(len(self.ids(old)))))
                    for a in [a for n in self.walk(content) for a in n.get("assets", [])]:
                        self.assertIn(f"assets/{a['id']}", z.namelist())
                status, body, _ = self.import_zip(data)
                self.assertEqual(status, 201, body)
                self.assertEqual(body["created"]["type"], "module")
                self.assertEqual(body["created"]["title"], old["title"])
                new = self.tree(body["created"]["id"])
                self.assertEqual(body["parts"] + body["pages"] + 1, len(self.ids(new)))
                self.assertEqual(body["assets"], sum(len(n["assets"]) for n in self.walk(old)))
                self.assertSameTree(old, new, dict(zip(self.ids(old), self.ids(new))))
                status, view, _ = self.teacher.get(f"/api/v1/parts/{body['created']['id']}")
                self.assertEqual(view["my_role"], "owner")

    def walk(self, n):
        yield n
        for c in n.get("children", []):
            yield from self.walk(c)

    def test_the_demo_crossrefs_inside_are_remapped_and_outside_ones_external(self):
        data, _ = self.export(1)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = json.loads(z.read("content.json"))
        everything = [n for n in self.walk(content) if n["title"] == "Everything WTE Can Show"][0]
        html = [n for n in self.walk(content) if n["title"] == "HTML Structure"][0]
        self.assertIn(f":crossref:`{html['id']}`", everything["content"])
        self.assertIn(f":crossref:`the HTML part <{html['id']}>`", everything["content"])
        self.assertIn(":crossref:`external`", everything["content"])

    def test_a_part_goes_into_another_module_and_a_page_into_a_part(self):
        with self.db() as c:
            part = c.execute("SELECT id FROM parts WHERE title = 'HTML Structure'").fetchone()[0]
            page = c.execute("SELECT id FROM parts WHERE title = 'Lists and Nesting'").fetchone()[0]
            events = c.execute("SELECT id FROM parts WHERE title = 'Events'").fetchone()[0]
        data, headers = self.export(part)
        self.assertIn('filename="HTML Structure.zip"', headers["content-disposition"])
        with self.db() as c:
            js = c.execute("SELECT id FROM parts WHERE title = 'JavaScript in Practice' "
                           "ORDER BY id LIMIT 1").fetchone()[0]
        status, body, _ = self.import_zip(data, parent=js)
        self.assertEqual(status, 201, body)
        new = self.tree(body["created"]["id"])
        self.assertSameTree(self.tree(part), new,
                            dict(zip(self.ids(self.tree(part)), self.ids(new))))
        page_zip, _ = self.export(page)
        status, body, _ = self.import_zip(page_zip, parent=events)
        self.assertEqual(status, 201, body)
        self.assertEqual(body, {"created": {"id": body["created"]["id"], "type": "page",
                                            "title": "Lists and Nesting"},
                                "parts": 0, "pages": 1, "assets": 0})

    # ---- the original's format ----

    def original_zip(self):
        return make_zip({
            "content.json": node(0, "module", "Alte Schule / 2019", content="Old module", children=[
                node(1, "tutorial", "Grundlagen", order=1, children=[
                    node(2, "task", "Erste Aufgabe", content=(
                        "See :crossref:`3`, :crossref:`the exercise <4>` and "
                        ":crossref:`gone <external>`.\n\n"
                        ".. quiz:: q1\n   :title: Check\n\n"
                        "   .. quiz-question:: a1\n      :question: Which?\n"
                        "      :type: single-choice\n\n"
                        "      [x] This\n      [ ] That\n")),
                    node(3, "page", "Zweite Seite", order=1, display_mode="text_only"),
                ]),
                node(4, "exercise", "Übung", order=0, label="Praxis",
                     assets=[{"id": 0, "filename": "index.html", "mimetype": "text/html",
                              "type": "template", "order": 0},
                             {"id": 1, "filename": "bild.png", "mimetype": "image/png",
                              "type": "asset", "order": 0}]),
            ]),
            "assets/0": "<h1>Hallo</h1>",
            "assets/1": b"\x89PNG\r\n\x1a\n fake",
        })

    def test_a_zip_of_the_original_with_legacy_types_imports(self):
        status, body, _ = self.import_zip(self.original_zip())
        self.assertEqual(status, 201, body)
        self.assertEqual(body["parts"], 2)
        self.assertEqual(body["pages"], 2)
        self.assertEqual(body["assets"], 2)
        tree = self.tree(body["created"]["id"])
        self.assertEqual(tree["title"], "Alte Schule / 2019")
        self.assertEqual(tree["status"], "unavailable")
        exercise, basics = tree["children"]  # by their order
        self.assertEqual((exercise["type"], exercise["label"]), ("part", "Praxis"))
        self.assertEqual((basics["type"], basics["label"]), ("part", "Tutorial"))
        self.assertEqual(basics["display_mode"], "three_pane_html")
        first, second = basics["children"]
        self.assertEqual((first["type"], first["status"]), ("page", "available"))
        self.assertEqual(second["display_mode"], "text_only")
        self.assertEqual(first["content"].split("\n")[0],
                         f"See :crossref:`{second['id']}`, :crossref:`the exercise "
                         f"<{exercise['id']}>` and :crossref:`gone <external>`.")
        self.assertEqual(len(first["quizzes"]), 1)
        self.assertEqual([(a["filename"], a["kind"], a["data"]) for a in exercise["assets"]],
                         [("bild.png", "asset", b"\x89PNG\r\n\x1a\n fake"),
                          ("index.html", "template", b"<h1>Hallo</h1>")])

    def test_an_exercise_without_a_label_is_labelled_exercise(self):
        data = make_zip({"content.json": node(0, "module", "M", children=[
            node(1, "exercise", "E", children=[node(2, "task", "T")])])})
        status, body, _ = self.import_zip(data)
        self.assertEqual(status, 201, body)
        tree = self.tree(body["created"]["id"])
        self.assertEqual(tree["children"][0]["label"], "Exercise")
        self.assertEqual(tree["children"][0]["children"][0]["type"], "page")

    def test_the_export_of_an_imported_module_names_its_zip_with_slashes_replaced(self):
        status, body, _ = self.import_zip(self.original_zip())
        self.assertEqual(status, 201, body)
        _, headers = self.export(body["created"]["id"])
        self.assertIn('filename="Alte Schule _ 2019.zip"', headers["content-disposition"])
        self.assertIn("filename*=UTF-8''Alte%20Schule%20_%202019.zip",
                      headers["content-disposition"])

    # ---- refusals: a clear 400 and nothing changed ----

    def assertRefused(self, data, message, parent=None):
        before = self.row_counts()
        status, body, _ = self.import_zip(data, parent=parent)
        self.assertEqual(status, 400, body)
        self.assertIn(message, body["error"]["message"])
        self.assertEqual(self.row_counts(), before)
        return body["error"]["message"]

    def test_refusals_leave_every_table_as_it_was(self):
        good = node(0, "module", "M", children=[node(1, "part", "P", children=[
            node(2, "page", "Q", assets=[{"id": 0, "filename": "a.txt", "mimetype": "text/plain",
                                          "type": "asset", "order": 0}])])])
        cases = {
            "not a zip": (b"this is not a zip file", "not a ZIP archive"),
            "empty body": (b"", "not a ZIP archive"),
            "no content.json": (make_zip({"readme.txt": "hi"}), "has no content.json"),
            "empty zip": (make_zip({}), "nothing to import"),
            "empty content.json": (make_zip({"content.json": "{}"}), "nothing to import"),
            "not JSON": (make_zip({"content.json": "{\"id\": 0,"}), "not valid JSON"),
            "wrong field": (make_zip({"content.json": node(0, "module", "M", children=[
                node(1, "part", "P"), node(2, "part", 42)])}), "children[1].title must be text"),
            "wrong type": (make_zip({"content.json": node(0, "chapter", "M")}),
                           "type must be module, part or page"),
            "wrong shape": (make_zip({"content.json": node(0, "module", "M", children=[
                node(1, "page", "P")])}), "children[0]: A page goes inside a part"),
            "asset missing": (make_zip({"content.json": good}),
                              "has no assets/0 for the file a.txt"),
            "invalid UTF-8": (make_zip({"content.json": json.dumps(good).encode().replace(
                b'"Q"', b'"Q\xff"'), "assets/0": "x"}), "not valid UTF-8"),
            "dot dot": (make_zip({"content.json": good, "assets/0": "x", "../evil": "x"}),
                        "has an absolute path or \"..\""),
            "absolute": (make_zip({"content.json": good, "assets/0": "x", "/etc/evil": "x"}),
                         "has an absolute path or \"..\""),
            "asset over the upload limit": (make_zip({"content.json": good,
                                                      "assets/0": b"\0" * (10485760 + 1)}),
                                            "more than the upload limit"),
            "zip bomb": (make_zip({"content.json": good, "assets/0": "x", **{
                f"filler/{i}": b"\0" * 9_000_000 for i in range(12)}}),
                         "unpacks to more than 100 MB"),
            "zip bomb lying about its sizes": (lying_zip(), "unpacks to more than 100 MB"),
        }
        for name, (data, message) in cases.items():
            with self.subTest(name):
                self.assertRefused(data, message)

    def test_a_page_cannot_be_imported_into_a_module_nor_a_part_at_the_top(self):
        page = make_zip({"content.json": node(0, "page", "Lonely")})
        self.assertEqual(self.assertRefused(page, "A page can only be imported into a part",
                                            parent=1),
                         "A page can only be imported into a part")
        self.assertRefused(make_zip({"content.json": node(0, "part", "P")}),
                           "A part can only be imported into a module")
        self.assertRefused(make_zip({"content.json": node(0, "module", "M")}),
                           "A module can only be imported at the top level", parent=1)

    def test_a_body_over_the_upload_limit_is_refused_before_reading(self):
        before = self.row_counts()
        status, body, _ = self.import_zip(os.urandom(10485760 + 1))
        self.assertEqual(status, 413, body)
        self.assertEqual(self.row_counts(), before)

    # ---- who may ----

    def test_a_student_may_neither_export_nor_import(self):
        student = self.server.client("student1")
        before = self.row_counts()
        for part in (1, 2):
            status, body, _ = student.get(f"/api/v1/parts/{part}/export")
            self.assertEqual(status, 403, body)
        data = make_zip({"content.json": node(0, "module", "M")})
        self.assertEqual(self.import_zip(data, client=student)[0], 403)
        part_zip = make_zip({"content.json": node(0, "part", "P")})
        self.assertEqual(self.import_zip(part_zip, parent=1, client=student)[0], 403)
        self.assertEqual(self.row_counts(), before)

    def test_signed_out_nobody_exports(self):
        from wte_testlib import Client
        self.assertEqual(Client(self.server.port).get("/api/v1/parts/1/export")[0], 401)

    # ---- the command line ----

    def test_the_command_line_exports_and_imports(self):
        path = os.path.join(self.server.dir.name, "cli-export.zip")
        p = run_cli("export", self.server.config, "1", path)
        self.assertIn("Exported module 1", p.stdout)
        with zipfile.ZipFile(path) as z:
            self.assertEqual(json.loads(z.read("content.json"))["title"], "Web Development Basics")
        p = run_cli("import", self.server.config, path, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("needs --owner EMAIL", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1)
        p = run_cli("import", self.server.config, path, "--owner", "teacher@example.org")
        new_id = int(re.search(r"Imported module (\d+)", p.stdout).group(1))
        old = self.tree(1)
        new = self.tree(new_id)
        self.assertSameTree(old, new, dict(zip(self.ids(old), self.ids(new))))
        status, view, _ = self.teacher.get(f"/api/v1/parts/{new_id}")
        self.assertEqual(view["my_role"], "owner")

        bad = os.path.join(self.server.dir.name, "bad.zip")
        with open(bad, "wb") as f:
            f.write(make_zip({"content.json": node(0, "page", "P")}))
        before = self.row_counts()
        p = run_cli("import", self.server.config, bad, "--parent", "1", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("A page can only be imported into a part", p.stderr)
        self.assertEqual(self.row_counts(), before)
        p = run_cli("export", self.server.config, "999999", path, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("Part 999999 does not exist", p.stderr)


if __name__ == "__main__":
    unittest.main()
