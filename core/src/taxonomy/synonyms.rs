//! Synonym tables: extra labels that point at ESCO concepts, such as Sportello's Italian
//! table `core/data/it-synonyms.tsv`.
//!
//! **That table is Sportello's own work, not ESCO's Italian translation.** It maps a few
//! hundred words and phrases heard at Italian job desks ("muletto", "badante", "pulizie")
//! to the one ESCO concept whose English labels say the same thing; each entry was checked
//! by hand against the English labels, and the test suite checks that every URI exists and
//! still has the English preferred label noted next to it. The official Italian ESCO
//! download ([`super::Taxonomy::add_language_from_esco_csv`]) is the real answer and should
//! replace the table wherever it is available.
//!
//! Format: UTF-8, one entry per line, `term<TAB>uri<TAB>note`; the note (the concept's
//! English preferred label) is optional. A URI may be written without the
//! `http://data.europa.eu/esco/` prefix (`skill/28cb...`). Blank lines and lines starting
//! with `#` are ignored.

use super::data_table::{full_uri, rows};
use super::{LabelKind, LabelSource, NewLabel};
use crate::error::Result;

/// One entry of a synonym table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Synonym {
    /// The synonym, e.g. "muletto".
    pub(crate) term: String,
    /// The full concept URI.
    pub(crate) uri: String,
    /// The note, normally the concept's English preferred label.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) note: String,
    /// 1-based line in the table.
    pub(crate) line: u64,
}

/// Parses a synonym table (see the module docs); `file` names it in errors.
pub(crate) fn parse(text: &str, file: &str) -> Result<Vec<Synonym>> {
    let mut out = Vec::new();
    for row in rows(text, file) {
        let field = |i: usize| row.fields.get(i).copied().unwrap_or_default();
        let (term, uri, note) = (field(0), field(1), field(2));
        if row.fields.len() > 3 {
            return Err(row.error("expected at most 3 tab-separated fields: term, uri, note"));
        }
        if term.is_empty() || uri.is_empty() {
            return Err(row.error(format!("expected a term and a URI separated by a tab, found {:?}", row.text.trim())));
        }
        out.push(Synonym { term: term.to_owned(), uri: full_uri(uri), note: note.to_owned(), line: row.line });
    }
    Ok(out)
}

/// The labels to add for a synonym table's entries, in `lang`, marked as Sportello's.
pub(crate) fn labels<'a>(entries: &'a [Synonym], lang: &'a str) -> impl Iterator<Item = NewLabel<'a>> + 'a {
    entries.iter().map(move |e| NewLabel { uri: &e.uri, lang, kind: LabelKind::Synonym, source: LabelSource::Sportello, text: &e.term })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{LabelSource, Taxonomy};

    #[test]
    fn parses_short_and_full_uris_and_reports_bad_lines() {
        let s = parse("# comment\n\nmuletto\tskill/abc\toperate forklift\nx\thttp://e/x\n", "t.tsv").expect("parses");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].uri, "http://data.europa.eu/esco/skill/abc");
        assert_eq!((s[0].line, s[1].line), (3, 4));
        assert_eq!(s[1].uri, "http://e/x");
        let err = parse("ok\tskill/a\nbroken line\n", "t.tsv").expect_err("no tab");
        assert_eq!(err.to_string(), "t.tsv, line 2: expected a term and a URI separated by a tab, found \"broken line\"");
    }

    /// Every entry of the shipped table points at an existing concept whose English
    /// preferred label is the one noted, and no term points at two concepts of one kind.
    #[test]
    fn shipped_italian_table_matches_the_english_labels() {
        let t = Taxonomy::load_embedded().expect("embedded");
        let table =
            parse(crate::reference_data::files::embedded().expect("embedded").it_synonyms, "it-synonyms.tsv").expect("table parses");
        assert!(table.len() >= 150, "only {} entries", table.len());
        let mut seen = std::collections::HashMap::new();
        for s in &table {
            let c = t.concept(&s.uri).unwrap_or_else(|| panic!("line {}: unknown URI {}", s.line, s.uri));
            assert_eq!(c.preferred_label("en"), Some(s.note.as_str()), "line {}: {}", s.line, s.term);
            // A synonym that is also one of Sportello's own labels keeps the stronger kind.
            assert!(c.labels().any(|l| l.lang == "it" && l.text == s.term && l.source == LabelSource::Sportello));
            let key = (crate::fold::fold(&s.term), c.kind());
            if let Some(prev) = seen.insert(key, s.line) {
                panic!("line {}: {:?} already maps a concept of the same kind on line {prev}", s.line, s.term);
            }
        }
    }
}
