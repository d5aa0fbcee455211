//! Terminal setup and restore, the event loop, and background loading.

use std::path::PathBuf;

/// Runs the interactive reader on `paths` (the bundled seeds when empty).
pub fn run(paths: &[PathBuf]) -> anyhow::Result<()> {
    // Until the reader lands, print the list.
    crate::cli::list(paths, false)
}
