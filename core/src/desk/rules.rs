//! The caseload's rules, apart from storage: which event may follow which, what an
//! appointment may become, what a duration or an outcome may be. The store calls these
//! before it writes; a console or an import calls the same ones.

use super::day::Day;
use super::error::{DeskError, Result};
use super::words::{AppointmentState, ConsentKind, OutcomeKind, PathEventKind, PathState};
use crate::lang::Lang;
use crate::model::ContractType;

/// The longest appointment a desk records, in minutes (a full working day).
pub const MAX_APPOINTMENT_MINUTES: u32 = 8 * 60;
/// The longest planned length of a contract, in months (beyond it: open-ended, leave empty).
pub const MAX_PLANNED_MONTHS: u32 = 120;
/// A contract longer than this many months counts as a lasting outcome.
pub const LASTING_CONTRACT_MONTHS: u32 = 6;
/// The longest text of a note or an event's remark, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// The events that may follow a path in `state`.
pub fn allowed_events(state: PathState) -> &'static [PathEventKind] {
    use PathEventKind as E;
    match state {
        PathState::Proposed => &[E::Started, E::Refused, E::Cancelled],
        PathState::Started => &[E::Suspended, E::Concluded, E::Abandoned, E::Cancelled],
        PathState::Suspended => &[E::Resumed, E::Abandoned, E::Cancelled],
        PathState::Concluded | PathState::Abandoned | PathState::Refused | PathState::Cancelled => &[],
    }
}

/// The state a path moves to with `event`, or an error naming the path, what it is and
/// what may follow.
pub fn next_state(path: i64, state: PathState, event: PathEventKind) -> Result<PathState> {
    use PathEventKind as E;
    let allowed = allowed_events(state);
    if !allowed.contains(&event) {
        let list = |lang: Lang| {
            if allowed.is_empty() {
                lang.pick("nessuno: il percorso è chiuso", "none: the path is closed").to_owned()
            } else {
                allowed.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(", ")
            }
        };
        return Err(DeskError::order(
            format!("path {path}: event"),
            format!("«{}» non può seguire un percorso {} (ammessi: {})", event.as_str(), state.label(Lang::It), list(Lang::It)),
            format!("{:?} cannot follow a path that is {} (allowed: {})", event.as_str(), state.label(Lang::En), list(Lang::En)),
        ));
    }
    Ok(match event {
        E::Proposed => PathState::Proposed,
        E::Started | E::Resumed => PathState::Started,
        E::Suspended => PathState::Suspended,
        E::Concluded => PathState::Concluded,
        E::Abandoned => PathState::Abandoned,
        E::Refused => PathState::Refused,
        E::Cancelled => PathState::Cancelled,
    })
}

/// An event's date: not before the path's last event, not after today.
pub fn check_event_date(path: i64, last: Day, on: Day, today: Day) -> Result<()> {
    if on < last {
        return Err(DeskError::order(
            format!("path {path}: date"),
            format!("{on} è prima dell'ultimo evento del percorso ({last})"),
            format!("{on} is before the path's last event ({last})"),
        ));
    }
    not_after_today(&format!("path {path}: date"), on, today)
}

/// A date of something that has happened may not be in the future.
pub fn not_after_today(field: &str, on: Day, today: Day) -> Result<()> {
    if on > today {
        return Err(DeskError::invalid(
            field,
            format!("{on} è nel futuro (oggi è {today}): si registra solo ciò che è avvenuto"),
            format!("{on} is in the future (today is {today}): only what has happened is recorded"),
        ));
    }
    Ok(())
}

/// What an appointment in `state` may become: only one still to be held changes.
pub fn check_appointment_change(id: i64, state: AppointmentState, to: AppointmentState) -> Result<()> {
    if state != AppointmentState::ToDeliver {
        return Err(DeskError::order(
            format!("appointment {id}: state"),
            format!(
                "l'appuntamento è già «{}»: solo un appuntamento da erogare cambia stato (non diventa «{}»)",
                state.label(Lang::It),
                to.label(Lang::It)
            ),
            format!("the appointment is already {:?}: only one still to be held changes state (not to {:?})", state.as_str(), to.as_str()),
        ));
    }
    if to == AppointmentState::ToDeliver {
        return Err(DeskError::invalid(
            format!("appointment {id}: state"),
            "l'appuntamento è già da erogare",
            "the appointment is already to be held",
        ));
    }
    Ok(())
}

/// An actual duration belongs to a held appointment only.
pub fn check_actual_minutes(id: i64, state: AppointmentState, minutes: Option<u32>) -> Result<()> {
    let field = format!("appointment {id}: actual_minutes");
    match (state, minutes) {
        (AppointmentState::Delivered, Some(m)) => check_minutes(&field, m),
        (AppointmentState::Delivered, None) => Err(DeskError::invalid(
            field,
            "un appuntamento erogato ha bisogno della durata effettiva (minuti)",
            "a held appointment needs its actual duration (minutes)",
        )),
        (_, Some(_)) => Err(DeskError::invalid(
            field,
            format!("un appuntamento «{}» non ha una durata effettiva: solo quelli erogati", state.label(Lang::It)),
            format!("an appointment that is {:?} has no actual duration: only held ones do", state.as_str()),
        )),
        (_, None) => Ok(()),
    }
}

/// A duration in minutes: 1 to [`MAX_APPOINTMENT_MINUTES`].
pub fn check_minutes(field: &str, minutes: u32) -> Result<()> {
    if minutes == 0 || minutes > MAX_APPOINTMENT_MINUTES {
        return Err(DeskError::invalid(
            field,
            format!("{minutes} minuti fuori dai limiti (da 1 a {MAX_APPOINTMENT_MINUTES})"),
            format!("{minutes} minutes is out of range (expected 1 to {MAX_APPOINTMENT_MINUTES})"),
        ));
    }
    Ok(())
}

/// A consent is granted only when not already granted, withdrawn only when granted.
pub fn check_consent(kind: ConsentKind, currently_granted: bool, grant: bool) -> Result<()> {
    let field = format!("consent {}", kind.as_str());
    match (currently_granted, grant) {
        (true, true) => Err(DeskError::order(
            field,
            format!("il consenso «{}» è già dato: va revocato prima di darlo di nuovo", kind.label(Lang::It)),
            format!("the consent to {} is already granted: withdraw it before granting it again", kind.label(Lang::En)),
        )),
        (false, false) => Err(DeskError::order(
            field,
            format!("il consenso «{}» non è in corso: non si può revocare (già revocato o mai dato)", kind.label(Lang::It)),
            format!("the consent to {} is not granted: it cannot be withdrawn (already withdrawn or never given)", kind.label(Lang::En)),
        )),
        _ => Ok(()),
    }
}

/// An outcome's shape: a contract has its type; planned months within limits.
pub fn check_outcome(kind: OutcomeKind, contract: Option<ContractType>, planned_months: Option<u32>) -> Result<()> {
    if kind == OutcomeKind::Contract && contract.is_none() {
        return Err(DeskError::invalid(
            "outcome: contract",
            format!("un contratto ha bisogno del tipo (uno di: {})", contract_list()),
            format!("a contract needs its type (one of: {})", contract_list()),
        ));
    }
    if kind != OutcomeKind::Contract && contract.is_some() {
        return Err(DeskError::invalid(
            "outcome: contract",
            format!("il tipo di contratto vale solo per un esito «{}»", OutcomeKind::Contract.as_str()),
            format!("a contract type belongs only to an outcome of kind {:?}", OutcomeKind::Contract.as_str()),
        ));
    }
    if let Some(m) = planned_months.filter(|m| *m == 0 || *m > MAX_PLANNED_MONTHS) {
        return Err(DeskError::invalid(
            "outcome: planned_months",
            format!("{m} mesi fuori dai limiti (da 1 a {MAX_PLANNED_MONTHS}; vuoto se a tempo indeterminato)"),
            format!("{m} months is out of range (expected 1 to {MAX_PLANNED_MONTHS}; empty when open-ended)"),
        ));
    }
    Ok(())
}

/// Whether an outcome is a contract of more than [`LASTING_CONTRACT_MONTHS`] (open-ended
/// contracts are).
pub fn is_lasting(kind: OutcomeKind, contract: Option<ContractType>, planned_months: Option<u32>) -> bool {
    kind == OutcomeKind::Contract
        && match planned_months {
            Some(m) => m > LASTING_CONTRACT_MONTHS,
            None => contract == Some(ContractType::TempoIndeterminato) || contract == Some(ContractType::Apprendistato),
        }
}

fn contract_list() -> String {
    ContractType::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
}

/// A free text within limits, trimmed; `None` when empty.
pub fn check_text(field: &str, text: Option<&str>, max_chars: usize) -> Result<Option<String>> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let n = t.chars().count();
    if n > max_chars {
        return Err(DeskError::invalid(
            field,
            format!("il testo ha {n} caratteri (al massimo {max_chars})"),
            format!("the text has {n} characters (at most {max_chars})"),
        ));
    }
    Ok(Some(t.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn a_path_moves_only_in_order() {
        use PathEventKind as E;
        let mut s = PathState::Proposed;
        for e in [E::Started, E::Suspended, E::Resumed, E::Concluded] {
            s = next_state(1, s, e).unwrap();
        }
        assert_eq!(s, PathState::Concluded);
        let e = next_state(7, PathState::Proposed, E::Concluded).unwrap_err();
        assert_eq!(e.field, "path 7: event");
        assert!(e.message(Lang::It).contains("ammessi: avvio, rifiuto, annullamento"), "{}", e.message(Lang::It));
        assert!(e.to_string().contains("allowed: avvio, rifiuto, annullamento"), "{e}");
        let closed = next_state(7, PathState::Concluded, E::Started).unwrap_err();
        assert!(closed.message(Lang::It).contains("il percorso è chiuso"));
        assert!(next_state(1, PathState::Suspended, E::Concluded).is_err(), "resume before concluding");
        assert!(next_state(1, PathState::Started, E::Refused).is_err(), "refusal is before starting");
    }

    #[test]
    fn event_dates_keep_order_and_never_run_ahead() {
        let today = day("2023-10-31");
        assert!(check_event_date(1, day("2023-03-01"), day("2023-03-01"), today).is_ok());
        let e = check_event_date(1, day("2023-03-01"), day("2023-02-28"), today).unwrap_err();
        assert!(e.message(Lang::It).contains("prima dell'ultimo evento"));
        assert!(check_event_date(1, day("2023-03-01"), day("2023-11-01"), today).is_err());
    }

    #[test]
    fn appointments_change_once_and_durations_belong_to_held_ones() {
        use AppointmentState as A;
        assert!(check_appointment_change(3, A::ToDeliver, A::Delivered).is_ok());
        let e = check_appointment_change(3, A::CancelledByPerson, A::Delivered).unwrap_err();
        assert!(e.message(Lang::It).contains("disdetto dal cittadino"), "{}", e.message(Lang::It));
        let e = check_actual_minutes(3, A::CancelledByOperator, Some(30)).unwrap_err();
        assert_eq!(e.field, "appointment 3: actual_minutes");
        assert!(check_actual_minutes(3, A::Delivered, None).is_err());
        assert!(check_actual_minutes(3, A::Delivered, Some(0)).is_err());
        assert!(check_actual_minutes(3, A::Delivered, Some(MAX_APPOINTMENT_MINUTES + 1)).is_err());
        assert!(check_actual_minutes(3, A::Delivered, Some(45)).is_ok());
    }

    #[test]
    fn consents_are_not_granted_or_withdrawn_twice() {
        assert!(check_consent(ConsentKind::ShareCv, false, true).is_ok());
        assert!(check_consent(ConsentKind::ShareCv, true, false).is_ok());
        let twice = check_consent(ConsentKind::ShareCv, false, false).unwrap_err();
        assert!(twice.message(Lang::It).contains("già revocato o mai dato"));
        assert!(check_consent(ConsentKind::ShareCv, true, true).is_err());
    }

    #[test]
    fn outcomes_have_their_shape_and_lasting_contracts_are_flagged() {
        use ContractType as C;
        assert!(check_outcome(OutcomeKind::Contract, None, None).is_err());
        assert!(check_outcome(OutcomeKind::Training, Some(C::TempoDeterminato), None).is_err());
        assert!(check_outcome(OutcomeKind::Contract, Some(C::TempoDeterminato), Some(0)).is_err());
        assert!(check_outcome(OutcomeKind::Contract, Some(C::TempoDeterminato), Some(12)).is_ok());
        assert!(is_lasting(OutcomeKind::Contract, Some(C::TempoDeterminato), Some(7)));
        assert!(!is_lasting(OutcomeKind::Contract, Some(C::TempoDeterminato), Some(6)));
        assert!(is_lasting(OutcomeKind::Contract, Some(C::TempoIndeterminato), None));
        assert!(!is_lasting(OutcomeKind::Tirocinio, None, Some(12)));
    }
}
