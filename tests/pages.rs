//! The HTML page sets: on the regression set (`tests/fixtures/pages/regression`, tuned on)
//! the cleaner's body, title and date must not fall below the figures it reached; the blind
//! set (`blind`, never tuned on) keeps its frozen gold and a floor under its first contact.

#[path = "common/frozen.rs"]
mod frozen;
#[path = "common/page_score.rs"]
mod page_score;

use std::path::Path;

fn scores() -> (Vec<page_score::PageScore>, page_score::Summary) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/regression");
    let pages = page_score::load_set(&dir);
    assert!(pages.len() >= 30, "only {} pages with gold", pages.len());
    let scores: Vec<_> = pages.iter().map(page_score::score).collect();
    let summary = page_score::summarize(&scores);
    (scores, summary)
}

#[test]
fn body_title_and_date_hold_on_the_regression_pages() {
    let (scores, m) = scores();
    let report: Vec<String> = scores
        .iter()
        .map(|s| {
            format!(
                "{} F1 {:.3} P {:.3} title {} date {}",
                s.name, s.f1, s.precision, s.title_ok, s.date_ok
            )
        })
        .collect();
    let report = report.join("\n");
    assert!(m.f1 >= 0.97, "mean F1 {:.3}\n{report}", m.f1);
    assert!(
        m.precision >= 0.97,
        "mean precision {:.3}\n{report}",
        m.precision
    );
    assert!(m.title >= 0.95, "titles {:.2}\n{report}", m.title);
    assert!(m.date >= 0.95, "dates {:.2}\n{report}", m.date);
    for s in &scores {
        assert!(s.f1 >= 0.9, "{}: F1 {:.3}\n{report}", s.name, s.f1);
    }
}

#[test]
fn no_script_style_or_control_character_reaches_the_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/regression");
    for page in page_score::load_set(&dir) {
        let text = page_score::cleaned_text(&page);
        for bad in [
            "dataLayer",
            "gtag(",
            "<p>",
            "display:flex",
            "__INITIAL_STATE__",
        ] {
            assert!(!text.contains(bad), "{}: {bad} in\n{text}", page.name);
        }
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{}: control character",
            page.name
        );
    }
}

#[test]
fn a_lead_paragraph_under_a_headline_keeps_its_actors() {
    let text = "Harbour director resigns\n\n\
        Marit Lunde resigned as director of the Bergen harbour authority on Monday, the city council said.\n\n\
        The council thanked her for eleven years of work on the harbour and said an acting director would be named \
        within a week, after a meeting of its board on Friday.";
    let doc = dossier::load::RawDoc::new("r", "r.txt", dossier::load::Format::Text, text.into());
    let article = dossier::clean::clean(doc).0.expect("an article");
    assert_eq!(article.title, "Harbour director resigns");
    assert_eq!(article.subtitle, None);
    let corpus = dossier::Corpus::from_articles(vec![article]);
    let names: Vec<&str> = corpus
        .actors
        .actors()
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("Lunde")), "{names:?}");
}

#[test]
fn a_marked_standfirst_is_the_subtitle_and_the_lead_stays_body() {
    let html = r#"<html><head><title>Harbour director resigns | Bergen Post</title></head><body>
        <article><h1>Harbour director resigns</h1>
        <p class="standfirst">Eleven years at the helm end with a short statement.</p>
        <p>Marit Lunde resigned as director of the harbour authority on Monday, the council said.</p>
        <p>The council thanked her for eleven years of work and will name an acting director within a week.</p>
        </article></body></html>"#;
    let doc = dossier::load::RawDoc::new("p", "p.html", dossier::load::Format::Html, html.into());
    let article = dossier::clean::clean(doc).0.expect("an article");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Eleven years at the helm end with a short statement.")
    );
    assert!(article.paragraphs[0].starts_with("Marit Lunde resigned"));
    assert_eq!(article.source.as_deref(), Some("Bergen Post"));
}

#[test]
fn a_folded_rest_of_the_story_is_read_and_a_gallery_beside_it_is_not() {
    let para = |n: usize, what: &str| {
        format!(
            "<p>Paragraph {n} of the story: the harbour authority said on Monday that {what} \
             would be reviewed by the council before the summer, after months of complaints.</p>"
        )
    };
    let shown: String = (1..=3).map(|n| para(n, "the ferry timetable")).collect();
    let folded: String = (4..=7).map(|n| para(n, "the new pier")).collect();
    let gallery: String = (1..=6)
        .map(|n| {
            format!(
                "<h3>{n}/6 Boats in the bay</h3><p>Picture {n}: boats wait in the bay for the \
                 storm to pass, as crews check their moorings and the harbour stays closed.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>\
         <div class=\"story-body\">{shown}<div id=\"read-more\"><a href=\"\">Read more</a>\
         <div class=\"ad-block\"></div><div id=\"read-more-content\">{folded}</div></div>\
         <div class=\"more-gallery\">{gallery}</div></div></article></body></html>"
    );
    let doc = dossier::load::RawDoc::new("p", "p.html", dossier::load::Format::Html, html);
    let article = dossier::clean::clean(doc).0.expect("an article");
    let body = article.paragraphs.join("\n");
    for n in 1..=7 {
        assert!(body.contains(&format!("Paragraph {n} ")), "{n}: {body}");
    }
    assert!(!body.contains("Boats in the bay"), "{body}");
    assert!(!body.contains("Picture"), "{body}");
}

#[test]
fn a_standfirst_stands_under_the_headline_and_over_the_story() {
    let para = "<p>The harbour authority said on Monday that the ferry timetable would be \
                reviewed by the council before the summer, after months of complaints.</p>";
    let page = |top: &str, under: &str, inside: &str| {
        format!(
            "<html><head><title>Harbour plan</title></head><body>{top}<article>\
             <h1>Harbour plan</h1>{under}{para}{inside}{para}{para}</article></body></html>"
        )
    };
    let subtitle = |html: String| {
        let doc = dossier::load::RawDoc::new("p", "p.html", dossier::load::Format::Html, html);
        dossier::clean::clean(doc).0.expect("an article").subtitle
    };
    let ticker = "<div class=\"market-summary\">S&P 500 2,111.72 -14.43 (-0.68%)</div>";
    let offer = "<div class=\"promo-summary\">Get the paper. 50% off for one year.</div>";
    let section = "<h2 class=\"subheader\">What the council said about the ferries</h2>";
    assert_eq!(subtitle(page(ticker, "", "")), None);
    assert_eq!(subtitle(page(offer, "", "")), None);
    assert_eq!(subtitle(page("", "", section)), None);
    let dek = "<p class=\"standfirst\"><script>var ads = 1;</script>Ferries will run \
               later in the summer, the council decided.</p>";
    assert_eq!(
        subtitle(page("", dek, "")).as_deref(),
        Some("Ferries will run later in the summer, the council decided.")
    );
}

#[test]
fn blind_pages_keep_their_frozen_gold_and_first_contact() {
    // First contact (the cleaner of 2a7d4c3, see the set's README): F1 0.994, precision
    // 0.988, recall 1.000, title 0.75, date 0.88. Its misses are known and left untuned.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/blind");
    let checked = frozen::check(&dir);
    let pages = page_score::load_set(&dir);
    assert!(pages.len() >= 8, "only {} blind pages", pages.len());
    assert_eq!(checked, 2 * pages.len(), "every page and gold is frozen");
    let scores: Vec<_> = pages.iter().map(page_score::score).collect();
    let m = page_score::summarize(&scores);
    assert!(m.f1 >= 0.99 && m.title >= 0.74 && m.date >= 0.87, "{m:?}");
}
