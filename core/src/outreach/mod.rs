//! Reaching people offline: posters, bulletins, letters and recruiting days, printed
//! through Typst like the CVs (`templates/outreach/`).
//!
//! Each builder here turns vacancies, the desk's contact details ([`Sender`]) and, for
//! letters, what the desk holds about a person into a [`Document`]: the name of a template,
//! the data it reads as `/data.json` with every word already in the reader's language, and
//! the images it shows (QR codes, the desk's logo) as virtual files.
//! [`crate::render::Renderer::render_outreach`] lays it out. User text reaches Typst only
//! as data. Posters and bulletins never name a person; a letter names only its addressee
//! and never prints sensitive data (the desk reads the person's file without it).
//!
//! - [`poster`]: one A4 page for one vacancy, with a QR code and tear-off strips;
//! - [`bulletin`]: the offers of a period, near a place, grouped by comune or sector, as a
//!   PDF and as plain text for a post or an e-mail;
//! - [`Letter`]: formal letters (appointments, reminders, outcomes, invitations);
//! - [`recruiting`]: a recruiting day's shortlists with CVs, invitations and attendance
//!   sheet.

mod bulletin;
mod letter;
mod poster;
mod qr;
pub mod recruiting;
mod sender;
mod vacancy_text;
pub(crate) mod words;

pub use bulletin::{Bulletin, BulletinRequest, GroupBy, Near, bulletin};
pub use letter::{Letter, letters};
pub use poster::poster;
pub use qr::{MAX_QR_CHARS, qr_svg};
pub use sender::{Logo, MAX_LOGO_BYTES, Sender};
pub use vacancy_text::VacancyText;
pub use words::{long_date, short_date};

use serde_json::Value;

/// A document ready for Typst: which template, its data, and its images.
#[derive(Debug, Clone)]
pub struct Document {
    /// The template's name (`poster`, `bulletin`, `letter`, `shortlist`, `attendance`).
    pub template: &'static str,
    /// What the template reads as `/data.json`.
    pub data: Value,
    /// Virtual files the data points at (`/assets/...`), with their bytes.
    pub assets: Vec<(String, Vec<u8>)>,
}

/// The images of a document being built, each given a virtual path.
#[derive(Debug, Default)]
pub(crate) struct Assets(Vec<(String, Vec<u8>)>);

impl Assets {
    /// Adds a file named `name` (e.g. `qr-3.svg`); returns the path the data gives.
    pub(crate) fn add(&mut self, name: &str, bytes: Vec<u8>) -> String {
        let path = format!("/assets/{name}");
        self.0.push((path.clone(), bytes));
        path
    }

    /// A QR code of `text` as an image object `{path, alt}` for the templates, or `None`
    /// when the text is too long for one.
    pub(crate) fn qr(&mut self, name: &str, text: &str, alt: String) -> Option<Value> {
        let svg = qr_svg(text).ok()?;
        let path = self.add(name, svg);
        Some(serde_json::json!({ "path": path, "alt": alt }))
    }

    pub(crate) fn into_vec(self) -> Vec<(String, Vec<u8>)> {
        self.0
    }
}
