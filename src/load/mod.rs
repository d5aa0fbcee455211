//! Finding input files, decoding them, and splitting collections into raw documents.

mod decode;
mod doc;
mod records;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::problem::Problem;

pub use decode::{Decoded, decode};
pub use doc::{Format, RawDoc, looks_like_html_page};

/// Files bigger than this are skipped rather than read into memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

macro_rules! seeds {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../seeds/", $name)))),*]
    };
}

/// The bundled sample articles, embedded so the binary works from any directory.
const SEEDS: [(&str, &str); 5] = seeds!(
    "000_aeaea6c60f999bbd.txt",
    "001_fa2c6a17a625dd33.txt",
    "002_b8d1cead073e2557.txt",
    "003_c50da1745df50ef1.txt",
    "004_67bd2be4dfef0818.txt",
);

/// The bundled seeds as raw documents.
pub fn bundled() -> Vec<RawDoc> {
    SEEDS
        .iter()
        .map(|(name, text)| {
            let stem = name.trim_end_matches(".txt");
            let decoded = decode(text.as_bytes()).map(|d| d.text).unwrap_or_default();
            RawDoc::new(stem, format!("seeds/{name}"), Format::Text, decoded)
        })
        .collect()
}

/// The format a file name promises, if it is one we read.
fn format_of(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => FileKind::Text,
        "html" | "htm" | "xhtml" => FileKind::Html,
        "json" => FileKind::Json,
        "jsonl" | "ndjson" => FileKind::Jsonl,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Html,
    Json,
    Jsonl,
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

/// Every file under the given paths, folders walked recursively in name order.
pub fn collect_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Problem>), LoadError> {
    check_paths(paths)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        if !root.is_dir() {
            files.push(root.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker.into_iter().filter_entry(|e| !is_hidden(e)) {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => files.push(e.into_path()),
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let reason = if err.loop_ancestor().is_some() {
                        "symbolic link loop".to_string()
                    } else {
                        err.io_error()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| err.to_string())
                    };
                    problems.push(Problem::skipped(path, reason));
                }
            }
        }
    }
    // The same file named twice (`dossier a a`, a symlink to a listed file) loads once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok((files, problems))
}

fn skip(problems: &mut Vec<Problem>, path: &Path, reason: impl Into<String>) {
    problems.push(Problem::skipped(path, reason));
}

fn warn(problems: &mut Vec<Problem>, path: &Path, reason: impl Into<String>) {
    problems.push(Problem::warning(path, reason));
}

/// Reads one file into its documents (several for collections) and what went wrong.
pub fn read_file(path: &Path) -> (Vec<RawDoc>, Vec<Problem>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    read_into(path, &mut docs, &mut problems);
    (docs, problems)
}

fn read_into(path: &Path, docs: &mut Vec<RawDoc>, problems: &mut Vec<Problem>) {
    let Some(kind) = format_of(path) else {
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
        let what = ext.map_or("no file extension".to_string(), |e| {
            format!("unsupported file type .{e}")
        });
        skip(
            problems,
            path,
            format!("{what} (reads .txt .md .html .htm .json .jsonl)"),
        );
        return;
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            skip(
                problems,
                path,
                format!(
                    "too large ({} MB, limit {} MB)",
                    m.len() >> 20,
                    MAX_FILE_BYTES >> 20
                ),
            );
            return;
        }
        Ok(_) => {}
        Err(e) => return skip(problems, path, e.to_string()),
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return skip(problems, path, e.to_string()),
    };
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(reason) => return skip(problems, path, reason),
    };
    for w in &decoded.warnings {
        warn(problems, path, w.clone());
    }
    let display = path.to_string_lossy().into_owned();
    // Ids are typed and printed: nothing unsafe in them, whatever the file name holds.
    let stem = path
        .file_stem()
        .map(|s| crate::sanitize::display_path(Path::new(s)))
        .unwrap_or_else(|| display.clone());
    let text = decoded.text;
    match kind {
        FileKind::Text if looks_like_html_page(&text) => {
            docs.push(RawDoc::new(stem, display, Format::Html, text))
        }
        FileKind::Text => docs.push(RawDoc::new(stem, display, Format::Text, text)),
        FileKind::Html => docs.push(RawDoc::new(stem, display, Format::Html, text)),
        FileKind::Json | FileKind::Jsonl => {
            let parsed = if kind == FileKind::Json {
                records::parse_json(&text, &stem, &display)
            } else {
                records::parse_jsonl(&text, &stem, &display)
            };
            match parsed {
                Ok((found, warnings)) => {
                    for w in warnings {
                        warn(problems, path, w);
                    }
                    if found.is_empty() {
                        skip(
                            problems,
                            path,
                            "no articles in it (expected objects with a body, content or text field)",
                        );
                    }
                    docs.extend(found);
                }
                Err(reason) => skip(problems, path, reason),
            }
        }
    }
}

/// A load that could not start at all.
#[derive(Debug)]
pub enum LoadError {
    /// A path given on the command line does not exist.
    NotFound(PathBuf),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => {
                write!(
                    f,
                    "{}: no such file or directory",
                    crate::sanitize::display_path(p)
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Whether a path names something loadable (used before starting a background load).
pub fn check_paths(paths: &[PathBuf]) -> Result<(), LoadError> {
    match paths
        .iter()
        .find(|p| !Path::new(p).exists() && p.symlink_metadata().is_err())
    {
        Some(p) => Err(LoadError::NotFound(p.clone())),
        None => Ok(()),
    }
}
