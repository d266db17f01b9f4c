#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already
# present at the right version. Safe to run again and again; says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[install] %s\n' "$*"; }

TRUNK_VERSION=0.21.14
# The one wasm-bindgen version: the `=` pin in Cargo.toml. The CLI must match it.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "Cargo.toml must pin wasm-bindgen with =" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$c"; then say "$c: present"; else say "adding $c"; rustup component add "$c"; fi
done

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (compiles from source, about 14 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
   && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Not --locked: the CLI's own lockfile names a crate version the registry lacks.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Cuts the wasm at the lazy pages' split points (scripts/wasm-split/bin/wasm-bindgen runs it).
# It has no --version, so cargo's own list of installed crates says which version is there.
WASM_SPLIT_VERSION=0.2.4
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && command -v wasm-split-cli >/dev/null; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "$@"
}

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium and chromedriver: present ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
else
  say "installing Debian chromium and chromium-driver"
  apt_install chromium chromium-driver
fi

# The cross-engine smoke suite (tests/xengine): Firefox ESR, WebKitGTK's
# MiniBrowser with its WebDriver, and Xvfb for the display WebKitGTK needs.
if [ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && command -v xvfb-run >/dev/null && command -v xauth >/dev/null; then
  say "firefox-esr, webkit2gtk-driver and xvfb: present ($(/usr/bin/firefox-esr --version 2>/dev/null | head -1))"
else
  say "installing Debian firefox-esr, webkit2gtk-driver and xvfb (about 1.5 minutes)"
  apt_install firefox-esr webkit2gtk-driver xvfb xauth
fi

# Node tools (wasm-opt from binaryen, playwright-core, axe-core) from the committed lockfile.
# Optional packages of other platforms (esbuild's @esbuild/*) are in the lockfile
# but never installed, so they do not count.
stamp=node_modules/.package-lock.json
pkgs() { node -e 'const fs=require("fs");const l=require(process.argv[1]);console.log(JSON.stringify(Object.entries(l.packages).filter(([k,v])=>k&&!(v.optional&&!fs.existsSync(k))).map(([k,v])=>[k,v.version])))' "$1"; }
if [ -f "$stamp" ] && cmp -s <(pkgs ./package-lock.json) <(pkgs "./$stamp"); then
  say "node packages: present (match package-lock.json)"
else
  say "installing node packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

say "fetching crates (so Trunk and cargo can build offline)"
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "all tools present"
