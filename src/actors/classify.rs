//! The learned decision on each candidate of an article: whether it is an actor and of which
//! kind. The rules found the candidate and voted; the model weighs those votes with the rest of
//! the evidence ([`features`](super::features)) and its verdict replaces them.

use super::cand::{Cand, Found, Para, kind_index, leading_kind};
use super::features::{self, Feats};
use super::lexicon::Lexicon;
use super::model::{CLASSES, Model, NONE, best};
use super::norm;
use crate::article::ActorKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// Votes a model verdict on one word is worth: below what resolution treats as certain, so a
/// lone "Lami" still joins "Haider Al Lami" of another article; longer names weigh more.
const VERDICT: i32 = 2;

/// Features of the candidates from `first` on, all found in paragraph `p`.
/// With `skip_sure`, candidates whose rules are that sure get no features: the model would not
/// be asked about them (keeps recognition fast).
pub(crate) fn paragraph(
    p: &Para,
    found: &Found,
    first: usize,
    named: bool,
    skip_sure: Option<i32>,
    out: &mut Vec<Feats>,
) {
    for c in found.cands.iter().skip(first) {
        let mut f = Feats::new(named);
        if !skip_sure.is_some_and(|s| rules_sure(c, s)) {
            features::candidate(p, c, &mut f);
        }
        out.push(f);
    }
}

/// The rules' verdict stands: a gazetteer name, or cues of at least `sure` votes.
fn rules_sure(c: &Cand, sure: i32) -> bool {
    c.gaz.is_some() || (leading_kind(&c.votes).1 >= sure && !c.weak)
}

/// Adds the features that need the whole article (how often each name comes back).
pub(crate) fn article(paras: &[String], found: &Found, lex: &Lexicon, feats: &mut [Feats]) {
    let surfaces: Vec<&str> = found
        .cands
        .iter()
        .map(|c| {
            paras
                .get(c.para)
                .and_then(|p| p.get(c.start..c.end))
                .unwrap_or("")
        })
        .collect();
    // Each spelling is normalised once, however often the article repeats it.
    let mut key_of: FxHashMap<&str, String> = FxHashMap::default();
    for s in &surfaces {
        if !key_of.contains_key(s) {
            key_of.insert(s, norm::key(s, &lex.tables));
        }
    }
    let keys: Vec<&str> = surfaces
        .iter()
        .map(|s| key_of.get(s).map_or("", String::as_str))
        .collect();
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    // Word-prefixes and word-suffixes of every longer name, so each lookup is one hash.
    let mut parts: FxHashSet<&str> = FxHashSet::default();
    for k in key_of.values() {
        for (i, _) in k.match_indices(' ') {
            parts.insert(&k[..i]);
            parts.insert(&k[i + 1..]);
        }
        // Single words inside a longer name too ("Lula" of "Luiz Inacio Lula da Silva").
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() > 2 {
            parts.extend(&words[1..words.len() - 1]);
        }
    }
    for k in &keys {
        *count.entry(k).or_default() += 1;
    }
    for (k, f) in keys.iter().zip(feats.iter_mut()) {
        let longer = !k.is_empty() && parts.contains(k);
        features::article(count.get(k).copied().unwrap_or(0), longer, f);
        f.part = longer;
    }
}

/// Applies the model's verdict to every candidate; a verdict on a longer name weighs more
/// when the mentions of one actor disagree ("Harvard University" over "Harvard").
pub(crate) fn decide(paras: &[String], found: &mut Found, feats: &[Feats], model: &Model) {
    let mut tied = vec![false; found.cands.len()];
    for &(a, b) in &found.links {
        for x in [a, b] {
            if let Some(t) = tied.get_mut(x) {
                *t = true;
            }
        }
    }
    for (n, (c, f)) in found.cands.iter_mut().zip(feats).enumerate() {
        let words = paras
            .get(c.para)
            .and_then(|p| p.get(c.start..c.end))
            .map_or(1, |s| s.split_whitespace().count());
        // Rules that are sure (a gazetteer name, strong cues) keep their verdict: the labelled
        // data is small and of other genres, so it decides where the rules only guess.
        if rules_sure(c, model.sure) {
            continue;
        }
        let scores = model.scores(&f.ids);
        let (class, lead) = best(&scores);
        if lead < model.margin {
            continue;
        }
        // A capitalised common word is weak (dropped unless it joins a longer name); the
        // model's clear verdict that it is a name lets it stand alone in its article. Longer
        // weak names are bodies of another organisation ("Political Council of ..."): they
        // only ever join.
        if words == 1 && class != NONE && scores[class] - scores[NONE] >= model.stands_alone {
            c.weak = false;
        }
        let Some(kind) = CLASSES[class].filter(|_| class != NONE) else {
            // A short form of a longer name or an acronym defined in the text is resolved to
            // that name, not judged alone.
            // A town of the place lists is kept too; the model may still name its kind.
            // An acronym with a cue of its own ("weather bureau PAGASA said") is kept as the
            // rules found it: the labelled genres spell units and techniques in capitals
            // ("LED", "UV") far more than news does, so they teach the model to drop them.
            let cued_acronym = c.acronym && leading_kind(&c.votes).1 >= 2;
            c.rejected = !(tied[n] || f.part || c.listed.is_some() || cued_acronym);
            continue;
        };
        // Cues of some strength keep the rules' kind ("An Bord ...", "shares in ...", "grid
        // operator ..."): news cues the labelled genres seldom show. The model names the rest,
        // short forms too: a lone "Goode" has weaker cues than the full name, and the
        // rules' default for a name without cues is only a guess.
        let (rule_kind, strength) = leading_kind(&c.votes);
        // Two or more name-like words are a person by the rules' weakest cue.
        let person = rule_kind == ActorKind::Person && strength > 0 && !f.part && words >= 2;
        if strength >= model.kind_sure || person {
            continue;
        }
        c.votes = [0; 4];
        // A short form's verdict stays unsure, so it still joins its full name ("Al Lami
        // added ..." after "Haider Al Lami").
        let weight = if f.part { 1 } else { words.clamp(1, 4) as i32 };
        c.votes[kind_index(kind)] = VERDICT * weight;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_are_parts_of_longer_names() {
        let paras = vec!["Daniel Smith met Smith and Daniel Smithson.".to_string()];
        let lex = &*super::super::lexicon::LEXICON;
        let mut found = Found::default();
        for (start, end) in [(0, 12), (17, 22), (27, 42)] {
            found.cands.push(Cand {
                para: 0,
                start,
                end,
                gaz: None,
                votes: [0; 4],
                weak: false,
                acronym: false,
                titled: false,
                team: false,
                rejected: false,
                listed: None,
            });
        }
        let mut feats = vec![Feats::new(false); 3];
        article(&paras, &found, lex, &mut feats);
        let part: Vec<bool> = feats.iter().map(|f| f.part).collect();
        assert_eq!(part, [false, true, false]);
    }

    /// One weak candidate ("Congress" at 0..8) decided by a model whose bias gives the
    /// organisation class `lead` over "no actor".
    fn weak_after_verdict(lead: f32) -> bool {
        let paras = vec!["Congress passed the bill.".to_string()];
        let mut found = Found::default();
        found.cands.push(Cand {
            para: 0,
            start: 0,
            end: 8,
            gaz: None,
            votes: [0, 1, 0, 0],
            weak: true,
            acronym: false,
            titled: false,
            team: false,
            rejected: false,
            listed: None,
        });
        let model = Model::parse(&format!("b=\t0\t{lead}\t0\t0\n"));
        let mut f = Feats::new(false);
        f.add("b", "");
        decide(&paras, &mut found, &[f], &model);
        found.cands[0].weak
    }

    #[test]
    fn a_weak_word_stands_alone_only_on_a_clear_verdict() {
        assert!(!weak_after_verdict(super::super::model::STANDS_ALONE + 1.0));
        assert!(weak_after_verdict(super::super::model::STANDS_ALONE / 2.0));
    }
}
