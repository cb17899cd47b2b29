#!/usr/bin/env bash
# The site at scale: builds the reader from synthetic corpora (scripts/synth-corpus.py: copy 0
# of each seed is the seed itself, the other copies perturbed), and reports for each the
# build's wall time and peak memory (the whole `trunk build --release`, wasm cached), the
# pages and bytes written, and the distribution of per-document data (a document page's HTML
# and its glossary cards, raw and brotli). With --first-visit it then measures the first
# visit to the same document (copy 0 of the longest seed) on the seeds' dist/ and on the
# first larger corpus, side by side (tests/e2e/bench.mjs firstVisitTransfer).
#
#   bash scripts/bench-scale.sh [--first-visit] [COPIES ...]     (default: 100 1000)
#
# The corpora and sites go to a temporary folder (BENCH_SCALE_DIR to keep them), removed
# afterwards. ×1000 is 5,000 documents and about 10M words: allow 10 minutes and 7 GB of disk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

first_visit=0
if [ "${1:-}" = --first-visit ]; then first_visit=1; shift; fi
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(100 1000)

SETUP_BROWSER=1 source scripts/setup.sh >&2
work=${BENCH_SCALE_DIR:-$(mktemp -d)}
[ -n "${BENCH_SCALE_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
doc=how-the-bureaucracy-seized-power

echo "# Source Reader at scale"
echo "command: bash scripts/bench-scale.sh${first_visit:+ }$([ $first_visit = 1 ] && echo --first-visit) ${copies[*]}"
echo "commit:  $(git rev-parse --short HEAD)"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GB"
echo
# The wasm does not depend on the corpus: build it once, so that each figure below is the
# corpus's own cost (pipeline, rendering, writing).
trunk build --release --dist "$work/dist-seeds" >"$work/build-seeds.log" 2>&1

brotli_stats() {
  # FILES on stdin; prints count, median, p90 and max of raw sizes (all files) and of brotli
  # sizes (quality 11; of every file, or of an even sample of 400 when there are more).
  node -e '
    const z = require("zlib"), fs = require("fs");
    const files = fs.readFileSync(0, "utf8").split("\n").filter(Boolean).sort();
    const raw = files.map((f) => fs.statSync(f).size);
    const step = Math.max(1, Math.floor(files.length / 400));
    const sample = files.filter((_, i) => i % step === 0);
    const br = sample.map((f) => z.brotliCompressSync(fs.readFileSync(f), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    const q = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.max(0, Math.ceil(p * s.length) - 1)]; };
    const kb = (n) => (n / 1024).toFixed(1);
    const of = sample.length === files.length ? "" : ` (of ${sample.length} sampled)`;
    console.log(`${files.length} files; raw KB median ${kb(q(raw, .5))} p90 ${kb(q(raw, .9))} max ${kb(q(raw, 1))}; brotli KB${of} median ${kb(q(br, .5))} p90 ${kb(q(br, .9))} max ${kb(q(br, 1))}`);'
}

printf '%-8s %9s %11s %10s %10s %9s %9s\n' corpus documents words build "peak RSS" pages "site"
for n in "${copies[@]}"; do
  corpus="$work/x$n"
  python3 scripts/synth-corpus.py "$n" "$corpus" >/dev/null
  words=$(cat "$corpus"/*.txt | wc -w)
  /usr/bin/time -v env READER_SEEDS="$corpus" trunk build --release --dist "$work/dist-x$n" \
    >"$work/build-x$n.log" 2>"$work/time-x$n.txt" || { cat "$work/build-x$n.log" "$work/time-x$n.txt" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.0f s", s }' "$work/time-x$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.2f GB", $2 / 1048576 }' "$work/time-x$n.txt")
  pages=$(find "$work/dist-x$n" -name '*.html' | wc -l)
  size=$(du -sh "$work/dist-x$n" | cut -f1)
  printf '%-8s %9s %11s %10s %10s %9s %9s\n' "×$n" "$(ls "$corpus"/*.txt | wc -l)" "$words" "$wall" "$rss" "$pages" "$size"
  grep -h 'prerender:' "$work/build-x$n.log" | sed 's/^/         /'
  echo "         document pages: $(find "$work/dist-x$n/doc" -mindepth 2 -maxdepth 2 -name index.html | brotli_stats)"
  echo "         glossary cards: $(find "$work/dist-x$n/doc" -name glossary.bin | brotli_stats)"
  echo "         all pages:      $(find "$work/dist-x$n" -name '*.html' | brotli_stats)"
  # Only the first corpus's site is kept, for the first-visit comparison (they are large).
  [ "$n" = "${copies[0]}" ] || rm -rf "$work/dist-x$n" "$corpus"
done

if [ "$first_visit" = 1 ]; then
  echo
  (cd tests/e2e && node bench.mjs --dist "$work/dist-seeds" --large-dist "$work/dist-x${copies[0]}" \
    --large-doc "$doc-c000" --large-name "×${copies[0]}" --doc "$doc" --only firstVisitTransfer)
fi
