//! Retrieval's collector: the best-scoring vacancies that pass the hard filters (not
//! expired, within the commute's bounding box or not placed, an accepted contract).
//!
//! The filters are read from columnar (fast) fields, and only for a vacancy whose score
//! would enter the top. As clauses of the query instead, each filter would be a range
//! scan of its column intersected with the skills' union, which was measured slower on
//! a million vacancies.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use rayon::prelude::*;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::AliveBitSet;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentReader};

/// Column names, as in the index schema.
pub(super) const EXPIRES: &str = "expires";
pub(super) const LAT: &str = "lat";
pub(super) const LON: &str = "lon";
pub(super) const CONTRACT: &str = "contract";

/// What a vacancy must satisfy to be retrieved.
#[derive(Debug, Clone, Default)]
pub(super) struct Keep {
    /// Smallest expiry day number kept (vacancies without an expiry store `i64::MAX`).
    pub min_expires: Option<i64>,
    /// Where placed vacancies must be; unplaced and remote ones pass.
    pub bbox: Option<Bbox>,
    /// Contract codes accepted (with "none"); `None` accepts all.
    pub contracts: Option<Vec<String>>,
}

/// Latitude and longitude ranges, in degrees.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bbox {
    pub lat: (f64, f64),
    pub lon: (f64, f64),
}

/// The coordinate columns of a segment and the box they must fall in.
struct InBox {
    lat: Option<Column<f64>>,
    lon: Option<Column<f64>>,
    within: Bbox,
}

/// The `limit` best (score, vacancy) pairs that pass [`Keep`], best first.
pub(super) struct TopKept<'k> {
    limit: usize,
    keep: &'k Keep,
    /// Segments with fewer documents are searched in one piece.
    min_docs_to_split: DocId,
}

impl<'k> TopKept<'k> {
    pub fn new(limit: usize, keep: &'k Keep) -> Self {
        TopKept { limit, keep, min_docs_to_split: MIN_DOCS_TO_SPLIT }
    }
}

impl Collector for TopKept<'_> {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentTop;

    fn for_segment(&self, segment_ord: u32, reader: &SegmentReader) -> tantivy::Result<SegmentTop> {
        let fast = reader.fast_fields();
        let contracts = match &self.keep.contracts {
            None => None,
            Some(codes) => {
                // A segment without the column holds no vacancy at all.
                let column = fast.str(CONTRACT)?;
                let mut ords = Vec::new();
                if let Some(c) = &column {
                    for code in codes {
                        if let Some(ord) = c.dictionary().term_ord(code)? {
                            ords.push(ord);
                        }
                    }
                }
                Some((column, ords))
            }
        };
        Ok(SegmentTop {
            segment_ord,
            limit: self.limit.max(1),
            heap: BinaryHeap::new(),
            alive: reader.alive_bitset().cloned(),
            min_expires: self
                .keep
                .min_expires
                .map(|min| Ok::<_, tantivy::TantivyError>((fast.column_opt::<i64>(EXPIRES)?, min)))
                .transpose()?,
            bbox: self
                .keep
                .bbox
                .map(|within| Ok::<_, tantivy::TantivyError>(InBox { lat: fast.column_opt(LAT)?, lon: fast.column_opt(LON)?, within }))
                .transpose()?,
            contracts,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(best_of(fruits.into_iter().flatten().collect(), self.limit))
    }

    /// Every match reaches `offer`, which reads a vacancy's columns only when its score
    /// would enter the top. A large segment is cut into one range of documents per
    /// thread, searched in parallel (rayon: inside a batch, that is parallel already,
    /// the ranges simply queue). (Tantivy's block-max pruning, `for_each_pruning`, was
    /// measured slower here: with most vacancies outside the commute, the top fills
    /// slowly and the pruning bound stays low.)
    fn collect_segment(&self, weight: &dyn Weight, segment_ord: u32, reader: &SegmentReader) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let max = reader.max_doc();
        let parts = if max < self.min_docs_to_split { 1 } else { rayon::current_num_threads().clamp(2, MAX_PARTS) as u64 };
        let bounds: Vec<DocId> = (0..=parts).map(|i| (u64::from(max) * i / parts) as DocId).collect();
        let tops = bounds
            .par_windows(2)
            .map(|w| self.collect_range(weight, segment_ord, reader, w[0]..w[1]).map(SegmentTop::harvest))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(best_of(tops.into_iter().flatten().collect(), self.limit))
    }
}

/// Segments smaller than this are searched in one piece.
const MIN_DOCS_TO_SPLIT: DocId = 50_000;
/// Most pieces a segment is cut into.
const MAX_PARTS: usize = 8;

impl TopKept<'_> {
    /// The top of the documents of one segment in `range`.
    fn collect_range(
        &self,
        weight: &dyn Weight,
        segment_ord: u32,
        reader: &SegmentReader,
        range: Range<DocId>,
    ) -> tantivy::Result<SegmentTop> {
        let mut top = self.for_segment(segment_ord, reader)?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        // A scorer may already stand past the range's start (Tantivy forbids seeking back).
        let mut doc = scorer.doc();
        if doc < range.start {
            doc = scorer.seek(range.start);
        }
        while doc < range.end {
            top.offer(doc, scorer.score());
            doc = scorer.advance();
        }
        Ok(top)
    }
}

/// The `limit` best pairs, best first (ties by address).
fn best_of(mut all: Vec<(Score, DocAddress)>, limit: usize) -> Vec<(Score, DocAddress)> {
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    all.truncate(limit.max(1));
    all
}

/// A scored document; the heap's order (higher score, then lower doc id, is better).
#[derive(Debug, Clone, Copy)]
struct Entry {
    score: Score,
    doc: DocId,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then(other.doc.cmp(&self.doc))
    }
}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}

/// One segment's top, with the columns the filters read.
pub(super) struct SegmentTop {
    segment_ord: u32,
    limit: usize,
    /// The worst kept entry on top.
    heap: BinaryHeap<Reverse<Entry>>,
    alive: Option<AliveBitSet>,
    min_expires: Option<(Option<Column<i64>>, i64)>,
    bbox: Option<InBox>,
    contracts: Option<(Option<StrColumn>, Vec<u64>)>,
}

impl SegmentTop {
    fn passes(&self, doc: DocId) -> bool {
        if self.alive.as_ref().is_some_and(|a| a.is_deleted(doc)) {
            return false;
        }
        if let Some((column, min)) = &self.min_expires
            && column.as_ref().and_then(|c| c.first(doc)).is_some_and(|day| day < *min)
        {
            return false;
        }
        if let Some(b) = &self.bbox {
            // No coordinates: a remote or unplaced vacancy, which no commute rules out.
            if let Some(y) = b.lat.as_ref().and_then(|c| c.first(doc)) {
                let x = b.lon.as_ref().and_then(|c| c.first(doc)).unwrap_or(f64::NAN);
                let ((lat_lo, lat_hi), (lon_lo, lon_hi)) = (b.within.lat, b.within.lon);
                if !(lat_lo..=lat_hi).contains(&y) || !(lon_lo..=lon_hi).contains(&x) {
                    return false;
                }
            }
        }
        if let Some((column, ords)) = &self.contracts {
            let ord = column.as_ref().and_then(|c| c.ords().first(doc));
            if !ord.is_some_and(|o| ords.contains(&o)) {
                return false;
            }
        }
        true
    }

    /// Keeps `doc` if it passes the filters and beats the current top.
    fn offer(&mut self, doc: DocId, score: Score) {
        let entry = Entry { score, doc };
        // The score first: once the top is full, most documents fall short of it, and
        // their columns are never read.
        let full = self.heap.len() >= self.limit;
        if (!full || self.heap.peek().is_some_and(|Reverse(worst)| entry > *worst)) && self.passes(doc) {
            if full {
                self.heap.pop();
            }
            self.heap.push(Reverse(entry));
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        let ord = self.segment_ord;
        best_of(self.heap.into_iter().map(|Reverse(e)| (e.score, DocAddress::new(ord, e.doc))).collect(), self.limit)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use tantivy::collector::Count;
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::{FAST, IndexRecordOption, STRING, Schema};
    use tantivy::{Index, TantivyDocument, Term};

    use super::*;

    /// A test document: id, terms, place, expiry, contract, deleted.
    type Doc = (u32, Vec<u64>, Option<(f64, f64)>, i64, &'static str, bool);

    /// 3000 documents with pseudo-random terms, places, expiries and contracts, some
    /// deleted; returns the index and, per document, what the filters read.
    fn index() -> (Index, Vec<Doc>) {
        let mut b = Schema::builder();
        let (t, lat, lon, exp, contract) = (
            b.add_text_field("t", STRING),
            b.add_f64_field(LAT, FAST),
            b.add_f64_field(LON, FAST),
            b.add_i64_field(EXPIRES, FAST),
            b.add_text_field(CONTRACT, STRING | FAST),
        );
        let id = b.add_u64_field("id", tantivy::schema::INDEXED | tantivy::schema::STORED);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let mut docs = Vec::new();
        for i in 0..3000u32 {
            let mut d = TantivyDocument::default();
            d.add_u64(id, u64::from(i));
            let terms: Vec<u64> = (0..=next(4)).map(|_| next(12)).collect();
            for k in &terms {
                d.add_text(t, format!("k{k}"));
            }
            let place = (next(5) > 0).then(|| (44.0 + next(300) as f64 / 100.0, 7.0 + next(300) as f64 / 100.0));
            if let Some((y, x)) = place {
                d.add_f64(lat, y);
                d.add_f64(lon, x);
            }
            let expires = [20_261_122, 20_261_123, i64::MAX][next(3) as usize];
            d.add_i64(exp, expires);
            let c = ["none", "tirocinio", "tempo_indeterminato"][next(3) as usize];
            d.add_text(contract, c);
            w.add_document(d).unwrap();
            docs.push((i, terms, place, expires, c, next(10) == 0));
        }
        w.commit().unwrap();
        for (i, .., deleted) in &docs {
            if *deleted {
                w.delete_term(Term::from_field_u64(id, u64::from(*i)));
            }
        }
        w.commit().unwrap();
        (index, docs)
    }

    #[test]
    fn cutting_segments_into_ranges_changes_nothing_and_filters_are_exact() {
        let (index, docs) = index();
        let searcher = index.reader().unwrap().searcher();
        let t = index.schema().get_field("t").unwrap();
        let terms: Vec<(Occur, Box<dyn Query>)> = ["k1", "k4", "k7"]
            .iter()
            .map(|k| (Occur::Should, Box::new(TermQuery::new(Term::from_field_text(t, k), IndexRecordOption::Basic)) as Box<dyn Query>))
            .collect();
        let query = BooleanQuery::new(terms);
        let keep = Keep {
            min_expires: Some(20_261_123),
            bbox: Some(Bbox { lat: (44.5, 46.0), lon: (7.5, 9.0) }),
            contracts: Some(vec!["none".into(), "tirocinio".into()]),
        };
        let whole = searcher.search(&query, &TopKept::new(100_000, &keep)).unwrap();
        let mut cut = TopKept::new(100_000, &keep);
        cut.min_docs_to_split = 1;
        assert_eq!(searcher.search(&query, &cut).unwrap(), whole, "ranges must give the same top");
        // A single term (its scorer stands on its first match, maybe past a range's start)
        // and a term no document has: the same whether cut or not.
        for k in ["k3", "absent"] {
            let one = TermQuery::new(Term::from_field_text(t, k), IndexRecordOption::Basic);
            let mut cut = TopKept::new(100_000, &keep);
            cut.min_docs_to_split = 1;
            assert_eq!(searcher.search(&one, &cut).unwrap(), searcher.search(&one, &TopKept::new(100_000, &keep)).unwrap(), "{k}");
        }
        let mut cut_small = TopKept::new(25, &keep);
        cut_small.min_docs_to_split = 1;
        assert_eq!(searcher.search(&query, &cut_small).unwrap(), whole[..25], "a smaller top is the head of the larger one");

        // Exactly the matching documents that pass: alive, not expired, in the box or
        // unplaced, an accepted contract.
        let id = index.schema().get_field("id").unwrap();
        let got: std::collections::BTreeSet<u64> = whole
            .iter()
            .map(|(_, a)| {
                searcher.doc::<TantivyDocument>(*a).unwrap().get_first(id).and_then(|v| tantivy::schema::Value::as_u64(&v)).unwrap()
            })
            .collect();
        let matching = searcher.search(&query, &Count).unwrap();
        let passes = |(_, terms, place, expires, c, deleted): &Doc| {
            terms.iter().any(|k| [1, 4, 7].contains(k))
                && !deleted
                && *expires >= 20_261_123
                && place.is_none_or(|(y, x)| (44.5..=46.0).contains(&y) && (7.5..=9.0).contains(&x))
                && *c != "tempo_indeterminato"
        };
        assert!(got.len() > 20 && got.len() < matching / 2, "the filters select: {} of {matching}", got.len());
        let expected: std::collections::BTreeSet<u64> = docs.iter().filter(|d| passes(d)).map(|d| u64::from(d.0)).collect();
        assert_eq!(got, expected);
    }
}
