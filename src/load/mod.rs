//! Finding input files, reading them within limits (regular files only, capped sizes,
//! standard input only from a pipe), decoding them, and splitting collections into raw
//! documents.

pub mod budget;
mod decode;
mod doc;
mod read;
mod records;

use std::ffi::OsStr;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::problem::Problem;
use crate::sanitize;

pub use decode::{Decoded, decode};
pub use doc::{Format, RawDoc, looks_like_html_page};
pub use read::{Refusal, STDIN, is_stdin, megabytes};

/// What one input file may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files bigger than this are skipped unread; standard input is cut off and skipped.
    pub max_file_bytes: u64,
    /// Wall-clock time a file may take to be read and cleaned, before its size allowance.
    pub file_budget: Duration,
    /// Extra time per whole megabyte of the file, so big honest files are not cut short.
    pub budget_per_mb: Duration,
}

/// The default cap on one file's size.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            file_budget: Duration::from_secs(2),
            // About 4 MB/s: several times slower than the cleaner on a busy core.
            budget_per_mb: Duration::from_millis(250),
        }
    }
}

impl Limits {
    /// The time a file of `size` bytes may take.
    pub fn budget_for(&self, size: u64) -> Duration {
        let mbs = u32::try_from(size >> 20).unwrap_or(u32::MAX);
        self.file_budget
            .saturating_add(self.budget_per_mb.saturating_mul(mbs))
    }
}

/// The id a file name gives (and an id typed on the command line is read the same way): the
/// name made safe to print, so ids never carry control characters.
pub fn id_for(name: &OsStr) -> String {
    sanitize::one_line(&name.to_string_lossy())
}

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
        if is_stdin(root) || !root.is_dir() {
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

/// Reads one file (or `-`, standard input) into its documents, handing each to `emit` as
/// soon as it is made (a collection's records one by one), and says what went wrong.
pub fn read_file(path: &Path, limits: &Limits, emit: &mut dyn FnMut(RawDoc)) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Err(reason) = read_into(path, limits, emit, &mut problems) {
        problems.push(Problem::skipped(path, reason));
    }
    problems
}

fn read_into(
    path: &Path,
    limits: &Limits,
    emit: &mut dyn FnMut(RawDoc),
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    let max = limits.max_file_bytes;
    if is_stdin(path) {
        problems.extend(stdin_docs(&read_stdin(limits), emit));
        return Ok(());
    }
    // What the path is comes first: a FIFO named `x.txt` is not a text file.
    let size = read::regular_size(path).map_err(|r| r.to_string())?;
    let kind = format_of(path).ok_or_else(|| unsupported(path))?;
    read::check_size(size, max).map_err(|r| r.to_string())?;
    let (file, size) = read::open_regular(path).map_err(|r| r.to_string())?;
    read::check_size(size, max).map_err(|r| r.to_string())?;
    let source = Source {
        path,
        stem: path
            .file_stem()
            .map(id_for)
            .unwrap_or_else(|| sanitize::display_path(path)),
        display: sanitize::display_path(path),
    };
    if kind == FileKind::Jsonl {
        return stream_jsonl(file, size, max, &source, emit, problems);
    }
    let bytes = read::read_capped(file, max, size).map_err(|r| r.to_string())?;
    from_bytes(&bytes, kind, &source, emit, problems)
}

/// All of standard input, within the size cap; refused when it is a terminal.
pub fn read_stdin(limits: &Limits) -> Result<Vec<u8>, Refusal> {
    read::read_stdin(limits.max_file_bytes)
}

/// The documents in what [`read_stdin`] read (JSON, JSON Lines, a page or text, by content).
pub fn stdin_docs(read: &Result<Vec<u8>, Refusal>, emit: &mut dyn FnMut(RawDoc)) -> Vec<Problem> {
    let path = Path::new(STDIN);
    let mut problems = Vec::new();
    let source = Source {
        path,
        stem: "stdin".to_string(),
        display: STDIN.to_string(),
    };
    let result = match read {
        Ok(bytes) => from_bytes(bytes, sniff(bytes), &source, emit, &mut problems),
        Err(refusal) => Err(refusal.to_string()),
    };
    if let Err(reason) = result {
        problems.push(Problem::skipped(path, reason));
    }
    problems
}

/// Where documents come from: the path for problems, the id stem and the path shown.
struct Source<'a> {
    path: &'a Path,
    stem: String,
    display: String,
}

fn unsupported(path: &Path) -> String {
    let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
    let what = ext.map_or("no file extension".to_string(), |e| {
        format!("unsupported file type .{e}")
    });
    format!("{what} (reads .txt .md .html .htm .json .jsonl)")
}

/// What standard input holds, from its first bytes: JSON, JSON Lines, or text (and pages).
fn sniff(bytes: &[u8]) -> FileKind {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = body.trim_ascii_start();
    let first_line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    match start.first() {
        Some(b'[') => FileKind::Json,
        Some(b'{') if first_line.trim_ascii_end().ends_with(b"}") => FileKind::Jsonl,
        Some(b'{') => FileKind::Json,
        _ => FileKind::Text,
    }
}

/// A JSON Lines file read a line at a time, so memory follows its longest record.
fn stream_jsonl(
    file: std::fs::File,
    size: u64,
    max: u64,
    source: &Source<'_>,
    emit: &mut dyn FnMut(RawDoc),
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    let mut input = BufReader::with_capacity(1 << 16, file.take(max.saturating_add(1)));
    let head = input.fill_buf().map_err(|e| e.to_string())?;
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        // UTF-16 lines cannot be split on a newline byte: decode the whole (capped) file.
        let bytes = read::read_capped(input, max, size).map_err(|r| r.to_string())?;
        return from_bytes(&bytes, FileKind::Jsonl, source, emit, problems);
    }
    if head.trim_ascii().is_empty() {
        return Err("empty file".to_string());
    }
    if let Some(why) = decode::binary_kind(head) {
        return Err(why);
    }
    let outcome = records::read_jsonl(&mut input, &source.stem, &source.display, emit)?;
    if input.into_inner().limit() == 0 {
        warn(
            problems,
            source.path,
            format!(
                "grew past the {} limit while being read; the rest was not read",
                megabytes(max)
            ),
        );
    }
    report(outcome, source.path, problems)
}

/// Decoded bytes to documents, by kind.
fn from_bytes(
    bytes: &[u8],
    kind: FileKind,
    source: &Source<'_>,
    emit: &mut dyn FnMut(RawDoc),
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    let decoded = decode(bytes)?;
    for w in decoded.warnings {
        warn(problems, source.path, w);
    }
    let text = decoded.text;
    let (stem, display) = (source.stem.as_str(), source.display.as_str());
    let outcome = match kind {
        FileKind::Text if looks_like_html_page(&text) => {
            emit(RawDoc::new(stem, display, Format::Html, text));
            return Ok(());
        }
        FileKind::Text => {
            emit(RawDoc::new(stem, display, Format::Text, text));
            return Ok(());
        }
        FileKind::Html => {
            emit(RawDoc::new(stem, display, Format::Html, text));
            return Ok(());
        }
        FileKind::Json => records::parse_json(&text, stem, display, emit)?,
        FileKind::Jsonl => records::read_jsonl(text.as_bytes(), stem, display, emit)?,
    };
    report(outcome, source.path, problems)
}

/// One message for a collection's skipped records; a collection with no article is skipped.
fn report(
    outcome: records::Outcome,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    if let Some(repair) = outcome.repaired {
        warn(problems, path, repair);
    }
    let skipped = outcome.skipped.summary();
    if outcome.docs == 0 {
        let why = skipped.map(|s| format!(": {s}")).unwrap_or_default();
        return Err(format!(
            "no articles in it (expected objects with a body, content or text field){why}"
        ));
    }
    if let Some(s) = skipped {
        warn(problems, path, s);
    }
    Ok(())
}

fn warn(problems: &mut Vec<Problem>, path: &Path, reason: impl Into<String>) {
    problems.push(Problem::warning(path, reason));
}

/// A load that could not start at all.
#[derive(Debug)]
pub enum LoadError {
    /// A path given on the command line does not exist.
    NotFound(PathBuf),
    /// `-` was given but standard input is a terminal (reading it would wait for typing).
    StdinIsTerminal,
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
            LoadError::StdinIsTerminal => write!(f, "-: {}", Refusal::StdinIsTerminal),
        }
    }
}

impl std::error::Error for LoadError {}

/// Whether a path names something loadable (used before starting a background load).
pub fn check_paths(paths: &[PathBuf]) -> Result<(), LoadError> {
    if paths.iter().any(|p| is_stdin(p)) && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(LoadError::StdinIsTerminal);
    }
    match paths
        .iter()
        .find(|p| !is_stdin(p) && !p.exists() && p.symlink_metadata().is_err())
    {
        Some(p) => Err(LoadError::NotFound(p.clone())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_sniffed() {
        assert_eq!(sniff(b"  [{\"body\":\"x\"}]"), FileKind::Json);
        assert_eq!(
            sniff(b"{\"body\":\"x\"}\n{\"body\":\"y\"}\n"),
            FileKind::Jsonl
        );
        assert_eq!(sniff(b"{\n  \"body\": \"x\"\n}\n"), FileKind::Json);
        assert_eq!(sniff(b"\xef\xbb\xbfThe council met."), FileKind::Text);
        assert_eq!(sniff(b""), FileKind::Text);
    }

    #[test]
    fn budgets_grow_with_size_and_never_overflow() {
        let limits = Limits::default();
        assert_eq!(limits.budget_for(10), Duration::from_secs(2));
        assert_eq!(limits.budget_for(8 << 20), Duration::from_secs(4));
        assert!(limits.budget_for(u64::MAX) >= Duration::from_secs(2));
    }

    #[test]
    fn ids_from_hostile_names_are_printable() {
        for name in [
            "\u{9b}6n",
            "\u{1b}]0;PWNED\u{7}",
            "bel\u{7}del\u{7f}",
            "rlo_\u{202e}txt.exe",
        ] {
            let id = id_for(OsStr::new(name));
            assert!(!id.chars().any(sanitize::is_forbidden), "{id:?}");
        }
    }

    fn docs_of(path: &Path, limits: &Limits) -> (Vec<RawDoc>, Vec<Problem>) {
        let mut docs = Vec::new();
        let problems = read_file(path, limits, &mut |d| docs.push(d));
        (docs, problems)
    }

    #[test]
    fn oversized_and_odd_files_are_one_skip_each() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "word ".repeat(1000)).expect("write");
        let small = Limits {
            max_file_bytes: 100,
            ..Limits::default()
        };
        let (docs, problems) = docs_of(&big, &small);
        assert!(docs.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].reason.starts_with("too large"), "{problems:?}");
        let (docs, problems) = docs_of(&big, &Limits::default());
        assert_eq!((docs.len(), problems.len()), (1, 0));

        let feed = dir.path().join("feed.jsonl");
        std::fs::write(&feed, "{\"title\":\"no body\"}\n[]\n").expect("write");
        let (docs, problems) = docs_of(&feed, &Limits::default());
        assert!(docs.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].reason.contains("line 2: not a JSON object"));
    }
}
