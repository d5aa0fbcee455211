#![allow(dead_code)] // each test uses a different part
//! Frozen sets: files whose SHA-256 sums were recorded (`SHA256SUMS`, as `sha256sum` writes
//! it) before anything was run on them, so that neither texts nor gold drift after the fact.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Lowercase hex SHA-256 of a byte string.
fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks every file listed in `dir/SHA256SUMS` against its sum and returns how many there
/// are; panics on a changed or missing file.
pub fn check(dir: &Path) -> usize {
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS");
    let mut checked = 0;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, name) = line.split_once("  ").expect("sha256sum line");
        let bytes = std::fs::read(dir.join(name)).expect(name);
        assert_eq!(hex_sha256(&bytes), hash, "{name} changed after the freeze");
        checked += 1;
    }
    checked
}

/// How many files of `dir` end with `suffix`.
pub fn count(dir: &Path, suffix: &str) -> usize {
    std::fs::read_dir(dir)
        .expect("frozen dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
        .count()
}
