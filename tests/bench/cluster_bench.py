"""Several instances on PostgreSQL against one on SQLite, through Apache2 as
deployed (ci/stack.sh), same run: the signed-in student's page read and a
write-heavy mix (a page read, a time-on-page report and a workspace file
save in turn: two writes in three requests), wrk -t2 -c20 keep-alive, on
  - SQLite, one wte-server (the default installation),
  - PostgreSQL, one wte-server (WTE_CLUSTER=1 WTE_INSTANCES=1),
  - PostgreSQL, three wte-servers behind the balancer (WTE_CLUSTER=1).
Prints requests/s, p50 and p99 of each and the ratios to SQLite. Any error
reply fails the run. On a 2-core machine the database, the instances, Apache
and wrk share the same cores: the figure is that it scales without errors,
not by how much.
    python3 tests/bench/cluster_bench.py [--duration 10s]
"""
import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import wrk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
PAGE, PART, EXERCISE = 5, 4, 9  # a page of "HTML Structure", that part, "Your Own Home Page"

MIX = """
local n = 0
-- wrk.format takes the headers given instead of wrk's own (-H: the cookie
-- and the CSRF token): add them.
local function with(extra)
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  for k, v in pairs(extra) do h[k] = v end
  return h
end
request = function()
  n = n + 1
  local k = n %% 3
  if k == 0 then
    return wrk.format("GET", "/api/v1/parts/%(page)d")
  elseif k == 1 then
    return wrk.format("POST", "/api/v1/parts/%(part)d/progress/time",
      with({["Content-Type"] = "application/json"}), '{"page_id": %(page)d, "seconds": 1}')
  else
    return wrk.format("PUT", "/api/v1/parts/%(exercise)d/files/bench-" .. (n %% 50) .. ".txt",
      with({["If-Match"] = "*", ["Content-Type"] = "text/plain"}), "saved " .. n)
  end
end
"""


def measure(duration, out_file):
    """Inside ci/stack.sh: sign in as the demo student and run both loads."""
    base = os.environ["WTE_BASE_URL"]
    host, port = base.split("//")[1].split(":")
    c = http.client.HTTPConnection(host, int(port))
    c.request("POST", "/api/v1/auth/login",
              json.dumps({"email": "student1@example.org", "password": "student1-demo"}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = json.loads(r.read())
    cookie = r.getheader("Set-Cookie").split(";")[0]
    headers = [f"Cookie: {cookie}", f"X-CSRF-Token: {body['csrf_token']}",
               "Connection: keep-alive"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(MIX % {"page": PAGE, "part": PART, "exercise": EXERCISE})
    read = wrk.run(f"{base}/api/v1/parts/{PAGE}", duration, headers)
    mix = wrk.run(base, duration, headers, f.name)
    os.unlink(f.name)
    with open(out_file, "w") as f:
        json.dump({"read": read, "mix": mix}, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", default="10s")
    ap.add_argument("--measure", help=argparse.SUPPRESS)  # the run inside the stack
    args = ap.parse_args()
    if args.measure:
        return measure(args.duration, args.measure)
    setups = [("SQLite, 1 instance", {}),
              ("PostgreSQL, 1 instance", {"WTE_CLUSTER": "1", "WTE_INSTANCES": "1"}),
              ("PostgreSQL, 3 instances", {"WTE_CLUSTER": "1", "WTE_INSTANCES": "3"})]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, env in setups:
            out = os.path.join(tmp, "result.json")
            subprocess.run(["bash", os.path.join(ROOT, "ci", "stack.sh"), sys.executable,
                            os.path.abspath(__file__), "--duration", args.duration,
                            "--measure", out], check=True, env={**os.environ, **env},
                           stdout=subprocess.DEVNULL)
            with open(out) as f:
                results[name] = json.load(f)
    base = results["SQLite, 1 instance"]
    for load, what in (("read", "student page read"),
                       ("mix", "write-heavy mix (read, time on page, file save)")):
        print(f"{what}, through Apache2, wrk -t2 -c20 keep-alive:")
        for name, r in results.items():
            x = r[load]
            print(f"  {name:24} {x['rps']:9.0f} req/s  p50 {x['p50']:6.2f} ms  p99 {x['p99']:7.2f} ms"
                  f"  ({x['rps'] / base[load]['rps']:.2f} of SQLite)")


if __name__ == "__main__":
    main()
