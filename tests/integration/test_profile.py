"""A person's own account, and administrators on others' (PATCH/GET/DELETE
/users/{id}): name, high contrast kept in the account, password change
ending the other sessions, a new address confirmed by a link mailed to it
(real SMTP server), deleting an account, never leaving a module without owner."""
import re
import unittest

from wte_testlib import DEMO, Client, ServerProcess, SmtpServer, run_cli, smtp_settings


class ProfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer()
        cls.server = ServerProcess(extra=smtp_settings(cls.smtp))
        cls.count = 0

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.smtp.stop()

    def person(self, group="Student"):
        ProfileTest.count += 1
        email = f"person{self.count}@school.example"
        run_cli("user", "add", self.server.config, email, f"Person {self.count}", "--password",
                "person-password", "--group", group)
        c = Client(self.server.port)
        status, body, _ = c.login(email, "person-password")
        self.assertEqual(status, 200, body)
        return c, body["user"]["id"], email

    def test_name_and_high_contrast_are_kept_in_the_account(self):
        c, uid, email = self.person()
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"name": "  Zoë Ångström ",
                                                           "high_contrast": True})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], "Zoë Ångström")
        other = Client(self.server.port)  # another device signing in later
        status, body, _ = other.login(email, "person-password")
        self.assertTrue(body["user"]["options"]["high_contrast"])
        self.assertEqual(body["user"]["name"], "Zoë Ångström")

    def test_the_theme_choice_is_kept_beside_high_contrast(self):
        c, uid, email = self.person()
        status, body, _ = c.get(f"/api/v1/users/{uid}")
        self.assertEqual(body["options"]["theme"], "system")  # the browser's until chosen
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"theme": "dark", "high_contrast": True})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["options"], {"theme": "dark", "high_contrast": True})
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"high_contrast": False})
        self.assertEqual(body["user"]["options"]["theme"], "dark")  # the other option stays
        for bad in ("Dark", "sepia", "", 1, True):
            status, body, _ = c.patch(f"/api/v1/users/{uid}", {"theme": bad, "name": "Fine"})
            self.assertEqual(status, 400, (bad, body))
            self.assertEqual(body["error"]["details"]["field"], "theme")
        status, body, _ = Client(self.server.port).login(email, "person-password")
        self.assertEqual(body["user"]["options"], {"theme": "dark", "high_contrast": False})
        self.assertNotEqual(body["user"]["name"], "Fine")
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"theme": "light"})
        self.assertEqual(c.get("/api/v1/auth/me")[1]["user"]["options"]["theme"], "light")

    def test_bad_changes_are_refused_and_change_nothing(self):
        c, uid, email = self.person()
        for change, field in (({"name": ""}, "name"), ({"email": "nope"}, "email"),
                              ({"high_contrast": "yes"}, "high_contrast"),
                              ({"name": "Fine", "new_password": "new-password-1",
                                "current_password": "wrong"}, "current_password")):
            status, body, _ = c.patch(f"/api/v1/users/{uid}", change)
            self.assertEqual(status, 400, (change, body))
            self.assertEqual(body["error"]["details"]["field"], field)
        status, body, _ = c.get(f"/api/v1/users/{uid}")
        self.assertNotEqual(body["name"], "Fine")  # the refused request changed nothing

    def test_a_new_password_needs_the_old_one_and_ends_the_other_sessions(self):
        c, uid, email = self.person()
        other = Client(self.server.port)
        other.login(email, "person-password")
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"current_password": "person-password",
                                                           "new_password": "a-new-password"})
        self.assertEqual(status, 200, body)
        self.assertEqual(c.get("/api/v1/auth/me")[0], 200)  # this session stays
        self.assertEqual(other.get("/api/v1/auth/me")[0], 401)
        self.assertEqual(Client(self.server.port).login(email, "a-new-password")[0], 200)

    def test_a_new_address_takes_effect_when_its_link_is_opened(self):
        c, uid, email = self.person()
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"email": "New.Address@school.example"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["email_pending"], "new.address@school.example")
        self.assertEqual(body["user"]["email"], email)  # not yet
        m = self.smtp.wait_for(lambda m: "new.address@school.example" in m["To"])
        token = re.search(r"/#/confirm-email/([A-Za-z0-9_-]+)",
                          m.get_body(preferencelist=("plain",)).get_content()).group(1)
        self.assertEqual(Client(self.server.port).post("/api/v1/auth/confirm-email",
                                                       {"token": token})[0], 200)
        self.assertEqual(c.get(f"/api/v1/users/{uid}")[1]["email"], "new.address@school.example")
        self.assertEqual(Client(self.server.port).login("new.address@school.example",
                                                        "person-password")[0], 200)
        self.assertEqual(Client(self.server.port).post("/api/v1/auth/confirm-email",
                                                       {"token": token})[0], 400)

    def test_an_address_in_use_is_refused(self):
        c, uid, _ = self.person()
        status, body, _ = c.patch(f"/api/v1/users/{uid}", {"email": DEMO["teacher"][0]})
        self.assertEqual(status, 409, body)
        self.assertEqual(body["error"]["code"], "email_taken")

    def test_others_accounts_are_off_limits_without_admin_permissions(self):
        c, uid, _ = self.person()
        d, other, _ = self.person()
        self.assertEqual(c.get(f"/api/v1/users/{other}")[0], 403)
        self.assertEqual(c.patch(f"/api/v1/users/{other}", {"name": "X"})[0], 403)
        self.assertEqual(c.delete(f"/api/v1/users/{other}")[0], 403)
        admin = self.server.client("admin")
        self.assertEqual(admin.get(f"/api/v1/users/{other}")[0], 200)
        self.assertEqual(admin.patch(f"/api/v1/users/{other}", {"name": "Renamed"})[1]["user"]
                         ["name"], "Renamed")
        # Nobody sets another person's password, not even an administrator.
        self.assertEqual(admin.patch(f"/api/v1/users/{other}", {"new_password": "x" * 10,
                                                               "current_password": "y"})[0], 403)
        self.assertEqual(admin.get("/api/v1/users/999999")[0], 404)
        self.assertEqual(Client(self.server.port).get(f"/api/v1/users/{uid}")[0], 401)

    def test_deleting_ones_account_asks_for_the_password(self):
        c, uid, email = self.person()
        self.assertEqual(c.request("DELETE", f"/api/v1/users/{uid}",
                                   body={"password": "wrong"})[0], 400)
        status, body, _ = c.request("DELETE", f"/api/v1/users/{uid}",
                                    body={"password": "person-password"})
        self.assertEqual(status, 200, body)
        self.assertEqual(c.get("/api/v1/auth/me")[0], 401)
        self.assertEqual(Client(self.server.port).login(email, "person-password")[0], 401)

    def test_the_only_owner_of_a_module_cannot_be_deleted(self):
        c, uid, email = self.person("Teacher")
        status, module, _ = c.post("/api/v1/parts", {"type": "module", "title": "Lonely Module"})
        self.assertEqual(status, 201, module)
        status, body, _ = c.request("DELETE", f"/api/v1/users/{uid}",
                                    body={"password": "person-password"})
        self.assertEqual(status, 409, body)
        self.assertEqual(body["error"]["code"], "sole_owner")
        self.assertIn("Lonely Module", body["error"]["message"])
        self.assertEqual(c.get("/api/v1/auth/me")[0], 200)  # nothing happened
        admin = self.server.client("admin")
        self.assertEqual(admin.delete(f"/api/v1/users/{uid}")[0], 409)
        self.assertEqual(admin.delete(f"/api/v1/parts/{module['id']}")[0], 200)
        self.assertEqual(admin.delete(f"/api/v1/users/{uid}")[0], 200)
        self.assertEqual(Client(self.server.port).login(email, "person-password")[0], 401)


if __name__ == "__main__":
    unittest.main(verbosity=2)
