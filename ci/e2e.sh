#!/usr/bin/env bash
# Browser end-to-end tests as deployed (ci/stack.sh: Apache2 in front of
# wte-server with demo data): headless Chromium (Playwright) drives the app.
# Screenshots land in build/screenshots/. The files given (ctest passes one),
# or every file.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d tests/e2e/node_modules/playwright-core ] && [ -d tests/e2e/node_modules/axe-core ] || (cd tests/e2e && npm ci --no-audit --no-fund --silent)
if [ $# -gt 0 ]; then files=("$@"); else files=(tests/e2e/*.test.js); fi
exec bash ci/stack.sh node --test --test-concurrency=1 "${files[@]}"
