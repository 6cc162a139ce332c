//! A desk's day: the appointments of a day, the follow-ups left overdue (booked for a past
//! day and never recorded) and the open paths that have gone quiet (no event for
//! [`QUIET_DAYS`] days). The console's first page.

use serde::Serialize;

use super::appointments::appointments_where;
use super::caseload::{CaseRow, Filter};
use super::day::Day;
use super::error::Result;
use super::model::{Appointment, Reader};
use super::store::Desk;
use super::words::AppointmentState;

/// An open path with no event for this many days needs one.
pub const QUIET_DAYS: i64 = 30;
/// The most rows each list of the day holds.
pub const AGENDA_LIMIT: u32 = 100;

/// An appointment with whose it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaRow {
    /// The appointment.
    pub appointment: Appointment,
    /// The person's given name.
    pub given_name: String,
    /// The person's family name.
    pub family_name: String,
    /// The person's desk.
    pub desk: String,
}

/// What a desk has on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agenda {
    /// The day.
    pub day: Day,
    /// Its appointments, by time.
    pub appointments: Vec<AgendaRow>,
    /// Appointments of earlier days still to be held (to record or move), newest first.
    pub overdue: Vec<AgendaRow>,
    /// Open paths whose last event is [`QUIET_DAYS`] or more days old.
    pub quiet_paths: Vec<CaseRow>,
}

impl Desk {
    /// The agenda of `day` for desk `desk` (all desks: none).
    pub fn agenda(&self, reader: &Reader, desk: Option<&str>, day: Day) -> Result<Agenda> {
        let on_day = self.agenda_rows(desk, "a.on_date = ?1", "a.at_time, a.id", day)?;
        let to_hold = format!("a.on_date < ?1 AND a.state = '{}'", AppointmentState::ToDeliver.as_str());
        let overdue = self.agenda_rows(desk, &to_hold, "a.on_date DESC, a.at_time DESC, a.id DESC", day)?;
        let quiet_since = day.plus_days(-QUIET_DAYS).unwrap_or(day);
        let filter = Filter { desk: desk.map(str::to_owned), quiet_since: Some(quiet_since), limit: AGENDA_LIMIT, ..Filter::default() };
        let quiet_paths = self.caseload(reader, &filter)?.rows;
        Ok(Agenda { day, appointments: on_day, overdue, quiet_paths })
    }

    /// Appointments matching `condition` (on `appointments a`, `?1` bound to `day`) of the
    /// people of `desk`, in `order`.
    fn agenda_rows(&self, desk: Option<&str>, condition: &str, order: &str, day: Day) -> Result<Vec<AgendaRow>> {
        let sql = format!(
            "SELECT a.id, p.given_name, p.family_name, d.code FROM appointments a JOIN people p ON p.id = a.person_id
             JOIN desks d ON d.id = p.desk_id WHERE {condition} AND (?2 IS NULL OR d.code = ?2) ORDER BY {order} LIMIT {AGENDA_LIMIT}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let heads = stmt
            .query_map(rusqlite::params![day.to_string(), desk], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String, String, String)>>>()?;
        let mut rows = Vec::with_capacity(heads.len());
        for (id, given_name, family_name, desk) in heads {
            if let Some(appointment) = appointments_where(&self.conn, "a.id = ?1", id)?.pop() {
                rows.push(AgendaRow { appointment, given_name, family_name, desk });
            }
        }
        Ok(rows)
    }
}
