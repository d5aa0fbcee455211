//! The blind set: short news articles written for this test from regions and beats the
//! recogniser was not built on, with a gold list of actors frozen before the first run.
//! Its figures are measured with `cargo run --example eval_actors`, never tuned on; this test
//! only guards the freeze, so that neither the texts nor the gold drift after the fact.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Lowercase hex SHA-256 of a byte string.
fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn blind_texts_and_gold_match_their_frozen_hashes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blind");
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS");
    let mut checked = 0;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, name) = line.split_once("  ").expect("sha256sum line");
        let bytes = std::fs::read(dir.join(name)).expect(name);
        assert_eq!(hex_sha256(&bytes), hash, "{name} changed after the freeze");
        checked += 1;
    }
    let texts = std::fs::read_dir(&dir)
        .expect("blind dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert!(texts >= 12, "only {texts} blind articles");
    // Every article and the gold are frozen; nothing was added unhashed.
    assert_eq!(checked, texts + 1);
}
