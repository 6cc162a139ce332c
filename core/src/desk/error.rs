//! What can go wrong at the desk, worded by the core in Italian and English.
//!
//! Every error names the field (or record) it is about and says what was expected; the
//! bindings pick the language and print, they never word a rule themselves.

use std::fmt;

use crate::lang::Lang;

/// The kind of a desk error, for bindings that map kinds to exit codes or exceptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeskErrorKind {
    /// A value is not acceptable (wrong shape, out of range, unknown name).
    Invalid,
    /// A record named does not exist (person, path, desk, operator...).
    NotFound,
    /// The step breaks the order of a path, an appointment or a consent.
    Order,
    /// Someone else changed the record since it was read.
    Conflict,
    /// The reader may not do or see this.
    Forbidden,
    /// The file is not a desk database, is damaged, or is of a newer version.
    Database,
    /// The storage failed (disk full, locked, read-only); nothing of the step was saved.
    Storage,
}

impl DeskErrorKind {
    /// A short wire name for bindings (`invalid`, `not_found`...).
    pub fn as_str(self) -> &'static str {
        match self {
            DeskErrorKind::Invalid => "invalid",
            DeskErrorKind::NotFound => "not_found",
            DeskErrorKind::Order => "order",
            DeskErrorKind::Conflict => "conflict",
            DeskErrorKind::Forbidden => "forbidden",
            DeskErrorKind::Database => "database",
            DeskErrorKind::Storage => "storage",
        }
    }
}

/// A desk error: its kind, the field or record it is about, and its wording in both
/// languages (`Display` gives the English one; [`DeskError::message`] picks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskError {
    /// The kind.
    pub kind: DeskErrorKind,
    /// The field or record, e.g. `codice_fiscale`, `path 12`, `appointment 40: actual_minutes`.
    pub field: String,
    it: String,
    en: String,
}

/// A desk result.
pub type Result<T, E = DeskError> = std::result::Result<T, E>;

impl DeskError {
    /// An error of `kind` about `field`, worded in Italian and English.
    pub fn new(kind: DeskErrorKind, field: impl Into<String>, it: impl Into<String>, en: impl Into<String>) -> DeskError {
        DeskError { kind, field: field.into(), it: it.into(), en: en.into() }
    }

    /// A value that is not acceptable.
    pub fn invalid(field: impl Into<String>, it: impl Into<String>, en: impl Into<String>) -> DeskError {
        DeskError::new(DeskErrorKind::Invalid, field, it, en)
    }

    /// A step out of order.
    pub fn order(field: impl Into<String>, it: impl Into<String>, en: impl Into<String>) -> DeskError {
        DeskError::new(DeskErrorKind::Order, field, it, en)
    }

    /// `what` (e.g. "person", "persona") number or name `key` does not exist.
    pub fn not_found(field: impl Into<String>, (it, en): (&str, &str), key: impl fmt::Display) -> DeskError {
        DeskError::new(
            DeskErrorKind::NotFound,
            field,
            format!("{it} \"{key}\" non esiste in questo database"),
            format!("{en} \"{key}\" does not exist in this database"),
        )
    }

    /// A name that is not one of a list (an unknown service, state...), from the wire
    /// enums' own error.
    pub fn unknown_name(field: impl Into<String>, e: &crate::wire::UnknownName) -> DeskError {
        let list = e.expected.join(", ");
        DeskError::invalid(
            field,
            format!("{:?} non è un valore ammesso (ammessi: {list})", e.value),
            format!("{:?} is not {} (expected one of {list})", e.value, e.what),
        )
    }

    /// The wording in `lang`, with the field first.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.field, self.wording(lang))
    }

    /// The wording in `lang` alone (for bindings that show the field apart).
    pub fn wording(&self, lang: Lang) -> &str {
        lang.pick(&self.it, &self.en)
    }
}

impl fmt::Display for DeskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.en)
    }
}

impl std::error::Error for DeskError {}

impl From<rusqlite::Error> for DeskError {
    /// Storage failures: a full disk, a locked or read-only file, a damaged one. The step's
    /// transaction is rolled back, so nothing committed before is lost.
    fn from(e: rusqlite::Error) -> DeskError {
        use rusqlite::ErrorCode as C;
        let code = e.sqlite_error_code();
        let (kind, it, en) = match code {
            Some(C::DiskFull) => (
                DeskErrorKind::Storage,
                "il disco è pieno: questo passo non è stato salvato, i dati già salvati sono intatti".to_owned(),
                "the disk is full: this step was not saved, the data saved before is intact".to_owned(),
            ),
            Some(C::DatabaseBusy | C::DatabaseLocked) => (
                DeskErrorKind::Storage,
                "il database è occupato da un'altra scrittura: riprovare".to_owned(),
                "the database is busy with another write: try again".to_owned(),
            ),
            Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => (
                DeskErrorKind::Storage,
                format!("il file non si può aprire o scrivere ({e})"),
                format!("the file cannot be opened or written ({e})"),
            ),
            Some(C::DatabaseCorrupt | C::NotADatabase) => (
                DeskErrorKind::Database,
                "il file è danneggiato o non è un database di Sportello (ripristinare un backup)".to_owned(),
                "the file is damaged or not a Sportello database (restore a backup)".to_owned(),
            ),
            _ => (DeskErrorKind::Storage, format!("errore del database: {e}"), format!("database error: {e}")),
        };
        DeskError::new(kind, "database", it, en)
    }
}
