//! Labels looked up once each: what ESCO search found (or did not find) for each distinct
//! skill or occupation label, shared by the threads of a run and kept beside a vacancy
//! index, so that tomorrow's feed reuses today's work.
//!
//! Real feeds repeat their labels (97,000 skill labels of one agency feed were 23,000
//! distinct strings), and placing a label in ESCO is the slow part of preparing a vacancy.
//! The memo keeps, for the label exactly as written, what [`normalise_skill`] or
//! [`normalise_occupation`] answered, so preparing with or without it gives the same
//! result, on any number of threads.
//!
//! A saved memo is stamped with the version of Sportello and the taxonomy's
//! [`Taxonomy::fingerprint`]; a memo with another stamp (an imported language pack, a new
//! ESCO release, a new Sportello), a damaged one or one beyond [`MAX_MEMO_LABELS`] is
//! dropped and rebuilt, never used.

use std::collections::hash_map::Entry as MapEntry;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{OnceLock, RwLock};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::taxonomy::Taxonomy;
use crate::taxonomy::normalise::{Normalisation, normalise_occupation, normalise_skill};
use crate::taxonomy::text::FxHashMap;

/// The file a vacancy index keeps its memo in.
pub const MEMO_FILE: &str = "sportello-labels.json";

/// The most labels a memo holds; past it, labels are still looked up, just not kept.
pub const MAX_MEMO_LABELS: usize = 2_000_000;

/// The version of the file's layout.
const MEMO_FORMAT: u32 = 1;

/// What a label is looked up as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Skill,
    Occupation,
}

/// What the search found for a label.
type Found = Option<(String, Normalisation)>;

/// Label → what was found, one map per [`Kind`] (indexed by `kind as usize`).
type Maps = [FxHashMap<Box<str>, Found>; 2];

/// A memo of label lookups in one taxonomy (see the module docs).
pub struct LabelMemo<'t> {
    taxonomy: &'t Taxonomy,
    stamp: OnceLock<String>,
    entries: RwLock<Maps>,
    lookups: AtomicU64,
    reused: AtomicU64,
}

/// What became of a saved memo when it was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoLoad {
    /// There was none: the memo starts empty.
    Missing,
    /// Its labels are reused.
    Reused {
        /// How many.
        labels: usize,
    },
    /// It was made with another taxonomy or another version of Sportello, and is dropped.
    Stale,
    /// It could not be read, and is dropped (the reason, for a note).
    Damaged(String),
}

/// How much a memo was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MemoStats {
    /// Distinct labels held.
    pub labels: usize,
    /// Labels asked for.
    pub lookups: u64,
    /// Of those, answered from the memo without a search.
    pub reused: u64,
}

impl MemoStats {
    /// The share of lookups answered from the memo, 0 to 1 (0 before any lookup).
    pub fn reused_share(&self) -> f64 {
        if self.lookups == 0 { 0.0 } else { self.reused as f64 / self.lookups as f64 }
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    memo_format: u32,
    stamp: String,
    entries: Vec<Saved>,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    kind: Kind,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    found: Option<Normalisation>,
}

impl<'t> LabelMemo<'t> {
    /// An empty memo of lookups in `taxonomy`.
    pub fn new(taxonomy: &'t Taxonomy) -> Self {
        LabelMemo {
            taxonomy,
            stamp: OnceLock::new(),
            entries: RwLock::new(Maps::default()),
            lookups: AtomicU64::new(0),
            reused: AtomicU64::new(0),
        }
    }

    /// The memo saved at `path` when it was made with this taxonomy and this version of
    /// Sportello; otherwise an empty one, and why.
    pub fn load(path: &Path, taxonomy: &'t Taxonomy) -> (Self, MemoLoad) {
        let memo = Self::new(taxonomy);
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (memo, MemoLoad::Missing),
            Err(e) => return (memo, MemoLoad::Damaged(e.to_string())),
        };
        let file: File = match serde_json::from_slice(&bytes) {
            Ok(f) => f,
            Err(e) => return (memo, MemoLoad::Damaged(e.to_string())),
        };
        if file.format != "sportello-label-memo" || file.memo_format != MEMO_FORMAT || file.stamp != *memo.stamp() {
            return (memo, MemoLoad::Stale);
        }
        if file.entries.len() > MAX_MEMO_LABELS {
            return (memo, MemoLoad::Damaged(format!("{} labels, more than the {MAX_MEMO_LABELS} a memo may hold", file.entries.len())));
        }
        let labels = file.entries.len();
        {
            let mut entries = memo.write();
            for s in file.entries {
                let found = match (s.uri, s.found) {
                    (Some(uri), Some(how)) => Some((uri, how)),
                    (None, None) => None,
                    _ => return (Self::new(taxonomy), MemoLoad::Damaged(format!("label {:?}: a URI without its evidence", s.label))),
                };
                entries[s.kind as usize].insert(s.label.into_boxed_str(), found);
            }
        }
        (memo, MemoLoad::Reused { labels })
    }

    /// Saves the memo to `path` (written beside it, then moved in place: a crash leaves
    /// the old memo or the new one, never half of one).
    pub fn save(&self, path: &Path) -> Result<()> {
        let maps = self.read();
        let mut entries: Vec<Saved> = [Kind::Skill, Kind::Occupation]
            .into_iter()
            .flat_map(|kind| maps[kind as usize].iter().map(move |(label, found)| (kind, label, found)))
            .map(|(kind, label, found)| Saved {
                kind,
                label: label.to_string(),
                uri: found.as_ref().map(|(u, _)| u.clone()),
                found: found.as_ref().map(|(_, n)| n.clone()),
            })
            .collect();
        drop(maps);
        entries.sort_unstable_by(|a, b| (a.kind, &a.label).cmp(&(b.kind, &b.label)));
        let file = File { format: "sportello-label-memo".into(), memo_format: MEMO_FORMAT, stamp: self.stamp().clone(), entries };
        let err = |e: &dyn std::fmt::Display| Error::Index { message: format!("{}: {e}", path.display()), hint: None };
        let json = serde_json::to_vec(&file).map_err(|e| err(&e))?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(|e| err(&e))?;
        std::fs::rename(&tmp, path).map_err(|e| err(&e))
    }

    /// The taxonomy the memo looks labels up in.
    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// The ESCO skill of a label, as [`normalise_skill`] finds it.
    pub fn skill(&self, label: &str) -> Found {
        self.get(Kind::Skill, label)
    }

    /// The ESCO occupation of a label or job title, as [`normalise_occupation`] finds it.
    pub fn occupation(&self, label: &str) -> Found {
        self.get(Kind::Occupation, label)
    }

    /// How much the memo was used so far.
    pub fn stats(&self) -> MemoStats {
        MemoStats {
            labels: self.read().iter().map(FxHashMap::len).sum(),
            lookups: self.lookups.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        }
    }

    fn get(&self, kind: Kind, label: &str) -> Found {
        self.lookups.fetch_add(1, Ordering::Relaxed);
        if let Some(found) = self.read()[kind as usize].get(label) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return found.clone();
        }
        // Searched outside the lock: two threads may place the same new label at once,
        // and find the same answer.
        let found = match kind {
            Kind::Skill => normalise_skill(self.taxonomy, label),
            Kind::Occupation => normalise_occupation(self.taxonomy, label),
        };
        let mut maps = self.write();
        let held: usize = maps.iter().map(FxHashMap::len).sum();
        if held < MAX_MEMO_LABELS
            && let MapEntry::Vacant(slot) = maps[kind as usize].entry(label.into())
        {
            slot.insert(found.clone());
        }
        found
    }

    fn stamp(&self) -> &String {
        self.stamp.get_or_init(|| format!("{}/{}", env!("CARGO_PKG_VERSION"), self.taxonomy.fingerprint()))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Maps> {
        // A thread that panicked while holding the lock left a whole entry or none.
        self.entries.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Maps> {
        self.entries.write().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::taxonomy::{LabelKind, LabelSource, NewLabel};

    const LABELS: [&str; 6] = ["muletto", "guida del muletto", "cameriere", "qwzx plorf", "saldatura a filo", "Muletto"];

    #[test]
    fn answers_as_the_search_does_and_counts_what_it_reused() {
        let t = Taxonomy::embedded();
        let memo = LabelMemo::new(t);
        for round in 0..2 {
            for label in LABELS {
                assert_eq!(memo.skill(label), normalise_skill(t, label), "round {round}: {label}");
                assert_eq!(memo.occupation(label), normalise_occupation(t, label), "round {round}: {label}");
            }
        }
        let s = memo.stats();
        assert_eq!((s.labels, s.lookups, s.reused), (12, 24, 12));
        assert!((s.reused_share() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_saved_memo_is_reused_only_with_the_same_taxonomy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(MEMO_FILE);
        let t = Taxonomy::load_embedded().unwrap();
        assert_eq!(LabelMemo::load(&path, &t).1, MemoLoad::Missing);
        let memo = LabelMemo::new(&t);
        for label in LABELS {
            memo.skill(label);
        }
        memo.occupation("cameriere");
        memo.save(&path).unwrap();

        let (again, how) = LabelMemo::load(&path, &t);
        assert_eq!(how, MemoLoad::Reused { labels: 7 });
        for label in LABELS {
            assert_eq!(again.skill(label), memo.skill(label), "{label}");
        }
        assert_eq!(again.stats().reused, 6, "every label came from the file");

        // A taxonomy with one more label (an imported pack, say) does not use it.
        let mut other = Taxonomy::load_embedded().unwrap();
        let uri = t.concepts().next().unwrap().uri().to_owned();
        other
            .add_labels([NewLabel { uri: &uri, lang: "it", kind: LabelKind::Alternative, source: LabelSource::Sportello, text: "muletto" }])
            .unwrap();
        let (fresh, how) = LabelMemo::load(&path, &other);
        assert_eq!(how, MemoLoad::Stale);
        assert_eq!(fresh.stats().labels, 0);
    }

    #[test]
    fn a_damaged_memo_is_dropped_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(MEMO_FILE);
        let t = Taxonomy::embedded();
        std::fs::write(&path, b"{\"format\": \"sportello-label-memo\", ").unwrap();
        let (memo, how) = LabelMemo::load(&path, t);
        assert!(matches!(how, MemoLoad::Damaged(ref why) if why.contains("EOF")), "{how:?}");
        assert_eq!(memo.stats().labels, 0);
        let stamp = LabelMemo::new(t).stamp().clone();
        let half = serde_json::json!({"format": "sportello-label-memo", "memo_format": MEMO_FORMAT, "stamp": stamp,
            "entries": [{"kind": "skill", "label": "muletto", "uri": "http://data.europa.eu/esco/skill/x"}]});
        std::fs::write(&path, half.to_string()).unwrap();
        assert!(matches!(LabelMemo::load(&path, t).1, MemoLoad::Damaged(ref why) if why.contains("muletto")));
    }
}
