#!/bin/sh
# Trunk's post-build step before the prerenderer (Trunk.toml): minifies
# wasm-bindgen's JavaScript glue in the staging directory with esbuild
# (Trunk's own minifier breaks the glue) and puts the new digest in
# index.html, where the glue's modulepreload carries its integrity.
set -eu
cd "$TRUNK_STAGING_DIR"
digest() { openssl dgst -sha384 -binary "$1" | base64 -w0; }
for glue in explorer-*.js; do
  before="$(digest "$glue")"
  esbuild "$glue" --minify --format=esm --allow-overwrite --outfile="$glue" --log-level=warning
  sed -i "s|sha384-$before|sha384-$(digest "$glue")|" index.html
done
