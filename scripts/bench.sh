#!/usr/bin/env bash
# Benchmarks the explorer and rewrites BENCHMARKS.md: builds the site around
# the BBC corpus, around a generated corpus of 20,000 events and around an
# empty one (the shell), then measures load, memory and interactions in
# headless Chromium (scripts/bench.mjs). Not part of the tests: the timing
# budgets live in BENCHMARKS.md. Takes 15 to 30 minutes on two cores.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
BENCH="$ROOT/target/bench"
BBC="$ROOT/target/bbc/corpus.json"
GENERATED="$BENCH/generated.json"
EMPTY="$BENCH/empty.json"
# About 2.4 times the BBC's articles; entities grow more slowly than articles
# in news, so twice the BBC's 12,951 rather than 2.4 times.
SCALE=(--events 20000 --entities 25000 --seed 1)

# Lighthouse only serves the benchmark, so the test command does not install it.
LIGHTHOUSE_VERSION=12.8.2
if ! npm_has "lighthouse@$LIGHTHOUSE_VERSION"; then
  say "installing lighthouse@$LIGHTHOUSE_VERSION from npm into $TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi

mkdir -p "$BENCH"
say "the BBC corpus, as the tests build it"
cargo run --release --bin corpus -- build ../shared/datasets/bbc-news-2004/news --plain "BBC News" --out "$BBC"
say "a generated corpus: corpus scale ${SCALE[*]}"
cargo run --release --bin corpus -- scale "$BBC" "${SCALE[@]}" --out "$GENERATED"
echo '{"schema_version":2,"version":"00000000","articles":[],"entities":[],"events":[],"quotes":[],"figures":[],"relations":[]}' > "$EMPTY"

for site in empty:"$EMPTY" bbc:"$BBC" generated:"$GENERATED"; do
  say "building the site around ${site#*:}"
  EXPLORER_CORPUS="${site#*:}" trunk build --release --dist "target/bench-${site%%:*}"
done

# The commit measured; BENCHMARKS.md itself does not make it dirty.
commit="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain -- . ':!BENCHMARKS.md')" ] || commit="$commit (with uncommitted changes)"
node scripts/bench.mjs --shell target/bench-empty --out BENCHMARKS.md --commit "$commit" \
  --about "corpus scale target/bbc/corpus.json ${SCALE[*]}" \
  bbc=target/bench-bbc,"$BBC" generated=target/bench-generated,"$GENERATED"

say "Lighthouse's mobile run on the shipped corpus's site"
trunk build --release
node scripts/lighthouse.mjs dist "$TOOLS/node/node_modules/.bin/lighthouse" >> BENCHMARKS.md
