//! A person's file: who they are, their CV, paths with their events as a timeline,
//! appointments, outcomes, notes, privacy acknowledgements and consents, and who opened
//! the file. Every change is a form here (see [`super::changes`]); a refused one comes
//! back to this page with the values typed and the core's problem beside its field.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::export::AuditEntry;
use sportello::desk::rules::allowed_events;
use sportello::desk::{
    Access, AcknowledgedBy, AppointmentState, Channel, ConsentKind, Operator, OutcomeKind, PathKind, PersonFile, Service, Visibility,
};
use sportello::lang::Lang;
use sportello::model::ContractType;

use crate::serve::html::{Form, Frame, Nav, Sent, choices, esc, t, table};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared};

/// The templates a CV can be downloaded in.
pub const CV_TEMPLATES: &[&str] = &["europass", "modern", "plain"];

/// `GET /persone/{id}`.
pub async fn page(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    let lang = auth.lang;
    show(&state, &auth, id, None).await.unwrap_or_else(|p| p.page(lang))
}

/// The file of person `id` for `auth`, with a refused form's values if any (answered with
/// the refusal's status).
pub async fn show(state: &Shared, auth: &Auth, id: i64, sent: Option<(Sent, StatusCode)>) -> Result<Response, Problem> {
    let account = auth.account.clone();
    let (file, openings, operators, notice, shares) = state
        .desk(move |d| {
            d.authorize(&account, id, Access::Read)?;
            let file = d.person_file(&account.reader(), id)?;
            let openings = d.openings(id, 20)?;
            let operators = d.operators()?;
            let notice = d.setting("privacy_notice")?.unwrap_or_else(|| "1".to_owned());
            let shares = Shares {
                with: d.shared_with(id)?,
                can_change: d.allowed(&account, id, Access::Change)?,
                can_share: account.check_change(&file.person.desk).is_ok(),
                others: d.accounts()?.into_iter().filter(|a| !a.sees_desk(&file.person.desk)).map(|a| a.username).collect(),
            };
            Ok((file, openings, operators, notice, shares))
        })
        .await?;
    let (sent, status) = sent.map_or((None, StatusCode::OK), |(s, st)| (Some(s), st));
    let view = View {
        auth,
        file: &file,
        sent: sent.as_ref(),
        operators: &operators,
        lang: auth.lang,
        widget: state.widget.is_some(),
        shares: &shares,
    };
    let mut body = String::new();
    // A refusal from a form that is not on this page (a proposal from the matches page).
    if let Some(s) = sent.as_ref().filter(|s| !s.form.is_empty() && !body_has_form(&file, &s.form)) {
        let _ = write!(body, "<p class=\"problem\" role=\"alert\">{}</p>", esc(&s.message));
    }
    body.push_str(&view.summary());
    body.push_str(&view.cv());
    body.push_str(&view.paths());
    body.push_str(&view.appointments());
    body.push_str(&view.outcomes());
    body.push_str(&view.notes());
    body.push_str(&view.privacy(&notice));
    body.push_str(&openings_section(&openings, auth.lang));
    let title = format!("{} {}", file.person.given_name, file.person.family_name);
    let here = format!("/persone/{id}");
    let frame =
        Frame { lang: auth.lang, title: &title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Caseload, here: &here };
    Ok((status, Html(frame.render(&body))).into_response())
}

/// Whether the file page has a form called `name` (else its refusal is shown on top).
fn body_has_form(file: &PersonFile, name: &str) -> bool {
    const FIXED: &[&str] = &["profile", "path", "book", "outcome", "note", "notice", "consent", "share"];
    FIXED.contains(&name)
        || file.paths.iter().any(|p| event_form(p.id) == name)
        || file.appointments.iter().any(|a| close_form(a.id) == name || move_form(a.id) == name)
}

/// The parts of the page.
struct View<'a> {
    auth: &'a Auth,
    file: &'a PersonFile,
    sent: Option<&'a Sent>,
    operators: &'a [Operator],
    lang: Lang,
    /// The jobseekers' editor is served (the CV can be written in it).
    widget: bool,
    shares: &'a Shares,
}

/// Who else the file is shared with, and what this reader may do with it.
struct Shares {
    /// Accounts of other desks it is shared with.
    with: Vec<String>,
    /// The reader may change the file (their desk's, or shared with them, and not read-only).
    can_change: bool,
    /// The reader may share it (an account of the person's own desk, or a coordinator).
    can_share: bool,
    /// Accounts of other desks, to share with.
    others: Vec<String>,
}

impl View<'_> {
    fn id(&self) -> i64 {
        self.file.person.id
    }

    fn can_change(&self) -> bool {
        self.shares.can_change
    }

    fn form<'b>(&'b self, name: &'b str, action: &str) -> Form<'b> {
        Form::new(name, action, &self.auth.csrf, self.sent, self.lang)
    }

    fn summary(&self) -> String {
        let (p, lang) = (&self.file.person, self.lang);
        let mut h = format!(
            "<section id=\"s-who\" aria-labelledby=\"h-who\"><h2 id=\"h-who\">{}</h2><dl class=\"facts\">",
            t(lang, "Dati", "Details")
        );
        let mut fact = |k: &str, v: &str| {
            let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
        };
        fact(t(lang, "Numero", "Number"), &p.id.to_string());
        fact(t(lang, "Codice fiscale", "Tax code"), p.codice_fiscale.as_deref().unwrap_or("—"));
        fact(t(lang, "Comune", "Comune"), p.comune.as_deref().unwrap_or("—"));
        fact(t(lang, "Sportello", "Desk"), &p.desk);
        fact(t(lang, "Case manager", "Case manager"), p.case_manager.as_deref().unwrap_or("—"));
        fact(
            t(lang, "Arrivo", "Arrival"),
            &format!("{} {}", p.arrival.label(lang), p.arrival_date.map(|d| d.to_string()).unwrap_or_default()),
        );
        h.push_str("</dl>");
        if self.file.withheld > 0 {
            let _ = write!(
                h,
                "<p class=\"note\">{} {}</p>",
                self.file.withheld,
                t(
                    lang,
                    "dati sensibili non mostrati a questo account (ci sono).",
                    "sensitive items not shown to this account (they exist)."
                )
            );
        }
        if !self.shares.with.is_empty() {
            let _ = write!(h, "<p>{} {}</p>", t(lang, "Condivisa con:", "Shared with:"), esc(&self.shares.with.join(", ")));
        }
        if self.shares.can_share && !self.shares.others.is_empty() {
            let accounts: Vec<(String, String)> = self.shares.others.iter().map(|a| (a.clone(), a.clone())).collect();
            let how = [
                ("1".to_owned(), t(lang, "condividi", "share").to_owned()),
                ("0".to_owned(), t(lang, "smetti di condividere", "stop sharing").to_owned()),
            ];
            let form = self
                .form("share", &format!("/persone/{}/condivisioni", self.id()))
                .select("account", t(lang, "Account di un altro sportello", "Account of another desk"), &accounts, "")
                .select("share", t(lang, "Condividi o smetti", "Share or stop"), &how, "1");
            let _ = write!(
                h,
                "<details><summary>{}</summary>{}</details>",
                t(lang, "Condividi con un altro sportello", "Share with another desk"),
                form.submit(t(lang, "Salva", "Save"))
            );
        }
        let _ = write!(
            h,
            "<p><a href=\"/persone/{}/offerte\">{}</a></p></section>",
            self.id(),
            t(lang, "Offerte adatte a questa persona", "Vacancies for this person")
        );
        h
    }

    fn cv(&self) -> String {
        let (profile, lang, id) = (&self.file.profile, self.lang, self.id());
        let mut h =
            format!("<section id=\"s-cv\" aria-labelledby=\"h-cv\"><h2 id=\"h-cv\">{}</h2>", t(lang, "Profilo e CV", "Profile and CV"));
        if let Some(headline) = &profile.headline {
            let _ = write!(h, "<p>{}</p>", esc(headline));
        }
        let skills: Vec<String> = profile.skills.iter().map(|s| esc(&s.label)).collect();
        let _ = write!(
            h,
            "<p>{}: {}</p><p>{}: {}</p>",
            t(lang, "Competenze", "Skills"),
            if skills.is_empty() { "—".to_owned() } else { skills.join(", ") },
            t(lang, "Esperienze", "Work entries"),
            profile.work.len()
        );
        h.push_str("<ul class=\"downloads\">");
        for tpl in CV_TEMPLATES {
            let _ = write!(
                h,
                "<li><a href=\"/persone/{id}/cv.pdf?modello={tpl}\" download>{} ({tpl}, PDF)</a></li>",
                t(lang, "Scarica il CV", "Download the CV")
            );
        }
        h.push_str("</ul>");
        if self.can_change() && self.widget {
            let _ = write!(
                h,
                "<p><a class=\"button\" href=\"/persone/{id}/cv\">{}</a></p>",
                t(lang, "Scrivi il CV con l'editor", "Write the CV in the editor")
            );
        }
        if self.can_change() {
            let json = serde_json::to_string_pretty(profile).unwrap_or_default();
            let form = self
                .form("profile", &format!("/persone/{id}/profilo"))
                .hidden("version", &self.file.person.version.to_string())
                .textarea("profile", t(lang, "Profilo (JSON o YAML)", "Profile (JSON or YAML)"), &json);
            let _ = write!(
                h,
                "<details><summary>{}</summary>{}</details>",
                t(lang, "Modifica il profilo", "Edit the profile"),
                form.submit(t(lang, "Salva il profilo", "Save the profile"))
            );
        }
        h.push_str("</section>");
        h
    }

    fn paths(&self) -> String {
        let (lang, id) = (self.lang, self.id());
        let mut h = format!("<section id=\"s-paths\" aria-labelledby=\"h-paths\"><h2 id=\"h-paths\">{}</h2>", t(lang, "Percorsi", "Paths"));
        if self.file.paths.is_empty() {
            let _ = write!(h, "<p class=\"empty\">{}</p>", t(lang, "Nessun percorso.", "No paths."));
        }
        for p in &self.file.paths {
            let targets: Vec<&str> = p.targets.iter().map(|x| x.label(lang)).collect();
            let _ = write!(
                h,
                "<article class=\"path\" aria-labelledby=\"path-{pid}\"><h3 id=\"path-{pid}\">{kind} — <span class=\"state\">{state}</span></h3><p>{} {}{}{}</p><ol class=\"timeline\">",
                t(lang, "Proposto il", "Proposed on"),
                p.proposed_on,
                if p.gol_funded { t(lang, " · finanziato GOL", " · GOL funded") } else { "" },
                if targets.is_empty() { String::new() } else { format!(" · {}", esc(&targets.join(", "))) },
                pid = p.id,
                kind = p.kind.label(lang),
                state = p.state.label(lang),
            );
            for e in &p.events {
                let _ = write!(
                    h,
                    "<li><time datetime=\"{on}\">{on}</time> {} <span class=\"by\">({})</span>{}</li>",
                    e.kind.label(lang),
                    esc(&e.recorded_by),
                    e.note.as_deref().map(|n| format!(" — {}", esc(n))).unwrap_or_default(),
                    on = e.on,
                );
            }
            h.push_str("</ol>");
            let next = allowed_events(p.state);
            if self.can_change() && !next.is_empty() {
                let options = choices(next, |e| e.as_str(), |e| e.label(lang), None);
                let name = event_form(p.id);
                let form = self
                    .form(&name, &format!("/percorsi/{}/eventi", p.id))
                    .hidden("version", &p.version.to_string())
                    .hidden("person", &id.to_string())
                    .select("event", t(lang, "Evento", "Event"), &options, "")
                    .input("on", t(lang, "Data", "Date"), "date", &self.auth_today(), true)
                    .input("note", t(lang, "Nota", "Remark"), "text", "", false);
                h.push_str(&form.submit(t(lang, "Registra l'evento", "Record the event")));
            }
            h.push_str("</article>");
        }
        if self.can_change() {
            let kinds: Vec<PathKind> = PathKind::ALL.iter().copied().filter(|k| self.auth.account.sensitive || !k.is_protected()).collect();
            let form = self
                .form("path", &format!("/persone/{id}/percorsi"))
                .select(
                    "kind",
                    t(lang, "Tipo di percorso", "Kind of path"),
                    &choices(&kinds, |k| k.as_str(), |k| k.label(lang), None),
                    "gol_1",
                )
                .input("proposed_on", t(lang, "Proposto il", "Proposed on"), "date", &self.auth_today(), true)
                .checkbox("gol_funded", t(lang, "Finanziato GOL", "GOL funded"), true);
            let _ = write!(
                h,
                "<details><summary>{}</summary>{}</details>",
                t(lang, "Apri un percorso", "Open a path"),
                form.submit(t(lang, "Apri il percorso", "Open the path"))
            );
        }
        h.push_str("</section>");
        h
    }

    fn auth_today(&self) -> String {
        crate::serve::state::today().to_string()
    }

    fn appointments(&self) -> String {
        let (lang, id) = (self.lang, self.id());
        let mut h = format!(
            "<section id=\"s-appointments\" aria-labelledby=\"h-appointments\"><h2 id=\"h-appointments\">{}</h2>",
            t(lang, "Appuntamenti", "Appointments")
        );
        let rows: Vec<Vec<String>> = self
            .file
            .appointments
            .iter()
            .map(|a| {
                let mut actions = String::new();
                if a.state == AppointmentState::ToDeliver {
                    let _ = write!(
                        actions,
                        "<a href=\"/persone/{id}/lettera?tipo=appuntamento&amp;appuntamento={n}\" download>{}</a> <a href=\"/persone/{id}/lettera?tipo=promemoria&amp;appuntamento={n}\" download>{}</a>",
                        t(lang, "Lettera", "Letter"),
                        t(lang, "Promemoria", "Reminder"),
                        n = a.id,
                    );
                }
                if self.can_change() && a.state == AppointmentState::ToDeliver {
                    let (close, moving) = (close_form(a.id), move_form(a.id));
                    let closing = [
                        AppointmentState::Delivered,
                        AppointmentState::NoShow,
                        AppointmentState::CancelledByPerson,
                        AppointmentState::CancelledByOperator,
                    ];
                    actions.push_str(
                        &self
                            .form(&close, &format!("/appuntamenti/{}/chiudi", a.id))
                            .hidden("version", &a.version.to_string())
                            .hidden("person", &id.to_string())
                            .select(
                                "state",
                                t(lang, "Esito", "Result"),
                                &choices(&closing, |s| s.as_str(), |s| s.label(lang), None),
                                "erogato",
                            )
                            .input(
                                "actual_minutes",
                                t(lang, "Durata effettiva (minuti)", "Actual minutes"),
                                "number",
                                &a.expected_minutes.to_string(),
                                false,
                            )
                            .submit(t(lang, "Registra", "Record")),
                    );
                    actions.push_str(
                        &self
                            .form(&moving, &format!("/appuntamenti/{}/sposta", a.id))
                            .hidden("version", &a.version.to_string())
                            .hidden("person", &id.to_string())
                            .input("on", t(lang, "Nuovo giorno", "New day"), "date", "", true)
                            .input("at", t(lang, "Ora", "Time"), "time", "", false)
                            .submit(t(lang, "Sposta", "Move")),
                    );
                }
                vec![
                    format!("{} {}", a.on, a.at.map(|x| x.to_string()).unwrap_or_default()),
                    esc(a.service.label(lang)),
                    esc(a.channel.label(lang)),
                    format!("<span class=\"state\">{}</span>", esc(a.state.label(lang))),
                    a.actual_minutes.map_or_else(|| format!("({})", a.expected_minutes), |m| m.to_string()),
                    esc(a.operator.as_deref().unwrap_or("—")),
                    actions,
                ]
            })
            .collect();
        let head = [
            t(lang, "Quando", "When"),
            t(lang, "Servizio", "Service"),
            t(lang, "Canale", "Channel"),
            t(lang, "Stato", "State"),
            t(lang, "Minuti", "Minutes"),
            t(lang, "Operatore", "Operator"),
            t(lang, "Azioni", "Actions"),
        ];
        h.push_str(&table(
            t(lang, "Appuntamenti, dal più recente", "Appointments, newest first"),
            &head,
            &rows,
            t(lang, "Nessun appuntamento.", "No appointments."),
        ));
        if self.can_change() {
            let paths: Vec<(String, String)> = std::iter::once((String::new(), t(lang, "(nessuno)", "(none)").to_owned()))
                .chain(
                    self.file
                        .paths
                        .iter()
                        .filter(|p| !p.state.is_closed())
                        .map(|p| (p.id.to_string(), format!("{} ({})", p.kind.label(lang), p.id))),
                )
                .collect();
            let operators: Vec<(String, String)> =
                std::iter::once((String::new(), t(lang, "(il case manager)", "(the case manager)").to_owned()))
                    .chain(self.operators.iter().filter(|o| o.desk == self.file.person.desk).map(|o| (o.username.clone(), o.name.clone())))
                    .collect();
            let form = self
                .form("book", &format!("/persone/{id}/appuntamenti"))
                .select("service", t(lang, "Servizio", "Service"), &choices(Service::ALL, |s| s.as_str(), |s| s.label(lang), None), "")
                .select("channel", t(lang, "Canale", "Channel"), &choices(Channel::ALL, |s| s.as_str(), |s| s.label(lang), None), "")
                .input("on", t(lang, "Giorno", "Day"), "date", &self.auth_today(), true)
                .input("at", t(lang, "Ora", "Time"), "time", "", false)
                .input("expected_minutes", t(lang, "Durata prevista (minuti)", "Expected minutes"), "number", "60", true)
                .select("path", t(lang, "Percorso", "Path"), &paths, "")
                .select("operator", t(lang, "Operatore", "Operator"), &operators, "");
            let _ = write!(
                h,
                "<details><summary>{}</summary>{}</details>",
                t(lang, "Prenota un appuntamento", "Book an appointment"),
                form.submit(t(lang, "Prenota", "Book"))
            );
        }
        h.push_str("</section>");
        h
    }

    fn outcomes(&self) -> String {
        let (lang, id) = (self.lang, self.id());
        let mut h = format!(
            "<section id=\"s-outcomes\" aria-labelledby=\"h-outcomes\"><h2 id=\"h-outcomes\">{}</h2>",
            t(lang, "Esiti", "Outcomes")
        );
        let rows: Vec<Vec<String>> = self
            .file
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    o.start_on.to_string(),
                    esc(o.kind.label(lang)),
                    esc(&o.contract.map(|c| c.to_string()).unwrap_or_default()),
                    o.planned_months.map_or_else(|| "—".to_owned(), |m| m.to_string()),
                    esc(o.employer.as_deref().unwrap_or("—")),
                ]
            })
            .collect();
        let head = [
            t(lang, "Inizio", "Start"),
            t(lang, "Esito", "Outcome"),
            t(lang, "Contratto", "Contract"),
            t(lang, "Mesi", "Months"),
            t(lang, "Datore di lavoro", "Employer"),
        ];
        h.push_str(&table(t(lang, "Esiti", "Outcomes"), &head, &rows, t(lang, "Nessun esito.", "No outcomes.")));
        if !self.file.outcomes.is_empty() {
            let _ = write!(
                h,
                "<p><a href=\"/persone/{id}/lettera?tipo=esito\" download>{}</a></p>",
                t(lang, "Lettera sull'ultimo esito (PDF)", "Letter on the latest outcome (PDF)")
            );
        }
        if self.can_change() {
            let contracts = choices(ContractType::ALL, |c| c.code(), |c| c.code(), Some("—"));
            let paths: Vec<(String, String)> = std::iter::once((String::new(), t(lang, "(nessuno)", "(none)").to_owned()))
                .chain(self.file.paths.iter().map(|p| (p.id.to_string(), format!("{} ({})", p.kind.label(lang), p.id))))
                .collect();
            let form = self
                .form("outcome", &format!("/persone/{id}/esiti"))
                .select("kind", t(lang, "Esito", "Outcome"), &choices(OutcomeKind::ALL, |k| k.as_str(), |k| k.label(lang), None), "")
                .select("contract", t(lang, "Tipo di contratto", "Contract type"), &contracts, "")
                .input("start_on", t(lang, "Inizio", "Start"), "date", &self.auth_today(), true)
                .input(
                    "planned_months",
                    t(lang, "Durata prevista (mesi; vuoto: indeterminato)", "Planned months (empty: open-ended)"),
                    "number",
                    "",
                    false,
                )
                .input("employer", t(lang, "Datore di lavoro o ente", "Employer or body"), "text", "", false)
                .input("vacancy", t(lang, "Offerta (se da un abbinamento)", "Vacancy (if from a match)"), "text", "", false)
                .select("path", t(lang, "Percorso", "Path"), &paths, "");
            let _ = write!(
                h,
                "<details><summary>{}</summary>{}</details>",
                t(lang, "Registra un esito", "Record an outcome"),
                form.submit(t(lang, "Registra l'esito", "Record the outcome"))
            );
        }
        h.push_str("</section>");
        h
    }

    fn notes(&self) -> String {
        let (lang, id) = (self.lang, self.id());
        let mut h = format!(
            "<section id=\"s-notes\" aria-labelledby=\"h-notes\"><h2 id=\"h-notes\">{}</h2><ul class=\"notes\">",
            t(lang, "Note", "Notes")
        );
        for n in &self.file.notes {
            let _ = write!(
                h,
                "<li><p>{}</p><p class=\"by\">{} · {} · {}</p></li>",
                esc(&n.text),
                esc(&n.author),
                n.written_on,
                n.visibility.label(lang)
            );
        }
        h.push_str("</ul>");
        if self.can_change() {
            let form = self
                .form("note", &format!("/persone/{id}/note"))
                .textarea("text", t(lang, "Testo", "Text"), "")
                .select(
                    "visibility",
                    t(lang, "Chi la legge", "Who reads it"),
                    &choices(Visibility::ALL, |v| v.as_str(), |v| v.label(lang), None),
                    "",
                )
                .input("expires_on", t(lang, "Nascondi dopo il", "Hide after"), "date", "", false);
            h.push_str(&form.submit(t(lang, "Aggiungi la nota", "Add the note")));
        }
        h.push_str("</section>");
        h
    }

    fn privacy(&self, notice: &str) -> String {
        let (lang, id) = (self.lang, self.id());
        let mut h = format!(
            "<section id=\"s-privacy\" aria-labelledby=\"h-privacy\"><h2 id=\"h-privacy\">{}</h2><ul>",
            t(lang, "Informativa e consensi", "Privacy notice and consents")
        );
        for a in &self.file.acknowledgements {
            let _ = write!(
                h,
                "<li>{} {} · {} · {}</li>",
                t(lang, "Informativa versione", "Notice version"),
                esc(&a.notice_version),
                a.on,
                a.by.label(lang)
            );
        }
        for c in &self.file.consents {
            let state = c
                .withdrawn_on
                .map_or_else(|| t(lang, "in vigore", "in force").to_owned(), |w| format!("{} {w}", t(lang, "revocato il", "withdrawn on")));
            let _ = write!(h, "<li>{} · {} {} · {state}</li>", c.kind.label(lang), t(lang, "dato il", "given on"), c.granted_on);
        }
        h.push_str("</ul>");
        if self.can_change() {
            let ack = self
                .form("notice", &format!("/persone/{id}/informativa"))
                .input("notice_version", t(lang, "Versione dell'informativa", "Notice version"), "text", notice, true)
                .input("on", t(lang, "Data", "Date"), "date", &self.auth_today(), true)
                .select(
                    "by",
                    t(lang, "Presa visione da", "Acknowledged by"),
                    &choices(AcknowledgedBy::ALL, |v| v.as_str(), |v| v.label(lang), None),
                    "",
                )
                .input("by_name", t(lang, "Nome del delegato o genitore", "Delegate's or parent's name"), "text", "", false);
            h.push_str(&ack.submit(t(lang, "Registra la presa visione", "Record the acknowledgement")));
            let grants =
                [("1".to_owned(), t(lang, "dato", "given").to_owned()), ("0".to_owned(), t(lang, "revocato", "withdrawn").to_owned())];
            let consent = self
                .form("consent", &format!("/persone/{id}/consensi"))
                .select("kind", t(lang, "Consenso", "Consent"), &choices(ConsentKind::ALL, |v| v.as_str(), |v| v.label(lang), None), "")
                .select("grant", t(lang, "Dato o revocato", "Given or withdrawn"), &grants, "1")
                .input("on", t(lang, "Data", "Date"), "date", &self.auth_today(), true);
            h.push_str(&consent.submit(t(lang, "Registra il consenso", "Record the consent")));
        }
        h.push_str("</section>");
        h
    }
}

/// The name of the event form of path `id` (each path has its own).
pub fn event_form(id: i64) -> String {
    format!("event-{id}")
}

/// The name of the closing form of appointment `id`.
pub fn close_form(id: i64) -> String {
    format!("close-{id}")
}

/// The name of the moving form of appointment `id`.
pub fn move_form(id: i64) -> String {
    format!("move-{id}")
}

fn openings_section(entries: &[AuditEntry], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let what = match e.action.as_str() {
                "open" => t(lang, "ha aperto la scheda", "opened the file"),
                "export" => t(lang, "ha esportato i dati", "exported the data"),
                _ => t(lang, "accesso rifiutato", "access refused"),
            };
            vec![esc(&e.at), esc(&e.actor), what.to_owned()]
        })
        .collect();
    format!(
        "<section id=\"s-audit\" aria-labelledby=\"h-audit\"><h2 id=\"h-audit\">{}</h2>{}</section>",
        t(lang, "Chi ha aperto la scheda", "Who opened this file"),
        table(
            t(lang, "Le ultime 20 aperture", "The last 20 openings"),
            &[t(lang, "Quando (UTC)", "When (UTC)"), t(lang, "Chi", "Who"), t(lang, "Cosa", "What")],
            &rows,
            "—"
        )
    )
}
