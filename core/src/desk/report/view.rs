//! A report as the Typst template reads it (`templates/desk/report.typ` and
//! `report-charts.typ`, as `/data.json`): every figure already written in the report's
//! language, the charts' series, the tables as rows of text. Nothing is worded in the
//! template, and user text (desk and comune names) reaches Typst only as this data.

use serde_json::{Value, json};

use super::figure::Figure;
use super::table::Table;
use super::{Report, words};
use crate::lang::Lang;

/// The headline figures shown as big numbers, with the figure shown under each as detail.
const BIG: [(&str, Option<&str>); 17] = [
    ("taken_in_charge", None),
    ("assigned_by_cpi", None),
    ("activated", None),
    ("concluded", None),
    ("ongoing", None),
    ("closed_otherwise", None),
    ("open_at_end", None),
    ("appointments_held", None),
    ("no_shows", None),
    ("operator_hours", None),
    ("people_specialist_guidance", None),
    ("people_training_service", None),
    ("people_with_outcome", None),
    ("contracts", Some("contracts_over_six_months")),
    ("tirocini", None),
    ("training", None),
    ("days_to_first_outcome", Some("people_first_outcome")),
];

/// The template's data for `report`.
pub fn view(report: &Report) -> Value {
    let lang = report.lang;
    let pick = |it: &str, en: &str| lang.pick(it, en).to_owned();
    let period = format!("{} – {}", report.from.long(lang), report.to.long(lang));
    let empty = pick("Nessun dato nel periodo", "No data in the period");
    let headline = report.table("headline");
    let figure = |key: &str| headline.and_then(|t| t.figure(key, "value")).unwrap_or(Figure::Blank);
    let mut big: Vec<Value> = BIG
        .iter()
        .map(|(key, detail)| {
            let detail = detail.map(|d| match *key {
                "contracts" => format!("{} {}", pick("di cui oltre sei mesi:", "of which over six months:"), figure(d).shown(lang)),
                _ => format!("{} {}", pick("persone:", "people:"), figure(d).shown(lang)),
            });
            json!({"label": words::label(key, lang), "shown": figure(key).shown(lang), "detail": detail})
        })
        .collect();
    if figure("share_in_territory") != Figure::Blank {
        big.push(
            json!({"label": words::label("share_in_territory", lang), "shown": figure("share_in_territory").shown(lang), "detail": null}),
        );
    }
    let by_month = report.table("by_month");
    let by_kind = report.table("by_kind");
    let by_desk = report.table("by_desk");
    let months: Vec<String> = by_month
        .map_or_else(Vec::new, |t| t.rows.iter().filter_map(|r| r.key.parse::<super::Month>().ok()).map(|m| m.short(lang)).collect());
    let charts = json!({
        "by_month": series_chart(by_month, "activated", &months, chart_title(by_month, lang), &empty, lang),
        "by_kind": series_chart(by_kind, "activated", &labels(by_kind), chart_title(by_kind, lang), &empty, lang),
        "by_desk": stacked_chart(by_desk, &empty, lang),
        "open_caseload": series_chart(by_month, "open_at_month_end", &months, words::label("open_at_month_end", lang), &empty, lang),
    });
    let tables: Vec<Value> = report.tables.iter().filter(|t| t.name != "headline").map(|t| table_view(t, lang)).collect();
    json!({
        "lang": lang.as_str(),
        "title": pick("Rapporto di attività degli sportelli", "Job desks' activity report"),
        "subtitle": period,
        "scope": report.scope,
        "generated": format!(
            "{} {} {} {}",
            pick("Prodotto il", "Produced on"),
            report.generated_on.parts().2,
            super::Month::of(report.generated_on).long(lang),
            pick("da Sportello", "by Sportello")
        ),
        "protection": pick(
            "Il rapporto contiene solo conteggi. Nelle tabelle per caratteristiche delle persone i conteggi inferiori a 3 sono mostrati come «<3» e altri sono nascosti («*») perché non si possano ricavare dai totali.",
            "The report holds counts only. In the tables by people's characteristics counts under 3 are shown as \"<3\" and others are hidden (\"*\") so that they cannot be worked out from the totals.",
        ),
        "footer": format!("Sportello · {} · {}", report.scope, period),
        "words": {
            "headline": words::table("headline", lang).0,
            "charts": pick("Grafici", "Charts"),
            "tables": pick("Tabelle", "Tables"),
            "notes": pick("Note e definizioni", "Notes and definitions"),
        },
        "headline": big,
        "charts": charts,
        "tables": tables,
        "notes": report.notes,
    })
}

fn labels(t: Option<&Table>) -> Vec<String> {
    t.map_or_else(Vec::new, |t| t.rows.iter().map(|r| r.label.clone()).collect())
}

/// "Paths activated" and the table's title: "Percorsi attivati per mese".
fn chart_title(t: Option<&Table>, lang: Lang) -> String {
    format!("{} {}", words::label("activated", lang), t.map_or(String::new(), |t| t.title.to_lowercase()))
}

/// A chart's text alternative: its title, then each label with its figure.
fn alt(title: &str, labels: &[String], shown: &[String]) -> String {
    let pairs: Vec<String> = labels.iter().zip(shown).map(|(l, s)| format!("{l} {s}")).collect();
    format!("{title}: {}", pairs.join(", "))
}

/// The figures of `column` (a withheld count has no value, only its text).
fn column(t: Option<&Table>, column: &str) -> Vec<Figure> {
    t.map_or_else(Vec::new, |t| t.column(column))
}

/// One value per row of `column` (none for a withheld count) with its text.
fn series_chart(t: Option<&Table>, name: &str, labels: &[String], title: String, empty: &str, lang: Lang) -> Value {
    let cells = column(t, name);
    let values: Vec<Option<f64>> = cells.iter().map(|f| f.number()).collect();
    let shown: Vec<String> = cells.iter().map(|f| f.shown(lang)).collect();
    let alt = alt(&title, labels, &shown);
    json!({"title": title, "alt": alt, "empty": empty, "labels": labels, "values": values, "shown": shown})
}

/// The desks' paths activated, stacked by where they stand at the period's end.
fn stacked_chart(t: Option<&Table>, empty: &str, lang: Lang) -> Value {
    let title = chart_title(t, lang);
    let series: Vec<Value> = ["concluded", "ongoing", "closed_otherwise"]
        .iter()
        .map(|c| {
            let values: Vec<Option<f64>> = column(t, c).iter().map(|f| f.number()).collect();
            json!({"label": words::label(c, lang), "values": values})
        })
        .collect();
    let totals: Vec<String> = column(t, "activated").iter().map(|f| f.shown(lang)).collect();
    let labels = labels(t);
    let alt = alt(&title, &labels, &totals);
    json!({"title": title, "alt": alt, "empty": empty, "labels": labels, "series": series, "totals": totals})
}

/// A table as rows of text: the key's label first.
fn table_view(t: &Table, lang: Lang) -> Value {
    let mut columns = vec![t.key.clone()];
    columns.extend(t.columns.iter().map(|c| c.label.clone()));
    let row = |r: &super::Row| {
        let mut cells = vec![r.label.clone()];
        cells.extend(r.cells.iter().map(|f| f.shown(lang)));
        cells
    };
    json!({
        "title": t.title,
        "note": t.note,
        "columns": columns,
        "rows": t.rows.iter().map(row).collect::<Vec<_>>(),
        "total": t.total.as_ref().map(row),
    })
}
