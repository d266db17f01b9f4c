#!/usr/bin/env bash
# Fails when the first-load transfer of a release build (index.html and what
# it makes the browser fetch before the app is interactive, gzip -9) passes
# the limit in scripts/size-budget.txt, so the download cannot creep up
# unnoticed. scripts/test.sh runs it on dist/; `make bench` gives the detail.
#   scripts/size-check.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-dist}
limit=$(grep -v '^#' scripts/size-budget.txt | tr -dc '0-9')
[ -n "$limit" ] || { echo "scripts/size-budget.txt holds no limit" >&2; exit 2; }
node scripts/sizes.mjs "$dir" --check "$limit"
