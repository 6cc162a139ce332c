//! A report as one CSV file in long form, one figure per line: `table,key,label,column,value`
//! (the total rows have the key `total`; a withheld count reads `<3` or `*`, no value is
//! empty). Spreadsheets and pandas read it as it is.

use super::Report;

/// The report's figures as CSV text (UTF-8, `\n` line ends, a header line).
pub fn to_csv(report: &Report) -> String {
    let mut out = String::from("table,key,label,column,value\n");
    for t in &report.tables {
        for row in t.rows.iter().chain(&t.total) {
            for (column, cell) in t.columns.iter().zip(&row.cells) {
                let fields = [t.name, &row.key, &row.label, column.name, &cell.csv()];
                let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
                out.push_str(&line.join(","));
                out.push('\n');
            }
        }
    }
    out
}

/// A field, quoted if it holds a comma, a quote or a line break (RFC 4180); a leading
/// `=`, `+`, `-` or `@` is prefixed with `'` so that no spreadsheet runs it as a formula.
fn quote(field: &str) -> String {
    let safe =
        if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() { format!("'{field}") } else { field.to_owned() };
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote("Trecate"), "Trecate");
        assert_eq!(quote("GOL 1, reinserimento"), "\"GOL 1, reinserimento\"");
        assert_eq!(quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(quote("-3"), "-3");
    }
}
