#!/usr/bin/env bash
# Trunk post-build hook: copy index.html to every route the app answers (dist/doc/<slug>/
# index.html, …) and to 404.html, so that a plain static file server can open any deep link.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
# The same corpus folder as build.rs: READER_SEEDS, else seeds/.
routes=$(cargo run --quiet --package corpus --features build --bin corpus-tool -- routes "${READER_SEEDS:-seeds}")
count=0
for route in $routes; do
  [ "$route" = "/" ] && continue
  mkdir -p "$staging$route"
  cp "$staging/index.html" "$staging$route/index.html"
  count=$((count + 1))
done
cp "$staging/index.html" "$staging/404.html"
echo "prerender-routes: wrote index.html for $count routes and 404.html"
