#!/usr/bin/env bash
# Fuzzes the content pipeline (reStructuredText parser, HTML writer, quiz
# extraction, math, highlighter) with libFuzzer + AddressSanitizer + UBSan.
#   FUZZ_SECONDS=600 ci/fuzz.sh      (default 60 s)
# Builds build/fuzz/rst-fuzz with clang 14, keeps the growing corpus in
# build/fuzz/corpus, and writes crashing inputs to build/fuzz/artifacts/ —
# copy those into tests/fuzz/corpus/ once fixed, so `ctest` replays them.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(clang-14 libclang-rt-14-dev nlohmann-json3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/fuzz: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=build/fuzz
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
       -fno-sanitize-recover=undefined -Ishared-model/include)

# Compile each source once (incrementally) so reruns are quick.
objects=()
for src in shared-model/src/*.cpp shared-model/src/rst/*.cpp tests/fuzz/rst_fuzz.cpp; do
  obj="$out/obj/$(echo "$src" | tr '/' '_').o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find shared-model/include shared-model/src -name '*.hpp' -newer "$obj" -print -quit)" ]; then
    echo "ci/fuzz: compiling $src"
    clang++-14 "${flags[@]}" -c "$src" -o "$obj"
  fi
  objects+=("$obj")
done
clang++-14 -fsanitize=fuzzer,address,undefined "${objects[@]}" -o "$out/rst-fuzz"

seconds="${FUZZ_SECONDS:-60}"
echo "ci/fuzz: fuzzing for ${seconds}s (corpus $out/corpus, seeds tests/fuzz/corpus and tests/rst-corpus)"
"$out/rst-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/rst.dict -artifact_prefix="$out/artifacts/" -print_final_stats=1 \
  "$out/corpus" tests/fuzz/corpus tests/rst-corpus
