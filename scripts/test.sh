#!/usr/bin/env bash
# Installs what is missing, then runs every test: native unit, integration
# and property tests (pipeline on the seeds and the 2,095 BBC articles, view
# model), Yew component tests in headless Chromium, and end-to-end tests of
# the built site and the single-file edition in Chromium, Firefox and WebKit.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))" >&2; }

step "formatting and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features app --lib -- -D warnings
cargo clippy --profile prerender --no-default-features --features ssr --lib --bins -- -D warnings

step "native tests"
cargo test

step "component tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --no-default-features --features app --test tests

step "benchmarks compile"
cargo bench --bench pipeline --no-run

step "build the site and the single file"
trunk build --release
node scripts/single-file.mjs dist dist-single/corpus-explorer.html

step "a site with the 2,095 BBC articles embedded, for the scale test"
cargo run --release --bin corpus -- build ../shared/datasets/bbc-news-2004/news --plain "BBC News" --out target/bbc/corpus.json
EXPLORER_CORPUS="$ROOT/target/bbc/corpus.json" trunk build --release --dist target/dist-bbc

step "a site with hostile content (markup, javascript: addresses, bidi overrides, 5,000-character runs)"
cargo run --release --bin corpus -- build tests/hostile --out target/hostile/corpus.json
node scripts/hostile-corpus.mjs target/hostile/corpus.json
EXPLORER_CORPUS="$ROOT/target/hostile/corpus.json" trunk build --release --dist target/dist-hostile

step "end-to-end tests in Chromium, Firefox and WebKit"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
