//! `GET /rapporti`: a period's report (the core's
//! [`Desk::report`](sportello::desk::Desk::report)) with its headline figures, the charts
//! as SVG (drawn by the same Typst code as the PDF), every table and the notes;
//! `GET /rapporti/scarica`: the same report as PDF, CSV or JSON. Reports hold counts
//! only, with small counts withheld, so every account may read any desk's.

use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;
use sportello::desk::report::{Month, Report, ReportRequest, Table, to_csv, view};
use sportello::desk::{Desk, DeskInfo};
use sportello::lang::Lang;
use sportello::render::{OutputFormat, RenderRequest};

use crate::serve::html::{self, Frame, Nav, esc, percent, percent_svg, t};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, blocking, form_map, renderer, today};

/// The charts of the page, in order (as `report-charts.typ` draws them, one per page).
const CHARTS: [&str; 4] = ["by_month", "by_kind", "by_desk", "open_caseload"];

/// What the page was asked for.
struct Asked {
    from: String,
    to: String,
    desk: String,
}

impl Asked {
    /// The query's values, the twelve months before this one by default.
    fn from_query(q: Vec<(String, String)>) -> Asked {
        let mut q = form_map(q);
        let this = Month::of(today());
        Asked {
            from: q.remove("da").filter(|v| !v.trim().is_empty()).unwrap_or_else(|| this.minus(12).to_string()),
            to: q.remove("a").filter(|v| !v.trim().is_empty()).unwrap_or_else(|| this.minus(1).to_string()),
            desk: q.remove("sportello").unwrap_or_default(),
        }
    }

    /// The core's request, or the problem with the field named as on the form.
    fn request(&self, lang: Lang) -> Result<ReportRequest, Problem> {
        let month =
            |field: &str, text: &str| text.parse::<Month>().map_err(|e| Problem::bad(field, e.message(Lang::It), e.message(Lang::En)));
        let desk = Some(self.desk.trim().to_owned()).filter(|d| !d.is_empty());
        Ok(ReportRequest { from: month("da", &self.from)?, to: month("a", &self.to)?, desk, lang })
    }

    /// The query string of this request, for the download links.
    fn query(&self) -> String {
        format!("da={}&a={}&sportello={}", percent(&self.from), percent(&self.to), percent(&self.desk))
    }
}

pub async fn page(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let asked = Asked::from_query(q);
    let desks = match state.desk(|d: &mut Desk| d.desks()).await {
        Ok(d) => d,
        Err(p) => return p.page(lang),
    };
    let shown = match asked.request(lang) {
        Ok(req) => match state.desk(move |d| d.report(&req)).await {
            Ok(report) => charts(report).await,
            Err(p) => Err(p),
        },
        Err(p) => Err(p),
    };
    let mut body = form(&asked, &desks, shown.as_ref().err(), lang);
    match &shown {
        Ok(drawn) => body.push_str(&report_html(drawn, &asked, lang)),
        Err(p) if p.field.is_empty() || !["da", "a", "to", "sportello", "desk"].contains(&p.field.as_str()) => return p.page(lang),
        Err(_) => {}
    }
    let title = t(lang, "Rapporti", "Reports");
    let here = format!("/rapporti?{}", asked.query());
    let frame = Frame { lang, title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Reports, here: &here };
    let status = shown.as_ref().err().map_or(axum::http::StatusCode::OK, |p| p.status);
    (status, Html(frame.render(&body))).into_response()
}

/// A report as the page shows it.
struct Drawn {
    report: Report,
    /// Its words and figures as the Typst documents read them (the headline, the charts'
    /// titles and text alternatives).
    data: Value,
    /// The charts as SVG, one per chart (none if they could not be drawn: the figures are
    /// shown all the same).
    svgs: Vec<String>,
}

/// The report with its charts drawn.
async fn charts(report: Report) -> Result<Drawn, Problem> {
    blocking(move || {
        let data = view(&report);
        let mut req = RenderRequest::pdf("", report.lang.as_str());
        req.format = OutputFormat::Svg;
        req.today = Some(today().as_partial());
        let svgs = match renderer().render_document("report-charts", &data, &req) {
            Ok(rendered) => rendered.files.into_iter().map(|f| String::from_utf8_lossy(&f).into_owned()).collect(),
            Err(_) => Vec::new(),
        };
        Ok(Drawn { report, data, svgs })
    })
    .await
}

pub async fn download(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let format = form_map(q.clone()).remove("formato").unwrap_or_default();
    if !["pdf", "csv", "json"].contains(&format.as_str()) {
        return Problem::bad("formato", "formato sconosciuto (ammessi: pdf, csv, json)", "unknown format (expected pdf, csv or json)")
            .page(lang);
    }
    let asked = Asked::from_query(q);
    let req = match asked.request(lang) {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let report = match state.desk(move |d| d.report(&req)).await {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let name = format!("rapporto-{}-{}-{}.{format}", report.desk.as_deref().unwrap_or("rete"), report.from, report.to);
    let bytes = blocking(move || match format.as_str() {
        "csv" => Ok(("text/csv; charset=utf-8", to_csv(&report).into_bytes())),
        "json" => serde_json::to_vec_pretty(&report).map(|b| ("application/json", b)).map_err(|_| Problem::internal()),
        _ => {
            let mut req = RenderRequest::pdf("", report.lang.as_str());
            req.today = Some(today().as_partial());
            let rendered = renderer().render_document("report", &view(&report), &req).map_err(Problem::from)?;
            Ok(("application/pdf", rendered.files.into_iter().next().unwrap_or_default()))
        }
    })
    .await;
    match bytes {
        Ok((kind, bytes)) => html::download(kind, &name, bytes),
        Err(p) => p.page(lang),
    }
}

/// The form: period and desk, kept as typed, the problem beside the field it names.
fn form(asked: &Asked, desks: &[DeskInfo], problem: Option<&Problem>, lang: Lang) -> String {
    let invalid = |field: &str| {
        let on =
            problem.is_some_and(|p| p.field == field || (field == "a" && p.field == "to") || (field == "sportello" && p.field == "desk"));
        if on { " aria-invalid=\"true\" aria-describedby=\"report-problem\"" } else { "" }
    };
    let mut options = format!("<option value=\"\">{}</option>", t(lang, "Tutti gli sportelli", "Every desk"));
    for d in desks {
        let selected = if d.code == asked.desk { " selected" } else { "" };
        let _ = write!(options, "<option value=\"{}\"{selected}>{}</option>", esc(&d.code), esc(&d.name));
    }
    let problem = problem
        .map(|p| format!("<p class=\"problem\" id=\"report-problem\" role=\"alert\">{}</p>", esc(&p.message(lang))))
        .unwrap_or_default();
    format!(
        "<form method=\"get\" action=\"/rapporti\" class=\"form\" id=\"form-report\">\
         <label for=\"da\">{from}</label><input type=\"month\" id=\"da\" name=\"da\" value=\"{f}\" required{if_}>\
         <label for=\"a\">{to}</label><input type=\"month\" id=\"a\" name=\"a\" value=\"{tv}\" required{it_}>\
         <label for=\"sportello\">{desk}</label><select id=\"sportello\" name=\"sportello\"{id_}>{options}</select>\
         {problem}<button type=\"submit\">{show}</button></form>",
        from = t(lang, "Dal mese", "From month"),
        to = t(lang, "Al mese (compreso)", "To month (included)"),
        desk = t(lang, "Sportello", "Desk"),
        show = t(lang, "Mostra il rapporto", "Show the report"),
        f = esc(&asked.from),
        tv = esc(&asked.to),
        if_ = invalid("da"),
        it_ = invalid("a"),
        id_ = invalid("sportello"),
    )
}

/// The report: downloads, headline figures, charts, tables and notes.
fn report_html(drawn: &Drawn, asked: &Asked, lang: Lang) -> String {
    let Drawn { report, data, svgs } = drawn;
    let mut h = format!(
        "<section id=\"s-report\" aria-labelledby=\"h-report\"><h2 id=\"h-report\">{} · {}</h2><p class=\"by\">{}</p><p class=\"downloads\">{}",
        esc(data["subtitle"].as_str().unwrap_or_default()),
        esc(&report.scope),
        esc(data["protection"].as_str().unwrap_or_default()),
        t(lang, "Scarica:", "Download:"),
    );
    for (format, label) in [("pdf", "PDF"), ("csv", "CSV"), ("json", "JSON")] {
        let _ = write!(h, " <a href=\"/rapporti/scarica?{}&amp;formato={format}\" download>{label}</a>", esc(&asked.query()));
    }
    h.push_str("</p></section>");
    let _ = write!(
        h,
        "<section id=\"s-headline\" aria-labelledby=\"h-headline\"><h2 id=\"h-headline\">{}</h2><dl class=\"figures\">",
        esc(data["words"]["headline"].as_str().unwrap_or_default())
    );
    for f in data["headline"].as_array().into_iter().flatten() {
        let detail = f["detail"].as_str().map(|d| format!("<span class=\"by\">{}</span>", esc(d))).unwrap_or_default();
        let _ = write!(h, "<div><dt>{}</dt><dd>{}{detail}</dd></div>", esc(text(&f["label"])), esc(text(&f["shown"])));
    }
    h.push_str("</dl></section>");
    let _ =
        write!(h, "<section id=\"s-charts\" aria-labelledby=\"h-charts\"><h2 id=\"h-charts\">{}</h2>", esc(text(&data["words"]["charts"])));
    for (name, svg) in CHARTS.iter().zip(svgs) {
        let chart = &data["charts"][name];
        let _ = write!(
            h,
            "<figure class=\"chart\"><img src=\"data:image/svg+xml,{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
            esc(&percent_svg(svg)),
            esc(text(&chart["alt"])),
            esc(text(&chart["title"])),
        );
    }
    if svgs.is_empty() {
        let missing = t(
            lang,
            "I grafici non si sono potuti disegnare; le cifre sono nelle tabelle.",
            "The charts could not be drawn; the figures are in the tables.",
        );
        let _ = write!(h, "<p class=\"problem\">{missing}</p>");
    }
    h.push_str("</section>");
    let _ =
        write!(h, "<section id=\"s-tables\" aria-labelledby=\"h-tables\"><h2 id=\"h-tables\">{}</h2>", esc(text(&data["words"]["tables"])));
    for table in report.tables.iter().filter(|t| t.name != "headline") {
        h.push_str(&table_html(table, lang));
    }
    h.push_str("</section>");
    let _ = write!(h, "<section id=\"s-notes\" aria-labelledby=\"h-notes\"><h2 id=\"h-notes\">{}</h2>", esc(text(&data["words"]["notes"])));
    for n in &report.notes {
        let _ = write!(h, "<p>{}</p>", esc(n));
    }
    h.push_str("</section>");
    h
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// One table: rows headed by their label, figures right-aligned, the total in the footer.
fn table_html(table: &Table, lang: Lang) -> String {
    let mut h = format!(
        "<div class=\"scroll\" id=\"t-{}\"><table class=\"figures\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        table.name,
        esc(&table.title),
        esc(&table.key)
    );
    for c in &table.columns {
        let _ = write!(h, "<th scope=\"col\" class=\"num\">{}</th>", esc(&c.label));
    }
    h.push_str("</tr></thead><tbody>");
    let row = |r: &sportello::desk::report::Row| {
        let mut h = format!("<tr><th scope=\"row\">{}</th>", esc(&r.label));
        for f in &r.cells {
            let _ = write!(h, "<td class=\"num\">{}</td>", esc(&f.shown(lang)));
        }
        h.push_str("</tr>");
        h
    };
    for r in &table.rows {
        h.push_str(&row(r));
    }
    h.push_str("</tbody>");
    if let Some(total) = &table.total {
        let _ = write!(h, "<tfoot>{}</tfoot>", row(total));
    }
    h.push_str("</table>");
    if let Some(note) = &table.note {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(note));
    }
    h.push_str("</div>");
    h
}
