//! HTML to text with html2text: inline markup in text files, and whole pages.

use std::sync::LazyLock;

use html2text::render::RichAnnotation;
use regex::Regex;

use super::rules::RULES;
use super::text;

/// Text blocks (paragraphs) and the link URLs they refer to as `[N]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub paragraphs: Vec<String>,
    pub links: Vec<String>,
}

/// Metadata a whole page declares about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(a|i|b|em|strong|p|br|div|span|u|s|sup|sub|blockquote|ul|ol|li|h[1-6]|figure|figcaption|img|small|cite|q|mark|abbr|time|section|article|table|tr|td|th|hr|pre|code)(?-u:\b)[^<>]*>|&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});")
        .expect("static regex")
});

/// Whether text holds HTML markup or entities that need rendering.
pub fn has_markup(text: &str) -> bool {
    TAG.is_match(text)
}

/// Nesting deeper than this is not rendered as HTML (deeply nested input is hostile or broken).
const MAX_DEPTH: usize = 256;

/// Renders text whose paragraphs are already known, with inline HTML inside them.
pub fn render_inline(paragraphs: &[String]) -> Rendered {
    let mut html = String::with_capacity(paragraphs.iter().map(|p| p.len() + 8).sum());
    for p in paragraphs {
        html.push_str("<p>");
        html.push_str(p);
        html.push_str("</p>\n");
    }
    render(&html)
}

/// Renders an HTML fragment or page body, hiding chrome elements listed in the assets.
pub fn render(html: &str) -> Rendered {
    static HIDDEN_CSS: LazyLock<String> =
        LazyLock::new(|| format!("{} {{ display: none }}", RULES.hidden_html.join(", ")));
    if nesting_depth(html) > MAX_DEPTH {
        return strip_tags(html);
    }
    let config = match html2text::config::rich().add_css(&HIDDEN_CSS) {
        Ok(c) => c.no_link_wrapping(),
        Err(_) => html2text::config::rich().no_link_wrapping(),
    };
    let Ok(lines) = config.lines_from_read(html.as_bytes(), 100_000) else {
        return strip_tags(html);
    };
    let mut out = Rendered::default();
    let mut current = String::new();
    for line in lines {
        let mut open_link: Option<String> = None;
        let mut plain = String::new();
        for piece in line.tagged_strings() {
            let link = piece.tag.iter().find_map(|a| match a {
                RichAnnotation::Link(url) => Some(url.clone()),
                _ => None,
            });
            if open_link.is_some() && link != open_link {
                close_link(&mut plain, open_link.take(), &mut out.links);
            }
            plain.push_str(&piece.s);
            open_link = link;
        }
        close_link(&mut plain, open_link, &mut out.links);
        let plain = plain.trim();
        if plain.is_empty() {
            flush(&mut current, &mut out.paragraphs);
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(text::strip_heading_marks(plain));
        }
    }
    flush(&mut current, &mut out.paragraphs);
    out
}

/// Appends ` [N]` for a followable link, numbering each distinct URL once.
fn close_link(text: &mut String, url: Option<String>, links: &mut Vec<String>) {
    let Some(url) = url else { return };
    let url = url.trim();
    let followable = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| url.to_ascii_lowercase().starts_with(p));
    if !followable {
        return;
    }
    let n = match links.iter().position(|u| u == url) {
        Some(i) => i + 1,
        None => {
            links.push(crate::sanitize::one_line(url));
            links.len()
        }
    };
    text.push_str(&format!(" [{n}]"));
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = text::squash(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

/// Approximate element nesting depth, counting unclosed non-void tags.
pub fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "embed",
        "param", "track", "base", "!doctype", "!--",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |p| name_start + p);
        let name = html[name_start..name_end].to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) || name.starts_with("!") {
            continue;
        }
        let self_closing = html[name_end..]
            .split('>')
            .next()
            .is_some_and(|t| t.ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

static ANY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^<>]*>").expect("static regex"));
static BLOCK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^<>]*>")
        .expect("static regex")
});

/// A plain fallback for HTML too deep or broken to render: blocks to paragraphs, tags dropped.
fn strip_tags(html: &str) -> Rendered {
    let marked = BLOCK_TAG.replace_all(html, "\n\n");
    let stripped = ANY_TAG.replace_all(&marked, " ");
    let decoded = decode_entities(&stripped);
    Rendered {
        paragraphs: text::paragraphs(&decoded),
        links: Vec::new(),
    }
}

/// Decodes the common named and numeric entities (for the plain fallback and attributes).
pub fn decode_entities(text: &str) -> String {
    static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").expect("static regex")
    });
    ENTITY
        .replace_all(text, |c: &regex::Captures<'_>| {
            let name = &c[1];
            let ch = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "mdash" => Some('—'),
                    "ndash" => Some('–'),
                    "hellip" => Some('…'),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "rdquo" => Some('”'),
                    "ldquo" => Some('“'),
                    _ => None,
                }
            };
            match ch {
                Some(ch) if !crate::sanitize::is_forbidden(ch) => ch.to_string(),
                Some(_) => String::new(),
                None => c[0].to_string(),
            }
        })
        .into_owned()
}

static META: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").expect("static regex"));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .expect("static regex")
});
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title\b[^>]*>(.*?)</title>").expect("static regex"));
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1>").expect("static regex"));
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']"#).expect("static regex")
});
static CANONICAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<link\b[^>]*>"#).expect("static regex"));
static JSON_LD_PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{1,80})""#)
        .expect("static regex")
});
static JSON_LD_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("static regex"));

fn attrs(tag: &str) -> Vec<(String, String)> {
    ATTR.captures_iter(tag)
        .map(|c| {
            let value = c
                .get(2)
                .or(c.get(3))
                .or(c.get(4))
                .map_or("", |m| m.as_str());
            (
                c[1].to_ascii_lowercase(),
                decode_entities(value).trim().to_string(),
            )
        })
        .collect()
}

fn inner_text(fragment: &str) -> Option<String> {
    let t = text::squash(&decode_entities(&ANY_TAG.replace_all(fragment, " ")));
    (!t.is_empty()).then_some(t)
}

/// Title, date, source and URL declared by a page's head (og:, article:, `<title>`, `<time>`).
pub fn page_meta(html: &str) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut og_title = None;
    for tag in META.find_iter(html) {
        let a = attrs(tag.as_str());
        let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let key = get("property")
            .or_else(|| get("name"))
            .or_else(|| get("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(content) = get("content").filter(|c| !c.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "og:title" | "twitter:title" => og_title = og_title.or(Some(content)),
            "og:site_name" | "application-name" | "publisher" => {
                meta.source = meta.source.or(Some(content))
            }
            "og:url" => meta.url = meta.url.or(Some(content)),
            // `article:author` is often a profile URL, not a name.
            "author" | "byl" | "dc.creator" | "sailthru.author" | "parsely-author" => {
                meta.author = meta
                    .author
                    .or(Some(content.trim_start_matches("By ").to_string()))
            }
            "og:description" | "description" | "twitter:description" => {
                meta.description = meta.description.or(Some(content))
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publish-date"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date" => meta.date = meta.date.or(Some(content)),
            _ => {}
        }
    }
    if meta.date.is_none() {
        meta.date = JSON_LD_DATE
            .captures(html)
            .or_else(|| TIME.captures(html))
            .map(|c| c[1].to_string());
    }
    if meta.url.is_none() {
        meta.url = CANONICAL.find_iter(html).find_map(|t| {
            let a = attrs(t.as_str());
            let is_canonical = a
                .iter()
                .any(|(n, v)| n == "rel" && v.eq_ignore_ascii_case("canonical"));
            is_canonical
                .then(|| a.into_iter().find(|(n, _)| n == "href").map(|(_, v)| v))
                .flatten()
        });
    }
    if meta.source.is_none() {
        meta.source = JSON_LD_PUBLISHER
            .captures(html)
            .map(|c| c[1].trim().to_string());
    }
    let h1 = H1.captures(html).and_then(|c| inner_text(&c[1]));
    let headline = og_title.or(h1);
    let doc_title = TITLE.captures(html).and_then(|c| inner_text(&c[1]));
    if let Some((head, site)) = doc_title.as_deref().and_then(split_site_suffix) {
        // The suffix names the site only when the rest is the headline (or nothing else is known).
        let is_headline = headline
            .as_deref()
            .is_none_or(|h| h.eq_ignore_ascii_case(&head));
        if is_headline && meta.source.is_none() {
            meta.source = Some(site);
        }
        meta.title = headline.or(Some(head));
    } else {
        meta.title = headline.or(doc_title);
    }
    meta
}

/// `Headline | Site` or `Headline - Site` split in two; `None` without such a suffix.
fn split_site_suffix(title: &str) -> Option<(String, String)> {
    [" | ", " – ", " — ", " - "].iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        let (head, tail) = (head.trim(), tail.trim());
        let short = (1..=5).contains(&tail.split_whitespace().count());
        (short && !head.is_empty()).then(|| (head.to_string(), tail.to_string()))
    })
}

static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<article\b[^>]*>(.*)</article>").expect("static regex"));
static MAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<main\b[^>]*>(.*)</main>").expect("static regex"));
static BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<body\b[^>]*>(.*)(</body>|$)").expect("static regex"));

/// The part of a page that holds the article: `<article>`, else `<main>`, else `<body>`.
pub fn page_content(html: &str) -> &str {
    [&*ARTICLE, &*MAIN, &*BODY]
        .iter()
        .find_map(|re| re.captures(html).and_then(|c| c.get(1)).map(|m| m.as_str()))
        .unwrap_or(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_is_dropped_and_links_numbered() {
        let r = render_inline(&[
            "Talks in <a href=\"https://ex.org/a\">Oslo</a> and <i>Bergen</i> &amp; <a href='https://ex.org/b'>Tromsø</a>.".into(),
            "Again <a href=\"https://ex.org/a\">Oslo</a>, not <a href=\"javascript:void(0)\">this</a>.".into(),
        ]);
        assert_eq!(
            r.paragraphs,
            [
                "Talks in Oslo [1] and Bergen & Tromsø [2].",
                "Again Oslo [1], not this."
            ]
        );
        assert_eq!(r.links, ["https://ex.org/a", "https://ex.org/b"]);
    }

    #[test]
    fn nbsp_and_entities_become_text() {
        let r = render_inline(&["A&nbsp;B &lt;C&gt; &#8220;D&#8221;".into()]);
        assert_eq!(r.paragraphs, ["A B <C> “D”"]);
    }

    #[test]
    fn markup_detection() {
        assert!(has_markup("a <i>b</i>"));
        assert!(has_markup("fish &amp; chips"));
        assert!(!has_markup("a < b and c > d"));
    }

    #[test]
    fn chrome_elements_are_hidden() {
        let r = render(
            "<nav>Home News</nav><p>Body text.</p><div class=\"share\">Share</div><footer>© Site</footer><script>x=1</script>",
        );
        assert_eq!(r.paragraphs, ["Body text."]);
    }

    #[test]
    fn json_ld_gives_date_and_publisher() {
        let m = page_meta(
            r#"<script type="application/ld+json">{"datePublished":"2023-06-14T07:30:00+01:00",
            "publisher":{"@type":"Organization","name":"The Example"}}</script><h1>Rents</h1>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2023-06-14T07:30:00+01:00"));
        assert_eq!(m.source.as_deref(), Some("The Example"));
        assert_eq!(m.title.as_deref(), Some("Rents"));
    }

    #[test]
    fn a_title_suffix_is_no_source_when_the_headline_differs() {
        let m = page_meta("<title>Storm - what we know</title><h1>Storm hits the coast</h1>");
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(m.source, None);
    }

    #[test]
    fn deep_nesting_falls_back_to_plain_text() {
        let html = format!("{}deep text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(nesting_depth(&html) > MAX_DEPTH);
        assert_eq!(render(&html).paragraphs, ["deep text"]);
    }

    #[test]
    fn page_meta_reads_og_title_time_and_site() {
        let html = r#"<html><head><title>Budget passes | The Example Post</title>
            <meta property="og:site_name" content="The Example Post">
            <meta content="2023-05-04T10:00:00Z" property="article:published_time">
            </head><body><article><h1>Budget passes</h1><p>Text.</p></article></body></html>"#;
        let m = page_meta(html);
        assert_eq!(m.title.as_deref(), Some("Budget passes"));
        assert_eq!(m.source.as_deref(), Some("The Example Post"));
        assert_eq!(m.date.as_deref(), Some("2023-05-04T10:00:00Z"));
        assert!(page_content(html).contains("<h1>Budget passes</h1>"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix_which_names_the_source() {
        let m = page_meta(
            "<title>Storm hits the coast - Daily Bugle</title><time datetime=\"2022-01-02\">x</time>",
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(m.source.as_deref(), Some("Daily Bugle"));
        assert_eq!(m.date.as_deref(), Some("2022-01-02"));
    }
}
