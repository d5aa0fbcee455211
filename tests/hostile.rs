//! Hostile input through the binary: things that are not files, files too big to read,
//! standard input, and names that try to reach the terminal, in every subcommand's output.

#[path = "common/hostile.rs"]
mod hostile;

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::time::Duration;

use hostile::{ARTICLE, HOSTILE_NAMES, leaks, run, run_with};

fn write(dir: &Path, name: impl AsRef<OsStr>, bytes: &[u8]) {
    std::fs::write(dir.join(name.as_ref()), bytes).expect("write fixture");
}

fn assert_clean(what: &str, run: &hostile::Run) {
    // The articles here hold no backslash, so JSON escapes are looked for in text too.
    let out = leaks(&run.stdout);
    let err = leaks(&run.stderr);
    assert!(
        out.is_empty() && err.is_empty(),
        "{what}: stdout {out:?}, stderr {err:?}\n{}\n{}",
        run.out(),
        run.err()
    );
}

#[test]
fn leaks_finds_raw_and_escaped_controls_but_not_escaped_backslashes() {
    assert_eq!(leaks(b"plain\ntext"), Vec::<String>::new());
    assert_eq!(leaks("a\u{1b}b".as_bytes()).len(), 1);
    assert_eq!(leaks(br#""a\u001bb""#), ["escape \\u001b"]);
    assert_eq!(leaks(br#""a\\u001bb""#), Vec::<String>::new());
    assert_eq!(leaks(br#""a\u202eb""#), ["escape \\u202e"]);
    assert_eq!(leaks(br#""a\rb""#), ["escape \\r"]);
}

#[cfg(unix)]
#[test]
fn fifos_sockets_and_device_links_are_skipped_never_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("sock.txt")).expect("socket");
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).expect("symlink");
    std::os::unix::fs::symlink("/dev/urandom", d.join("random.jsonl")).expect("symlink");
    std::os::unix::fs::symlink(d.join("pipe.txt"), d.join("to_pipe.md")).expect("symlink");

    let r = run_with(
        &["list", d.to_str().expect("utf-8")],
        None,
        Duration::from_secs(30),
    );
    assert_eq!(r.code, Some(0), "{}", r.err());
    assert!(r.out().starts_with("good "), "{}", r.out());
    let err = r.err();
    for (name, what) in [
        ("pipe.txt", "a named pipe"),
        ("sock.txt", "a socket"),
        ("zero.txt", "a character device"),
        ("random.jsonl", "a character device"),
    ] {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name}:\n{err}");
        assert!(
            lines[0].contains(&format!("not a regular file ({what})")),
            "{}",
            lines[0]
        );
    }
}

#[test]
fn files_over_the_cap_are_skipped_unread_with_the_limit_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    // Sparse: 65 MB on paper, nothing on disk.
    let big = std::fs::File::create(d.join("huge.txt")).expect("create");
    big.set_len(65 << 20).expect("set_len");
    write(d, "two_mb.txt", &b"word ".repeat(2 << 18));
    let path = d.to_str().expect("utf-8");

    let r = run(&["list", "--file-timeout", "120", path]);
    assert_eq!(r.code, Some(0));
    assert_eq!(r.out().lines().count(), 2, "{}", r.out());
    assert!(
        r.err()
            .contains("huge.txt: too large (65 MB, limit 64 MB; see --max-file-size)"),
        "{}",
        r.err()
    );

    // The cap, not the time budget, is on trial: a debug build cleans 2 MB slowly.
    let r = run(&[
        "list",
        "--file-timeout",
        "120",
        "--max-file-size",
        "1",
        path,
    ]);
    assert_eq!(r.out().lines().count(), 1, "{}", r.out());
    assert!(r.err().contains("two_mb.txt: too large (2 MB, limit 1 MB"));
}

#[test]
fn a_dash_reads_piped_standard_input_with_the_same_cap() {
    let feed = b"{\"title\":\"Piped in\",\"body\":\"The council met on Monday.\"}\n";
    let r = run_with(&["list", "-"], Some(feed), Duration::from_secs(30));
    assert_eq!(r.code, Some(0), "{}", r.err());
    assert!(r.out().starts_with("stdin-1 "), "{}", r.out());

    let page = b"<html><body><h1>Page title</h1><p>The council met on Monday.</p></body></html>";
    let r = run_with(
        &["list", "--json", "-"],
        Some(page),
        Duration::from_secs(30),
    );
    assert!(r.out().contains("\"id\": \"stdin\""), "{}", r.out());

    let big = b"word ".repeat(300_000);
    let r = run_with(
        &["list", "--max-file-size", "1", "-"],
        Some(&big),
        Duration::from_secs(30),
    );
    assert!(
        r.err()
            .contains("skipped -: too large (more than the 1 MB limit"),
        "{}",
        r.err()
    );
}

/// A folder whose file names carry every kind of terminal escape, with one good article each.
fn hostile_named_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in HOSTILE_NAMES {
        write(dir.path(), format!("{name}.txt"), ARTICLE.as_bytes());
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // A raw C1 byte: not UTF-8 at all.
        let raw = OsStr::from_bytes(b"\x9b6n_raw.txt");
        write(dir.path(), raw, ARTICLE.as_bytes());
    }
    dir
}

#[test]
fn hostile_file_names_reach_no_output_of_any_subcommand() {
    let dir = hostile_named_folder();
    let d = dir.path().to_str().expect("utf-8");
    let listed = run(&["list", "--json", d]);
    assert_clean("list --json", &listed);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("JSON");
    let ids: Vec<String> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), HOSTILE_NAMES.len() + usize::from(cfg!(unix)));
    for args in [
        vec!["list", d],
        vec!["entities", d],
        vec!["entities", "--json", d],
    ] {
        let r = run(&args);
        assert_eq!(r.code, Some(0), "{args:?}: {}", r.err());
        assert_clean(&format!("{args:?}"), &r);
    }
    let entities = run(&["entities", "--json", d]);
    assert!(entities.out().contains("Scholz"), "{}", entities.out());
    // Every id as printed finds its article again, in text and JSON.
    for id in &ids {
        for json in [false, true] {
            let mut args = vec!["show", "--json", "--", id, d];
            if !json {
                args.remove(1);
            }
            let r = run(&args);
            assert_eq!(r.code, Some(0), "show {id:?}: {}", r.err());
            assert_clean(&format!("show {id:?} json={json}"), &r);
        }
    }
}

#[test]
fn hostile_names_typed_as_arguments_are_not_echoed() {
    let dir = hostile_named_folder();
    let d = OsString::from(dir.path());
    let mut typed: Vec<OsString> = HOSTILE_NAMES.iter().map(OsString::from).collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        typed.push(OsString::from_vec(b"\x9b6n_raw".to_vec()));
    }
    for name in &typed {
        // As an id that exists: found, and nothing unsafe printed.
        let r = run(&[
            OsStr::new("show"),
            OsStr::new("--json"),
            OsStr::new("--"),
            name,
            &d,
        ]);
        assert_eq!(r.code, Some(0), "{name:?}: {}", r.err());
        assert_clean(&format!("show --json -- {name:?}"), &r);
        // As an id that does not exist, a path that does not exist, and a bad option value.
        let mut missing = name.clone();
        missing.push("_missing");
        for args in [
            vec![OsStr::new("show"), OsStr::new("--"), &missing, &d],
            vec![OsStr::new("list"), OsStr::new("--"), &missing],
            vec![OsStr::new("list"), OsStr::new("--max-file-size"), name],
            vec![
                OsStr::new("show"),
                OsStr::new("x"),
                OsStr::new("--width"),
                name,
            ],
            vec![name.as_os_str()],
        ] {
            let r = run(&args);
            assert_ne!(r.code, Some(0), "{args:?}");
            assert!(!r.stderr.is_empty(), "{args:?}: says nothing");
            assert_clean(&format!("{args:?}"), &r);
        }
    }
}

#[test]
fn many_files_with_one_stem_get_one_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..300 {
        let sub = dir.path().join(format!("{n:03}"));
        std::fs::create_dir(&sub).expect("mkdir");
        write(&sub, "index.txt", b"The council met on Monday.\n");
    }
    let r = run(&["list", dir.path().to_str().expect("utf-8")]);
    assert_eq!(r.code, Some(0));
    assert_eq!(r.out().lines().count(), 300);
    assert_eq!(r.err().lines().count(), 1, "{}", r.err());
    assert!(r.err().contains("id index is shared by 300 articles"));
    assert!(r.out().contains("index~300 "), "{}", r.out());
}
