//! The small-count rule: in a breakdown by a person's attributes, a count of 1 or 2 is
//! shown as "<3" (primary suppression), and enough other cells are hidden ("*") that no
//! hidden count can be worked out from a total (secondary suppression).
//!
//! A table states its sums: each column adds up to the total row, and some columns add up
//! to another column of the same row (activated = concluded + ongoing + closed otherwise).
//! Every such sum is a relation; a relation with exactly one hidden cell would give it
//! away by subtraction, so the smallest other cell of that relation is hidden too (the sum
//! itself only when no part is left), until every relation hides none or at least two.
//! Zero is shown: it names no one.

/// Counts below this are never shown in a breakdown by a person's attributes.
pub const SMALL: u64 = 3;

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Its value.
    Shown,
    /// "<3": the count is 1 or 2.
    Small,
    /// "*": hidden so that a small count cannot be worked out.
    Hidden,
}

/// The sums a table holds (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Sums<'a> {
    /// The last row is the total of the others, column by column.
    pub total_row: bool,
    /// `(c, parts)`: in every row, column `c` is the sum of columns `parts`.
    pub columns: &'a [(usize, &'a [usize])],
}

/// One relation: the cells that add up to `sum`.
struct Relation {
    parts: Vec<(usize, usize)>,
    sum: (usize, usize),
}

/// Marks the cells of `grid` (rows of equal length; the total row last if
/// `sums.total_row`): small counts outside the total row, then secondary suppression.
pub fn suppress(grid: &[Vec<u64>], sums: &Sums<'_>) -> Vec<Vec<Mark>> {
    let body = if sums.total_row { grid.len().saturating_sub(1) } else { grid.len() };
    let width = grid.first().map_or(0, Vec::len);
    let mut marks: Vec<Vec<Mark>> = grid
        .iter()
        .enumerate()
        .map(|(r, row)| row.iter().map(|&v| if r < body && (1..SMALL).contains(&v) { Mark::Small } else { Mark::Shown }).collect())
        .collect();
    let mut relations = Vec::new();
    if sums.total_row && !grid.is_empty() {
        for c in 0..width {
            relations.push(Relation { parts: (0..body).map(|r| (r, c)).collect(), sum: (body, c) });
        }
    }
    for r in 0..grid.len() {
        for (c, parts) in sums.columns {
            relations.push(Relation { parts: parts.iter().map(|&p| (r, p)).collect(), sum: (r, *c) });
        }
    }
    let hidden = |m: &Vec<Vec<Mark>>, (r, c): (usize, usize)| m[r][c] != Mark::Shown;
    loop {
        let mut changed = false;
        for rel in &relations {
            let count = rel.parts.iter().filter(|&&p| hidden(&marks, p)).count() + usize::from(hidden(&marks, rel.sum));
            if count != 1 {
                continue;
            }
            // The smallest shown part, preferring one that is not zero (hiding a zero
            // protects less); the sum only when no part is left.
            let pick = rel
                .parts
                .iter()
                .filter(|&&p| !hidden(&marks, p))
                .min_by_key(|&&(r, c)| (grid[r][c] == 0, grid[r][c], r, c))
                .copied()
                .unwrap_or(rel.sum);
            marks[pick.0][pick.1] = Mark::Hidden;
            changed = true;
        }
        if !changed {
            return marks;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with_total(rows: &[Vec<u64>]) -> Vec<Vec<u64>> {
        let mut grid = rows.to_vec();
        let width = rows.first().map_or(0, Vec::len);
        grid.push((0..width).map(|c| rows.iter().map(|r| r[c]).sum()).collect());
        grid
    }

    #[test]
    fn a_lone_small_count_takes_the_next_smallest_with_it() {
        let grid = with_total(&[vec![40], vec![2], vec![7], vec![12]]);
        let m = suppress(&grid, &Sums { total_row: true, columns: &[] });
        let col: Vec<Mark> = m.iter().map(|r| r[0]).collect();
        assert_eq!(col, [Mark::Shown, Mark::Small, Mark::Hidden, Mark::Shown, Mark::Shown]);
    }

    #[test]
    fn two_small_counts_protect_each_other_and_zero_is_shown() {
        let grid = with_total(&[vec![40], vec![2], vec![1], vec![0]]);
        let m = suppress(&grid, &Sums { total_row: true, columns: &[] });
        let col: Vec<Mark> = m.iter().map(|r| r[0]).collect();
        assert_eq!(col, [Mark::Shown, Mark::Small, Mark::Small, Mark::Shown, Mark::Shown]);
    }

    #[test]
    fn a_row_sum_spreads_the_hiding_across_columns() {
        // activated = concluded + ongoing + other; a concluded count of 2 must not be worked out from its row.
        let rows = [vec![50, 20, 25, 5], vec![9, 2, 6, 1]];
        let grid = with_total(&rows);
        let m = suppress(&grid, &Sums { total_row: true, columns: &[(0, &[1, 2, 3])] });
        assert_eq!(m[1][1], Mark::Small);
        assert_eq!(m[1][3], Mark::Small);
        check(&grid, &m, true, &[(0, &[1, 2, 3])]);
    }

    /// Every relation hides none or at least two cells; every small count is hidden.
    fn check(grid: &[Vec<u64>], m: &[Vec<Mark>], total_row: bool, columns: &[(usize, &[usize])]) {
        let body = if total_row { grid.len() - 1 } else { grid.len() };
        for r in 0..body {
            for c in 0..grid[r].len() {
                if (1..SMALL).contains(&grid[r][c]) {
                    assert_eq!(m[r][c], Mark::Small, "cell {r},{c}");
                } else {
                    assert_ne!(m[r][c], Mark::Small, "cell {r},{c}");
                }
            }
        }
        let hid = |r: usize, c: usize| usize::from(m[r][c] != Mark::Shown);
        if total_row {
            for c in 0..grid[0].len() {
                let n: usize = (0..=body).map(|r| hid(r, c)).sum();
                assert!(n != 1, "column {c} gives away its hidden cell");
            }
        }
        for r in 0..grid.len() {
            for (c, parts) in columns {
                let n = hid(r, *c) + parts.iter().map(|&p| hid(r, p)).sum::<usize>();
                assert!(n != 1, "row {r} gives away its hidden cell");
            }
        }
    }

    proptest! {
        #[test]
        fn no_hidden_count_can_be_worked_out(rows in prop::collection::vec(prop::collection::vec(0u64..8, 3), 1..8)) {
            // Column 0 is the sum of columns 1 and 2, as activated = concluded + the rest.
            let rows: Vec<Vec<u64>> = rows.into_iter().map(|r| vec![r[1] + r[2], r[1], r[2]]).collect();
            let grid = with_total(&rows);
            let sums: &[(usize, &[usize])] = &[(0, &[1, 2])];
            let m = suppress(&grid, &Sums { total_row: true, columns: sums });
            check(&grid, &m, true, sums);
        }

        #[test]
        fn lists_without_a_total_hide_only_small_counts(values in prop::collection::vec(0u64..6, 0..10)) {
            let grid: Vec<Vec<u64>> = values.iter().map(|&v| vec![v]).collect();
            let m = suppress(&grid, &Sums::default());
            for (v, mark) in values.iter().zip(&m) {
                prop_assert_eq!(mark[0] == Mark::Small, (1..SMALL).contains(v));
                prop_assert!(mark[0] != Mark::Hidden);
            }
        }
    }
}
