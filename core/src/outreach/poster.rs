//! A poster for one vacancy: one A4 page readable from two metres, with a QR code of the
//! apply link and tear-off strips (`templates/outreach/poster.typ`).

use serde_json::{Value, json};

use super::sender::sender_views;
use super::vacancy_text::{Apply, VacancyText};
use super::{Assets, Document, Sender};
use crate::lang::Lang;
use crate::model::Vacancy;

/// How many tear-off strips a poster has.
pub const STRIPS: usize = 8;
/// The longest job title on a strip, in characters.
const STRIP_JOB_CHARS: usize = 40;

/// The poster of `v`, from `sender` if given. The QR code holds the vacancy's apply link,
/// else the sender's web page, else its e-mail as a `mailto:` link; the strips carry the
/// job, a contact and the vacancy's id.
pub fn poster(v: &Vacancy, sender: Option<&Sender>, lang: Lang) -> Document {
    let t = VacancyText::new(v, lang);
    let mut assets = Assets::default();
    let (sender_view, logo) = sender_views(sender, &mut assets, lang);
    let apply = apply_lines(&t.apply, sender, lang);
    let qr = qr_target(&t.apply, sender).and_then(|(link, caption)| {
        let alt = format!("{} {link}", lang.pick("Codice QR del link:", "QR code of the link:"));
        let mut q = assets.qr("qr.svg", &link, alt)?;
        q["caption"] = Value::from(lang.pick(caption.0, caption.1));
        Some(q)
    });
    let contact = strip_contact(&t.apply, sender);
    let mut strip = vec![shorten(&t.job, STRIP_JOB_CHARS)];
    strip.extend(contact);
    strip.push(format!("{} {}", lang.pick("Rif.", "Ref."), t.id));
    let desk_name = sender.map(|s| s.name.as_str());
    let footer = [Some(format!("{} {}", lang.pick("Rif. offerta", "Vacancy ref."), t.id)), desk_name.map(str::to_owned)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let data = json!({
        "lang": lang.as_str(),
        "title": format!("{}: {}", lang.pick("Offerta di lavoro", "Job offer"), t.job),
        "heading": lang.pick("Cerchiamo", "We are hiring"),
        "job": t.job,
        "employer": t.employer,
        "place": t.place,
        "summary": t.summary,
        "facts": t.facts.iter().map(|(l, v)| json!({"label": l, "value": v})).collect::<Vec<_>>(),
        "requirements_title": lang.pick("Requisiti", "Requirements"),
        "requirements": t.requirements,
        "reserved": t.reserved,
        "apply_title": lang.pick("Come candidarsi", "How to apply"),
        "apply": apply,
        "qr": qr,
        "sender": sender_view,
        "logo": logo,
        "strip": {"lines": strip, "count": STRIPS},
        "footer": footer,
    });
    Document { template: "poster", data, assets: assets.into_vec() }
}

/// `{label, value}` lines: the vacancy's own way to apply, then the desk's contacts.
pub(crate) fn apply_lines(apply: &Apply, sender: Option<&Sender>, lang: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    let mut line = |label: &str, value: &str| out.push(json!({"label": label, "value": value}));
    match apply {
        Apply::Link(l) => line(lang.pick("Online", "Online"), l),
        Apply::Email(e) => line(lang.pick("E-mail", "E-mail"), e),
        Apply::Other(o) => line(lang.pick("Candidature", "Apply"), o),
        Apply::None => {}
    }
    if let Some(s) = sender {
        if let Some(p) = &s.phone {
            line(lang.pick("Telefono", "Telephone"), p);
        }
        if let Some(a) = &s.address {
            line(lang.pick("Di persona", "In person"), &format!("{}, {a}", s.name));
        }
        if let (Some(e), false) = (&s.email, matches!(apply, Apply::Email(_))) {
            line(lang.pick("E-mail dello sportello", "The desk's e-mail"), e);
        }
    }
    out
}

/// What the QR code holds, with its caption (Italian, English).
pub(crate) fn qr_target(apply: &Apply, sender: Option<&Sender>) -> Option<(String, (&'static str, &'static str))> {
    match (apply, sender) {
        (Apply::Link(l), _) => Some((l.clone(), ("Inquadra il codice per candidarti", "Scan the code to apply"))),
        (_, Some(Sender { web: Some(w), .. })) => {
            Some((w.clone(), ("Inquadra il codice per le offerte dello sportello", "Scan the code for the desk's offers")))
        }
        (Apply::Email(e), _) => Some((format!("mailto:{e}"), ("Inquadra il codice per scrivere", "Scan the code to write"))),
        _ => None,
    }
}

/// The one contact a strip has room for: the desk's phone, else the apply address.
fn strip_contact(apply: &Apply, sender: Option<&Sender>) -> Option<String> {
    if let Some(p) = sender.and_then(|s| s.phone.clone()) {
        return Some(format!("tel. {p}"));
    }
    match apply {
        Apply::Link(l) | Apply::Email(l) | Apply::Other(l) => Some(l.clone()),
        Apply::None => sender.and_then(|s| s.email.clone()),
    }
}

/// At most `max` characters, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    format!("{}…", s.chars().take(max - 1).collect::<String>().trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vacancy_with_only_a_title_still_has_a_poster() {
        let v: Vacancy = serde_json::from_str(r#"{"id": "x-1", "title": "Aiuto cuoco"}"#).unwrap();
        let doc = poster(&v, None, Lang::It);
        assert_eq!(doc.data["job"], "Aiuto cuoco");
        assert!(doc.data["qr"].is_null() && doc.data["sender"].is_null() && doc.assets.is_empty());
        assert_eq!(doc.data["strip"]["lines"], json!(["Aiuto cuoco", "Rif. x-1"]));
    }

    #[test]
    fn the_qr_code_falls_back_to_the_desk_then_to_mail() {
        let s = Sender { name: "S".into(), web: Some("https://s.it".into()), ..Sender::default() };
        assert_eq!(qr_target(&Apply::Email("a@b.it".into()), Some(&s)).unwrap().0, "https://s.it");
        assert_eq!(qr_target(&Apply::Email("a@b.it".into()), None).unwrap().0, "mailto:a@b.it");
        assert!(qr_target(&Apply::None, None).is_none());
        assert_eq!(shorten("abcdef", 4), "abc…");
    }
}
