//! Compressed adjacency lists (CSR): the taxonomy's relations as one flat array per
//! relation, read by node without hashing.

/// Compressed adjacency lists: the items of node `i` are `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub(super) struct Csr<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> Csr<T> {
    /// Builds the lists of `n` nodes from `(node, item)` pairs, keeping their order within
    /// a node (a counting sort). Pairs with `node >= n` are dropped.
    pub(super) fn build(n: usize, pairs: &[(u32, T)]) -> Self {
        let mut offsets = vec![0u32; n + 1];
        for &(node, _) in pairs {
            if let Some(o) = offsets.get_mut(node as usize + 1) {
                *o += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![T::default(); offsets[n] as usize];
        for &(node, item) in pairs {
            if let Some(f) = fill.get_mut(node as usize).filter(|_| (node as usize) < n) {
                items[*f as usize] = item;
                *f += 1;
            }
        }
        Csr { offsets, items }
    }

    /// How many nodes have at least one item.
    pub(super) fn nodes_with_items(&self) -> usize {
        self.offsets.windows(2).filter(|w| w[1] > w[0]).count()
    }

    pub(super) fn get(&self, node: u32) -> &[T] {
        let i = node as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csr_groups_items_by_node_and_ignores_out_of_range() {
        let csr = Csr::build(3, &[(2, 'a'), (0, 'b'), (2, 'c'), (7, 'x')]);
        assert_eq!(csr.get(0), &['b']);
        assert_eq!(csr.get(1), &[] as &[char]);
        assert_eq!(csr.get(2), &['a', 'c']);
        assert_eq!(csr.get(9), &[] as &[char]);
    }
}
