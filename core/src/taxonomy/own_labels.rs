//! Sportello's own labels for ESCO concepts in one language: `core/data/esco-it-sportello.tsv`.
//!
//! **Written and reviewed by the project, not ESCO's translation.** Each line gives one
//! concept a preferred label and the other ways people write it, in the language of the
//! file; the labels are added with [`LabelSource::Sportello`], so that every hit and every
//! label says who wrote it, and an official ESCO download of the same language, when one is
//! imported, is shown first (see `Taxonomy::display_label`).
//!
//! Format: UTF-8, one concept per line, `uri<TAB>preferred<TAB>alternatives<TAB>english`:
//! the URI with or without the `http://data.europa.eu/esco/` prefix; alternatives separated
//! by ` | ` (may be empty); the concept's English preferred label, which the crate's tests
//! compare with ESCO's so that a line cannot drift onto another concept. Blank lines and
//! lines starting with `#` are ignored.

use super::data_table::{full_uri, rows};
use super::{LabelKind, LabelSource, NewLabel};
use crate::error::Result;

/// One concept's labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OwnLabels {
    /// The full concept URI.
    pub(crate) uri: String,
    /// The preferred label.
    pub(crate) preferred: String,
    /// The other labels.
    pub(crate) alternatives: Vec<String>,
    /// ESCO's English preferred label, as noted in the file.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) english: String,
    /// 1-based line in the file.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) line: u64,
}

/// A parsed label table.
#[derive(Debug, Clone, Default)]
pub(crate) struct LabelTable(pub(crate) Vec<OwnLabels>);

impl LabelTable {
    /// The labels to add, in `lang`, marked as Sportello's.
    pub(crate) fn labels<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = NewLabel<'a>> + 'a {
        self.0.iter().flat_map(move |c| {
            let preferred = NewLabel { uri: &c.uri, lang, kind: LabelKind::Preferred, source: LabelSource::Sportello, text: &c.preferred };
            std::iter::once(preferred).chain(c.alternatives.iter().map(move |a| NewLabel {
                uri: &c.uri,
                lang,
                kind: LabelKind::Alternative,
                source: LabelSource::Sportello,
                text: a,
            }))
        })
    }
}

/// Parses a label table (see the module docs); `file` names it in errors.
pub(crate) fn parse(text: &str, file: &str) -> Result<LabelTable> {
    let mut out = Vec::new();
    for row in rows(text, file) {
        let [uri, preferred, alternatives, english] = row.fields[..] else {
            return Err(
                row.error(format!("expected 4 tab-separated fields (uri, preferred, alternatives, english), found {}", row.fields.len()))
            );
        };
        if uri.is_empty() || preferred.is_empty() {
            return Err(row.error("expected a URI and a preferred label"));
        }
        let line = row.line;
        let alternatives = alternatives.split('|').map(str::trim).filter(|a| !a.is_empty() && *a != preferred).map(str::to_owned).collect();
        out.push(OwnLabels { uri: full_uri(uri), preferred: preferred.to_owned(), alternatives, english: english.to_owned(), line });
    }
    Ok(LabelTable(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::taxonomy::{ConceptKind, Taxonomy};

    #[test]
    fn a_line_gives_a_preferred_label_and_alternatives() {
        let t = parse("# comment\n\nskill/x\tusare il muletto\tmuletto | uso del muletto | \toperate forklift\n", "t.tsv").expect("parses");
        assert_eq!(t.0.len(), 1);
        assert_eq!(t.0[0].uri, "http://data.europa.eu/esco/skill/x");
        assert_eq!(t.0[0].alternatives, ["muletto", "uso del muletto"]);
        assert_eq!(t.0[0].line, 3);
        let labels: Vec<_> = t.labels("it").map(|l| (l.kind, l.text, l.source)).collect();
        assert_eq!(labels[0], (LabelKind::Preferred, "usare il muletto", LabelSource::Sportello));
        assert_eq!(labels.len(), 3);
    }

    #[test]
    fn a_bad_line_is_named() {
        let e = parse("skill/x\tonly two\n", "own.tsv").expect_err("three fields missing");
        let Error::DataFile { file, line, message } = e else { panic!("{e:?}") };
        assert_eq!((file.as_str(), line), ("own.tsv", 1));
        assert!(message.contains("expected 4 tab-separated fields"), "{message}");
    }

    /// Every line of the shipped table points at a concept of the embedded ESCO whose English
    /// preferred label is the one noted: a line cannot drift onto another concept.
    #[test]
    fn the_shipped_italian_table_matches_esco() {
        let table = parse(crate::reference_data::files::embedded().expect("embedded").it_labels, "esco-it-sportello.tsv").expect("parses");
        let esco = Taxonomy::from_pack(crate::reference_data::files::embedded().expect("embedded").esco_pack).expect("pack");
        let mut seen = std::collections::HashSet::new();
        for c in &table.0 {
            let concept = esco.concept(&c.uri).unwrap_or_else(|| panic!("line {}: unknown concept {}", c.line, c.uri));
            let english = concept.preferred_label("en").map(|l| l.split_whitespace().collect::<Vec<_>>());
            assert_eq!(english, Some(c.english.split_whitespace().collect()), "line {}", c.line);
            assert!(matches!(concept.kind(), ConceptKind::Skill | ConceptKind::Occupation), "line {}", c.line);
            assert!(seen.insert(c.uri.clone()), "line {}: {} twice", c.line, c.uri);
        }
        let skills = table.0.iter().filter(|c| c.uri.contains("/skill/")).count();
        let occupations = table.0.len() - skills;
        assert!(occupations >= 400 && skills >= 4_000, "{occupations} occupations, {skills} skills");
    }
}
