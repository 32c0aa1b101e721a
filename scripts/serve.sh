#!/usr/bin/env bash
# Installs what is missing, rebuilds the corpus from corpus/ and serves the
# explorer on http://127.0.0.1:8080 (PORT=… to change).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
cargo run --release --bin corpus -- build corpus --out corpus/corpus.json
exec trunk serve --release --port "${PORT:-8080}"
