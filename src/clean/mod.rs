//! Raw documents to clean articles: HTML to text, metadata, boilerplate, paragraphs, title.

mod boilerplate;
mod dom;
mod headline;
mod html;
mod jsonld;
mod meta;
mod page;
mod rules;
pub mod text;

use crate::article::{Article, count_words};
use crate::load::{Format, RawDoc};
use crate::problem::Problem;
use html::Rendered;
use meta::DateMark;
use rules::RULES;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use text::strip_refs;

pub use meta::parse_date;

/// Longest title made from a first sentence, in characters.
const TITLE_CHARS: usize = 90;

/// Cleans one raw document into an article, or says why nothing readable was left.
pub fn clean(doc: RawDoc) -> (Option<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let path = PathBuf::from(&doc.path);
    let label = record_label(&doc);
    let mut warn =
        |reason: String| problems.push(Problem::warning(&path, format!("{label}{reason}")));

    if doc.control_chars_removed > 0 {
        warn(format!(
            "removed {} control characters",
            doc.control_chars_removed
        ));
    }
    let mut date = None;
    if let Some(raw) = &doc.date {
        date = parse_date(raw);
        if date.is_none() {
            warn(format!(
                "unreadable date {:?} ignored",
                crate::sanitize::one_line(raw)
            ));
        }
    }
    // A feed's "title" that is only a timestamp names no story; its date may still serve.
    let mut title = doc
        .title
        .as_deref()
        .map(text::squash)
        .filter(|t| !t.is_empty());
    if let Some(t) = title.take_if(|t| meta::is_timestamp(t)) {
        date = date
            .or(meta::date_paragraph(&t).map(|(d, _)| d))
            .or_else(|| meta::stamp_date(&t));
    }
    let mut source = doc.source.clone();
    let mut url = doc.url.clone();
    let mut page_author = None;
    let mut page_subtitle = None;

    let rendered = match doc.format {
        Format::Text => {
            let (mark, rest) = meta::take_date_line(&doc.body);
            match mark {
                Some(DateMark::Valid(d)) => date = date.or(Some(d)),
                Some(DateMark::Invalid(raw)) => warn(format!("impossible date {raw} ignored")),
                None => {}
            }
            let paragraphs = text::paragraphs(rest);
            if paragraphs.iter().any(|p| html::has_markup(p)) {
                html::render_inline(&paragraphs)
            } else {
                Rendered {
                    paragraphs,
                    links: Vec::new(),
                }
            }
        }
        Format::Html => {
            let page = page::read(&doc.body);
            title = title.or(page.meta.title);
            source = source.or(page.meta.source);
            url = url.or(page.meta.url);
            page_author = page.meta.author;
            page_subtitle = page.meta.subtitle;
            date = date.or(page.meta.date);
            page.rendered
        }
    };

    // Decomposed letters ("u" + U+0308) and soft hyphens ("Wäh\u{ad}rend") would hide words
    // from search and actors, and some terminals draw them apart.
    let mut paragraphs: Vec<String> = rendered.paragraphs.into_iter().map(normal_text).collect();
    // Before the chrome goes: a date line reads like a page's timestamp.
    if doc.format == Format::Text {
        let found = take_date_paragraph(&mut paragraphs);
        // A feed record's URL may carry its date (`/2013/08/02/`), as a page's does.
        date = date
            .or(found)
            .or_else(|| url.as_deref().and_then(page::date_in_url));
    }
    let (mut body, removed) = boilerplate::strip(paragraphs);
    // A dateline may open the first line, before a headline is looked for in it.
    let mut place = None;
    let agency = take_dateline(&mut body, &mut source, &mut place);
    let subtitle = match &title {
        Some(t) => {
            // A page repeats its headline as the first paragraph; a record whose whole text
            // is its title keeps it as its body.
            if body.len() > 1 && body.first().is_some_and(|p| p.eq_ignore_ascii_case(t)) {
                body.remove(0);
            }
            // A page marks its standfirst; a lead paragraph under its headline stays body.
            match page_subtitle {
                Some(dek) => Some(dek),
                None => headline::standfirst(&body, false).inspect(|_| {
                    body.remove(0);
                }),
            }
        }
        None => {
            let head = headline::find(&body);
            title = head.title;
            body.drain(..head.consumed);
            head.subtitle
        }
    };
    let later = take_dateline(&mut body, &mut source, &mut place);
    let agency = agency.or(later);
    body.retain(|p| !p.trim().is_empty());
    let body = text::split_walls(body);
    if body.is_empty() && title.is_none() {
        problems.push(Problem::skipped(
            path,
            format!("{label}no article text left after cleaning"),
        ));
        return (None, problems);
    }
    let (body, links) = renumber_links(body, &rendered.links);
    let source = source
        .or_else(|| {
            url.as_deref()
                .and_then(|u| RULES.outlet_of_url(u))
                .map(str::to_string)
        })
        .or_else(|| majority_outlet(&links))
        .or_else(|| boilerplate::source_from_chrome(&removed))
        .or_else(|| boilerplate::source_from_byline(&removed))
        .map(|s| text::squash(&s));
    let author = doc
        .author
        .clone()
        .or(page_author)
        .or_else(|| boilerplate::author_from_chrome(&removed))
        .map(|a| text::squash(&a))
        .filter(|a| !a.is_empty());
    let title = title.unwrap_or_else(|| {
        let first = body.first().map(String::as_str).unwrap_or_default();
        let sentence = text::sentences(first).first().copied().unwrap_or(first);
        text::shorten(&strip_refs(sentence), TITLE_CHARS)
    });
    let words = body.iter().map(|p| count_words(&strip_refs(p))).sum();
    // Entities decoded by html2text (`&#x202e;`) can bring back what decoding removed.
    let safe = |s: String| normal_text(crate::sanitize::strip_forbidden(&s).into_owned());
    let article = Article {
        id: doc.id,
        path: doc.path,
        title: safe(title),
        subtitle: subtitle.map(safe),
        source: source.map(safe),
        date,
        url: url.map(|u| crate::sanitize::one_line(&u)),
        author: author.map(safe),
        place: place.map(safe),
        agency: agency.map(safe),
        paragraphs: body.into_iter().map(safe).collect(),
        links: links.into_iter().map(safe).collect(),
        words,
        mentions: Vec::new(),
    };
    (Some(article), problems)
}

/// The text in composed form (NFC: "ü" one character, as people type it), without soft
/// hyphens (U+00AD, invisible break hints).
fn normal_text(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let text = if text.contains('\u{ad}') {
        text.replace('\u{ad}', "")
    } else {
        text
    };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Removes a dateline opening the first paragraph, keeping its source (unless the file
/// named one) and place; a paragraph that was only a dateline goes. Returns the agency as
/// the dateline writes it.
fn take_dateline(
    body: &mut Vec<String>,
    source: &mut Option<String>,
    place: &mut Option<String>,
) -> Option<String> {
    let first = body.first_mut()?;
    let d = meta::dateline(first)?;
    if source.is_none() {
        *source = d
            .source
            .as_deref()
            .map(|s| RULES.agency_name(s).to_string());
    }
    *place = place.take().or(d.place);
    first.replace_range(..d.len, "");
    if first.trim().is_empty() {
        body.remove(0);
    }
    d.source
}

/// Takes a line that only dates the article from the top of a text file, and its date:
/// `Published 2024-03-05`, a byline ending in a date or a blog's post line (the byline stays),
/// a stamp ending in the dateline's place or opening with it, or a timestamp.
fn take_date_paragraph(body: &mut Vec<String>) -> Option<chrono::NaiveDate> {
    let found = body
        .iter()
        .take(4)
        .enumerate()
        .find_map(|(k, p)| meta::date_paragraph(p).map(|d| (k, d)));
    let Some((k, (date, byline))) = found else {
        // The dateline's place may end the stamp line: it opens the next paragraph again.
        if let Some((k, (date, place))) = body
            .iter()
            .take(4)
            .enumerate()
            .find_map(|(k, p)| meta::stamp_then_place(p).map(|d| (k, d)))
        {
            body.remove(k);
            if let Some(next) = body.get_mut(k) {
                *next = format!("{place} {next}");
            }
            return Some(date);
        }
        if let Some((k, (date, before))) = body
            .iter()
            .take(4)
            .enumerate()
            .find_map(|(k, p)| meta::posted_date(p).map(|d| (k, d)))
        {
            if before.is_empty() {
                body.remove(k);
            } else {
                body[k] = before;
            }
            return Some(date);
        }
        if let Some((k, date)) = body
            .iter()
            .take(4)
            .enumerate()
            .find_map(|(k, p)| meta::placed_stamp(p).map(|d| (k, d)))
        {
            body.remove(k);
            return Some(date);
        }
        // A stamp goes, and gives its date where day and month are plain ("Updated 4 / 9 /
        // 2007 6:04 PM" goes all the same).
        let k = body
            .iter()
            .take(4)
            .position(|p| meta::is_timestamp(p) || meta::stamp_date(p).is_some())?;
        return meta::stamp_date(&body.remove(k));
    };
    match byline {
        Some(b) => body[k] = b,
        None => {
            body.remove(k);
        }
    }
    Some(date)
}

/// `record feed-3: ` for items of a collection file, empty for single-article files.
fn record_label(doc: &RawDoc) -> String {
    let stem = Path::new(&doc.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref() == Some(doc.id.as_str()) {
        String::new()
    } else {
        format!("record {}: ", doc.id)
    }
}

/// Renumbers `[N]` references in order of first use, dropping links only chrome referred to.
fn renumber_links(paragraphs: Vec<String>, links: &[String]) -> (Vec<String>, Vec<String>) {
    if links.is_empty() {
        return (paragraphs, Vec::new());
    }
    let mut map: HashMap<usize, usize> = HashMap::new();
    let mut kept = Vec::new();
    let paragraphs = paragraphs
        .into_iter()
        .map(|p| {
            text::ref_pattern()
                .replace_all(&p, |c: &regex::Captures<'_>| {
                    let old: usize = c[1].parse().unwrap_or(0);
                    match links.get(old.wrapping_sub(1)) {
                        Some(url) => {
                            let new = *map.entry(old).or_insert_with(|| {
                                kept.push(url.clone());
                                kept.len()
                            });
                            format!(" [{new}]")
                        }
                        None => c[0].to_string(),
                    }
                })
                .into_owned()
        })
        .collect();
    (paragraphs, kept)
}

/// The outlet most links point to, if the outlet table knows it and it holds most links.
fn majority_outlet(links: &[String]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut considered = 0;
    for url in links.iter().filter(|u| !RULES.is_ignored_host(u)) {
        considered += 1;
        if let Some(name) = RULES.outlet_of_url(url) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let (name, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (n * 2 > considered).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::ProblemKind;

    fn text_doc(body: &str) -> RawDoc {
        RawDoc::new("doc", "dir/doc.txt", Format::Text, body.to_string())
    }

    fn cleaned(body: &str) -> Article {
        clean(text_doc(body)).0.expect("an article")
    }

    #[test]
    fn text_is_composed_and_soft_hyphens_are_dropped() {
        let a = cleaned(
            "Wehr\u{ad}an\u{ad}lage\n\nWäh\u{ad}rend Sie u\u{308}ber den Markt schlen\u{ad}dern.",
        );
        assert_eq!(a.title, "Wehranlage");
        assert_eq!(a.paragraphs, ["Während Sie über den Markt schlendern."]);
    }

    #[test]
    fn a_date_line_under_the_headline_dates_a_text_article() {
        let story = "The council approved the budget on Tuesday after a long debate.";
        for line in [
            "Published 2024-03-05",
            "March 5, 2024",
            "By Jane Roe — 2024-03-05",
        ] {
            let a = cleaned(&format!("Budget vote\n\n{line}\n\n{story}"));
            assert_eq!(
                a.date,
                chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
                "{line}"
            );
            assert_eq!(
                (a.title.as_str(), a.subtitle),
                ("Budget vote", None),
                "{line}"
            );
            assert_eq!(a.paragraphs, [story], "{line}");
        }
        // A date marker line wins over a date in the text.
        let a = cleaned(&format!(
            "date 2024-01-02\nBudget vote\n\nMarch 5, 2024\n\n{story}"
        ));
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn a_records_url_dates_it_when_its_text_does_not() {
        let mut doc = text_doc("Budget vote\n\nThe council approved the budget on Tuesday.");
        doc.url = Some("https://example.com/news/2024/03/05/budget-vote.html".into());
        let a = clean(doc).0.expect("an article");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn date_line_dateline_and_first_sentence_title() {
        let a = cleaned(
            "date 2022-05-06 Nordic Wire/ Finland's parliament approved the bill on Friday. It now goes to the president.",
        );
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-05-06"));
        assert_eq!(a.source.as_deref(), Some("Nordic Wire"));
        assert_eq!(a.title, "Finland's parliament approved the bill on Friday.");
        assert_eq!(
            a.paragraphs[0],
            "Finland's parliament approved the bill on Friday. It now goes to the president."
        );
    }

    #[test]
    fn a_dateline_on_the_headline_line_is_a_source_not_part_of_the_title() {
        let a = cleaned(
            "Harbour Wire/ Strike at the port ends\n\nThe union accepted a new offer from the operator on Thursday after three weeks.\n\nServices resume on Monday.",
        );
        assert_eq!(a.source.as_deref(), Some("Harbour Wire"));
        assert_eq!(a.title, "Strike at the port ends");
    }

    #[test]
    fn an_agency_dateline_gives_place_and_agency() {
        let a = cleaned(
            "NAIROBI (AP) - Kenya's parliament passed the finance bill on Tuesday after a stormy debate.\n\nProtesters gathered outside.",
        );
        assert_eq!(a.source.as_deref(), Some("Associated Press"));
        // As written, for the actors: the text says "AP".
        assert_eq!(a.agency.as_deref(), Some("AP"));
        assert_eq!(a.place.as_deref(), Some("Nairobi"));
        assert!(a.paragraphs[0].starts_with("Kenya's parliament"));
    }

    #[test]
    fn impossible_date_warns_and_leaves_no_date() {
        let (a, problems) = clean(text_doc("date 9999-99-99 Some text here."));
        assert_eq!(a.expect("article").date, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::Warning);
        assert!(problems[0].reason.contains("9999-99-99"));
    }

    #[test]
    fn links_are_numbered_and_name_the_source_by_majority() {
        let a = cleaned(
            "Talks in <a href=\"https://www.reuters.com/a\">Oslo</a> and <a href=\"https://reuters.com/b\">Bergen</a>.",
        );
        assert_eq!(a.paragraphs, ["Talks in Oslo [1] and Bergen [2]."]);
        assert_eq!(
            a.links,
            ["https://www.reuters.com/a", "https://reuters.com/b"]
        );
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.words, 5);
    }

    #[test]
    fn links_only_in_chrome_are_dropped_and_the_rest_renumbered() {
        let body = "Body with a <a href=\"https://a.example/1\">link</a> that ends here.\n\n\
                    <a href=\"https://a.example/2\">Read more</a>: other story\n\n\
                    Last paragraph <a href=\"https://a.example/3\">again</a> ends.";
        let a = cleaned(body);
        assert_eq!(a.links, ["https://a.example/1", "https://a.example/3"]);
        assert!(
            a.paragraphs.last().is_some_and(|p| p.contains("again [2]")),
            "{:?}",
            a.paragraphs
        );
    }

    #[test]
    fn a_file_of_only_chrome_is_skipped() {
        let (a, problems) = clean(text_doc("Advertisement\n0 Comments\n"));
        assert!(a.is_none());
        assert_eq!(problems[0].kind, ProblemKind::Skipped);
    }

    #[test]
    fn html_page_uses_its_metadata_and_article_element() {
        let page = r#"<!doctype html><html><head><title>Ferry strike ends | Harbour Times</title>
            <meta property="og:site_name" content="Harbour Times">
            <meta property="article:published_time" content="2021-09-10T08:00:00+02:00"></head>
            <body><nav>Home | World | Sport</nav><div class="cookie-banner">We use cookies</div>
            <article><h1>Ferry strike ends</h1><p>The ferry strike ended on Thursday after the union accepted a new offer.</p>
            <aside>Most read: Other story</aside><p>Services resume on Monday.</p></article>
            <footer>© 2021 Harbour Times</footer></body></html>"#;
        let a = clean(RawDoc::new("p", "p.html", Format::Html, page.to_string()))
            .0
            .expect("article");
        assert_eq!(a.title, "Ferry strike ends");
        assert_eq!(a.source.as_deref(), Some("Harbour Times"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2021-09-10"));
        assert_eq!(
            a.paragraphs,
            [
                "The ferry strike ended on Thursday after the union accepted a new offer.",
                "Services resume on Monday."
            ]
        );
    }

    #[test]
    fn a_body_the_page_marks_so_is_read_whatever_its_wrappers_classes() {
        let para = "The council voted on Tuesday to close the old bridge to lorries after \
                    engineers found cracks in two of its supports, officials said.";
        let page = format!(
            "<html><head><title>Bridge closed</title></head><body><h1>Bridge closed</h1>\
             <div class=\"field field-name-body field-type-text-with-summary field-label-hidden\">\
             <div class=\"field-item\" property=\"content:encoded\"><p>{para}</p><p>{para}</p>\
             <p>{para}</p></div></div><div class=\"donate\"><p>Support local news: give what \
             you can today, every gift helps us report.</p></div></body></html>"
        );
        let a = clean(RawDoc::new("p", "p.html", Format::Html, page))
            .0
            .expect("article");
        let story = a.paragraphs.iter().filter(|p| p.contains("old bridge"));
        assert_eq!(story.count(), 3, "{:?} / {:?}", a.subtitle, a.paragraphs);
    }

    #[test]
    fn a_story_in_chinese_counts_its_words_by_characters() {
        let para = "国家卫生健康委员会今天表示，将进一步加强短缺药品的供应保障工作，稳定药品价格，\
                    全力保障临床用药需求，确保患者能够及时获得所需药品。";
        let page = format!(
            "<html><head><title>短缺药品保供稳价</title></head><body>\
             <h1>短缺药品保供稳价</h1><div class=\"x\"><p>{para}</p><p>{para}</p><p>{para}</p></div>\
             <div class=\"y\"><p>Read our partner site for more on the markets, the weather \
             and sport, with new stories every day.</p></div></body></html>"
        );
        let a = clean(RawDoc::new("p", "p.html", Format::Html, page))
            .0
            .expect("article");
        let story = a
            .paragraphs
            .iter()
            .filter(|p| p.contains("国家卫生健康委员会"));
        assert_eq!(story.count(), 3, "{:?}", a.paragraphs);
    }

    #[test]
    fn wire_story_with_byline_caption_and_sign_off() {
        let body = "Norway to expand offshore wind auctions\n\
                    By Kari Solberg and Sean Byrne\n\
                    4 min read\n\
                    Image source, Getty Images\n\
                    OSLO (Reuters) - Norway will double the area offered in its next offshore wind auction, \
                    the energy ministry said on Monday, as it seeks to catch up with its neighbours.\n\
                    The ministry said bids would open in the spring.\n\
                    Reporting by Kari Solberg; Editing by Sean Byrne\n\
                    Our Standards: The Thomson Reuters Trust Principles.";
        let a = cleaned(body);
        assert_eq!(a.title, "Norway to expand offshore wind auctions");
        assert_eq!(a.subtitle, None);
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.author.as_deref(), Some("Kari Solberg and Sean Byrne"));
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("Norway will double"));
        assert_eq!(
            a.paragraphs[1],
            "The ministry said bids would open in the spring."
        );
    }

    #[test]
    fn bidi_controls_from_entities_are_removed_everywhere() {
        let page = "<html><head><title>Evil &#x202e;title</title></head><body><article>\
                    <p>Body &#x2066;text&#x2069; with <a href=\"https://x.example/&#x202e;\">link</a>.</p>\
                    <p>More.</p></article></body></html>";
        let a = clean(RawDoc::new("p", "p.html", Format::Html, page.to_string()))
            .0
            .expect("article");
        let all = format!("{}{:?}{:?}", a.title, a.paragraphs, a.links);
        assert!(!all.chars().any(crate::sanitize::is_forbidden), "{all}");
        assert_eq!(a.title, "Evil title");
        assert_eq!(a.paragraphs[0], "Body text with link [1].");
    }

    #[test]
    fn a_timestamp_is_no_title_and_no_paragraph() {
        let mut doc = text_doc(
            "Anti Piracy Ops by INS Sukanya\n\nUpdated 4 / 9 / 2007 6:04 PM\n\n\
             Indian Naval Ship Sukanya foiled a piracy attempt in the Gulf of Aden on Friday.",
        );
        doc.title = Some("Friday, November 11,2011".into());
        let a = clean(doc).0.expect("article");
        assert_eq!(a.title, "Anti Piracy Ops by INS Sukanya");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2011-11-11"));
        assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
    }

    #[test]
    fn a_record_whose_text_is_its_title_keeps_it_as_body() {
        let line = "Ministers agreed a budget on Tuesday, officials said.";
        let mut doc = text_doc(line);
        doc.title = Some(line.into());
        let a = clean(doc).0.expect("article");
        assert_eq!(a.paragraphs, [line]);
        let mut doc = text_doc(&format!("{line}\n\nThe vote was close."));
        doc.title = Some(line.into());
        let a = clean(doc).0.expect("article");
        assert_eq!(a.paragraphs, ["The vote was close."]);
    }

    #[test]
    fn record_metadata_wins_over_text() {
        let mut doc = text_doc("date 2020-01-01 Text of the record.");
        doc.id = "feed-2".into();
        doc.path = "feed.jsonl".into();
        doc.title = Some(" A  title ".into());
        doc.date = Some("not a date".into());
        let (a, problems) = clean(doc);
        let a = a.expect("article");
        assert_eq!(a.title, "A title");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2020-01-01"));
        assert!(
            problems[0]
                .reason
                .starts_with("record feed-2: unreadable date")
        );
    }
}
