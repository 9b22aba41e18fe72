"""The content tree keeps its shape, module → part → page: POST /api/v1/parts
refuses a page directly in a module, a part inside a part and a module with a
parent with a 400 that says why, and changes nothing."""
import unittest

from wte_testlib import ServerTestCase


class TreeShapeTests(ServerTestCase):
    def setUp(self):
        self.teacher = self.server.client("teacher")
        status, module, _ = self.teacher.post("/api/v1/parts", {"type": "module", "title": "Shapes"})
        self.assertEqual(status, 201, module)
        self.module = module["id"]
        status, part, _ = self.teacher.post(
            "/api/v1/parts", {"type": "part", "parent_id": self.module, "title": "Chapter"})
        self.assertEqual(status, 201, part)
        self.part = part["id"]

    def children(self, part_id):
        status, view, _ = self.teacher.get(f"/api/v1/parts/{part_id}")
        self.assertEqual(status, 200, view)
        return [c["id"] for c in view["children"]]

    def test_a_page_directly_in_a_module_is_refused_and_nothing_is_created(self):
        before = self.children(self.module)
        body = self.assertError(self.teacher.post(
            "/api/v1/parts", {"type": "page", "parent_id": self.module, "title": "Loose page"}),
            400, "bad_request")
        self.assertIn("A page goes inside a part, not directly in a module", body["error"]["message"])
        self.assertEqual(body["error"]["details"], {"field": "parent_id"})
        self.assertEqual(self.children(self.module), before)

    def test_a_part_inside_a_part_is_refused_and_nothing_is_created(self):
        body = self.assertError(self.teacher.post(
            "/api/v1/parts", {"type": "part", "parent_id": self.part, "title": "Sub-chapter"}),
            400, "bad_request")
        self.assertIn("A part goes directly inside a module", body["error"]["message"])
        self.assertEqual(self.children(self.part), [])

    def test_nothing_goes_inside_a_page(self):
        status, page, _ = self.teacher.post(
            "/api/v1/parts", {"type": "page", "parent_id": self.part, "title": "Page"})
        self.assertEqual(status, 201, page)
        page_id = page["id"]
        for kind in ("page", "part"):
            self.assertError(self.teacher.post(
                "/api/v1/parts", {"type": kind, "parent_id": page_id, "title": "Inside"}), 400)
        self.assertEqual(self.children(page_id), [])

    def test_a_module_with_a_parent_is_refused(self):
        _, mine_before, _ = self.teacher.get("/api/v1/modules/mine")
        body = self.assertError(self.teacher.post(
            "/api/v1/parts", {"type": "module", "parent_id": self.module, "title": "Nested"}),
            400, "bad_request")
        self.assertIn("A module has no parent", body["error"]["message"])
        _, mine_after, _ = self.teacher.get("/api/v1/modules/mine")
        self.assertEqual(mine_after["total"], mine_before["total"])
        self.assertEqual(self.children(self.module), [self.part])

    def test_the_right_shapes_are_accepted(self):
        status, part, _ = self.teacher.post(
            "/api/v1/parts", {"type": "part", "parent_id": self.module, "title": "Second chapter"})
        self.assertEqual(status, 201, part)
        self.assertEqual(part["parent_id"], self.module)
        status, page, _ = self.teacher.post(
            "/api/v1/parts", {"type": "page", "parent_id": part["id"], "title": "First page"})
        self.assertEqual(status, 201, page)
        self.assertEqual([a["id"] for a in page["ancestors"]], [self.module, part["id"]])
        self.assertEqual(self.children(self.module), [self.part, part["id"]])


if __name__ == "__main__":
    unittest.main()
