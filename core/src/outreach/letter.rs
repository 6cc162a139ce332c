//! Formal letters in the desk's conventions (sender, place and date, addressee for a
//! window envelope, subject, paragraphs, details, what to bring, closing, signature), one a
//! page, in one document (`templates/outreach/letter.typ`).

use serde_json::{Value, json};

use super::sender::sender_views;
use super::{Assets, Document, Sender};
use crate::lang::Lang;

/// One letter, every line already worded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Letter {
    /// "Trecate, 3 dicembre 2026".
    pub place_date: String,
    /// The addressee's lines: name, then the address as the person wrote it.
    pub recipient: Vec<String>,
    /// "Oggetto: ...".
    pub subject: String,
    /// "Gentile Mario Rossi,".
    pub salutation: String,
    /// The body.
    pub paragraphs: Vec<String>,
    /// (label, value) lines: date, time, place...
    pub details: Vec<(String, String)>,
    /// What to bring, if anything.
    pub bring: Vec<String>,
    /// "Cordiali saluti".
    pub closing: String,
    /// The signature's lines.
    pub signature: Vec<String>,
}

impl Letter {
    /// The letter as plain text, in reading order (for e-mail, and for tests).
    pub fn text(&self, lang: Lang) -> String {
        let mut out = Vec::new();
        out.push(self.place_date.clone());
        out.extend(self.recipient.iter().cloned());
        out.push(String::new());
        out.push(self.subject.clone());
        out.push(String::new());
        out.push(self.salutation.clone());
        for p in &self.paragraphs {
            out.push(p.clone());
        }
        out.extend(self.details.iter().map(|(l, v)| format!("{l}: {v}")));
        if !self.bring.is_empty() {
            out.push(format!("{}:", bring_title(lang)));
            out.extend(self.bring.iter().map(|b| format!("- {b}")));
        }
        out.push(String::new());
        out.push(self.closing.clone());
        out.extend(self.signature.iter().cloned());
        out.join("\n") + "\n"
    }

    fn view(&self, sender: &Value, logo: &Value, lang: Lang) -> Value {
        json!({
            "sender": sender,
            "logo": logo,
            "place_date": self.place_date,
            "recipient": self.recipient,
            "subject": self.subject,
            "salutation": self.salutation,
            "paragraphs": self.paragraphs,
            "details": self.details.iter().map(|(l, v)| json!({"label": l, "value": v})).collect::<Vec<_>>(),
            "bring_title": (!self.bring.is_empty()).then(|| bring_title(lang)),
            "bring": self.bring,
            "closing": self.closing,
            "signature": self.signature,
        })
    }
}

fn bring_title(lang: Lang) -> &'static str {
    lang.pick("Da portare", "Please bring")
}

/// The letters in one document, each on its own page, all from `sender`.
pub fn letters(list: &[Letter], sender: Option<&Sender>, lang: Lang) -> Document {
    let mut assets = Assets::default();
    let (sender_view, logo) = sender_views(sender, &mut assets, lang);
    let title = match list {
        [one] => one.subject.clone(),
        _ => lang.pick("Lettere", "Letters").to_owned(),
    };
    let data = json!({
        "lang": lang.as_str(),
        "title": title,
        "footer": sender.map(|s| s.name.clone()),
        "letters": list.iter().map(|l| l.view(&sender_view, &logo, lang)).collect::<Vec<_>>(),
    });
    Document { template: "letter", data, assets: assets.into_vec() }
}
