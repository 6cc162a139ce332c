//! Everything a report says in words, in Italian and English: titles, column labels, row
//! labels that are not the caseload's own words, and the notes that define each figure.

use crate::lang::Lang;

/// Every column and headline figure: name, Italian, English.
const LABELS: &[(&str, &str, &str)] = &[
    ("value", "Valore", "Value"),
    ("taken_in_charge", "Persone prese in carico", "People taken in charge"),
    ("assigned_by_cpi", "Inviate dal CPI", "Assigned by the CPI"),
    ("activated", "Percorsi attivati", "Paths activated"),
    ("concluded", "Conclusi", "Concluded"),
    ("ongoing", "In corso", "Ongoing"),
    ("closed_otherwise", "Chiusi altrimenti", "Closed otherwise"),
    ("open_at_month_end", "Aperti a fine mese", "Open at month end"),
    ("open_at_end", "Percorsi aperti a fine periodo (tutti)", "Paths open at the period's end (all)"),
    ("appointments_held", "Incontri erogati", "Appointments held"),
    ("no_shows", "Assenze", "No-shows"),
    ("operator_hours", "Ore operatore", "Operator hours"),
    ("outcomes", "Esiti", "Outcomes"),
    ("people_with_outcome", "Persone con almeno un esito", "People with at least one outcome"),
    ("contracts", "Contratti", "Contracts"),
    ("contracts_over_six_months", "Contratti oltre sei mesi", "Contracts over six months"),
    ("over_six_months", "Di cui oltre sei mesi", "Of which over six months"),
    ("tirocini", "Tirocini avviati", "Traineeships started"),
    ("training", "Formazioni avviate", "Training started"),
    ("with_contract", "Persone con un contratto", "People with a contract"),
    ("people", "Persone", "People"),
    (
        "people_specialist_guidance",
        "Persone con almeno un orientamento specialistico",
        "People with at least one specialist guidance session",
    ),
    ("people_training_service", "Persone con almeno un incontro di formazione", "People with at least one training session"),
    ("days_to_first_outcome", "Giorni mediani dalla presa in carico al primo esito", "Median days from taking in charge to first outcome"),
    ("people_first_outcome", "Persone al primo esito", "People at their first outcome"),
    ("share_in_territory", "Persone residenti nei comuni della convenzione", "People living in the convention's comuni"),
];

/// The label of a column or headline figure.
pub fn label(name: &str, lang: Lang) -> String {
    LABELS.iter().find(|l| l.0 == name).map_or(name, |l| lang.pick(l.1, l.2)).to_owned()
}

/// Every table: name, title and key label in Italian, then in English.
const TABLES: &[(&str, &str, &str, &str, &str)] = &[
    ("headline", "Cifre principali", "Cifra", "Headline figures", "Figure"),
    ("by_month", "Per mese", "Mese", "By month", "Month"),
    ("by_kind", "Per tipo di percorso", "Percorso", "By kind of path", "Path"),
    ("by_desk", "Per sportello", "Sportello", "By desk", "Desk"),
    ("by_comune", "Per comune di residenza", "Comune", "By comune of residence", "Comune"),
    ("by_sex", "Per sesso", "Sesso", "By sex", "Sex"),
    ("by_age", "Per età", "Età", "By age", "Age"),
    ("by_target", "Per gruppo di destinatari", "Destinatari", "By target group", "Target group"),
    ("services", "Incontri per servizio", "Servizio", "Appointments by service", "Service"),
    ("outcomes", "Esiti", "Esito", "Outcomes", "Outcome"),
];

/// A table's title and the label of its rows' key.
pub fn table(name: &str, lang: Lang) -> (String, String) {
    TABLES.iter().find(|t| t.0 == name).map_or((name.to_owned(), String::new()), |t| {
        if lang == Lang::It { (t.1.to_owned(), t.2.to_owned()) } else { (t.3.to_owned(), t.4.to_owned()) }
    })
}

/// A table's note, if it has one.
pub fn note(name: &str, lang: Lang) -> Option<String> {
    let (it, en) = match name {
        "by_month" => (
            "Persone e percorsi contati nel mese della loro attivazione; lo stato è quello alla fine del periodo. «Aperti a fine mese» conta tutti i percorsi aperti, anche quelli attivati prima del periodo.",
            "People and paths counted in the month they were activated; the state is the one at the period's end. \"Open at month end\" counts every open path, those activated before the period too.",
        ),
        "by_kind" => (
            "Percorsi attivati nel periodo. Il loro stato per tipo non è mostrato: accanto al totale del tipo lascerebbe ricavare i piccoli numeri (lo mostrano le tabelle per mese e per sportello).",
            "Paths activated in the period. Their state is not split by kind: beside the kind's total it would give small numbers away (the tables by month and by desk split it).",
        ),
        "by_desk" => (
            "Percorsi attivati nel periodo, con il loro stato alla fine del periodo.",
            "Paths activated in the period, with their state at the period's end.",
        ),
        "by_comune" | "by_sex" | "by_age" => (
            "Persone prese in carico nel periodo e persone con un contratto iniziato nel periodo. L'età è quella compiuta nell'anno di fine periodo.",
            "People taken in charge in the period, and people with a contract that started in it. Age is the age reached in the period's last year.",
        ),
        "by_target" => (
            "Percorsi attivati nel periodo con ciascun gruppo; un percorso può averne più di uno, le righe non si sommano.",
            "Paths activated in the period with each group; a path may have several, the rows do not add up.",
        ),
        "services" => (
            "Incontri del periodo; le ore sono quelle effettive, o previste se non registrate.",
            "Appointments of the period; hours are the actual ones, or the expected ones if none were recorded.",
        ),
        "outcomes" => ("Esiti iniziati nel periodo.", "Outcomes that started in the period."),
        _ => return None,
    };
    Some(lang.pick(it, en).to_owned())
}

/// The notes at the end of a report: definitions and the small-count rule, and first, if
/// the period ends with the current month, that its figures are partial.
pub fn notes(lang: Lang, current_month: bool) -> Vec<String> {
    let pairs: [(&str, &str); 5] = [
        (
            "Persone prese in carico: persone con almeno un percorso attivato (proposto con il patto di servizio) nel periodo; ciascuna è contata una volta, nel mese e nello sportello del suo primo percorso del periodo. Inviate dal CPI: quelle fra loro arrivate su invio del Centro per l'impiego.",
            "People taken in charge: people with at least one path activated (proposed with the patto di servizio) in the period; each is counted once, in the month and at the desk of their first path of the period. Assigned by the CPI: those of them sent by the Centro per l'impiego.",
        ),
        (
            "Percorsi attivati = conclusi + in corso + chiusi altrimenti (abbandonati, rifiutati o annullati), secondo lo stato alla fine del periodo; un percorso sospeso è in corso.",
            "Paths activated = concluded + ongoing + closed otherwise (abandoned, refused or cancelled), by their state at the period's end; a suspended path is ongoing.",
        ),
        (
            "Tempo al primo esito: giorni fra l'attivazione del primo percorso di una persona e l'inizio del suo primo esito (contratto, tirocinio o formazione), per le persone il cui primo esito è iniziato nel periodo; restano fuori le persone senza percorso e quelle il cui esito precede il primo percorso.",
            "Time to first outcome: days from the activation of a person's first path to the start of their first outcome (contract, traineeship or training), for the people whose first outcome started in the period; people without a path, and those whose outcome came before their first path, are left out.",
        ),
        (
            "Tutela dei piccoli numeri: nelle tabelle per caratteristiche delle persone (comune, sesso, età, gruppo di destinatari, tipo di percorso) un conteggio di 1 o 2 è mostrato come «<3»; perché non lo si possa ricavare dal totale, in ogni colonna è nascosto («*») anche il conteggio più piccolo che lascia incerto ogni «<3» (che potrebbe valere 1 o 2). Se le persone sono troppo poche per riuscirci, la colonna è nascosta per intero, o la tabella se lo sono tutte. Lo zero è mostrato. La mediana dei giorni al primo esito non è mostrata per meno di 3 persone.",
            "Small numbers are protected: in the tables by people's characteristics (comune, sex, age, target group, kind of path) a count of 1 or 2 is shown as \"<3\"; so that it cannot be worked out from the total, in every column the smallest count that leaves every \"<3\" uncertain (it could be 1 or 2) is hidden too (\"*\"). Where there are too few people for that, the whole column is hidden, or the table if every column is. Zero is shown. The median days to a first outcome is not shown for fewer than 3 people.",
        ),
        (
            "Fonte: il database degli sportelli (Sportello). Sesso ed età vengono da quanto dichiarato dalla persona o dal codice fiscale; chi non li ha è contato come «non indicato».",
            "Source: the desks' database (Sportello). Sex and age come from what the person stated or from the codice fiscale; people without them are counted as \"not stated\".",
        ),
    ];
    let partial = current_month.then(|| {
        lang.pick(
            "L'ultimo mese del periodo è quello in corso: le sue cifre sono parziali, e «in corso» vuol dire a oggi.",
            "The period's last month is the current one: its figures are partial, and \"ongoing\" means as of today.",
        )
    });
    partial.into_iter().chain(pairs.iter().map(|(it, en)| lang.pick(it, en))).map(str::to_owned).collect()
}

/// The note of a table withheld whole.
pub fn withheld_whole(lang: Lang) -> &'static str {
    lang.pick(
        "Tabella non mostrata: le persone sono troppo poche perché i piccoli numeri restino protetti.",
        "Table not shown: there are too few people for the small numbers to stay protected.",
    )
}

/// "Total".
pub fn total(lang: Lang) -> &'static str {
    lang.pick("Totale", "Total")
}

/// "Not stated", for a person without a comune, sex or age.
pub fn not_stated(lang: Lang) -> &'static str {
    lang.pick("non indicato", "not stated")
}

/// The age bands: key, lowest age, label.
pub const AGE_BANDS: [(&str, u16, &str, &str); 5] = [
    ("under_25", 0, "meno di 25 anni", "under 25"),
    ("25_29", 25, "25–29 anni", "25–29"),
    ("30_44", 30, "30–44 anni", "30–44"),
    ("45_54", 45, "45–54 anni", "45–54"),
    ("55_over", 55, "55 anni e oltre", "55 and over"),
];
