//! The caseload worded for people to read, in Italian or English: a person's file and the
//! rows of a list. Every binding prints these; none words the caseload itself.

use std::fmt::Write as _;

use super::caseload::CaseRow;
use super::model::{Person, PersonFile};
use crate::lang::Lang;

fn t(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    lang.pick(it, en)
}

/// A titled part of a document: its lines, each already worded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// The title.
    pub title: String,
    /// The lines.
    pub lines: Vec<String>,
}

/// A person's file as plain text.
pub fn person_file(f: &PersonFile, lang: Lang) -> String {
    let mut out = String::new();
    let p = &f.person;
    let _ = writeln!(out, "{} {} ({} {})", p.given_name, p.family_name, t(lang, "persona", "person"), p.id);
    for (i, s) in person_sections(f, lang).iter().enumerate() {
        if i > 0 {
            let _ = writeln!(out, "\n{} ({})", s.title, s.lines.iter().filter(|l| !l.starts_with("    ")).count());
        }
        for l in &s.lines {
            let _ = writeln!(out, "  {l}");
        }
    }
    if f.withheld > 0 {
        let _ = writeln!(
            out,
            "\n{} {}",
            f.withheld,
            t(
                lang,
                "dati sensibili non mostrati (servono i permessi per i dati sensibili)",
                "sensitive items not shown (they need access to sensitive data)"
            )
        );
    }
    out
}

/// A person's file as sections: who they are, paths (events indented), appointments,
/// outcomes, notes, privacy and consents.
pub fn person_sections(f: &PersonFile, lang: Lang) -> Vec<Section> {
    let p = &f.person;
    let mut who = Vec::new();
    let mut line = |label: &str, value: String| who.push(format!("{label}: {value}"));
    line(t(lang, "sportello", "desk"), p.desk.clone());
    if let Some(m) = &p.case_manager {
        line(t(lang, "operatore di riferimento", "case manager"), m.clone());
    }
    if let Some(cf) = &p.codice_fiscale {
        line(t(lang, "codice fiscale", "tax code"), cf.clone());
    }
    if let Some(c) = &p.comune {
        line(t(lang, "comune di residenza", "comune of residence"), c.clone());
    }
    let arrival = match p.arrival_date {
        Some(d) => format!("{} ({d})", p.arrival.label(lang)),
        None => p.arrival.label(lang).to_owned(),
    };
    line(t(lang, "arrivo", "arrival"), arrival);
    for contact in [&f.profile.person.email, &f.profile.person.phone].into_iter().flatten() {
        line(t(lang, "contatto", "contact"), contact.clone());
    }
    let section = |title: &str, lines: Vec<String>| Section { title: title.to_owned(), lines };

    let mut paths = Vec::new();
    for path in &f.paths {
        let mut head = format!("[{}] {} — {}", path.id, path.kind.label(lang), path.state.label(lang));
        if path.gol_funded {
            head.push_str(" · GOL");
        }
        if !path.targets.is_empty() {
            let targets: Vec<&str> = path.targets.iter().map(|t| t.label(lang)).collect();
            let _ = write!(head, " · {}: {}", t(lang, "target", "targets"), targets.join(", "));
        }
        paths.push(head);
        for e in &path.events {
            let note = e.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
            paths.push(format!("    {} {}{note}", e.on, e.kind.label(lang)));
        }
    }

    let appointments = f
        .appointments
        .iter()
        .map(|a| {
            let at = a.at.map(|t| format!(" {t}")).unwrap_or_default();
            let minutes = match a.actual_minutes {
                Some(m) => format!("{m} min"),
                None => format!("{} min {}", a.expected_minutes, t(lang, "previsti", "expected")),
            };
            let vacancy = a.vacancy_id.as_deref().map(|v| format!(" · {} {v}", t(lang, "offerta", "vacancy"))).unwrap_or_default();
            format!(
                "[{}] {}{at} {} ({}) — {} · {minutes}{vacancy}",
                a.id,
                a.on,
                a.service.label(lang),
                a.channel.label(lang),
                a.state.label(lang)
            )
        })
        .collect();

    let outcomes = f
        .outcomes
        .iter()
        .map(|o| {
            let mut parts = vec![format!("{} {}", o.start_on, o.kind.label(lang))];
            parts.extend(o.contract.map(|c| c.code().replace('_', " ")));
            parts.extend(o.planned_months.map(|m| format!("{m} {}", t(lang, "mesi", "months"))));
            parts.extend(o.employer.clone());
            if o.lasting {
                parts.push(t(lang, "oltre 6 mesi", "over 6 months").to_owned());
            }
            parts.extend(o.evidence.clone());
            format!("[{}] {}", o.id, parts.join(" · "))
        })
        .collect();

    let notes = f.notes.iter().map(|n| format!("{} {} ({}): {}", n.written_on, n.author, n.visibility.label(lang), n.text)).collect();

    let mut privacy: Vec<String> = f
        .acknowledgements
        .iter()
        .map(|a| {
            let by = a.by_name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            format!(
                "{} {} {} — {}{by}",
                a.on,
                t(lang, "presa visione dell'informativa", "privacy notice acknowledged, version"),
                a.notice_version,
                a.by.label(lang)
            )
        })
        .collect();
    privacy.extend(f.consents.iter().map(|c| {
        let until = match c.withdrawn_on {
            Some(w) => format!(", {} {w}", t(lang, "revocato il", "withdrawn on")),
            None => format!(" ({})", t(lang, "in corso", "in force")),
        };
        format!("{}: {} {}{until}", c.kind.label(lang), t(lang, "dato il", "granted on"), c.granted_on)
    }));

    vec![
        section(t(lang, "Dati", "Details"), who),
        section(t(lang, "Percorsi", "Paths"), paths),
        section(t(lang, "Appuntamenti", "Appointments"), appointments),
        section(t(lang, "Esiti", "Outcomes"), outcomes),
        section(t(lang, "Note", "Notes"), notes),
        section(t(lang, "Privacy e consensi", "Privacy and consents"), privacy),
    ]
}

/// The caseload's rows as an aligned table with a header.
pub fn caseload_table(rows: &[CaseRow], total: u64, lang: Lang) -> String {
    let header = [
        t(lang, "percorso", "path"),
        t(lang, "persona", "person"),
        t(lang, "nome", "name"),
        t(lang, "sportello", "desk"),
        t(lang, "operatore", "case manager"),
        t(lang, "tipo", "kind"),
        t(lang, "stato", "state"),
        t(lang, "ultimo evento", "last event"),
    ];
    let body = rows.iter().map(|r| {
        vec![
            r.path_id.to_string(),
            r.person_id.to_string(),
            format!("{} {}", r.family_name, r.given_name),
            r.desk.clone(),
            r.case_manager.clone().unwrap_or_default(),
            r.kind.map_or_else(|| t(lang, "(riservato)", "(withheld)").to_owned(), |k| k.label(lang).to_owned()),
            r.state.label(lang).to_owned(),
            r.last_event_on.to_string(),
        ]
    });
    table(&header, body, total, rows.len(), lang)
}

/// People as an aligned table with a header.
pub fn people_table(rows: &[Person], total: u64, lang: Lang) -> String {
    let header = [
        t(lang, "persona", "person"),
        t(lang, "nome", "name"),
        t(lang, "sportello", "desk"),
        t(lang, "operatore", "case manager"),
        t(lang, "comune", "comune"),
        t(lang, "arrivo", "arrival"),
    ];
    let body = rows.iter().map(|p| {
        vec![
            p.id.to_string(),
            format!("{} {}", p.family_name, p.given_name),
            p.desk.clone(),
            p.case_manager.clone().unwrap_or_default(),
            p.comune.clone().unwrap_or_default(),
            p.arrival.label(lang).to_owned(),
        ]
    });
    table(&header, body, total, rows.len(), lang)
}

fn table(header: &[&str], body: impl Iterator<Item = Vec<String>>, total: u64, shown: usize, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| (*h).to_owned()).collect()).chain(body).collect();
    let widths: Vec<usize> = (0..header.len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in &rows {
        let cells: Vec<String> = r.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    let _ = writeln!(out, "{shown} {} {total}", t(lang, "righe di", "rows of"));
    out
}

/// The audit check's verdict.
pub fn verification(v: &super::audit::Verification, lang: Lang) -> String {
    match &v.broken {
        None => format!(
            "{} {} {}; {}: {}",
            t(lang, "registro di audit integro:", "audit log intact:"),
            v.entries,
            t(lang, "voci", "entries"),
            t(lang, "ultima impronta (conservarla altrove)", "head hash (keep it elsewhere)"),
            v.head
        ),
        Some(b) => {
            let why = match b.reason {
                "edited" => t(lang, "modificata dopo la scrittura", "edited after it was written"),
                _ => t(
                    lang,
                    "non segue la precedente (voci tolte o inserite)",
                    "does not follow the one before (entries removed or inserted)",
                ),
            };
            format!("{} {}: {why}", t(lang, "registro di audit ALTERATO alla voce", "audit log TAMPERED WITH at entry"), b.seq)
        }
    }
}

/// What the demo wrote.
pub fn demo_summary(s: &super::demo::DemoSummary, plan: &super::demo::DemoPlan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} – {}",
        t(lang, "Anno dimostrativo (dati inventati) della convenzione di Trecate:", "Demo year (invented data) of the Trecate convention:"),
        plan.from,
        plan.to
    );
    for (n, it, en) in [
        (s.desks, "sportelli", "desks"),
        (s.operators, "operatori", "operators"),
        (s.people, "persone", "people"),
        (s.paths, "percorsi attivati", "paths activated"),
        (s.concluded, "percorsi conclusi", "paths concluded"),
        (s.ongoing, "percorsi in corso", "paths ongoing"),
        (s.appointments, "appuntamenti", "appointments"),
        (s.outcomes, "esiti", "outcomes"),
    ] {
        let _ = writeln!(out, "  {n:>5} {}", t(lang, it, en));
    }
    out
}

/// The people due for deletion, and what was done if anything.
pub fn retention(due: &[super::retention::Due], years: u32, done: Option<&super::retention::Disposal>, lang: Lang) -> String {
    use super::retention::Disposal;
    let mut out = String::new();
    let verdict = match done {
        None => t(lang, "da trattare", "due"),
        Some(Disposal::Delete) => t(lang, "cancellati", "deleted"),
        Some(Disposal::Pseudonymise { .. }) => t(lang, "pseudonimizzati", "pseudonymised"),
    };
    let _ = writeln!(
        out,
        "{} {years} {}: {} {verdict}",
        t(lang, "Conservazione:", "Retention:"),
        t(lang, "anni dopo l'ultimo percorso chiuso", "years after the last path closed"),
        due.len()
    );
    for d in due {
        let _ = writeln!(
            out,
            "  {} {:>6}  {} {}  {} {}",
            t(lang, "persona", "person"),
            d.person_id,
            t(lang, "ultima attività", "last activity"),
            d.last_activity,
            t(lang, "scaduta il", "due on"),
            d.due_on
        );
    }
    out
}

/// What a spreadsheet import did: counts, where each column went, the rows refused.
pub fn import_report(r: &super::import::ImportReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {} {}, {} {}, {} {}",
        r.rows,
        t(lang, "righe lette", "rows read"),
        r.people,
        t(lang, "persone aggiunte", "people added"),
        r.paths,
        t(lang, "percorsi aperti", "paths opened"),
        r.refused.len(),
        t(lang, "righe rifiutate", "rows refused")
    );
    for c in &r.columns {
        let to = c.field.unwrap_or_else(|| t(lang, "(non importata)", "(not imported)"));
        let _ = writeln!(out, "  {} {:?} → {to}", t(lang, "colonna", "column"), c.header);
    }
    for row in &r.refused {
        let _ = writeln!(out, "  {} {}: {}", t(lang, "riga", "line"), row.line, row.message(lang));
    }
    out
}

/// Operator hours as a table: operator, service, appointments held, hours.
pub fn hours_table(rows: &[super::caseload::Hours], lang: Lang) -> String {
    let header = [t(lang, "operatore", "operator"), t(lang, "servizio", "service"), t(lang, "erogati", "held"), t(lang, "ore", "hours")];
    let body = rows.iter().map(|h| {
        vec![
            h.operator.clone().unwrap_or_default(),
            h.service.label(lang).to_owned(),
            h.held.to_string(),
            format!("{:.1}", h.minutes as f64 / 60.0),
        ]
    });
    table(&header, body, rows.len() as u64, rows.len(), lang)
}
