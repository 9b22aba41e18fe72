#!/usr/bin/env bash
# Installs every build and test dependency from Debian (and npm for the
# browser tests). Idempotent: a second run on a ready machine does nothing
# but check, so `make run` and `make test` can always call it.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build ccache pkg-config make
  libpistache-dev nlohmann-json3-dev catch2 libsqlite3-dev sqlite3 libsodium-dev
  libinih-dev libcli11-dev zlib1g-dev libarchive-dev libcurl4-openssl-dev
  emscripten node-acorn
  fonts-dejavu-core fonts-noto-core fonttools
  apache2 curl python3 python3-docutils python3-aiosmtpd
  wrk
  libpq-dev postgresql postgresql-client
  chromium
  dpkg-dev
)

missing=()
# Node.js for the browser tests: any installed node will do (Debian's is 18).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/deps: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui sources come from Debian's source package (libimgui-dev ships no
# sources). They are unpacked into the build tree, never committed.
imgui_dir=build/third_party/imgui
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  if [ ! -f /etc/apt/sources.list.d/wte-deb-src.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      > /etc/apt/sources.list.d/wte-deb-src.sources
    apt-get update -qq
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -qq imgui >/dev/null)
  orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)
  mkdir -p "$imgui_dir"
  tar -xf "$orig" -C "$imgui_dir" --strip-components=1
  rm -rf "$tmp"
  echo "ci/deps: Dear ImGui sources unpacked into $imgui_dir"
fi

# Browser-test driver, pinned by tests/e2e/package-lock.json.
if [ -f tests/e2e/package.json ] && [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi
