//! Adding vacancies to an on-disk index (`sportello index add`), from a list or from a
//! JSON Lines feed of any length: labels placed in ESCO through the index's [`LabelMemo`],
//! vacancies read and prepared on all cores a batch at a time, written in the feed's order,
//! committed every so often, and the memo saved beside the index for the next feed.
//!
//! The index comes out the same whatever the number of threads and whether a memo was
//! there: the memo only saves searches, and the writing stays in order.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::Matcher;
use super::index::{VacancyIndex, Writer};
use super::memo::{LabelMemo, MEMO_FILE, MemoLoad, MemoStats};
use crate::error::Result;
use crate::feed::FeedProblem;
use crate::feed_stream::JsonLines;
use crate::model::Vacancy;

/// Vacancies prepared at once (on all cores) between two progress reports.
const BATCH: usize = 2_048;

/// How many vacancies an addition writes between two commits unless told otherwise (what
/// is committed survives a crash). Each commit writes a segment that later merges cost
/// again: on a 1M label-only feed, committing every 100,000 rather than every 10,000 took
/// 158 s instead of 181 s, and 93 s instead of 122 s with every label in the memo.
pub const DEFAULT_COMMIT_EVERY: usize = 100_000;

/// The labels not found in ESCO, and the feed entries left out, named one by one in a
/// report; the rest are counted.
pub const MAX_NAMED: usize = 20;

/// How far an addition has got, after each batch.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Vacancies written so far.
    pub done: usize,
    /// The share of the input read so far, 0 to 1.
    pub read: f64,
    /// The memo's use so far.
    pub memo: MemoStats,
    /// Time since the addition started.
    pub elapsed: Duration,
}

impl Progress {
    /// Labels placed per second so far (from the memo or by a search).
    pub fn labels_per_second(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s > 0.0 { self.memo.lookups as f64 / s } else { 0.0 }
    }
}

/// What an addition did.
#[derive(Debug, Clone)]
pub struct Added {
    /// Vacancies written (a vacancy whose id was indexed replaces it).
    pub vacancies: usize,
    /// The first [`MAX_NAMED`] skill labels not found in ESCO, with their vacancy's id:
    /// they are matched by name.
    pub unplaced_named: Vec<(String, String)>,
    /// How many skill labels were not found in all.
    pub unplaced: usize,
    /// The first [`MAX_NAMED`] feed entries left out (broken lines, invalid vacancies).
    pub left_out_named: Vec<FeedProblem>,
    /// How many entries were left out in all.
    pub left_out: usize,
    /// The memo's use.
    pub memo: MemoStats,
    /// What became of the memo saved by the last addition.
    pub memo_load: MemoLoad,
    /// Why the memo could not be saved for the next feed, if it could not (the vacancies
    /// are in the index all the same).
    pub memo_not_saved: Option<String>,
}

/// Adds vacancies already read to `index` (see the module docs), calling `progress` after
/// each batch. What was committed stays if a later batch fails.
pub fn add_vacancies(
    index: &VacancyIndex,
    matcher: &Matcher<'_>,
    vacancies: &[Vacancy],
    commit_every: usize,
    mut progress: impl FnMut(&Progress),
) -> Result<Added> {
    let mut adder = Adder::start(index, matcher, commit_every)?;
    for batch in vacancies.chunks(BATCH) {
        adder.add(batch)?;
        progress(&adder.progress(adder.added.vacancies as f64 / vacancies.len().max(1) as f64));
    }
    adder.finish()
}

/// Adds a JSON Lines feed read from `reader` a batch of lines at a time (see
/// [`crate::feed_stream`]: no limit on the feed's length), each line read and prepared on
/// all cores. `size`, the feed's length in bytes when known, gives the progress its share.
pub fn add_json_lines(
    index: &VacancyIndex,
    matcher: &Matcher<'_>,
    reader: impl BufRead,
    size: Option<u64>,
    commit_every: usize,
    mut progress: impl FnMut(&Progress),
) -> Result<Added> {
    let mut adder = Adder::start(index, matcher, commit_every)?;
    let mut lines = JsonLines::new(reader);
    loop {
        let batch = lines.next_batch(BATCH)?;
        if batch.is_empty() {
            break;
        }
        let read: Vec<_> = batch.par_iter().map(|l| l.read(Some(matcher.today))).collect();
        let mut vacancies = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(v) => vacancies.push(v.vacancy),
                Err(p) => adder.left_out(p),
            }
        }
        adder.add(&vacancies)?;
        let share = size.map_or(0.0, |s| lines.bytes_read() as f64 / s.max(1) as f64);
        progress(&adder.progress(share.min(1.0)));
    }
    adder.finish()
}

/// One addition under way: the writer, the memo and what was done.
struct Adder<'i, 'm, 't> {
    matcher: &'m Matcher<'t>,
    writer: Writer<'i>,
    memo: LabelMemo<'t>,
    memo_path: Option<PathBuf>,
    commit_every: usize,
    start: Instant,
    added: Added,
}

impl<'i, 'm, 't> Adder<'i, 'm, 't> {
    fn start(index: &'i VacancyIndex, matcher: &'m Matcher<'t>, commit_every: usize) -> Result<Self> {
        let start = Instant::now();
        let memo_path = index.dir().map(|d| d.join(MEMO_FILE));
        let (memo, memo_load) = match &memo_path {
            Some(path) => LabelMemo::load(path, matcher.taxonomy),
            None => (matcher.memo(), MemoLoad::Missing),
        };
        let added = Added {
            vacancies: 0,
            unplaced_named: Vec::new(),
            unplaced: 0,
            left_out_named: Vec::new(),
            left_out: 0,
            memo: MemoStats::default(),
            memo_load,
            memo_not_saved: None,
        };
        Ok(Adder { matcher, writer: index.writer()?, memo, memo_path, commit_every: commit_every.max(1), start, added })
    }

    /// Prepares a batch and makes its documents on all cores, and writes them in order.
    fn add(&mut self, batch: &[Vacancy]) -> Result<()> {
        let (matcher, memo, index) = (self.matcher, &self.memo, self.writer.index());
        let made: Vec<_> = batch
            .par_iter()
            .map(|v| {
                let p = matcher.prepare_vacancy_with(v, memo);
                index.document(v, &p).map(|d| (p.unplaced, d))
            })
            .collect();
        for (v, made) in batch.iter().zip(made) {
            let (unplaced, document) = made?;
            for label in unplaced {
                self.added.unplaced += 1;
                if self.added.unplaced_named.len() < MAX_NAMED {
                    self.added.unplaced_named.push((v.id.clone(), label));
                }
            }
            self.writer.upsert_document(document)?;
            self.added.vacancies += 1;
            if self.added.vacancies.is_multiple_of(self.commit_every) {
                self.writer.commit()?;
            }
        }
        Ok(())
    }

    fn left_out(&mut self, problem: FeedProblem) {
        self.added.left_out += 1;
        if self.added.left_out_named.len() < MAX_NAMED {
            self.added.left_out_named.push(problem);
        }
    }

    fn progress(&self, read: f64) -> Progress {
        Progress { done: self.added.vacancies, read, memo: self.memo.stats(), elapsed: self.start.elapsed() }
    }

    /// Commits and waits for the merges while it saves the memo for the next feed, if this
    /// addition searched any label (a memo that only answered stays as it was saved).
    fn finish(self) -> Result<Added> {
        let Adder { mut writer, memo, memo_path, mut added, .. } = self;
        added.memo = memo.stats();
        let save_to = memo_path.filter(|_| added.memo.lookups > added.memo.reused);
        let save = || save_to.as_ref().map_or(Ok(()), |path| memo.save(path));
        let (written, saved) = crate::both::both(|| writer.commit().and_then(|()| writer.close()), save);
        written?;
        added.memo_not_saved = saved.err().map(|e| e.to_string());
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::Concept;

    fn feed() -> Vec<Vacancy> {
        let text = include_str!("../../../tests/fixtures/vacancies.jsonl");
        let mut out: Vec<Vacancy> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        // As a real feed comes: labels only, no URIs, no occupation; the same labels again.
        for v in &mut out {
            v.occupation = None;
            for c in v.essential_skills.iter_mut().chain(&mut v.optional_skills) {
                c.uri = None;
            }
        }
        let mut again = out.clone();
        for (i, v) in again.iter_mut().enumerate() {
            v.id = format!("again-{i}");
            v.essential_skills.push(Concept { label: "qwzx plorf".into(), uri: None });
        }
        out.extend(again);
        out
    }

    fn prepared_of(index: &VacancyIndex, vacancies: &[Vacancy]) -> Vec<String> {
        vacancies.iter().map(|v| serde_json::to_string(&index.get(&v.id).unwrap().unwrap()).unwrap()).collect()
    }

    #[test]
    fn the_memo_and_the_threads_change_the_time_not_the_index() {
        let matcher = Matcher::embedded("2026-11-23".parse().unwrap());
        let vacancies = feed();
        let plain = VacancyIndex::in_ram().unwrap();
        let mut w = plain.writer().unwrap();
        for v in &vacancies {
            w.upsert(v, &matcher.prepare_vacancy(v)).unwrap();
        }
        w.commit().unwrap();
        let expected = prepared_of(&plain, &vacancies);
        let expected_unplaced: usize = vacancies.iter().map(|v| matcher.prepare_vacancy(v).unplaced.len()).sum();
        assert!(expected_unplaced >= vacancies.len() / 2, "one unknown label in each repeated vacancy");

        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let index = VacancyIndex::create(&dir.path().join("index")).unwrap();
            let mut reports = Vec::new();
            let added = pool.install(|| add_vacancies(&index, &matcher, &vacancies, 3, |p| reports.push(*p))).unwrap();
            assert_eq!(prepared_of(&index, &vacancies), expected, "{threads} threads");
            assert_eq!(added.vacancies, vacancies.len());
            assert_eq!(added.memo_load, MemoLoad::Missing);
            assert!(added.memo.reused > 0, "the second half repeats the first's labels: {:?}", added.memo);
            assert_eq!(added.unplaced, expected_unplaced);
            assert_eq!(added.unplaced_named.len(), MAX_NAMED.min(added.unplaced));
            assert_eq!(reports.last().unwrap().done, vacancies.len());
            assert!((reports.last().unwrap().read - 1.0).abs() < 1e-9);
            assert_eq!(added.memo_not_saved, None);

            // The next feed finds every label in the saved memo, and the same answers; the
            // memo, which only answered, is not written again.
            let memo_file = dir.path().join("index").join(MEMO_FILE);
            let written = std::fs::metadata(&memo_file).unwrap().modified().unwrap();
            let again = add_vacancies(&index, &matcher, &vacancies, 1_000, |_| ()).unwrap();
            assert_eq!(std::fs::metadata(&memo_file).unwrap().modified().unwrap(), written);
            assert!(matches!(again.memo_load, MemoLoad::Reused { labels } if labels == added.memo.labels));
            assert_eq!(again.memo.reused, again.memo.lookups, "all from the memo");
            assert_eq!(prepared_of(&index, &vacancies), expected, "{threads} threads, memo from the file");
        }
    }
    #[test]
    fn a_json_lines_feed_gives_the_index_its_list_gives_and_names_the_lines_left_out() {
        let matcher = Matcher::embedded("2026-11-23".parse().unwrap());
        let vacancies = feed();
        let mut text: String = vacancies.iter().map(|v| serde_json::to_string(v).unwrap() + "\n").collect();
        text.push_str("{\"id\": \"broken\"\n");
        let list = VacancyIndex::in_ram().unwrap();
        add_vacancies(&list, &matcher, &vacancies, 1_000, |_| ()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let index = VacancyIndex::create(&dir.path().join("index")).unwrap();
        let mut last = None;
        let added = add_json_lines(&index, &matcher, text.as_bytes(), Some(text.len() as u64), 5, |p| last = Some(*p)).unwrap();
        assert_eq!(added.vacancies, vacancies.len());
        assert_eq!((added.left_out, added.left_out_named[0].line), (1, vacancies.len() + 1));
        assert!((last.unwrap().read - 1.0).abs() < 1e-9);
        assert_eq!(prepared_of(&index, &vacancies), prepared_of(&list, &vacancies));
    }
}
