"""The offline copy of a module (GET /parts/{id}/offline.zip): a static website
of what the reader may see — index, one HTML file per page, quizzes without
their answers, highlighted code and math, the assets byte for byte, links that
all resolve inside the ZIP — that a browser opens from disk (a screenshot by
headless Chromium of a page opened by file://)."""
import html.parser
import io
import os
import posixpath
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import zipfile
import zlib

from wte_testlib import ServerTestCase

CHROMIUM = "/usr/bin/chromium"
# Where the screenshot stays for people to look at (build/ is not committed).
SCREENSHOT = os.path.join(os.path.dirname(__file__), "..", "..", "build", "screenshots",
                          "offline-page.png")
EXTERNAL = ("http://", "https://", "mailto:")


class Links(html.parser.HTMLParser):
    """Every href and src of a page, and every id it defines."""

    def __init__(self):
        super().__init__()
        self.urls, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append((tag, value))
            if name == "id":
                self.ids.add(value)


def links_of(text):
    p = Links()
    p.feed(text)
    return p


def png_pixels(data):
    """(width, height, rows of RGB(A) pixel tuples) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return width, height, rows


class OfflineCopyTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        t = cls.server.client("teacher")

        def page(title, content, status="available"):
            status_, body, _ = t.post("/api/v1/parts", {
                "type": "page", "parent_id": 4, "title": title, "content": content,
                "status": status})
            assert status_ == 201, body
            return body["id"]

        cls.hidden = page("Draft Not Yet Released", "Draft Not Yet Released\n======\n\nSecret.\n",
                          "unavailable")
        cls.linking = page("Links Between Pages", (
            "Links Between Pages\n===================\n\n"
            "Back to :crossref:`the lists page <6>`, to :crossref:`5` and to the "
            f"draft :crossref:`{cls.hidden}`.\n\n.. image:: diagram.png\n   :alt: Our own diagram\n"))
        # Same name as the asset of "Everything WTE Can Show", other bytes: two files in the ZIP.
        cls.own_diagram = b"\x89PNG\r\n\x1a\n" + b"our own diagram" * 10
        status, body, _ = t.request(
            "POST", f"/api/v1/parts/{cls.linking}/assets?filename=diagram.png&type=asset",
            raw=cls.own_diagram, headers={"Content-Type": "application/octet-stream"})
        assert status == 201, body

        s = cls.server.client("student1")
        status, data, headers = s.get("/api/v1/parts/1/offline.zip")
        assert status == 200, (status, data)
        cls.headers = headers
        cls.zip_bytes = data
        cls.zip = zipfile.ZipFile(io.BytesIO(data))
        cls.names = cls.zip.namelist()
        cls.student = s

    def text(self, name):
        return self.zip.read(name).decode("utf-8")

    def page_named(self, fragment):
        found = [n for n in self.names if n.startswith("pages/") and fragment in n]
        self.assertEqual(len(found), 1, (fragment, self.names))
        return found[0]

    def test_a_zip_named_after_the_module(self):
        self.assertEqual(self.headers["content-type"], "application/zip")
        self.assertIn('filename="Web Development Basics.zip"', self.headers["content-disposition"])
        self.assertIn("index.html", self.names)
        self.assertIn("style.css", self.names)
        self.assertEqual(len(self.names), len(set(self.names)))
        for name in self.names:
            self.assertRegex(name, r"^(index\.html|style\.css|pages/\d{3}-[a-z0-9-]+\.html|assets/[A-Za-z0-9._-]+)$")

    def test_the_index_lists_the_pages_the_student_may_see_and_not_the_draft(self):
        index = self.text("index.html")
        for title in ("Welcome to the Web", "Everything WTE Can Show",
                      "The Structure of an HTML Document", "Lists and Nesting", "Styling with CSS",
                      "Check Your Understanding", "Exercise: Your Own Home Page",
                      "Links Between Pages", "HTML Structure", "Getting Started"):
            self.assertIn(title, index)
        pages = [n for n in self.names if n.startswith("pages/")]
        self.assertEqual(len(pages), 8)
        for name in self.names:
            if name.endswith(".html"):
                self.assertNotIn("Draft Not Yet Released", self.text(name), name)
                self.assertNotIn("Secret.", self.text(name), name)
        # Reading order, nested: the pages of "Getting Started" come before those of "HTML Structure".
        self.assertLess(index.index("Everything WTE Can Show"), index.index("Lists and Nesting"))
        self.assertIn("<ol>", index[index.index("HTML Structure"):])

    def test_the_teacher_copy_holds_the_draft_too(self):
        t = self.server.client("teacher")
        status, data, _ = t.get("/api/v1/parts/1/offline.zip")
        self.assertEqual(status, 200)
        z = zipfile.ZipFile(io.BytesIO(data))
        self.assertIn("Draft Not Yet Released", z.read("index.html").decode())
        self.assertEqual(len([n for n in z.namelist() if n.startswith("pages/")]), 9)

    def test_a_quiz_page_has_the_questions_but_not_the_solutions(self):
        quiz = self.text(self.page_named("check-your-understanding"))
        self.assertIn("Which element has no closing tag?", quiz)
        self.assertIn("Which elements make lists?", quiz)
        self.assertIn('type="radio"', quiz)
        self.assertIn('type="checkbox"', quiz)
        self.assertIn("<code>img</code>", quiz)
        for marker in ("[x]", "[X]", "checked", "correct", "solution"):
            self.assertNotIn(marker, quiz)
        self.assertNotIn("<script", quiz)
        self.assertNotIn("<button", quiz)  # nobody checks answers offline

    def test_content_code_and_math_are_rendered(self):
        everything = self.text(self.page_named("everything-wte-can-show"))
        self.assertIn('<h1 class="title">Everything WTE Can Show</h1>', everything)
        self.assertIn("<strong>strong</strong>", everything)
        self.assertIn('class="tok-keyword"', everything)
        self.assertIn("<math", everything)
        self.assertIn('<link rel="stylesheet" href="../style.css">', everything)
        self.assertIn('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"', everything)
        for name in self.names:
            if name.endswith(".html"):
                self.assertNotIn("<script", self.text(name), name)
                self.assertNotIn("<iframe", self.text(name), name)  # nothing loads from elsewhere

    def test_assets_are_in_the_zip_byte_for_byte_and_linked_relatively(self):
        t = self.server.client("teacher")
        _, assets, _ = t.get("/api/v1/parts/14/assets")
        by_name = {a["filename"]: a for a in assets["items"]}
        everything = self.text(self.page_named("everything-wte-can-show"))
        for name in ("diagram.png", "handout.pdf"):
            _, online, _ = t.get(f"/api/v1/assets/{by_name[name]['id']}/content")
            self.assertEqual(self.zip.read("assets/" + name), online)
        self.assertIn('src="../assets/diagram.png"', everything)
        self.assertIn('href="../assets/handout.pdf"', everything)
        # The other diagram.png, of the new page, under a name of its own.
        linking = self.text(self.page_named("links-between-pages"))
        own = re.search(r'src="\.\./(assets/[^"]+)"', linking).group(1)
        self.assertNotEqual(own, "assets/diagram.png")
        self.assertEqual(self.zip.read(own), self.own_diagram)

    def test_every_link_resolves_inside_the_zip(self):
        ids = {n: links_of(self.text(n)).ids for n in self.names if n.endswith(".html")}
        checked = 0
        for name in ids:
            for tag, url in links_of(self.text(name)).urls:
                if url.startswith(EXTERNAL):
                    continue
                path, _, fragment = url.partition("#")
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
                self.assertIn(target, self.names, f"{name}: <{tag}> {url}")
                if fragment and target.endswith(".html"):
                    self.assertIn(fragment, ids[target], f"{name}: {url}")
                checked += 1
        self.assertGreater(checked, 40)

    def test_cross_references_previous_next_and_the_way_back(self):
        linking = self.text(self.page_named("links-between-pages"))
        lists = self.page_named("lists-and-nesting")
        structure = self.page_named("structure-of-an-html")
        self.assertIn(f'href="../{lists}">the lists page</a>', linking)
        self.assertIn(f'href="../{structure}">The Structure of an HTML Document</a>', linking)
        # The draft is not in the copy: the link goes to the server, without its title.
        self.assertIn(f'href="http://localhost:8080/#/parts/{self.hidden}">Part {self.hidden}</a>',
                      linking)
        pages = sorted(n for n in self.names if n.startswith("pages/"))
        first, second, last = self.text(pages[0]), self.text(pages[1]), self.text(pages[-1])
        self.assertNotIn('rel="prev"', first)
        self.assertIn(f'rel="next" href="../{pages[1]}"', first)
        self.assertIn(f'rel="prev" href="../{pages[0]}"', second)
        self.assertNotIn('rel="next"', last)
        for p in pages:
            self.assertIn('href="../index.html"', self.text(p))
        everything = self.text(self.page_named("everything-wte-can-show"))
        self.assertIn('href="../index.html#part-4"', everything)  # a crossref to a part

    def test_readers_outside_the_module_are_refused(self):
        learner = self.server.new_learner(module=1)
        # "Events" belongs to "JavaScript in Practice", which this learner has not taken.
        self.assertError(learner.get("/api/v1/parts/12/offline.zip"), 403)
        self.assertError(learner.get(f"/api/v1/parts/{self.hidden}/offline.zip"), 403)
        self.assertError(self.server.client().get("/api/v1/parts/1/offline.zip"), 401)
        self.assertError(learner.get("/api/v1/parts/99999/offline.zip"), 404)
        # Its front page is open to anyone signed in, as GET /parts/11 is: an index, no pages.
        status, data, _ = learner.get("/api/v1/parts/11/offline.zip")
        self.assertEqual(status, 200)
        z = zipfile.ZipFile(io.BytesIO(data))
        self.assertFalse([n for n in z.namelist() if n.startswith("pages/")])
        self.assertNotIn("Events", z.read("index.html").decode())

    def test_a_part_copy_holds_only_that_part(self):
        status, data, headers = self.student.get("/api/v1/parts/4/offline.zip")
        self.assertEqual(status, 200)
        self.assertIn('filename="HTML Structure.zip"', headers["content-disposition"])
        z = zipfile.ZipFile(io.BytesIO(data))
        pages = [n for n in z.namelist() if n.startswith("pages/")]
        self.assertEqual(len(pages), 5)
        self.assertNotIn("Welcome to the Web", z.read("index.html").decode())

    @unittest.skipUnless(os.path.exists(CHROMIUM), "Chromium is not installed")
    def test_a_page_opens_from_disk_in_a_browser(self):
        with tempfile.TemporaryDirectory(prefix="wte-offline-") as folder:
            self.zip.extractall(folder)
            page = os.path.join(folder, self.page_named("everything-wte-can-show"))
            shot = os.path.join(folder, "page.png")
            profile = os.path.join(folder, "profile")
            subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                            "--hide-scrollbars", f"--user-data-dir={profile}",
                            "--window-size=1000,1400", f"--screenshot={shot}", "file://" + page],
                           capture_output=True, timeout=120)
            self.assertTrue(os.path.exists(shot), "Chromium wrote no screenshot")
            with open(shot, "rb") as f:
                data = f.read()
            os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
            shutil.copyfile(shot, SCREENSHOT)
        width, height, rows = png_pixels(data)
        self.assertEqual((width, height), (1000, 1400))
        background = rows[5][5]
        self.assertGreater(sum(c > 0xf0 for c in background), 2, "a light background")
        inked = sum(1 for row in rows for px in row if max(abs(a - b) for a, b in zip(px, background)) > 64)
        self.assertGreater(inked, width * height // 100, "the page shows text")
        # The stylesheet applies: the column is centred, so the left margin is blank.
        self.assertTrue(all(row[40] == background for row in rows), "no text in the margin")


if __name__ == "__main__":
    unittest.main()
