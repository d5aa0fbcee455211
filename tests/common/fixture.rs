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

/// English function words, most frequent first: real text is about half these.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "for",
    "on",
    "it",
    "with",
    "he",
    "as",
    "said",
    "by",
    "at",
    "from",
    "his",
    "an",
    "were",
    "are",
    "which",
    "this",
    "be",
    "or",
    "has",
    "had",
    "not",
    "but",
    "they",
    "its",
    "have",
    "who",
    "after",
    "their",
    "been",
    "will",
    "one",
    "new",
    "also",
    "would",
    "more",
    "than",
    "two",
    "she",
    "over",
    "we",
    "there",
    "into",
    "about",
    "last",
    "year",
    "people",
    "government",
    "told",
    "could",
    "up",
    "other",
    "when",
];

/// Syllables for made-up content words (lengths and shapes like English words).
const SYLLABLES: &[&str] = &[
    "ba", "con", "de", "dis", "el", "en", "er", "ex", "for", "gan", "hal", "in", "ist", "ka",
    "lan", "ment", "mi", "mo", "na", "ness", "or", "pa", "per", "pro", "ra", "re", "ri", "sa",
    "sion", "ta", "ter", "ti", "tion", "to", "tra", "un", "ver", "vi", "wa", "ze",
];

/// A Zipf-distributed vocabulary: function words first, then made-up content words, so
/// texts have real word lengths, real type counts and a real long tail.
pub struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights (rank^-1.07), for sampling by binary search.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    /// `size` distinct words (news corpora of 10k-100k articles have 100k-300k).
    pub fn new(size: usize, rng: &mut Rng) -> Vocabulary {
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < size {
            let n = 1 + (rng.next_u64() % 4) as usize;
            let w: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += (rank as f64).powf(-1.07);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    /// One word, drawn by frequency.
    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

/// Capitalises the first letter.
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `n` articles of about `body_bytes` of text each, like real news in shape: a Zipf vocabulary
/// of 200k words, 10-14 word titles, sentences of 12-30 words in paragraphs of 2-5, 40
/// outlets, and 3,000 actors mentioned by frequency. Deterministic.
pub fn synthetic(n: usize, body_bytes: usize) -> Corpus {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let vocab = Vocabulary::new(200_000, &mut rng);
    // Actor names: one or two made-up capitalised words, used with Zipf frequencies too.
    let names: Vec<String> = (0..3_000)
        .map(|i| {
            let first = capitalised(vocab.words[200 + (i * 37) % 20_000].as_str());
            if i % 3 == 0 {
                first
            } else {
                format!(
                    "{first} {}",
                    capitalised(&vocab.words[300 + (i * 53) % 30_000])
                )
            }
        })
        .collect();
    let name_vocab = Vocabulary {
        words: names.clone(),
        cumulative: (1..=names.len())
            .scan(0.0, |t, rank| {
                *t += (rank as f64).powf(-1.0);
                Some(*t)
            })
            .collect(),
    };
    let name_id: std::collections::HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let sources: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "{} {}",
                capitalised(&vocab.words[400 + i * 11]),
                ["News", "Times", "Wire", "Post"][i % 4]
            )
        })
        .collect();
    let actors: Vec<Actor> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Actor {
            name: n.clone(),
            kind: [ActorKind::Organization, ActorKind::Place, ActorKind::Person][i % 3],
            aliases: vec![n.clone()],
        })
        .collect();
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        let title_len = 10 + (rng.next_u64() % 5) as usize;
        let title = capitalised(
            &(0..title_len)
                .map(|_| vocab.word(&mut rng).to_string())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let mut paragraphs = Vec::new();
        let mut mentions = Vec::new();
        let mut size = 0;
        while size < body_bytes {
            let mut p = String::new();
            for _ in 0..2 + rng.next_u64() % 4 {
                let len = 12 + (rng.next_u64() % 19) as usize;
                for k in 0..len {
                    if k > 0 {
                        p.push(' ');
                    }
                    if rng.next_u64() % 25 == 0 {
                        let name = name_vocab.word(&mut rng);
                        let actor = name_id.get(name).copied().unwrap_or(0);
                        mentions.push(Mention {
                            actor,
                            paragraph: paragraphs.len(),
                            start: p.len(),
                            end: p.len() + name.len(),
                        });
                        p.push_str(name);
                    } else if k == 0 {
                        p.push_str(&capitalised(vocab.word(&mut rng)));
                    } else {
                        p.push_str(vocab.word(&mut rng));
                    }
                }
                p.push_str(". ");
            }
            let p = p.trim_end().to_string();
            size += p.len();
            paragraphs.push(p);
        }
        let day = (rng.next_u64() % 365) as u32;
        articles.push(Article {
            id: format!("syn-{i}"),
            path: format!("synthetic/{i}.txt"),
            title,
            source: Some(sources[(rng.next_u64() % sources.len() as u64) as usize].clone()),
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
