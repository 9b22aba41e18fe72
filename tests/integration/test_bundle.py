"""The client bundle as wte-server serves it: a precompressed .gz twin goes to
browsers that accept gzip, every file has an ETag and revalidates with a 304.
And the bundle's fonts, cut down at build time, still hold every character
the reader needs (Latin with accents, Greek, math) and every one the UI draws."""
import glob
import gzip
import os
import re
import subprocess
import tempfile
import unittest

from wte_testlib import ServerTestCase

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
BUNDLE = os.environ.get("WTE_BUNDLE", os.path.join(ROOT, "build", "wasm", "bundle"))

WASM = b"\0asm\1\0\0\0" + bytes(range(256)) * 64
FONT = b"\0\1\0\0 a font"

static_dir = tempfile.TemporaryDirectory(prefix="wte-static-")
os.makedirs(os.path.join(static_dir.name, "fonts"))
for name, data in (("index.html", b"<!doctype html><canvas></canvas>"), ("wte.wasm", WASM),
                   ("fonts/Face.ttf", FONT)):
    with open(os.path.join(static_dir.name, name), "wb") as f:
        f.write(data)
with gzip.open(os.path.join(static_dir.name, "wte.wasm.gz"), "wb") as f:
    f.write(WASM)


class StaticServingTests(ServerTestCase):
    server_options = {"extra": {"static_dir =": "static_dir = " + static_dir.name}}

    def get(self, path, **headers):
        return self.server.client().request("GET", path, headers=headers)

    def test_gzip_twin_goes_to_browsers_that_accept_it(self):
        status, body, headers = self.get("/wte.wasm", **{"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(headers["content-type"], "application/wasm")
        self.assertEqual(headers["vary"], "Accept-Encoding")
        self.assertEqual(gzip.decompress(body), WASM)
        self.assertLess(len(body), len(WASM))

    def test_without_gzip_the_plain_file(self):
        for accept in ({}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "gzip;q=0, br"}):
            status, body, headers = self.get("/wte.wasm", **accept)
            self.assertEqual((status, body), (200, WASM), accept)
            self.assertNotIn("content-encoding", headers, accept)
            self.assertEqual(headers["vary"], "Accept-Encoding")

    def test_every_file_revalidates_with_an_etag_and_a_304(self):
        tags = set()
        for path, accept in (("/wte.wasm", "gzip"), ("/wte.wasm", ""), ("/fonts/Face.ttf", "gzip"), ("/", "")):
            status, body, headers = self.get(path, **{"Accept-Encoding": accept})
            self.assertEqual(status, 200, path)
            self.assertEqual(headers["cache-control"], "no-cache", path)
            etag = headers["etag"]
            self.assertRegex(etag, r'^"[0-9a-f-]+(-gz)?"$')
            tags.add(etag)
            status, body, headers = self.get(path, **{"Accept-Encoding": accept, "If-None-Match": etag})
            self.assertEqual((status, body), (304, b""), path)
            self.assertEqual(headers["etag"], etag)
        self.assertEqual(len(tags), 4, "the gzip twin and the plain file have their own ETags")

    def test_a_file_without_twin_is_sent_as_it_is(self):
        status, body, headers = self.get("/fonts/Face.ttf", **{"Accept-Encoding": "gzip"})
        self.assertEqual((status, body), (200, FONT))
        self.assertEqual(headers["content-type"], "font/ttf")
        self.assertNotIn("content-encoding", headers)

    def test_a_missing_file_is_a_json_404(self):
        self.assertError(self.get("/nothing.js", **{"Accept-Encoding": "gzip"}), 404, "not_found")
        self.assertError(self.get("/../wte.wasm"), 404, "not_found")


def codepoints(font):
    """The characters a TrueType file maps (its cmap), read with fontTools' ttx."""
    xml = subprocess.run(["ttx", "-q", "-t", "cmap", "-o", "-", font], capture_output=True,
                         text=True, check=True).stdout
    return {int(c, 16) for c in re.findall(r'<map code="(0x[0-9a-f]+)"', xml)}


def ui_characters():
    """Non-ASCII characters in the client's string literals: what the UI draws."""
    found = set()
    for path in glob.glob(os.path.join(ROOT, "client-wasm", "**", "*.[ch]pp"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for line in f:
                for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', line.split("//", 1)[0]):
                    found |= {ord(c) for c in literal if ord(c) > 0x7F}
    return found


def cmake_ranges(name):
    """Code point ranges of set(<name> "U+0020-024F,U+20AC,...") in client-wasm/CMakeLists.txt."""
    with open(os.path.join(ROOT, "client-wasm", "CMakeLists.txt"), encoding="utf-8") as f:
        value = re.search(r'set\(' + name + r' "([^"]+)"\)', f.read()).group(1)
    ranges = []
    for item in value.split(","):
        first, _, last = item[2:].partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def atlas_ranges(name):
    """Code point ranges of `constexpr ImWchar <name>[] = {...}` in ui/theme.cpp."""
    with open(os.path.join(ROOT, "client-wasm", "ui", "theme.cpp"), encoding="utf-8") as f:
        body = re.search(name + r"\[\] = \{([^}]*)\}", f.read()).group(1)
    values = [int(v, 16) for v in re.findall(r"0x[0-9A-Fa-f]+", body)]
    return list(zip(values[0::2], values[1::2]))


class SubsetFontTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fonts = os.path.join(BUNDLE, "fonts")
        if not os.path.isdir(fonts):
            raise AssertionError(f"no client bundle in {BUNDLE} (run ci/build-client.sh)")
        cls.faces = {os.path.basename(f): codepoints(f) for f in glob.glob(os.path.join(fonts, "*.ttf"))}

    def assertDraws(self, face, text):
        missing = [c for c in text if not c.isspace() and ord(c) not in self.faces[face]]
        self.assertFalse(missing, f"{face} lacks {' '.join(missing)}")

    def test_text_faces_hold_latin_with_accents_greek_and_punctuation(self):
        text = "Az ő kék éjjel: Ærø, çà, ŁŚŻ, ș ț — “quoted” … • €5 ™ x² αβγ ΣΩ ϑ"
        for face in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                     "NotoSans-BoldItalic.ttf", "DejaVuSansMono.ttf"):
            self.assertDraws(face, text)

    def test_symbol_face_holds_math_arrows_and_marks(self):
        self.assertDraws("DejaVuSans.ttf", "∑∏∫√∞≤≥≠≈∈∉⊂∀∃∂∇ ←→↔⇒⇔⟹ ⌈⌉⌊⌋ ⟨⟩ ℓ ✓✗ ⚠ ▶▸▾◦▪")

    def test_every_character_the_ui_draws_is_in_the_fonts(self):
        drawn = self.faces["NotoSans-Regular.ttf"] | self.faces["DejaVuSans.ttf"]
        missing = sorted(chr(c) for c in ui_characters() - drawn)
        self.assertFalse(missing, "characters in client-wasm literals no font draws: " + " ".join(missing))

    def test_the_fonts_are_cut_to_the_ranges_the_atlas_loads(self):
        self.assertEqual(cmake_ranges("WTE_TEXT_UNICODES"), atlas_ranges("text_ranges"))
        self.assertEqual(cmake_ranges("WTE_SYMBOL_UNICODES"), atlas_ranges("symbol_ranges"))

    def test_fonts_are_small_and_gzipped_beside(self):
        for face in self.faces:
            path = os.path.join(BUNDLE, "fonts", face)
            self.assertLess(os.path.getsize(path), 200_000, face)
            with gzip.open(path + ".gz") as f:
                with open(path, "rb") as plain:
                    self.assertEqual(f.read(), plain.read(), face + ".gz is stale")


if __name__ == "__main__":
    try:
        unittest.main()
    finally:
        static_dir.cleanup()
