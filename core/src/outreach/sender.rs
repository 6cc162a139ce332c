//! Who a document comes from: the desk's name, contact details and logo.

use serde_json::{Value, json};

use super::Assets;
use crate::error::{Error, Result};
use crate::lang::Lang;

pub use crate::limits::MAX_LOGO_BYTES;

/// The desk a document comes from. Every field but the name may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sender {
    /// "Sportello Lavoro di Trecate".
    pub name: String,
    /// The comune it sits in: where its letters are dated from.
    pub comune: Option<String>,
    /// Street address, one line.
    pub address: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// A web page (the comune's job page, the widget).
    pub web: Option<String>,
    /// The logo printed beside the name.
    pub logo: Option<Logo>,
}

/// A logo image (PNG, JPEG or SVG), checked when made.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    bytes: Vec<u8>,
    ext: &'static str,
}

impl Logo {
    /// Takes a PNG, JPEG or SVG file of at most [`MAX_LOGO_BYTES`].
    pub fn new(bytes: Vec<u8>) -> Result<Logo> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(Error::TooLarge { what: "the logo".into(), size: bytes.len(), limit: MAX_LOGO_BYTES });
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
        let ext = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
            "png"
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            "jpg"
        } else if head.contains("<svg") {
            "svg"
        } else {
            return Err(Error::Photo { message: "the logo is not a PNG, JPEG or SVG image".into() });
        };
        Ok(Logo { bytes, ext })
    }
}

impl Sender {
    /// The contact lines under the name: address, telephone, e-mail, web page.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        out.extend(self.address.clone());
        out.extend(self.phone.as_ref().map(|p| format!("{} {p}", lang.pick("tel.", "tel."))));
        out.extend(self.email.clone());
        out.extend(self.web.clone());
        out
    }

    /// `{name, lines}` for the templates.
    pub(crate) fn view(&self, lang: Lang) -> Value {
        json!({ "name": self.name, "lines": self.lines(lang) })
    }

    /// The logo as `{path, alt}`, added to `assets` (once per document).
    pub(crate) fn logo_view(&self, assets: &mut Assets, lang: Lang) -> Value {
        match &self.logo {
            Some(logo) => {
                let path = assets.add(&format!("logo.{}", logo.ext), logo.bytes.clone());
                json!({ "path": path, "alt": format!("{} {}", lang.pick("Logo:", "Logo:"), self.name) })
            }
            None => Value::Null,
        }
    }
}

/// The sender and logo of a document from an optional sender.
pub(crate) fn sender_views(sender: Option<&Sender>, assets: &mut Assets, lang: Lang) -> (Value, Value) {
    match sender {
        Some(s) => (s.view(lang), s.logo_view(assets, lang)),
        None => (Value::Null, Value::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logos_are_checked() {
        assert!(Logo::new(b"\x89PNG\r\n\x1a\n....".to_vec()).is_ok());
        assert!(Logo::new(b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()).is_ok());
        assert!(Logo::new(b"GIF89a".to_vec()).is_err());
        let mut at_limit = b"\x89PNG".to_vec();
        at_limit.resize(MAX_LOGO_BYTES, 0);
        assert!(Logo::new(at_limit.clone()).is_ok());
        at_limit.push(0);
        assert!(Logo::new(at_limit).is_err());
    }

    #[test]
    fn contact_lines_skip_what_is_missing() {
        let s = Sender { name: "Sportello".into(), phone: Some("0321 1".into()), web: Some("https://x.it".into()), ..Sender::default() };
        assert_eq!(s.lines(Lang::It), ["tel. 0321 1", "https://x.it"]);
    }
}
