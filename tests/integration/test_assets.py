"""Assets over HTTP: upload as raw bytes, strong ETags and 304s, inheritance by
name from ancestors, sandboxed delivery, and clear errors that change nothing."""
import hashlib
import re
import struct
import unittest
import zlib

from wte_testlib import ServerTestCase

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


class AssetTests(ServerTestCase):
    def upload(self, client, part, name, data, kind="asset", **kw):
        return client.request("POST", f"/api/v1/parts/{part}/assets?filename={name}&type={kind}", raw=data,
                              headers={"Content-Type": "application/octet-stream"}, **kw)

    def test_upload_list_fetch_with_etag_and_304(self):
        t = self.server.client("teacher")
        status, asset, _ = self.upload(t, 1, "logo.png", PNG)
        self.assertEqual(status, 201, asset)
        self.assertEqual(asset["mimetype"], "image/png")
        self.assertEqual(asset["size"], len(PNG))
        self.assertIn(asset["id"], [a["id"] for a in t.get("/api/v1/parts/1/assets")[1]["items"]])
        status, body, headers = t.get(f"/api/v1/assets/{asset['id']}/content")
        self.assertEqual((status, body), (200, PNG))
        self.assertEqual(headers["content-type"], "image/png")
        etag = headers["etag"]
        self.assertTrue(etag.startswith('"') and etag.endswith('"'))
        status, body, _ = t.request("GET", f"/api/v1/assets/{asset['id']}/content", headers={"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        # new bytes, new ETag
        status, changed, _ = t.request("PUT", f"/api/v1/assets/{asset['id']}/content", raw=PNG + b"\0")
        self.assertEqual(status, 200)
        self.assertNotEqual('"' + changed["etag"] + '"', etag)

    def test_pages_find_assets_of_their_ancestors_by_name(self):
        t = self.server.client("teacher")
        self.upload(t, 1, "shared.txt", b"from the module")
        s = self.server.client("student1")
        status, body, headers = s.get("/api/v1/parts/3/assets/by-name/shared.txt")
        self.assertEqual((status, body), (200, b"from the module"))
        self.assertIn("sandbox", headers["content-security-policy"])
        self.assertError(s.get("/api/v1/parts/3/assets/by-name/missing.txt"), 404)

    def test_html_uploads_are_downloads_in_a_sandbox(self):
        t = self.server.client("teacher")
        _, asset, _ = self.upload(t, 1, "evil.html", b"<script>alert(1)</script>")
        _, _, headers = t.get(f"/api/v1/assets/{asset['id']}/content")
        self.assertTrue(headers["content-disposition"].startswith("attachment"))
        self.assertIn("sandbox", headers["content-security-policy"])
        self.assertEqual(headers["x-content-type-options"], "nosniff")

    def test_bad_uploads_are_refused_and_change_nothing(self):
        t = self.server.client("teacher")
        before = len(t.get("/api/v1/parts/2/assets")[1]["items"])
        self.assertError(self.upload(t, 2, "", b"x"), 400)
        self.assertError(self.upload(t, 2, "a%2Fb.txt", b"x"), 400)
        self.assertError(self.upload(t, 2, "ok.txt", b"x", kind="weird"), 400)
        self.assertEqual(self.upload(t, 2, "ok.txt", b"x")[0], 201)
        self.assertError(self.upload(t, 2, "ok.txt", b"y"), 409)
        self.assertError(self.upload(self.server.client("student1"), 2, "s.txt", b"x"), 403)
        self.assertEqual(len(t.get("/api/v1/parts/2/assets")[1]["items"]), before + 1)

    def test_rename_and_delete(self):
        t = self.server.client("teacher")
        _, a, _ = self.upload(t, 2, "old.css", b"body{}")
        self.assertEqual(a["mimetype"], "text/css")
        status, renamed, _ = t.patch(f"/api/v1/assets/{a['id']}", {"filename": "new.css"})
        self.assertEqual((status, renamed["filename"]), (200, "new.css"))
        self.assertError(t.patch(f"/api/v1/assets/{a['id']}", {"etag": "x"}), 400)
        self.assertError(self.server.client("student1").delete(f"/api/v1/assets/{a['id']}"), 403)
        self.assertEqual(t.delete(f"/api/v1/assets/{a['id']}")[0], 200)
        self.assertError(t.get(f"/api/v1/assets/{a['id']}"), 404)

    def test_the_etag_is_the_hash_of_the_bytes(self):
        # server/src/api/assets.cpp: the ETag is auth::content_hash of the bytes,
        # unkeyed BLAKE2b with a 16-byte digest, in hex, quoted in the header
        def blake2b_128(data):
            return hashlib.blake2b(data, digest_size=16).hexdigest()

        t = self.server.client("teacher")
        _, a1, _ = self.upload(t, 4, "same1.bin", b"same bytes")
        _, a2, _ = self.upload(t, 4, "same2.bin", b"same bytes")
        _, a3, _ = self.upload(t, 4, "other.bin", b"other bytes")
        self.assertEqual(a1["etag"], blake2b_128(b"same bytes"))
        self.assertEqual(a2["etag"], a1["etag"])
        self.assertEqual(a3["etag"], blake2b_128(b"other bytes"))
        _, _, headers = t.get(f"/api/v1/assets/{a3['id']}/content")
        self.assertEqual(headers["etag"], '"' + blake2b_128(b"other bytes") + '"')
        # replacing the bytes gives the hash of the new bytes
        status, replaced, _ = t.request("PUT", f"/api/v1/assets/{a3['id']}/content", raw=PNG)
        self.assertEqual((status, replaced["etag"]), (200, blake2b_128(PNG)))
        _, _, headers = t.get(f"/api/v1/assets/{a3['id']}/content")
        self.assertEqual(headers["etag"], '"' + blake2b_128(PNG) + '"')

    def everything_page(self, client):
        for c in client.get("/api/v1/parts/1")[1]["children"]:
            for p in client.get(f"/api/v1/parts/{c['id']}")[1]["children"]:
                if p["title"] == "Everything WTE Can Show":
                    return p["id"]
        self.fail("the demo has no page called Everything WTE Can Show")

    def test_the_demo_page_serves_the_diagram_and_handout_it_names(self):
        s = self.server.client("student1")
        pid = self.everything_page(s)
        content = s.get(f"/api/v1/parts/{pid}")[1]["content"]
        self.assertIn(".. image:: diagram.png", content)
        self.assertIn("<handout.pdf>", content)

        status, png, headers = s.get(f"/api/v1/parts/{pid}/assets/by-name/diagram.png")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/png")
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        # walk the chunks: CRCs hold, IHDR first, IDAT inflates to whole rows
        at, chunks = 8, []
        while at < len(png):
            length, kind = struct.unpack(">I4s", png[at:at + 8])
            data = png[at + 8:at + 8 + length]
            (crc,) = struct.unpack(">I", png[at + 8 + length:at + 12 + length])
            self.assertEqual(crc, zlib.crc32(kind + data), kind)
            chunks.append((kind, data))
            at += 12 + length
        self.assertEqual([k for k, _ in chunks][0], b"IHDR")
        self.assertEqual(chunks[-1], (b"IEND", b""))
        width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
        self.assertEqual((depth, colour, interlace), (8, 2, 0))  # 8-bit RGB
        self.assertGreater(width, 100)
        self.assertGreater(height, 50)
        raw = zlib.decompress(b"".join(d for k, d in chunks if k == b"IDAT"))
        stride = 1 + width * 3
        self.assertEqual(len(raw), height * stride)
        rows = [raw[y * stride:(y + 1) * stride] for y in range(height)]
        self.assertTrue(all(r[0] == 0 for r in rows))  # unfiltered rows
        colours = {bytes(r[1 + 3 * x:4 + 3 * x]) for r in rows for x in range(width)}
        self.assertGreaterEqual(len(colours), 4, "a drawing, not a blank image")

        status, pdf, headers = s.get(f"/api/v1/parts/{pid}/assets/by-name/handout.pdf")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/pdf")
        self.assertTrue(pdf.startswith(b"%PDF-1."))
        self.assertTrue(pdf.rstrip().endswith(b"%%EOF"))
        # the cross-reference table points at each object, and there is one page
        xref = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))
        self.assertEqual(pdf[xref:xref + 4], b"xref")
        count = int(re.match(rb"xref\s+0 (\d+)", pdf[xref:]).group(1))
        offsets = re.findall(rb"(\d{10}) 00000 n", pdf[xref:])
        self.assertEqual(len(offsets), count - 1)
        for number, offset in enumerate(offsets, start=1):
            self.assertTrue(pdf[int(offset):].startswith(b"%d 0 obj" % number), number)
        self.assertEqual(len(re.findall(rb"/Type /Page\b", pdf)), 1)
        self.assertIn(b"Web Development Basics", pdf)

    def test_a_taken_name_is_a_409_naming_the_file_there(self):
        t = self.server.client("teacher")
        _, first, _ = self.upload(t, 4, "twice.txt", b"one")
        status, body, _ = self.upload(t, 4, "twice.txt", b"two")
        self.assertError((status, body, {"content-type": "application/json"}), 409, "duplicate_name")
        self.assertEqual(body["error"]["details"], {"existing": first["id"], "filename": "twice.txt", "type": "asset"})
        self.assertIn("twice.txt", body["error"]["message"])
        # the stored bytes are the first ones
        self.assertEqual(t.get(f"/api/v1/assets/{first['id']}/content")[1], b"one")
        # the same name as a template is another file
        self.assertEqual(self.upload(t, 4, "twice.txt", b"tpl", kind="template")[0], 201)
        # renaming onto a taken name is refused the same way, nothing renamed
        _, other, _ = self.upload(t, 4, "other-name.txt", b"x")
        status, body, headers = t.patch(f"/api/v1/assets/{other['id']}", {"filename": "twice.txt"})
        self.assertError((status, body, headers), 409, "duplicate_name")
        self.assertEqual(t.get(f"/api/v1/assets/{other['id']}")[1]["filename"], "other-name.txt")

    def test_moving_a_file_to_a_position_renumbers_its_list(self):
        t = self.server.client("teacher")
        part = self.server.client("teacher").post("/api/v1/parts", {"type": "part", "parent_id": 1, "title": "Order"})[1]["id"]
        ids = [self.upload(t, part, f"f{i}.txt", b"x")[1]["id"] for i in range(4)]
        tpl = self.upload(t, part, "index.html", b"<p>", kind="template")[1]["id"]

        def names():
            items = t.get(f"/api/v1/parts/{part}/assets")[1]["items"]
            return [a["filename"] for a in items if a["type"] == "asset"], [a["order"] for a in items if a["type"] == "asset"]

        status, moved, _ = t.patch(f"/api/v1/assets/{ids[3]}", {"position": 0})
        self.assertEqual((status, moved["order"]), (200, 0))
        self.assertEqual(names(), (["f3.txt", "f0.txt", "f1.txt", "f2.txt"], [0, 1, 2, 3]))
        # one down, and past the end is the end
        t.patch(f"/api/v1/assets/{ids[0]}", {"position": 2})
        self.assertEqual(names()[0], ["f3.txt", "f1.txt", "f0.txt", "f2.txt"])
        t.patch(f"/api/v1/assets/{ids[3]}", {"position": 99})
        self.assertEqual(names()[0], ["f1.txt", "f0.txt", "f2.txt", "f3.txt"])
        # templates keep their own list
        items = t.get(f"/api/v1/parts/{part}/assets")[1]["items"]
        self.assertEqual([a["order"] for a in items if a["id"] == tpl], [0])
        # a student may not reorder; a position that is not a number is a 400
        self.assertError(self.server.client("student1").patch(f"/api/v1/assets/{ids[1]}", {"position": 0}), 403)
        self.assertError(t.patch(f"/api/v1/assets/{ids[1]}", {"position": "first"}), 400)
        self.assertEqual(names()[0], ["f1.txt", "f0.txt", "f2.txt", "f3.txt"])

    def test_the_list_names_the_upload_limit(self):
        t = self.server.client("teacher")
        self.assertEqual(t.get("/api/v1/parts/1/assets")[1]["upload_limit"], 10485760)


class UploadLimitTests(ServerTestCase):
    server_options = {"upload_limit": 64 * 1024}

    def test_a_file_over_the_limit_is_a_413_naming_the_limit_and_nothing_is_stored(self):
        t = self.server.client("teacher")
        before = t.get("/api/v1/parts/2/assets")[1]
        self.assertEqual(before["upload_limit"], 65536)
        status, body, headers = t.request("POST", "/api/v1/parts/2/assets?filename=big.bin&type=asset",
                                          raw=b"x" * (65536 + 1),
                                          headers={"Content-Type": "application/octet-stream"})
        self.assertError((status, body, headers), 413, "too_large")
        self.assertEqual(body["error"]["details"], {"limit": 65536})
        self.assertIn("65536", body["error"]["message"])
        self.assertEqual(t.get("/api/v1/parts/2/assets")[1]["items"], before["items"])
        # exactly the limit is fine
        status, _, _ = t.request("POST", "/api/v1/parts/2/assets?filename=fits.bin&type=asset",
                                 raw=b"x" * 65536, headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(status, 201)


if __name__ == "__main__":
    unittest.main(verbosity=2)
