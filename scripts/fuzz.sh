#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz, cargo fuzz + libFuzzer) for a bounded time and
# prints executions per target. A crash is saved under tests/fuzz/regressions/<target>/,
# where `cargo test` replays it from then on (core/tests/fuzz_regressions.rs).
#   ./scripts/fuzz.sh                 every target, 60 s each
#   ./scripts/fuzz.sh 300 render      one target, 5 minutes
# Works on the stable toolchain (no sanitizer: Rust code is memory-safe, `unsafe` is
# forbidden in the project; libFuzzer still finds panics, hangs and runaway memory).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-60}"
shift || true
CACHE="${SPORTELLO_CACHE:-$HOME/.cache/sportello}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$CACHE/fuzz-target}"
CARGO_FUZZ_VERSION=0.13.2

if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

# Every target the fuzz crate declares, unless some are named.
if [[ $# -gt 0 ]]; then TARGETS=("$@"); else mapfile -t TARGETS < <(cargo fuzz list --fuzz-dir tests/fuzz); fi

# Seed inputs: the project's own fixtures, by what each target reads.
seeds() {
  case "$1" in
    profile) echo tests/fixtures/profiles tests/fixtures/vacancies tests/fixtures/invalid ;;
    import_*) echo tests/fixtures/interop ;;
    normalise) echo "$CACHE/fuzz-seeds/normalise" ;;
    render) echo tests/fixtures/profiles ;;
  esac
}
mkdir -p "$CACHE/fuzz-seeds/normalise"
printf 'muletto' >"$CACHE/fuzz-seeds/normalise/1"
printf 'cariello elevatore' >"$CACHE/fuzz-seeds/normalise/2"
printf 'assistenza anziani' >"$CACHE/fuzz-seeds/normalise/3"
printf 'Trecate (NO)' >"$CACHE/fuzz-seeds/normalise/4"

# The fuzz crate's lock starts from the workspace's, so both build the same versions.
[[ -f tests/fuzz/Cargo.lock ]] || cp Cargo.lock tests/fuzz/Cargo.lock
cargo fuzz build --sanitizer none --fuzz-dir tests/fuzz

SUMMARY=()
FOUND=0
for t in "${TARGETS[@]}"; do
  corpus="$CACHE/fuzz-corpus/$t"
  artifacts="$CACHE/fuzz-artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  log="$CACHE/fuzz-$t.log"
  echo "==> $t for ${SECS}s"
  # shellcheck disable=SC2046
  if cargo fuzz run --sanitizer none --fuzz-dir tests/fuzz "$t" "$corpus" $(seeds "$t") -- \
      -max_total_time="$SECS" -timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$artifacts" >"$log" 2>&1; then
    status=ok
  else
    status=FOUND
    FOUND=1
    mkdir -p "tests/fuzz/regressions/$t"
    cp "$artifacts"* "tests/fuzz/regressions/$t/" 2>/dev/null || true
    grep -m1 -A8 "panicked\|ERROR: libFuzzer" "$log" || true
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  SUMMARY+=("$(printf '%-20s %-6s %12s execs %8s/s  coverage %s' "$t" "$status" "${execs:-?}" "${speed:-?}" "${cov:-?}")")
done

echo
echo "target               result       executions      speed  edges"
printf '%s\n' "${SUMMARY[@]}"
if [[ $FOUND -ne 0 ]]; then
  echo "crashing inputs were copied to tests/fuzz/regressions/: fix them, then commit the inputs"
  exit 1
fi
