#!/usr/bin/env bash
# Soak (run by `make bench`, not by `make test`): mixed learner and teacher
# traffic through Apache2 for WTE_SOAK_MINUTES (default 10) with the
# timed-task runner every 10 s, as cron would run it; reports throughput, p99
# and wte-server's memory at the start and the end (tests/bench/lib/soak.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec bash ci/stack.sh python3 tests/bench/lib/soak.py --minutes "${WTE_SOAK_MINUTES:-10}"
