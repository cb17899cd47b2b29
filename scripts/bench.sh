#!/usr/bin/env bash
# Benchmark (not a test: it prints figures). Builds the release bundle, prints its sizes
# (raw, gzip -9, brotli), the corpus figures (marked terms per document, links by kind), link
# detection time on the seeds, ×10 and ×100 (scripts/bench-links.sh), and in headless
# Chromium (tests/e2e/bench.mjs): the cold load of a document against the same text as a
# plain static HTML page, what its first visit transfers, the glossary popover's
# click-to-open time, and Lighthouse (mobile) on the document and on the plain page.
# The site at scale (×100, ×1000) is scripts/bench-scale.sh.
#
#   bash scripts/bench.sh [bench.mjs arguments: --runs N, --doc SLUG, --only SECTION, …]
#
# BENCH_NO_BUILD=1 uses the dist/ that is there; BENCH_DIST=DIR measures another build folder
# (no build); BENCH_RUNS=N sets the number of cold loads (default 20); BENCH_OPENS=N the
# popover opens (default 100); BENCH_NO_LINKS=1 skips the link-detection scaling run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command_line="bash scripts/bench.sh${*:+ $*}"
for var in BENCH_NO_BUILD BENCH_DIST BENCH_RUNS; do
  if [ -n "${!var:-}" ]; then command_line="$var=${!var} $command_line"; fi
done

SETUP_BROWSER=1 source scripts/setup.sh >&2
# Lighthouse, for the benchmark only (not a test dependency): npm's lighthouse 13 into .tools/.
if [ ! -x .tools/node_modules/.bin/lighthouse ]; then
  echo "[bench] installing lighthouse 13 into .tools/" >&2
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "lighthouse@13" "binaryen@132.0.0" >&2
fi
dist=$(realpath -m "${BENCH_DIST:-dist}")
if [ "${BENCH_NO_BUILD:-0}" != 1 ] && [ -z "${BENCH_DIST:-}" ]; then
  echo "[bench] trunk build --release" >&2
  trunk build --release >&2
fi

echo "# Source Reader benchmark"
echo "command: $command_line"
echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src corpus style seeds index.html Cargo.toml Cargo.lock Trunk.toml 2>/dev/null || echo ' (with uncommitted changes)')"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"

# Brotli at quality 11 (the most, as a host would precompress): the brotli CLI when there is
# one, else Node's zlib (always there).
if command -v brotli >/dev/null; then
  brotli_tool="brotli -q 11 (CLI)"
  brotli_size() { brotli -q 11 -c -- "$1" | wc -c; }
else
  brotli_tool="node zlib.brotliCompressSync, quality 11"
  brotli_size() {
    node -e 'const z=require("zlib"),fs=require("fs");const b=z.brotliCompressSync(fs.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:fs.statSync(process.argv[1]).size}});console.log(b.length)' "$1"
  }
fi
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

echo
echo "## bundle: the release build in $dist/ (brotli: $brotli_tool)"
printf '%-44s %12s %12s %12s %10s %10s\n' file raw "gzip -9" brotli "raw KB" "brotli KB"
printf '%-44s %12s %12s %12s %10s %10s\n' "$(printf -- '-%.0s' {1..44})" ------------ ------------ ------------ ---------- ----------
total_raw=0 total_gz=0 total_br=0
for pattern in '*.wasm' '*.js' '*.css'; do
  found=0
  for file in "$dist"/$pattern; do
    [ -f "$file" ] || continue
    found=1
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c -- "$file" | wc -c)
    br=$(brotli_size "$file")
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-44s %12s %12s %12s %10s %10s\n' "${file##*/}" "$raw" "$gz" "$br" "$(kb "$raw")" "$(kb "$br")"
  done
  [ "$found" = 1 ] || { echo "no $pattern in $dist/" >&2; exit 1; }
done
printf '%-44s %12s %12s %12s %10s %10s\n' total "$total_raw" "$total_gz" "$total_br" "$(kb "$total_raw")" "$(kb "$total_br")"
echo "(bytes, then KB of 1024 bytes; the pages and their data are in firstVisitTransfer below)"

echo
echo "## corpus: marked glossary occurrences per document, links by kind (corpus-tool)"
cargo run --quiet --package corpus --features build --bin corpus-tool -- check seeds
cargo run --quiet --package corpus --features build --bin corpus-tool -- links seeds | sed -n '1,4p'

if [ "${BENCH_NO_LINKS:-0}" != 1 ]; then
  echo
  echo "## link detection on the seeds and on synthetic corpora ×10 and ×100 (scripts/bench-links.sh)"
  bash scripts/bench-links.sh 10 100
fi

cd tests/e2e
node bench.mjs --dist "$dist" "$@"
