//! Evidence: whether a rule-found name stands, and votes for its kind from its
//! own words ("Movement", "province") and its neighbours ("leader X", "X said",
//! "X, a member of").

use super::ActorKind;
use super::cand::{Ctx, Found, Para, State, Votes, kind_index, leading_kind};
use super::lexicon::{GazClass, class::*};
use super::norm;
use super::token::{Shape, Tok, brand_capital};

/// Votes an event head gives: more than any cue for a person, so the name stays an event.
pub(crate) const EVENT_VOTES: i32 = 20;

const P: usize = 0;
const O: usize = 1;
const L: usize = 2;
const X: usize = 3;

/// Whether a rule-found name stands.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Validity {
    Valid,
    Weak,
    Invalid,
}

/// Whether a rule-found name stands on its own; descriptive names of a body of
/// another organisation ("Political Council of ...") only join known names.
pub(crate) fn validity(p: &Para, seg: &[usize], the_prefix: bool, sub_body: bool) -> Validity {
    let toks = p.toks;
    if seg.is_empty() {
        return Validity::Invalid;
    }
    if let [k] = seg {
        let t = toks[*k];
        let w = norm::fold(p.word(*k));
        let ideology = t.shape != Shape::Upper && (w.ends_with("ist") || w.ends_with("ists"));
        // A single letter ("on X") is too ambiguous to be a name.
        let letter = w.chars().count() == 1;
        // "APIs", "CEOs", "NGOs": an acronym in the plural is a kind of thing, not one actor.
        let plural_acronym = p.word(*k).strip_suffix('s').is_some_and(|stem| {
            stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
        });
        if t.has(NON_ACTOR | STOP | DAY | MONTH | TITLE | TITLE_MOD | PREFIX)
            || ideology
            || letter
            || plural_acronym
            || t.shape == Shape::Lower
        {
            return Validity::Invalid;
        }
        if t.has(GENERIC | ORG_TAIL | PLACE_TAIL | ORG_HEAD | PLACE_HEAD | CONNECTOR | DOCUMENT) {
            return Validity::Weak;
        }
        return Validity::Valid;
    }
    if is_document(p, seg) {
        return Validity::Invalid;
    }
    let content: Vec<&Tok> = seg
        .iter()
        .map(|&k| &toks[k])
        .filter(|t| t.is_cap())
        .collect();
    let proper = content.iter().any(|t| !t.has(NOT_PROPER));
    // "Big Tech", "Foreign Affairs": descriptive words with no word that makes a name.
    let naming = ORG_TAIL | PLACE_TAIL | ORG_HEAD | PLACE_HEAD | CLUB;
    let descriptive = !proper && !content.iter().any(|t| t.has(naming));
    if content.is_empty() || (descriptive && !the_prefix) {
        Validity::Invalid
    } else if !proper && !the_prefix && sub_body {
        Validity::Weak
    } else {
        Validity::Valid
    }
}

/// Laws and events are not actors: "Occupied Territories Bill", "Treaty of Rome",
/// "World War II" (a Roman numeral may follow the last word).
pub(crate) fn is_document(p: &Para, seg: &[usize]) -> bool {
    let toks = p.toks;
    let numeral =
        |k: usize| toks[k].shape == Shape::Upper && p.word(k).chars().all(|c| "IVX".contains(c));
    let mut end = seg.len();
    while end > 1 && numeral(seg[end - 1]) {
        end -= 1;
    }
    let (Some(&first), Some(&last)) = (seg.first(), seg[..end].last()) else {
        return false;
    };
    // "Institute for the Study of War" names a body that studies the thing.
    let body_of = toks[first].has(ORG_HEAD) && !toks[first].has(DOCUMENT);
    (toks[last].has(DOCUMENT) && toks[last].is_cap() && seg.len() > 1 && !body_of)
        || (toks[first].has(DOCUMENT) && seg.get(1).is_some_and(|&k| p.is_word_ci(k, "of")))
}

/// Kind evidence for a rule-found name, and whether any came from its neighbours.
pub(crate) fn votes(p: &Para, seg: &[usize], ctx: Ctx, st: &State, out: &Found) -> (Votes, bool) {
    let toks = p.toks;
    let mut v: Votes = [0; 4];
    let (first_k, last_k) = (seg[0], seg[seg.len() - 1]);
    let (first, last) = (toks[first_k], toks[last_k]);
    let multi = seg.len() > 1;
    let content = seg
        .iter()
        .filter(|&&k| toks[k].is_cap() && !toks[k].has(PARTICLE))
        .count();

    // The words of the name. English names are headed by their last word: "Church Street"
    // is a street, whatever body its first word names.
    // Not across a connector: "Church of the East" is headed by "Church".
    let place_headed = multi
        && last.has(PLACE_TAIL)
        && !last.has(ORG_TAIL)
        && seg.iter().all(|&k| toks[k].shape != Shape::Lower);
    if last.has(ORG_TAIL) && (multi || ctx.the_prefix) {
        v[O] += 6;
    } else if multi
        && !place_headed
        && seg.iter().enumerate().any(|(n, &k)| {
            toks[k].is_cap() && toks[k].has(ORG_TAIL) && !(n == 0 && toks[k].has(PLACE_HEAD))
        })
    {
        v[O] += 4;
    }
    // These words name a known place, not a body.
    let place_at = |range: &[usize]| {
        p.gaz(range)
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class != GazClass::Org)
    };
    // "Pakistan Tehreek-e-Insaf": a known place may lead the body word.
    let head = if place_at(&seg[..1]) && seg.len() > 2 {
        toks[seg[1]]
    } else {
        first
    };
    if multi && head.has(ORG_HEAD) && head.is_cap() && !place_headed {
        v[O] += 5;
    }
    // "GoTo Gojek Tokopedia", "BlackRock": brands join words with a capital, people do not.
    if seg
        .iter()
        .any(|&k| toks[k].is_cap() && brand_capital(p.word(k)))
    {
        v[O] += 3;
    }
    if multi && last.has(PLACE_TAIL) {
        v[L] += 6;
    }
    if multi && first.has(PLACE_HEAD) {
        v[L] += 4;
    }
    // "Typhoon Kalmaegi", "Tropical Storm Alberto": a named event, however human its name;
    // "Hurricane Energy" is a company.
    let event = seg[..seg.len() - 1]
        .iter()
        .any(|&k| toks[k].has(EVENT_HEAD));
    if multi && event && !last.has(ORG_TAIL) {
        v[X] += EVENT_VOTES;
    }
    if ctx.the_prefix {
        v[O] += 3;
    }
    if ctx.titled {
        v[P] += 8;
    }
    // Lee "Faker" Sang-hyeok: a quoted nickname inside a name is a person's.
    if multi
        && (first_k..last_k)
            .any(|k| toks[k].shape == Shape::Punct && matches!(toks[k].ch, '"' | '“' | '\''))
    {
        v[P] += 8;
    }
    if content >= 2 && first.has(GIVEN) {
        v[P] += 3;
    }
    // "Manchester City", "Bayern Munich", "Morning Ireland", "BT Sport": not people.
    if multi && last.has(CLUB) && place_at(&seg[..seg.len() - 1]) {
        v[O] += 8;
    }
    // Not when a small town's name is also a family name: "Sifan Hassan" ("Hassan" is a town
    // of the generated list too); a listed city or a country is not ("Alianza Lima", "Visit
    // Houston", "Wind Energy Ireland").
    let town_or_family = last.has(NAME_FAMILY)
        && p.gaz(&seg[seg.len() - 1..])
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class == GazClass::City && e.generated);
    if multi && !first.has(GIVEN | NAME_GIVEN) && !town_or_family && place_at(&seg[seg.len() - 1..])
    {
        v[O] += 3;
    }
    // "Houston Rockets", "Kaizer Chiefs" after a city: a team's plural nickname.
    if multi && team_nickname(p, seg) {
        v[O] += 4;
    }
    // "Tokyo Electron": a city leading a name makes a company or a team.
    let city_at = |k: usize| {
        p.gaz(&[k])
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class == GazClass::City)
    };
    if multi && !first.has(GIVEN) && city_at(first_k) {
        v[O] += 2;
    }
    // "Cork South-Central", "Galway West": a known place and compass words.
    if multi
        && place_at(&seg[..1])
        && seg[1..].iter().any(|&k| toks[k].has(PLACE_TAIL))
        && !seg.iter().any(|&k| toks[k].has(ORG_TAIL | CLUB))
    {
        v[L] += 4;
    }
    // An acronym word ("BT Sport"); dotted initials ("J.K. Rowling") are names.
    let dotted = |k: usize| p.word(k).contains('.');
    if multi
        && seg
            .iter()
            .any(|&k| toks[k].shape == Shape::Upper && !dotted(k))
    {
        v[O] += 2;
    }
    // "Jämtland", "Skellefteå", "Kristersson": what a lone word's shape suggests;
    // "Danmarks Nationalbank": a compound organisation word anywhere.
    if !multi
        && first.shape == Shape::Cap
        && let Some(kind) = p.lex.shape_kind(p.word(first_k))
    {
        v[kind_index(kind)] += 2;
    }
    if multi
        && seg
            .iter()
            .any(|&k| p.lex.shape_kind(p.word(k)) == Some(ActorKind::Organization))
    {
        v[O] += 3;
    }
    let internal = v;

    // The words before it.
    if let Some(b) = p.prev_word(first_k) {
        let bt = toks[b];
        // A sentence may open with the cue: "In Cork, ...".
        if bt.shape == Shape::Lower || (bt.sent_start && bt.has(PLACE_PREP)) {
            if bt.has(TITLE) {
                v[P] += 5;
            }
            if bt.has(ORG_NOUN) {
                v[O] += 3;
            }
            // "rivals easyJet": a weak hint, a person's rival is a person.
            if bt.has(ORG_BEFORE) {
                v[O] += 2;
            }
            // "state-owned Vattenfall", "Iran-backed X".
            if bt.has(ORG_PARTICIPLE) && bt.joined {
                v[O] += 2;
            }
            // "in the Shannon Estuary", "outside the Four Courts".
            let prep = if p.is_word_ci(b, "the") {
                p.prev_word(b).filter(|&c| toks[c].has(PLACE_PREP))
            } else {
                Some(b).filter(|_| bt.has(PLACE_PREP))
            };
            if let Some(prep) = prep {
                // "in" and "at" also take companies; "shares in Mowi" is one.
                let loose = ["in", "into", "at"].iter().any(|w| p.is_word_ci(prep, w));
                let stake = p.is_word_ci(prep, "in")
                    && p.prev_word(prep).is_some_and(|c| toks[c].has(ORG_IN));
                if stake {
                    v[O] += 3;
                } else {
                    v[L] += if loose { 1 } else { 2 };
                }
            }
            // "shares of GoTo", "a subsidiary of Tata": the owner of shares is a company.
            if p.is_word_ci(b, "of")
                && p.prev_word(b).is_some_and(|c| {
                    toks[c].has(ORG_OF) && (toks[c].shape == Shape::Lower || toks[c].sent_start)
                })
            {
                v[O] += 3;
            }
            // "the coast of Trøndelag", "residents of Suðurnes".
            if p.is_word_ci(b, "of")
                && p.prev_word(b).is_some_and(|c| {
                    toks[c].has(PLACE_NOUN | OF_PLACE) && toks[c].shape == Shape::Lower
                })
            {
                v[L] += 4;
            }
            // "a teacher from Connemara", "Ó Murchú, 22, from Dingle": where a
            // person comes from.
            let aged = b >= 2 && toks[b - 1].is_punct(',') && toks[b - 2].shape == Shape::Digit;
            if p.is_word_ci(b, "from")
                && (aged
                    || p.prev_word(b)
                        .is_some_and(|c| noun_kind(p, c) == Some(ActorKind::Person)))
            {
                v[L] += 3;
            }
            // "Bergen and Voss", "the Orkla and the Gaula": a list keeps one kind.
            let b = if p.is_word_ci(b, "the") {
                p.prev_word(b).unwrap_or(b)
            } else {
                b
            };
            if (p.is_word_ci(b, "and") || p.is_word_ci(b, "or"))
                && let Some((c, after)) = st.last
                && after == b
                && let Some(cand) = out.cands.get(c)
            {
                v[kind_index(leading_kind(&cand.votes).0)] += list_share(&cand.votes);
            }
        }
        if let Some(kind) = naming_cue(p, first_k).or_else(|| such_as(p, first_k)) {
            v[kind_index(kind)] += 3;
        }
    }
    // "Cork, Kerry and Galway": inside a comma list, the kind of the item before.
    let in_list = p
        .next_tok(last_k)
        .is_some_and(|a| toks[a].is_punct(',') || p.is_word_ci(a, "and") || p.is_word_ci(a, "or"));
    if first_k > 0
        && toks[first_k - 1].is_punct(',')
        && in_list
        && let Some((c, after)) = st.last
        && after == first_k - 1
        && let Some(cand) = out.cands.get(c)
    {
        v[kind_index(leading_kind(&cand.votes).0)] += list_share(&cand.votes);
    }

    // The words after it; after a possessive they name something it has
    // ("Emery's side"), not what it is.
    if let Some(a) = p.next_tok(last_k).filter(|_| !last.poss) {
        let at = toks[a];
        if at.shape == Shape::Lower {
            // "Harpa concert hall", "Ain Zarqa air base": a place cue one word on.
            let cue_next = p
                .next_tok(a)
                .is_some_and(|n| toks[n].shape == Shape::Lower && toks[n].has(PLACE_CUE));
            let two_word_cue = !at.has(STOP | SAY | ORG_NOUN) && cue_next;
            // "the Veldhoven-based company".
            let based = at.joined && p.is_word_ci(a, "based");
            // Strong enough for the rules to keep: the labelled genres would drop an unknown
            // single word ("Reykjanes peninsula", "the Gaula river").
            if at.has(PLACE_CUE) || two_word_cue || based {
                v[L] += 6;
            }
            // "Grid operator Ellevio": the noun describes the name after it.
            if at.has(ORG_NOUN) && !p.cap_follows(a) {
                v[O] += 4;
            }
            if at.has(PERSON_AFTER) {
                v[P] += 3;
            }
            // "Nordea analyst Thina Saltvedt": the employer of the person named next.
            if at.has(TITLE) && !at.has(ORG_NOUN) && p.cap_follows(a) {
                v[O] += 2;
            }
            // "Rawi said" may be a surname, "Klarna said" a company: only two or
            // more name words make a speaker a person.
            if at.has(SAY) && content >= 2 && !ctx.the_prefix {
                v[P] += 2;
            } else if at.has(SAY) {
                v[X] += 1;
            }
        } else if at.is_punct(',')
            && let Some(kind) = appositive(p, a)
        {
            v[kind_index(kind)] += if kind == ActorKind::Place { 3 } else { 4 };
        } else if at.is_punct(',') && in_region(p, a) {
            v[L] += 4;
        }
    }
    let cued = v != internal;

    // Defaults by shape: two or more name-like words make a person.
    let name_like = seg.iter().all(|&k| {
        let t = toks[k];
        let common = GENERIC | ORG_TAIL | PLACE_TAIL | NON_ACTOR | STOP | DAY | MONTH;
        t.shape == Shape::Lower
            || t.has(PARTICLE)
            || (t.shape == Shape::Cap && !t.has(common))
            || (t.shape == Shape::Upper && dotted(k))
    });
    // "Madar Cycling Team": a name ending in an organisation's noun is no person by shape.
    let org_end = seg.last().is_some_and(|&k| toks[k].has(ORG_NOUN));
    if content >= 2 && name_like && !org_end && v[O] == 0 && v[L] == 0 {
        v[P] += 1;
    }
    if content >= 2 && seg.iter().any(|&k| toks[k].has(PARTICLE)) {
        v[P] += 1;
    }
    if !multi && first.shape == Shape::Upper {
        v[O] += 1;
    }
    // A proper name with no hint at all is most often a company or a body.
    if v == [0; 4] {
        v[O] += 1;
    }
    (v, cued)
}

/// What the item before passes on in a list: its kind, strongly if it was sure.
fn list_share(before: &Votes) -> i32 {
    match leading_kind(before) {
        (ActorKind::Other, _) => 0,
        (_, s) if s >= 3 => 2,
        (_, s) => i32::from(s > 0),
    }
}

/// ", California" or ", Norway," after a name: a town in that region or country.
fn in_region(p: &Para, comma: usize) -> bool {
    let toks = p.toks;
    let Some(k) = toks.get(comma + 1).map(|_| comma + 1) else {
        return false;
    };
    let t = toks[k];
    if !t.is_cap() || t.poss {
        return false;
    }
    let region = p
        .gaz(&[k])
        .and_then(|g| p.lex.entry(g))
        .is_some_and(|e| matches!(e.class, GazClass::Country | GazClass::Region));
    // The region must close the phrase: "Santa Clara, California-based", "Voss, Norway."
    let closes = toks
        .get(k + 1)
        .is_none_or(|n| n.shape == Shape::Punct || (n.joined && n.shape == Shape::Lower));
    region && closes && !p.word(k).chars().all(char::is_uppercase)
}

/// "rivers such as the Orkla", "rivals such as Lufthansa": the kind of the noun before.
fn such_as(p: &Para, k: usize) -> Option<ActorKind> {
    let mut b = p.prev_word(k)?;
    if p.is_word_ci(b, "the") {
        b = p.prev_word(b)?;
    }
    if !p.is_word_ci(b, "as") {
        return None;
    }
    let such = p.prev_word(b)?;
    if !p.is_word_ci(such, "such") {
        return None;
    }
    let noun = p.prev_word(such)?;
    noun_kind(p, noun)
}

/// The kind a lowercase noun (singular or plural) names, if any.
pub(crate) fn noun_kind(p: &Para, k: usize) -> Option<ActorKind> {
    let t = p.toks.get(k)?;
    if t.shape != Shape::Lower {
        return None;
    }
    let flags = p.noun_flags(k);
    if flags & PERSON_NOUN != 0 {
        Some(ActorKind::Person)
    } else if flags & (ORG_NOUN | ORG_BEFORE) != 0 {
        Some(ActorKind::Organization)
    } else if flags & PLACE_NOUN != 0 {
        Some(ActorKind::Place)
    } else {
        None
    }
}

/// "a group called X", "an alliance known as X": the kind of the noun before.
fn naming_cue(p: &Para, k: usize) -> Option<ActorKind> {
    let mut b = p.prev_word(k)?;
    if p.is_word_ci(b, "as") {
        b = p.prev_word(b)?;
    }
    if !p.toks[b].has(NAMING) {
        return None;
    }
    let mut x = b;
    for _ in 0..6 {
        x = p.prev_word(x)?;
        let t = p.toks[x];
        if t.shape != Shape::Lower {
            continue;
        }
        if t.has(ORG_NOUN) {
            return Some(ActorKind::Organization);
        }
        if t.has(PERSON_NOUN) {
            return Some(ActorKind::Person);
        }
        if t.has(PLACE_NOUN) {
            return Some(ActorKind::Place);
        }
    }
    None
}

/// ", who ..." or ", a member of ...": the kind the apposition gives, read
/// from its head noun, the last word before a preposition or punctuation
/// ("a fund manager at", "the club's chief executive,").
fn appositive(p: &Para, comma: usize) -> Option<ActorKind> {
    let toks = p.toks;
    let mut x = comma + 1;
    toks.get(x).filter(|t| t.shape == Shape::Lower)?;
    if p.is_word_ci(x, "who") {
        return Some(ActorKind::Person);
    }
    let determiners = [
        "a", "an", "the", "another", "one", "its", "his", "her", "their", "this",
    ];
    if !determiners.iter().any(|d| p.is_word_ci(x, d)) {
        return None;
    }
    let mut head = None;
    for _ in 0..6 {
        x += 1;
        let Some(t) = toks.get(x) else { break };
        if t.shape == Shape::Punct || (t.shape == Shape::Lower && t.has(STOP)) {
            break;
        }
        if t.shape != Shape::Lower {
            // "the Sinn Féin leader": names inside the phrase modify its head.
            continue;
        }
        head = (!t.poss).then_some(x);
    }
    let t = toks[head?];
    if t.has(PERSON_NOUN) {
        Some(ActorKind::Person)
    } else if t.has(ORG_NOUN) {
        Some(ActorKind::Organization)
    } else if t.has(PLACE_NOUN) {
        Some(ActorKind::Place)
    } else {
        None
    }
}

/// A known city or region and a plural nickname: "Houston Rockets", "St. Louis Cardinals".
/// A given name first ("David Ricks", "Austin Rivers") makes a person instead.
fn team_nickname(p: &Para, seg: &[usize]) -> bool {
    let toks = p.toks;
    let Some((&last, head)) = seg.split_last() else {
        return false;
    };
    let word = norm::fold(p.word(last));
    if word
        .strip_suffix('s')
        .is_none_or(|s| s.len() < 3 || s.ends_with('s'))
    {
        return false;
    }
    if !toks[last].is_cap() || toks[last].has(PLACE_TAIL | ORG_TAIL) || toks[last].poss {
        return false;
    }
    // "Beaches", "Towers": places in the plural are no nickname.
    let singular = [word.strip_suffix("es"), word.strip_suffix('s')];
    if singular
        .into_iter()
        .flatten()
        .any(|w| p.lex.flags(w) & PLACE_TAIL != 0)
    {
        return false;
    }
    // "Tampa Bay Rays": the city may come with its bay or its county.
    let city_end = head.len()
        - head
            .iter()
            .rev()
            .take_while(|&&k| toks[k].has(PLACE_TAIL))
            .count();
    let city = |h: &[usize]| {
        !h.is_empty()
            && p.gaz(h)
                .and_then(|g| p.lex.entry(g))
                .is_some_and(|e| matches!(e.class, GazClass::City | GazClass::Region))
    };
    (city(head) || city(&head[..city_end])) && !toks[head[0]].has(GIVEN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::cand::with_para;

    /// Word indices of the first occurrence of `name` (a run of words).
    fn seg_of(p: &Para, name: &str) -> Vec<usize> {
        let start = p.text.find(name).unwrap_or(0);
        let end = start + name.len();
        (0..p.toks.len())
            .filter(|&k| p.toks[k].is_word() && p.toks[k].start >= start && p.toks[k].end <= end)
            .collect()
    }

    fn kind_of(text: &str, name: &str) -> ActorKind {
        with_para(text, |p| {
            let seg = seg_of(p, name);
            let (v, _) = votes(
                p,
                &seg,
                Ctx::default(),
                &State::default(),
                &Found::default(),
            );
            leading_kind(&v).0
        })
    }

    #[test]
    fn kinds_from_words_and_neighbours() {
        use ActorKind::*;
        assert_eq!(kind_of("a strike in Qarnit province", "Qarnit"), Place);
        assert_eq!(
            kind_of("said leader Omar Haddad on Monday", "Omar Haddad"),
            Person
        );
        assert_eq!(
            kind_of("shares of Acme Analytics fell", "Acme Analytics"),
            Organization
        );
        // A company's suffix with periods is the suffix: no initial of a person.
        assert_eq!(
            kind_of(
                "packed by Frutera Andina S.A., an exporter",
                "Frutera Andina S.A."
            ),
            Organization
        );
        assert_eq!(
            kind_of("Lars Berg, a member of the board, left", "Lars Berg"),
            Person
        );
        assert_eq!(
            kind_of("Fjordline, another company, left", "Fjordline"),
            Organization
        );
        assert_eq!(
            kind_of("a group called Vanguard said", "Vanguard"),
            Organization
        );
        assert_eq!(
            kind_of("Aker Sorensen told reporters", "Aker Sorensen"),
            Person
        );
        assert_eq!(kind_of("the Ain Zarqa base", "Ain Zarqa"), Place);
        assert_eq!(
            kind_of("Manchester City won", "Manchester City"),
            Organization
        );
    }

    #[test]
    fn kinds_from_new_cues() {
        use ActorKind::*;
        assert_eq!(
            kind_of("rivers such as the Lærdal flooded", "Lærdal"),
            Place
        );
        assert_eq!(
            kind_of("rivals such as Brekkvik fell", "Brekkvik"),
            Organization
        );
        assert_eq!(
            kind_of("state-owned Norrkraft cut power", "Norrkraft"),
            Organization
        );
        assert_eq!(
            kind_of("shares in Brekke Nordisk rose", "Brekke Nordisk"),
            Organization
        );
        assert_eq!(kind_of("Shares of Brekkvik rose", "Brekkvik"), Organization);
        assert_eq!(
            kind_of("Later, NorTek Brekke said it would merge", "NorTek Brekke"),
            Organization
        );
        assert_eq!(kind_of("residents of Myrdal left", "Myrdal"), Place);
        assert_eq!(kind_of("a teacher from Hemsedal came", "Hemsedal"), Place);
        assert_eq!(kind_of("Brekke, 31, from Tynset came", "Tynset"), Place);
        assert_eq!(
            kind_of("near Marlow Springs, Texas, rain fell", "Marlow Springs"),
            Place
        );
        assert_eq!(kind_of("the Uddevik-based firm", "Uddevik"), Place);
        assert_eq!(kind_of("in the Harpa concert hall", "Harpa"), Place);
        assert_eq!(
            kind_of("outside the Four Courts today", "Four Courts"),
            Place
        );
        assert_eq!(kind_of("Solli's side lost", "Solli"), Organization);
        // The noun describes the name after it: "Vattenholm" keeps its own hint.
        assert_eq!(
            kind_of("at Vattenholm operator Elvia said", "Vattenholm"),
            Place
        );
        assert_eq!(
            kind_of("Ola Rud, a fund manager at Nordvest, said", "Ola Rud"),
            Person
        );
        assert_eq!(
            kind_of("Kari Dahl, the agency's chief engineer, said", "Kari Dahl"),
            Person
        );
        assert_eq!(kind_of("Tokyo Kogyo fell", "Tokyo Kogyo"), Organization);
    }

    #[test]
    fn teams_after_cities_and_streets_and_buildings_as_places() {
        use ActorKind::*;
        assert_eq!(
            kind_of("the Houston Rockets won", "Houston Rockets"),
            Organization
        );
        assert_eq!(
            kind_of("against the Tampa Bay Rays at home", "Tampa Bay Rays"),
            Organization
        );
        assert_ne!(
            kind_of("tourists filled Tampa Bay Beaches", "Tampa Bay Beaches"),
            Organization
        );
        assert_eq!(
            kind_of("Lilly's chief, David Ricks, said", "David Ricks"),
            Person
        );
        assert_eq!(
            kind_of("down Chaharbagh Boulevard to", "Chaharbagh Boulevard"),
            Place
        );
        assert_eq!(
            kind_of("inside the Hakim Mosque today", "Hakim Mosque"),
            Place
        );
        assert_eq!(kind_of("along Jalan Besar at night", "Jalan Besar"), Place);
        // A town's name as a surname after any listed given name: "Moore", Oklahoma.
        assert_eq!(
            kind_of("starred with Mandy Moore in", "Mandy Moore"),
            Person
        );
    }

    fn valid(text: &str, name: &str, sub_body: bool) -> Validity {
        with_para(text, |p| validity(p, &seg_of(p, name), false, sub_body))
    }

    #[test]
    fn which_names_stand() {
        assert_eq!(
            valid("Zionist slogans", "Zionist", false),
            Validity::Invalid
        );
        assert_eq!(valid("the Brigade left", "Brigade", false), Validity::Weak);
        assert_eq!(valid("the standard APIs", "APIs", false), Validity::Invalid);
        assert_eq!(valid("the NGOs said", "NGOs", false), Validity::Invalid);
        assert_eq!(valid("the UNHCR said", "UNHCR", false), Validity::Valid);
        assert_eq!(
            valid(
                "the Occupied Territories Bill",
                "Occupied Territories Bill",
                false
            ),
            Validity::Invalid
        );
        assert_eq!(
            valid("the Green Party", "Green Party", false),
            Validity::Valid
        );
        assert_eq!(
            valid("the Political Council of", "Political Council", true),
            Validity::Weak
        );
        assert_eq!(
            valid("the Treaty of Rome", "Treaty of Rome", false),
            Validity::Invalid
        );
        assert_eq!(valid("", "", false), Validity::Invalid);
        assert_eq!(
            valid("lobbied by Big Tech", "Big Tech", false),
            Validity::Invalid
        );
        assert_eq!(
            valid("the High North", "High North", false),
            Validity::Valid
        );
    }
}
