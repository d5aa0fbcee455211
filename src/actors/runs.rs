//! Runs of name words: where a run of capitals starts and ends, and how it is
//! cut into names (days, months, sentence openers, titles, "of" before another
//! organisation).

use super::cand::{MAX_RUN, Para};
use super::lexicon::{GazClass, class::*};
use super::norm;
use super::token::{Shape, Tok};

/// What follows a known place at the start of a run.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Rest {
    /// A name of its own ("Iraqi | Wafa Movement").
    Proper,
    /// Tails that make the whole one name ("American Airlines").
    Tail,
    /// Only descriptive words ("Iraqi | Islamic").
    Descriptive,
}

/// End (exclusive) of the run of name words starting at `i`.
pub(crate) fn run_end(p: &Para, i: usize) -> usize {
    let toks = p.toks;
    let mut k = i + 1;
    let mut words = 1;
    while k < toks.len() && words < MAX_RUN {
        let prev = toks[k - 1];
        let t = toks[k];
        if prev.is_word() && prev.poss && !inner_possessive(p, k - 1) {
            break;
        }
        match t.shape {
            Shape::Cap | Shape::Upper => {
                if t.sent_start || (!t.joined && !t.space_before && prev.is_word()) {
                    break;
                }
                if t.joined && t.shape == Shape::Upper && acronym_defines(p, i, k) {
                    break;
                }
                // "Take I-44": a road's letters start a name of their own.
                let road_code = t.has(ROAD_CODE)
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.joined && n.shape == Shape::Digit);
                if road_code {
                    break;
                }
                k += 1;
                words += 1;
            }
            Shape::Lower => {
                if let Some(n) = hyphen_links(p, k) {
                    k += n;
                    words += n;
                    continue;
                }
                if t.joined && !syllable_tail(p, i, k) {
                    break;
                }
                if t.joined {
                    k += 1;
                    words += 1;
                    continue;
                }
                if let Some(n) = p.particles_before_cap(k) {
                    k += n;
                    words += n;
                    continue;
                }
                match connector_span(p, i, k) {
                    Some(n) => {
                        k += n;
                        words += n;
                    }
                    None => break,
                }
            }
            Shape::Punct => {
                let glued = !t.space_before;
                if t.ch == '.' && glued && abbreviation_in_run(p, k) {
                    k += 1;
                    continue;
                }
                // "Procter & Gamble" and "H&M" are one name; "Miller & Robertson" in a
                // citation are two people unless the gazetteer knows the pair.
                let spaced = t.space_before && toks.get(k + 1).is_some_and(|n| n.space_before);
                let known = || {
                    p.gaz(
                        &(i..(k + 2).min(toks.len()))
                            .filter(|&x| toks[x].is_word())
                            .collect::<Vec<_>>(),
                    )
                    .is_some()
                };
                if t.ch == '&' && prev.is_cap() && p.cap_follows(k) && (!spaced || known()) {
                    k += 1;
                    continue;
                }
                if t.ch == ',' && glued {
                    if let Some(n) = fields_of_body(p, i, k) {
                        k += n;
                        words += n;
                        continue;
                    }
                }
                // A nickname in quotes inside a name: Ferdinand "Bongbong" Marcos Jr.
                // Only after a first name, the run's first word or one after a title
                // (`President Ferdinand "Bongbong" Marcos`): `Taylor Swift "Eras" Tour` and
                // `Universal Pictures "Oppenheimer"` name a work.
                let first_name = k == i + 1 || (k == i + 2 && toks[i].has(TITLE));
                if first_name
                    && !toks[k - 1].has(ORG_TAIL | GENERIC | TITLE)
                    && let Some(n) = quoted_nickname(p, k)
                {
                    k += n;
                    words += 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    // A run ends on a name word, never on a particle or a period.
    while k > i + 1 && !toks[k - 1].is_cap() && !(toks[k - 1].joined && syllable_tail(p, i, k - 1))
    {
        k -= 1;
    }
    k
}

/// At an opening quote inside a name (`Ferdinand "Bongbong" Marcos`, `Joaquín "El Chapo"
/// Guzmán`): the tokens up to the name word after the closing quote, when one or two
/// capitalised words stand between the quotes.
fn quoted_nickname(p: &Para, k: usize) -> Option<usize> {
    let toks = p.toks;
    let quote = |t: &Tok, chars: &[char]| t.shape == Shape::Punct && chars.contains(&t.ch);
    let (open, nick) = (toks.get(k)?, toks.get(k + 1)?);
    let words = if toks
        .get(k + 2)
        .is_some_and(|t| t.is_cap() && t.space_before)
    {
        2
    } else {
        1
    };
    let (close, next) = (toks.get(k + 1 + words)?, toks.get(k + 2 + words)?);
    let ok = k > 0
        && toks[k - 1].is_cap()
        && quote(open, &['"', '“', '\''])
        && open.space_before
        && nick.is_cap()
        && !nick.space_before
        && quote(close, &['"', '”', '\''])
        && !close.space_before
        && next.is_cap()
        && next.space_before
        && !next.sent_start;
    ok.then_some(words + 2)
}

/// At a comma after a body's "of" or "for" and one field: the tokens of the fields listed
/// after it, through the last after "and" ("Ministry of Economy, Trade and Industry",
/// "Department for Environment, Food and Rural Affairs"). Each field is one or two common
/// nouns in capitals, and nothing in capitals follows the list.
fn fields_of_body(p: &Para, i: usize, k: usize) -> Option<usize> {
    let toks = p.toks;
    let head = if p.is_word_ci(i, "the") { i + 1 } else { i };
    // The first field is a common noun too: "the Bank of Ghana, Finance and Trade
    // ministries" lists bodies.
    let opens = k == head + 3
        && toks[head].has(OF_HEAD | BODY)
        && (p.is_word_ci(head + 1, "of") || p.is_word_ci(head + 1, "for"))
        && p.gaz(&[k - 1]).is_none()
        && p.lex.case_of(&norm::fold(p.word(k - 1))) == Some(true);
    if !opens {
        return None;
    }
    let common = |x: usize| {
        toks.get(x).is_some_and(|t| {
            t.is_cap()
                && !t.sent_start
                && !t.has(STOP | TITLE | GIVEN | OF_HEAD | ORG_TAIL | PLACE_TAIL | BODY)
                && p.gaz(&[x]).is_none()
                && p.lex.case_of(&norm::fold(p.word(x))) == Some(true)
        })
    };
    // One field: one or two common nouns; returns the token after it.
    let field = |x: usize| -> Option<usize> {
        if !common(x) {
            return None;
        }
        Some(if common(x + 1) { x + 2 } else { x + 1 })
    };
    // The field after "and" ends the list, with nothing in capitals after it.
    let last_field = |x: usize| {
        field(x)
            .filter(|&end| toks.get(end).is_none_or(|t| !t.is_cap()))
            .map(|end| end - k)
    };
    let mut x = k;
    for n in 0..6 {
        // `x` is at a comma; ", and" closes a list of three or more, never the first comma.
        if n > 0 && p.is_word_ci(x + 1, "and") {
            return last_field(x + 2);
        }
        let end = field(x + 1)?;
        match toks.get(end) {
            Some(t) if t.is_punct(',') && !t.space_before => x = end,
            Some(_) if p.is_word_ci(end, "and") => return last_field(end + 1),
            _ => return None,
        }
    }
    None
}

/// The last syllable of a hyphenated East Asian given name ("Kim Jong-un", "Lee
/// Cheuk-yan"): a short lowercase word glued to a short capitalised one, two words into a run.
fn syllable_tail(p: &Para, i: usize, k: usize) -> bool {
    let toks = p.toks;
    let short = |x: usize, n: usize| p.word(x).chars().count() <= n;
    // The family name may stand before a quoted nickname: Lee "Faker" Sang-hyeok.
    let family =
        |t: &Tok| t.is_cap() || (t.shape == Shape::Punct && ['"', '”', '\''].contains(&t.ch));
    k >= i + 2
        && toks[k - 1].is_cap()
        && family(&toks[k - 2])
        && short(k - 1, 6)
        && short(k, 6)
        && !toks[k].has(ORG_PARTICIPLE)
        && !toks.get(k + 1).is_some_and(|n| n.joined)
}

/// Tokens of linking words and the capitalised word they glue by hyphens, from `k`, inside a
/// place name ("Bourg-la-Reine", "Stratford-upon-Avon").
fn hyphen_links(p: &Para, k: usize) -> Option<usize> {
    let toks = p.toks;
    let mut m = k;
    while m < k + 3 {
        let t = toks.get(m)?;
        if !t.joined {
            return None;
        }
        if t.is_cap() {
            return (m > k).then_some(m + 1 - k);
        }
        if t.shape != Shape::Lower || !t.has(HYPHEN_LINK) {
            return None;
        }
        m += 1;
    }
    None
}

/// A possessive inside an organisation name: "Farmers' Association",
/// "People's Party", a shop named for a first name ("Sam's Club"); never after a known
/// actor ("Iraq's Kurdistan").
fn inner_possessive(p: &Para, k: usize) -> bool {
    let (prev, next) = (p.toks[k], p.toks.get(k + 1));
    if !next.is_some_and(|n| n.is_cap() && !n.sent_start && n.has(ORG_TAIL | GENERIC)) {
        return false;
    }
    let after = p.text.get(prev.end..).unwrap_or("");
    let plural = !after.starts_with("'s") && !after.starts_with("’s");
    // A lone first name owns a business, not a person's party: "Sam's Club", not "Jim
    // Smith's Party".
    // A given name before it ("Jimmy Carter's") makes it a surname, even opening a sentence.
    let lone_given = prev.has(NAME_GIVEN)
        && !k
            .checked_sub(1)
            .is_some_and(|b| p.toks[b].is_cap() && p.toks[b].has(NAME_GIVEN));
    (plural || prev.has(GENERIC) || lone_given) && prev.is_cap() && p.gaz(&[k]).is_none()
}

/// A period after an abbreviation or initial inside a name ("Mr. Smith", "George W. Bush").
fn abbreviation_in_run(p: &Para, k: usize) -> bool {
    let prev = p.toks[k - 1];
    let short = prev.shape == Shape::Cap && prev.end - prev.start == 1;
    (prev.has(ABBREV) || short) && p.cap_follows(k)
}

/// Letters of an acronym right after a run: "-PMF" or "(PMF)".
pub(crate) fn acronym_after(p: &Para, j: usize) -> Option<String> {
    let toks = p.toks;
    let t = toks.get(j)?;
    let k = if t.joined && t.shape == Shape::Upper {
        j
    } else if t.is_punct('(') && toks.get(j + 2).is_some_and(|c| c.is_punct(')')) {
        j + 1
    } else {
        return None;
    };
    (toks.get(k)?.shape == Shape::Upper)
        .then(|| norm::acronym_letters(p.word(k)))
        .flatten()
}

/// A capitalised word glued by a hyphen spells the words before it ("Forces-PMF").
fn acronym_defines(p: &Para, i: usize, k: usize) -> bool {
    let Some(letters) = norm::acronym_letters(p.word(k)) else {
        return false;
    };
    let words: Vec<usize> = (i..k).filter(|&x| p.toks[x].is_word()).collect();
    norm::acronym_start(&letters, &p.initials(&words)).is_some()
}

/// Tokens taken by a lowercase connector inside an organisation name, if allowed.
fn connector_span(p: &Para, i: usize, k: usize) -> Option<usize> {
    let toks = p.toks;
    let last = toks[k - 1];
    if !last.is_cap() {
        return None;
    }
    // "of the", and "for a" after a body ("Committee for a Responsible Federal Budget").
    let article = p.is_word_ci(k + 1, "the")
        || (p.is_word_ci(k, "for") && last.has(BODY) && p.is_word_ci(k + 1, "a"));
    let n = if article && toks[k + 1].shape == Shape::Lower {
        2
    } else {
        1
    };
    let next = toks.get(k + n)?;
    if !next.is_cap() || next.sent_start || next.joined {
        return None;
    }
    let left: Vec<usize> = (i..k).filter(|&x| toks[x].is_word()).collect();
    let w = p.word(k).to_ascii_lowercase();
    let ok = match w.as_str() {
        // "Bank of England", "University of Oslo".
        "of" => last.has(OF_HEAD) || of_country_after_of(p, &left, k + n) || of_after_for(p, &left),
        // "Tony Blair Institute for Global Change", "Council on Foreign Relations".
        "for" | "on" if last.has(BODY) && p.gaz(&[k + n]).is_none() => true,
        // "Islamic Resistance in Iraq": only after descriptive words and an organisation word.
        // "Syrian Observatory for Human Rights": a demonym may lead, except before
        // "in", which usually starts a place ("Iraqi Parliament in Baghdad").
        "for" | "on" | "against"
            if left.iter().any(|&x| toks[x].has(ORG_TAIL))
                && left.iter().all(|&x| {
                    toks[x].has(GENERIC | ORG_TAIL | ORG_HEAD | NON_ACTOR | STOP)
                        || p.gaz(&[x]).is_some_and(|g| {
                            p.lex.entry(g).is_some_and(|e| e.class != GazClass::Org)
                        })
                }) =>
        {
            true
        }
        // "Congress of Arts and Sciences in St. Louis": a name with its "of" already
        // complete is placed by "in", not continued.
        "in" if left.iter().any(|&x| p.is_word_ci(x, "of")) => false,
        // "Asian Games in Hangzhou", "Climate Summit in Paris": an event is placed by "in".
        "in" if last.has(DOCUMENT) => false,
        "for" | "in" | "on" | "against" => {
            let named: Vec<usize> = left
                .iter()
                .copied()
                .filter(|&x| !toks[x].has(STOP))
                .collect();
            // A body is placed by "in" a city ("Parliament in London", "High Court in
            // Nairobi"); "in" a country or region it is named ("Church in Wales", "Mission in
            // Kosovo"), and a longer one "in" what the lists do not know.
            // The longer name first: "Mexico City" is a city, not the country.
            let class = [&[k + n, k + n + 1][..], &[k + n][..]]
                .iter()
                .filter(|s| w == "in" && s.iter().all(|&x| x < toks.len()))
                .find_map(|s| p.gaz(s))
                .and_then(|g| p.lex.entry(g))
                .map(|e| e.class);
            let country = matches!(class, Some(GazClass::Country | GazClass::Region));
            // A longer body is named "in" anything but a city: "High Court in Nairobi" and
            // "Embassy in Kyiv" are placed there.
            let named_in = named.len() >= 2 && class != Some(GazClass::City);
            (w != "in" || named_in || country)
                && named
                    .iter()
                    .all(|&x| toks[x].has(GENERIC | ORG_TAIL | ORG_HEAD | NON_ACTOR))
                && named.iter().any(|&x| toks[x].has(ORG_TAIL | ORG_HEAD))
        }
        // "Ministry of Trade and Industry", "Bosnia and Herzegovina".
        // "Ministry of Trade and Industry", "Department of Health and Outdoor Affairs".
        "and" => {
            let right = || {
                (k + 1..toks.len().min(k + 4))
                    .take_while(|&x| toks[x].is_cap() && !toks[x].sent_start)
            };
            // "University of California and Columbia University": the right names its own
            // body with the left's head word, so these are two names.
            let second_body = left.first().is_some_and(|&h| {
                toks[h].has(ORG_TAIL)
                    && right().any(|x| norm::fold(p.word(x)) == norm::fold(p.word(h)))
            });
            let of_body = left
                .iter()
                .any(|&x| p.is_word_ci(x, "of") || p.is_word_ci(x, "for"))
                && !second_body;
            // "Ministry of Health and Population", "Court of Cassation and Justice": after a
            // body's "of", common nouns in capitals go on naming it; a known name or a title
            // ("and Education Minister ...") starts another.
            let common_tail = || {
                let r: Vec<usize> = right().collect();
                // What the body is "of" is no known or proper name ("Bank of England and ...").
                let of_common = left
                    .iter()
                    .position(|&x| p.is_word_ci(x, "of"))
                    .and_then(|o| left.get(o + 1))
                    .is_some_and(|&x| {
                        p.gaz(&[x]).is_none()
                            && p.lex.case_of(&norm::fold(p.word(x))) != Some(false)
                    });
                of_common
                    && !r.is_empty()
                    && toks.get(r[r.len() - 1] + 1).is_none_or(|t| !t.is_cap())
                    && r.iter().enumerate().all(|(n, &x)| {
                        // A body of its own ("and Police") or a title before a name
                        // ("and Chairman Cook") starts another name.
                        let title_before_name = toks[x].has(TITLE) && n + 1 < r.len();
                        !toks[x].has(STOP | ORG_TAIL | BODY)
                            && !title_before_name
                            && p.gaz(&[x]).is_none()
                            && p.lex.case_of(&norm::fold(p.word(x))) == Some(true)
                    })
            };
            n == 1
                && ((of_body
                    && (right().any(|x| toks[x].has(GENERIC | ORG_TAIL)) || common_tail()))
                    || p.gaz(&[left[0], k + 1]).is_some()
                    || p.gaz(&[k - 1, k + 1]).is_some()
                    || and_in_org(p, &left, k))
        }
        _ => false,
    };
    // "Court of Justice of the European Union": a known long name goes on.
    let known = || {
        let key = norm::key(p.surface(&left), &p.lex.tables);
        p.lex.is_prefix(&format!("{key} {w}"))
    };
    (ok || known()).then_some(n)
}

/// "Association of Banana Exporters of Ecuador": a body named with its head word and "of"
/// goes on through a second "of" and the country or region it serves, ending there ("Sony
/// of Japan" only tells where a company is from).
fn of_country_after_of(p: &Para, left: &[usize], next: usize) -> bool {
    let left = p.without_the(left);
    let headed = left.len() >= 3
        && p.toks[left[0]].has(OF_HEAD)
        && !p.toks[left[0]].has(TITLE)
        && p.is_word_ci(left[1], "of");
    let country = p
        .gaz(&[next])
        .and_then(|g| p.lex.entry(g))
        .is_some_and(|e| matches!(e.class, GazClass::Country | GazClass::Region));
    headed && country && p.gaz(left).is_none() && p.toks.get(next + 1).is_none_or(|t| !t.is_cap())
}

/// "Royal Society for the Conservation of Nature", "Centre for the Study of Democracy": after
/// a body's "for (the)" and one common noun, "of" goes on naming the body.
fn of_after_for(p: &Para, left: &[usize]) -> bool {
    let n = left.len();
    let (Some(&noun), Some(&before)) = (left.last(), n.checked_sub(2).and_then(|x| left.get(x)))
    else {
        return false;
    };
    let for_at = if p.is_word_ci(before, "the") {
        n.checked_sub(3)
    } else {
        n.checked_sub(2)
    };
    let body_for = for_at.is_some_and(|f| {
        f >= 1 && p.is_word_ci(left[f], "for") && p.toks[left[f - 1]].has(BODY | ORG_TAIL)
    });
    body_for && p.lex.case_of(&norm::fold(p.word(noun))) == Some(true)
}

/// "Securities and Exchange Commission": descriptive capitals (after a national
/// adjective, perhaps), "and", then capitals ending in an organisation word.
fn and_in_org(p: &Para, left: &[usize], k: usize) -> bool {
    let toks = p.toks;
    // "The National Disaster Risk Reduction and ...": a sentence's "The" is no part of it.
    let left = p.without_the(left);
    // Descriptive words only: "Rivals SalMar and Lerøy Seafood Group" are two names.
    let descriptive = |x: &usize| {
        let t = toks[*x];
        t.is_cap()
            && !t.has(STOP)
            && p.gaz(&[*x]).is_none()
            && (t.has(GENERIC | ORG_TAIL | PLACE_TAIL)
                || adjective(p.word(*x))
                || p.seen.lower.contains(norm::fold(p.word(*x)).as_str())
                // "Disaster Risk Reduction": words general English writes in lower case, when
                // several ("Browning and War Office" are two names).
                || (left.len() >= 3 && p.lex.case_of(&norm::fold(p.word(*x))) == Some(true)))
    };
    // "Swedish Meteorological and Hydrological Institute", "Limerick City and
    // County Council", "British and Irish Lions": known places may lead.
    let national = |seg: &[usize]| {
        p.gaz(seg)
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class != GazClass::Org)
    };
    // The longest known place in front, of up to three words ("New Mexico Oil and Gas
    // Association").
    // A lone word may be the place; a longer left keeps at least one word after it.
    let lead = (1..=left.len().min(3))
        .rev()
        .find(|&n| (n < left.len() || left.len() == 1) && national(&left[..n]))
        .unwrap_or(0);
    let rest = &left[lead..];
    if rest.is_empty() && !national(&[k + 1]) {
        return false;
    }
    // "Green Party and Labour Party" are two names: an organisation word ends the first.
    // So does a body word after a national name ("British Library and Columbia University").
    let complete = (rest.len() > 1 && rest.iter().any(|&x| toks[x].has(ORG_TAIL)))
        || (rest.len() == 1 && rest.len() < left.len() && toks[rest[0]].has(ORG_TAIL | BODY));
    if complete || !rest.iter().all(descriptive) {
        return false;
    }
    let mut x = k + 1;
    while x < toks.len() && x <= k + 3 && toks[x].is_cap() && !toks[x].sent_start {
        if toks[x].has(ORG_TAIL) {
            return true;
        }
        x += 1;
    }
    false
}

/// An English adjective by its ending ("Coastal", "Hydrographic", "Cooperative").
fn adjective(word: &str) -> bool {
    let w = norm::fold(word);
    w.len() > 5
        && ["al", "ic", "ive", "ous", "ary", "ory"]
            .iter()
            .any(|end| w.ends_with(end))
}

/// A sentence word that is also a family name ends a name inside a sentence: "Edward Said
/// wrote", "Sidi Bou Said before" (a headline's "Minister Said To ..." goes on in capitals;
/// a headline keeps only the known names inside its runs anyway).
fn family_end(p: &Para, words: &[usize], x: usize) -> bool {
    let toks = p.toks;
    // Right after the name's previous word: "X. She" is two sentences.
    x + 1 == words.len()
        && x > 0
        && words[x] == words[x - 1] + 1
        && !toks[words[x]].sent_start
        && toks[words[x]].has(NAME_FAMILY)
        && toks.get(words[x] + 1).is_none_or(|n| !n.is_cap())
}

/// A preposition written in capitals after an organisation word, inside a sentence, goes on
/// naming the body: "the Movement Toward Socialism (MAS)", "Alliance For Change" (a
/// headline keeps only the known names inside its runs anyway).
fn preposition_in_body(p: &Para, words: &[usize], x: usize) -> bool {
    const PREPOSITIONS: [&str; 8] = [
        "toward", "towards", "for", "of", "on", "against", "to", "with",
    ];
    let toks = p.toks;
    let k = words[x];
    x > 0
        && words[x - 1] + 1 == k
        && toks[words[x - 1]].has(ORG_TAIL)
        && PREPOSITIONS.iter().any(|w| p.is_word_ci(k, w))
        && words
            .get(x + 1)
            .is_some_and(|&n| n == k + 1 && toks[n].is_cap() && !toks[n].has(STOP | DAY | MONTH))
        && !toks[k].sent_start
}

/// Splits a run at days, months, inner sentence words and "of" before an
/// organisation; a piece before such an "of" is a sub-body ("Political Council").
pub(crate) fn split_run<'w>(p: &Para, words: &'w [usize]) -> Vec<(&'w [usize], bool)> {
    let toks = p.toks;
    // "Ahmed Mohamed Image caption": a photo label's word ends no name.
    let words = match words {
        [name @ .., last] if !name.is_empty() && toks[*last].has(CAPTION) => name,
        _ => words,
    };
    if p.gaz(words).is_some() {
        return vec![(words, false)];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (x, &k) in words.iter().enumerate() {
        let t = toks[k];
        if t.has(DAY) || (t.has(MONTH) && !month_is_name(p, words, x)) {
            pieces.push((&words[start..x], false));
            start = x + 1;
        } else if x > start
            && t.is_cap()
            && t.has(STOP)
            && !t.has(GIVEN | GENERIC)
            && !family_end(p, words, x)
            && !preposition_in_body(p, words, x)
        {
            pieces.push((&words[start..x], false));
            start = x;
        } else if x > start
            && p.is_word_ci(k, "of")
            && t.shape == Shape::Lower
            && !lone_head(p, &words[start..x])
            && org_follows(p, &words[x + 1..])
        {
            // "(The) Department of Health and Human Services" is one name: a lone head
            // word is no body of its own.
            pieces.push((&words[start..x], true));
            start = x + 1;
        }
    }
    pieces.push((&words[start..], false));
    pieces.retain(|(s, _)| !s.is_empty());
    pieces
}

/// One head word, after a sentence's "The" perhaps: "The Ministry" (of ...); a title or an
/// office after "The" is one of the body that follows ("The Head of the World Bank").
fn lone_head(p: &Para, left: &[usize]) -> bool {
    match left {
        [head] => p.toks[*head].has(OF_HEAD),
        [the, head] if p.is_word_ci(*the, "the") => {
            p.toks[*head].has(OF_HEAD) && p.toks[*head].has(ORG_HEAD) && !p.toks[*head].has(TITLE)
        }
        _ => false,
    }
}

/// A month word that is a name here ("Theresa May", "Jan Egeland").
fn month_is_name(p: &Para, words: &[usize], x: usize) -> bool {
    let toks = p.toks;
    let k = words[x];
    let date_follows = toks.get(k + 1).is_some_and(|n| n.shape == Shape::Digit)
        || p.next_tok(k).is_some_and(|n| toks[n].shape == Shape::Digit);
    if date_follows {
        return false;
    }
    let given = toks[k].has(GIVEN) && words.get(x + 1).is_some_and(|&n| toks[n].is_cap());
    let after_name = x > 0 && {
        let prev = toks[words[x - 1]];
        prev.is_cap() && !prev.has(STOP | MONTH | DAY | TITLE) && !prev.sent_start
    };
    given || after_name
}

/// The words after "of" name an organisation of their own ("... of the Wafa Movement").
fn org_follows(p: &Para, rest: &[usize]) -> bool {
    let rest = match rest.first() {
        Some(&k) if p.is_word_ci(k, "the") => &rest[1..],
        _ => rest,
    };
    let (Some(&first), Some(&last)) = (rest.first(), rest.last()) else {
        return false;
    };
    if let Some(g) = p.gaz(rest) {
        return p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org);
    }
    // A lone body word names a field, not a body: "Ateneo School of Government".
    rest.len() > 1 && (p.toks[last].has(ORG_TAIL) || p.toks[first].has(ORG_HEAD))
}

/// Drops leading words that are capitalised only because they open a sentence;
/// returns the rest, whether it starts with a name's own "The", and whether it is weak.
pub(crate) fn strip_leading<'w>(p: &Para, piece: &'w [usize]) -> Option<(&'w [usize], bool, bool)> {
    let toks = p.toks;
    let mut s = 0;
    let mut weak = false;
    let mut the_prefix = false;
    while s < piece.len() {
        let k = piece[s];
        let t = toks[k];
        let initial = t.sent_start || t.quote_start;
        let rest = piece.len() - s;
        if t.shape == Shape::Lower && !t.has(PARTICLE) {
            s += 1;
            continue;
        }
        if p.word(k).eq_ignore_ascii_case("the") {
            // Inside a sentence, a capital "The" belongs to the name ("The National").
            if !initial && rest > 1 && t.shape == Shape::Cap {
                the_prefix = true;
                break;
            }
            s += 1;
            continue;
        }
        // The Irish article: "An Bord Pleanála", "An Post"; at a sentence start
        // only if the corpus writes "An" capitalised inside sentences too.
        if p.word(k) == "An" && rest > 1 && (!initial || p.seen.cap_mid.contains("An")) {
            the_prefix = true;
            break;
        }
        if t.shape == Shape::Upper || t.has(PARTICLE | TITLE | ORG_HEAD | PLACE_HEAD) {
            break;
        }
        if p.gaz_prefix(&piece[s..])
            || (t.has(GIVEN) && rest > 1)
            || given_then_surname(p, &piece[s..])
        {
            break;
        }
        // "the Four Courts", "the All Blacks", "Will Smith": a capitalised common
        // word inside a sentence starts the name.
        // "I'm Mario Lucero": the pronoun is capitalised everywhere.
        let always = t.has(ALWAYS_CAP);
        if t.has(STOP) && (initial || rest == 1 || t.shape != Shape::Cap || always) {
            s += 1;
            continue;
        }
        if t.has(STOP) {
            break;
        }
        if initial {
            let w = p.word(k);
            if p.seen.cap_mid.contains(w) {
                break;
            }
            // "Top Hezbollah commander" loses "Top"; "Green Party" keeps "Green".
            let proper_rest = rest > 1 && rest_kind(p, &piece[s + 1..]) == Rest::Proper;
            let common = t.has(COMMON) || p.seen.lower.contains(norm::fold(w).as_str());
            if (common && (rest == 1 || proper_rest)) || (proper_rest && participle(p, k)) {
                s += 1;
                continue;
            }
            weak = rest == 1;
        }
        break;
    }
    (s < piece.len()).then(|| (&piece[s..], the_prefix, weak))
}

/// A given name and one word no list knows and the text never writes in lower case: "Miles
/// Vinar spoke" opens with a name, though "miles" is a common word.
fn given_then_surname(p: &Para, seg: &[usize]) -> bool {
    let [first, last] = seg else {
        return false;
    };
    let t = p.toks[*last];
    let folded = norm::fold(p.word(*last));
    // "Sterling Weakens": a dictionary word is no unknown surname, unless a surname list has it.
    let surname = t.has(NAME_FAMILY) || p.lex.case_of(&folded) != Some(true);
    p.toks[*first].has(NAME_GIVEN)
        && t.shape == Shape::Cap
        && t.flags & !(NAME_FAMILY | NAME_GIVEN) == 0
        && surname
        && p.gaz(&[*last]).is_none()
        && !p.seen.lower.contains(folded.as_str())
}

/// A sentence-initial "-ing" word before a name is a participle or adjective
/// ("Neighbouring Norway", "Speaking Tuesday"), not part of the name.
fn participle(p: &Para, k: usize) -> bool {
    let w = norm::fold(p.word(k));
    w.len() >= 6 && w.ends_with("ing") && !p.toks[k].has(GIVEN) && p.gaz(&[k]).is_none()
}

/// Length of a title phrase starting at `pos` ("Defense Secretary", "Secretary of State").
fn title_at(p: &Para, seg: &[usize], pos: usize) -> usize {
    let toks = p.toks;
    let cap_title = |k: usize| toks[k].is_cap() && toks[k].has(TITLE | TITLE_MOD);
    // Descriptive words may stand inside a title ("Chief Election Commissioner").
    let inside = |k: usize| toks[k].is_cap() && toks[k].has(GENERIC);
    // An occupation in capitals before a full personal name is used as a title
    // ("State Engineer Elena Garza", "Architect Zaha Hadid").
    // Not when the name ends as a body's or a place's does ("the Doctor Martin Smith Clinic").
    let named_thing = seg
        .last()
        .is_some_and(|&l| toks[l].has(ORG_TAIL | PLACE_TAIL | GENERIC));
    let occupation = |q: usize| {
        toks[seg[q]].is_cap()
            && toks[seg[q]].has(OCCUPATION)
            && q + 2 < seg.len()
            && toks[seg[q + 1]].has(GIVEN)
            && !named_thing
    };
    let mut q = pos;
    while q < seg.len() && (cap_title(seg[q]) || occupation(q) || (q > pos && inside(seg[q]))) {
        q += 1;
    }
    while q > pos && !(toks[seg[q - 1]].has(TITLE) || occupation(q - 1)) {
        q -= 1;
    }
    // "the Ottawa Senators": a plural title ending the name is no title.
    if q == pos || (q == seg.len() && toks[seg[q - 1]].has(PLURAL_TITLE)) {
        return 0;
    }
    // "Secretary of State", "Minister of Foreign Affairs".
    if q < seg.len() && p.is_word_ci(seg[q], "of") {
        let mut r = q + 1;
        while r < seg.len()
            && (p.is_word_ci(seg[r], "the")
                || (toks[seg[r]].is_cap() && toks[seg[r]].has(TITLE_MOD | GENERIC)))
        {
            r += 1;
        }
        if r > q + 1 && r < seg.len() {
            q = r;
            // "Minister of Health Dr. Claudine Ingabire": an honorific may follow.
            while q + 1 < seg.len() && cap_title(seg[q]) {
                q += 1;
            }
        }
    }
    q - pos
}

/// Splits off a title: words before it stand alone, words after it are a person.
pub(crate) fn title_split<'w>(p: &Para, seg: &'w [usize]) -> Vec<(&'w [usize], bool)> {
    let toks = p.toks;
    let Some(&first) = seg.first() else {
        return Vec::new();
    };
    // A known name holds no title: "DR Congo", "Prince Edward Island".
    if seg.len() > 1 && p.gaz(seg).is_some() {
        return vec![(seg, false)];
    }
    // "Bank Governor", "House Speaker": an organisation word leads; only a
    // full personal name after the title splits it ("Commission President Ursula ...").
    let org_headed = toks[first].has(ORG_HEAD) && !toks[first].has(TITLE);
    for pos in 0..seg.len() {
        let n = title_at(p, seg, pos);
        if n == 0 {
            continue;
        }
        let (left, rest) = (&seg[..pos], &seg[pos + n..]);
        let name_like = |k: &usize| {
            let t = toks[*k];
            t.has(PARTICLE)
                || (t.shape == Shape::Cap && !t.has(NOT_PROPER) && p.gaz(&[*k]).is_none())
        };
        // "Stephen King", "Martin Luther King Jr.": one title word after a given name and
        // its initials, ending the name or followed by a generation suffix, is the surname
        // (what follows the suffix is another name: "... King Jr. Day").
        let initial = |k: &usize| toks[*k].shape == Shape::Upper && p.word(*k).chars().count() == 1;
        let suffixes = rest
            .iter()
            .take_while(|&&k| toks[k].has(NAME_SUFFIX))
            .count();
        // A place before the title makes it an office there ("the Victoria Premier").
        if n == 1
            && left
                .first()
                .is_some_and(|&k| toks[k].has(GIVEN) && p.gaz(&[k]).is_none())
            && left
                .iter()
                .all(|k| initial(k) || (toks[*k].is_cap() && !toks[*k].has(TITLE)))
            && (rest.is_empty() || suffixes > 0)
        {
            return vec![(&seg[..pos + 1 + suffixes], false)];
        }
        // A given name of the generated lists counts too, though it or the surname names a
        // town ("Bank of Japan Governor Kazuo Ueda"), if it is no title and no common word:
        // those lists hold "General", "Phoenix" and "China".
        let generated_given = |k: usize| {
            let t = toks[k];
            t.has(NAME_GIVEN)
                && t.flags & !(NAME_GIVEN | NAME_FAMILY) == 0
                && p.lex.case_of(&norm::fold(p.word(k))) != Some(true)
        };
        let person = rest.len() >= 2
            && (rest
                .first()
                .is_some_and(|&k| toks[k].has(GIVEN) || generated_given(k))
                || rest.iter().all(name_like));
        if org_headed && !person {
            return vec![(seg, false)];
        }
        // "the President of Kenya": the title's "of" governs a place or a body, no person.
        if let Some((&of, after)) = rest.split_first()
            && p.is_word_ci(of, "of")
            && !after.is_empty()
        {
            let mut parts = Vec::new();
            if !left.is_empty() {
                parts.push((left, false));
            }
            parts.push((after, false));
            return parts;
        }
        let Some(&name) = rest.first() else {
            // A title word ending a body's name after its connector is a common noun there
            // ("High Court of Cassation and Justice").
            if left.last().is_some_and(|&k| toks[k].shape == Shape::Lower) {
                return vec![(seg, false)];
            }
            // A title with no name after it: keep what came before ("Iraqi Prime Minister").
            return if left.is_empty() {
                Vec::new()
            } else {
                vec![(left, false)]
            };
        };
        let last = toks[rest[rest.len() - 1]];
        // A given name that is also a faith or a common word opens a name after a title
        // ("Finance Minister Christian Duarte", "Judge Victoria Pratt").
        let given_first = toks[name].has(GIVEN) && rest.len() >= 2;
        let org_like = (toks[name].has(GENERIC | ORG_TAIL | PLACE_TAIL | NON_ACTOR)
            && !given_first)
            || last.has(ORG_TAIL);
        // "Imam Khomeini International Airport": a place named after a person; a surname
        // that is a place word alone stays the person's ("Judge Anthony Hill").
        let place_named = last.has(PLACE_TAIL) && rest.iter().any(|&k| toks[k].has(GENERIC));
        if org_like
            || place_named
            || p.gaz(rest)
                .is_some_and(|g| p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org))
        {
            return vec![(seg, false)];
        }
        let mut parts = Vec::new();
        if !left.is_empty() {
            parts.push((left, false));
        }
        parts.push((rest, true));
        return parts;
    }
    vec![(seg, false)]
}

/// Drops lowercase words (other than particles inside) from both ends.
pub(crate) fn trim<'w>(p: &Para, mut seg: &'w [usize]) -> &'w [usize] {
    while let Some(&k) = seg.first() {
        let t = p.toks[k];
        // A particle leads a surname ("de Gaulle"), not a given name ("a la Jon Stewart").
        let before_given = seg.len() >= 3 && seg.get(1).is_some_and(|&n| p.toks[n].has(GIVEN));
        if t.shape == Shape::Lower && !(t.has(PARTICLE) && seg.len() > 1 && !before_given) {
            seg = &seg[1..];
        } else {
            break;
        }
    }
    while let Some(&k) = seg.last() {
        let t = p.toks[k];
        // "Kim Jong-un" keeps its last syllable.
        if t.shape == Shape::Lower && !(t.joined && seg.len() >= 3) {
            seg = &seg[..seg.len() - 1];
        } else {
            break;
        }
    }
    seg
}

/// What follows a leading known place (`head`) inside one segment; a national body
/// ("Swedish Civil Contingencies Agency", "Sweden Democrats") keeps the place word.
pub(crate) fn after_place(p: &Para, head: &[usize], rest: &[usize]) -> Rest {
    let city = p
        .gaz(head)
        .and_then(|g| p.lex.entry(g))
        .is_some_and(|e| e.class == GazClass::City);
    // "Nigeria Labour Congress", "China Development Bank": a body named by common words after
    // the place's own name (not its people's: "Iraqi | Labour Party") is the place's; a known
    // body stays itself ("U.S. | Federal Trade Commission").
    let named = !p.lex.is_demonym(&norm::key(p.surface(head), &p.lex.tables));
    if named && common_body(p, rest) && p.gaz(rest).is_none() {
        return Rest::Tail;
    }
    // "Pakistan Tehreek-e-Insaf": a body's head word right after the place.
    let headed = rest.first().is_some_and(|&k| {
        let t = p.toks[k];
        t.is_cap() && t.has(ORG_HEAD) && !t.has(ORG_TAIL)
    });
    if named && headed && rest.len() >= 2 && p.gaz(rest).is_none() {
        return Rest::Tail;
    }
    let caps = rest.iter().filter(|&&k| p.toks[k].is_cap()).count();
    let Some(&last) = rest.last() else {
        return Rest::Descriptive;
    };
    let last = p.toks[last];
    // "British and Irish Lions": the place is one of two joined by "and".
    let joined = rest.first().is_some_and(|&k| p.is_word_ci(k, "and"));
    if (caps == 1 && last.has(ORG_TAIL)) || joined {
        return Rest::Tail;
    }
    if p.gaz(rest).is_some() {
        return Rest::Proper;
    }
    // "Tokyo Electron", "Paris Hilton": a city before an unknown name is part
    // of it; a country or nationality is not ("Iraqi | Wafa Movement").
    let unknown = || rest.iter().all(|&k| p.gaz(&[k]).is_none());
    // "American University of Beirut": a body word that names its own place after "of".
    let body_of = rest
        .first()
        .is_some_and(|&k| p.toks[k].has(BODY) && p.toks[k].is_cap())
        && rest.get(1).is_some_and(|&k| p.is_word_ci(k, "of"));
    match rest_kind(p, rest) {
        Rest::Proper if (last.has(BODY) && last.is_cap()) || body_of => Rest::Tail,
        Rest::Proper if city && unknown() => Rest::Tail,
        kind => kind,
    }
}

/// A body's name of common words only, ending in an organisation word ("Labour Congress",
/// "Development Bank"; a known one such as "Football Association" is itself).
fn common_body(p: &Para, rest: &[usize]) -> bool {
    rest.last().is_some_and(|&k| p.toks[k].has(ORG_TAIL))
        && rest.iter().all(|&k| {
            let t = p.toks[k];
            t.has(GENERIC | ORG_TAIL | ORG_HEAD) || (t.shape == Shape::Lower && t.has(CONNECTOR))
        })
}

/// What the words after a leading known place are.
pub(crate) fn rest_kind(p: &Para, rest: &[usize]) -> Rest {
    let mut tail = false;
    for &k in rest {
        let t = p.toks[k];
        if t.shape == Shape::Lower {
            continue;
        }
        if p.gaz(&[k]).is_some() {
            return Rest::Proper;
        }
        if t.has(ORG_TAIL | PLACE_TAIL | ORG_HEAD) {
            tail = true;
            continue;
        }
        // "Ottawa Senators": a plural title ending the name is a team's nickname.
        let nickname = t.has(PLURAL_TITLE) && rest.last() == Some(&k);
        if !nickname && (t.has(NOT_PROPER) || p.seen.lower.contains(norm::fold(p.word(k)).as_str()))
        {
            continue;
        }
        return Rest::Proper;
    }
    if tail { Rest::Tail } else { Rest::Descriptive }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::cand::with_para;

    /// Index of the first word `w` of the paragraph.
    fn at(p: &Para, w: &str) -> usize {
        (0..p.toks.len()).find(|&k| p.word(k) == w).unwrap_or(0)
    }

    /// The run starting at word `start`, trimmed of lowercase words at its ends.
    fn trimmed(text: &str, start: &str) -> String {
        with_para(text, |p| {
            let i = at(p, start);
            let seg: Vec<usize> = (i..run_end(p, i))
                .filter(|&k| p.toks[k].is_word())
                .collect();
            let seg = trim(p, &seg);
            match (seg.first(), seg.last()) {
                (Some(&a), Some(&b)) => text[p.toks[a].start..p.toks[b].end].to_string(),
                _ => String::new(),
            }
        })
    }

    /// The run of name words starting at word `start`.
    fn run(text: &str, start: &str) -> String {
        with_para(text, |p| {
            let i = at(p, start);
            let j = run_end(p, i);
            text[p.toks[i].start..p.toks[j - 1].end].to_string()
        })
    }

    #[test]
    fn runs_take_particles_connectors_and_inner_possessives() {
        assert_eq!(
            run("said Ursula von der Leyen today", "Ursula"),
            "Ursula von der Leyen"
        );
        assert_eq!(
            run("the Islamic Resistance in Iraq said", "Islamic"),
            "Islamic Resistance in Iraq"
        );
        // A lone body word is placed by "in" a city, named by "in" a country.
        assert_eq!(
            run("as Parliament in London sat", "Parliament"),
            "Parliament"
        );
        assert_eq!(run("the Church in Wales said", "Church"), "Church in Wales");
        // A longer body is placed by "in" a city too.
        assert_eq!(run("the High Court in Nairobi ruled", "High"), "High Court");
        assert_eq!(
            run("the Supreme Court in Mexico City ruled", "Supreme"),
            "Supreme Court"
        );
        assert_eq!(
            run("the Islamic Relief Mission in Kosovo said", "Islamic"),
            "Islamic Relief Mission in Kosovo"
        );
        assert_eq!(
            trimmed("a satire a la Jon Stewart aired", "la"),
            "Jon Stewart"
        );
        assert_eq!(trimmed("Charles de Gaulle spoke", "de"), "de Gaulle");
        assert_eq!(
            run("at the Asian Games in Hangzhou, she won", "Asian"),
            "Asian Games"
        );
        assert_eq!(
            run("the Bank of England and Barclays", "Bank"),
            "Bank of England"
        );
        assert_eq!(
            run("the Securities and Exchange Commission", "Securities"),
            "Securities and Exchange Commission"
        );
        assert_eq!(
            run("the Irish Farmers' Association", "Irish"),
            "Irish Farmers' Association"
        );
        assert_eq!(run("outside the Sam's Club on Friday", "Sam"), "Sam's Club");
        // A person's possession is no name of its own.
        assert_eq!(run("said Jim Smith's Party chief", "Jim"), "Jim Smith");
        assert_eq!(
            run("Jimmy Carter's Administration signed it.", "Jimmy"),
            "Jimmy Carter"
        );
        assert_eq!(run("near Ain al-Zarqa airbase", "Ain"), "Ain al-Zarqa");
        assert_eq!(run("met Mr. Smith and George W. Bush", "Mr"), "Mr. Smith");
        assert_eq!(
            run("met Mr. Smith and George W. Bush", "George"),
            "George W. Bush"
        );
    }

    #[test]
    fn hyphenated_place_names_keep_their_linking_words() {
        assert_eq!(
            run("floods in Stratford-upon-Avon today", "Stratford"),
            "Stratford-upon-Avon"
        );
        assert_eq!(
            run("buried at Bourg-la-Reine in 1832", "Bourg"),
            "Bourg-la-Reine"
        );
        // A lowercase tail with no name after it is no part of the name.
        assert_eq!(run("the Iran-backed Houthi-led group", "Iran"), "Iran");
        assert_eq!(run("the Editor-in-Chief said", "Editor"), "Editor");
    }

    #[test]
    fn runs_stop_at_possessives_suffixes_and_sentences() {
        assert_eq!(run("in Iraq's Kurdistan region", "Iraq"), "Iraq");
        assert_eq!(run("Iran-backed groups", "Iran"), "Iran");
        assert_eq!(run("in Oslo. Bergen too", "Oslo"), "Oslo");
        assert_eq!(run("Hezbollah in Lebanon", "Hezbollah"), "Hezbollah");
        let long = "Aa ".repeat(40);
        with_para(&long, |p| assert!(run_end(p, 0) <= MAX_RUN));
    }

    /// Names after splitting the run at `start` and removing titles.
    fn names(text: &str, start: &str) -> Vec<(String, bool)> {
        with_para(text, |p| {
            let i = at(p, start);
            let j = run_end(p, i);
            let words: Vec<usize> = (i..j).filter(|&k| p.toks[k].is_word()).collect();
            let mut out = Vec::new();
            for (piece, _) in split_run(p, &words) {
                let Some((seg, _, _)) = strip_leading(p, piece) else {
                    continue;
                };
                for (part, titled) in title_split(p, seg) {
                    out.push((p.surface(part).to_string(), titled));
                }
            }
            out
        })
    }

    /// The names of [`names`], without their titled marks.
    fn name_texts(text: &str, start: &str) -> Vec<String> {
        names(text, start).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn a_given_name_opening_a_sentence_keeps_an_unknown_surname() {
        let text = "Miles Vinar spoke to reporters. The hut was five miles away.";
        assert_eq!(name_texts(text, "Miles"), ["Miles Vinar"]);
        // A word the text also writes in lower case is no surname.
        let text = "Miles Above won. They flew miles above the clouds.";
        assert!(name_texts(text, "Miles").is_empty());
        // So is a word of the dictionary, though this text never writes it in lower case.
        assert_eq!(
            name_texts("Sterling Weakens against the dollar.", "Sterling"),
            ["Weakens"]
        );
    }

    #[test]
    fn a_title_word_after_a_given_name_is_a_surname() {
        assert_eq!(
            name_texts("the author Stephen King said", "Stephen"),
            ["Stephen King"]
        );
        assert_eq!(
            name_texts("on Martin Luther King Jr. Day", "Martin"),
            ["Martin Luther King Jr"]
        );
        // A title before a name still marks the person after it.
        assert_eq!(
            names("with Jordan King Abdullah today", "Jordan").last(),
            Some(&("Abdullah".to_string(), true))
        );
    }

    #[test]
    fn a_title_may_hold_descriptive_words() {
        assert_eq!(
            names(
                "said Chief Election Commissioner Rajiv Kumar today",
                "Chief"
            ),
            [("Rajiv Kumar".to_string(), true)]
        );
    }

    #[test]
    fn a_photo_label_ends_a_name_and_a_place_before_a_title_is_no_given_name() {
        assert_eq!(
            name_texts("Ahmed Mohamed Image caption: the boy", "Ahmed"),
            ["Ahmed Mohamed"]
        );
        assert_eq!(
            name_texts("the Motion Picture Association said", "Motion"),
            ["Motion Picture Association"]
        );
        assert!(
            !name_texts("The Victoria Premier said", "Victoria")
                .contains(&"Victoria Premier".to_string())
        );
    }

    #[test]
    fn the_pronoun_i_never_starts_a_name() {
        assert_eq!(
            names("Hello, I'm Mario Lucero and", "I'm"),
            [("Mario Lucero".to_string(), false)]
        );
    }

    #[test]
    fn titles_are_cut_out_and_mark_people() {
        let n = names("met US Defense Secretary Mark Houston", "US");
        assert_eq!(n, [("US".into(), false), ("Mark Houston".into(), true)]);
        assert_eq!(
            names("at General Motors", "General"),
            [("General Motors".into(), false)]
        );
        assert_eq!(names("said Prime Minister", "Prime"), []);
        assert_eq!(
            names("Secretary of State Antony Blinken", "Secretary"),
            [("Antony Blinken".into(), true)]
        );
        // An honorific after a title with "of" is no part of the name.
        assert_eq!(
            names(
                "Minister of Health Dr. Claudine M. Ingabire said",
                "Minister"
            ),
            [("Claudine M. Ingabire".into(), true)]
        );
        // A given name that is also a faith opens the name after a title.
        assert_eq!(
            names("Finance Minister Christian Duarte presented", "Finance"),
            [("Christian Duarte".into(), true)]
        );
        // What a title is "of" is a place or a body, no person.
        assert_eq!(
            names("the President of Kenya, William Ruto", "President"),
            [("Kenya".into(), false)]
        );
        assert_eq!(
            name_texts("ordered the State Railway of Thailand to", "State"),
            ["State Railway of Thailand"]
        );
    }

    #[test]
    fn runs_split_at_days_months_openers_and_sub_bodies() {
        assert_eq!(names("On Tuesday Oslo", "On"), [("Oslo".into(), false)]);
        assert_eq!(
            names("said Theresa May", "Theresa"),
            [("Theresa May".into(), false)]
        );
        assert_eq!(
            names("The Silver Lake Corps", "The"),
            [("Silver Lake Corps".into(), false)]
        );
        let text = "Green Party members said top green officials left. Top Hezbollah men stayed.";
        assert_eq!(names(text, "Green"), [("Green Party".into(), false)]);
        assert_eq!(names(text, "Top"), [("Hezbollah".into(), false)]);
        let sub = with_para("the Political Council of the Vanguard Movement", |p| {
            let i = at(p, "Political");
            let words: Vec<usize> = (i..run_end(p, i))
                .filter(|&k| p.toks[k].is_word())
                .collect();
            split_run(p, &words)
                .iter()
                .map(|(s, sub)| (p.surface(s).to_string(), *sub))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            sub,
            [
                ("Political Council".into(), true),
                ("the Vanguard Movement".into(), false)
            ]
        );
    }

    #[test]
    fn openers_common_words_and_irish_articles() {
        assert_eq!(
            names("Rivals Brekkvik rose.", "Rivals"),
            [("Brekkvik".into(), false)]
        );
        assert_eq!(
            names("Neighbouring Norway agreed.", "Neighbouring"),
            [("Norway".into(), false)]
        );
        assert_eq!(
            names("met An Bord Feasa today", "An"),
            [("An Bord Feasa".into(), false)]
        );
        assert_eq!(
            names("outside the Four Courts today", "Four"),
            [("Four Courts".into(), false)]
        );
        assert_eq!(
            names("Commission President Maren Solli spoke", "Commission"),
            [("Commission".into(), false), ("Maren Solli".into(), true)]
        );
        // A place named after the titled person is one name; a surname that is a place word
        // is still the person's.
        assert_eq!(
            names("at Imam Khomeini International Airport today", "Imam"),
            [("Imam Khomeini International Airport".into(), false)]
        );
        assert_eq!(
            names("said Judge Anthony Hill today", "Judge"),
            [("Anthony Hill".into(), true)]
        );
        // A given name that is also a town's still opens the person ("Ueda", "Perry" are
        // towns too).
        assert_eq!(
            names("Bank of Japan Governor Kazuo Ueda kept rates", "Bank"),
            [("Bank of Japan".into(), false), ("Kazuo Ueda".into(), true)]
        );
        assert_eq!(
            names("rates, Bank Indonesia Governor Perry Warjiyo said", "Bank"),
            [
                ("Bank Indonesia".into(), false),
                ("Perry Warjiyo".into(), true)
            ]
        );
    }

    #[test]
    fn nicknames_fields_and_long_descriptive_bodies_stay_in_one_name() {
        assert_eq!(
            run(
                "President Ferdinand \"Bongbong\" Marcos Jr. said",
                "Ferdinand"
            ),
            "Ferdinand \"Bongbong\" Marcos Jr"
        );
        // A quoted title after a name is no nickname, nor one after a body's name.
        assert_eq!(run("Ms Lee \"Rain\" said", "Lee"), "Lee");
        assert_eq!(
            run(
                "Universal Pictures \"Oppenheimer\" Director Nolan",
                "Universal"
            ),
            "Universal Pictures"
        );
        assert_eq!(run("Taylor Swift \"Eras\" Tour", "Taylor"), "Taylor Swift");
        assert_eq!(
            run("Police held Joaquín \"El Chapo\" Guzmán there", "Joaquín"),
            "Joaquín \"El Chapo\" Guzmán"
        );
        assert_eq!(
            run("The mid laner Lee “Faker” Sang-hyeok won", "Lee"),
            "Lee “Faker” Sang-hyeok"
        );
        assert_eq!(
            run("The bot laner Lee “Gumayusi” Min-hyeong won", "Lee"),
            "Lee “Gumayusi” Min-hyeong"
        );
        assert_eq!(
            names(
                "Jose Cruz of the Ateneo School of Government said",
                "Ateneo"
            ),
            [("Ateneo School of Government".into(), false)]
        );
        assert_eq!(
            run(
                "The National Disaster Risk Reduction and Management Council said",
                "The"
            ),
            "The National Disaster Risk Reduction and Management Council"
        );
        assert_eq!(
            run("Browning and War Office agreed", "Browning"),
            "Browning"
        );
    }

    #[test]
    fn connectors_inside_bodies() {
        assert_eq!(
            run("the Kiel Institute for the World Economy said", "Kiel"),
            "Kiel Institute for the World Economy"
        );
        assert_eq!(
            run("the Committee for a Fair Budget said", "Committee"),
            "Committee for a Fair Budget"
        );
        assert_eq!(
            run("the Swedish Coastal and Hydrographic Institute", "Swedish"),
            "Swedish Coastal and Hydrographic Institute"
        );
        assert_eq!(
            run("the British and Irish Tigers won", "British"),
            "British and Irish Tigers"
        );
        // Two names, not one: a proper name before "and".
        assert_eq!(
            run("Rivals Brekkvik and Fjellsand Seafood Group", "Brekkvik"),
            "Brekkvik"
        );
        // Common nouns after a body's "of" go on naming it; a known name does not.
        assert_eq!(
            run(
                "at the Ministry of Health and Population in Cairo",
                "Ministry"
            ),
            "Ministry of Health and Population"
        );
        assert_eq!(
            run("the High Court of Cassation and Justice ruled", "High"),
            "High Court of Cassation and Justice"
        );
        assert_eq!(
            run("the Bank of England and Barclays agreed", "Bank"),
            "Bank of England"
        );
        // A known place may lead descriptive words before "and".
        assert_eq!(
            run("the New Mexico Oil and Gas Association said", "New"),
            "New Mexico Oil and Gas Association"
        );
    }

    #[test]
    fn bodies_named_with_lists_second_ofs_and_for_the() {
        // A sentence's "The" before a body's head word does not make the head a body alone.
        assert_eq!(
            name_texts("The Ministry of Transport and Logistics said", "The"),
            ["Ministry of Transport and Logistics"]
        );
        // Fields listed after a body's "of" or "for".
        for (text, name) in [
            (
                "Japan's Ministry of Economy, Trade and Industry said",
                "Ministry of Economy, Trade and Industry",
            ),
            (
                "the Ministry of Land, Infrastructure, Transport and Tourism and towns",
                "Ministry of Land, Infrastructure, Transport and Tourism",
            ),
            (
                "officials at the Department for Environment, Food and Rural Affairs said",
                "Department for Environment, Food and Rural Affairs",
            ),
        ] {
            let start = name.split(' ').next().unwrap_or_default();
            assert_eq!(run(text, start), name);
        }
        // A list of bodies, or a place after ", and", is no list of fields.
        assert_eq!(
            run(
                "the Department of Finance, and County of Maui agreed",
                "Department"
            ),
            "Department of Finance"
        );
        assert_eq!(
            run(
                "the University of Oxford, Cambridge and Durham",
                "University"
            ),
            "University of Oxford"
        );
        // A second "of" names the country a body of its own serves; a company's does not.
        assert_eq!(
            run(
                "the Association of Banana Exporters of Ecuador said",
                "Association"
            ),
            "Association of Banana Exporters of Ecuador"
        );
        assert_eq!(run("Sony of Japan and Samsung gained", "Sony"), "Sony");
        // "of" after "for the" and a common noun goes on.
        assert_eq!(
            run(
                "the Royal Society for the Conservation of Nature said",
                "Royal"
            ),
            "Royal Society for the Conservation of Nature"
        );
    }

    #[test]
    fn national_bodies_and_city_names_keep_the_place_word() {
        let kind = |t: &str, place: &str| {
            with_para(t, |p| {
                let i = at(p, place) + 1;
                let j = run_end(p, at(p, place));
                let rest: Vec<usize> = (i..j).filter(|&k| p.toks[k].is_word()).collect();
                after_place(p, &[at(p, place)], &rest)
            })
        };
        assert_eq!(
            kind("the Norwegian Skerry Council met", "Norwegian"),
            Rest::Tail
        );
        assert_eq!(kind("Sweden Democrats won", "Sweden"), Rest::Tail);
        assert_eq!(kind("Tokyo Kogyo fell", "Tokyo"), Rest::Tail);
        assert_eq!(kind("the Iraqi Wafa Movement", "Iraqi"), Rest::Proper);
        assert_eq!(kind("the Nigeria Labour Congress", "Nigeria"), Rest::Tail);
        assert_eq!(kind("the China Development Bank", "China"), Rest::Tail);
        assert_eq!(
            kind("the U.S. Federal Trade Commission", "U.S."),
            Rest::Proper
        );
        assert!(adjective("Coastal") && adjective("Hydrographic") && !adjective("SalMar"));
    }

    #[test]
    fn what_follows_a_leading_place() {
        let kind = |t: &str, w: &str| {
            with_para(t, |p| {
                let i = at(p, w);
                let rest: Vec<usize> = (i..run_end(p, i))
                    .filter(|&k| p.toks[k].is_word())
                    .collect();
                rest_kind(p, &rest)
            })
        };
        assert_eq!(kind("Iraqi Wafa Movement", "Wafa"), Rest::Proper);
        assert_eq!(kind("American Airlines", "Airlines"), Rest::Tail);
        assert_eq!(kind("Iraqi Islamic factions", "Islamic"), Rest::Descriptive);
    }
}
