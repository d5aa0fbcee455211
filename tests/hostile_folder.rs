//! The whole hostile folder at once, generated at test time: the good articles load in
//! under 10 s with a peak under 1 GB, the exit code is 0, and each bad file gets one message.
//! Alone in its binary so the peak memory of its children is the binary's own measure.

#[path = "common/hostile.rs"]
mod hostile;

use std::path::Path;
use std::time::Duration;

use hostile::{ARTICLE, HOSTILE_NAMES, leaks, run_with};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

/// A JSON Lines feed of about `bytes` bytes.
fn feed(bytes: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    while out.len() < bytes {
        n += 1;
        out.push_str(&format!(
            "{{\"title\":\"Story {n}\",\"body\":\"The council met on Monday and voted on plan {n}. The minister said the harbour would reopen.\"}}\n"
        ));
    }
    out
}

/// Pathological pages from the issue; their messages may say they took too long.
const PATHOLOGICAL: &[&str] = &[
    "attributes.html",
    "lt_flood.html",
    "stray_close.html",
    "self_close.html",
    "links.html",
    "title_comments.html",
    "deep.html",
];

fn pathological(d: &Path) {
    let attrs: String = (0..1_000_000).map(|i| format!(" a{i}=1")).collect();
    write(
        d,
        "attributes.html",
        format!("<html><body><p{attrs}>Attribute flood.</p></body></html>").as_bytes(),
    );
    let page = |inner: String| format!("<html><body><p>The council met.</p>{inner}</body></html>");
    write(d, "lt_flood.html", page("<".repeat(1_000_000)).as_bytes());
    write(
        d,
        "stray_close.html",
        page("</div>".repeat(100_000)).as_bytes(),
    );
    write(
        d,
        "self_close.html",
        page("<div/>".repeat(100_000)).as_bytes(),
    );
    let links: String = (0..100_000)
        .map(|i| format!("<a href=\"https://x.example/{i}\">link {i}</a> "))
        .collect();
    write(d, "links.html", page(links).as_bytes());
    write(
        d,
        "title_comments.html",
        format!(
            "<html><head><title>{}T</title></head><body><p>The council met.</p></body></html>",
            "<!-- c -->".repeat(100_000)
        )
        .as_bytes(),
    );
    write(
        d,
        "deep.html",
        page(format!(
            "{}x{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ))
        .as_bytes(),
    );
}

#[cfg(unix)]
fn not_files(d: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).expect("symlink");
    std::os::unix::fs::symlink("/dev/urandom", d.join("urandom.json")).expect("symlink");
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.txt")).expect("symlink");
}

/// Peak resident memory of the biggest finished child, in bytes.
#[cfg(unix)]
fn children_peak_rss() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage");
    // Linux reports kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

#[test]
fn the_hostile_folder_loads_its_good_articles_fast_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut good = vec!["good"];
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "feed.jsonl", feed(1 << 20).as_bytes());
    let deep_json = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    write(d, "deep.json", deep_json.as_bytes());
    write(d, "binary.txt", &[0u8, 1, 2, 3, 0, 0, 0, 9, 0, 0]);
    write(d, "empty.md", b"");
    let huge = std::fs::File::create(d.join("huge.txt")).expect("create");
    huge.set_len(100 << 20).expect("sparse file");
    for (n, name) in HOSTILE_NAMES.iter().enumerate() {
        write(d, &format!("{name}_{n}.txt"), ARTICLE.as_bytes());
    }
    pathological(d);
    #[cfg(unix)]
    not_files(d);
    let many = d.join("same_stem");
    for n in 0..200 {
        let sub = many.join(format!("{n:03}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        write(&sub, "index.txt", ARTICLE.as_bytes());
    }
    good.push("feed-1");
    good.push("index~200");

    let r = run_with(
        &["list", d.to_str().expect("utf-8")],
        None,
        Duration::from_secs(120),
    );
    let took = r.took;
    #[cfg(unix)]
    let peak = children_peak_rss();
    #[cfg(not(unix))]
    let peak = 0;
    eprintln!("hostile folder: {took:?}, peak RSS {} MB", peak >> 20);
    assert_eq!(r.code, Some(0), "{}", r.err());
    assert!(leaks(&r.stdout).is_empty() && leaks(&r.stderr).is_empty());
    let out = r.out();
    let err = r.err();
    for id in good {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} missing:\n{err}"
        );
    }
    assert!(
        out.lines().count() >= 1 + 1000 + HOSTILE_NAMES.len() + 200,
        "{}",
        out.lines().count()
    );
    // One message per bad file, and one for the 200 shared stems.
    let mut bad = vec![
        "deep.json",
        "binary.txt",
        "empty.md",
        "huge.txt",
        "pipe.txt",
        "zero.txt",
        "urandom.json",
        "dangling.txt",
    ];
    if cfg!(not(unix)) {
        bad.truncate(4);
    }
    for name in bad {
        let n = err.lines().filter(|l| l.contains(name)).count();
        assert_eq!(n, 1, "{name}: {n} messages\n{err}");
    }
    for name in PATHOLOGICAL {
        let n = err.lines().filter(|l| l.contains(name)).count();
        let loaded = out.contains(name.trim_end_matches(".html"));
        assert!(
            n <= 1 && (loaded || n == 1),
            "{name}: {n} messages, loaded {loaded}\n{err}"
        );
    }
    assert_eq!(err.lines().filter(|l| l.contains("shared by")).count(), 1);
    assert!(took < Duration::from_secs(10), "took {took:?}\n{err}");
    assert!(peak < 1 << 30, "peak RSS {} MB", peak >> 20);
}
