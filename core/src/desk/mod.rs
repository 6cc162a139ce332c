//! The desk's caseload: the people a job desk follows, their paths (percorsi), appointments,
//! outcomes, notes, consents and the audit of every change, in one SQLite file.
//!
//! Words and concepts follow Piemonte's SILP where they fit (patto di servizio, percorso,
//! incontri and their states), so that counsellors recognise them. This module owns every
//! rule ([`rules`]); the command line, the console and Python only convert and forward.
//!
//! ```
//! use sportello::desk::{Desk, DeskInfo, NewPath, NewPerson, Operator, PathEventKind, PathKind, PathState, Reader, Arrival};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut desk = Desk::open(&dir.path().join("desk.db")).unwrap().with_today("2023-06-30".parse().unwrap());
//! let me = Reader::new("lmarchetti");
//! desk.add_desk("admin", &DeskInfo { code: "trecate".into(), name: "Sportello Lavoro di Trecate".into(), comune: None }).unwrap();
//! desk.add_operator("admin", &Operator { username: "lmarchetti".into(), name: "Laura Marchetti".into(), desk: "trecate".into() }).unwrap();
//! let profile = serde_json::from_value(serde_json::json!({"person": {"given_name": "Anna", "family_name": "Rossi"}})).unwrap();
//! let anna = desk.add_person(&me, &NewPerson {
//!     profile, codice_fiscale: None, comune: Some("Trecate".into()), desk: "trecate".into(),
//!     case_manager: Some("lmarchetti".into()), arrival: Arrival::Cpi, arrival_date: Some("2023-03-01".parse().unwrap()),
//! }).unwrap();
//! let path = desk.open_path(&me, &NewPath {
//!     person_id: anna, kind: PathKind::Gol1, proposed_on: "2023-03-02".parse().unwrap(),
//!     gol_funded: true, targets: vec![], case_manager: None, note: None,
//! }).unwrap();
//! let state = desk.record_event(&me, path, PathEventKind::Started, "2023-03-10".parse().unwrap(), None, None).unwrap();
//! assert_eq!(state, PathState::Started);
//! // Out of order: refused, with the reason in Italian and English.
//! let e = desk.record_event(&me, path, PathEventKind::Refused, "2023-03-11".parse().unwrap(), None, None).unwrap_err();
//! assert!(e.message(sportello::lang::Lang::It).contains("non può seguire"));
//! assert!(desk.verify_audit().unwrap().broken.is_none());
//! ```

pub mod access;
pub mod accounts;
pub mod agenda;
mod appointments;
pub mod audit;
pub mod caseload;
pub mod codice_fiscale;
mod contact;
pub mod day;
pub mod demo;
pub mod demographics;
pub mod error;
pub mod export;
mod file;
pub mod import;
#[cfg(feature = "render-engine")]
mod letters;
mod matching;
pub mod model;
pub mod parse;
mod paths;
mod people;
mod records;
pub mod report;
pub mod retention;
pub mod rules;
pub mod schema;
mod shares;
mod sql;
mod store;
pub mod tables;
mod territory;
pub mod text;
pub mod words;

pub use access::Access;
pub use accounts::{Account, NewAccount};
pub use agenda::{Agenda, AgendaRow};
pub use caseload::{CaseRow, Filter, Page};
pub use codice_fiscale::CodiceFiscale;
pub use contact::{DeskContact, MAX_CONTACT_CHARS};
pub use day::{Day, Time};
pub use error::{DeskError, DeskErrorKind, Result};
pub use model::*;
pub use store::{BUSY_WAIT, Desk};
pub use words::*;
