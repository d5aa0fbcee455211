//! Removing site chrome: structural runs of short lines at the edges, phrases anywhere, credits.

use std::sync::LazyLock;

use regex::Regex;

use super::rules::RULES;
use super::text::{ends_sentence, strip_refs};

/// How a line looks from the outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Certainly chrome: a known phrase, a byline/time line, a bare counter.
    Chrome,
    /// Short and headline-like: chrome only next to other chrome.
    Short,
    /// Article text.
    Body,
}

static BYLINE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    // "Name, Desk | 21:09", "| Name | 20.11.24", "By Name - 3 hours ago", a bare time or date.
    regex::RegexBuilder::new(
        r"(?ix)
        ^\|?\s*[^|]{0,80}\|\s*(\d{1,2}[:.]\d{2}([:.]\d{2,4})?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$
      | ^(by\s+)?[\p{L}.' -]{2,60}[-–—,|]\s*\d{1,2}\s+(minutes?|hours?|days?)\s+ago$
      | ^(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$
      | ^(updated|published|posted)\s*:?\s.{0,40}\d.{0,30}$
      | ^\d+\s+(minutes?|hours?|days?)\s+ago$
    ",
    )
    // Bounded runs of any letter make a big automaton: room to keep it on the fast engine.
    .dfa_size_limit(32 << 20)
    .build()
    .expect("static regex")
});
/// A row of results or a ranked list (`7. Yuka Suzuki (JPN) 2:21:40`, `Moseti — 2nd — 2:17:48`):
/// story data, not a related headline, even in the short lines that end an article.
static DATA_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}[.)]\s+\p{Lu}| · |\b\d{1,2}:\d{2}:\d{2}\b|[—–-]\s*\d+(st|nd|rd|th)\b")
        .expect("static regex")
});
static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?\s*\d{1,6}\s*\|?$").expect("static regex"));

/// Longest line (in words) that still reads as a headline or label.
const SHORT_WORDS: usize = 16;

/// Chrome lines are short; longer paragraphs skip the (unicode-aware, slower) patterns.
const CHROME_MAX_BYTES: usize = 400;

/// Chrome lines are short in words too: a paragraph of a story written without spaces may
/// fit in the bytes above and still end in "(c)AFP".
const CHROME_MAX_WORDS: usize = 40;

fn is_chrome(line: &str) -> bool {
    line.len() <= CHROME_MAX_BYTES
        && crate::article::count_words(line) <= CHROME_MAX_WORDS
        && (RULES.edge.is_match(line)
            || RULES.anywhere.is_match(line)
            || BYLINE_TIME.is_match(line)
            || COUNTER.is_match(line))
}

fn classify(line: &str) -> Line {
    let line = &*strip_refs(line);
    if is_chrome(line) {
        return Line::Chrome;
    }
    let words = line.split_whitespace().count();
    if words <= SHORT_WORDS && line.len() <= 140 && !ends_sentence(line) {
        Line::Short
    } else {
        Line::Body
    }
}

/// Whether a line is a photo credit or caption.
pub fn is_credit(line: &str) -> bool {
    line.split_whitespace().count() <= 40 && RULES.credits.is_match(line)
}

/// Paragraphs without chrome, plus the chrome lines removed (they may name the source).
pub fn strip(paragraphs: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut removed = Vec::new();
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let plain = strip_refs(&p);
        let short = plain.len() <= CHROME_MAX_BYTES;
        if short && (RULES.anywhere.is_match(&plain) || is_credit(&plain)) {
            removed.push(p);
        } else {
            kept.push(p);
        }
    }
    let classes: Vec<Line> = kept.iter().map(|p| classify(p)).collect();

    let n = kept.len();
    let mut keep = vec![true; n];
    let first_body = classes.iter().position(|c| *c == Line::Body);
    let last_body = classes.iter().rposition(|c| *c == Line::Body);
    if let (Some(first), Some(last)) = (first_body, last_body) {
        // Head: chrome before the body goes; short lines stay, they may be the headline.
        for (k, class) in keep.iter_mut().zip(&classes).take(first) {
            *k = *class != Line::Chrome;
        }
        // Tail: the run after the last body paragraph goes whole if it holds any chrome,
        // but for tables of results (rows and their headings) before the first chrome line.
        if let Some(chrome) = classes[last + 1..].iter().position(|c| *c == Line::Chrome) {
            let before = &kept[last + 1..last + 1 + chrome];
            // Two rows at least: one time or ordinal in a related headline is no table.
            let table = before.iter().filter(|p| DATA_ROW.is_match(p)).count() >= 2;
            let rows = before
                .iter()
                .rposition(|p| table && DATA_ROW.is_match(p))
                .map_or(0, |r| r + 1);
            keep[last + 1 + rows..].fill(false);
        }
    } else {
        // No body at all: keep the short lines between leading chrome and the next chrome.
        let start = classes.iter().take_while(|c| **c == Line::Chrome).count();
        let end = classes[start..]
            .iter()
            .position(|c| *c == Line::Chrome)
            .map_or(n, |i| start + i);
        for (i, k) in keep.iter_mut().enumerate() {
            *k = (start..end).contains(&i);
        }
    }
    let (body, chrome): (Vec<_>, Vec<_>) = kept.into_iter().zip(keep).partition(|(_, k)| *k);
    removed.extend(chrome.into_iter().map(|(p, _)| p));
    (body.into_iter().map(|(p, _)| p).collect(), removed)
}

/// A byline among the removed chrome lines (`By Anna Berg and Sean Byrne`).
pub fn author_from_chrome(removed: &[String]) -> Option<String> {
    removed.iter().find_map(|line| {
        RULES.author_cues.iter().find_map(|re| {
            re.captures(line)
                .and_then(|c| c.name("author"))
                .map(|m| m.as_str().trim().to_string())
        })
    })
}

/// The outlet a removed byline names after its author (`By Jane Roe, BBC News, Manila`).
pub fn source_from_byline(removed: &[String]) -> Option<String> {
    removed.iter().find_map(|line| {
        RULES.byline_outlet_cues.iter().find_map(|re| {
            let outlet = re.captures(line.trim())?.name("outlet")?;
            RULES.outlet_named(outlet.as_str())
        })
    })
}

/// A source named by a removed chrome line (`Get the Example News app`).
pub fn source_from_chrome(removed: &[String]) -> Option<String> {
    removed.iter().find_map(|line| {
        RULES.source_cues.iter().find_map(|re| {
            re.captures(line)
                .and_then(|c| c.name("source"))
                .map(|m| m.as_str().trim().to_string())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn related_headlines_tail_is_removed_structurally() {
        let input = lines(
            "The mayor opened the new bridge on Friday, ending two years of detours for commuters.\n\
             She said the project came in under budget.\n\
             12 Comments\n\
             Harbour plan divides the council\n\
             Ferry fares to rise in spring, operator says\n\
             Jane Roe, City Desk | 14:02\n\
             Storm warning for the weekend\n\
             3\n\
             | John Doe | 19.11.24\n\
             Get the Harbour Times App",
        );
        let (kept, removed) = strip(input);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[1].ends_with("under budget."));
        assert_eq!(
            source_from_chrome(&removed).as_deref(),
            Some("Harbour Times")
        );
    }

    #[test]
    fn other_languages_related_headings_end_the_story_and_prose_stays() {
        let story = "Die Polizei hat am Freitagabend einen 34 Jahre alten Mann festgenommen, der \
                     mehrere Autos beschädigt haben soll, wie ein Sprecher mitteilte.";
        for tail in [
            "Related articles",
            "Das könnte Sie auch interessieren:",
            "Lesen Sie auch: Neue Blitzer in der Innenstadt",
            "À lire aussi",
            "Noticias relacionadas",
            "Leggi anche: Sciopero dei treni venerdì",
        ] {
            let input = lines(&format!("{story}\n{tail}\nNeue Blitzer in der Innenstadt"));
            let (kept, _) = strip(input);
            assert_eq!(kept, [story], "{tail}");
        }
        for last in [
            "Kommentieren wollte die Polizei das Motiv nicht.",
            "Leggi anche la nota integrale dei sindacati.",
            "„Wir nutzen Cookies nur mit Einwilligung“, sagte eine Sprecherin.",
        ] {
            let input = lines(&format!("{story}\n{last}"));
            let (kept, _) = strip(input);
            assert_eq!(kept.len(), 2, "{last}: {kept:?}");
        }
    }

    #[test]
    fn a_short_last_line_without_chrome_stays() {
        let input = lines(
            "The talks resumed in Geneva on Monday after a pause of three weeks, officials said.\nWhat comes next",
        );
        assert_eq!(strip(input.clone()).0, input);
    }

    #[test]
    fn comment_policy_and_app_links_are_chrome() {
        for line in [
            "Comments are moderated under our community guidelines.",
            "Leave a comment",
            "View all comments (12)",
            "Please read our community guidelines before posting.",
            "0 Comments",
            "Do not send comments that include insults.",
            "Download on the App Store",
            "Get it on Google Play",
            "Sign up for our daily newsletter",
            "© 2024 Example Media. All rights reserved.",
            "Advertisement",
            "Share this article",
            "Reporting by Anna Berg; Editing by Tom Lee",
        ] {
            assert_eq!(classify(line), Line::Chrome, "{line}");
        }
    }

    #[test]
    fn advertisement_in_the_middle_is_removed() {
        let input = lines(
            "First long paragraph of the story goes here and ends.\nAdvertisement\nSecond long paragraph of the story goes here and ends.",
        );
        assert_eq!(strip(input).0.len(), 2);
    }

    #[test]
    fn captions_with_credits_are_dropped() {
        assert!(is_credit(
            "Flags at the border crossing (Photo: Jane Roe/ Shutterstock)"
        ));
        assert!(is_credit("Photo: Jane Roe"));
        assert!(is_credit("The harbour at dawn. Jane Roe/Getty Images"));
        assert!(!is_credit(
            "The photo was taken in 2019 by a tourist, police said."
        ));
    }

    #[test]
    fn leading_chrome_goes_but_a_headline_stays() {
        let input = lines(
            "Skip to content\nBridge reopens after two years\nThe mayor opened the new bridge on Friday, ending two years of detours.",
        );
        let (kept, _) = strip(input);
        assert_eq!(kept[0], "Bridge reopens after two years");
    }

    #[test]
    fn a_story_about_guidelines_is_not_chrome() {
        let line = "The regulator said the app had broken its own community guidelines.";
        assert_eq!(classify(line), Line::Body);
    }

    #[test]
    fn a_long_paragraph_without_spaces_ending_in_a_credit_is_story() {
        let line = "政府はボコ・ハラムが劣勢にあると繰り返し主張しているが、あるアナリストは\
            「ボコ・ハラムはナイジェリア北東部で大量の死傷者を出す攻撃を行う意図と作戦能力を\
            維持している」と指摘している。(c)AFP/Aminu ABUBAKAR";
        assert_eq!(classify(line), Line::Body);
        assert_eq!(classify("(c) AFP 2024"), Line::Chrome);
    }

    #[test]
    fn body_dates_are_not_chrome() {
        assert_eq!(
            classify(
                "The ceasefire, agreed on 12.03.24, held until the weekend when fighting resumed."
            ),
            Line::Body
        );
    }

    #[test]
    fn results_rows_before_a_related_tail_stay() {
        let input = lines(
            "Takele won the race in 2:03:11, ahead of Ngetich and Kebede in a sprint finish.\n\
             Men\n\
             1. Tadese Takele (ETH) 2:03:11\n\
             2. Vincent Ngetich (KEN) 2:03:20\n\
             (Kyodo)\n\
             Related coverage:\n\
             Osaka Women's Marathon: Maeda sets Japanese record",
        );
        let (body, removed) = strip(input);
        assert_eq!(body.len(), 4, "{body:?}");
        assert!(body[3].starts_with("2. Vincent"));
        assert_eq!(removed.len(), 3, "{removed:?}");
    }

    #[test]
    fn a_related_headline_with_a_time_is_no_results_table() {
        let input = lines(
            "The council approved the budget on Monday after a long debate over the harbour.\n\
             Man arrested after 3rd stabbing in a week\n\
             Markets open at 9:30 as traders eye Fed\n\
             © 2025 Example News",
        );
        let (body, _) = strip(input);
        assert_eq!(body.len(), 1, "{body:?}");
    }

    #[test]
    fn wire_credits_sign_offs_and_read_more_tails_go() {
        let input = lines(
            "Grab agreed to buy GoTo on Monday in an all-share deal, the two firms said.\n\
             (Reporting by Fanny Potkin; Editing by Edwina Gibbs)\n\
             — With assistance from Norman Harsono\n\
             Our Standards: The Thomson Reuters Trust Principles.\n\
             Read more from Bloomberg:\n\
             Danantara Shows Its Muscle in Prabowo's Indonesia",
        );
        let (body, _) = strip(input);
        assert_eq!(body.len(), 1, "{body:?}");
        // In the middle of a story too.
        let (body, _) = strip(lines(
            "Grab agreed to buy GoTo on Monday in an all-share deal, the two firms said.\n\
             (Kyodo)\n\
             — With assistance from Norman Harsono\n\
             (Reporting by Fanny Potkin; Editing by Edwina Gibbs)\n\
             Shares of both companies rose in early trade in Jakarta and New York on the news.",
        ));
        assert_eq!(body.len(), 2, "{body:?}");
        let (body, removed) = strip(lines(
            "ERWIDA MAULIA and KENTARO IWAMOTO, Nikkei staff writers\n\
             Indonesia's president on Tuesday hailed the merger of the two firms as a victory.",
        ));
        assert_eq!(body.len(), 1, "{body:?}");
        assert_eq!(
            author_from_chrome(&removed).as_deref(),
            Some("ERWIDA MAULIA and KENTARO IWAMOTO")
        );
        for credit in [
            "Photographer: Dimas Ardian/Bloomberg",
            "Photo | Courtesy",
            "[Photo: A driver waits in Jakarta. REUTERS/Ajeng Dinar Ulfiana]",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
    }

    #[test]
    fn a_byline_names_its_outlet_only_when_it_is_a_known_one() {
        let bbc = lines("By Virma Simonette, BBC News, Manila");
        assert_eq!(source_from_byline(&bbc).as_deref(), Some("BBC"));
        let guardian = lines("By Rebecca Ratcliffe | The Guardian");
        assert_eq!(
            source_from_byline(&guardian).as_deref(),
            Some("The Guardian")
        );
        let title = lines("By Jane Roe, Chief Correspondent, Nairobi");
        assert_eq!(source_from_byline(&title), None);
        assert_eq!(source_from_byline(&lines("BBC News, Manila")), None);
    }
}
