#!/usr/bin/env bash
# `make bench`: every benchmark under tests/bench — compiled ones (built into
# build/native/tests/bench as *-bench; other executables there are helpers,
# such as bare-pistache for page_read_bench.py) and scripts (*.sh, *.py,
# *.js) — prints its figures. tests/bench/lib holds what they share and what
# a wrapper starts (soak.sh's soak.py). Browser benchmarks get a wte-server
# with demo data serving the bundle (WTE_BASE_URL).
set -uo pipefail
cd "$(dirname "$0")/.."
export WTE_SERVER=$PWD/build/native/server/wte-server
work=$(mktemp -d /tmp/wte-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$WTE_SERVER" generate-config --filename "$work/wte.ini" >/dev/null
sed -i -e "s/^port = 6543/port = $port/" -e "s|^static_dir =.*|static_dir = $PWD/build/wasm/bundle|" "$work/wte.ini"
"$WTE_SERVER" init-db "$work/wte.ini" --demo --admin-password admin-demo >/dev/null
"$WTE_SERVER" serve "$work/wte.ini" >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
export WTE_BASE_URL="http://127.0.0.1:$port"

status=0
for exe in build/native/tests/bench/*-bench; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  echo "== $(basename "$exe")"
  "$exe" || status=1
done
for script in tests/bench/*.sh tests/bench/*.py tests/bench/*.js; do
  [ -f "$script" ] || continue
  echo "== $(basename "$script")"
  case "$script" in
    *.sh) bash "$script" ;;
    *.py) python3 "$script" ;;
    *.js) node "$script" ;;
  esac || status=1
done
exit $status
