//! The bulletin: the offers of a period near a place, grouped by comune or by sector, as a
//! PDF to pin up or hand out (`templates/outreach/bulletin.typ`) and as plain text to paste
//! into a social-media post or an e-mail.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::poster::{apply_lines, qr_target};
use super::sender::sender_views;
use super::vacancy_text::{Apply, VacancyText};
use super::{Assets, Document, Sender, words};
use crate::error::{Error, Result};
use crate::fold::fold;
use crate::geo::Gazetteer;
use crate::lang::Lang;
use crate::matching::prepare::Point;
use crate::model::{PartialDate, Vacancy};
use crate::taxonomy::Taxonomy;

pub use crate::limits::MAX_BULLETIN_VACANCIES;

/// How the offers are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// By the comune of the workplace (the default).
    #[default]
    Comune,
    /// By sector: the ISCO major group of the occupation.
    Sector,
}

wire_names!(GroupBy, "a grouping", { Comune => "comune", Sector => "sector" }, aliases { "settore" => Sector });

/// Offers within `km` of a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    /// The place's name, as the bulletin says it.
    pub name: String,
    /// Its coordinates.
    pub point: Point,
    /// The radius.
    pub km: f64,
}

/// What goes into a bulletin.
#[derive(Debug, Clone)]
pub struct BulletinRequest<'a> {
    /// Offers published on or after this day (all when `None`).
    pub since: Option<PartialDate>,
    /// Offers near a place (all when `None`; offers whose place is unknown are left out).
    pub near: Option<Near>,
    /// Grouping.
    pub group_by: GroupBy,
    /// Today: offers whose deadline has passed are left out; the print date.
    pub today: PartialDate,
    /// The desk it comes from.
    pub sender: Option<&'a Sender>,
    /// Language.
    pub lang: Lang,
}

/// A bulletin: the document, its plain-text twin and how many offers it holds.
#[derive(Debug, Clone)]
pub struct Bulletin {
    /// The PDF's document.
    pub document: Document,
    /// The same offers as plain text.
    pub text: String,
    /// Offers in it.
    pub count: usize,
}

struct Entry {
    text: VacancyText,
    group: String,
    published: Option<PartialDate>,
}

/// The bulletin of `vacancies` (in any order) for `req`; refused when more than
/// [`MAX_BULLETIN_VACANCIES`] offers are chosen.
pub fn bulletin(vacancies: &[Vacancy], taxonomy: &Taxonomy, gazetteer: &Gazetteer, req: &BulletinRequest<'_>) -> Result<Bulletin> {
    let lang = req.lang;
    let today = day_number(req.today);
    let other = lang.pick("Altro", "Other");
    let mut chosen: Vec<Entry> = Vec::new();
    for v in vacancies {
        if v.expires.is_some_and(|e| day_number(e) < today) {
            continue;
        }
        if let Some(since) = req.since
            && v.published.is_none_or(|p| day_number(p) < day_number(since))
        {
            continue;
        }
        let resolved = v.place.as_ref().and_then(|p| gazetteer.resolve(p));
        if let Some(near) = &req.near {
            let Some(r) = &resolved else { continue };
            let at = Point { lat: r.coordinates.lat, lon: r.coordinates.lon };
            if at.distance_km(near.point) > near.km {
                continue;
            }
        }
        let group = match req.group_by {
            GroupBy::Comune => resolved
                .and_then(|r| r.comune.map(|c| c.name.clone()))
                .or_else(|| v.place.as_ref().and_then(|p| p.name.clone()))
                .unwrap_or_else(|| other.to_owned()),
            GroupBy::Sector => sector(v, taxonomy, lang).unwrap_or_else(|| other.to_owned()),
        };
        chosen.push(Entry { text: VacancyText::new(v, lang), group, published: v.published });
    }
    if chosen.len() > MAX_BULLETIN_VACANCIES {
        return Err(Error::InvalidOption {
            name: "vacancies",
            value: format!("{} offers", chosen.len()),
            expected: "at most 500 offers in one bulletin (choose a later --since or a smaller --km)",
        });
    }
    // Groups by name ("Altro" last), offers newest first, then by id.
    let mut groups: BTreeMap<(bool, String), Vec<Entry>> = BTreeMap::new();
    for e in chosen {
        groups.entry((e.group == other, fold(&e.group))).or_default().push(e);
    }
    for list in groups.values_mut() {
        list.sort_by(|a, b| b.published.map(day_number).cmp(&a.published.map(day_number)).then_with(|| a.text.id.cmp(&b.text.id)));
    }
    let count = groups.values().map(Vec::len).sum::<usize>();

    let mut assets = Assets::default();
    let (sender_view, logo) = sender_views(req.sender, &mut assets, lang);
    let mut group_views = Vec::new();
    let mut n = 0;
    for list in groups.values() {
        let items: Vec<Value> = list
            .iter()
            .map(|e| {
                n += 1;
                item_view(&e.text, req.sender, &mut assets, n, lang)
            })
            .collect();
        group_views.push(json!({ "title": list[0].group, "items": items }));
    }
    let subtitle = subtitle(req, lang);
    let count_line = match (count, lang) {
        (1, _) => lang.pick("1 offerta", "1 offer").to_owned(),
        (n, Lang::It) => format!("{n} offerte"),
        (n, Lang::En) => format!("{n} offers"),
    };
    let intro = match req.sender {
        Some(s) => format!(
            "{} {}.",
            lang.pick(
                "Per candidarti segui le indicazioni di ogni offerta, oppure chiedi a",
                "To apply, follow each offer's instructions, or ask"
            ),
            s.name
        ),
        None => lang.pick("Per candidarti segui le indicazioni di ogni offerta.", "To apply, follow each offer's instructions.").to_owned(),
    };
    let title = lang.pick("Bollettino delle offerte di lavoro", "Job offers bulletin");
    let generated = format!("{} {}", lang.pick("Stampato il", "Printed on"), words::short_date(req.today, lang));
    let data = json!({
        "lang": lang.as_str(),
        "title": title,
        "subtitle": subtitle,
        "generated": generated,
        "count": count_line,
        "intro": intro,
        "sender": sender_view,
        "logo": logo,
        "groups": group_views,
        "empty": lang.pick("Nessuna offerta corrisponde alla ricerca.", "No offer matches the request."),
        "footer": req.sender.map_or_else(|| title.to_owned(), |s| format!("{title} · {}", s.name)),
    });
    let text = plain_text(title, &subtitle, &count_line, &groups, req.sender, lang);
    Ok(Bulletin { document: Document { template: "bulletin", data, assets: assets.into_vec() }, text, count })
}

fn item_view(t: &VacancyText, sender: Option<&Sender>, assets: &mut Assets, n: usize, lang: Lang) -> Value {
    let qr = qr_target(&t.apply, sender).and_then(|(link, _)| {
        let alt = format!("{} {link}", lang.pick("Codice QR del link:", "QR code of the link:"));
        assets.qr(&format!("qr-{n}.svg"), &link, alt)
    });
    json!({
        "id": t.id,
        "job": t.job,
        "where": t.where_line(),
        "facts": facts_line(t),
        "requirements": (!t.requirements.is_empty()).then(|| t.requirements.join(" · ")),
        "reserved": t.reserved.as_ref().map(|_| words::reserved_short(lang)),
        "apply": apply_text(&t.apply, sender, lang),
        "qr": qr,
    })
}

/// "tempo determinato · tempo pieno · 2 posti · candidature entro il 31 dicembre 2026".
fn facts_line(t: &VacancyText) -> Option<String> {
    (!t.short_facts.is_empty()).then(|| t.short_facts.join(" · "))
}

/// The one line of how to apply: the vacancy's own, else the desk's first contact.
fn apply_text(apply: &Apply, sender: Option<&Sender>, lang: Lang) -> Option<String> {
    apply_lines(apply, sender, lang)
        .first()
        .map(|l| format!("{}: {}", l["label"].as_str().unwrap_or_default(), l["value"].as_str().unwrap_or_default()))
}

fn subtitle(req: &BulletinRequest<'_>, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(s) = req.since {
        parts.push(format!("{} {}", lang.pick("Offerte pubblicate dal", "Offers published since"), words::short_date(s, lang)));
    }
    if let Some(n) = &req.near {
        parts.push(format!("{} {} km {} {}", lang.pick("entro", "within"), fmt_km(n.km), lang.pick("da", "of"), n.name));
    }
    if parts.is_empty() {
        parts.push(lang.pick("Tutte le offerte aperte", "Every open offer").to_owned());
    }
    parts.join(" · ")
}

fn fmt_km(km: f64) -> String {
    if km.fract() == 0.0 { format!("{km:.0}") } else { format!("{km:.1}") }
}

fn plain_text(
    title: &str,
    subtitle: &str,
    count: &str,
    groups: &BTreeMap<(bool, String), Vec<Entry>>,
    sender: Option<&Sender>,
    lang: Lang,
) -> String {
    let mut out = format!("{title}\n{subtitle} · {count}\n");
    for list in groups.values() {
        out.push_str(&format!("\n== {} ==\n", list[0].group));
        for e in list {
            let t = &e.text;
            out.push_str(&format!("\n* {} [{}]\n", t.job, t.id));
            for line in
                [t.where_line(), facts_line(t), (!t.requirements.is_empty()).then(|| t.requirements.join(" · "))].into_iter().flatten()
            {
                out.push_str(&format!("  {line}\n"));
            }
            if t.reserved.is_some() {
                out.push_str(&format!("  {}\n", words::reserved_short(lang)));
            }
            if let Some(a) = apply_text(&t.apply, sender, lang) {
                out.push_str(&format!("  {a}\n"));
            }
        }
    }
    if let Some(s) = sender {
        out.push_str(&format!("\n{}\n", s.name));
        for l in s.lines(lang) {
            out.push_str(&format!("{l}\n"));
        }
    }
    out
}

fn sector(v: &Vacancy, taxonomy: &Taxonomy, lang: Lang) -> Option<String> {
    let uri = v.occupation.as_ref()?.uri.as_deref()?;
    let isco = taxonomy.concept(uri)?.isco_group()?;
    let major = taxonomy.isco_group(isco.get(..1)?)?;
    Some(major.label_in(lang.as_str()).text.to_owned())
}

/// A date as a sortable number, a partial date at the start of its period.
fn day_number(d: PartialDate) -> u32 {
    u32::from(d.get_year()) * 10_000 + u32::from(d.get_month().unwrap_or(1)) * 100 + u32::from(d.get_day().unwrap_or(1))
}
