#!/usr/bin/env bash
# Prints how many bytes the catalog adds to the bundle: the JSON that build.rs
# embeds (catalog/*.toml converted the same way: compact, keys sorted, UTF-8),
# raw and gzip -9, per file and in total. The wasm bundle is served
# compressed, so the total gzip figure is what the catalog costs a download.
# Usage: scripts/catalog-size.sh   (from anywhere; needs python3 >= 3.11)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import json, pathlib, sys, tomllib
out = pathlib.Path(sys.argv[1])
for path in sorted(pathlib.Path("catalog").glob("*.toml")):
    with path.open("rb") as f:
        value = tomllib.load(f)
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    (out / (path.stem + ".json")).write_text(text, encoding="utf-8")
PY
printf '%-20s %8s %8s\n' file raw gzip-9
for f in "$tmp"/*.json; do
  printf '%-20s %8d %8d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
cat "$tmp"/*.json >"$tmp/all"
printf '%-20s %8d %8d\n' "total" "$(wc -c <"$tmp/all")" "$(gzip -9 -c "$tmp/all" | wc -c)"
