//! What went wrong (or was repaired) with one input file: shared by every stage that reads input.

use std::fmt;
use std::path::PathBuf;

/// What went wrong (or was repaired) with one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in.
    pub path: PathBuf,
    /// Skipped, or loaded with a repair.
    pub kind: ProblemKind,
    /// What happened, in a few words.
    pub reason: String,
}

/// Whether the file was skipped or loaded with a repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Skipped,
    Warning,
}

impl Problem {
    /// A file (or record) that was not loaded, and why.
    pub fn skipped(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            kind: ProblemKind::Skipped,
            reason: reason.into(),
        }
    }

    /// A file loaded with a repair, and what was repaired.
    pub fn warning(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            kind: ProblemKind::Warning,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::sanitize::display_path(&self.path);
        let reason = crate::sanitize::one_line(&self.reason);
        match self.kind {
            ProblemKind::Skipped => write!(f, "skipped {path}: {reason}"),
            ProblemKind::Warning => write!(f, "warning: {path}: {reason}"),
        }
    }
}
