# The two commands: `make run` and `make test`. Both install what is missing
# (ci/deps.sh), build what changed, and then run.
.PHONY: run test deps native client bench fuzz goldens format clean

deps:
	@bash ci/deps.sh

native: deps
	@bash ci/build-native.sh

client: deps
	@bash ci/build-client.sh

run: native client
	@bash ci/run-dev.sh

test: native client
	@cd build/native && ctest --output-on-failure -j2 --timeout 900

bench: native client
	@bash ci/bench.sh

fuzz: deps
	@bash ci/fuzz.sh

# Rewrites tests/rst-corpus/*.json and *.html after an intended parser change.
goldens: native
	@build/native/tests/rst-write-goldens tests/rst-corpus

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build/native build/wasm build/run build/screenshots
