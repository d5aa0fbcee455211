//! Resolution: candidates to actors, first within each article (short forms to
//! the full name, acronyms to their definitions), then across the corpus
//! (same normal form, core form, transliteration, surname or acronym).
//! Every lookup is a hash map keyed by a normal form, so the work is near-linear.

use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;

use super::cand::{Cand, Found, Votes, kind_index, leading_kind};
use super::evidence::EVENT_VOTES;
use super::index::{Actor, Extraction};
use super::lexicon::class::{
    CONNECTOR, EVENT_HEAD, GENERIC, GIVEN, NAME_SUFFIX, OCCUPATION, ORG_HEAD, ORG_TAIL, PARTICLE,
    PLACE_TAIL, STATE_AFTER, STOP, TITLE,
};
use super::lexicon::{GazClass, Lexicon};
use super::norm;
use crate::article::{ActorKind, Mention};
use crate::union_find::UnionFind;

/// Normal forms of one spelling, computed once however often the article repeats it.
#[derive(Debug)]
struct Forms {
    toks: Vec<String>,
    full: String,
    core: String,
    translit: String,
    /// Without trailing organisation words: "Vantage Analytics" -> "vantage".
    short: String,
    /// Proper endings, for people ("gahr store", "store").
    surnames: Vec<String>,
    /// Starts of three words or more not ending in a tail word ("islamic resistance").
    starts: Vec<String>,
}

impl Forms {
    fn new(surface: &str, lex: &Lexicon) -> Self {
        let toks = norm::key_tokens(surface, &lex.tables);
        let full = toks.join(" ");
        let core = norm::core(&toks, &lex.tables).join(" ");
        // Vowels decide too much of a short name: "Buy" is no spelling of "Boe".
        let translit = if core.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
            norm::translit(&core)
        } else {
            core.clone()
        };
        let mut end = toks.len();
        while end > 1 && lex.flags(&toks[end - 1]) & ORG_TAIL != 0 {
            end -= 1;
        }
        // A named event goes by its name alone ("Kalmaegi" of "Typhoon Kalmaegi").
        let event = toks[..toks.len().saturating_sub(1)]
            .iter()
            .rposition(|t| lex.flags(t) & EVENT_HEAD != 0);
        let short = if let Some(h) = event {
            toks[h + 1..].join(" ")
        } else if end < toks.len() {
            toks[..end].join(" ")
        } else {
            String::new()
        };
        let starts = (2..toks.len())
            .filter(|&len| lex.flags(&toks[len - 1]) & (ORG_TAIL | PLACE_TAIL) == 0)
            .map(|len| toks[..len].join(" "))
            .collect();
        Forms {
            surnames: surnames(&toks, lex),
            toks,
            full,
            core,
            translit,
            short,
            starts,
        }
    }
}

/// Normal forms of one candidate and the kind its evidence gives.
#[derive(Debug)]
struct Info<'f> {
    toks: &'f [String],
    full: &'f str,
    core: &'f str,
    translit: &'f str,
    short: &'f str,
    surnames: &'f [String],
    starts: &'f [String],
    kind: (ActorKind, i32),
}

impl<'f> Info<'f> {
    fn new(forms: &'f Forms, cand: &Cand, lex: &Lexicon) -> Self {
        let kind = match cand.gaz.and_then(|g| lex.entry(g)) {
            Some(e) => (e.kind(), 10),
            None => leading_kind(&cand.votes),
        };
        Info {
            toks: &forms.toks,
            full: &forms.full,
            core: &forms.core,
            translit: &forms.translit,
            short: &forms.short,
            surnames: &forms.surnames,
            starts: &forms.starts,
            kind,
        }
    }

    fn ntok(&self) -> usize {
        self.toks.len()
    }
}

/// Proper endings of a full name, each a way to refer to the person later:
/// "jonas gahr store" -> "store", "gahr store".
/// A generation suffix is left off ("robert f kennedy jr" -> "kennedy", "kennedy jr").
fn surnames(toks: &[String], lex: &Lexicon) -> Vec<String> {
    let mut base = toks.len();
    while base > 1 && lex.flags(&toks[base - 1]) & NAME_SUFFIX != 0 {
        base -= 1;
    }
    let mut out: Vec<String> = (1..base).map(|i| toks[i..base].join(" ")).collect();
    if base < toks.len() {
        out.extend((1..base).map(|i| toks[i..].join(" ")));
        // "Daniel Bernoulli FRS" is "Daniel Bernoulli"; "Robert F. Kennedy Jr." is his son.
        if toks[base..].iter().all(|t| lex.is_honour(t)) && base >= 2 {
            out.push(toks[..base].join(" "));
        }
    }
    // "Anthony Tan" of "Anthony Tan Ping Yeow": a Western given name and the family name
    // before the Chinese given names.
    if base >= 4
        && toks[..2].iter().all(|t| t.chars().count() > 1)
        && lex.flags(&toks[0]) & GIVEN != 0
        && lex.flags(&toks[1]) & GIVEN == 0
    {
        out.push(toks[..2].join(" "));
    }
    if base >= 3 && toks[base - 1].chars().count() > 1 {
        let last = &toks[base - 1];
        // The name without its middle names ("antonin dvorak" for "antonin leopold dvorak"),
        // and a middle name the person goes by ("otto jespersen" for "jens otto harry
        // jespersen"); initials are no names to go by.
        out.push(format!("{} {last}", toks[0]));
        out.extend(
            toks[1..base - 1]
                .iter()
                .filter(|m| m.chars().count() > 1)
                .map(|m| format!("{m} {last}")),
        );
    }
    out
}

/// Kinds that may belong to one actor: equal, or one of them unsure.
fn compatible(a: (ActorKind, i32), b: (ActorKind, i32)) -> bool {
    a.0 == b.0 || a.0 == ActorKind::Other || b.0 == ActorKind::Other || a.1 < 3 || b.1 < 3
}

/// Whether a name of kind `short` may be the short form of a longer name of kind `long`: a
/// town the text treats as a place ("visitors to Cleveland"), however unsure, is not the
/// short form of "Cleveland Orchestra"; a storm's name may look like a place's ("Kalmaegi").
fn short_of(short: (ActorKind, i32), long: (ActorKind, i32)) -> bool {
    compatible(short, long)
        && (short.0 != ActorKind::Place || matches!(long.0, ActorKind::Place | ActorKind::Other))
}

/// Whether a name is written family name first, before a romanised hyphenated given name
/// ("Lee Jae-myung", "Kim Jong-un"); a double-barrelled surname ("Anne Smith-Jones")
/// capitalises both halves.
fn family_name_first(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let Some((first, second)) = words.get(1).and_then(|g| g.split_once('-')) else {
        return false;
    };
    words.len() == 2
        && words[0].chars().count() <= 5
        && (2..=6).contains(&first.chars().count())
        && (2..=6).contains(&second.chars().count())
        && second.starts_with(|c: char| c.is_lowercase())
}

/// Places and organisations may meet by transliteration; people may not ("Maria"/"Mario").
fn translit_kind(k: (ActorKind, i32)) -> bool {
    matches!(k.0, ActorKind::Place | ActorKind::Organization)
}

/// Maps a key to one owner, or to none once two owners claim it.
fn claim<'k>(
    map: &mut HashMap<&'k str, Option<usize>>,
    key: &'k str,
    owner: usize,
    uf: &mut UnionFind,
) {
    match map.get(key) {
        None => {
            map.insert(key, Some(owner));
        }
        Some(Some(prev)) if uf.find(*prev) != uf.find(owner) => {
            map.insert(key, None);
        }
        _ => {}
    }
}

/// One actor as seen in one article.
#[derive(Debug)]
struct Local {
    article: usize,
    /// (candidate index, counts its gazetteer entry).
    cands: Vec<(usize, bool)>,
    gaz: Option<u32>,
    votes: Votes,
    weak: bool,
    ntok: usize,
    keys: Vec<String>,
    cores: Vec<String>,
    translits: Vec<String>,
    surnames: Vec<String>,
    /// Short forms of an organisation ("vantage").
    shorts: Vec<String>,
    acronym: Option<String>,
    kind: (ActorKind, i32),
}

fn surface<'a>(paras: &'a [String], c: &Cand) -> &'a str {
    paras
        .get(c.para)
        .and_then(|p| p.get(c.start..c.end))
        .unwrap_or("")
}

/// The lowercase initials of a name's capitalised words, hyphenated parts included:
/// "Port Autonome de Douala" gives "pad", "Anti-Corruption Commission" "acc".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Pushes `v` unless present.
fn push_unique(list: &mut Vec<String>, v: &str) {
    if !v.is_empty() && !list.iter().any(|x| x == v) {
        list.push(v.to_string());
    }
}

/// Groups the candidates of one article into local actors.
fn local(article: usize, paras: &[String], found: &Found, lex: &Lexicon) -> Vec<Local> {
    let cands = &found.cands;
    let n = cands.len();
    // An article repeats its names: each spelling is normalised once.
    let mut forms: HashMap<&str, Forms> = HashMap::default();
    for c in cands {
        let s = surface(paras, c);
        if !forms.contains_key(s) {
            forms.insert(s, Forms::new(s, lex));
        }
    }
    let none = Forms::new("", lex);
    let mut infos: Vec<Info> = cands
        .iter()
        .map(|c| Info::new(forms.get(surface(paras, c)).unwrap_or(&none), c, lex))
        .collect();
    // Names the article calls products ("the drug Wegovy") are no actors anywhere in it.
    for (inf, c) in infos.iter_mut().zip(cands) {
        if c.rejected || (c.gaz.is_none() && found.products.contains(inf.full)) {
            inf.full = "";
        }
    }
    let mut uf = UnionFind::new(n);
    for &(a, b) in &found.links {
        if a < n && b < n {
            uf.union(a, b);
        }
    }
    let mut acr: HashMap<&str, usize> = HashMap::default();
    for (letters, c) in &found.acronyms {
        acr.entry(letters.as_str()).or_insert(*c);
    }
    // Initials of the article's longer names that are no person's: "PAD" used alone stands
    // for the "Port Autonome de Douala" named before, when no other name has those initials.
    let mut spelled: HashMap<String, Option<usize>> = HashMap::default();
    for (c, cand) in cands.iter().enumerate() {
        let inf = &infos[c];
        if inf.ntok() < 2 || cand.acronym || inf.full.is_empty() || inf.kind.0 == ActorKind::Person
        {
            continue;
        }
        let letters = initials(surface(paras, cand));
        if letters.chars().count() < 3 {
            continue;
        }
        let slot = spelled.entry(letters).or_insert(Some(c));
        if slot.is_some_and(|o| infos[o].full != inf.full) {
            *slot = None;
        }
    }
    // Most complete forms first, so short forms find them.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&c| (Reverse(infos[c].ntok()), c));

    let mut homed = vec![false; n];
    let mut use_gaz = vec![true; n];
    let mut surname = vec![false; n];
    // Keys borrow the normal forms: an article's thousandth "John Smith" allocates nothing.
    let mut by_gaz: HashMap<u32, usize> = HashMap::default();
    let mut by_full: HashMap<&str, usize> = HashMap::default();
    let mut by_core: HashMap<&str, usize> = HashMap::default();
    let mut by_translit: HashMap<&str, usize> = HashMap::default();
    let mut by_affix: HashMap<&str, Option<usize>> = HashMap::default();
    // Last word of an organisation name -> the earliest such organisation.
    let mut by_head: HashMap<&str, usize> = HashMap::default();
    let pos = |c: usize| (cands[c].para, cands[c].start);
    let head_word = |c: usize| -> Option<&str> {
        let inf = &infos[c];
        let org = match cands[c].gaz.and_then(|g| lex.entry(g)) {
            Some(e) => e.class == GazClass::Org,
            None => inf.kind.0 == ActorKind::Organization,
        };
        // "Manchester City", "European Commission"; not "Court of Justice".
        let head_final = !inf
            .toks
            .iter()
            .any(|t| lex.flags(t) & CONNECTOR != 0 && t != "and");
        (org && head_final && inf.ntok() >= 2 && !cands[c].acronym)
            .then(|| inf.toks.last().map(String::as_str))
            .flatten()
    };
    // First word of a name -> the earliest name it can stand for: "Novo" for
    // "Novo Nordisk" (not the later "Novo Holdings"), "Foynes" for "Foynes Port".
    let mut by_lead: HashMap<String, usize> = HashMap::default();
    let lead_word = |c: usize| -> Option<String> {
        let inf = &infos[c];
        if inf.ntok() < 2 || cands[c].acronym {
            return None;
        }
        let first = &inf.toks[0];
        let plain = lex.flags(first) & (GENERIC | ORG_HEAD | STOP | GIVEN) == 0
            && lex.gaz(first, false).is_none();
        let lead = match cands[c].gaz.and_then(|g| lex.entry(g)) {
            Some(e) => (e.class == GazClass::Org).then(|| first.clone()),
            None if inf.kind.0 == ActorKind::Organization => Some(first.clone()),
            None if inf.kind.0 == ActorKind::Place => {
                let end = inf
                    .toks
                    .iter()
                    .rposition(|t| lex.flags(t) & PLACE_TAIL == 0)
                    .map_or(0, |e| e + 1);
                (end < inf.ntok()).then(|| inf.toks[..end].join(" "))
            }
            None => None,
        };
        lead.filter(|l| plain && l == first)
    };
    let mut by_surname: HashMap<&str, Option<usize>> = HashMap::default();
    // First word -> the one person of the article it starts ("Julien" after "Julien Solomita").
    let mut by_given: HashMap<&str, Option<usize>> = HashMap::default();
    // Surname -> the person bearing it who is named first in the article.
    let mut first_surname: HashMap<&str, usize> = HashMap::default();
    // East Asian family name ("Lee" of "Lee Jae-myung") -> the first person named with it.
    let mut first_family: HashMap<&str, usize> = HashMap::default();

    for &c in &order {
        let cand = &cands[c];
        let inf = &infos[c];
        if inf.full.is_empty() {
            continue;
        }
        if let Some(w) = head_word(c) {
            let slot = by_head.entry(w).or_insert(c);
            if pos(c) < pos(*slot) {
                *slot = c;
            }
        }
        if let Some(w) = lead_word(c) {
            let slot = by_lead.entry(w).or_insert(c);
            if pos(c) < pos(*slot) {
                *slot = c;
            }
        }
        let mut home = None;
        if cand.acronym
            && let Some(letters) = norm::acronym_letters(surface(paras, cand))
            && let Some(&d) = acr.get(letters.as_str())
            && d != c
        {
            home = Some(d);
            use_gaz[c] = false;
        }
        if home.is_none()
            && cand.acronym
            && cand.gaz.is_none()
            && let Some(letters) = norm::acronym_letters(surface(paras, cand))
            && let Some(&Some(d)) = spelled.get(&letters)
        {
            home = Some(d);
        }
        if home.is_none()
            && let Some(g) = cand.gaz
        {
            let city = lex
                .entry(g)
                .is_some_and(|e| matches!(e.class, GazClass::City | GazClass::Region));
            // "Mark Houston ... Houston said": a surname, not the city.
            if city
                && inf.ntok() == 1
                && let Some(Some(person)) = by_surname.get(inf.full)
            {
                home = Some(*person);
                use_gaz[c] = false;
            } else {
                match by_gaz.get(&g) {
                    Some(&x) => home = Some(x),
                    None => {
                        by_gaz.insert(g, c);
                        homed[c] = true;
                        continue;
                    }
                }
            }
        }
        if home.is_none() && cand.gaz.is_none() {
            let lead = || {
                let h = *by_lead.get(inf.full)?;
                let ok = inf.ntok() == 1
                    && !cand.acronym
                    && pos(h) < pos(c)
                    && compatible(inf.kind, infos[h].kind);
                ok.then_some(h)
            };
            home = by_full.get(inf.full).copied().or_else(lead).or_else(|| {
                by_core
                    .get(inf.core)
                    .copied()
                    .filter(|&x| compatible(inf.kind, infos[x].kind))
            });
            if home.is_none() {
                // "Rawi", "Mr Al Rawi", "Von der Leyen": the end of a full name; its
                // own weak hints ("Konsa touches") count for nothing then.
                // A titled full name ("President George W. Bush") is its own name, not a
                // surname: it must not join "George H.W. Bush".
                let full_name = inf.ntok() >= 2
                    && lex.flags(&inf.toks[0]) & (GIVEN | super::lexicon::class::NAME_GIVEN) != 0;
                let key = if cand.titled && !full_name {
                    inf.toks.last().map(String::as_str)
                } else {
                    Some(inf.full)
                };
                // A surname several people of the article share stands for the first of
                // them named: a report introduces its subject before the family.
                home = key
                    .and_then(|k| {
                        by_surname
                            .get(k)
                            .copied()
                            .flatten()
                            .or_else(|| first_surname.get(k).copied())
                    })
                    .filter(|_| compatible(inf.kind, (ActorKind::Person, 10)));
                surname[c] = home.is_some();
                if home.is_none() && inf.ntok() == 1 && !cand.titled {
                    // Two people of one family name ("Lee Jae-myung", "Lee Sang-min"): the
                    // name alone stands for the first named, as a surname does.
                    home = by_given
                        .get(inf.full)
                        .copied()
                        .flatten()
                        .or_else(|| first_family.get(inf.full).copied())
                        .filter(|_| compatible(inf.kind, (ActorKind::Person, 10)));
                }
            }
            home = home
                .or_else(|| {
                    by_affix
                        .get(inf.full)
                        .copied()
                        .flatten()
                        .filter(|&h| short_of(inf.kind, infos[h].kind))
                })
                .or_else(|| {
                    // "City" after "Manchester City", "the Commission" after
                    // "the European Commission".
                    let h = *by_head.get(inf.full)?;
                    let ok = inf.ntok() == 1
                        && !cand.acronym
                        && pos(h) < pos(c)
                        && compatible(inf.kind, (ActorKind::Organization, 10));
                    ok.then_some(h)
                })
                .or_else(|| {
                    by_translit
                        .get(inf.translit)
                        .copied()
                        .filter(|&x| translit_kind(inf.kind) && compatible(inf.kind, infos[x].kind))
                });
        }
        // A spelling met before as a person's surname is that surname again: its own
        // votes ("Fillmore" read as a town) must not outvote the full name.
        if let Some(h) = home
            && surname[h]
            && infos[h].full == inf.full
        {
            surname[c] = true;
        }
        match home {
            Some(h) => {
                uf.union(c, h);
                homed[c] = true;
            }
            None => homed[c] = !cand.weak,
        }
        if !homed[c] || cand.gaz.is_some() {
            continue;
        }
        by_full.entry(inf.full).or_insert(c);
        by_core.entry(inf.core).or_insert(c);
        if translit_kind(inf.kind) {
            by_translit.entry(inf.translit).or_insert(c);
        }
        if inf.kind.0 == ActorKind::Person && !cand.acronym {
            for s in inf.surnames {
                claim(&mut by_surname, s, c, &mut uf);
                let first = first_surname.entry(s).or_insert(c);
                if pos(c) < pos(*first) {
                    *first = c;
                }
            }
            // A given name, an East Asian family name ("Kim" of "Kim Jong-un"), or a name
            // in the middle that the person goes by ("Lula" of "Luiz Inacio Lula da Silva").
            if let [first, middle @ .., _] = inf.toks {
                claim(&mut by_given, first, c, &mut uf);
                if family_name_first(surface(paras, cand)) {
                    let slot = first_family.entry(first).or_insert(c);
                    if pos(c) < pos(*slot) {
                        *slot = c;
                    }
                }
                for m in middle {
                    if lex.flags(m) & (PARTICLE | STOP | NAME_SUFFIX) == 0 && m.chars().count() > 2
                    {
                        claim(&mut by_given, m, c, &mut uf);
                    }
                }
            }
        } else if matches!(inf.kind.0, ActorKind::Organization | ActorKind::Other)
            && !inf.short.is_empty()
        {
            // "Vantage" for "Vantage Analytics", "Kalmaegi" for "Typhoon Kalmaegi".
            claim(&mut by_affix, inf.short, c, &mut uf);
        }
        if inf.kind.0 != ActorKind::Person {
            // "Islamic Resistance" is the start of "Islamic Resistance in Iraq"; a
            // start that is a whole name ("Wafa Movement") is not a short form.
            for start in inf.starts {
                claim(&mut by_affix, start, c, &mut uf);
            }
        }
    }
    // A weak candidate tied to a homed one (by a definition) is homed too.
    let mut root_homed = vec![false; n];
    for (c, _) in homed.iter().enumerate().filter(|(_, h)| **h) {
        let r = uf.find(c);
        root_homed[r] = true;
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for (c, inf) in infos.iter().enumerate() {
        if inf.full.is_empty() {
            continue;
        }
        let r = uf.find(c);
        // Unhomed weak candidates stay alone, hoping to meet a name in another article.
        let key = if root_homed[r] { r } else { n + c };
        groups.entry(key).or_default().push(c);
    }
    merge_lone_spellings(&mut groups, &infos, n);
    let mut keys: Vec<usize> = groups.keys().copied().collect();
    keys.sort_unstable();
    let mut locals = Vec::with_capacity(keys.len());
    for key in keys {
        let members = &groups[&key];
        // "Spanish art" names no actor, "Iranian President" does: a demonym alone makes its
        // country an actor only where it stands for the state (before a title or a word of
        // `state_after`) or as its people ("Palestinians"); where the country is named, its
        // demonyms count as its mentions.
        if members
            .iter()
            .all(|&c| lex.is_demonym(infos[c].full) && !infos[c].full.ends_with('s'))
            && !members
                .iter()
                .any(|&c| stands_for_state(paras, &cands[c], lex))
        {
            continue;
        }
        let mut votes = [0; 4];
        let mut gaz_count: HashMap<u32, usize> = HashMap::default();
        for &c in members {
            if use_gaz[c] && !surname[c] {
                for (v, add) in votes.iter_mut().zip(cands[c].votes) {
                    *v += add;
                }
                if let Some(g) = cands[c].gaz {
                    *gaz_count.entry(g).or_default() += 1;
                }
            } else {
                votes[kind_index(ActorKind::Person)] += 1;
            }
        }
        // A city that plays ("Liverpool, who play Everton") is the club in this
        // article: no longer the gazetteer's city.
        let team = members.iter().any(|&c| cands[c].team);
        if team {
            votes = [0; 4];
            votes[kind_index(ActorKind::Organization)] += 10;
            gaz_count.clear();
        }
        let gaz = gaz_count
            .iter()
            .max_by_key(|&(g, n)| (*n, Reverse(*g)))
            .map(|(g, _)| *g);
        let ntok = members.iter().map(|&c| infos[c].ntok()).max().unwrap_or(0);
        let kind = match gaz.and_then(|g| lex.entry(g)) {
            Some(e) => (e.kind(), 10),
            None => leading_kind(&votes),
        };
        let mut l = Local {
            article,
            cands: members.iter().map(|&c| (c, use_gaz[c] && !team)).collect(),
            gaz,
            votes,
            weak: key >= n,
            ntok,
            keys: Vec::new(),
            cores: Vec::new(),
            translits: Vec::new(),
            surnames: Vec::new(),
            shorts: Vec::new(),
            acronym: None,
            kind,
        };
        for &c in members.iter().filter(|&&c| infos[c].ntok() == ntok) {
            let inf = &infos[c];
            push_unique(&mut l.keys, inf.full);
            push_unique(&mut l.cores, inf.core);
            push_unique(&mut l.translits, inf.translit);
            if kind.0 == ActorKind::Person {
                for s in inf.surnames {
                    push_unique(&mut l.surnames, s);
                }
            }
            if matches!(kind.0, ActorKind::Organization | ActorKind::Other) {
                push_unique(&mut l.shorts, inf.short);
            }
        }
        if members.iter().all(|&c| cands[c].acronym) {
            l.acronym = members
                .first()
                .and_then(|&c| norm::acronym_letters(surface(paras, &cands[c])));
        }
        locals.push(l);
    }
    locals
}

/// Joins the groups of one article that hold a single spelling, the same one: "Athens" the
/// city and "Athens" of "the King of Athens", once judged by different cues, are one actor
/// whose kind the merged evidence decides. A group that ties the spelling to a longer name
/// ("Washington" with "George Washington") keeps it; so do unhomed candidates (keys `n` on).
fn merge_lone_spellings(groups: &mut HashMap<usize, Vec<usize>>, infos: &[Info], n: usize) {
    let mut by_spelling: HashMap<&str, Vec<usize>> = HashMap::default();
    for (&key, members) in groups.iter() {
        let Some(&first) = members.first() else {
            continue;
        };
        let full = infos[first].full;
        if key < n && members.iter().all(|&c| infos[c].full == full) {
            by_spelling.entry(full).or_default().push(key);
        }
    }
    for mut keys in by_spelling.into_values().filter(|k| k.len() > 1) {
        keys.sort_unstable();
        let into = keys[0];
        for key in &keys[1..] {
            if let Some(moved) = groups.remove(key)
                && let Some(target) = groups.get_mut(&into)
            {
                target.extend(moved);
            }
        }
    }
}

/// A demonym that stands for its state: before a title or a word of `state_after` (one word
/// may come between: "the German economy minister"), or leading a name ("Norwegian Seafood
/// Council").
fn stands_for_state(paras: &[String], cand: &Cand, lex: &Lexicon) -> bool {
    let rest = paras
        .get(cand.para)
        .and_then(|p| p.get(cand.end..))
        .unwrap_or("");
    let mut words: Vec<&str> = Vec::with_capacity(2);
    for w in rest
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .take(2)
    {
        let clean = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        words.push(clean);
        // Punctuation ends the phrase: "the Spanish, the French" is no "Spanish French".
        if clean.len() != w.len() {
            break;
        }
    }
    let state = |w: &str| {
        let f = lex.flags(&norm::fold(w));
        f & (TITLE | STATE_AFTER) != 0 && f & OCCUPATION == 0
    };
    // "Norwegian Seafood Council" leads a name; "American English", "an English character
    // actor", "German-British comedy" only tell where someone or something is from.
    let name_after = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !lex.is_demonym(&norm::fold(w))
            && lex.flags(&norm::fold(w)) & OCCUPATION == 0
    };
    match words.as_slice() {
        [a, ..] if name_after(a) || state(a) => true,
        [_, b] => state(b),
        _ => false,
    }
}

/// Unions local actors across the corpus; returns the sets, which locals are
/// dropped, and which are acronyms whose gazetteer meaning a definition replaced.
fn global(
    locals: &[Local],
    acronym_defs: &[(String, usize)],
    lex: &Lexicon,
) -> (UnionFind, Vec<bool>, Vec<bool>) {
    let m = locals.len();
    let mut uf = UnionFind::new(m);
    let mut dropped = vec![false; m];
    let mut redefined = vec![false; m];
    let mut by_gaz: HashMap<u32, usize> = HashMap::default();
    let mut by_full: HashMap<&str, usize> = HashMap::default();
    let mut by_core: HashMap<&str, usize> = HashMap::default();
    let mut by_translit: HashMap<&str, usize> = HashMap::default();
    let mut by_surname: HashMap<&str, Option<usize>> = HashMap::default();
    let mut by_short: HashMap<&str, Option<usize>> = HashMap::default();
    // Full names of people by given name and surname.
    let mut by_given_last: HashMap<(&str, &str), Vec<usize>> = HashMap::default();

    // Acronym-only actors wait: a definition in the corpus beats the gazetteer.
    let complete = |l: &Local| !l.weak && l.acronym.is_none() && (l.gaz.is_some() || l.ntok >= 2);
    let mut first: Vec<usize> = (0..m).filter(|&i| complete(&locals[i])).collect();
    first.sort_by_key(|&i| (Reverse(locals[i].ntok), i));
    let mut rest: Vec<usize> = (0..m).filter(|&i| !complete(&locals[i])).collect();
    rest.sort_by_key(|&i| (locals[i].weak, i));

    // Full names, known actors and definitions first.
    for &i in &first {
        let l = &locals[i];
        if let Some(g) = l.gaz {
            match by_gaz.get(&g) {
                Some(&h) => uf.union(i, h),
                None => {
                    by_gaz.insert(g, i);
                }
            }
            continue;
        }
        let mut home = find(l, locals, &by_full, &by_core, &by_translit);
        if home.is_none() && compatible(l.kind, (ActorKind::Person, 10)) {
            home = l
                .keys
                .iter()
                .find_map(|k| by_surname.get(k.as_str()).copied().flatten());
        }
        if let Some(h) = home {
            uf.union(i, h);
        }
        if compatible(l.kind, (ActorKind::Person, 10))
            && let Some((given, last)) = given_and_last(l)
        {
            by_given_last.entry((given, last)).or_default().push(i);
        }
        register(l, i, &mut by_full, &mut by_core, &mut by_translit);
        for s in &l.surnames {
            claim(&mut by_surname, s, i, &mut uf);
        }
        for s in &l.shorts {
            claim(&mut by_short, s, i, &mut uf);
        }
    }
    let shortened = join_short_given_names(locals, &first, &by_given_last, lex, &mut uf);
    if join_middle_initials(locals, &by_given_last, &mut uf) || shortened {
        // Surnames two spellings of one person claimed are that person's again.
        by_surname.clear();
        for &i in &first {
            for s in &locals[i].surnames {
                claim(&mut by_surname, s, i, &mut uf);
            }
        }
    }
    let mut by_acr: HashMap<&str, Option<usize>> = HashMap::default();
    for (letters, owner) in acronym_defs {
        claim(&mut by_acr, letters, *owner, &mut uf);
    }
    // Then single words: surnames, short names, acronyms; weak ones only join.
    for &i in &rest {
        let l = &locals[i];
        if let Some(a) = &l.acronym
            && let Some(Some(h)) = by_acr.get(a.as_str())
        {
            uf.union(i, *h);
            redefined[i] = true;
            continue;
        }
        let mut home = find(l, locals, &by_full, &by_core, &by_translit);
        // A lone given name ("the prophet Muhammad") is no surname of another report's
        // person ("Mahathir Mohamad"): many people bear it.
        let given = l.ntok == 1
            && l.keys
                .iter()
                .any(|k| lex.flags(k) & (GIVEN | super::lexicon::class::NAME_GIVEN) != 0);
        if home.is_none() && l.gaz.is_none() && compatible(l.kind, (ActorKind::Person, 10)) {
            home = l
                .keys
                .iter()
                .find_map(|k| by_surname.get(k.as_str()).copied().flatten())
                .filter(|&h| !given || locals[h].article == l.article);
        }
        // A capitalised common word ("New" opening a sentence, a "NEW:" label) is no short
        // form of another report's organisation ("New Times").
        let common = l.weak && l.ntok == 1 && l.keys.iter().any(|k| lex.case_of(k) == Some(true));
        if home.is_none() && l.gaz.is_none() {
            home = l
                .keys
                .iter()
                .find_map(|k| by_short.get(k.as_str()).copied().flatten())
                .filter(|&h| short_of(l.kind, locals[h].kind))
                .filter(|&h| !common || locals[h].article == l.article);
        }
        if home.is_none()
            && let Some(g) = l.gaz
        {
            home = by_gaz.get(&g).copied();
            if home.is_none() {
                by_gaz.insert(g, i);
            }
        }
        match home {
            Some(h) => uf.union(i, h),
            None if l.weak => dropped[i] = true,
            None => register(l, i, &mut by_full, &mut by_core, &mut by_translit),
        }
    }
    (uf, dropped, redefined)
}

/// The given name and surname of a two-word or longer name (`("pamela", "baricuatro")`).
fn given_and_last(l: &Local) -> Option<(&str, &str)> {
    l.keys.iter().find_map(|k| {
        let mut words = k.split(' ');
        let given = words.next()?;
        let last = words.next_back()?;
        (given.chars().count() >= 3 && last.chars().count() >= 2).then_some((given, last))
    })
}

/// Joins each full name with a short given name (`Pam Baricuatro`) to the one person of
/// that surname, in any report, whose given name it is short for (`Pamela Baricuatro`);
/// none when two people could be meant. Whether anything was joined.
fn join_short_given_names(
    locals: &[Local],
    first: &[usize],
    by_given_last: &HashMap<(&str, &str), Vec<usize>>,
    lex: &Lexicon,
    uf: &mut UnionFind,
) -> bool {
    let mut joined = false;
    for &i in first {
        let l = &locals[i];
        if !compatible(l.kind, (ActorKind::Person, 10)) {
            continue;
        }
        let Some((short, last)) = given_and_last(l) else {
            continue;
        };
        let mut target: Option<usize> = None;
        let mut clear = true;
        for full in lex.names_shortened_to(short) {
            for &h in by_given_last.get(&(full, last)).into_iter().flatten() {
                match target {
                    Some(t) if uf.find(t) != uf.find(h) => clear = false,
                    _ => target = Some(h),
                }
            }
        }
        if clear && let Some(h) = target {
            uf.union(i, h);
            joined = true;
        }
    }
    joined
}

/// Joins the spellings of one person with and without a middle initial ("Regina M.
/// Benjamin", "Regina Benjamin"), in any report, when every spelling of that given name and
/// surname gives the same initials or none: "George H. W. Bush" and "George W. Bush" stay
/// two. Whether anything was joined.
fn join_middle_initials(
    locals: &[Local],
    by_given_last: &HashMap<(&str, &str), Vec<usize>>,
    uf: &mut UnionFind,
) -> bool {
    let mut joined = false;
    for ids in by_given_last.values().filter(|ids| ids.len() >= 2) {
        let mut middle: Option<Vec<&str>> = None;
        // Inner words that are not initials: the first part of a double surname
        // ("Daniel R. Baca-Ortiz"), the same in every spelling.
        let mut inner_names: Option<Vec<&str>> = None;
        let mut agree = true;
        for &i in ids {
            let Some(key) = locals[i].keys.first() else {
                agree = false;
                break;
            };
            let words: Vec<&str> = key.split(' ').collect();
            let inner = &words[1..words.len().saturating_sub(1).max(1)];
            let (initials, names): (Vec<&str>, Vec<&str>) =
                inner.iter().partition(|w| w.chars().count() == 1);
            if inner_names.as_ref().is_some_and(|n| *n != names)
                || (!initials.is_empty() && middle.as_ref().is_some_and(|m| *m != initials))
            {
                agree = false;
                break;
            }
            inner_names = Some(names);
            if !initials.is_empty() {
                middle = Some(initials);
            }
        }
        if agree && middle.is_some() {
            for w in ids.windows(2) {
                if uf.find(w[0]) != uf.find(w[1]) {
                    uf.union(w[0], w[1]);
                    joined = true;
                }
            }
        }
    }
    joined
}

/// A registered local actor this one matches by full, core or transliterated form.
fn find(
    l: &Local,
    locals: &[Local],
    by_full: &HashMap<&str, usize>,
    by_core: &HashMap<&str, usize>,
    by_translit: &HashMap<&str, usize>,
) -> Option<usize> {
    if l.gaz.is_some() {
        return None;
    }
    let ok = |h: &usize| compatible(l.kind, locals[*h].kind) && locals[*h].gaz.is_none();
    l.keys
        .iter()
        .find_map(|k| by_full.get(k.as_str()).filter(|h| ok(h)).copied())
        .or_else(|| {
            l.cores
                .iter()
                .find_map(|k| by_core.get(k.as_str()).filter(|h| ok(h)).copied())
        })
        .or_else(|| {
            if !translit_kind(l.kind) {
                return None;
            }
            l.translits.iter().find_map(|k| {
                by_translit
                    .get(k.as_str())
                    .filter(|h| ok(h) && translit_kind(locals[**h].kind))
                    .copied()
            })
        })
}

fn register<'l>(
    l: &'l Local,
    i: usize,
    by_full: &mut HashMap<&'l str, usize>,
    by_core: &mut HashMap<&'l str, usize>,
    by_translit: &mut HashMap<&'l str, usize>,
) {
    for k in &l.keys {
        by_full.entry(k).or_insert(i);
    }
    for k in &l.cores {
        by_core.entry(k).or_insert(i);
    }
    if translit_kind(l.kind) {
        for k in &l.translits {
            by_translit.entry(k).or_insert(i);
        }
    }
}

/// Spelling statistics of one actor.
#[derive(Debug, Default)]
struct Form {
    count: usize,
    ntok: usize,
    first: (usize, usize, usize),
}

/// Turns the candidates of every article into actors and mentions.
pub(crate) fn resolve(articles: &[&[String]], found: &[Found], lex: &Lexicon) -> Extraction {
    let mut locals = Vec::new();
    // Acronym letters -> local actor holding the definition.
    let mut acronym_defs = Vec::new();
    for (a, (paras, f)) in articles.iter().zip(found).enumerate() {
        let base = locals.len();
        let ls = local(a, paras, f, lex);
        let mut owner: HashMap<usize, usize> = HashMap::default();
        for (i, l) in ls.iter().enumerate() {
            for &(c, _) in &l.cands {
                owner.insert(c, base + i);
            }
        }
        for (letters, c) in &f.acronyms {
            if let Some(&o) = owner.get(c) {
                acronym_defs.push((letters.clone(), o));
            }
        }
        locals.extend(ls);
    }
    let (mut uf, dropped, redefined) = global(&locals, &acronym_defs, lex);

    // Groups in order of first mention.
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in (0..locals.len()).filter(|&i| !dropped[i]) {
        let r = uf.find(i);
        groups.entry(r).or_default().push(i);
    }
    let first_mention = |i: usize| {
        let l = &locals[i];
        let f = &found[l.article];
        let pos = l
            .cands
            .iter()
            .map(|&(c, _)| (f.cands[c].para, f.cands[c].start))
            .min()
            .unwrap_or((0, 0));
        (l.article, pos.0, pos.1)
    };
    let mut ordered: Vec<(usize, usize, usize, usize)> = groups
        .keys()
        .map(|&r| {
            let (a, p, s) = groups[&r]
                .iter()
                .map(|&i| first_mention(i))
                .min()
                .unwrap_or((0, 0, 0));
            (a, p, s, r)
        })
        .collect();
    ordered.sort_unstable();

    let mut actors = Vec::with_capacity(ordered.len());
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); articles.len()];
    for (id, &(_, _, _, root)) in ordered.iter().enumerate() {
        let members = &groups[&root];
        let mut votes = [0; 4];
        let mut gaz_count: HashMap<u32, usize> = HashMap::default();
        let mut forms: HashMap<&str, Form> = HashMap::default();
        for &i in members {
            let l = &locals[i];
            if !redefined[i] {
                for (v, add) in votes.iter_mut().zip(l.votes) {
                    *v += add;
                }
            }
            let f = &found[l.article];
            let paras = articles[l.article];
            for &(c, counts_gaz) in &l.cands {
                let cand = &f.cands[c];
                if counts_gaz
                    && !redefined[i]
                    && let Some(g) = cand.gaz
                {
                    *gaz_count.entry(g).or_default() += 1;
                }
                let s = surface(paras, cand);
                let form = forms.entry(s).or_insert_with(|| Form {
                    count: 0,
                    ntok: norm::key_tokens(s, &lex.tables).len(),
                    first: (l.article, cand.para, cand.start),
                });
                form.count += 1;
                form.first = form.first.min((l.article, cand.para, cand.start));
                mentions[l.article].push(Mention {
                    actor: id,
                    paragraph: cand.para,
                    start: cand.start,
                    end: cand.end,
                });
            }
        }
        let gaz = gaz_count
            .iter()
            .max_by_key(|&(g, n)| (*n, Reverse(*g)))
            .and_then(|(g, _)| lex.entry(*g));
        let kind = match gaz {
            // The classifier's verdicts on the mentions outweigh what the gazetteer says the
            // name usually is ("Cambridge" the university, "Pakistan" the team).
            Some(_) if votes.iter().any(|&v| v > 0) => leading_kind(&votes).0,
            Some(e) => e.kind(),
            // A name whose only hint is that it spoke ("Klarna said") is most
            // often a company or a body: people are named in full first.
            None => match leading_kind(&votes).0 {
                // Named events ("Typhoon Kalmaegi") stay events.
                ActorKind::Other if votes[3] >= EVENT_VOTES => ActorKind::Other,
                ActorKind::Other => ActorKind::Organization,
                k => k,
            },
        };
        // People are named in full somewhere: one word alone in every mention ("Dropbox",
        // "Kroger") that is no given name and that some mention took for a body is a body.
        let lone = forms.values().all(|f| f.ntok == 1)
            && !forms
                .keys()
                .any(|s| lex.flags(&norm::fold(s)) & (GIVEN | TITLE) != 0);
        let kind = if kind == ActorKind::Person
            && gaz.is_none()
            && lone
            && votes[kind_index(ActorKind::Organization)] > 0
        {
            ActorKind::Organization
        } else {
            kind
        };
        let best = forms
            .iter()
            .max_by_key(|(s, f)| (f.ntok, f.count, s.chars().count(), Reverse(f.first)))
            .map(|(s, _)| s.to_string())
            .unwrap_or_default();
        let name = gaz
            .filter(|e| !e.generated)
            .map(|e| e.name.clone())
            .unwrap_or(best);
        let mut aliases: Vec<(&str, &Form)> = forms.iter().map(|(s, f)| (*s, f)).collect();
        aliases.sort_by_key(|(s, f)| (Reverse(f.count), f.first, *s));
        actors.push(Actor {
            name,
            kind,
            aliases: aliases.into_iter().map(|(s, _)| s.to_string()).collect(),
        });
    }
    for m in &mut mentions {
        m.sort_by_key(|m| (m.paragraph, m.start, m.end));
        m.dedup_by_key(|m| (m.paragraph, m.start));
    }
    Extraction { actors, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_first_are_told_by_a_romanised_given_name() {
        assert!(family_name_first("Lee Jae-myung"));
        assert!(family_name_first("Kim Jong-un"));
        assert!(!family_name_first("Anne Smith-Jones"));
        assert!(!family_name_first("Lee Jae"));
        assert!(!family_name_first("President Lee Jae-myung"));
    }

    #[test]
    fn compatibility_of_kinds() {
        use ActorKind::*;
        assert!(compatible((Place, 10), (Place, 5)));
        assert!(!compatible((Place, 10), (Person, 8)));
        assert!(compatible((Place, 10), (Person, 1)));
        assert!(compatible((Other, 1), (Organization, 9)));
    }

    #[test]
    fn claims_turn_ambiguous() {
        let mut uf = UnionFind::new(3);
        let mut m = HashMap::default();
        claim(&mut m, "berg", 0, &mut uf);
        assert_eq!(m["berg"], Some(0));
        claim(&mut m, "berg", 0, &mut uf);
        assert_eq!(m["berg"], Some(0));
        claim(&mut m, "berg", 2, &mut uf);
        assert_eq!(m["berg"], None);
    }
}
