//! Shared by the hostile-input tests: running the binary with a deadline, and finding control
//! characters in its output, raw or escaped in JSON.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run of the binary gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub took: Duration,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs dossier with `args` and `stdin` (nothing when `None`), killing it after `limit`:
/// a hang fails the test instead of hanging it.
pub fn run_with<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dossier binary runs");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let drain = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "dossier {:?} still running after {limit:?}",
                debug_args(args)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
        took: start.elapsed(),
    }
}

/// Runs dossier with no standard input and a 60 s deadline.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run_with(args, None, Duration::from_secs(60))
}

fn debug_args<S: AsRef<OsStr>>(args: &[S]) -> Vec<String> {
    args.iter().map(|a| format!("{:?}", a.as_ref())).collect()
}

/// Control characters in plain-text output (where a backslash is only a backslash).
pub fn raw_leaks(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\n' && (c == '\t' || dossier::sanitize::is_forbidden(c)))
        .map(|c| format!("raw {c:?}"))
        .collect()
}

/// Every way a control character shows in `bytes`: raw (a C0/C1 control, DEL, a bidi
/// control), or as a JSON escape that a consumer would turn back into one (`\u001b`, `\r`).
pub fn leaks(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found: Vec<String> = text
        .chars()
        .filter(|&c| c != '\n' && (c == '\t' || dossier::sanitize::is_forbidden(c)))
        .map(|c| format!("raw {c:?}"))
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' {
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '\\').count();
        i += run;
        // An even run is escaped backslashes: literal text, not an escape.
        if run % 2 == 0 {
            continue;
        }
        match chars.get(i) {
            Some('b' | 'f' | 'r') => found.push(format!("escape \\{}", chars[i])),
            Some('u') => {
                let hex: String = chars[i + 1..].iter().take(4).collect();
                let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                if c.is_some_and(|c| c == '\t' || dossier::sanitize::is_forbidden(c)) {
                    found.push(format!("escape \\u{hex}"));
                }
            }
            _ => {}
        }
    }
    found
}

/// File names that try to reach the terminal: C1 CSI, OSC title, BEL, DEL, a bidi override,
/// OSC 8 (hyperlink) and OSC 52 (clipboard).
pub const HOSTILE_NAMES: &[&str] = &[
    "\u{9b}6n",
    "\u{1b}]0;PWNED\u{7}",
    "bel\u{7}ring",
    "del\u{7f}ete",
    "rlo_\u{202e}txt.exe",
    "\u{1b}]8;;http:evil.example\u{1b}\\link",
    "\u{1b}]52;c;cHduZWQ=\u{7}clip",
    "isolate\u{2066}x\u{2069}",
];

/// A short article with actors, so every subcommand has something to print.
pub const ARTICLE: &str = "Harbour deal signed\n\nChancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. Scholz said the harbour deal was signed.\n";
