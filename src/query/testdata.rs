//! Small corpora for the filter's tests: three reports of one story, and actors whose names
//! fuzzy matching used to mix up.

use chrono::NaiveDate;

use super::eval::matching_actors;
use super::eval::search;
use super::index::Index;
use super::parse::Query;
use crate::actors::{Actor, ActorId, ActorIndex, ActorKind, Extraction, Mention};
use crate::article::Article;
use crate::corpus::Corpus;

pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn article(title: &str, source: &str, date_s: &str, body: &[&str]) -> Article {
    Article {
        id: title.to_lowercase().replace(' ', "-"),
        title: title.into(),
        source: Some(source.into()),
        date: Some(date(date_s)),
        paragraphs: body.iter().map(|s| s.to_string()).collect(),
        ..Article::default()
    }
}

/// Three articles; actor 0 "Al Nujaba Movement" in articles 0 and 2, actor 1 in 1.
pub(crate) fn corpus() -> Corpus {
    let articles = vec![
        article(
            "Militias end truce",
            "The National",
            "2024-08-20",
            &["Al Nujaba Movement said the truce is over."],
        ),
        article(
            "Drone strike in Babel",
            "Reuters",
            "2024-07-30",
            &["Kataib Hezbollah blamed Washington for the ceasefire breach."],
        ),
        article(
            "Harakat al-Nujaba reaffirms",
            "Shafaq News",
            "2024-07-31",
            &["No ceasefire exists, said Harakat Al-Nujaba."],
        ),
    ];
    let actors = vec![
        Actor {
            name: "Al Nujaba Movement".into(),
            kind: ActorKind::Organization,
            aliases: vec!["Harakat al-Nujaba".into()],
        },
        Actor {
            name: "Kataib Hezbollah".into(),
            kind: ActorKind::Organization,
            aliases: vec![],
        },
    ];
    let m = |actor, start, end| Mention {
        actor,
        paragraph: 0,
        start,
        end,
    };
    let mentions = vec![vec![m(0, 0, 18)], vec![m(1, 0, 16)], vec![m(0, 26, 43)]];
    let index = ActorIndex::build(&Extraction {
        actors,
        mentions: mentions.clone(),
    });
    let mut articles = articles;
    for (a, ms) in articles.iter_mut().zip(mentions) {
        a.mentions = ms;
    }
    Corpus {
        articles,
        actors: index,
    }
}

pub(crate) fn ids(q: &str, actors: &[ActorId]) -> Vec<usize> {
    let c = corpus();
    let idx = Index::build(&c);
    search(&c, &idx, &Query::parse(q), actors, None)
        .iter()
        .map(|h| h.article)
        .collect()
}

/// Actors for `@` tests: names that fuzzy matching mixed up.
pub(crate) fn actor_corpus() -> (Corpus, Index) {
    let names: &[(&str, &[&str])] = &[
        ("Haider Al Lami", &["Al-Lami", "Lami", "Haider Al-Lami"]),
        ("Islamic Resistance in Iraq", &["IRI"]),
        (
            "Popular Mobilization Forces",
            &["PMF", "al-Hashd al-Shaabi"],
        ),
        ("ISIS", &[]),
        ("International Coalition against ISIS", &[]),
        (
            "Al Nujaba Movement",
            &["Harakat Al-Nujaba", "Nujaba Movement"],
        ),
        ("José Müller", &[]),
        ("Ali Hassan", &[]),
        ("Salim Khalil", &[]),
    ];
    let actors = names
        .iter()
        .map(|(n, al)| Actor {
            name: n.to_string(),
            kind: ActorKind::Person,
            aliases: al.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    // One article per actor, mentioning only it.
    let mentions: Vec<Vec<Mention>> = (0..names.len())
        .map(|i| {
            vec![Mention {
                actor: i,
                paragraph: 0,
                start: 0,
                end: 1,
            }]
        })
        .collect();
    let articles = (0..names.len())
        .map(|i| Article {
            title: format!("Report {i}"),
            paragraphs: vec!["x".into()],
            mentions: mentions[i].clone(),
            ..Article::default()
        })
        .collect();
    let corpus = Corpus {
        articles,
        actors: ActorIndex::build(&Extraction { actors, mentions }),
    };
    let index = Index::build(&corpus);
    (corpus, index)
}

pub(crate) fn actor_names(pattern: &str) -> Vec<String> {
    let (c, idx) = actor_corpus();
    matching_actors(&idx, pattern)
        .into_iter()
        .map(|i| c.actors.actors()[i].name.clone())
        .collect()
}
