//! Replays the inputs saved under `tests/fuzz/regressions/<target>/` (crashes the fuzzer
//! once found, see scripts/fuzz.sh) and the shared fixtures through the bodies of the
//! fuzz targets, so that every test run checks them again.

#![cfg(feature = "render")]

#[path = "../../tests/fuzz/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect()).unwrap_or_default();
    v.sort();
    v
}

#[test]
fn saved_crashes_and_fixtures_pass_every_fuzz_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fixtures: Vec<PathBuf> =
        ["tests/fixtures/profiles", "tests/fixtures/invalid", "tests/fixtures/interop"].iter().flat_map(|d| files(&root.join(d))).collect();
    assert!(fixtures.len() > 20);
    for name in targets::TARGETS {
        let saved = files(&root.join("tests/fuzz/regressions").join(name));
        let inputs = if *name == "render" { &fixtures[..3] } else { &fixtures[..] };
        for input in saved.iter().chain(inputs) {
            let bytes = std::fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
            targets::run(name, &bytes);
        }
    }
}
