#!/usr/bin/env bash
# Runs every test of Sportello on a fresh machine: it installs what it needs (the wasm
# target, maturin in a virtualenv, ...) and reuses builds from one shared target folder.
#   ./scripts/test.sh            everything
#   SKIP_PYTHON=1 SKIP_WIDGET=1 SKIP_CONSOLE=1 ./scripts/test.sh   Rust only
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="${SPORTELLO_CACHE:-$HOME/.cache/sportello}"
# The workspace's own target/ folder, the one `cargo run -p sportello-cli -- demo` builds
# into: a newcomer who ran the demo first compiles the dependencies once, not twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# A build that runs once needs no incremental cache: it only costs time and disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# Fixed "today" so that date checks and golden outputs repeat.
export SPORTELLO_TODAY="${SPORTELLO_TODAY:-2026-11-23}"
START=$(date +%s)
step() { echo; echo "==> [$(( $(date +%s) - START ))s] $*"; }
# Installs a Debian package when the file it provides is missing.
need() { [[ -e "$1" ]] || { SUDO=(); [[ $(id -u) -ne 0 ]] && SUDO=(sudo); "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "$2" >/dev/null; }; }

step "toolchain"
rustc --version
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# pdftotext reads PDFs back in the browser and Python tests (the widget's letters, the
# console's papers, the desk's report).
need /usr/bin/pdftotext poppler-utils

step "rust: format"
cargo fmt --all --check

step "rust: tests, with clippy's lints as errors (core, cli, wasm binding on the host)"
# Clippy's driver is the compiler of the project's own crates from here on, as
# `cargo clippy` makes it, but in the test build itself: the lints (warnings denied) come
# with compiling, and the dependencies compile once instead of once more for `cargo clippy`.
# The later steps' builds (the wasm widget, the Python wheel) are linted the same way.
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
RUSTC_WORKSPACE_WRAPPER=$(rustup which clippy-driver)
export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
cargo test --workspace --exclude sportello-python

step "Italian search: evaluation and junk sets (figures; the targets and the floors of the ground reached asserted)"
cargo test -q --workspace --exclude sportello-python --test italian_search -- --nocapture --test-threads 1 2>&1 | grep -v '^    "'

if [[ -z "${SKIP_WIDGET:-}" ]]; then
  step "browser widget: wasm build, Playwright tests in headless Chromium"
  # The dev profile keeps CI quick (Typst for wasm32 once, no fat LTO); the shipped
  # build is `wasm/widget/build.sh` in its default release profile.
  PROFILE="${WIDGET_PROFILE:-dev}" ./wasm/widget/test.sh
fi

if [[ -z "${SKIP_CONSOLE:-}" ]]; then
  step "desk console: sportello serve in headless Chromium (Playwright, axe-core)"
  # The binary the Rust tests built (target/debug/sportello, as cli/tests/console/server.mjs
  # expects); the widget's dist/ when the widget step built it.
  [[ -n "${CHROMIUM_PATH:-}" ]] || need /usr/bin/chromium chromium
  (
    cd cli/tests/console
    if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.sportello-lock; then
      npm ci --no-audit --no-fund --loglevel=error
      cp package-lock.json node_modules/.sportello-lock
    fi
    [[ -f "$ROOT/wasm/widget/dist/sportello-cv.js" ]] && export WIDGET_DIST="$ROOT/wasm/widget/dist"
    node --test --test-concurrency=1 --test-reporter=spec .
  )
fi

if [[ -z "${SKIP_PYTHON:-}" ]]; then
  step "python: wheel with maturin, fresh-venv install, pytest (doctests, Dask, mypy --strict)"
  VENV="$CACHE/venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  # What the build and the tests need, installed only when something is missing.
  "$VENV/bin/python" -c "import maturin, pytest, pandas, pyarrow, polars, dask.dataframe, dask.distributed, mypy" 2>/dev/null ||
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
      "maturin>=1.7,<2" "pytest>=8" "pandas>=2" "pyarrow>=14" "polars>=0.20" "dask[dataframe,distributed]>=2024.1" "mypy>=1.8"
  rm -rf "$CACHE/wheels"
  "$VENV/bin/maturin" build -q --profile dev -m python/Cargo.toml -o "$CACHE/wheels"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$CACHE"/wheels/*.whl
  # The wheel alone installs and imports in a fresh virtualenv (no index: it needs nothing else).
  FRESH="$CACHE/venv-fresh"
  rm -rf "$FRESH" && python3 -m venv "$FRESH"
  "$FRESH/bin/python" -m pip install -q --disable-pip-version-check --no-index "$CACHE"/wheels/*.whl
  (cd "$CACHE" && "$FRESH/bin/python" -c "import sportello; print('fresh venv: sportello', sportello.__version__)")
  # Run from outside the source tree so that the installed wheel is what gets imported.
  # python/tests/test_typing.py runs mypy --strict on a usage example against the stubs.
  (cd "$CACHE" && "$VENV/bin/python" -m pytest -q -p no:cacheprovider --doctest-modules "$ROOT/python/tests" --pyargs sportello)
fi

step "all tests passed in $(( $(date +%s) - START ))s"
