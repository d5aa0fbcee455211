//! Quotes and the people they are attributed to.
//!
//! News English attributes quotes in a few fixed shapes: `"...," Al Lami said`,
//! `"...," said Al Lami`, `Al Lami told The National: "..."`, `"...," he added` (the last
//! named speaker), and reported speech `..., according to Iraqi sources`. Quotes of fewer than
//! four words are scare quotes or titles ("The National"), not speech.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::text;
use crate::actors::ActorId;
use crate::article::Article;

/// A quote or a piece of reported speech in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Who said it, as the article writes it; None when the article does not say.
    pub speaker: Option<String>,
    /// The speaker as an actor of the corpus, when a recognised mention covers the name.
    pub actor: Option<ActorId>,
    /// The quoted words (for reported speech, the sentence).
    pub text: String,
    /// Paragraph of the article.
    pub paragraph: usize,
    /// Byte range of `text` in the paragraph.
    pub range: Range<usize>,
    /// Reported speech (`..., according to the police`): the article's words, not a quote.
    pub reported: bool,
}

/// Fewer words than this between quote marks is a scare quote or a title.
const MIN_WORDS: usize = 4;

/// A capitalised name of up to six words, allowing "al", "bin", "de"... particles.
const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep)\.?\s+)?\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:(?:al|el|bin|ibn|de|del|da|di|van|von|der|la|le)\s+)?\p{Lu}[\p{L}\p{M}'’\-]*){0,5}";
const VERBS: &str = r"said|says|told|tells|added|adds|stated|explained|noted|warned|wrote|declared|insisted|argued|stressed|emphasi[sz]ed|confirmed|announced|asked|replied|continued|recalled|mentioned|indicated|revealed|claimed|affirmed|reiterated|acknowledged|admitted|commented|remarked|vowed|urged|cautioned|promised|pointed out";
const PRONOUNS: &str = r"he|she|they|He|She|They";
/// A lowercase description of the speaker ("the official", "a senior government official").
const ROLE: &str = r"(?:the|a|an)\s+[a-z][a-z\-]*(?:['’]s)?(?:\s+[a-z][a-z\-]*){0,3}";

/// After a quote: `," Al Lami said`, `," he added`, `," the official said`.
static AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<who>{NAME}|{PRONOUNS}|{ROLE})(?:,[^,.!?]{{1,120}},)?\s+(?:{VERBS})\b"
    ))
    .expect("static regex")
});
/// After a quote: `," leader Mohammed Al Tamimi told`: a lowercase title before a full name.
static AFTER_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<title>(?:[a-z][a-z\-]*\s+){{1,2}})(?P<who>{NAME})(?:,[^,.!?]{{1,120}},)?\s+(?:{VERBS})\b"
    ))
    .expect("static regex")
});
/// After a quote: `," said Al Lami`.
static AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[\s,]*(?:{VERBS})\s+(?P<who>{NAME}|{ROLE})")).expect("static regex")
});
/// Before a quote: `Al Lami, a member of the council, told The National: "`.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<who>{NAME}|{PRONOUNS}|{ROLE})(?:,[^.!?]{{1,160}}?,)?\s+(?:{VERBS})\b[^.!?]{{0,80}}?[:,]\s*$"
    ))
    .expect("static regex")
});
/// A speaker named anywhere in running text (`Al-Lami mentioned that ...`): whom a later
/// `he added` refers to (a description, "the report said", is no one to refer to).
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<who>{NAME})(?:,[^,.!?]{{1,120}},)?\s+(?:{VERBS})\b"
    ))
    .expect("static regex")
});
/// Words that make an `according to` phrase a document or a sum, not a speaker.
static NOT_SPEAKERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    #[derive(serde::Deserialize, Default)]
    struct File {
        not_speakers: Vec<String>,
    }
    let file: File = toml::from_str(include_str!("../../assets/quotes.toml")).unwrap_or_default();
    file.not_speakers
});

/// Whether the last word of a reported-speech phrase names a document ("a statement").
fn is_document(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .next_back()
        .is_some_and(|w| NOT_SPEAKERS.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Reported speech: `according to Iraqi sources`.
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[Aa]ccording to (?P<who>(?:the\s+)?{NAME}(?:\s+[a-z]+)?|{ROLE})"
    ))
    .expect("static regex")
});

/// `according to a statement from the Health Ministry`: the document's author speaks.
static ACCORDING_DOC: LazyLock<Regex> = LazyLock::new(|| {
    let docs = NOT_SPEAKERS
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"\b[Aa]ccording to (?:(?:a|an|the)\s+)?(?:[\p{{L}}\-]+\s+){{0,2}}?(?:{docs})\s+(?:from|by|of|issued by)\s+(?P<who>(?:the\s+)?{NAME}(?:\s+[a-z]+)?|{ROLE})"
    ))
    .expect("static regex")
});

/// Every quote of the article, in reading order, with its speaker when the text names one.
pub fn quotes(article: &Article) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut last_named: Option<(String, Option<ActorId>)> = None;
    for (p, para) in article.paragraphs.iter().enumerate() {
        let mut found: Vec<Quote> = Vec::new();
        let spans = quote_spans(para);
        let named_at = |r: &Range<usize>| (clean_name(&para[r.clone()]), actor_at(article, p, r));
        let in_quote = |i: usize| spans.iter().any(|(o, _)| o.contains(&i));
        // Speakers the text names outside quotes, in reading order.
        let mut subjects = SUBJECT
            .captures_iter(para)
            .filter_map(|c| c.name("who").map(|m| m.range()))
            .filter(|r| !in_quote(r.start) && !is_pronoun(&para[r.clone()]))
            // A name, not a sentence's opening word ("It said", "Officials said"): two words
            // or more, or an actor the text names.
            .filter(|r| {
                let name = clean_name(&para[r.clone()]);
                let words = name.split_whitespace().count();
                let opener = name
                    .split_whitespace()
                    .next()
                    .is_some_and(text::is_stopword);
                !opener && (words >= 2 || actor_at(article, p, r).is_some())
            })
            .peekable();
        // The speaker of the paragraph's last attributed quote: an unattributed quote right
        // after it goes on in the same voice.
        let mut voice: Option<(String, Option<ActorId>)> = None;
        for (outer, inner) in spans.iter().cloned() {
            while let Some(r) = subjects.next_if(|r| r.start < outer.start) {
                last_named = Some(named_at(&r));
                // `Arteta said Eze would "bring..."`: a speaker named since the last quote
                // speaks this one, not the voice before.
                voice = Some(named_at(&r));
            }
            let text = para[inner.clone()].trim_end_matches([',', ' ']);
            if text::words(text).count() < MIN_WORDS {
                continue;
            }
            let range = inner.start..inner.start + text.len();
            let who = speaker_after(para, outer.end).or_else(|| speaker_before(para, outer.start));
            let (speaker, actor) = match who {
                Some(r) if is_pronoun(&para[r.clone()]) => unzip(&last_named),
                Some(r) => {
                    let name = clean_name(&para[r.clone()]);
                    let actor = actor_at(article, p, &r);
                    last_named = Some((name.clone(), actor));
                    (Some(name), actor)
                }
                None => unzip(&voice),
            };
            voice = speaker.clone().map(|s| (s, actor));
            found.push(Quote {
                speaker,
                actor,
                text: text.to_string(),
                paragraph: p,
                range,
                reported: false,
            });
        }
        // Named after the paragraph's last quote: whom the next paragraph's "he" means.
        if let Some(r) = subjects.last() {
            last_named = Some(named_at(&r));
        }
        for c in ACCORDING.captures_iter(para) {
            let (Some(all), Some(who)) = (c.get(0), c.name("who")) else {
                continue;
            };
            let source = ACCORDING_DOC
                .captures_at(para, all.start())
                .filter(|d| d.get(0).is_some_and(|m| m.start() == all.start()))
                .and_then(|d| d.name("who"));
            let who = source.unwrap_or(who);
            // Reported speech inside a quote is the speaker's, not the article's.
            if found.iter().any(|q| q.range.contains(&all.start())) {
                continue;
            }
            let sentence = text::sentences(para)
                .into_iter()
                .find(|s| s.contains(&all.start()))
                .unwrap_or(0..para.len());
            let mut r = who.range();
            // The name ends at its last capitalised word; a lowercase word after it is a
            // preposition the pattern took ("the Health Ministry in Gaza"), dropped, or the
            // noun the name describes ("Iraqi sources": the sources speak, not Iraq).
            let name_end = para[r.clone()]
                .split_whitespace()
                .rev()
                .find(|w| w.starts_with(char::is_uppercase))
                .and_then(|w| {
                    let at = r.start + para[r.clone()].rfind(w)?;
                    Some(at + w.len())
                })
                .unwrap_or(r.end);
            let tail = para[name_end..r.end].trim();
            let described = !tail.is_empty() && !text::is_stopword(tail);
            if !described {
                r.end = name_end;
            }
            // "according to Bloomberg calculations": figures, not speech.
            if source.is_none() && is_document(&para[who.range()]) {
                continue;
            }
            let actor = if described {
                None
            } else {
                mention_ending_at(article, p, r.end)
            };
            found.push(Quote {
                speaker: Some(clean_name(&para[r.clone()])),
                actor,
                text: para[sentence.clone()].to_string(),
                paragraph: p,
                range: sentence,
                reported: true,
            });
        }
        found.sort_by_key(|q| q.range.start);
        out.extend(found);
    }
    out
}

/// Quote spans of a paragraph: (with the marks, inside the marks). Curly quotes pair as
/// opening and closing; straight ones alternate. An unclosed quote (one running on into the
/// next paragraph) is left out.
fn quote_spans(para: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in para.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some((i, i + c.len_utf8())),
            ('”' | '"', Some((start, inner))) => {
                out.push((start..i + c.len_utf8(), inner..i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The speaker named right after a quote's closing mark, as a byte range of the paragraph.
fn speaker_after(para: &str, from: usize) -> Option<Range<usize>> {
    let rest = para.get(from..)?;
    let c = AFTER_SUBJECT
        .captures(rest)
        .or_else(|| AFTER_VERB.captures(rest))
        .or_else(|| {
            // A title before a name of two words or more; "officials in Baghdad said" names
            // a place, not a speaker.
            let c = AFTER_TITLED.captures(rest)?;
            let title = c.name("title")?.as_str();
            let full = c.name("who")?.as_str().split_whitespace().count() >= 2;
            let plain = title.split_whitespace().all(|w| !text::is_stopword(w));
            (full && plain).then_some(c)
        })?;
    let who = c.name("who")?;
    Some(from + who.start()..from + who.end())
}

/// The speaker of `Name said: "` in the sentence that leads up to a quote.
fn speaker_before(para: &str, to: usize) -> Option<Range<usize>> {
    let head = para.get(..to)?;
    let start = text::sentences(head)
        .last()
        .map_or(0, |s| s.start)
        .min(head.len());
    let lead = &head[start..];
    let c = BEFORE.captures(lead)?;
    let who = c.name("who")?;
    Some(start + who.start()..start + who.end())
}

/// A remembered speaker as a quote's (speaker, actor).
fn unzip(who: &Option<(String, Option<ActorId>)>) -> (Option<String>, Option<ActorId>) {
    match who {
        Some((name, actor)) => (Some(name.clone()), *actor),
        None => (None, None),
    }
}

fn is_pronoun(s: &str) -> bool {
    matches!(s, "he" | "she" | "they" | "He" | "She" | "They")
}

/// Drops a leading capitalised function word a name run swallowed ("Then Smith" -> "Smith").
fn clean_name(s: &str) -> String {
    let s = s.trim();
    match s.split_once(char::is_whitespace) {
        Some((first, rest))
            if text::is_stopword(first) && first.chars().next().is_some_and(char::is_uppercase) =>
        {
            rest.trim().to_string()
        }
        _ => s.to_string(),
    }
}

/// The actor of the mention of paragraph `p` that ends where a speaker's name ends
/// ("Iraqi Prime Minister Mohammed Al Sudani" is Al Sudani, not Iraq).
fn mention_ending_at(article: &Article, p: usize, end: usize) -> Option<ActorId> {
    article
        .mentions
        .iter()
        .find(|m| m.paragraph == p && m.end == end)
        .map(|m| m.actor)
}

/// The actor whose mention overlaps `range` of paragraph `p`: the last one, since a name is
/// preceded by what describes it ("Cebu Governor Pamela Baricuatro" is the governor).
fn actor_at(article: &Article, p: usize, range: &Range<usize>) -> Option<ActorId> {
    article
        .mentions
        .iter()
        .filter(|m| m.paragraph == p && m.start < range.end && range.start < m.end)
        .max_by_key(|m| m.start)
        .map(|m| m.actor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Mention;

    fn art(text: &str) -> Article {
        Article {
            paragraphs: text.split("\n\n").map(String::from).collect(),
            ..Article::default()
        }
    }

    /// `text` as an article whose one mention, of actor `actor`, is the first `name`.
    fn with_mention(text: &str, name: &str, actor: ActorId) -> Article {
        let mut a = art(text);
        let (paragraph, start) = a
            .paragraphs
            .iter()
            .enumerate()
            .find_map(|(p, t)| t.find(name).map(|s| (p, s)))
            .expect("name in text");
        a.mentions = vec![Mention {
            actor,
            paragraph,
            start,
            end: start + name.len(),
        }];
        a
    }

    fn pairs(a: &Article) -> Vec<(Option<String>, String)> {
        quotes(a).into_iter().map(|q| (q.speaker, q.text)).collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let a = art("“These discussions are a mere lie and illusion,” Mohammed Al Tamimi said.");
        assert_eq!(
            pairs(&a),
            [(
                Some("Mohammed Al Tamimi".to_string()),
                "These discussions are a mere lie and illusion".to_string()
            )]
        );
        let b = art("\"We will rebuild every house,\" said Governor Maria Lopez on Monday.");
        assert_eq!(pairs(&b)[0].0.as_deref(), Some("Governor Maria Lopez"));
    }

    #[test]
    fn speaker_before_the_quote_with_an_apposition_and_a_title_in_quotes() {
        let a = art(
            "Haider Al-Lami, a member of the Political Council of the Nujaba Movement, told \
             “The National” newspaper: “The resistance factions in Iraq have ended this truce.”",
        );
        let got = pairs(&a);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0.as_deref(), Some("Haider Al-Lami"));
        assert_eq!(
            got[0].1,
            "The resistance factions in Iraq have ended this truce."
        );
    }

    #[test]
    fn pronouns_take_the_last_named_speaker_and_roles_are_kept() {
        let a = art(
            "“There are no genuine discussions regarding the withdrawal,” Al Tamimi said.\n\n\
             “These discussions are a mere lie,” he said.\n\n\
             “We had almost finished everything,” the official said.",
        );
        let got = pairs(&a);
        assert_eq!(got[1].0.as_deref(), Some("Al Tamimi"));
        assert_eq!(got[2].0.as_deref(), Some("the official"));
    }

    #[test]
    fn reported_speech_and_unattributed_quotes() {
        let a = art(
            "The coalition would end its mission by September 2025, according to Iraqi sources. \
             A sign read “no more war in our country” at the gate.",
        );
        let got = quotes(&a);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].speaker.as_deref(), Some("Iraqi sources"));
        assert!(got[0].text.starts_with("The coalition would end"));
        assert_eq!(got[1].speaker, None);
        let p = &a.paragraphs[0];
        for q in &got {
            assert_eq!(&p[q.range.clone()], q.text);
        }
    }

    #[test]
    fn a_speaker_named_in_running_text_and_a_quote_going_on_in_one_voice() {
        let a = with_mention(
            "“We had almost finished everything,” the official said. “So, it was difficult \
             to announce the agreement immediately.”\n\n\
             Al-Lami mentioned that some forces will remain until September.\n\n\
             He added, “Counterterrorism in Syria differs from that in Iraq.”",
            "Al-Lami",
            2,
        );
        let got = pairs(&a);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0.as_deref(), Some("the official"));
        assert_eq!(got[1].0.as_deref(), Some("the official"));
        assert_eq!(got[2].0.as_deref(), Some("Al-Lami"));
        let b = art(
            "“There will be no new truce,” leader Mohammed Al Tamimi told <i>The National</i> \
             on Wednesday. “These discussions are a mere lie and illusion,” he said. “There \
             are no genuine discussions regarding the withdrawal.”",
        );
        let got = pairs(&b);
        assert_eq!(got.len(), 3, "{got:?}");
        for (who, _) in &got {
            assert_eq!(who.as_deref(), Some("Mohammed Al Tamimi"), "{got:?}");
        }
        let c = art("“We will not pay for this,” officials in Baghdad said on Monday.");
        assert_eq!(pairs(&c)[0].0, None);
        // A sentence's opening word is nobody "he" could mean.
        let d = art("The ministry issued a statement. It said talks resume.\n\n\
                     “We will not stop the talks,” he said.");
        assert_eq!(pairs(&d)[0].0, None);
    }

    #[test]
    fn reported_speech_of_sources_is_not_their_country_speaking() {
        let a = with_mention(
            "The mission would end by September, according to Iraqi sources.",
            "Iraqi",
            3,
        );
        let got = quotes(&a);
        assert_eq!(got[0].speaker.as_deref(), Some("Iraqi sources"));
        assert_eq!(got[0].actor, None);
        let b = with_mention(
            "Five people died, according to the Health Ministry in Gaza.",
            "Health Ministry",
            4,
        );
        let got = quotes(&b);
        assert_eq!(got[0].speaker.as_deref(), Some("the Health Ministry"));
        assert_eq!(got[0].actor, Some(4));
    }

    #[test]
    fn the_name_after_a_description_speaks_and_a_new_subject_takes_the_voice() {
        let mut a = with_mention(
            "“The water rose so fast that people had no time,” Cebu Governor Pamela \
             Baricuatro told reporters.",
            "Cebu",
            1,
        );
        let at = a.paragraphs[0].find("Pamela").unwrap_or(0);
        a.mentions.push(Mention {
            actor: 2,
            paragraph: 0,
            start: at,
            end: at + "Pamela Baricuatro".len(),
        });
        assert_eq!(quotes(&a)[0].actor, Some(2));
        let b = art(
            "“It's a dream come true for me and my family,” Eze told the club website. \
             Manager Mikel Arteta said Eze would “bring creativity and magic to the squad”.",
        );
        let got = pairs(&b);
        assert_eq!(got[0].0.as_deref(), Some("Eze"));
        assert_eq!(got[1].0.as_deref(), Some("Manager Mikel Arteta"), "{got:?}");
        let d = art(
            "Son stands to gain $900 million, according to Bloomberg calculations. \
                     Prices rose, according to a joint statement.",
        );
        assert!(quotes(&d).is_empty(), "{:?}", quotes(&d));
        let e = art(
            "Rates will rise, according to a statement from the ministry. Jobs fell, \
             according to a report by Reuters.",
        );
        let got = pairs(&e);
        assert_eq!(got[0].0.as_deref(), Some("the ministry"), "{got:?}");
        assert_eq!(got[1].0.as_deref(), Some("Reuters"), "{got:?}");
        let c =
            art("At least 66 people have died, according to the country's civil defence office.");
        assert_eq!(
            pairs(&c)[0].0.as_deref(),
            Some("the country's civil defence office")
        );
    }

    #[test]
    fn short_scare_quotes_are_not_speech() {
        let a = art("He criticised what he called “procrastination and stalling” in the talks.");
        assert!(quotes(&a).is_empty());
    }

    #[test]
    fn a_mention_under_the_name_resolves_the_actor() {
        let a = with_mention(
            "“We will respond within days, not weeks,” Haider Al Lami said.",
            "Haider Al Lami",
            7,
        );
        assert_eq!(quotes(&a)[0].actor, Some(7));
    }
}
