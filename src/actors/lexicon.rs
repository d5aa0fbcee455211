//! Word classes, translation tables and the gazetteer, parsed once from `assets/actors/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::ActorKind;
use super::norm::{self, Tables};

const WORDS: &str = include_str!("../../assets/actors/words.toml");
const TRANSLATIONS: &str = include_str!("../../assets/actors/translations.toml");
const PLACES: &str = include_str!("../../assets/actors/places.txt");
const PLACES_GENERATED: &str = include_str!("../../assets/actors/places_generated.txt");
const ORGANIZATIONS: &str = include_str!("../../assets/actors/organizations.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/actors/given_names.txt");
const NAMES_GENERATED: &str = include_str!("../../assets/actors/names_generated.txt");
const NICKNAMES: &str = include_str!("../../assets/actors/nicknames.txt");
const ENGLISH_CASE: &str = include_str!("../../assets/actors/english_case.txt");
const SUBDIVISION_CODES: &str = include_str!("../../assets/actors/subdivision_codes.txt");
const NATION_CODES: &str = include_str!("../../assets/actors/nation_codes.txt");

/// Word classes as bit flags (a word may have several).
pub(crate) mod class {
    pub const STOP: u64 = 1;
    pub const DAY: u64 = 1 << 1;
    pub const MONTH: u64 = 1 << 2;
    pub const TITLE: u64 = 1 << 3;
    pub const TITLE_MOD: u64 = 1 << 4;
    pub const ORG_NOUN: u64 = 1 << 5;
    pub const PERSON_NOUN: u64 = 1 << 6;
    pub const PLACE_NOUN: u64 = 1 << 7;
    pub const PLACE_CUE: u64 = 1 << 8;
    pub const PLACE_PREP: u64 = 1 << 9;
    pub const ORG_TAIL: u64 = 1 << 10;
    pub const ORG_HEAD: u64 = 1 << 11;
    pub const OF_HEAD: u64 = 1 << 12;
    pub const PLACE_TAIL: u64 = 1 << 13;
    pub const PLACE_HEAD: u64 = 1 << 14;
    pub const GENERIC: u64 = 1 << 15;
    pub const PARTICLE: u64 = 1 << 16;
    pub const CONNECTOR: u64 = 1 << 17;
    pub const PREFIX: u64 = 1 << 18;
    pub const NON_ACTOR: u64 = 1 << 19;
    pub const SAY: u64 = 1 << 20;
    pub const DESIGNATE: u64 = 1 << 21;
    pub const NAMING: u64 = 1 << 22;
    pub const CREDIT: u64 = 1 << 23;
    pub const ABBREV: u64 = 1 << 24;
    pub const GIVEN: u64 = 1 << 25;
    pub const DOCUMENT: u64 = 1 << 26;
    pub const CLUB: u64 = 1 << 27;
    pub const PERSON_AFTER: u64 = 1 << 28;
    /// Common words that open sentences and never start a name ("Rivals", "Former").
    pub const COMMON: u64 = 1 << 29;
    /// Organisation words that keep a leading national adjective ("Council", "Agency").
    pub const BODY: u64 = 1 << 30;
    /// Lowercase words before a name that hint weakly at a company ("rivals").
    pub const ORG_BEFORE: u64 = 1 << 31;
    /// Hyphenated participles before a name that make it an organisation ("state-owned").
    pub const ORG_PARTICIPLE: u64 = 1 << 32;
    /// Words after a city that make it a sports team ("manager", "beat").
    pub const TEAM_AFTER: u64 = 1 << 33;
    /// Words before a city that make it a sports team ("beat", "drew with").
    pub const TEAM_BEFORE: u64 = 1 << 34;
    /// Such words that need "with", "to", "over" or "against" ("drew with Leeds").
    pub const TEAM_LINKED: u64 = 1 << 35;
    /// Nouns before a name that make it a product ("the drug Wegovy").
    pub const PRODUCT: u64 = 1 << 36;
    /// Nouns before "of" that make what follows a place ("residents of").
    pub const OF_PLACE: u64 = 1 << 37;
    /// Words before "in" that make what follows a company ("shares in").
    pub const ORG_IN: u64 = 1 << 38;
    /// Words after a demonym that make it stand for its state ("Iranian officials").
    pub const STATE_AFTER: u64 = 1 << 41;
    /// A given name in some locale's public list: evidence for the model only, as many are
    /// also common words or places ("Will", "Florence").
    pub const NAME_GIVEN: u64 = 1 << 39;
    /// A family name in some locale's public list (model evidence only, as above).
    pub const NAME_FAMILY: u64 = 1 << 40;
    /// Generation suffixes that end a personal name ("Jr", "III"): not a surname.
    pub const NAME_SUFFIX: u64 = 1 << 42;
    /// Words of a page's photo labels ("Image caption"): a name they end loses them.
    pub const CAPTION: u64 = 1 << 43;
    /// Words capitalised wherever they stand ("I'm"), so their capital says nothing.
    pub const ALWAYS_CAP: u64 = 1 << 44;
    /// Lowercase words inside hyphenated place names ("Stratford-upon-Avon").
    pub const HYPHEN_LINK: u64 = 1 << 45;
    /// Words naming a kind of event before its name ("Typhoon Kalmaegi").
    pub const EVENT_HEAD: u64 = 1 << 46;
    /// Words before "of" that make what follows a company ("shares of").
    pub const ORG_OF: u64 = 1 << 47;
    /// The commonest English function words, to tell English text from other languages.
    pub const ENGLISH: u64 = 1 << 48;
    /// What a person does ("actor", "striker"): after a demonym, a nationality, not the state.
    pub const OCCUPATION: u64 = 1 << 49;
    /// A title in the plural ("Presidents"): a title only when names follow it.
    pub const PLURAL_TITLE: u64 = 1 << 50;
    /// Letters that number a road before a hyphen ("I-95", "US-75").
    pub const ROAD_CODE: u64 = 1 << 51;
    /// Words that number a road before a number ("Route 66", "Highway 401").
    pub const ROAD_WORD: u64 = 1 << 52;
    /// Directions that end a road's name after its number ("I-44 West").
    pub const ROAD_DIRECTION: u64 = 1 << 53;
    /// Words before a known place that name a part of it ("Upper Manhattan").
    pub const PLACE_MOD: u64 = 1 << 54;
    /// Words after a road's number that make it a form or a model ("I-485 application").
    pub const ROAD_FALSE: u64 = 1 << 55;
    /// A party's letter before a state's ("R-Ky.", "D-N.Y."): a label, not an actor.
    pub const PARTY_LETTER: u64 = 1 << 56;
    /// Words that never make a name on their own.
    pub const NOT_PROPER: u64 = STOP
        | DAY
        | MONTH
        | GENERIC
        | ORG_TAIL
        | PLACE_TAIL
        | NON_ACTOR
        | CONNECTOR
        | PARTICLE
        | TITLE
        | TITLE_MOD;
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WordsFile {
    stop: Vec<String>,
    days: Vec<String>,
    months: Vec<String>,
    titles: Vec<String>,
    title_modifiers: Vec<String>,
    org_nouns: Vec<String>,
    person_nouns: Vec<String>,
    place_nouns: Vec<String>,
    place_cues: Vec<String>,
    place_preps: Vec<String>,
    org_tails: Vec<String>,
    org_heads: Vec<String>,
    of_heads: Vec<String>,
    place_tails: Vec<String>,
    place_heads: Vec<String>,
    generic: Vec<String>,
    particles: Vec<String>,
    connectors: Vec<String>,
    prefixes: Vec<String>,
    non_actors: Vec<String>,
    say_verbs: Vec<String>,
    designate: Vec<String>,
    naming: Vec<String>,
    credit: Vec<String>,
    strip_tails: Vec<String>,
    documents: Vec<String>,
    club_tails: Vec<String>,
    person_after: Vec<String>,
    common: Vec<String>,
    body_tails: Vec<String>,
    org_before: Vec<String>,
    org_participles: Vec<String>,
    team_after: Vec<String>,
    team_before: Vec<String>,
    team_linked: Vec<String>,
    product_nouns: Vec<String>,
    of_place: Vec<String>,
    org_in: Vec<String>,
    org_of: Vec<String>,
    state_after: Vec<String>,
    occupations: Vec<String>,
    plural_titles: Vec<String>,
    name_suffixes: Vec<String>,
    honours: Vec<String>,
    caption_words: Vec<String>,
    always_capitalised: Vec<String>,
    hyphen_links: Vec<String>,
    road_codes: Vec<String>,
    road_words: Vec<String>,
    road_directions: Vec<String>,
    road_false_after: Vec<String>,
    place_modifiers: Vec<String>,
    party_letters: Vec<String>,
    event_heads: Vec<String>,
    english_markers: Vec<String>,
    place_suffixes: Vec<String>,
    person_suffixes: Vec<String>,
    place_prefixes: Vec<String>,
    org_suffixes: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TranslationsFile {
    heads: HashMap<String, String>,
    spelling: HashMap<String, String>,
    of_heads: OfHeads,
    drop: Drop,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Drop {
    leading: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OfHeads {
    words: Vec<String>,
}

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazClass {
    Country,
    City,
    Region,
    Org,
}

/// One known actor.
#[derive(Debug, Clone)]
pub(crate) struct GazEntry {
    pub name: String,
    pub class: GazClass,
    /// From a generated list (cities, subdivisions): its spelling is not the canonical name,
    /// and it does not cut a longer run of capitals ("Ain Al Asad" is no "Ain").
    pub generated: bool,
}

impl GazEntry {
    /// The actor kind of this entry.
    pub fn kind(&self) -> ActorKind {
        match self.class {
            GazClass::Org => ActorKind::Organization,
            _ => ActorKind::Place,
        }
    }
}

/// Everything the recogniser knows before reading a word of news.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: HashMap<String, u64>,
    pub tables: Tables,
    pub entries: Vec<GazEntry>,
    /// Key -> (entry, alias written in capitals only).
    by_key: HashMap<String, Vec<(u32, bool)>>,
    /// Endings of place names and of surnames (lowercase), weak hints for single words.
    place_suffixes: Vec<(String, usize)>,
    person_suffixes: Vec<(String, usize)>,
    place_prefixes: Vec<(String, usize)>,
    org_suffixes: Vec<(String, usize)>,
    /// Starts of long gazetteer keys ("court of justice of"), so runs may cross connectors.
    prefixes: HashSet<String>,
    /// Keys that are demonyms of a gazetteer entry ("swedish", "iraqis").
    demonyms: HashSet<String>,
    /// Letters after a name that are no part of whom it names ("frs", "mp").
    honours: HashSet<String>,
    /// Short forms people go by and the given names they shorten: "pam" -> ["pamela"].
    nicknames: HashMap<String, Vec<String>>,
    /// Folded English word -> written in lower case in the dictionary (else only capitalised).
    case: HashMap<String, bool>,
    /// A state's or province's letters ("KS") -> its country ("US", "CA") and listed entry.
    subdivision_codes: HashMap<String, (String, Option<u32>)>,
    /// ISO alpha-3 and IOC codes -> the listed country ("POL": Poland).
    nation_codes: HashMap<String, u32>,
    /// Towns of the United States and Canada (name key) -> their country and state code.
    state_towns: HashMap<String, Vec<(String, String)>>,
    /// Codes of those states and provinces with their names folded, without spaces
    /// ("NY", "newyork").
    subdivision_names: Vec<(String, String)>,
}

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// Parses the embedded assets; a malformed file yields empty lists, never a panic.
    fn load() -> Self {
        let words: WordsFile = toml::from_str(WORDS).unwrap_or_default();
        let tr: TranslationsFile = toml::from_str(TRANSLATIONS).unwrap_or_default();
        let mut lex = Lexicon::default();
        use class::*;
        let lists: [(&[String], u64); 54] = [
            (&words.stop, STOP),
            (&words.days, DAY),
            (&words.months, MONTH),
            (&words.titles, TITLE),
            (&words.title_modifiers, TITLE_MOD),
            (&words.org_nouns, ORG_NOUN),
            (&words.person_nouns, PERSON_NOUN),
            (&words.place_nouns, PLACE_NOUN),
            (&words.place_cues, PLACE_CUE),
            (&words.place_preps, PLACE_PREP),
            (&words.org_tails, ORG_TAIL),
            (&words.org_heads, ORG_HEAD),
            (&words.of_heads, OF_HEAD),
            (&words.place_tails, PLACE_TAIL),
            (&words.place_heads, PLACE_HEAD),
            (&words.generic, GENERIC),
            (&words.particles, PARTICLE),
            (&words.connectors, CONNECTOR),
            (&words.prefixes, PREFIX),
            (&words.non_actors, NON_ACTOR),
            (&words.say_verbs, SAY),
            (&words.designate, DESIGNATE),
            (&words.naming, NAMING),
            (&words.credit, CREDIT),
            (&words.documents, DOCUMENT),
            (&words.club_tails, CLUB),
            (&words.person_after, PERSON_AFTER),
            (&words.common, COMMON),
            (&words.body_tails, BODY),
            (&words.org_before, ORG_BEFORE),
            (&words.org_participles, ORG_PARTICIPLE),
            (&words.team_after, TEAM_AFTER),
            (&words.team_before, TEAM_BEFORE),
            (&words.team_linked, TEAM_LINKED),
            (&words.product_nouns, PRODUCT),
            (&words.of_place, OF_PLACE),
            (&words.org_in, ORG_IN),
            (&words.org_of, ORG_OF),
            (&words.state_after, STATE_AFTER),
            (&words.occupations, OCCUPATION),
            (&words.plural_titles, TITLE),
            (&words.plural_titles, PLURAL_TITLE),
            (&words.name_suffixes, NAME_SUFFIX),
            (&words.caption_words, CAPTION),
            (&words.always_capitalised, ALWAYS_CAP),
            (&words.hyphen_links, HYPHEN_LINK),
            (&words.road_codes, ROAD_CODE),
            (&words.road_words, ROAD_WORD),
            (&words.road_directions, ROAD_DIRECTION),
            (&words.road_false_after, ROAD_FALSE),
            (&words.place_modifiers, PLACE_MOD),
            (&words.party_letters, PARTY_LETTER),
            (&words.event_heads, EVENT_HEAD),
            (&words.english_markers, ENGLISH),
        ];
        for (list, flag) in lists {
            for w in list {
                *lex.words.entry(norm::fold(w)).or_default() |= flag;
            }
        }
        for w in crate::clean::text::abbreviations() {
            *lex.words.entry(norm::fold(w)).or_default() |= ABBREV;
        }
        for w in GIVEN_NAMES
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            *lex.words.entry(norm::fold(w)).or_default() |= GIVEN;
        }
        let mut section = NAME_GIVEN;
        for line in NAMES_GENERATED.lines().filter(|l| !l.starts_with('#')) {
            match line.trim() {
                "[given]" => section = NAME_GIVEN,
                "[family]" => section = NAME_FAMILY,
                names => {
                    for w in names.split_whitespace() {
                        *lex.words.entry(norm::fold(w)).or_default() |= section;
                    }
                }
            }
        }
        lex.tables = Tables {
            heads: fold_map(tr.heads),
            spelling: fold_map(tr.spelling),
            of_reorder: tr.of_heads.words.iter().map(|w| norm::fold(w)).collect(),
            strip_tails: words.strip_tails.iter().map(|w| norm::fold(w)).collect(),
            drop_leading: tr.drop.leading.iter().map(|w| norm::fold(w)).collect(),
        };
        let lower = |v: &[String]| {
            v.iter()
                .map(|w| (w.to_lowercase(), w.chars().count()))
                .collect::<Vec<_>>()
        };
        lex.place_suffixes = lower(&words.place_suffixes);
        lex.person_suffixes = lower(&words.person_suffixes);
        lex.place_prefixes = lower(&words.place_prefixes);
        lex.org_suffixes = lower(&words.org_suffixes);
        // First listed wins a shared key: the hand-made lists before the generated places, so
        // "Dáil" stays the parliament, not a town of the same spelling.
        lex.case = english_case(ENGLISH_CASE);
        lex.honours = words.honours.iter().map(|w| norm::fold(w)).collect();
        for line in NICKNAMES.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace().map(norm::fold);
            if let Some(name) = words.next() {
                for nick in words {
                    lex.nicknames.entry(nick).or_default().push(name.clone());
                }
            }
        }
        lex.add_gazetteer(PLACES, GazClass::Country, false);
        lex.add_gazetteer(ORGANIZATIONS, GazClass::Org, false);
        lex.add_gazetteer(PLACES_GENERATED, GazClass::Region, true);
        let mut section = "";
        for line in SUBDIVISION_CODES.lines().filter(|l| !l.starts_with('#')) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(a), Some(b), Some(c)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            if section == "[towns]" {
                let key = norm::key(a, &lex.tables);
                lex.state_towns
                    .entry(key)
                    .or_default()
                    .push((b.to_string(), c.to_string()));
                continue;
            }
            let (country, code, name) = (a, b, c);
            lex.subdivision_names
                .push((code.to_string(), norm::fold(name).replace(' ', "")));
            // Only a listed state: "Washington" is the capital and "Georgia" the country, so
            // "WA" and "GA" stay letters.
            let key = norm::key(name, &lex.tables);
            let state = lex.gaz(&key, false).filter(|&g| {
                lex.entry(g)
                    .is_some_and(|e| e.class == GazClass::Region && !e.generated)
            });
            lex.subdivision_codes
                .insert(code.to_string(), (country.to_string(), state));
        }
        for line in NATION_CODES.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, name)) = line.split_once('\t') else {
                continue;
            };
            let country = lex.gaz(&norm::key(name, &lex.tables), false).filter(|&g| {
                lex.entry(g)
                    .is_some_and(|e| e.class == GazClass::Country && !e.generated)
            });
            if let Some(g) = country {
                lex.nation_codes.insert(code.to_string(), g);
            }
        }
        lex
    }

    /// The country whose ISO or IOC code these three capitals are ("KEN": Kenya).
    pub fn nation_of_code(&self, code: &str) -> Option<u32> {
        self.nation_codes.get(code).copied()
    }

    /// The word shortens a US state's or Canadian province's name as newspapers do: its
    /// letters, in order, from the name's first ("Ky.", "Minn.", "N.Y.", "Calif.", "Ohio").
    pub fn state_abbreviation(&self, word: &str) -> bool {
        self.abbreviated_states(word).next().is_some()
    }

    /// Codes of the states and provinces whose names `word` may shorten.
    fn abbreviated_states(&self, word: &str) -> impl Iterator<Item = &str> {
        let letters: Vec<char> = norm::fold(word).chars().filter(|c| *c != '.').collect();
        let fits = (2..=6).contains(&letters.len());
        self.subdivision_names
            .iter()
            .filter(move |(_, name)| {
                let mut rest = name.chars();
                fits && name.starts_with(letters[0])
                    && letters.iter().all(|&c| rest.by_ref().any(|n| n == c))
            })
            .map(|(code, _)| code.as_str())
    }

    /// As [`Lexicon::state_of_town`] for a newspaper's abbreviation of the state's name
    /// ("Lawrence", "Kan.": Kansas).
    pub fn state_of_town_abbreviated(&self, town: &str, word: &str) -> Option<u32> {
        self.abbreviated_states(word)
            .find_map(|code| self.state_of_town(town, code))
    }

    /// The listed state or province whose letters these are, when they follow the town
    /// with the name key `town` there ("Wichita", "KS": Kansas; "Toronto", "CA": none).
    pub fn state_of_town(&self, town: &str, letters: &str) -> Option<u32> {
        let (country, state) = self.subdivision_codes.get(letters)?;
        let fits = self
            .state_towns
            .get(town)?
            .iter()
            .any(|(c, s)| c == country && (s == letters || (s.is_empty() && c != "US")));
        state.filter(|_| fits)
    }

    /// How general English writes a folded word: `Some(true)` in lower case (a common word),
    /// `Some(false)` only capitalised (a name), `None` when the dictionary lacks it.
    pub fn case_of(&self, folded: &str) -> Option<bool> {
        self.case.get(folded).copied()
    }

    /// The given names a folded short form stands for ("pam": "pamela").
    pub fn names_shortened_to(&self, short: &str) -> impl Iterator<Item = &str> {
        self.nicknames
            .get(short)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// The folded word is letters after a name, not a generation ("frs", not "jr").
    pub fn is_honour(&self, folded: &str) -> bool {
        self.honours.contains(folded)
    }

    /// This key is a demonym ("swedish"), not a name, of a gazetteer entry.
    pub fn is_demonym(&self, key: &str) -> bool {
        self.demonyms.contains(key)
    }

    /// The kind a single word's shape hints at: "Jämtland", "Ballylongford" a
    /// place, "Kristersson" a person, "Nationalbank" an organisation.
    pub fn shape_kind(&self, word: &str) -> Option<ActorKind> {
        let n = word.chars().count();
        if n < 5 {
            return None;
        }
        let ends = |list: &[(String, usize)]| {
            list.iter()
                .any(|(s, len)| n >= len + 3 && ends_with_ci(word, s))
        };
        let starts = |list: &[(String, usize)]| {
            list.iter().any(|(s, len)| {
                n >= len + 3
                    && word
                        .chars()
                        .flat_map(char::to_lowercase)
                        .zip(s.chars())
                        .all(|(a, b)| a == b)
            })
        };
        if ends(&self.org_suffixes) {
            Some(ActorKind::Organization)
        } else if ends(&self.person_suffixes) {
            Some(ActorKind::Person)
        } else if ends(&self.place_suffixes) || starts(&self.place_prefixes) {
            Some(ActorKind::Place)
        } else {
            None
        }
    }

    /// Adds `Name | alias ; demonym` lines; `[section]` lines set the class.
    fn add_gazetteer(&mut self, text: &str, default: GazClass, generated: bool) {
        let mut class = default;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                class = match section {
                    "country" => GazClass::Country,
                    "city" => GazClass::City,
                    "region" => GazClass::Region,
                    _ => GazClass::Org,
                };
                continue;
            }
            let (names, demonyms) = line.split_once(';').unwrap_or((line, ""));
            let mut names = names.split('|').map(str::trim).filter(|n| !n.is_empty());
            let Some(name) = names.next() else { continue };
            let id = self.entries.len() as u32;
            self.entries.push(GazEntry {
                name: name.to_string(),
                class,
                generated,
            });
            let mut forms: Vec<String> = std::iter::once(name)
                .chain(names)
                .map(String::from)
                .collect();
            for d in demonyms.split('|').map(str::trim).filter(|d| !d.is_empty()) {
                self.demonyms.insert(norm::key(d, &self.tables));
                forms.push(d.to_string());
                if let Some(p) = plural(d) {
                    self.demonyms.insert(norm::key(&p, &self.tables));
                    forms.push(p);
                }
            }
            for form in forms {
                let key = norm::key(&form, &self.tables);
                if key.is_empty() || (generated && self.common_key(&key)) {
                    continue;
                }
                // Short aliases in capitals ("US", "WHO") must not match "us", "who".
                let caps = form.chars().filter(|c| c.is_alphabetic()).count() <= 5
                    && form.chars().all(|c| !c.is_lowercase());
                let toks: Vec<&str> = key.split(' ').collect();
                for n in 2..toks.len() {
                    self.prefixes.insert(toks[..n].join(" "));
                }
                let slot = self.by_key.entry(key).or_default();
                if !slot.iter().any(|&(e, _)| e == id) {
                    slot.push((id, caps));
                }
            }
        }
    }

    /// A one-word key that general English writes in lower case, or of two letters at most:
    /// normalising a generated name can leave one ("Cô Tô" -> "to"), and it would then read
    /// every sentence-initial "To" as a town.
    fn common_key(&self, key: &str) -> bool {
        !key.contains(' ') && (key.chars().count() <= 2 || self.case_of(key) == Some(true))
    }

    /// Classes of a folded word (0 when unknown).
    pub fn flags(&self, folded: &str) -> u64 {
        self.words.get(folded).copied().unwrap_or(0)
    }

    /// Gazetteer entry for a name key; `all_caps` says the surface was in capitals.
    pub fn gaz(&self, key: &str, all_caps: bool) -> Option<u32> {
        let slot = self.by_key.get(key)?;
        slot.iter()
            .find(|&&(_, caps_only)| all_caps || !caps_only)
            .map(|&(id, _)| id)
    }

    /// As [`Lexicon::gaz`] for a name written `surface`: written without the article that
    /// opens the first entry's name, it is another entry spelled as written ("Salvador" the
    /// Brazilian city, not "El Salvador"), when there is one.
    pub fn gaz_written(&self, key: &str, all_caps: bool, surface: &str) -> Option<u32> {
        let slot = self.by_key.get(key)?;
        let mut fits = slot
            .iter()
            .filter(|&&(_, caps_only)| all_caps || !caps_only)
            .map(|&(id, _)| id);
        let first = fits.next()?;
        // Nearly every key names one entry: only a shared key needs the spelling.
        if slot.len() == 1 {
            return Some(first);
        }
        let opens_with_article = |s: &str| {
            s.split([' ', '-'])
                .next()
                .is_some_and(|w| norm::is_article(&norm::fold(w)))
        };
        let dropped = self
            .entry(first)
            .is_some_and(|e| opens_with_article(&e.name) && !opens_with_article(surface));
        if dropped
            && let Some(exact) = fits.find(|&id| {
                self.entry(id)
                    .is_some_and(|e| norm::fold(&e.name) == norm::fold(surface))
            })
        {
            return Some(exact);
        }
        Some(first)
    }

    /// Some gazetteer name of three or more words starts with this key.
    pub fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// The entry with this id.
    pub fn entry(&self, id: u32) -> Option<&GazEntry> {
        self.entries.get(id as usize)
    }
}

/// Reads the dictionary's `[lower]` and `[capitalised]` word lists; a word in both is common.
fn english_case(text: &str) -> HashMap<String, bool> {
    let mut map = HashMap::default();
    let mut lower = true;
    for line in text.lines().map(str::trim) {
        match line {
            "" => {}
            "[lower]" => lower = true,
            "[capitalised]" => lower = false,
            _ if line.starts_with('#') => {}
            w => {
                let slot = map.entry(norm::fold(w)).or_insert(lower);
                *slot |= lower;
            }
        }
    }
    map
}

/// `word` ends with the lowercase `suffix`, ignoring case.
fn ends_with_ci(word: &str, suffix: &str) -> bool {
    let mut w = word.chars().rev().flat_map(char::to_lowercase);
    suffix.chars().rev().all(|c| w.next() == Some(c))
}

/// Lowercased keys and values.
fn fold_map(m: HashMap<String, String>) -> HashMap<String, String> {
    m.into_iter()
        .map(|(k, v)| (norm::fold(&k).replace('\'', ""), norm::fold(&v)))
        .collect()
}

/// English plural of a demonym, when it takes an -s ("Iraqi" -> "Iraqis").
fn plural(d: &str) -> Option<String> {
    let l = d.to_lowercase();
    let no_s = ["s", "sh", "ch", "x", "z", "ese"];
    (!no_s.iter().any(|e| l.ends_with(e)) && !l.ends_with("man") && !l.ends_with("woman"))
        .then(|| format!("{d}s"))
}

#[cfg(test)]
mod tests {
    use super::class::*;
    use super::*;

    #[test]
    fn assets_parse() {
        let words: Result<WordsFile, _> = toml::from_str(WORDS);
        assert!(words.is_ok(), "words.toml: {:?}", words.err());
        let tr: Result<TranslationsFile, _> = toml::from_str(TRANSLATIONS);
        assert!(tr.is_ok(), "translations.toml: {:?}", tr.err());
        assert!(LEXICON.entries.len() > 500);
    }

    #[test]
    fn word_classes() {
        let l = &*LEXICON;
        assert_ne!(l.flags("tuesday") & DAY, 0);
        assert_ne!(l.flags("movement") & ORG_TAIL, 0);
        assert_ne!(l.flags("al") & PARTICLE, 0);
        assert_ne!(l.flags("haider") & GIVEN, 0);
        assert_ne!(l.flags("noam") & NAME_GIVEN, 0);
        assert_ne!(l.flags("beresford") & NAME_FAMILY, 0);
        assert_eq!(l.flags("zzzz"), 0);
    }

    #[test]
    fn gazetteer_finds_aliases_and_demonyms() {
        let l = &*LEXICON;
        let name = |k: &str, caps: bool| {
            l.gaz(k, caps)
                .and_then(|id| l.entry(id))
                .map(|e| e.name.as_str())
        };
        assert_eq!(name("iraqis", false), Some("Iraq"));
        assert_eq!(name("us", true), Some("United States"));
        assert_eq!(name("us", false), None);
        assert_eq!(name("hezbollah brigades", false), Some("Kataib Hezbollah"));
        assert_eq!(name("lebanese", false), Some("Lebanon"));
        assert_eq!(
            name("hashd shaabi", false),
            Some("Popular Mobilization Forces")
        );
        // Generated names whose key is a common word are not kept: "Cô Tô", "Cờ Đỏ".
        assert_eq!(name("to", false), None);
        assert_eq!(name("do", false), None);
    }

    #[test]
    fn word_shapes_hint_at_kinds() {
        let l = &*LEXICON;
        assert_eq!(l.shape_kind("Vindeland"), Some(ActorKind::Place));
        assert_eq!(l.shape_kind("Ballycarra"), Some(ActorKind::Place));
        assert_eq!(l.shape_kind("Kristoffersson"), Some(ActorKind::Person));
        assert_eq!(l.shape_kind("Folkebank"), Some(ActorKind::Organization));
        assert_eq!(l.shape_kind("Vägverket"), Some(ActorKind::Organization));
        // Too short to tell: the ending is most of the word.
        assert_eq!(l.shape_kind("Land"), None);
        assert_eq!(l.shape_kind("Bergen"), None);
    }

    #[test]
    fn long_names_are_known_by_their_start() {
        let l = &*LEXICON;
        assert!(l.is_prefix("court of justice of"));
        assert!(!l.is_prefix("court of nowhere"));
    }

    #[test]
    fn a_name_without_an_article_is_the_entry_spelled_so() {
        let name = |surface: &str| {
            let key = norm::key(surface, &LEXICON.tables);
            LEXICON
                .gaz_written(&key, false, surface)
                .and_then(|g| LEXICON.entry(g))
                .map(|e| e.name.clone())
        };
        // The Brazilian city, not the country that drops its article in the key.
        assert_eq!(name("Salvador").as_deref(), Some("Salvador"));
        assert_eq!(name("El Salvador").as_deref(), Some("El Salvador"));
        // With no entry spelled so, the article still drops.
        assert_eq!(name("Paso").as_deref(), Some("El Paso"));
    }

    #[test]
    fn english_case_tells_common_words_from_names() {
        let m = english_case("# x\n[lower]\nnight\nsmith\n[capitalised]\nSmith\nZeus\n");
        assert_eq!(m.get("night"), Some(&true));
        assert_eq!(m.get("smith"), Some(&true));
        assert_eq!(m.get("zeus"), Some(&false));
        assert_eq!(LEXICON.case_of("night"), Some(true));
        assert!(LEXICON.is_demonym("swedish"));
        assert!(!LEXICON.is_demonym("sweden"));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("Iraqi").as_deref(), Some("Iraqis"));
        assert_eq!(plural("Lebanese"), None);
        assert_eq!(plural("Swiss"), None);
        assert_eq!(plural("Dutchman"), None);
    }
}
