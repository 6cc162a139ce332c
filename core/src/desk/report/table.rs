//! A report's tables: named columns, keyed rows of [`Figure`]s and a total row, worded in
//! the report's language. The PDF, the console, the CSV and Python's DataFrames are all
//! drawn from these, so they cannot disagree.

use serde::Serialize;

use super::figure::Figure;
use super::suppress::{self, Mark};

/// A column: its stable name (CSV, JSON, DataFrames) and its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Stable name, e.g. `activated`.
    pub name: &'static str,
    /// What a person reads.
    pub label: String,
}

/// A row: its stable key, its label and one figure per column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Stable key, e.g. `2022-11`, `gol_1`, a desk's code.
    pub key: String,
    /// What a person reads.
    pub label: String,
    /// One figure per column.
    pub cells: Vec<Figure>,
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Stable name, e.g. `by_kind`.
    pub name: &'static str,
    /// Its title.
    pub title: String,
    /// What it counts and how, if it needs saying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The label of the rows' key, e.g. `Mese`.
    pub key: String,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows.
    pub rows: Vec<Row>,
    /// The total row, if the rows add up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Row>,
    /// Whether the small-count rule applies (a breakdown by a person's attributes).
    pub small_counts_withheld: bool,
}

impl Table {
    /// The figures of column `column`, one per row (the total row left out); none for a
    /// column the table does not have.
    pub fn column(&self, column: &str) -> Vec<Figure> {
        self.columns.iter().position(|c| c.name == column).map_or_else(Vec::new, |c| self.rows.iter().map(|r| r.cells[c]).collect())
    }

    /// The figure in row `key`, column `column` (`"total"` for the total row).
    pub fn figure(&self, key: &str, column: &str) -> Option<Figure> {
        let c = self.columns.iter().position(|c| c.name == column)?;
        let row = if key == "total" { self.total.as_ref() } else { self.rows.iter().find(|r| r.key == key) }?;
        row.cells.get(c).copied()
    }
}

/// A table's rows and total row, as the small-count rule leaves them.
pub(super) struct Body {
    /// The rows.
    pub rows: Vec<Row>,
    /// The total row.
    pub total: Option<Row>,
    /// Too few people to protect any column: the table is withheld whole (no rows, which
    /// would name who is there).
    pub withheld_whole: bool,
}

/// Rows of counts before they become figures.
pub(super) struct Counts {
    /// `(key, label, counts)`.
    pub rows: Vec<(String, String, Vec<u64>)>,
    /// The number of columns.
    pub width: usize,
    /// Whether a total row is added (and which columns it sums: the others read "—").
    pub total: Option<Vec<bool>>,
}

impl Counts {
    /// The table's rows and total; with `withhold`, under the small-count rule, column by
    /// column (a column that cannot be protected is hidden whole, its total too; a table
    /// whose every column is so has no rows).
    pub fn into_rows(self, total_label: &str, withhold: bool) -> Body {
        let height = self.rows.len();
        // Each column's marks, or `None` for a column withheld whole.
        let columns: Vec<Option<Vec<Mark>>> = (0..self.width)
            .map(|c| {
                let values: Vec<u64> = self.rows.iter().map(|r| r.2[c]).collect();
                match (withhold, self.total.is_some()) {
                    (false, _) => Some(vec![Mark::Shown; height]),
                    (true, false) => Some(suppress::list(&values)),
                    (true, true) => suppress::column(&values),
                }
            })
            .collect();
        if height > 0 && !columns.is_empty() && columns.iter().all(Option::is_none) {
            return Body { rows: Vec::new(), total: None, withheld_whole: true };
        }
        // Row `height` is the total: shown, unless its column is withheld.
        let mark = |r: usize, c: usize| match &columns[c] {
            Some(m) => m.get(r).copied().unwrap_or(Mark::Shown),
            None => Mark::Hidden,
        };
        let figures =
            |r: usize, values: &[u64]| -> Vec<Figure> { values.iter().enumerate().map(|(c, &v)| Figure::marked(v, mark(r, c))).collect() };
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, (key, label, values))| Row { key: key.clone(), label: label.clone(), cells: figures(i, values) })
            .collect();
        let total = self.total.map(|summed| {
            let sums: Vec<u64> = (0..self.width).map(|c| self.rows.iter().map(|r| r.2[c]).sum()).collect();
            let mut cells = figures(height, &sums);
            for (cell, sums) in cells.iter_mut().zip(summed) {
                if !sums {
                    *cell = Figure::Blank;
                }
            }
            Row { key: "total".into(), label: total_label.to_owned(), cells }
        });
        Body { rows, total, withheld_whole: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(rows: &[[u64; 2]]) -> Counts {
        let rows = rows.iter().enumerate().map(|(i, r)| (format!("k{i}"), format!("row {i}"), r.to_vec())).collect();
        Counts { rows, width: 2, total: Some(vec![true, true]) }
    }

    #[test]
    fn a_column_too_small_to_protect_is_hidden_whole_and_the_others_stay() {
        let body = counts(&[[5, 1], [4, 0], [0, 0]]).into_rows("Totale", true);
        assert!(!body.withheld_whole);
        let first: Vec<Figure> = body.rows.iter().map(|r| r.cells[0]).collect();
        assert_eq!(first, [Figure::Count(5), Figure::Count(4), Figure::Count(0)]);
        assert!(body.rows.iter().all(|r| r.cells[1] == Figure::Hidden));
        assert_eq!(body.total.map(|t| t.cells), Some(vec![Figure::Count(9), Figure::Hidden]));
        // Every column so: no rows at all, which would say who is there.
        let none = counts(&[[1, 1], [0, 0]]).into_rows("Totale", true);
        assert!(none.withheld_whole && none.rows.is_empty() && none.total.is_none());
    }
}
