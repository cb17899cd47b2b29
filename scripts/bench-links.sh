#!/usr/bin/env bash
# Times cross-source link detection on the seeds and on synthetic corpora made of perturbed
# copies of them (scripts/synth-corpus.py), and reports peak memory.
#
# Usage: scripts/bench-links.sh [COPIES ...]      (default: 10 100)
#
# For each corpus: its size, the work detection did (posting visits, candidate pairs), the
# links found, detection time (best of three runs, measured inside corpus-tool), and the
# wall time and peak resident memory of the whole corpus-tool process (which also parses,
# segments and runs detection a fourth time while building). Synthetic corpora are written
# to a temporary directory and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(10 100)

cargo build --quiet --release -p corpus --features build --bin corpus-tool
tool=target/release/corpus-tool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs `corpus-tool bench-links FOLDER`; prints its output line, then "wall-s N peak-mb N".
measure() {
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v "$tool" bench-links "$1" 2>"$work/time.txt"
        awk -F': ' '
            /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
            /Maximum resident set size/ { rss = $2 }
            END { printf "wall-s %.2f peak-mb %.1f\n", wall, rss / 1024 }' "$work/time.txt"
    else
        python3 - "$tool" "$1" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run([sys.argv[1], "bench-links", sys.argv[2]], check=True)
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"wall-s {wall:.2f} peak-mb {peak_kb / 1024:.1f}")
PY
    fi
}

row() {
    # $1 label, then the two lines from measure on stdin.
    paste -sd' ' | awk -v label="$1" '{
        for (i = 1; i < NF; i += 2) v[$i] = $(i + 1)
        printf "%-8s %6s %8s %7s %10s %9s %7s %12s %8s %8s\n", label, v["documents"], v["words"], v["blocks"],
            v["posting-visits"], v["candidates"], v["links"], v["detection-ms"], v["wall-s"], v["peak-mb"]
    }'
}

printf "%-8s %6s %8s %7s %10s %9s %7s %12s %8s %8s\n" corpus docs words blocks visits candidates links detection-ms wall-s peak-mb
measure seeds | row "seeds"
for n in "${copies[@]}"; do
    python3 scripts/synth-corpus.py "$n" "$work/x$n" >/dev/null
    measure "$work/x$n" | row "x$n"
    rm -rf "${work:?}/x$n"
done
