#!/usr/bin/env bash
# Builds wte-client (C++ → WebAssembly) and assembles the deployable bundle in
# build/wasm/bundle/ (index.html, js/, css/, fonts/, wte.js, wte.wasm).
# Idempotent and fast when nothing changed: configure runs only once.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hits across clones in other folders (CI builds a fresh clone).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

export NODE_PATH=/usr/share/nodejs            # emcc needs Debian's acorn
export EM_CACHE="$PWD/build/em-cache"          # the system cache may not be writable
# Debian's Emscripten has a frozen, prebuilt cache; seed ours with links to
# it (cheap, read-only) so emcc never tries to build system libraries.
if [ ! -e "$EM_CACHE/sysroot_install.stamp" ]; then
  mkdir -p "$EM_CACHE"
  cp -as /usr/share/emscripten/cache/. "$EM_CACHE/"
  rm -f "$EM_CACHE/cache.lock"
fi

if [ ! -f build/wasm/build.ninja ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
ninja -C build/wasm -j"${WTE_JOBS:-2}" wte-bundle
echo "ci/build-client: bundle ready in build/wasm/bundle/"
