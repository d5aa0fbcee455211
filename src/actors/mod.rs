//! Actors: recognise people, organisations and places, merge their aliases, index them.
//!
//! Pipeline: [`token`] splits paragraphs into words with byte offsets and
//! sentence starts; [`recognize`] finds candidate names (gazetteer entries and
//! rule-found runs of capitals) with evidence of their kind; [`resolve`] merges
//! candidates into actors within each article and across the corpus. Knowledge
//! (gazetteer, word classes, translations) lives in `assets/actors/` ([`lexicon`]).

mod cand;
mod classify;
mod evidence;
mod features;
mod index;
mod lexicon;
mod model;
mod norm;
mod recognize;
mod resolve;
mod runs;
mod token;

pub use crate::article::{ActorId, ActorKind, Mention};
use cand::{Found, Para, Seen};
use features::Feats;
pub use features::feature_id_of;
pub use index::{Actor, ActorIndex, Extraction};
use lexicon::{LEXICON, Lexicon};
pub use model::{CLASSES, Model, best as best_class};
pub use norm::fold_char_into;
use rayon::prelude::*;

/// Finds and resolves the actors of every article (paragraphs per article).
pub fn extract(articles: &[&[String]]) -> Extraction {
    extract_with(articles, Model::bundled())
}

/// A title as the recogniser should read it beside the body, or `None`: one in title case
/// ("Sprinter Wins Jamaican Title") reads every word as a name, and a common word opening
/// it ("Typhoon forces evacuations") is only capitalised for its place.
pub fn title_to_read(title: &str) -> Option<String> {
    let (mut words, mut caps) = (0, 0);
    for w in title.split_whitespace().skip(1) {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            words += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    if words < 2 || caps * 2 >= words {
        return None;
    }
    let first = title.split_whitespace().next()?;
    // "US troops leave" keeps its acronym: only a capitalised word is lowered.
    let capitalised = first.chars().skip(1).all(|c| !c.is_uppercase());
    let common = capitalised && LEXICON.case_of(&norm::fold(first)) == Some(true);
    Some(if common {
        let mut c = title.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        title.to_string()
    })
}

/// [`extract`] with a given classifier (for training and cross-validation).
pub fn extract_with(articles: &[&[String]], model: &Model) -> Extraction {
    let lex = &*LEXICON;
    let seen = observe(articles, lex);
    let found: Vec<Found> = articles
        .par_iter()
        .map_init(
            || (String::new(), Vec::new()),
            |(buf, toks), paras| {
                let (mut f, feats) =
                    candidates(paras, lex, &seen, buf, toks, false, Some(model.sure));
                classify::decide(paras, &mut f, &feats, model);
                // In another language English cues misread capitals ("le Conseil", "Zahl der
                // Zusatzfelder"): only the gazetteer's names and people with a known given
                // name ("François Hollande") are read.
                if !english(paras, lex) {
                    for c in f.cands.iter_mut().filter(|c| c.gaz.is_none()) {
                        let surface = paras.get(c.para).and_then(|p| p.get(c.start..c.end));
                        c.rejected |= !surface.is_some_and(|s| given_and_more(s, lex));
                    }
                }
                f
            },
        )
        .collect();
    resolve::resolve(articles, &found, lex)
}

/// Words of Latin script an article needs before its language is judged.
const LANGUAGE_WORDS: usize = 40;

/// Whether an article reads as English: in its prose, common English function words are at
/// least one word in sixteen (one in six or more in English, almost none in French or
/// German). Lists and tables (results, captions) have too few to tell.
fn english(paras: &[String], lex: &Lexicon) -> bool {
    let prose = paras.iter().filter(|p| {
        p.split_whitespace().nth(4).is_some()
            && p.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\''])
    });
    let (mut words, mut marked) = (0usize, 0usize);
    for w in prose.flat_map(|p| p.split_whitespace()).take(2000) {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250) {
            continue;
        }
        words += 1;
        if lex.flags(&w.to_lowercase()) & lexicon::class::ENGLISH != 0 {
            marked += 1;
        }
    }
    words < LANGUAGE_WORDS || marked * 16 >= words
}

/// A name of two words or more opening with a capitalised given name.
fn given_and_more(surface: &str, lex: &Lexicon) -> bool {
    let mut words = surface.split_whitespace();
    let given = words.next().is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            && lex.flags(&norm::fold(w)) & (lexicon::class::GIVEN | lexicon::class::NAME_GIVEN) != 0
    });
    given && words.next().is_some()
}

/// Which words the corpus writes in lowercase, or capitalised inside sentences; this tells
/// "Calls for..." from "Fjordline said". Articles are independent until resolution, so both
/// passes run on all cores.
fn observe<'a>(articles: &[&'a [String]], lex: &Lexicon) -> Seen<'a> {
    articles
        .par_iter()
        .fold(
            || (Seen::default(), String::new(), Vec::new()),
            |(mut seen, mut buf, mut toks), paras| {
                for p in paras.iter() {
                    token::tokenize(p, lex, &mut buf, &mut toks);
                    seen.observe(p, &toks);
                }
                (seen, buf, toks)
            },
        )
        .map(|(seen, _, _)| seen)
        .reduce(Seen::default, Seen::merge)
}

/// The candidates of one article, with the features the classifier reads.
fn candidates(
    paras: &[String],
    lex: &Lexicon,
    seen: &Seen,
    buf: &mut String,
    toks: &mut Vec<token::Tok>,
    named: bool,
    skip_sure: Option<i32>,
) -> (Found, Vec<Feats>) {
    let mut f = Found::default();
    let mut feats = Vec::new();
    for (index, text) in paras.iter().enumerate() {
        token::tokenize(text, lex, buf, toks);
        let para = Para::new(text, toks, index, lex, seen);
        let first = f.cands.len();
        recognize::recognize(&para, &mut f);
        classify::paragraph(&para, &f, first, named, skip_sure, &mut feats);
    }
    classify::article(paras, &f, lex, &mut feats);
    (f, feats)
}

/// One candidate name as the classifier sees it, for training.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Article index in the input.
    pub article: usize,
    /// The words of the candidate as written.
    pub surface: String,
    /// Its features, as `template=value` names.
    pub features: Vec<String>,
}

/// Every candidate of every article with its features, before any verdict (for training).
pub fn samples(articles: &[&[String]]) -> Vec<Sample> {
    let lex = &*LEXICON;
    let seen = observe(articles, lex);
    let per_article: Vec<Vec<Sample>> = articles
        .par_iter()
        .enumerate()
        .map_init(
            || (String::new(), Vec::new()),
            |(buf, toks), (article, paras)| {
                let (f, feats) = candidates(paras, lex, &seen, buf, toks, true, None);
                f.cands
                    .iter()
                    .zip(feats)
                    .map(|(c, x)| Sample {
                        article,
                        surface: paras
                            .get(c.para)
                            .and_then(|p| p.get(c.start..c.end))
                            .unwrap_or("")
                            .to_string(),
                        features: x.names.unwrap_or_default(),
                    })
                    .collect()
            },
        )
        .collect();
    per_article.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActorKind::*;

    /// Extracts from articles given as paragraphs separated by blank lines.
    fn run(texts: &[&str]) -> (Extraction, Vec<Vec<String>>) {
        let docs: Vec<Vec<String>> = texts
            .iter()
            .map(|t| t.split("\n\n").map(String::from).collect())
            .collect();
        let refs: Vec<&[String]> = docs.iter().map(Vec::as_slice).collect();
        (extract(&refs), docs)
    }

    #[test]
    fn a_short_given_name_and_a_lone_surname_join_the_full_name() {
        let (e, _) = run(&[
            "Governor Pamela Baricuatro said the province needed boats.",
            "Cebu Governor Pam Baricuatro ordered an evacuation on Tuesday.",
            "Gov. Baricuatro said the rains would last two days.",
        ]);
        same(
            &e,
            &["Pamela Baricuatro", "Pam Baricuatro", "Baricuatro"],
            Person,
        );
        let (e, _) = run(&[
            "Senator William Okafor voted against the bill.",
            "Bill Okafor later said he had doubts.",
        ]);
        same(&e, &["William Okafor", "Bill Okafor"], Person);
        // One report may use both forms of one name.
        let (e, _) = run(&["Lawrence Lessig wrote the book. Readers of Larry Lessig agreed."]);
        same(&e, &["Lawrence Lessig", "Larry Lessig"], Person);
        // Two full names are two people, in one report or across reports; a short name
        // two people could stand for joins neither.
        let (e, _) = run(&[
            "Andrew Jones and his wife, Andrea Jones, opened the bakery in 1998.",
            "John Smith met the press. Ian Smith did not.",
            "Christopher Evans spoke first.",
            "Christine Evans spoke next.",
            "Chris Evans spoke last.",
        ]);
        for (a, b) in [
            ("Andrew Jones", "Andrea Jones"),
            ("John Smith", "Ian Smith"),
            ("Christopher Evans", "Christine Evans"),
            ("Chris Evans", "Christine Evans"),
            ("Chris Evans", "Christopher Evans"),
        ] {
            let x = actor(&e, a).expect(a);
            assert!(!x.aliases.iter().any(|s| s == b), "{a} took {b}: {x:?}");
        }
        // A longer name is no short form's: Anna and Annabel are two people.
        let (e, _) = run(&[
            "Minister Anna Kowalczyk spoke first.",
            "Minister Annabel Kowalczyk spoke next.",
        ]);
        let a = actor(&e, "Anna Kowalczyk").expect("Anna Kowalczyk");
        assert!(!a.aliases.iter().any(|x| x.starts_with("Annabel")), "{a:?}");
    }

    #[test]
    fn legal_forms_and_chinese_given_names_do_not_split_an_actor() {
        let (e, _) = run(&[
            "Shares of PT GoTo Gojek Tokopedia Tbk closed higher on Monday.",
            "GoTo Gojek Tokopedia said it would merge. Grab chief executive Anthony Tan Ping \
             Yeow spoke to investors.",
            "Anthony Tan said he was pleased with the deal.",
        ]);
        same(
            &e,
            &["PT GoTo Gojek Tokopedia Tbk", "GoTo Gojek Tokopedia"],
            Organization,
        );
        same(&e, &["Anthony Tan Ping Yeow", "Anthony Tan"], Person);
    }

    #[test]
    fn another_language_keeps_known_places_and_people_not_misread_capitals() {
        let (e, _) = run(&[
            "Le projet de loi sur le renseignement a été adopté par l'Assemblée nationale \
             à Paris. La Commission nationale de contrôle des techniques de renseignement \
             rendra un avis, selon le Conseil d'Etat. François Hollande a saisi le Conseil \
             constitutionnel, une première pour un président de la République sous la \
             Cinquième République. Les députés ont voté mardi après un long débat.",
        ]);
        has(&e, "Paris", Place, &[]);
        assert!(actor(&e, "François Hollande").is_some(), "{:?}", e.actors);
        for junk in ["Le", "La Commission", "le Conseil", "Les"] {
            assert!(actor(&e, junk).is_none(), "{junk}: {:?}", e.actors);
        }
        let lex = &*LEXICON;
        let english = [
            "The bill was passed by the National Assembly after a long debate, \
                        and the council said that it would give its opinion on the \
                        intelligence techniques which the agencies have used since 2015 \
                        in Paris, according to officials who were not named."
                .to_string(),
        ];
        assert!(super::english(&english, lex));
    }

    #[test]
    fn a_lone_given_name_of_another_report_is_no_ones_surname() {
        let (e, _) = run(&[
            "The rail link was suspended in 2018 by then prime minister Mahathir Mohamad.",
            "Protests followed a crude online video about the prophet Muhammad.",
        ]);
        let a = actor(&e, "Mahathir Mohamad").expect("Mahathir Mohamad");
        assert!(!a.aliases.iter().any(|x| x == "Muhammad"), "{a:?}");
    }

    #[test]
    fn a_rider_and_the_team_in_brackets_after_him_are_two_actors() {
        let (e, _) = run(&[
            "Stage results\n\n3. Nassim Benmebarek (Madar Cycling Team) s.t.\n\n4. Joe Bloggs \
             (Madar Cycling Team) s.t.",
        ]);
        has(&e, "Madar Cycling Team", Organization, &[]);
        for rider in ["Nassim Benmebarek", "Joe Bloggs"] {
            let a = actor(&e, rider).expect(rider);
            assert_eq!(a.name, rider, "{a:?}");
        }
        // Another spelling in brackets still joins: "Finnish Security Intelligence Service
        // (Supo)".
        let (e, _) =
            run(&["The Finnish Security Intelligence Service (Supo) said the cable was cut."]);
        same(
            &e,
            &["Finnish Security Intelligence Service", "Supo"],
            Organization,
        );
    }

    #[test]
    fn named_storms_are_events_and_go_by_their_names() {
        let (e, _) = run(&[
            "Floodwaters churned by Typhoon Kalmaegi swept cars away. Kalmaegi is the 20th \
             storm this year.",
            "Tropical Storm Alberto formed in the Gulf. Hurricane Helene hit Florida.",
        ]);
        same(&e, &["Typhoon Kalmaegi", "Kalmaegi"], Other);
        has(&e, "Tropical Storm Alberto", Other, &[]);
        has(&e, "Hurricane Helene", Other, &[]);
        assert!(actor(&e, "Helene").is_none_or(|a| a.kind == Other));
    }

    /// The actor with this name or alias.
    fn actor<'e>(e: &'e Extraction, name: &str) -> Option<&'e Actor> {
        e.actors
            .iter()
            .find(|a| a.name == name || a.aliases.iter().any(|x| x == name))
    }

    /// Asserts an actor named `name` of kind `kind` whose spellings include `aliases`.
    #[track_caller]
    fn has(e: &Extraction, name: &str, kind: ActorKind, aliases: &[&str]) {
        let names: Vec<(&str, ActorKind, &[String])> = e
            .actors
            .iter()
            .map(|a| (a.name.as_str(), a.kind, a.aliases.as_slice()))
            .collect();
        let a = e
            .actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name:?} in {names:?}"));
        assert_eq!(a.kind, kind, "kind of {name}");
        for x in aliases {
            assert!(
                a.aliases.iter().any(|y| y == x),
                "{name} lacks alias {x:?}: {:?}",
                a.aliases
            );
        }
    }

    /// Asserts these spellings are one actor of kind `kind`.
    #[track_caller]
    fn same(e: &Extraction, spellings: &[&str], kind: ActorKind) {
        let a = actor(e, spellings[0])
            .unwrap_or_else(|| panic!("no {:?} in {:?}", spellings[0], e.actors));
        assert_eq!(a.kind, kind, "kind of {}", a.name);
        for s in spellings {
            assert!(
                a.aliases.iter().any(|x| x == s),
                "{} lacks {s:?}: {:?}",
                a.name,
                a.aliases
            );
        }
    }

    /// Asserts no actor name or alias contains `word`.
    #[track_caller]
    fn lacks(e: &Extraction, word: &str) {
        for a in &e.actors {
            let hit = a.name.contains(word) || a.aliases.iter().any(|x| x.contains(word));
            assert!(!hit, "unexpected {word:?} in {} {:?}", a.name, a.aliases);
        }
    }

    #[test]
    fn one_spelling_judged_two_ways_in_an_article_is_one_actor() {
        let (e, _) = run(&[
            "The legend says that the King of Athens, Theseus, unified the tribes. During the \
            Middle Ages, Athens declined. It is a day trip from Athens to Olympia, and the \
            government banned diesel cars within Athens.",
        ]);
        let athens: Vec<ActorKind> = e
            .actors
            .iter()
            .filter(|a| a.name == "Athens")
            .map(|a| a.kind)
            .collect();
        assert_eq!(athens, [Place], "{:?}", e.actors);
    }

    #[test]
    fn titles_are_read_when_written_as_sentences() {
        assert_eq!(
            title_to_read("Maurice Cheeks was fired as coach of the 76ers").as_deref(),
            Some("Maurice Cheeks was fired as coach of the 76ers")
        );
        assert_eq!(
            title_to_read("Typhoon forces evacuations in northern Philippines").as_deref(),
            Some("typhoon forces evacuations in northern Philippines")
        );
        assert_eq!(
            title_to_read("US troops leave Kabul airport after twenty years").as_deref(),
            Some("US troops leave Kabul airport after twenty years")
        );
        assert_eq!(title_to_read("Sprinter Wins Jamaican Sprint Title"), None);
        assert_eq!(title_to_read("Budget"), None);
    }

    #[test]
    fn business_names_by_tails_titles_and_saying() {
        let (e, _) = run(&[
            "Acme Analytics said on Monday that its chief executive, Jane Holloway, \
            would step down in March. Ms Holloway founded the firm in 2009. Northwind Capital, \
            which owns 12 percent, welcomed the move, according to Bloomberg.",
        ]);
        has(&e, "Acme Analytics", Organization, &[]);
        has(&e, "Jane Holloway", Person, &["Holloway"]);
        has(&e, "Northwind Capital", Organization, &[]);
        has(&e, "Bloomberg", Organization, &[]);
        lacks(&e, "Monday");
        lacks(&e, "March");
        assert_eq!(e.actors.len(), 4, "{:?}", e.actors);
    }

    #[test]
    fn nordic_politics_demonyms_and_surnames() {
        let (e, _) = run(&[
            "Prime Minister Jonas Gahr Støre met his Swedish counterpart Ulf Kristersson in \
             Tromsø on Tuesday. Støre said the Nordic Council would meet in Reykjavik.",
            "Kristersson told the Riksdag that Danish officials agreed.",
        ]);
        has(&e, "Jonas Gahr Støre", Person, &["Støre"]);
        has(&e, "Ulf Kristersson", Person, &["Kristersson"]);
        has(&e, "Sweden", Place, &["Swedish"]);
        has(&e, "Denmark", Place, &["Danish"]);
        has(&e, "Nordic Council", Organization, &[]);
        has(&e, "Reykjavik", Place, &[]);
        has(&e, "Tromsø", Place, &[]);
        has(&e, "Riksdag", Organization, &[]);
        lacks(&e, "Tuesday");
        lacks(&e, "Prime");
    }

    #[test]
    fn irish_names_with_diacritics_and_titles() {
        let (e, _) = run(&[
            "Taoiseach Micheál Martin told the Dáil that Sinn Féin had misled \
            voters. Mary Lou McDonald, the Sinn Féin leader, rejected the claim. Mr Martin \
            later travelled to Cork, where Seán Ó Fearghaíl spoke.",
        ]);
        has(&e, "Micheál Martin", Person, &["Martin"]);
        has(&e, "Dáil", Organization, &[]);
        has(&e, "Sinn Féin", Organization, &[]);
        has(&e, "Mary Lou McDonald", Person, &[]);
        has(&e, "Cork", Place, &[]);
        has(&e, "Seán Ó Fearghaíl", Person, &[]);
        lacks(&e, "Taoiseach");
    }

    #[test]
    fn sport_clubs_and_players() {
        let (e, _) = run(&[
            "Erling Haaland scored twice as Leeds United beat Brentford FC on \
            Saturday. Haaland told reporters the win mattered, and coach Kasper Hjulmand agreed.",
        ]);
        has(&e, "Erling Haaland", Person, &["Haaland"]);
        has(&e, "Leeds United", Organization, &[]);
        has(&e, "Brentford FC", Organization, &[]);
        has(&e, "Kasper Hjulmand", Person, &[]);
        lacks(&e, "Saturday");
    }

    #[test]
    fn acronym_definitions_in_both_forms() {
        let (e, _) = run(&[
            "The Fjord Shipping Association (FSA) and the Baltic Timber Council-BTC met. \
             Later the FSA and the BTC signed a deal.",
            "The FSA said prices would rise.",
        ]);
        has(&e, "Fjord Shipping Association", Organization, &["FSA"]);
        has(&e, "Baltic Timber Council", Organization, &["BTC"]);
        let fsa = actor(&e, "FSA").map(|a| a.name.as_str());
        assert_eq!(fsa, Some("Fjord Shipping Association"));
        assert_eq!(e.mentions[1].len(), 1);
    }

    #[test]
    fn an_unknown_word_before_a_place_noun_is_a_place() {
        let (e, _) =
            run(&["A volcanic eruption on Iceland's Reykjanes peninsula sent lava across a road."]);
        has(&e, "Reykjanes", Place, &[]);
    }

    #[test]
    fn terms_units_and_shouted_words_in_capitals_are_no_actors() {
        let (e, _) = run(&[
            "Foreign direct investment (FDI) and sea surface salinity (SSS) rose, the \
             weather bureau PAGASA said. FDI fell later. A visa costs 25 CUC, or USD 30, \
             and the queue was HUGE.",
        ]);
        for term in ["FDI", "SSS", "CUC", "USD", "HUGE"] {
            lacks(&e, term);
        }
        has(&e, "PAGASA", Organization, &[]);
    }

    #[test]
    fn translations_and_spelling_variants_merge() {
        let (e, _) = run(&[
            "Harakat al-Wafa claimed the attack near Qarnit province. Omar Al-Rashidi, a \
             spokesman for the group, said more would follow.",
            "The Wafa Movement denied it. Omar Al Rashidi, who leads it, was in Qarnet province.",
        ]);
        same(&e, &["Harakat al-Wafa", "Wafa Movement"], Organization);
        same(&e, &["Omar Al-Rashidi", "Omar Al Rashidi"], Person);
        has(&e, "Qarnit", Place, &["Qarnet"]);
    }

    #[test]
    fn names_sharing_a_word_stay_apart() {
        let (e, _) = run(&[
            "Hezbollah, Kataib Hezbollah and Harakat Hezbollah al-Karama \
            met. Volvo and Volvo Cars did not.",
        ]);
        for name in [
            "Hezbollah",
            "Kataib Hezbollah",
            "Harakat Hezbollah al-Karama",
            "Volvo",
            "Volvo Cars",
        ] {
            assert!(
                e.actors.iter().any(|a| a.name == name),
                "{name}: {:?}",
                e.actors
            );
        }
    }

    #[test]
    fn a_lone_word_some_mention_takes_for_a_body_is_no_person() {
        let (e, _) = run(&[
            "Amazon wants a larger share of the grocery business from competitors such as \
             Walmart, Kroger and Costco. The price was matched by the retailer Kroger last week.\n\n\
             Amazon competes with the likes of Walmart and Kroger for a bigger slice of sales.",
        ]);
        for name in ["Kroger", "Walmart"] {
            let a = e.actors.iter().find(|a| a.name == name);
            assert!(
                a.is_some_and(|a| a.kind != Person),
                "{name}: {:?}",
                e.actors
            );
        }
    }

    #[test]
    fn letters_after_a_name_and_a_middle_name_gone_by_are_the_same_person() {
        let (e, _) = run(&[
            "Daniel Bernoulli FRS was a Swiss mathematician. Daniel Bernoulli studied in Basel.",
            "Jens Otto Harry Jespersen was a Danish linguist. Otto Jespersen taught in Copenhagen.",
            "Robert F. Kennedy Jr. spoke in Boston. His father Robert F. Kennedy was a senator.",
            "Sen. Daniel R. Baca-Ortiz spoke first. Daniel Baca-Ortiz chairs the committee.",
            "Mary Okonjo DBE was a Nigerian engineer. Mary Okonjo studied in Lagos.",
        ]);
        same(&e, &["Daniel R. Baca-Ortiz", "Daniel Baca-Ortiz"], Person);
        same(&e, &["Mary Okonjo DBE", "Mary Okonjo"], Person);
        same(&e, &["Daniel Bernoulli FRS", "Daniel Bernoulli"], Person);
        same(&e, &["Jens Otto Harry Jespersen", "Otto Jespersen"], Person);
        // A generation is another person.
        has(
            &e,
            "Robert F. Kennedy Jr",
            Person,
            &["Robert F. Kennedy Jr"],
        );
        has(&e, "Robert F. Kennedy", Person, &["Robert F. Kennedy"]);
    }

    #[test]
    fn rows_of_results_name_whole_clubs_and_competitors() {
        let (e, _) = run(&[
            "Results of league matches on Saturday:\n\nKashima Antlers 2 Yokohama Flugels 1\nGamba Osaka 0 Urawa Reds 3\nNagoya Grampus 1 Cerezo Osaka 1",
            "Women's 10,000 metres final:\n\n1. Beatrice Chebet (Kenya) 30:37.26\n2. Nadia Battocletti (Italy) 30:38.23",
        ]);
        for club in [
            "Kashima Antlers",
            "Yokohama Flugels",
            "Gamba Osaka",
            "Urawa Reds",
            "Nagoya Grampus",
            "Cerezo Osaka",
        ] {
            has(&e, club, Organization, &[club]);
        }
        has(&e, "Beatrice Chebet", Person, &["Beatrice Chebet"]);
        has(&e, "Nadia Battocletti", Person, &["Nadia Battocletti"]);
        has(&e, "Kenya", Place, &["Kenya"]);
        // The clubs' cities are not actors of their own here.
        assert!(
            !e.actors
                .iter()
                .any(|a| a.name == "Osaka" || a.name == "Nagoya")
        );
    }

    #[test]
    fn a_town_named_as_a_place_is_no_short_form_of_a_body_named_after_it() {
        let (e, _) = run(&[
            "Visitors to Cleveland enjoy the lake. The Cleveland Orchestra played on Friday.",
            "Shares in Vantage Analytics fell. Vantage said profits rose.",
        ]);
        has(&e, "Cleveland", Place, &["Cleveland"]);
        has(
            &e,
            "Cleveland Orchestra",
            Organization,
            &["Cleveland Orchestra"],
        );
        same(&e, &["Vantage Analytics", "Vantage"], Organization);
    }

    #[test]
    fn possessives_and_demonyms_count_as_places() {
        let (e, _) = run(&[
            "Norway's Equinor and Iraq’s oil ministry met Iranian-backed \
            groups and pro-American officials.",
        ]);
        has(&e, "Norway", Place, &["Norway"]);
        has(&e, "Equinor", Organization, &[]);
        has(&e, "Iraq", Place, &["Iraq"]);
        has(&e, "Iran", Place, &["Iranian"]);
        has(&e, "United States", Place, &["American"]);
    }

    #[test]
    fn a_demonym_before_an_occupation_or_a_language_tells_a_nationality() {
        let (e, _) = run(&[
            "William Goode is an English character actor. The Brazilian striker Neymar scored, \
             and the text was in American English. Iranian officials denied it.",
        ]);
        has(&e, "Iran", Place, &["Iranian"]);
        for w in ["England", "Brazil", "United States"] {
            lacks(&e, w);
        }
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn place_cues_make_places() {
        let (e, _) = run(&[
            "Shelling hit Wadi Zarqa and the port of Kelvik, and residents fled \
            Marrow county for Dunmore. The Oltis airbase was shut.",
        ]);
        has(&e, "Wadi Zarqa", Place, &[]);
        has(&e, "Kelvik", Place, &[]);
        has(&e, "Marrow", Place, &[]);
        has(&e, "Oltis", Place, &[]);
    }

    #[test]
    fn months_days_and_sentence_openers_are_not_actors() {
        let (e, _) = run(&[
            "Meanwhile, talks resumed in May. Notably, nothing changed. Calls \
            for calm grew on Sunday. “Nothing will change,” said Lars Berg. In May, Theresa May \
            resigned. Earlier, Adding to the pressure, Hundreds marched.",
        ]);
        has(&e, "Lars Berg", Person, &[]);
        has(&e, "Theresa May", Person, &[]);
        for w in [
            "Meanwhile",
            "Notably",
            "Calls",
            "Sunday",
            "Nothing",
            "Earlier",
            "Adding",
            "Hundreds",
            "In",
        ] {
            lacks(&e, w);
        }
        assert_eq!(e.actors.len(), 2, "{:?}", e.actors);
    }

    #[test]
    fn designations_credits_and_ideologies_are_not_actors() {
        let (e, _) = run(&[
            "The group is designated by Washington as a Specially Designated \
            Global Terrorist. Zionist and Islamist slogans were heard. (Photo: Ola Nordmann/ NTB)",
        ]);
        has(&e, "Washington", Place, &[]);
        for w in ["Specially", "Zionist", "Islamist", "Ola", "NTB"] {
            lacks(&e, w);
        }
    }

    #[test]
    fn a_lone_first_name_joins_the_one_person_it_starts() {
        let (e, _) = run(&[
            "The striker Erling Haaland scored twice on Sunday. \"Erling was incredible,\" \
            the coach said.",
        ]);
        has(&e, "Erling Haaland", Person, &["Erling"]);
        // So does a name in the middle that the person goes by.
        let (e, _) = run(&[
            "Luiz Inacio Lula da Silva said the oil company must invest more. Lula spoke in \
            Brasilia on Friday.",
        ]);
        has(&e, "Luiz Inacio Lula da Silva", Person, &["Lula"]);
        // A family name written first joins the same way.
        let (e, _) = run(&["Kim Jong-un watched the launch on Tuesday. Kim said more would come."]);
        has(&e, "Kim Jong-un", Person, &["Kim"]);
        // Two people of that given name: the lone one is left alone.
        let (e, _) = run(&[
            "Maria Lopez and Maria Santos met in Lima. Later Maria said the talks went well.",
        ]);
        for a in &e.actors {
            assert!(
                !(a.aliases.iter().any(|x| x == "Maria") && a.name.contains(' ')),
                "{a:?}"
            );
        }
    }

    #[test]
    fn photo_labels_end_a_name_and_film_companies_are_organisations() {
        let (e, _) = run(&[
            "Ahmed Mohamed Image caption: the student was arrested in Irving.\n\nSony \
            Pictures and Getty Images declined to comment on Ahmed Mohamed's case.",
        ]);
        has(&e, "Ahmed Mohamed", Person, &[]);
        has(&e, "Sony Pictures", Organization, &[]);
        has(&e, "Getty Images", Organization, &[]);
    }

    #[test]
    fn a_shared_surname_stands_for_the_first_person_named() {
        let (e, _) = run(&[
            "Donald Trump arrived in Paris with Melania Trump on Friday. Trump met the \
            president at the palace.",
        ]);
        has(&e, "Donald Trump", Person, &["Trump"]);
        let melania = actor(&e, "Melania Trump").expect("Melania Trump");
        assert!(!melania.aliases.iter().any(|a| a == "Trump"), "{melania:?}");
        // A name written once with its middle names is the same person.
        let (e, _) = run(&[
            "Antonin Leopold Dvorak was born near Prague. Antonin Dvorak later taught in New \
            York.",
        ]);
        has(&e, "Antonin Leopold Dvorak", Person, &["Antonin Dvorak"]);
    }

    #[test]
    fn a_generation_suffix_is_not_the_surname() {
        let (e, _) = run(&[
            "Health Secretary Robert F. Kennedy Jr. said vaccines were safe. Later Kennedy \
            spoke in Washington.",
        ]);
        has(&e, "Robert F. Kennedy Jr", Person, &["Kennedy"]);
        // Letters after a name are no surname either.
        let (e, _) = run(&[
            "The motion came from Jane Whitfield MP on Monday. Whitfield said it would pass.",
        ]);
        has(&e, "Jane Whitfield MP", Person, &["Whitfield"]);
    }

    #[test]
    fn descriptive_names_stand_unless_bodies_of_another() {
        let (e, _) = run(&[
            "The Green Party and the Harbour Workers Union joined the Federation \
            of Farmers. Workers cheered. The Political Council of the Vanguard Movement and the \
            Central Committee of the Green Party stayed silent.",
        ]);
        has(&e, "Green Party", Organization, &[]);
        has(&e, "Harbour Workers Union", Organization, &[]);
        has(&e, "Federation of Farmers", Organization, &[]);
        has(&e, "Vanguard Movement", Organization, &[]);
        lacks(&e, "Political Council");
        lacks(&e, "Central Committee");
        lacks(&e, "Workers cheered");
        assert_eq!(e.actors.len(), 4, "{:?}", e.actors);
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn particle_chains_and_later_name_endings() {
        let (e, _) = run(&[
            "Ursula von der Leyen met Jonas Gahr Støre and Kevin de la Cruz. Von der Leyen \
             said Gahr Støre agreed. Klarna said nothing.",
            "De la Cruz left.",
        ]);
        has(&e, "Ursula von der Leyen", Person, &["Von der Leyen"]);
        has(&e, "Jonas Gahr Støre", Person, &["Gahr Støre"]);
        has(&e, "Kevin de la Cruz", Person, &["De la Cruz"]);
        assert!(actor(&e, "Klarna").is_some_and(|a| a.kind != Person));
        lacks(&e, "der Leyen ");
        assert_eq!(e.actors.len(), 4, "{:?}", e.actors);
    }

    #[test]
    #[ignore = "the learned classifier drops a sentence-initial one-word name it has not seen (\"Fjordbank analyst ...\"); issue 8"]
    fn headlines_yield_only_known_names() {
        let (e, _) = run(&[
            "BREAKING: EQUINOR SHARES SURGE AS PROFITS BEAT FORECASTS\n\n\
            Analysts At Fjordbank Say The Move Was Expected\n\n\
            Fjordbank analyst Thina Saltvedt said the outlook was strong.",
        ]);
        has(&e, "Equinor", Organization, &["EQUINOR"]);
        has(&e, "Fjordbank", Organization, &[]);
        has(&e, "Thina Saltvedt", Person, &[]);
        for w in ["BREAKING", "SHARES", "Analysts", "Move"] {
            lacks(&e, w);
        }
        assert_eq!(e.actors.len(), 3, "{:?}", e.actors);
    }

    #[test]
    fn laws_and_events_are_not_actors_but_their_places_are() {
        let (e, _) = run(&[
            "The Occupied Territories Bill and the Treaty of Rome were debated \
            by the Dáil. The Bill passed. After World War II and the Iran-Iraq War, the World \
            Cup came. J.K. Rowling posted on X. She watched the Asian Games in Hangzhou.",
        ]);
        // A nationality only describes its event; the host city is a place.
        has(&e, "Hangzhou", Place, &[]);
        lacks(&e, "Asia");
        has(&e, "Dáil", Organization, &[]);
        has(&e, "Rome", Place, &[]);
        has(&e, "Iran", Place, &[]);
        has(&e, "Iraq", Place, &[]);
        has(&e, "J.K. Rowling", Person, &[]);
        for w in ["Bill", "Treaty", "War", "World", "Cup", "X"] {
            lacks(&e, w);
        }
        assert_eq!(e.actors.len(), 6, "{:?}", e.actors);
    }

    #[test]
    fn a_country_code_after_the_country_is_its_alias() {
        let (e, _) = run(&["Indonesia (INA) beat Japan (JPN) in the final. INA led early."]);
        has(&e, "Indonesia", Place, &["INA"]);
        has(&e, "Japan", Place, &["JPN"]);
        lacks(&e, "Iraqi");
        assert_eq!(e.actors.len(), 2, "{:?}", e.actors);
    }

    #[test]
    fn possessives_inside_organisation_names() {
        let (e, _) = run(&[
            "The Irish Farmers' Association (IFA) and the People's Party met \
            Norway's Equinor. The IFA said little.",
        ]);
        has(&e, "Irish Farmers' Association", Organization, &["IFA"]);
        has(&e, "People's Party", Organization, &[]);
        has(&e, "Norway", Place, &[]);
        has(&e, "Equinor", Organization, &[]);
    }

    #[test]
    fn lists_keep_one_kind_and_counties_are_places() {
        let (e, _) = run(&[
            "Beef exports from Cork, Ballymore and Galway fell, farmers in Co \
            Tipperary said, as did those in Baghdad and Qarnit.",
        ]);
        has(&e, "Ballymore", Place, &[]);
        has(&e, "Tipperary", Place, &["Co Tipperary"]);
        has(&e, "Qarnit", Place, &[]);
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn short_forms_of_companies_join_them() {
        let (e, _) = run(&[
            "Shares in Vantage Analytics fell after the Securities and Exchange Commission \
             (SEC) opened an inquiry. Vantage said it would cooperate with the SEC.",
            "Vantage cut 400 jobs.",
        ]);
        has(&e, "Vantage Analytics", Organization, &["Vantage"]);
        has(
            &e,
            "Securities and Exchange Commission",
            Organization,
            &["SEC"],
        );
        assert_eq!(e.mentions[1].len(), 1);
        let (e, _) = run(&["The Green Party and Labour Party Ireland disagreed."]);
        has(&e, "Green Party", Organization, &[]);
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn clubs_named_after_cities_are_organisations() {
        let (e, _) = run(&[
            "Manchester City beat Bayern Munich, and Leeds United drew with \
            BT Sport watching. Vinícius Júnior scored.",
        ]);
        has(&e, "Manchester City", Organization, &[]);
        has(&e, "Bayern Munich", Organization, &[]);
        has(&e, "Leeds United", Organization, &[]);
        has(&e, "BT Sport", Organization, &[]);
        has(&e, "Vinícius Júnior", Person, &[]);
    }

    #[test]
    fn demonym_led_names_with_for_and_administrations() {
        let (e, _) = run(
            &["The Norwegian Institute for Water Research and the Danish \
            Council for Refugees criticised the Halvorsen administration in Oslo. The Iraqi \
            Parliament in Baghdad agreed. Labour disagreed."],
        );
        has(
            &e,
            "Norwegian Institute for Water Research",
            Organization,
            &[],
        );
        has(&e, "Danish Council for Refugees", Organization, &[]);
        assert!(actor(&e, "Halvorsen").is_some_and(|a| a.kind == Person));
        has(&e, "Baghdad", Place, &[]);
        has(&e, "Labour Party", Organization, &["Labour"]);
    }

    #[test]
    fn the_belongs_to_names_inside_sentences() {
        let (e, _) = run(&[
            "She told The Local that a group called The Wanderers had left. \
            The Guardian agreed.",
        ]);
        has(&e, "The Local", Organization, &[]);
        has(&e, "The Wanderers", Organization, &[]);
        has(&e, "The Guardian", Organization, &[]);
    }

    #[test]
    fn titles_split_places_from_people() {
        let (e, _) = run(&[
            "Iranian President Masoud Pezeshkian met US Defense Secretary Mark \
            Houston and Apple CEO Tim Cook. Houston said little.",
        ]);
        has(&e, "Iran", Place, &["Iranian"]);
        has(&e, "Masoud Pezeshkian", Person, &[]);
        has(&e, "United States", Place, &["US"]);
        has(&e, "Mark Houston", Person, &["Houston"]);
        has(&e, "Apple", Organization, &[]);
        has(&e, "Tim Cook", Person, &[]);
    }

    #[test]
    fn portfolios_rebels_and_company_nouns() {
        let (e, _) = run(&[
            "Fisheries Minister Heather Comeau backed the deal. Fighting between the army \
             and M23 rebels went on, said a survey by pollster Ipsos Ciesmori.",
        ]);
        has(&e, "Heather Comeau", Person, &[]);
        lacks(&e, "Fisheries");
        has(&e, "M23", Organization, &[]);
        has(&e, "Ipsos Ciesmori", Organization, &[]);
        // A trade after a family name makes a company, not a person.
        let (e, _) = run(&["Dangote Cement raised prices, and Crown Paints cut jobs."]);
        has(&e, "Dangote Cement", Organization, &[]);
        has(&e, "Crown Paints", Organization, &[]);
    }

    #[test]
    fn geographic_words_of_other_languages_and_world_regions_make_places() {
        let (e, _) = run(&[
            "Ferries run to Terre de Haut and Anse Bertrand, and tourists flock to Isla \
             Mujeres. Exports from Korea and Indochina rose.",
        ]);
        for name in [
            "Terre de Haut",
            "Anse Bertrand",
            "Isla Mujeres",
            "Korea",
            "Indochina",
        ] {
            has(&e, name, Place, &[]);
        }
        // Former names are aliases of today's.
        let (e, _) = run(&["Isfahan was the capital of Persia. Iran today is different."]);
        same(&e, &["Iran", "Persia"], Place);
    }

    #[test]
    fn us_news_style_labels_judges_and_indices() {
        let (e, _) = run(&[
            "Sen. Mitch McConnell, R-Ky., and Rep. Ilhan Omar (D-Minn.) clashed. U.S. District \
             Judge Lewis Kaplan ruled. An Alaska Airlines Boeing 737 lost a door plug.",
        ]);
        has(&e, "Mitch McConnell", Person, &[]);
        has(&e, "Ilhan Omar", Person, &[]);
        has(&e, "Lewis Kaplan", Person, &[]);
        has(&e, "Alaska Airlines", Organization, &[]);
        has(&e, "Boeing", Organization, &[]);
        for w in ["R-Ky", "D-Minn", "District", "Airlines Boeing"] {
            lacks(&e, w);
        }
        // A hyphenated name after a comma that is no party and state stays a name.
        let (e, _) = run(&["Quantum stocks IonQ, D-Wave Quantum and Rigetti rallied."]);
        assert!(
            e.actors.iter().any(|a| a.name.starts_with("D-Wave")),
            "{:?}",
            e.actors
        );
    }

    #[test]
    fn territories_joined_by_and_are_one_place() {
        // "Turks" alone would be the people of Turkey; "Saint Vincent" a person.
        let (e, _) = run(&[
            "Flights go to Saint Vincent and the Grenadines and Sao Tome and Principe. The \
             Turks and Caicos Islands voted, as did Guam.",
        ]);
        for name in [
            "Saint Vincent and the Grenadines",
            "Sao Tome and Principe",
            "Turks and Caicos Islands",
            "Guam",
        ] {
            has(&e, name, Place, &[]);
        }
        assert!(
            !e.actors.iter().any(|a| a.name == "Turkey"),
            "{:?}",
            e.actors
        );
    }

    #[test]
    fn a_preposition_in_capitals_goes_on_naming_a_body() {
        let (e, _) = run(&[
            "He is backed by the Movement Toward Socialism (MAS). MAS officials said so.",
            "Speaking to the Labour Party On Tuesday, she said so.",
        ]);
        has(&e, "Movement Toward Socialism", Organization, &["MAS"]);
        // A day is no part of a name.
        has(&e, "Labour Party", Organization, &[]);
        // A headline capitalises every word: its known names stand alone.
        let (e, _) = run(&["Labour Party For Change Wins Vote"]);
        has(&e, "Labour Party", Organization, &[]);
    }

    #[test]
    fn a_place_with_a_company_tail_is_a_company() {
        let (e, _) = run(&[
            "Shares of Qatar Group rose, Ericsson AB agreed and the Kurdistan Region voted.",
        ]);
        has(&e, "Qatar Group", Organization, &[]);
        assert!(actor(&e, "Qatar").is_none(), "{:?}", e.actors);
        has(&e, "Ericsson", Organization, &["Ericsson AB"]);
        has(&e, "Kurdistan Region", Place, &[]);
    }

    #[test]
    fn roads_are_places_named_by_their_number() {
        let (e, _) = run(&[
            "A crash closed I-95 near Baltimore. Take Route 66, or US-75 South to Tulsa, \
             where State Route 99 meets the Tulsa Turnpike.",
        ]);
        has(&e, "I-95", Place, &[]);
        has(&e, "Route 66", Place, &[]);
        has(&e, "US-75", Place, &[]);
        assert!(actor(&e, "South").is_none(), "{:?}", e.actors);
        has(&e, "State Route 99", Place, &[]);
        assert!(actor(&e, "United States").is_none(), "{:?}", e.actors);
        assert!(actor(&e, "Take Route 66").is_none(), "{:?}", e.actors);
        // A direction before a name is the name's: "I-95 North Carolina" is a road and a state.
        let (e, _) = run(&[
            "Take I-44 West to Tulsa. I-95 North Carolina rest stops reopened, police \
             said Monday Route 9 was shut, and The NH-44 was clear.",
        ]);
        for name in ["I-44", "I-95", "North Carolina", "Route 9", "NH-44"] {
            has(&e, name, Place, &[]);
        }
        assert!(actor(&e, "Carolina").is_none(), "{:?}", e.actors);
        // Aircraft keep their letters: none of these is a road.
        let (e, _) = run(&[
            "The F-16, the B-52 and an SR-71 Blackbird flew over the US-led coalition's \
             base. Each pilot filed a Form I-9 and an I-485 application.",
        ]);
        assert!(
            e.actors.iter().all(|a| !a.name.contains('-')),
            "{:?}",
            e.actors
        );
    }

    #[test]
    fn conservatories_and_corps_are_bodies() {
        let (e, _) =
            run(&["He taught at the Prague Conservatory and served in the Corps of Engineers."]);
        has(&e, "Prague Conservatory", Organization, &[]);
        has(&e, "Corps of Engineers", Organization, &[]);
    }

    #[test]
    fn a_part_of_a_known_place_is_a_place() {
        let (e, _) = run(&[
            "Rents rose in Upper Manhattan, Northeast Ohio and Greater Manchester, and storms \
             crossed the South Pacific. Western Union sent money.",
        ]);
        for name in [
            "Upper Manhattan",
            "Northeast Ohio",
            "Greater Manchester",
            "South Pacific",
        ] {
            has(&e, name, Place, &[]);
        }
        assert!(
            actor(&e, "Western Union").is_some_and(|a| a.kind != Place),
            "{:?}",
            e.actors
        );
        // Teams are named from their places too.
        let (e, _) = run(&["Central Michigan beat Western Michigan 24-21 on Saturday."]);
        has(&e, "Central Michigan", Organization, &[]);
    }

    #[test]
    fn a_lone_generation_is_no_actor() {
        let (e, _) =
            run(&["Boston traded him for Jerry Sands, Mark Melancon, and Iván DeJesús, Jr."]);
        assert!(actor(&e, "Jr").is_none(), "{:?}", e.actors);
        // Capitals after a comma may be a province.
        let (e, _) = run(&["He moved to Montreal, QC, in 2001."]);
        has(&e, "Quebec", Place, &["QC"]);
    }

    #[test]
    fn state_letters_after_a_town_name_the_state() {
        let (e, _) = run(&["He moved from Wichita, KS, to Laval, QC. Kansas is flat."]);
        has(&e, "Quebec", Place, &["QC"]);
        has(&e, "Kansas", Place, &["KS"]);
        // A newspaper's abbreviation of the state's name too.
        let (e, _) = run(&["She grew up in Lawrence, Kan., and Sacramento, Calif."]);
        has(&e, "Kansas", Place, &["Kan"]);
        has(&e, "California", Place, &["Calif"]);
        // Not after a person, nor a town of another country, nor when the state's name is a
        // city's or a country's.
        let (e, _) = run(&["Toronto, CA, and Palermo, PA, and Mumbai, IN, were hot."]);
        for state in ["California", "Pennsylvania", "Indiana"] {
            assert!(actor(&e, state).is_none(), "{:?}", e.actors);
        }
        let (e, _) = run(&["Dr Jane Doe, MD, moved to Atlanta, GA, from Georgia."]);
        assert!(actor(&e, "Maryland").is_none(), "{:?}", e.actors);
        assert!(
            actor(&e, "Georgia").is_none_or(|a| !a.aliases.iter().any(|x| x == "GA")),
            "{:?}",
            e.actors
        );
    }

    #[test]
    fn a_makers_trade_after_a_known_name_is_the_same_company() {
        let (e, _) = run(&[
            "Toyota Motor Corp. recalled a million cars. Toyota said no one was hurt, and \
             LG Electronics said LG would check its parts.",
        ]);
        has(&e, "Toyota", Organization, &["Toyota Motor Corp"]);
        has(&e, "LG Electronics", Organization, &["LG"]);
    }

    #[test]
    fn a_town_that_is_also_a_family_name_ends_a_persons_name() {
        let (e, _) = run(&["Sifan Hassan said she was tired after the race in Valencia."]);
        has(&e, "Sifan Hassan", Person, &[]);
    }

    #[test]
    fn a_code_and_a_result_after_a_name_mark_a_competitor() {
        let (e, _) = run(&[
            "Results: 1. Sifan Hassan (NED) 2:13:44, 2. Tigst Assefa (ETH) 2:13:50, \
             3. Hellen Obiri (KEN) 2:14:01.",
        ]);
        for name in ["Sifan Hassan", "Tigst Assefa", "Hellen Obiri"] {
            has(&e, name, Person, &[]);
        }
        // Teams, parties and companies keep their kind.
        let (e, _) = run(&[
            "Seats: Awami League (AL) 224, Jatiya Party (JP) 11. Relay: Kenya Police (KEN) \
             7:02.3, Racing Club (ARG) 7:05.1.",
        ]);
        for name in ["Jatiya Party", "Kenya Police", "Racing Club"] {
            has(&e, name, Organization, &[]);
        }
    }

    #[test]
    fn urdu_and_persian_links_keep_a_name_whole() {
        let (e, _) = run(&[
            "His party, Pakistan Tehreek-e-Insaf (PTI), said it would appeal. Police said \
             Lashkar-e-Taiba and Hizb-ul-Mujahideen were behind the attack.",
        ]);
        has(&e, "Pakistan Tehreek-e-Insaf", Organization, &["PTI"]);
        has(&e, "Lashkar-e-Taiba", Organization, &[]);
        has(&e, "Hizb-ul-Mujahideen", Organization, &[]);
        assert!(actor(&e, "Insaf").is_none(), "{:?}", e.actors);
    }

    #[test]
    fn empires_and_caliphates_are_places() {
        let (e, _) = run(&[
            "Greece suffered under the Ottoman Empire, long after the Abbasid Caliphate and \
             the Holy Roman Empire.",
        ]);
        has(&e, "Ottoman Empire", Place, &[]);
        has(&e, "Abbasid Caliphate", Place, &[]);
        has(&e, "Holy Roman Empire", Place, &[]);
    }

    #[test]
    fn the_last_word_heads_a_name() {
        let (e, _) = run(&[
            "Police closed Church Street after Goldline Jewellers was robbed. The funeral \
             was held at the Basilica da Estrela, near Bank Street College.",
        ]);
        has(&e, "Church Street", Place, &[]);
        has(&e, "Goldline Jewellers", Organization, &[]);
        has(&e, "Basilica da Estrela", Place, &[]);
        has(&e, "Bank Street College", Organization, &[]);
        // Across "of" the head is the word before it.
        let (e, _) = run(&["The Church of the East and the Commission for the Gaza Strip met."]);
        has(&e, "Church of the East", Organization, &[]);
        has(&e, "Commission for the Gaza Strip", Organization, &[]);
    }

    #[test]
    fn an_occupation_before_a_full_name_is_used_as_a_title() {
        let (e, _) = run(&[
            "State Engineer Elena Garza said her office agreed, and Architect Maria Lund \
             drew the plans. The Designer Brands Inc store closed.",
        ]);
        has(&e, "Elena Garza", Person, &[]);
        has(&e, "Maria Lund", Person, &[]);
        has(&e, "Designer Brands Inc", Organization, &[]);
        lacks(&e, "Engineer");
        lacks(&e, "Architect");
        // A name that ends as a body's does keeps its first word.
        let (e, _) = run(&["She gave to the Engineer Mary Lund Foundation in town."]);
        assert!(
            actor(&e, "Mary Lund Foundation").is_none(),
            "{:?}",
            e.actors
        );
        assert!(
            actor(&e, "Engineer Mary Lund Foundation").is_some(),
            "{:?}",
            e.actors
        );
    }

    #[test]
    fn organisations_with_connectors() {
        let (e, _) = run(&[
            "The Islamic Front in Maldova and the Coalition against Hunger met \
            at the University of Bergen, while the Bank of Iceland and Iceland disagreed.",
        ]);
        has(&e, "Islamic Front in Maldova", Organization, &[]);
        has(&e, "Coalition against Hunger", Organization, &[]);
        has(&e, "University of Bergen", Organization, &[]);
        has(&e, "Bank of Iceland", Organization, &[]);
        has(&e, "Iceland", Place, &[]);
    }

    #[test]
    fn sentence_openers_that_are_common_words_drop_off() {
        let (e, _) = run(&[
            "Rivals Brekkvik and Fjellsand Seafood Group fell. Neighbouring Norway \
             agreed. Former Finnish minister Aino Vaaranen spoke. Substitute Per Lunde \
             scored. Grid operator Kraftnett said power was back.",
        ]);
        has(&e, "Fjellsand Seafood Group", Organization, &[]);
        has(&e, "Norway", Place, &[]);
        has(&e, "Finland", Place, &["Finnish"]);
        has(&e, "Aino Vaaranen", Person, &[]);
        has(&e, "Per Lunde", Person, &[]);
        has(&e, "Kraftnett", Organization, &[]);
        for w in ["Rivals", "Neighbouring", "Former", "Substitute", "Grid"] {
            lacks(&e, w);
        }
    }

    #[test]
    fn an_undefined_acronym_spelled_by_one_longer_name_is_that_name() {
        let (e, _) = run(&[
            "A director of the Port Autonome de Douala was jailed. In a statement, PAD said \
             it had tightened checks. The Kenya Revenue Authority and the Kenya Rice Agency \
             met; the KRA said nothing.",
        ]);
        has(&e, "Port Autonome de Douala", Organization, &["PAD"]);
        // Two names with the same initials: the letters stay apart.
        for name in ["Kenya Revenue Authority", "Kenya Rice Agency"] {
            let a = actor(&e, name);
            assert!(a.is_some_and(|a| !a.aliases.iter().any(|x| x == "KRA")));
        }
    }

    #[test]
    fn an_honorific_of_another_language_is_a_title() {
        let (e, _) = run(&[
            "His wife, Daw Khin Sandar Win, said he died. He is survived by Khin Sandar Win.",
        ]);
        has(&e, "Khin Sandar Win", Person, &["Khin Sandar Win"]);
        assert!(actor(&e, "Daw Khin Sandar Win").is_none());
    }

    #[test]
    fn a_nation_code_in_results_is_that_country() {
        let (e, _) = run(&[
            "Men: 1. Kamil Wasowicz (POL) 2:11:42, 2. Edwin Rotich (KEN) 2:11:58\n\n\
             The ETH rally went on.",
        ]);
        has(&e, "Poland", Place, &["POL"]);
        has(&e, "Kenya", Place, &["KEN"]);
        has(&e, "Kamil Wasowicz", Person, &[]);
        // Outside a results row the letters are no country.
        assert!(actor(&e, "Ethiopia").is_none());
        // Team codes before points are no nations.
        let (e, _) = run(&["Nikola Jokic (DEN) 29.6, Joel Embiid (PHI) 27.5"]);
        assert!(actor(&e, "Denmark").is_none() && actor(&e, "Philippines").is_none());
    }

    #[test]
    fn known_names_keep_title_words_and_definitions_keep_demonyms() {
        let (e, _) = run(&[
            "The DR Congo army said rebels held Goma. The European Bank for Reconstruction \
             and Development (EBRD) lent 50 million euros.",
        ]);
        has(&e, "Democratic Republic of the Congo", Place, &["DR Congo"]);
        has(
            &e,
            "European Bank for Reconstruction and Development",
            Organization,
            &["EBRD"],
        );
    }

    #[test]
    fn a_datelines_unknown_agency_is_an_organisation() {
        for (text, agency) in [
            (
                "Sydney (AAP)\n\nAustralia's central bank held rates.",
                "AAP",
            ),
            ("Kuwait City (KUNA)\n\nThe emir spoke.", "KUNA"),
        ] {
            let (e, _) = run(&[text]);
            has(&e, agency, Organization, &[]);
        }
    }

    #[test]
    fn offices_of_bodies_and_bodies_that_study_events() {
        let (e, _) = run(&[
            "The Head of the Wagner Group was killed. The Institute for the Study of War said so.",
        ]);
        has(&e, "Wagner Group", Organization, &[]);
        has(&e, "Institute for the Study of War", Organization, &[]);
    }

    #[test]
    fn both_sides_of_a_match_are_teams() {
        let (e, _) = run(&[
            "Results of the round:\n\nOlimpia 2, Cerro Porteño 1\n\nGuaraní 1, Nacional 1\n\n\
             Kenya 3, Ethiopia 2\n\nHistory of England (Volume 1, Chapter 1)",
        ]);
        // A small town's name, one word or two unknown ones: the club.
        for team in ["Olimpia", "Cerro Porteño", "Guaraní", "Nacional"] {
            has(&e, team, Organization, &[]);
        }
        // A country's side stays its country; a book's parts are no sides.
        has(&e, "Kenya", Place, &[]);
        assert!(actor(&e, "Volume").is_none() && actor(&e, "Chapter").is_none());
        // A table of towns, or a player's points, is no match.
        let (e, _) =
            run(&["Highs on Tuesday: Nairobi 24, Mombasa 31, Kisumu 27\n\nJokic 32, Murray 21"]);
        has(&e, "Nairobi", Place, &[]);
        assert!(actor(&e, "Murray").is_none_or(|a| a.kind != Organization));
    }

    #[test]
    fn national_bodies_keep_their_adjective() {
        let (e, _) = run(&[
            "The Danish Fjord Safety Agency (DFS) and the Swedish Coastal and \
             Hydrographic Institute (SCHI) met the Norwegian Skerry Council and the \
             Lappish Reindeer Board (SRB). Later the SRB and the DFS spoke. \
             Sweden Democrats and the British and Irish Tigers watched.",
        ]);
        has(&e, "Danish Fjord Safety Agency", Organization, &["DFS"]);
        has(
            &e,
            "Swedish Coastal and Hydrographic Institute",
            Organization,
            &["SCHI"],
        );
        has(&e, "Norwegian Skerry Council", Organization, &[]);
        // An abbreviation in another language still names the body before it.
        has(&e, "Lappish Reindeer Board", Organization, &["SRB"]);
        has(&e, "Sweden Democrats", Organization, &[]);
        has(&e, "British and Irish Tigers", Organization, &[]);
        lacks(&e, "Democratic Party");
    }

    #[test]
    fn entries_of_a_results_list_are_competitors() {
        let (e, _) = run(&[
            "Results of second round matches on Wednesday :",
            "Goran Ivanisevic ( Croatia ) beat Magnus Larsson ( Sweden ) 7-6 6-4",
            "Steffi Graf ( Germany ) beat Lindsay Davenport ( U.S. ) 6-1 6-2",
        ]);
        for name in [
            "Goran Ivanisevic",
            "Magnus Larsson",
            "Steffi Graf",
            "Lindsay Davenport",
        ] {
            has(&e, name, Person, &[]);
        }
        has(&e, "Croatia", Place, &[]);
    }

    #[test]
    fn bodies_named_with_of_keep_their_nationality_and_end_before_in() {
        let (e, _) = run(&[
            "Students at the American University of Beirut joined. He lectured at the \
             Congress of Arts and Sciences in St. Louis, and the Imperial Museum lent a map.",
        ]);
        has(&e, "American University of Beirut", Organization, &[]);
        has(&e, "Congress of Arts and Sciences", Organization, &[]);
        has(&e, "St. Louis", Place, &[]);
        // A museum is a building, never a person: a place, as the labelled data names it.
        has(&e, "Imperial Museum", Place, &[]);
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn lone_words_take_a_kind_from_shape_and_context() {
        let (e, _) = run(&[
            "Snow fell on Vindeland and Storvik, north of Kvarnholm. State-owned \
             Norrkraft cut power, while rivals Elvia and Tensio coped. Salmon in rivers \
             such as the Lærdal and the Aurlandselva suffered. Residents of Myrdal left. \
             Kaia Brekke, 31, from Tynset, and a teacher from Hemsedal helped. \
             The Uddevik-based firm Ranvik Kraft said Kristoffersson was right.",
        ]);
        for place in [
            "Vindeland",
            "Storvik",
            "Kvarnholm",
            "Lærdal",
            "Aurlandselva",
            "Myrdal",
            "Tynset",
            "Hemsedal",
            "Uddevik",
        ] {
            has(&e, place, Place, &[]);
        }
        for org in ["Norrkraft", "Elvia", "Tensio", "Ranvik Kraft"] {
            has(&e, org, Organization, &[]);
        }
        has(&e, "Kristoffersson", Person, &[]);
    }

    #[test]
    fn irish_names_with_an_and_place_prefixes() {
        let (e, _) = run(&[
            "The ruling by An Bord Feasa was welcomed in Ballycarra, Glinsk and \
             Kilmacallan. An Bord Feasa said little. Councillor Róisín Ní Dhuibhir of \
             Carrickmore objected, and residents of Tullaghan agreed.",
        ]);
        has(&e, "An Bord Feasa", Organization, &[]);
        has(&e, "Ballycarra", Place, &[]);
        has(&e, "Kilmacallan", Place, &[]);
        has(&e, "Róisín Ní Dhuibhir", Person, &[]);
        has(&e, "Tullaghan", Place, &[]);
        lacks(&e, "Councillor");
        assert!(actor(&e, "Bord Feasa").is_none());
    }

    #[test]
    fn capitalised_common_words_inside_a_sentence_start_names() {
        let (e, _) = run(&[
            "Fans gathered outside the Four Winds Hall before the All Greens played \
             and Will Harlow sang.",
        ]);
        has(&e, "Four Winds Hall", Place, &[]);
        has(&e, "All Greens", Organization, &[]);
        has(&e, "Will Harlow", Person, &[]);
    }

    #[test]
    fn owned_products_are_no_actors_but_an_owned_party_is() {
        let (e, _) = run(&[
            "Nordfly said its Skyline processors were late. Bobi Wine was detained, his \
             National Unity Platform party said.",
        ]);
        lacks(&e, "Skyline");
        has(&e, "National Unity Platform", Organization, &[]);
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn products_laws_and_models_are_not_actors() {
        let (e, _) = run(&[
            "Fjordpharma said sales of its weight-loss drug Slimora doubled. Slimora \
             sales beat the rival drug Trimexa. The Coastal Data Act (CDA) passed, and \
             the CDA took effect. Budget airline Nordfly bought Airbus A321 XLR jets \
             and its Skyline processors came from Chipnord.",
        ]);
        has(&e, "Fjordpharma", Organization, &[]);
        has(&e, "Nordfly", Organization, &[]);
        has(&e, "Airbus", Organization, &[]);
        for w in [
            "Slimora",
            "Trimexa",
            "CDA",
            "Coastal Data Act",
            "XLR",
            "Skyline",
        ] {
            lacks(&e, w);
        }
    }

    #[test]
    fn a_platform_someone_owns_a_page_on_is_still_an_actor_elsewhere() {
        let (e, _) = run(&[
            "Ms Okafor posts a video to her Streamly channel every week. Streamly said \
             on Monday that the channel had passed a million subscribers.",
        ]);
        has(&e, "Streamly", Organization, &[]);
    }

    #[test]
    fn a_surname_keeps_its_persons_kind_where_its_words_read_like_a_place() {
        let (e, _) = run(&[
            "Harold P. Marchbury (born 1931) was an American linguist. Students travelled to \
             Marchbury for advice. Letters from Marchbury reached Ohio. In Marchbury there was \
             always a welcome, his students said. Near Marchbury sat the younger scholars.",
        ]);
        has(&e, "Harold P. Marchbury", Person, &["Marchbury"]);
    }

    #[test]
    fn a_currency_code_is_no_country() {
        let (e, _) = run(&["Damages were estimated as high as US$ 10 billion and HK$5 million."]);
        lacks(&e, "United States");
        lacks(&e, "Hong Kong");
    }

    #[test]
    fn short_forms_find_the_earliest_full_name() {
        let (e, _) = run(&[
            "Shares in Brekke Nordisk ASA rose, and its parent Brekke Holdings agreed. \
             Brekke said profit rose. The Nordic Shipping Commission backed it; the \
             Commission said so. Westhaven Rovers beat Kirkby Athletic and Rovers \
             stayed top. Rain hit Skarvik Harbour; Skarvik was shut.",
        ]);
        // The legal form makes the first name certain: this test is about which full name
        // a short form joins, not about whether a bare "Brekke Nordisk" is a name at all.
        has(&e, "Brekke Nordisk ASA", Organization, &["Brekke"]);
        has(&e, "Brekke Holdings", Organization, &[]);
        has(
            &e,
            "Nordic Shipping Commission",
            Organization,
            &["Commission"],
        );
        has(&e, "Westhaven Rovers", Organization, &["Rovers"]);
        has(&e, "Skarvik Harbour", Place, &["Skarvik"]);
    }

    #[test]
    fn surnames_follow_their_person_not_their_own_hints() {
        let (e, _) = run(&[
            "Brimo Tavaska fouled a rival. \"Tavaska touches the ball first,\" the coach said.",
        ]);
        has(&e, "Brimo Tavaska", Person, &["Tavaska"]);
    }

    #[test]
    fn cities_that_play_are_clubs() {
        let (e, _) = run(&[
            "Leeds beat Bergen 2-0, and Leeds manager Tor Haug was pleased. Fans in \
             Bergen were not.",
            "Leeds is a city in England.",
        ]);
        let leeds: Vec<&Actor> = e.actors.iter().filter(|a| a.name == "Leeds").collect();
        assert_eq!(leeds.len(), 2, "{:?}", e.actors);
        assert!(leeds.iter().any(|a| a.kind == Organization));
        assert!(leeds.iter().any(|a| a.kind == Place));
    }

    #[test]
    fn appositions_and_second_names_join() {
        let (e, _) = run(&[
            "The Swedish Roads Board, Vägverket, closed the road. Kari Dahl, the \
             agency's chief engineer, said Ola Rud, a fund manager at Nordvest, agreed. \
             Commission President Maren Solli of the Fjord Commission spoke.",
        ]);
        has(&e, "Swedish Roads Board", Organization, &["Vägverket"]);
        has(&e, "Kari Dahl", Person, &[]);
        has(&e, "Ola Rud", Person, &[]);
        has(&e, "Maren Solli", Person, &[]);
        lacks(&e, "Commission President");
    }

    #[test]
    fn bodies_named_with_and_and_family_names_that_are_sentence_words() {
        let (e, _) = run(&[
            "The Harbour Oil and Gas Association and the Ministry of Health and Population \
             objected, and the High Court of Cassation and Justice ruled. The critic Edward \
             Said wrote that runners at Sidi Bou Said were cheered.",
        ]);
        has(&e, "Harbour Oil and Gas Association", Organization, &[]);
        has(&e, "Ministry of Health and Population", Organization, &[]);
        has(&e, "High Court of Cassation and Justice", Organization, &[]);
        has(&e, "Edward Said", Person, &[]);
        assert!(actor(&e, "Sidi Bou Said").is_some(), "{:?}", e.actors);
        // Not across a sentence ("X. She ...") nor in a title-case headline, where every
        // word is capitalised.
        let (e, _) = run(&["Loans rose at Harbour Bank. She said so."]);
        lacks(&e, "Bank She");
        let (e, _) = run(&["Rivals Quit After Labour Party Said"]);
        has(&e, "Labour Party", Organization, &[]);
        // Not a name whose "of" names a known place, nor a body or a titled person after
        // "and".
        let (e, _) = run(&[
            "Officials at the Bank of England and Treasury met, and the Office of Fair \
             Trading and Chairman Cook spoke.",
        ]);
        has(&e, "Bank of England", Organization, &[]);
        lacks(&e, "England and");
        lacks(&e, "Trading and");
    }

    #[test]
    fn descriptive_phrases_and_names_inside_long_known_names() {
        let (e, _) = run(&[
            "Big Tech lobbied the Court of Justice of the European Union and the \
             Department of Health and Outdoor Affairs over Foreign Affairs.",
        ]);
        has(
            &e,
            "Court of Justice of the European Union",
            Organization,
            &[],
        );
        has(
            &e,
            "Department of Health and Outdoor Affairs",
            Organization,
            &[],
        );
        lacks(&e, "Big Tech");
        lacks(&e, "Foreign Affairs");
    }

    #[test]
    #[ignore = "hand-weighted verdict on invented one-mention names; the learned classifier (issue 8) judges them otherwise"]
    fn towns_in_regions_and_compass_places() {
        let (e, _) =
            run(&["Rain hit Marlow Springs, Texas, and the Far North, then Cork North-East."]);
        has(&e, "Marlow Springs", Place, &[]);
        has(&e, "Far North", Place, &[]);
        has(&e, "Cork North-East", Place, &[]);
    }

    #[test]
    fn mentions_are_sorted_and_match_their_text() {
        let (e, docs) = run(&[
            "Samir Al Rawi met Al-Rawi's ally in Baghdad.\n\nRawi left for Basra.",
            "",
            "Baghdad.",
        ]);
        assert_eq!(e.mentions.len(), 3);
        for (art, ms) in e.mentions.iter().enumerate() {
            let mut prev = (0, 0);
            for m in ms {
                let text = &docs[art][m.paragraph][m.start..m.end];
                assert!(
                    e.actors[m.actor].aliases.iter().any(|a| a == text),
                    "{text}"
                );
                assert!((m.paragraph, m.start) >= prev);
                prev = (m.paragraph, m.end);
            }
        }
        has(&e, "Samir Al Rawi", Person, &["Al-Rawi", "Rawi"]);
    }

    #[test]
    fn index_counts_articles_and_cooccurrence() {
        let (e, _) = run(&["Oslo and Bergen.", "Oslo again, Oslo.", "Bergen."]);
        let idx = ActorIndex::build(&e);
        let oslo = e
            .actors
            .iter()
            .position(|a| a.name == "Oslo")
            .unwrap_or(usize::MAX);
        let bergen = e
            .actors
            .iter()
            .position(|a| a.name == "Bergen")
            .unwrap_or(usize::MAX);
        assert_eq!(idx.articles_of(oslo), [0, 1]);
        assert_eq!(idx.mentions_total(oslo), 3);
        assert_eq!(idx.cooccurrence(oslo, bergen), 1);
        assert_eq!(idx.actors_of(1), [(oslo, 2)]);
        assert!(idx.articles_of(999).is_empty());
    }

    #[test]
    fn odd_and_huge_input_never_panics() {
        let long_caps = "Alpha Beta Gamma Delta ".repeat(5000);
        let dashes = format!("“A {}", "- ".repeat(3000));
        let texts = [
            "",
            "\u{0}\u{301}’s ’ ' \" “ ” ( ) [ ] - -- — … U.S U. A& &B",
            "Ærøskøbing’s İstanbul ǅemal ΣΟΦΙΑ Παπαδοπούλου met 北京 and Москва.",
            "al- al-\u{301} Al-'s (PMF) -PMF Forces-",
            "The The The. Mr. Mr. Mr",
            &long_caps,
            &dashes,
            "🙂 Émile Zola 🙂's Zola’ 'Zola' \u{200d}Zola",
        ];
        let (e, docs) = run(&texts);
        for (art, ms) in e.mentions.iter().enumerate() {
            for m in ms {
                let p = &docs[art][m.paragraph];
                assert!(
                    p.is_char_boundary(m.start) && p.is_char_boundary(m.end) && m.start < m.end
                );
                assert!(m.actor < e.actors.len());
            }
        }
    }
}
