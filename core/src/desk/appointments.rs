//! Appointments and activities (incontri): booking, holding (with the actual duration),
//! missing, cancelling and moving, in the states of the booking manual.

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::{self, Change, Subject};
use super::day::{Day, Time};
use super::error::{DeskError, Result};
use super::model::{Appointment, NewAppointment, Reader};
use super::rules::{self, MAX_NOTE_CHARS};
use super::sql::{parse_col, parse_opt};
use super::store::{Desk, check_version, operator_id};
use super::words::AppointmentState;

/// The columns [`read`] reads, in order.
pub(crate) const COLUMNS: &str =
    "a.id, a.version, a.person_id, a.path_id, a.service, a.channel, a.state, a.on_date, a.at_time, a.expected_minutes,
    a.actual_minutes, o.username, a.moved_to, a.vacancy_id, a.note";

impl Desk {
    /// Books an appointment (state `da_erogare`); returns its number.
    pub fn book(&mut self, by: &Reader, a: &NewAppointment) -> Result<i64> {
        rules::check_minutes("expected_minutes", a.expected_minutes)?;
        let note = rules::check_text("note", a.note.as_deref(), MAX_NOTE_CHARS)?;
        self.write(|tx| {
            let manager: Option<i64> = tx
                .query_row("SELECT case_manager_id FROM people WHERE id = ?1", [a.person_id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), a.person_id))?;
            if let Some(path) = a.path_id {
                super::records::path_of(tx, path, a.person_id)?;
            }
            let operator = match &a.operator {
                Some(u) => Some(operator_id(tx, u)?),
                None => manager,
            };
            let id = insert(tx, a, operator, note.as_deref())?;
            let changes = [
                Change::set("service", a.service),
                Change::set("channel", a.channel),
                Change::set("on", a.on),
                Change::set("expected_minutes", a.expected_minutes),
            ];
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "create", entity: "appointment", entity_id: id, person_id: Some(a.person_id) },
                &changes,
            )?;
            Ok(id)
        })
    }

    /// Closes an appointment still to be held: held (with its actual minutes), missed or
    /// cancelled. Holding one needs its day to have come.
    pub fn close_appointment(
        &mut self,
        by: &Reader,
        id: i64,
        to: AppointmentState,
        actual_minutes: Option<u32>,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let today = self.today();
        self.write(|tx| {
            let before = read(tx, id)?;
            check_version("appointment", id, before.version, expected_version)?;
            rules::check_appointment_change(id, before.state, to)?;
            if to == AppointmentState::Moved {
                return Err(DeskError::invalid(
                    format!("appointment {id}: state"),
                    "per spostare un appuntamento serve la nuova data (sportello desk appointments move)",
                    "moving an appointment needs its new date (sportello desk appointments move)",
                ));
            }
            rules::check_actual_minutes(id, to, actual_minutes)?;
            if matches!(to, AppointmentState::Delivered | AppointmentState::NoShow) {
                rules::not_after_today(&format!("appointment {id}: on"), before.on, today)?;
            }
            tx.execute(
                "UPDATE appointments SET state = ?1, actual_minutes = ?2, version = version + 1 WHERE id = ?3",
                params![to.as_str(), actual_minutes, id],
            )?;
            let mut changes = vec![Change::from_to("state", before.state, to)];
            changes.extend(actual_minutes.map(|m| Change::set("actual_minutes", m)));
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "update", entity: "appointment", entity_id: id, person_id: Some(before.person_id) },
                &changes,
            )
        })
    }

    /// Moves an appointment to another day (and time): it becomes `spostato` and a new
    /// one, to be held, takes its place; returns the new one's number.
    pub fn move_appointment(&mut self, by: &Reader, id: i64, on: Day, at: Option<Time>, expected_version: Option<i64>) -> Result<i64> {
        self.write(|tx| {
            let before = read(tx, id)?;
            check_version("appointment", id, before.version, expected_version)?;
            rules::check_appointment_change(id, before.state, AppointmentState::Moved)?;
            let operator = before.operator.as_deref().map(|u| operator_id(tx, u)).transpose()?;
            let new = super::model::NewAppointment {
                person_id: before.person_id,
                path_id: before.path_id,
                service: before.service,
                channel: before.channel,
                on,
                at: at.or(before.at),
                expected_minutes: before.expected_minutes,
                operator: None,
                vacancy_id: before.vacancy_id.clone(),
                note: before.note.clone(),
            };
            let new_id = insert(tx, &new, operator, before.note.as_deref())?;
            // The new day is held by the desk that booked the first (the person may have
            // moved desk since).
            tx.execute("UPDATE appointments SET desk_id = (SELECT desk_id FROM appointments WHERE id = ?1) WHERE id = ?2", [id, new_id])?;
            tx.execute(
                "UPDATE appointments SET state = ?1, moved_to = ?2, version = version + 1 WHERE id = ?3",
                params![AppointmentState::Moved.as_str(), new_id, id],
            )?;
            let changes = [Change::from_to("state", before.state, AppointmentState::Moved), Change::set("moved_to", new_id)];
            let person = Some(before.person_id);
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "update", entity: "appointment", entity_id: id, person_id: person },
                &changes,
            )?;
            let changes = [Change::set("on", on), Change::set("moved_from", id)];
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "create", entity: "appointment", entity_id: new_id, person_id: person },
                &changes,
            )?;
            Ok(new_id)
        })
    }

    /// An appointment.
    pub fn appointment(&self, id: i64) -> Result<Appointment> {
        read(&self.conn, id)
    }
}

fn insert(tx: &Connection, a: &NewAppointment, operator: Option<i64>, note: Option<&str>) -> Result<i64> {
    tx.execute(
        "INSERT INTO appointments (person_id, path_id, service, channel, state, on_date, at_time, expected_minutes, operator_id, vacancy_id, note, desk_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                 COALESCE((SELECT desk_id FROM paths WHERE id = ?2), (SELECT desk_id FROM people WHERE id = ?1)))",
        params![
            a.person_id,
            a.path_id,
            a.service.as_str(),
            a.channel.as_str(),
            AppointmentState::ToDeliver.as_str(),
            a.on.to_string(),
            a.at.map(|t| t.to_string()),
            a.expected_minutes,
            operator,
            a.vacancy_id,
            note
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn read(conn: &Connection, id: i64) -> Result<Appointment> {
    appointments_where(conn, "a.id = ?1", id)?
        .pop()
        .ok_or_else(|| DeskError::not_found("appointment", ("l'appuntamento", "the appointment"), id))
}

/// The appointments matching `condition` (on `appointments a`, one `?1`), newest first.
pub(crate) fn appointments_where(conn: &Connection, condition: &str, param: i64) -> Result<Vec<Appointment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments a LEFT JOIN operators o ON o.id = a.operator_id WHERE {condition}
         ORDER BY a.on_date DESC, a.at_time DESC, a.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([param], |r| {
        Ok(Appointment {
            id: r.get(0)?,
            version: r.get(1)?,
            person_id: r.get(2)?,
            path_id: r.get(3)?,
            service: parse_col(r, 4)?,
            channel: parse_col(r, 5)?,
            state: parse_col(r, 6)?,
            on: parse_col(r, 7)?,
            at: parse_opt(r, 8)?,
            expected_minutes: r.get(9)?,
            actual_minutes: r.get(10)?,
            operator: r.get(11)?,
            moved_to: r.get(12)?,
            vacancy_id: r.get(13)?,
            note: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
