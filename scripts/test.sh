#!/usr/bin/env bash
# Every check and test, failing on the first failure. `make test` and CI run this.
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/wasm-split/bin first: Trunk must run its wasm-bindgen (splits out the lazy pages).
export PATH="$PWD/scripts/wasm-split/bin:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never
WASM=wasm32-unknown-unknown
# Subpath the e2e tests serve the build under, as static hosts like GitHub Pages do.
E2E_BASE=/thingrisk/

started=$(date +%s)
step() { printf '\n=== %s (%ss) ===\n' "$*" "$(($(date +%s) - started))"; }

step "install tools"
bash scripts/install.sh

step "format"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
# Benches and native-only tests use criterion/proptest, which do not build for
# wasm32; the command line (clap, native only) is an empty main there.
cargo clippy --target $WASM --lib --bin thingrisk-web --test browser -- -D warnings

step "catalog check"
cargo run --quiet --bin thingrisk -- catalog check

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test in headless Chromium)"
# nolazy: this wasm does not go through scripts/wasm-split, so it must have no split points.
cargo test --target $WASM --test browser --features nolazy

step "release build (public URL $E2E_BASE)"
trunk build --release --public-url "$E2E_BASE"

step "end-to-end tests (playwright-core, Chromium, served under $E2E_BASE)"
E2E_BASE="$E2E_BASE" node --test --test-concurrency=1 tests/e2e/

step "cross-engine smoke (Chromium, Firefox, WebKit; served under $E2E_BASE)"
xengine=$(date +%s)
E2E_BASE="$E2E_BASE" xvfb-run -a node --test --test-concurrency=1 tests/xengine/
printf 'cross-engine smoke took %ss\n' "$(($(date +%s) - xengine))"

step "release build sizes"
bash scripts/dist-sizes.sh dist
bash scripts/size-check.sh dist
printf '\nAll checks passed in %ss.\n' "$(($(date +%s) - started))"
