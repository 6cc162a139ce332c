//! Building the search indexes ([`Indexes`], one [`LabelIndex`] per kind), once per
//! taxonomy, before the first search.
//!
//! Each index folds its labels and stems their words (the two passes that take most of the
//! time) on two halves of the taxonomy's labels at once (see [`both`]), then joins the halves
//! in label order: a stem gets the number a single pass over all labels gives it (its first
//! appearance), so the index, and every answer, is the same whatever the number of threads.
//! The trigram table is then built beside the exact-label table, the IDFs and the postings.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Csr32, Indexes, LABEL_GRAMMAR_WEIGHT, LabelIndex, is_code, trigrams};
use crate::both::both;
use crate::fold::fold_into;
use crate::taxonomy::csr::Csr;
use crate::taxonomy::text::{FxHashMap, GRAMMAR_WORDS, LIGHT_VERBS, Stemmer, hash_str, is_filler, tokens};
use crate::taxonomy::{ConceptKind, Taxonomy};

/// Numbers the indexes built, for [`LabelIndex::build`].
static BUILDS: AtomicU64 = AtomicU64::new(0);

impl Indexes {
    /// Builds both indexes, the occupation index on a second thread meanwhile where there
    /// is one (see [`both`]).
    pub(in crate::taxonomy) fn build(t: &Taxonomy) -> Indexes {
        let (skills, occupations) = both(|| LabelIndex::build(t, ConceptKind::Skill), || LabelIndex::build(t, ConceptKind::Occupation));
        Indexes { skills, occupations }
    }
}

impl LabelIndex {
    pub(super) fn build(t: &Taxonomy, kind: ConceptKind) -> LabelIndex {
        let build = BUILDS.fetch_add(1, Ordering::Relaxed) + 1;
        let stemmers: Vec<Stemmer> = t.langs.iter().map(|l| Stemmer::for_lang(l)).collect();
        let half = t.labels.len() / 2;
        let (first, second) = both(|| Part::of(t, kind, &stemmers, 0..half), || Part::of(t, kind, &stemmers, half..t.labels.len()));
        let Part { labels, folded, folded_end, mut exact, label_stems, label_content, label_stemmer, vocab, vocab_chars, df, stemmers } =
            first.join(second);
        let n = labels.len() as f32;
        let mut ix = LabelIndex {
            labels,
            folded,
            folded_end,
            label_stems,
            label_content,
            label_stemmer: label_stemmer.iter().map(|st| st.bit()).collect(),
            vocab,
            stemmers,
            max_idf: (1.0 + n).ln(),
            build,
            ..LabelIndex::default()
        };

        ix.grammar = grammar_stems(&ix.vocab, &stemmers);

        // The trigram table needs only the vocabulary: it is built beside the rest.
        let ((), (trigrams, trigram_stems)) = both(
            || {
                exact.sort_unstable();
                ix.exact = exact;
                ix.idf = df.iter().map(|&d| (1.0 + n / d.max(1) as f32).ln()).collect();
                ix.label_idf = ix.idf.clone();
                for &g in &ix.grammar {
                    ix.label_idf[g as usize] *= LABEL_GRAMMAR_WEIGHT;
                }
                ix.label_weight =
                    (0..ix.labels.len() as u32).map(|l| ix.label_stems.get(l).iter().map(|&v| ix.label_idf[v as usize]).sum()).collect();
                ix.postings = postings(&ix.label_stems, &df);
                // An Italian label's verb of use is no content of its own ("uso del
                // navigatore" names the navigator).
                let italian = Stemmer::Italian.bit();
                ix.light = stems_of(&LIGHT_VERBS, &[Stemmer::Italian], &ix.vocab);
                for &v in &ix.light {
                    for &l in ix.postings.get(v) {
                        if ix.label_stemmer[l as usize] == italian {
                            let content = &mut ix.label_content[l as usize];
                            *content = content.saturating_sub(1);
                        }
                    }
                }
            },
            || trigram_index(&vocab_chars),
        );
        ix.vocab_chars = vocab_chars;
        ix.trigrams = trigrams;
        ix.trigram_stems = trigram_stems;
        ix
    }
}

/// The labels of one kind among a range of the taxonomy's labels, folded and stemmed, with
/// their own stem numbers (in order of first appearance).
struct Part {
    /// Local label → global label id.
    labels: Vec<u32>,
    folded: String,
    folded_end: Vec<u32>,
    /// (hash of the folded text, local label), unsorted.
    exact: Vec<(u64, u32)>,
    label_stems: Csr32,
    label_content: Vec<u8>,
    /// The stemmer of each label's language.
    label_stemmer: Vec<Stemmer>,
    vocab: FxHashMap<Box<str>, u32>,
    vocab_chars: Csr<char>,
    /// How many labels hold each stem.
    df: Vec<u32>,
    stemmers: [bool; 3],
}

impl Part {
    fn of(t: &Taxonomy, kind: ConceptKind, stemmers: &[Stemmer], range: Range<usize>) -> Part {
        let mut part = Part {
            labels: Vec::new(),
            folded: String::new(),
            folded_end: Vec::new(),
            exact: Vec::new(),
            label_stems: Csr::new(),
            label_content: Vec::new(),
            label_stemmer: Vec::new(),
            vocab: FxHashMap::default(),
            vocab_chars: Csr::new(),
            df: Vec::new(),
            stemmers: [false; 3],
        };

        // Pass 1: fold the labels of this kind into one arena.
        let labels = t.labels.get(range.clone()).unwrap_or(&[]);
        // About half the text is of this kind (in 64 bits: the product overflows 32-bit wasm).
        let share = t.text.len() as u64 * labels.len() as u64 / t.labels.len().max(1) as u64 / 2;
        let mut folded = String::with_capacity(usize::try_from(share).unwrap_or(0));
        for (global, l) in range.zip(labels) {
            if t.kind_of(l.concept) != Some(kind) {
                continue;
            }
            let start = folded.len();
            fold_into(t.label_text(l), &mut folded);
            if folded.len() == start {
                continue;
            }
            part.labels.push(global as u32);
            part.folded_end.push(folded.len() as u32);
            part.label_stemmer.push(stemmers.get(l.lang as usize).copied().unwrap_or(Stemmer::None));
        }

        // Pass 2: exact keys and stems. Words repeat a lot, so each distinct (stemmer,
        // word) is stemmed, looked up in the vocabulary and told a content word or not once.
        let mut word_ids: [FxHashMap<&str, (u32, bool)>; 3] = Default::default();
        let mut stem = String::new();
        let mut seen_in_label: Vec<u32> = Vec::new();
        let mut start = 0usize;
        let folded_end = std::mem::take(&mut part.folded_end);
        let label_stemmer = std::mem::take(&mut part.label_stemmer);
        for (local, (&end, &stemmer)) in folded_end.iter().zip(&label_stemmer).enumerate() {
            let text = &folded[start..end as usize];
            start = end as usize;
            part.exact.push((hash_str(text), local as u32));
            part.stemmers[stemmer.index()] = true;
            seen_in_label.clear();
            let mut content = 0u8;
            for word in tokens(text) {
                let (id, is_content) = match word_ids[stemmer.index()].get(word) {
                    Some(&known) => known,
                    None => {
                        stemmer.stem_into(word, &mut stem);
                        let known = (part.stem_id(&stem), !is_filler(word) && !is_code(word));
                        word_ids[stemmer.index()].insert(word, known);
                        known
                    }
                };
                part.label_stems.push(id);
                if !seen_in_label.contains(&id) {
                    seen_in_label.push(id);
                    part.df[id as usize] += 1;
                    content = content.saturating_add(u8::from(is_content));
                }
            }
            part.label_stems.close();
            part.label_content.push(content);
        }
        drop(word_ids);
        part.folded = folded;
        part.folded_end = folded_end;
        part.label_stemmer = label_stemmer;
        part
    }

    /// The number of a stem, numbering it if it is new.
    fn stem_id(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.vocab.get(stem) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(stem.into(), id);
        self.vocab_chars.extend(stem.chars());
        self.vocab_chars.close();
        self.df.push(0);
        id
    }

    /// This part followed by `next` (the labels after it), as one part: `next`'s stems are
    /// numbered on from this part's, in their order.
    fn join(mut self, next: Part) -> Part {
        let mut next_stems: Vec<(&str, u32)> = next.vocab.iter().map(|(s, &id)| (&**s, id)).collect();
        next_stems.sort_unstable_by_key(|&(_, id)| id);
        let mut renumber = vec![0u32; next_stems.len()];
        for (stem, id) in next_stems {
            let new = self.stem_id(stem);
            renumber[id as usize] = new;
            self.df[new as usize] += next.df.get(id as usize).copied().unwrap_or(0);
        }
        let (labels_before, text_before) = (self.labels.len() as u32, self.folded.len() as u32);
        self.labels.extend(&next.labels);
        self.folded.push_str(&next.folded);
        self.folded_end.extend(next.folded_end.iter().map(|&e| e + text_before));
        self.exact.extend(next.exact.iter().map(|&(h, l)| (h, l + labels_before)));
        for l in 0..next.label_stems.len() as u32 {
            self.label_stems.extend(next.label_stems.get(l).iter().map(|&v| renumber[v as usize]));
            self.label_stems.close();
        }
        self.label_content.extend(&next.label_content);
        self.label_stemmer.extend(&next.label_stemmer);
        for (used, next_used) in self.stemmers.iter_mut().zip(next.stemmers) {
            *used |= next_used;
        }
        self
    }
}

/// The vocabulary ids of the grammar words' stems, with each stemmer in use, sorted.
fn grammar_stems(vocab: &FxHashMap<Box<str>, u32>, stemmers: &[bool; 3]) -> Vec<u32> {
    let in_use: Vec<Stemmer> = Stemmer::ALL.into_iter().filter(|st| stemmers[st.index()]).collect();
    stems_of(&GRAMMAR_WORDS, &in_use, vocab)
}

/// The vocabulary ids of the stems of `words`, with each of `stemmers`, sorted.
fn stems_of(words: &[&str], stemmers: &[Stemmer], vocab: &FxHashMap<Box<str>, u32>) -> Vec<u32> {
    let mut stem = String::new();
    let mut ids: Vec<u32> = stemmers
        .iter()
        .flat_map(|&st| words.iter().map(move |w| (st, w)))
        .filter_map(|(st, w)| {
            st.stem_into(w, &mut stem);
            vocab.get(stem.as_str()).copied()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Stem → the labels that contain it, in label order (`df`: how many labels hold each
/// stem).
fn postings(label_stems: &Csr32, df: &[u32]) -> Csr32 {
    let pairs = (0..label_stems.len() as u32).flat_map(|l| {
        let stems = label_stems.get(l);
        stems.iter().enumerate().filter(move |&(i, v)| !stems[..i].contains(v)).map(move |(_, &v)| (v, l))
    });
    Csr::with_counts(df, pairs)
}

/// Trigram → the stems that contain it, shortest first (a search for the stems near a word
/// reads only those of about its length): the trigram's slot, and the stems of each slot.
/// Stems are visited shortest first (then by number) and dealt into their slots by a
/// counting sort, which keeps that order (sorting the 500,000 pairs took a tenth of the
/// index's build).
fn trigram_index(vocab_chars: &Csr<char>) -> (FxHashMap<u64, u32>, Csr32) {
    let mut by_length: Vec<u32> = (0..vocab_chars.len() as u32).collect();
    by_length.sort_by_key(|&v| (vocab_chars.get(v).len(), v));
    let mut slots: FxHashMap<u64, u32> = FxHashMap::default();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut keys = Vec::new();
    for &v in &by_length {
        trigrams(vocab_chars.get(v), &mut keys);
        for &k in &keys {
            let next = slots.len() as u32;
            pairs.push((*slots.entry(k).or_insert(next), v));
        }
    }
    let tri = Csr::build(slots.len(), &pairs);
    (slots, tri)
}
