//! Sportello's Italian thesaurus: single words that, in a phrase about work, say the same
//! thing as another ("cuocere" and "cucinare", "camion" and "autocarro", "cibo" and
//! "alimento"). Labels are written in one register and people type another: search lets a
//! query word also stand for its equivalents, a little below the word itself (see the
//! `search` module).
//!
//! The table (`core/data/it-thesaurus.tsv`) is Sportello's own, written from the words of
//! its Italian labels and read by a second reader (how: `core/data/README.md`). It is part
//! of the search, not of the taxonomy's data, so it is compiled in whatever the taxonomy
//! (an imported official Italian edition is searched with it too).
//!
//! Format: UTF-8, one group a line, `word | word | ...<TAB>example`; each word is one word,
//! the example (how the first two are used alike) is for the reader. Blank lines and lines
//! starting with `#` are ignored.
//!
//! A word is looked up without its final vowel (`text::without_inflection`), so that singular and plural,
//! masculine and feminine find its group ("cibi" that of "cibo"), but not the words the
//! stemmer gives the same stem ("formaggio" is no "formazione"); the words it stands for are
//! given as stems, as the search's vocabulary has them.

use std::sync::OnceLock;

use super::data_table::rows;
use super::text::{FxHashMap, Stemmer, tokens, without_inflection};
use crate::error::Result;
use crate::fold::fold;

/// The table compiled in.
const TABLE: &str = include_str!("../../data/it-thesaurus.tsv");

/// A word without its inflection → the stems of the words it may stand for.
#[derive(Debug, Default)]
pub(crate) struct Thesaurus {
    by_key: FxHashMap<Box<str>, Vec<Box<str>>>,
}

impl Thesaurus {
    /// The thesaurus compiled in (parsed once; the crate's tests check that it parses).
    pub(crate) fn embedded() -> &'static Thesaurus {
        static EMBEDDED: OnceLock<Thesaurus> = OnceLock::new();
        EMBEDDED.get_or_init(|| Thesaurus::parse(TABLE, "it-thesaurus.tsv").unwrap_or_default())
    }

    /// Parses a table (see the module docs); `file` names it in errors.
    pub(crate) fn parse(text: &str, file: &str) -> Result<Thesaurus> {
        let mut by_key: FxHashMap<Box<str>, Vec<Box<str>>> = FxHashMap::default();
        let mut stem = String::new();
        for row in rows(text, file) {
            if row.fields.len() > 2 {
                return Err(row.error("expected at most 2 tab-separated fields: words, example"));
            }
            // (key, stem) of each word.
            let mut words: Vec<(Box<str>, Box<str>)> = Vec::new();
            for word in row.fields[0].split('|') {
                let folded = fold(word);
                let mut parts = tokens(&folded);
                let (Some(one), None) = (parts.next(), parts.next()) else {
                    return Err(row.error(format!("expected one word between the bars, found {:?}", word.trim())));
                };
                Stemmer::Italian.stem_into(one, &mut stem);
                if words.iter().any(|(_, s)| **s == *stem) {
                    return Err(row.error(format!(
                        "expected words with different stems: {one:?} is another form of a word before it (the search joins them already)"
                    )));
                }
                words.push((without_inflection(one).into(), stem.as_str().into()));
            }
            if words.len() < 2 {
                return Err(row.error(format!("expected two words or more, found {:?}", row.fields[0])));
            }
            for (k, own) in &words {
                let others = by_key.entry(k.clone()).or_default();
                for (_, o) in words.iter().filter(|(_, o)| o != own) {
                    if !others.contains(o) {
                        others.push(o.clone());
                    }
                }
            }
        }
        Ok(Thesaurus { by_key })
    }

    /// The stems of the words a folded Italian word may stand for (none for most words).
    pub(crate) fn equivalents(&self, word: &str) -> &[Box<str>] {
        self.by_key.get(without_inflection(word)).map_or(&[], Vec::as_slice)
    }

    /// How many keys have equivalents.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.by_key.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn equivalents_of(t: &Thesaurus, word: &str) -> Vec<String> {
        t.equivalents(&fold(word)).iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_group_joins_every_word_with_the_others_in_any_form() {
        let t = Thesaurus::parse("# c\n\ncuocere | Cucinare\tcuocere la pasta = cucinare la pasta\ncamion | autocarro | TIR\n", "t.tsv")
            .expect("parses");
        assert_eq!(equivalents_of(&t, "cuocere"), ["cucin"]);
        assert_eq!(equivalents_of(&t, "cucinare"), ["cuoc"]);
        assert_eq!(equivalents_of(&t, "camion"), ["autocarr", "tir"]);
        // Another form of the word.
        assert_eq!(equivalents_of(&t, "autocarri"), ["camion", "tir"]);
        assert!(equivalents_of(&t, "pasta").is_empty());
        // Not a word the stemmer gives the same stem ("cuoco" is "cuoc-" too).
        assert!(equivalents_of(&t, "cuoco").is_empty());
    }

    #[test]
    fn singular_and_plural_share_a_key_derived_words_do_not() {
        for (a, b) in [("cibo", "cibi"), ("negozio", "negozi"), ("banco", "banchi"), ("cuoca", "cuoche"), ("tir", "tir")] {
            assert_eq!(without_inflection(a), without_inflection(b), "{a} {b}");
        }
        for (a, b) in [("formazione", "formaggio"), ("cucinare", "cucina"), ("tir", "tirare")] {
            assert_ne!(without_inflection(a), without_inflection(b), "{a} {b}");
        }
    }

    #[test]
    fn bad_lines_are_named() {
        for (text, says) in [
            ("cuocere | cucinare bene\tx\n", "one word"),
            ("cuocere\tx\n", "two words"),
            ("pulire | pulizia\tx\n", "different stems"),
            ("cuocere | cucinare | cuoce\tx\n", "another form"),
            ("a | b\tx\ty\n", "at most 2"),
        ] {
            let e = Thesaurus::parse(text, "t.tsv").expect_err(text).to_string();
            assert!(e.contains("t.tsv") && e.contains("line 1") && e.contains(says), "{e}");
        }
    }

    #[test]
    fn the_embedded_table_parses() {
        let t = Thesaurus::parse(TABLE, "it-thesaurus.tsv").expect("the table parses");
        assert!(t.len() >= 100, "{} stems have equivalents", t.len());
        assert_eq!(Thesaurus::embedded().len(), t.len());
    }
}
