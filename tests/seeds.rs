//! The bundled seeds through load and clean: general behaviour, and `show` snapshots.

use dossier::{Article, Corpus};

fn seeds() -> Corpus {
    Corpus::bundled().corpus
}

fn by_prefix<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Article {
    let i = corpus.find(prefix).expect("seed present");
    &corpus.articles[i]
}

fn body(a: &Article) -> String {
    a.paragraphs.join("\n")
}

#[test]
fn five_articles_with_their_dates() {
    let c = seeds();
    assert_eq!(c.articles.len(), 5);
    assert_eq!(by_prefix(&c, "001").date_label(), "2024-08-21");
    assert_eq!(by_prefix(&c, "004").date_label(), "2024-07-31");
    // The related headlines of 002 carry dates ("20.11.24"); none may become the article's.
    assert_eq!(by_prefix(&c, "002").date, None);
}

#[test]
fn the_dateline_gives_the_source_and_leaves_the_text() {
    let c = seeds();
    let a = by_prefix(&c, "004");
    assert_eq!(a.source.as_deref(), Some("Shafaq News"));
    assert!(a.paragraphs[0].starts_with("Harakat Al-Nujaba armed group"));
    assert!(!body(a).contains("date 2024"));
}

#[test]
fn headline_standfirst_credit_and_chrome() {
    let c = seeds();
    let a = by_prefix(&c, "002");
    assert_eq!(
        a.title,
        "Pro-Iran militias in Iraq threaten to resume attacks on US troops"
    );
    assert_eq!(
        a.subtitle.as_deref(),
        Some("Armed groups declare end to truce, vow to target American forces once again.")
    );
    let text = body(a);
    assert!(!text.contains("Photo") && !text.contains("Shutterstock"));
    assert!(
        text.ends_with("their operations against American troops."),
        "{text}"
    );
    for chrome in [
        "Comments",
        "inflammatory",
        "Netanyahu",
        "JFeed Staff",
        "App Store",
        "Google Play",
        "20.11.24",
    ] {
        assert!(!text.contains(chrome), "{chrome} left in the body");
    }
    assert!(a.paragraphs[0].starts_with("Iranian-backed militias in Iraq"));
}

#[test]
fn inline_html_becomes_clean_paragraphs_with_seven_links() {
    let c = seeds();
    let a = by_prefix(&c, "000");
    let text = body(a);
    for tag in ["<a", "</a>", "<i>", "</i>", "href", "&amp;", "&nbsp;"] {
        assert!(!text.contains(tag), "{tag} left in the text");
    }
    assert_eq!(a.links.len(), 7);
    assert!(
        a.links
            .iter()
            .all(|l| l.starts_with("https://www.thenationalnews.com/"))
    );
    for n in 1..=7 {
        assert!(text.contains(&format!("[{n}]")), "reference [{n}] missing");
    }
    // The file is one wall of text; it must read as several paragraphs of whole sentences.
    assert!(a.paragraphs.len() >= 5, "{}", a.paragraphs.len());
    for p in &a.paragraphs {
        assert!(p.len() < 1000);
        assert!(
            p.ends_with(['.', '”', '"', '”']),
            "paragraph cut mid-sentence: {p}"
        );
    }
    assert_eq!(a.source.as_deref(), Some("The National"));
}

#[test]
fn single_newline_paragraphs_are_kept() {
    let c = seeds();
    let a = by_prefix(&c, "003");
    assert_eq!(a.paragraphs.len(), 13);
    assert!(
        a.title
            .starts_with("The Iraqi Nujaba Movement announced on Tuesday")
    );
    assert!(a.title.chars().count() <= 90);
}

#[test]
fn every_article_has_a_title_and_counted_words() {
    for a in &seeds().articles {
        assert!(!a.title.is_empty());
        assert!(a.words > 100, "{} has {} words", a.id, a.words);
    }
}

#[test]
fn show_snapshots() {
    let c = seeds();
    for (i, a) in c.articles.iter().enumerate() {
        insta::assert_snapshot!(
            format!("show_{}", a.id),
            dossier::report::show_text(&c, i, 80)
        );
    }
}
