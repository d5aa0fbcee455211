//! Headline, kicker and standfirst at the top of a text article.

use super::rules::RULES;
use super::text::{ends_sentence, sentences};

/// What the top of an article held.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// How many leading paragraphs the head used up.
    pub consumed: usize,
}

const HEADLINE_WORDS: usize = 20;
const STANDFIRST_WORDS: usize = 30;

fn is_headline_like(p: &str) -> bool {
    let words = p.split_whitespace().count();
    (1..=HEADLINE_WORDS).contains(&words) && p.len() <= 200 && !ends_sentence(p)
        || p.ends_with(['?', '!']) && words <= HEADLINE_WORDS
}

fn is_standfirst_like(p: &str) -> bool {
    p.split_whitespace().count() <= STANDFIRST_WORDS && ends_sentence(p) && sentences(p).len() == 1
}

/// A news lead reports who said what, and when; under a headline it is body, not a dek.
fn is_lede(p: &str) -> bool {
    RULES.lede_cues.is_match(p)
}

/// Finds the headline (and a standfirst under it) among the first paragraphs.
///
/// Patterns: `headline`, `headline / dek`, `kicker / headline / standfirst.`,
/// `headline / standfirst.`. A head needs body text after it.
pub fn find(paragraphs: &[String]) -> Head {
    let lines: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let leading = lines
        .iter()
        .take(3)
        .take_while(|p| is_headline_like(p))
        .count();
    if leading == 0 || leading >= lines.len() {
        return Head::default();
    }
    let standfirst = lines
        .get(leading)
        .filter(|p| is_standfirst_like(p) && !is_lede(p) && lines.len() > leading + 1)
        .filter(|p| {
            lines
                .get(leading + 1)
                .is_some_and(|next| next.len() > p.len())
        });
    // A section label ("Biz & IT —") is never the headline, above it or below.
    let heads: Vec<&str> = lines[..leading]
        .iter()
        .copied()
        .filter(|l| !is_label(l))
        .collect();
    let Some(&first) = heads.first() else {
        return Head::default();
    };
    match (heads.len(), standfirst) {
        (1, s) => Head {
            title: Some(first.to_string()),
            subtitle: s.map(|s| s.to_string()),
            consumed: leading + usize::from(s.is_some()),
        },
        // A kicker above the headline: the headline is the line right above the standfirst.
        (n, Some(s)) => Head {
            title: Some(heads[n - 1].to_string()),
            subtitle: Some(s.to_string()),
            consumed: leading + 1,
        },
        (_, None) => Head {
            title: Some(first.to_string()),
            subtitle: Some(heads[1].to_string()),
            consumed: if leading > 2 && heads.len() == leading {
                2
            } else {
                leading
            },
        },
    }
}

/// A short line ending in a dash, a colon or a bar labels a section: "Biz & IT —", "World |".
fn is_label(line: &str) -> bool {
    let t = line.trim_end();
    t.split_whitespace().count() <= 5 && t.ends_with(['—', '–', '-', ':', '|'])
}

/// A standfirst opening the body of an article whose title is already known.
///
/// A line without a final stop always qualifies; a one-sentence line only on whole pages
/// (`sentence_ok`), where a standfirst under the headline is the norm.
pub fn standfirst(paragraphs: &[String], sentence_ok: bool) -> Option<String> {
    let (first, next) = (paragraphs.first()?, paragraphs.get(1)?);
    let looks = is_headline_like(first) || sentence_ok && is_standfirst_like(first);
    (looks && next.len() > first.len() && !is_box_label(first)).then(|| first.clone())
}

/// A box's label ("STORY HIGHLIGHTS", "Key points:"): a known kicker, or two or three words in
/// capitals; it heads a list, it does not sum up the story.
fn is_box_label(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':');
    let words = t.split_whitespace().count();
    // Scripts without case (Chinese, Arabic, Thai) have no capitals to shout with.
    let caps = t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase);
    RULES.kickers.contains(&t.to_lowercase()) || caps && words <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    const BODY: &str = "The city council voted on Tuesday to approve the new harbour plan after months of debate among residents and business owners.";

    #[test]
    fn a_box_label_is_no_standfirst() {
        let body = "The storm moved east overnight and most airports reopened by the morning.";
        for label in ["STORY HIGHLIGHTS", "Key points:"] {
            assert_eq!(standfirst(&v(&[label, body]), true), None, "{label}");
        }
        let dek = "Forecasters expect a quiet holiday";
        assert_eq!(standfirst(&v(&[dek, body]), true).as_deref(), Some(dek));
        let dek = "東京都が新たな防災計画を発表 首都直下地震に備え";
        let body = "東京都は十日、首都直下地震に備えた新たな防災計画を発表した。避難所の数を増やし、備蓄を見直す。";
        assert_eq!(standfirst(&v(&[dek, body]), true).as_deref(), Some(dek));
    }

    #[test]
    fn headline_then_body() {
        let h = find(&v(&["Council approves harbour plan", BODY]));
        assert_eq!(h.title.as_deref(), Some("Council approves harbour plan"));
        assert_eq!((h.subtitle, h.consumed), (None, 1));
    }

    #[test]
    fn kicker_headline_standfirst() {
        let h = find(&v(&[
            "Harbour, at last",
            "Council approves the harbour plan after a long fight",
            "Residents win a vote on the new quay.",
            BODY,
        ]));
        assert_eq!(
            h.title.as_deref(),
            Some("Council approves the harbour plan after a long fight")
        );
        assert_eq!(
            h.subtitle.as_deref(),
            Some("Residents win a vote on the new quay.")
        );
        assert_eq!(h.consumed, 3);
    }

    #[test]
    fn a_section_label_under_the_headline_is_no_headline() {
        let h = find(&v(&[
            "Just-released exploit makes it easy to crash game servers",
            "Biz & IT —",
            "Two-year-old bug exposes thousands of servers to attack.",
            BODY,
        ]));
        assert_eq!(
            h.title.as_deref(),
            Some("Just-released exploit makes it easy to crash game servers")
        );
        assert_eq!(
            h.subtitle.as_deref(),
            Some("Two-year-old bug exposes thousands of servers to attack.")
        );
        assert_eq!(h.consumed, 3);
        let h = find(&v(&["World |", "Ferries halted", BODY]));
        assert_eq!(
            (h.title.as_deref(), h.consumed),
            (Some("Ferries halted"), 2)
        );
    }

    #[test]
    fn headline_and_dek_without_stop() {
        let h = find(&v(&[
            "Storm hits coast",
            "Thousands without power as winds reach 100mph",
            BODY,
        ]));
        assert_eq!(h.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(
            h.subtitle.as_deref(),
            Some("Thousands without power as winds reach 100mph")
        );
    }

    #[test]
    fn standfirst_under_a_known_title() {
        let dek = "Minister says the measure will protect tenants";
        assert_eq!(standfirst(&v(&[dek, BODY]), false).as_deref(), Some(dek));
        let lede = "The port reopened on Wednesday.";
        assert_eq!(standfirst(&v(&[lede, BODY]), false), None);
        assert_eq!(standfirst(&v(&[lede, BODY]), true).as_deref(), Some(lede));
        assert_eq!(standfirst(&v(&[dek]), true), None);
    }

    #[test]
    fn a_lead_paragraph_under_the_headline_stays_body() {
        let lede = "Marit Lunde resigned as harbour director on Monday, the council said.";
        let h = find(&v(&["Harbour director resigns", lede, BODY]));
        assert_eq!((h.subtitle, h.consumed), (None, 1));
        let dek = "Armed groups declare end to truce, vow to target forces once again.";
        let h = find(&v(&["Militias end truce", dek, BODY]));
        assert_eq!(h.subtitle.as_deref(), Some(dek));
    }

    #[test]
    fn body_first_means_no_headline() {
        assert_eq!(find(&v(&[BODY, BODY])), Head::default());
        assert_eq!(find(&v(&["Only a line"])), Head::default());
    }

    #[test]
    fn a_short_first_sentence_is_not_taken_for_a_standfirst_before_a_shorter_paragraph() {
        let h = find(&v(&[
            "Bridge opens",
            "The bridge opened on Friday.",
            "It cost a lot.",
        ]));
        assert_eq!(h.subtitle, None);
        assert_eq!(h.consumed, 1);
    }
}
