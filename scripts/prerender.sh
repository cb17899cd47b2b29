#!/usr/bin/env bash
# Trunk post-build hook: render every route of the app to HTML from the corpus
# ($READER_SEEDS, else seeds/), with the native `prerender` binary (src/bin/prerender.rs).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cargo run --quiet --profile prerender --features ssr --bin prerender -- "$staging" "${TRUNK_PUBLIC_URL:-/}"
