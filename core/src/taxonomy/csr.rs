//! Compressed adjacency lists (CSR): the taxonomy's relations, and the search index's
//! postings and label stems, as one flat array each, read by node without hashing.

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
        let mut counts = vec![0u32; n];
        for &(node, _) in pairs {
            if let Some(c) = counts.get_mut(node as usize) {
                *c += 1;
            }
        }
        Self::with_counts(&counts, pairs.iter().copied())
    }

    /// Builds the lists of `counts.len()` nodes, node `i` holding `counts[i]` items, from
    /// the `(node, item)` pairs, keeping their order within a node. Pairs with no room left
    /// in their node (or no node) are dropped.
    pub(super) fn with_counts(counts: &[u32], pairs: impl IntoIterator<Item = (u32, T)>) -> Self {
        let mut offsets = Vec::with_capacity(counts.len() + 1);
        offsets.push(0u32);
        for &c in counts {
            offsets.push(offsets[offsets.len() - 1] + c);
        }
        let mut fill = offsets.clone();
        let mut items = vec![T::default(); offsets[counts.len()] as usize];
        for (node, item) in pairs {
            let node = node as usize;
            if let (Some(f), Some(&end)) = (fill.get_mut(node), offsets.get(node + 1))
                && *f < end
            {
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
}

impl<T> Csr<T> {
    /// No lists yet, ready for [`Csr::push`] and [`Csr::close`] to add them in order.
    pub(super) fn new() -> Self {
        Csr { offsets: vec![0], items: Vec::new() }
    }

    /// Adds an item to the list being written.
    pub(super) fn push(&mut self, item: T) {
        self.items.push(item);
    }

    /// Adds items to the list being written.
    pub(super) fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
    }

    /// Ends the list being written: its node is the next one.
    pub(super) fn close(&mut self) {
        self.offsets.push(self.items.len() as u32);
    }

    /// How many nodes there are.
    pub(super) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub(super) fn get(&self, node: u32) -> &[T] {
        let i = node as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_written_in_order_read_back() {
        let mut csr = Csr::new();
        csr.extend(['a', 'b']);
        csr.close();
        csr.close();
        csr.push('c');
        csr.close();
        assert_eq!(csr.len(), 3);
        assert_eq!((csr.get(0), csr.get(1), csr.get(2), csr.get(3)), (&['a', 'b'][..], &[][..], &['c'][..], &[][..]));
    }

    #[test]
    fn csr_groups_items_by_node_and_ignores_out_of_range() {
        let csr = Csr::build(3, &[(2, 'a'), (0, 'b'), (2, 'c'), (7, 'x')]);
        assert_eq!(csr.get(0), &['b']);
        assert_eq!(csr.get(1), &[] as &[char]);
        assert_eq!(csr.get(2), &['a', 'c']);
        assert_eq!(csr.get(9), &[] as &[char]);
        let counted = Csr::with_counts(&[1, 0, 2], [(2, 'a'), (0, 'b'), (2, 'c'), (0, 'x'), (7, 'y')]);
        assert_eq!((counted.get(0), counted.get(1), counted.get(2)), (&['b'][..], &[][..], &['a', 'c'][..]), "no room: dropped");
    }
}
