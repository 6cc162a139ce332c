//! The small-count rule: in a breakdown by a person's attributes, a count of 1 or 2 is
//! shown as "<3" (primary suppression), and enough other cells are hidden ("*") that no
//! small count can be worked out from a total (secondary suppression).
//!
//! A table states its sums: each column adds up to the total row, and some columns add up
//! to another column of the same row (activated = concluded + ongoing + closed otherwise).
//! Every such sum is a relation, and its sum is taken as known (the totals are published
//! in the headline too). A reader knows that "<3" is 1 or 2 and that "*" is 0 or at least
//! 3 (or it would read "<3"). So within each relation:
//!
//! - no hidden cell may stand alone (it would be the sum minus the rest);
//! - a small count of 1 needs another hidden cell that could be one less (a "<3" of 2, or a
//!   "*" of at least 4), and a small count of 2 one that could be one more (a "<3" of 1, or
//!   a "*" of at least 3), so that it could be either.
//!
//! Where a relation falls short, its smallest shown part that would do is hidden (a row's
//! own sum if no part would), until every relation holds. A table that cannot be protected
//! so (too few people to hide among) is hidden whole. Zero is shown: it names no one. Each
//! relation is checked on its own; a reader solving several at once could narrow a cell
//! further in larger tables, which is why the tables kept to this rule are small, one- or
//! two-way breakdowns.

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
    let value = |(r, c): (usize, usize)| grid[r][c];
    loop {
        let mut changed = false;
        for rel in &relations {
            let Some(least) = lack(rel, &marks, grid) else { continue };
            let pick = rel
                .parts
                .iter()
                .filter(|&&(r, c)| marks[r][c] == Mark::Shown && value((r, c)) >= least)
                .min_by_key(|&&p| (value(p), p))
                .copied()
                .or_else(|| (rel.sum.0 < body && marks[rel.sum.0][rel.sum.1] == Mark::Shown).then_some(rel.sum));
            match pick {
                Some((r, c)) => {
                    marks[r][c] = Mark::Hidden;
                    changed = true;
                }
                // Nothing left to hide among: the whole table is withheld.
                None => return grid.iter().map(|row| vec![Mark::Hidden; row.len()]).collect(),
            }
        }
        if !changed {
            return marks;
        }
    }
}

/// What `rel` lacks for its hidden cells to stay unknown (see the module docs): a part of
/// at least this value hidden beside the others.
fn lack(rel: &Relation, marks: &[Vec<Mark>], grid: &[Vec<u64>]) -> Option<u64> {
    let mark = |(r, c): (usize, usize)| marks[r][c];
    if mark(rel.sum) != Mark::Shown {
        // Its sum is not known from this table.
        return None;
    }
    let hidden: Vec<(usize, usize)> = rel.parts.iter().copied().filter(|&p| mark(p) != Mark::Shown).collect();
    for &p in &hidden {
        if mark(p) != Mark::Small {
            continue;
        }
        let v = grid[p.0][p.1];
        // Another hidden cell that could move the other way by one.
        let partner = hidden.iter().any(|&q| {
            q != p
                && match (mark(q), v) {
                    (Mark::Small, 1) => grid[q.0][q.1] == 2,
                    (Mark::Small, _) => grid[q.0][q.1] == 1,
                    (_, 1) => grid[q.0][q.1] > SMALL,
                    _ => grid[q.0][q.1] >= SMALL,
                }
        });
        if !partner {
            return Some(if v == 1 { SMALL + 1 } else { SMALL });
        }
    }
    // A lone hidden cell is the sum minus the rest: hide another that is not zero.
    (hidden.len() == 1).then_some(1)
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

    fn column(values: &[u64]) -> Vec<Mark> {
        let rows: Vec<Vec<u64>> = values.iter().map(|&v| vec![v]).collect();
        suppress(&with_total(&rows), &Sums { total_row: true, columns: &[] }).iter().map(|r| r[0]).collect()
    }

    use Mark::{Hidden as H, Shown as S, Small as L};

    #[test]
    fn a_small_count_takes_a_cell_that_could_make_up_the_difference() {
        // 2 could be 1 if the 7 were 8: the 7 is hidden.
        assert_eq!(column(&[40, 2, 7, 12]), [S, L, H, S, S]);
        // 1 could be 2 only if the other were one less, and 3 less would read "<3": the 4 is hidden, not the 3.
        assert_eq!(column(&[40, 1, 3, 4]), [S, L, S, H, S]);
        // 2 and 1 protect each other; zero is shown.
        assert_eq!(column(&[40, 2, 1, 0]), [S, L, L, S, S]);
    }

    #[test]
    fn too_few_people_to_hide_among_withhold_the_whole_table() {
        // One person with a contract, a woman: "<3" and "*" beside a total of 1 would tell.
        assert_eq!(column(&[1, 0, 0]), [H, H, H, H]);
        assert_eq!(column(&[1, 1]), [H, H, H]);
        assert_eq!(column(&[2, 2, 0]), [H, H, H, H]);
        // Nothing small, nothing hidden.
        assert_eq!(column(&[5, 0, 9]), [S, S, S, S]);
    }

    #[test]
    fn a_row_sum_spreads_the_hiding_across_columns() {
        // activated = concluded + ongoing + other; a concluded count of 2 must not be worked out from its row.
        let grid = with_total(&[vec![50, 20, 25, 5], vec![9, 2, 6, 1]]);
        let m = suppress(&grid, &Sums { total_row: true, columns: &[(0, &[1, 2, 3])] });
        assert_eq!((m[1][1], m[1][3]), (L, L));
        check_relations(&grid, &m, &[(0, &[1, 2, 3])]);
    }

    /// Every relation (columns to the total, the row sums) leaves no hidden cell alone,
    /// and every small count beside a cell that could move the other way.
    fn check_relations(grid: &[Vec<u64>], m: &[Vec<Mark>], columns: &[(usize, &[usize])]) {
        if m.iter().flatten().all(|&x| x == H) {
            return;
        }
        let body = grid.len() - 1;
        let mut relations: Vec<Relation> =
            (0..grid[0].len()).map(|c| Relation { parts: (0..body).map(|r| (r, c)).collect(), sum: (body, c) }).collect();
        for r in 0..grid.len() {
            for (c, parts) in columns {
                relations.push(Relation { parts: parts.iter().map(|&p| (r, p)).collect(), sum: (r, *c) });
            }
        }
        for rel in &relations {
            assert!(lack(rel, m, grid).is_none(), "a relation gives a cell away: {:?} in {grid:?} as {m:?}", rel.parts);
        }
        for (r, row) in grid.iter().enumerate().take(body) {
            for (c, &v) in row.iter().enumerate() {
                assert_eq!(m[r][c] == L, (1..SMALL).contains(&v), "cell {r},{c}");
            }
        }
    }

    /// Every value a hidden cell of a column could have, given what is shown: the total,
    /// the shown cells, "<3" as 1 or 2 and "*" as 0 or 3 and more.
    fn solutions(values: &[u64], marks: &[Mark]) -> Vec<Vec<u64>> {
        let total: u64 = values.iter().sum();
        let hidden: Vec<usize> = (0..values.len()).filter(|&i| marks[i] != S).collect();
        let left = total - (0..values.len()).filter(|&i| marks[i] == S).map(|i| values[i]).sum::<u64>();
        let mut out = Vec::new();
        let mut pick = vec![0u64; hidden.len()];
        fn walk(i: usize, left: u64, hidden: &[usize], marks: &[Mark], pick: &mut Vec<u64>, out: &mut Vec<Vec<u64>>) {
            if i == hidden.len() {
                if left == 0 {
                    out.push(pick.clone());
                }
                return;
            }
            let options: Vec<u64> = if marks[hidden[i]] == L { vec![1, 2] } else { std::iter::once(0).chain(SMALL..=left).collect() };
            for v in options.into_iter().filter(|&v| v <= left) {
                pick[i] = v;
                walk(i + 1, left - v, hidden, marks, pick, out);
            }
        }
        walk(0, left, &hidden, marks, &mut pick, &mut out);
        out
    }

    proptest! {
        /// A column and its total, as a reader sees them: every small count could be
        /// either 1 or 2 (checked by trying every possible value of the hidden cells).
        #[test]
        fn no_small_count_can_be_worked_out_from_a_total(values in prop::collection::vec(prop_oneof![0u64..3, 0u64..12], 1..6)) {
            let marks = column(&values);
            if marks.iter().all(|&m| m == H) {
                return Ok(());
            }
            let sols = solutions(&values, &marks[..values.len()]);
            let hidden: Vec<usize> = (0..values.len()).filter(|&i| marks[i] != S).collect();
            for (k, &i) in hidden.iter().enumerate() {
                if marks[i] == L {
                    let seen: std::collections::BTreeSet<u64> = sols.iter().map(|s| s[k]).collect();
                    prop_assert!(seen.len() >= 2, "{values:?} shown as {marks:?}: cell {i} can only be {seen:?}");
                }
            }
        }

        #[test]
        fn two_way_tables_keep_every_relation(rows in prop::collection::vec(prop::collection::vec(0u64..8, 3), 1..8)) {
            // Column 0 is the sum of columns 1 and 2, as activated = concluded + the rest.
            let rows: Vec<Vec<u64>> = rows.into_iter().map(|r| vec![r[1] + r[2], r[1], r[2]]).collect();
            let grid = with_total(&rows);
            let sums: &[(usize, &[usize])] = &[(0, &[1, 2])];
            let m = suppress(&grid, &Sums { total_row: true, columns: sums });
            check_relations(&grid, &m, sums);
        }

        #[test]
        fn lists_without_a_total_hide_only_small_counts(values in prop::collection::vec(0u64..6, 0..10)) {
            let grid: Vec<Vec<u64>> = values.iter().map(|&v| vec![v]).collect();
            let m = suppress(&grid, &Sums::default());
            for (v, mark) in values.iter().zip(&m) {
                prop_assert_eq!(mark[0] == L, (1..SMALL).contains(v));
                prop_assert!(mark[0] != H);
            }
        }
    }
}
