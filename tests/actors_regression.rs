//! A regression test, not a measure of unseen text: actors on articles about other stories
//! (business, Irish and Nordic politics, football, the EU, tech, a storm, a court case),
//! against the list a careful reader would make, per article. Every batch was tuned on after
//! its first contact, so these figures only guard against losing what once worked; the blind
//! set (`tests/actors_blind.rs`) and the labelled data measure unseen text. The lists live
//! in `tests/fixtures/regression/gold.json`, and the actor classifier also trains on them
//! (`examples/train_actors.rs`), so a score here is partly a training fit.
//!
//! The lists were written with the articles, before running the extractor on
//! them. The rules were tuned on the first eight; the next five and the last
//! four were written later and first scored untouched (mean precision/recall
//! 0.77/0.81, then 0.87/0.88) before their general lessons went into the rules.
//!
//! Matching: an extracted actor matches an expected one when its name or any
//! alias is one of the expected spellings and the kinds agree. A second actor
//! matching the same expected one is a split and counts as wrong; an actor
//! matching nothing counts as wrong unless it is listed as neutral.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::LazyLock;

use ActorKind::{Organization as Org, Person, Place};
use dossier::{ActorKind, Corpus};
use serde::Deserialize;

/// One expected actor: its accepted spellings (the first is the canonical name), kind, and
/// spellings that must end up merged into it.
#[derive(Deserialize)]
struct Want {
    primary: Vec<String>,
    kind: String,
    #[serde(default)]
    merged: Vec<String>,
}

impl Want {
    fn kind(&self) -> ActorKind {
        match self.kind.as_str() {
            "person" => Person,
            "place" => Place,
            _ => Org,
        }
    }
}

/// One regression article and what it must yield.
#[derive(Deserialize)]
struct Case {
    #[serde(rename = "entities")]
    want: Vec<Want>,
    /// Debatable actors: neither required nor counted against precision.
    #[serde(default, rename = "neutral")]
    optional: Vec<String>,
    /// Words that must appear in no actor name or alias.
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Deserialize)]
struct Gold {
    docs: BTreeMap<String, Case>,
}

/// The articles and their lists, from `tests/fixtures/regression/gold.json` (which the
/// actor trainer also learns from).
static CASES: LazyLock<Vec<(String, Case)>> = LazyLock::new(|| {
    let text = std::fs::read_to_string("tests/fixtures/regression/gold.json")
        .expect("regression gold is readable");
    let gold: Gold = serde_json::from_str(&text).expect("regression gold parses");
    gold.docs.into_iter().collect()
});

/// Precision and recall every article must reach.
const MIN_PRECISION: f64 = 0.85;
const MIN_RECALL: f64 = 0.85;
/// Mean precision and recall over all articles. These articles were tuned on until the old
/// hand-weighted rules scored about 1.0, and the classifier now trains on them too; it
/// scores 0.99 / 0.97 here, so the guard is set a little under that.
const MIN_MEAN: f64 = 0.95;

fn path(file: &str) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/regression/{file}.txt"))
}

fn load(files: &[&str]) -> Corpus {
    let paths: Vec<PathBuf> = files.iter().map(|f| path(f)).collect();
    Corpus::load(&paths, &mut |_| {})
        .expect("regression fixtures load")
        .corpus
}

/// Spellings an actor goes by.
fn spellings(a: &dossier::Actor) -> impl Iterator<Item = &str> {
    std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
}

/// The expected entry (index) an actor answers to, if any.
fn answers(a: &dossier::Actor, want: &[Want]) -> Option<usize> {
    want.iter()
        .position(|w| spellings(a).any(|s| w.primary.iter().chain(&w.merged).any(|n| n == s)))
}

/// `needle` appears in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    format!(" {} ", hay.replace(['-', '’', '\''], " ")).contains(&format!(" {needle} "))
}

/// Scores of one article.
#[derive(Default)]
struct Score {
    precision: f64,
    recall: f64,
    problems: Vec<String>,
}

fn score(file: &str, case: &Case) -> Score {
    let corpus = load(&[file]);
    let actors = corpus.actors.actors();
    let mut found = vec![false; case.want.len()];
    let (mut right, mut counted) = (0usize, 0usize);
    let mut problems = Vec::new();
    for a in actors {
        let hit = answers(a, &case.want);
        let optional = case.optional.iter().any(|o| spellings(a).any(|s| s == o));
        if hit.is_none() && optional {
            continue;
        }
        counted += 1;
        let Some(w) = hit else {
            problems.push(format!(
                "unexpected {} ({:?}) {:?}",
                a.name, a.kind, a.aliases
            ));
            continue;
        };
        let want = &case.want[w];
        let (names, kind) = (want.primary.join("|"), want.kind());
        if a.kind != kind {
            problems.push(format!("{} is {:?}, want {kind:?}", a.name, a.kind));
            continue;
        }
        if found[w] {
            problems.push(format!("{} split off {names}", a.name));
            continue;
        }
        found[w] = true;
        right += 1;
        for m in &want.merged {
            if !a.aliases.iter().any(|x| x == m) {
                problems.push(format!("{names}: {m:?} not merged ({:?})", a.aliases));
            }
        }
    }
    for (w, ok) in found.iter().enumerate() {
        if !ok {
            let want = &case.want[w];
            problems.push(format!(
                "missing {} ({:?})",
                want.primary.join("|"),
                want.kind()
            ));
        }
    }
    for a in actors {
        for bad in &case.absent {
            if spellings(a).any(|s| has_words(s, bad)) {
                problems.push(format!("forbidden {bad:?} in {} {:?}", a.name, a.aliases));
            }
        }
    }
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    Score {
        precision: ratio(right, counted),
        recall: ratio(found.iter().filter(|f| **f).count(), case.want.len()),
        problems,
    }
}

#[test]
fn regression_articles_keep_precision_and_recall() {
    let mut failures = Vec::new();
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (file, case) in CASES.iter() {
        let s = score(file, case);
        eprintln!(
            "{file:<16} precision {:.2} recall {:.2}",
            s.precision, s.recall
        );
        for p in &s.problems {
            eprintln!("    {p}");
        }
        p_sum += s.precision;
        r_sum += s.recall;
        if s.precision < MIN_PRECISION || s.recall < MIN_RECALL {
            failures.push(format!(
                "{file}: precision {:.2} recall {:.2}",
                s.precision, s.recall
            ));
        }
        if s.problems.iter().any(|p| p.starts_with("forbidden")) {
            failures.push(format!("{file}: forbidden words as actors"));
        }
    }
    let n = CASES.len() as f64;
    let (p_mean, r_mean) = (p_sum / n, r_sum / n);
    eprintln!("mean precision {p_mean:.2} recall {r_mean:.2}");
    if p_mean < MIN_MEAN || r_mean < MIN_MEAN {
        failures.push(format!("mean precision {p_mean:.2} recall {r_mean:.2}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Words that open sentences or name times and roles: never an actor's first word.
const NEVER_FIRST: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "President",
    "Prime",
    "Minister",
    "Taoiseach",
    "Tánaiste",
    "Chancellor",
    "Councillor",
    "Chief",
    "Former",
    "Substitute",
    "Young",
    "Rivals",
    "Neighbouring",
    "Shares",
    "Analysts",
    "Officials",
    "Fans",
    "Snow",
    "Grid",
    "Consumers",
    "Voters",
    "Investigators",
    "Ports",
];

#[test]
fn no_actor_starts_with_a_calendar_word_a_title_or_an_opener() {
    let files: Vec<&str> = CASES.iter().map(|(f, _)| f.as_str()).collect();
    let corpus = load(&files);
    let mut bad = Vec::new();
    for a in corpus.actors.actors() {
        for s in spellings(a) {
            let first = s.split([' ', '-']).next().unwrap_or("");
            if NEVER_FIRST.contains(&first) {
                bad.push(format!("{s:?} in {} {:?}", a.name, a.aliases));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The actor holding this spelling, with its index.
fn actor_with<'c>(corpus: &'c Corpus, spelling: &str) -> Option<(usize, &'c dossier::Actor)> {
    corpus
        .actors
        .actors()
        .iter()
        .enumerate()
        .find(|(_, a)| spellings(a).any(|s| s == spelling))
}

#[test]
fn short_forms_and_acronyms_merge_within_articles() {
    let merges: &[(&str, &[&str])] = &[
        ("irish_debate", &["Micheál Martin", "Martin"]),
        ("irish_debate", &["Mary Lou McDonald", "McDonald"]),
        ("irish_debate", &["Simon Harris", "Harris"]),
        ("irish_debate", &["Siobhán Ní Bhriain", "Ní Bhriain"]),
        (
            "openai_funding",
            &["Securities and Exchange Commission", "SEC"],
        ),
        ("openai_funding", &["Sam Altman", "Altman"]),
        (
            "sweden_storm",
            &["Swedish Meteorological and Hydrological Institute", "SMHI"],
        ),
        (
            "sweden_storm",
            &["Swedish Civil Contingencies Agency", "MSB"],
        ),
        ("mowi_appeal", &["Norwegian Seafood Council", "NSC"]),
        ("mowi_appeal", &["Mowi ASA", "Mowi"]),
        ("mowi_appeal", &["Sigrun Øvrebø-Hansen", "Øvrebø-Hansen"]),
        ("ryanair_results", &["Irish Aviation Authority", "IAA"]),
        ("ryanair_results", &["Michael O'Leary", "O'Leary"]),
        ("city_villa", &["Pep Guardiola", "Guardiola"]),
        ("city_villa", &["Darragh Ó Conchubhair", "Ó Conchubhair"]),
        ("eu_dma", &["Ursula von der Leyen", "Von der Leyen"]),
        ("nordic_summit", &["Kari Nordmann-Lie", "Nordmann-Lie"]),
        ("city_villa", &["Manchester City", "City"]),
        ("eu_dma", &["European Commission", "Commission"]),
        (
            "sweden_storm",
            &["Swedish Transport Administration", "Trafikverket"],
        ),
        (
            "finland_cable",
            &["Finnish Security Intelligence Service", "Supo"],
        ),
        ("novo_earnings", &["Novo Nordisk", "Novo"]),
        ("limerick_court", &["Foynes Port", "Foynes"]),
        ("ireland_allblacks", &["Irish Rugby Football Union", "IRFU"]),
        ("ireland_allblacks", &["British and Irish Lions", "Lions"]),
        ("alcaraz_wimbledon", &["Lawn Tennis Association", "LTA"]),
        ("asml_exports", &["Bureau of Industry and Security", "BIS"]),
        (
            "us_budget",
            &["Federal Emergency Management Agency", "FEMA"],
        ),
    ];
    let mut problems = Vec::new();
    for (file, names) in merges {
        let corpus = load(&[file]);
        let ids: Vec<Option<usize>> = names
            .iter()
            .map(|n| actor_with(&corpus, n).map(|(i, _)| i))
            .collect();
        if ids.iter().any(Option::is_none) || ids.windows(2).any(|w| w[0] != w[1]) {
            problems.push(format!("{file}: {names:?} are not one actor ({ids:?})"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_whole_regression_set_merges_across_articles_and_keeps_people_apart() {
    let files: Vec<&str> = CASES.iter().map(|(f, _)| f.as_str()).collect();
    let corpus = load(&files);
    let index = &corpus.actors;
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (id, a) in index.actors().iter().enumerate() {
        assert!(by_name.insert(&a.name, id).is_none(), "{} twice", a.name);
    }
    // (spelling, kind, articles it must be found in)
    let across: &[(&str, ActorKind, usize)] = &[
        ("Jonas Gahr Støre", Person, 2),
        ("Simon Harris", Person, 2),
        ("Ursula von der Leyen", Person, 2),
        ("Robert Habeck", Person, 2),
        ("European Commission", Org, 5),
        ("Federal Trade Commission", Org, 2),
        ("Sinn Féin", Org, 2),
        ("NATO", Org, 2),
        ("Apple", Org, 2),
        ("Dublin", Place, 4),
        ("Norway", Place, 4),
        ("Germany", Place, 3),
        ("Helsinki", Place, 2),
        ("Copenhagen", Place, 2),
        ("Oslo", Place, 2),
        ("Stockholm", Place, 2),
    ];
    let mut problems = Vec::new();
    for &(name, kind, n) in across {
        match actor_with(&corpus, name) {
            None => problems.push(format!("missing {name}")),
            Some((id, a)) => {
                if a.kind != kind {
                    problems.push(format!("{name} is {:?}", a.kind));
                }
                let got = index.articles_of(id).len();
                if got != n {
                    problems.push(format!("{name} in {got} articles, want {n}"));
                }
            }
        }
    }
    // Different people who share a first name or a sound stay apart.
    let apart: &[(&str, &str)] = &[
        ("Michael O'Leary", "Michael Healy-Rae"),
        ("Micheál Martin", "Sanna Marin"),
        ("Kari Nordmann-Lie", "Sigrun Øvrebø-Hansen"),
        ("Jonas Gahr Støre", "Erna Solberg"),
        ("Labour Party", "Conservative Party"),
        (
            "Norwegian Meteorological Institute",
            "Swedish Meteorological and Hydrological Institute",
        ),
        ("Google", "Alphabet"),
        ("Novo Nordisk", "Novo Holdings"),
        ("Scott Robertson", "Scott Barrett"),
        ("Dublin", "Dublin Airport"),
        ("European Commission", "Federal Trade Commission"),
    ];
    for (a, b) in apart {
        let (x, y) = (actor_with(&corpus, a), actor_with(&corpus, b));
        match (x, y) {
            (Some((i, _)), Some((j, _))) if i != j => {}
            _ => problems.push(format!("{a} and {b} should be two actors")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
