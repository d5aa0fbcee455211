//! The binary as scripts use it: exit codes, messages, JSON, and a hostile folder.

use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the dossier binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// No control character but newline may reach a terminal, nor a bidi override.
fn assert_terminal_safe(out: &str) {
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| c != '\n' && dossier::sanitize::is_forbidden(c) || c == '\t')
        .collect();
    assert!(bad.is_empty(), "control characters in output: {bad:?}");
}

#[test]
fn list_on_the_bundled_seeds() {
    let out = dossier(&["list"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(stdout.contains("2024-08-21"));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_missing_path_exits_2_with_one_line() {
    let out = dossier(&["list", "/no/such/place"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("/no/such/place") && stderr.contains("no such file"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_id_exits_1_and_says_where_ids_come_from() {
    let out = dossier(&["show", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("dossier list"));
}

#[test]
fn show_accepts_a_unique_id_prefix() {
    let out = dossier(&["show", "004", "--width", "60"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.lines().all(|l| l.chars().count() <= 60), "{stdout}");
    assert!(stdout.contains("Shafaq News · 2024-07-31"));
}

#[test]
fn list_json_has_metadata_and_no_paragraphs() {
    let out = dossier(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 5);
    for row in rows {
        assert!(row.get("paragraphs").is_none());
        for key in ["id", "title", "date", "source", "links", "words", "actors"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
}

#[test]
fn the_same_folder_twice_loads_once_and_an_empty_folder_or_input_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    std::fs::write(dir.path().join("a.txt"), "The council met on Monday.").expect("write");
    let d = dir.path().to_str().expect("utf-8");
    let out = dossier(&["list", d, d]);
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "{}",
        text(&out.stdout)
    );
    let out = dossier(&["list", empty.to_str().expect("utf-8")]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("no articles found"));
    // Empty standard input (`Command::output` gives the child /dev/null) is an empty load
    // too, exiting alike, and says which input held nothing: no list of file types.
    let out = dossier(&["list", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("standard input held no article"), "{err}");
    assert!(!err.contains(".txt"), "{err}");
}

#[test]
fn help_shows_examples() {
    for args in [
        &["--help"][..],
        &["list", "--help"],
        &["show", "--help"],
        &["entities", "--help"],
    ] {
        let out = dossier(args);
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("Examples:"), "{args:?}");
    }
}

#[test]
fn one_long_file_name_widens_only_its_own_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "L".repeat(200);
    for name in ["short.txt", &format!("{long}.txt"), "other.txt"] {
        write(
            dir.path(),
            name,
            b"Port reopens\n\nThe port reopened on Monday.\n",
        );
    }
    let out = dossier(&["list", &dir.path().display().to_string()]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for line in stdout.lines() {
        let wide = line.starts_with(&long);
        assert_eq!(line.chars().count() > 80, wide, "{line}");
    }
    // The id is whole: `show` takes it back.
    assert!(stdout.lines().any(|l| l.starts_with(&format!("{long} "))));
    // When most ids are long, the column fits them all: the dates line up.
    let dated = tempfile::tempdir().expect("tempdir");
    for name in [
        "2024-03-04-cork-dockers-strike-over-pay.txt",
        "2024-03-05-strike-stops-ringaskiddy-port-again.txt",
        "short.txt",
    ] {
        write(
            dated.path(),
            name,
            b"Port reopens\n\nThe port reopened on Monday.\n",
        );
    }
    let out = dossier(&["list", &dated.path().display().to_string()]);
    let stdout = text(&out.stdout);
    let columns: Vec<usize> = stdout
        .lines()
        .filter_map(|l| l.find("----------"))
        .collect();
    assert_eq!(columns.len(), 3, "{stdout}");
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{stdout}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write fixture");
}

#[test]
fn a_hostile_folder_loads_the_good_files_and_reports_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "good.txt",
        b"Council approves harbour plan\n\nThe council voted on Tuesday to approve the plan.\n",
    );
    write(
        d,
        "nested/deeper/also.md",
        b"The ferry strike ended on Thursday after a long dispute.\n",
    );
    write(
        d,
        "binary.txt",
        &[
            0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00, 0x00, 0x05, 0x06, 0x00,
        ],
    );
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "empty.txt", b"");
    write(
        d,
        "latin1.txt",
        b"The caf\xe9 on the square reopened, the owner said.\n",
    );
    write(
        d,
        "escapes.txt",
        "Red \x1b[31malert\x1b[0m \x1b]0;pwned\x07over \u{202E}reversed\u{202C} text\u{0}.\n"
            .as_bytes(),
    );
    write(d, "notes.pdf", b"%PDF-1.4");
    write(
        d,
        "feed.jsonl",
        b"{\"title\":\"One\",\"body\":\"First record body.\"}\nnot json\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("nested/loop")).expect("symlink");

    let out = dossier(&["list", d.to_str().expect("utf-8 temp path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_terminal_safe(&stdout);
    assert_terminal_safe(&stderr);

    for id in ["good", "also", "latin1", "escapes", "feed-1"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(id)),
            "{id} not listed:\n{stdout}"
        );
    }
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    let expect = [
        "skipped",
        "binary.txt: binary content",
        "skipped",
        "image.txt: binary content (PNG image)",
        "skipped",
        "empty.txt: empty file",
        "warning:",
        "latin1.txt: not valid UTF-8",
        "warning:",
        "escapes.txt: removed",
        "skipped",
        "notes.pdf: unsupported file type .pdf",
        "warning:",
        "feed.jsonl: line 2: invalid JSON",
    ];
    for pair in expect.chunks(2) {
        let line = stderr.lines().find(|l| l.contains(pair[1]));
        let line = line.unwrap_or_else(|| panic!("no message for {}:\n{stderr}", pair[1]));
        assert!(line.starts_with(&format!("dossier: {}", pair[0])), "{line}");
    }
    #[cfg(unix)]
    assert!(stderr.contains("symbolic link loop"), "{stderr}");

    let show = dossier(&["show", "escapes", d.to_str().expect("utf-8"), "--json"]);
    let json = text(&show.stdout);
    assert!(
        !json.contains("\\u001b") && !json.contains('\u{1b}') && !json.contains('\u{202E}'),
        "{json}"
    );
    assert!(json.contains("Red alert over reversed text."), "{json}");
    let show = dossier(&["show", "latin1", d.to_str().expect("utf-8")]);
    assert!(text(&show.stdout).contains("The café on the square"));
}

#[test]
fn collections_and_pages_load_with_their_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "wire.json",
        br#"{"articles":[{"headline":"Port reopens","published":"2023-04-05T09:00:00Z","source":{"name":"Coast Wire"},"link":"https://coast.example/port","author":"Ann Lee","content":"The port reopened on Wednesday."},
                          {"title":"Bad date","date":"9999-99-99","text":"Body."}]}"#,
    );
    write(
        d,
        "page.html",
        br#"<html><head><title>Budget passes | Daily Ledger</title><meta property="og:site_name" content="Daily Ledger"></head>
            <body><nav>Home</nav><article><h1>Budget passes</h1><time datetime="2022-11-30">Nov 30</time>
            <p>The budget passed by two votes.</p></article><footer>Contact us</footer></body></html>"#,
    );
    let out = dossier(&["list", "--json", d.to_str().expect("utf-8")]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let by_id = |id: &str| {
        rows.as_array()
            .and_then(|r| r.iter().find(|x| x["id"] == id))
            .cloned()
    };
    let page = by_id("page").expect("page loaded");
    assert_eq!(page["title"], "Budget passes");
    assert_eq!(page["source"], "Daily Ledger");
    assert_eq!(page["date"], "2022-11-30");
    let first = by_id("wire-1").expect("first record");
    assert_eq!(first["title"], "Port reopens");
    assert_eq!(first["date"], "2023-04-05");
    assert_eq!(first["source"], "Coast Wire");
    assert_eq!(first["url"], "https://coast.example/port");
    assert_eq!(first["author"], "Ann Lee");
    assert_eq!(
        by_id("wire-2").expect("second record")["date"],
        serde_json::Value::Null
    );
    assert!(
        text(&out.stderr).contains("record wire-2: unreadable date"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn list_and_entities_take_the_readers_filter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = |source: &str, who: &str| {
        format!(
            "{source}/ Harbour pilots walked out on Monday, said {who}, a union spokeswoman. \
             The port of Gdynia was closed to ships for the day.\n"
        )
    };
    write(
        dir.path(),
        "a.txt",
        story("Harbour Wire", "Mara Lindqvist").as_bytes(),
    );
    write(
        dir.path(),
        "b.txt",
        story("Coast Daily", "Mara Lindqvist").as_bytes(),
    );
    write(
        dir.path(),
        "c.txt",
        story("Coast Daily", "Tomasz Nowak").as_bytes(),
    );
    let path = dir.path().to_str().expect("UTF-8 path");

    let out = dossier(&["list", path, "-f", "@lindqvist"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert_eq!(ids, ["a", "b"]);

    let out = dossier(&["entities", path, "--json", "--filter", "source:coast"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let row = |name: &str| {
        rows.as_array()
            .and_then(|r| r.iter().find(|e| e["name"] == name))
            .cloned()
    };
    let lindqvist = row("Mara Lindqvist").expect("Mara Lindqvist is an actor");
    assert_eq!(lindqvist["articles"], serde_json::json!(["b"]));
    assert_eq!(lindqvist["mentions"], 1);
    assert!(row("Tomasz Nowak").is_some());

    // A filter may open with an excluded word, as the reader's line may.
    let out = dossier(&["list", path, "-f", "-lindqvist"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "{}",
        text(&out.stdout)
    );

    let out = dossier(&["list", path, "-f", "@nobody-here"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("no article matches"));

    let out = dossier(&["list", path, "-f", "after:soon"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("after:soon"),
        "{}",
        text(&out.stderr)
    );
}
