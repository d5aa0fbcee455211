#![allow(dead_code)] // each test, bench and example uses a different part
//! Hand-made corpora for tests, benches and demos: deterministic, with actors and mentions,
//! independent of the loader, cleaner and recogniser.

use chrono::NaiveDate;

use dossier::actors::{Actor, ActorIndex, ActorKind, Extraction, Mention};
use dossier::article::{Article, count_words};
use dossier::corpus::Corpus;

struct Spec {
    title: &'static str,
    subtitle: Option<&'static str>,
    source: Option<&'static str>,
    date: Option<(i32, u32, u32)>,
    paragraphs: &'static [&'static str],
    links: &'static [&'static str],
}

const ACTORS: &[(&str, ActorKind, &[&str])] = &[
    (
        "Al Nujaba Movement",
        ActorKind::Organization,
        &["Al Nujaba Movement", "Harakat al-Nujaba", "Nujaba"],
    ),
    (
        "Haider Al Lami",
        ActorKind::Person,
        &["Haider Al Lami", "Al Lami"],
    ),
    (
        "Kataib Hezbollah",
        ActorKind::Organization,
        &["Kataib Hezbollah"],
    ),
    (
        "Popular Mobilization Forces",
        ActorKind::Organization,
        &["Popular Mobilization Forces", "PMF"],
    ),
    ("Mehdi al-Kaabi", ActorKind::Person, &["Mehdi al-Kaabi"]),
    (
        "Mohammed Shia al-Sudani",
        ActorKind::Person,
        &["Mohammed Shia al-Sudani", "al-Sudani"],
    ),
    ("Baghdad", ActorKind::Place, &["Baghdad"]),
    ("Washington", ActorKind::Place, &["Washington"]),
    ("Babel", ActorKind::Place, &["Babel"]),
    ("Ain al-Asad", ActorKind::Place, &["Ain al-Asad"]),
    ("Iraq", ActorKind::Place, &["Iraq"]),
];

const ARTICLES: &[Spec] = &[
    Spec {
        title: "Iraqi factions end truce with US forces",
        subtitle: Some("Al Nujaba Movement says talks with Washington stalled"),
        source: Some("The National"),
        date: Some((2024, 8, 20)),
        paragraphs: &[
            "Armed factions in Iraq have rejected a government plea to extend their truce with US troops, a commander told reporters on Tuesday.",
            "The Al Nujaba Movement announced it was ending the truce. Haider Al Lami, a member of its political council, said there had been too much stalling from Washington [1].",
            "Baghdad and Washington agreed in July on a plan to end the coalition mission [2].",
        ],
        links: &[
            "https://example.org/iraq/truce-over",
            "https://example.org/iraq/coalition-plan",
        ],
    },
    Spec {
        title: "Militias threaten to resume attacks on US troops",
        subtitle: None,
        source: Some("Asharq Al-Awsat"),
        date: Some((2024, 8, 21)),
        paragraphs: &[
            "Haider Al Lami said all options were now open to the resistance factions in Iraq.",
            "Harakat al-Nujaba accused the American side of procrastination during the talks.",
        ],
        links: &[],
    },
    Spec {
        title: "Drone strike hits PMF base in Babel",
        subtitle: None,
        source: Some("Reuters"),
        date: Some((2024, 7, 30)),
        paragraphs: &[
            "At least four members of the Popular Mobilization Forces were killed in a drone strike on a base in Babel province, south of Baghdad.",
            "Kataib Hezbollah blamed the United States and vowed a response.",
        ],
        links: &["https://example.org/babel-strike"],
    },
    Spec {
        title: "Rockets target Ain al-Asad airbase",
        subtitle: Some("Five American personnel injured"),
        source: Some("AP"),
        date: Some((2024, 8, 5)),
        paragraphs: &[
            "Rockets struck Ain al-Asad airbase in western Iraq, which hosts US forces. Officials in Washington said five personnel were hurt.",
            "No group claimed the attack at first; suspicion fell on Kataib Hezbollah.",
        ],
        links: &[],
    },
    Spec {
        title: "No ceasefire exists, Nujaba leader says",
        subtitle: None,
        source: Some("Shafaq News"),
        date: Some((2024, 7, 31)),
        paragraphs: &[
            "Harakat al-Nujaba reaffirmed on Wednesday that no ceasefire exists between its factions and US forces.",
            "Mehdi al-Kaabi, a senior leader, described the strike on the PMF in Babel as a violation of Iraqi sovereignty.",
        ],
        links: &[],
    },
    Spec {
        title: "Baghdad and Washington near deal on coalition exit",
        subtitle: None,
        source: None,
        date: None,
        paragraphs: &[
            "Prime Minister Mohammed Shia al-Sudani said a timetable for the withdrawal was close. Negotiators in Baghdad and Washington met again this week.",
        ],
        links: &[],
    },
];

/// Mentions of `actors` in `text`: every alias occurrence, longest alias first, no overlaps.
fn find_mentions(actors: &[Actor], paragraph: usize, text: &str) -> Vec<Mention> {
    let mut aliases: Vec<(usize, &str)> = actors
        .iter()
        .enumerate()
        .flat_map(|(id, a)| a.aliases.iter().map(move |s| (id, s.as_str())))
        .collect();
    aliases.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
    let mut found: Vec<Mention> = Vec::new();
    for (id, alias) in aliases {
        for (start, _) in text.match_indices(alias) {
            let end = start + alias.len();
            // Whole words only: "Iraq" must not match inside "Iraqi".
            let boundary = !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if boundary && !found.iter().any(|m| start < m.end && m.start < end) {
                found.push(Mention {
                    actor: id,
                    paragraph,
                    start,
                    end,
                });
            }
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Builds a corpus from articles and actors by finding alias occurrences (a stand-in recogniser).
pub fn corpus_from(mut articles: Vec<Article>, actors: Vec<Actor>) -> Corpus {
    let mentions: Vec<Vec<Mention>> = articles
        .iter()
        .map(|a| {
            a.paragraphs
                .iter()
                .enumerate()
                .flat_map(|(i, p)| find_mentions(&actors, i, p))
                .collect()
        })
        .collect();
    let index = ActorIndex::build(&Extraction {
        actors,
        mentions: mentions.clone(),
    });
    for (a, m) in articles.iter_mut().zip(mentions) {
        a.mentions = m;
    }
    Corpus {
        articles,
        actors: index,
    }
}

/// Six short articles about one story, with eleven actors of three kinds (one undated, unsourced).
pub fn sample() -> Corpus {
    let actors = ACTORS
        .iter()
        .map(|(name, kind, aliases)| Actor {
            name: name.to_string(),
            kind: *kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    let articles = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let paragraphs: Vec<String> = s.paragraphs.iter().map(|p| p.to_string()).collect();
            Article {
                id: format!("fixture-{i}"),
                path: format!("fixture/{i}.txt"),
                title: s.title.into(),
                subtitle: s.subtitle.map(Into::into),
                source: s.source.map(Into::into),
                date: s
                    .date
                    .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
                words: paragraphs.iter().map(|p| count_words(p)).sum(),
                paragraphs,
                links: s.links.iter().map(|l| l.to_string()).collect(),
                ..Article::default()
            }
        })
        .collect();
    corpus_from(articles, actors)
}

/// xorshift64: cheap and reproducible across platforms (also used by `examples/gen_corpus`).
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A pseudo-random item of `list`.
    pub fn pick(&mut self, list: &[&'static str]) -> &'static str {
        list[(self.next_u64() % list.len() as u64) as usize]
    }
}

/// A deterministic synthetic corpus of `n` articles of about `body_bytes` each, for benches.
pub fn synthetic(n: usize, body_bytes: usize) -> Corpus {
    const WORDS: &[&str] = &[
        "truce",
        "forces",
        "government",
        "withdrawal",
        "militia",
        "attack",
        "statement",
        "council",
        "border",
        "minister",
        "talks",
        "security",
        "agreement",
        "province",
        "airbase",
        "drone",
        "strike",
        "faction",
        "resistance",
        "coalition",
        "negotiation",
        "official",
        "report",
        "election",
        "parliament",
        "economy",
        "oil",
        "protest",
        "court",
        "ceasefire",
    ];
    const NAMES: &[&str] = &[
        "Nujaba",
        "Baghdad",
        "Washington",
        "Kataib",
        "Sudani",
        "Babel",
        "Basra",
        "Erbil",
        "Tehran",
        "Mosul",
    ];
    const SOURCES: &[&str] = &["The National", "Reuters", "AP", "Shafaq News", "Al-Monitor"];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let actors: Vec<Actor> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| Actor {
            name: n.to_string(),
            kind: [ActorKind::Organization, ActorKind::Place, ActorKind::Person][i % 3],
            aliases: vec![n.to_string()],
        })
        .collect();
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        let title = (0..8)
            .map(|_| rng.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ");
        let mut paragraphs = Vec::new();
        let mut mentions = Vec::new();
        let mut size = 0;
        while size < body_bytes {
            let mut p = String::new();
            for k in 0..60 {
                if k > 0 {
                    p.push(' ');
                }
                if k % 17 == 3 {
                    let actor = (rng.next_u64() % NAMES.len() as u64) as usize;
                    mentions.push(Mention {
                        actor,
                        paragraph: paragraphs.len(),
                        start: p.len(),
                        end: p.len() + NAMES[actor].len(),
                    });
                    p.push_str(NAMES[actor]);
                } else {
                    p.push_str(rng.pick(WORDS));
                }
            }
            size += p.len();
            paragraphs.push(p);
        }
        let day = (rng.next_u64() % 365) as u32;
        articles.push(Article {
            id: format!("syn-{i}"),
            path: format!("synthetic/{i}.txt"),
            title,
            source: Some(rng.pick(SOURCES).to_string()),
            date: NaiveDate::from_yo_opt(2024, day + 1),
            words: paragraphs.iter().map(|p| count_words(p)).sum(),
            paragraphs,
            mentions,
            ..Article::default()
        });
    }
    let extraction = Extraction {
        actors,
        mentions: articles.iter().map(|a| a.mentions.clone()).collect(),
    };
    Corpus {
        actors: ActorIndex::build(&extraction),
        articles,
    }
}
