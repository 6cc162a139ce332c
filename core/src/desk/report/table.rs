//! A report's tables: named columns, keyed rows of [`Figure`]s and a total row, worded in
//! the report's language. The PDF, the console, the CSV and Python's DataFrames are all
//! drawn from these, so they cannot disagree.

use serde::Serialize;

use super::figure::Figure;
use super::suppress::{self, Sums};

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
    /// Too few people to protect any count: the table is withheld whole (no rows, which
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
    /// The table's rows and total; with `withhold`, under the small-count rule, where
    /// `row_sums` names the columns that add up to another in every row.
    pub fn into_rows(self, total_label: &str, withhold: bool, row_sums: &[(usize, &[usize])]) -> Body {
        let width = self.width;
        let mut grid: Vec<Vec<u64>> = self.rows.iter().map(|r| r.2.clone()).collect();
        if self.total.is_some() {
            grid.push((0..width).map(|c| self.rows.iter().map(|r| r.2[c]).sum()).collect());
        }
        let marks = if withhold {
            suppress::suppress(&grid, &Sums { total_row: self.total.is_some(), columns: row_sums })
        } else {
            grid.iter().map(|r| vec![suppress::Mark::Shown; r.len()]).collect()
        };
        if !grid.is_empty() && marks.iter().flatten().all(|&m| m == suppress::Mark::Hidden) {
            return Body { rows: Vec::new(), total: None, withheld_whole: true };
        }
        let figures = |r: usize| -> Vec<Figure> { grid[r].iter().zip(&marks[r]).map(|(&v, &m)| Figure::marked(v, m)).collect() };
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, (key, label, _))| Row { key: key.clone(), label: label.clone(), cells: figures(i) })
            .collect();
        let total = self.total.map(|summed| {
            let mut cells = figures(grid.len() - 1);
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
