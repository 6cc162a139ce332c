//! The fixed words of a CV in each language, from `templates/locales/*.json`, and date
//! formatting per locale. Adding a locale means adding one JSON file there and one line to
//! [`EMBEDDED`].

use serde::Deserialize;
use serde_json::Value;

use crate::model::PartialDate;

/// The locales shipped, as (code, JSON text).
const EMBEDDED: &[(&str, &str)] =
    &[("it", include_str!("../../../templates/locales/it.json")), ("en", include_str!("../../../templates/locales/en.json"))];

/// A locale: the strings templates see as `cv.t`, plus what Rust needs to format dates.
#[derive(Debug, Clone)]
pub struct Locale {
    /// The code, e.g. `it`.
    pub code: String,
    /// Everything in the locale file, passed to templates unchanged.
    pub strings: Value,
    parsed: Parsed,
}

#[derive(Debug, Clone, Deserialize)]
struct Parsed {
    months: Vec<String>,
    date_day: String,
    date_month: String,
    present: String,
    levels: std::collections::BTreeMap<String, String>,
    language_names: std::collections::BTreeMap<String, String>,
}

impl Locale {
    /// The locales shipped with Sportello; a broken file is a bug caught by the tests.
    pub fn embedded() -> Vec<Locale> {
        EMBEDDED.iter().filter_map(|(code, text)| Locale::parse(code, text).ok()).collect()
    }

    /// Reads a locale file.
    pub fn parse(code: &str, text: &str) -> Result<Locale, String> {
        let strings: Value = serde_json::from_str(text).map_err(|e| format!("locale {code:?}: {e}"))?;
        let parsed: Parsed = serde_json::from_value(strings.clone()).map_err(|e| format!("locale {code:?}: {e}"))?;
        if parsed.months.len() != 12 {
            return Err(format!("locale {code:?}: `months` has {} names (expected 12)", parsed.months.len()));
        }
        Ok(Locale { code: code.to_owned(), strings, parsed })
    }

    /// A date in words: "marzo 2021", "15 March 2021", "2021".
    pub fn date(&self, d: PartialDate) -> String {
        let year = d.get_year().to_string();
        let Some(m) = d.get_month() else { return year };
        let month = &self.parsed.months[usize::from(m - 1)];
        let pattern = match d.get_day() {
            Some(_) => &self.parsed.date_day,
            None => &self.parsed.date_month,
        };
        pattern.replace("{day}", &d.get_day().map(|x| x.to_string()).unwrap_or_default()).replace("{month}", month).replace("{year}", &year)
    }

    /// A period: "marzo 2021 – presente", "2015 – 2020", or one date.
    pub fn period(&self, start: Option<PartialDate>, end: Option<PartialDate>, ongoing: bool) -> Option<String> {
        match (start, end) {
            (Some(s), Some(e)) if s == e => Some(self.date(s)),
            (Some(s), Some(e)) => Some(format!("{} – {}", self.date(s), self.date(e))),
            (Some(s), None) if ongoing => Some(format!("{} – {}", self.date(s), self.parsed.present)),
            (Some(s), None) => Some(self.date(s)),
            (None, Some(e)) => Some(self.date(e)),
            (None, None) => None,
        }
    }

    /// The name of a language given its ISO 639-1 code (the code itself when unknown).
    pub fn language_name(&self, code: &str) -> String {
        self.parsed.language_names.get(code).cloned().unwrap_or_else(|| code.to_owned())
    }

    /// The word for a skill level code.
    pub fn level(&self, code: &str) -> String {
        self.parsed.levels.get(code).cloned().unwrap_or_else(|| code.to_owned())
    }

    /// A string from the file by dotted path, e.g. `labels.photo_alt`.
    pub fn text(&self, path: &str) -> String {
        path.split('.').try_fold(&self.strings, |v, k| v.get(k)).and_then(Value::as_str).unwrap_or_default().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_embedded_locale_parses_with_the_same_keys() {
        let all = Locale::embedded();
        assert_eq!(all.len(), EMBEDDED.len());
        fn keys(v: &Value, prefix: &str, out: &mut Vec<String>) {
            if let Value::Object(m) = v {
                for (k, v) in m {
                    let p = format!("{prefix}.{k}");
                    out.push(p.clone());
                    keys(v, &p, out);
                }
            }
        }
        let mut reference = Vec::new();
        keys(&all[0].strings, "", &mut reference);
        for l in &all[1..] {
            let mut k = Vec::new();
            keys(&l.strings, "", &mut k);
            assert_eq!(k, reference, "locale {} differs in its keys", l.code);
        }
    }

    #[test]
    fn dates_in_each_locale() {
        let all = Locale::embedded();
        let it = all.iter().find(|l| l.code == "it").unwrap();
        let en = all.iter().find(|l| l.code == "en").unwrap();
        assert_eq!(it.date(d("2021-03")), "marzo 2021");
        assert_eq!(en.date(d("2021-03-15")), "15 March 2021");
        assert_eq!(it.period(Some(d("2021-03")), None, true).unwrap(), "marzo 2021 – presente");
        assert_eq!(en.period(Some(d("2015")), Some(d("2020")), false).unwrap(), "2015 – 2020");
        assert_eq!(it.language_name("en"), "inglese");
    }
}
