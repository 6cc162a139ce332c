//! The vacancy index: Tantivy on disk (or in RAM for tests), native only.
//!
//! Each vacancy is stored three ways: searchable fields for retrieval (ESCO URIs of
//! essential and optional skills as separate fields, occupation, ISCO unit and minor
//! group, title and skill text through Italian and English analysers; coordinates,
//! contract and expiry as columns for the filters, see `candidates`), the prepared form
//! the scorer needs, and the original vacancy so that the index can be rebuilt (`reindex`) when
//! the format or the taxonomy changes. A small file beside
//! Tantivy's records the format version; opening an index of another version fails with a
//! hint to reindex. Tantivy commits atomically: what was committed survives a crash.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tantivy::collector::TopDocs;
use tantivy::index::SegmentId;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{FAST, Field, IndexRecordOption, OwnedValue, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::store::Compressor;
use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter, TextAnalyzer};
use tantivy::{DocAddress, DocId, Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

use rayon::prelude::*;

use super::candidates::{self, Bbox, Keep, TopKept};
use super::prepare::{PreparedProfile, PreparedVacancy};
use super::stem_memo::MemoStemmer;
use crate::error::{Error, Result};
use crate::model::{PartialDate, Vacancy};

/// Version of the index layout; bump it when fields change.
pub const INDEX_SCHEMA_VERSION: u32 = 4;
/// The file beside Tantivy's that records the version.
const VERSION_FILE: &str = "sportello-index.json";
/// Memory for the writer, shared by its threads: each writes a segment whenever its share
/// fills, and every segment costs a merge later. Indexing 100k label-only vacancies with
/// their labels in the memo took 5.6 s with 300 MB, 6.2 s with 100 MB; peak memory rose a
/// little, to 0.53-0.64 GB from 0.45-0.58 (the writer takes memory as it needs it, and the
/// vacancies' stored text does not count against it).
const WRITER_HEAP_BYTES: usize = 300_000_000;
/// Boost of a vacancy in the person's ISCO unit group, and again in its minor group.
const ISCO_BOOST: f32 = 1.0;

/// An ISCO-08 unit group (`"6223"`) and its minor group (`"622"`): both are indexed, so
/// that retrieval can ask for either.
fn isco_and_minor(group: &str) -> impl Iterator<Item = &str> {
    std::iter::once(group).chain(group.get(..3).filter(|minor| minor.len() < group.len()))
}

/// Vacancies retrieved for scoring by default.
pub const DEFAULT_RETRIEVE: usize = 300;

struct Fields {
    id: Field,
    essential: Field,
    optional: Field,
    occupation: Field,
    isco: Field,
    text_it: Field,
    text_en: Field,
    lat: Field,
    lon: Field,
    contract: Field,
    expires: Field,
    prepared: Field,
    vacancy: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqs))
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        essential: b.add_text_field("essential_uri", STRING),
        optional: b.add_text_field("optional_uri", STRING),
        occupation: b.add_text_field("occupation_uri", STRING),
        isco: b.add_text_field("isco", STRING),
        text_it: b.add_text_field("text_it", text("sportello_it")),
        text_en: b.add_text_field("text_en", text("sportello_en")),
        // The filters' columns, read only for vacancies that would enter the top
        // (`candidates`); remote and unplaced vacancies have no coordinates.
        lat: b.add_f64_field(candidates::LAT, FAST),
        lon: b.add_f64_field(candidates::LON, FAST),
        contract: b.add_text_field(candidates::CONTRACT, STRING | FAST),
        expires: b.add_i64_field(candidates::EXPIRES, FAST),
        prepared: b.add_text_field("prepared", STORED),
        vacancy: b.add_text_field("vacancy", STORED),
    };
    (b.build(), fields)
}

/// Bytes after which the document store closes a block. A vacancy's stored fields take
/// a few kB, so each block holds about one: retrieval reads a few hundred vacancies
/// scattered over the index, and a larger block is read (and copied) whole for each.
const DOCSTORE_BLOCK_BYTES: usize = 2048;

/// The document store is compressed with LZ4 (Tantivy's `lz4-compression` feature; the
/// compressor is recorded in the index's settings, so an index made before still opens as
/// it was). On 1M synthetic vacancies it made the index 1.43 GB instead of
/// 3.76 GB, cut the system time of indexing by half, and took the median query, cache
/// emptied, from 9.6 ms to 4.9 ms: fewer pages of the memory map to fault in.
fn settings() -> IndexSettings {
    IndexSettings { docstore_blocksize: DOCSTORE_BLOCK_BYTES, docstore_compression: Compressor::Lz4, ..IndexSettings::default() }
}

fn register_analysers(index: &Index) {
    for (name, lang) in [("sportello_it", Language::Italian), ("sportello_en", Language::English)] {
        let mut builder =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).dynamic();
        if let Some(stop) = StopWordFilter::new(lang) {
            builder = builder.filter_dynamic(stop);
        }
        let analyser = builder.filter_dynamic(AsciiFoldingFilter).filter_dynamic(MemoStemmer(lang)).build();
        index.tokenizers().register(name, analyser);
    }
}

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index { message: format!("{}: {e}", dir.display()), hint: None }
}

/// The `prepared` field of a stored vacancy. The store is read only as far as that field:
/// the original vacancy stored after it (needed only to rebuild the index) is not
/// decoded, which saves a copy of a few kB for each of the hundreds of candidates.
struct StoredPrepared(Option<String>);

impl DocumentDeserialize for StoredPrepared {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(mut fields: D) -> std::result::Result<Self, DeserializeError> {
        static PREPARED: std::sync::LazyLock<Field> = std::sync::LazyLock::new(|| schema().1.prepared);
        // The fields come in the order `upsert` adds them: id, prepared, vacancy.
        while let Some((field, value)) = fields.next_field::<OwnedValue>()? {
            if field == *PREPARED {
                return Ok(StoredPrepared(match value {
                    OwnedValue::Str(text) => Some(text),
                    _ => None,
                }));
            }
        }
        Ok(StoredPrepared(None))
    }
}

/// Every vacancy stored in `field` (the original vacancies), in index order; `err` turns
/// a message into the index's error. Used on indexes of any format version (`rebuild`).
fn stored_vacancies(searcher: &tantivy::Searcher, field: Field, err: impl Fn(String) -> Error) -> Result<Vec<Vacancy>> {
    let n = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX).max(1);
    let top = searcher.search(&AllQuery, &TopDocs::with_limit(n).order_by_score()).map_err(|e| err(e.to_string()))?;
    top.into_iter()
        .map(|(_, addr)| {
            let d: TantivyDocument = searcher.doc(addr).map_err(|e| err(e.to_string()))?;
            let text = d.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
            serde_json::from_str(text).map_err(|e| err(format!("a stored vacancy is damaged: {e}")))
        })
        .collect()
}

/// Statistics of an index.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    /// Vacancies in the index.
    pub vacancies: u64,
    /// Bytes on disk (0 in RAM).
    pub bytes: u64,
    /// Tantivy segments.
    pub segments: usize,
    /// Index format version.
    pub schema_version: u32,
}

/// Filters applied at retrieval.
#[derive(Debug, Clone)]
pub struct Filters {
    /// Leave out vacancies that expired before this day.
    pub today: Option<PartialDate>,
    /// Leave out vacancies beyond the person's commute (by bounding box), unless remote.
    pub within_commute: bool,
    /// Commute assumed when the person gives none.
    pub default_commute_km: f64,
}

/// Most prepared vacancies kept decoded in memory between queries.
const CACHE_ENTRIES: usize = 200_000;

/// A vacancy index.
pub struct VacancyIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: Option<PathBuf>,
    /// Prepared vacancies already read from the store, by segment and document; emptied
    /// when the reader moves to a new commit (to bound it). Batches read each vacancy once.
    cache: RwLock<HashMap<(SegmentId, DocId), Arc<PreparedVacancy>>>,
}

impl VacancyIndex {
    /// Creates an empty index in `dir` (created if missing; must be empty).
    pub fn create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| index_error(dir, e))?;
        if std::fs::read_dir(dir).map_err(|e| index_error(dir, e))?.next().is_some() {
            return Err(Error::Index {
                message: format!("{} is not empty", dir.display()),
                hint: Some("choose a new folder for the index".into()),
            });
        }
        let (schema, fields) = schema();
        let index = Index::builder().schema(schema).settings(settings()).create_in_dir(dir).map_err(|e| index_error(dir, e))?;
        let version = serde_json::json!({"format": "sportello-index", "schema_version": INDEX_SCHEMA_VERSION});
        std::fs::write(dir.join(VERSION_FILE), version.to_string()).map_err(|e| index_error(dir, e))?;
        Self::wrap(index, fields, Some(dir.to_path_buf()))
    }

    /// Opens an index; a missing, corrupt or other-version index is a clear error.
    pub fn open(dir: &Path) -> Result<Self> {
        let version_path = dir.join(VERSION_FILE);
        let text = std::fs::read_to_string(&version_path).map_err(|_| Error::Index {
            message: format!("{} is not a sportello index (no {VERSION_FILE})", dir.display()),
            hint: Some("create one with `sportello index add VACANCIES --index DIR`".into()),
        })?;
        let version = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| v["schema_version"].as_u64()).unwrap_or(0);
        if version != u64::from(INDEX_SCHEMA_VERSION) {
            let newer = version > u64::from(INDEX_SCHEMA_VERSION);
            return Err(Error::Index {
                message: format!("{} has index format {version} (expected {INDEX_SCHEMA_VERSION})", dir.display()),
                hint: Some(if newer {
                    "it was written by a newer sportello: upgrade".into()
                } else {
                    "rebuild it with `sportello index reindex --index DIR`".into()
                }),
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::Index {
            message: format!("{}: the index is damaged: {e}", dir.display()),
            hint: Some("rebuild it from the vacancy files".into()),
        })?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(Error::Index {
                message: format!("{}: unexpected index fields", dir.display()),
                hint: Some("rebuild it with `sportello index reindex --index DIR`".into()),
            });
        }
        Self::wrap(index, fields, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, or creates it when the folder is missing or empty.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        let empty = std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(true);
        if empty { Self::create(dir) } else { Self::open(dir) }
    }

    /// An index in memory, for tests and one-off runs.
    pub fn in_ram() -> Result<Self> {
        let (schema, fields) = schema();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()
            .map_err(|e| Error::Index { message: e.to_string(), hint: None })?;
        Self::wrap(index, fields, None)
    }

    fn wrap(index: Index, fields: Fields, dir: Option<PathBuf>) -> Result<Self> {
        register_analysers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            // No cache of raw document-store blocks: decoded vacancies are cached instead
            // (`cache`), and a block holds about one vacancy.
            .doc_store_cache_num_blocks(0)
            .try_into()
            .map_err(|e| Error::Index { message: e.to_string(), hint: None })?;
        Ok(Self { index, reader, fields, dir, cache: RwLock::new(HashMap::new()) })
    }

    /// The index's folder (`None` for an index in memory).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// A writer; changes are visible after [`Writer::commit`] (and [`VacancyIndex::reload`]).
    pub fn writer(&self) -> Result<Writer<'_>> {
        let w = self.index.writer(WRITER_HEAP_BYTES).map_err(|e| self.err(e))?;
        Ok(Writer { writer: w, index: self })
    }

    /// Sees the latest commit.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| self.err(e))?;
        self.cache.write().map_err(|_| self.err("the vacancy cache was poisoned"))?.clear();
        Ok(())
    }

    /// The prepared vacancies at `addrs`, in order: from the cache, or read from the
    /// store on all cores and then cached (under one lock for them all).
    fn prepared_at(&self, searcher: &tantivy::Searcher, addrs: &[DocAddress]) -> Result<Vec<Arc<PreparedVacancy>>> {
        // Keyed by the segment's id, not its position in this searcher: a reader still on
        // an older searcher while another thread reloads must not fill in entries that
        // the new searcher would read under the same address.
        let keys: Vec<(SegmentId, DocId)> = addrs.iter().map(|a| (searcher.segment_reader(a.segment_ord).segment_id(), a.doc_id)).collect();
        let cached: Vec<Option<Arc<PreparedVacancy>>> = match self.cache.read() {
            Ok(c) => keys.iter().map(|k| c.get(k).cloned()).collect(),
            Err(_) => vec![None; keys.len()],
        };
        let missed = cached.iter().any(Option::is_none);
        let found = addrs
            .par_iter()
            .zip(cached)
            .map(|(addr, hit)| hit.map_or_else(|| self.read_prepared(searcher, *addr).map(Arc::new), Ok))
            .collect::<Result<Vec<_>>>()?;
        if missed && let Ok(mut c) = self.cache.write() {
            for (key, v) in keys.into_iter().zip(&found) {
                if c.len() >= CACHE_ENTRIES {
                    break;
                }
                c.entry(key).or_insert_with(|| Arc::clone(v));
            }
        }
        Ok(found)
    }

    /// The prepared vacancy at `addr`, read from the store.
    fn read_prepared(&self, searcher: &tantivy::Searcher, addr: DocAddress) -> Result<PreparedVacancy> {
        let StoredPrepared(text) = searcher.doc(addr).map_err(|e| self.err(e))?;
        serde_json::from_str(&text.unwrap_or_default()).map_err(|e| self.err(format!("a stored vacancy is damaged: {e}")))
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        match &self.dir {
            Some(d) => index_error(d, e),
            None => Error::Index { message: e.to_string(), hint: None },
        }
    }

    /// Statistics.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.reader.searcher();
        let bytes = self.dir.as_ref().map_or(0, |d| dir_size(d));
        Ok(Stats {
            vacancies: searcher.num_docs(),
            bytes,
            segments: searcher.segment_readers().len(),
            schema_version: INDEX_SCHEMA_VERSION,
        })
    }

    /// The `limit` most promising vacancies for a person, prepared for scoring: a union
    /// of the person's ESCO skills (as essential, and as optional), occupations, their
    /// ISCO unit and minor groups, and the words of labels not placed in ESCO, scored by
    /// BM25, keeping only the vacancies that pass the filters.
    pub fn retrieve(&self, p: &PreparedProfile, limit: usize, filters: &Filters) -> Result<Vec<Arc<PreparedVacancy>>> {
        let f = &self.fields;
        // Term frequencies count in the text fields (as Tantivy's query parser reads them);
        // a URI field holds each URI once.
        let term = |field: Field, text: &str, boost: f32| -> (Occur, Box<dyn Query>) {
            let freqs = if field == f.text_it || field == f.text_en { IndexRecordOption::WithFreqs } else { IndexRecordOption::Basic };
            let q = TermQuery::new(Term::from_field_text(field, text), freqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost)))
        };
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen = HashSet::new();
        for s in &p.skills {
            if let Some(uri) = s.uri.as_deref().filter(|u| seen.insert(*u)) {
                should.push(term(f.essential, uri, 3.0));
                should.push(term(f.optional, uri, 1.0));
            }
        }
        for o in &p.occupations {
            if let Some(uri) = o.uri.as_deref().filter(|u| seen.insert(*u)) {
                should.push(term(f.occupation, uri, 2.0));
            }
        }
        // Vacancies of neighbouring occupations (the same ISCO unit or minor group) are
        // candidates too, even when they share few of the skills written.
        for g in p.isco_groups.iter().flat_map(|g| isco_and_minor(g)) {
            if seen.insert(g) {
                should.push(term(f.isco, g, ISCO_BOOST));
            }
        }
        // Labels already placed in ESCO are searched by URI above; only the others go
        // through the text analysers, each word a term of its own.
        let words: Vec<&str> = p.skills.iter().chain(&p.occupations).filter(|c| c.uri.is_none()).map(|c| c.label.as_str()).collect();
        if !words.is_empty() {
            let text = words.join(" ");
            for field in [f.text_it, f.text_en] {
                let mut analyser = self.index.tokenizer_for_field(field).map_err(|e| self.err(e))?;
                let mut tokens = BTreeSet::new();
                analyser.token_stream(&text).process(&mut |t| {
                    tokens.insert(t.text.clone());
                });
                should.extend(tokens.iter().map(|t| term(field, t, 0.5)));
            }
        }
        let query: Box<dyn Query> = if should.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(should)) };
        let bbox = match (filters.within_commute, p.home, p.willing_to_relocate) {
            (true, Some(home), false) => {
                let km = p.max_commute_km.unwrap_or(filters.default_commute_km);
                let dlat = km / 111.0;
                let dlon = km / (111.0 * home.lat.to_radians().cos().max(0.01));
                Some(Bbox { lat: (home.lat - dlat, home.lat + dlat), lon: (home.lon - dlon, home.lon + dlon) })
            }
            _ => None,
        };
        let contracts = (!p.contract_types.is_empty())
            .then(|| std::iter::once("none").chain(p.contract_types.iter().map(|c| c.code())).map(String::from).collect());
        let keep = Keep { min_expires: filters.today.map(|d| day_number(d, false)), bbox, contracts };
        let searcher = self.reader.searcher();
        let top = searcher.search(&*query, &TopKept::new(limit, &keep)).map_err(|e| self.err(e))?;
        self.prepared_at(&searcher, &top.iter().map(|(_, addr)| *addr).collect::<Vec<_>>())
    }

    /// A plain BM25 search of the skill and title text, the baseline of the quality
    /// benchmark: vacancy ids, best first.
    pub fn search_text(&self, text: &str, limit: usize) -> Result<Vec<String>> {
        let parser = QueryParser::for_index(&self.index, vec![self.fields.text_it, self.fields.text_en]);
        let cleaned: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        let (q, _) = parser.parse_query_lenient(&cleaned);
        let searcher = self.reader.searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(limit.max(1)).order_by_score()).map_err(|e| self.err(e))?;
        top.into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
                Ok(d.get_first(self.fields.id).and_then(|v| v.as_str()).unwrap_or_default().to_owned())
            })
            .collect()
    }

    /// Every vacancy stored, in index order (for `reindex` and exports).
    pub fn vacancies(&self) -> Result<Vec<Vacancy>> {
        stored_vacancies(&self.reader.searcher(), self.fields.vacancy, |e| self.err(e))
    }

    /// Rebuilds the index in `dir` from the vacancies it stores, whatever its format
    /// version, preparing each again (e.g. with a newer taxonomy). The new index is built
    /// beside the old one and swapped in only when complete. Returns the count.
    pub fn rebuild(dir: &Path, prepare: impl Fn(&Vacancy) -> PreparedVacancy) -> Result<u64> {
        let old = Index::open_in_dir(dir).map_err(|e| Error::Index {
            message: format!("{}: the index is damaged: {e}", dir.display()),
            hint: Some("rebuild it from the vacancy files".into()),
        })?;
        let field = old.schema().get_field("vacancy").map_err(|_| Error::Index {
            message: format!("{}: the index stores no vacancies to rebuild from", dir.display()),
            hint: Some("rebuild it from the vacancy files".into()),
        })?;
        let reader = old.reader().map_err(|e| index_error(dir, e))?;
        let vacancies = stored_vacancies(&reader.searcher(), field, |e| index_error(dir, e))?;
        let fresh_dir = dir.with_extension("rebuilding");
        let _ = std::fs::remove_dir_all(&fresh_dir);
        let fresh = VacancyIndex::create(&fresh_dir)?;
        let mut w = fresh.writer()?;
        for v in &vacancies {
            w.upsert(v, &prepare(v))?;
        }
        w.commit()?;
        // No merge may still be writing into the folder when it is renamed.
        w.close()?;
        drop(fresh);
        let old_dir = dir.with_extension("old");
        let _ = std::fs::remove_dir_all(&old_dir);
        std::fs::rename(dir, &old_dir).map_err(|e| index_error(dir, e))?;
        std::fs::rename(&fresh_dir, dir).map_err(|e| index_error(dir, e))?;
        std::fs::remove_dir_all(&old_dir).map_err(|e| index_error(&old_dir, e))?;
        Ok(vacancies.len() as u64)
    }

    /// The vacancy with this id as it was added, if present (posters, bulletins).
    pub fn vacancy(&self, id: &str) -> Result<Option<Vacancy>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score()).map_err(|e| self.err(e))?;
        let Some((_, addr)) = top.first() else { return Ok(None) };
        let d: TantivyDocument = searcher.doc(*addr).map_err(|e| self.err(e))?;
        let text = d.get_first(self.fields.vacancy).and_then(|v| v.as_str()).unwrap_or_default();
        serde_json::from_str(text).map(Some).map_err(|e| self.err(format!("a stored vacancy is damaged: {e}")))
    }

    /// The prepared vacancy with this id, if present.
    pub fn get(&self, id: &str) -> Result<Option<PreparedVacancy>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score()).map_err(|e| self.err(e))?;
        top.first().map(|(_, addr)| self.read_prepared(&searcher, *addr)).transpose()
    }
}

/// A date as a sortable number; a partial date counts as the end (or start) of its period.
fn day_number(d: PartialDate, end_of_period: bool) -> i64 {
    let (m, day) = match (d.get_month(), d.get_day()) {
        (Some(m), Some(day)) => (m, day),
        (Some(m), None) => (m, if end_of_period { 31 } else { 1 }),
        (None, _) => (if end_of_period { 12 } else { 1 }, if end_of_period { 31 } else { 1 }),
    };
    i64::from(d.get_year()) * 10_000 + i64::from(m) * 100 + i64::from(day)
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

/// Adds, replaces and removes vacancies; nothing is visible (or durable) before `commit`.
pub struct Writer<'i> {
    writer: IndexWriter,
    index: &'i VacancyIndex,
}

/// A vacancy made ready for [`Writer::upsert_document`] (by [`VacancyIndex::document`]):
/// the part of adding it that needs no writer, so that many are made at once.
pub struct VacancyDocument {
    id: String,
    document: TantivyDocument,
}

impl VacancyIndex {
    /// The document of a prepared vacancy: what [`Writer::upsert`] writes.
    pub fn document(&self, v: &Vacancy, prepared: &PreparedVacancy) -> Result<VacancyDocument> {
        let f = &self.fields;
        let mut d = doc!(
            f.id => v.id.clone(),
            f.prepared => serde_json::to_string(prepared).map_err(|e| self.err(e))?,
            f.vacancy => serde_json::to_string(v).map_err(|e| self.err(e))?,
            f.contract => prepared.contract.map_or("none", |c| c.code()),
            f.expires => prepared.expires.map_or(i64::MAX, |x| day_number(x, true)),
        );
        for c in &prepared.essential {
            if let Some(u) = &c.uri {
                d.add_text(f.essential, u);
            }
        }
        for c in &prepared.optional {
            if let Some(u) = &c.uri {
                d.add_text(f.optional, u);
            }
        }
        if let Some(u) = prepared.occupation.as_ref().and_then(|o| o.uri.as_ref()) {
            d.add_text(f.occupation, u);
        }
        if let Some(group) = &prepared.isco {
            for g in isco_and_minor(group) {
                d.add_text(f.isco, g);
            }
        }
        let text: Vec<&str> = std::iter::once(v.title.as_str())
            .chain(prepared.essential.iter().chain(&prepared.optional).map(|c| c.label.as_str()))
            .collect();
        let text = text.join(" \n ");
        d.add_text(f.text_it, &text);
        d.add_text(f.text_en, &text);
        // Coordinates only for a vacancy in one place: a remote or unplaced one is never
        // out of a commute.
        if let (false, Some(p)) = (prepared.remote, prepared.point) {
            d.add_f64(f.lat, p.lat);
            d.add_f64(f.lon, p.lon);
        }
        Ok(VacancyDocument { id: v.id.clone(), document: d })
    }
}

impl<'i> Writer<'i> {
    /// The index this writer writes to.
    pub fn index(&self) -> &'i VacancyIndex {
        self.index
    }

    /// Adds a vacancy, replacing any with the same id.
    pub fn upsert(&mut self, v: &Vacancy, prepared: &PreparedVacancy) -> Result<()> {
        let document = self.index.document(v, prepared)?;
        self.upsert_document(document)
    }

    /// Adds a vacancy made ready by [`VacancyIndex::document`], replacing any with its id.
    pub fn upsert_document(&mut self, document: VacancyDocument) -> Result<()> {
        self.writer.delete_term(Term::from_field_text(self.index.fields.id, &document.id));
        self.writer.add_document(document.document).map_err(|e| self.index.err(e))?;
        Ok(())
    }

    /// Removes the vacancy with this id (nothing happens if there is none).
    pub fn remove(&mut self, id: &str) {
        self.writer.delete_term(Term::from_field_text(self.index.fields.id, id));
    }

    /// Removes every vacancy.
    pub fn clear(&mut self) -> Result<()> {
        self.writer.delete_all_documents().map(|_| ()).map_err(|e| self.index.err(e))
    }

    /// Makes the changes durable and visible.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().map_err(|e| self.index.err(e))?;
        self.index.reload()
    }

    /// Waits for the merges of segments that commits started, then closes the writer;
    /// changes not committed are dropped, as they are when the writer is dropped.
    /// Dropping the writer instead abandons the merges: what was committed stays, in more
    /// segments. After a large load, closing leaves fewer segments and keeps merge work
    /// from running alongside the first queries.
    pub fn close(self) -> Result<()> {
        let index = self.index;
        self.writer.wait_merging_threads().map_err(|e| index.err(e))?;
        index.reload()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_indexes_compress_their_document_store() {
        assert_eq!(settings().docstore_compression, Compressor::Lz4);
    }
}
