#!/usr/bin/env bash
# `make bench`: builds the release app and measures it, then writes one table
# to BENCHMARKS.md (with the date and the machine) and prints it.
#   - every dist file raw, gzip -9 and brotli, and the first-load transfer;
#   - the catalog's share of the wasm (its data, compressed in place);
#   - native criterion results: engine full recompute (10/50/200 devices),
#     catalog parse and validate;
#   - the same catalog and engine work timed inside Chromium (wasm, release);
#   - headless Chromium at 1x and 4x CPU throttling: interactive, first heat
#     map, answer -> redrawn heat map, memory (scripts/bench-browser.mjs);
#   - Lighthouse (mobile preset) on the welcome and results pages;
#   - the quick check's length and agreement (`thingrisk quick-figures`);
#   - the engine's cost on the largest home a file may hold (examples/limit_cost.rs).
# Environment: BENCH_OUT (default BENCHMARKS.md), BENCH_QUICK=1 for a short
# smoke run (fewer samples, no criterion, no Lighthouse; the file says so).
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/wasm-split/bin first: Trunk must run its wasm-bindgen (splits out the lazy pages).
export PATH="$PWD/scripts/wasm-split/bin:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
OUT=${BENCH_OUT:-BENCHMARKS.md}
TARGET=${CARGO_TARGET_DIR:-target}
DIST="$TARGET/bench/dist"
WORK="$TARGET/bench/results"
BASE=/thingrisk/
QUICK=${BENCH_QUICK:-0}
rm -rf "$WORK"
mkdir -p "$WORK"

started=$(date +%s)
step() { printf '\n=== %s (%ss) ===\n' "$*" "$(($(date +%s) - started))" >&2; }

# Before anything loads the machine: the load average is part of the record.
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src catalog Cargo.toml Cargo.lock index.html Trunk.toml style 2>/dev/null || echo '+changes')"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -sr)"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc=$(rustc --version)"
  echo "trunk=$(trunk --version)"
  echo "node=$(node --version)"
  echo "chromium=$("$CHROME_PATH" --version 2>/dev/null | head -1)"
} >"$WORK/machine.txt"

step "release build (public URL $BASE) into $DIST"
trunk build --release --public-url "$BASE" --dist "$DIST" >&2

step "sizes"
node scripts/sizes.mjs "$DIST" --json >"$WORK/sizes.json"
# The catalog data as build.rs embedded it for this build (newest OUT_DIR).
catalog_out=$(ls -dt "$TARGET"/wasm32-unknown-unknown/release/build/thingrisk-*/out/catalog 2>/dev/null | head -1)
node scripts/catalog-share.mjs "$DIST" "$catalog_out" >"$WORK/catalog-share.json"

step "household for the browser runs (50 devices, every question answered)"
cargo run --quiet --release --example bench_household -- 50 >"$WORK/household-50.json"

if [ "$QUICK" != 1 ]; then
  step "native criterion benches (engine, catalog)"
  cargo bench --bench engine --bench catalog >"$WORK/criterion.txt" 2>&1 || { cat "$WORK/criterion.txt" >&2; exit 1; }
  node -e '
    const fs = require("fs"), path = require("path");
    const root = path.join(process.argv[1], "criterion");
    const out = {};
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name === "new") { const est = JSON.parse(fs.readFileSync(path.join(p, "estimates.json")));
        const bm = JSON.parse(fs.readFileSync(path.join(p, "benchmark.json")));
        out[bm.full_id] = { median_ns: est.median.point_estimate, lo_ns: est.median.confidence_interval.lower_bound, hi_ns: est.median.confidence_interval.upper_bound }; }
        else walk(p); } } };
    walk(root);
    console.log(JSON.stringify(out, null, 1));
  ' "$TARGET" >"$WORK/criterion.json"
fi

step "catalog and engine inside Chromium (wasm32 release, wasm-bindgen-test)"
cargo test --release --target wasm32-unknown-unknown --test wasm_bench --features nolazy -- --nocapture >"$WORK/wasm-bench.txt" 2>&1 \
  || { cat "$WORK/wasm-bench.txt" >&2; exit 1; }

step "headless Chromium: load, heat maps, answer -> redraw, memory; Lighthouse"
browser_args=(--dist "$DIST" --household "$WORK/household-50.json")
[ "$QUICK" = 1 ] && browser_args+=(--loads 2 --samples 5 --no-lighthouse)
node scripts/bench-browser.mjs "${browser_args[@]}" >"$WORK/browser.json"

step "quick check figures"
cargo run --release --quiet --bin thingrisk -- quick-figures --today "$(date -u +%F)" --homes 20 >"$WORK/quick-figures.md"

step "the engine at the input limits"
cargo run --release --quiet --example limit_cost >"$WORK/limit-cost.md"

step "report"
node scripts/bench-report.mjs "$WORK" "$QUICK" >"$OUT"
cat "$OUT"
printf '\nWrote %s in %ss.\n' "$OUT" "$(($(date +%s) - started))" >&2
