//! The caseload's records as the store returns them, and the inputs that create them.
//!
//! A person's CV data stays in their Sportello [`Profile`], stored whole beside the
//! caseload; the caseload keeps only what the desk adds (paths, appointments, outcomes,
//! notes, consents). Sensitive data stays in the profile's `sensitive` block.

use serde::{Deserialize, Serialize};

use super::codice_fiscale::CodiceFiscale;
use super::day::{Day, Time};
use super::words::{
    AcknowledgedBy, AppointmentState, Arrival, Channel, ConsentKind, OutcomeKind, PathEventKind, PathKind, PathState, Service, Target,
    Visibility,
};
use crate::model::{ContractType, Profile};

/// Who is reading or writing: an operator's username (the audit records it) and whether
/// they may see special-category data (disability, Law 68/99).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// The operator's username, or the name the audit records for a script.
    pub username: String,
    /// May see protected path kinds, targets and the profile's sensitive block.
    pub sensitive: bool,
}

impl Reader {
    /// A reader without access to sensitive data.
    pub fn new(username: impl Into<String>) -> Reader {
        Reader { username: username.into(), sensitive: false }
    }
}

/// A desk (sportello) of the installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskInfo {
    /// Short code, e.g. `trecate`.
    pub code: String,
    /// Name, e.g. `Sportello Lavoro di Trecate`.
    pub name: String,
    /// The comune it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comune: Option<String>,
}

/// An operator (case manager) of a desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operator {
    /// Login name, e.g. `mrossi`.
    pub username: String,
    /// Full name.
    pub name: String,
    /// The code of their desk.
    pub desk: String,
}

/// A person to take into the caseload.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPerson {
    /// Their Sportello profile (the one source of their CV data).
    pub profile: Profile,
    /// Codice fiscale, if known.
    pub codice_fiscale: Option<CodiceFiscale>,
    /// Comune of residence.
    pub comune: Option<String>,
    /// The code of the desk that follows them.
    pub desk: String,
    /// The username of their case manager.
    pub case_manager: Option<String>,
    /// How they arrived.
    pub arrival: Arrival,
    /// When (for an assignment by the CPI, the date of assignment).
    pub arrival_date: Option<Day>,
}

/// A person as the caseload knows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// Number in this database.
    pub id: i64,
    /// Changes with every update (for conflict checks).
    pub version: i64,
    /// Given name (from the profile).
    pub given_name: String,
    /// Family name (from the profile).
    pub family_name: String,
    /// Codice fiscale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codice_fiscale: Option<String>,
    /// Comune of residence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comune: Option<String>,
    /// Desk code.
    pub desk: String,
    /// Case manager's username.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_manager: Option<String>,
    /// How they arrived.
    pub arrival: Arrival,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrival_date: Option<Day>,
    /// When the desk took them in.
    pub created_on: Day,
}

/// A path to open.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPath {
    /// Whose.
    pub person_id: i64,
    /// Kind.
    pub kind: PathKind,
    /// Date proposed (the patto di servizio's proposal).
    pub proposed_on: Day,
    /// Funded by GOL.
    pub gol_funded: bool,
    /// Target groups.
    pub targets: Vec<Target>,
    /// Case manager (default: the person's).
    pub case_manager: Option<String>,
    /// A remark.
    pub note: Option<String>,
}

/// A path (percorso) with its events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Path {
    /// Number in this database.
    pub id: i64,
    /// Changes with every event.
    pub version: i64,
    /// Whose.
    pub person_id: i64,
    /// Kind.
    pub kind: PathKind,
    /// Where it stands.
    pub state: PathState,
    /// Desk code.
    pub desk: String,
    /// Case manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_manager: Option<String>,
    /// Funded by GOL.
    pub gol_funded: bool,
    /// Target groups.
    pub targets: Vec<Target>,
    /// Proposed on.
    pub proposed_on: Day,
    /// Started on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_on: Option<Day>,
    /// Closed on (concluded, abandoned, refused or cancelled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_on: Option<Day>,
    /// Its events, oldest first.
    pub events: Vec<PathEvent>,
}

/// An event of a path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathEvent {
    /// What happened.
    pub kind: PathEventKind,
    /// When.
    pub on: Day,
    /// A remark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
}

/// An appointment to book.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAppointment {
    /// With whom.
    pub person_id: i64,
    /// Within which path, if any.
    pub path_id: Option<i64>,
    /// Service.
    pub service: Service,
    /// Channel.
    pub channel: Channel,
    /// Day.
    pub on: Day,
    /// Time.
    pub at: Option<Time>,
    /// Expected duration in minutes.
    pub expected_minutes: u32,
    /// The operator who holds it (default: the case manager).
    pub operator: Option<String>,
    /// The vacancy proposed, for a job proposal from a match.
    pub vacancy_id: Option<String>,
    /// A remark.
    pub note: Option<String>,
}

/// An appointment or activity (incontro).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appointment {
    /// Number in this database.
    pub id: i64,
    /// Changes with every update.
    pub version: i64,
    /// With whom.
    pub person_id: i64,
    /// Within which path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_id: Option<i64>,
    /// Service.
    pub service: Service,
    /// Channel.
    pub channel: Channel,
    /// State.
    pub state: AppointmentState,
    /// Day.
    pub on: Day,
    /// Time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Time>,
    /// Expected duration, minutes.
    pub expected_minutes: u32,
    /// Actual duration, minutes (held appointments only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_minutes: Option<u32>,
    /// Operator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The appointment that replaced it, when moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<i64>,
    /// The vacancy proposed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vacancy_id: Option<String>,
    /// A remark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An outcome to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOutcome {
    /// Whose.
    pub person_id: i64,
    /// Of which path.
    pub path_id: Option<i64>,
    /// Kind.
    pub kind: OutcomeKind,
    /// Contract type (contracts only).
    pub contract: Option<ContractType>,
    /// Start.
    pub start_on: Day,
    /// Planned length in months (empty: open-ended).
    pub planned_months: Option<u32>,
    /// Employer or training body.
    pub employer: Option<String>,
    /// The vacancy, when it came from a Sportello match.
    pub vacancy_id: Option<String>,
    /// Evidence, such as a UNILAV code.
    pub evidence: Option<String>,
}

/// An outcome (esito).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Number in this database.
    pub id: i64,
    /// Whose.
    pub person_id: i64,
    /// Of which path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_id: Option<i64>,
    /// Kind.
    pub kind: OutcomeKind,
    /// Contract type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractType>,
    /// Start.
    pub start_on: Day,
    /// Planned months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_months: Option<u32>,
    /// A contract of more than six months (or open-ended).
    pub lasting: bool,
    /// Employer or training body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The vacancy matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vacancy_id: Option<String>,
    /// Evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
}

/// An operator's note on a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Number in this database.
    pub id: i64,
    /// About whom.
    pub person_id: i64,
    /// Who wrote it.
    pub author: String,
    /// Who may read it.
    pub visibility: Visibility,
    /// The text.
    pub text: String,
    /// Written on.
    pub written_on: Day,
    /// Hidden after this day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Day>,
}

/// One grant of a consent, withdrawn or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consent {
    /// Which consent.
    pub kind: ConsentKind,
    /// Granted on.
    pub granted_on: Day,
    /// Withdrawn on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_on: Option<Day>,
}

/// An acknowledgement of the privacy notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acknowledgement {
    /// Which version of the notice's text.
    pub notice_version: String,
    /// When.
    pub on: Day,
    /// By whom.
    pub by: AcknowledgedBy,
    /// The delegate's or parent's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
}

/// Everything held about a person that the reader may see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonFile {
    /// The person.
    pub person: Person,
    /// Their profile (the sensitive block emptied unless the reader may see it).
    pub profile: Profile,
    /// Paths, newest first (protected kinds and targets left out unless allowed).
    pub paths: Vec<Path>,
    /// Appointments, newest first.
    pub appointments: Vec<Appointment>,
    /// Outcomes.
    pub outcomes: Vec<Outcome>,
    /// Notes the reader may read, newest first.
    pub notes: Vec<Note>,
    /// Consents, each grant.
    pub consents: Vec<Consent>,
    /// Acknowledgements of the privacy notice.
    pub acknowledgements: Vec<Acknowledgement>,
    /// Paths, targets or profile parts held back from this reader (they are there).
    pub withheld: u32,
}
