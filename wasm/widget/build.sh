#!/usr/bin/env bash
# Builds the distributable widget into wasm/widget/dist/: one static folder a municipality
# can host (the .wasm, its JS glue, the element, the worker, the fonts, the reference data,
# the service worker for offline use, the types and a demo page with a sample feed), with a
# brotli and a gzip copy beside each file.
#
#   wasm/widget/build.sh                 release build (profile wasm-release: smallest wasm)
#   PROFILE=dev wasm/widget/build.sh     dev build (quicker to compile, larger)
#
# Needs: cargo with the wasm32-unknown-unknown target, node/npm (`npm ci` done, for the
# type generator), the zstd command (Debian: zstd). Installs wasm-bindgen-cli, matching the
# version in Cargo.lock, under $SPORTELLO_TOOLS (default ~/.cache/sportello/tools).
set -euo pipefail
source "$(dirname "$0")/scripts/env.sh"
PROFILE="${PROFILE:-release}"
DIST="$WIDGET/dist"
cd "$ROOT"

# 1. wasm-bindgen-cli, exactly the version of the wasm-bindgen crate in Cargo.lock (not
#    --locked: its own lock file pins crates that a registry mirror may lack).
want=$(locked_version wasm-bindgen)
have=$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ "$have" != "$want" ]]; then
  echo "==> installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install -q wasm-bindgen-cli --version "$want" --root "$TOOLS"
fi

# 2. The wasm module (the core's `render-engine` feature, without `index` and without the
#    embedded reference data, which goes to data/ below).
rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# release: the workspace's `wasm-release` profile (opt-level "s", fat LTO: smallest code).
flag=(); dir=debug
[[ "$PROFILE" == release ]] && flag=(--profile wasm-release) && dir=wasm-release
echo "==> cargo build -p sportello-wasm --target wasm32-unknown-unknown ${flag[*]:-}"
cargo build -q -p sportello-wasm --target wasm32-unknown-unknown "${flag[@]}"
WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$dir/sportello_wasm.wasm"

# 3. JS glue. No wasm-opt: measured on this module, `wasm-opt -Oz` (npm binaryen) took
#    7 minutes and made the file 2 MB smaller raw but 0.3 MB *larger* gzipped (it splits
#    the data into thousands of segments); rustc's opt-level "s" with fat LTO is enough.
rm -rf "$DIST"
mkdir -p "$DIST/fonts" "$DIST/types" "$DIST/demo"
"$TOOLS/bin/wasm-bindgen" --target web --remove-name-section --remove-producers-section \
  --out-dir "$DIST" --out-name sportello_wasm "$WASM"
mv "$DIST/sportello_wasm.d.ts" "$DIST/types/"
rm -f "$DIST/sportello_wasm_bg.wasm.d.ts"

# 4. The element, the worker and the types. The element's modules (src/sportello-cv*.js,
#    i18n.js) go into one file with esbuild, unminified: a first visit fetched eighteen
#    modules in three waves before the form could show, about 80 ms on this machine, and
#    the worker started that much later. The worker and the service worker are copied.
"$WIDGET/node_modules/.bin/esbuild" "$WIDGET/src/sportello-cv.js" --bundle --format=esm --target=es2022 \
  --charset=utf8 --log-level=warning --outfile="$DIST/sportello-cv.js" \
  --banner:js="// <sportello-cv>, built by wasm/widget/build.sh from src/ (its modules in one file)."
cp "$WIDGET/src/sportello-worker.js" "$WIDGET/src/sportello-sw.js" "$DIST/"
node "$WIDGET/scripts/gen-types.mjs" --check || node "$WIDGET/scripts/gen-types.mjs"
cp "$WIDGET"/types/*.d.ts "$DIST/types/"

# 5. Only the fonts the templates use (core: render::TEMPLATE_FONTS), from the typst-assets
#    crate the build used, with their licence, cut down with fonttools' pyftsubset (the OFL
#    allows it: "Libertinus" is not among the font's Reserved Font Names) to the scripts
#    job seekers here write in: Latin with its extensions and IPA, Greek, Cyrillic,
#    punctuation, currency and common symbols, keeping kerning, ligatures and marks.
#    Dropped: Hebrew, small capitals, old-style figures and other alternates. 0.94 MB
#    gzip becomes 0.57 MB.
FONTTOOLS="$TOOLS/fonttools-4.68.0"
if [[ ! -x "$FONTTOOLS/bin/pyftsubset" ]]; then
  echo "==> installing fonttools 4.68.0"
  python3 -m venv "$FONTTOOLS"
  "$FONTTOOLS/bin/pip" install -q --disable-pip-version-check "fonttools==4.68.0"
fi
assets=$(cargo metadata -q --format-version 1 --filter-platform wasm32-unknown-unknown | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const p = JSON.parse(s).packages.find((p) => p.name === "typst-assets");
    console.log(require("path").dirname(p.manifest_path));
  });')
for f in Regular Bold Italic BoldItalic; do
  "$FONTTOOLS/bin/pyftsubset" "$assets/files/fonts/LibertinusSerif-$f.otf" --output-file="$DIST/fonts/LibertinusSerif-$f.otf" \
    --unicodes="U+0000-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FB00-FB06,U+FFFD" \
    --layout-features="kern,liga,clig,ccmp,locl,mark,mkmk,calt" --name-IDs="*" --name-languages="*" --notdef-outline
done
awk '/^The SIL Open Font License/ { on = 1 } on && /^={10,}/ { exit } on' "$assets/NOTICE" > "$DIST/fonts/OFL.txt"

# 6. Notices, demo page, sample feed (the shared test fixtures) and sample profile.
cat > "$DIST/NOTICE.txt" <<'EOF'
Sportello widget (EUPL-1.2). Bundled third-party material:
- Typst (Apache-2.0), compiled into sportello_wasm_bg.wasm.
- Libertinus Serif fonts (SIL Open Font License 1.1, see fonts/OFL.txt).
- data/esco-en.pack: the ESCO classification v1.1.1, reduced (labels, codes and relations;
  descriptions dropped): this product uses the ESCO classification of the European
  Commission. (c) European Union. data/esco-it-sportello.tsv, it-synonyms.tsv and
  core-skills.tsv are Sportello's own (EUPL-1.2).
- data/comuni_it_coords.csv.gz: the list of Italian comuni with coordinates (ISTAT;
  GeoNames, CC BY 4.0).
EOF
cp "$WIDGET/demo/index.html" "$DIST/demo/"
node -e '
  const fs = require("fs");
  const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter((l) => l.trim());
  fs.writeFileSync(process.argv[2], JSON.stringify(lines.map((l) => JSON.parse(l)), null, 1) + "\n");
' "$ROOT/tests/fixtures/vacancies.jsonl" "$DIST/demo/vacancies.json"
cp "$ROOT/tests/fixtures/profiles/sara-cuoca.json" "$DIST/demo/sample-profile.json"

# 7. The reference data (core/data/), which the module leaves out: the worker fetches it
#    after the first preview (core: reference_data::ReferenceData::FILES).
mkdir -p "$DIST/data"
for f in esco-en.pack esco-it-sportello.tsv it-synonyms.tsv core-skills.tsv comuni_it_coords.csv.gz; do
  cp "$ROOT/core/data/$f" "$DIST/data/"
done

# 8. The service worker, with this build's files and their hashes (offline use).
node "$WIDGET/scripts/precache.mjs" "$DIST"

# 9. Precompressed copies (.br, .gz; .zst for the .wasm) beside each file, and the sizes.
#    The dev build compresses less: brotli at its top quality takes about a minute on the
#    release .wasm, zstd -19 ten seconds.
quality=11
[[ "$PROFILE" == release ]] || quality=5
node "$WIDGET/scripts/compress.mjs" "$DIST" "$quality"
