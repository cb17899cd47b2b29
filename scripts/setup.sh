#!/usr/bin/env bash
# Installs what building and testing the reader needs, skipping whatever is already there at
# the right version. Sourced by serve.sh and test.sh; safe to run again and again.
#
#   wasm32-unknown-unknown target  rustup
#   trunk 0.21.14                  cargo install (0.22 needs a newer rustc than 1.95)
#   wasm-bindgen-cli               cargo install, exactly the wasm-bindgen version in Cargo.lock
#   wasm-opt 132                   npm's binaryen into .tools/ (Debian's binaryen 108 breaks the wasm)
#   chromium, chromedriver         Debian packages, for the browser tests (root only)
#   Playwright, axe-core           npm ci in tests/e2e (no browser download: Debian's chromium is used)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
want_browser=${SETUP_BROWSER:-1}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
# Faster installs of the tools themselves: their speed does not matter, their build time does.
fast_install() { CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  fast_install --locked trunk --version "$TRUNK_VERSION"
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be $bindgen_version, the version in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 3 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  fast_install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [ "$(.tools/node_modules/.bin/wasm-opt --version 2>/dev/null)" != "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  say "installing wasm-opt ${BINARYEN_VERSION%%.*} from npm's binaryen into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

if [ "$want_browser" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromedriver"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
    fi
  fi
  if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    say "installing the test drivers (Playwright, axe-core) from npm"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# Trunk finds wasm-opt here; with offline = true it never downloads a tool.
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3)"
