# Sourced by the widget's build scripts: where things are, and crate versions in Cargo.lock.
WIDGET=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$WIDGET/../.." && pwd)
CACHE="${SPORTELLO_CACHE:-$HOME/.cache/sportello}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
TOOLS="${SPORTELLO_TOOLS:-$CACHE/tools}"

# locked_version CRATE: the version of CRATE in Cargo.lock.
locked_version() {
  local v
  v=$(awk -v name="name = \"$1\"" '$0 == name { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  [[ -n "$v" ]] || { echo "no crate $1 in Cargo.lock" >&2; return 1; }
  echo "$v"
}
