//! Telling the import format by content, never by file name: XML roots (`Candidate`,
//! `SkillsPassport`, `learnerinfo`), JSON shapes (`basics`, `SkillsPassport`, `@type`,
//! jobs), RenderCV's `cv:` and CSV headers.

use serde_json::Value;

use super::SourceFormat;
use super::csv_vacancies;
use super::jsonresume::is_job;
use crate::error::{Error, Result, json_syntax};

/// The format of a text, or why none fits.
pub fn detect(text: &str) -> Result<SourceFormat> {
    let t = text.trim_start();
    if t.is_empty() {
        return Err(Error::UnknownFormat { detail: "the file is empty".into() });
    }
    if t.starts_with('<') {
        return detect_markup(t);
    }
    if t.starts_with('{') || t.starts_with('[') {
        return match serde_json::from_str::<Value>(t) {
            Ok(v) => detect_json(&v),
            // Broken JSON-LD goes to its importer, which names the fault.
            Err(_) if t.contains("\"@context\"") || t.contains("\"@type\"") => Ok(SourceFormat::JobPosting),
            Err(e) => Err(json_syntax(&e)),
        };
    }
    if let Ok(v) = serde_norway::from_str::<Value>(t)
        && v.get("cv").is_some_and(Value::is_object)
    {
        return Ok(SourceFormat::RenderCv);
    }
    if csv_vacancies::looks_like_header(t.lines().next().unwrap_or_default()) {
        return Ok(SourceFormat::Csv);
    }
    let first: String = t.lines().next().unwrap_or_default().chars().take(40).collect();
    let what = if t.starts_with("---") { "Markdown or YAML with front matter" } else { "text" };
    Err(Error::UnknownFormat {
        detail: format!(
            "it looks like {what}, starting with {first:?} (no JSON Resume, Europass, RenderCV `cv:`, JobPosting JSON-LD or CSV header found)"
        ),
    })
}

fn detect_markup(t: &str) -> Result<SourceFormat> {
    let head: String = t.chars().take(4096).collect();
    if t.contains("application/ld+json") {
        return Ok(SourceFormat::JobPosting);
    }
    let root = root_name(&head);
    match root.as_deref() {
        Some("SkillsPassport" | "Candidate" | "learnerinfo" | "LearnerInfo" | "Europass") => Ok(SourceFormat::Europass),
        Some(other) => Err(Error::UnknownFormat {
            detail: format!(
                "an XML or HTML document with root <{other}> (expected a Europass <Candidate>, <SkillsPassport> or <learnerinfo>, or a page with a JobPosting in <script type=\"application/ld+json\">)"
            ),
        }),
        None => Err(Error::UnknownFormat { detail: "markup without a root element".into() }),
    }
}

/// The local name of the first element, skipping the declaration, comments, processing
/// instructions and a DOCTYPE (which the Europass reader will refuse with its reason).
fn root_name(head: &str) -> Option<String> {
    let mut rest = head;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        if after.starts_with('?') || after.starts_with('!') {
            if after.starts_with("!DOCTYPE") || after.starts_with("!doctype") {
                // Skip the declaration and its internal subset: the importer refuses it
                // with its reason, once the root says which importer that is.
                let end = match (after.find('['), after.find('>')) {
                    (Some(open), Some(close)) if open < close => after.find("]>").map_or(after.len(), |e| e + 2),
                    (_, Some(close)) => close + 1,
                    _ => after.len(),
                };
                rest = &after[end..];
                continue;
            }
            rest = after;
            continue;
        }
        let name: String = after.chars().take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/').collect();
        return Some(local(&name).to_owned());
    }
    None
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn detect_json(v: &Value) -> Result<SourceFormat> {
    let has = |k: &str| v.get(k).is_some();
    if has("SkillsPassport") || has("LearnerInfo") {
        return Ok(SourceFormat::Europass);
    }
    let is_ld = |x: &Value| x.get("@type").is_some() || x.get("@graph").is_some() || x.get("@context").is_some();
    if is_ld(v) || v.as_array().is_some_and(|a| a.iter().any(is_ld)) {
        return Ok(SourceFormat::JobPosting);
    }
    if has("basics") || ["work", "education", "skills", "volunteer"].iter().any(|k| v.get(k).is_some_and(Value::is_array)) {
        return Ok(SourceFormat::JsonResume);
    }
    if is_job(v)
        || v.get("jobs").and_then(Value::as_array).is_some_and(|a| a.iter().any(is_job))
        || v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(is_job))
    {
        return Ok(SourceFormat::JsonResume);
    }
    let keys: Vec<String> = match v {
        Value::Object(m) => m.keys().take(8).cloned().collect(),
        _ => Vec::new(),
    };
    let detail = if keys.is_empty() {
        "JSON that is no object".to_owned()
    } else {
        format!(
            "JSON with the fields {} (expected `basics` for JSON Resume, `SkillsPassport` for Europass, `@type` for JSON-LD, or jobs with `title`)",
            keys.join(", ")
        )
    };
    Err(Error::UnknownFormat { detail })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let d = |s: &str| detect(s).map_err(|e| e.to_string());
        assert_eq!(d(r#"{"basics": {"name": "A B"}}"#), Ok(SourceFormat::JsonResume));
        assert_eq!(d(r#"{"title": "Cuoco", "company": "Trattoria"}"#), Ok(SourceFormat::JsonResume));
        assert_eq!(d(r#"{"@context": "https://schema.org", "@type": "JobPosting"}"#), Ok(SourceFormat::JobPosting));
        assert_eq!(d("<?xml version=\"1.0\"?>\n<!-- x -->\n<SkillsPassport xmlns=\"x\"/>"), Ok(SourceFormat::Europass));
        assert_eq!(d("<europass:learnerinfo xmlns:europass=\"x\"/>"), Ok(SourceFormat::Europass));
        assert_eq!(d("<Candidate xmlns=\"http://www.europass.eu/1.0\"/>"), Ok(SourceFormat::Europass));
        assert_eq!(d("cv:\n  name: John Doe\n"), Ok(SourceFormat::RenderCv));
        assert_eq!(d("titolo;azienda;comune\nCuoco;Trattoria;Novara\n"), Ok(SourceFormat::Csv));
        assert!(d("---\ntitle: x\n---\n# Job\n").unwrap_err().contains("Markdown"));
        assert!(d(r#"{"best": [], "worst": []}"#).unwrap_err().contains("the fields best, worst"));
        assert!(d("<html><body/></html>").unwrap_err().contains("root <html>"));
    }
}
