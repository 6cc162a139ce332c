//! The small-count rule: in a breakdown by a person's attributes, a count of 1 or 2 is
//! shown as "<3" (primary suppression), and enough other cells are hidden ("*") that no
//! small count can be worked out from the column's total (secondary suppression).
//!
//! Each column of such a table is a list of counts and their total, and the total is taken
//! as known (the totals are the headline's figures too). The columns are not tied to one
//! another (no column is the sum of others), so each is protected on its own. A reader
//! knows that "<3" is 1 or 2 and that "*" is 0 or at least 3 (or it would read "<3"). So:
//!
//! - a small count of 1 needs another hidden cell that could be one less (a "<3" of 2, or a
//!   "*" of at least 4), and a small count of 2 one that could be one more (a "<3" of 1, or
//!   a "*" of at least 3), so that it could be either;
//! - no hidden cell may be alone (it would be the total minus the rest).
//!
//! Where a column falls short, its smallest shown cell that would do is hidden, until it
//! holds. A column that cannot be protected so (too few people to hide among) is withheld
//! whole, its total too. Zero is shown: it names no one.

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

/// The marks of a column of counts whose total is published (see the module docs), or
/// `None` if it cannot be protected.
pub fn column(values: &[u64]) -> Option<Vec<Mark>> {
    let mut marks = list(values);
    while let Some(least) = lack(values, &marks) {
        let pick = (0..values.len()).filter(|&i| marks[i] == Mark::Shown && values[i] >= least).min_by_key(|&i| (values[i], i))?;
        marks[pick] = Mark::Hidden;
    }
    Some(marks)
}

/// The marks of a list without a total: small counts only.
pub fn list(values: &[u64]) -> Vec<Mark> {
    values.iter().map(|&v| if (1..SMALL).contains(&v) { Mark::Small } else { Mark::Shown }).collect()
}

/// What a column lacks for its hidden cells to stay unknown: a cell of at least this value
/// hidden beside the others.
fn lack(values: &[u64], marks: &[Mark]) -> Option<u64> {
    let hidden: Vec<usize> = (0..values.len()).filter(|&i| marks[i] != Mark::Shown).collect();
    for &p in &hidden {
        if marks[p] != Mark::Small {
            continue;
        }
        let v = values[p];
        // Another hidden cell that could move the other way by one.
        let partner = hidden.iter().any(|&q| {
            q != p
                && match (marks[q], v) {
                    (Mark::Small, 1) => values[q] == 2,
                    (Mark::Small, _) => values[q] == 1,
                    (_, 1) => values[q] > SMALL,
                    _ => values[q] >= SMALL,
                }
        });
        if !partner {
            return Some(if v == 1 { SMALL + 1 } else { SMALL });
        }
    }
    // A lone hidden cell is the total minus the rest: hide another that is not zero.
    (hidden.len() == 1).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use Mark::{Hidden as H, Shown as S, Small as L};

    #[test]
    fn a_small_count_takes_a_cell_that_could_make_up_the_difference() {
        // 2 could be 1 if the 7 were 8: the 7 is hidden.
        assert_eq!(column(&[40, 2, 7, 12]), Some(vec![S, L, H, S]));
        // 1 could be 2 only if the other were one less, and 3 less would read "<3": the 4 is hidden, not the 3.
        assert_eq!(column(&[40, 1, 3, 4]), Some(vec![S, L, S, H]));
        // 2 and 1 protect each other; zero is shown.
        assert_eq!(column(&[40, 2, 1, 0]), Some(vec![S, L, L, S]));
        // Nothing small, nothing hidden.
        assert_eq!(column(&[5, 0, 9]), Some(vec![S, S, S]));
    }

    #[test]
    fn too_few_people_to_hide_among_cannot_be_protected() {
        // One person with a contract, a woman: "<3" and "*" beside a total of 1 would tell.
        assert_eq!(column(&[1, 0, 0]), None);
        assert_eq!(column(&[1, 1]), None);
        assert_eq!(column(&[2, 2, 0]), None);
    }

    /// Every value the hidden cells of a column could have, given what is shown: the
    /// total, the shown cells, "<3" as 1 or 2 and "*" as 0 or 3 and more.
    fn solutions(values: &[u64], marks: &[Mark]) -> Vec<Vec<u64>> {
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
        let total: u64 = values.iter().sum();
        let hidden: Vec<usize> = (0..values.len()).filter(|&i| marks[i] != S).collect();
        let left = total - (0..values.len()).filter(|&i| marks[i] == S).map(|i| values[i]).sum::<u64>();
        let (mut out, mut pick) = (Vec::new(), vec![0u64; hidden.len()]);
        walk(0, left, &hidden, marks, &mut pick, &mut out);
        out
    }

    proptest! {
        /// A column and its total, as a reader sees them: every small count could be
        /// either 1 or 2 (checked by trying every possible value of the hidden cells), and
        /// a column is refused only when small counts are there to protect.
        #[test]
        fn no_small_count_can_be_worked_out_from_a_total(values in prop::collection::vec(prop_oneof![0u64..3, 0u64..12], 1..7)) {
            let Some(marks) = column(&values) else {
                prop_assert!(values.iter().any(|v| (1..SMALL).contains(v)));
                return Ok(());
            };
            for (v, m) in values.iter().zip(&marks) {
                prop_assert_eq!(*m == L, (1..SMALL).contains(v));
            }
            let sols = solutions(&values, &marks);
            let hidden: Vec<usize> = (0..values.len()).filter(|&i| marks[i] != S).collect();
            for (k, &i) in hidden.iter().enumerate() {
                if marks[i] == L {
                    let seen: std::collections::BTreeSet<u64> = sols.iter().map(|s| s[k]).collect();
                    prop_assert!(seen.len() >= 2, "{values:?} shown as {marks:?}: cell {i} can only be {seen:?}");
                }
            }
        }

        #[test]
        fn lists_without_a_total_hide_only_small_counts(values in prop::collection::vec(0u64..6, 0..10)) {
            for (v, mark) in values.iter().zip(list(&values)) {
                prop_assert_eq!(mark == L, (1..SMALL).contains(v));
            }
        }
    }
}
