//! Matching from the caseload: a person's own profile against the vacancies, a vacancy
//! proposed to them recorded as an activity, and shortlists of people for a vacancy that
//! hold only people who consented to share their CV. The matcher is the core's own
//! ([`crate::matching`]); it never reads the profile's sensitive block.

use rusqlite::params;

use super::audit::{self, Change, Subject};
use super::day::{Day, Time};
use super::error::{DeskError, Result};
use super::model::{NewAppointment, Reader};
use super::people::stored_profile;
use super::store::Desk;
use super::words::{Channel, ConsentKind, Service};
use crate::model::Profile;

/// The expected length of a job proposal, in minutes.
const PROPOSAL_MINUTES: u32 = 15;

impl Desk {
    /// A person's profile, for matching; the use is recorded in the audit log.
    pub fn profile_for_matching(&mut self, by: &Reader, id: i64) -> Result<Profile> {
        self.write(|tx| {
            let text: String = tx
                .query_row("SELECT profile FROM people WHERE id = ?1", [id], |r| r.get(0))
                .map_err(|_| DeskError::not_found("person", ("la persona", "the person"), id))?;
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "match", entity: "person", entity_id: id, person_id: Some(id) },
                &[],
            )?;
            stored_profile(id, &text)
        })
    }

    /// The profiles of the people who may be shortlisted for a vacancy: those whose consent
    /// to share their CV is in force (on one desk if given), by number; each use is
    /// recorded in the audit log.
    pub fn shortlist_profiles(&mut self, by: &Reader, desk: Option<&str>) -> Result<Vec<(i64, Profile)>> {
        self.consenting_profiles(by, desk, ConsentKind::ShareCv, "shortlist")
    }

    /// The profiles of the people who consented to appear on recruiting-day lists (on one
    /// desk if given), by number; each use is recorded in the audit log.
    pub fn recruiting_profiles(&mut self, by: &Reader, desk: Option<&str>) -> Result<Vec<(i64, Profile)>> {
        self.consenting_profiles(by, desk, ConsentKind::RecruitingDays, "recruiting_day")
    }

    /// The profiles of the people whose consent `kind` is in force; each use audited as
    /// `action`.
    fn consenting_profiles(&mut self, by: &Reader, desk: Option<&str>, kind: ConsentKind, action: &str) -> Result<Vec<(i64, Profile)>> {
        self.write(|tx| {
            let mut stmt = tx.prepare(
                "SELECT p.id, p.profile FROM people p JOIN desks d ON d.id = p.desk_id
                 WHERE EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id AND c.kind = ?1 AND c.withdrawn_on IS NULL)
                   AND (?2 IS NULL OR d.code = ?2)
                 ORDER BY p.id",
            )?;
            let rows = stmt.query_map(params![kind.as_str(), desk], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (id, text) = row?;
                out.push((id, stored_profile(id, &text)?));
            }
            for (id, _) in &out {
                let s = Subject { actor: &by.username, action, entity: "person", entity_id: *id, person_id: Some(*id) };
                audit::record(tx, &s, &[])?;
            }
            Ok(out)
        })
    }

    /// Records a vacancy proposed to a person as an activity (`proposta_lavoro`, to be
    /// held on `on`, within `path` if given); returns its number.
    pub fn propose(&mut self, by: &Reader, person: i64, vacancy_id: &str, on: Day, at: Option<Time>, path: Option<i64>) -> Result<i64> {
        let vacancy = vacancy_id.trim();
        if vacancy.is_empty() {
            return Err(DeskError::invalid("vacancy", "manca l'identificativo dell'offerta", "the vacancy's id is missing"));
        }
        let id = self.book(
            by,
            &NewAppointment {
                person_id: person,
                path_id: path,
                service: Service::PropostaLavoro,
                channel: Channel::Phone,
                on,
                at,
                expected_minutes: PROPOSAL_MINUTES,
                operator: None,
                vacancy_id: Some(vacancy.to_owned()),
                note: None,
            },
        )?;
        self.write(|tx| {
            let s = Subject { actor: &by.username, action: "propose", entity: "appointment", entity_id: id, person_id: Some(person) };
            audit::record(tx, &s, &[Change::set("vacancy_id", vacancy)])
        })?;
        Ok(id)
    }
}
