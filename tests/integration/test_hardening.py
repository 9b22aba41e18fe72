"""What no client can do to the server: a body over the limit is refused at
once (JSON 413, connection closed, nothing buffered), HTTP/1.1 connections
are kept alive, a client that stops sending is cut off, and SIGTERM ends the
process within 5 s whatever its connections are doing."""
import json
import select
import signal
import socket
import time
import unittest

from wte_testlib import ServerProcess, ServerTestCase

LIMIT = 1024 * 1024  # this file's server: a 1 MB upload limit


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def read_response(sock, timeout=5):
    """Status, headers (lower-case) and body of one HTTP response on `sock`."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a response: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body[:length]


def closed_by_server(sock, timeout=5):
    """True once the server has closed its side (reads give EOF or a reset)."""
    sock.settimeout(timeout)
    try:
        while True:
            if not sock.recv(65536):
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


class BodyLimitTests(ServerTestCase):
    server_options = {"upload_limit": LIMIT}

    def connect(self):
        return socket.create_connection(("127.0.0.1", self.server.port), timeout=5)

    def assert_too_large(self, status, headers, body):
        self.assertEqual(status, 413)
        self.assertTrue(headers["content-type"].startswith("application/json"))
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], "too_large")
        self.assertEqual(error["details"]["limit"], LIMIT)
        self.assertEqual(headers.get("connection", "").lower(), "close")

    def test_a_declared_oversize_body_is_refused_before_it_is_sent(self):
        c = self.server.client("teacher")
        before = rss_kb(self.server.proc.pid)
        s = self.connect()
        started = time.monotonic()
        # 300 MB announced, nothing of the body sent: the answer comes anyway.
        s.sendall(b"POST /api/v1/import?parent_id=1 HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/zip\r\nContent-Length: 314572800\r\n\r\n")
        self.assert_too_large(*read_response(s))
        self.assertLess(time.monotonic() - started, 2)
        # Whatever the client sends after is dropped, and past twice the limit
        # more it is cut off.
        sent = 0
        try:
            while sent < 16 * LIMIT:
                s.sendall(b"x" * 65536)
                sent += 65536
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.assertTrue(closed_by_server(s))
        s.close()
        self.assertLess(rss_kb(self.server.proc.pid) - before, 4 * 1024)
        self.assertEqual(c.get("/api/v1/parts/1")[0], 200)

    def test_a_chunked_body_is_counted_and_refused_past_the_limit(self):
        s = self.connect()
        s.sendall(b"POST /api/v1/import?parent_id=1 HTTP/1.1\r\nHost: x\r\n"
                  b"Transfer-Encoding: chunked\r\nContent-Type: application/zip\r\n\r\n")
        piece = b"y" * 65536
        sent = 0
        # Up to 16 MB, reading as soon as there is an answer (like a browser):
        # the server refuses after reading about 1 MB (what the client has sent
        # by then includes what loopback's socket buffers hold, a few MB).
        while sent < 16 * LIMIT and not select.select([s], [], [], 0)[0]:
            try:
                s.sendall(b"10000\r\n" + piece + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        self.assert_too_large(*read_response(s))
        self.assertLess(sent, 16 * LIMIT)
        self.assertIn("413", self.server.read_log())
        s.close()
        self.assertEqual(self.server.client().get("/api/v1/health")[0], 200)

    def test_a_body_within_the_limit_still_arrives_whole(self):
        c = self.server.client("teacher")
        text = "Welcome\n=======\n\n" + "word " * (LIMIT // 6)
        status, body, _ = c.patch("/api/v1/parts/3", {"content": text},
                                  headers={"If-Match": "*"})
        self.assertEqual(status, 200, body)
        self.assertEqual(c.get("/api/v1/parts/3")[1]["content"], text)


class ConnectionTests(ServerTestCase):
    def test_http11_connections_are_kept_alive_unless_the_client_says_close(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        for _ in range(3):  # three requests on one connection, no Connection header
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            status, headers, body = read_response(s)
            self.assertEqual(status, 200)
            self.assertEqual(headers["connection"].lower(), "keep-alive")
            self.assertEqual(json.loads(body)["status"], "ok")
        s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        status, headers, _ = read_response(s)
        self.assertEqual(headers["connection"].lower(), "close")
        s.close()


class ContentTypeTests(ServerTestCase):
    def test_any_content_type_reaches_the_handler_and_errors_stay_json(self):
        t = self.server.client("teacher")
        # Types the HTTP library does not know (it answered them with a plain 415).
        for i, ctype in enumerate(["font/woff2", "font/ttf", "application/x-unheard-of", ""]):
            status, body, _ = t.request(
                "POST", f"/api/v1/parts/1/assets?filename=face{i}.woff2&type=asset",
                raw=b"wOF2" + bytes(64), headers={"Content-Type": ctype})
            self.assertEqual(status, 201, (ctype, body))
        status, listing, _ = t.get("/api/v1/parts/1/assets")
        self.assertEqual(status, 200)
        names = [a["filename"] for a in listing["items"]] if isinstance(listing, dict) \
            else [a["filename"] for a in listing]
        self.assertIn("face0.woff2", names)
        # A JSON body announced with an unusual spelling of its type still reads.
        status, body, _ = t.request("PATCH", "/api/v1/parts/3", raw=b'{"title": "Renamed"}',
                                    headers={"Content-Type": "APPLICATION/JSON; charset=UTF-8"})
        self.assertEqual(status, 200, body)
        self.assertEqual(t.get("/api/v1/parts/3")[1]["title"], "Renamed")


class SlowClientTests(unittest.TestCase):
    """Short timeouts in this file's config, so the tests are quick."""

    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(extra={"header_timeout = 30": "header_timeout = 2",
                                          "body_timeout = 120": "body_timeout = 3"})

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_client_sending_a_byte_every_half_second_is_cut_off(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        request = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 40
        started = time.monotonic()
        cut = False
        try:
            for byte in request:
                s.sendall(bytes([byte]))
                time.sleep(0.5)
                if time.monotonic() - started > 8:
                    break
        except (BrokenPipeError, ConnectionResetError):
            cut = True
        self.assertTrue(cut or closed_by_server(s, timeout=3),
                        "a dribbling client was never cut off")
        self.assertLess(time.monotonic() - started, 10)
        s.close()
        self.assertEqual(self.server.client().get("/api/v1/health")[0], 200)

    def test_a_body_that_stops_arriving_is_cut_off(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                  b"application/json\r\nContent-Length: 100\r\n\r\n{\"email\":")
        started = time.monotonic()
        self.assertTrue(closed_by_server(s, timeout=8), "a stalled body was never cut off")
        self.assertLess(time.monotonic() - started, 8)
        s.close()


class StopTests(unittest.TestCase):
    def test_sigterm_ends_the_server_within_5_s_whatever_its_connections_do(self):
        server = ServerProcess()
        try:
            stuck = []
            for i in range(20):  # half-sent headers and half-sent bodies
                s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
                if i % 2:
                    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost:")
                else:
                    s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                              b"Content-Length: 5000\r\n\r\n{")
                stuck.append(s)
            idle = server.client("student1")  # and a signed-in keep-alive client
            self.assertEqual(idle.get("/api/v1/modules/mine")[0], 200)
            started = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            code = server.proc.wait(timeout=10)
            self.assertLess(time.monotonic() - started, 5)
            self.assertEqual(code, 0)
            self.assertIn("stopping", server.read_log())
            for s in stuck:
                s.close()
        finally:
            if server.proc.poll() is None:
                server.proc.kill()
            server.log.close()
            server.dir.cleanup()


if __name__ == "__main__":
    unittest.main()
