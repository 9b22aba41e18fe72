"""Export and import of a large module: 1,000 pages in 20 parts and 200 MB
of assets (40 files of 5 MB of random bytes, which do not compress), seeded
with SQL. Prints the time of GET /parts/{id}/export (read by the client in
pieces, never held) and of POST /import of that ZIP, and wte-server's peak
resident memory (VmHWM) after start, after the export and after the import;
then the same export by `wte-server export` (peak of that process).

The export streams: assets are read from the database in 256 KB pieces and
the ZIP goes out chunk by chunk, so its peak stays near the idle server's.
The import holds the request twice (Pistache's read buffer and the body
handed to the handler, moved there, not copied; the ZIP is within the
upload limit) and one asset at a time, so its peak grows with the ZIP.

    WTE_SERVER=build/native/server/wte-server python3 tests/bench/transfer_bench.py [--mb 200]
"""
import argparse
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.environ.get("WTE_SERVER", os.path.join(HERE, "..", "..", "build", "native", "server",
                                                   "wte-server"))
TEACHER = {"email": "teacher@example.org", "password": "teacher-demo"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(db_path, pages, parts, files, file_mb):
    """A module owned by the demo teacher; returns its id."""
    db = sqlite3.connect(db_path)
    now = int(time.time())
    teacher = db.execute("SELECT id FROM users WHERE email = ?", (TEACHER["email"],)).fetchone()[0]

    def insert(type_, parent, module, title, order, content=""):
        cur = db.execute(
            "INSERT INTO parts (type, parent_id, module_id, title, status, content, ord, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, 'available', ?, ?, ?, ?)",
            (type_, parent, module, title, content, order, now, now))
        return cur.lastrowid
    module = insert("module", None, None, "Bench module", 0)
    db.execute("UPDATE parts SET module_id = id WHERE id = ?", (module,))
    db.execute("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, 'owner')",
               (module, teacher))
    part_ids = [insert("part", module, module, f"Part {p}", p) for p in range(parts)]
    for i in range(pages):
        part = part_ids[i % parts]
        insert("page", part, module, f"Page {i}", i // parts,
               f"Page {i}\n=======\n\nSome text with a link to :crossref:`{part}`.\n" * 5)
    for f in range(files):
        data = os.urandom(file_mb * 1024 * 1024)
        db.execute(
            "INSERT INTO assets (part_id, filename, mimetype, kind, ord, data, size, etag, "
            "created_at, updated_at) VALUES (?, ?, 'application/octet-stream', 'asset', ?, ?, ?, "
            "?, ?, ?)", (part_ids[f % parts], f"file{f}.bin", f // parts, data, len(data),
                         f"bench{f}", now, now))
    db.commit()
    db.close()
    return module


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def peak_kb(pid):
    return status_kb(pid, "VmHWM")


class RssSampler(threading.Thread):
    """The largest VmRSS of `pid` seen every 10 ms while it runs: signing
    in (Argon2id) already sets VmHWM higher than an export needs."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, status_kb(self.pid, "VmRSS"))
            time.sleep(0.01)

    def stop(self):
        self.running = False
        self.join()
        return self.peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=200, help="megabytes of assets")
    ap.add_argument("--pages", type=int, default=1000)
    args = ap.parse_args()
    files = max(1, args.mb // 5)
    with tempfile.TemporaryDirectory(prefix="wte-transfer-bench-") as work:
        config = os.path.join(work, "wte.ini")
        port = free_port()
        subprocess.run([SERVER, "generate-config", "--filename", config], check=True,
                       capture_output=True)
        with open(config) as f:
            text = f.read().replace("port = 6543", f"port = {port}", 1)
        # The import takes the whole ZIP as its body.
        text = text.replace("upload_limit = 10485760", f"upload_limit = {(args.mb + 64) << 20}")
        with open(config, "w") as f:
            f.write(text)
        subprocess.run([SERVER, "init-db", config, "--demo", "--admin-password", "bench-admin"],
                       check=True, capture_output=True)
        module = seed(os.path.join(work, "wte.db"), args.pages, 20, files, 5)
        log = open(os.path.join(work, "serve.log"), "w")
        proc = subprocess.Popen([SERVER, "serve", config], stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    c.request("GET", "/api/v1/health")
                    if c.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.05)
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            c.request("POST", "/api/v1/auth/login", body=json.dumps(TEACHER),
                      headers={"Content-Type": "application/json"})
            r = c.getresponse()
            body = json.loads(r.read())
            cookie = r.getheader("Set-Cookie").split(";", 1)[0]
            csrf = body["csrf_token"]
            idle = peak_kb(proc.pid)

            zip_path = os.path.join(work, "export.zip")
            rss_before = status_kb(proc.pid, "VmRSS")
            sampler = RssSampler(proc.pid)
            sampler.start()
            start = time.time()
            c.request("GET", f"/api/v1/parts/{module}/export", headers={"Cookie": cookie})
            r = c.getresponse()
            assert r.status == 200, r.read()
            size = 0
            with open(zip_path, "wb") as out:
                while piece := r.read(1 << 20):
                    out.write(piece)
                    size += len(piece)
            export_s = time.time() - start
            export_rss = sampler.stop()
            after_export = peak_kb(proc.pid)

            with open(zip_path, "rb") as f:
                data = f.read()
            sampler = RssSampler(proc.pid)
            sampler.start()
            start = time.time()
            c.request("POST", "/api/v1/import", body=data,
                      headers={"Cookie": cookie, "X-CSRF-Token": csrf,
                               "Content-Type": "application/zip"})
            r = c.getresponse()
            result = json.loads(r.read())
            assert r.status == 201, result
            import_s = time.time() - start
            import_rss = sampler.stop()
            after_import = peak_kb(proc.pid)
            del data

            # GNU time's %M: the peak of that process alone (a child's rusage would
            # count this script's pages it was forked with).
            start = time.time()
            p = subprocess.run(["/usr/bin/time", "-f", "%M", SERVER, "export", config,
                                str(module), zip_path], check=True, capture_output=True,
                               text=True)
            cli_s = time.time() - start
            cli_peak = int(p.stderr.strip().splitlines()[-1])
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()
    mb = 1024
    print(f"module: {args.pages} pages, 20 parts, {files} files, {args.mb} MB of assets; "
          f"ZIP {size / (1 << 20):.0f} MB")
    print(f"wte-server peak RSS: after start {idle / mb:.1f} MB, after the export "
          f"{after_export / mb:.1f} MB, after the import {after_import / mb:.1f} MB")
    print(f"wte-server RSS: {rss_before / mb:.1f} MB before the export, at most "
          f"{export_rss / mb:.1f} MB during it, at most {import_rss / mb:.1f} MB during the import")
    print(f"GET export {export_s:.1f} s ({size / (1 << 20) / export_s:.0f} MB/s), "
          f"POST import {import_s:.1f} s ({result['parts']} parts, {result['pages']} pages, "
          f"{result['assets']} files)")
    print(f"wte-server export (command line): {cli_s:.1f} s, peak RSS {cli_peak / mb:.1f} MB "
          f"(that process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
