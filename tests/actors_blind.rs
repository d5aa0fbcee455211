//! The blind set: short news articles written for this test from regions and beats the
//! recogniser was not built on, with a gold list of actors frozen before the first run.
//! Its figures are measured with `cargo run --example eval_actors`, never tuned on; this test
//! only guards the freeze, so that neither the texts nor the gold drift after the fact.

#[path = "common/frozen.rs"]
mod frozen;

use std::path::Path;

#[test]
fn blind_texts_and_gold_match_their_frozen_hashes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blind");
    let checked = frozen::check(&dir);
    let texts = frozen::count(&dir, ".txt");
    assert!(texts >= 12, "only {texts} blind articles");
    // Every article and the gold are frozen; nothing was added unhashed.
    assert_eq!(checked, texts + 1);
}
