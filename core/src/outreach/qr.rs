//! QR codes as SVG images, for the apply links of posters, bulletins and invitations.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::error::{Error, Result};

pub use crate::limits::MAX_QR_CHARS;

/// A QR code of `text` (error correction M, a quiet zone of four modules) as an SVG image,
/// one unit a module, so it scales without blur.
pub fn qr_svg(text: &str) -> Result<Vec<u8>> {
    let n = text.chars().count();
    if n == 0 || n > MAX_QR_CHARS {
        return Err(Error::InvalidOption { name: "qr", value: format!("{n} characters"), expected: "1 to 500 characters" });
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| Error::InvalidOption {
        name: "qr",
        value: e.to_string(),
        expected: "a text a QR code can hold",
    })?;
    Ok(code.render::<svg::Color<'_>>().module_dimensions(1, 1).quiet_zone(true).build().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_an_svg_and_limits_hold() {
        let svg = String::from_utf8(qr_svg("https://lavoro.example.it/offerte/nov-01").unwrap()).unwrap();
        assert!(svg.contains("<svg") && svg.contains("<path"));
        assert!(qr_svg("").is_err());
        assert!(qr_svg(&"x".repeat(MAX_QR_CHARS)).is_ok());
        assert!(qr_svg(&"x".repeat(MAX_QR_CHARS + 1)).is_err());
    }
}
