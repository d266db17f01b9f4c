# ThingRisk: the two commands a newcomer needs are `make serve` and `make test`.
# Both install whatever is missing first (scripts/install.sh, idempotent).
SHELL := /bin/bash
# scripts/wasm-split/bin first: its wasm-bindgen splits the lazy pages out of the wasm.
export PATH := $(CURDIR)/scripts/wasm-split/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# Where the app is hosted: "/" for a domain root, "/thingrisk/" for a subpath.
PUBLIC_URL ?= /

.PHONY: serve test install build bench

## Build the release app and serve it at http://127.0.0.1:$(PORT)/
serve: install
	trunk build --release --public-url $(PUBLIC_URL)
	node scripts/serve.mjs --dir dist --base $(PUBLIC_URL) --port $(PORT)

## Run every check and test (what CI runs)
test:
	bash scripts/test.sh

install:
	bash scripts/install.sh

## Release build only
build: install
	trunk build --release --public-url $(PUBLIC_URL)

## Build the release app, measure sizes, speed, memory and Lighthouse scores; writes BENCHMARKS.md
bench: install
	bash scripts/bench.sh
