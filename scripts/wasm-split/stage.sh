#!/bin/sh
# Trunk post_build hook (Trunk.toml runs it before scripts/pwa.mjs): copies the files made by
# bin/wasm-bindgen (link JS + chunks) next to the staged main JS that imports the link JS, so
# their relative URLs follow --public-url. Trunk itself only copies <name>.js, <name>_bg.wasm
# and snippets/ from wasm-bindgen's output, and would modulepreload every snippet (chunks too).
set -eu
: "${TRUNK_STAGING_DIR:?run me as a Trunk post_build hook}" "${TRUNK_PROFILE:?}"
# The wasm has split points but was not split (the wrapper was not first on PATH): the app
# would die at startup importing "__wasm_split_placeholder__", so fail the build instead.
if grep -rlq --include='*.js' __wasm_split_placeholder__ "$TRUNK_STAGING_DIR"; then
  echo "stage.sh: wasm has split points but was not split: put scripts/wasm-split/bin first on PATH (see Makefile)" >&2; exit 1
fi
# The link JS the staged main JS imports (none: a build without split points).
LINK=$(grep -rhoE --include='*.js' '__wasm_split-[0-9a-f]{16}\.js' "$TRUNK_STAGING_DIR" | head -n1 || true)
[ -n "$LINK" ] || exit 0
MAIN_JS=$(grep -rl --include='*.js' "$LINK" "$TRUNK_STAGING_DIR" | head -n1)
# The wrapper wrote it under Trunk's wasm-bindgen output dir, in cargo's target dir.
TD=${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps --offline | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}
SRC=$TD/wasm-bindgen/$TRUNK_PROFILE/wasm-split/dist
[ -f "$SRC/$LINK" ] || { echo "stage.sh: $SRC/$LINK not found: the main JS would import a missing file" >&2; exit 1; }
cp "$SRC"/* "$(dirname "$MAIN_JS")/"
echo "stage.sh: copied $(ls "$SRC" | wc -l) files ($LINK and the wasm chunks) to $(dirname "$MAIN_JS")"
