"""wrk, run and read, for the HTTP benchmarks (page_read_bench.py,
cluster_bench.py): -t2 -c20 with latency percentiles; any error reply or
socket error ends the benchmark, since a figure with errors in it is no
figure."""
import re
import subprocess
import sys


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


def run(url, duration, headers, script=None, socket_errors_fail=True):
    """Requests/s, p50 and p99 (ms) of `url` for `duration` (wrk's -d),
    and wrk's socket error line if it printed one."""
    cmd = ["wrk", "-t2", "-c20", f"-d{duration}", "--latency"] + (["-s", script] if script else [])
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Socket errors: (.*)", out)
    if "Non-2xx" in out or (errors and socket_errors_fail):
        sys.exit(f"wrk saw errors from {url}:\n{out}")
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    if not (rps and p50 and p99):
        sys.exit(f"cannot read wrk's figures:\n{out}")
    return {"rps": float(rps.group(1)), "p50": to_ms(p50.group(1)), "p99": to_ms(p99.group(1)),
            "errors": errors.group(1) if errors else ""}
