#!/usr/bin/env bash
# Command two: run every test, on a fresh machine of this kind (installs what is missing first).
#
#   bash scripts/test.sh
#
# Steps: formatting, clippy (native and wasm32), native unit tests, seed checksums, the release
# build, a second release build for a sub-folder (/reader/, into target/dist-reader), and the
# Playwright end-to-end suite against dist/ (and the sub-folder build under /reader/) served by a
# plain static server.
# Every step runs even when an earlier one failed (except the browser tests, which need the
# build); the last line says PASS or FAIL with the failed steps. Exit status 0 only on PASS.
#
# Environment: SKIP_E2E=1 skips the browser tests; E2E_ARGS passes arguments to Playwright
# (e.g. E2E_ARGS="specs/library.spec.mjs").
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
started=$SECONDS

bold() { printf '\033[1m%s\033[0m\n' "$*"; }
elapsed() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# Tools: trunk, wasm-bindgen, wasm-opt 132, chromium, Playwright. A failure here is fatal.
# Installed in a child shell first (so that a failure ends in the summary line below), then
# sourced for its PATH, which is quick once everything is there.
bold "== setup"
if ! bash scripts/setup.sh; then
  bold "test.sh: FAIL: setup (installing the tools) failed after $(elapsed $((SECONDS - started)))"
  exit 1
fi
# shellcheck source=scripts/setup.sh
source scripts/setup.sh >/dev/null
set +e  # setup.sh turned on errexit; this script records failures and goes on.
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

passed=()
failed=()
timings=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# step NAME COMMAND...: runs one step, records its result, time and (from its output) how
# many tests passed and failed.
step() {
  local name=$1
  shift
  local t0=$SECONDS
  bold "== $name: $*"
  (cd "$root" && "$@") 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local took=$((SECONDS - t0))
  local counts
  counts=$(count_tests "$logs/$name.log")
  timings+=("$(printf '%-12s %-4s %7s  %s' "$name" "$([ "$status" = 0 ] && echo ok || echo FAIL)" "$(elapsed $took)" "$counts")")
  if [ "$status" = 0 ]; then passed+=("$name"); else failed+=("$name"); bold "!! $name failed (exit $status)"; fi
  return "$status"
}

# Test counts in a step's output: cargo's "test result:" lines, Playwright's last summary.
count_tests() {
  local log=$1
  if grep -q '^test result:' "$log"; then
    grep '^test result:' "$log" | awk '{ p += $4; f += $6 } END { printf "%d passed, %d failed (cargo)", p, f }'
  elif grep -qE '^\s+[0-9]+ (passed|failed)' "$log"; then
    grep -E '^\s+[0-9]+ (passed|failed|flaky|skipped|did not run)' "$log" | sed -E 's/^\s+//; s/ \(.*//' | paste -sd, - |
      sed 's/,/, /g; s/$/ (playwright)/'
  fi
}

step fmt cargo fmt --all --check
# The app has two builds, never one with both features: `ssr` (the build-time renderer,
# native) and `hydrate` (the browser's wasm).
step clippy bash -c 'cargo clippy -p corpus --all-targets --all-features -- -D warnings &&
  cargo clippy -p source-reader --features ssr --all-targets -- -D warnings'
step clippy-wasm cargo clippy --target wasm32-unknown-unknown -p source-reader --features hydrate -- -D warnings
step unit-tests bash -c 'cargo test -p corpus --all-features && cargo test -p source-reader --features ssr' 
step seeds bash -c 'cd seeds && sha256sum -c SHA256SUMS'
if step build trunk build --release; then
  # The same site for hosting in a sub-folder: specs/subfolder.spec.mjs serves it under /reader/.
  # Without it (the build failed) that spec is skipped and this step's failure fails the run.
  subfolder=none
  if step build-subfolder trunk build --release --public-url /reader/ --dist target/dist-reader; then
    subfolder="$root/target/dist-reader"
  fi
  if [ "${SKIP_E2E:-0}" = 1 ]; then
    bold "== e2e: skipped (SKIP_E2E=1)"
  else
    # The suite starts its own static servers on free ports (see playwright.config.mjs).
    # shellcheck disable=SC2086
    step e2e bash -c "cd tests/e2e && E2E_DIST='$root/dist' E2E_DIST_SUBFOLDER='$subfolder' ./node_modules/.bin/playwright test ${E2E_ARGS:-}"
  fi
else
  failed+=("e2e (not run: no build)")
fi

echo
bold "== summary"
printf '  %s\n' "${timings[@]}"
total=$(elapsed $((SECONDS - started)))
if [ ${#failed[@]} = 0 ]; then
  bold "test.sh: PASS: ${#passed[@]} steps passed (${passed[*]}) in $total"
  exit 0
fi
bold "test.sh: FAIL: ${failed[*]} (passed: ${passed[*]:-none}) in $total"
exit 1
