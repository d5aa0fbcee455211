//! The cleaning knowledge from `assets/`, parsed and compiled once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};
use serde::Deserialize;

/// Compiled boilerplate rules and the outlet table.
pub struct Rules {
    pub anywhere: RegexSet,
    pub edge: RegexSet,
    pub credits: RegexSet,
    pub source_cues: Vec<Regex>,
    /// Byline lines naming an outlet after the author (group `outlet`).
    pub byline_outlet_cues: Vec<Regex>,
    /// Labels that open a paragraph before a dash (`Analysis — `), lower case.
    pub kickers: Vec<String>,
    pub author_cues: Vec<Regex>,
    pub lede_cues: RegexSet,
    pub ignored_link_hosts: Vec<String>,
    pub hidden_html: Vec<String>,
    /// Host (without `www.`) to outlet name.
    pub hosts: HashMap<String, String>,
    /// How whole pages are read.
    pub page: PageRules,
    /// Agency abbreviation in a dateline to the agency's name.
    pub agencies: HashMap<String, String>,
}

/// Structure hints for whole HTML pages (see `[page]` in `assets/boilerplate.toml`).
#[derive(Deserialize)]
pub struct PageRules {
    pub chrome_tags: HashSet<String>,
    pub chrome_roles: Vec<String>,
    pub chrome_words: Hints,
    pub content_words: Hints,
    pub dek_words: Hints,
    pub lede_words: Hints,
    pub date_words: Hints,
    pub event_words: Hints,
    pub foreign_words: Hints,
    pub discussion_words: Hints,
    pub policy_words: Hints,
    pub policy_fillers: Hints,
    pub negation_words: Hints,
    pub state_words: Hints,
    permalink_text: Vec<String>,
    #[serde(skip)]
    pub permalink: Option<RegexSet>,
    discussion_headings: Vec<String>,
    #[serde(skip)]
    pub discussion: Option<RegexSet>,
    date_cues: Vec<String>,
    #[serde(skip)]
    pub date_cue: Option<RegexSet>,
    date_cues_near: Vec<String>,
    #[serde(skip)]
    pub date_cue_near: Option<RegexSet>,
    side_box_headings: Vec<String>,
    #[serde(skip)]
    pub side_box: Option<RegexSet>,
    utility_classes: Vec<String>,
    #[serde(skip)]
    pub utility: Option<RegexSet>,
}

#[derive(Deserialize)]
struct BoilerplateFile {
    anywhere: Vec<String>,
    edge: Vec<String>,
    credits: Vec<String>,
    source_cues: Vec<String>,
    byline_outlet_cues: Vec<String>,
    kickers: Vec<String>,
    author_cues: Vec<String>,
    lede_cues: Vec<String>,
    ignored_link_hosts: Vec<String>,
    hidden_html: Vec<String>,
    page: PageRules,
}

#[derive(Deserialize)]
struct SourcesFile {
    agencies: HashMap<String, String>,
    hosts: HashMap<String, String>,
}

/// Case-insensitive, with ASCII word boundaries: unicode `\b` forces regex's slowest engine.
fn case_insensitive(patterns: &[String]) -> Vec<String> {
    patterns
        .iter()
        .map(|p| format!("(?i){}", p.replace(r"\b", r"(?-u:\b)")))
        .collect()
}

fn compile_each(patterns: &[String]) -> Result<Vec<Regex>, String> {
    case_insensitive(patterns)
        .iter()
        .map(|p| Regex::new(p).map_err(|e| e.to_string()))
        .collect()
}

fn parse() -> Result<Rules, String> {
    let bp: BoilerplateFile = toml::from_str(include_str!("../../assets/boilerplate.toml"))
        .map_err(|e| format!("boilerplate.toml: {e}"))?;
    let sources: SourcesFile = toml::from_str(include_str!("../../assets/sources.toml"))
        .map_err(|e| format!("sources.toml: {e}"))?;
    // Case-insensitive sets over letter classes outgrow the default lazy-DFA cache and fall
    // back to the slow engines on every line; a larger cache keeps them on the fast one.
    let set = |p: &[String]| {
        RegexSetBuilder::new(case_insensitive(p))
            .dfa_size_limit(32 << 20)
            .build()
            .map_err(|e| e.to_string())
    };
    let mut page = bp.page;
    page.permalink = Some(set(&page.permalink_text)?);
    page.discussion = Some(set(&page.discussion_headings)?);
    page.date_cue = Some(set(&page.date_cues)?);
    page.date_cue_near = Some(set(&page.date_cues_near)?);
    page.side_box = Some(set(&page.side_box_headings)?);
    page.utility = Some(set(&page.utility_classes)?);
    Ok(Rules {
        anywhere: set(&bp.anywhere)?,
        edge: set(&bp.edge)?,
        credits: set(&bp.credits)?,
        source_cues: compile_each(&bp.source_cues)?,
        byline_outlet_cues: compile_each(&bp.byline_outlet_cues)?,
        kickers: bp.kickers.iter().map(|k| k.to_lowercase()).collect(),
        author_cues: compile_each(&bp.author_cues)?,
        lede_cues: set(&bp.lede_cues)?,
        ignored_link_hosts: bp.ignored_link_hosts,
        hidden_html: bp.hidden_html,
        hosts: sources.hosts,
        page,
        agencies: sources.agencies,
    })
}

/// The rules; the embedded assets are checked by a unit test, so this cannot fail at run time.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| match parse() {
    Ok(rules) => rules,
    Err(e) => panic!("embedded cleaning assets are invalid: {e}"),
});

impl Rules {
    /// The outlet a URL's host belongs to, if the table knows it.
    pub fn outlet_of_url(&self, url: &str) -> Option<&str> {
        let host = host_of(url)?;
        let mut h = host.as_str();
        loop {
            if let Some(name) = self.hosts.get(h) {
                return Some(name);
            }
            h = h.split_once('.')?.1;
        }
    }

    /// Whether `name` is an agency or an outlet the tables know, as they spell it ("CNN").
    pub fn is_outlet(&self, name: &str) -> bool {
        self.agencies.iter().any(|(k, v)| k == name || v == name)
            || self.hosts.values().any(|v| v == name)
    }

    /// The outlet a byline's name stands for (`BBC News` is the BBC), if it is a known one.
    pub fn outlet_named(&self, name: &str) -> Option<String> {
        let name = name.trim();
        let bare = name.strip_suffix(" News").unwrap_or(name);
        [name, bare]
            .into_iter()
            .find(|n| self.is_outlet(n))
            .map(|n| self.agency_name(n).to_string())
    }

    /// The name readers know a dateline's agency by (`AP` is the Associated Press).
    pub fn agency_name<'a>(&'a self, agency: &'a str) -> &'a str {
        self.agencies
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(agency))
            .map_or(agency, |(_, v)| v.as_str())
    }

    /// Whether a link's host is sharing/app-store chrome rather than a source.
    pub fn is_ignored_host(&self, url: &str) -> bool {
        host_of(url).is_some_and(|h| {
            self.ignored_link_hosts
                .iter()
                .any(|i| h == *i || h.ends_with(&format!(".{i}")))
        })
    }
}

/// Hints shorter than this match whole words only (`ad` must not match `address`).
const PREFIX_HINT: usize = 5;

/// Hint words for an element's attribute words: a hint matches a word equal to it, or a
/// word that starts with it when the hint is long enough not to match by chance
/// (`related` in `relatedposts`).
#[derive(Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Hints {
    words: HashSet<String>,
}

impl From<Vec<String>> for Hints {
    fn from(words: Vec<String>) -> Self {
        Hints {
            words: words.into_iter().map(|w| w.to_ascii_lowercase()).collect(),
        }
    }
}

impl Hints {
    /// Whether a (lower-case) word matches one of the hints.
    pub fn matches(&self, word: &str) -> bool {
        self.words.contains(word)
            || (PREFIX_HINT..word.len())
                .any(|n| word.is_char_boundary(n) && self.words.contains(&word[..n]))
    }
}

/// Lower-case host of an http(s) URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?;
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_assets_parse() {
        let rules = parse().expect("assets parse");
        assert!(rules.edge.len() > 10);
        assert!(!rules.hosts.is_empty());
    }

    #[test]
    fn outlets_match_hosts_and_subdomains() {
        let r = &*RULES;
        assert_eq!(
            r.outlet_of_url("https://www.reuters.com/world/x"),
            Some("Reuters")
        );
        assert_eq!(r.outlet_of_url("https://uk.reuters.com/x"), Some("Reuters"));
        assert_eq!(r.outlet_of_url("https://notreuters.com/x"), None);
        assert_eq!(r.outlet_of_url("not a url"), None);
        assert!(r.is_ignored_host("https://twitter.com/share?x"));
    }

    #[test]
    fn hints_match_whole_words_or_long_prefixes() {
        let hints = Hints::from(vec!["related".to_string(), "ad".to_string()]);
        assert!(hints.matches("relatedposts"));
        assert!(hints.matches("ad"));
        assert!(!hints.matches("address"));
        assert!(!hints.matches("relate"));
        assert!(RULES.page.chrome_words.matches("comment"));
        assert!(!RULES.page.chrome_words.matches("body"));
        assert!(RULES.page.content_words.matches("body"));
    }
}
