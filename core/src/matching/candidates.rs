//! Retrieval's collector: the best-scoring vacancies that pass the hard filters (not
//! expired, within the commute's bounding box or not placed, an accepted contract).
//!
//! The filters are read from columnar (fast) fields, and only for a vacancy whose score
//! would enter the top. As clauses of the query instead, each filter would be a range
//! scan of its column intersected with the skills' union, which was measured slower on
//! a million vacancies.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::AliveBitSet;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentReader};

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
    pub limit: usize,
    pub keep: &'k Keep,
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
        let mut all: Vec<(Score, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all.truncate(self.limit.max(1));
        Ok(all)
    }

    /// Every match reaches `offer`, which reads a vacancy's columns only when its score
    /// would enter the top. (Tantivy's block-max pruning, `for_each_pruning`, was
    /// measured slower here: with most vacancies outside the commute, the top fills
    /// slowly and the pruning bound stays low.)
    fn collect_segment(&self, weight: &dyn Weight, segment_ord: u32, reader: &SegmentReader) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let mut top = self.for_segment(segment_ord, reader)?;
        weight.for_each(reader, &mut |doc, score| top.offer(doc, score))?;
        Ok(top.harvest())
    }
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
        let mut out: Vec<(Score, DocAddress)> = self.heap.into_iter().map(|Reverse(e)| (e.score, DocAddress::new(ord, e.doc))).collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out
    }
}
