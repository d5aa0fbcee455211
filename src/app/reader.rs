//! The reading view as wrapped, styled lines, built in `update` (never while drawing).
//!
//! Paragraphs are wrapped here rather than by the widget so that actor mentions and filter
//! matches (byte ranges in the paragraph) survive wrapping, and so that line counts are known
//! for scrolling and for `n`/`N` jumps.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::actors::{ActorId, ActorKind};
use crate::article::Article;
use crate::corpus::Corpus;
use crate::query::{self, Index, Query};
use crate::sanitize;
use crate::stories::{self, Stories};

/// What a piece of text is, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Subtitle,
    Meta,
    Body,
    Heading,
    Link,
    Actor(ActorKind),
}

/// A run of text with one look; `mark` is the filter match it is part of (an index into
/// [`ReaderView::matches`]), so the current match can be drawn apart from the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub tone: Tone,
    pub mark: Option<usize>,
}

/// One wrapped line of the reading view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RLine {
    pub segs: Vec<Seg>,
    /// The line is part of a passage no other report of the story carries.
    pub only_here: bool,
}

/// An article laid out for one width and one filter.
#[derive(Debug, Clone, Default)]
pub struct ReaderView {
    pub article: usize,
    pub width: usize,
    /// Filter generation the highlights were computed for.
    pub generation: u64,
    pub lines: Vec<RLine>,
    /// One entry per filter match in the text (not per wrapped line, so the count does not
    /// depend on the width): the line the match starts on, ascending.
    pub matches: Vec<usize>,
    /// First visible line.
    pub scroll: usize,
    /// Index into `matches` of the last match jumped to.
    pub current: Option<usize>,
    /// Other reports of the article's story.
    pub others: Vec<usize>,
    /// First line of each passage only this report carries, ascending.
    pub uniques: Vec<usize>,
}

impl ReaderView {
    /// `]`/`[`: scrolls to the next or previous passage only this report carries;
    /// `(passage number from 1, passages)`, or `None` when there is none.
    pub fn jump_unique(&mut self, forward: bool) -> Option<(usize, usize)> {
        let n = self.uniques.len();
        if n == 0 {
            return None;
        }
        let top = self.scroll;
        // The passage at the top of the view is the current one.
        let here = self.uniques.iter().position(|&l| l == top + 1 || l == top);
        let next = match (here, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => self.uniques.iter().position(|&l| l > top).unwrap_or(0),
            (None, false) => self.uniques.iter().rposition(|&l| l < top).unwrap_or(n - 1),
        };
        self.scroll = self.uniques[next].saturating_sub(1);
        Some((next + 1, n))
    }

    /// `n`/`N`: scrolls to the next or previous filter match, with one line of context above;
    /// `(match number from 1, matches)`, or `None` without matches. Steps from the current
    /// match while it is on screen (a view of `height` lines); otherwise (after scrolling,
    /// `g`/`G`, another article) starts from the first match at or below the top of the
    /// view (or the last above it, for `N`).
    pub fn jump(&mut self, forward: bool, height: usize) -> Option<(usize, usize)> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let top = self.scroll;
        let bottom = top + height.max(1);
        let lines = &self.matches;
        let on_screen = self
            .current
            .filter(|&c| lines.get(c).is_some_and(|&l| l >= top && l < bottom));
        let next = match (on_screen, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => lines.iter().position(|&l| l >= top).unwrap_or(0),
            (None, false) => lines.iter().rposition(|&l| l < top).unwrap_or(n - 1),
        };
        self.current = Some(next);
        self.scroll = lines[next].saturating_sub(1);
        Some((next + 1, n))
    }
}

/// Display width of a character as it will be drawn (unsafe characters become one `?`).
pub fn char_width(c: char) -> usize {
    if sanitize::is_forbidden(c) || c == '\t' || c == '\n' {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of a string as it will be drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Word wrap (textwrap's first-fit, words over-long for a line split at characters) as byte
/// ranges of `text`, one per line, so styled ranges survive wrapping.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let options = textwrap::Options::new(width.max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let base = text.as_ptr() as usize;
    let mut from = 0;
    let mut out = Vec::new();
    for line in textwrap::wrap(text, options) {
        // Without indents or hyphens every line is a slice of `text`; search otherwise.
        let start = match line {
            std::borrow::Cow::Borrowed(s) => (s.as_ptr() as usize).wrapping_sub(base),
            std::borrow::Cow::Owned(ref s) => {
                text[from..].find(s.as_str()).map_or(from, |i| from + i)
            }
        };
        let end = start + line.len();
        if line.is_empty() || end > text.len() || !text.is_char_boundary(start) {
            continue;
        }
        from = end;
        out.push(start..end);
    }
    out
}

/// Styled ranges over one text: mentions (tone) and marks (filter matches).
struct Styling {
    base: Tone,
    tones: Vec<(Range<usize>, Tone)>,
    marks: Vec<Range<usize>>,
    /// All marks are one match (fuzzy title characters), not one match per marked run.
    one_match: bool,
    /// Passages only this report of its story carries (byte ranges), for the margin.
    only_here: Vec<Range<usize>>,
}

/// Marks sorted and merged where they overlap or touch: one range per highlighted run.
fn merge_marks(text: &str, marks: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = marks
        .iter()
        .filter(|r| valid_range(text, r.start, r.end))
        .cloned()
        .collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Wraps `text` and cuts each line into segments where tone or mark changes. Each filter
/// match is numbered once, however many lines it spans, and its first line is pushed onto
/// `matches`.
fn layout_block(
    text: &str,
    width: usize,
    st: &Styling,
    out: &mut Vec<RLine>,
    matches: &mut Vec<usize>,
    uniques: &mut Vec<usize>,
) {
    let wrapped = wrap_ranges(text, width);
    for p in &st.only_here {
        if let Some(line) = wrapped.iter().position(|l| l.end > p.start) {
            uniques.push(out.len() + line);
        }
    }
    let marks = merge_marks(text, &st.marks);
    // Match number of each merged mark.
    let mut ids = Vec::with_capacity(marks.len());
    for (i, m) in marks.iter().enumerate() {
        if st.one_match && i > 0 {
            ids.push(matches.len() - 1);
            continue;
        }
        // The line holding the match's first character (or the next one, past a gap).
        let line = wrapped
            .iter()
            .position(|l| l.end > m.start)
            .unwrap_or(wrapped.len().saturating_sub(1));
        ids.push(matches.len());
        matches.push(out.len() + line);
    }
    for line in wrapped {
        let mut cuts = vec![line.start, line.end];
        for r in st.tones.iter().map(|(r, _)| r).chain(&marks) {
            for p in [r.start, r.end] {
                if p > line.start && p < line.end && text.is_char_boundary(p) {
                    cuts.push(p);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut segs: Vec<Seg> = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let tone = st
                .tones
                .iter()
                .find(|(r, _)| r.start <= a && b <= r.end)
                .map_or(st.base, |(_, t)| *t);
            let mark = marks
                .iter()
                .position(|r| r.start <= a && b <= r.end)
                .and_then(|i| ids.get(i).copied());
            let piece = sanitize::one_line(&text[a..b]);
            match segs.last_mut() {
                Some(last) if last.tone == tone && last.mark == mark => last.text.push_str(&piece),
                _ => segs.push(Seg {
                    text: piece,
                    tone,
                    mark,
                }),
            }
        }
        let only_here = st
            .only_here
            .iter()
            .any(|p| p.start < line.end && line.start < p.end);
        out.push(RLine { segs, only_here });
    }
}

/// Char indices (from a fuzzy matcher) to byte ranges of single characters.
fn char_indices_to_ranges(text: &str, idx: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut want = idx.iter().peekable();
    for (n, (b, c)) in text.char_indices().enumerate() {
        while want.peek().is_some_and(|&&i| i < n) {
            want.next();
        }
        if want.peek() == Some(&&n) {
            out.push(b..b + c.len_utf8());
        }
    }
    out
}

/// Whether a mention's range can be used to slice its paragraph.
fn valid_range(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// What the reading view is laid out from.
pub struct Sources<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a Index,
    /// The corpus' stories, once grouped.
    pub stories: Option<&'a Stories>,
}

/// Who published a report, or, when nobody is named, its title cut short: what a reader
/// recognises it by ("The National", "“Pro-Iran militias in Iraq…”").
pub(crate) fn byline_label(a: &Article) -> String {
    match &a.source {
        Some(s) => s.clone(),
        None if a.title.trim().is_empty() => a.id.clone(),
        None => format!("“{}”", crate::clean::text::shorten(&a.title, 32)),
    }
}

/// Other reports named before the rest are counted: the line stays short in a small pane.
const ALSO_SHOWN: usize = 4;

/// "Also reported by: The National (2024-08-20), JFeed and 9 more" for the other reports.
fn also_reported(corpus: &Corpus, others: &[usize]) -> Option<String> {
    if others.is_empty() {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    for o in others.iter().filter_map(|&o| corpus.articles.get(o)) {
        let name = byline_label(o);
        let name = match o.date {
            Some(d) => format!("{name} ({d})"),
            None => name,
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let more = names.len().saturating_sub(ALSO_SHOWN);
    names.truncate(ALSO_SHOWN);
    let list = names.join(", ");
    Some(match more {
        0 => format!("Also reported by: {list}"),
        n => format!("Also reported by: {list} and {n} more (t lists the story)"),
    })
}

/// The output of one layout pass: lines, and where matches and unique passages start.
#[derive(Default)]
struct Laid {
    lines: Vec<RLine>,
    matches: Vec<usize>,
    uniques: Vec<usize>,
}

impl Laid {
    fn block(&mut self, text: &str, width: usize, st: &Styling) {
        layout_block(
            text,
            width,
            st,
            &mut self.lines,
            &mut self.matches,
            &mut self.uniques,
        );
    }
}

/// Lays out article `article` at `width` columns with highlights for `query` and `chips`,
/// the other reports of its story, and a margin mark on what only it carries.
pub fn build(
    src: &Sources,
    article: usize,
    query: &Query,
    chips: &[ActorId],
    width: usize,
    generation: u64,
) -> ReaderView {
    let corpus = src.corpus;
    let mut out = Laid::default();
    let Some(a) = corpus.articles.get(article) else {
        return ReaderView::default();
    };
    let actors = corpus.actors.actors();
    // Actors whose mentions count as filter matches: selected chips and those `@` terms name.
    let mut marked: Vec<ActorId> = chips.to_vec();
    for p in query.actor_patterns() {
        marked.extend(query::matching_actors(src.index, p));
    }
    let members: &[usize] = src.stories.map_or(&[], |s| s.members(article));
    let others: Vec<usize> = members.iter().copied().filter(|&m| m != article).collect();
    let mut only_here: Vec<Vec<Range<usize>>> = vec![Vec::new(); a.paragraphs.len()];
    if !others.is_empty() {
        for p in stories::unique_sentences(corpus, members, article) {
            if let Some(v) = only_here.get_mut(p.paragraph) {
                v.push(p.range);
            }
        }
    }
    let plain = |base| Styling {
        base,
        tones: Vec::new(),
        marks: Vec::new(),
        one_match: false,
        only_here: Vec::new(),
    };
    let title_marks = char_indices_to_ranges(&a.title, &query::fuzzy_highlights(query, &a.title));
    out.block(
        &a.title,
        width,
        &Styling {
            marks: title_marks,
            one_match: true,
            ..plain(Tone::Title)
        },
    );
    if let Some(sub) = a.subtitle.as_deref().filter(|s| !s.is_empty()) {
        let st = Styling {
            marks: query::word_highlights(query, sub),
            ..plain(Tone::Subtitle)
        };
        out.block(sub, width, &st);
    }
    out.block(&crate::report::meta_line(a), width, &plain(Tone::Meta));
    // Where the report lives, to open or cite it (zoom, `z`, gives it a line of its own).
    if let Some(url) = a.url.as_deref().filter(|u| !u.is_empty()) {
        out.block(url, width, &plain(Tone::Link));
    }
    if let Some(also) = also_reported(corpus, &others) {
        out.block(&also, width, &plain(Tone::Meta));
    }
    for (pi, p) in a.paragraphs.iter().enumerate() {
        out.lines.push(RLine::default());
        let mut st = Styling {
            marks: query::word_highlights(query, p),
            only_here: only_here
                .get_mut(pi)
                .map(std::mem::take)
                .unwrap_or_default(),
            ..plain(Tone::Body)
        };
        for mention in a.mentions.iter().filter(|mm| mm.paragraph == pi) {
            if !valid_range(p, mention.start, mention.end) {
                continue;
            }
            let Some(actor) = actors.get(mention.actor) else {
                continue;
            };
            st.tones
                .push((mention.start..mention.end, Tone::Actor(actor.kind)));
            if marked.contains(&mention.actor) {
                st.marks.push(mention.start..mention.end);
            }
        }
        out.block(p, width, &st);
    }
    if !a.links.is_empty() {
        out.lines.push(RLine::default());
        out.block("References", width, &plain(Tone::Heading));
        for (n, url) in a.links.iter().enumerate() {
            out.block(&format!("[{}] {url}", n + 1), width, &plain(Tone::Link));
        }
    }
    ReaderView {
        article,
        width,
        generation,
        lines: out.lines,
        matches: out.matches,
        scroll: 0,
        current: None,
        others,
        uniques: out.uniques,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_reports_are_named_up_to_a_few_then_counted() {
        let articles: Vec<Article> = ["A", "B", "B", "C", "D", "E", "F"]
            .iter()
            .enumerate()
            .map(|(n, src)| Article {
                id: format!("a{n}"),
                title: format!("Report {n}"),
                source: Some((*src).into()),
                ..Article::default()
            })
            .collect();
        let corpus = Corpus::from_articles(articles);
        let line = also_reported(&corpus, &[1, 2, 3, 4, 5, 6]).expect("a line");
        assert_eq!(
            line,
            "Also reported by: B, C, D, E and 1 more (t lists the story)"
        );
        let line = also_reported(&corpus, &[1, 2]).expect("a line");
        assert_eq!(line, "Also reported by: B");
        assert_eq!(also_reported(&corpus, &[]), None);
    }

    #[test]
    fn a_report_is_known_by_its_outlet_else_by_its_title() {
        let mut a = Article {
            id: "001_fa2c6a17".into(),
            title: "Pro-Iran militias in Iraq threaten to resume attacks on US troops".into(),
            ..Article::default()
        };
        assert_eq!(byline_label(&a), "“Pro-Iran militias in Iraq…”");
        a.source = Some("JFeed".into());
        assert_eq!(byline_label(&a), "JFeed");
        a.source = None;
        a.title.clear();
        assert_eq!(byline_label(&a), "001_fa2c6a17");
    }

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrapped("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrapped("  ", 10), Vec::<&str>::new());
        assert_eq!(wrapped("exactly10c", 10), vec!["exactly10c"]);
    }

    #[test]
    fn splits_long_words_and_respects_wide_characters() {
        assert_eq!(wrapped("abcdefghij k", 4), vec!["abcd", "efgh", "ij k"]);
        // Each CJK character is two columns wide.
        assert_eq!(wrapped("日本語です", 4), vec!["日本", "語で", "す"]);
        // Width one still makes progress with a two-column character.
        assert_eq!(wrapped("日本", 1), vec!["日", "本"]);
        assert_eq!(wrapped("ab", 0), vec!["a", "b"]);
    }

    #[test]
    fn segments_follow_styles_across_line_breaks() {
        let text = "Al Nujaba Movement said so";
        let st = Styling {
            base: Tone::Body,
            tones: vec![(0..18, Tone::Actor(ActorKind::Organization))],
            marks: std::iter::once(3..6).collect(),
            one_match: false,
            only_here: Vec::new(),
        };
        let mut out = Vec::new();
        let mut matches = Vec::new();
        layout_block(text, 16, &st, &mut out, &mut matches, &mut Vec::new());
        let shape: Vec<Vec<(&str, Option<usize>)>> = out
            .iter()
            .map(|l| l.segs.iter().map(|s| (s.text.as_str(), s.mark)).collect())
            .collect();
        assert_eq!(
            shape,
            vec![
                vec![("Al ", None), ("Nuj", Some(0)), ("aba", None)],
                vec![("Movement", None), (" said so", None)],
            ]
        );
        assert_eq!(matches, vec![0]);
        assert_eq!(out[1].segs[0].tone, Tone::Actor(ActorKind::Organization));
        assert_eq!(out[1].segs[1].tone, Tone::Body);
    }

    #[test]
    fn unsafe_characters_never_reach_segments() {
        let text = "evil\u{1b}[2J \u{202e}text";
        let mut out = Vec::new();
        layout_block(
            text,
            40,
            &Styling {
                base: Tone::Body,
                tones: vec![],
                marks: vec![],
                one_match: false,
                only_here: Vec::new(),
            },
            &mut out,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        let all: String = out
            .iter()
            .flat_map(|l| &l.segs)
            .map(|s| s.text.as_str())
            .collect();
        assert!(!all.chars().any(sanitize::is_forbidden), "{all:?}");
    }

    #[test]
    fn a_match_split_over_two_lines_counts_once_at_any_width() {
        let text = "The commander Fouad Shukr was killed in Beirut";
        let at = text.find("Fouad").unwrap_or(0);
        let st = Styling {
            base: Tone::Body,
            tones: vec![],
            // A mention and a word match on the same name: one run, one match.
            marks: vec![at..at + 11, at..at + 5],
            one_match: false,
            only_here: Vec::new(),
        };
        for width in [10, 16, 19, 25, 80] {
            let mut out = Vec::new();
            let mut matches = Vec::new();
            layout_block(text, width, &st, &mut out, &mut matches, &mut Vec::new());
            assert_eq!(matches.len(), 1, "width {width}");
            let first = out
                .iter()
                .position(|l| l.segs.iter().any(|s| s.mark.is_some()));
            assert_eq!(first, Some(matches[0]), "width {width}");
        }
        // Separate runs are separate matches; title characters are one.
        let mut matches = Vec::new();
        let st = Styling {
            marks: vec![0..3, 14..19],
            ..st
        };
        layout_block(
            text,
            80,
            &st,
            &mut Vec::new(),
            &mut matches,
            &mut Vec::new(),
        );
        assert_eq!(matches.len(), 2);
        let mut matches = Vec::new();
        layout_block(
            text,
            80,
            &Styling {
                one_match: true,
                ..st
            },
            &mut Vec::new(),
            &mut matches,
            &mut Vec::new(),
        );
        assert_eq!(matches.len(), 1);
    }

    #[test]
    fn fuzzy_indices_become_byte_ranges() {
        assert_eq!(char_indices_to_ranges("éab", &[0, 2]), vec![0..2, 3..4]);
    }
}
