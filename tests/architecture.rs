//! The shape of the code: imports follow the data flow, and no two files import each other,
//! directly or round a loop. Reads `src/` as text, so it needs no build of anything but itself.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Top-level modules in flow order; a module may use its own layer and those before it.
/// Leaves (shared types, sanitising, disjoint sets) come first; the terminal reader and the
/// CLI last.
const LAYERS: &[&[&str]] = &[
    &["article", "problem", "sanitize", "union_find"],
    &["load"],
    &["clean"],
    &["actors"],
    &["corpus"],
    &["query", "stories"],
    &["report", "read_marks"],
    &["app"],
    &["ui"],
    &["tui"],
    &["cli"],
];

/// The library's modules: none of them may name a terminal or argument-parsing crate.
const LIBRARY: &[&str] = &[
    "article",
    "problem",
    "sanitize",
    "union_find",
    "load",
    "clean",
    "actors",
    "corpus",
    "query",
    "stories",
    "report",
    "read_marks",
];

fn layer(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// A source file as a module path: `src/actors/cand.rs` is `["actors", "cand"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem);
        }
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code without comments and without inline `mod tests { ... }` blocks (test helpers may
/// reach anywhere; the shipped code may not).
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let code = line.split("//").next().unwrap_or("");
        if code.trim_start().starts_with("mod tests {") {
            let mut depth = code.matches('{').count() - code.matches('}').count();
            for l in lines.by_ref() {
                let c = l.split("//").next().unwrap_or("");
                depth = depth + c.matches('{').count() - c.matches('}').count();
                if depth == 0 {
                    break;
                }
            }
            continue;
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Flattens one `use` tree (`a::{b, c::{d, e}}`) into full paths.
fn flatten_use(tree: &str) -> Vec<String> {
    // `x as y` names x; drop the rename before the spaces that mark it go.
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "as" {
            // The new name, and any punctuation glued after it (`y},`).
            let after = words.get(i + 1).copied().unwrap_or("");
            kept.push_str(after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'));
            i += 2;
        } else {
            kept.push_str(words[i]);
            i += 1;
        }
    }
    let tree = kept;
    let mut out = Vec::new();
    fn walk(prefix: &str, t: &str, out: &mut Vec<String>) {
        // Split the top level of `t` at commas outside braces.
        let mut depth = 0;
        let mut start = 0;
        let mut items = Vec::new();
        for (i, c) in t.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&t[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(&t[start..]);
        for item in items.into_iter().filter(|s| !s.is_empty()) {
            match item.find('{') {
                Some(b) if item.ends_with('}') => {
                    let head = item[..b].trim_end_matches("::");
                    let joined = join(prefix, head);
                    walk(&joined, &item[b + 1..item.len() - 1], out);
                }
                _ => {
                    out.push(join(prefix, item));
                }
            }
        }
    }
    fn join(a: &str, b: &str) -> String {
        match (a.is_empty(), b.is_empty()) {
            (true, _) => b.to_string(),
            (_, true) => a.to_string(),
            _ => format!("{a}::{b}"),
        }
    }
    walk("", &tree, &mut out);
    out
}

/// Every crate-internal path a file's code names: its `use` trees and inline `crate::`,
/// `super::` paths.
fn named_paths(code: &str, children: &[String]) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = &rest[..i];
        let at_start = before.is_empty() || before.ends_with(|c: char| c.is_whitespace());
        let Some(end) = rest[i..].find(';') else {
            break;
        };
        if at_start {
            paths.extend(flatten_use(&rest[i + 4..i + end]));
        }
        rest = &rest[i + end..];
    }
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut starts: Vec<String> = vec!["crate::".into(), "super::".into()];
    starts.extend(children.iter().map(|c| format!("{c}::")));
    for start in &starts {
        for (i, _) in code.match_indices(start.as_str()) {
            if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let end = code[i..]
                .find(|c| !is_ident(c))
                .map_or(code.len(), |e| i + e);
            paths.push(code[i..end].trim_end_matches(':').to_string());
        }
    }
    paths
}

/// The module file a path lands in: the longest module prefix that is a file of the crate.
fn resolve(
    from: &[String],
    path: &str,
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    let mut parts: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = match parts.first() {
        Some(&"crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some(&"super") => {
            let mut b = from.to_vec();
            while parts.first() == Some(&"super") {
                parts.remove(0);
                b.pop();
            }
            b
        }
        Some(&"self") => {
            parts.remove(0);
            from.to_vec()
        }
        // A path from a child module declared in this file (`resolve::resolve`).
        Some(first) if modules.contains_key(&[from, &[first.to_string()]].concat()) => {
            from.to_vec()
        }
        _ => return None,
    };
    let mut best = modules.contains_key(&base).then(|| base.clone());
    for p in parts {
        base.push(p.to_string());
        if modules.contains_key(&base) {
            best = Some(base.clone());
        } else {
            break;
        }
    }
    best
}

/// `pub use` items of a module: the name it is known by -> the full path it stands for.
fn reexports(code: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for stmt in code.split(';') {
        let stmt = stmt.trim();
        let Some(tree) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        for path in flatten_use(tree) {
            if let Some(last) = path.rsplit("::").next() {
                out.push((last.to_string(), path.clone()));
            }
        }
    }
    out
}

/// Like [`resolve`], but a name a module only re-exports leads on to where it is defined:
/// using `app::Action` depends on `app::action`, not on `app` itself.
fn resolve_through_reexports(
    from: &[String],
    path: &str,
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    let target = resolve(from, path, modules)?;
    let segments: Vec<&str> = path.split("::").collect();
    let code = modules
        .get(&target)
        .and_then(|f| fs::read_to_string(f).ok())
        .unwrap_or_default();
    match reexports(&shipped_code(&code))
        .into_iter()
        .find(|(n, _)| segments.contains(&n.as_str()))
    {
        Some((_, full)) if full != path => resolve(&target, &full, modules).or(Some(target)),
        _ => Some(target),
    }
}

struct Crate {
    /// File module -> modules it imports (other files only).
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    /// File module -> its shipped code.
    code: BTreeMap<Vec<String>, String>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules = BTreeMap::new();
    for f in &files {
        if f.file_name().is_some_and(|n| n == "main.rs") {
            continue;
        }
        modules.insert(module_of(&src, f), f.clone());
    }
    let mut edges = BTreeMap::new();
    let mut code = BTreeMap::new();
    for (m, f) in &modules {
        let text = fs::read_to_string(f).unwrap_or_default();
        let shipped = shipped_code(&text);
        let children: Vec<String> = modules
            .keys()
            .filter(|k| k.len() == m.len() + 1 && k.starts_with(m))
            .filter_map(|k| k.last().cloned())
            .collect();
        let set: BTreeSet<Vec<String>> = named_paths(&shipped, &children)
            .iter()
            .filter_map(|p| resolve_through_reexports(m, p, &modules))
            .filter(|t| t != m)
            .collect();
        edges.insert(m.clone(), set);
        code.insert(m.clone(), shipped);
    }
    Crate { edges, code }
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn imports_follow_the_flow() {
    let c = read_crate();
    let mut wrong = Vec::new();
    for (from, tos) in &c.edges {
        let Some(top) = from.first() else { continue };
        let Some(lf) = layer(top) else {
            wrong.push(format!(
                "{} is in no layer of tests/architecture.rs",
                name(from)
            ));
            continue;
        };
        for to in tos {
            let Some(t) = to.first() else { continue };
            match layer(t) {
                Some(lt) if lt <= lf => {}
                _ => wrong.push(format!("{} imports {}", name(from), name(to))),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

/// Every loop in an import graph, as `a -> b -> a`.
fn find_cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    // Depth-first search with colours: meeting a node still on the stack closes a loop.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        Grey,
        Black,
    }
    type Graph = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;
    fn visit<'a>(
        m: &'a Vec<String>,
        edges: &'a Graph,
        colour: &mut BTreeMap<&'a Vec<String>, Colour>,
        stack: &mut Vec<&'a Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        colour.insert(m, Colour::Grey);
        stack.push(m);
        for to in edges.get(m).into_iter().flatten() {
            match colour.get(to).copied() {
                Some(Colour::Grey) => {
                    let at = stack.iter().position(|s| *s == to).unwrap_or(0);
                    let mut names: Vec<String> = stack[at..].iter().map(|s| name(s)).collect();
                    names.push(name(to));
                    cycles.push(names.join(" -> "));
                }
                Some(Colour::Black) => {}
                None => visit(to, edges, colour, stack, cycles),
            }
        }
        stack.pop();
        colour.insert(m, Colour::Black);
    }
    let mut colour = BTreeMap::new();
    let mut cycles = Vec::new();
    for m in edges.keys() {
        if !colour.contains_key(m) {
            visit(m, edges, &mut colour, &mut Vec::new(), &mut cycles);
        }
    }
    cycles
}

#[test]
fn no_file_imports_round_a_loop() {
    let c = read_crate();
    let cycles = find_cycles(&c.edges);
    assert!(
        cycles.is_empty(),
        "files that import each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_library_names_no_terminal_or_cli_crate() {
    let c = read_crate();
    let mut wrong = Vec::new();
    for (m, code) in &c.code {
        if !m.first().is_some_and(|t| LIBRARY.contains(&t.as_str())) {
            continue;
        }
        for krate in ["ratatui", "crossterm", "clap", "signal_hook"] {
            if code.contains(&format!("{krate}::")) {
                wrong.push(format!("{} uses {krate}", name(m)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn terminal_crates_are_optional_and_only_in_the_tui_feature() {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml is readable");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|s| s.split("\n[").next())
        .expect("a [dependencies] table");
    for krate in ["ratatui", "crossterm", "clap"] {
        let line = deps
            .lines()
            .find(|l| l.starts_with(&format!("{krate} ")))
            .unwrap_or_else(|| panic!("{krate} is a dependency"));
        assert!(line.contains("optional = true"), "{line}");
        assert!(
            manifest.contains(&format!("\"dep:{krate}\"")),
            "{krate} not in a feature"
        );
    }
}

#[test]
fn the_checker_sees_a_backward_import_and_a_loop() {
    // The checker's own parts on made-up code, so a broken parser cannot pass silently.
    let code = shipped_code(
        "use crate::ui::theme;\nuse super::{a, b::{c, d as e}};\n// use crate::cli;\nfn f() { crate::tui::run(); kid::go(); }\nmod tests {\n use crate::cli;\n}\n",
    );
    let paths = named_paths(&code, &["kid".to_string()]);
    for want in [
        "crate::ui::theme",
        "super::a",
        "super::b::c",
        "super::b::d",
        "crate::tui::run",
        "kid::go",
    ] {
        assert!(paths.iter().any(|p| p == want), "{want} in {paths:?}");
    }
    assert!(!paths.iter().any(|p| p.contains("cli")), "{paths:?}");
    let mut modules = BTreeMap::new();
    for m in [
        vec!["app"],
        vec!["app", "reader"],
        vec!["ui"],
        vec!["ui", "theme"],
    ] {
        modules.insert(
            m.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            PathBuf::new(),
        );
    }
    let from = vec!["app".to_string(), "reader".to_string()];
    assert_eq!(
        resolve(&from, "crate::ui::theme::Tone", &modules),
        Some(vec!["ui".to_string(), "theme".to_string()])
    );
    assert_eq!(
        resolve(&from, "super::Focus", &modules),
        Some(vec!["app".to_string()])
    );
    assert!(layer("ui") > layer("app"));
    let m = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    let mut edges = BTreeMap::new();
    edges.insert(m("a"), BTreeSet::from([m("a::b")]));
    edges.insert(m("a::b"), BTreeSet::from([m("a::c")]));
    edges.insert(m("a::c"), BTreeSet::from([m("a")]));
    assert_eq!(find_cycles(&edges), ["a -> a::b -> a::c -> a"]);
    edges.insert(m("a::c"), BTreeSet::new());
    assert!(find_cycles(&edges).is_empty());
}
