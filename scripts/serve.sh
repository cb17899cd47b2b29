#!/usr/bin/env bash
# Command one: install what is missing, build the reader (release) and serve it on
# http://127.0.0.1:8080 (PORT to change), rebuilding on changes. It builds into
# target/serve/, because trunk serve adds its live-reload script: dist/ stays what
# `trunk build --release` makes, the files to deploy.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SETUP_BROWSER=${SETUP_BROWSER:-1} source scripts/setup.sh
exec trunk serve --release --dist target/serve --address 127.0.0.1 --port "${PORT:-8080}"
