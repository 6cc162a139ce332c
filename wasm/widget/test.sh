#!/usr/bin/env bash
# Builds the widget and runs its browser tests, from a fresh machine:
# installs Debian's chromium and zstd if missing, `npm ci`, wasm-bindgen-cli if the version in
# Cargo.lock differs (build.sh), checks the generated TypeScript types, builds dist/,
# then runs the Playwright end-to-end tests (node --test) against it.
#   wasm/widget/test.sh              release build (as shipped)
#   PROFILE=dev wasm/widget/test.sh  quicker to compile after Rust edits
#   BENCH=1 wasm/widget/test.sh      also print the benchmark figures
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd "$HERE/../.." && pwd)/target}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
START=$(date +%s)
step() { echo; echo "==> [widget $(( $(date +%s) - START ))s] $*"; }

step "chromium, zstd"
missing=()
[[ -x "$CHROMIUM_PATH" ]] || missing+=(chromium)
command -v zstd >/dev/null || missing+=(zstd)
if (( ${#missing[@]} )); then
  SUDO=(); [[ $(id -u) -ne 0 ]] && SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
"$CHROMIUM_PATH" --version

step "npm ci"
# Reinstall only when package-lock.json changed since the last install.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.sportello-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.sportello-lock
fi

step "TypeScript types are current with core/schema"
node scripts/gen-types.mjs --check

step "build dist/"
./build.sh

step "browser tests"
node --test --test-concurrency=1 --test-reporter=spec tests/

if [[ -n "${BENCH:-}" ]]; then
  step "benchmark"
  node tests/bench.mjs
fi
step "widget tests passed in $(( $(date +%s) - START ))s"
