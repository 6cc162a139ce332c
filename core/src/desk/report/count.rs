//! From the facts of a period to the report's tables: every count is made here, in
//! memory, by the definitions in `words::notes`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::facts::{Facts, PathFact, PersonFact};
use super::figure::Figure;
use super::month::Month;
use super::table::{Body, Column, Counts, Row, Table};
use super::words::{self, AGE_BANDS};
use crate::desk::day::Day;
use crate::desk::words::{AppointmentState, Arrival, OutcomeKind, PathKind, PathState, Service, Sex, Target};
use crate::fold::fold;
use crate::lang::Lang;

/// Where a path activated in the period stands at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Concluded.
    Concluded,
    /// Still open (proposed, started or suspended).
    Ongoing,
    /// Abandoned, refused or cancelled.
    ClosedOtherwise,
}

/// Whether a path is open at the end of `day`.
fn open_on(p: &PathFact, day: Day) -> bool {
    p.proposed <= day && !(p.state.is_closed() && p.ended.is_some_and(|e| e <= day))
}

/// Where `p` stands at the end of `day`.
pub fn standing(p: &PathFact, day: Day) -> Standing {
    if open_on(p, day) {
        Standing::Ongoing
    } else if p.state == PathState::Concluded {
        Standing::Concluded
    } else {
        Standing::ClosedOtherwise
    }
}

/// The period a report covers.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    /// First month.
    pub from: Month,
    /// Last month.
    pub to: Month,
}

impl Period {
    fn months(self) -> Vec<Month> {
        std::iter::successors(Some(self.from), |m| Some(m.next())).take(self.from.count_to(self.to)).collect()
    }
}

/// A person taken in charge in the period.
struct Taken<'a> {
    /// The month of their first path of the period.
    month: Month,
    /// Its desk.
    desk: i64,
    /// The person.
    person: Option<&'a PersonFact>,
}

/// What is worked out once and read by several tables.
struct Derived<'a> {
    facts: &'a Facts,
    period: Period,
    lang: Lang,
    /// The paths activated in the period, with where they stand at its end.
    activated: Vec<(&'a PathFact, Standing)>,
    /// People taken in charge: the month and desk of their first path of the period.
    taken: Vec<Taken<'a>>,
    /// People with a contract of the period.
    contracted: Vec<Option<&'a PersonFact>>,
    /// Each comune as written, folded once (`fold` is the costly part of counting).
    folded: HashMap<&'a str, String>,
}

/// The tables of a report.
pub fn tables(facts: &Facts, period: Period, lang: Lang) -> Vec<Table> {
    let (start, end) = (period.from.first_day(), period.to.last_day());
    let activated: Vec<(&PathFact, Standing)> =
        facts.paths.iter().filter(|p| start <= p.proposed && p.proposed <= end).map(|p| (p, standing(p, end))).collect();
    let mut first: BTreeMap<i64, &PathFact> = BTreeMap::new();
    for (p, _) in &activated {
        let e = first.entry(p.person).or_insert(p);
        // The earliest path; of two on the same day, the first recorded.
        if (p.proposed, p.id) < (e.proposed, e.id) {
            *e = p;
        }
    }
    let taken: Vec<Taken> = first
        .into_iter()
        .map(|(person, p)| Taken { month: Month::of(p.proposed), desk: p.desk, person: facts.people.get(&person) })
        .collect();
    let contracted: BTreeSet<i64> = facts.outcomes.iter().filter(|o| o.kind == OutcomeKind::Contract).map(|o| o.person).collect();
    let contracted: Vec<Option<&PersonFact>> = contracted.iter().map(|p| facts.people.get(p)).collect();
    let mut folded: HashMap<&str, String> = HashMap::new();
    for p in taken.iter().map(|t| t.person).chain(contracted.iter().copied()) {
        if let Some(c) = p.and_then(|x| x.comune.as_deref()) {
            folded.entry(c).or_insert_with(|| fold(c));
        }
    }
    let d = Derived { facts, period, lang, activated, taken, contracted, folded };
    vec![
        d.headline(),
        d.by_month(),
        d.by_kind(),
        d.by_desk(),
        d.by_person("by_comune", |p| d.comune_key(p.comune.as_deref()), &d.comuni()),
        d.by_person("by_sex", |p| p.sex.map_or("not_stated", |s| s.as_str()), &d.sexes()),
        d.by_person("by_age", |p| age_band(p.birth_year, period.to.year()), &d.ages()),
        d.by_target(),
        d.services(),
        d.outcomes(),
    ]
}

/// The key of a person's age band in `year`.
fn age_band(birth_year: Option<u16>, year: u16) -> &'static str {
    match birth_year.filter(|&y| y <= year) {
        Some(y) => AGE_BANDS.iter().rev().find(|b| year - y >= b.1).map_or("under_25", |b| b.0),
        None => "not_stated",
    }
}

impl Standing {
    /// Its place among concluded, ongoing, closed otherwise.
    fn slot(self) -> usize {
        match self {
            Standing::Concluded => 0,
            Standing::Ongoing => 1,
            Standing::ClosedOtherwise => 2,
        }
    }
}

/// Counts by standing: concluded, ongoing, closed otherwise.
fn standings<'p>(paths: impl Iterator<Item = &'p Standing>) -> [u64; 3] {
    let mut n = [0; 3];
    for s in paths {
        n[s.slot()] += 1;
    }
    n
}

/// Minutes to hours, in the columns named.
fn hours(rows: &mut [Row], total: Option<&mut Row>, columns: &[usize]) {
    let all = rows.iter_mut().chain(total);
    for row in all {
        for &c in columns {
            if let Figure::Count(minutes) = row.cells[c] {
                row.cells[c] = Figure::decimal(minutes as f64 / 60.0);
            }
        }
    }
}

impl Derived<'_> {
    /// The folded key of a comune (`not_stated` if none).
    fn comune_key(&self, c: Option<&str>) -> &str {
        c.and_then(|c| self.folded.get(c)).map_or("not_stated", String::as_str)
    }

    /// A table that shows every count.
    fn table(&self, name: &'static str, columns: &[&'static str], rows: Vec<Row>, total: Option<Row>) -> Table {
        self.build(name, columns, Body { rows, total, withheld_whole: false }, false)
    }

    /// A table under the small-count rule (its note says so if it was withheld whole).
    fn withheld_table(&self, name: &'static str, columns: &[&'static str], body: Body) -> Table {
        self.build(name, columns, body, true)
    }

    fn build(&self, name: &'static str, columns: &[&'static str], body: Body, withheld: bool) -> Table {
        let (title, key) = words::table(name, self.lang);
        let Body { rows, total, withheld_whole } = body;
        let note = if withheld_whole { Some(words::withheld_whole(self.lang).to_owned()) } else { words::note(name, self.lang) };
        Table {
            name,
            title,
            note,
            key,
            columns: columns.iter().map(|&c| Column { name: c, label: words::label(c, self.lang) }).collect(),
            rows,
            total,
            small_counts_withheld: withheld,
        }
    }

    fn held(&self) -> impl Iterator<Item = &super::facts::AppointmentFact> {
        self.facts.appointments.iter().filter(|a| a.state == AppointmentState::Delivered)
    }

    fn headline(&self) -> Table {
        let [concluded, ongoing, other] = standings(self.activated.iter().map(|a| &a.1));
        let end = self.period.to.last_day();
        let cpi = self.taken.iter().filter(|t| t.person.is_some_and(|x| x.arrival == Arrival::Cpi)).count();
        let outcomes = |k: OutcomeKind| self.facts.outcomes.iter().filter(|o| o.kind == k).count() as u64;
        let mut days: Vec<i64> =
            self.facts.first_outcomes.iter().map(|f| f.outcome.unix_days() - f.taken_in_charge.unix_days()).filter(|d| *d >= 0).collect();
        days.sort_unstable();
        let median = match days.len() {
            // The median of one or two people would be their own figure.
            n if (n as u64) < super::suppress::SMALL => Figure::Blank,
            n if n % 2 == 1 => Figure::decimal(days[n / 2] as f64),
            n => Figure::decimal((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
        };
        let territory: Vec<String> = self.facts.territory.iter().map(|c| fold(c)).collect();
        let living = self
            .taken
            .iter()
            .filter(|t| t.person.and_then(|x| x.comune.as_deref()).is_some_and(|c| territory.iter().any(|x| x == self.comune_key(Some(c)))))
            .count();
        let share = if territory.is_empty() || self.taken.is_empty() {
            Figure::Blank
        } else {
            Figure::Share(((living as f64 / self.taken.len() as f64) * 1000.0).round() / 1000.0)
        };
        let count = |n: usize| Figure::Count(n as u64);
        let served = |s: Service| self.facts.served.iter().find(|x| x.0 == s).map_or(0, |x| x.1);
        let figures: Vec<(&str, Figure)> = vec![
            ("taken_in_charge", count(self.taken.len())),
            ("assigned_by_cpi", count(cpi)),
            ("activated", count(self.activated.len())),
            ("concluded", Figure::Count(concluded)),
            ("ongoing", Figure::Count(ongoing)),
            ("closed_otherwise", Figure::Count(other)),
            ("open_at_end", count(self.facts.paths.iter().filter(|p| open_on(p, end)).count())),
            ("appointments_held", Figure::Count(self.held().map(|a| a.count).sum())),
            (
                "no_shows",
                Figure::Count(self.facts.appointments.iter().filter(|a| a.state == AppointmentState::NoShow).map(|a| a.count).sum()),
            ),
            ("operator_hours", Figure::decimal(self.held().map(|a| a.minutes).sum::<u64>() as f64 / 60.0)),
            ("people_specialist_guidance", Figure::Count(served(Service::OrientamentoSpecialistico))),
            ("people_training_service", Figure::Count(served(Service::Formazione))),
            ("people_with_outcome", count(self.facts.outcomes.iter().map(|o| o.person).collect::<std::collections::HashSet<_>>().len())),
            ("contracts", Figure::Count(outcomes(OutcomeKind::Contract))),
            (
                "contracts_over_six_months",
                count(self.facts.outcomes.iter().filter(|o| o.kind == OutcomeKind::Contract && o.lasting).count()),
            ),
            ("tirocini", Figure::Count(outcomes(OutcomeKind::Tirocinio))),
            ("training", Figure::Count(outcomes(OutcomeKind::Training))),
            ("days_to_first_outcome", median),
            ("people_first_outcome", count(days.len())),
            ("share_in_territory", share),
        ];
        let rows = figures.into_iter().map(|(k, f)| Row { key: k.into(), label: words::label(k, self.lang), cells: vec![f] }).collect();
        self.table("headline", &["value"], rows, None)
    }

    fn by_month(&self) -> Table {
        let months = self.period.months();
        let index: HashMap<Month, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
        // taken, cpi, activated, concluded, ongoing, other, open, held, no-shows, minutes, outcomes
        let mut n = vec![vec![0u64; 11]; months.len()];
        for t in &self.taken {
            let i = index[&t.month];
            n[i][0] += 1;
            n[i][1] += u64::from(t.person.is_some_and(|p| p.arrival == Arrival::Cpi));
        }
        for (p, s) in &self.activated {
            let i = index[&Month::of(p.proposed)];
            n[i][2] += 1;
            n[i][3 + s.slot()] += 1;
        }
        for (i, m) in months.iter().enumerate() {
            let last = m.last_day();
            n[i][6] = self.facts.paths.iter().filter(|p| open_on(p, last)).count() as u64;
        }
        for a in &self.facts.appointments {
            let Some(&i) = index.get(&a.month) else { continue };
            match a.state {
                AppointmentState::Delivered => {
                    n[i][7] += a.count;
                    n[i][9] += a.minutes;
                }
                AppointmentState::NoShow => n[i][8] += a.count,
                _ => {}
            }
        }
        for o in &self.facts.outcomes {
            if let Some(&i) = index.get(&o.month) {
                n[i][10] += 1;
            }
        }
        let rows = months.iter().zip(n).map(|(m, c)| (m.to_string(), m.long(self.lang), c)).collect();
        let summed = vec![true, true, true, true, true, true, false, true, true, true, true];
        let Body { mut rows, mut total, .. } = Counts { rows, width: 11, total: Some(summed) }.into_rows(words::total(self.lang), false);
        hours(&mut rows, total.as_mut(), &[9]);
        let columns = [
            "taken_in_charge",
            "assigned_by_cpi",
            "activated",
            "concluded",
            "ongoing",
            "closed_otherwise",
            "open_at_month_end",
            "appointments_held",
            "no_shows",
            "operator_hours",
            "outcomes",
        ];
        self.table("by_month", &columns, rows, total)
    }

    /// Paths activated by kind, under the small-count rule (a kind can tell a disability).
    /// Their state at the end is not split by kind: beside the activated count it would
    /// give small counts away; `by_desk` and `by_month` split it.
    fn by_kind(&self) -> Table {
        let rows = PathKind::ALL
            .iter()
            .filter_map(|&k| {
                let n = self.activated.iter().filter(|a| a.0.kind == k).count() as u64;
                (n > 0).then(|| (k.as_str().to_owned(), k.label(self.lang).to_owned(), vec![n]))
            })
            .collect();
        let body = Counts { rows, width: 1, total: Some(vec![true]) }.into_rows(words::total(self.lang), true);
        self.withheld_table("by_kind", &["activated"], body)
    }

    fn by_desk(&self) -> Table {
        let rows = self
            .facts
            .desks
            .iter()
            .map(|(id, code, name)| {
                let at: Vec<&Standing> = self.activated.iter().filter(|a| a.0.desk == *id).map(|a| &a.1).collect();
                let [c, o, x] = standings(at.iter().copied());
                let taken = self.taken.iter().filter(|t| t.desk == *id).count() as u64;
                let held = self.held().filter(|a| a.desk == *id);
                let (count, minutes) = held.fold((0, 0), |(n, m), a| (n + a.count, m + a.minutes));
                (code.clone(), name.clone(), vec![taken, at.len() as u64, c, o, x, count, minutes])
            })
            .collect();
        let Body { mut rows, mut total, .. } =
            Counts { rows, width: 7, total: Some(vec![true; 7]) }.into_rows(words::total(self.lang), false);
        hours(&mut rows, total.as_mut(), &[6]);
        let columns = ["taken_in_charge", "activated", "concluded", "ongoing", "closed_otherwise", "appointments_held", "operator_hours"];
        self.table("by_desk", &columns, rows, total)
    }

    /// People taken in charge and people with a contract, by one of their attributes;
    /// `order` gives the rows (key, label) in order, `not_stated` last.
    fn by_person<'k>(&'k self, name: &'static str, key: impl Fn(&'k PersonFact) -> &'k str, order: &[(String, String)]) -> Table {
        let mut n: HashMap<&str, [u64; 2]> = HashMap::new();
        let taken = self.taken.iter().map(|t| t.person);
        for (column, people) in [taken.collect::<Vec<_>>(), self.contracted.clone()].into_iter().enumerate() {
            for p in people {
                n.entry(p.map_or("not_stated", &key)).or_default()[column] += 1;
            }
        }
        let rows =
            order.iter().map(|(k, label)| (k.clone(), label.clone(), n.get(k.as_str()).map_or(vec![0, 0], |c| c.to_vec()))).collect();
        let body = Counts { rows, width: 2, total: Some(vec![true; 2]) }.into_rows(words::total(self.lang), true);
        self.withheld_table(name, &["taken_in_charge", "with_contract"], body)
    }

    /// The comuni of the people counted, the most people first, `not_stated` last.
    fn comuni(&self) -> Vec<(String, String)> {
        let mut seen: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
        for p in self.taken.iter().map(|t| t.person).chain(self.contracted.iter().copied()) {
            if let Some(c) = p.and_then(|x| x.comune.as_deref()) {
                seen.entry(self.comune_key(Some(c))).or_insert((c.trim(), 0)).1 += 1;
            }
        }
        let mut list: Vec<(&str, (&str, usize))> = seen.into_iter().collect();
        list.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(b.0)));
        let mut order: Vec<(String, String)> = list.into_iter().map(|(k, (label, _))| (k.to_owned(), label.to_owned())).collect();
        order.push(("not_stated".into(), words::not_stated(self.lang).into()));
        order
    }

    fn sexes(&self) -> Vec<(String, String)> {
        let mut order: Vec<(String, String)> = Sex::ALL.iter().map(|s| (s.as_str().to_owned(), s.label(self.lang).to_owned())).collect();
        order.push(("not_stated".into(), words::not_stated(self.lang).into()));
        order
    }

    fn ages(&self) -> Vec<(String, String)> {
        let mut order: Vec<(String, String)> = AGE_BANDS.iter().map(|b| (b.0.to_owned(), self.lang.pick(b.2, b.3).to_owned())).collect();
        order.push(("not_stated".into(), words::not_stated(self.lang).into()));
        order
    }

    fn by_target(&self) -> Table {
        let rows = Target::ALL
            .iter()
            .filter_map(|t| {
                let n = self.facts.targets.iter().find(|x| x.0 == *t).map_or(0, |x| x.1);
                (n > 0).then(|| (t.as_str().to_owned(), t.label(self.lang).to_owned(), vec![n]))
            })
            .collect();
        let body = Counts { rows, width: 1, total: None }.into_rows(words::total(self.lang), true);
        self.withheld_table("by_target", &["activated"], body)
    }

    fn services(&self) -> Table {
        let rows = Service::ALL
            .iter()
            .filter_map(|&s| {
                let of = self.facts.appointments.iter().filter(|a| a.service == s);
                let (mut held, mut absent, mut minutes) = (0, 0, 0);
                for a in of {
                    match a.state {
                        AppointmentState::Delivered => {
                            held += a.count;
                            minutes += a.minutes;
                        }
                        AppointmentState::NoShow => absent += a.count,
                        _ => {}
                    }
                }
                (held + absent > 0).then(|| (s.as_str().to_owned(), s.label(self.lang).to_owned(), vec![held, absent, minutes]))
            })
            .collect();
        let Body { mut rows, mut total, .. } =
            Counts { rows, width: 3, total: Some(vec![true; 3]) }.into_rows(words::total(self.lang), false);
        hours(&mut rows, total.as_mut(), &[2]);
        self.table("services", &["appointments_held", "no_shows", "operator_hours"], rows, total)
    }

    fn outcomes(&self) -> Table {
        let rows = OutcomeKind::ALL
            .iter()
            .map(|&k| {
                let of: Vec<_> = self.facts.outcomes.iter().filter(|o| o.kind == k).collect();
                let lasting = of.iter().filter(|o| o.lasting).count() as u64;
                let people = of.iter().map(|o| o.person).collect::<std::collections::HashSet<_>>().len() as u64;
                (k.as_str().to_owned(), k.label(self.lang).to_owned(), vec![of.len() as u64, lasting, people])
            })
            .collect();
        let Body { mut rows, total, .. } =
            Counts { rows, width: 3, total: Some(vec![true, true, false]) }.into_rows(words::total(self.lang), false);
        for row in &mut rows {
            if row.key != OutcomeKind::Contract.as_str() {
                row.cells[1] = Figure::Blank;
            }
        }
        self.table("outcomes", &["outcomes", "over_six_months", "people"], rows, total)
    }
}
