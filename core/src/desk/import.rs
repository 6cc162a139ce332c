//! A desk's existing spreadsheet taken into the caseload: a CSV of people (one per row,
//! or several rows for one person's paths) with headers in Italian or English, each row
//! written through the caseload's own rules, with a mapping report like the other
//! importers: which column went where, which were left out, and every row refused with
//! its line and reason.
//!
//! Rows of the same person share a codice fiscale (or, without one, the same name and
//! e-mail). A row either goes in whole (person and path) or not at all; the whole file is
//! one transaction, so a failure half-way through leaves the database as it was.

use std::collections::HashMap;

use serde::Serialize;

use super::error::{DeskError, Result};
use super::model::{NewPath, NewPerson, Reader};
use super::parse::{self, day, word};
use super::store::Desk;
use super::words::{Arrival, PathEventKind, PathKind, PathState, Target};
use crate::fold::fold;
use crate::lang::Lang;

/// The most rows one file may hold.
pub const MAX_IMPORT_ROWS: usize = 200_000;

/// The fields a column can fill, each with the header words that name it (folded).
const FIELDS: &[(&str, &[&str])] = &[
    ("given_name", &["nome", "given name", "first name", "name"]),
    ("family_name", &["cognome", "family name", "surname", "last name"]),
    ("codice_fiscale", &["codice fiscale", "cf", "c f", "tax code", "codice_fiscale"]),
    ("email", &["email", "e mail", "mail", "posta elettronica"]),
    ("phone", &["telefono", "cellulare", "phone", "tel"]),
    ("comune", &["comune", "comune di residenza", "residenza", "municipality"]),
    ("desk", &["sportello", "desk", "sede"]),
    ("case_manager", &["operatore", "case manager", "referente", "operatore di riferimento"]),
    ("arrival", &["arrivo", "inviato da", "canale di accesso", "arrival", "provenienza"]),
    ("arrival_date", &["data arrivo", "data invio", "data assegnazione", "arrival date"]),
    ("path", &["percorso", "tipo percorso", "misura", "path", "path kind"]),
    ("proposed_on", &["data proposta", "data patto", "data firma patto", "proposed", "proposed on"]),
    ("started_on", &["data avvio", "data inizio", "avvio", "started", "started on", "start"]),
    ("ended_on", &["data fine", "data conclusione", "fine", "ended", "ended on", "end"]),
    ("state", &["stato", "esito percorso", "stato percorso", "state", "status"]),
    ("gol", &["gol", "finanziato gol", "gol funded"]),
    ("targets", &["target", "targets", "destinatari"]),
];

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: usize,
    /// People added.
    pub people: usize,
    /// Paths opened.
    pub paths: usize,
    /// Each column and the field it filled (none: left out).
    pub columns: Vec<ColumnMap>,
    /// Rows refused, with their line.
    pub refused: Vec<RefusedRow>,
}

/// A column and where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnMap {
    /// The header as written.
    pub header: String,
    /// The field it fills, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// A row that was not taken in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefusedRow {
    /// Its line in the file (the header is line 1).
    pub line: usize,
    /// Why, in Italian.
    pub it: String,
    /// Why, in English.
    pub en: String,
}

impl RefusedRow {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.it, &self.en)
    }
}

/// Defaults for what a file does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportDefaults {
    /// The desk of rows without one.
    pub desk: Option<String>,
    /// Refuse the whole file if any row is refused.
    pub all_or_nothing: bool,
}

impl Desk {
    /// Imports a CSV spreadsheet (see the module docs).
    pub fn import_csv(&mut self, by: &Reader, text: &str, defaults: &ImportDefaults) -> Result<ImportReport> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().next().unwrap_or_default();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(crate::interop::csv_vacancies::delimiter(first))
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| bad_file(format!("riga 1: intestazione illeggibile ({e})"), format!("line 1: the header cannot be read ({e})")))?
            .clone();
        let mut report = ImportReport::default();
        let mut column_of: HashMap<&'static str, usize> = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            let k = fold(h);
            let field =
                FIELDS.iter().find(|(_, names)| names.contains(&k.as_str())).map(|(f, _)| *f).filter(|f| !column_of.contains_key(f));
            if let Some(f) = field {
                column_of.insert(f, i);
            }
            report.columns.push(ColumnMap { header: h.to_owned(), field });
        }
        if !column_of.contains_key("family_name") && !column_of.contains_key("given_name") {
            return Err(bad_file(
                "nessuna colonna di nome o cognome (intestazioni attese: nome, cognome, codice fiscale, ...)".into(),
                "no column of given or family name (expected headers: nome, cognome, codice fiscale, ...)".into(),
            ));
        }
        let records: Vec<(usize, csv::StringRecord)> = reader
            .records()
            .enumerate()
            .map(|(i, r)| r.map(|r| (i + 2, r)).map_err(|e| bad_file(format!("riga {}: {e}", i + 2), format!("line {}: {e}", i + 2))))
            .collect::<Result<_>>()?;
        if records.len() > MAX_IMPORT_ROWS {
            return Err(bad_file(
                format!("{} righe (al massimo {MAX_IMPORT_ROWS})", records.len()),
                format!("{} rows (at most {MAX_IMPORT_ROWS})", records.len()),
            ));
        }
        report.rows = records.len();
        self.batch(|desk| {
            let mut people: HashMap<String, i64> = HashMap::new();
            for (line, record) in &records {
                let cell = |f: &str| column_of.get(f).and_then(|&i| record.get(i)).map(str::trim).filter(|c| !c.is_empty());
                match desk.atomically(|desk| import_row(desk, by, &cell, defaults, &mut people)) {
                    Ok((new_person, new_path)) => {
                        report.people += usize::from(new_person);
                        report.paths += usize::from(new_path);
                    }
                    Err(e) => report.refused.push(RefusedRow { line: *line, it: e.message(Lang::It), en: e.message(Lang::En) }),
                }
            }
            if defaults.all_or_nothing && !report.refused.is_empty() {
                let first = &report.refused[0];
                return Err(DeskError::invalid(
                    format!("line {}", first.line),
                    format!("{} righe rifiutate, il file non è stato importato; la prima: {}", report.refused.len(), first.it),
                    format!("{} rows refused, the file was not imported; the first: {}", report.refused.len(), first.en),
                ));
            }
            Ok(())
        })?;
        Ok(report)
    }
}

fn bad_file(it: String, en: String) -> DeskError {
    DeskError::invalid("csv", it, en)
}

/// One row: its person (new, or the one an earlier row named) and its path, if any.
/// Returns whether each was added.
fn import_row<'a>(
    desk: &mut Desk,
    by: &Reader,
    cell: &dyn Fn(&str) -> Option<&'a str>,
    defaults: &ImportDefaults,
    people: &mut HashMap<String, i64>,
) -> Result<(bool, bool)> {
    let cf = cell("codice_fiscale").map(|c| parse::codice_fiscale("codice_fiscale", c)).transpose()?;
    let given = cell("given_name").unwrap_or_default();
    let family = cell("family_name").unwrap_or_default();
    let key = match &cf {
        Some(cf) => cf.as_str().to_owned(),
        None => format!("{}|{}", fold(&format!("{given} {family}")), cell("email").unwrap_or_default().to_lowercase()),
    };
    let known = match people.get(&key) {
        Some(id) => Some(*id),
        None => cf.as_ref().map(|c| desk.find_person(c.as_str())).and_then(std::result::Result::ok),
    };
    let new_person = known.is_none();
    let person = match known {
        Some(id) => id,
        None => {
            let profile = serde_json::from_value(serde_json::json!({
                "person": {"given_name": given, "family_name": family, "email": cell("email"), "phone": cell("phone")},
            }))
            .map_err(|e| {
                DeskError::invalid("person", format!("dati anagrafici non validi ({e})"), format!("invalid personal data ({e})"))
            })?;
            let desk_code = cell("desk").map(str::to_lowercase).or_else(|| defaults.desk.clone()).ok_or_else(|| {
                DeskError::invalid(
                    "desk",
                    "manca lo sportello (colonna «sportello» o --desk)",
                    "the desk is missing (a \"sportello\" column or --desk)",
                )
            })?;
            let p = NewPerson {
                profile,
                codice_fiscale: cf,
                comune: cell("comune").map(str::to_owned),
                desk: desk_code,
                case_manager: cell("case_manager").map(str::to_lowercase),
                arrival: cell("arrival").map(|a| word::<Arrival>("arrival", a)).transpose()?.unwrap_or(Arrival::Cpi),
                arrival_date: cell("arrival_date").map(|d| day("arrival_date", d)).transpose()?,
            };
            desk.add_person(by, &p)?
        }
    };
    people.insert(key, person);
    let Some(kind) = cell("path") else { return Ok((new_person, false)) };
    let kind = word::<PathKind>("path", kind)?;
    let proposed = cell("proposed_on").or(cell("started_on")).map(|d| day("proposed_on", d)).transpose()?.ok_or_else(|| {
        DeskError::invalid(
            "proposed_on",
            "un percorso ha bisogno della data di proposta o di avvio",
            "a path needs its proposal or start date",
        )
    })?;
    let targets = cell("targets")
        .map(|t| {
            t.split([',', ';', '/'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| word::<Target>("targets", t))
                .collect::<Result<Vec<_>>>()
        })
        .transpose()?
        .unwrap_or_default();
    let gol = cell("gol").is_some_and(|g| matches!(fold(g).as_str(), "si" | "sì" | "yes" | "true" | "1" | "x"))
        || matches!(kind, PathKind::Gol1 | PathKind::Gol2 | PathKind::Gol3 | PathKind::Gol4 | PathKind::Gol5);
    let path = desk.open_path(
        by,
        &NewPath { person_id: person, kind, proposed_on: proposed, gol_funded: gol, targets, case_manager: None, note: None },
    )?;
    let state = cell("state").map(|s| word::<PathState>("state", s)).transpose()?;
    let started = cell("started_on").map(|d| day("started_on", d)).transpose()?;
    let ended = cell("ended_on").map(|d| day("ended_on", d)).transpose()?;
    if let Some(s) = started.filter(|_| state != Some(PathState::Refused)) {
        desk.record_event(by, path, PathEventKind::Started, s, None, None)?;
    }
    let closing = match state {
        Some(PathState::Concluded) => Some(PathEventKind::Concluded),
        Some(PathState::Abandoned) => Some(PathEventKind::Abandoned),
        Some(PathState::Refused) => Some(PathEventKind::Refused),
        Some(PathState::Cancelled) => Some(PathEventKind::Cancelled),
        Some(PathState::Suspended) => Some(PathEventKind::Suspended),
        _ => None,
    };
    if let Some(event) = closing {
        let on = ended.or(started).unwrap_or(proposed);
        desk.record_event(by, path, event, on, None, None)?;
    }
    Ok((new_person, true))
}
