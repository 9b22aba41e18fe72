"""1,000 connections for 60 s: wte-server's memory before, under 1,000 open
keep-alive connections each asking for the anonymous module list about once
a second, and after they are gone (no growth is the point), plus any error
seen. Fails (exit 1) on any error, or when the memory after the connections
closed exceeds the memory before them by more than 5 MB. Issue 12's bounds:
20 MB idle, 60 MB under the connections. The duration: --seconds, else
WTE_CONNECTIONS_SECONDS, else 60.

    WTE_CONNECTIONS_SECONDS=60 python3 tests/bench/connections_bench.py [--connections 1000]
"""
import argparse
import os
import re
import resource
import selectors
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.environ.get("WTE_SERVER", os.path.join(HERE, "..", "..", "build", "native", "server",
                                                   "wte-server"))
# Growth of the server's memory from before the connections to after them
# that counts as a leak: allocator arenas and SQLite's page cache settle
# within it.
ALLOWED_GROWTH_MB = 5.0


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--connections", type=int, default=1000)
    ap.add_argument("--seconds", type=float,
                    default=float(os.environ.get("WTE_CONNECTIONS_SECONDS", "60")))
    ap.add_argument("--settle", type=float, default=5,
                    help="seconds to wait after the connections closed before measuring")
    args = ap.parse_args()
    # This process holds the connections' client ends: one descriptor each.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < args.connections + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.connections + 100), hard))
    with tempfile.TemporaryDirectory(prefix="wte-conn-") as tmp:
        config = os.path.join(tmp, "wte.ini")
        subprocess.run([SERVER, "generate-config", "--filename", config], check=True,
                       capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        text = open(config).read()
        open(config, "w").write(re.sub(r"^port = \d+", f"port = {port}", text, flags=re.M))
        subprocess.run([SERVER, "init-db", config, "--demo", "--admin-password", "bench-pw"],
                       check=True, capture_output=True)
        log = open(os.path.join(tmp, "server.log"), "w")
        server = subprocess.Popen([SERVER, "serve", config], stdout=log, stderr=log)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health").read()
                    break
                except OSError:
                    time.sleep(0.05)
            time.sleep(1)
            before = rss_mb(server.pid)
            request = (b"GET /api/v1/modules HTTP/1.1\r\nHost: bench\r\n\r\n")
            sel = selectors.DefaultSelector()
            socks = []
            for _ in range(args.connections):
                s = socket.create_connection(("127.0.0.1", port))
                s.setblocking(False)
                socks.append(s)
                sel.register(s, selectors.EVENT_READ, bytearray())
            errors, answers, peak = 0, 0, before
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                round_start = time.monotonic()
                for s in socks:
                    try:
                        s.send(request)
                    except OSError:
                        errors += 1
                pending = set(socks)
                deadline = time.monotonic() + 10
                while pending and time.monotonic() < deadline:
                    for key, _ in sel.select(timeout=1):
                        try:
                            chunk = key.fileobj.recv(65536)
                        except BlockingIOError:
                            continue
                        if not chunk:
                            errors += 1
                            pending.discard(key.fileobj)
                            sel.unregister(key.fileobj)
                            continue
                        buf = key.data
                        buf += chunk
                        head_end = buf.find(b"\r\n\r\n")
                        if head_end < 0:
                            continue
                        m = re.search(rb"Content-Length: (\d+)", bytes(buf[:head_end]), re.I)
                        need = head_end + 4 + (int(m.group(1)) if m else 0)
                        if len(buf) >= need:
                            if not buf.startswith(b"HTTP/1.1 200"):
                                errors += 1
                            answers += 1
                            del buf[:need]
                            pending.discard(key.fileobj)
                errors += len(pending)
                peak = max(peak, rss_mb(server.pid))
                time.sleep(max(0.0, 1.0 - (time.monotonic() - round_start)))
            sel.close()
            for s in socks:
                s.close()
            time.sleep(args.settle)
            after = rss_mb(server.pid)
            print(f"{args.connections} keep-alive connections for {args.seconds:g} s: "
                  f"{answers} answers, {errors} errors")
            print(f"  wte-server RSS: before {before:.1f} MB, at most {peak:.1f} MB under the "
                  f"connections, {after:.1f} MB {args.settle:g} s after they closed "
                  f"({after - before:+.1f} MB)")
            failures = []
            if errors:
                failures.append(f"{errors} errors")
            if after - before > ALLOWED_GROWTH_MB:
                failures.append(f"memory grew by {after - before:.1f} MB "
                                f"(more than {ALLOWED_GROWTH_MB:g} MB)")
            if failures:
                print("FAILED: " + "; ".join(failures))
                sys.exit(1)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
