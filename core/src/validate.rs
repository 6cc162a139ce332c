//! Validation of profiles and vacancies: every problem at once, each with its field path.
//!
//! Parsing ([`crate::load`]) already reports values of the wrong form (a date that is not
//! one, an unknown CEFR level); the checks here look at what a well-formed document says:
//! end dates before start dates, e-mail addresses that are not, vacancies without essential
//! skills, and so on. Problems are errors (the document must be fixed) or warnings (it is
//! usable, but something looks wrong or was ignored).

use std::collections::HashSet;

use crate::fold::label_key;
use crate::model::{Concept, PROFILE_SCHEMA_VERSION, PartialDate, Place, Profile, VACANCY_SCHEMA_VERSION, Vacancy, WorkExperience};

pub use crate::problem::{Problem, Report, Rule, Severity};

/// Checks a parsed profile. `today`, when given, enables the checks against the calendar
/// (dates in the future); the library never reads the clock itself.
pub fn validate_profile(p: &Profile, today: Option<PartialDate>) -> Report {
    let mut r = Report::default();
    check_version(&mut r, p.schema_version, PROFILE_SCHEMA_VERSION);
    if let Some(lang) = &p.lang {
        check_language_code(&mut r, "lang", lang);
    }
    required_text(&mut r, "person.given_name", &p.person.given_name);
    required_text(&mut r, "person.family_name", &p.person.family_name);
    if let Some(email) = &p.person.email {
        check_email(&mut r, "person.email", email);
    }
    if let Some(phone) = &p.person.phone {
        check_phone(&mut r, "person.phone", phone);
    }
    for (i, link) in p.person.links.iter().enumerate() {
        check_url(&mut r, &format!("person.links[{i}].url"), &link.url);
    }
    if let (Some(dob), Some(today)) = (p.sensitive.date_of_birth, today)
        && dob.is_after(&today)
    {
        r.push(Problem::error("sensitive.date_of_birth", Rule::SensitiveInFuture { today: today.to_string() }));
    }
    for (i, w) in p.work.iter().enumerate() {
        check_experience(&mut r, &format!("work[{i}]"), w, today);
    }
    for (i, w) in p.volunteering.iter().enumerate() {
        check_experience(&mut r, &format!("volunteering[{i}]"), w, today);
    }
    for (i, e) in p.education.iter().enumerate() {
        let path = format!("education[{i}]");
        required_text(&mut r, &format!("{path}.title"), &e.title);
        check_period(&mut r, &path, START_END, e.start, e.end, None);
        check_place(&mut r, &format!("{path}.place"), e.place.as_ref());
    }
    let skill_concepts: Vec<Concept> = p.skills.iter().map(|s| Concept { label: s.label.clone(), uri: s.uri.clone() }).collect();
    check_concepts(&mut r, "skills", &skill_concepts);
    let digital: Vec<Concept> = p.digital_skills.iter().map(|s| Concept { label: s.label.clone(), uri: s.uri.clone() }).collect();
    check_concepts(&mut r, "digital_skills", &digital);
    if p.skills.is_empty() {
        r.push(Problem::warning("skills", Rule::NoSkills));
    }
    let mut seen = HashSet::new();
    for (i, m) in p.languages.mother_tongues.iter().enumerate() {
        let path = format!("languages.mother_tongues[{i}]");
        check_language_code(&mut r, &path, m);
        if !seen.insert(m.to_ascii_lowercase()) {
            r.push(Problem::warning(path, Rule::ListedTwice { value: m.clone() }));
        }
    }
    for (i, l) in p.languages.other.iter().enumerate() {
        let path = format!("languages.other[{i}].language");
        check_language_code(&mut r, &path, &l.language);
        if !seen.insert(l.language.to_ascii_lowercase()) {
            r.push(Problem::warning(path, Rule::LanguageListedTwice { value: l.language.clone() }));
        }
    }
    let mut licences = HashSet::new();
    for (i, l) in p.driving_licences.iter().enumerate() {
        if !licences.insert(*l) {
            r.push(Problem::warning(format!("driving_licences[{i}]"), Rule::ListedTwice { value: l.to_string() }));
        }
    }
    for (i, c) in p.certifications.iter().enumerate() {
        let path = format!("certifications[{i}]");
        required_text(&mut r, &format!("{path}.name"), &c.name);
        if let (Some(d), Some(x)) = (c.date, c.expires)
            && d.is_after(&x)
        {
            r.push(Problem::error(format!("{path}.expires"), Rule::BeforeObtained { value: x.to_string(), obtained: d.to_string() }));
        }
    }
    for (i, pr) in p.projects.iter().enumerate() {
        let path = format!("projects[{i}]");
        required_text(&mut r, &format!("{path}.name"), &pr.name);
        check_period(&mut r, &path, START_END, pr.start, pr.end, None);
        if let Some(url) = &pr.url {
            check_url(&mut r, &format!("{path}.url"), url);
        }
    }
    for (i, s) in p.other_sections.iter().enumerate() {
        let path = format!("other_sections[{i}]");
        required_text(&mut r, &format!("{path}.title"), &s.title);
        for (j, e) in s.entries.iter().enumerate() {
            let path = format!("{path}.entries[{j}]");
            if !e.says_something() {
                r.push(Problem::error(path.clone(), Rule::EmptyEntry));
            }
            check_period(&mut r, &path, ("date", "end"), e.date, e.end, None);
            if let Some(url) = &e.link {
                check_url(&mut r, &format!("{path}.link"), url);
            }
        }
    }
    if let Some(order) = p.render.as_ref().map(|o| &o.sections).filter(|s| !s.is_empty())
        && !p.other_sections.is_empty()
        && !order.contains(&crate::model::Section::OtherSections)
    {
        r.push(Problem::warning("other_sections", Rule::SectionNotPrinted { section: "other_sections".into() }));
    }
    check_place(&mut r, "mobility.home", p.mobility.home.as_ref());
    if let Some(km) = p.mobility.max_commute_km
        && km > 1000
    {
        r.push(Problem::error("mobility.max_commute_km", Rule::CommuteTooFar { km }));
    }
    check_concepts(&mut r, "preferences.occupations", &p.preferences.occupations);
    let law68 = p.sensitive.disability.as_ref().is_some_and(|d| d.law_68_99);
    if p.privacy.use_law_68_99_for_eligibility && !law68 {
        r.push(Problem::warning("privacy.use_law_68_99_for_eligibility", Rule::Law68NotSet));
    }
    r
}

/// Checks a parsed vacancy; `today` as for [`validate_profile`].
pub fn validate_vacancy(v: &Vacancy, today: Option<PartialDate>) -> Report {
    let mut r = Report::default();
    check_version(&mut r, v.schema_version, VACANCY_SCHEMA_VERSION);
    required_text(&mut r, "id", &v.id);
    if v.id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        r.push(Problem::error("id", Rule::BadId { value: v.id.clone() }));
    }
    required_text(&mut r, "title", &v.title);
    check_place(&mut r, "place", v.place.as_ref());
    if v.essential_skills.is_empty() {
        r.push(Problem::error("essential_skills", Rule::NoEssentialSkills));
    }
    check_concepts(&mut r, "essential_skills", &v.essential_skills);
    check_concepts(&mut r, "optional_skills", &v.optional_skills);
    let essential: HashSet<String> = v.essential_skills.iter().map(|c| label_key(&c.label)).collect();
    for (i, c) in v.optional_skills.iter().enumerate() {
        if essential.contains(&label_key(&c.label)) {
            r.push(Problem::warning(format!("optional_skills[{i}]"), Rule::AlsoEssential { value: c.label.clone() }));
        }
    }
    if let Some(o) = &v.occupation {
        check_concepts(&mut r, "occupation", std::slice::from_ref(o));
    }
    let mut langs = HashSet::new();
    for (i, l) in v.languages.iter().enumerate() {
        let path = format!("languages[{i}].language");
        check_language_code(&mut r, &path, &l.language);
        if !langs.insert(l.language.to_ascii_lowercase()) {
            r.push(Problem::warning(path, Rule::ListedTwice { value: l.language.clone() }));
        }
    }
    check_period(&mut r, "", ("published", "expires"), v.published, v.expires, None);
    if let (Some(p), Some(today)) = (v.published, today)
        && p.is_after(&today)
    {
        r.push(Problem::warning("published", Rule::InFuture { value: p.to_string(), today: today.to_string() }));
    }
    if v.positions == Some(0) {
        r.push(Problem::error("positions", Rule::ZeroPositions));
    }
    if let Some(apply) = &v.apply {
        if apply.contains('@') && !apply.contains("://") {
            check_email(&mut r, "apply", apply);
        } else {
            check_url(&mut r, "apply", apply);
        }
    }
    r
}

fn check_version(r: &mut Report, found: u32, current: u32) {
    if found > current {
        r.push(Problem::error("schema_version", Rule::NewerSchema { found, current }));
    } else if found == 0 {
        r.push(Problem::error("schema_version", Rule::NotAVersion { current }));
    }
}

fn required_text(r: &mut Report, path: &str, value: &str) {
    if value.trim().is_empty() {
        r.push(Problem::error(path, Rule::Empty));
    }
}

fn check_experience(r: &mut Report, path: &str, w: &WorkExperience, today: Option<PartialDate>) {
    required_text(r, &format!("{path}.role"), &w.role);
    check_period(r, path, START_END, w.start, w.end, today);
    check_place(r, &format!("{path}.place"), w.place.as_ref());
    if let Some(o) = &w.occupation {
        check_concepts(r, &format!("{path}.occupation"), std::slice::from_ref(o));
    }
}

/// The names of a period's fields in most records.
const START_END: (&str, &str) = ("start", "end");

/// The fields `names` (start, end: `start`/`end`, `published`/`expires`, `date`/`end`) of
/// the record at `path` in order, and the start not in the future.
fn check_period(
    r: &mut Report,
    path: &str,
    (start_name, end_name): (&str, &str),
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    today: Option<PartialDate>,
) {
    let field = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    if let (Some(s), Some(e)) = (start, end)
        && s.is_after(&e)
    {
        r.push(Problem::error(
            field(end_name),
            Rule::BeforeStart { value: e.to_string(), start: s.to_string(), start_name: start_name.to_owned() },
        ));
    }
    if let (Some(s), Some(today)) = (start, today)
        && s.is_after(&today)
    {
        r.push(Problem::warning(field(start_name), Rule::InFuture { value: s.to_string(), today: today.to_string() }));
    }
}

fn check_concepts(r: &mut Report, path: &str, items: &[Concept]) {
    let mut seen = HashSet::new();
    for (i, c) in items.iter().enumerate() {
        let item = if path.ends_with("occupation") { path.to_owned() } else { format!("{path}[{i}]") };
        required_text(r, &format!("{item}.label"), &c.label);
        if let Some(uri) = &c.uri
            && !uri.starts_with("http://data.europa.eu/esco/")
        {
            r.push(Problem::error(format!("{item}.uri"), Rule::NotAnEscoUri { value: uri.clone() }));
        }
        if !c.label.trim().is_empty() && !seen.insert(label_key(&c.label)) {
            r.push(Problem::warning(format!("{item}.label"), Rule::ListedTwice { value: c.label.clone() }));
        }
    }
}

fn check_place(r: &mut Report, path: &str, place: Option<&Place>) {
    let Some(p) = place else { return };
    if let Some(code) = &p.istat
        && (code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()))
    {
        r.push(Problem::error(format!("{path}.istat"), Rule::NotIstat { value: code.clone() }));
    }
    if let Some(lat) = p.lat
        && !(-90.0..=90.0).contains(&lat)
    {
        r.push(Problem::error(format!("{path}.lat"), Rule::NotLatitude { value: lat.to_string() }));
    }
    if let Some(lon) = p.lon
        && !(-180.0..=180.0).contains(&lon)
    {
        r.push(Problem::error(format!("{path}.lon"), Rule::NotLongitude { value: lon.to_string() }));
    }
    if p.lat.is_some() != p.lon.is_some() {
        r.push(Problem::error(path, Rule::HalfCoordinates));
    }
    if p.istat.is_none() && p.name.is_none() && p.lat.is_none() {
        r.push(Problem::warning(path, Rule::EmptyPlace));
    }
}

fn check_language_code(r: &mut Report, path: &str, code: &str) {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
        r.push(Problem::error(path, Rule::NotALanguageCode { value: code.to_owned() }));
    }
}

fn check_email(r: &mut Report, path: &str, email: &str) {
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if !ok {
        r.push(Problem::error(path, Rule::NotAnEmail { value: email.to_owned() }));
    }
}

fn check_phone(r: &mut Report, path: &str, phone: &str) {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +-./()".contains(c));
    if !allowed || !(6..=15).contains(&digits) {
        r.push(Problem::warning(path, Rule::NotAPhone { value: phone.to_owned() }));
    }
}

fn check_url(r: &mut Report, path: &str, url: &str) {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    if rest.is_none_or(|h| h.is_empty() || h.contains(char::is_whitespace)) {
        r.push(Problem::error(path, Rule::NotAWebAddress { value: url.to_owned() }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        let mut r = Report::default();
        for ok in ["a@b.it", "mario.rossi+cv@example.co.uk"] {
            check_email(&mut r, "e", ok);
        }
        assert!(r.problems.is_empty(), "{r:?}");
        for bad in ["mario", "mario@", "@x.it", "a@b", "a b@c.it", "a@b@c.it", "a@.it"] {
            let mut r = Report::default();
            check_email(&mut r, "e", bad);
            assert_eq!(r.problems.len(), 1, "{bad}");
        }
    }

    #[test]
    fn sections_of_the_persons_own() {
        let p: Profile = serde_json::from_value(serde_json::json!({
            "person": {"given_name": "A", "family_name": "B"},
            "other_sections": [{"title": " ", "entries": [{"by": "x"}, {"title": "t", "date": "2024", "end": "2023", "link": "ftp://x"}]}],
            "render": {"sections": ["work"]}
        }))
        .unwrap();
        let r = validate_profile(&p, None);
        let found: Vec<String> = r.problems.iter().map(|p| format!("{} {:?}", p.path, p.severity).to_lowercase()).collect();
        for want in [
            "other_sections[0].title error",
            "other_sections[0].entries[0] error",
            "other_sections[0].entries[1].end error",
            "other_sections[0].entries[1].link error",
            "other_sections warning",
        ] {
            assert!(found.iter().any(|f| f == want), "{want} not in {found:?}");
        }
        assert!(r.problems.iter().any(|p| p.in_lang(crate::lang::Lang::It).message.contains("né un titolo né un testo")), "{r:?}");
    }
}
