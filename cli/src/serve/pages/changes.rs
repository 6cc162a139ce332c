//! The changes to a person's file, one [`Action`] each: its fields, read with the core's
//! parsers, and the one core call it makes (the core checks every rule and audits it).
//! The same table serves the forms of the file page (a refusal shows the file again with
//! what was typed and the problem beside its field) and the JSON API, whose OpenAPI
//! document is generated from it. Stale forms (a `version` older than the record's) are
//! refused as conflicts.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, post};
use sportello::desk::parse::{self, Labelled};
use sportello::desk::{
    Access, Account, AcknowledgedBy, AppointmentState, Channel, ConsentKind, Day, Desk, DeskError, NewAppointment, NewOutcome, NewPath,
    OutcomeKind, PathEventKind, PathKind, Service, Time, Visibility,
};
use sportello::load::{Format, load_profile};
use sportello::model::{ContractType, Profile};

use super::person::show;
use crate::serve::html::Sent;
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, form_map};

/// A submitted form's fields, read with the core's parsers (errors name the field).
pub struct Values(pub HashMap<String, String>);

impl Values {
    /// A field's text, trimmed; empty counts as absent.
    pub fn text(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// A field that must be there.
    pub fn required(&self, k: &str) -> Result<&str, DeskError> {
        self.text(k).ok_or_else(|| DeskError::invalid(k, "manca (serve un valore)", "is missing (expected a value)"))
    }

    pub fn day(&self, k: &str) -> Result<Day, DeskError> {
        parse::day(k, self.required(k)?)
    }

    pub fn day_opt(&self, k: &str) -> Result<Option<Day>, DeskError> {
        self.text(k).map(|v| parse::day(k, v)).transpose()
    }

    pub fn time_opt(&self, k: &str) -> Result<Option<Time>, DeskError> {
        self.text(k).map(|v| parse::time(k, v)).transpose()
    }

    pub fn word<T: std::str::FromStr + Copy + Labelled>(&self, k: &str) -> Result<T, DeskError> {
        parse::word(k, self.required(k)?)
    }

    pub fn number_opt(&self, k: &str) -> Result<Option<u32>, DeskError> {
        self.text(k).map(|v| parse::number(k, v)).transpose()
    }

    pub fn id_opt(&self, k: &str) -> Result<Option<i64>, DeskError> {
        self.number_opt(k).map(|n| n.map(i64::from))
    }

    /// The version the form was made from (for the conflict check).
    pub fn version(&self) -> Option<i64> {
        self.text("version").and_then(|v| v.parse().ok())
    }

    pub fn flag(&self, k: &str) -> bool {
        self.text(k).is_some_and(|v| v != "0")
    }
}

/// A profile typed or pasted (JSON or YAML), checked by the core's loader; its problems
/// become one error on the field `profile`, in both languages.
pub fn read_profile(text: &str, today: Day) -> Result<Profile, DeskError> {
    load_profile(text.as_bytes(), Format::Yaml, Some(today.as_partial())).map(|l| l.value).map_err(|e| {
        let p = Problem::from(e);
        DeskError::invalid("profile", p.it, p.en)
    })
}

/// What a change is made on (the number in its address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Person,
    Path,
    Appointment,
}

impl On {
    /// The API's word for it (`/api/{word}/{id}/{action}`).
    pub fn api(self) -> &'static str {
        match self {
            On::Person => "people",
            On::Path => "paths",
            On::Appointment => "appointments",
        }
    }
}

/// The kind of a field, for the API's documentation.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    Day,
    Time,
    Number,
    Flag,
    /// One of the wire names the function lists.
    Words(fn() -> Vec<&'static str>),
}

/// One field of an action.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn f(name: &'static str, kind: Kind, required: bool) -> Field {
    Field { name, kind, required }
}

/// The record changed and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub id: i64,
    pub person: i64,
}

/// Makes one change; the number of the record created, if any.
pub type Run = fn(&mut Desk, &Account, &Values, Target) -> Result<Option<i64>, DeskError>;

/// One change the console can make.
pub struct Action {
    /// Its name in the API.
    pub name: &'static str,
    pub on: On,
    /// The section of the file to go back to.
    pub anchor: &'static str,
    /// What it does, in Italian and English.
    pub summary: (&'static str, &'static str),
    pub fields: &'static [Field],
    /// Makes the change.
    pub run: Run,
}

fn names<T: Labelled>() -> Vec<&'static str> {
    T::all().iter().map(Labelled::wire).collect()
}

/// Every action, in the order the API documents them.
pub const ACTIONS: &[&Action] = &[&PROFILE, &OPEN_PATH, &EVENT, &BOOK, &CLOSE, &MOVE, &OUTCOME, &NOTE, &NOTICE, &CONSENT, &PROPOSE, &SHARE];

pub static PROFILE: Action = Action {
    name: "profile",
    on: On::Person,
    anchor: "s-cv",
    summary: ("Sostituisce il profilo (CV) della persona", "Replaces the person's profile (CV)"),
    fields: &[f("profile", Kind::Text, true), f("version", Kind::Number, false)],
    run: |d, by, v, t| {
        let profile = read_profile(v.required("profile")?, d.today())?;
        d.update_profile(&by.reader(), t.person, &profile, v.version()).map(|()| None)
    },
};

pub static OPEN_PATH: Action = Action {
    name: "paths",
    on: On::Person,
    anchor: "s-paths",
    summary: ("Apre un percorso", "Opens a path"),
    fields: &[f("kind", Kind::Words(names::<PathKind>), true), f("proposed_on", Kind::Day, true), f("gol_funded", Kind::Flag, false)],
    run: |d, by, v, t| {
        let path = NewPath {
            person_id: t.person,
            kind: v.word::<PathKind>("kind")?,
            proposed_on: v.day("proposed_on")?,
            gol_funded: v.flag("gol_funded"),
            targets: vec![],
            case_manager: None,
            note: None,
        };
        d.open_path(&by.reader(), &path).map(Some)
    },
};

pub static EVENT: Action = Action {
    name: "events",
    on: On::Path,
    anchor: "s-paths",
    summary: ("Registra un evento del percorso", "Records an event of the path"),
    fields: &[
        f("event", Kind::Words(names::<PathEventKind>), true),
        f("on", Kind::Day, true),
        f("note", Kind::Text, false),
        f("version", Kind::Number, false),
    ],
    run: |d, by, v, t| {
        d.record_event(&by.reader(), t.id, v.word::<PathEventKind>("event")?, v.day("on")?, v.text("note"), v.version()).map(|_| None)
    },
};

pub static BOOK: Action = Action {
    name: "appointments",
    on: On::Person,
    anchor: "s-appointments",
    summary: ("Prenota un appuntamento", "Books an appointment"),
    fields: &[
        f("service", Kind::Words(names::<Service>), true),
        f("channel", Kind::Words(names::<Channel>), true),
        f("on", Kind::Day, true),
        f("at", Kind::Time, false),
        f("expected_minutes", Kind::Number, false),
        f("path", Kind::Number, false),
        f("operator", Kind::Text, false),
        f("note", Kind::Text, false),
    ],
    run: |d, by, v, t| {
        let a = NewAppointment {
            person_id: t.person,
            path_id: v.id_opt("path")?,
            service: v.word::<Service>("service")?,
            channel: v.word::<Channel>("channel")?,
            on: v.day("on")?,
            at: v.time_opt("at")?,
            expected_minutes: v.number_opt("expected_minutes")?.unwrap_or(60),
            operator: v.text("operator").map(str::to_owned),
            vacancy_id: None,
            note: v.text("note").map(str::to_owned),
        };
        d.book(&by.reader(), &a).map(Some)
    },
};

pub static CLOSE: Action = Action {
    name: "close",
    on: On::Appointment,
    anchor: "s-appointments",
    summary: (
        "Registra l'esito di un appuntamento (erogato con la durata, non presentato, disdetto)",
        "Records an appointment as held (with its duration), missed or cancelled",
    ),
    fields: &[
        f("state", Kind::Words(names::<AppointmentState>), true),
        f("actual_minutes", Kind::Number, false),
        f("version", Kind::Number, false),
    ],
    run: |d, by, v, t| {
        let to = v.word::<AppointmentState>("state")?;
        let minutes = if to == AppointmentState::Delivered { v.number_opt("actual_minutes")? } else { None };
        d.close_appointment(&by.reader(), t.id, to, minutes, v.version()).map(|()| None)
    },
};

pub static MOVE: Action = Action {
    name: "move",
    on: On::Appointment,
    anchor: "s-appointments",
    summary: ("Sposta un appuntamento (ne crea uno nuovo)", "Moves an appointment (makes a new one)"),
    fields: &[f("on", Kind::Day, true), f("at", Kind::Time, false), f("version", Kind::Number, false)],
    run: |d, by, v, t| d.move_appointment(&by.reader(), t.id, v.day("on")?, v.time_opt("at")?, v.version()).map(Some),
};

pub static OUTCOME: Action = Action {
    name: "outcomes",
    on: On::Person,
    anchor: "s-outcomes",
    summary: ("Registra un esito (contratto, tirocinio, formazione)", "Records an outcome (contract, traineeship, training)"),
    fields: &[
        f("kind", Kind::Words(names::<OutcomeKind>), true),
        f("contract", Kind::Words(|| ContractType::ALL.iter().map(|c| c.code()).collect()), false),
        f("start_on", Kind::Day, true),
        f("planned_months", Kind::Number, false),
        f("employer", Kind::Text, false),
        f("vacancy", Kind::Text, false),
        f("evidence", Kind::Text, false),
        f("path", Kind::Number, false),
    ],
    run: |d, by, v, t| {
        let contract = v
            .text("contract")
            .filter(|c| *c != "—")
            .map(|c| {
                ContractType::parse(c).map_err(|e| DeskError::invalid("contract", format!("{c:?} non è un tipo di contratto ammesso"), e))
            })
            .transpose()?;
        let o = NewOutcome {
            person_id: t.person,
            path_id: v.id_opt("path")?,
            kind: v.word::<OutcomeKind>("kind")?,
            contract,
            start_on: v.day("start_on")?,
            planned_months: v.number_opt("planned_months")?,
            employer: v.text("employer").map(str::to_owned),
            vacancy_id: v.text("vacancy").map(str::to_owned),
            evidence: v.text("evidence").map(str::to_owned),
        };
        d.add_outcome(&by.reader(), &o).map(Some)
    },
};

pub static NOTE: Action = Action {
    name: "notes",
    on: On::Person,
    anchor: "s-notes",
    summary: ("Aggiunge una nota", "Adds a note"),
    fields: &[f("text", Kind::Text, true), f("visibility", Kind::Words(names::<Visibility>), true), f("expires_on", Kind::Day, false)],
    run: |d, by, v, t| {
        d.add_note(&by.reader(), t.person, v.word::<Visibility>("visibility")?, v.required("text")?, v.day_opt("expires_on")?).map(Some)
    },
};

pub static NOTICE: Action = Action {
    name: "notice",
    on: On::Person,
    anchor: "s-privacy",
    summary: ("Registra la presa visione dell'informativa", "Records the acknowledgement of the privacy notice"),
    fields: &[
        f("notice_version", Kind::Text, true),
        f("on", Kind::Day, true),
        f("by", Kind::Words(names::<AcknowledgedBy>), true),
        f("by_name", Kind::Text, false),
    ],
    run: |d, by, v, t| {
        d.acknowledge_notice(
            &by.reader(),
            t.person,
            v.required("notice_version")?,
            v.day("on")?,
            v.word::<AcknowledgedBy>("by")?,
            v.text("by_name"),
        )
        .map(|()| None)
    },
};

pub static CONSENT: Action = Action {
    name: "consents",
    on: On::Person,
    anchor: "s-privacy",
    summary: ("Dà o revoca un consenso", "Gives or withdraws a consent"),
    fields: &[f("kind", Kind::Words(names::<ConsentKind>), true), f("grant", Kind::Flag, true), f("on", Kind::Day, true)],
    run: |d, by, v, t| d.set_consent(&by.reader(), t.person, v.word::<ConsentKind>("kind")?, v.flag("grant"), v.day("on")?).map(|()| None),
};

pub static PROPOSE: Action = Action {
    name: "proposals",
    on: On::Person,
    anchor: "s-appointments",
    summary: ("Registra la proposta di un'offerta (un'attività di oggi)", "Records a vacancy proposed (an activity of today)"),
    fields: &[f("vacancy", Kind::Text, true), f("path", Kind::Number, false)],
    run: |d, by, v, t| {
        let today = d.today();
        d.propose(&by.reader(), t.person, v.required("vacancy")?, today, None, v.id_opt("path")?).map(Some)
    },
};

pub static SHARE: Action = Action {
    name: "shares",
    on: On::Person,
    anchor: "s-who",
    summary: (
        "Condivide la persona con un account di un altro sportello, o smette di condividerla",
        "Shares the person with an account of another desk, or stops sharing",
    ),
    fields: &[f("account", Kind::Text, true), f("share", Kind::Flag, true)],
    run: |d, by, v, t| {
        let with = v.required("account")?;
        if v.flag("share") { d.share(by, t.person, with) } else { d.unshare(by, t.person, with) }.map(|()| None)
    },
};

/// What an action did, or why not, and on whose file.
pub enum Done {
    /// Made; the record created, if any.
    Made { person: i64, created: Option<i64> },
    /// Refused by a rule (the file can show it again).
    Refused { person: i64, problem: Problem },
    /// Not allowed, or the record is not there (nothing to show again).
    Failed(Problem),
}

/// Makes `action` on record `id` on behalf of `account`, after checking that it may
/// change the person the record belongs to.
pub async fn perform(state: &Shared, account: &Account, action: &'static Action, id: i64, values: Values) -> Done {
    let account = account.clone();
    let outcome = state
        .desk(move |d| {
            let person = match action.on {
                On::Person => id,
                On::Path => d.path(id)?.person_id,
                On::Appointment => d.appointment(id)?.person_id,
            };
            d.authorize(&account, person, Access::Change)?;
            Ok((person, (action.run)(d, &account, &values, Target { id, person })))
        })
        .await;
    match outcome {
        Ok((person, Ok(created))) => Done::Made { person, created },
        Ok((person, Err(e))) => Done::Refused { person, problem: Problem::from(e) },
        Err(p) => Done::Failed(p),
    }
}

/// The form route of `action`: back to the file, or the file again with the refusal.
pub fn form(action: &'static Action) -> MethodRouter<Shared> {
    post(move |State(state): State<Shared>, auth: Auth, Path(id): Path<i64>, Form(pairs): Form<Vec<(String, String)>>| async move {
        let values = form_map(pairs);
        match perform(&state, &auth.account, action, id, Values(values.clone())).await {
            Done::Made { person, .. } => Redirect::to(&format!("/persone/{person}#{}", action.anchor)).into_response(),
            Done::Refused { person, problem } => refuse(&state, &auth, person, values, problem).await,
            Done::Failed(p) => p.page(auth.lang),
        }
    })
}

/// The file of `person` again, with the form's values and the problem.
pub async fn refuse(state: &Shared, auth: &Auth, person: i64, values: HashMap<String, String>, p: Problem) -> Response {
    let sent =
        Sent { form: values.get("_form").cloned().unwrap_or_default(), values, field: p.field.clone(), message: p.message(auth.lang) };
    show(state, auth, person, Some((sent, p.status))).await.unwrap_or_else(|e| e.page(auth.lang))
}
