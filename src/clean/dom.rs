//! A whole page read once through its DOM: what its head and JSON-LD declare, where its
//! headline stands, and which element holds the article, scored by text and link density,
//! tag and class hints and position after the headline.

use std::collections::HashMap;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::rules::RULES;
use super::text;

/// Elements whose text forms one block (paragraph-like unit) for scoring.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "form",
    "address",
    "center",
    "details",
    "summary",
    "hgroup",
    "fieldset",
    "caption",
    "tbody",
    "thead",
];

/// Elements whose content is never text of any kind (not even metadata).
const DEAD_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
];

/// Elements visited deeper than this are ignored (the loader also bounds nesting before parsing).
pub(crate) const MAX_DEPTH: usize = 512;

/// One element of the page, in document order.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The element in the parsed tree.
    pub node: NodeRef<'a, Node>,
    /// Index of the parent element (`usize::MAX` for the root).
    pub parent: usize,
    /// Index one past the element's last descendant.
    pub end: usize,
    /// Local tag name.
    pub tag: &'a str,
    /// The element or an ancestor is never article text (tag, role, hidden).
    pub tag_chrome: bool,
    /// The element's own hint words say chrome.
    pub hint_chrome: bool,
    /// Chrome after the wrapper check: tag chrome, or hint chrome of the element or an ancestor.
    pub chrome: bool,
    /// Inside comments, related links, teasers: dates and headings there are other pages'.
    pub foreign: bool,
    /// The element's own hint words (or its place after a discussion heading) say foreign.
    pub own_foreign: bool,
    /// Readers' discussion, by its own or an ancestor's hints or heading: never article text.
    pub discussion: bool,
    /// Hint words say standfirst.
    pub dek: bool,
    /// Hint words say standfirst or first paragraph (which one, its place tells).
    pub lede: bool,
    /// Hint words say the element shows a date.
    pub date_hint: bool,
    /// Hint words say an event's details (`event-meta-start`), its own or those of a box
    /// around it: its dates are the event's, not the page's. An article's or a section's are
    /// not passed down: WordPress marks a post `category-events`.
    pub event: bool,
    /// Inside a `<blockquote>`: an embedded post (`class="instagram-media"`) carries its own
    /// date, not the page's.
    pub quoted: bool,
    /// Multiplier from content hints (`itemprop=articleBody`, `entry-content`).
    pub boost: f32,
    /// The page itself marks the element as the article body (`itemprop=articleBody`, RDFa
    /// `property=content:encoded`).
    pub body_prop: bool,
    /// A block element: text below it, up to the next block, counts as its own.
    pub block: bool,
    /// The block links to its own site's policy pages (privacy, terms, guidelines).
    pub policy: bool,
    /// Text directly in this block (inline descendants included), in characters.
    pub chars: u32,
    /// Of `chars`, those inside links.
    pub link_chars: u32,
    /// Words of the block's own text.
    pub words: u32,
    /// Sentence punctuation marks in the block's own text.
    pub punct: u32,
    /// Non-chrome text and link text in the whole subtree.
    pub sub_chars: u32,
    /// Of `sub_chars`, those inside links.
    pub sub_link: u32,
}

/// What a page's markup holds before any choice is made.
#[derive(Debug, Default)]
pub struct Parts<'a> {
    /// Elements in document order.
    pub items: Vec<Item<'a>>,
    /// The `<title>` text.
    pub title_tag: Option<String>,
    /// `(key, content)` of every `<meta>`, keys lower-cased.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical>` address.
    pub canonical: Option<String>,
    /// Text of each `application/ld+json` script.
    pub json_ld: Vec<String>,
    /// URLs a page gives for itself in its body (`rel=bookmark`, "Permanent link").
    pub self_links: Vec<String>,
    /// The first element the page marks as its headline (`itemprop="headline"`).
    pub headline: Option<usize>,
}

/// Calls `f` with each lower-cased word of an attribute value, split at punctuation and
/// camelCase; words already in lower case are passed without copying. A word after a
/// negation is left out: `no_caption` says the element has no caption.
pub fn attr_words(value: &str, mut f: impl FnMut(&str)) {
    let utility = RULES.page.utility.as_ref();
    // Styling classes ("text-18", "font-bold") say how a block looks, not what it is.
    for token in value
        .split_ascii_whitespace()
        .filter(|t| !utility.is_some_and(|u| u.is_match(t)))
    {
        token_words(token, &mut f);
    }
}

/// The words of one class or id token (a negation reaches only within it).
fn token_words(token: &str, f: &mut impl FnMut(&str)) {
    let negations = &RULES.page.negation_words;
    let states = &RULES.page.state_words;
    let mut negated = false;
    let mut f = |w: &str| {
        if !std::mem::replace(&mut negated, negations.matches(w)) && !states.matches(w) {
            f(w);
        }
    };
    let mut word = String::new();
    for part in token.split(|c: char| !c.is_ascii_alphanumeric()) {
        if part.is_empty() {
            continue;
        }
        if !part.bytes().any(|b| b.is_ascii_uppercase()) {
            f(part);
            continue;
        }
        word.clear();
        let mut prev_lower = false;
        for c in part.chars() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                f(&word);
                word.clear();
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        }
        if !word.is_empty() {
            f(&word);
        }
    }
}

/// How many of an element's attribute words each kind of hint matched.
#[derive(Debug, Default, Clone, Copy)]
struct Hits {
    chrome: usize,
    content: usize,
    foreign: usize,
    discussion: usize,
    dek: usize,
    lede: usize,
    date: usize,
    event: usize,
}

impl Hits {
    fn add(&mut self, word: &str) {
        let rules = &RULES.page;
        self.chrome += usize::from(rules.chrome_words.matches(word));
        self.content += usize::from(rules.content_words.matches(word));
        self.foreign += usize::from(rules.foreign_words.matches(word));
        self.discussion += usize::from(rules.discussion_words.matches(word));
        self.dek += usize::from(rules.dek_words.matches(word));
        self.lede += usize::from(rules.lede_words.matches(word));
        self.date += usize::from(rules.date_words.matches(word));
        self.event += usize::from(rules.event_words.matches(word));
    }
}

fn is_ld_json(el: &scraper::node::Element) -> bool {
    el.attrs()
        .any(|(k, v)| k == "type" && v.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Reads a parsed page into document-ordered elements with their text statistics.
pub fn read(html: &Html) -> Parts<'_> {
    let rules = &RULES.page;
    let mut parts = Parts::default();
    // (node, parent item, depth); children pushed in reverse keep document order.
    let mut stack: Vec<(NodeRef<'_, Node>, usize, usize)> = vec![(html.tree.root(), usize::MAX, 0)];
    while let Some((node, parent, depth)) = stack.pop() {
        match node.value() {
            Node::Text(t) => {
                if parent != usize::MAX {
                    add_text(&mut parts.items, parent, &t.text);
                }
                continue;
            }
            Node::Element(el) => {
                if depth > MAX_DEPTH {
                    continue;
                }
                // A named anchor (`<a name="faq">`, no address, no script) marks a place in
                // the text: its words are the article's, not a link's.
                let tag = match el.name() {
                    "a" if ["href", "onclick", "role", "data-href"]
                        .iter()
                        .all(|k| el.attr(k).is_none())
                        && (el.attr("name").is_some() || el.attr("id").is_some()) =>
                    {
                        "span"
                    }
                    t => t,
                };
                match tag {
                    "script" if is_ld_json(el) => {
                        let body: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.text.to_string()))
                            .collect();
                        parts.json_ld.push(body);
                        continue;
                    }
                    "title" if parts.title_tag.is_none() => {
                        let t: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.text.to_string()))
                            .collect();
                        parts.title_tag = Some(text::squash(&t));
                        continue;
                    }
                    "meta" => {
                        if !other_item(node) {
                            read_meta(el, &mut parts.metas);
                        }
                        continue;
                    }
                    "link" => {
                        let canonical = el.attrs().any(|(k, v)| {
                            k == "rel"
                                && v.split_whitespace()
                                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                        });
                        if canonical && parts.canonical.is_none() {
                            parts.canonical = el.attr("href").map(|h| h.trim().to_string());
                        }
                        continue;
                    }
                    t if DEAD_TAGS.contains(&t) => continue,
                    _ => {}
                }
                let up = parts.items.get(parent);
                let mut hits = Hits::default();
                let mut strong_body = false;
                let mut headline_prop = false;
                let mut hidden = false;
                // Hidden by the page's markup or style, which a script may undo.
                let mut styled_hidden = false;
                let mut role_chrome = false;
                for (k, v) in el.attrs() {
                    match k {
                        // The page's own classes name its template and feature flags
                        // (WordPress's `comments-open`), not a part of it.
                        "class" | "id" | "data-component" | "data-gu-name"
                            if !matches!(tag, "html" | "body") =>
                        {
                            attr_words(v, |w| hits.add(w))
                        }
                        "itemprop" => {
                            let says =
                                |p: &str| v.split_whitespace().any(|t| t.eq_ignore_ascii_case(p));
                            strong_body |= says("articleBody");
                            headline_prop |= says("headline");
                            attr_words(v, |w| hits.add(w));
                        }
                        // Drupal's RDFa names its body field so.
                        "property" => {
                            strong_body |= v.split_whitespace().any(|t| {
                                t.eq_ignore_ascii_case("content:encoded")
                                    || t.eq_ignore_ascii_case("schema:articleBody")
                            });
                        }
                        "role" => {
                            role_chrome |= rules
                                .chrome_roles
                                .iter()
                                .any(|r| r.eq_ignore_ascii_case(v.trim()));
                        }
                        "hidden" => styled_hidden = true,
                        "aria-hidden" => hidden |= v.trim() == "true",
                        "style" => {
                            let s: String = v
                                .chars()
                                .filter(|c| !c.is_whitespace())
                                .collect::<String>()
                                .to_ascii_lowercase();
                            styled_hidden |= s.contains("display:none") || placed_in_percent(&s);
                        }
                        "rel" if tag == "a" && v.split_whitespace().any(|r| r == "bookmark") => {
                            if let Some(h) = el.attr("href") {
                                parts.self_links.push(h.to_string());
                            }
                        }
                        _ => {}
                    }
                }
                let chrome_hits = hits.chrome;
                let content_hits = hits.content;
                // Members' pages hide the whole story until a script shows it
                // (`<div id="articleBody" style="display: none">`): a saved page still holds
                // it, and an element that names itself the article body is read.
                let named_body = strong_body || (content_hits >= 2 && chrome_hits == 0);
                hidden |= styled_hidden && !named_body;
                let tag_chrome = up.is_some_and(|p| p.tag_chrome)
                    || rules.chrome_tags.contains(tag)
                    || role_chrome
                    || hidden;
                let boost = if strong_body {
                    2.0
                } else if content_hits > chrome_hits {
                    1.25
                } else {
                    1.0
                };
                let item = Item {
                    node,
                    parent,
                    end: 0,
                    tag,
                    tag_chrome,
                    hint_chrome: !strong_body && chrome_hits > 0 && chrome_hits >= content_hits,
                    chrome: false,
                    foreign: up.is_some_and(|p| p.foreign) || hits.foreign > 0,
                    own_foreign: hits.foreign > 0,
                    discussion: up.is_some_and(|p| p.discussion) || hits.discussion > 0,
                    dek: hits.dek > 0,
                    lede: hits.lede > 0,
                    date_hint: hits.date > 0,
                    event: hits.event > 0
                        || up.is_some_and(|p| {
                            p.event && !matches!(p.tag, "article" | "main" | "body" | "section")
                        }),
                    quoted: up.is_some_and(|p| p.quoted || p.tag == "blockquote"),
                    boost,
                    body_prop: strong_body,
                    block: BLOCK_TAGS.contains(&tag),
                    policy: false,
                    chars: 0,
                    link_chars: 0,
                    words: 0,
                    punct: 0,
                    sub_chars: 0,
                    sub_link: 0,
                };
                if tag == "a" {
                    permalink(el, node, &mut parts.self_links);
                    if el.attr("href").is_some_and(own_policy_page) {
                        mark_policy(&mut parts.items, parent);
                    }
                }
                parts.items.push(item);
                let me = parts.items.len() - 1;
                if headline_prop && parts.headline.is_none() && !parts.items[me].foreign {
                    parts.headline = Some(me);
                }
                for child in node.children().rev() {
                    stack.push((child, me, depth + 1));
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children().rev() {
                    stack.push((child, parent, depth + 1));
                }
            }
            _ => {}
        }
    }
    finish(&mut parts.items);
    parts
}

/// How far up [`other_item`] looks for the microdata item a `<meta>` belongs to.
const ITEM_DEPTH: usize = 64;

/// Whether a `<meta itemprop>` describes another thing than the article: the nearest
/// `itemscope` around it is a video, a photo, a comment, a person (their `uploadDate` and
/// `dateCreated` are theirs). One with no item around it, or in the page's or the article's
/// item, is the page's.
fn other_item(node: NodeRef<'_, Node>) -> bool {
    let prop = node.value().as_element().and_then(|e| e.attr("itemprop"));
    // A publication date is the page's wherever the markup nests it (in the author's item).
    if prop.is_none_or(|p| p.trim().eq_ignore_ascii_case("datePublished")) {
        return false;
    }
    for up in node.ancestors().take(ITEM_DEPTH) {
        if let Some(e) = up.value().as_element()
            && e.attr("itemscope").is_some()
        {
            return e
                .attr("itemtype")
                .is_some_and(|t| t.split_whitespace().any(super::jsonld::other_thing_type));
        }
    }
    false
}

fn read_meta(el: &scraper::node::Element, metas: &mut Vec<(String, String)>) {
    let mut key = None;
    let mut content = None;
    for (k, v) in el.attrs() {
        match k {
            "property" | "name" | "itemprop" if key.is_none() => {
                key = Some(v.trim().to_ascii_lowercase())
            }
            "content" => content = Some(text::squash(v)),
            _ => {}
        }
    }
    if let (Some(k), Some(c)) = (key, content) {
        if !c.is_empty() {
            metas.push((k, c));
        }
    }
}

/// An address on the page's own site (no scheme, not protocol-relative) whose last part names
/// only a policy page (`/privacy`, `/terms-of-use`, `/community_guidelines.html`), never an
/// article whose slug mentions privacy.
fn own_policy_page(href: &str) -> bool {
    let href = href.trim();
    if href.contains("://") || href.starts_with("//") || href.contains(':') {
        return false;
    }
    let path = href.split(['?', '#']).next().unwrap_or("");
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let last = last.split('.').next().unwrap_or("");
    let rules = &RULES.page;
    let (mut core, mut other) = (false, false);
    attr_words(last, |w| {
        if rules.policy_words.matches(w) {
            core = true;
        } else if !rules.policy_fillers.matches(w) {
            other = true;
        }
    });
    core && !other
}

/// Text placed in percent over a graphic is its labels (ai2html): `top` and `left` or
/// `right` declared in percent, other than zero (a full-size overlay starts at `0`).
fn placed_in_percent(style: &str) -> bool {
    let percent = |prop: &str| {
        style.split(';').any(|d| {
            d.split_once(':').is_some_and(|(k, v)| {
                k == prop && v.ends_with('%') && v.trim_end_matches('%') != "0"
            })
        })
    };
    percent("top") && (percent("left") || percent("right"))
}

/// Marks the nearest block at or above `n` as linking to a policy page.
fn mark_policy(items: &mut [Item<'_>], mut n: usize) {
    for _ in 0..MAX_DEPTH {
        let Some(i) = items.get_mut(n) else { return };
        if i.block {
            i.policy = true;
            return;
        }
        n = i.parent;
    }
}

/// A link whose text says it is the page's own permanent address.
fn permalink(el: &scraper::node::Element, node: NodeRef<'_, Node>, out: &mut Vec<String>) {
    let Some(href) = el.attr("href") else { return };
    // Only a link whose address could hold a date is worth reading.
    if href.bytes().filter(u8::is_ascii_digit).count() < 6 {
        return;
    }
    let t: String = node
        .descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.text.to_string()))
        .take(8)
        .collect();
    let t = text::squash(&t);
    if t.len() <= 60
        && RULES
            .page
            .permalink
            .as_ref()
            .is_some_and(|p| p.is_match(&t))
    {
        out.push(href.to_string());
    }
}

/// Adds a text node's statistics to the block that holds it.
fn add_text(items: &mut [Item<'_>], parent: usize, t: &str) {
    let mut block = parent;
    let mut in_link = false;
    let mut guard = 0;
    while let Some(item) = items.get(block) {
        in_link |= item.tag == "a";
        if item.block || item.parent == usize::MAX || guard > MAX_DEPTH {
            break;
        }
        block = item.parent;
        guard += 1;
    }
    // Ancestors above the block may still be a link (a block inside <a>).
    let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
    if chars == 0 {
        return;
    }
    let words = crate::article::count_words(t) as u32;
    let punct = t
        .chars()
        .filter(|c| {
            matches!(
                c,
                '.' | ',' | '!' | '?' | ';' | '。' | '，' | '、' | '！' | '？'
            )
        })
        .count() as u32;
    if let Some(b) = items.get_mut(block) {
        b.chars += chars;
        b.words += words;
        b.punct += punct;
        if in_link {
            b.link_chars += chars;
        }
    }
}

/// Subtree ends and the chrome flag after the wrapper check; subtree text totals.
fn finish(items: &mut [Item<'_>]) {
    let n = items.len();
    for (i, item) in items.iter_mut().enumerate() {
        item.end = i + 1;
    }
    for i in (0..n).rev() {
        let (end, p) = (items[i].end, items[i].parent);
        if let Some(parent) = items.get_mut(p) {
            parent.end = parent.end.max(end);
        }
    }
    mark_forms(items);
    trust_body(items);
    inherit(items);
}

/// The wrappers of an element the page marks as its body are neither chrome, another page's
/// nor a standfirst, whatever their classes say (Drupal's `field-label-hidden`,
/// `text-with-summary`; Blogger's `widget Blog`).
fn trust_body(items: &mut [Item<'_>]) {
    // Each wrapper is cleared once, so many marked siblings cost no more than one.
    let mut cleared = vec![false; items.len()];
    for i in 0..items.len() {
        if !items[i].body_prop {
            continue;
        }
        let mut up = items[i].parent;
        let mut guard = 0;
        while let Some(p) = items.get_mut(up) {
            if p.body_prop || cleared[up] || guard > MAX_DEPTH {
                break;
            }
            cleared[up] = true;
            p.hint_chrome = false;
            p.own_foreign = false;
            p.dek = false;
            p.lede = false;
            up = p.parent;
            guard += 1;
        }
    }
}

/// A form is chrome (search, sign-up, login) unless it holds the headline or prose: some
/// sites wrap the whole page in one (ASP.NET's `<form id="aspnetForm">`).
fn mark_forms(items: &mut [Item<'_>]) {
    let mut i = 0;
    while i < items.len() {
        if items[i].tag != "form" {
            i += 1;
            continue;
        }
        let end = items[i].end;
        // A note of 25 words in a sign-up form is no story; several paragraphs are.
        let prose = (i..end)
            .filter(|&k| items[k].block && items[k].words >= 25)
            .count();
        let article = prose >= 3 || (i..end).any(|k| items[k].tag == "h1");
        if !article {
            for item in &mut items[i..end] {
                item.tag_chrome = true;
            }
        }
        i = if article { i + 1 } else { end.max(i + 1) };
    }
}

/// Recomputes subtree text totals over non-chrome elements.
fn totals(items: &mut [Item<'_>]) {
    for item in items.iter_mut() {
        (item.sub_chars, item.sub_link) = if item.chrome {
            (0, 0)
        } else {
            (item.chars, item.link_chars)
        };
    }
    for i in (0..items.len()).rev() {
        let (c, l, p) = (items[i].sub_chars, items[i].sub_link, items[i].parent);
        if let Some(parent) = items.get_mut(p) {
            parent.sub_chars += c;
            parent.sub_link += l;
        }
    }
}

/// Marks readers' discussion as chrome: a heading (h2-h6) that opens one ("Your views",
/// "12 comments") and everything after it in its container. Readers' posts are prose as long
/// and as well punctuated as the article's, so only their heading tells them apart.
pub fn mark_discussions(items: &mut [Item<'_>]) {
    let (Some(rules), Some(boxes)) = (RULES.page.discussion.as_ref(), RULES.page.side_box.as_ref())
    else {
        return;
    };
    let mut marked = false;
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        let heading = matches!(item.tag, "h2" | "h3" | "h4" | "h5" | "h6");
        let text = if heading && !item.chrome {
            text_of(item.node, 200)
        } else {
            String::new()
        };
        if !text.is_empty() && boxes.is_match(&text) && side_box(items, i) {
            // The box the heading opens ("Key moments" over a list): chrome, the story
            // around it stays.
            let b = item.parent;
            items[b].hint_chrome = true;
            items[b].own_foreign = true;
            marked = true;
            i = items[b].end.max(i + 1);
            continue;
        }
        // Only after some of the story: a comment count under the headline is a link to
        // the discussion, not the discussion.
        if text.is_empty() || !rules.is_match(&text) || prose_before(items, i) < 100 {
            i += 1;
            continue;
        }
        // A wrapper around the heading alone stands for it (`<div class=hd><h3>...`).
        let mut anchor = i;
        while let Some(p) = items.get(items[anchor].parent)
            && items[anchor].parent + 1 == anchor
            && p.end == items[anchor].end
        {
            anchor = items[anchor].parent;
        }
        let parent = items[anchor].parent;
        let stop = items.get(parent).map_or(items[anchor].end, |p| p.end);
        let mut j = anchor;
        while j < stop {
            if j == anchor || items[j].parent == parent {
                items[j].hint_chrome = true;
                items[j].own_foreign = true;
                items[j].discussion = true;
            }
            j = items[j].end.max(j + 1);
        }
        marked = true;
        i = stop.max(i + 1);
    }
    if marked {
        inherit(items);
    }
}

/// Marks lists of teaser cards as other pages': three or more siblings built alike (one tag,
/// one class), each a short block led by a link (a headline, a date, a line of summary).
/// Each card's summary reads as prose; only the repeated shape says it is no story.
pub fn mark_card_lists(items: &mut [Item<'_>]) {
    let mut groups: HashMap<(usize, &str, &str), (usize, bool)> = HashMap::new();
    for it in items.iter() {
        let class = it.node.value().as_element().and_then(|e| e.attr("class"));
        let Some(class) = class.filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        // Paragraphs of one class with links in each are a story, not cards.
        if it.parent >= items.len() || !it.block || it.chrome || it.tag == "p" {
            continue;
        }
        let card = (CARD_MIN_CHARS..=CARD_MAX_CHARS).contains(&it.sub_chars)
            && it.sub_link >= CARD_MIN_LINK_CHARS
            && it.sub_link * 100 >= it.sub_chars * CARD_LINK_PERCENT
            && led_by_link(it.node);
        let entry = groups
            .entry((it.parent, it.tag, class))
            .or_insert((0, true));
        entry.0 += 1;
        entry.1 &= card;
    }
    // The cards' own text, per group: a story with a few inline boxes is more than its boxes.
    let mut card_chars: HashMap<(usize, &str, &str), u32> = HashMap::new();
    for it in items.iter() {
        let class = it.node.value().as_element().and_then(|e| e.attr("class"));
        if let Some(class) = class.filter(|c| !c.trim().is_empty())
            && it.parent < items.len()
        {
            *card_chars.entry((it.parent, it.tag, class)).or_insert(0) += it.sub_chars;
        }
    }
    let mut marked = false;
    for (key, (count, all_cards)) in groups {
        let parent = key.0;
        let most = card_chars.get(&key).copied().unwrap_or(0) * 10 >= items[parent].sub_chars * 8;
        if count >= 3 && all_cards && most && items[parent].boost < 2.0 && !items[parent].chrome {
            items[parent].hint_chrome = true;
            items[parent].own_foreign = true;
            marked = true;
        }
    }
    if marked {
        inherit(items);
    }
}

/// The fewest characters a teaser card holds.
const CARD_MIN_CHARS: u32 = 15;
/// The most characters a teaser card holds.
const CARD_MAX_CHARS: u32 = 600;
/// The fewest characters of a card's leading link.
const CARD_MIN_LINK_CHARS: u32 = 15;
/// The least share of a card's text in links, in percent.
const CARD_LINK_PERCENT: u32 = 15;

/// Whether an element's first words are a link's or a heading's (a teaser's headline).
fn led_by_link(node: NodeRef<'_, Node>) -> bool {
    let first = node
        .descendants()
        .take(64)
        .find(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()));
    first.is_some_and(|t| {
        t.ancestors().take_while(|a| a.id() != node.id()).any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "a" | "h2" | "h3" | "h4" | "h5" | "h6"))
        })
    })
}

/// Characters of prose (blocks of six words or more, outside chrome) before item `at` and
/// after the page's first `<h1>`.
fn prose_before(items: &[Item<'_>], at: usize) -> u32 {
    let from = items[..at].iter().position(|i| i.tag == "h1").unwrap_or(0);
    items[from..at]
        .iter()
        .filter(|i| i.block && !i.chrome && i.words >= 6)
        .map(|i| i.chars.saturating_sub(i.link_chars))
        .sum()
}

/// Whether the heading at `h` opens a box of its own: the first child of an element that
/// holds no paragraph of prose (a list, a table, short lines).
fn side_box(items: &[Item<'_>], h: usize) -> bool {
    let b = items[h].parent;
    let Some(bx) = items.get(b) else {
        return false;
    };
    let Some(outer) = items.get(bx.parent) else {
        return false;
    };
    let listed = (b..bx.end).any(|k| matches!(items[k].tag, "ul" | "ol" | "table" | "dl"));
    let prose = (b..bx.end).any(|k| items[k].tag == "p" && items[k].words >= 25);
    // The box is small beside the story around it: never the article's own container.
    b + 1 == h && listed && !prose && bx.boost < 2.0 && bx.sub_chars * 3 <= outer.sub_chars
}

/// Passes chrome and foreign marks down to descendants, then recomputes the text totals.
fn inherit(items: &mut [Item<'_>]) {
    for k in 0..items.len() {
        let (chrome, foreign, discussion) = items
            .get(items[k].parent)
            .map_or((false, false, false), |p| {
                (p.chrome, p.foreign, p.discussion)
            });
        let item = &mut items[k];
        item.chrome = item.tag_chrome || item.hint_chrome || chrome;
        item.foreign = item.own_foreign || foreign;
        item.discussion |= discussion;
    }
    totals(items);
}

/// How much a block looks like article prose: its non-link characters, less for short or
/// link-heavy text, nothing for headings and chrome.
pub fn block_weight(item: &Item<'_>) -> f32 {
    if item.chrome || !item.block || item.chars == 0 || item.tag.starts_with('h') {
        return 0.0;
    }
    let plain = item.chars.saturating_sub(item.link_chars) as f32;
    if item.link_chars * 2 > item.chars || item.words < 6 {
        return 0.0;
    }
    // A teaser is a linked headline over a summary: its link share counts twice against it.
    let density = item.link_chars as f32 / item.chars as f32;
    let w = plain * (1.0 - 2.0 * density);
    if item.punct == 0 { w * 0.5 } else { w }
}

/// Lifts the hint-chrome mark from a wrapper that holds the headline and most of the prose:
/// a page may name its whole content column after a sidebar it also holds. With no headline
/// found, only the lift of a hinted element holding a page of prose applies, page-wide.
pub fn unmark_wrappers(items: &mut [Item<'_>], heading: Option<usize>) {
    // Without a headline found, the whole page is what follows it.
    let h = heading.unwrap_or(0);
    let weights: Vec<f32> = items
        .iter()
        .map(|i| {
            if i.tag_chrome || !i.block {
                0.0
            } else {
                let plain = i.chars.saturating_sub(i.link_chars) as f32;
                if i.link_chars * 2 > i.chars || i.words < 6 {
                    0.0
                } else {
                    plain
                }
            }
        })
        .collect();
    let mut sub = weights.clone();
    for i in (0..items.len()).rev() {
        let p = items[i].parent;
        if p < sub.len() {
            sub[p] += sub[i];
        }
    }
    let total = sub.first().copied().unwrap_or(0.0);
    let mut changed = false;
    for i in 0..items.len() {
        let holds_heading = heading.is_some() && i <= h && h < items[i].end;
        if items[i].hint_chrome && holds_heading && sub[i] * 2.0 >= total && !items[i].tag_chrome {
            // Holding the article, it is not another page's either ("widget Blog").
            items[i].hint_chrome = false;
            items[i].own_foreign = false;
            changed = true;
        }
    }
    if changed {
        inherit(items);
    }
    // Next to nothing after the headline is left to read, yet a hinted element there holds
    // a page of prose: the hint was wrong (a paywalled body marked "teaser"). Readers'
    // discussion is never taken so.
    let free: f32 = (h..items.len())
        .filter(|&i| !items[i].chrome)
        .map(|i| weights[i])
        .sum();
    let hinted = (h + 1..items.len())
        .filter(|&i| items[i].hint_chrome && !items[i].tag_chrome && !items[i].discussion)
        .filter(|&i| sub[i] >= LIFT_AT_LEAST && sub[i] >= LIFT_RATIO * free)
        .max_by(|&a, &b| sub[a].total_cmp(&sub[b]).then(b.cmp(&a)));
    if let Some(i) = hinted {
        items[i].hint_chrome = false;
        items[i].own_foreign = false;
        inherit(items);
    }
    unfold_continuation(items, h, &weights, &sub);
}

/// Reads the folded rest of a story ("Read more" boxes that hide the second half of the
/// article): a hinted element right after the story's visible paragraphs, beside them in one
/// container, that holds several paragraphs of plain prose and little else.
fn unfold_continuation(items: &mut [Item<'_>], h: usize, weights: &[f32], sub: &[f32]) {
    let n = items.len();
    // Running sums in document order, so each candidate costs the same however long the page
    // (a subtree is a contiguous range of items): visible prose, prose paragraphs, headings
    // and characters before each item.
    let mut shown = vec![0f32; n + 1];
    let mut paras = vec![0usize; n + 1];
    let mut heads = vec![0usize; n + 1];
    let mut chars = vec![0u64; n + 1];
    for (k, it) in items.iter().enumerate() {
        let heading = matches!(it.tag.as_bytes(), [b'h', b'1'..=b'6']);
        shown[k + 1] = shown[k] + if it.chrome { 0.0 } else { weights[k] };
        paras[k + 1] = paras[k] + usize::from(weights[k] > 0.0 && it.tag == "p");
        heads[k + 1] = heads[k] + usize::from(heading);
        chars[k + 1] = chars[k] + u64::from(it.chars);
    }
    let mut found = None;
    for i in h + 1..n {
        let it = &items[i];
        if !it.hint_chrome || it.tag_chrome || it.discussion || sub[i] < CONTINUATION_AT_LEAST {
            continue;
        }
        let p = it.parent;
        if p >= n || items[p].chrome {
            continue;
        }
        let end = it.end.clamp(i + 1, n);
        // The story's visible part: prose before the element inside the same container.
        let before = shown[i] - shown[p + 1];
        let paragraphs = paras[end] - paras[i + 1];
        // A gallery or a list of teasers heads each of its items; a story, a few sections.
        let headings = heads[end] - heads[i + 1];
        // Mostly prose: the paragraphs' plain text is most of all the element's text.
        let all = (chars[end] - chars[i]) as f32;
        let prose = sub[i] >= 0.6 * all;
        if before >= CONTINUATION_AT_LEAST && paragraphs >= 2 && headings * 3 <= paragraphs && prose
        {
            found = Some(i);
            break;
        }
    }
    let Some(i) = found else { return };
    // The box and the wrappers inside it that carry its prose, not its ads or buttons.
    for k in i..items[i].end {
        if items[k].hint_chrome && !items[k].tag_chrome && sub[k] * 2.0 >= sub[i] {
            items[k].hint_chrome = false;
            items[k].own_foreign = false;
        }
    }
    inherit(items);
}

/// Prose (plain characters) a folded continuation and the visible story before it must
/// each hold.
const CONTINUATION_AT_LEAST: f32 = 400.0;

/// How many times the prose left after the headline a hinted element must hold to be read
/// instead: the page is next to empty without it.
const LIFT_RATIO: f32 = 10.0;

/// Prose a hinted element must hold to be read when the page is otherwise empty.
const LIFT_AT_LEAST: f32 = 600.0;

/// The element that holds the article: the best-scored parent of prose blocks, widened to
/// an ancestor while the ancestor adds mostly prose.
pub fn content_root(items: &[Item<'_>], heading: Option<usize>) -> Option<usize> {
    let n = items.len();
    let mut weight = vec![0.0f32; n];
    for (i, item) in items.iter().enumerate() {
        let mut w = block_weight(item);
        // Prose before the headline is mostly teasers and promotions.
        if heading.is_some_and(|h| i < h && !(i <= h && h < item.end)) {
            w *= 0.3;
        }
        weight[i] = w;
    }
    let mut score = vec![0.0f32; n];
    for (i, item) in items.iter().enumerate() {
        let w = weight[i];
        if w == 0.0 {
            continue;
        }
        if item.tag != "p" && item.tag != "li" {
            score[i] += w;
        }
        if let Some(p) = items.get(item.parent) {
            score[item.parent] += w;
            if p.parent < n {
                score[p.parent] += w / 2.0;
            }
        }
    }
    let mut good = weight.clone();
    for i in (0..n).rev() {
        let p = items[i].parent;
        if p < n {
            good[p] += good[i];
        }
    }
    let mut best: Option<(usize, f32)> = None;
    for (i, item) in items.iter().enumerate() {
        if item.chrome || score[i] == 0.0 {
            continue;
        }
        let link_density = if item.sub_chars == 0 {
            0.0
        } else {
            item.sub_link as f32 / item.sub_chars as f32
        };
        let s = score[i] * item.boost * (1.0 - link_density);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    let (top, _) = best?;
    // Widen while an ancestor adds a good share of prose and little else; wrappers that add
    // nothing are passed through (up to eight levels: builders nest deep).
    let mut chosen = top;
    let mut up = items[top].parent;
    let mut idle = 0;
    // The elements climbed so far: a sibling built like one of them is more of the story.
    let mut chain = vec![top];
    while let Some(a) = items.get(up) {
        // A page that marks its article body (`itemprop=articleBody`) has said where it ends.
        if a.chrome || idle >= 8 || items[chosen].boost >= 2.0 {
            break;
        }
        let added_good = good[up] - good[chosen];
        let added_text = a.sub_chars.saturating_sub(items[chosen].sub_chars) as f32;
        let mostly_prose = added_good >= 0.5 * added_text && added_good > 0.0;
        if mostly_prose
            && (added_good >= 0.25 * good[chosen]
                || twin_prose(items, &good, up, chosen, &chain) >= 0.5 * added_good)
        {
            chosen = up;
            idle = 0;
        } else if added_text <= 0.1 * items[chosen].sub_chars as f32 {
            idle += 1;
        } else {
            break;
        }
        chain.push(up);
        up = a.parent;
    }
    Some(chosen)
}

/// The prose under `up`, outside `inside`, in its own paragraphs or in elements with the tag
/// and classes of one of `chain`: a story cut into sections around a photo or a box.
fn twin_prose(items: &[Item<'_>], good: &[f32], up: usize, inside: usize, chain: &[usize]) -> f32 {
    let kind = |i: usize| {
        let class = items[i]
            .node
            .value()
            .as_element()
            .and_then(|e| e.attr("class"));
        class
            .filter(|c| !c.trim().is_empty())
            .map(|c| (items[i].tag, c))
    };
    let kinds: Vec<_> = chain.iter().filter_map(|&c| kind(c)).collect();
    let mut sum = 0.0;
    let mut i = up + 1;
    while i < items[up].end {
        if i == inside {
            i = items[i].end;
            continue;
        }
        let holds_inside = i < inside && inside < items[i].end;
        // Paragraphs beside the story's block and before it are its lead (before "Read more").
        let sibling_paragraph =
            items[i].tag == "p" && items[i].parent == up && i < inside && !items[i].dek;
        if !holds_inside && (sibling_paragraph || kind(i).is_some_and(|k| kinds.contains(&k))) {
            sum += good[i];
            i = items[i].end;
        } else {
            i += 1;
        }
    }
    sum
}

/// The text of an element's subtree, squashed, read up to about `limit` bytes.
///
/// Bounded on hostile pages: each text node is cut at the limit, and at most
/// [`TEXT_OF_NODES`] nodes are visited, so callers may ask it of many nested elements.
pub fn text_of(node: NodeRef<'_, Node>, limit: usize) -> String {
    let mut out = String::new();
    for d in node.descendants().take(TEXT_OF_NODES) {
        // A script's or a style's text is code, never the page's words.
        let code = || {
            d.parent()
                .and_then(|p| p.value().as_element().map(|e| e.name()))
                .is_some_and(|n| matches!(n, "script" | "style" | "noscript" | "template"))
        };
        if let Node::Text(t) = d.value()
            && !code()
        {
            let room = (limit + 1).saturating_sub(out.len());
            let mut cut = room.min(t.text.len());
            while !t.text.is_char_boundary(cut) {
                cut -= 1;
            }
            // Punctuation closes up to the word beside it ("the <i>Journal</i>, said",
            // "(<abbr>AfD</abbr>)"); other texts are spaced, as pages often space inline
            // elements by style alone.
            let opened = out.trim_end().ends_with(['(', '«', '“']);
            if opened
                || t.text
                    .starts_with([',', '.', ';', ':', '!', '?', ')', '»', '”'])
            {
                while out.ends_with(' ') {
                    out.pop();
                }
            }
            out.push_str(&t.text[..cut]);
            out.push(' ');
            if out.len() > limit {
                break;
            }
        }
    }
    text::squash(&out)
}

/// Most nodes [`text_of`] visits under one element.
const TEXT_OF_NODES: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styling_classes_give_no_hint_words() {
        let mut w = Vec::new();
        attr_words(
            "p-16 newsletter-wrapper text-18 text-gray-500 text-center rich-text",
            |word| w.push(word.to_string()),
        );
        assert_eq!(w, ["p", "16", "newsletter", "wrapper", "rich", "text"]);
    }

    #[test]
    fn attribute_words_split_at_punctuation_and_camel_case() {
        let mut w = Vec::new();
        attr_words(
            "ssrcss-11r1m41-RichTextComponentWrapper c-article__body",
            |word| w.push(word.to_string()),
        );
        assert_eq!(
            w,
            [
                "ssrcss",
                "11r1m41",
                "rich",
                "text",
                "component",
                "wrapper",
                "c",
                "article",
                "body"
            ]
        );
    }

    #[test]
    fn a_negated_attribute_word_is_left_out() {
        let mut w = Vec::new();
        attr_words("item image_hit no_caption noComments", |word| {
            w.push(word.to_string())
        });
        assert_eq!(w, ["item", "image", "hit", "no", "no"]);
        // A negation reaches only within its own class.
        let mut w = Vec::new();
        attr_words("lang-no content", |word| w.push(word.to_string()));
        assert_eq!(w, ["lang", "no", "content"]);
    }

    #[test]
    fn texts_of_inline_elements_close_up_to_their_punctuation() {
        let html = Html::parse_fragment(
            "<p>the <i>Journal</i>, said the party (<abbr>AfD</abbr>) on <b>Monday</b></p>",
        );
        assert_eq!(
            text_of(*html.root_element(), 200),
            "the Journal, said the party (AfD) on Monday"
        );
    }

    fn page(body: &str) -> Html {
        Html::parse_document(&format!("<html><body>{body}</body></html>"))
    }

    #[test]
    fn prose_container_wins_over_link_lists_and_hinted_chrome() {
        let p = "<p>The council voted on Tuesday to approve the harbour plan, after months of debate.</p>";
        let html = page(&format!(
            "<div class=menu><a href=/a>Home</a> <a href=/b>News about the council and other things</a></div>\
             <div id=story>{p}{p}{p}</div><div class=comments>{p}{p}{p}{p}</div>"
        ));
        let parts = read(&html);
        let root = content_root(&parts.items, None).expect("a root");
        assert_eq!(parts.items[root].tag, "div");
        assert!(text_of(parts.items[root].node, 10_000).starts_with("The council"));
        let comments = parts
            .items
            .iter()
            .position(|i| i.hint_chrome)
            .expect("hinted");
        assert!(parts.items[comments].chrome);
        assert!(!(root..parts.items[root].end).contains(&comments));
    }

    /// The text left outside chrome after `mark_discussions`.
    fn kept_after_discussions(body: &str) -> String {
        let html = page(body);
        let mut parts = read(&html);
        mark_discussions(&mut parts.items);
        parts
            .items
            .iter()
            .filter(|i| !i.chrome && i.tag == "p")
            .map(|i| text_of(i.node, 1000))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn lists_of_teaser_cards_are_other_pages() {
        let card = |n: usize| {
            format!(
                "<div class='card'><div><a href='/s{n}'>Storm season starts early this year</a></div>\
                 <div>April {n}, 2014</div><div>Forecasters expect more storms than usual.</div></div>"
            )
        };
        let cards: String = (1..=3).map(card).collect();
        let story = "<p>The ferry company said on Friday that the new timetable would start in \
                     June, after months of complaints from island residents.</p>";
        let html = Html::parse_document(&format!(
            "<body><article><h1>Ferries</h1>{story}{story}<div class='box'>{cards}</div></article></body>"
        ));
        let mut parts = read(&html);
        mark_card_lists(&mut parts.items);
        // Blocks with text of their own: the story's paragraphs stay, the cards' lines go.
        for i in parts.items.iter().filter(|i| i.block && i.chars > 0) {
            let t = text_of(i.node, 400);
            assert_eq!(
                i.chrome,
                !t.contains("ferry company") && t != "Ferries",
                "{t}"
            );
        }
        // Two cards are no list; paragraphs with links are the story.
        let linked = "<p class='text'>The <a href='/r'>council report on the island ferries</a> \
                      says boats ran late on most days.</p>";
        let html = Html::parse_document(&format!(
            "<body><article><h1>Ferries</h1>{linked}{linked}{linked}<div class='box'>{}{}</div></article></body>",
            card(1),
            card(2)
        ));
        let mut parts = read(&html);
        let before: Vec<bool> = parts.items.iter().map(|i| i.chrome).collect();
        mark_card_lists(&mut parts.items);
        assert!(parts.items.iter().map(|i| i.chrome).eq(before));
    }

    #[test]
    fn readers_posts_after_a_discussion_heading_are_chrome() {
        let post = "<p>I remember it stopping the year I left school, and it is wonderful to hear it again.</p>";
        // A plain container of posts, its heading wrapped; and posts inside the article's own
        // container after the heading.
        let story = "<p>The clock on the town hall struck noon on Wednesday for the first time since 1993, after a year-long restoration by two retired engineers and a dozen volunteers.</p>";
        let kept = kept_after_discussions(&format!(
            "<div id=main><h1>Clock restored</h1>{story}</div>\
             <div id=posts><div><h3>Your views</h3></div><div><b>Gordon</b>{post}</div>{post}</div>"
        ));
        assert_eq!(
            kept,
            "The clock on the town hall struck noon on Wednesday for the first time since 1993, after a year-long restoration by two retired engineers and a dozen volunteers."
        );
        let kept = kept_after_discussions(&format!(
            "<article><h1>Clock restored</h1>{story}<h2>12 comments</h2>{post}{post}</article>"
        ));
        assert_eq!(
            kept,
            "The clock on the town hall struck noon on Wednesday for the first time since 1993, after a year-long restoration by two retired engineers and a dozen volunteers."
        );
        // A count of comments under the headline links to them; the story follows.
        let kept = kept_after_discussions(&format!(
            "<article><h1>Clock restored</h1><h4>Comments (3)</h4>{story}</article>"
        ));
        assert_eq!(
            kept,
            "The clock on the town hall struck noon on Wednesday for the first time since 1993, after a year-long restoration by two retired engineers and a dozen volunteers."
        );
    }

    #[test]
    fn a_box_of_key_moments_inside_the_story_is_chrome() {
        let html = page(
            "<article><p>The home side came from behind to win, with two goals in the second \
             half that lifted them into the top four of the table for the first time.</p>\
             <div class=x1><h2>Key moments</h2><ul><li>23' Goal! A header from a corner.</li>\
             <li>54' Goal! A sweeping finish.</li></ul></div><p>The coach was pleased.</p>\
             <h2>Key points of the plan</h2><p>The coach explained the plan at length.</p>\
             </article>",
        );
        let mut parts = read(&html);
        mark_discussions(&mut parts.items);
        let kept = |tag: &str| -> Vec<String> {
            parts
                .items
                .iter()
                .filter(|i| !i.chrome && i.tag == tag)
                .map(|i| text_of(i.node, 200))
                .collect()
        };
        assert!(kept("li").is_empty(), "{:?}", kept("li"));
        // A heading that opens no box of its own leaves the story after it.
        assert_eq!(
            kept("p"),
            [
                "The home side came from behind to win, with two goals in the second half that \
                 lifted them into the top four of the table for the first time.",
                "The coach was pleased.",
                "The coach explained the plan at length."
            ]
        );
    }

    #[test]
    fn a_story_section_about_reactions_is_kept() {
        let kept = kept_after_discussions(
            "<article><p>The clock struck noon.</p><h2>Reactions</h2>\
             <p>The mayor praised the volunteers.</p></article>",
        );
        assert_eq!(
            kept,
            "The clock struck noon. | The mayor praised the volunteers."
        );
    }

    #[test]
    fn head_metadata_is_collected() {
        let html = Html::parse_document(
            r#"<html><head><title> A  title </title><meta property="og:title" content="OG">
            <link rel="canonical" href="https://x.example/2020/01/02/a">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
            <body><a href="/2020/01/02/a">Permalink</a></body></html>"#,
        );
        let parts = read(&html);
        assert_eq!(parts.title_tag.as_deref(), Some("A title"));
        assert_eq!(parts.metas, [("og:title".to_string(), "OG".to_string())]);
        assert_eq!(
            parts.canonical.as_deref(),
            Some("https://x.example/2020/01/02/a")
        );
        assert_eq!(parts.json_ld.len(), 1);
        assert_eq!(parts.self_links, ["/2020/01/02/a"]);
    }

    #[test]
    fn a_wrapper_named_like_chrome_is_kept_when_it_holds_the_article() {
        let p = "<p>The council voted on Tuesday to approve the harbour plan, after months of debate.</p>";
        let html = page(&format!("<div class=has-sidebar><h1>Plan</h1>{p}{p}</div>"));
        let mut parts = read(&html);
        let h1 = parts.items.iter().position(|i| i.tag == "h1");
        assert!(parts.items.iter().any(|i| i.chrome && i.tag == "p"));
        unmark_wrappers(&mut parts.items, h1);
        assert!(!parts.items.iter().any(|i| i.chrome && i.tag == "p"));
    }
}
