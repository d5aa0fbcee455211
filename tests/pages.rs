//! The HTML page regression set (`tests/fixtures/pages/regression`): the cleaner's body,
//! title and date against hand-written gold must not fall below the figures it reached.

#[path = "common/page_score.rs"]
mod page_score;

use std::path::Path;

fn scores() -> (Vec<page_score::PageScore>, page_score::Summary) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/regression");
    let pages = page_score::load_set(&dir);
    assert!(pages.len() >= 27, "only {} pages with gold", pages.len());
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
