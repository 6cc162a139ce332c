//! schema.org `JobPosting` (<https://schema.org/JobPosting>) as job portals publish it in
//! JSON-LD: import to vacancies and export from them.
//!
//! The input may be a JSON-LD document (one object, an array, or a `@graph`) or an HTML
//! page with `<script type="application/ld+json">` blocks; JSON that does not parse is
//! refused with its line and column (counted in the whole file).
//!
//! | JobPosting | vacancy |
//! |---|---|
//! | `identifier` (text or `PropertyValue.value`), else `@id` or `url` | `id` (made from the content when missing, noted) |
//! | `title`, else `name` | `title` |
//! | `description` (HTML stripped) | `description` |
//! | `hiringOrganization` (`name`) | `employer` |
//! | `jobLocation` (`address.addressLocality`, `geo.latitude/longitude`) | `place.name`, `place.lat/lon` |
//! | `jobLocationType: TELECOMMUTE` | `remote: remote` |
//! | `employmentType` (`FULL_TIME`, `PART_TIME`, `CONTRACTOR`, `TEMPORARY`, `INTERN`, `SEASONAL`, or a sportello contract code) | `hours`, `contract` |
//! | `skills` (text split on `,` `;` or lines, or `DefinedTerm`s) | `essential_skills` (an ESCO `url`/`termCode` becomes the URI) |
//! | `occupationalCategory`, `relevantOccupation` (ESCO URI, ISCO-08 code, other codes as text) | `occupation` |
//! | `educationRequirements` (`credentialCategory`) | `min_eqf_level` (from the degree's name, noted) |
//! | `experienceRequirements` (`monthsOfExperience`) | `min_experience_months` |
//! | `datePosted`, `validThrough` | `published`, `expires` |
//! | `totalJobOpenings`, `url` | `positions`, `apply` |
//!
//! Everything else (salary, benefits, industry...) is reported as unmapped.

use serde_json::{Map, Value, json};

use super::text::{self, DateValue};
use super::tree::{Node, Tracker};
use super::words;
use super::{Import, Imported, MappingReport, SourceFormat, finish_vacancy};
use crate::error::{Error, Result, without_position};
use crate::fold::label_key;
use crate::limits::MAX_IMPORT_ROWS;
use crate::model::{Concept, ContractType, Hours, PartialDate, Place, Remote, VACANCY_SCHEMA_VERSION, Vacancy};

/// Imports the JobPostings of a JSON-LD document or an HTML page.
pub fn import(text: &str) -> Result<Import> {
    let root = parse(text)?;
    let (vacancies, report) = import_value(&root)?;
    Ok(Import {
        document: Imported::Vacancies(vacancies),
        format: SourceFormat::JobPosting,
        version: "schema.org JobPosting (JSON-LD)".into(),
        report,
    })
}

fn syntax(e: &serde_json::Error, source: &str, line_offset: usize, inside: &str) -> Error {
    let message = e.to_string();
    // A raw line break inside a string is reported at the start of the next line: name the
    // end of the line that holds it instead.
    let (line, column) = match (e.line(), e.column()) {
        (l, 0) if l > 1 => (l - 1, source.lines().nth(l - 2).map_or(0, |t| t.chars().count()) + 1),
        other => other,
    };
    let what = without_position(&message);
    let hint = if what.contains("control character") {
        "a line break inside a quoted text must be written \\n in JSON; ask the publisher to fix the page"
    } else if what.contains("trailing comma") {
        "remove the comma after the last item"
    } else {
        "check for a missing comma, quote or bracket just before that point"
    };
    Error::Import {
        format: "jobposting",
        message: format!("line {}, column {column}: the JSON-LD{inside} is not valid JSON: {what}", line + line_offset),
        hint: Some(hint.into()),
    }
}

/// Parses JSON-LD, or the JSON-LD blocks of an HTML page (as one array).
fn parse(text: &str) -> Result<Value> {
    let t = text.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        let skipped = text[..text.len() - t.len()].matches('\n').count();
        return serde_json::from_str(t).map_err(|e| syntax(&e, t, skipped, ""));
    }
    let mut blocks = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("application/ld+json") {
        let at = from + pos;
        let Some(open_end) = lower[at..].find('>').map(|i| at + i + 1) else { break };
        let Some(close) = lower[open_end..].find("</script").map(|i| open_end + i) else {
            return Err(Error::Import {
                format: "jobposting",
                message: "a <script type=\"application/ld+json\"> is not closed".into(),
                hint: None,
            });
        };
        let body = &text[open_end..close];
        let line_offset = text[..open_end].matches('\n').count();
        blocks.push(serde_json::from_str::<Value>(body).map_err(|e| syntax(&e, body, line_offset, " in <script>"))?);
        from = close;
    }
    match blocks.len() {
        0 => Err(Error::Import {
            format: "jobposting",
            message: "no <script type=\"application/ld+json\"> block was found".into(),
            hint: Some("give the JSON-LD itself, or the page that holds it".into()),
        }),
        1 => Ok(blocks.remove(0)),
        _ => Ok(Value::Array(blocks)),
    }
}

fn types(v: &Value) -> Vec<String> {
    let local = |s: &str| s.rsplit(['/', ':', '#']).next().unwrap_or(s).to_owned();
    match v.get("@type") {
        Some(Value::String(s)) => vec![local(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

/// Finds the JobPostings of a parsed JSON-LD value and reads them.
pub fn import_value(root: &Value) -> Result<(Vec<Vacancy>, MappingReport)> {
    let t = Tracker::new(root);
    let mut postings = Vec::new();
    let mut found_types = Vec::new();
    collect(&t.root(), &mut postings, &mut found_types, 0);
    if postings.is_empty() {
        let found = if found_types.is_empty() { "no @type at all".to_owned() } else { format!("only {}", found_types.join(", ")) };
        return Err(Error::Import {
            format: "jobposting",
            message: format!("no JobPosting was found ({found})"),
            hint: Some("a job posting has \"@type\": \"JobPosting\"".into()),
        });
    }
    if postings.len() > MAX_IMPORT_ROWS {
        return Err(Error::Import {
            format: "jobposting",
            message: format!("{} JobPostings, more than the limit of {MAX_IMPORT_ROWS}", postings.len()),
            hint: Some("split the file".into()),
        });
    }
    let mut out = Vec::new();
    let mut refused = Vec::new();
    for node in &postings {
        match vacancy(node) {
            Ok(v) => out.push(v),
            Err(why) => {
                node.unmapped(why.clone());
                refused.push(why);
            }
        }
    }
    if out.is_empty() {
        return Err(Error::Import {
            format: "jobposting",
            message: refused.join("; "),
            hint: Some("a vacancy needs at least a title".into()),
        });
    }
    let mut report = t.finish("no matching field in sportello's vacancy");
    let out = out.into_iter().map(|v| finish_vacancy(v, &mut report)).collect();
    Ok((out, report))
}

fn collect<'t, 'a>(n: &Node<'t, 'a>, out: &mut Vec<Node<'t, 'a>>, found: &mut Vec<String>, depth: usize) {
    if depth > 8 {
        return;
    }
    match n.value() {
        Some(Value::Array(_)) => {
            for item in n.items() {
                collect(&item, out, found, depth + 1);
            }
        }
        Some(v @ Value::Object(_)) => {
            if v.get("@context").is_some() {
                n.get("@context").mark();
            }
            let ty = types(v);
            if ty.iter().any(|t| t == "JobPosting") {
                out.push(n.clone());
                return;
            }
            found.extend(ty);
            if v.get("@graph").is_some() {
                collect(&n.get("@graph"), out, found, depth + 1);
            }
            for key in ["mainEntity", "itemListElement", "item"] {
                if v.get(key).is_some() {
                    collect(&n.get(key), out, found, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn date(n: &Node<'_, '_>) -> Option<PartialDate> {
    let raw = n.text()?;
    match text::date(&raw) {
        DateValue::Date(d) => Some(d),
        _ => {
            n.unmapped(format!("{raw:?} is not a date (expected an ISO 8601 date)"));
            None
        }
    }
}

/// The name of a Thing given as text or as an object with a `name`.
fn name_of(n: &Node<'_, '_>) -> Option<String> {
    match n.value() {
        Some(Value::String(_)) => n.text(),
        Some(Value::Object(_)) => {
            n.get("@type").mark();
            n.str("name")
        }
        _ => None,
    }
}

fn vacancy(j: &Node<'_, '_>) -> std::result::Result<Vacancy, String> {
    j.get("@type").mark();
    let title = j
        .get_any(&["title", "name"])
        .text()
        .map(|t| text::html_to_text(&t))
        .ok_or_else(|| format!("{}: the JobPosting has no title or name", path_or_root(j)))?;
    let mut v: Vacancy =
        serde_json::from_value(json!({"schema_version": VACANCY_SCHEMA_VERSION, "id": "", "title": title})).map_err(|e| e.to_string())?;
    let ident = j.get("identifier");
    v.id = match ident.value() {
        Some(Value::Object(_)) => {
            ident.get("@type").mark();
            ident.get("name").mark();
            ident.str("value")
        }
        _ => ident.text(),
    }
    .or_else(|| j.str("@id"))
    .map(|s| s.split_whitespace().collect::<Vec<_>>().join("-"))
    .unwrap_or_else(|| {
        let id = format!("jobposting-{}", text::short_hash(&j.value().map(Value::to_string).unwrap_or_default()));
        j.note(format!("{}: no identifier, {id:?} was made from the content", path_or_root(j)));
        id
    });
    v.description = j.str("description").map(|d| text::html_to_text(&d));
    let org = j.get("hiringOrganization");
    v.employer = name_of(&org);
    let locations = j.get("jobLocation").items();
    if let Some(first) = locations.first() {
        v.place = place(first);
    }
    for extra in locations.iter().skip(1) {
        extra.unmapped("only the first place of work is kept");
    }
    let lt = j.get("jobLocationType");
    if lt.text().is_some_and(|s| s.eq_ignore_ascii_case("TELECOMMUTE")) {
        v.remote = Some(Remote::Remote);
    }
    for et in j.get("employmentType").items() {
        let Some(kind) = et.text() else { continue };
        let upper = kind.to_uppercase().replace(['-', ' '], "_");
        let (hours, contract) = match upper.as_str() {
            "INTERN" => (None, Some(ContractType::Tirocinio)),
            "VOLUNTEER" | "PER_DIEM" | "OTHER" => (None, None),
            _ => words::employment(&kind),
        };
        match (hours, contract) {
            (Some(h), _) if v.hours.is_none() => v.hours = Some(h),
            (_, Some(c)) if v.contract.is_none() => v.contract = Some(c),
            (None, None) => et.unmapped(format!("{kind:?} has no equivalent among sportello's contract types")),
            _ => et.unmapped("a second contract or hours value; the first is kept"),
        }
    }
    v.published = date(&j.get("datePosted"));
    v.expires = date(&j.get("validThrough"));
    let mut seen: Vec<String> = Vec::new();
    for s in j.get("skills").items() {
        for c in skill_concepts(&s) {
            if !seen.contains(&label_key(&c.label)) {
                seen.push(label_key(&c.label));
                v.essential_skills.push(c);
            }
        }
    }
    let occ = j.get("occupationalCategory");
    v.occupation = occ.items().first().and_then(occupation);
    let rel = j.get("relevantOccupation");
    if rel.is_present() && v.occupation.is_none() {
        rel.get("@type").mark();
        let cat = rel.get("occupationalCategory");
        v.occupation = cat.items().first().and_then(occupation).or_else(|| rel.str("name").map(|label| Concept { label, uri: None }));
        if v.occupation.as_ref().is_some_and(|o| o.uri.is_none()) {
            rel.get("name").mark();
        }
    }
    let edu = j.get("educationRequirements");
    for e in edu.items() {
        let label = match e.value() {
            Some(Value::Object(_)) => {
                e.get("@type").mark();
                e.str("credentialCategory")
            }
            _ => e.text(),
        };
        if let Some(l) = label.as_deref().and_then(words::eqf_from_degree) {
            if v.min_eqf_level.is_none_or(|x| l < x) {
                v.min_eqf_level = Some(l);
            }
            e.note(format!("{}: minimum EQF level {} read from {:?}", e.path(), l.get(), label.unwrap_or_default()));
        } else if label.is_some() {
            e.unmapped("no EQF level can be read from it");
        }
    }
    let exp = j.get("experienceRequirements");
    match exp.value() {
        Some(Value::Object(_)) => {
            exp.get("@type").mark();
            let m = exp.get("monthsOfExperience");
            if let Some(raw) = m.text() {
                match raw.parse::<f64>() {
                    Ok(n) if (0.0..=600.0).contains(&n) => v.min_experience_months = Some(n.round() as u32),
                    _ => m.unmapped("not a number of months"),
                }
            }
        }
        Some(Value::String(_)) => {
            if let Some(raw) = exp.text() {
                match years_in(&raw) {
                    Some(y) => {
                        v.min_experience_months = Some(y * 12);
                        exp.note(format!("{}: {} months of experience read from {raw:?}", exp.path(), y * 12));
                    }
                    None => exp.unmapped("no number of years can be read from it"),
                }
            }
        }
        _ => {}
    }
    let openings = j.get("totalJobOpenings");
    if let Some(n) = openings.text() {
        match n.parse::<u32>() {
            Ok(n) => v.positions = Some(n),
            Err(_) => openings.unmapped("not a whole number"),
        }
    }
    v.apply = j.get("url").text();
    Ok(v)
}

fn path_or_root(n: &Node<'_, '_>) -> String {
    if n.path().is_empty() { "the document".into() } else { n.path().to_owned() }
}

/// "Minimum 3 years", "almeno 2 anni" -> years.
fn years_in(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words
        .windows(2)
        .find_map(|w| (["years", "year", "anni", "anno", "jahre", "ans", "años"].contains(&w[1])).then(|| w[0].parse().ok()).flatten())
}

fn place(n: &Node<'_, '_>) -> Option<Place> {
    n.get("@type").mark();
    let mut p = Place::default();
    let addr = n.get("address");
    match addr.value() {
        Some(Value::String(_)) => p.name = addr.text(),
        Some(Value::Object(_)) => {
            addr.get("@type").mark();
            p.name = addr.str("addressLocality");
        }
        _ => {}
    }
    let geo = n.get("geo");
    if geo.is_present() {
        geo.get("@type").mark();
        let num = |k: &str| {
            let x = geo.get(k);
            let f = x.text().and_then(|s| s.parse::<f64>().ok());
            if f.is_none() {
                x.unmapped("not a number");
            }
            f
        };
        let (lat, lon) = (num("latitude"), num("longitude"));
        if let (Some(lat), Some(lon)) = (lat, lon) {
            p.lat = Some(lat);
            p.lon = Some(lon);
        }
    }
    if p.name.is_none() {
        p.name = n.str("name");
    }
    (p != Place::default()).then_some(p)
}

fn skill_concepts(s: &Node<'_, '_>) -> Vec<Concept> {
    match s.value() {
        Some(Value::String(_)) => s
            .text()
            .map(|t| text::split_list(&text::html_to_text(&t)).into_iter().map(|label| Concept { label, uri: None }).collect())
            .unwrap_or_default(),
        Some(Value::Object(_)) => {
            s.get("@type").mark();
            s.get("inDefinedTermSet").mark();
            let uri = [s.get("url"), s.get("termCode"), s.get("@id")].into_iter().find_map(|n| {
                n.value().and_then(Value::as_str).filter(|u| is_esco(u)).map(|u| {
                    n.mark();
                    u.to_owned()
                })
            });
            s.str("name").map(|label| vec![Concept { label, uri }]).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn is_esco(u: &str) -> bool {
    u.starts_with("http://data.europa.eu/esco/")
}

/// An occupation from an ESCO URI, an ISCO-08 code or other text.
fn occupation(n: &Node<'_, '_>) -> Option<Concept> {
    let (code, name) = match n.value() {
        Some(Value::Object(_)) => {
            n.get("@type").mark();
            n.get("inCodeSet").mark();
            n.get("url").mark();
            (n.get_any(&["codeValue", "termCode", "@id"]).text(), n.str("name"))
        }
        _ => (n.text(), None),
    };
    let code = code?;
    if is_esco(&code) {
        return Some(Concept { label: name.unwrap_or_else(|| code.clone()), uri: Some(code) });
    }
    let isco = code.trim_start_matches("ISCO").trim_start_matches('-').trim();
    if isco.len() == 4 && isco.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Concept {
            label: name.unwrap_or_else(|| format!("ISCO-08 {isco}")),
            uri: Some(format!("http://data.europa.eu/esco/isco/C{isco}")),
        });
    }
    let label = match name {
        Some(nm) if !code.contains(&nm) => format!("{code} {nm}"),
        _ => code,
    };
    Some(Concept { label, uri: None })
}

/// Exports vacancies: one JobPosting object, or a `@graph` of them for several.
pub fn export_all(vacancies: &[Vacancy]) -> (Value, MappingReport) {
    let mut report = MappingReport::default();
    let mut items: Vec<Value> = vacancies.iter().map(|v| export(v, &mut report)).collect();
    let value = if items.len() == 1 {
        let mut one = items.remove(0);
        if let Value::Object(m) = &mut one {
            m.insert("@context".into(), json!("https://schema.org"));
        }
        one
    } else {
        json!({"@context": "https://schema.org", "@graph": items})
    };
    (value, report)
}

/// One vacancy as a JobPosting object (without `@context`); losses go to `report`.
pub fn export(v: &Vacancy, report: &mut MappingReport) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("JobPosting"));
    m.insert("identifier".into(), json!({"@type": "PropertyValue", "value": v.id}));
    m.insert("title".into(), json!(v.title));
    if let Some(d) = &v.description {
        m.insert("description".into(), json!(d));
    }
    if let Some(e) = &v.employer {
        m.insert("hiringOrganization".into(), json!({"@type": "Organization", "name": e}));
    }
    if let Some(p) = &v.place {
        let mut place = Map::new();
        place.insert("@type".into(), json!("Place"));
        if let Some(n) = &p.name {
            place.insert("address".into(), json!({"@type": "PostalAddress", "addressLocality": n}));
        }
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            place.insert("geo".into(), json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}));
        }
        if let Some(code) = &p.istat {
            report.unmapped(format!("{}: place.istat", v.id), super::report::quoted(code), "JobPosting has no field for ISTAT codes");
        }
        m.insert("jobLocation".into(), Value::Object(place));
    }
    let mut types = Vec::new();
    match v.hours {
        Some(Hours::FullTime) => types.push("FULL_TIME".to_owned()),
        Some(Hours::PartTime) => types.push("PART_TIME".to_owned()),
        _ => {}
    }
    if let Some(c) = v.contract {
        types.push(c.code().to_owned());
    }
    if !types.is_empty() {
        m.insert("employmentType".into(), json!(types));
    }
    match v.remote {
        Some(Remote::Remote) => {
            m.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        }
        Some(Remote::Hybrid) => {
            report.unmapped(format!("{}: remote", v.id), "\"hybrid\"", "JobPosting can only say fully remote (TELECOMMUTE)")
        }
        _ => {}
    }
    let skill = |c: &Concept| match &c.uri {
        Some(u) => {
            json!({"@type": "DefinedTerm", "name": c.label, "url": u, "inDefinedTermSet": "http://data.europa.eu/esco/concept-scheme/skills"})
        }
        None => json!(c.label),
    };
    let skills: Vec<Value> = v.essential_skills.iter().chain(&v.optional_skills).map(skill).collect();
    if !skills.is_empty() {
        m.insert("skills".into(), Value::Array(skills));
    }
    if !v.optional_skills.is_empty() {
        report.unmapped(
            format!("{}: optional_skills", v.id),
            super::report::summary(&json!(v.optional_skills.iter().map(|c| &c.label).collect::<Vec<_>>())),
            "exported as skills: JobPosting does not tell essential from optional skills",
        );
    }
    if let Some(o) = &v.occupation {
        let value = match &o.uri {
            Some(u) => json!({"@type": "CategoryCode", "codeValue": u, "name": o.label, "inCodeSet": "https://esco.ec.europa.eu"}),
            None => json!(o.label),
        };
        m.insert("occupationalCategory".into(), value);
    }
    if let Some(months) = v.min_experience_months {
        m.insert("experienceRequirements".into(), json!({"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}));
    }
    if let Some(d) = v.published {
        m.insert("datePosted".into(), json!(d.to_string()));
    }
    if let Some(d) = v.expires {
        m.insert("validThrough".into(), json!(d.to_string()));
    }
    if let Some(n) = v.positions {
        m.insert("totalJobOpenings".into(), json!(n));
    }
    if let Some(a) = &v.apply {
        if a.contains("://") {
            m.insert("url".into(), json!(a));
        } else {
            m.insert("applicationContact".into(), json!({"@type": "ContactPoint", "email": a}));
            report.unmapped(
                format!("{}: apply", v.id),
                super::report::quoted(a),
                "written as applicationContact.email, which is not read back",
            );
        }
    }
    let why = "JobPosting has no field for it";
    if let Some(l) = v.min_eqf_level {
        report.unmapped(format!("{}: min_eqf_level", v.id), l.get().to_string(), why);
    }
    if !v.languages.is_empty() {
        report.unmapped(
            format!("{}: languages", v.id),
            super::report::summary(&json!(v.languages.iter().map(|l| format!("{} {}", l.language, l.level)).collect::<Vec<_>>())),
            why,
        );
    }
    if !v.driving_licences.is_empty() {
        report.unmapped(format!("{}: driving_licences", v.id), super::report::summary(&json!(v.driving_licences)), why);
    }
    if v.reserved_law_68_99 {
        report.unmapped(format!("{}: reserved_law_68_99", v.id), "true", why);
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_of_postings_with_locations_and_types() {
        let v = json!({"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "name": "ACME"},
            {"@type": "JobPosting", "title": "Magazziniere", "identifier": {"@type": "PropertyValue", "name": "ACME", "value": "M-1"},
             "description": "<p>Carico e <b>scarico</b></p>", "employmentType": ["FULL_TIME", "TEMPORARY"],
             "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Trecate", "addressRegion": "NO"},
                             "geo": {"@type": "GeoCoordinates", "latitude": "45.43", "longitude": 8.74}},
             "skills": "carrello elevatore, magazzino", "occupationalCategory": "4321", "validThrough": "2026-12-31T23:59",
             "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR"}}
        ]});
        let (vs, r) = import_value(&v).unwrap();
        let x = &vs[0];
        assert_eq!(x.id, "M-1");
        assert_eq!(x.description.as_deref(), Some("Carico e scarico"));
        assert_eq!((x.hours, x.contract), (Some(Hours::FullTime), Some(ContractType::TempoDeterminato)));
        let p = x.place.as_ref().unwrap();
        assert_eq!((p.name.as_deref(), p.lat, p.lon), (Some("Trecate"), Some(45.43), Some(8.74)));
        assert_eq!(x.essential_skills.len(), 2);
        assert_eq!(x.occupation.as_ref().unwrap().uri.as_deref(), Some("http://data.europa.eu/esco/isco/C4321"));
        assert_eq!(x.expires.unwrap().to_string(), "2026-12-31");
        let paths: Vec<&str> = r.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["@graph[0]", "@graph[1].baseSalary", "@graph[1].jobLocation.address.addressRegion"]);
    }

    #[test]
    fn export_and_back() {
        let v: Vacancy = serde_json::from_value(json!({"id": "v1", "title": "Cuoco", "employer": "Trattoria", "essential_skills": [{"label": "cucinare", "uri": "http://data.europa.eu/esco/skill/x"}],
            "place": {"name": "Novara", "lat": 45.44, "lon": 8.62}, "contract": "tempo_indeterminato", "hours": "part_time", "published": "2026-11-01", "expires": "2026-12-01",
            "occupation": {"label": "cuoco", "uri": "http://data.europa.eu/esco/occupation/y"}, "positions": 2, "min_experience_months": 12, "apply": "https://example.it/apply"})).unwrap();
        let (ld, _) = export_all(std::slice::from_ref(&v));
        let (back, _) = import_value(&ld).unwrap();
        assert_eq!(back[0], v);
    }

    #[test]
    fn broken_json_in_html_names_the_line() {
        let html = "<!-- x -->\n<script type=\"application/ld+json\">\n{\n \"title\": \"a\nb\"\n}\n</script>";
        let err = import(html).unwrap_err().to_string();
        assert!(err.contains("line 4") && err.contains("not valid JSON") && err.contains("control character"), "{err}");
    }
}
