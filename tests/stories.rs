//! Stories on the bundled seeds and on made-up articles: what groups, what stays apart, what
//! each report alone carries, and who is quoted.

use chrono::NaiveDate;
use dossier::stories::{self, Params, Stories};
use dossier::{Article, Corpus};

fn seeds() -> Corpus {
    Corpus::bundled().corpus
}

fn story_of(corpus: &Corpus, found: &Stories, prefix: &str) -> usize {
    let i = corpus.find(prefix).expect("article present");
    found.story_of(i).expect("every article has a story")
}

fn article(id: &str, date: Option<&str>, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        path: format!("{id}.txt"),
        title: title.into(),
        date: date.map(|d| d.parse::<NaiveDate>().expect("test date")),
        source: Some(format!("Outlet {id}")),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    }
}

/// Unrelated reports, so that event words are rare in the corpus as they are in real news.
fn background() -> Vec<Article> {
    vec![
        article(
            "bg-1",
            Some("2024-05-02"),
            "Orchestra opens its summer season in Bergen",
            &[
                "The Bergen Philharmonic opened its summer season with a programme of Grieg and \
                 Sibelius, drawing a full house to the Grieghallen concert hall.",
                "Conductor Edward Gardner said the orchestra had rehearsed the new commission \
                 for three weeks and was proud to premiere it at home.",
            ],
        ),
        article(
            "bg-2",
            Some("2024-05-09"),
            "Farmers warn of poor strawberry harvest after cold spring",
            &[
                "Strawberry growers in western Norway expect a harvest a third smaller than last \
                 year after frost damaged flowers in April, the Federation of Farmers said.",
                "Prices in supermarkets are likely to rise in June, according to the federation's \
                 market analyst Ingrid Halvorsen.",
            ],
        ),
        article(
            "bg-3",
            Some("2024-06-11"),
            "New ferry route links Stavanger and Hirtshals",
            &[
                "A new ferry route between Stavanger and Hirtshals will start sailing in August, \
                 the operator Fjordline announced on Tuesday.",
                "The crossing will take eleven hours and the ship can carry six hundred cars.",
            ],
        ),
    ]
}

#[test]
fn the_truce_retellings_form_one_story_and_the_july_statement_stays_apart() {
    let c = seeds();
    let found = stories::group(&c);
    let s = story_of(&c, &found, "001");
    assert_eq!(story_of(&c, &found, "002"), s);
    assert_eq!(story_of(&c, &found, "003"), s);
    assert_ne!(story_of(&c, &found, "004"), s);
    let story = &found.stories[s];
    assert!(story.id.starts_with("s-"), "{}", story.id);
    assert!(!story.label.is_empty());
    assert_eq!(
        story.last.map(|d| d.to_string()).as_deref(),
        Some("2024-08-21")
    );
}

#[test]
fn only_003_carries_the_defense_ministers_visit() {
    let c = seeds();
    let found = stories::group(&c);
    let s = story_of(&c, &found, "003");
    let members = &found.stories[s].articles;
    let mut carriers = Vec::new();
    for &a in members {
        for p in stories::unique_sentences(&c, members, a) {
            let text = &c.articles[a].paragraphs[p.paragraph][p.range.clone()];
            if text.contains("Defense Minister") {
                carriers.push(c.articles[a].id.clone());
            }
        }
    }
    assert_eq!(carriers.len(), 1, "{carriers:?}");
    assert!(carriers[0].starts_with("003"));
    // A fact every version reports is unique to none.
    let i003 = c.find("003").expect("seed 003");
    for p in stories::unique_sentences(&c, members, i003) {
        let text = &c.articles[i003].paragraphs[p.paragraph][p.range.clone()];
        assert!(!text.contains("Less than a week later"), "{text}");
    }
}

#[test]
fn story_ids_survive_a_reload_and_cover_every_article_once() {
    let (a, b) = (stories::group(&seeds()), stories::group(&seeds()));
    assert_eq!(a, b);
    let mut seen: Vec<usize> = a
        .stories
        .iter()
        .flat_map(|s| s.articles.iter().copied())
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..5).collect::<Vec<_>>());
}

#[test]
fn quotes_in_a_seed_name_their_speaker() {
    let c = seeds();
    let a = &c.articles[c.find("001").expect("seed 001")];
    let quotes = stories::quotes(a);
    let lami = quotes
        .iter()
        .find(|q| {
            q.text
                .starts_with("The resistance factions in Iraq ended this truce")
        })
        .expect("the opening quote is found");
    assert_eq!(lami.speaker.as_deref(), Some("Haider Al Lami"));
    let austin = quotes
        .iter()
        .find(|q| q.text.starts_with("Make no mistake"))
        .expect("Austin's quote is found");
    assert_eq!(austin.speaker.as_deref(), Some("Austin"));
}

const STRIKE_A: [&str; 3] = [
    "Dock workers in Cork walked off the job on Monday, halting container traffic at Ringaskiddy \
     port after talks over a new pay deal collapsed.",
    "The Harbour Workers Union said its members would stay out until the Port of Cork Company \
     offered a raise above inflation, union leader Siobhan O'Brien told reporters.",
    "Ships were queueing in the harbour by evening and two ferries to France were diverted to \
     Rosslare.",
];
const STRIKE_B: [&str; 3] = [
    "Ringaskiddy port came to a standstill on Monday as Cork dockers went on strike when pay \
     negotiations broke down.",
    "Siobhan O'Brien, who leads the Harbour Workers Union, said the walkout would last until the \
     Port of Cork Company put an above-inflation pay rise on the table.",
    "By the evening vessels were waiting in the harbour, and two France ferries were sent on to \
     Rosslare instead.",
];
const STRIKE_C: [&str; 2] = [
    "A strike by dock workers shut Ringaskiddy port in Cork on Monday after the collapse of pay \
     talks, the Harbour Workers Union said.",
    "Union leader Siobhan O'Brien told reporters that members would not return until the Port of \
     Cork Company offered more than inflation; ferries to France went to Rosslare.",
];

#[test]
fn rewordings_of_one_event_group_and_other_news_does_not_join() {
    let mut articles = background();
    articles.push(article(
        "r-1",
        Some("2024-03-04"),
        "Cork dockers strike over pay",
        &STRIKE_A,
    ));
    articles.push(article(
        "r-2",
        Some("2024-03-04"),
        "Strike stops Ringaskiddy port",
        &STRIKE_B,
    ));
    articles.push(article(
        "r-3",
        Some("2024-03-05"),
        "Port of Cork shut by walkout",
        &STRIKE_C,
    ));
    let c = Corpus::from_articles(articles);
    let found = stories::group(&c);
    let s = story_of(&c, &found, "r-1");
    assert_eq!(story_of(&c, &found, "r-2"), s);
    assert_eq!(story_of(&c, &found, "r-3"), s);
    assert_eq!(found.stories[s].articles.len(), 3);
    assert_eq!(
        found.stories.len(),
        4,
        "three background stories and the strike"
    );
    let story = &found.stories[s];
    assert_eq!(
        story.first.map(|d| d.to_string()).as_deref(),
        Some("2024-03-04")
    );
    assert_eq!(
        story.last.map(|d| d.to_string()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(story.sources.len(), 3);
}

/// The background and two reports of a Cork dock strike in March (`m-1`, `m-2`).
fn march_strike() -> Vec<Article> {
    let mut articles = background();
    articles.push(article(
        "m-1",
        Some("2024-03-04"),
        "Cork dockers strike over pay",
        &STRIKE_A,
    ));
    articles.push(article(
        "m-2",
        Some("2024-03-05"),
        "Strike stops Ringaskiddy port",
        &STRIKE_B,
    ));
    articles
}

#[test]
fn look_alike_events_months_apart_stay_apart() {
    // The same union, leader, port and demand, three months later: a second strike.
    let mut articles = march_strike();
    articles.push(article(
        "a-1",
        Some("2024-06-10"),
        "Cork dockers strike again",
        &STRIKE_A,
    ));
    articles.push(article(
        "a-2",
        Some("2024-06-11"),
        "Ringaskiddy stops once more",
        &STRIKE_C,
    ));
    let c = Corpus::from_articles(articles.clone());
    let found = stories::group(&c);
    let march = story_of(&c, &found, "m-1");
    let april = story_of(&c, &found, "a-1");
    assert_eq!(story_of(&c, &found, "m-2"), march);
    assert_eq!(story_of(&c, &found, "a-2"), april);
    assert_ne!(march, april);
    // Without dates nothing tells the two strikes apart: the window is what splits them.
    for a in &mut articles {
        a.date = None;
    }
    let undated = Corpus::from_articles(articles);
    let merged = stories::group_with(&undated, &Params::default());
    assert_eq!(
        story_of(&undated, &merged, "m-1"),
        story_of(&undated, &merged, "a-1")
    );
}

#[test]
fn a_follow_up_weeks_later_joins_its_event_only_through_a_strong_link() {
    // Five weeks after the strike, the deal that ended it: the same union, leader and port.
    let follow_up = [
        "Dock workers in Cork accepted a new pay deal on Monday, five weeks after their strike \
         halted container traffic at Ringaskiddy port.",
        "The Harbour Workers Union said the Port of Cork Company had offered a raise above \
         inflation, union leader Siobhan O'Brien told reporters.",
    ];
    // The same weeks, the same city, another matter.
    let other = [
        "Cork city council approved a new cycle lane on Monday along the quays near the port.",
        "Councillors said work would start in the summer.",
    ];
    let mut articles = march_strike();
    articles.push(article(
        "f-1",
        Some("2024-04-08"),
        "Cork dockers accept pay deal",
        &follow_up,
    ));
    articles.push(article(
        "o-1",
        Some("2024-04-09"),
        "Cycle lane for Cork quays",
        &other,
    ));
    let c = Corpus::from_articles(articles);
    let found = stories::group(&c);
    assert_eq!(story_of(&c, &found, "f-1"), story_of(&c, &found, "m-1"));
    assert_ne!(story_of(&c, &found, "o-1"), story_of(&c, &found, "m-1"));
    // Two weeks or less apart, a weaker link is enough; further apart, it is not.
    let strict = Params {
        far_cut: 1.0,
        ..Params::default()
    };
    let found = stories::group_with(&c, &strict);
    assert_ne!(story_of(&c, &found, "f-1"), story_of(&c, &found, "m-1"));
}

#[test]
fn a_shared_boilerplate_paragraph_links_nothing() {
    let plea = "Independent journalism needs your support. Subscribe today for unlimited access \
                to our reporting, newsletters and the daily crossword, and join thousands of \
                readers who keep our newsroom going.";
    let mut articles = background();
    articles.push(article(
        "b-1",
        Some("2024-05-20"),
        "Tram line to the airport opens in Gothenburg",
        &[
            "Gothenburg opened its new tram line to Landvetter airport on Monday, cutting the \
             journey from the city centre to twenty-five minutes.",
            plea,
        ],
    ));
    articles.push(article(
        "b-2",
        Some("2024-05-21"),
        "Court jails former mayor of Tampere for fraud",
        &[
            "A court in Tampere sentenced the town's former mayor to two years in prison for \
             fraud over public contracts awarded to a relative's company.",
            plea,
        ],
    ));
    // In so small a corpus any other word the two share would link them; they share none.
    let c = Corpus::from_articles(articles);
    let found = stories::group(&c);
    assert_ne!(story_of(&c, &found, "b-1"), story_of(&c, &found, "b-2"));
    assert_eq!(found.stories.len(), 5, "every report is its own story");
}

#[test]
fn in_a_handful_of_reports_shared_everyday_words_link_nothing() {
    // Three unrelated business briefs that share only everyday words of the beat ("prices",
    // "percent", "Thursday"), and two retellings of one event. In five reports nearly every
    // word is held by one only, and the few shared ones must not outweigh the rest.
    let articles = vec![
        article(
            "h-1",
            Some("2024-09-12"),
            "Copper miner lifts output target",
            &[
                "A Chilean copper miner raised its output target for the year on Thursday,                citing stronger demand from smelters in Asia and a faster ramp-up at its northern                pit, where copper prices helped lift quarterly revenue 12 percent.",
            ],
        ),
        article(
            "h-2",
            Some("2024-09-12"),
            "Brewer's profit falls on barley costs",
            &[
                "A Danish brewer reported on Thursday that first-half profit fell 9 percent as                barley prices climbed and sales of premium lager slowed, and it will cut two                hundred jobs at its bottling plants near Aarhus.",
            ],
        ),
        article(
            "h-3",
            Some("2024-09-13"),
            "Shipping line orders methanol vessels",
            &[
                "A Korean shipping line ordered twelve methanol-fuelled container vessels from a                yard in Ulsan, betting that freight prices, up 6 percent in August, will hold as                charter rates on Asia-Europe routes reach a two-year high.",
            ],
        ),
        article(
            "h-4",
            Some("2024-09-14"),
            "Floods cut rail link between Porto and Braga",
            &[
                "Flash floods washed away a section of track between Porto and Braga on Saturday,                suspending rail services for at least a week, the infrastructure agency said.",
            ],
        ),
        article(
            "h-5",
            Some("2024-09-15"),
            "Porto-Braga trains suspended for a week after floods",
            &[
                "Rail services between Porto and Braga will stay suspended for at least a week                after flash floods washed away a section of track on Saturday, the national                infrastructure agency said.",
            ],
        ),
    ];
    let c = Corpus::from_articles(articles);
    let found = stories::group(&c);
    let (a, b, d) = (
        story_of(&c, &found, "h-1"),
        story_of(&c, &found, "h-2"),
        story_of(&c, &found, "h-3"),
    );
    assert!(a != b && b != d && a != d, "unrelated briefs stay apart");
    assert_eq!(story_of(&c, &found, "h-4"), story_of(&c, &found, "h-5"));
    assert_eq!(found.stories.len(), 4);
}

#[test]
fn a_wire_copy_is_grouped_and_marked_as_a_near_duplicate() {
    let mut articles = background();
    articles.push(article(
        "w-1",
        Some("2024-03-04"),
        "Cork dockers strike over pay",
        &STRIKE_A,
    ));
    articles.push(article(
        "w-2",
        Some("2024-03-04"),
        "Cork dockers strike over pay",
        &STRIKE_A,
    ));
    articles.push(article(
        "w-3",
        Some("2024-03-04"),
        "Strike stops Ringaskiddy port",
        &STRIKE_B,
    ));
    let c = Corpus::from_articles(articles);
    let found = stories::group(&c);
    let s = story_of(&c, &found, "w-1");
    assert_eq!(story_of(&c, &found, "w-2"), s);
    let members = &found.stories[s].articles;
    let dups = stories::near_duplicates(&c, members);
    let ids: Vec<(&str, &str)> = dups
        .iter()
        .map(|d| (c.articles[d.a].id.as_str(), c.articles[d.b].id.as_str()))
        .collect();
    assert_eq!(ids, [("w-1", "w-2")]);
}
