//! Helpers shared by the command-line tests: run the binary with a fixed "today" and
//! read the shared fixtures.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The shared fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Runs `sportello` with `SPORTELLO_TODAY=2026-11-23`.
pub fn sportello(args: &[&str]) -> Output {
    command().args(args).output().expect("run sportello")
}

/// The `sportello` command with a fixed "today", for tests that set more.
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sportello"));
    c.env("SPORTELLO_TODAY", "2026-11-23");
    c
}

/// Standard output and error together.
pub fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}
