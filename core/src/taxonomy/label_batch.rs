//! A batch of labels made ready to add to a taxonomy before the taxonomy is at hand: texts
//! trimmed, empty ones dropped, and labels that repeat within the batch (same concept,
//! language and text) folded into one, which keeps the strongest kind (a preferred label
//! beats the same text as a synonym) and ESCO as its source if either says so.
//!
//! Adding a ready batch ([`Taxonomy::add_batch`]) is then a lookup of each concept and an
//! append per label. [`Taxonomy::from_reference`] makes the embedded Italian labels ready
//! on a second thread while the ESCO pack is decoded: the work that does not need the
//! taxonomy is done before it exists.

#[cfg(doc)]
use super::Taxonomy;
use super::text::{FxHashMap, hash_str};
use super::{LabelKind, LabelSource, NewLabel};

/// (concept, language, hash of the text) → a label added in the current batch, checked
/// against its text (here and in `Taxonomy::push_label_dedup`).
pub(super) type LabelSet = FxHashMap<(u32, u16, u64), u32>;

/// The number of a language code in `langs`, adding it if it is new.
pub(super) fn intern_lang(langs: &mut Vec<Box<str>>, lang: &str) -> u16 {
    if let Some(i) = langs.iter().position(|l| &**l == lang) {
        return i as u16;
    }
    langs.push(lang.into());
    (langs.len() - 1) as u16
}

/// Labels ready to add (see the module docs). The batch owns its texts, so it can be made
/// where the labels were parsed and handed on.
#[derive(Debug, Default)]
pub(super) struct LabelBatch {
    /// The concepts' URIs, trimmed, each once, in order of first appearance.
    pub(super) uris: Vec<Box<str>>,
    /// The language codes, each once.
    pub(super) langs: Vec<Box<str>>,
    pub(super) labels: Vec<BatchLabel>,
    /// The labels' texts, end to end.
    text: String,
}

/// One label of a [`LabelBatch`]: indexes into its URIs and languages, and its text's
/// place in the batch's text.
#[derive(Debug, Clone, Copy)]
pub(super) struct BatchLabel {
    pub(super) uri: u32,
    pub(super) lang: u16,
    pub(super) kind: LabelKind,
    pub(super) source: LabelSource,
    start: u32,
    end: u32,
}

impl LabelBatch {
    /// Makes `labels` ready: trimmed, without empty texts, each (concept, language, text)
    /// once.
    pub(super) fn new<'a>(labels: impl IntoIterator<Item = NewLabel<'a>>) -> LabelBatch {
        let mut batch = LabelBatch::default();
        let mut uri_ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        // (URI, language, hash of the text) → the label, checked against the text.
        let mut added = LabelSet::default();
        // Labels come grouped by concept: the last URI is tried first.
        let mut last: Option<(&'a str, u32)> = None;
        for l in labels {
            let text = l.text.trim();
            if text.is_empty() {
                continue;
            }
            let uri = match last {
                Some((uri, id)) if uri == l.uri => id,
                _ => {
                    let next = batch.uris.len() as u32;
                    let id = *uri_ids.entry(l.uri.trim()).or_insert(next);
                    if id == next {
                        batch.uris.push(l.uri.trim().into());
                    }
                    last = Some((l.uri, id));
                    id
                }
            };
            let lang = intern_lang(&mut batch.langs, l.lang);
            let key = (uri, lang, hash_str(text));
            if let Some(&i) = added.get(&key)
                && let Some(kept) = batch.labels.get_mut(i as usize)
                && batch.text.get(kept.start as usize..kept.end as usize) == Some(text)
            {
                kept.kind = kept.kind.min(l.kind);
                kept.source = kept.source.min(l.source);
                continue;
            }
            added.insert(key, batch.labels.len() as u32);
            let start = batch.text.len() as u32;
            batch.text.push_str(text);
            batch.labels.push(BatchLabel { uri, lang, kind: l.kind, source: l.source, start, end: batch.text.len() as u32 });
        }
        batch
    }

    /// The text of one of the batch's labels.
    pub(super) fn text(&self, l: &BatchLabel) -> &str {
        self.text.get(l.start as usize..l.end as usize).unwrap_or("")
    }

    /// The length in bytes of all the texts.
    pub(super) fn text_len(&self) -> usize {
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label<'a>(uri: &'a str, kind: LabelKind, text: &'a str) -> NewLabel<'a> {
        NewLabel { uri, lang: "it", kind, source: LabelSource::Sportello, text }
    }

    #[test]
    fn a_repeated_label_is_kept_once_with_the_strongest_kind() {
        let batch = LabelBatch::new([
            label("skill/a", LabelKind::Synonym, " muletto "),
            label("skill/b", LabelKind::Alternative, "muletto"),
            label("skill/a", LabelKind::Preferred, "muletto"),
            label("skill/a", LabelKind::Alternative, "   "),
        ]);
        let got: Vec<(&str, &str, LabelKind)> =
            batch.labels.iter().map(|l| (&*batch.uris[l.uri as usize], batch.text(l), l.kind)).collect();
        assert_eq!(got, [("skill/a", "muletto", LabelKind::Preferred), ("skill/b", "muletto", LabelKind::Alternative)]);
        assert_eq!((batch.langs.len(), batch.text_len()), (1, "mulettomuletto".len()));
    }
}
