//! Reading one input without surprises: regular files only, opened without blocking, never
//! more than a cap; standard input only from a pipe or a file, never from a terminal.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, IsTerminal, Read};
use std::path::Path;

/// The path that names standard input.
pub const STDIN: &str = "-";

/// Whether a path names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Why an input was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A FIFO, socket, device or folder (directly or through a symbolic link).
    NotRegular(&'static str),
    /// Bigger than the cap; `size` is unknown for a stream cut off at the cap.
    TooLarge { size: Option<u64>, limit: u64 },
    /// Standard input is a terminal: reading it would wait for typing.
    StdinIsTerminal,
    /// The operating system's reason.
    Io(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotRegular(what) => write!(f, "not a regular file ({what})"),
            Refusal::TooLarge {
                size: Some(size),
                limit,
            } => write!(
                f,
                "too large ({}, limit {}; see --max-file-size)",
                megabytes(*size),
                megabytes(*limit)
            ),
            Refusal::TooLarge { size: None, limit } => write!(
                f,
                "too large (more than the {} limit; see --max-file-size)",
                megabytes(*limit)
            ),
            Refusal::StdinIsTerminal => write!(
                f,
                "standard input is a terminal; pipe articles in (dossier list - < feed.jsonl)"
            ),
            Refusal::Io(why) => f.write_str(why),
        }
    }
}

impl From<io::Error> for Refusal {
    fn from(e: io::Error) -> Self {
        Refusal::Io(e.to_string())
    }
}

/// A size for messages: whole megabytes, or kilobytes below one.
pub fn megabytes(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes.div_ceil(1 << 10))
    }
}

/// What a file that is not a regular file is, in words.
fn kind_of(ft: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// The size of a path that is, or links to, a regular file (looked at, not opened).
pub fn regular_size(path: &Path) -> Result<u64, Refusal> {
    let meta = fs::metadata(path)?;
    if meta.is_file() {
        Ok(meta.len())
    } else {
        Err(Refusal::NotRegular(kind_of(&meta.file_type())))
    }
}

/// Opens a path only if it is, or links to, a regular file; returns it with its size.
pub fn open_regular(path: &Path) -> Result<(File, u64), Refusal> {
    // Looked at before opening: opening a FIFO for reading waits for a writer.
    regular_size(path)?;
    let file = open_nonblocking(path)?;
    // The path may have been swapped between the look and the open: trust the open file only.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind_of(&meta.file_type())));
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking so a FIFO swapped in after the check cannot hang the open; no controlling
    // terminal taken from a device either. Reads of regular files ignore both flags.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Reads everything, or refuses when there is more than `limit` bytes (never truncates).
/// `size_hint` (the file's size, when known) only sizes the buffer.
pub fn read_capped(reader: impl Read, limit: u64, size_hint: u64) -> Result<Vec<u8>, Refusal> {
    let mut buf = Vec::with_capacity(usize::try_from(size_hint.min(limit)).unwrap_or(0));
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(Refusal::TooLarge { size: None, limit });
    }
    Ok(buf)
}

/// Refuses a file whose size is already over the cap, before reading a byte of it.
pub fn check_size(size: u64, limit: u64) -> Result<(), Refusal> {
    if size > limit {
        Err(Refusal::TooLarge {
            size: Some(size),
            limit,
        })
    } else {
        Ok(())
    }
}

/// Standard input, capped, and only when it is not a terminal (which would wait for typing).
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, Refusal> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return Err(Refusal::StdinIsTerminal);
    }
    read_capped(stdin.lock(), limit, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap_and_refuses_past_it() {
        assert_eq!(read_capped(&b"12345"[..], 5, 5), Ok(b"12345".to_vec()));
        assert_eq!(
            read_capped(&b"123456"[..], 5, 0),
            Err(Refusal::TooLarge {
                size: None,
                limit: 5
            })
        );
        // An endless source stops at the cap.
        assert!(read_capped(io::repeat(0), 1 << 16, 0).is_err());
    }

    #[test]
    fn size_check_and_messages() {
        assert!(check_size(10, 10).is_ok());
        let refusal = check_size(80 << 20, 64 << 20).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "too large (80 MB, limit 64 MB; see --max-file-size)"
        );
        assert_eq!(megabytes(1), "1 KB");
        assert_eq!(megabytes(3 << 20), "3 MB");
    }

    #[test]
    fn only_regular_files_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        fs::write(&file, "text").expect("write");
        assert_eq!(open_regular(&file).map(|(_, n)| n), Ok(4));
        assert_eq!(
            open_regular(dir.path()).map(|(_, n)| n),
            Err(Refusal::NotRegular("a folder"))
        );
        #[cfg(unix)]
        {
            let zero = dir.path().join("zero.txt");
            std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
            assert_eq!(
                open_regular(&zero).map(|(_, n)| n),
                Err(Refusal::NotRegular("a character device"))
            );
        }
    }

    #[test]
    fn stdin_is_named_by_a_dash() {
        assert!(is_stdin(Path::new("-")));
        assert!(!is_stdin(Path::new("./-")));
    }
}
