//! The learned classifier that decides whether a candidate is an actor and of which kind:
//! a linear model (averaged perceptron) over hashed features, trained by
//! `cargo run --release --example train_actors` and embedded from `assets/actors/model.tsv`.

use rustc_hash::FxHashMap;

use super::features::feature_id_of;
use crate::article::ActorKind;

/// The classes, in the order of a weight row.
pub const CLASSES: [Option<ActorKind>; 4] = [
    Some(ActorKind::Person),
    Some(ActorKind::Organization),
    Some(ActorKind::Place),
    None,
];

/// Index of the "not an actor" class.
pub const NONE: usize = 3;

const BUNDLED: &str = include_str!("../../assets/actors/model.tsv");

/// Rule evidence from which the rules' verdict stands (a gazetteer hit always does).
pub const SURE: i32 = 6;

/// Rule votes from which the rules' kind stands even where the model may still drop the name.
pub const KIND_SURE: i32 = 3;

/// How much the best class must lead the runner-up before the model overrules the rules.
pub const MARGIN: f32 = 0.0;

/// How far an actor's score must lead "no actor" before a lone capitalised common word
/// ("Congress", "Senate") stands on its own, without a longer name to join.
pub const STANDS_ALONE: f32 = 30.0;

/// Feature weights per class, and how far they overrule the rules.
#[derive(Debug, Clone)]
pub struct Model {
    weights: FxHashMap<u64, [f32; 4]>,
    /// Rule votes from which the model no longer decides ([`SURE`] unless changed).
    pub sure: i32,
    /// Rule votes from which the model keeps the rules' kind ([`KIND_SURE`] unless changed).
    pub kind_sure: i32,
    /// Lead of the best class needed to overrule ([`MARGIN`] unless changed).
    pub margin: f32,
    /// Lead over "no actor" from which a weak name stands alone ([`STANDS_ALONE`] unless changed).
    pub stands_alone: f32,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            weights: FxHashMap::default(),
            sure: SURE,
            margin: MARGIN,
            kind_sure: KIND_SURE,
            stands_alone: STANDS_ALONE,
        }
    }
}

impl Model {
    /// The model shipped in the binary.
    pub fn bundled() -> &'static Model {
        static M: std::sync::LazyLock<Model> = std::sync::LazyLock::new(|| Model::parse(BUNDLED));
        &M
    }

    /// Reads `feature<TAB>w_person<TAB>w_org<TAB>w_place<TAB>w_none` lines; `#` starts a
    /// comment; malformed lines are skipped, never a panic.
    pub fn parse(text: &str) -> Model {
        let mut weights = FxHashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next() else { continue };
            let mut w = [0f32; 4];
            let mut ok = true;
            for slot in &mut w {
                match cols.next().map(str::parse::<f32>) {
                    Some(Ok(v)) => *slot = v,
                    _ => ok = false,
                }
            }
            if ok && !name.is_empty() {
                weights.insert(feature_id_of(name), w);
            }
        }
        Model {
            weights,
            ..Model::default()
        }
    }

    /// Builds a model from named weights (what training produces).
    pub fn from_named<'a>(rows: impl IntoIterator<Item = (&'a str, [f32; 4])>) -> Model {
        Model {
            weights: rows
                .into_iter()
                .map(|(n, w)| (feature_id_of(n), w))
                .collect(),
            ..Model::default()
        }
    }

    /// Class scores of a feature set.
    pub fn scores(&self, ids: &[u64]) -> [f32; 4] {
        let mut s = [0f32; 4];
        for w in ids.iter().filter_map(|id| self.weights.get(id)) {
            for (a, b) in s.iter_mut().zip(w) {
                *a += b;
            }
        }
        s
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// No weights at all.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// The best class of a score row and its margin over the runner-up.
pub fn best(s: &[f32; 4]) -> (usize, f32) {
    let mut order = [0usize, 1, 2, 3];
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
    (order[0], s[order[0]] - s[order[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_skips_bad_ones() {
        let m = Model::parse("# c\nb=\t1\t0\t0\t-1\nbad\t1\t2\nw1=oslo\t0\t0\t2\t0\n");
        assert_eq!(m.len(), 2);
        let s = m.scores(&[feature_id_of("b="), feature_id_of("w1=oslo")]);
        assert_eq!(s, [1.0, 0.0, 2.0, -1.0]);
        assert_eq!(best(&s), (2, 1.0));
    }

    #[test]
    fn bundled_model_loads() {
        assert!(!Model::bundled().is_empty());
    }
}
