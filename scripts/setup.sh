#!/usr/bin/env bash
# Installs whatever the explorer needs and is missing, skipping what is
# already installed at the right version. Sourced by serve.sh and test.sh.
# Nothing is downloaded but packages from crates.io, npm and Debian.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CORPUS_EXPLORER_TOOLS:-$HOME/.cache/corpus-explorer}"
export PATH="$HOME/.cargo/bin:$TOOLS/node/node_modules/.bin:$PATH"

# The wasm-bindgen CLI must match the crate exactly; Trunk.toml names the same version.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"
TRUNK_SERIES="0.21"
BINARYEN_VERSION="132.0.0"
LIGHTNINGCSS_VERSION="1.33.0"
ESBUILD_VERSION="0.28.2"
PLAYWRIGHT_VERSION="1.65.1"
AXE_VERSION="4.14.1"
TIMELINEJS_VERSION="3.9.11"
GRAPHOLOGY_VERSION="0.26.0"
GRAPHOLOGY_GEXF_VERSION="0.13.2"
GRAPHOLOGY_GRAPHML_VERSION="0.5.2"

say() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk $TRUNK_SERIES\."; then
  say "installing trunk $TRUNK_SERIES.x (newer needs a newer rustc)"
  cargo install trunk --version "~$TRUNK_SERIES" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: a locked dependency of this release is gone from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
# WebKitGTK, the engine closest to Safari on Linux, driven through WebDriver in a virtual display.
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing ${missing[*]}; install them with:"
    echo "sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# wasm-opt from npm's binaryen (Debian's binaryen 108 cannot parse rustc 1.95's
# output), lightningcss and esbuild, which minify the stylesheet and the
# JavaScript glue at build (Trunk.toml),
# playwright-core, which drives Debian's Chromium in the browser tests,
# axe-core, which checks accessibility there, and the readers the exports are
# checked with: TimelineJS3, and graphology with its GEXF and GraphML parsers.
npm_packages=(
  "binaryen@$BINARYEN_VERSION" "lightningcss-cli@$LIGHTNINGCSS_VERSION" "esbuild@$ESBUILD_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "axe-core@$AXE_VERSION"
  "@knight-lab/timelinejs@$TIMELINEJS_VERSION" "graphology@$GRAPHOLOGY_VERSION"
  "graphology-gexf@$GRAPHOLOGY_GEXF_VERSION" "graphology-graphml@$GRAPHOLOGY_GRAPHML_VERSION"
)
npm_has() { grep -q "\"version\": \"${1##*@}\"" "$TOOLS/node/node_modules/${1%@*}/package.json" 2>/dev/null; }
npm_missing=()
for package in "${npm_packages[@]}"; do npm_has "$package" || npm_missing+=("$package"); done
if ((${#npm_missing[@]})); then
  say "installing ${npm_missing[*]} from npm into $TOOLS/node"
  mkdir -p "$TOOLS/node"
  [ -f "$TOOLS/node/package.json" ] || echo '{"private": true}' > "$TOOLS/node/package.json"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --silent "${npm_packages[@]}"
fi
export PLAYWRIGHT_CORE="$TOOLS/node/node_modules/playwright-core/index.mjs"
export AXE_CORE="$TOOLS/node/node_modules/axe-core/axe.min.js"
# Where the end-to-end tests find the readers of the exports.
export NODE_TOOLS="$TOOLS/node/node_modules"

if ! command -v geckodriver >/dev/null; then
  say "installing geckodriver from crates.io"
  cargo install geckodriver --locked
fi
