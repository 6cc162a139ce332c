//! A vacancy in plain words, as a poster or a bulletin prints it: the job, where, the few
//! facts and requirements that matter, and how to apply.

use super::words;
use crate::lang::Lang;
use crate::model::Vacancy;

/// The longest summary taken from a vacancy's description, in characters.
pub const SUMMARY_CHARS: usize = 300;
/// The most requirements printed.
pub const MAX_REQUIREMENTS: usize = 6;

/// A vacancy worded for print.
#[derive(Debug, Clone, PartialEq)]
pub struct VacancyText {
    /// The id.
    pub id: String,
    /// The job as advertised.
    pub job: String,
    /// The employer.
    pub employer: Option<String>,
    /// The place's name.
    pub place: Option<String>,
    /// The start of the description, cut at a word.
    pub summary: Option<String>,
    /// (label, value): contract, hours, positions, deadline.
    pub facts: Vec<(String, String)>,
    /// The same facts as short phrases for one line ("tempo pieno", "2 posti", "entro
    /// il 31 gennaio 2027").
    pub short_facts: Vec<String>,
    /// Licences, languages, experience, education, at most [`MAX_REQUIREMENTS`].
    pub requirements: Vec<String>,
    /// The Law 68/99 reservation, in the law's words.
    pub reserved: Option<String>,
    /// How to apply, as the vacancy says.
    pub apply: Apply,
}

/// The vacancy's own way to apply.
#[derive(Debug, Clone, PartialEq)]
pub enum Apply {
    /// A web address.
    Link(String),
    /// An e-mail address.
    Email(String),
    /// Something else (a phone number, an office).
    Other(String),
    /// Nothing given.
    None,
}

impl Apply {
    fn read(text: Option<&str>) -> Apply {
        let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Apply::None };
        if t.starts_with("https://") || t.starts_with("http://") {
            Apply::Link(t.to_owned())
        } else if t.contains('@') && !t.contains(char::is_whitespace) {
            Apply::Email(t.trim_start_matches("mailto:").to_owned())
        } else {
            Apply::Other(t.to_owned())
        }
    }
}

impl VacancyText {
    /// Words `v` in `lang`.
    pub fn new(v: &Vacancy, lang: Lang) -> VacancyText {
        let locale = words::locale(lang);
        let mut facts = Vec::new();
        let mut short_facts = Vec::new();
        let mut fact = |label: (&str, &str), value: String, short: String| {
            facts.push((lang.pick(label.0, label.1).to_owned(), value));
            short_facts.push(short);
        };
        if let Some(c) = v.contract {
            let w = words::contract(c, lang);
            fact(("Contratto", "Contract"), w.clone(), w);
        }
        if let Some(h) = v.hours {
            let mut text = words::hours(h, lang);
            if let Some(r) = v.remote.and_then(|r| words::remote(r, lang)) {
                text = format!("{text}, {r}");
            }
            fact(("Orario", "Hours"), text.clone(), text);
        }
        if let Some(n) = v.positions.filter(|n| *n > 0) {
            let short = match (n, lang) {
                (1, _) => lang.pick("1 posto", "1 position").to_owned(),
                (n, Lang::It) => format!("{n} posti"),
                (n, Lang::En) => format!("{n} positions"),
            };
            fact(("Posti", "Positions"), n.to_string(), short);
        }
        if let Some(d) = v.expires {
            let date = words::short_date(d, lang);
            let short = format!("{} {date}", lang.pick("candidature entro il", "apply by"));
            fact(("Candidature entro il", "Apply by"), date, short);
        }

        let mut requirements: Vec<String> = Vec::new();
        for l in &v.driving_licences {
            let code = l.as_str();
            let named = locale.text(&format!("licences.{code}"));
            requirements.push(if named.is_empty() {
                format!("{} {code}", lang.pick("Patente", "Driving licence"))
            } else {
                words::capitalise(&named)
            });
        }
        for l in &v.languages {
            requirements.push(format!("{}: {}", words::capitalise(&locale.language_name(&l.language)), l.level.as_str()));
        }
        if let Some(m) = v.min_experience_months.filter(|m| *m > 0) {
            requirements.push(words::experience(m, lang));
        }
        if let Some(e) = v.min_eqf_level {
            requirements.push(words::education(e, lang));
        }
        requirements.truncate(MAX_REQUIREMENTS);

        VacancyText {
            id: v.id.clone(),
            job: v.title.trim().to_owned(),
            employer: v.employer.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
            place: v.place.as_ref().and_then(|p| p.name.clone().or_else(|| p.istat.clone())).filter(|s| !s.trim().is_empty()),
            summary: v.description.as_deref().and_then(|d| summary(d, SUMMARY_CHARS)),
            facts,
            short_facts,
            requirements,
            reserved: v.reserved_law_68_99.then(|| words::reserved(lang).to_owned()),
            apply: Apply::read(v.apply.as_deref()),
        }
    }

    /// "employer · place", when either is known.
    pub fn where_line(&self) -> Option<String> {
        let parts: Vec<&str> = [self.employer.as_deref(), self.place.as_deref()].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// The first `max` characters of `text`, whitespace folded, cut at a word with "…".
fn summary(text: &str, max: usize) -> Option<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    if flat.chars().count() <= max {
        return Some(flat);
    }
    let cut: String = flat.chars().take(max).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > max / 2).map_or(cut.as_str(), |i| &cut[..i]);
    Some(format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' '])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vacancy {
        let line = include_str!("../../../tests/fixtures/vacancies.jsonl").lines().next().unwrap_or_default();
        serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_vacancy_in_plain_words() {
        let t = VacancyText::new(&fixture(), Lang::It);
        assert_eq!(t.job, "Magazziniere carrellista");
        assert_eq!(t.place.as_deref(), Some("Trecate (NO)"));
        let facts: Vec<String> = t.facts.iter().map(|(l, v)| format!("{l}: {v}")).collect();
        assert_eq!(
            facts,
            ["Contratto: somministrazione (tramite agenzia)", "Orario: tempo pieno", "Posti: 3", "Candidature entro il: 15 gennaio 2027"]
        );
        assert_eq!(
            t.requirements,
            ["Patentino del muletto", "Italiano: A2", "Almeno 1 anno di esperienza", "Titolo di studio: obbligo scolastico assolto"]
        );
        assert_eq!(t.apply, Apply::Link("https://lavoro.example.it/offerte/nov-01".into()));
        let s = t.summary.unwrap();
        assert!(s.chars().count() <= SUMMARY_CHARS + 1 && s.ends_with('…'), "{s}");
        assert_eq!(VacancyText::new(&fixture(), Lang::En).facts[0], ("Contract".into(), "agency work".into()));
    }

    #[test]
    fn apply_is_read_for_what_it_is() {
        assert_eq!(Apply::read(Some(" a@b.it ")), Apply::Email("a@b.it".into()));
        assert_eq!(Apply::read(Some("tel. 0321 1")), Apply::Other("tel. 0321 1".into()));
        assert_eq!(Apply::read(Some("")), Apply::None);
    }
}
