#!/usr/bin/env bash
# Measures the floor under the widget's size: Typst alone, compiled to wasm the way the
# widget is (profile wasm-release: opt-level "s", fat LTO; wasm-bindgen without name and
# producers sections), with the same crate versions (Cargo.lock) and nothing of
# Sportello: one source in, SVG or PDF out, fonts handed in. Prints its size, raw and
# gzip, code and data apart, next to the widget's wasm when dist/ is built.
#
#   wasm/widget/scripts/typst-floor.sh        (about 5 minutes when the widget was built)
set -euo pipefail
source "$(dirname "$0")/env.sh"
CRATE=$(mktemp -d)
trap 'rm -rf "$CRATE"' EXIT
mkdir -p "$CRATE/src"
cp "$ROOT/Cargo.lock" "$ROOT/rust-toolchain.toml" "$CRATE/"
ver=$(locked_version typst)
bindgen=$(locked_version wasm-bindgen)
cat > "$CRATE/Cargo.toml" <<EOF
[package]
name = "typst-floor"
version = "0.1.0"
edition = "2024"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
typst = "=$ver"
typst-layout = "=$ver"
typst-pdf = "=$ver"
typst-svg = "=$ver"
wasm-bindgen = "=$bindgen"

$(awk '/^\[/ { on = ($0 == "[profile.release]" || $0 == "[profile.wasm-release]") } on' "$ROOT/Cargo.toml")
EOF
cat > "$CRATE/src/lib.rs" <<'EOF'
//! The smallest useful Typst in wasm: one source, fonts handed in, SVG or PDF out.
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use wasm_bindgen::prelude::*;

struct W { library: LazyHash<Library>, book: LazyHash<FontBook>, fonts: Vec<Font>, main: Source }

impl World for W {
    fn library(&self) -> &LazyHash<Library> { &self.library }
    fn book(&self) -> &LazyHash<FontBook> { &self.book }
    fn main(&self) -> FileId { self.main.id() }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::NotFound(id.vpath().get_with_slash().into())) }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> { Err(FileError::NotFound(id.vpath().get_with_slash().into())) }
    fn font(&self, i: usize) -> Option<Font> { self.fonts.get(i).cloned() }
    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> { None }
}

#[wasm_bindgen]
pub fn compile(src: String, font: Vec<u8>, pdf: bool) -> Result<Vec<u8>, JsError> {
    let fonts: Vec<Font> = Font::iter(Bytes::new(font)).collect();
    let path = VirtualPath::new("/main.typ").map_err(|_| JsError::new("path"))?;
    let id = RootedPath::new(VirtualRoot::Project, path).intern();
    let w = W { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts, main: Source::new(id, src) };
    let doc = typst::compile::<PagedDocument>(&w).output.map_err(|_| JsError::new("compile"))?;
    if pdf {
        typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|_| JsError::new("pdf"))
    } else {
        Ok(doc.pages().iter().map(|p| typst_svg::svg(p, &typst_svg::SvgOptions::default())).collect::<String>().into_bytes())
    }
}
EOF
[[ -x "$TOOLS/bin/wasm-bindgen" ]] || { echo "run wasm/widget/build.sh first: it installs wasm-bindgen" >&2; exit 1; }
(cd "$CRATE" && cargo build -q --target wasm32-unknown-unknown --profile wasm-release)
"$TOOLS/bin/wasm-bindgen" --target web --remove-name-section --remove-producers-section --out-dir "$CRATE/out" --out-name floor \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/typst_floor.wasm"
python3 - "$CRATE/out/floor_bg.wasm" "$WIDGET/dist/sportello_wasm_bg.wasm" <<'EOF'
import gzip, os, sys

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i

for label, path in [("Typst alone", sys.argv[1]), ("the widget", sys.argv[2])]:
    if not os.path.exists(path):
        continue
    b = open(path, "rb").read()
    i, parts = 8, {}
    while i < len(b):
        sid = b[i]; n, i = leb(b, i + 1)
        if sid in (10, 11):
            parts[sid] = (n, len(gzip.compress(b[i:i + n], 9)))
        i += n
    mb = lambda x: f"{x / 1e6:.2f} MB"
    print(f"{label:12} {mb(len(b))} raw, {mb(len(gzip.compress(b, 9)))} gzip; code {mb(parts[10][0])} ({mb(parts[10][1])} gzip), "
          f"data {mb(parts[11][0])} ({mb(parts[11][1])} gzip)")
EOF
