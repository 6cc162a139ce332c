//! JSON Resume (<https://jsonresume.org>), schema 1.x: CVs in both directions, and
//! `job-schema` jobs to vacancies.
//!
//! CV fields map as follows (pre-1.0 names in brackets are read too):
//!
//! | JSON Resume | profile |
//! |---|---|
//! | `basics.name` | `person.given_name` + `family_name` (the last word is the family name) |
//! | `basics.label`, `summary`, `email`, `phone`, `image` (`picture`) | `headline`, `summary`, `person.email`, `phone`, `photo` |
//! | `basics.url` (`website`), `basics.profiles[]` | `person.links` (labels "Website" and the network) |
//! | `basics.location` | `person.address` (one line) and `mobility.home.name` (the city) |
//! | `work[]`, `volunteer[]` | `work`, `volunteering` (`name`/`company`/`organization` -> employer, `position` -> role, `summary` -> description, `location` -> place) |
//! | `education[]` | `education` (`studyType` -> title, `area` -> field, `score`/`gpa` -> grade, `courses` -> description joined by "; "; EQF level read from common degree names, noted) |
//! | `skills[]` | `skills`: the `name` and each of its `keywords`, all at the skill's level |
//! | `languages[]` | mother tongues (fluency "native", "madrelingua"...) or the CEFR grid (a CEFR code or word, all five parts alike) |
//! | `certificates[]`, `projects[]` | `certifications`, `projects` |
//! | `awards`, `publications`, `interests`, `references` | `other_sections`, one each, titled in the CV's language (English unless it is Italian), with their kind |
//! | anything else | reported as unmapped |
//!
//! Export writes the same fields back, so a JSON Resume -> profile -> JSON Resume round
//! trip keeps everything the two models share; profile fields JSON Resume has no place for
//! (sensitive data, licences, EQF levels, ESCO URIs, mobility and preferences) are listed
//! in the report. Jobs: `title`, `company`, `description`, `location`, `type` (hours or
//! contract), `remote`, `date`/`posted_at`, `skills` (names essential, keywords optional),
//! `education` (EQF level, noted); `id` when given, or one made from the content.

use serde_json::{Map, Value, json};

use super::other_sections::{self, Gathered};
use super::text::{self, DateValue};
use super::tree::{Node, Tracker};
use super::words::{self, Fluency};
use super::{Import, Imported, MappingReport, SourceFormat, check_cv_size, finish_profile, finish_vacancy};
use crate::error::{Error, Result, without_position};
use crate::fold::label_key;
use crate::limits::MAX_IMPORT_ROWS;
use crate::model::{
    Certification, Education, LanguageSkill, Link, PartialDate, Place, Profile, Project, Remote, SectionEntry, SectionKind, Skill, Vacancy,
    WorkExperience,
};
use crate::model::{Concept, PROFILE_SCHEMA_VERSION, VACANCY_SCHEMA_VERSION};

const UNMAPPED: &str = "no matching field in sportello's profile";

/// Imports a JSON Resume CV, a job, or a list of jobs.
pub fn import(text: &str) -> Result<Import> {
    let v: Value = serde_json::from_str(text).map_err(|e| Error::Import {
        format: "jsonresume",
        message: format!("line {}, column {}: {}", e.line(), e.column(), without_position(&e.to_string())),
        hint: Some("check for a missing comma, quote or bracket just before that point".into()),
    })?;
    if is_job(&v) || v.get("jobs").is_some() || v.is_array() {
        let (vacancies, report) = import_jobs(&v)?;
        return Ok(Import {
            document: Imported::Vacancies(vacancies),
            format: SourceFormat::JsonResume,
            version: "JSON Resume job-schema".into(),
            report,
        });
    }
    check_cv_size(text)?;
    let (profile, report) = import_resume(&v)?;
    Ok(Import {
        document: Imported::Profile(Box::new(profile)),
        format: SourceFormat::JsonResume,
        version: "JSON Resume 1.x".into(),
        report,
    })
}

fn empty_profile() -> Profile {
    serde_json::from_value(json!({"schema_version": PROFILE_SCHEMA_VERSION, "person": {"given_name": "", "family_name": ""}}))
        .unwrap_or_else(|_| unreachable!())
}

fn date(n: &Node<'_, '_>) -> Option<PartialDate> {
    let raw = n.text()?;
    match text::date(&raw) {
        DateValue::Date(d) => Some(d),
        DateValue::Empty | DateValue::Ongoing => None,
        DateValue::Bad => {
            n.unmapped(format!("{raw:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"));
            None
        }
    }
}

/// Imports a parsed JSON Resume CV.
pub fn import_resume(v: &Value) -> Result<(Profile, MappingReport)> {
    let t = Tracker::new(v);
    let root = t.root();
    let mut p = empty_profile();
    for meta in ["$schema", "meta"] {
        root.get(meta).mark();
    }
    let b = root.get("basics");
    let name = b.str("name").unwrap_or_default();
    if name.is_empty() {
        return Err(Error::Import {
            format: "jsonresume",
            message: "basics.name is missing (expected the person's name)".into(),
            hint: Some("add \"basics\": {\"name\": \"Maria Rossi\"}".into()),
        });
    }
    let (given, family, note) = text::split_name(&name);
    if let Some(n) = note {
        b.note(n);
    }
    p.person.given_name = given;
    p.person.family_name = family;
    p.headline = b.str("label");
    p.summary = b.str("summary").map(|s| text::html_to_text(&s));
    p.person.email = b.str("email");
    p.person.phone = b.str("phone");
    let mobile = b.get("mobilePhone");
    if p.person.phone.is_none() {
        p.person.phone = mobile.text();
    } else {
        mobile.unmapped("only one phone number is kept");
    }
    p.person.photo = b.get_any(&["image", "picture"]).text();
    for key in ["url", "website"] {
        let n = b.get(key);
        if let Some(raw) = n.text() {
            match text::url(&raw) {
                Some(url) if !p.person.links.iter().any(|l| l.url == url) => p.person.links.push(Link { label: "Website".into(), url }),
                Some(_) => {}
                None => n.unmapped("not a web address"),
            }
        }
    }
    for prof in b.get("profiles").items() {
        let network = prof.str("network").unwrap_or_else(|| "Profile".into());
        let username = prof.get("username");
        let url_node = prof.get("url");
        match url_node.text().as_deref().and_then(text::url) {
            Some(url) => {
                if username.text().is_some_and(|u| url.to_lowercase().contains(&u.to_lowercase())) {
                    username.mark();
                }
                p.person.links.push(Link { label: network, url });
            }
            None => prof.unmapped("a profile without a web address"),
        }
    }
    let loc = b.get("location");
    let street = loc.str("address").unwrap_or_default();
    let mut parts: Vec<String> = vec![street.clone()];
    let town = [loc.str("postalCode"), loc.str("city")].into_iter().flatten().collect::<Vec<_>>().join(" ");
    for part in [Some(town), loc.str("region"), loc.str("countryCode")].into_iter().flatten() {
        // An address exported by sportello already holds the other parts.
        if !street.contains(&part) {
            parts.push(part);
        }
    }
    parts.retain(|s| !s.is_empty());
    if !parts.is_empty() {
        p.person.address = Some(parts.join(", "));
    }
    p.mobility.home = loc.get("city").text().map(|c| Place { name: Some(c), ..Place::default() });

    for (i, w) in root.get("work").items().iter().enumerate() {
        if let Some(x) = experience(w, &["name", "company"], i, "work") {
            p.work.push(x);
        }
    }
    for (i, w) in root.get("volunteer").items().iter().enumerate() {
        if let Some(x) = experience(w, &["organization", "name", "company"], i, "volunteer") {
            p.volunteering.push(x);
        }
    }
    for e in root.get("education").items() {
        let study = e.str("studyType");
        let area = e.str("area");
        let institution = e.str("institution");
        let Some(title) = study.clone().or_else(|| area.clone()).or_else(|| institution.clone()) else {
            e.unmapped("an education entry without studyType, area or institution");
            continue;
        };
        let eqf_level = study.as_deref().and_then(words::eqf_from_degree);
        if let Some(l) = eqf_level {
            e.note(format!("{}: EQF level {} read from {title:?}: check it", e.path(), l.get()));
        }
        let courses: Vec<String> = e.get("courses").items().iter().filter_map(Node::text).collect();
        p.education.push(Education {
            title,
            institution,
            place: e.get("location").text().map(|n| Place { name: Some(n), ..Place::default() }),
            start: date(&e.get("startDate")),
            end: date(&e.get("endDate")),
            eqf_level,
            field: if study.is_some() { area } else { None },
            grade: e.get_any(&["score", "gpa"]).text(),
            description: (!courses.is_empty()).then(|| courses.join("; ")),
        });
    }
    let mut seen: Vec<String> = Vec::new();
    for s in root.get("skills").items() {
        let level_node = s.get("level");
        let level = level_node.text().and_then(|l| {
            let found = words::skill_level(&l);
            if found.is_none() {
                level_node
                    .unmapped(format!("{l:?} is not a skill level sportello knows (expected e.g. basic, intermediate, advanced, expert)"));
            }
            found
        });
        let mut labels: Vec<String> = s.str("name").into_iter().collect();
        labels.extend(s.get("keywords").items().iter().filter_map(Node::text));
        for label in labels {
            if !seen.contains(&label_key(&label)) {
                seen.push(label_key(&label));
                p.skills.push(Skill { label, level, ..Skill::default() });
            }
        }
    }
    let mut lang_votes: Vec<&'static str> = Vec::new();
    for l in root.get("languages").items() {
        let lang_node = l.get_any(&["language", "name"]);
        let Some(name) = lang_node.text() else { continue };
        let Some((code, written_in)) = words::language_code(&name) else {
            l.unmapped(format!("{name:?} is not a language sportello knows by name"));
            continue;
        };
        lang_votes.extend(written_in);
        let fl_node = l.get_any(&["fluency", "level"]);
        let fl_text = fl_node.text().unwrap_or_default();
        match words::fluency(&fl_text) {
            Some(Fluency::Native) => p.languages.mother_tongues.push(code.into()),
            Some(Fluency::Level(x)) => p.languages.other.push(grid(code, [x; 5])),
            Some(Fluency::Grid(g)) => p.languages.other.push(grid(code, g)),
            None => {
                l.unmapped(format!("fluency {fl_text:?} cannot be read as a CEFR level (expected e.g. native, fluent, intermediate, B2)"))
            }
        }
    }
    lang_votes.sort_unstable();
    lang_votes.dedup();
    if let [only] = lang_votes.as_slice() {
        p.lang = Some((*only).to_owned());
    }
    for c in root.get("certificates").items() {
        let Some(name) = c.str("name") else { continue };
        p.certifications.push(Certification { name, issuer: c.str("issuer"), date: date(&c.get("date")), expires: None });
    }
    for pr in root.get("projects").items() {
        let Some(name) = pr.str("name") else { continue };
        let url = pr.get_any(&["url", "website"]);
        p.projects.push(Project {
            name,
            description: pr.str("description"),
            start: date(&pr.get("startDate")),
            end: date(&pr.get("endDate")),
            url: url.text().and_then(|u| text::url(&u)),
        });
    }
    p.other_sections = other_sections(&root, p.lang.as_deref().unwrap_or("en"));
    let mut report = t.finish(UNMAPPED);
    let p = finish_profile(p, &mut report)?;
    Ok((p, report))
}

/// `awards`, `publications`, `interests` and `references`, each a section titled in `lang`.
fn other_sections(root: &Node<'_, '_>, lang: &str) -> Vec<crate::model::OtherSection> {
    let mut g = Gathered::default();
    for (key, kind) in [
        ("awards", SectionKind::Awards),
        ("publications", SectionKind::Publications),
        ("interests", SectionKind::Interests),
        ("references", SectionKind::References),
    ] {
        for n in root.get(key).items() {
            let entry = SectionEntry {
                title: n.get_any(&["title", "name"]).text(),
                by: n.get_any(&["awarder", "publisher", "position"]).text(),
                date: date(&n.get_any(&["date", "releaseDate"])),
                link: n.get_any(&["url", "website"]).text().and_then(|u| text::url(&u)),
                text: n.get_any(&["summary", "reference"]).text().map(|s| text::html_to_text(&s)),
                items: n.get("keywords").items().iter().filter_map(Node::text).collect(),
                ..SectionEntry::default()
            };
            g.push(other_sections::title(kind, lang), Some(kind), entry);
        }
    }
    g.finish()
}

fn grid(code: &str, g: [crate::model::CefrLevel; 5]) -> LanguageSkill {
    LanguageSkill {
        language: code.into(),
        listening: g[0],
        reading: g[1],
        spoken_interaction: g[2],
        spoken_production: g[3],
        writing: g[4],
        certificate: None,
    }
}

fn experience(w: &Node<'_, '_>, employer_keys: &[&str], i: usize, section: &str) -> Option<WorkExperience> {
    let employer = w.get_any(employer_keys).text();
    let Some(role) = w.str("position") else {
        w.unmapped(format!("{section}[{i}] has no position (a role is needed)"));
        return None;
    };
    let summary = w.str("summary").map(|s| text::html_to_text(&s));
    let description = match summary {
        Some(s) => Some(s),
        None => w.str("description").map(|s| text::html_to_text(&s)),
    };
    Some(WorkExperience {
        role,
        employer,
        place: w.get("location").text().map(|n| Place { name: Some(n), ..Place::default() }),
        start: date(&w.get("startDate")),
        end: date(&w.get("endDate")),
        description,
        highlights: w.get("highlights").items().iter().filter_map(Node::text).collect(),
        occupation: None,
        informal: false,
    })
}

/// Imports JSON Resume jobs: one job, `{"jobs": [...]}` or an array of jobs.
pub fn import_jobs(v: &Value) -> Result<(Vec<Vacancy>, MappingReport)> {
    let t = Tracker::new(v);
    let root = t.root();
    let list = if v.is_array() {
        root.clone()
    } else if v.get("jobs").is_some() {
        root.get("jobs")
    } else {
        root.clone()
    };
    let items = list.items();
    if items.len() > MAX_IMPORT_ROWS {
        return Err(Error::Import {
            format: "jsonresume",
            message: format!("{} jobs, more than the limit of {MAX_IMPORT_ROWS}", items.len()),
            hint: Some("split the file".into()),
        });
    }
    let mut out = Vec::new();
    for job in &items {
        match job_vacancy(job) {
            Some(vac) => out.push(vac),
            None => job.unmapped("a job without a title"),
        }
    }
    if out.is_empty() {
        return Err(Error::Import { format: "jsonresume", message: "no job with a title was found".into(), hint: None });
    }
    let mut report = t.finish("no matching field in sportello's vacancy");
    let out = out.into_iter().map(|v| finish_vacancy(v, &mut report)).collect();
    Ok((out, report))
}

fn job_vacancy(j: &Node<'_, '_>) -> Option<Vacancy> {
    let title = j.str("title")?;
    let mut v: Vacancy = serde_json::from_value(json!({"schema_version": VACANCY_SCHEMA_VERSION, "id": "", "title": title})).ok()?;
    v.id = match j.str("id") {
        Some(id) => id,
        None => {
            let id = format!("job-{}", text::short_hash(&j.value().map(Value::to_string).unwrap_or_default()));
            j.note(format!("{}: no id, {id:?} was made from the content", j.path()));
            id
        }
    };
    v.employer = j.str("company");
    v.description = j.str("description").map(|d| text::html_to_text(&d));
    let loc = j.get("location");
    if let Some(s) = loc.value().and_then(Value::as_str) {
        loc.mark();
        v.place = Some(Place { name: Some(s.trim().to_owned()), ..Place::default() });
    } else if let Some(city) = loc.str("city") {
        v.place = Some(Place { name: Some(city), ..Place::default() });
    }
    let ty = j.get("type");
    if let Some(kind) = ty.text() {
        match words::employment(&kind) {
            (Some(h), _) => v.hours = Some(h),
            (_, Some(c)) => v.contract = Some(c),
            _ => ty.unmapped(format!("{kind:?} is not a contract or hours value sportello knows")),
        }
    }
    let remote = j.get("remote");
    if let Some(r) = remote.text() {
        match r.to_lowercase().as_str() {
            "full" | "remote" | "yes" | "true" => v.remote = Some(Remote::Remote),
            "hybrid" | "partial" => v.remote = Some(Remote::Hybrid),
            "none" | "no" | "false" | "onsite" | "on-site" => v.remote = Some(Remote::OnSite),
            _ => remote.unmapped(format!("{r:?} is not a remote-work value (expected Full, Hybrid or None)")),
        }
    }
    for key in ["date", "posted_at", "posted"] {
        let n = j.get(key);
        if n.is_present()
            && let Some(d) = date(&n)
        {
            v.published.get_or_insert(d);
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for s in j.get("skills").items() {
        let (name, keywords) = match s.value() {
            Some(Value::String(_)) => (s.text(), Vec::new()),
            _ => (s.str("name"), s.get("keywords").items().iter().filter_map(Node::text).collect()),
        };
        s.get("level").unmapped("vacancies keep no skill level");
        if let Some(n) = name
            && !seen.contains(&label_key(&n))
        {
            seen.push(label_key(&n));
            v.essential_skills.push(Concept { label: n, uri: None });
        }
        for k in keywords {
            if !seen.contains(&label_key(&k)) {
                seen.push(label_key(&k));
                v.optional_skills.push(Concept { label: k, uri: None });
            }
        }
    }
    let edu = j.get("education");
    if let Some(e) = edu.text() {
        match words::eqf_from_degree(&e) {
            Some(l) => {
                v.min_eqf_level = Some(l);
                edu.note(format!("{}: minimum EQF level {} read from {e:?}", edu.path(), l.get()));
            }
            None => edu.unmapped("no EQF level can be read from it"),
        }
    }
    Some(v)
}

/// A JSON Resume job: a title and something a job has.
pub(crate) fn is_job(v: &Value) -> bool {
    v.get("title").is_some_and(Value::is_string)
        && ["company", "description", "skills", "location", "type", "remote"].iter().any(|k| v.get(k).is_some())
}

/// Exports a profile as a JSON Resume 1.0.0 document, with the report of what JSON Resume
/// has no place for.
pub fn export(p: &Profile) -> (Value, MappingReport) {
    let mut r = MappingReport::default();
    let lang = p.lang.as_deref().unwrap_or("en");
    let mut basics = Map::new();
    basics.insert("name".into(), json!(format!("{} {}", p.person.given_name.trim(), p.person.family_name.trim()).trim()));
    put(&mut basics, "label", p.headline.clone());
    put(&mut basics, "email", p.person.email.clone());
    put(&mut basics, "phone", p.person.phone.clone());
    put(&mut basics, "summary", p.summary.as_deref().map(text::escape_for_html));
    match (&p.person.photo, p.privacy.print_photo) {
        (Some(photo), true) => {
            basics.insert("image".into(), json!(photo));
        }
        (Some(_), false) => r.unmapped("person.photo", "(a photo)", "not exported: privacy.print_photo is false"),
        _ => {}
    }
    let mut profiles = Vec::new();
    for l in &p.person.links {
        if l.label.eq_ignore_ascii_case("website") && !basics.contains_key("url") {
            basics.insert("url".into(), json!(l.url));
        } else {
            profiles.push(json!({"network": l.label, "url": l.url}));
        }
    }
    if !profiles.is_empty() {
        basics.insert("profiles".into(), Value::Array(profiles));
    }
    let mut location = Map::new();
    put(&mut location, "address", p.person.address.clone());
    put(&mut location, "city", p.mobility.home.as_ref().and_then(|h| h.name.clone()));
    if !location.is_empty() {
        basics.insert("location".into(), Value::Object(location));
    }
    let mut out = Map::new();
    out.insert("$schema".into(), json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"));
    out.insert("basics".into(), Value::Object(basics));
    let work: Vec<Value> = p.work.iter().map(|w| experience_json(w, "name")).collect();
    let volunteer: Vec<Value> = p.volunteering.iter().map(|w| experience_json(w, "organization")).collect();
    let education: Vec<Value> = p
        .education
        .iter()
        .map(|e| {
            let mut m = Map::new();
            put(&mut m, "institution", e.institution.clone());
            put(&mut m, "area", e.field.clone());
            m.insert("studyType".into(), json!(e.title));
            put(&mut m, "startDate", e.start.map(|d| d.to_string()));
            put(&mut m, "endDate", e.end.map(|d| d.to_string()));
            put(&mut m, "score", e.grade.clone());
            if let Some(d) = &e.description {
                m.insert("courses".into(), json!(d.split("; ").collect::<Vec<_>>()));
            }
            Value::Object(m)
        })
        .collect();
    let skills: Vec<Value> = p
        .skills
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("name".into(), json!(s.label));
            put(&mut m, "level", s.level.map(|l| words::skill_level_word(l, lang).to_owned()));
            Value::Object(m)
        })
        .collect();
    let native = if lang == "it" { "Madrelingua" } else { "Native speaker" };
    let mut languages: Vec<Value> =
        p.languages.mother_tongues.iter().map(|c| json!({"language": words::language_name(c, lang), "fluency": native})).collect();
    for l in &p.languages.other {
        let g = l.grid();
        let fluency = if g.iter().all(|x| *x == g[0]) {
            g[0].to_string()
        } else {
            words::GRID_LABELS.iter().zip(g).map(|(label, level)| format!("{label} {level}")).collect::<Vec<_>>().join(", ")
        };
        languages.push(json!({"language": words::language_name(&l.language, lang), "fluency": fluency}));
    }
    let certificates: Vec<Value> = p
        .certifications
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("name".into(), json!(c.name));
            put(&mut m, "issuer", c.issuer.clone());
            put(&mut m, "date", c.date.map(|d| d.to_string()));
            Value::Object(m)
        })
        .collect();
    let projects: Vec<Value> = p
        .projects
        .iter()
        .map(|x| {
            let mut m = Map::new();
            m.insert("name".into(), json!(x.name));
            put(&mut m, "description", x.description.clone());
            put(&mut m, "startDate", x.start.map(|d| d.to_string()));
            put(&mut m, "endDate", x.end.map(|d| d.to_string()));
            put(&mut m, "url", x.url.clone());
            Value::Object(m)
        })
        .collect();
    let mut by_kind: std::collections::BTreeMap<&str, Vec<Value>> = std::collections::BTreeMap::new();
    for (i, s) in p.other_sections.iter().enumerate() {
        let key = match s.kind {
            Some(SectionKind::Awards) => "awards",
            Some(SectionKind::Publications) => "publications",
            Some(SectionKind::Interests) => "interests",
            Some(SectionKind::References) => "references",
            _ => {
                r.unmapped(format!("other_sections[{i}]"), super::report::quoted(&s.title), "JSON Resume has no section of this kind");
                continue;
            }
        };
        for (j, e) in s.entries.iter().enumerate() {
            let (entry, dropped) = section_entry_json(key, e);
            for (field, value) in dropped {
                let path = format!("other_sections[{i}].entries[{j}].{field}");
                r.unmapped(path, super::report::summary(&value), format!("JSON Resume's {key} have no {field}"));
            }
            by_kind.entry(key).or_default().push(entry);
        }
    }
    for (key, list) in [
        ("work", work),
        ("volunteer", volunteer),
        ("education", education),
        ("skills", skills),
        ("languages", languages),
        ("certificates", certificates),
        ("projects", projects),
        ("awards", by_kind.remove("awards").unwrap_or_default()),
        ("publications", by_kind.remove("publications").unwrap_or_default()),
        ("interests", by_kind.remove("interests").unwrap_or_default()),
        ("references", by_kind.remove("references").unwrap_or_default()),
    ] {
        if !list.is_empty() {
            out.insert(key.into(), Value::Array(list));
        }
    }
    report_export_losses(p, &mut r);
    (Value::Object(out), r)
}

/// An entry of a section of the person's own in JSON Resume's words for section `key`
/// (`awards`, `publications`, `interests` or `references`), and the names of its fields
/// that section has no place for, each with its value.
fn section_entry_json(key: &str, e: &SectionEntry) -> (Value, Vec<(&'static str, Value)>) {
    // Which of title, by, date, text, link and items the section holds, and under which name.
    let names: [Option<&str>; 6] = match key {
        "awards" => [Some("title"), Some("awarder"), Some("date"), Some("summary"), Some("url"), None],
        "publications" => [Some("name"), Some("publisher"), Some("releaseDate"), Some("summary"), Some("url"), None],
        "references" => [Some("name"), Some("position"), None, Some("reference"), None, None],
        _ => [Some("name"), None, None, None, None, Some("keywords")],
    };
    let values = [
        e.title.clone().map(Value::String),
        e.by.clone().map(Value::String),
        e.date.map(|d| Value::String(d.to_string())),
        e.text.as_deref().map(|t| Value::String(text::escape_for_html(t))),
        e.link.clone().map(Value::String),
        (!e.items.is_empty()).then(|| json!(e.items)),
    ];
    let fields = ["title", "by", "date", "text", "link", "items"];
    let mut m = Map::new();
    let mut dropped = Vec::new();
    for ((name, value), field) in names.iter().zip(values).zip(fields) {
        match (name, value) {
            (Some(n), Some(v)) => {
                m.insert((*n).to_owned(), v);
            }
            (None, Some(v)) => dropped.push((field, v)),
            _ => {}
        }
    }
    if let Some(place) = &e.place {
        dropped.push(("place", Value::String(place.clone())));
    }
    if let Some(end) = e.end {
        dropped.push(("end", Value::String(end.to_string())));
    }
    (Value::Object(m), dropped)
}

fn experience_json(w: &WorkExperience, employer_key: &str) -> Value {
    let mut m = Map::new();
    put(&mut m, employer_key, w.employer.clone());
    m.insert("position".into(), json!(w.role));
    put(&mut m, "location", w.place.as_ref().and_then(|p| p.name.clone()));
    put(&mut m, "startDate", w.start.map(|d| d.to_string()));
    put(&mut m, "endDate", w.end.map(|d| d.to_string()));
    put(&mut m, "summary", w.description.as_deref().map(text::escape_for_html));
    if !w.highlights.is_empty() {
        m.insert("highlights".into(), json!(w.highlights));
    }
    Value::Object(m)
}

fn put(m: &mut Map<String, Value>, key: &str, v: Option<String>) {
    if let Some(v) = v.filter(|s| !s.trim().is_empty()) {
        m.insert(key.into(), Value::String(v));
    }
}

/// Lists the profile fields JSON Resume has no place for.
fn report_export_losses(p: &Profile, r: &mut MappingReport) {
    let why = "JSON Resume has no field for it";
    if !p.sensitive.is_empty() {
        r.unmapped(
            "sensitive",
            "(date of birth, sex, nationality, disability)",
            "not exported: sensitive data, and JSON Resume has no field for it",
        );
    }
    if !p.driving_licences.is_empty() {
        r.unmapped("driving_licences", super::report::summary(&json!(p.driving_licences)), why);
    }
    if !p.digital_skills.is_empty() {
        r.unmapped("digital_skills", super::report::summary(&json!(p.digital_skills.iter().map(|s| &s.label).collect::<Vec<_>>())), why);
    }
    for (i, s) in p.skills.iter().enumerate() {
        if let Some(u) = &s.uri {
            r.unmapped(format!("skills[{i}].uri"), super::report::quoted(u), why);
        }
    }
    for (i, e) in p.education.iter().enumerate() {
        if let Some(l) = e.eqf_level {
            r.unmapped(format!("education[{i}].eqf_level"), l.get().to_string(), why);
        }
    }
    for (i, w) in p.work.iter().enumerate() {
        if let Some(o) = &w.occupation {
            r.unmapped(format!("work[{i}].occupation"), super::report::quoted(&o.label), why);
        }
    }
    for (i, l) in p.languages.other.iter().enumerate() {
        if let Some(c) = &l.certificate {
            r.unmapped(format!("languages.other[{i}].certificate"), super::report::quoted(c), why);
        }
    }
    for (i, c) in p.certifications.iter().enumerate() {
        if let Some(x) = c.expires {
            r.unmapped(format!("certifications[{i}].expires"), x.to_string(), why);
        }
    }
    if p.mobility.max_commute_km.is_some() || p.mobility.own_vehicle || p.mobility.willing_to_relocate {
        r.unmapped("mobility", "(commute, vehicle, relocation)", why);
    }
    if p.preferences != crate::model::Preferences::default() {
        r.unmapped("preferences", "(wanted occupations, contracts, hours)", why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_basics_languages_and_reports_the_rest() {
        let v = json!({
            "basics": {"name": "Mario Rossi", "label": "Cuoco", "email": "mario@example.it", "url": "www.example.it",
                       "location": {"address": "Via Roma 1", "postalCode": "28069", "city": "Trecate", "countryCode": "IT"},
                       "profiles": [{"network": "GitHub", "username": "mrossi", "url": "https://github.com/mrossi"}]},
            "languages": [{"language": "Italiano", "fluency": "Madrelingua"}, {"language": "Inglese", "fluency": "B2"}, {"language": "Klingon", "fluency": "A1"}],
            "skills": [{"name": "Cucina", "level": "Avanzato", "keywords": ["HACCP", "pasticceria"]}],
            "awards": [{"title": "Premio"}],
            "work": [{"name": "Trattoria", "position": "Cuoco", "startDate": "2019-03", "endDate": "boh"}]
        });
        let (p, r) = import_resume(&v).unwrap();
        assert_eq!((p.person.given_name.as_str(), p.person.family_name.as_str()), ("Mario", "Rossi"));
        assert_eq!(p.person.address.as_deref(), Some("Via Roma 1, 28069 Trecate, IT"));
        assert_eq!(p.person.links.len(), 2);
        assert_eq!(p.languages.mother_tongues, ["it"]);
        assert_eq!(p.languages.other[0].language, "en");
        assert_eq!(p.lang.as_deref(), Some("it"));
        assert_eq!(p.skills.len(), 3);
        let paths: Vec<&str> = r.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert!(paths.contains(&"languages[2]") && paths.contains(&"work[0].endDate"), "{paths:?}");
        assert_eq!(p.other_sections[0].title, "Premi e riconoscimenti");
        assert_eq!(p.other_sections[0].entries[0].title.as_deref(), Some("Premio"));
    }

    #[test]
    fn export_then_import_keeps_shared_fields() {
        let v = json!({"basics": {"name": "Ada Lovelace", "email": "ada@example.com"},
                       "languages": [{"language": "English", "fluency": "Native speaker"}, {"language": "French", "fluency": "listening C1, reading C2, spoken interaction B2, spoken production B2, writing B1"}]});
        let (p, _) = import_resume(&v).unwrap();
        let (out, _) = export(&p);
        let (back, _) = import_resume(&out).unwrap();
        assert_eq!(p, back);
    }

    #[test]
    fn jobs() {
        let v = json!({"title": "Sviluppatore", "company": "ACME", "type": "Full-time", "remote": "Hybrid", "date": "2022-03-01",
                       "skills": ["Python", {"name": "SQL", "keywords": ["PostgreSQL"]}], "perks": ["pizza"]});
        let (vs, r) = import_jobs(&v).unwrap();
        assert_eq!(vs[0].essential_skills.len(), 2);
        assert_eq!(vs[0].optional_skills[0].label, "PostgreSQL");
        assert_eq!(vs[0].hours, Some(crate::model::Hours::FullTime));
        assert_eq!(vs[0].remote, Some(Remote::Hybrid));
        assert!(vs[0].id.starts_with("job-"));
        assert_eq!(r.unmapped[0].path, "perks");
    }
}
