//! `@` matching: an actor's spellings as folded words, and how well a query matches them.

use super::words::name_words;

/// One spelling of an actor, ready for `@` matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameForm {
    /// Folded words ("Al-Lami" gives "al", "lami").
    words: Vec<Box<str>>,
    /// The words run together ("allami"), so `@allami` finds "Al-Lami".
    compact: Box<str>,
}

impl NameForm {
    pub(crate) fn new(name: &str) -> NameForm {
        let words = name_words(name);
        NameForm {
            compact: words.concat().into(),
            words: words.into_iter().map(Into::into).collect(),
        }
    }
}

/// Score of an `@` query equal to a whole name or alias.
const ACTOR_EXACT: i64 = 100;
/// Score of query words that prefix name words in order (`@lami`, `@al lam`).
const ACTOR_PREFIX: i64 = 50;
/// Bonus when those query words are whole words of the name (`@lami` for "Al Lami").
const ACTOR_WHOLE_WORDS: i64 = 20;
/// Bonus when the match starts at the name's first word (`@haider` for "Haider Al Lami").
const ACTOR_FIRST_WORD: i64 = 10;

/// How well query `q` (folded words and their run-together form) matches one spelling:
/// an exact name first, then whole words, then word prefixes. `None`: no match. Words must
/// match from their start: `@lami` is not in "Islamic", so `@` stays a precision tool.
pub(crate) fn name_score(q: &NameForm, name: &NameForm) -> Option<i64> {
    if q.words.is_empty() {
        return None;
    }
    if q.compact == name.compact {
        return Some(ACTOR_EXACT);
    }
    // Each query word prefixes a later name word than the one before (earliest first, which
    // finds an in-order match whenever one exists).
    let mut next = 0;
    let mut first = None;
    let mut whole = true;
    for qw in &q.words {
        let found = name.words[next..]
            .iter()
            .position(|nw| nw.starts_with(&**qw))
            .map(|i| next + i);
        match found {
            Some(i) => {
                first.get_or_insert(i);
                whole &= *name.words[i] == **qw;
                next = i + 1;
            }
            None => {
                first = None;
                break;
            }
        }
    }
    if let Some(first) = first {
        let mut score = ACTOR_PREFIX;
        if whole {
            score += ACTOR_WHOLE_WORDS;
        }
        if first == 0 {
            score += ACTOR_FIRST_WORD;
        }
        return Some(score);
    }
    // "allami" for "Al-Lami", "haideral" for "Haider Al Lami".
    name.compact
        .starts_with(&*q.compact)
        .then_some(ACTOR_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms_join_words_and_fold() {
        let f = NameForm::new("Al-Lámi");
        assert_eq!(&*f.compact, "allami");
        assert_eq!(f.words.len(), 2);
    }
}
