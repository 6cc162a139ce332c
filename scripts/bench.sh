#!/usr/bin/env bash
# Benchmarks that print figures (no pass/fail): rendering, taxonomy, matching, the desk
# the console's load test (release builds, a 100,000-person database, two minutes) and the
# outreach papers (posters, a 200-offer bulletin).
#   ./scripts/bench.sh [render|taxonomy|matching|desk|console|outreach ...]   (default: the first three)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export SPORTELLO_TODAY="${SPORTELLO_TODAY:-2026-11-23}"
what=("$@"); [[ ${#what[@]} -eq 0 ]] && what=(render taxonomy matching)
cargo build -q -p sportello-cli --examples -p sportello
for w in "${what[@]}"; do
  echo "== $w"
  case $w in
    render)
      cargo run -q -p sportello --example bench_render
      bin="$CARGO_TARGET_DIR/debug/sportello"; tmp=$(mktemp -d)
      runs=()
      for i in 1 2 3 4 5 6 7; do
        s=$(date +%s%N); "$bin" render tests/fixtures/profiles/franco-magazziniere-58.yaml -o "$tmp/cv.pdf" 2>/dev/null; e=$(date +%s%N)
        runs+=($(( (e - s) / 1000000 )))
      done
      sorted=($(printf '%s\n' "${runs[@]}" | sort -n))
      echo "sportello render as a whole process, cold: median ${sorted[3]} ms (runs: ${runs[*]})"
      rm -rf "$tmp" ;;
    taxonomy) cargo run -q -p sportello --example bench_taxonomy ;;
    outreach) cargo run -q -p sportello --example bench_outreach ;;
    matching) cargo run -q -p sportello --example bench_matching ;;
    desk) cargo run -q --release -p sportello --features desk --example bench_desk ;;
    console)
      tmp=$(mktemp -d)
      cargo run -q --release -p sportello --features desk --example bench_desk -- --write "$tmp/desk.db"
      cargo build -q --release -p sportello-cli --bin sportello --example bench_console
      "$CARGO_TARGET_DIR/release/examples/bench_console" --db "$tmp/desk.db" --users 20 --seconds 120
      rm -rf "$tmp" ;;
    *) echo "unknown benchmark $w"; exit 2 ;;
  esac
done
