//! A fictitious year of a municipal job desk convention, for demos, tests and benchmarks.
//!
//! Modelled on the Trecate convention's figures (ten comuni, four desks, 256 people assigned
//! by the Centro per l'impiego, 534 paths activated from November 2022 to October 2023, 207
//! concluded and 327 ongoing at the end): [`DemoPlan::trecate`] gives those figures and
//! [`generate`] writes them through the desk's own API, so every rule and the audit apply.
//! People, names and employers are invented (contacts at `example.it`); the same seed gives
//! the same year.

use serde::Serialize;

use super::day::{Day, Time};
use super::error::{DeskError, Result};
use super::model::{DeskInfo, NewAppointment, NewOutcome, NewPath, NewPerson, Operator, Reader};
use super::store::Desk;
use super::words::{
    AcknowledgedBy, AppointmentState, Arrival, Channel, ConsentKind, OutcomeKind, PathEventKind, PathKind, Service, Target, Visibility,
};
use crate::model::{ContractType, Profile};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPlan {
    /// People assigned by the CPI.
    pub assigned: u32,
    /// People who came on their own or from the social services.
    pub others: u32,
    /// Paths activated in the year.
    pub paths: u32,
    /// Of which concluded by the end.
    pub concluded: u32,
    /// The year's first day.
    pub from: Day,
    /// The year's last day (the demo's "today").
    pub to: Day,
}

impl DemoPlan {
    /// The Trecate convention's year, November 2022 to October 2023.
    pub fn trecate() -> DemoPlan {
        DemoPlan {
            assigned: 256,
            others: 56,
            paths: 534,
            concluded: 207,
            from: "2022-11-01".parse().expect("a date"),
            to: "2023-10-31".parse().expect("a date"),
        }
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    /// Desks.
    pub desks: u32,
    /// Operators.
    pub operators: u32,
    /// People.
    pub people: u32,
    /// Paths.
    pub paths: u32,
    /// Concluded paths.
    pub concluded: u32,
    /// Paths still open at the end.
    pub ongoing: u32,
    /// Appointments (moved ones and their replacements both count).
    pub appointments: u32,
    /// Outcomes.
    pub outcomes: u32,
}

/// The desks and the comuni each serves.
const DESKS: [(&str, &str, &[&str]); 4] = [
    ("trecate", "Trecate", &["Trecate", "Sozzago"]),
    ("cerano", "Cerano", &["Cerano", "Terdobbiate"]),
    ("romentino", "Romentino", &["Romentino"]),
    ("vespolate", "Vespolate", &["Vespolate", "Tornaco", "Borgolavezzaro", "Nibbiola", "Garbagna Novarese"]),
];
/// Comuni weighted by (rough) population.
const COMUNI: [(&str, u32); 10] = [
    ("Trecate", 40),
    ("Cerano", 16),
    ("Romentino", 14),
    ("Sozzago", 3),
    ("Terdobbiate", 2),
    ("Tornaco", 2),
    ("Vespolate", 5),
    ("Borgolavezzaro", 5),
    ("Nibbiola", 2),
    ("Garbagna Novarese", 3),
];
const OPERATORS: [(&str, &str, &str); 7] = [
    ("lmarchetti", "Laura Marchetti", "trecate"),
    ("gferraris", "Giorgio Ferraris", "trecate"),
    ("sbellini", "Silvia Bellini", "trecate"),
    ("pgatti", "Paola Gatti", "cerano"),
    ("mzanetti", "Marco Zanetti", "romentino"),
    ("cvilla", "Chiara Villa", "vespolate"),
    ("aporta", "Andrea Porta", "vespolate"),
];
const WOMEN: [&str; 16] = [
    "Giulia",
    "Francesca",
    "Sara",
    "Elena",
    "Martina",
    "Chiara",
    "Alessia",
    "Federica",
    "Valentina",
    "Anna",
    "Rosa",
    "Fatima",
    "Amina",
    "Oksana",
    "Maria",
    "Ioana",
];
const MEN: [&str; 16] = [
    "Luca",
    "Marco",
    "Andrea",
    "Matteo",
    "Davide",
    "Simone",
    "Giuseppe",
    "Antonio",
    "Francesco",
    "Paolo",
    "Mohamed",
    "Youssef",
    "Ivan",
    "Ahmed",
    "Stefano",
    "Bogdan",
];
const FAMILY: [&str; 24] = [
    "Rossi",
    "Bianchi",
    "Colombo",
    "Ferrari",
    "Galli",
    "Ricci",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Conti",
    "Caruso",
    "Greco",
    "Lombardi",
    "Mancini",
    "Pellegrini",
    "Testa",
    "El Amrani",
    "Benali",
    "Popescu",
    "Kovalenko",
    "Diallo",
    "Hoxha",
    "Sandri",
    "Invernizzi",
];
const EMPLOYERS: [&str; 8] = [
    "Logistica Ticino Srl",
    "Meccanica Novarese Spa",
    "Cooperativa Sociale Il Ponte",
    "Supermercati Est Sesia",
    "Pulizie Industriali Agogna",
    "Agenzia per il lavoro Example",
    "Ristorazione Collettiva Novara",
    "Serramenti Trecate Snc",
];
const KINDS: [(PathKind, u32); 9] = [
    (PathKind::Gol1, 34),
    (PathKind::Gol2, 18),
    (PathKind::Gol3, 7),
    (PathKind::Gol4, 7),
    (PathKind::Tirocinio, 12),
    (PathKind::Orientamento, 9),
    (PathKind::CollocamentoMirato, 5),
    (PathKind::Pass, 4),
    (PathKind::Cantiere, 4),
];

/// xorshift64*: the same seed, the same year.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn weighted<T: Copy>(&mut self, xs: &[(T, u32)]) -> T {
        let total: u32 = xs.iter().map(|x| x.1).sum();
        let mut r = self.below(u64::from(total)) as u32;
        for &(x, w) in xs {
            if r < w {
                return x;
            }
            r -= w;
        }
        xs[0].0
    }
    fn days(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }
}

/// One generated path before it is written.
struct Planned {
    person: usize,
    kind: PathKind,
    proposed: Day,
    started: Option<Day>,
    end: Option<Day>,
    suspended: Option<(Day, Option<Day>)>,
}

/// Fills an empty desk database with a fictitious year (see the module docs).
pub fn generate(desk: &mut Desk, plan: &DemoPlan, seed: u64) -> Result<DemoSummary> {
    let people: i64 = desk.conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
    if people > 0 {
        return Err(DeskError::invalid(
            "db",
            "la demo va creata in un database vuoto (questo contiene già delle persone)",
            "the demo needs an empty database (this one already holds people)",
        ));
    }
    if plan.concluded > plan.paths || plan.to < plan.from {
        return Err(DeskError::invalid("plan", "piano della demo incoerente", "the demo's plan is inconsistent"));
    }
    let mut rng = Rng(seed.max(1) ^ 0x9E37_79B9_7F4A_7C15);
    let by = Reader { username: "demo".into(), sensitive: true };
    let today = desk.today();
    let mut summary = DemoSummary::default();
    desk.batch(|desk| {
        for (code, comune, _) in DESKS {
            desk.add_desk(
                &by.username,
                &DeskInfo { code: code.into(), name: format!("Sportello Lavoro di {comune}"), comune: Some(comune.into()) },
            )?;
            summary.desks += 1;
        }
        for (code, _, comuni) in DESKS {
            let comuni: Vec<String> = comuni.iter().map(|c| (*c).to_owned()).collect();
            desk.set_served_comuni(&by.username, code, &comuni)?;
        }
        for (username, name, code) in OPERATORS {
            desk.add_operator(&by.username, &Operator { username: username.into(), name: name.into(), desk: code.into() })?;
            summary.operators += 1;
        }
        let paths = plan_paths(&mut rng, plan);
        let mut ids = Vec::new();
        for i in 0..(plan.assigned + plan.others) as usize {
            let first = paths.iter().filter(|p| p.person == i).map(|p| p.proposed).min().unwrap_or(plan.from);
            ids.push(add_person(desk, &by, &mut rng, i, plan, first)?);
            summary.people += 1;
        }
        for p in &paths {
            write_path(desk, &by, &mut rng, p, ids[p.person], today, &mut summary)?;
        }
        Ok(())
    })?;
    Ok(summary)
}

/// Plans the paths: every person one, the rest to people drawn at random; exactly
/// `concluded` of them concluded, those that would end first.
fn plan_paths(rng: &mut Rng, plan: &DemoPlan) -> Vec<Planned> {
    let people = (plan.assigned + plan.others) as usize;
    let span = plan.to.unix_days() - plan.from.unix_days();
    let mut paths: Vec<Planned> = (0..plan.paths as usize)
        .map(|i| {
            let kind = rng.weighted(&KINDS);
            let proposed = plan.from.plus_days(rng.days(0, span)).unwrap_or(plan.from);
            let started = proposed.plus_days(rng.days(0, 21)).filter(|d| *d <= plan.to && !rng.chance(4));
            let length = match kind {
                PathKind::Tirocinio => rng.days(90, 180),
                PathKind::Orientamento => rng.days(20, 60),
                PathKind::Cantiere => rng.days(120, 240),
                _ => rng.days(45, 300),
            };
            let end = started.and_then(|s| s.plus_days(length));
            Planned {
                person: if i < people { i } else { rng.below(people as u64) as usize },
                kind,
                proposed,
                started,
                end,
                suspended: None,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..paths.len()).filter(|&i| paths[i].started.is_some()).collect();
    order.sort_by_key(|&i| (paths[i].end, i));
    let concluded: std::collections::HashSet<usize> = order.iter().take(plan.concluded as usize).copied().collect();
    for (i, p) in paths.iter_mut().enumerate() {
        if concluded.contains(&i) {
            // Concluded paths end within the year.
            p.end = p.end.map(|e| e.min(plan.to));
        } else {
            p.end = None;
            if let Some(s) = p.started.filter(|s| s.unix_days() + 30 < plan.to.unix_days() && rng.chance(8)) {
                let pause = s.plus_days(rng.days(10, 30)).unwrap_or(s);
                let back = pause.plus_days(rng.days(14, 60)).filter(|b| *b <= plan.to);
                p.suspended = Some((pause, back));
            }
        }
    }
    paths
}

/// A generated person as their paths need them.
#[derive(Clone, Copy)]
struct Someone {
    id: i64,
    woman: bool,
    birth_year: u16,
}

/// Ages at the year's end, weighted as the desks' people roughly are.
const AGES: [((i64, i64), u32); 5] = [((18, 24), 12), ((25, 29), 12), ((30, 44), 35), ((45, 54), 25), ((55, 64), 16)];

/// Adds one fictitious person (with the notice acknowledged and consents given, their sex
/// and year of birth stated).
fn add_person(desk: &mut Desk, by: &Reader, rng: &mut Rng, i: usize, plan: &DemoPlan, first_path: Day) -> Result<Someone> {
    let woman = rng.chance(52);
    // The year of birth comes from a stream of its own, so the rest of the year stays as it was.
    let mut own = Rng(rng.0 ^ (i as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let (lo, hi) = own.weighted(&AGES);
    let birth_year = (i64::from(plan.to.parts().0) - own.days(lo, hi)) as u16;
    let given = *rng.pick(if woman { &WOMEN[..] } else { &MEN[..] });
    let family = *rng.pick(&FAMILY);
    let comune = rng.weighted(&COMUNI);
    let desk_code = DESKS.iter().find(|d| d.2.contains(&comune)).map_or("trecate", |d| d.0);
    let managers: Vec<&str> = OPERATORS.iter().filter(|o| o.2 == desk_code).map(|o| o.0).collect();
    let manager = *rng.pick(&managers);
    let email = format!("{}.{}{}@example.it", crate::fold::fold(given), crate::fold::fold(family).replace(' ', ""), i + 1);
    let profile: Profile = serde_json::from_value(serde_json::json!({
        "lang": "it",
        "person": {"given_name": given, "family_name": family, "email": email},
        "sensitive": {"sex": if woman { "F" } else { "M" }, "date_of_birth": birth_year.to_string()},
    }))
    .map_err(|e| DeskError::invalid("profile", e.to_string(), e.to_string()))?;
    let arrival = if (i as u32) < plan.assigned {
        Arrival::Cpi
    } else if rng.chance(80) {
        Arrival::SelfReferred
    } else {
        Arrival::SocialServices
    };
    let arrived = first_path.plus_days(-rng.days(0, 30)).unwrap_or(first_path);
    let id = desk.add_person(
        by,
        &NewPerson {
            profile,
            codice_fiscale: None,
            comune: Some(comune.into()),
            desk: desk_code.into(),
            case_manager: Some(manager.into()),
            arrival,
            arrival_date: Some(arrived),
        },
    )?;
    let who = if rng.chance(3) { AcknowledgedBy::Delegate } else { AcknowledgedBy::Person };
    desk.acknowledge_notice(by, id, "2022-09", arrived, who, (who == AcknowledgedBy::Delegate).then_some("Delegato di esempio"))?;
    for (kind, percent) in
        [(ConsentKind::ShareCv, 75), (ConsentKind::RemindersSms, 55), (ConsentKind::RemindersEmail, 35), (ConsentKind::RecruitingDays, 45)]
    {
        if rng.chance(percent) {
            desk.set_consent(by, id, kind, true, arrived)?;
            if rng.chance(4) {
                desk.set_consent(by, id, kind, false, arrived.plus_days(rng.days(20, 120)).unwrap_or(arrived).min(plan.to))?;
            }
        }
    }
    if rng.chance(20) {
        let visibility = *rng.pick(&[Visibility::Me, Visibility::Desk, Visibility::Network]);
        desk.add_note(&Reader::new(manager), id, visibility, "Disponibile a turni; chiede aggiornamento sul corso HACCP.", None)?;
    }
    Ok(Someone { id, woman, birth_year })
}

/// Writes one planned path with its events, appointments and outcome.
#[allow(clippy::too_many_arguments)]
fn write_path(desk: &mut Desk, by: &Reader, rng: &mut Rng, p: &Planned, someone: Someone, today: Day, s: &mut DemoSummary) -> Result<()> {
    let person = someone.id;
    let mut targets = Vec::new();
    if someone.woman {
        targets.push(Target::Women);
    }
    let age = i64::from(p.proposed.parts().0) - i64::from(someone.birth_year);
    for (t, percent) in [(Target::Under30, 22), (Target::Over55, 15), (Target::Naspi, 25), (Target::Unemployed12, 30)] {
        // The age groups follow the age; the draw is kept so the rest of the year stays as it was.
        let drawn = rng.chance(percent);
        let on = match t {
            Target::Under30 => age < 30,
            Target::Over55 => age >= 55,
            _ => drawn,
        };
        if on {
            targets.push(t);
        }
    }
    if p.kind == PathKind::CollocamentoMirato {
        targets.push(Target::L68);
    }
    let gol = matches!(p.kind, PathKind::Gol1 | PathKind::Gol2 | PathKind::Gol3 | PathKind::Gol4 | PathKind::Gol5);
    let path = desk.open_path(
        by,
        &NewPath { person_id: person, kind: p.kind, proposed_on: p.proposed, gol_funded: gol, targets, case_manager: None, note: None },
    )?;
    s.paths += 1;
    book(desk, by, rng, person, path, Service::Accoglienza, p.proposed, today, s)?;
    let Some(started) = p.started else {
        s.ongoing += 1;
        return Ok(());
    };
    desk.record_event(by, path, PathEventKind::Started, started, None, None)?;
    if let Some((pause, back)) = p.suspended {
        desk.record_event(by, path, PathEventKind::Suspended, pause, Some("Malattia"), None)?;
        if let Some(back) = back {
            desk.record_event(by, path, PathEventKind::Resumed, back, None, None)?;
        }
    }
    let services = services_of(p.kind);
    let last = p.end.unwrap_or_else(|| today.plus_days(21).unwrap_or(today));
    let mut on = started;
    while on <= last {
        let paused = p.suspended.is_some_and(|(a, b)| on >= a && b.is_none_or(|b| on < b));
        if !paused {
            let service = *rng.pick(services);
            book(desk, by, rng, person, path, service, on, today, s)?;
        }
        on = on.plus_days(rng.days(14, 35)).unwrap_or(last.plus_days(1).unwrap_or(last));
    }
    match p.end {
        Some(end) => {
            desk.record_event(by, path, PathEventKind::Concluded, end, None, None)?;
            s.concluded += 1;
            let start = if p.kind == PathKind::Tirocinio { started } else { end };
            outcome(desk, by, rng, person, path, p.kind, start, s)?;
        }
        None => s.ongoing += 1,
    }
    Ok(())
}

fn services_of(kind: PathKind) -> &'static [Service] {
    use Service as S;
    match kind {
        PathKind::Tirocinio => &[S::TutoraggioTirocinio, S::TutoraggioTirocinio, S::FollowUp],
        PathKind::Orientamento => &[S::OrientamentoBase, S::OrientamentoSpecialistico],
        PathKind::Gol2 | PathKind::Gol3 => &[S::Formazione, S::OrientamentoSpecialistico, S::RicercaAttiva],
        PathKind::Gol4 | PathKind::Pass | PathKind::CollocamentoMirato => &[S::OrientamentoSpecialistico, S::Accompagnamento, S::Colloquio],
        _ => &[S::RicercaAttiva, S::Accompagnamento, S::PropostaLavoro, S::Colloquio, S::OrientamentoBase],
    }
}

/// The next working day from `d` (desks are closed at weekends).
fn workday(d: Day) -> Day {
    match d.weekday() {
        5 => d.plus_days(2).unwrap_or(d),
        6 => d.plus_days(1).unwrap_or(d),
        _ => d,
    }
}

/// Books one appointment on the working day from `on` and, if that day has come, closes it
/// as such days go (the first reception is always held).
#[allow(clippy::too_many_arguments)]
fn book(
    desk: &mut Desk,
    by: &Reader,
    rng: &mut Rng,
    person: i64,
    path: i64,
    service: Service,
    on: Day,
    today: Day,
    s: &mut DemoSummary,
) -> Result<()> {
    let on = workday(on);
    let at = Time::new(9 + rng.below(8) as u8, *rng.pick(&[0u8, 30]));
    let channel = if rng.chance(80) { Channel::InPerson } else { *rng.pick(&[Channel::Phone, Channel::Video]) };
    let expected = *rng.pick(&[30u32, 45, 60]);
    let a = NewAppointment {
        person_id: person,
        path_id: Some(path),
        service,
        channel,
        on,
        at,
        expected_minutes: expected,
        operator: None,
        vacancy_id: None,
        note: None,
    };
    let id = desk.book(by, &a)?;
    s.appointments += 1;
    if on > today {
        return Ok(());
    }
    let roll = if service == Service::Accoglienza { 0 } else { rng.below(100) };
    let state = match roll {
        0..=79 => AppointmentState::Delivered,
        80..=86 => AppointmentState::NoShow,
        87..=91 => AppointmentState::CancelledByPerson,
        92..=94 => AppointmentState::CancelledByOperator,
        _ => AppointmentState::Moved,
    };
    match state {
        AppointmentState::Moved => {
            let later = workday(on.plus_days(7).unwrap_or(on));
            let new = desk.move_appointment(by, id, later, None, None)?;
            s.appointments += 1;
            if later <= today {
                let minutes = (expected as i64 + rng.days(-10, 15)).max(10) as u32;
                desk.close_appointment(by, new, AppointmentState::Delivered, Some(minutes), None)?;
            }
        }
        AppointmentState::Delivered => {
            let minutes = (expected as i64 + rng.days(-10, 15)).max(10) as u32;
            desk.close_appointment(by, id, state, Some(minutes), None)?;
        }
        _ => desk.close_appointment(by, id, state, None, None)?,
    }
    Ok(())
}

/// What a concluded path led to, in rough proportions by kind.
#[allow(clippy::too_many_arguments)]
fn outcome(
    desk: &mut Desk,
    by: &Reader,
    rng: &mut Rng,
    person: i64,
    path: i64,
    kind: PathKind,
    start: Day,
    s: &mut DemoSummary,
) -> Result<()> {
    let (outcome_kind, percent) = match kind {
        PathKind::Tirocinio => (OutcomeKind::Tirocinio, 100),
        PathKind::Gol2 | PathKind::Gol3 => (OutcomeKind::Training, 70),
        PathKind::Orientamento => (OutcomeKind::Training, 25),
        PathKind::CollocamentoMirato | PathKind::Gol4 | PathKind::Pass => (OutcomeKind::Contract, 35),
        _ => (OutcomeKind::Contract, 55),
    };
    if !rng.chance(percent) {
        return Ok(());
    }
    let (contract, months) = if outcome_kind == OutcomeKind::Contract {
        let c = rng.weighted(&[
            (ContractType::TempoDeterminato, 50),
            (ContractType::Somministrazione, 20),
            (ContractType::TempoIndeterminato, 15),
            (ContractType::Apprendistato, 10),
            (ContractType::Stagionale, 5),
        ]);
        let months = match c {
            ContractType::TempoIndeterminato => None,
            ContractType::Apprendistato => Some(36),
            ContractType::Somministrazione => Some(rng.days(1, 6) as u32),
            ContractType::Stagionale => Some(rng.days(3, 5) as u32),
            _ => Some(rng.days(3, 12) as u32),
        };
        (Some(c), months)
    } else {
        (None, Some(rng.days(2, 6) as u32))
    };
    let evidence = (outcome_kind == OutcomeKind::Contract).then(|| format!("UNILAV 0103{:011}", rng.below(100_000_000_000)));
    desk.add_outcome(
        by,
        &NewOutcome {
            person_id: person,
            path_id: Some(path),
            kind: outcome_kind,
            contract,
            start_on: start,
            planned_months: months,
            employer: Some((*rng.pick(&EMPLOYERS)).into()),
            vacancy_id: None,
            evidence,
        },
    )?;
    s.outcomes += 1;
    Ok(())
}
