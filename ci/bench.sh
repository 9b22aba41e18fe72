#!/usr/bin/env bash
# `make bench`: every benchmark under tests/bench — compiled ones (built into
# build/native/tests/bench) and scripts (*.sh, *.py, *.js) — prints its figures.
set -uo pipefail
cd "$(dirname "$0")/.."
export WTE_SERVER=$PWD/build/native/server/wte-server
status=0
for exe in build/native/tests/bench/*; do
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
