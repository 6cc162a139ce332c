//! Reading the official ESCO CSV download (any ESCO version 1.x, any language).
//!
//! The download is a folder of CSV files; the library never opens them itself: the caller
//! hands over an [`EscoSource`] that opens a file by name (a directory, a zip archive, files
//! in memory). Each file may be plain or gzipped (detected from its first bytes), and is
//! looked for as `name.csv` and `name.csv.gz`. Columns are found by their header names, so
//! extra columns (descriptions, labels in the relation files of some releases) are ignored.
//!
//! Files read, `xx` being the language code:
//!
//! | file | what | needed by |
//! |---|---|---|
//! | `skills_xx.csv` | skills with `skillType`, `reuseLevel`, preferred/alt/hidden labels | both |
//! | `occupations_xx.csv` | occupations with `iscoGroup`, `code` and labels | both |
//! | `ISCOGroups_xx.csv` | ISCO-08 groups with codes and labels | both (optional when adding a language) |
//! | `skillGroups_xx.csv` | skill groups with labels | optional |
//! | `occupationSkillRelations.csv` | occupation → essential/optional skill | [`Taxonomy::from_esco_csv`] |
//! | `broaderRelationsSkillPillar.csv` | skill → broader skill or skill group | [`Taxonomy::from_esco_csv`] |
//! | `skillSkillRelations.csv` | skill → essential/optional related skill | [`Taxonomy::from_esco_csv`] |
//!
//! The relation files are language independent; they are also looked for with the `_xx`
//! suffix that some releases use. Records are CSV with quoted multi-line fields; in
//! `altLabels` and `hiddenLabels` the labels are separated by line breaks. A file that is
//! cut short, has a record with the wrong number of fields, lacks a column, or has an empty
//! or unknown required value is an [`Error::DataFile`] naming the file and line. Relation
//! records that point at concepts missing from the label files (ESCO 1.1.1 has 67 rows for
//! one such occupation) are skipped and counted in the [`ImportReport`].

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;
use serde::Serialize;

use super::{ConceptKind, LabelKind, LabelSource, RelationType, ReuseLevel, SkillType, Taxonomy};
use crate::error::{Error, Result};

/// Opens the files of an ESCO CSV download by name (e.g. `skills_it.csv.gz`).
///
/// Implemented for closures and for in-memory maps of names to bytes. A directory source
/// is three lines in the caller:
///
/// ```
/// use std::{fs::File, io, path::Path};
/// use sportello::taxonomy::EscoSource;
///
/// fn dir_source(dir: &Path) -> impl EscoSource + '_ {
///     move |name: &str| -> io::Result<Option<Box<dyn io::Read>>> {
///         match File::open(dir.join(name)) {
///             Ok(f) => Ok(Some(Box::new(f))),
///             Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
///             Err(e) => Err(e),
///         }
///     }
/// }
/// ```
pub trait EscoSource {
    /// The file's bytes, `Ok(None)` if there is no such file.
    fn open(&self, name: &str) -> io::Result<Option<Box<dyn Read + '_>>>;
}

impl<F> EscoSource for F
where
    F: Fn(&str) -> io::Result<Option<Box<dyn Read>>>,
{
    fn open(&self, name: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        self(name)
    }
}

impl EscoSource for HashMap<String, Vec<u8>> {
    fn open(&self, name: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self.get(name).map(|b| Box::new(b.as_slice()) as Box<dyn Read>))
    }
}

impl EscoSource for BTreeMap<String, Vec<u8>> {
    fn open(&self, name: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self.get(name).map(|b| Box::new(b.as_slice()) as Box<dyn Read>))
    }
}

/// What an import read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The language of the labels read.
    pub lang: String,
    /// The files read, in order.
    pub files: Vec<FileStats>,
}

/// What was read from one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileStats {
    /// The file name as opened (e.g. `skills_en.csv.gz`).
    pub name: String,
    /// Data records read (not counting the header).
    pub records: u64,
    /// Relation records skipped because a concept they name is not in the label files.
    pub skipped: u64,
}

impl ImportReport {
    /// Relation records skipped in all files.
    pub fn skipped(&self) -> u64 {
        self.files.iter().map(|f| f.skipped).sum()
    }
}

impl Taxonomy {
    /// Reads a whole ESCO CSV download in one language: concepts, labels and relations.
    /// See [`Taxonomy::import_esco_csv`] for the import report.
    pub fn from_esco_csv(source: &dyn EscoSource, lang: &str) -> Result<Taxonomy> {
        Self::import_esco_csv(source, lang).map(|(t, _)| t)
    }

    /// Like [`Taxonomy::from_esco_csv`], also returning what was read from each file.
    pub fn import_esco_csv(source: &dyn EscoSource, lang: &str) -> Result<(Taxonomy, ImportReport)> {
        let mut t = Taxonomy::new();
        let mut report = ImportReport { lang: lang.to_owned(), files: Vec::new() };
        t.read_label_files(source, lang, true, &mut report)?;
        t.read_relation_files(source, lang, &mut report)?;
        t.finish();
        Ok((t, report))
    }

    /// Adds the labels of another language from its ESCO CSV download (`skills_xx.csv`,
    /// `occupations_xx.csv`, and `ISCOGroups_xx.csv`/`skillGroups_xx.csv` if present).
    /// Concepts this taxonomy lacks are added too; relations are not read (they do not
    /// depend on the language). Afterwards both languages are searched together.
    pub fn add_language_from_esco_csv(&mut self, source: &dyn EscoSource, lang: &str) -> Result<ImportReport> {
        let mut report = ImportReport { lang: lang.to_owned(), files: Vec::new() };
        self.read_label_files(source, lang, false, &mut report)?;
        self.finish();
        Ok(report)
    }

    fn read_label_files(&mut self, source: &dyn EscoSource, lang: &str, isco_required: bool, report: &mut ImportReport) -> Result<()> {
        let lang_id = self.intern_lang(lang);
        let mut seen = super::label_batch::LabelSet::default();
        let mut labels = LabelSink { lang: lang_id, seen: &mut seen };

        let (name, reader) = open_required(source, &[format!("skills_{lang}")])?;
        let stats = for_each_record(&name, reader, &SKILL_COLUMNS, |row| {
            let id = self.intern_concept(row.required(0)?, ConceptKind::Skill);
            let c = &mut self.concepts[id as usize];
            c.kind = ConceptKind::Skill;
            if let Some(t) = row.optional(4) {
                c.skill_type =
                    Some(SkillType::parse(t).ok_or_else(|| format!("skillType {t:?} is not \"skill/competence\" or \"knowledge\""))?);
            }
            if let Some(r) = row.optional(5) {
                c.reuse_level = Some(ReuseLevel::parse(r).ok_or_else(|| format!("reuseLevel {r:?} is not an ESCO reuse level"))?);
            }
            labels.push_row(self, id, &row, 1, Some(2), Some(3));
            Ok(true)
        })?;
        report.files.push(stats);

        let (name, reader) = open_required(source, &[format!("occupations_{lang}")])?;
        let stats = for_each_record(&name, reader, &OCCUPATION_COLUMNS, |row| {
            let id = self.intern_concept(row.required(0)?, ConceptKind::Occupation);
            let c = &mut self.concepts[id as usize];
            c.kind = ConceptKind::Occupation;
            if let Some(g) = row.optional(4) {
                c.isco_group = g.into();
            }
            if let Some(code) = row.optional(5) {
                c.code = code.into();
            }
            labels.push_row(self, id, &row, 1, Some(2), Some(3));
            Ok(true)
        })?;
        report.files.push(stats);

        let isco_names = [format!("ISCOGroups_{lang}")];
        let isco = if isco_required { Some(open_required(source, &isco_names)?) } else { open_optional(source, &isco_names)? };
        if let Some((name, reader)) = isco {
            let stats = for_each_record(&name, reader, &ISCO_COLUMNS, |row| {
                let uri = row.required(0)?;
                let id = self.intern_concept(uri, ConceptKind::IscoGroup);
                let code = row.optional(1).or_else(|| uri.rsplit_once("/C").map(|(_, c)| c)).unwrap_or("");
                let c = &mut self.concepts[id as usize];
                c.kind = ConceptKind::IscoGroup;
                c.code = code.into();
                labels.push_row(self, id, &row, 2, Some(3), None);
                Ok(true)
            })?;
            report.files.push(stats);
        }

        if let Some((name, reader)) = open_optional(source, &[format!("skillGroups_{lang}")])? {
            let stats = for_each_record(&name, reader, &SKILL_GROUP_COLUMNS, |row| {
                let id = self.intern_concept(row.required(0)?, ConceptKind::SkillGroup);
                let c = &mut self.concepts[id as usize];
                c.kind = ConceptKind::SkillGroup;
                if let Some(code) = row.optional(4) {
                    c.code = code.into();
                }
                labels.push_row(self, id, &row, 1, Some(2), Some(3));
                Ok(true)
            })?;
            report.files.push(stats);
        }
        Ok(())
    }

    fn read_relation_files(&mut self, source: &dyn EscoSource, lang: &str, report: &mut ImportReport) -> Result<()> {
        let names = |base: &str| [base.to_owned(), format!("{base}_{lang}")];

        let (name, reader) = open_required(source, &names("occupationSkillRelations"))?;
        let stats = for_each_record(&name, reader, &OCC_SKILL_COLUMNS, |row| {
            let (occ, kind, skill) = (row.required(0)?, row.required(1)?, row.required(2)?);
            let kind = kind.parse::<RelationType>().map_err(|_| format!("relationType {kind:?} is not \"essential\" or \"optional\""))?;
            match (self.uri_ids.get(occ), self.uri_ids.get(skill)) {
                (Some(&o), Some(&s)) => {
                    self.occ_skill.push((o, s, kind));
                    Ok(true)
                }
                _ => Ok(false),
            }
        })?;
        report.files.push(stats);

        let (name, reader) = open_required(source, &names("broaderRelationsSkillPillar"))?;
        let stats = for_each_record(&name, reader, &BROADER_COLUMNS, |row| {
            let (narrow, broad) = (row.required(0)?, row.required(2)?);
            let lookup = |t: &mut Taxonomy, uri: &str, ty: Option<&str>| match t.uri_ids.get(uri) {
                Some(&id) => Some(id),
                None if ty == Some("SkillGroup") => Some(t.intern_concept(uri, ConceptKind::SkillGroup)),
                None => None,
            };
            let (n_ty, b_ty) = (row.optional(1), row.optional(3));
            match (lookup(self, narrow, n_ty), lookup(self, broad, b_ty)) {
                (Some(n), Some(b)) => {
                    self.broader.push((n, b));
                    Ok(true)
                }
                _ => Ok(false),
            }
        })?;
        report.files.push(stats);

        let (name, reader) = open_required(source, &names("skillSkillRelations"))?;
        let stats = for_each_record(&name, reader, &SKILL_SKILL_COLUMNS, |row| {
            let (a, kind, b) = (row.required(0)?, row.required(1)?, row.required(2)?);
            let kind = kind.parse::<RelationType>().map_err(|_| format!("relationType {kind:?} is not \"essential\" or \"optional\""))?;
            match (self.uri_ids.get(a), self.uri_ids.get(b)) {
                (Some(&a), Some(&b)) => {
                    self.skill_skill.push((a, b, kind));
                    Ok(true)
                }
                _ => Ok(false),
            }
        })?;
        report.files.push(stats);
        Ok(())
    }
}

/// A column wanted from a file: its header name and whether the file must have it.
type Column = (&'static str, bool);

const SKILL_COLUMNS: [Column; 6] = [
    ("conceptUri", true),
    ("preferredLabel", true),
    ("altLabels", false),
    ("hiddenLabels", false),
    ("skillType", false),
    ("reuseLevel", false),
];
const OCCUPATION_COLUMNS: [Column; 6] =
    [("conceptUri", true), ("preferredLabel", true), ("altLabels", false), ("hiddenLabels", false), ("iscoGroup", false), ("code", false)];
const ISCO_COLUMNS: [Column; 4] = [("conceptUri", true), ("code", false), ("preferredLabel", true), ("altLabels", false)];
const SKILL_GROUP_COLUMNS: [Column; 5] =
    [("conceptUri", true), ("preferredLabel", true), ("altLabels", false), ("hiddenLabels", false), ("code", false)];
const OCC_SKILL_COLUMNS: [Column; 3] = [("occupationUri", true), ("relationType", true), ("skillUri", true)];
const BROADER_COLUMNS: [Column; 4] = [("conceptUri", true), ("conceptType", false), ("broaderUri", true), ("broaderType", false)];
const SKILL_SKILL_COLUMNS: [Column; 3] = [("originalSkillUri", true), ("relationType", true), ("relatedSkillUri", true)];

/// Adds a row's labels, skipping ones the concept already has in this language.
struct LabelSink<'s> {
    lang: u16,
    seen: &'s mut super::label_batch::LabelSet,
}

impl LabelSink<'_> {
    fn push_row(&mut self, t: &mut Taxonomy, id: u32, row: &Row<'_>, pref: usize, alt: Option<usize>, hidden: Option<usize>) {
        if let Some(p) = row.optional(pref) {
            t.push_label_dedup(self.seen, id, self.lang, (LabelKind::Preferred, LabelSource::Esco), p);
        }
        for (col, kind) in [(alt, LabelKind::Alternative), (hidden, LabelKind::Hidden)] {
            if let Some(list) = col.and_then(|c| row.optional(c)) {
                for label in list.lines() {
                    t.push_label_dedup(self.seen, id, self.lang, (kind, LabelSource::Esco), label);
                }
            }
        }
    }
}

/// One record, with access to the wanted columns by their position in the column list.
struct Row<'r> {
    record: &'r csv::StringRecord,
    idx: &'r [Option<usize>],
    columns: &'r [Column],
}

impl<'r> Row<'r> {
    /// A required value: present and not empty.
    fn required(&self, i: usize) -> Result<&'r str, String> {
        self.optional(i).ok_or_else(|| format!("empty {:?}", self.columns.get(i).map_or("", |c| c.0)))
    }

    /// A value, `None` when the column is absent or the value empty.
    fn optional(&self, i: usize) -> Option<&'r str> {
        let col = (*self.idx.get(i)?)?;
        Some(self.record.get(col)?.trim()).filter(|v| !v.is_empty())
    }
}

fn candidates(bases: &[String]) -> Vec<String> {
    bases.iter().flat_map(|b| [format!("{b}.csv"), format!("{b}.csv.gz")]).collect()
}

fn open_optional<'s>(source: &'s dyn EscoSource, bases: &[String]) -> Result<Option<(String, Box<dyn Read + 's>)>> {
    for name in candidates(bases) {
        match source.open(&name) {
            Ok(Some(r)) => return Ok(Some((name, r))),
            Ok(None) => {}
            Err(e) => return Err(Error::DataFile { file: name, line: 0, message: format!("cannot open the file: {e}") }),
        }
    }
    Ok(None)
}

fn open_required<'s>(source: &'s dyn EscoSource, bases: &[String]) -> Result<(String, Box<dyn Read + 's>)> {
    open_optional(source, bases)?.ok_or_else(|| Error::MissingDataFile { name: format!("{}.csv", bases[0]), tried: candidates(bases) })
}

/// Drops carriage returns, so that ESCO's CRLF records end in LF like the line breaks
/// inside its quoted fields (the csv crate counts lines right only for LF).
struct StripCr<R>(R);

impl<R: Read> Read for StripCr<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.0.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut kept = 0;
            for i in 0..n {
                if buf[i] != b'\r' {
                    buf[kept] = buf[i];
                    kept += 1;
                }
            }
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// Wraps a reader in a gzip decoder if its first bytes are the gzip magic number.
fn maybe_gunzip<'a>(reader: Box<dyn Read + 'a>) -> io::Result<Box<dyn Read + 'a>> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let gzipped = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzipped { Box::new(MultiGzDecoder::new(buffered)) } else { Box::new(buffered) })
}

/// Reads every record of a CSV file, handing the wanted columns to `f`, which returns
/// whether it used the record (`false`: skipped) or what is wrong with it.
fn for_each_record(
    file: &str,
    reader: Box<dyn Read + '_>,
    columns: &[Column],
    mut f: impl FnMut(Row<'_>) -> Result<bool, String>,
) -> Result<FileStats> {
    let err = |line: u64, message: String| Error::DataFile { file: file.to_owned(), line, message };
    let reader = maybe_gunzip(reader).map_err(|e| err(0, format!("cannot read the file: {e}")))?;
    let mut csv = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(StripCr(reader));
    let headers = csv.headers().map_err(|e| csv_error(file, 1, e))?.clone();
    let idx: Vec<Option<usize>> =
        columns.iter().map(|(name, _)| headers.iter().position(|h| h.trim_start_matches('\u{feff}').trim() == *name)).collect();
    if let Some(((name, _), _)) = columns.iter().zip(&idx).find(|((_, required), i)| *required && i.is_none()) {
        let found: Vec<&str> = headers.iter().take(8).collect();
        return Err(err(1, format!("missing column {name:?} (the header has {})", found.join(", "))));
    }
    let mut stats = FileStats { name: file.to_owned(), records: 0, skipped: 0 };
    let mut record = csv::StringRecord::new();
    loop {
        let next = csv.position().line();
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(next, |p| p.line());
                stats.records += 1;
                match f(Row { record: &record, idx: &idx, columns }) {
                    Ok(true) => {}
                    Ok(false) => stats.skipped += 1,
                    Err(message) => return Err(err(line, message)),
                }
            }
            Err(e) => return Err(csv_error(file, next, e)),
        }
    }
    Ok(stats)
}

fn csv_error(file: &str, line: u64, e: csv::Error) -> Error {
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("the record has {len} fields where the header has {expected_len} (is the file cut short or edited?)")
        }
        csv::ErrorKind::Utf8 { .. } => "the text is not valid UTF-8".to_owned(),
        csv::ErrorKind::Io(io) => format!("cannot read the file (is it cut short?): {io}"),
        _ => e.to_string(),
    };
    Error::DataFile { file: file.to_owned(), line, message }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A tiny ESCO download: two skills, one occupation, two ISCO groups.
    pub(crate) fn tiny(lang: &str) -> BTreeMap<String, Vec<u8>> {
        let s = "http://data.europa.eu/esco/skill/";
        let o = "http://data.europa.eu/esco/occupation/";
        let mut m = BTreeMap::new();
        let mut put = |name: String, text: String| {
            m.insert(name, text.replace('\n', "\r\n").replace("\r\r\n", "\n").into_bytes());
        };
        put(
            format!("skills_{lang}.csv"),
            format!(
                "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,description\n\
                 KnowledgeSkillCompetence,{s}a,skill/competence,cross-sector,operate forklift,\"use forklift\r\nforklift operation\r\noperate forklift\",,released,\"Drive a forklift.\r\nSafely.\"\n\
                 KnowledgeSkillCompetence,{s}b,knowledge,transversal,warehouse operations,,,released,x\n"
            ),
        );
        put(
            format!("occupations_{lang}.csv"),
            format!(
                "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,code\n\
                 Occupation,{o}w,9333,warehouse worker,\"warehouse operative\r\nstorehouse worker\",,released,9333.1\n"
            ),
        );
        put(
            format!("ISCOGroups_{lang}.csv"),
            "conceptType,conceptUri,code,preferredLabel,status,altLabels\n\
             ISCOGroup,http://data.europa.eu/esco/isco/C9333,9333,Freight handlers,released,\n\
             ISCOGroup,http://data.europa.eu/esco/isco/C93,93,Labourers,released,\n"
                .to_owned(),
        );
        put(
            "occupationSkillRelations.csv".to_owned(),
            format!(
                "occupationUri,relationType,skillType,skillUri\n{o}w,essential,skill/competence,{s}a\n{o}w,optional,knowledge,{s}b\n{o}missing,essential,knowledge,{s}b\n"
            ),
        );
        put(
            "broaderRelationsSkillPillar.csv".to_owned(),
            format!("conceptType,conceptUri,broaderType,broaderUri\nKnowledgeSkillCompetence,{s}a,SkillGroup,{s}g\n"),
        );
        put(
            "skillSkillRelations.csv".to_owned(),
            format!(
                "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n{s}a,skill/competence,optional,knowledge,{s}b\n"
            ),
        );
        m
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).expect("write to memory");
        enc.finish().expect("gzip in memory")
    }

    #[test]
    fn reads_a_download_with_multiline_fields_and_counts_skips() {
        let (t, report) = Taxonomy::import_esco_csv(&tiny("en"), "en").expect("tiny download loads");
        assert_eq!(t.count(ConceptKind::Skill), 2);
        assert_eq!(t.count(ConceptKind::Occupation), 1);
        assert_eq!(t.count(ConceptKind::IscoGroup), 2);
        assert_eq!(t.count(ConceptKind::SkillGroup), 1);
        let a = t.concept("http://data.europa.eu/esco/skill/a").expect("skill a");
        let labels: Vec<_> = a.labels().map(|l| (l.text, l.kind)).collect();
        assert_eq!(
            labels,
            [
                ("operate forklift", LabelKind::Preferred),
                ("use forklift", LabelKind::Alternative),
                ("forklift operation", LabelKind::Alternative)
            ]
        );
        assert_eq!(a.skill_type(), Some(SkillType::SkillCompetence));
        assert_eq!(a.reuse_level(), Some(ReuseLevel::CrossSector));
        let w = t.concept("http://data.europa.eu/esco/occupation/w").expect("occupation");
        assert_eq!((w.isco_group(), w.code()), (Some("9333"), Some("9333.1")));
        assert_eq!(t.isco_group("93").map(|g| g.label()), Some("Labourers"));
        assert_eq!(report.skipped(), 1);
        assert_eq!(report.files.len(), 6);
        assert_eq!(report.files[0].records, 2);
    }

    #[test]
    fn reads_gzipped_files_and_adds_a_second_language() {
        let mut files = tiny("en");
        let skills = files.remove("skills_en.csv").expect("skills");
        files.insert("skills_en.csv.gz".to_owned(), gzip(&skills));
        let mut t = Taxonomy::from_esco_csv(&files, "en").expect("gzipped loads");
        let mut it = tiny("it");
        let text = String::from_utf8(it["skills_it.csv"].clone())
            .expect("utf-8")
            .replace("operate forklift,", "utilizzare il carrello elevatore,");
        it.insert("skills_it.csv".to_owned(), text.into_bytes());
        let report = t.add_language_from_esco_csv(&it, "it").expect("italian labels");
        assert_eq!(report.files.len(), 3);
        let a = t.concept("http://data.europa.eu/esco/skill/a").expect("skill a");
        assert_eq!(a.preferred_label("it"), Some("utilizzare il carrello elevatore"));
        assert_eq!(a.preferred_label("en"), Some("operate forklift"));
        assert_eq!(a.label(), "operate forklift");
        assert_eq!(t.languages().collect::<Vec<_>>(), ["en", "it"]);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let mut files = tiny("en");
        files.remove("skillSkillRelations.csv");
        let err = Taxonomy::from_esco_csv(&files, "en").expect_err("missing file");
        assert_eq!(
            err.to_string(),
            "missing \"skillSkillRelations.csv\" (looked for skillSkillRelations.csv, skillSkillRelations.csv.gz, skillSkillRelations_en.csv, skillSkillRelations_en.csv.gz)"
        );

        let mut files = tiny("en");
        files.insert("occupations_en.csv".to_owned(), b"conceptUri,label\nx,y\n".to_vec());
        let err = Taxonomy::from_esco_csv(&files, "en").expect_err("missing column");
        assert_eq!(err.to_string(), "occupations_en.csv, line 1: missing column \"preferredLabel\" (the header has conceptUri, label)");

        let mut files = tiny("en");
        let cut = files["skills_en.csv"][..250].to_vec();
        files.insert("skills_en.csv".to_owned(), cut);
        let err = Taxonomy::from_esco_csv(&files, "en").expect_err("cut short");
        assert!(err.to_string().starts_with("skills_en.csv, line 2: the record has"), "{err}");

        let mut files = tiny("en");
        let bad = String::from_utf8(files["occupationSkillRelations.csv"].clone()).expect("utf-8").replace("optional", "maybe");
        files.insert("occupationSkillRelations.csv".to_owned(), bad.into_bytes());
        let err = Taxonomy::from_esco_csv(&files, "en").expect_err("bad relation type");
        assert_eq!(err.to_string(), "occupationSkillRelations.csv, line 3: relationType \"maybe\" is not \"essential\" or \"optional\"");
        assert_eq!(err.kind(), "data_file");

        let mut files = tiny("en");
        let gz = gzip(&files["skills_en.csv"]);
        files.insert("skills_en.csv".to_owned(), gz[..gz.len() / 2].to_vec());
        let err = Taxonomy::from_esco_csv(&files, "en").expect_err("truncated gzip");
        assert!(err.to_string().starts_with("skills_en.csv, line"), "{err}");
    }
}
