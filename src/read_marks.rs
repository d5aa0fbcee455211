//! Read marks that outlive the session: an append-only file of article fingerprints.
//!
//! A fingerprint hashes what identifies a report wherever its file lives: its URL when it
//! has one, else its title, source, date and opening words. Appending one line per newly
//! read article costs nothing per keypress and loses at most that line on a crash.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::article::Article;

/// Largest marks file read (a million marks is 17 MB): whatever else sits at the path is
/// refused, not read into memory.
const MAX_BYTES: u64 = 32 << 20;

/// FNV-1a, 64 bits: stable across builds and platforms, unlike the std hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fingerprint of an article, the same in every session and folder.
pub fn fingerprint(a: &Article) -> u64 {
    if let Some(url) = a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        return fnv1a(&["url", url]);
    }
    let date = a.date.map(|d| d.to_string()).unwrap_or_default();
    let opening: String = a
        .paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace())
        .take(40)
        .collect::<Vec<_>>()
        .join(" ");
    fnv1a(&[
        "text",
        &a.title,
        a.source.as_deref().unwrap_or(""),
        &date,
        &opening,
    ])
}

/// The fingerprints already marked read, kept in `path`.
#[derive(Debug, Default)]
pub struct ReadMarks {
    path: Option<PathBuf>,
    seen: HashSet<u64>,
    file: Option<File>,
    /// The file ends inside a line (a write cut short): the next mark starts a new one.
    torn: bool,
}

impl ReadMarks {
    /// Marks kept nowhere: nothing is remembered after the session.
    pub fn none() -> Self {
        Self::default()
    }

    /// Reads the marks kept in `path`; a missing file is an empty one. Lines that are no
    /// fingerprint are skipped (a file cut short by a crash still loads).
    pub fn open(path: &Path) -> io::Result<Self> {
        let mut seen = HashSet::new();
        let mut torn = false;
        // Looked at before opening: opening a FIFO waits for a writer, and a device never ends.
        match fs::metadata(path) {
            Ok(meta) if !meta.is_file() => {
                return Err(io::Error::other("not a regular file"));
            }
            Ok(meta) if meta.len() > MAX_BYTES => {
                return Err(io::Error::other(format!(
                    "{} bytes is too big for a marks file",
                    meta.len()
                )));
            }
            Ok(_) => {
                let mut text = Vec::new();
                File::open(path)?.take(MAX_BYTES).read_to_end(&mut text)?;
                torn = text.last().is_some_and(|&b| b != b'\n');
                for line in text.split(|&b| b == b'\n') {
                    if let Some(k) = std::str::from_utf8(line)
                        .ok()
                        .and_then(|s| u64::from_str_radix(s.trim(), 16).ok())
                    {
                        seen.insert(k);
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Ok(ReadMarks {
            path: Some(path.to_path_buf()),
            seen,
            file: None,
            torn,
        })
    }

    /// Whether the article with this fingerprint was read in an earlier session.
    pub fn contains(&self, key: u64) -> bool {
        self.seen.contains(&key)
    }

    /// Remembers a read article; writes only the first time, creating the file's folder.
    pub fn record(&mut self, key: u64) -> io::Result<()> {
        if !self.seen.insert(key) {
            return Ok(());
        }
        let Some(path) = &self.path else {
            return Ok(());
        };
        if self.file.is_none() {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            self.file = Some(OpenOptions::new().create(true).append(true).open(path)?);
        }
        let start = if std::mem::take(&mut self.torn) {
            "\n"
        } else {
            ""
        };
        match &mut self.file {
            Some(f) => writeln!(f, "{start}{key:016x}"),
            None => Ok(()),
        }
    }

    /// Where the marks are kept, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, url: Option<&str>, body: &str) -> Article {
        Article {
            title: title.into(),
            url: url.map(str::to_string),
            paragraphs: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn fingerprints_follow_the_report_not_the_file() {
        let a = article("Strike at the port", None, "Dockers walked out on Monday.");
        let mut moved = a.clone();
        moved.id = "other-name".into();
        moved.path = "/elsewhere/other-name.txt".into();
        assert_eq!(fingerprint(&a), fingerprint(&moved));
        let b = article("Strike at the port", None, "Dockers went back on Friday.");
        assert_ne!(fingerprint(&a), fingerprint(&b));
        // With a URL, the URL alone decides (a re-cleaned body is the same report).
        let u1 = article("One", Some("https://example.org/a"), "x");
        let u2 = article("One, updated", Some("https://example.org/a"), "y");
        assert_eq!(fingerprint(&u1), fingerprint(&u2));
    }

    #[test]
    fn marks_survive_a_reopen_and_bad_lines_are_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state").join("read");
        let mut m = ReadMarks::open(&path).expect("missing file is empty");
        assert!(!m.contains(7));
        m.record(7).expect("write");
        m.record(7).expect("second time writes nothing");
        m.record(u64::MAX).expect("write");
        drop(m);
        let mut text = fs::read(&path).expect("read back");
        assert_eq!(text.iter().filter(|&&b| b == b'\n').count(), 2);
        text.extend_from_slice(b"not a mark\n\xff\xfe\n00000000000000");
        fs::write(&path, &text).expect("corrupt it");
        let mut m = ReadMarks::open(&path).expect("still opens");
        assert!(m.contains(7) && m.contains(u64::MAX) && m.contains(0));
        assert_eq!(m.seen.len(), 3);
        // The cut line is not glued to the next mark.
        m.record(0xabc).expect("write");
        drop(m);
        let m = ReadMarks::open(&path).expect("reopens");
        assert!(m.contains(0) && m.contains(0xabc), "{:?}", m.seen);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_folder_at_the_path_is_refused_without_waiting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("read");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = ReadMarks::open(&fifo).expect_err("a FIFO is no marks file");
            assert!(err.to_string().contains("regular"), "{err}");
        }
        let err = ReadMarks::open(dir.path()).expect_err("a folder is no marks file");
        assert!(err.to_string().contains("regular"), "{err}");
    }

    #[test]
    fn a_huge_file_at_the_path_is_refused_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("read");
        let f = File::create(&path).expect("create");
        f.set_len(MAX_BYTES + 1).expect("sparse file");
        let err = ReadMarks::open(&path).expect_err("too big");
        assert!(err.to_string().contains("too big"), "{err}");
    }

    #[test]
    fn marks_kept_nowhere_write_nothing() {
        let mut m = ReadMarks::none();
        m.record(1).expect("no file, no error");
        assert!(m.contains(1));
        assert!(m.path().is_none());
    }
}
