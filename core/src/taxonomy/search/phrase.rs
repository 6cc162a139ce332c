//! How an Italian phrase joins two of its words: a head and the complement it governs
//! through grammar words, a preposition or an article ("raccolta in campagna", "pulizia dei
//! macchinari", "pulire il pavimento"). A label that joins the same two words the other way
//! round ("campagne di raccolta fondi", "cura dei macchinari di pulizia") names another thing,
//! however alike its words and its string: search holds it to the bar of another thing (step 4
//! of the `search` module docs).
//!
//! Only a content word followed by the next, with nothing but grammar words between them, is
//! read as a head and its complement: words side by side ("raccolta frutta", a keyword style
//! that drops the preposition) or joined as peers ("rulli e pennelli") tell no roles.

use crate::taxonomy::text::{COORDINATORS, is_filler, is_grammar_word};

/// Whether the words between two content words make the second the complement of the first:
/// grammar words only, at least one ("dei", "in", "la"), none of them a coordinator.
fn links(between: &[&str]) -> bool {
    !between.is_empty() && between.iter().all(|w| is_grammar_word(w) && !COORDINATORS.contains(w))
}

/// The places, among a folded phrase's words, of its head (its first content word) and of the
/// next content word, when the head governs it: 0 and 2 in "raccolta in campagna", none in
/// "raccolta frutta".
pub(super) fn head_and_complement(words: &[&str]) -> Option<(usize, usize)> {
    let head = words.iter().position(|w| !is_filler(w))?;
    let next = head + 1 + words[head + 1..].iter().position(|w| !is_filler(w))?;
    links(&words[head + 1..next]).then_some((head, next))
}

/// Whether, among a folded phrase's words, the word at `head` governs the one at `complement`
/// ("macchinari di pulizia": 0 governs 2).
pub(super) fn governs(words: &[&str], head: usize, complement: usize) -> bool {
    head < complement && complement < words.len() && links(&words[head + 1..complement])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    #[test]
    fn a_head_governs_the_word_a_preposition_joins_to_it() {
        assert_eq!(head_and_complement(&words("raccolta in campagna")), Some((0, 2)));
        assert_eq!(head_and_complement(&words("pulizia dei macchinari")), Some((0, 2)));
        assert_eq!(head_and_complement(&words("mi occupavo della pulizia dell ufficio")), Some((3, 5)));
        assert!(governs(&words("cura dei macchinari di pulizia"), 2, 4));
        assert!(governs(&words("campagne di raccolta fondi"), 0, 2));
    }

    #[test]
    fn words_side_by_side_or_joined_as_peers_tell_no_roles() {
        assert_eq!(head_and_complement(&words("raccolta frutta")), None);
        assert_eq!(head_and_complement(&words("rulli e pennelli")), None);
        assert_eq!(head_and_complement(&words("pulizia")), None);
        assert!(!governs(&words("pulizia di rulli e pennelli"), 2, 4));
        assert!(!governs(&words("cortile durante l intervallo"), 0, 3));
        assert!(!governs(&words("macchinari di pulizia"), 2, 0));
    }
}
