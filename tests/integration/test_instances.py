"""Two wte-server instances on one database serve any request alike, as
behind the balancer (web/apache2/wte-balanced.conf): a sign-in made on one
is valid on the other (cookie and CSRF token), signing out on one ends it on
both, sign-in throttling counts failures on both, every mail of the shared
outbox is delivered exactly once though both senders poll it, an asset has
the same ETag from both, and the re-render job started on one is the job the
other reports. Runs on SQLite (two processes on one file) and on PostgreSQL."""
import subprocess
import time
import unittest

from wte_testlib import DEMO, SERVER, Client, ServerProcess, SmtpServer, free_port, smtp_settings


class TwoInstances(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpServer()
        cls.a = ServerProcess(extra=smtp_settings(cls.smtp))
        cls.b_port = free_port()
        cls.b_log = open(cls.a.config + ".b.log", "w")
        cls.b = subprocess.Popen([SERVER, "serve", cls.a.config, "--port", str(cls.b_port)],
                                 stdout=cls.b_log, stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                if Client(cls.b_port).request("GET", "/api/v1/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)

    @classmethod
    def tearDownClass(cls):
        cls.b.terminate()
        cls.b.wait(timeout=10)
        cls.b_log.close()
        cls.a.stop()
        cls.smtp.stop()

    def on_b(self, client):
        """The same browser (cookie, CSRF token), now sent to instance B."""
        other = Client(self.b_port)
        other.cookie, other.csrf = client.cookie, client.csrf
        return other

    def test_a_sign_in_on_one_instance_is_valid_on_the_other_until_signed_out(self):
        on_a = self.a.client("student1")
        on_b = self.on_b(on_a)
        self.assertEqual(on_b.get("/api/v1/auth/me")[1]["user"]["email"], DEMO["student1"][0])
        status, _, _ = on_b.request("PUT", "/api/v1/parts/9/files/from-b.txt", raw=b"written on B",
                                    headers={"If-Match": "*"})
        self.assertEqual(status, 200)  # B accepts the CSRF token A handed out
        self.assertEqual(on_a.get("/api/v1/parts/9/files/from-b.txt")[1], b"written on B")
        cookie = on_a.cookie
        self.assertEqual(on_b.post("/api/v1/auth/logout")[0], 200)
        self.assertEqual(Client(self.a.port).request("GET", "/api/v1/auth/me",
                                                     headers={"Cookie": cookie})[0], 401)

    def test_sign_in_failures_count_on_both_instances(self):
        email = DEMO["student2"][0]
        codes = []
        for i in range(8):
            port = self.a.port if i % 2 == 0 else self.b_port
            codes.append(Client(port).login(email, f"wrong-{i}")[0])
        self.assertEqual(codes[:5], [401] * 5, codes)
        self.assertIn(429, codes[5:], "the failures on A and on B add up")
        self.assertEqual(Client(self.b_port).login(*DEMO["student2"])[0], 429)

    def test_every_mail_of_the_shared_outbox_goes_out_exactly_once(self):
        addresses = [f"pupil{i}@school.example" for i in range(8)]
        for i, address in enumerate(addresses):
            port = self.a.port if i % 2 == 0 else self.b_port
            status, body, _ = Client(port).post("/api/v1/auth/register", {
                "email": address, "email_confirm": address, "name": f"Pupil {i}"})
            self.assertEqual(status, 201, body)
        for address in addresses:
            self.smtp.wait_for(lambda m, a=address: a in m["To"])
        time.sleep(3)  # both senders polled again meanwhile
        for address in addresses:
            self.assertEqual(len([m for m in self.smtp.messages() if address in m["To"]]), 1, address)

    def test_an_asset_has_the_same_etag_from_both(self):
        teacher = self.a.client("teacher")
        assets = teacher.get("/api/v1/parts/9/assets")[1]["items"]
        self.assertTrue(assets)
        for asset in assets:
            url = f"/api/v1/assets/{asset['id']}/content"
            _, body_a, headers_a = teacher.get(url)
            _, body_b, headers_b = self.on_b(teacher).get(url)
            self.assertEqual(headers_a["etag"], headers_b["etag"])
            self.assertEqual(body_a, body_b)
            status, _, _ = self.on_b(teacher).request("GET", url,
                                                      headers={"If-None-Match": headers_a["etag"]})
            self.assertEqual(status, 304)

    def test_the_rerender_job_started_on_one_is_the_one_the_other_reports(self):
        admin = self.a.client("admin")
        status, started, _ = admin.post("/api/v1/admin/rerender")
        self.assertIn(status, (200, 201, 202), started)
        _, seen, _ = self.on_b(admin).get("/api/v1/admin/rerender")
        self.assertEqual(seen["job"]["id"], started["job"]["id"])
        deadline = time.time() + 60
        while time.time() < deadline and seen["job"]["state"] == "running":
            time.sleep(0.1)
            seen = self.on_b(admin).get("/api/v1/admin/rerender")[1]
        self.assertEqual(seen["job"]["state"], "done")


if __name__ == "__main__":
    unittest.main(verbosity=2)
