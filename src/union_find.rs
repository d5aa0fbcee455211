//! Disjoint sets over `0..n`, for alias merging and story linkage.

/// Disjoint sets over `0..n`; [`UnionFind::union`] roots at the smaller index (deterministic).
#[derive(Debug)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    /// The root of `x`'s set (halving the path on the way).
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.join_into(ra.max(rb), ra.min(rb));
    }

    /// Joins `child`'s set to `root`'s; the root stays `root`'s root, even when it is the
    /// larger index.
    pub(crate) fn join_into(&mut self, child: usize, root: usize) {
        let (rc, rr) = (self.find(child), self.find(root));
        if rc != rr {
            self.parent[rc] = rr;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_at_smallest() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 2);
        uf.union(2, 3);
        assert_eq!(uf.find(3), 2);
        uf.union(3, 0);
        assert_eq!(uf.find(4), 0);
        assert_eq!(uf.find(1), 1);
    }

    #[test]
    fn join_into_keeps_the_given_root() {
        let mut uf = UnionFind::new(4);
        uf.join_into(0, 3);
        uf.join_into(3, 2);
        assert_eq!(uf.find(0), 2);
        assert_eq!(uf.find(3), 2);
        assert_eq!(uf.find(1), 1);
    }
}
