//! A generator of events retold by several outlets, shared by the stories bench and the
//! `stories_gen` example.
//!
//! The generator makes events (a kind of incident, a named person, a place, an organisation, a
//! count, a day; people and places drawn from tens of thousands, as in real news) and retells
//! each by one to eight outlets: every retelling picks some of the
//! event's facts, rewords them with synonyms, opens with two of them as news does, and pads
//! them with background sentences drawn from a Zipf-like vocabulary of 20k words, for 250-450
//! words an article.

use chrono::NaiveDate;
#[path = "../../tests/common/fixture.rs"]
mod fixture;
use dossier::{Article, Corpus};
use fixture::Rng;

/// Kinds of organisation, each named after a place ("Lagos Port Authority").
const ORG_KINDS: &[&str] = &[
    "City Council",
    "Port Authority",
    "Workers Union",
    "Police",
    "Energy Group",
    "University Hospital",
    "Water Board",
    "Chamber of Commerce",
    "Transit Agency",
    "Football Club",
];

/// People and places as many as real news names: the given and family names of Faker's
/// locales and the GeoNames cities that dossier's gazetteer is generated from.
struct Names {
    given: Vec<&'static str>,
    family: Vec<&'static str>,
    cities: Vec<&'static str>,
}

impl Names {
    fn new() -> Self {
        let section = |text: &'static str, name: &str| -> Vec<&'static str> {
            text.lines()
                .skip_while(|l| l.trim() != name)
                .skip(1)
                .take_while(|l| !l.starts_with('['))
                .flat_map(|l| l.split_whitespace())
                .collect()
        };
        let names = include_str!("../../assets/actors/names_generated.txt");
        let places = include_str!("../../assets/actors/places_generated.txt");
        let cities: Vec<&'static str> = places
            .lines()
            .skip_while(|l| l.trim() != "[city]")
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        Names {
            given: section(names, "[given]"),
            family: section(names, "[family]"),
            cities,
        }
    }

    /// A skewed draw: a few names are in the news all the time, most rarely.
    fn pick<'a>(list: &[&'a str], rng: &mut Rng) -> &'a str {
        let u = (rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        list[((u * u) * list.len() as f64) as usize]
    }
}

const SOURCES: &[&str] = &[
    "Nordic Wire",
    "Harbour Times",
    "Daily Ledger",
    "Coast Post",
    "Evening Star",
    "The National",
    "Shafaq News",
    "Metro Herald",
    "City Gazette",
    "Morning Review",
    "Reuters",
    "AP",
];

/// A kind of event: its nouns and verbs, each with synonyms a retelling picks from.
struct Kind {
    what: &'static [&'static str],
    act: &'static [&'static str],
    hurt: &'static [&'static str],
}

const KINDS: &[Kind] = &[
    Kind {
        what: &["earthquake", "quake", "tremor"],
        act: &["struck", "hit", "shook"],
        hurt: &["killed", "left dead", "claimed the lives of"],
    },
    Kind {
        what: &["fire", "blaze", "inferno"],
        act: &["broke out in", "tore through", "engulfed"],
        hurt: &["injured", "hurt", "sent to hospital"],
    },
    Kind {
        what: &["strike", "walkout", "stoppage"],
        act: &["paralysed", "shut down", "halted work in"],
        hurt: &["involved", "drew", "mobilised"],
    },
    Kind {
        what: &["arrest", "detention", "raid"],
        act: &["took place in", "was carried out in", "happened in"],
        hurt: &["detained", "held", "questioned"],
    },
    Kind {
        what: &["flood", "flash flood", "deluge"],
        act: &["swamped", "inundated", "submerged parts of"],
        hurt: &["displaced", "forced from their homes", "left homeless"],
    },
    Kind {
        what: &["merger", "takeover", "acquisition"],
        act: &["was announced in", "was unveiled in", "was agreed in"],
        hurt: &["affects", "concerns", "covers"],
    },
];

/// Background vocabulary: pseudo-words from syllables, drawn with a Zipf-like skew.
struct Vocabulary {
    words: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng) -> Self {
        const SYL: &[&str] = &[
            "ka", "lo", "ri", "sen", "ta", "mar", "vel", "dor", "pi", "ne", "sto", "gra", "lu",
            "fen", "os", "tri", "ba", "mel", "cor", "di", "an", "ves", "qui", "ro", "hal", "te",
        ];
        let words = (0..20_000)
            .map(|_| {
                let n = 2 + rng.next_u64() % 3;
                (0..n).map(|_| rng.pick(SYL)).collect::<String>()
            })
            .collect();
        Vocabulary { words }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        // Squaring a uniform draw skews toward the front: a few words are very common.
        let u = (rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        &self.words[((u * u * u) * self.words.len() as f64) as usize]
    }
}

const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "was", "as", "by", "at",
];

/// One event every retelling draws on.
struct Event {
    kind: usize,
    person: String,
    place: &'static str,
    org: String,
    count: u64,
    day: NaiveDate,
}

fn fact(e: &Event, k: usize, rng: &mut Rng) -> String {
    let kind = &KINDS[e.kind];
    let (what, act, hurt) = (rng.pick(kind.what), rng.pick(kind.act), rng.pick(kind.hurt));
    let weekday = e.day.format("%A");
    match k % 6 {
        0 => format!("A {what} {act} {} on {weekday}, officials said.", e.place),
        1 => format!(
            "The {what} {hurt} at least {} people, according to the {}.",
            e.count, e.org
        ),
        2 => format!(
            "“We are doing everything we can,” {} told reporters in {}.",
            e.person, e.place
        ),
        3 => format!(
            "{} of the {} said the {what} was the worst in years.",
            e.person, e.org
        ),
        4 => format!(
            "Residents of {} described scenes of chaos after the {what}.",
            e.place
        ),
        _ => format!(
            "The {} promised an inquiry into the {what} in {}.",
            e.org, e.place
        ),
    }
}

fn filler(vocab: &Vocabulary, rng: &mut Rng) -> String {
    let n = 12 + rng.next_u64() % 14;
    let mut s: Vec<String> = (0..n)
        .map(|i| {
            if i % 3 == 1 {
                rng.pick(FUNCTION).to_string()
            } else {
                vocab.word(rng).to_string()
            }
        })
        .collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        if let Some(f) = c.next() {
            *first = f.to_uppercase().chain(c).collect();
        }
    }
    format!("{}.", s.join(" "))
}

/// About `n` articles: events retold by 1-8 outlets. Returns the corpus and each article's
/// event (numbered from 0).
pub fn generate(n: usize) -> (Corpus, Vec<usize>) {
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let vocab = Vocabulary::new(&mut rng);
    let names = Names::new();
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let mut articles = Vec::with_capacity(n);
    let mut event_of = Vec::with_capacity(n);
    let mut events = 0;
    while articles.len() < n {
        let e = Event {
            kind: (rng.next_u64() % KINDS.len() as u64) as usize,
            person: format!(
                "{} {}",
                Names::pick(&names.given, &mut rng),
                Names::pick(&names.family, &mut rng)
            ),
            place: Names::pick(&names.cities, &mut rng),
            org: format!(
                "{} {}",
                Names::pick(&names.cities, &mut rng),
                rng.pick(ORG_KINDS)
            ),
            count: 3 + rng.next_u64() % 200,
            day: start + chrono::Days::new(rng.next_u64() % 730),
        };
        events += 1;
        let tellings = 1 + rng.next_u64() % 8;
        for t in 0..tellings {
            // News opens with the event: who, what, where; background follows.
            let first = (rng.next_u64() % 6) as usize;
            let second = (first + 1 + (rng.next_u64() % 5) as usize) % 6;
            let lead = format!(
                "{} {} {}",
                fact(&e, first, &mut rng),
                fact(&e, second, &mut rng),
                filler(&vocab, &mut rng)
            );
            let mut words = lead.split_whitespace().count();
            let mut paragraphs = vec![lead];
            while words < 250 + (rng.next_u64() % 200) as usize {
                let mut para = Vec::new();
                for _ in 0..(2 + rng.next_u64() % 3) {
                    let s = if rng.next_u64() % 3 == 0 {
                        fact(&e, (rng.next_u64() % 6) as usize, &mut rng)
                    } else {
                        filler(&vocab, &mut rng)
                    };
                    words += s.split_whitespace().count();
                    para.push(s);
                }
                paragraphs.push(para.join(" "));
            }
            let i = articles.len();
            event_of.push(events - 1);
            articles.push(Article {
                id: format!("gen-{i}"),
                path: format!("gen/{i}.txt"),
                title: fact(&e, 0, &mut rng),
                source: Some(rng.pick(SOURCES).to_string()),
                date: Some(e.day + chrono::Days::new(t.min(3))),
                words,
                paragraphs,
                ..Article::default()
            });
        }
    }
    articles.truncate(n);
    event_of.truncate(n);
    // Actor extraction is its own stage with its own bench; grouping runs here without actors.
    (
        Corpus {
            articles,
            ..Corpus::default()
        },
        event_of,
    )
}

/// How many events the labels hold.
pub fn event_count(event_of: &[usize]) -> usize {
    event_of.iter().max().map_or(0, |&e| e + 1)
}

/// B-cubed precision, recall and F1 of the stories found against the generated events: a check
/// that a change made for speed still groups as well at scale.
pub fn b_cubed(found: &dossier::stories::Stories, event_of: &[usize]) -> (f64, f64, f64) {
    let n = event_of.len();
    let mut event_size = vec![0usize; event_count(event_of)];
    for &e in event_of {
        event_size[e] += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for s in &found.stories {
        let mut shared: std::collections::HashMap<usize, usize> = Default::default();
        for &a in &s.articles {
            *shared.entry(event_of[a]).or_insert(0) += 1;
        }
        for (&e, &k) in &shared {
            // Each of the k articles of event e in this story.
            p += k as f64 * k as f64 / s.articles.len() as f64;
            r += k as f64 * k as f64 / event_size[e] as f64;
        }
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}
