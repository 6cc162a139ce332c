//! Vacancies from CSV spreadsheets, with a column mapping.
//!
//! The header row names the columns. Default headers, matched ignoring case, accents
//! and spaces (Italian and English):
//!
//! | field | headers |
//! |---|---|
//! | `id` | id, codice, cod, riferimento, rif, ref, reference |
//! | `title` | titolo, title, posizione, position, profilo, mansione, job title, ruolo |
//! | `employer` | azienda, employer, company, datore di lavoro, ditta, impresa |
//! | `description` | descrizione, description, testo, annuncio |
//! | `place` (name) | comune, dove, città, citta, city, location, luogo, sede, località |
//! | `istat` | istat, codice istat |
//! | `lat`, `lon` | lat, latitudine, latitude / lon, lng, longitudine, longitude |
//! | `essential_skills` | competenze, skills, competenze richieste, requisiti, essential skills |
//! | `optional_skills` | competenze gradite, optional skills, preferenziali, nice to have |
//! | `contract` | contratto, contract, tipo contratto, tipologia |
//! | `hours` | orario, hours, working hours |
//! | `remote` | remoto, remote, smart working, telelavoro |
//! | `published` | pubblicazione, data pubblicazione, published, date posted |
//! | `expires` | scadenza, expires, deadline, valid through, data scadenza |
//! | `positions` | posti, positions, numero posti, openings |
//! | `apply` | candidatura, apply, email, contatto, link |
//! | `min_eqf_level` | eqf, livello eqf, titolo di studio minimo |
//! | `min_experience_months` | esperienza mesi, experience months |
//! | `driving_licences` | patente, patenti, driving licence, licences |
//! | `languages` | lingue, languages (e.g. `en B2; de A2`) |
//! | `reserved_law_68_99` | legge 68, l68, riservato l68, collocamento mirato |
//!
//! A mapping given by the caller (header -> field) comes first. Lists (skills, licences,
//! languages) are separated by `;`, `|` or `,`. The delimiter (`,`, `;` or tab) is read
//! from the header row. A cell that cannot be read is reported with its line and column
//! and left out; a row without a title is reported and skipped; a malformed file (a
//! broken quote, a row with more cells than the header) is refused naming the line. Rows
//! without an `id` column get `csv-<line>`.

use std::collections::HashMap;

use super::text::{self, DateValue};
use super::words;
use super::{Import, Imported, MappingReport, SourceFormat, finish_vacancy};
use crate::error::{Error, Result};
use crate::fold::label_key;
use crate::limits::MAX_IMPORT_ROWS;
use crate::model::{
    CefrLevel, Concept, ContractType, EqfLevel, Hours, LanguageRequirement, LicenceCategory, Place, Remote, VACANCY_SCHEMA_VERSION, Vacancy,
};

/// The fields a column can map to.
pub const FIELDS: &[&str] = &[
    "id",
    "title",
    "employer",
    "description",
    "place",
    "istat",
    "lat",
    "lon",
    "essential_skills",
    "optional_skills",
    "contract",
    "hours",
    "remote",
    "published",
    "expires",
    "positions",
    "apply",
    "min_eqf_level",
    "min_experience_months",
    "driving_licences",
    "languages",
    "reserved_law_68_99",
    "ignore",
];

const DEFAULTS: &[(&str, &[&str])] = &[
    ("id", &["id", "codice", "cod", "riferimento", "rif", "ref", "reference", "codice annuncio", "job id"]),
    ("title", &["titolo", "title", "posizione", "position", "profilo", "mansione", "job title", "ruolo", "qualifica"]),
    ("employer", &["azienda", "employer", "company", "datore di lavoro", "ditta", "impresa", "hiring organization"]),
    ("description", &["descrizione", "description", "testo", "annuncio", "dettagli"]),
    ("place", &["comune", "dove", "citta", "city", "location", "luogo", "sede", "localita", "luogo di lavoro", "sede di lavoro"]),
    ("istat", &["istat", "codice istat"]),
    ("lat", &["lat", "latitudine", "latitude"]),
    ("lon", &["lon", "lng", "longitudine", "longitude"]),
    ("essential_skills", &["competenze", "skills", "competenze richieste", "requisiti", "essential skills", "competenze essenziali"]),
    ("optional_skills", &["competenze gradite", "optional skills", "preferenziali", "nice to have", "competenze opzionali"]),
    ("contract", &["contratto", "contract", "tipo contratto", "tipologia", "tipo di contratto", "employment type"]),
    ("hours", &["orario", "hours", "working hours", "tempo"]),
    ("remote", &["remoto", "remote", "smart working", "telelavoro"]),
    ("published", &["pubblicazione", "data pubblicazione", "published", "date posted", "data"]),
    ("expires", &["scadenza", "expires", "deadline", "valid through", "data scadenza"]),
    ("positions", &["posti", "positions", "numero posti", "openings", "n posti"]),
    ("apply", &["candidatura", "apply", "email", "contatto", "link", "come candidarsi"]),
    ("min_eqf_level", &["eqf", "livello eqf", "titolo di studio minimo"]),
    ("min_experience_months", &["esperienza mesi", "experience months", "mesi di esperienza"]),
    ("driving_licences", &["patente", "patenti", "driving licence", "driving licences", "licences"]),
    ("languages", &["lingue", "languages", "lingue richieste"]),
    ("reserved_law_68_99", &["legge 68", "l68", "riservato l68", "collocamento mirato", "l 68 99", "legge 68 99"]),
];

/// Header text folded for matching: lowercase, accents off, punctuation as spaces.
fn key(h: &str) -> String {
    let plain: String = h
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' => 'a',
            'è' | 'é' | 'ê' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    label_key(&plain)
}

fn default_field(header: &str) -> Option<&'static str> {
    let k = key(header);
    DEFAULTS.iter().find(|(_, names)| names.contains(&k.as_str())).map(|(f, _)| *f)
}

/// Whether a line looks like a header this importer understands (two or more cells, one
/// of them a title header).
pub fn looks_like_header(line: &str) -> bool {
    let d = delimiter(line);
    let cells: Vec<&str> = line.split(d as char).collect();
    cells.len() >= 2 && cells.iter().any(|c| default_field(c.trim().trim_matches('"')) == Some("title"))
}

/// The delimiter of a CSV header line: the most frequent of `;`, tab and `,`.
pub(crate) fn delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))].into_iter().max_by_key(|(_, n)| *n).map_or(b',', |(d, _)| d)
}

/// Imports vacancies from CSV text. `columns` maps header texts to fields (see
/// [`FIELDS`]); it overrides the default headers.
pub fn import(text: &str, columns: &HashMap<String, String>) -> Result<Import> {
    let err = |message: String, hint: Option<&str>| Error::Import { format: "csv", message, hint: hint.map(str::to_owned) };
    for (h, f) in columns {
        if !FIELDS.contains(&f.as_str()) {
            return Err(err(format!("the mapping {h:?} -> {f:?} names no vacancy field (expected one of {})", FIELDS.join(", ")), None));
        }
    }
    let first = text.lines().next().unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(first)).flexible(false).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| err(format!("line 1: the header cannot be read: {e}"), None))?.clone();
    let by_key: HashMap<String, &String> = columns.iter().map(|(h, f)| (key(h), f)).collect();
    let mut fields: Vec<Option<String>> = Vec::new();
    let mut report = MappingReport::default();
    for (i, h) in headers.iter().enumerate() {
        let f = by_key.get(&key(h)).map(|f| (*f).clone()).or_else(|| default_field(h).map(str::to_owned));
        match &f {
            Some(f) if f != "ignore" && fields.iter().flatten().any(|x| x == f) => {
                report.unmapped(
                    format!("column {} ({h})", i + 1),
                    "(the whole column)",
                    format!("a second column for {f}; the first is used"),
                );
                fields.push(None);
                continue;
            }
            None => report.unmapped(
                format!("column {} ({h})", i + 1),
                "(the whole column)",
                "no vacancy field has this header (map it with a column mapping)",
            ),
            _ => {}
        }
        fields.push(f.filter(|f| f != "ignore"));
    }
    if !fields.iter().flatten().any(|f| f == "title") {
        let found: Vec<&str> = headers.iter().collect();
        return Err(err(
            format!("line 1: no column holds the title (found {}; expected a header such as titolo, title, mansione)", found.join(", ")),
            Some("map the title column, e.g. `--column \"Figura ricercata=title\"`"),
        ));
    }
    let mut out = Vec::new();
    for (row, record) in reader.records().enumerate() {
        if row >= MAX_IMPORT_ROWS {
            return Err(err(format!("more than {MAX_IMPORT_ROWS} rows (the limit)"), Some("split the file")));
        }
        let record = record.map_err(|e| {
            let line = e.position().map_or(row + 2, |p| usize::try_from(p.line()).unwrap_or(0));
            let what = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!("{len} cells where the header has {expected_len}"),
                csv::ErrorKind::Utf8 { .. } => "the text is not valid UTF-8".to_owned(),
                _ => e.to_string(),
            };
            err(format!("line {line}: {what}"), Some("check the quotes and the delimiter of that row"))
        })?;
        let line = record.position().map_or(row + 2, |p| usize::try_from(p.line()).unwrap_or(0));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(v) = row_vacancy(&record, &headers, &fields, line, &mut report) {
            out.push(v);
        }
    }
    if out.is_empty() {
        return Err(err("no row with a title was found".into(), None));
    }
    let out = out.into_iter().map(|v| finish_vacancy(v, &mut report)).collect();
    Ok(Import { document: Imported::Vacancies(out), format: SourceFormat::Csv, version: "CSV".into(), report })
}

fn row_vacancy(
    record: &csv::StringRecord,
    headers: &csv::StringRecord,
    fields: &[Option<String>],
    line: usize,
    report: &mut MappingReport,
) -> Option<Vacancy> {
    let mut v = Vacancy {
        schema_version: VACANCY_SCHEMA_VERSION,
        id: format!("csv-{line}"),
        title: String::new(),
        employer: None,
        description: None,
        place: None,
        occupation: None,
        essential_skills: Vec::new(),
        optional_skills: Vec::new(),
        languages: Vec::new(),
        min_eqf_level: None,
        min_experience_months: None,
        driving_licences: Vec::new(),
        contract: None,
        hours: None,
        remote: None,
        published: None,
        expires: None,
        reserved_law_68_99: false,
        positions: None,
        apply: None,
    };
    let mut place = Place::default();
    for (i, cell) in record.iter().enumerate() {
        let cell = cell.trim();
        let Some(Some(field)) = fields.get(i) else {
            continue;
        };
        if cell.is_empty() {
            continue;
        }
        let at = format!("line {line}, column {} ({})", i + 1, headers.get(i).unwrap_or_default());
        let mut bad =
            |expected: &str| report.unmapped(at.clone(), super::report::quoted(cell), format!("cannot be read (expected {expected})"));
        let skills = |s: &str| text::split_list(s).into_iter().map(|label| Concept { label, uri: None }).collect::<Vec<_>>();
        match field.as_str() {
            "id" => v.id = cell.split_whitespace().collect::<Vec<_>>().join("-"),
            "title" => v.title = cell.to_owned(),
            "employer" => v.employer = Some(cell.to_owned()),
            "description" => v.description = Some(cell.to_owned()),
            "place" => place.name = Some(cell.to_owned()),
            "istat" => {
                place.istat =
                    Some(if cell.len() < 6 && cell.bytes().all(|b| b.is_ascii_digit()) { format!("{cell:0>6}") } else { cell.to_owned() })
            }
            "lat" | "lon" => match cell.replace(',', ".").parse::<f64>() {
                Ok(x) if field == "lat" => place.lat = Some(x),
                Ok(x) => place.lon = Some(x),
                Err(_) => bad("a number of degrees"),
            },
            "essential_skills" => v.essential_skills.extend(skills(cell)),
            "optional_skills" => v.optional_skills.extend(skills(cell)),
            "contract" => match words::employment(cell) {
                (_, Some(c)) => v.contract = Some(c),
                (Some(h), None) => v.hours = Some(h),
                _ => match contract_it(cell) {
                    Some(c) => v.contract = Some(c),
                    None => bad("a contract type such as tirocinio, apprendistato, tempo determinato"),
                },
            },
            "hours" => match cell.to_lowercase().as_str() {
                "full time" | "full-time" | "full_time" | "tempo pieno" | "pieno" => v.hours = Some(Hours::FullTime),
                "part time" | "part-time" | "part_time" | "tempo parziale" | "parziale" => v.hours = Some(Hours::PartTime),
                other => match Hours::parse(other) {
                    Ok(h) => v.hours = Some(h),
                    Err(_) => bad("full time or part time"),
                },
            },
            "remote" => match cell.to_lowercase().as_str() {
                "si" | "sì" | "yes" | "true" | "remoto" | "remote" | "full" => v.remote = Some(Remote::Remote),
                "no" | "false" | "in presenza" | "on site" => v.remote = Some(Remote::OnSite),
                "ibrido" | "hybrid" | "parziale" => v.remote = Some(Remote::Hybrid),
                _ => bad("sì, no or ibrido"),
            },
            "published" | "expires" => match text::date(cell) {
                DateValue::Date(d) if field == "published" => v.published = Some(d),
                DateValue::Date(d) => v.expires = Some(d),
                _ => bad("a date such as 2026-12-31 or 31/12/2026"),
            },
            "positions" => match cell.parse::<u32>() {
                Ok(n) => v.positions = Some(n),
                Err(_) => bad("a whole number"),
            },
            "apply" => {
                v.apply = Some(if cell.contains('@') || cell.contains("://") {
                    cell.to_owned()
                } else {
                    text::url(cell).unwrap_or_else(|| cell.to_owned())
                })
            }
            "min_eqf_level" => match cell
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .parse::<u8>()
                .ok()
                .and_then(EqfLevel::new)
                .or_else(|| words::eqf_from_degree(cell))
            {
                Some(l) => v.min_eqf_level = Some(l),
                None => bad("an EQF level from 1 to 8"),
            },
            "min_experience_months" => match cell.parse::<u32>() {
                Ok(n) => v.min_experience_months = Some(n),
                Err(_) => bad("a whole number of months"),
            },
            "driving_licences" => {
                for l in text::split_list(cell) {
                    match LicenceCategory::parse(l.trim_start_matches("patente ").trim()) {
                        Ok(x) => v.driving_licences.push(x),
                        Err(_) => bad("licence categories such as B; C; CQC"),
                    }
                }
            }
            "languages" => {
                for l in text::split_list(cell) {
                    let mut parts = l.split_whitespace();
                    let (name, level) = (parts.next().unwrap_or_default(), parts.next_back().unwrap_or_default());
                    match (words::language_code(name), CefrLevel::parse(level)) {
                        (Some((code, _)), Ok(level)) => v.languages.push(LanguageRequirement { language: code.into(), level }),
                        _ => bad("languages with a level such as `en B2; de A2`"),
                    }
                }
            }
            "reserved_law_68_99" => match cell.to_lowercase().as_str() {
                "si" | "sì" | "yes" | "true" | "x" | "1" => v.reserved_law_68_99 = true,
                "no" | "false" | "0" => {}
                _ => bad("sì or no"),
            },
            _ => {}
        }
    }
    if v.title.is_empty() {
        report.unmapped(
            format!("line {line}"),
            super::report::quoted(&record.iter().collect::<Vec<_>>().join(" | ")),
            "a row without a title was skipped",
        );
        return None;
    }
    if place != Place::default() {
        v.place = Some(place);
    }
    Some(v)
}

/// Italian contract words as written in spreadsheets.
fn contract_it(s: &str) -> Option<ContractType> {
    let t = key(s);
    let found = [
        ("tirocin", ContractType::Tirocinio),
        ("stage", ContractType::Tirocinio),
        ("apprendist", ContractType::Apprendistato),
        ("indeterminato", ContractType::TempoIndeterminato),
        ("determinato", ContractType::TempoDeterminato),
        ("somministr", ContractType::Somministrazione),
        ("interinale", ContractType::Somministrazione),
        ("stagional", ContractType::Stagionale),
        ("collaborazion", ContractType::Collaborazione),
        ("co co co", ContractType::Collaborazione),
        ("partita iva", ContractType::Autonomo),
        ("autonom", ContractType::Autonomo),
        ("servizio civile", ContractType::ServizioCivile),
    ];
    found.iter().find(|(w, _)| t.contains(w)).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vacancies(text: &str, cols: &[(&str, &str)]) -> (Vec<Vacancy>, MappingReport) {
        let map = cols.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        let done = import(text, &map).unwrap();
        let Imported::Vacancies(v) = done.document else { panic!() };
        (v, done.report)
    }

    #[test]
    fn italian_headers_and_lists() {
        let csv = "Codice;Titolo;Azienda;Comune;Competenze;Contratto;Scadenza;Patente;Lingue;Note\n\
                   M-1;Magazziniere;Logistica Srl;Trecate;carrello elevatore | magazzino;tempo determinato;31/12/2026;B | C;en B1;urgente\n\
                   M-2;;Ditta;Novara;pulizie;;;;;\n\
                   M-3;Cuoco;Trattoria;Novara;cucina;boh;2026-13-01;;;\n";
        let (v, r) = vacancies(csv, &[]);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].id, "M-1");
        assert_eq!(v[0].essential_skills.len(), 2);
        assert_eq!(v[0].contract, Some(ContractType::TempoDeterminato));
        assert_eq!(v[0].expires.unwrap().to_string(), "2026-12-31");
        assert_eq!(v[0].driving_licences, [LicenceCategory::B, LicenceCategory::C]);
        assert_eq!(v[0].languages[0].language, "en");
        let paths: Vec<&str> = r.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert!(paths.contains(&"column 10 (Note)"), "{paths:?}");
        assert!(paths.contains(&"line 3"), "{paths:?}");
        assert!(paths.contains(&"line 4, column 6 (Contratto)") && paths.contains(&"line 4, column 7 (Scadenza)"), "{paths:?}");
    }

    #[test]
    fn mapping_overrides_and_errors_name_the_line() {
        let (v, _) =
            vacancies("Rif,Figura ricercata,Dove\n7,Barista,Arona\n", &[("Figura ricercata", "title"), ("Dove", "place"), ("Rif", "id")]);
        assert_eq!((v[0].id.as_str(), v[0].title.as_str()), ("7", "Barista"));
        let err = import("titolo,azienda\nBarista,Bar,extra\n", &HashMap::new()).unwrap_err().to_string();
        assert!(err.contains("line 2: 3 cells where the header has 2"), "{err}");
        let err = import("nome,azienda\nBarista,Bar\n", &HashMap::new()).unwrap_err().to_string();
        assert!(err.contains("no column holds the title"), "{err}");
    }
}
