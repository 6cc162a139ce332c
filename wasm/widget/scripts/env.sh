# Sourced by the widget's build scripts: where things are, and crate versions in Cargo.lock.
WIDGET=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$WIDGET/../.." && pwd)
CACHE="${SPORTELLO_CACHE:-$HOME/.cache/sportello}"
# The workspace's own target/ folder, the one `cargo run -p sportello-cli -- demo` builds
# into: a newcomer who ran the demo first compiles the dependencies once, not twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
TOOLS="${SPORTELLO_TOOLS:-$CACHE/tools}"

# locked_version CRATE: the version of CRATE in Cargo.lock.
locked_version() {
  local v
  v=$(awk -v name="name = \"$1\"" '$0 == name { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  [[ -n "$v" ]] || { echo "no crate $1 in Cargo.lock" >&2; return 1; }
  echo "$v"
}
