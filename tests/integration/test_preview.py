"""The preview frame's capability URLs: the sandbox headers on every answer,
the agent injected into HTML only, the part's assets, plain 404s, one
learner's token never showing another's files, revocation, no cookie
needed, and the API refusing requests from sandboxed frames (Origin: null)."""
import unittest
import urllib.parse

from wte_testlib import Client, ServerTestCase

PREVIEW_HEADERS = {
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "cross-origin-resource-policy": "cross-origin",
    "access-control-allow-origin": "*",
}


class PreviewTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server.client("student1")
        cls.part = next(c["id"] for c in s.get("/api/v1/parts/1")[1]["children"] if c["title"] == "Your Own Home Page")

    def setUp(self):
        self.s = self.server.client("student1")

    def preview_url(self, client=None):
        status, w, _ = (client or self.s).get(f"/api/v1/parts/{self.part}/workspace")
        self.assertEqual(status, 200, w)
        return w["preview_url"]

    def fetch(self, url, **headers):
        """As the frame does: no cookie, no CSRF token."""
        return Client(self.server.port).request("GET", url, headers=headers)

    def assertPreviewHeaders(self, headers):
        for name, value in PREVIEW_HEADERS.items():
            self.assertEqual(headers.get(name), value, name)
        csp = headers["content-security-policy"]
        self.assertTrue(csp.startswith("sandbox allow-scripts allow-forms allow-modals allow-popups;"), csp)
        self.assertNotIn("allow-same-origin", csp)
        self.assertIn("frame-ancestors 'self' http://localhost:8080", csp)

    def assertPlain404(self, response):
        status, body, headers = response
        self.assertEqual(status, 404, body)
        self.assertTrue(headers["content-type"].startswith("text/plain"), headers)
        self.assertPreviewHeaders(headers)

    def test_index_html_has_the_agent_and_crossorigin_and_the_headers(self):
        url = self.preview_url()
        status, body, headers = self.fetch(url)
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["content-type"].startswith("text/html"), headers)
        self.assertPreviewHeaders(headers)
        html = body.decode()
        head = html.index("<head>") + len("<head>")
        self.assertTrue(html[head:].startswith("<script>(function () {"), html[:300])
        self.assertIn("wte: 'hello'", html)
        self.assertIn('<link crossorigin="anonymous" rel="stylesheet" href="style.css">', html)
        self.assertIn('<script crossorigin="anonymous" src="script.js"></script>', html)
        self.assertIn('<img src="assets/logo.png"', html)
        # The directory itself is index.html too.
        self.assertEqual(self.fetch(url[: -len("index.html")])[1], body)

    def test_css_and_js_are_served_as_they_are(self):
        base = self.preview_url()[: -len("index.html")]
        status, css, headers = self.fetch(base + "style.css")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/css"))
        self.assertPreviewHeaders(headers)
        self.assertNotIn(b"wte", css)
        status, js, headers = self.fetch(base + "script.js")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/javascript"))
        self.assertEqual(js, b'// Runs when the page loads; the line appears in the console under the preview.\n'
                             b'console.log("Hello from script.js!");\n')

    def test_the_parts_assets_are_served_with_their_type(self):
        base = self.preview_url()[: -len("index.html")]
        status, png, headers = self.fetch(base + "assets/logo.png")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/png")
        self.assertTrue(png.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertPreviewHeaders(headers)

    def test_wrong_names_and_tokens_are_plain_404s_with_the_headers(self):
        base = self.preview_url()[: -len("index.html")]
        for path in ("nope.html", "assets/nope.png", "assets/", "a/b/c", "assets/logo.png/x", "..%2Fstyle.css",
                     "%FF", "assets/%C3%28.png"):  # names that are not UTF-8
            with self.subTest(path=path):
                self.assertPlain404(self.fetch(base + path))
        self.assertPlain404(self.fetch("/api/v1/preview/not-a-token/index.html"))
        self.assertPlain404(self.fetch("/api/v1/preview/"))

    def test_a_learners_token_never_shows_another_learners_files(self):
        other = self.server.client("student2")
        self.assertEqual(other.post("/api/v1/parts/1/enrol", {})[0], 200)
        mine = self.preview_url()
        theirs = self.preview_url(other)
        etag = {f["filename"]: f["etag"] for f in other.get(f"/api/v1/parts/{self.part}/workspace")[1]["files"]}
        other.request("PUT", f"/api/v1/parts/{self.part}/files/index.html", raw=b"<p>student2's page</p>",
                      headers={"If-Match": etag["index.html"]})
        other.request("PUT", f"/api/v1/parts/{self.part}/files/only-b.txt", raw=b"b", headers={"If-Match": "*"})
        self.assertIn(b"student2's page", self.fetch(theirs)[1])
        self.assertNotIn(b"student2's page", self.fetch(mine)[1])
        self.assertPlain404(self.fetch(mine[: -len("index.html")] + "only-b.txt"))
        self.assertEqual(self.fetch(theirs[: -len("index.html")] + "only-b.txt")[1], b"b")

    def test_a_revoked_token_is_gone_and_the_next_one_works(self):
        old = self.preview_url()
        self.assertEqual(self.fetch(old)[0], 200)
        self.assertError(self.s.delete(f"/api/v1/parts/{self.part}/preview-token", csrf=False), 403, "csrf")
        status, body, _ = self.s.delete(f"/api/v1/parts/{self.part}/preview-token")
        self.assertEqual(status, 200, body)
        self.assertGreaterEqual(body["revoked"], 1)
        self.assertPlain404(self.fetch(old))
        new = self.preview_url()
        self.assertNotEqual(new, old)
        self.assertEqual(self.fetch(new)[0], 200)

    def test_the_preview_needs_no_cookie_and_ignores_one(self):
        url = self.preview_url()
        without = self.fetch(url)
        status, with_cookie, _ = self.s.request("GET", url)
        self.assertEqual((without[0], status), (200, 200))
        self.assertEqual(without[1], with_cookie)
        self.assertNotIn("set-cookie", without[2])
        # A sandboxed page sends Origin: null, and its files still load.
        self.assertEqual(self.fetch(url, Origin="null")[0], 200)

    def test_the_api_refuses_sandboxed_frames(self):
        self.assertError(self.s.request("GET", "/api/v1/auth/me", headers={"Origin": "null"}), 403, "null_origin")
        self.assertError(self.s.request("PUT", f"/api/v1/parts/{self.part}/files/index.html", raw=b"pwned",
                                        headers={"Origin": "null", "If-Match": "*"}), 403, "null_origin")
        self.assertNotIn(b"pwned", self.fetch(self.preview_url())[1])
        self.assertEqual(self.s.request("GET", "/api/v1/auth/me", headers={"Origin": "http://localhost:8080"})[0], 200)


if __name__ == "__main__":
    unittest.main()
