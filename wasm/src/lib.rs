//! WebAssembly binding of Sportello for the browser widget. It only converts and
//! forwards to the core crate: JSON text in, JSON text out, errors as `{kind, message, hint}`.

use wasm_bindgen::prelude::*;

/// Validates a profile or vacancy given as JSON or YAML text and returns the outcome as
/// JSON: `{"ok": true, "kind": "profile", "problems": [...]}`, or, when the document cannot
/// be read, `{"ok": false, "error": {"kind", "message", "hint"}, "problems": [...]}`.
#[wasm_bindgen]
pub fn validate(text: &str) -> String {
    let format = sportello::load::Format::sniff(text.as_bytes());
    let outcome = match sportello::load::load_document(text.as_bytes(), format, None) {
        Ok(l) => {
            let kind = match l.value {
                sportello::load::Document::Profile(_) => "profile",
                sportello::load::Document::Vacancy(_) => "vacancy",
            };
            serde_json::json!({"ok": true, "kind": kind, "problems": l.report.problems})
        }
        Err(sportello::Error::Invalid(r)) => serde_json::json!({"ok": false, "problems": r.problems}),
        Err(e) => serde_json::json!({"ok": false, "problems": [], "error": {"kind": e.kind(), "message": e.to_string(), "hint": e.hint()}}),
    };
    outcome.to_string()
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reports_problems_as_json() {
        let out: serde_json::Value = serde_json::from_str(&super::validate("person: {given_name: A}")).unwrap();
        assert_eq!(out["ok"], false);
        assert_eq!(out["problems"][0]["path"], "person.family_name");
    }
}
