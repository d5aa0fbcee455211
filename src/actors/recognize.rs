//! Recognition: the names in one paragraph, each with evidence of its kind.
//!
//! A name starts as a run of capitalised words (with particles such as `al-`
//! or `van`, and connectors such as `of` inside organisation names), is cut at
//! days, months, titles and leading known places, and is then either a
//! gazetteer entry or a rule-found name whose kind is voted from its words and
//! its neighbours.

use super::ActorKind;
use super::cand::*;
use super::evidence::{Validity, is_document, validity, votes};
use super::lexicon::{GazClass, class::*};
use super::norm::{self};
use super::runs::{
    Rest, acronym_after, after_place, run_end, split_run, strip_leading, title_split, trim,
};
use super::token::{Shape, Tok};

/// Finds the names of one paragraph, appending them to `out`.
pub(crate) fn recognize(p: &Para, out: &mut Found) {
    let toks = p.toks;
    let headline = is_headline(toks);
    let results = is_results_line(toks);
    let mut st = State::default();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.shape == Shape::Punct {
            match t.ch {
                ',' | ';' | '.' | '!' | '?' => {
                    st.designate = false;
                    st.designation = false;
                }
                ':' => {
                    st.designate = false;
                    st.designation = false;
                    st.credit |= i > 0 && toks[i - 1].has(CREDIT);
                }
                ')' | ']' => st.credit = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if t.has(DESIGNATE) {
            st.designate = true;
        }
        if st.designate && p.is_word_ci(i, "as") {
            st.designation = true;
        }
        // "pro-Iranian", "anti-ISIS": the prefix is not part of the name.
        if t.has(PREFIX) && toks.get(i + 1).is_some_and(|n| n.joined && n.is_cap()) {
            i += 1;
            continue;
        }
        let starts = t.is_cap() || p.particles_before_cap(i).is_some();
        if !starts {
            i += 1;
            continue;
        }
        if let Some((from, end, past)) = road(p, i) {
            // A word before the road is not its name ("Take Route 66", "The NH-44").
            if from == i {
                let seg: Vec<usize> = (i..end).filter(|&k| toks[k].is_word()).collect();
                let mut votes = [0; 4];
                votes[kind_index(ActorKind::Place)] = 10;
                push(p, &seg, None, votes, false, false, false, &mut st, out);
                i = past;
            } else {
                i += 1;
            }
            continue;
        }
        let j = run_end(p, i);
        // "117th Street", "42nd Avenue": the ordinal is the name's first word.
        let from = if i > 0 && t.has(PLACE_TAIL) && ordinal(p, i - 1) {
            i - 1
        } else {
            i
        };
        // "sea surface salinity (SSS)": letters for common words name a term, not an actor.
        if let Some(letters) = term_acronym(p, i, j) {
            out.ignored.insert(letters);
            i = j;
            continue;
        }
        if st.credit || st.designation {
            i = j;
            continue;
        }
        let first = out.cands.len();
        process_run(p, (from, j), (headline, results), &mut st, out);
        i = definitions(p, i, j, first, &mut st, out).max(i + 1);
    }
}

/// A road named by its number from token `i` ("I-95", "US-75 South", "State Route 99"):
/// where its name starts and ends, and the end past a direction after it, which names one
/// carriageway of the same road.
fn road(p: &Para, i: usize) -> Option<(usize, usize, usize)> {
    // "The NH-44 connects ...", "said Monday Route 9": the article or the day is not the
    // road's. One word only, so a run of days costs no more than a word each.
    let skip = p.is_word_ci(i, "the") || p.toks.get(i)?.has(DAY | MONTH);
    if skip {
        return road_at(p, i + 1);
    }
    road_at(p, i)
}

/// A road whose name starts at token `i`, as [`road`] gives it.
fn road_at(p: &Para, i: usize) -> Option<(usize, usize, usize)> {
    let toks = p.toks;
    toks.get(i)?;
    let number = |k: usize| toks.get(k).is_some_and(|t| t.shape == Shape::Digit);
    let mut from = i;
    let end = if toks[i].has(ROAD_CODE) && number(i + 1) && toks[i + 1].joined {
        i + 2
    } else {
        // Other capitalised words may lead the road word ("State Route 99"), but not a day
        // or a title ("said Monday Route 9").
        let k = (i..(i + 4).min(toks.len()))
            .take_while(|&k| toks[k].is_cap() && !toks[k].has(DAY | MONTH | TITLE))
            .find(|&k| toks[k].has(ROAD_WORD))?;
        if !number(k + 1) || !toks[k + 1].space_before {
            return None;
        }
        let opener = toks[i].sent_start || toks[i].quote_start;
        let common = p.lex.case_of(&norm::fold(p.word(i))) == Some(true);
        if k > i && opener && common && !toks[i].has(GENERIC) {
            from = i + 1;
        }
        k + 2
    };
    // "Route 66-style": the number describes what follows.
    if toks.get(end).is_some_and(|t| t.joined) {
        return None;
    }
    // "I-44 West" names a carriageway; "I-95 North Carolina" a road and a state.
    let direction = toks
        .get(end)
        .is_some_and(|t| t.is_cap() && t.has(ROAD_DIRECTION) && !t.sent_start)
        && !toks
            .get(end + 1)
            .is_some_and(|t| t.is_cap() && !t.sent_start);
    // "SR-71 Blackbird", "Form I-9", "an I-485 application": a name or a form's word around
    // the number makes a model or a document of the letters.
    let named_after = toks.get(end).is_some_and(|t| {
        t.shape == Shape::Cap && !t.sent_start && !t.has(DAY | MONTH | ROAD_DIRECTION)
    });
    let thing_after = toks
        .get(end)
        .is_some_and(|t| t.shape == Shape::Lower && t.has(ROAD_FALSE));
    let form_before = p.prev_word(i).is_some_and(|b| p.is_word_ci(b, "form"));
    if named_after || thing_after || form_before {
        return None;
    }
    Some((from, end, end + usize::from(direction)))
}

/// ", R-Ky.,", "(D-N.Y.)": a party's letter joined to a state's after a lawmaker's name
/// ("D-Wave Quantum" and "R-Truth" are names).
fn party_label(p: &Para, seg: &[usize]) -> bool {
    let [first, second] = seg else {
        return false;
    };
    let opened = first
        .checked_sub(1)
        .is_some_and(|b| p.toks[b].is_punct(',') || p.toks[b].is_punct('('));
    p.toks[*first].has(PARTY_LETTER)
        && p.word(*first).chars().all(char::is_uppercase)
        && p.toks[*second].joined
        && opened
        && p.lex.state_abbreviation(p.word(*second))
}

/// "Wichita, KS", "Laval, QC", "Lawrence, Kan.": a state's or province's letters or
/// abbreviation after one of its towns and a comma name that state (not after a person, "Jane
/// Doe, MD", nor after a town of another country, "Palermo, PA").
fn state_code(p: &Para, k: usize, out: &Found) -> Option<u32> {
    if k < 2 || !p.toks[k - 1].is_punct(',') {
        return None;
    }
    let before = out
        .cands
        .last()
        .filter(|c| c.para == p.index && c.end == p.toks[k - 2].end)?;
    let town = norm::key(p.text.get(before.start..before.end)?, &p.lex.tables);
    match p.toks[k].shape {
        Shape::Upper => p.lex.state_of_town(&town, p.word(k)),
        // "Lawrence, Kan.", "Sacramento, Calif.": a newspaper's abbreviation.
        Shape::Cap if p.toks.get(k + 1).is_some_and(|t| t.is_punct('.')) => {
            p.lex.state_of_town_abbreviated(&town, p.word(k))
        }
        _ => None,
    }
}

/// A part of a known place named from it: "Upper Manhattan", "Northeast Ohio", "South Pacific".
fn part_of_place(p: &Para, seg: &[usize]) -> bool {
    let lead = seg
        .iter()
        .take_while(|&&k| p.toks[k].is_cap() && p.toks[k].has(PLACE_MOD))
        .count();
    // A town list's common word makes no place: "Northern Rock".
    let common = |k: &usize| p.lex.case_of(&norm::fold(p.word(*k))) == Some(true);
    (1..=2).contains(&lead)
        && lead < seg.len()
        && p.gaz(&seg[lead..])
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| {
                e.kind() == ActorKind::Place && !(e.generated && seg[lead..].iter().any(common))
            })
}

/// Whether token `k` is an ordinal written in digits ("117th", "2nd", "3rd", "21st").
fn ordinal(p: &Para, k: usize) -> bool {
    let w = p.word(k);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(
            w[digits..].to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
}

/// Cuts a run into name segments and emits them.
fn process_run(
    p: &Para,
    (i, j): (usize, usize),
    (headline, results): (bool, bool),
    st: &mut State,
    out: &mut Found,
) {
    let words: Vec<usize> = (i..j).filter(|&k| p.toks[k].is_word()).collect();
    // "Baltic Timber Council (BTC)": a definition spelled from the first word (after a
    // sentence's "The") is one name.
    let defined = acronym_after(p, j).is_some_and(|letters| {
        norm::acronym_start(&letters, &p.initials(p.without_the(&words))) == Some(0)
    });
    for (piece, sub_body) in split_run(p, &words) {
        let Some((seg, the_prefix, weak)) = strip_leading(p, piece) else {
            continue;
        };
        let parts = title_split(p, seg);
        let whole = parts.len() == 1;
        for (n, (part, titled)) in parts.into_iter().enumerate() {
            let ctx = Ctx {
                titled,
                the_prefix: the_prefix && n == 0 && part.first() == seg.first(),
                weak: weak && whole,
                headline,
                results,
                defined: defined && whole && piece.len() == words.len(),
                sub_body,
            };
            emit(p, part, ctx, st, out);
        }
    }
}

/// Emits the candidates of one segment.
fn emit(p: &Para, seg: &[usize], ctx: Ctx, st: &mut State, out: &mut Found) {
    let seg = trim(p, seg);
    // "Iván DeJesús, Jr": a generation after a comma belongs to the name before it; letters
    // in capitals may name a place ("Montreal, QC").
    let generation = |k: usize| p.toks[k].has(NAME_SUFFIX) && p.toks[k].shape == Shape::Cap;
    if seg.is_empty() || seg.iter().all(|&k| generation(k)) {
        return;
    }
    if party_label(p, seg) {
        return;
    }
    if let [k] = seg
        && let Some(g) = state_code(p, *k, out)
    {
        push_gaz(p, seg, g, st, out);
        return;
    }
    // "Sydney (AAP)": the agency of a dateline, which ends its paragraph after a place.
    // A generated town list's word ("Nan") counts for nothing there.
    if let [k] = seg
        && dateline_agency(p, *k)
        && p.gaz(seg)
            .is_none_or(|g| p.lex.entry(g).is_some_and(|e| e.generated))
    {
        let (mut votes, _) = votes(p, seg, ctx, st, out);
        votes[O] += 6;
        push(p, seg, None, votes, false, true, ctx.titled, st, out);
        return;
    }
    // "Kamil Wasowicz (POL) 2:11:42": a competitor's nation by its code, before a time (team
    // and party codes, "Nikola Jokic (DEN) 29.6", are no nations).
    if let [k] = seg
        && result_code(p, *k)
        && timed(p, *k + 2)
        && let Some(g) = p.lex.nation_of_code(p.word(*k))
    {
        push_gaz(p, seg, g, st, out);
        return;
    }
    if let [k] = seg
        && p.toks[*k].shape == Shape::Upper
    {
        let law = norm::acronym_letters(p.word(*k)).is_some_and(|l| out.ignored.contains(&l));
        let unknown = p.gaz(seg).is_none();
        // "US$ 10 billion", "HK$5": a currency, not the country.
        let currency = p
            .toks
            .get(*k + 1)
            .is_some_and(|t| t.is_punct('$') && !t.space_before);
        if law || currency || model_name(p, *k) || (unknown && (counted(p, *k) || shouted(p, *k))) {
            return;
        }
    }
    if !ctx.titled {
        if let Some(g) = p.gaz(seg) {
            // "The Iranian leadership": "The" belongs to the gazetteer name only if
            // the name itself has it ("The Hague").
            let own_the = p.lex.entry(g).is_some_and(|e| e.name.starts_with("The "));
            let seg = if ctx.the_prefix && !own_the {
                &seg[1..]
            } else {
                seg
            };
            push_gaz(p, seg, g, st, out);
            return;
        }
        // "Alaska Airlines Boeing 737", "Qatar Airways Airbus A350": a body's name ends at
        // its organisation word before a known company's.
        if let Some(i) = (2..seg.len()).find(|&i| {
            let tail = p.toks[seg[i - 1]];
            tail.is_cap()
                && tail.has(ORG_TAIL)
                && p.gaz(&seg[i..=i])
                    .and_then(|g| p.lex.entry(g))
                    .is_some_and(|e| e.class == GazClass::Org && !e.generated)
        }) {
            emit(p, &seg[..i], ctx, st, out);
            let ctx = Ctx {
                the_prefix: false,
                ..ctx
            };
            emit(p, &seg[i..], ctx, st, out);
            return;
        }
        // Not a team: "Central Michigan beat Western Michigan".
        if part_of_place(p, seg) && !team_cue(p, seg) {
            let mut votes = [0; 4];
            votes[kind_index(ActorKind::Place)] = 10;
            push(p, seg, None, votes, false, false, false, st, out);
            return;
        }
        for m in (1..seg.len()).rev().filter(|_| !ctx.defined) {
            let (head, rest) = seg.split_at(m);
            if p.toks[head[m - 1]].shape == Shape::Lower {
                continue;
            }
            let Some(g) = p
                .gaz(head)
                .filter(|&g| p.lex.entry(g).is_some_and(|e| !e.generated))
            else {
                continue;
            };
            // Only a place is peeled off: "Volvo Cars" is one name; but a model
            // number leaves the maker alone ("Airbus A321 XLR").
            if p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org) {
                if p.word(rest[0]).chars().any(|c| c.is_ascii_digit()) {
                    push_gaz(p, head, g, st, out);
                    return;
                }
                continue;
            }
            // "Chad Smith", "Austin Powers": a given name, not a place.
            if m == 1 && p.toks[head[0]].has(GIVEN) && seg.len() <= 3 {
                break;
            }
            match after_place(p, head, rest) {
                Rest::Proper => {
                    push_gaz(p, head, g, st, out);
                    let ctx = Ctx {
                        the_prefix: false,
                        ..ctx
                    };
                    emit(p, rest, ctx, st, out);
                    return;
                }
                Rest::Descriptive => {
                    push_gaz(p, head, g, st, out);
                    return;
                }
                Rest::Tail => break,
            }
        }
    }
    // "Goran Ivanisevic ( Croatia ) beat ...", "Gamba Osaka 0 Urawa Reds 3": an entry of a
    // results list (whose line of capitals may read like a headline); the nation or the score
    // after it makes the name a competitor, a person when a given name opens it.
    // "Tigst Assefa (ETH) 2:13:50": a nation's or club's code before a result marks a
    // competitor too.
    let coded = seg.last().is_some_and(|&l| result_code(p, l + 2)) && personal(p, seg);
    // "Guaraní 1, Nacional 1": a one-word side of a match is a team.
    let side = ctx.results
        && seg.len() == 1
        && seg
            .last()
            .is_some_and(|&l| is_score(p.toks, l + 1) && is_match_line(p.toks))
        // "Jokic 32, Murray 21" scores people: a family or given name is no team.
        && !p.toks[seg[0]].has(GIVEN | STOP | NAME_GIVEN | NAME_FAMILY);
    if side {
        let (mut votes, _) = votes(p, seg, ctx, st, out);
        votes[O] += 6;
        push(p, seg, None, votes, false, false, ctx.titled, st, out);
        return;
    }
    if (ctx.headline || ctx.results || coded) && seg.len() >= 2 {
        let nation = nation_after(p, seg) || coded;
        let scored = ctx.results
            && seg
                .last()
                .and_then(|&l| p.toks.get(l + 1))
                .is_some_and(|t| t.shape == Shape::Digit);
        if nation || scored {
            let (mut votes, _) = votes(p, seg, ctx, st, out);
            if nation || p.toks[seg[0]].has(GIVEN) {
                // A code and a result are as sure a sign as a title.
                votes[P] += if coded { 6 } else { 3 };
            } else if is_match_line(p.toks) {
                // A side of a match ("Cerro Porteño 1") is a team.
                votes[O] += 6;
            } else {
                votes[O] += 3;
            }
            push(p, seg, None, votes, false, false, ctx.titled, st, out);
            return;
        }
    }
    // Headline words are capitalised anyway: only known names inside them count.
    // The classifier weighs a rule-found headline name only when the line holds no known one.
    if ctx.headline {
        let before = out.cands.len();
        known_inside(p, seg, true, st, out);
        if out.cands.len() == before && validity(p, seg, false, false) != Validity::Invalid {
            let (votes, _) = votes(p, seg, ctx, st, out);
            let acronym = seg.len() == 1 && p.toks[seg[0]].shape == Shape::Upper;
            push(p, seg, None, votes, true, acronym, ctx.titled, st, out);
        }
        return;
    }
    // "Ericsson AB", "Hezbollah movement": a known actor with a generic tail. A known place
    // with a company's tail is a company of its own ("Qatar Group", "Lagos Holdings").
    if !ctx.titled
        && seg.len() > 1
        && let Some(g) = p.gaz_core(seg)
        && !(p.lex.entry(g).is_some_and(|e| e.class != GazClass::Org)
            && seg.last().is_some_and(|&l| p.toks[l].has(ORG_TAIL)))
    {
        push_gaz(p, seg, g, st, out);
        return;
    }
    // "her YouTube channel" only says this mention is no actor; "the drug Wegovy" says
    // the name is a product wherever the article uses it.
    if owned_thing(p, seg) {
        return;
    }
    if product(p, seg) {
        let key = norm::key(p.surface(seg), &p.lex.tables);
        out.products.insert(key);
        return;
    }
    let validity = validity(p, seg, ctx.the_prefix, ctx.sub_body);
    if validity == Validity::Invalid {
        // "Battle of Mosul", "Iran-Iraq War": the event is no actor, its places are; a
        // nationality only describes it ("Asian Games", "French Open").
        if is_document(p, seg) {
            known_inside(p, seg, false, st, out);
        }
        return;
    }
    let (votes, cued) = votes(p, seg, ctx, st, out);
    let weak = ctx.headline || validity == Validity::Weak || (ctx.weak && !cued);
    let acronym = seg.len() == 1 && p.toks[seg[0]].shape == Shape::Upper;
    push(p, seg, None, votes, weak, acronym, ctx.titled, st, out);
}

/// A known country or place in brackets right after the name: "Sampras ( U.S. )".
fn nation_after(p: &Para, seg: &[usize]) -> bool {
    let Some(&last) = seg.last() else {
        return false;
    };
    let toks = p.toks;
    if !toks.get(last + 1).is_some_and(|t| t.is_punct('(')) {
        return false;
    }
    let Some(close) = (last + 2..toks.len().min(last + 8)).find(|&k| toks[k].is_punct(')')) else {
        return false;
    };
    let inside: Vec<usize> = (last + 2..close).collect();
    !inside.is_empty()
        && p.gaz(&inside)
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class != GazClass::Org)
}

/// "its Blackwell processors", "their Model Y cars": a product or brand that
/// something owns, named before a common noun, is no actor.
fn owned_thing(p: &Para, seg: &[usize]) -> bool {
    let toks = p.toks;
    let (Some(&first), Some(&last)) = (seg.first(), seg.last()) else {
        return false;
    };
    let owner = p.prev_word(first).is_some_and(|b| {
        ["its", "their", "his", "her", "our", "my", "your"]
            .iter()
            .any(|w| p.is_word_ci(b, w))
    });
    // A body's own word names a body, not a thing it owns: "his National Unity Platform
    // party", "their Fidesz party".
    let noun = toks.get(last + 1).is_some_and(|n| {
        n.shape == Shape::Lower && n.space_before && !n.has(STOP | SAY | CONNECTOR | ORG_TAIL)
    });
    owner && noun && !toks[last].poss
}

/// "the drug Wegovy", "the film Oppenheimer": a name after a product noun.
fn product(p: &Para, seg: &[usize]) -> bool {
    let toks = p.toks;
    seg.first()
        .and_then(|&k| p.prev_word(k))
        .is_some_and(|b| toks[b].shape == Shape::Lower && toks[b].has(PRODUCT))
}

/// Capitals after a name and a number are a model: "Boeing 737 MAX".
fn model_name(p: &Para, k: usize) -> bool {
    let toks = p.toks;
    k >= 2 && toks[k - 1].shape == Shape::Digit && toks[k - 2].is_cap()
}

/// Capitals beside a number are a unit or currency: "25 CUC", "3 RBI", "USD 20".
fn counted(p: &Para, k: usize) -> bool {
    let toks = p.toks;
    let year = |d: usize| {
        let w = p.word(d);
        w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1000..2100).contains(&y))
    };
    let after_number =
        k > 0 && toks[k].space_before && toks[k - 1].shape == Shape::Digit && !year(k - 1);
    let before_number = p.word(k).chars().count() == 3
        && toks
            .get(k + 1)
            .is_some_and(|n| n.shape == Shape::Digit && n.space_before && !year(k + 1));
    after_number || before_number
}

/// Capitals in brackets after a name and before a result mark a competitor and the
/// nation or club they stand for: "Tigst Assefa (ETH) 2:13:50", "Rohan Blake (MVP) 9.84".
/// The letters themselves stay a name to weigh: a club's are its name ("MVP Track Club").
fn result_code(p: &Para, k: usize) -> bool {
    let toks = p.toks;
    k >= 2
        && k + 2 < toks.len()
        && toks[k].shape == Shape::Upper
        && p.word(k).chars().count() == 3
        && toks[k - 1].is_punct('(')
        && toks[k + 1].is_punct(')')
        && toks[k + 2].shape == Shape::Digit
        && toks[k - 2].shape == Shape::Cap
}

/// Capitals in brackets that end the first paragraph right after a known place: the agency
/// of a dateline ("Sydney (AAP)", "Douala, Cameroon (AP)").
fn dateline_agency(p: &Para, k: usize) -> bool {
    let toks = p.toks;
    p.index == 0
        && k >= 2
        && k + 2 == toks.len()
        && toks[k].shape == Shape::Upper
        && toks[k - 1].is_punct('(')
        && toks[k + 1].is_punct(')')
        && (1..=3).filter(|&n| n < k).any(|n| {
            let place: Vec<usize> = (k - 1 - n..k - 1).collect();
            p.gaz(&place)
                .and_then(|g| p.lex.entry(g))
                .is_some_and(|e| e.class != GazClass::Org)
        })
}

/// A time starts at `k`: "2:11:42", "30:44.12".
fn timed(p: &Para, k: usize) -> bool {
    let toks = p.toks;
    let glued = |x: usize| toks.get(x).is_some_and(|t| !t.space_before);
    toks.get(k).is_some_and(|t| t.shape == Shape::Digit)
        && toks.get(k + 1).is_some_and(|t| t.is_punct(':'))
        && glued(k + 1)
        && glued(k + 2)
}

/// Two or three words that could only be a person's name: none known, none a body's or a
/// place's word ("Jatiya Party", "Kenya Police", "Team Visma" are teams and parties).
fn personal(p: &Para, seg: &[usize]) -> bool {
    let naming = ORG_TAIL | ORG_HEAD | ORG_NOUN | PLACE_TAIL | PLACE_HEAD | GENERIC | CLUB;
    (2..=3).contains(&seg.len())
        && seg.iter().all(|&k| {
            // A word of the generated town list may well be a family name ("Hassan").
            let listed = p
                .gaz(&[k])
                .and_then(|g| p.lex.entry(g))
                .is_some_and(|e| !e.generated);
            p.toks[k].shape == Shape::Cap && !p.toks[k].has(naming) && !listed
        })
        && p.gaz(seg).is_none()
        && p.gaz_core(seg).is_none()
}

/// A common English word in capitals is emphasis or a heading: "a HUGE collector", "WHEREAS".
fn shouted(p: &Para, k: usize) -> bool {
    let w = p.word(k);
    w.chars().count() >= 4 && p.lex.case_of(&norm::fold(w)) == Some(true)
}

/// Letters in brackets that spell the lowercase words before them ("ground reaction force
/// (GRF)", "light-emitting diode (LED)"): a term of the text.
fn term_acronym(p: &Para, i: usize, j: usize) -> Option<String> {
    let toks = p.toks;
    let open = i.checked_sub(1)?;
    if j != i + 1 || toks[i].shape != Shape::Upper || !toks[open].is_punct('(') {
        return None;
    }
    if !toks.get(j).is_some_and(|t| t.is_punct(')')) {
        return None;
    }
    let letters = norm::acronym_letters(p.word(i))?;
    let mut words = Vec::new();
    for k in (open.saturating_sub(16)..open).rev() {
        let t = toks[k];
        // A sentence may open with the term: "Foreign direct investment (FDI) rose".
        let opener = t.sent_start
            && t.shape == Shape::Cap
            && p.lex.case_of(&norm::fold(p.word(k))) == Some(true);
        if !t.is_word() || !(t.shape == Shape::Lower || opener) {
            break;
        }
        words.push(k);
        if opener {
            break;
        }
    }
    words.reverse();
    let initials: Vec<norm::Initial> = words
        .iter()
        .map(|&k| norm::Initial {
            letter: p
                .word(k)
                .chars()
                .flat_map(char::to_lowercase)
                .next()
                .unwrap_or(' '),
            // Small words and the second half of "light-emitting" may go unspelled.
            skippable: toks[k].has(STOP | CONNECTOR) || toks[k].joined,
        })
        .collect();
    norm::acronym_start(&letters, &initials).map(|_| letters)
}

/// Emits the gazetteer names inside a run, longest first from each word; nationalities
/// ("Asian") only with `demonyms`.
fn known_inside(p: &Para, seg: &[usize], demonyms: bool, st: &mut State, out: &mut Found) {
    let mut x = 0;
    while x < seg.len() {
        let found = (x + 1..=seg.len().min(x + 6))
            .rev()
            .find_map(|y| p.gaz(&seg[x..y]).map(|g| (y, g)));
        match found {
            Some((y, g)) => {
                let key = norm::key(p.surface(&seg[x..y]), &p.lex.tables);
                if demonyms || !p.lex.is_demonym(&key) {
                    push_gaz(p, &seg[x..y], g, st, out);
                }
                x = y;
            }
            None => x += 1,
        }
    }
}

/// Pushes a gazetteer candidate; a name from a generated place list is a place found by
/// rule, merged by its spelling like any other ("Babil" and "Babel").
fn push_gaz(p: &Para, seg: &[usize], g: u32, st: &mut State, out: &mut Found) {
    let mut votes = [0; 4];
    let entry = p.lex.entry(g);
    let generated = entry.is_some_and(|e| e.generated);
    if let Some(e) = entry {
        // Thirty thousand towns share names with people ("Lami", "Houston"): a listed town is
        // a hint the classifier weighs, not a certainty.
        votes[kind_index(e.kind())] += if generated { 2 } else { 10 };
    }
    let acronym = seg.len() == 1 && p.toks[seg[0]].shape == Shape::Upper;
    let gaz = (!generated).then_some(g);
    push(p, seg, gaz, votes, false, acronym, false, st, out);
    if let Some(c) = out.cands.last_mut() {
        c.listed = generated.then_some(g);
    }
    // Cities and provinces field teams ("Liverpool", "Leinster"); countries'
    // teams stay their country.
    // Only well-known cities field teams: a listed small town is more often a surname
    // ("Al-Lami, who had warned").
    let town = entry.is_some_and(|e| matches!(e.class, GazClass::City | GazClass::Region));
    // A side of a match is a team even where the town is a small one, unless the name is a
    // family name too ("Murray 21" scores a player).
    let side = seg
        .last()
        .is_some_and(|&l| is_score(p.toks, l + 1) && is_match_line(p.toks))
        && !seg.iter().any(|&k| p.toks[k].has(NAME_FAMILY | GIVEN));
    if town
        && (side || (!generated && team_cue(p, seg)))
        && let Some(c) = out.cands.last_mut()
    {
        c.team = true;
    }
}

/// A city named as a sports team: "Liverpool, who play", "Liverpool manager
/// Arne Slot", "beat Liverpool", "drew with Liverpool".
fn team_cue(p: &Para, seg: &[usize]) -> bool {
    let toks = p.toks;
    let (Some(&first), Some(&last)) = (seg.first(), seg.last()) else {
        return false;
    };
    let after = p.next_tok(last).filter(|_| !toks[last].poss);
    let who = after.is_some_and(|a| toks[a].is_punct(',') && p.is_word_ci(a + 1, "who"));
    let cue_after = after.is_some_and(|a| toks[a].shape == Shape::Lower && toks[a].has(TEAM_AFTER));
    let before = p
        .prev_word(first)
        .filter(|&b| toks[b].shape == Shape::Lower);
    let cue_before = before.is_some_and(|b| {
        toks[b].has(TEAM_BEFORE)
            || (["with", "to", "over", "against"]
                .iter()
                .any(|w| p.is_word_ci(b, w))
                && p.prev_word(b).is_some_and(|c| toks[c].has(TEAM_LINKED)))
    });
    who || cue_after || cue_before
}

#[allow(clippy::too_many_arguments)]
fn push(
    p: &Para,
    seg: &[usize],
    gaz: Option<u32>,
    votes: Votes,
    weak: bool,
    acronym: bool,
    titled: bool,
    st: &mut State,
    out: &mut Found,
) {
    let (Some(&a), Some(&b)) = (seg.first(), seg.last()) else {
        return;
    };
    st.last = Some((out.cands.len(), b + 1));
    st.last_words.clear();
    st.last_words.extend_from_slice(seg);
    out.cands.push(Cand {
        para: p.index,
        start: p.toks[a].start,
        end: p.toks[b].end,
        gaz,
        votes,
        weak,
        acronym,
        titled,
        team: false,
        rejected: false,
        listed: None,
    });
}

/// Acronym definitions and parenthesised alternatives after a run; returns where to go on.
fn definitions(
    p: &Para,
    i: usize,
    j: usize,
    first: usize,
    st: &mut State,
    out: &mut Found,
) -> usize {
    let toks = p.toks;
    let pending = st.paren.take();
    let pending_comma = st.comma.take();
    let Some(last) = out.cands.len().checked_sub(1).filter(|&c| c >= first) else {
        // "Digital Markets Act (DMA)": the letters name a law, not an actor.
        let words: Vec<usize> = (i..j).filter(|&k| toks[k].is_word()).collect();
        if is_document(p, &words)
            && let Some(letters) = acronym_after(p, j)
        {
            out.ignored.insert(letters);
        }
        return j;
    };
    // "The Swedish Transport Administration, Trafikverket, closed ...": a
    // second name for the organisation just named.
    if let Some((before, comma)) = pending_comma
        && comma + 1 == i
        && out.cands.len() - first == 1
        && apposed_name(p, i, j)
        && out.cands.get(before).is_some_and(|c| org_like(p, c))
        && out.cands[last].gaz.is_none()
    {
        out.links.push((before, last));
    }
    // "X (Y)": this run filled the parentheses opened after X.
    if let Some((before, open)) = pending
        && open + 1 == i
        && out.cands.len() - first == 1
    {
        let mut close = j;
        if toks
            .get(close)
            .is_some_and(|t| t.joined && t.shape == Shape::Upper)
        {
            close += 1;
        }
        if toks.get(close).is_some_and(|t| t.is_punct(')')) {
            link_paren(p, before, last, st, out);
        }
    }
    let words = st.last_words.clone();
    let spells = |k: usize| {
        norm::acronym_letters(p.word(k))
            .filter(|l| norm::acronym_start(l, &p.initials(&words)).is_some())
    };
    // "Popular Mobilization Forces-PMF".
    if toks
        .get(j)
        .is_some_and(|t| t.joined && t.shape == Shape::Upper)
        && let Some(letters) = spells(j)
    {
        push_acronym(p, j, last, letters, out);
        return j + 1;
    }
    // "Harbour Pilots Union (HPU)"; "Swedish Civil Contingencies Agency (MSB)"
    // abbreviates the name in its own language.
    if toks.get(j).is_some_and(|t| t.is_punct('('))
        && toks.get(j + 1).is_some_and(|t| t.shape == Shape::Upper)
        && toks.get(j + 2).is_some_and(|t| t.is_punct(')'))
    {
        let foreign = || {
            let known = p.gaz(&[j + 1]).is_some();
            let org = words.len() >= 2 && out.cands.get(last).is_some_and(|c| org_like(p, c));
            (org && !known)
                .then(|| norm::acronym_letters(p.word(j + 1)))
                .flatten()
        };
        // "Indonesia (INA)", "Japan (JPN)": a country's three-letter code in sport and trade.
        let code = || {
            let country = out.cands.get(last).is_some_and(|c| {
                c.gaz
                    .and_then(|g| p.lex.entry(g))
                    .is_some_and(|e| e.class == GazClass::Country)
            });
            let name = out
                .cands
                .get(last)
                .and_then(|c| p.text.get(c.start..c.end))
                .unwrap_or("");
            (country && country_code(name, p.word(j + 1)))
                .then(|| norm::acronym_letters(p.word(j + 1)))
                .flatten()
        };
        if let Some(letters) = spells(j + 1).or_else(foreign).or_else(code) {
            push_acronym(p, j + 1, last, letters, out);
            return j + 3;
        }
    }
    if toks.get(j).is_some_and(|t| t.is_punct('(')) {
        st.paren = Some((last, j));
    }
    if toks.get(j).is_some_and(|t| t.is_punct(',')) {
        st.comma = Some((last, j));
    }
    j
}

/// Three capitals that open a country's name and follow it letter by letter ("INA" of
/// "Indonesia", "NED" of "Netherlands"), as country codes do; "AFP" after "France" does not.
fn country_code(name: &str, code: &str) -> bool {
    let upper = |c: char| c.to_uppercase().next().unwrap_or(c);
    let mut letters = name.chars().filter(|c| c.is_alphabetic()).map(upper);
    let mut want = code.chars();
    if code.chars().count() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    if letters.next() != want.next() {
        return false;
    }
    want.all(|w| letters.any(|l| l == w))
}

/// An organisation: known, or voted one with some certainty.
fn org_like(p: &Para, c: &Cand) -> bool {
    match c.gaz.and_then(|g| p.lex.entry(g)) {
        Some(e) => e.class == GazClass::Org,
        None => leading_kind(&c.votes).0 == ActorKind::Organization && c.votes[O] >= 4,
    }
}

/// The run `i..j` is one word set off by commas before a verb: ", Trafikverket, closed".
fn apposed_name(p: &Para, i: usize, j: usize) -> bool {
    let toks = p.toks;
    let one_word = j == i + 1 && toks[i].shape == Shape::Cap;
    let closed = toks.get(j).is_some_and(|t| t.is_punct(','));
    let verb_next = toks.get(j + 1).is_some_and(|t| {
        t.shape == Shape::Lower && !t.has(STOP | CONNECTOR) && !t.has(PERSON_NOUN | ORG_NOUN)
    });
    one_word && closed && verb_next
}

/// Links "X (Y)" when X and Y can be one actor; "ACR (Long Name)" defines ACR.
fn link_paren(p: &Para, a: usize, b: usize, st: &State, out: &mut Found) {
    let (Some(ca), Some(cb)) = (out.cands.get(a), out.cands.get(b)) else {
        return;
    };
    let same = match (ca.gaz, cb.gaz) {
        (Some(x), Some(y)) => x == y,
        // "Nassim Benmebarek (Madar Cycling Team)" in a results list names a rider and his
        // team: a name shaped as an organisation's is no other spelling of a given name's.
        _ => {
            let (ka, kb) = (leading_kind(&ca.votes).0, leading_kind(&cb.votes).0);
            let person_and_org = |x: &Cand, y: &Cand| {
                org_shaped(p, x) == Some(true) && org_shaped(p, y) == Some(false) && given(p, y)
            };
            (ka == kb || ka == ActorKind::Other || kb == ActorKind::Other)
                && !person_and_org(ca, cb)
                && !person_and_org(cb, ca)
        }
    };
    if ca.acronym && !cb.acronym {
        let letters = p.text.get(ca.start..ca.end).and_then(norm::acronym_letters);
        if let Some(l) = letters
            && norm::acronym_start(&l, &p.initials(&st.last_words)).is_some()
        {
            out.acronyms.push((l, b));
            out.links.push((a, b));
        }
        return;
    }
    if same && !ca.acronym && !cb.acronym {
        out.links.push((a, b));
    }
}

/// The word tokens of a candidate.
fn cand_words<'t>(p: &Para<'t>, c: &Cand) -> Vec<&'t Tok> {
    let toks = p.toks;
    let from = toks.partition_point(|t| t.start < c.start);
    toks[from..]
        .iter()
        .take_while(|t| t.end <= c.end)
        .filter(|t| t.is_word())
        .collect()
}

/// A name that opens with a given name ("Nassim Benmebarek"; "al-Hashd" opens with a particle).
fn given(p: &Para, c: &Cand) -> bool {
    let words = cand_words(p, c);
    words
        .first()
        .is_some_and(|t| t.shape == Shape::Cap && t.has(GIVEN | NAME_GIVEN) && !t.has(PARTICLE))
}

/// Whether a name of two words or more is one that an organisation's word opens or closes
/// ("Bank of ...", "... Cycling Team"); nothing for one word ("Supo", "Naturvernforbundet").
fn org_shaped(p: &Para, c: &Cand) -> Option<bool> {
    let words = cand_words(p, c);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return None;
    };
    (words.len() > 1).then(|| first.has(ORG_HEAD) || last.has(ORG_TAIL | ORG_NOUN))
}

/// Pushes an acronym defined by candidate `long`.
fn push_acronym(p: &Para, k: usize, long: usize, letters: String, out: &mut Found) {
    let t = p.toks[k];
    // A definition in the text beats the gazetteer's meaning of the letters.
    let long_gaz = out.cands.get(long).and_then(|c| c.gaz);
    let gaz = p.gaz(&[k]).filter(|&g| Some(g) == long_gaz);
    let mut votes = [0; 4];
    if let Some(c) = out.cands.get(long) {
        votes[kind_index(leading_kind(&c.votes).0)] += 1;
    }
    let idx = out.cands.len();
    out.cands.push(Cand {
        para: p.index,
        start: t.start,
        end: t.end,
        gaz,
        votes,
        weak: false,
        acronym: true,
        titled: false,
        team: false,
        rejected: false,
        listed: None,
    });
    out.links.push((long, idx));
    out.acronyms.push((letters, long));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_follow_the_name() {
        assert!(country_code("Indonesia", "INA"));
        assert!(country_code("Netherlands", "NED"));
        assert!(country_code("Japan", "JPN"));
        assert!(!country_code("France", "AFP"));
        assert!(!country_code("Germany", "GERM"));
        assert!(!country_code("Spain", "ESP"));
    }

    #[test]
    fn kinds_lead_by_votes_with_organisations_first_on_ties() {
        assert_eq!(leading_kind(&[0, 0, 0, 0]), (ActorKind::Other, 0));
        assert_eq!(leading_kind(&[3, 1, 0, 0]), (ActorKind::Person, 3));
        assert_eq!(leading_kind(&[6, 6, 6, 0]).0, ActorKind::Organization);
        assert_eq!(leading_kind(&[0, 0, 5, 9]).0, ActorKind::Other);
    }

    #[test]
    fn headlines_are_title_case_lines_without_a_full_stop() {
        let head = |t: &str| with_para(t, |p| is_headline(p.toks));
        assert!(head("What Happens Next For Markets"));
        assert!(head("BREAKING: EQUINOR SHARES SURGE"));
        assert!(!head("Oil prices rose in Oslo on Monday."));
        assert!(!head("The Green Party Won Big."));
        assert!(!head("Oslo"));
        // A heading glued to the end of prose does not make the prose a headline.
        assert!(!head("Goode met Sophie Dymoke. Career"));
        assert!(head("Develop a Personal \"Should I Buy This?\" Test"));
        assert!(head("U.S. Stocks Rally As Oil Falls"));
        assert!(head("Microsoft Unveils Windows 11"));
        assert!(head("Apple Shares Rise 5 Percent In Tokyo"));
        // Rows of results hold names, not headline words.
        assert!(!head("Kashima Antlers 2 Yokohama Flugels 1"));
        assert!(!head("Sifan Hassan (Netherlands) 30:44.12"));
        let results = |t: &str| with_para(t, |p| is_results_line(p.toks));
        assert!(results("Sifan Hassan (Netherlands) 30:44.12"));
        assert!(results("Kashima Antlers 2 Yokohama Flugels 1"));
        assert!(!results("Microsoft Unveils Windows 11"));
        assert!(!results("Apple Shares Rise 5 Percent In Tokyo"));
    }

    /// Surfaces of the candidates found in `text`.
    fn found(text: &str) -> Vec<String> {
        with_para(text, |p| {
            let mut out = Found::default();
            recognize(p, &mut out);
            out.cands
                .iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect()
        })
    }

    #[test]
    fn an_ordinal_before_a_street_is_part_of_its_name() {
        let streets = found("on the corner of 117th Street and 97th Avenue, then 42nd Street");
        assert_eq!(streets, ["117th Street", "97th Avenue", "42nd Street"]);
        assert!(ordinal_of("21st") && ordinal_of("3RD") && !ordinal_of("117") && !ordinal_of("th"));
    }

    fn ordinal_of(word: &str) -> bool {
        with_para(word, |p| ordinal(p, 0))
    }

    #[test]
    fn definitions_link_acronyms_and_translations() {
        with_para(
            "members of the Harbour Pilots Union (HPU) met al-Hashd (Popular Forces-PF) here.",
            |p| {
                let mut out = Found::default();
                recognize(p, &mut out);
                let letters: Vec<&str> = out.acronyms.iter().map(|(l, _)| l.as_str()).collect();
                assert_eq!(letters, ["hpu", "pf"]);
                assert_eq!(out.links.len(), 3, "{:?}", out.links);
            },
        );
    }

    #[test]
    fn single_word_lookups_match_the_slow_path() {
        let text = "US and Us, the UK, Oslo, Hizbollah, Al, The, Kurdistan, WHO, Who, \
                    Equinor, Tromsø, Mohamad, Co, County, Labour, NATO, Nato, EU, E.ON";
        with_para(text, |p| {
            for k in (0..p.toks.len()).filter(|&k| p.toks[k].is_cap()) {
                let surface = p.word(k);
                let key = norm::key(surface, &p.lex.tables);
                let caps = !surface.chars().any(char::is_lowercase);
                let slow = (!key.is_empty()).then(|| p.lex.gaz(&key, caps)).flatten();
                assert_eq!(p.gaz(&[k]), slow, "{surface}");
            }
        });
    }

    #[test]
    fn credits_and_designations_are_skipped() {
        assert_eq!(
            found("Oslo (Photo: Ola Nordmann/ NTB) and Bergen"),
            ["Oslo", "Bergen"]
        );
        assert_eq!(
            found("designated by Norway as Foreign Terrorist Organizations."),
            ["Norway"]
        );
    }
}
