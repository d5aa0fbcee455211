//! Actors on the bundled seeds, against a hand-made list of what a careful
//! reader would name: everyone and everything, each once, with its kind.

use std::collections::HashMap;

use ActorKind::{Organization as Org, Person, Place};
use dossier::{ActorKind, Corpus};

/// (canonical name, kind, spellings that must be merged into it, articles).
const EXPECTED: &[(&str, ActorKind, &[&str], usize)] = &[
    // People.
    (
        "Haider Al Lami",
        Person,
        &["Haider Al-Lami", "Al Lami", "Al-Lami", "Lami"],
        4,
    ),
    ("Mohammed Al Tamimi", Person, &["Al Tamimi"], 1),
    ("Lloyd Austin", Person, &["Austin"], 1),
    ("Thabit Al-Abbasi", Person, &[], 1),
    ("Mehdi al-Kaabi", Person, &["Al-Kaabi"], 1),
    ("Ali al-Fatlawi", Person, &[], 1),
    ("Fouad Shukr", Person, &[], 1),
    ("Ismail Haniyeh", Person, &[], 1),
    ("Saddam Hussein", Person, &[], 1),
    // Armed groups and alliances.
    (
        "Al Nujaba Movement",
        Org,
        &["Nujaba Movement", "Harakat Al-Nujaba", "Al-Nujaba"],
        5,
    ),
    ("Harakat Hezbollah al-Nujaba", Org, &[], 1),
    ("Kataib Hezbollah", Org, &["Hezbollah Brigades"], 2),
    ("Hezbollah", Org, &[], 1),
    (
        "Popular Mobilization Forces",
        Org,
        &["PMF", "al-Hashd al-Shaabi"],
        4,
    ),
    ("Islamic Resistance in Iraq", Org, &["IRI"], 3),
    ("Harakat Ansar Allah al-Awfiya", Org, &["HAAA"], 1),
    ("Kataib Sayyid al-Shuhada", Org, &[], 1),
    ("True Promise Corps", Org, &[], 1),
    ("The Revolutionaries", Org, &[], 3),
    ("Resistance Coordination Committee", Org, &[], 1),
    ("International Coalition against ISIS", Org, &[], 1),
    ("ISIS", Org, &[], 2),
    ("Hamas", Org, &[], 1),
    ("Houthis", Org, &["Houthi"], 1),
    // News outlets.
    ("The National", Org, &[], 4),
    ("Shafaq News Agency", Org, &[], 1),
    // Countries, with demonyms and possessives.
    (
        "United States",
        Place,
        &["US", "U.S.", "American", "Americans"],
        5,
    ),
    ("Iraq", Place, &["Iraqi"], 5),
    ("Iran", Place, &["Iranian"], 4),
    ("Syria", Place, &[], 3),
    ("Israel", Place, &[], 3),
    ("Lebanon", Place, &["Lebanese"], 1),
    ("Yemen", Place, &[], 1),
    ("Palestine", Place, &["Palestinians"], 1),
    // Cities, provinces, regions, bases.
    ("Baghdad", Place, &[], 4),
    ("Washington", Place, &[], 3),
    ("Beirut", Place, &[], 1),
    ("Tehran", Place, &[], 1),
    ("Tel Aviv", Place, &[], 1),
    ("Annapolis", Place, &[], 1),
    ("Gaza", Place, &[], 2),
    ("Anbar", Place, &[], 2),
    ("Babil", Place, &["Babel"], 4),
    ("Kurdistan Region", Place, &["Kurdistan"], 2),
    ("Ain Al Asad", Place, &["Ain al-Asad", "Ain Al-Asad"], 4),
    ("Middle East", Place, &[], 1),
    ("Europe", Place, &["European"], 1),
];

/// Names that must not be actors: the related-headlines tail, the photo
/// credit, app links, calendar words, sentence openers, designations.
const ABSENT: &[&str] = &[
    "Netanyahu",
    "Gallant",
    "Biden",
    "DeSantis",
    "Rubio",
    "Trump",
    "Brendan Carr",
    "FCC",
    "Eliana Fleming",
    "Avi Nachmani",
    "Gila Isaacson",
    "Avi Woolf",
    "JFeed",
    "Aritra Deb",
    "Shutterstock",
    "Google",
    "App Store",
    "Canada",
    "Russia",
    "Poland",
    "Ukraine",
    "Vietnam",
    "Monday",
    "Tuesday",
    "Wednesday",
    "January",
    "February",
    "July",
    "August",
    "September",
    "October",
    "Political Council",
    "Foreign Terrorist",
    "Specially Designated",
    "Counterterrorism",
    "Zionist",
    "Calls",
    "Less",
    "Notably",
    "Earlier",
    "Under",
    "Adding",
    "Like",
    "Any",
    "Both",
    "About",
    "Hundreds",
    "Some",
    "But",
    "Make",
    "Brigade",
    "Pro",
];

fn seeds() -> Corpus {
    Corpus::bundled().corpus
}

#[test]
fn seeds_yield_every_actor_once_with_its_kind() {
    let corpus = seeds();
    let index = &corpus.actors;
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (id, a) in index.actors().iter().enumerate() {
        assert!(
            by_name.insert(a.name.as_str(), id).is_none(),
            "{} twice",
            a.name
        );
    }
    let mut problems = Vec::new();
    for &(name, kind, aliases, articles) in EXPECTED {
        let Some(&id) = by_name.get(name) else {
            problems.push(format!("missing {name}"));
            continue;
        };
        let actor = &index.actors()[id];
        if actor.kind != kind {
            problems.push(format!("{name}: kind {:?}, want {kind:?}", actor.kind));
        }
        for alias in aliases {
            if !actor.aliases.iter().any(|a| a == alias) {
                problems.push(format!(
                    "{name}: {alias:?} not merged ({:?})",
                    actor.aliases
                ));
            }
        }
        let n = index.articles_of(id).len();
        if n != articles {
            problems.push(format!("{name}: in {n} articles, want {articles}"));
        }
    }
    for a in index.actors() {
        if !EXPECTED.iter().any(|e| e.0 == a.name) {
            problems.push(format!(
                "unexpected {} ({:?}) {:?}",
                a.name, a.kind, a.aliases
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `needle` appears in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    format!(" {} ", hay.replace(['-', '’', '\''], " ")).contains(&format!(" {needle} "))
}

#[test]
fn seeds_have_no_tail_credit_calendar_or_opener_names() {
    let corpus = seeds();
    for a in corpus.actors.actors() {
        for bad in ABSENT {
            let hit = has_words(&a.name, bad) || a.aliases.iter().any(|x| has_words(x, bad));
            assert!(!hit, "{bad:?} found in {} {:?}", a.name, a.aliases);
        }
    }
}

#[test]
fn seed_mentions_point_at_their_text_in_order() {
    let corpus = seeds();
    let actors = corpus.actors.actors();
    for article in &corpus.articles {
        assert!(
            !article.mentions.is_empty(),
            "{} has no mentions",
            article.id
        );
        let mut prev = (0, 0);
        for m in &article.mentions {
            let para = &article.paragraphs[m.paragraph];
            let text = para
                .get(m.start..m.end)
                .expect("mention on char boundaries");
            let actor = &actors[m.actor];
            assert!(
                actor.aliases.iter().any(|a| a == text),
                "{text:?} not an alias of {}",
                actor.name
            );
            assert!(
                (m.paragraph, m.start) >= prev,
                "mentions out of order in {}",
                article.id
            );
            prev = (m.paragraph, m.end);
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    let corpus = seeds();
    let paragraphs: Vec<&[String]> = corpus
        .articles
        .iter()
        .map(|a| a.paragraphs.as_slice())
        .collect();
    let a = dossier::actors::extract(&paragraphs);
    let b = dossier::actors::extract(&paragraphs);
    let names = |e: &dossier::actors::Extraction| {
        e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    assert_eq!(
        a.mentions.iter().flatten().count(),
        b.mentions.iter().flatten().count()
    );
}

#[test]
fn a_title_written_as_a_sentence_names_who_the_body_calls_by_surname() {
    let article = |title: &str| dossier::Article {
        id: "a".into(),
        path: "a.txt".into(),
        title: title.into(),
        paragraphs: vec![
            "The dismissal came hours before the team was to play at home.".into(),
            "The team president said he met with Okonkwo on Saturday morning.".into(),
        ],
        ..dossier::Article::default()
    };
    let corpus = Corpus::from_articles(vec![article(
        "Chidi Okonkwo was fired on Saturday as coach of the national team",
    )]);
    let actors = corpus.actors.actors();
    let found: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
    assert!(found.contains(&("Chidi Okonkwo", Person)), "{found:?}");
    // Mentions still point into the body only: the surname, not the title.
    let a = &corpus.articles[0];
    assert_eq!(a.paragraphs.len(), 2);
    assert!(
        a.mentions.iter().all(|m| m.paragraph == 1),
        "{:?}",
        a.mentions
    );
    // In title case every word looks like a name: such a title is not read.
    let shouted = Corpus::from_articles(vec![article("Coach Chidi Okonkwo Fired By Team")]);
    let names: Vec<&str> = shouted
        .actors
        .actors()
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(!names.iter().any(|n| n.contains("Fired")), "{names:?}");
}

#[test]
fn a_middle_initial_joins_one_person_across_reports_unless_two_are_meant() {
    let report = |id: &str, text: &str| dossier::Article {
        id: id.into(),
        path: format!("{id}.txt"),
        title: "Nominee named".into(),
        paragraphs: vec![text.into()],
        ..dossier::Article::default()
    };
    let names = |texts: &[&str]| -> Vec<(String, ActorKind)> {
        let corpus = Corpus::from_articles(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| report(&format!("r{i}"), t))
                .collect(),
        );
        corpus
            .actors
            .actors()
            .iter()
            .filter(|a| a.kind == Person)
            .map(|a| (a.name.clone(), a.kind))
            .collect()
    };
    let one = names(&[
        "The president named Regina M. Benjamin on Monday, aides said.",
        "Aides said Regina Benjamin would be confirmed within weeks.",
    ]);
    assert_eq!(one.len(), 1, "{one:?}");
    let two = names(&[
        "Former president George H. W. Bush spoke in Houston on Monday.",
        "President George W. Bush spoke in Dallas on Tuesday.",
        "Aides said George Bush would travel again soon.",
    ]);
    assert_eq!(two.len(), 3, "{two:?}");
}

#[test]
fn a_titled_full_name_is_its_own_person_and_plural_titles_are_titles() {
    let one = vec![
        "President George H.W. Bush named him to the appeals court in 1990. President George W. \
         Bush elevated him to the high court in 2006."
            .to_string(),
    ];
    let two = vec![
        "Nagel served on the protection detail of Presidents George H.W. Bush and Bill Clinton."
            .to_string(),
    ];
    let e = dossier::actors::extract(&[one.as_slice(), two.as_slice()]);
    let names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
    for want in ["George H.W. Bush", "George W. Bush", "Bill Clinton"] {
        assert!(names.contains(&want), "{want} missing in {names:?}");
    }
    let bushes: Vec<&dossier::actors::Actor> = e
        .actors
        .iter()
        .filter(|a| a.name.contains("Bush"))
        .collect();
    assert_eq!(bushes.len(), 2, "{bushes:?}");
    assert!(
        names.iter().all(|n| !n.starts_with("President")),
        "{names:?}"
    );
}

#[test]
fn a_common_word_opening_a_sentence_joins_no_other_reports_organisation() {
    let paper = vec![
        "He drew criticism in 1996 when the Miami New Times reported that the city had hired him."
            .to_string(),
    ];
    // A title-case heading ("New Map Types") is weak evidence that "New" is a name.
    let notes = vec![
        "The smaller releases will contain mainly:".to_string(),
        "New graphics.".to_string(),
        "New sounds and sound system tweaks.".to_string(),
        "New Map Types".to_string(),
        "In order to ensure a decent starting area, the generator makes a plateau.".to_string(),
    ];
    let e = dossier::actors::extract(&[paper.as_slice(), notes.as_slice()]);
    assert!(e.mentions[1].is_empty(), "{:?}", e.mentions[1]);
}

#[test]
fn short_names_differing_in_a_vowel_are_two_places() {
    let north = vec![
        "Rebels said the army shelled the town of Molo in the north overnight, and residents of Molo fled."
            .to_string(),
    ];
    let port = vec![
        "The mayor of Mulu said the port was shut, and officials in Mulu asked for help."
            .to_string(),
    ];
    let e = dossier::actors::extract(&[north.as_slice(), port.as_slice()]);
    let molo = e
        .actors
        .iter()
        .find(|a| a.name == "Molo")
        .map(|a| a.aliases.clone());
    assert_eq!(molo, Some(vec!["Molo".to_string()]));
}

#[test]
fn a_korean_family_name_alone_is_the_first_person_named_with_it() {
    let report = vec![
        "Lee Jae-myung, leader of the opposition, called the speech disappointing.".to_string(),
        "Police are investigating Interior Minister Lee Sang-min over the decree.".to_string(),
        "\"The statement was out of touch,\" Lee said.".to_string(),
    ];
    let e = dossier::actors::extract(&[report.as_slice()]);
    let lee = e.actors.iter().find(|a| a.name == "Lee Jae-myung");
    assert!(
        lee.is_some_and(|a| a.aliases.iter().any(|x| x == "Lee")),
        "{:?}",
        e.actors
    );
    assert!(!e.actors.iter().any(|a| a.name == "Lee"), "{:?}", e.actors);
}

#[test]
fn a_given_name_shared_by_two_people_stays_apart_from_a_double_barrelled_surname() {
    let report = vec![
        "Anne Brown chairs the harbour board.".to_string(),
        "Her deputy Anne Smith-Jones disagreed with the plan.".to_string(),
        "Anne said the vote would go ahead.".to_string(),
    ];
    let e = dossier::actors::extract(&[report.as_slice()]);
    let taken = e
        .actors
        .iter()
        .find(|a| a.name == "Anne Smith-Jones")
        .is_some_and(|a| a.aliases.iter().any(|x| x == "Anne"));
    assert!(!taken, "{:?}", e.actors);
}

#[test]
fn a_plural_title_ending_a_name_is_a_teams_nickname() {
    let report = vec![
        "The Ottawa Senators beat the Boston Bruins 4-2 on Saturday.".to_string(),
        "Presidents George H.W. Bush and Bill Clinton met the team.".to_string(),
    ];
    let e = dossier::actors::extract(&[report.as_slice()]);
    let names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Ottawa Senators"), "{names:?}");
    assert!(names.contains(&"George H.W. Bush"), "{names:?}");
    assert!(!names.contains(&"Ottawa"), "{names:?}");
}
