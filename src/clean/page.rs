//! A whole HTML page to metadata and article text: JSON-LD first, then Open Graph and
//! `article:*` meta, `<time>`, the page's URL, and the `<title>`; the body from the element
//! the DOM scoring picks, or the JSON-LD `articleBody` when the markup holds no article.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::Html;

use super::dom::{self, Item};
use super::html::{self, Rendered};
use super::jsonld;
use super::meta::{any_weekday, parse_date};
use super::rules::RULES;
use super::text;

/// Metadata a whole page declares about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline, without site or section names.
    pub title: Option<String>,
    /// A standfirst the markup marks as such.
    pub subtitle: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// The site or publisher.
    pub source: Option<String>,
    /// The page's own address.
    pub url: Option<String>,
    /// The author's name(s).
    pub author: Option<String>,
}

/// A page's metadata and its article text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Page {
    /// What the page declares about itself.
    pub meta: PageMeta,
    /// The article's paragraphs and links.
    pub rendered: Rendered,
}

/// Meta keys that give the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "published-date",
    "date_published",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "article:published",
    "og:published_time",
    "og:pubdate",
    "pdate",
    "pub_date",
    "publication_date",
    "dc.date.created",
    "dc:date",
    "dcterms.issued",
    "citation_publication_date",
    "citation_date",
    "datecreated",
    "uploaddate",
];

/// A meta key of a site's own vocabulary that names a publication date
/// (`five_hundred_pixels:uploaded`, `bt:pubDate`, `article:created`), judged by its last part;
/// a profile's or a forum's `created` and `last_posted` date other things.
fn publication_key(key: &str) -> bool {
    let (vocabulary, last) = key.rsplit_once([':', '.']).unwrap_or(("", key));
    let other = [
        "profile", "forum", "user", "member", "account", "comment", "author",
    ]
    .iter()
    .any(|v| vocabulary.ends_with(v));
    !other
        && ((last.contains("publish") && !last.contains("publisher"))
            || ["pubdate", "uploaded", "issued", "created", "posted"]
                .iter()
                .any(|w| last.contains(w)))
}

/// Meta keys that give the last change, best first: a page that states nothing else is
/// dated by them, after every reading of its text.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
];

/// Meta keys that give the author's name (`article:author` is often a profile URL).
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "byl",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
];

/// Separators between a headline and a site or section name in titles.
const SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " • ", " · ", " :: ", " / "];

/// The most words a site's name has.
const SITE_WORDS: usize = 6;

/// Reads a page: metadata and the rendered article.
pub fn read(source: &str) -> Page {
    // Too deep or too wide for the tree builder in linear time: read as plain text.
    if html::shape(source).hostile() {
        return Page {
            meta: PageMeta::default(),
            rendered: html::render(source),
        };
    }
    let doc = Html::parse_document(source);
    let mut parts = dom::read(&doc);
    dom::mark_discussions(&mut parts.items);
    dom::mark_card_lists(&mut parts.items);
    let ld = jsonld::read(parts.json_ld.iter().map(String::as_str));
    let metas = &parts.metas;
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    };
    let mut sites: Vec<String> = [
        ld.publisher.clone(),
        meta(&["og:site_name"]),
        meta(&["application-name"]),
        meta(&["publisher"]),
    ]
    .into_iter()
    .flatten()
    // A site's name is short: some pages fill `application-name` with the headline.
    .filter(|s| s.split_whitespace().count() <= SITE_WORDS)
    .collect();
    let section = meta(&["article:section"]);
    let title_tag = parts.title_tag.clone().filter(|t| !t.is_empty());
    // What the page's metadata calls it, whole and split at site-name separators.
    let meta_titles = [
        ld.headline.clone(),
        ld.name.clone(),
        meta(&["og:title"]),
        meta(&["twitter:title"]),
        title_tag.clone(),
    ];
    let named_by_meta = |t: &str| {
        meta_titles.iter().flatten().any(|m| {
            let m = text::squash(m);
            same_text(&m, t) || split_title(&m).iter().any(|p| same_text(p, t))
        })
    };
    let opens_meta = |t: &str| {
        let t: String = t.chars().map(plain).collect();
        meta_titles.iter().flatten().any(|m| {
            let m: String = text::squash(m).chars().map(plain).collect();
            // Whole words only: "Ferry time" opens no "Ferry timetable".
            m.strip_prefix(&t).is_some_and(|rest| {
                t.len() * 2 >= m.len() && rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
            })
        })
    };
    let mut headings: Vec<(usize, String)> = parts
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.tag, "h1" | "h2") && !i.foreign && !i.hint_chrome)
        .take(8)
        .map(|(n, i)| (n, dom::text_of(i.node, 400)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    // An `<h1>` in a wrapper hinted as chrome ("contentWithSidebar", an "ArticleHeader") is
    // still the headline when the metadata names it exactly and it is not the site's name.
    if let Some(h) = parts
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.tag == "h1" && (i.foreign || i.hint_chrome))
        .take(4)
        .map(|(n, i)| (n, dom::text_of(i.node, 400)))
        .find(|(_, t)| {
            t.split_whitespace().count() >= 2
                && !sites.iter().any(|s| same_text(s, t))
                && named_by_meta(t)
        })
    {
        let at = headings.partition_point(|(n, _)| *n < h.0);
        headings.insert(at, h);
    }
    let h1 = headings
        .iter()
        .find(|(n, _)| parts.items[*n].tag == "h1")
        .map(|(_, t)| t.clone());
    // A JSON-LD headline the page never shows yields to its `name` shown as the `<h1>`
    // (Wikipedia's headline is a one-line description).
    let shown = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| headings.iter().any(|(_, h)| same_text(h, t)))
    };
    let is_h1 = |t: &Option<String>| matches!((t, &h1), (Some(t), Some(h)) if same_text(h, t));
    let ld_headline = if !shown(&ld.headline) && is_h1(&ld.name) {
        ld.name.clone()
    } else {
        ld.headline.clone()
    };
    let candidates = [
        ld_headline,
        meta(&["og:title"]),
        meta(&["twitter:title"]),
        meta(&["title"]),
        h1.clone(),
        title_tag.clone(),
    ];
    let heading_texts: Vec<&str> = headings.iter().map(|(_, t)| t.as_str()).collect();
    let mut labels = sites.clone();
    labels.extend(section.clone());
    // A headline the page shows that its metadata names too wins over metadata alone (a
    // social title written for sharing); the `<h1>` is no witness to itself.
    // `candidates` is [JSON-LD, og, twitter, meta title, h1, <title>]: index 4 is the `<h1>`.
    let witnesses = [&candidates[..4], &candidates[5..]].concat();
    // The element the page itself marks as its headline says it best, when it reads as one:
    // a short line, not hinted as chrome or another page's (a `<header>` may hold it).
    let marked = parts
        .headline
        .and_then(|h| parts.items.get(h))
        .filter(|i| !i.foreign && !i.hint_chrome)
        .map(|i| {
            let whole = text::squash(&dom::text_of(i.node, 400));
            if named_by_meta(&whole) {
                return whole;
            }
            // A headline element that goes on to its byline after a line break: the first
            // line is the headline when the metadata opens with it.
            i.node
                .children()
                .map(|c| text::squash(&dom::text_of(c, 400)))
                .find(|t| !t.is_empty())
                .filter(|first| first.len() < whole.len() && opens_meta(first))
                .unwrap_or(whole)
        })
        .filter(|t| {
            (2..=30).contains(&t.split_whitespace().count())
                && !labels.iter().any(|l| l.eq_ignore_ascii_case(t))
        });
    let from_marked = marked.is_some();
    let mut title = marked
        .or_else(|| agreed_headline(&witnesses, &heading_texts, &labels))
        .or_else(|| choose_title(&candidates, &heading_texts, &labels));
    if let (Some(t), Some(tag)) = (&title, &title_tag) {
        // The `<title>` beside the headline names the site when nothing else does.
        if let Some(site) = site_part(tag, t) {
            sites.push(site);
        }
    }
    // A title that is no heading of the page (a shortened SEO title) yields to the
    // headline the page shows, when one reads the same with a few more words; the line the
    // page marks as its headline is already what it shows.
    if let Some(t) = &title
        && !from_marked
        && !heading_texts.iter().any(|h| same_text(h, t))
        && let Some(shown) = shown_headline(&parts.items, t, &labels)
    {
        title = Some(shown);
    }
    let heading = title.as_deref().and_then(|t| find_heading(&parts.items, t));
    dom::unmark_wrappers(&mut parts.items, heading);
    // Without a block of prose (a very short page) the article element, else the body.
    let root = dom::content_root(&parts.items, heading).or_else(|| {
        ["article", "main", "body"]
            .iter()
            .find_map(|t| parts.items.iter().position(|i| i.tag == *t && !i.chrome))
    });
    let dek = find_dek(&parts.items, title.as_deref(), heading, root);
    let dek_at = dek.as_ref().map(|(n, _)| *n);
    let mut rendered = root.map_or_else(Rendered::default, |r| {
        render_root(&parts.items, r, dek_at, title.as_deref())
    });
    // A standfirst too long for a subtitle, above the story's element, opens the story.
    if dek.is_none()
        && let Some(r) = root
        && let Some(opening) = long_standfirst(&parts.items, heading, r)
        && !story_repeats(&rendered.paragraphs, &opening)
    {
        rendered.paragraphs.insert(0, opening);
    }
    if let Some(body) = &ld.body {
        let found: usize = rendered.paragraphs.iter().map(String::len).sum();
        // Markup without the article (a script-built page) leaves the JSON-LD body.
        if found * 2 < body.len() {
            rendered = Rendered {
                paragraphs: text::paragraphs(&html::decode_entities(body)),
                links: Vec::new(),
            };
        }
    }
    // A page whose story is only a player or a gallery still says what it is about.
    if rendered.paragraphs.is_empty()
        && let Some(d) = meta(&["og:description", "description", "twitter:description"])
        && dek.as_ref().is_none_or(|(_, t)| !same_text(t, &d))
    {
        rendered.paragraphs = text::paragraphs(&d);
    }
    let url = parts
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .or_else(|| ld.url.clone())
        .filter(|u| u.starts_with("http"));
    // The end of the story: what comes after it dates other things first.
    let limit = root.map_or(parts.items.len(), |r| parts.items[r].end);
    let headline_at = heading.unwrap_or(0).min(limit);
    let date = ld
        .date
        .as_deref()
        .and_then(parse_date)
        // The first key whose value reads as a date: a page may fill a better key badly.
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| meta(&[k]).as_deref().and_then(parse_date))
        })
        .or_else(|| ld.created.as_deref().and_then(parse_date))
        .or_else(|| {
            metas
                .iter()
                .filter(|(k, _)| publication_key(k))
                .find_map(|(_, v)| parse_date(v))
        })
        .or_else(|| time_element_date(&parts.items, heading, (0, limit)))
        .or_else(|| {
            let urls = [parts.canonical.clone(), meta(&["og:url"]), ld.url.clone()];
            urls.into_iter()
                .flatten()
                .chain(parts.self_links.iter().cloned())
                .find_map(|u| date_in_url(&u))
        })
        // Date lines from the headline down to the story's end.
        .or_else(|| text_date(&parts.items, heading, (headline_at, limit)))
        .or_else(|| {
            cued_dates(&parts.items, (headline_at, limit))
                .next()
                .map(|(d, _)| d)
        })
        .or_else(|| headline_line_date(&parts.items, heading, limit))
        // Below the story: a post's footer line, then a `<time>` (a byline set below the
        // text, or a list of other posts, each with its date).
        .or_else(|| footer_date(&parts.items, limit))
        .or_else(|| time_element_date(&parts.items, heading, (limit, usize::MAX)))
        // Above the headline a masthead may show the day's date, not the story's.
        .or_else(|| text_date(&parts.items, heading, (0, headline_at)))
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .find_map(|k| meta(&[k]).as_deref().and_then(parse_date))
        })
        .or_else(|| ld.modified.as_deref().and_then(parse_date));
    // A site named by its address ("http://www.tmz.com") is named by its host.
    let source = sites
        .into_iter()
        .next()
        .map(|s| site_of_address(&s))
        .filter(|s| !s.is_empty());
    let author = ld
        .author
        .clone()
        .or_else(|| meta(AUTHOR_KEYS).map(|a| a.trim_start_matches("By ").to_string()))
        .filter(|a| !a.starts_with("http"))
        .and_then(|a| author_name(&a, source.as_deref()));
    // The title is what the page's metadata calls it (JSON-LD, Open Graph, Twitter, meta
    // title), as the big extractors read it; the shown headline above only places the
    // article in the page, and titles a page whose metadata has none.
    let title = meta_headline(&candidates[..4], &heading_texts, &labels, title.as_deref())
        .or(title)
        .map(|t| without_site_tail(&t, &labels));
    Page {
        meta: PageMeta {
            title,
            subtitle: dek.map(|(_, t)| t),
            date,
            source,
            url,
            author,
        },
        rendered,
    }
}

/// The first title candidate that is a headline, with any site or section name split off.
///
/// A candidate equal to a site or section label is never a title; a part of a candidate
/// equal to one of the page's headings is the headline.
pub fn choose_title(
    candidates: &[Option<String>],
    headings: &[&str],
    labels: &[String],
) -> Option<String> {
    let is_label = |s: &str| labels.iter().any(|l| l.eq_ignore_ascii_case(s.trim()));
    candidates.iter().flatten().find_map(|c| {
        let c = text::squash(c);
        if c.is_empty() || cut_short(&c) || is_label(&c) {
            return None;
        }
        // The headline as the page prints it, typography included: metadata often
        // flattens "Paraguay’s" to "Paraguay's".
        let shown = |t: &str| {
            headings
                .iter()
                .find(|h| same_text(h, t))
                .map(|h| h.to_string())
        };
        if let Some(h) = shown(&c) {
            return Some(h);
        }
        if let Some(h) = headings
            .iter()
            .find(|h| !is_label(h) && headline_then_label(&c, h))
        {
            return Some(h.to_string());
        }
        // A `Name: ` that two sources of the title share is part of the headline: sites
        // put their own name in the `<title>` only.
        let shared_head = c.split_once(": ").is_some_and(|(head, _)| {
            let head = format!("{head}: ");
            // Distinct texts: a site copies its `og:title` into `twitter:title`.
            let sources: std::collections::HashSet<String> = candidates
                .iter()
                .flatten()
                .map(|o| text::squash(o))
                .collect();
            sources.iter().filter(|o| o.starts_with(&head)).count() >= 2
        });
        let parts = split_title_at(&c, !shared_head);
        if let [only] = parts.as_slice() {
            return Some(only.to_string());
        }
        // A whole candidate that another source repeats and extends ("A - B" and the
        // `<title>` "A - B - Site") is the headline, separators and all, unless a part of it
        // is the site's or section's name.
        let extended = candidates
            .iter()
            .flatten()
            .map(|o| text::squash(o))
            .any(|o| o.len() > c.len() && o.starts_with(&c));
        if extended && !parts.iter().any(|p| is_label(p)) {
            return Some(c);
        }
        // A site name shown as a logo heading is still no headline.
        if let Some(h) = parts.iter().filter(|p| !is_label(p)).find_map(|p| shown(p)) {
            return Some(h);
        }
        // A lone section word beside a site's name ("News | Harbour Post") is no headline.
        parts
            .iter()
            .filter(|p| !is_label(p) && !is_one_short_word(p))
            .max_by_key(|p| p.split_whitespace().count())
            .map(|p| p.to_string())
    })
}

/// One word under eight characters ("News", "Sport"): a section's name, not a headline.
fn is_one_short_word(t: &str) -> bool {
    t.split_whitespace().count() < 2 && t.chars().count() < 8
}

/// The first metadata title that is a headline: whole, as the page prints it, without a
/// site or section name it names elsewhere.
///
/// Unlike the `<title>`, metadata titles seldom carry the site's name, so one is split only
/// at a known label or where a part is one of the page's headings ("Saving Data: Reducing
/// ..." stays whole).
fn meta_headline(
    metas: &[Option<String>],
    headings: &[&str],
    labels: &[String],
    found: Option<&str>,
) -> Option<String> {
    let is_label = |s: &str| labels.iter().any(|l| same_text(l, s.trim()));
    let shown = |t: &str| {
        headings
            .iter()
            .find(|h| same_text(h, t))
            .map(|h| h.to_string())
    };
    metas.iter().flatten().find_map(|c| {
        let c = text::squash(c);
        if is_one_short_word(&c) || cut_short(&c) || is_label(&c) {
            return None;
        }
        if let Some(h) = shown(&c) {
            return Some(h);
        }
        let parts = split_title(&c);
        // A shown part heads the title, or follows only labels: a site's name trails, and a
        // kicker before the headline ("Alito and Prelogar: The nonstop ...") is the title's.
        let leading = parts.iter().position(|p| !is_label(p)).unwrap_or(0);
        if let Some(h) = parts.get(leading).and_then(|p| shown(p)) {
            return Some(h);
        }
        // The headline found from the page, then a site's name after a separator.
        if let Some(h) = headings
            .iter()
            .copied()
            .chain(found)
            .find(|h| !is_label(h) && headline_then_label(&c, h))
        {
            return Some(h.to_string());
        }
        if let [only] = parts.as_slice() {
            return Some(only.to_string());
        }
        let rest: Vec<&str> = parts.iter().copied().filter(|p| !is_label(p)).collect();
        match rest.as_slice() {
            // A section word left of a site's name ("News | Harbour Post") is no headline:
            // the page's own headline is then the better title.
            [one] if parts.len() > 1 => (!is_one_short_word(one)).then(|| one.to_string()),
            _ => Some(c),
        }
    })
}

/// Characters that part a headline from a site's name after it ("... ：日本経済新聞").
const TAIL_MARKS: &[char] = &[
    '-', '|', ':', '\u{FF1A}', '\u{FF5C}', '_', '@', '\u{00B7}', '\u{2022}', '/', '\u{2013}',
    '\u{2014}',
];

/// `title` without a site or section name (or the first word of one: "日本経済新聞" of
/// "日本経済新聞 電子版") that ends it after a separator.
fn without_site_tail(title: &str, labels: &[String]) -> String {
    let blank = |c: char| c.is_whitespace();
    for label in labels {
        let first = label.split(blank).next().unwrap_or("");
        for (tail, whole) in [(label.as_str(), true), (first, false)] {
            if tail.chars().count() < 2 {
                continue;
            }
            let Some(head) = title.trim_end_matches(blank).strip_suffix(tail) else {
                continue;
            };
            let head = head.trim_end_matches(blank);
            let Some(mark) = head.chars().next_back().filter(|c| TAIL_MARKS.contains(c)) else {
                continue;
            };
            let head = &head[..head.len() - mark.len_utf8()];
            // "hard-Wired" is a word, not a site after a dash; a site's first word alone
            // ("Apple" of "Apple Insider") goes only after a full-width mark, as Japanese
            // sites write it, never after an ASCII one where it may be the headline's.
            let spaced = head.ends_with(blank);
            if (matches!(mark, '-' | '/') && !spaced) || (!whole && mark.is_ascii()) {
                continue;
            }
            let head = head.trim_end_matches(|c: char| blank(c) || TAIL_MARKS.contains(&c));
            if head.chars().count() >= 6 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

/// The host of a site written as its address (`http://www.tmz.com/` -> `tmz.com`), else the
/// name as it is.
fn site_of_address(site: &str) -> String {
    let Some(rest) = site
        .strip_prefix("https://")
        .or_else(|| site.strip_prefix("http://"))
    else {
        return site.to_string();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// An author line as a name: without an address in brackets ("Ann Lee (http://...)") or the
/// outlet after it ("..., CNN"), and none when it only names the outlet.
fn author_name(author: &str, source: Option<&str>) -> Option<String> {
    static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*[(<\[]\s*(?:https?://|www\.)[^)>\]]*[)>\]]").expect("valid regex")
    });
    let mut a = ADDRESS.replace_all(author, "").trim().to_string();
    if let Some(s) = source.filter(|s| !s.is_empty()) {
        for sep in [",", " -", " |", " /"] {
            let tail = format!("{sep} {s}");
            // Compared in place: lowercasing may change a text's length in bytes.
            let cut = a.len().checked_sub(tail.len()).filter(|&c| c > 0);
            if let Some(c) = cut
                && a.is_char_boundary(c)
                && a[c..].to_lowercase() == tail.to_lowercase()
            {
                a.truncate(c);
            }
        }
        if a.eq_ignore_ascii_case(s) {
            return None;
        }
    }
    let a = a.trim_end_matches([',', ';', ' ']).to_string();
    (!a.is_empty()).then_some(a)
}

/// A title cut short for a card ("Sheldon Adelson's..."): no headline.
fn cut_short(title: &str) -> bool {
    title.ends_with("...") || title.ends_with('\u{2026}')
}

/// A character as [`same_text`] compares it.
fn plain(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The first heading of the page that a title candidate, or one of its parts, reads as
/// (three words or more, not a site or section label).
fn agreed_headline(
    candidates: &[Option<String>],
    headings: &[&str],
    labels: &[String],
) -> Option<String> {
    candidates.iter().flatten().find_map(|c| {
        let c = text::squash(c);
        let mut parts = split_title(&c);
        parts.insert(0, &c);
        parts.iter().find_map(|p| {
            let label = labels.iter().any(|l| l.eq_ignore_ascii_case(p.trim()));
            if label || p.split_whitespace().count() < 3 {
                return None;
            }
            headings
                .iter()
                .find(|h| same_text(h, p))
                .map(|h| h.to_string())
        })
    })
}

/// Whether two texts read the same: case, and curly against straight quotes and dashes
/// against hyphens, aside.
fn same_text(a: &str, b: &str) -> bool {
    a.chars().map(plain).eq(b.chars().map(plain))
}

/// Whether `title` is `headline` with a site or section name after a separator
/// (`Headline - with a dash | Site`): then no split of the title can find the headline.
fn headline_then_label(title: &str, headline: &str) -> bool {
    let mut t = title.chars().map(plain);
    let head_matches = headline.chars().map(plain).all(|h| t.next() == Some(h));
    let rest: String = t.collect();
    let rest = rest.trim_start();
    let (head_words, rest_words) = (
        headline.split_whitespace().count(),
        // Separators are no words (":: Site ::").
        rest.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
    );
    // The headline is the longer part: "Analysis: Ferries are always late" is no headline
    // "Analysis" with a label after it.
    head_matches
        && head_words >= 3
        && head_words > rest_words
        && rest.starts_with(['|', '-', ':', '\u{00B7}', '\u{2022}', '/'])
        && (1..=6).contains(&rest_words)
}

/// Lower-cased words of a text, quotes and dashes made plain, punctuation dropped.
fn plain_words(t: &str) -> Vec<String> {
    t.split(|c: char| c.is_whitespace() || matches!(plain(c), '-' | '|' | ':' | ','))
        .map(|w| {
            w.chars()
                .map(plain)
                .filter(|c| !matches!(c, '.' | '"' | '!' | '?'))
                .collect()
        })
        .filter(|w: &String| !w.is_empty())
        .collect()
}

/// The page's visible headline for a title that is not one of its headings: the first
/// short element (a heading, or bold or large text on pages without one) that holds nearly
/// every word of the title and not many more.
fn shown_headline(items: &[Item<'_>], title: &str, labels: &[String]) -> Option<String> {
    let want = plain_words(title);
    if want.len() < 4 {
        return None;
    }
    let visible = |i: &Item<'_>| !i.foreign && !i.chrome;
    let is_label = |t: &str| labels.iter().any(|l| same_text(l, t.trim()));
    // An `<h1>` that names the site is its logo, not a headline.
    let has_h1 = items
        .iter()
        .any(|i| i.tag == "h1" && visible(i) && !is_label(&dom::text_of(i.node, 200)));
    let tags: &[&str] = if has_h1 {
        &["h1"]
    } else {
        &["h2", "b", "strong", "font", "big", "div", "span", "td", "p"]
    };
    let close = items
        .iter()
        .filter(|i| tags.contains(&i.tag) && visible(i))
        .take(400)
        .find_map(|i| {
            let text = text::squash(&dom::text_of(i.node, 600));
            let got = plain_words(&text);
            if got.len() < want.len() || got.len() > want.len() * 3 / 2 + 2 {
                return None;
            }
            // Words before the whole title are a kicker or a label ("Exclusive"): the title is
            // already the headline. Words after it are what a shortened title cut off.
            let flat = |t: &str| t.chars().map(plain).collect::<String>();
            let (shown, cut) = (flat(&text), flat(title));
            if shown.contains(&cut) && !shown.starts_with(&cut) {
                return None;
            }
            let shared = want.iter().filter(|w| got.contains(w)).count();
            (shared * 10 >= want.len() * 9).then_some(text)
        });
    // A logo often sits in a `<header>` (chrome by its tag).
    let logo = items
        .iter()
        .any(|i| i.tag == "h1" && !i.foreign && is_label(&dom::text_of(i.node, 200)));
    if close.is_some() || has_h1 || !logo {
        return close;
    }
    // Under a logo `<h1>`, the first long `<h2>` on the title's subject is the headline: an
    // SEO title may share only its key words (five letters or more, half of them at least).
    let key: Vec<&String> = want.iter().filter(|w| w.chars().count() >= 5).collect();
    items
        .iter()
        .filter(|i| i.tag == "h2" && visible(i))
        .take(50)
        .find_map(|i| {
            let text = text::squash(&dom::text_of(i.node, 600));
            let got = plain_words(&text);
            let shared = key.iter().filter(|w| got.contains(w)).count();
            let enough = shared >= 2 && shared * 2 >= key.len();
            (got.len() >= 5 && enough && !is_label(&text)).then_some(text)
        })
}

/// A title split at its site-name separators (`Headline | Section | Site`).
fn split_title(title: &str) -> Vec<&str> {
    split_title_at(title, true)
}

/// [`split_title`], splitting `Name: Headline` only when `colon` says so.
fn split_title_at(title: &str, colon: bool) -> Vec<&str> {
    let mut parts = vec![title];
    if !title.contains(' ') {
        // Chinese and Japanese sites part a spaceless title with bars or underscores
        // ("标题_栏目_网站"), headline first: it is taken when it is the widest part, so a
        // kicker before it ("快讯｜...") or a headline as short as the site's name keeps all.
        let cjk = |c: char| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}');
        if !title.chars().any(cjk) {
            return parts;
        }
        let width = |p: &str| p.chars().map(|c| if cjk(c) { 2 } else { 1 }).sum::<usize>();
        let split: Vec<&str> = title
            .split(['_', '|', '\u{FF5C}'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if let [first, rest @ ..] = split.as_slice() {
            if !rest.is_empty() && rest.iter().all(|r| width(r) < width(first)) {
                return vec![*first];
            }
        }
        return parts;
    }
    for sep in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    // `Site Name: Headline` splits only when the head reads as a name (a few capitalised
    // words) and the tail as a headline; `Minister: we will act` stays whole.
    if parts.len() == 1 && colon {
        if let Some((head, tail)) = title.split_once(": ") {
            let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            let name = (2..=4).contains(&head.split_whitespace().count())
                && head.split_whitespace().all(capital);
            if name && tail.split_whitespace().count() >= 3 && capital(tail.trim()) {
                return vec![head.trim(), tail.trim()];
            }
        }
    }
    parts
}

/// The site name in a `<title>` beside the headline (`Headline | Site`), if it is short.
fn site_part(title_tag: &str, headline: &str) -> Option<String> {
    let parts = split_title(title_tag);
    if parts.len() != 2 {
        return None;
    }
    let other = parts.iter().find(|p| !p.eq_ignore_ascii_case(headline))?;
    let named = parts.iter().any(|p| p.eq_ignore_ascii_case(headline));
    (named && (1..=5).contains(&other.split_whitespace().count())).then(|| other.to_string())
}

/// The element showing the headline: a heading (or short element) whose text is the title.
fn find_heading(items: &[Item<'_>], title: &str) -> Option<usize> {
    let len = title.chars().filter(|c| !c.is_whitespace()).count() as u32;
    let shows = |i: &Item<'_>| {
        (i.chars >= len.saturating_sub(2) || i.tag.starts_with('h'))
            && i.chars <= len + 2
            && (i.chars + 2 >= len || matches!(i.tag, "h1" | "h2" | "h3" | "a" | "span"))
            && dom::text_of(i.node, title.len() + 64).eq_ignore_ascii_case(title)
    };
    items
        .iter()
        .position(|i| !i.foreign && shows(i))
        // A headline under a wrapper whose hints say widget or sidebar: the wrapper may be
        // the article's own ("widget Blog"), which only the headline can tell.
        .or_else(|| items.iter().position(shows))
        .or_else(|| items.iter().position(|i| i.tag == "h1" && !i.foreign))
}

/// How far up [`in_figure`] looks for a figure.
const FIGURE_DEPTH: usize = 64;

/// Whether an element is a photo's or its caption's (a bounded walk up).
fn in_figure(items: &[Item<'_>], mut n: usize) -> bool {
    for _ in 0..FIGURE_DEPTH {
        let Some(i) = items.get(n) else {
            return false;
        };
        if matches!(i.tag, "figure" | "figcaption") {
            return true;
        }
        n = i.parent;
    }
    false
}

/// A standfirst near the top: an element whose hints say dek, short, not the title.
fn find_dek(
    items: &[Item<'_>],
    title: Option<&str>,
    heading: Option<usize>,
    root: Option<usize>,
) -> Option<(usize, String)> {
    let limit = root.map_or(items.len(), |r| items[r].end);
    let prose_paragraph = |i: &Item<'_>| i.tag == "p" && dom::block_weight(i) > 0.0;
    // Paragraphs of prose per parent, counted once.
    let mut prose_children: HashMap<usize, usize> = HashMap::new();
    for i in items.iter().filter(|i| prose_paragraph(i)) {
        *prose_children.entry(i.parent).or_insert(0) += 1;
    }
    // A standfirst stands under the headline: what comes before it is the page's (a market
    // ticker, a subscription offer).
    let from = heading.map_or(0, |h| h + 1);
    // It stands over the story, too: a subheading among the story's paragraphs is a section's.
    let first_prose = (from.max(root.unwrap_or(0))..limit)
        .find(|&k| prose_paragraph(&items[k]))
        .unwrap_or(limit);
    items
        .iter()
        .enumerate()
        .take((first_prose + 1).min(limit))
        .skip(from)
        .find_map(|(n, i)| {
            // An intro with paragraphs of prose beside it is the story's first paragraph.
            let beside_prose = || {
                let own = usize::from(prose_paragraph(i));
                prose_children.get(&i.parent).is_some_and(|&c| c > own)
            };
            // A caption describes its photo (`<figcaption itemprop="description">`), not the story.
            if !(i.dek || i.lede && !beside_prose()) || i.foreign || in_figure(items, n) {
                return None;
            }
            // A block holding a picture is its photo and caption ("image__lede"), not a standfirst.
            let media = i.node.descendants().take(200).any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "img" | "picture" | "figure" | "video"))
            });
            if media {
                return None;
            }
            let t = dom::text_of(i.node, 600);
            let words = t.split_whitespace().count();
            // Words of prose, not figures ("S&P 500 2,111.72 -14.43").
            let wordy = t
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .count();
            let ok = (4..=DEK_WORDS).contains(&words)
                && wordy * 3 >= words * 2
                && title.is_none_or(|h| !h.eq_ignore_ascii_case(&t));
            ok.then_some((n, t))
        })
}

/// The most words [`find_dek`] takes for a subtitle.
const DEK_WORDS: usize = 60;

/// A standfirst of more than [`DEK_WORDS`] words (Le Monde diplomatique's `chapo`) between
/// the headline and the story's element: no subtitle, but the story's opening paragraph.
fn long_standfirst(items: &[Item<'_>], heading: Option<usize>, root: usize) -> Option<String> {
    let h = heading?;
    // It stands with the headline, in a container the story's element is not in: what wraps
    // the story, or stands elsewhere (a product's or a video's description), is no standfirst.
    let head_box = items.get(h)?.parent;
    let holds = |k: usize, n: usize| items.get(k).is_some_and(|i| k <= n && n < i.end);
    if holds(head_box, root) {
        return None;
    }
    (h + 1..root.min(items.len()))
        .filter(|&n| {
            let i = &items[n];
            i.dek
                && !i.foreign
                && !i.chrome
                && holds(head_box, n)
                && !holds(n, root)
                && !in_figure(items, n)
        })
        .find_map(|n| {
            let t = dom::text_of(items[n].node, 4000);
            (t.split_whitespace().count() > DEK_WORDS).then_some(t)
        })
}

/// Whether the story already tells `opening`: a summary box above a story repeats its first
/// sentences, or holds them all.
fn story_repeats(paragraphs: &[String], opening: &str) -> bool {
    let head: String = opening.chars().take(80).collect();
    let head = text::squash(&head);
    let whole = text::squash(opening);
    paragraphs.iter().take(6).any(|p| {
        let p = text::squash(&text::strip_refs(p));
        p.contains(&head) || (p.len() >= 20 && whole.contains(&p))
    })
}

/// Longest block (characters of its whole text) that may be a site's notice linking its
/// policy pages: a wrapper of the story that holds such a link is longer.
const POLICY_NOTICE_CHARS: u32 = 500;

/// Renders the article element, leaving out chrome, the dek, the headline and link lists.
fn render_root(
    items: &[Item<'_>],
    root: usize,
    dek: Option<usize>,
    title: Option<&str>,
) -> Rendered {
    let index: HashMap<ego_tree::NodeId, usize> = (root..items[root].end)
        .filter_map(|n| items.get(n).map(|i| (i.node.id(), n)))
        .collect();
    let title_chars = title.map_or(0, |t| {
        t.chars().filter(|c| !c.is_whitespace()).count() as u32
    });
    let mut title_seen = false;
    html::render_subtree(items[root].node, |node| {
        let Some(&n) = index.get(&node.id()) else {
            return true;
        };
        let i = &items[n];
        if n == root {
            return false;
        }
        // A site's notice linking its own rules ("read our guidelines before commenting").
        if i.chrome || dek == Some(n) || (i.policy && i.sub_chars <= POLICY_NOTICE_CHARS) {
            return true;
        }
        if matches!(
            i.tag,
            "p" | "li" | "ul" | "ol" | "div" | "section" | "dl" | "table"
        ) && i.sub_chars > 0
        {
            // A paragraph is prose unless links are most of it: an encyclopedia's sentences
            // link half their words.
            let dense = if i.tag == "p" {
                i.sub_link * 10 > i.sub_chars * 7
            } else {
                i.sub_link * 10 > i.sub_chars * 6
                    || i.sub_link * 2 > i.sub_chars && i.sub_chars < 600
            };
            if dense {
                return true;
            }
        }
        if !title_seen && title_chars > 0 && i.sub_chars.abs_diff(title_chars) <= 2 {
            if let Some(t) = title {
                if dom::text_of(i.node, t.len() + 64).eq_ignore_ascii_case(t) {
                    title_seen = true;
                    return true;
                }
            }
        }
        false
    })
}

/// The first `<time datetime>` among `items[from..to]` that dates the page: not in comments,
/// teasers, quotations (embedded posts) or an event's details.
fn time_element_date(
    items: &[Item<'_>],
    heading: Option<usize>,
    (from, to): (usize, usize),
) -> Option<NaiveDate> {
    items
        .get(from..to.min(items.len()))?
        .iter()
        .enumerate()
        .filter(|&(k, i)| {
            i.tag == "time"
                && !i.event
                && !foreign_to(items, from + k, heading)
                && !quoted(items, from + k)
        })
        .find_map(|(_, i)| time_attr_date(i.node.value().as_element()?))
}

/// The date a `<time>` element states for machines: in `datetime`, in microdata's `content`,
/// or in a script's attribute (`data-published="2016-12-09 09:13:00Z"`).
fn time_attr_date(e: &scraper::node::Element) -> Option<NaiveDate> {
    let scripted = e.attrs().filter(|(name, _)| {
        name.strip_prefix("data-")
            .is_some_and(|n| ["date", "time", "publish"].iter().any(|w| n.contains(w)))
    });
    [e.attr("datetime"), e.attr("content")]
        .into_iter()
        .flatten()
        .chain(scripted.map(|(_, v)| v))
        .find_map(parse_date)
}

/// Whether an element is a quotation or inside one (see [`Item::quoted`]).
fn quoted(items: &[Item<'_>], k: usize) -> bool {
    items
        .get(k)
        .is_some_and(|i| i.quoted || i.tag == "blockquote")
}

/// Whether an element is another article's or readers' (see [`Item::foreign`]). A section
/// that holds the page's headline is the page's own, whatever its name says: some sites call
/// the column with the headline and byline "sidebar".
fn foreign_to(items: &[Item<'_>], i: usize, heading: Option<usize>) -> bool {
    let Some(item) = items.get(i).filter(|it| it.foreign) else {
        return false;
    };
    let Some(h) = heading else { return true };
    let (mut k, mut it) = (i, item);
    for _ in 0..=dom::MAX_DEPTH {
        if it.own_foreign && !(k <= h && h < it.end) {
            return true;
        }
        match items.get(it.parent) {
            Some(p) if it.parent < k => (k, it) = (it.parent, p),
            _ => return false,
        }
    }
    true
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})(?:[/_-]?)(\d{2})(?:[/_-]?)(\d{2})(?:[/_.-]|$)")
        .expect("static regex")
});

/// A date written in a URL's path (`/2024/05/09/`, `-20221201`).
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = path.find('/').map_or("", |i| &path[i..]);
    URL_DATE.captures_iter(path).find_map(|c| {
        let num = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
        NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)
    })
}

static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // A month in words of another language, checked against the month names when read.
    let other = r"\d{1,2}(?:\.|er|º)?\s(?:de\s)?\p{L}{3,}\.?,?\s(?:del?\s)?\d{4}|\p{L}{3,}\.?\s\d{1,2},?\s\d{4}";
    let month = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}}(?:st|nd|rd|th)? {month},? \d{{4}}|{month} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|{other})\b"
    ))
    .expect("static regex")
});

/// A date written out in a short text (`Published 6 May 2022`, `July 8, 2024 · 5 min`).
pub fn date_in_text(s: &str) -> Option<NaiveDate> {
    TEXT_DATE.find_iter(s).find_map(|m| {
        let raw = m.as_str();
        if raw.contains('/') {
            return slashed_date(raw);
        }
        let cleaned: String = raw
            .split_whitespace()
            .map(|w| {
                let w = w.trim_end_matches(',');
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    digits.to_string()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        parse_date(&cleaned)
    })
}

/// `14/05/2025` or `05/14/2025`: read only when one order alone makes a date, since sites
/// write day first or month first and nothing else on the line says which.
fn slashed_date(raw: &str) -> Option<NaiveDate> {
    let mut it = raw.split('/').map(|n| n.parse::<u32>().ok());
    let (a, b, y) = (it.next()??, it.next()??, it.next()??);
    let day_first = NaiveDate::from_ymd_opt(y as i32, b, a);
    let month_first = NaiveDate::from_ymd_opt(y as i32, a, b);
    match (day_first, month_first) {
        (Some(d), None) | (None, Some(d)) => Some(d),
        (Some(d), Some(m)) if d == m => Some(d),
        _ => None,
    }
}

/// A written date in a short date-hinted element among `items[from..to]`.
fn text_date(
    items: &[Item<'_>],
    heading: Option<usize>,
    (from, to): (usize, usize),
) -> Option<NaiveDate> {
    items
        .get(from..to.min(items.len()))?
        .iter()
        .enumerate()
        .find_map(|(k, i)| {
            if !(i.date_hint || i.tag == "time")
                || i.event
                || foreign_to(items, from + k, heading)
                || quoted(items, from + k)
            {
                return None;
            }
            let t = dom::text_of(i.node, 200);
            (t.len() <= 160).then(|| date_in_text(&t)).flatten()
        })
}

/// A date after a cue word ("Posted: Sunday, May 12, 2024", "von Anna am 20.06.2018") in a
/// short element among `items[from..to]`: date lines with no class that names them. Each
/// found date says whether a bare word ("am", "le") was its only cue.
fn cued_dates<'a>(
    items: &'a [Item<'a>],
    (from, to): (usize, usize),
) -> impl Iterator<Item = (NaiveDate, bool)> + 'a {
    let strong = RULES.page.date_cue.as_ref();
    let near = RULES.page.date_cue_near.as_ref();
    // The block an inline element's text is counted in.
    let block_of = move |mut k: usize| {
        while let Some(i) = items.get(k) {
            if i.block {
                return Some(i);
            }
            k = i.parent;
        }
        None
    };
    items
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        // Short lines: short blocks, and inline runs such as `<font>By ...<br>Posted: ...
        // </font>` in a short block; never a date told inside a paragraph of the story.
        .filter(move |&(k, i)| {
            // A paragraph holding a date line is a line, not a sentence of the story.
            let short = block_of(k).is_some_and(|b| match b.tag {
                "p" | "li" | "blockquote" | "dd" => b.chars <= 80,
                _ => b.chars <= 400,
            });
            !i.foreign
                && !i.chrome
                && !i.event
                && short
                && (!i.block || i.chars > 0)
                && !quoted(items, k)
        })
        .filter_map(move |(_, i)| {
            let t = dom::text_of(i.node, 200);
            if t.len() > 160 {
                return None;
            }
            TEXT_DATE.find_iter(&t).find_map(|m| {
                let before = &t[..m.start()];
                let cue = before
                    .rfind(['|', '\u{00B7}', '\u{2022}'])
                    .map_or(before, |k| &before[k..]);
                let cue = without_weekday(cue.trim_end().trim_end_matches(',').trim_end());
                let bare = if strong.is_some_and(|c| c.is_match(cue)) {
                    false
                } else if near.is_some_and(|c| c.is_match(cue)) {
                    true
                } else {
                    return None;
                };
                date_in_text(m.as_str()).map(|d| (d, bare))
            })
        })
}

/// Items after the story's end that [`footer_date`] reads: a post's footer line stands
/// right after it (and a long tail of comments must not cost a parse per line).
const FOOTER_ITEMS: usize = 1000;

/// A cued date line right after the story ("Gespeichert von rasos am 24. Juli 2017"): a
/// strong cue, or a bare one ("am", "le") on the only such line, since readers' comments
/// below a story repeat theirs ("Soumis par Anne, le 30 octobre 2012").
fn footer_date(items: &[Item<'_>], limit: usize) -> Option<NaiveDate> {
    let range = (limit, limit.saturating_add(FOOTER_ITEMS));
    // One pass: the first strong cue wins; bare ones are counted.
    let (mut first_bare, mut bare_lines) = (None, 0);
    for (d, bare) in cued_dates(items, range) {
        if !bare {
            return Some(d);
        }
        first_bare = first_bare.or(Some(d));
        bare_lines += 1;
    }
    first_bare.filter(|_| bare_lines == 1)
}

/// Blocks after the headline [`headline_line_date`] reads before giving up.
const HEADLINE_LINES: usize = 4;
/// The longest line it takes for a date line; longer blocks are the story's prose.
const DATE_LINE_CHARS: u32 = 100;
/// Words a date line may hold besides its date ("Donnerstag, 15.2.2018, 19:51 Uhr").
const DATE_LINE_WORDS: usize = 5;

/// A date line right under the headline that no class or cue names ("Donnerstag, 15.2.2018,
/// 19:51"), or a date opening the story's first paragraph ("(18.01.2018) Deutschlands ...").
fn headline_line_date(
    items: &[Item<'_>],
    heading: Option<usize>,
    limit: usize,
) -> Option<NaiveDate> {
    let h = heading?;
    let start = items.get(h)?.end.max(h + 1);
    let mut lines = 0;
    for (k, i) in items.iter().enumerate().take(limit).skip(start) {
        if !i.block || i.chars == 0 || i.tag_chrome || i.event || foreign_to(items, k, heading) {
            continue;
        }
        let t = dom::text_of(i.node, 200);
        let m = TEXT_DATE.find(&t);
        if i.chars > DATE_LINE_CHARS {
            // The story begins: only a date set off at its very start counts, a dateline's
            // ("(18.01.2018) Deutschlands ...", "Feb. 23, 2015 -- Babies ..."), not a
            // sentence's ("15 March 2019 will be remembered ...").
            let m = m?;
            let before = t[..m.start()].trim_matches(|c: char| c.is_whitespace() || c == '(');
            let after = t[m.end()..].trim_start();
            let set_off = after.starts_with([')', '–', '—', '-', '|', '/', ':'])
                || after
                    .strip_prefix(',')
                    .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            return (before.is_empty() && set_off)
                .then(|| date_in_text(m.as_str()))
                .flatten();
        }
        // A line of its own: the date and a few words around it (a weekday, a time, a
        // name), not a sentence that tells of a day ("The council voted on March 5, 2019").
        // A line in parts ("By Ann Roe, Correspondent | March 5, 2019 | 4 min read") is
        // judged by the part that holds the date.
        if let Some(m) = m {
            let seps = ['|', '\u{00B7}', '\u{2022}'];
            let from = t[..m.start()].rfind(seps).map_or(0, |k| k + 1);
            let to = t[m.end()..].find(seps).map_or(t.len(), |k| m.end() + k);
            let rest = format!("{} {}", &t[from..m.start()], &t[m.end()..to]);
            let words = rest
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            if words <= DATE_LINE_WORDS {
                return date_in_text(m.as_str());
            }
        }
        lines += 1;
        if lines >= HEADLINE_LINES {
            return None;
        }
    }
    None
}

/// `text` without a weekday name at its end ("Posted: Sunday" gives "Posted:", "Publié le
/// lundi" gives "Publié le").
fn without_weekday(text: &str) -> &str {
    let start = text.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let last = &text[start..];
    if any_weekday(&last.to_lowercase()) {
        text[..start].trim_end()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` paragraphs of one story, "Paragraph 1" on, each going on with `rest`.
    fn numbered(count: usize, rest: &str) -> String {
        (1..=count)
            .map(|n| format!("<p>Paragraph {n}{rest}</p>"))
            .collect()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn titles_lose_site_and_section_names_and_are_never_labels() {
        let labels = vec!["The Valley Courier".to_string(), "Technology".to_string()];
        let c = [
            None,
            some("Data centre plan divides town | Technology"),
            None,
        ];
        assert_eq!(
            choose_title(&c, &[], &labels).as_deref(),
            Some("Data centre plan divides town")
        );
        let c = [
            some("The Valley Courier"),
            some("Bridge opens - The Valley Courier"),
        ];
        assert_eq!(
            choose_title(&c, &[], &labels).as_deref(),
            Some("Bridge opens")
        );
        let c = [some(
            "Alsace Daily - Village bakery wins the national award",
        )];
        assert_eq!(
            choose_title(&c, &[], &[]).as_deref(),
            Some("Village bakery wins the national award")
        );
        let c = [some("Storm - what we know"), some("Storm hits the coast")];
        assert_eq!(
            choose_title(&c[1..], &["Storm hits the coast"], &[]).as_deref(),
            Some("Storm hits the coast")
        );
    }

    #[test]
    fn the_title_keeps_the_headline_typography() {
        let shown = "Mayor’s harbour plan – ten years on";
        let c = [some("Mayor's harbour plan - ten years on")];
        assert_eq!(choose_title(&c, &[shown], &[]).as_deref(), Some(shown));
        let c = [some(
            "Mayor's harbour plan - ten years on | The Valley Courier",
        )];
        assert_eq!(choose_title(&c, &[shown], &[]).as_deref(), Some(shown));
        assert!(same_text("“Quoted” – it’s", "\"quoted\" - IT'S"));
        assert!(!same_text("Mayor’s plan", "Mayors plan"));
    }

    #[test]
    fn a_headline_with_a_colon_stays_whole() {
        let c = [some("Minister: we will act on rents this year")];
        assert_eq!(
            choose_title(&c, &[], &[]).as_deref(),
            Some("Minister: we will act on rents this year")
        );
        let c = [some("Herald Online: Ash cloud grounds flights again")];
        assert_eq!(
            choose_title(&c, &[], &[]).as_deref(),
            Some("Ash cloud grounds flights again")
        );
        // A kicker that the social title and the `<title>` both carry is the headline's.
        let c = [
            some("Saving Data: Reducing the size of app updates"),
            some("Saving Data: Reducing the size of app updates | Developers Blog"),
        ];
        assert_eq!(
            choose_title(&c, &[], &[]).as_deref(),
            Some("Saving Data: Reducing the size of app updates")
        );
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_in_url("https://x.example/news/2024/05/09/port"),
            d(2024, 5, 9)
        );
        assert_eq!(
            date_in_url("https://x.example/crime/coins-20221201"),
            d(2022, 12, 1)
        );
        assert_eq!(date_in_url("/2021/11/08/library/"), d(2021, 11, 8));
        assert_eq!(date_in_url("https://x.example/id/12345678901"), None);
        assert_eq!(date_in_url("https://2024.example/a"), None);
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(date_in_text("Published 6 May 2022 · By Ann"), d(2022, 5, 6));
        assert_eq!(date_in_text("July 8, 2024 · Luka"), d(2024, 7, 8));
        assert_eq!(date_in_text("July 8th, 2024 at 6:12 pm"), d(2024, 7, 8));
        assert_eq!(
            date_in_text("Von P. H. | 03.12.2024, 14:30 Uhr"),
            d(2024, 12, 3)
        );
        assert_eq!(date_in_text("No date here"), None);
        // Slashes: only an order that alone makes a date.
        assert_eq!(date_in_text("Published: 14/05/2025"), d(2025, 5, 14));
        assert_eq!(date_in_text("Posted 05/14/2025"), d(2025, 5, 14));
        assert_eq!(date_in_text("Posted 05/06/2025"), None);
        assert_eq!(date_in_text("Posted 07/07/2025"), d(2025, 7, 7));
    }

    /// A page around a short story: `STORY` in `body` is the headline, then `line`, then the
    /// story's two paragraphs.
    fn story_page(body: &str, line: &str) -> String {
        let story = format!(
            "<h1>Harbour reopens</h1>{line}<div class=\"story\"><p>The harbour reopened to \
             ferries on Monday after a week of repairs to the outer wall.</p><p>Crews worked \
             through the night to finish the last section, the port authority said.</p></div>"
        );
        format!(
            "<html><head><title>Harbour reopens</title></head><body>{}</body></html>",
            body.replace("STORY", &story)
        )
    }

    #[test]
    fn dates_from_the_headline_down_before_those_around_it() {
        let date = |body: &str, line: &str| read(&story_page(body, line)).meta.date;
        // A masthead's day above the headline gives way to the date line under it.
        let masthead = "<div class=\"date-edition\">lun. 5 août 2019</div><main>STORY</main>";
        let line = "<ul class=\"info\"><li>27 juin 2019</li></ul>";
        assert_eq!(date(masthead, line), d(2019, 6, 27));
        assert_eq!(date(masthead, ""), d(2019, 8, 5));
        // Other posts' `<time>` below the story give way to the story's own date line.
        let listed = "<main>STORY</main><ul><li><a href=\"/other\">Another post</a> \
                      <time datetime=\"2019-07-30\">30 juil. 2019</time></li></ul>";
        assert_eq!(
            date(listed, "<p class=\"info\">27 juin 2019</p>"),
            d(2019, 6, 27)
        );
        assert_eq!(date(listed, ""), d(2019, 7, 30));
        // A German date line after "am", with no class that names it.
        let main = "<main>STORY</main>";
        assert_eq!(
            date(main, "<div class=\"autor\">von Anna am 20.06.2018</div>"),
            d(2018, 6, 20)
        );
        // A French cue; an embedded post's date inside the story is the post's.
        assert_eq!(
            date(main, "<div><div>Publié le 29/10/2012</div></div>"),
            d(2012, 10, 29)
        );
        let embed = "<main>STORY<blockquote class=\"instagram-media\"><p>A post by \
                     @harbour am <time datetime=\"2018-03-12T19:30:12+00:00\">Mär 12, 2018\
                     </time></p></blockquote></main>";
        assert_eq!(date(embed, ""), None);
        // A plain line under the headline, or a date opening the story; never a date told
        // later in its first paragraph.
        assert_eq!(
            date(
                main,
                "<div><small>Donnerstag, 15.2.2018, 19:51</small></div>"
            ),
            d(2018, 2, 15)
        );
        let opening = "<p>(18.01.2018) The harbour authority said the outer wall had held through \
                       the storm and that the repairs would be finished within the week.</p>";
        assert_eq!(date(main, opening), d(2018, 1, 18));
        let colon = "<p>5 March 2019: The harbour authority said the outer wall had held through \
                     the storm and that the repairs would be finished within the week.</p>";
        assert_eq!(date(main, colon), d(2019, 3, 5));
        let parts = "<p>By Ann Roe, Senior Correspondent | March 5, 2019 | 4 min read</p>";
        assert_eq!(date(main, parts), d(2019, 3, 5));
        let told = "<p>The harbour authority said on 18.01.2018 that the outer wall had held \
                    through the storm and that the repairs would be finished within the week.</p>";
        assert_eq!(date(main, told), None);
        // A script's attribute on `<time>`.
        assert_eq!(
            date(
                main,
                "<p><time data-published=\"2016-12-09 09:13:00Z\">4 hours ago</time></p>"
            ),
            d(2016, 12, 9)
        );
    }

    #[test]
    fn dates_that_belong_to_other_things_than_the_story() {
        let date = |body: &str, line: &str| read(&story_page(body, line)).meta.date;
        let main = "<main>STORY</main>";
        // A sentence that tells of a day, a story opening with a date it goes on to tell
        // of, and an event's details do not date the page.
        let told = "<p>The council voted on March 5, 2019 to close it.</p>";
        assert_eq!(date(main, told), None);
        let opening = "<p>15 March 2019 will be remembered as the darkest day the harbour town \
                       has known, the mayor said as the ferries returned this week.</p>";
        assert_eq!(date(main, opening), None);
        let event = "<div class=\"event-info\">Samstag, 13. Juli 2024, 10:00 Uhr</div>";
        assert_eq!(date(main, event), None);
        let starts = "<dl><dd class=\"event-meta-start\"><time datetime=\"2012-05-13\">13. Mai \
                      2012</time></dd></dl>";
        assert_eq!(date(main, starts), None);
        // A masthead's day above the headline gives way to a byline's `<time>` set below
        // the story.
        let masthead = "<div class=\"date\">Friday 12 March 2021</div><main>STORY</main>\
                        <div class=\"byline\">Posted <time datetime=\"2019-04-01\">3 years ago\
                        </time></div>";
        assert_eq!(date(masthead, ""), d(2019, 4, 1));
        // The microdata of a video, a photo or a comment dates that thing, not the page.
        for (item, prop) in [
            ("VideoObject", "uploadDate"),
            ("ImageObject", "dateCreated"),
            ("Comment", "dateCreated"),
        ] {
            let body = format!(
                "<main>STORY<div itemscope itemtype=\"https://schema.org/{item}\">\
                 <meta itemprop=\"{prop}\" content=\"2012-02-02\"></div></main>"
            );
            let line = "<div class=\"byline\"><time datetime=\"2019-06-06\">June 6</time></div>";
            assert_eq!(date(&body, line), d(2019, 6, 6), "{item}");
        }
        // A post in a category named "events" is no event's details.
        let post = "<article class=\"post category-events\">STORY</article>";
        let posted = "<div class=\"byline\"><time class=\"entry-date\" datetime=\"2019-03-05\">\
                      5 March</time></div>";
        assert_eq!(date(post, posted), d(2019, 3, 5));
        // A publication date is the page's even nested in the author's item.
        let nested = "<main>STORY<div itemscope itemtype=\"https://schema.org/Person\">\
                      <meta itemprop=\"datePublished\" content=\"2019-03-07\"></div></main>";
        assert_eq!(date(nested, ""), d(2019, 3, 7));
        // The page's own item, or its article's, dates the page.
        for item in ["NewsArticle", "WebPage", "Blog"] {
            let body = format!(
                "<main itemscope itemtype=\"https://schema.org/{item}\">\
                 <meta itemprop=\"datePublished\" content=\"2019-06-17\">STORY</main>"
            );
            assert_eq!(date(&body, ""), d(2019, 6, 17), "{item}");
        }
        // A site's own keys for a profile or a forum date those.
        let html = |meta: &str| {
            format!(
                "<html><head><title>Harbour reopens</title>{meta}</head><body>{}</body></html>",
                story_page(main, "")
            )
        };
        assert_eq!(
            read(&html(
                r#"<meta property="article:created" content="2019-03-07">"#
            ))
            .meta
            .date,
            d(2019, 3, 7)
        );
        for meta in [
            r#"<meta property="profile:created" content="2001-01-01">"#,
            r#"<meta property="forum:last_posted" content="2024-01-01">"#,
            r#"<meta name="publisher" content="2024-01-01">"#,
        ] {
            assert_eq!(read(&html(meta)).meta.date, None, "{meta}");
        }
    }

    #[test]
    fn cues_before_a_date_in_other_languages_and_below_the_story() {
        let items_of = |html: &str| {
            let doc = Html::parse_document(html);
            let parts = dom::read(&doc);
            let all = (0, parts.items.len());
            cued_dates(&parts.items, all).collect::<Vec<_>>()
        };
        for (line, day) in [
            ("Veröffentlicht am 20.06.2018", d(2018, 6, 20)),
            ("Publié le 29/10/2012", d(2012, 10, 29)),
            ("Publicado el 3 de mayo de 2019", d(2019, 5, 3)),
            (
                "Posted by kovarex, Klonan on 2019-02-15 16:30:00",
                d(2019, 2, 15),
            ),
            ("Submitted on Mon, 2019-01-21 10:00", d(2019, 1, 21)),
            ("Publié le lundi 29 octobre 2012 à 15h46", d(2012, 10, 29)),
        ] {
            let found = items_of(&format!("<body><div>{line}</div></body>"));
            assert_eq!(
                found.first().map(|&(d, bare)| (Some(d), bare)),
                Some((day, false)),
                "{line}"
            );
        }
        let bare = items_of("<body><div>von Anna am 20.06.2018</div></body>");
        assert_eq!(
            bare,
            [(
                NaiveDate::from_ymd_opt(2018, 6, 20).unwrap_or_default(),
                true
            )]
        );
        // Below the story, one bare-cued line is the post's footer; several are readers'.
        let story = |tail: &str| {
            read(&story_page(&format!("<main>STORY</main>{tail}"), ""))
                .meta
                .date
        };
        let footer =
            "<div class=\"submitted\">Gespeichert von rasos am 24. Juli 2017 - 18:55</div>";
        assert_eq!(story(footer), d(2017, 7, 24));
        let readers = "<div><div>Soumis par Anne, le 30 octobre 2012</div>\
                       <div>Soumis par Paul, le 31 octobre 2012</div></div>";
        assert_eq!(story(readers), None);
    }

    #[test]
    fn time_elements_state_their_date_in_several_attributes() {
        let date = |line: &str| read(&story_page("<main>STORY</main>", line)).meta.date;
        assert_eq!(
            date(
                r#"<p><time itemprop="datePublished" content="2017-12-01T03:00:00-0800">1 de diciembre</time></p>"#
            ),
            d(2017, 12, 1)
        );
        // "created" names a date line ("created-post").
        assert_eq!(
            date(
                r#"<div><span class="created-post">27.06.2018 09:54</span> | <span>Kommentare</span> | <span>Teilen</span> | <span>Drucken</span></div>"#
            ),
            d(2018, 6, 27)
        );
    }

    #[test]
    fn a_column_named_sidebar_that_holds_the_headline_dates_the_page() {
        let page = |head: &str| {
            format!(
                "<html><head><title>Harbour reopens</title></head><body><div id=\"sidebar\">\
                 {head}<span class=\"byline\"><time datetime=\"2019-07-13T15:52:31+02:00\">\
                 Sa 13 Jul 2019</time></span></div><div class=\"story\"><p>The harbour \
                 reopened to ferries on Monday after a week of repairs to the outer wall.</p>\
                 <p>Crews worked through the night to finish the last section, the port \
                 authority said.</p></div></body></html>"
            )
        };
        assert_eq!(
            read(&page("<h1>Harbour reopens</h1>")).meta.date,
            d(2019, 7, 13)
        );
        // A sidebar without the headline holds other posts' dates.
        assert_eq!(read(&page("<h2>Latest</h2>")).meta.date, None);
    }

    #[test]
    fn a_standfirst_too_long_for_a_subtitle_opens_the_story() {
        let long =
            "The harbour that fed the town for three centuries reopened on Monday. ".repeat(6);
        let story = "<p>Ferries came back to the outer quay at dawn, and the fish market opened \
                     an hour later.</p>"
            .to_string()
            + &"<p>Crews worked through the night to finish the last section of the wall, the \
                port authority said, and the first boats were unloaded before noon.</p>"
                .repeat(20);
        let page = |chapo: &str| {
            format!(
                "<html><head><title>Harbour reopens</title></head><body><div class=\"head\">\
                 <h1>Harbour reopens</h1><div class=\"chapo\"><p>{chapo}</p></div></div>\
                 <div class=\"story\">{story}</div></body></html>"
            )
        };
        let rendered = read(&page(&long)).rendered.paragraphs;
        assert_eq!(rendered.len(), 22, "{rendered:?}");
        assert!(rendered[0].starts_with("The harbour that fed the town"));
        // A summary box that holds the story's own sentences adds nothing.
        let summary = format!(
            "Ferries came back to the outer quay at dawn, and the fish market opened an hour later. {long}"
        );
        let r = read(&page(&summary)).rendered.paragraphs;
        assert_eq!(r.len(), 21, "{r:?}");
        // A dek-classed element that wraps the story is the story, not a standfirst above it.
        let wrapped = format!(
            "<html><head><title>Harbour reopens</title></head><body><h1>Harbour reopens</h1>\
             <div class=\"description\"><div class=\"story\">{story}</div></div></body></html>"
        );
        assert_eq!(read(&wrapped).rendered.paragraphs.len(), 21);
    }

    #[test]
    fn a_page_that_states_only_its_last_change_is_dated_by_it() {
        let head = |meta: &str| {
            format!(
                "<html><head><title>Harbour reopens</title>{meta}</head><body><main>\
                 <h1>Harbour reopens</h1><p>The harbour reopened to ferries on Monday after a \
                 week of repairs to the outer wall.</p></main></body></html>"
            )
        };
        let updated = r#"<meta property="og:updated_time" content="2019-06-17T18:28:00+0200">"#;
        assert_eq!(read(&head(updated)).meta.date, d(2019, 6, 17));
        let cited = r#"<meta name="citation_publication_date" content="2015/03/02">"#;
        assert_eq!(
            read(&head(&format!("{updated}{cited}"))).meta.date,
            d(2015, 3, 2)
        );
        let own =
            r#"<meta property="five_hundred_pixels:uploaded" content="2013-02-16T04:36:36-05:00">"#;
        assert_eq!(read(&head(own)).meta.date, d(2013, 2, 16));
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","dateModified":"2020-01-03"}</script>"#;
        assert_eq!(read(&head(ld)).meta.date, d(2020, 1, 3));
    }

    #[test]
    fn page_uses_json_ld_then_meta_and_skips_chrome() {
        let html = r#"<html><head><title>Ferry strike ends | Harbour Times</title>
            <meta property="og:site_name" content="Harbour Times">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike ends",
            "datePublished":"2021-09-10T08:00:00+02:00","author":{"name":"Ann Lee"}}</script></head>
            <body><nav>Home | World</nav><article><header><h1>Ferry strike ends</h1>
            <p class="standfirst">Crews accepted a new offer on Thursday evening.</p></header>
            <p>The ferry strike ended on Thursday after the union accepted a new offer.</p>
            <div class="related"><a href="/x">Other story about ferries and islands</a></div>
            <p>Services resume on Monday, the operator said in a statement.</p></article>
            <section class="comments"><p>I think this is a very good thing for all of us here.</p></section>
            </body></html>"#;
        let page = read(html);
        assert_eq!(page.meta.title.as_deref(), Some("Ferry strike ends"));
        assert_eq!(page.meta.date, d(2021, 9, 10));
        assert_eq!(page.meta.source.as_deref(), Some("Harbour Times"));
        assert_eq!(page.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(
            page.meta.subtitle.as_deref(),
            Some("Crews accepted a new offer on Thursday evening.")
        );
        assert_eq!(
            page.rendered.paragraphs,
            [
                "The ferry strike ended on Thursday after the union accepted a new offer.",
                "Services resume on Monday, the operator said in a statement."
            ]
        );
    }

    #[test]
    fn a_page_without_markup_text_uses_the_json_ld_body() {
        let html = r#"<html><head><title>Site</title><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Lists fall","articleBody":"First para.\n\nSecond para."}
            </script></head><body><div id="root"></div></body></html>"#;
        let page = read(html);
        assert_eq!(page.meta.title.as_deref(), Some("Lists fall"));
        assert_eq!(page.rendered.paragraphs, ["First para.", "Second para."]);
    }

    #[test]
    fn time_element_and_title_suffix() {
        let page = read(
            "<title>Storm hits the coast - Daily Bugle</title><time datetime=\"2022-01-02\">x</time>",
        );
        assert_eq!(page.meta.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(page.meta.source.as_deref(), Some("Daily Bugle"));
        assert_eq!(page.meta.date, d(2022, 1, 2));
    }

    /// A paragraph of story text for page tests.
    /// The page kept its story's two ferry paragraphs and nothing else.
    fn assert_two_ferry_paragraphs(page: &Page) {
        assert_eq!(
            page.rendered.paragraphs.len(),
            2,
            "{:?}",
            page.rendered.paragraphs
        );
        assert!(page.rendered.paragraphs[0].starts_with("The ferry company"));
    }

    const FERRY: &str = "<p>The ferry company said on Friday that the new timetable would start \
        in June, after months of complaints from island residents and two council votes.</p>";

    #[test]
    fn a_story_promoted_to_the_front_page_is_no_promotion_box() {
        let p = FERRY;
        let html = format!(
            "<title>Ferries</title><div class=\"region region-content\"><div class=\"content\">\
             <div id=\"node-205\" class=\"node node-article node-promoted clearfix\">\
             <div class=\"submitted\">Saved by ann on 24 July 2017 - 18:55</div>\
             <div class=\"content\"><div class=\"field field-name-body field-type-text-with-summary \
             field-label-hidden\"><div class=\"field-items\"><div class=\"field-item even\">{p}{p}{p}\
             </div></div></div></div></div></div></div>"
        );
        let page = read(&html);
        assert_eq!(
            page.rendered.paragraphs.len(),
            3,
            "{:?}",
            page.rendered.paragraphs
        );
    }

    #[test]
    fn a_story_hidden_until_a_script_shows_it_is_read() {
        let p = FERRY;
        let html = format!(
            "<title>Ferries</title><main><div style=\"display:none\" class=\"promo-box\"><p>Subscribe \
             today and read every story on our site for one euro a week, cancel at any time.</p></div>\
             <div id=\"articleBody\" class=\"article-single__content\" style=\"display: none\">{p}{p}</div></main>"
        );
        let page = read(&html);
        assert_two_ferry_paragraphs(&page);
    }

    #[test]
    fn a_german_vorspann_is_the_standfirst() {
        let p = FERRY;
        let html = format!(
            "<title>Fähren</title><article><h1>Fähren</h1><div class=\"dig-vorspann\">Die Reederei \
             ändert den Fahrplan. Wie konnte es dazu kommen?</div>{p}{p}</article>"
        );
        let page = read(&html);
        assert_eq!(
            page.meta.subtitle.as_deref(),
            Some("Die Reederei ändert den Fahrplan. Wie konnte es dazu kommen?")
        );
    }

    #[test]
    fn a_paragraph_inside_a_named_anchor_is_text() {
        let p = FERRY;
        let html = format!(
            "<title>Ferries</title><article>{p}<p><a name=\"faq\">One question listeners ask \
             most often is this one: will the night crossing come back next summer?</a></p>{p}</article>"
        );
        let page = read(&html);
        assert!(
            page.rendered
                .paragraphs
                .iter()
                .any(|x| x.starts_with("One question listeners ask")),
            "{:?}",
            page.rendered.paragraphs
        );
    }

    #[test]
    fn a_spaceless_title_parts_at_underscores_and_bars() {
        let page = read("<title>这个约会软件想帮你找对象_智能_好奇心日报</title><p>正文。</p>");
        assert_eq!(page.meta.title.as_deref(), Some("这个约会软件想帮你找对象"));
        assert_eq!(split_title("file_name_2"), ["file_name_2"]);
        // The site's name is never the title; a kicker or a short headline keeps the whole.
        assert_eq!(
            split_title("中国女排第十次夺得世界冠军_新闻频道_央视网(cctv.com)"),
            ["中国女排第十次夺得世界冠军"]
        );
        assert_eq!(
            split_title("大谷翔平が史上初の50本塁打50盗塁｜スポーツ｜朝日新聞デジタル"),
            ["大谷翔平が史上初の50本塁打50盗塁"]
        );
        assert_eq!(
            split_title("快讯｜女排夺得世界冠军"),
            ["快讯｜女排夺得世界冠军"]
        );
        assert_eq!(
            split_title("女排夺冠_新浪体育_新浪网"),
            ["女排夺冠_新浪体育_新浪网"]
        );
    }

    #[test]
    fn a_date_key_that_does_not_read_gives_way_to_the_next() {
        let page = read(
            "<meta name=\"date\" content=\"today\">\
             <meta name=\"article_date_original\" content=\"Thursday, December 22, 2016,  2:47 PM\">\
             <title>Two held</title><p>x</p>",
        );
        assert_eq!(page.meta.date, d(2016, 12, 22));
    }

    #[test]
    fn a_page_without_headings_shows_its_headline_and_date_line_in_plain_markup() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents.</p>";
        let page = read(&format!(
            "<title>Harbour Post - Ferry timetable changes after complaints</title><body><table>\
             <tr><td><font size=5><b>Ferry timetable changes after complaints from islanders</b></font>\
             <font size=1>By Staff Reporter<br>Posted: Friday, March 7, 2025 - 9:10 AM</font>\
             {p}{p}{p}</td></tr></table></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after complaints from islanders")
        );
        assert_eq!(page.meta.date, d(2025, 3, 7));
        // A headline that only adds a kicker to the title leaves the title as it is.
        let page = read(&format!(
            "<meta property=\"og:title\" content=\"Ferry timetable changes after complaints\">\
             <body><article><h1><span>Exclusive</span> Ferry timetable changes after complaints</h1>{p}{p}</article></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after complaints")
        );
        // Without a cue word a date in the text is not the page's.
        let page = read(&format!(
            "<title>Ferry timetable changes after complaints</title><body><article>\
             <p>The timetable was announced on March 7, 2025 by the company.</p>{p}</article></body>"
        ));
        assert_eq!(page.meta.date, None);
    }

    #[test]
    fn misleading_hints_never_empty_the_article() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents about late boats.</p>";
        let body = |page: &Page| page.rendered.paragraphs.len();
        // A blog engine names the column holding the post a widget (foreign, chrome) and
        // dates it in a heading above the post title.
        let page = read(&format!(
            "<title>Island Notes: Ferry timetable changes after complaints</title>\
             <meta property='og:title' content='Ferry timetable changes after complaints'><body>\
             <h1>Island Notes</h1><div class='widget Blog'><h2 class='date-header'>07.03.2025</h2>\
             <h3>Ferry timetable changes after complaints</h3><div class='post-body'>{p}{p}{p}{p}</div>\
             </div><div class='sidebar'><a href='/x'>Ferry timetable changes after complaints</a></div></body>"
        ));
        assert_eq!(body(&page), 4);
        assert_eq!(page.meta.date, d(2025, 3, 7));
        // A paywalled page marks its visible body as a teaser.
        let page = read(&format!(
            "<title>Ferry timetable changes after complaints</title><body><article>\
             <h1>Ferry timetable changes after complaints</h1>\
             <div class='field-body paywall-teaser'>{p}{p}{p}{p}{p}</div>\
             <div class='paywall'><h3>Subscribe to continue reading</h3></div></article></body>"
        ));
        assert_eq!(body(&page), 5);
        // A short article keeps a thread of comments many times its length out.
        let page = read(&format!(
            "<title>Ferry timetable changes after complaints</title><body><article>\
             <h1>Ferry timetable changes after complaints</h1>{p}{p}</article>\
             <div class='comments'>{}</div></body>",
            p.repeat(40)
        ));
        assert_eq!(body(&page), 2);
        // No headline is found, and the only prose sits under a hint that says widget.
        let page = read(&format!(
            "<title>Island Notes</title><body><div class='widget Blog'>{p}{p}{p}{p}{p}</div>\
             <div class='sidebar'><a href='/x'>Archive</a></div></body>"
        ));
        assert_eq!(body(&page), 5);
    }

    #[test]
    fn an_intro_is_a_standfirst_alone_and_the_first_paragraph_among_others() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents about late boats.</p>";
        let intro = "<p class='story-intro'>Boats will run every hour from June.</p>";
        let alone = read(&format!(
            "<title>Ferry timetable changes</title><body><article><h1>Ferry timetable changes</h1>\
             {intro}<div class='text'>{p}{p}{p}</div></article></body>"
        ));
        assert_eq!(
            alone.meta.subtitle.as_deref(),
            Some("Boats will run every hour from June.")
        );
        let among = read(&format!(
            "<title>Ferry timetable changes</title><body><article><h1>Ferry timetable changes</h1>\
             <div class='text'>{intro}{p}{p}{p}</div></article></body>"
        ));
        assert_eq!(among.meta.subtitle, None);
        assert_eq!(
            among.rendered.paragraphs[0],
            "Boats will run every hour from June."
        );
    }

    #[test]
    fn json_ld_in_cdata_gives_the_date_and_an_unshown_headline_yields_to_the_h1() {
        let page = read(
            "<title>New Zealand - Encyclopedia</title><script type='application/ld+json'>\
             <![CDATA[{\"@type\":\"Article\",\"name\":\"New Zealand\",\
             \"headline\":\"island country in Oceania\",\"datePublished\":\"2001-10-29\"}]]>\
             </script><body><h1>New Zealand</h1><p>New Zealand is an island country in the \
             south-western Pacific Ocean, made up of two main islands and many smaller ones.</p></body>",
        );
        assert_eq!(page.meta.title.as_deref(), Some("New Zealand"));
        assert_eq!(page.meta.date, d(2001, 10, 29));
    }

    #[test]
    fn a_headline_in_application_name_is_no_site_name() {
        let t = "Nintendo's first phone game will launch in December for ten dollars";
        let page = read(&format!(
            "<title>{t}</title><meta name='application-name' content=\"{t}\">\
             <body><header><h1><a href='/'>msn</a></h1></header>\
             <article><h1 itemprop='headline'>{t}</h1><p>The company said on Thursday that \
             the game would cost ten dollars and run on phones and tablets.</p></article></body>"
        ));
        assert_eq!(page.meta.title.as_deref(), Some(t));
        assert_eq!(page.meta.source, None);
    }

    #[test]
    fn a_page_wrapped_in_a_form_keeps_its_story_and_a_search_form_stays_out() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents about late boats.</p>";
        let page = read(&format!(
            "<title>Ferry timetable changes</title><body><form id='aspnetForm' action='/x'>\
             <form><input name='q'><p>Search the archive of stories going back many years, by \
             word, name, date or place, for free with no account needed at all today.</p></form>\
             <div class='story'><h1>Ferry timetable changes</h1>{p}{p}</div></form></body>"
        ));
        assert_two_ferry_paragraphs(&page);
    }

    #[test]
    fn a_story_cut_in_two_by_a_photo_keeps_its_lead() {
        let p = |n: usize| {
            format!(
                "<p>Paragraph {n} of the report says the ferry company will add boats in June, \
                 after months of complaints from island residents about late crossings.</p>"
            )
        };
        let rest: String = (2..=9).map(p).collect();
        // The page's own classes name a feature, not a part: no reason to drop anything.
        let page = read(&format!(
            "<title>Ferry timetable changes</title><body class='comments-open'><article>\
             <h1>Ferry timetable changes</h1>\
             <div class='story-part'><div class='story-text'>{}</div></div>\
             <figure><img src='a.jpg'><figcaption>The harbour at dawn.</figcaption></figure>\
             <div class='story-part'><div class='story-text'>{rest}</div></div>\
             </article><div class='related'><a href='/x'>Other story</a></div></body>",
            p(1)
        ));
        let paras = &page.rendered.paragraphs;
        assert!(
            paras.first().is_some_and(|f| f.starts_with("Paragraph 1 ")),
            "{paras:?}"
        );
        assert_eq!(
            paras.iter().filter(|p| p.starts_with("Paragraph")).count(),
            9
        );
    }

    #[test]
    fn a_paragraph_linking_half_its_words_is_prose_and_a_row_of_links_is_not() {
        let prose = "<p>The country has an <a href='/a'>advanced market economy</a>, ranked \
            <a href='/b'>sixteenth in the Human Development Index</a> and third in the \
            <a href='/c'>Index of Economic Freedom</a>; its currency also circulates in \
            <a href='/d'>the Cook Islands</a>.</p>";
        let filler = numbered(
            6,
            " of the survey describes the economy, its farms and its ports, and how exports \
             changed over the last ten years.",
        );
        let page = read(&format!(
            "<title>Economy</title><article><h1>Economy</h1>{filler}{prose}\
             <p><a href='/x'>Trade of the country</a> <a href='/y'>Farming of the country</a> \
             <a href='/z'>Ports of the country</a></p></article>"
        ));
        let paras = &page.rendered.paragraphs;
        assert!(
            paras.iter().any(|p| p.starts_with("The country has")),
            "{paras:?}"
        );
        assert!(
            !paras.iter().any(|p| p.contains("Ports of the country")),
            "{paras:?}"
        );
    }

    #[test]
    fn a_caption_is_never_the_standfirst_and_a_chapo_is() {
        let body = numbered(
            5,
            ": the minister said the state would keep control of the companies it sells \
             shares in, and named no date.",
        );
        let page = read(&format!(
            "<title>Minister weighs share sales</title><article>\
             <h1>Minister weighs share sales</h1><figure><img src='a.jpg'>\
             <figcaption itemprop='description'><p>The minister in Paris. Photo: Agency</p>\
             </figcaption></figure><p class='fig-chapo'>Speaking to the <i>Journal</i>, the \
             minister said the state is looking at changes to its holdings.</p>{body}</article>"
        ));
        assert_eq!(
            page.meta.subtitle.as_deref(),
            Some(
                "Speaking to the Journal, the minister said the state is looking at changes to its holdings."
            )
        );
    }

    #[test]
    fn a_notice_linking_the_sites_own_rules_is_no_story() {
        let body = numbered(
            5,
            ": rebels took the depots near the capital on Friday, the monitor said, after \
             two days of fighting.",
        );
        let page = read(&format!(
            "<title>Rebels take depots</title><article><h1>Rebels take depots</h1>{body}\
             <p>The regulator said the app broke <a href='https://example.org/privacy'>its \
             privacy policy</a> twice.</p>\
             <p>We welcome lively debate. Please read our <a href='/community_guidelines.html'>\
             guidelines</a> and our <a href='/privacy.html'>privacy policy</a>.</p></article>"
        ));
        let paras = &page.rendered.paragraphs;
        assert!(
            paras.iter().any(|p| p.starts_with("The regulator")),
            "{paras:?}"
        );
        assert!(
            !paras.iter().any(|p| p.contains("lively debate")),
            "{paras:?}"
        );
        // The site's own articles about privacy, and a wrapper of the story that links a
        // policy page, are story.
        let page = read(&format!(
            "<title>Privacy bill passes</title><article><h1>Privacy bill passes</h1>\
             <div>{body}<p>The vote follows <a \
             href='/politics/2024/05/senate-passes-data-privacy-bill'>last year's privacy \
             bill</a>, the clerk said.</p><a href='/privacy'>Privacy</a></div></article>"
        ));
        let paras = &page.rendered.paragraphs;
        assert_eq!(
            paras.iter().filter(|p| p.starts_with("Paragraph")).count(),
            5
        );
        assert!(
            paras.iter().any(|p| p.starts_with("The vote follows")),
            "{paras:?}"
        );
    }

    #[test]
    fn labels_placed_over_a_chart_are_no_story() {
        let body = numbered(
            5,
            ": interest on the debt will soon cost more than the military, the budget \
             office said on Tuesday.",
        );
        let page = read(&format!(
            "<title>Debt costs rise</title><article><h1>Debt costs rise</h1>{body}\
             <div class='g-artboard'><img src='chart.png'>\
             <div style='top:4.8%; left:96.5%; width:60px'><p>$915 billion</p></div>\
             <div style='top: 9.5%; right: 94.9%'><p>Military spending</p></div></div>\
             </article>"
        ));
        let paras = &page.rendered.paragraphs;
        assert_eq!(paras.len(), 5, "{paras:?}");
        // Margins in percent, or an overlay from the corner, place no labels.
        let page = read(&format!(
            "<title>Debt costs rise</title><article><h1>Debt costs rise</h1>{body}\
             <p style='margin-top:2%; margin-left:5%'>The office will publish its full \
             forecast, with the cost of each program, in the spring.</p>\
             <div style='position:absolute; top:0; left:0; width:100%'><p>The budget office \
             said the figures were its best estimate and could change.</p></div></article>"
        ));
        assert_eq!(
            page.rendered.paragraphs.len(),
            7,
            "{:?}",
            page.rendered.paragraphs
        );
    }

    #[test]
    fn only_a_sites_name_after_a_separator_leaves_a_title() {
        let labels = |s: &str| vec![s.to_string()];
        let cut = |t: &str, site: &str| without_site_tail(t, &labels(site));
        assert_eq!(
            cut("Ferries late again | Harbour Post", "Harbour Post"),
            "Ferries late again"
        );
        assert_eq!(
            cut("米朝首脳の電話会談：日本経済新聞", "日本経済新聞 電子版"),
            "米朝首脳の電話会談"
        );
        // A word ending the headline is no site name: glued by a hyphen, or only the site's
        // first word after an ASCII mark.
        assert_eq!(
            cut("Why your brain is hard-Wired", "Wired"),
            "Why your brain is hard-Wired"
        );
        assert_eq!(
            cut("iPhone 16 review: Apple", "Apple Insider"),
            "iPhone 16 review: Apple"
        );
    }

    #[test]
    fn a_section_word_left_of_the_site_name_is_no_title() {
        let page = read(
            "<meta property='og:site_name' content='Harbour Post'>\
             <meta property='og:title' content='News | Harbour Post'>\
             <body><article><h1>Ferry timetable changes after months of complaints</h1>\
             <p>The ferry company said on Friday that the new timetable would start in June.</p>\
             </article></body>",
        );
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after months of complaints")
        );
    }

    #[test]
    fn a_headline_with_a_dash_that_sources_repeat_stays_whole() {
        let page = read(
            "<title>Minecraft 1.8 - The Bountiful Update - Minecraft Update News</title>\
             <meta property='og:site_name' content='Minecraft Update News'>\
             <meta property='og:title' content='Minecraft 1.8 - The Bountiful Update'>\
             <body><h1>Minecraft News</h1><article><h3>Minecraft 1.8 - The Bountiful Update</h3>\
             <p>The update adds new blocks, new mobs and many fixes to the game.</p></article>",
        );
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Minecraft 1.8 - The Bountiful Update")
        );
        // A site's name after the dash still goes.
        let page = read(
            "<title>Ferries late again - Harbour Times</title>\
             <meta property='og:site_name' content='Harbour Times'>\
             <meta property='og:title' content='Ferries late again - Harbour Times'>\
             <body><article><p>The ferries were late again on Monday, islanders said.</p></article>",
        );
        assert_eq!(page.meta.title.as_deref(), Some("Ferries late again"));
    }

    #[test]
    fn a_page_with_no_story_text_shows_its_description() {
        let page = read(
            "<meta property='og:description' content='Seven measures failed in the Senate \
             on Wednesday; advocates now look to &quot;smart guns&quot;.'>\
             <title>Tech report for Friday</title><body><h1>Tech report for Friday</h1>\
             <div class='player'><button>Play</button></div></body>",
        );
        assert_eq!(
            page.rendered.paragraphs,
            [
                "Seven measures failed in the Senate on Wednesday; advocates now look to \"smart guns\"."
            ]
        );
    }

    #[test]
    fn author_and_source_are_names() {
        assert_eq!(site_of_address("http://www.tmz.com"), "tmz.com");
        assert_eq!(site_of_address("https://example.org/news/"), "example.org");
        assert_eq!(site_of_address("Harbour Post"), "Harbour Post");
        let name = |a: &str, s: Option<&str>| author_name(a, s);
        assert_eq!(
            name("Bradley M. Kuhn (http://ebb.org/bkuhn/)", None).as_deref(),
            Some("Bradley M. Kuhn")
        );
        assert_eq!(
            name("Dana Ford and Tom Watkins, CNN", Some("CNN")).as_deref(),
            Some("Dana Ford and Tom Watkins")
        );
        assert_eq!(name("Mac & i", Some("Mac & i")), None);
        assert_eq!(name("Ann Lee,", None).as_deref(), Some("Ann Lee"));
        // Lowercasing the Kelvin sign shortens it: the cut must still fall between characters.
        assert_eq!(
            name("Zoéx, \u{212A}TV", Some("\u{212A}TV")).as_deref(),
            Some("Zoéx")
        );
        assert_eq!(
            name("éa, ktv", Some("\u{212A}TV")).as_deref(),
            Some("éa, ktv")
        );
    }

    #[test]
    fn the_metadata_title_beats_the_shown_headline() {
        let body = "<body><article><h1>Ferry timetable changes after months of complaints</h1>\
             <p>The ferry company said on Friday that the new timetable would start in June.</p>\
             </article></body>";
        let page = read(&format!(
            "<meta property=\"og:title\" content=\"Ferries late again, islanders say\">\
             <title>Ferry timetable changes after months of complaints | Harbour Post</title>{body}"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferries late again, islanders say")
        );
        // Its site name goes when it follows the headline the page shows, or is a known label.
        let page = read(&format!(
            "<meta property=\"og:title\" content=\"Ferry timetable changes after months of \
             complaints :: Harbour Post ::\">{body}"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after months of complaints")
        );
        let page = read(&format!(
            "<meta property=\"og:site_name\" content=\"Harbour Post\">\
             <meta property=\"og:title\" content=\"Ferries late again - Harbour Post\">{body}"
        ));
        assert_eq!(page.meta.title.as_deref(), Some("Ferries late again"));
        let page = read(&format!(
            "<meta name=\"twitter:title\" content=\"Ferries late again, islanders...\">{body}"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after months of complaints")
        );
        // A site name glued on with other marks goes too.
        let page = read(&format!(
            "<meta property=\"og:site_name\" content=\"Harbour Post Online\">\
             <meta property=\"og:title\" content=\"Ferries late again\u{3000}：Harbour\">{body}"
        ));
        assert_eq!(page.meta.title.as_deref(), Some("Ferries late again"));
        // A colon or dash inside it is the headline's own ("Saving Data: Reducing ...").
        let page = read(&format!(
            "<meta property=\"og:title\" content=\"Ferry timetable: changes from June\">{body}"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable: changes from June")
        );
        // Without metadata the `<title>` names the headline the page shows.
        let page = read(&format!(
            "<title>Ferry timetable changes after months of complaints | Harbour Post</title>{body}"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after months of complaints")
        );
    }

    #[test]
    fn without_metadata_the_headline_the_page_marks_or_shows_under_its_logo_wins() {
        let p =
            "<p>The ferry company said on Friday that the new timetable would start in June.</p>";
        // Marked with microdata: a display headline that shares no word with the `<title>`.
        let page = read(&format!(
            "<title>Island ferry timetable to change in June</title>\
             <body><article><h1 itemprop=\"headline\">All Aboard, At Last</h1>{p}{p}\
             <section class=\"footnotes references\"><h3>References</h3><ol><li>Ferry company, \
             annual report, published in the spring of 2024 by the board.</li></ol></section>\
             </article></body>"
        ));
        assert_eq!(page.meta.title.as_deref(), Some("All Aboard, At Last"));
        assert!(
            page.rendered
                .paragraphs
                .iter()
                .all(|t| !t.contains("annual report"))
        );
        // The marked headline goes on to its byline after a line break.
        let page = read(&format!(
            "<title>Island ferry timetable to change (photo)</title>\
             <body><article><h1 itemprop=\"headline\"><span>Island ferry timetable to change\
             </span><br><span>Harbour editor Ann Lee</span></h1>{p}{p}</article></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Island ferry timetable to change")
        );
        // A logo `<h1>` and the headline in an `<h2>` that an SEO title only half repeats.
        let page = read(&format!(
            "<meta property=\"og:site_name\" content=\"Harbour Post\">\
             <title>Ferry timetable: changes from June - Harbour Post</title><body>\
             <h1><a href=\"/\">Harbour Post</a></h1><article>\
             <h2>Island ferry company rewrites its timetable after a winter of complaints</h2>\
             {p}{p}</article></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Island ferry company rewrites its timetable after a winter of complaints")
        );
    }

    #[test]
    fn a_headline_inside_a_wrapper_hinted_as_chrome_is_still_the_title() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents about late boats.</p>";
        // A blog's post sits in "contentWithSidebar"; its `<title>` ends with the author,
        // whose name is longer than the headline.
        let page = read(&format!(
            "<title>Ferries late again - Ann Marie Lee ( Annie ) ( alee )</title>\
             <body><div id=\"sidebar\"><div id=\"title\"><p><a href=\"/ann\">Ann Marie Lee</a>\
             </p></div><ul><li><a href=\"/ann/blog\">Blog</a></li></ul><h2>Tag Cloud</h2></div>\
             <div id=\"contentWithSidebar\"><div id=\"post\"><h1>Ferries late again</h1>{p}{p}\
             </div></div></body>"
        ));
        assert_eq!(page.meta.title.as_deref(), Some("Ferries late again"));
        // A magazine's `<header class="ArticleHeader">` holds the headline, byline and date.
        let page = read(&format!(
            "<title>Ferry timetable changes after months of complaints - Harbour Post</title>\
             <body><header class=\"site-header\"><h1>Harbour Post</h1></header><article>\
             <header class=\"ArticleHeader\"><h1 class=\"ArticleHeader__title\">\
             Ferry timetable changes after months of complaints</h1>\
             <span class=\"ArticleHeader__byline\">by Ann Lee</span> \
             <span class=\"ArticleHeader__date\">July 10, 2015</span></header>{p}{p}\
             </article></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Ferry timetable changes after months of complaints")
        );
        assert_eq!(page.meta.source.as_deref(), Some("Harbour Post"));
    }

    #[test]
    fn ordinary_pages_keep_their_title_date_and_story() {
        let p = "<p>The ferry company said on Friday that the new timetable would start in June, \
                 after months of complaints from island residents about late boats.</p>";
        // A label heading does not cut a title down to itself.
        let page = read(&format!(
            "<title>Analysis: Ferries are always late</title><body><article><h2>Analysis</h2>{p}</article></body>"
        ));
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Analysis: Ferries are always late")
        );
        // Without a logo `<h1>`, an `<h2>` sharing a common word is no headline.
        let title = "Ferry timetable changes after months of complaints from islanders";
        let page = read(&format!(
            "<title>{title}</title><body><article>{p}<h2>Council plans ahead after storms from \
             the north</h2>{p}</article></body>"
        ));
        assert_eq!(page.meta.title.as_deref(), Some(title));
        // A cue without a colon dates the page; a date told inside the story does not.
        let page = read(&format!(
            "<title>{title}</title><body><article><div>Published May 12, 2024</div>{p}</article></body>"
        ));
        assert_eq!(page.meta.date, d(2024, 5, 12));
        let page = read(&format!(
            "<title>{title}</title><body><article><p>The rule was <em>first posted on March 3, \
             2019</em> and has been changed twice since, most recently after the winter, when \
             the company cut the late sailings to the outer islands for a month.</p>{p}\
             </article></body>"
        ));
        assert_eq!(page.meta.date, None);
        // Headings that only look like a discussion or a box keep the story after them.
        let page = read(&format!(
            "<title>{title}</title><body><article><h1>{title}</h1>{p}\
             <h2>5 responses to the new timetable</h2>{p}{p}<h2>Discussion</h2>{p}\
             <div><h2>Key points</h2><ul><li>Boats run later</li></ul>{p}{p}{p}</div></article></body>"
        ));
        let story = page.rendered.paragraphs.iter();
        assert_eq!(story.filter(|t| t.contains("ferry company")).count(), 7);
    }

    #[test]
    fn scripts_never_pass_and_deep_pages_fall_back() {
        let page = read(
            "<html><body><article><p>Text of the story, long enough to count here.</p><script>alert(1)</script><style>p{}</style></article></body></html>",
        );
        let all = page.rendered.paragraphs.join(" ");
        assert!(!all.contains("alert") && !all.contains("p{}"), "{all}");
        let deep = format!("{}deep text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert_eq!(read(&deep).rendered.paragraphs, ["deep text"]);
    }

    #[test]
    fn hostile_pages_take_bounded_time() {
        let cases: Vec<(&str, String)> = vec![
            (
                "many attributes",
                format!(
                    "<div {}>x</div>",
                    (0..20_000).map(|i| format!("a{i}=1 ")).collect::<String>()
                ),
            ),
            (
                "a flood of <",
                format!("<body>{}</body>", "<".repeat(200_000)),
            ),
            ("unclosed tags", "<a".repeat(100_000)),
            (
                "stray closing tags",
                format!("<p>text</p>{}", "</div>".repeat(50_000)),
            ),
            ("false self-closing", "<div/>".repeat(50_000)),
            (
                "comments in the title",
                format!("<title>{}</title>", "a<!-- c -->".repeat(50_000)),
            ),
            ("misnested formatting", "<b><p>x".repeat(5_000)),
            ("nested tables", "<table><tr><td>".repeat(2_000)),
        ];
        for (name, html) in cases {
            let t = std::time::Instant::now();
            let page = read(&html);
            assert!(
                page.rendered
                    .paragraphs
                    .iter()
                    .all(|p| !p.contains("</div>")),
                "{name}"
            );
            // Generous for unoptimised test builds on a busy machine; quadratic cases took minutes.
            assert!(t.elapsed().as_secs() < 5, "{name}: {:?}", t.elapsed());
        }
    }
}
