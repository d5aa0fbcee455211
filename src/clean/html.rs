//! HTML to text with html2text: inline markup in text files, and whole pages.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::NodeRef;
use html2text::RcDom;
use html2text::render::{RichAnnotation, TaggedLine};
use html5ever::interface::{ElementFlags, NodeOrText, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, QualName, ns};
use regex::Regex;
use scraper::Node;

use super::rules::RULES;
use super::text;

/// Text blocks (paragraphs) and the link URLs they refer to as `[N]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub paragraphs: Vec<String>,
    pub links: Vec<String>,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(a|i|b|em|strong|p|br|div|span|u|s|sup|sub|blockquote|ul|ol|li|h[1-6]|figure|figcaption|img|small|cite|q|mark|abbr|time|section|article|table|tr|td|th|hr|pre|code)(?-u:\b)[^<>]*>|&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});")
        .expect("static regex")
});

/// Whether text holds HTML markup or entities that need rendering.
pub fn has_markup(text: &str) -> bool {
    TAG.is_match(text)
}

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
    if shape(html).hostile() {
        return strip_tags(html);
    }
    let config = match html2text::config::rich().add_css(&HIDDEN_CSS) {
        Ok(c) => c.no_link_wrapping(),
        Err(_) => html2text::config::rich().no_link_wrapping(),
    };
    let Ok(lines) = config.lines_from_read(html.as_bytes(), 100_000) else {
        return strip_tags(html);
    };
    from_lines(lines)
}

/// Paragraphs from html2text's rich lines: blank lines separate paragraphs, links become `[N]`.
fn from_lines(lines: Vec<TaggedLine<Vec<RichAnnotation>>>) -> Rendered {
    let mut out = Rendered::default();
    let mut numbers = LinkNumbers::default();
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
                close_link(&mut plain, open_link.take(), &mut numbers);
            }
            plain.push_str(&piece.s);
            open_link = link;
        }
        close_link(&mut plain, open_link, &mut numbers);
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
    out.links = numbers.urls;
    out
}

/// Renders the subtree of `root` with html2text, leaving out every element `skip` names.
///
/// The chosen elements are copied into html2text's own DOM (through its tree builder
/// interface) so the page is parsed only once; only link targets are kept as attributes.
pub fn render_subtree<'a>(
    root: NodeRef<'a, Node>,
    mut skip: impl FnMut(NodeRef<'a, Node>) -> bool,
) -> Rendered {
    // html2text keeps a kilobyte or more per line it lays out: a flood of breaks or
    // paragraphs would cost gigabytes, so such a subtree is read as plain blocks instead.
    if root.descendants().nth(MAX_RENDERED_NODES).is_some() {
        return plain_blocks(root, skip);
    }
    let dom = RcDom::default();
    let element = |name: &str| {
        let q = QualName::new(None, ns!(html), LocalName::from(name));
        dom.create_element(q, Vec::new(), ElementFlags::default())
    };
    let doc = dom.get_document();
    let html = element("html");
    let body = element("body");
    dom.append(&doc, NodeOrText::AppendNode(html.clone()));
    dom.append(&html, NodeOrText::AppendNode(body.clone()));
    let mut stack = vec![(root, body)];
    while let Some((node, parent)) = stack.pop() {
        match node.value() {
            Node::Text(t) => dom.append(&parent, NodeOrText::AppendText(t.text.clone())),
            // `skip` may keep state (what it has seen): asked once per element.
            Node::Element(_) if skip(node) => {}
            Node::Element(el) if el.name() == "tr" && is_data_row(node) => {
                // A row of data cells reads as one line: `1 · Tadese Takele · ETH · 2:03:11`.
                let cells: Vec<String> = node
                    .children()
                    .filter(|c| {
                        c.value()
                            .as_element()
                            .is_some_and(|e| matches!(e.name(), "td" | "th"))
                    })
                    .map(|c| cell_text(c))
                    .filter(|t| !t.is_empty())
                    .collect();
                if !cells.is_empty() {
                    let p = dom.create_element(
                        QualName::new(None, ns!(html), LocalName::from("p")),
                        Vec::new(),
                        ElementFlags::default(),
                    );
                    dom.append(&parent, NodeOrText::AppendNode(p.clone()));
                    dom.append(&p, NodeOrText::AppendText(cells.join(" · ").into()));
                }
            }
            Node::Element(el) => {
                let attrs = el
                    .attrs
                    .iter()
                    .filter(|(k, _)| &*k.local == "href" && el.name() == "a")
                    .map(|(k, v)| Attribute {
                        name: k.clone(),
                        value: StrTendril::from(&**v),
                    })
                    .collect();
                // Table parts out of their table make html2text panic, and layout tables are
                // the common case on article pages: every table part becomes a block.
                // A block boundary on a page is a paragraph boundary: html2text would run
                // consecutive divs, list items and cells into one paragraph.
                let name = match el.name() {
                    "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup" | "col" | "ul"
                    | "ol" | "dl" => QualName::new(None, ns!(html), LocalName::from("div")),
                    "td" | "th" | "caption" | "div" | "section" | "article" | "main" | "li"
                    | "dd" | "dt" | "blockquote" | "center" => {
                        QualName::new(None, ns!(html), LocalName::from("p"))
                    }
                    _ => el.name.clone(),
                };
                let h = dom.create_element(name, attrs, ElementFlags::default());
                dom.append(&parent, NodeOrText::AppendNode(h.clone()));
                for child in node.children().rev() {
                    stack.push((child, h.clone()));
                }
            }
            _ => {}
        }
    }
    let config = html2text::config::rich().no_link_wrapping();
    let Ok(tree) = config.dom_to_render_tree(&dom) else {
        return Rendered::default();
    };
    match config.render_to_lines(tree, 100_000) {
        Ok(lines) => from_lines(lines),
        Err(_) => Rendered::default(),
    }
}

/// Nodes from which a subtree is read as plain blocks rather than rendered by html2text
/// (a long article page holds a few thousand).
const MAX_RENDERED_NODES: usize = 100_000;

/// The text of a subtree as paragraphs, one per block element, without html2text: bounded
/// memory for pathological pages. Links are left as their text.
fn plain_blocks<'a>(
    root: NodeRef<'a, Node>,
    mut skip: impl FnMut(NodeRef<'a, Node>) -> bool,
) -> Rendered {
    let mut out = Rendered::default();
    let mut current = String::new();
    // (node, whether it is being left): a block flushes its paragraph on the way in and out.
    let mut stack = vec![(root, false)];
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Text(t) if !leaving => current.push_str(&t.text),
            Node::Element(el) => {
                let block = !matches!(
                    el.name(),
                    "a" | "span"
                        | "b"
                        | "strong"
                        | "i"
                        | "em"
                        | "u"
                        | "s"
                        | "small"
                        | "sup"
                        | "sub"
                        | "abbr"
                        | "cite"
                        | "q"
                        | "mark"
                        | "time"
                        | "code"
                        | "font"
                );
                if leaving {
                    if block {
                        flush(&mut current, &mut out.paragraphs);
                    }
                    continue;
                }
                if matches!(el.name(), "script" | "style" | "noscript" | "template") || skip(node) {
                    continue;
                }
                if el.name() == "br" {
                    current.push(' ');
                    continue;
                }
                if block {
                    flush(&mut current, &mut out.paragraphs);
                }
                stack.push((node, true));
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out.paragraphs);
    out
}

/// A table row of short text cells (data, not page layout): no blocks, lists, tables or
/// links inside, at most a dozen cells.
fn is_data_row(row: NodeRef<'_, Node>) -> bool {
    let mut cells = 0;
    for c in row.children() {
        let Some(e) = c.value().as_element() else {
            continue;
        };
        if !matches!(e.name(), "td" | "th") {
            return false;
        }
        cells += 1;
        // Attributes may hide a cell or mark it as chrome (`hidden`, a style, an ad's class):
        // such rows go the way of any element, past `skip`.
        let marked = c.descendants().any(|d| {
            d.value().as_element().is_some_and(|e| {
                e.attrs().any(|(k, _)| {
                    !matches!(
                        k,
                        "colspan" | "rowspan" | "align" | "valign" | "scope" | "headers" | "width"
                    )
                })
            })
        });
        if marked {
            return false;
        }
        let nested = c.descendants().skip(1).any(|d| {
            d.value().as_element().is_some_and(|e| {
                !matches!(
                    e.name(),
                    "span" | "b" | "strong" | "i" | "em" | "abbr" | "sup" | "sub" | "small" | "br"
                )
            })
        });
        if nested || cell_text(c).chars().count() > 120 {
            return false;
        }
    }
    (2..=12).contains(&cells)
}

/// The text of a table cell on one line.
fn cell_text(cell: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in cell.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends ` [N]` for a followable link, numbering each distinct URL once.
fn close_link(text: &mut String, url: Option<String>, numbers: &mut LinkNumbers) {
    let Some(url) = url else { return };
    let url = url.trim();
    let followable = ["http://", "https://", "mailto:"].iter().any(|p| {
        url.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    if !followable {
        return;
    }
    // Past the last number a reference can carry, links stay plain text.
    if let Some(n) = numbers.number(url) {
        // A space inside the link ("<a>Alito </a>is") stays after the reference.
        let end = text.trim_end().len();
        let tail = text.split_off(end);
        text.push_str(&format!(" [{n}]"));
        text.push_str(&tail);
    }
}

/// Link URLs in order of first use, with each one's number found by hashing: a page of
/// 100,000 links made the former search through all earlier URLs quadratic.
#[derive(Debug, Default)]
struct LinkNumbers {
    urls: Vec<String>,
    index: HashMap<String, usize>,
}

impl LinkNumbers {
    /// The 1-based number of `url` (stored sanitised), given the next number if it is new;
    /// none once [`text::MAX_REF`] URLs are numbered.
    fn number(&mut self, url: &str) -> Option<usize> {
        let url = crate::sanitize::one_line(url);
        if let Some(&n) = self.index.get(&url) {
            return Some(n);
        }
        if self.urls.len() >= text::MAX_REF {
            return None;
        }
        self.urls.push(url.clone());
        self.index.insert(url, self.urls.len());
        Some(self.urls.len())
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = text::squash(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

/// What a cheap linear scan can tell of a page before the HTML parser sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Approximate element nesting depth, counting unclosed non-void tags.
    pub depth: usize,
    /// The most attributes (counted by `=`) in one tag.
    pub attrs: usize,
}

/// Nesting deeper than this, or a tag with more attributes, is not parsed as HTML: the tree
/// builder's scope checks grow with depth and its duplicate-attribute check with the square
/// of a tag's attributes.
pub const MAX_DEPTH: usize = 256;
const MAX_ATTRS: usize = 1_000;

impl Shape {
    /// Whether the page is too deep or too wide to hand to the HTML parser.
    pub fn hostile(&self) -> bool {
        self.depth > MAX_DEPTH || self.attrs > MAX_ATTRS
    }
}

/// Scans a page's tags once: nesting depth and attribute counts, linear in its length.
/// It reads tags as the HTML tokenizer does: comments and the raw text of `<script>` or
/// `<style>` hold no tags, and a `>` inside a quoted value does not end a tag (a real page's
/// scripts are full of `<` and `=`).
pub fn shape(html: &str) -> Shape {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "embed",
        "param", "track", "base",
    ];
    // `<x/>` closes itself only in SVG and MathML; in HTML `<div/>` opens a div.
    const FOREIGN_LEAVES: &[&str] = &[
        "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "use", "stop", "image",
        "animate", "feblend", "mi", "mo", "mn",
    ];
    const RAW_TEXT: &[&str] = &[
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ];
    let mut out = Shape { depth: 0, attrs: 0 };
    let mut depth = 0usize;
    let mut foreign = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            match comment_end(&bytes[i + 3..]) {
                Some(p) => i += 3 + p,
                None => break,
            }
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |p| name_start + p);
        let name = &html[name_start..name_end];
        if name.is_empty() || name.starts_with('!') {
            continue;
        }
        let Some((gt, attrs)) = tag_end(&bytes[name_end..]) else {
            break;
        };
        out.attrs = out.attrs.max(attrs);
        let tag = &bytes[name_end..name_end + gt];
        // Whatever a long unclosed tag swallowed is not scanned again.
        i = name_end + gt + 1;
        let is = |list: &[&str]| list.iter().any(|v| v.eq_ignore_ascii_case(name));
        if is(VOID) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            if is(&["svg", "math"]) {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        if !(tag.ends_with(b"/") && is(FOREIGN_LEAVES)) {
            depth += 1;
            out.depth = out.depth.max(depth);
        }
        // Its closing tag, where the scan goes on, balances the depth.
        if is(&["svg", "math"]) {
            foreign += 1;
        }
        // Inside SVG or MathML a `<style>` or `<title>` holds markup like any element.
        if foreign == 0 && is(RAW_TEXT) {
            match raw_text_end(&bytes[i..], name.as_bytes()) {
                Some(p) => i += p,
                None => break,
            }
        }
    }
    out
}

/// Where a comment's text ends, past its closing mark, as the tokenizer reads it: at once for
/// `<!-->` and `<!--->`, else at the first `-->` or `--!>`.
fn comment_end(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b">") {
        return Some(1);
    }
    if bytes.starts_with(b"->") {
        return Some(2);
    }
    let close = memchr::memmem::find(bytes, b"-->").map(|p| p + 3);
    let bang = memchr::memmem::find(bytes, b"--!>").map(|p| p + 4);
    match (close, bang) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Where a tag's `>` is (outside quoted values), and how many attribute values it has.
fn tag_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut attrs = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some((i, attrs)),
            b'=' => {
                attrs += 1;
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q) = bytes.get(i).filter(|b| **b == b'"' || **b == b'\'') {
                    i += 1 + memchr::memchr(q, &bytes[i + 1..])?;
                } else {
                    // An unquoted value runs to a space or the tag's end; quotes in it are text.
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the raw text of an element ends: at its closing tag, in any case.
fn raw_text_end(bytes: &[u8], name: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(bytes, b"</").find(|&p| {
        bytes
            .get(p + 2..p + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(p + 2 + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
    })
}

static ANY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^<>]*>").expect("static regex"));
static BLOCK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^<>]*>")
        .expect("static regex")
});

/// Scripts and styles, to the end of the text when unclosed.
static RAW_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?is)<script[\s/>].*?(?:</script\s*>|\z)|<style[\s/>].*?(?:</style\s*>|\z)|<template[\s/>].*?(?:</template\s*>|\z)",
    )
    .expect("static regex")
});

/// A plain fallback for HTML too deep or broken to render: blocks to paragraphs, tags,
/// scripts and styles dropped.
fn strip_tags(html: &str) -> Rendered {
    let code_free = RAW_BLOCK.replace_all(html, " ");
    let marked = BLOCK_TAG.replace_all(&code_free, "\n\n");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_nodes_is_read_as_plain_blocks() {
        let flood = format!(
            "<html><body><article><p>The council met.</p><p>{}</p><script>var x;</script><p>Last <b>word</b>.</p></article></body></html>",
            "x<br>".repeat(MAX_RENDERED_NODES)
        );
        let page = scraper::Html::parse_document(&flood);
        let r = render_subtree(*page.root_element(), |_| false);
        assert_eq!(
            r.paragraphs.first().map(String::as_str),
            Some("The council met.")
        );
        assert_eq!(r.paragraphs.last().map(String::as_str), Some("Last word."));
        assert_eq!(r.paragraphs.len(), 3);
    }

    #[test]
    fn a_data_row_is_one_line_and_a_layout_row_stays_blocks() {
        let page = scraper::Html::parse_document(
            "<html><body><table>\
             <tr><th>Pos</th><th>Athlete</th><th>Time</th></tr>\
             <tr><td>1</td><td><b>Tadese Takele</b></td><td>2:03:11</td></tr>\
             <tr><td><p>A whole paragraph of layout.</p></td><td><div>Another block.</div></td></tr>\
             </table></body></html>",
        );
        let r = render_subtree(*page.root_element(), |_| false);
        let hidden = scraper::Html::parse_document(
            "<html><body><table><tr><td>1</td><td>Takele <span style='display:none'>SECRET</span>\
             </td><td>2:03:11</td></tr></table></body></html>",
        );
        let h = render_subtree(*hidden.root_element(), |n| {
            n.value()
                .as_element()
                .is_some_and(|e| e.attr("style").is_some())
        });
        assert!(
            !h.paragraphs.concat().contains("SECRET"),
            "{:?}",
            h.paragraphs
        );
        assert_eq!(
            r.paragraphs,
            [
                "Pos · Athlete · Time",
                "1 · Tadese Takele · 2:03:11",
                "A whole paragraph of layout.",
                "Another block."
            ]
        );
    }

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
    fn each_distinct_link_is_numbered_once_in_order_of_first_use() {
        let mut numbers = LinkNumbers::default();
        let got: Vec<Option<usize>> = [
            "https://a",
            "https://b",
            "https://a",
            "https://c",
            "https://b",
        ]
        .iter()
        .map(|u| numbers.number(u))
        .collect();
        assert_eq!(got, [Some(1), Some(2), Some(1), Some(3), Some(2)]);
        assert_eq!(numbers.urls, ["https://a", "https://b", "https://c"]);
    }

    #[test]
    fn links_past_the_last_reference_number_stay_plain_text() {
        let html: String = (0..=text::MAX_REF)
            .map(|i| format!("<a href=\"https://x.example/{i}\">w{i}</a> "))
            .collect();
        let r = render_inline(&[html, "<a href=\"https://x.example/0\">again</a>".into()]);
        assert_eq!(r.links.len(), text::MAX_REF);
        let max = text::MAX_REF;
        let last = format!("w{} [{max}] w{max}", max - 1);
        assert!(r.paragraphs[0].ends_with(&last));
        assert_eq!(r.paragraphs[1], "again [1]");
    }

    #[test]
    fn a_link_scheme_is_matched_in_any_case() {
        let mut numbers = LinkNumbers::default();
        let mut text = String::new();
        close_link(&mut text, Some(" HTTPS://x.example ".into()), &mut numbers);
        close_link(&mut text, Some("javascript:void(0)".into()), &mut numbers);
        close_link(&mut text, Some("é".into()), &mut numbers);
        assert_eq!(text, " [1]");
        assert_eq!(numbers.urls, ["HTTPS://x.example"]);
    }

    #[test]
    fn a_space_inside_a_link_stays_after_its_reference() {
        let r = render_inline(&[
            "Justice <a href=\"https://x.example/a\">Samuel Alito </a>is the tip".into(),
        ]);
        assert_eq!(r.paragraphs, ["Justice Samuel Alito [1] is the tip"]);
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
    fn deep_nesting_falls_back_to_plain_text() {
        let html = format!("{}deep text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(shape(&html).depth > MAX_DEPTH);
        assert_eq!(render(&html).paragraphs, ["deep text"]);
    }

    #[test]
    fn shape_sees_depth_attributes_and_false_self_closing() {
        assert_eq!(
            shape("<p>a<br/><img src=x></p><svg><path d=1/></svg>").depth,
            1
        );
        assert_eq!(shape(&"<div/>".repeat(300)).depth, 300);
        let wide = format!("<div {}>x</div>", "a=1 ".repeat(2_000));
        assert!(shape(&wide).hostile());
        assert_eq!(shape(&"<a".repeat(10_000)).depth, 0);
    }

    #[test]
    fn shape_skips_scripts_comments_and_quoted_values() {
        // A real page's script: comparisons and assignments, never tags.
        let script = "for(i=0;i<n;i++){a[i]=b<c?d:e;}".repeat(400);
        let page = format!(
            "<html><head><script>{script}</script><style>a>b{{x:1}}</style></head>\
             <body><!-- <div><div> --><p title=\"a>b=c\">text</p></body></html>"
        );
        let s = shape(&page);
        assert!(!s.hostile(), "{s:?}");
        assert_eq!(s.depth, 3, "html, head, script; then html, body, p");
        assert_eq!(s.attrs, 1);
        assert_eq!(shape("<SCRIPT>x<y</Script ><div>").depth, 1);
        // What the parser nests, the scan counts: empty comments, SVG styles, stray quotes.
        let deep = "<div>".repeat(300);
        for head in [
            "<!-->",
            "<!--->",
            "<!-- x --!>",
            "<svg><style>",
            "<a href=/x?a=\">",
        ] {
            assert!(shape(&format!("{head}{deep}")).hostile(), "{head}");
        }
    }

    #[test]
    fn plain_fallback_never_shows_scripts_or_styles() {
        let html = format!(
            "{}<p>Story.</p><script>var x = '<b>';</script><style>p{{}}</style><script>unclosed",
            "<div>".repeat(5000)
        );
        assert_eq!(render(&html).paragraphs, ["Story."]);
    }
}
