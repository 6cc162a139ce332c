//! RenderCV (<https://rendercv.com>) YAML, v2: the `cv:` part to a profile.
//!
//! `cv.name`, `headline`, `location`, `email`, `phone`, `website`, `photo` and
//! `social_networks` (made into links for the common networks) map to the person.
//! Sections are read by the shape of their entries, and by their title where the shape
//! is ambiguous:
//!
//! | entries | section title | profile |
//! |---|---|---|
//! | `institution` + `area` (education entry) | any | `education` |
//! | `company` + `position` (experience entry) | "volunteer..." / "volontariato" | `volunteering` |
//! | `company` + `position` | any other | `work` |
//! | `name` (normal entry) | "projects", "progetti"... | `projects` (a Markdown link in the name gives the URL) |
//! | `name` | "certifications", "certificazioni"... | `certifications` |
//! | `label` + `details` (one-line entry) | "skills", "competenze", "technologies"... | `skills` (details split on commas) |
//! | `label` + `details` | "languages", "lingue" | languages (details read as a fluency) |
//! | text | "summary", "about", "profilo"... | `summary` |
//!
//! | anything else (publications, talks, honours, free text...) | any | `other_sections`: one per section, titled by its key (`invited_talks` -> "Invited talks"), its kind read from the key |
//!
//! The `design`, `locale` and `settings` blocks are reported as unmapped. Markdown marks
//! are removed (a link in a name becomes the entry's link).

use serde_json::{Value, json};

use super::other_sections::{Gathered, kind_of, title_from_key};
use super::text::{self, DateValue, markdown};
use super::tree::{Node, Tracker};
use super::words::{self, Fluency};
use super::{Import, Imported, SourceFormat, check_cv_size, finish_profile};
use crate::error::{Error, Result, without_position};
use crate::fold::label_key;
use crate::model::{
    Certification, Education, LanguageSkill, Link, PROFILE_SCHEMA_VERSION, PartialDate, Place, Profile, Project, SectionEntry, Skill,
    WorkExperience,
};

/// Imports a RenderCV YAML file.
pub fn import(text: &str) -> Result<Import> {
    check_cv_size(text)?;
    let v: Value = serde_norway::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        Error::Import {
            format: "rendercv",
            message: format!("line {line}, column {column}: {}", without_position(&e.to_string())),
            hint: Some("check the indentation and quote values that contain ': '".into()),
        }
    })?;
    if !v.get("cv").is_some_and(Value::is_object) {
        return Err(Error::Import {
            format: "rendercv",
            message: "there is no `cv:` section (expected `cv:` with `name:` and `sections:`)".into(),
            hint: None,
        });
    }
    let t = Tracker::new(&v);
    let root = t.root();
    for meta in ["design", "settings"] {
        root.get(meta).mark();
    }
    let mut p: Profile =
        serde_json::from_value(json!({"schema_version": PROFILE_SCHEMA_VERSION, "person": {"given_name": "", "family_name": ""}}))
            .map_err(|e| Error::Import { format: "rendercv", message: e.to_string(), hint: None })?;
    let locale = root.get("locale");
    if let Some(lang) = locale.str("language") {
        p.lang = words::language_code(&lang).map(|(c, _)| c.to_owned());
    }
    locale.mark();
    let cv = root.get("cv");
    let name = cv.str("name").unwrap_or_default();
    if name.is_empty() {
        return Err(Error::Import { format: "rendercv", message: "cv.name is missing (expected the person's name)".into(), hint: None });
    }
    let (given, family, note) = text::split_name(&name);
    if let Some(n) = note {
        cv.note(n);
    }
    p.person.given_name = given;
    p.person.family_name = family;
    p.headline = cv.str("headline").map(|h| markdown(&h).0);
    p.person.email = cv.str("email");
    p.person.phone = cv.str("phone").map(|s| s.trim_start_matches("tel:").to_owned());
    p.person.photo = cv.str("photo");
    if let Some(loc) = cv.str("location") {
        p.person.address = Some(loc.clone());
        p.mobility.home = Some(Place { name: Some(loc), ..Place::default() });
    }
    let web = cv.get("website");
    if let Some(w) = web.text() {
        match text::url(&w) {
            Some(url) => p.person.links.push(Link { label: "Website".into(), url }),
            None => web.unmapped("not a web address"),
        }
    }
    for sn in cv.get("social_networks").items() {
        let network = sn.str("network").unwrap_or_default();
        let user = sn.str("username").unwrap_or_default();
        match social_url(&network, &user) {
            Some(url) => p.person.links.push(Link { label: network, url }),
            None => sn.unmapped(format!("no web address is known for the network {network:?}")),
        }
    }
    let sections = cv.get("sections");
    let mut others = Gathered::default();
    for title in section_order(text, sections.keys()) {
        let section = sections.get(&title);
        read_section(&title, &section, &mut p, &mut others);
    }
    p.other_sections = others.finish();
    let mut report = t.finish("no matching field in sportello's profile");
    let p = finish_profile(p, &mut report)?;
    Ok(Import { document: Imported::Profile(Box::new(p)), format: SourceFormat::RenderCv, version: "RenderCV v2 YAML".into(), report })
}

/// The section titles in the order the file gives them (the JSON tree sorts its keys):
/// `keys` ordered by the YAML mapping, any the YAML does not list left at the end.
fn section_order(text: &str, mut keys: Vec<String>) -> Vec<String> {
    let yaml: serde_norway::Value = serde_norway::from_str(text).unwrap_or_default();
    let in_file: Vec<String> = yaml
        .get("cv")
        .and_then(|cv| cv.get("sections"))
        .and_then(serde_norway::Value::as_mapping)
        .map(|m| m.keys().filter_map(|k| k.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    keys.sort_by_key(|k| in_file.iter().position(|f| f == k).unwrap_or(usize::MAX));
    keys
}

/// The profile address of a network RenderCV knows, as RenderCV builds it.
fn social_url(network: &str, user: &str) -> Option<String> {
    let u = user.trim().trim_start_matches('@');
    if u.is_empty() {
        return None;
    }
    let url = match network.to_lowercase().as_str() {
        "linkedin" => format!("https://linkedin.com/in/{u}"),
        "github" => format!("https://github.com/{u}"),
        "gitlab" => format!("https://gitlab.com/{u}"),
        "instagram" => format!("https://instagram.com/{u}"),
        "orcid" => format!("https://orcid.org/{u}"),
        "researchgate" => format!("https://researchgate.net/profile/{u}"),
        "youtube" => format!("https://youtube.com/@{u}"),
        "google scholar" => format!("https://scholar.google.com/citations?user={u}"),
        "telegram" => format!("https://t.me/{u}"),
        "x" | "twitter" => format!("https://x.com/{u}"),
        "bluesky" => format!("https://bsky.app/profile/{u}"),
        "stackoverflow" => format!("https://stackoverflow.com/users/{u}"),
        "mastodon" => {
            let (name, server) = u.split_once('@')?;
            format!("https://{server}/@{name}")
        }
        _ => return None,
    };
    Some(url)
}

fn title_is(title: &str, words: &[&str]) -> bool {
    let t = label_key(title);
    words.iter().any(|w| t.contains(w))
}

fn read_section(title: &str, section: &Node<'_, '_>, p: &mut Profile, others: &mut Gathered) {
    let summary_like = title_is(title, &["summary", "about", "profile", "profilo", "sommario", "presentazione", "objective", "obiettivo"]);
    for e in section.items() {
        let has = |k: &str| e.value().is_some_and(|v| v.get(k).is_some());
        if e.value().is_some_and(Value::is_string) {
            if summary_like {
                let t = markdown(&e.text().unwrap_or_default()).0;
                p.summary = Some(match p.summary.take() {
                    Some(s) => format!("{s}\n{t}"),
                    None => t,
                });
            } else {
                let text = e.text().map(|t| markdown(&t).0);
                others.push(&title_from_key(title), kind_of(title), SectionEntry { text, ..SectionEntry::default() });
            }
        } else if has("institution") {
            let degree = e.str("degree");
            let area = e.str("area");
            let mut notes: Vec<String> = e.str("summary").into_iter().map(|s| markdown(&s).0).collect();
            notes.extend(e.get("highlights").items().iter().filter_map(Node::text).map(|h| markdown(&h).0));
            let (start, end) = period(&e);
            let title = degree.clone().or_else(|| area.clone()).unwrap_or_else(|| e.str("institution").unwrap_or_default());
            let eqf_level = degree.as_deref().and_then(words::eqf_from_degree);
            if let Some(l) = eqf_level {
                e.note(format!("{}: EQF level {} read from {title:?}: check it", e.path(), l.get()));
            }
            p.education.push(Education {
                title,
                institution: e.str("institution").map(|s| markdown(&s).0),
                place: e.str("location").map(|n| Place { name: Some(n), ..Place::default() }),
                start,
                end,
                eqf_level,
                field: if degree.is_some() { area } else { None },
                grade: None,
                description: (!notes.is_empty()).then(|| notes.join("\n")),
            });
        } else if has("company") && has("position") {
            let (start, end) = period(&e);
            let w = WorkExperience {
                role: markdown(&e.str("position").unwrap_or_default()).0,
                employer: e.str("company").map(|s| markdown(&s).0),
                place: e.str("location").map(|n| Place { name: Some(n), ..Place::default() }),
                start,
                end,
                description: e.str("summary").map(|s| markdown(&s).0),
                highlights: e.get("highlights").items().iter().filter_map(Node::text).map(|h| markdown(&h).0).collect(),
                occupation: None,
                informal: false,
            };
            if title_is(title, &["volunt", "volont"]) { p.volunteering.push(w) } else { p.work.push(w) }
        } else if has("name") && title_is(title, &["project", "progett", "portfolio", "open source"]) {
            let (name, url) = markdown(&e.str("name").unwrap_or_default());
            let mut desc: Vec<String> = e.str("summary").into_iter().map(|s| markdown(&s).0).collect();
            desc.extend(e.get("highlights").items().iter().filter_map(Node::text).map(|h| markdown(&h).0));
            let (start, end) = period(&e);
            e.get("location").unmapped("projects keep no place");
            p.projects.push(Project {
                name,
                description: (!desc.is_empty()).then(|| desc.join("\n")),
                start,
                end,
                url: url.and_then(|u| text::url(&u)),
            });
        } else if has("name") && title_is(title, &["certif", "licen", "attestat"]) {
            let (start, end) = period(&e);
            p.certifications.push(Certification {
                name: markdown(&e.str("name").unwrap_or_default()).0,
                issuer: None,
                date: end.or(start),
                expires: None,
            });
        } else if has("label") && has("details") && title_is(title, &["language", "lingu", "langue", "sprach", "idiom"]) {
            let name = markdown(&e.str("label").unwrap_or_default()).0;
            let details = markdown(&e.str("details").unwrap_or_default()).0;
            match (words::language_code(&name), words::fluency(&details)) {
                (Some((code, _)), Some(Fluency::Native)) => p.languages.mother_tongues.push(code.into()),
                (Some((code, _)), Some(Fluency::Level(l))) => p.languages.other.push(LanguageSkill {
                    language: code.into(),
                    listening: l,
                    reading: l,
                    spoken_interaction: l,
                    spoken_production: l,
                    writing: l,
                    certificate: None,
                }),
                (Some((code, _)), Some(Fluency::Grid(g))) => p.languages.other.push(LanguageSkill {
                    language: code.into(),
                    listening: g[0],
                    reading: g[1],
                    spoken_interaction: g[2],
                    spoken_production: g[3],
                    writing: g[4],
                    certificate: None,
                }),
                _ => e.unmapped(format!("{name:?} / {details:?} cannot be read as a language and a level")),
            }
        } else if has("label")
            && has("details")
            && title_is(title, &["skill", "competen", "technolog", "tool", "strument", "kenntnis", "compétence"])
        {
            let label = e.get("label");
            label.unmapped("a skill group heading: the skills under it were imported one by one");
            for s in text::split_list(&markdown(&e.str("details").unwrap_or_default()).0) {
                if !p.skills.iter().any(|x| label_key(&x.label) == label_key(&s)) {
                    p.skills.push(Skill { label: s, ..Skill::default() });
                }
            }
        } else {
            others.push(&title_from_key(title), kind_of(title), other_entry(&e));
        }
    }
}

/// An entry of a section Sportello has no field for, whatever its shape: a bullet or a
/// numbered line, a one-line entry, a normal entry or a publication.
fn other_entry(e: &Node<'_, '_>) -> SectionEntry {
    let md = |key: &str| e.str(key).map(|s| markdown(&s));
    let (title, name_link) = match md("title").or_else(|| md("name")) {
        Some((t, link)) => (Some(t), link),
        None => (md("label").or_else(|| md("bullet")).or_else(|| md("number")).or_else(|| md("reversed_number")).map(|m| m.0), None),
    };
    let authors: Vec<String> = e.get("authors").items().iter().filter_map(Node::text).map(|a| markdown(&a).0).collect();
    let doi = e.str("doi").map(|d| format!("https://doi.org/{}", d.trim_start_matches("https://doi.org/")));
    let (date, end) = period(e);
    let text = [md("details"), md("journal"), md("summary")].into_iter().flatten().map(|m| m.0).collect::<Vec<_>>();
    SectionEntry {
        title,
        by: (!authors.is_empty()).then(|| authors.join(", ")),
        date,
        end,
        place: md("location").map(|m| m.0),
        link: e.str("url").or(doi).or(name_link).and_then(|u| text::url(&u)),
        text: (!text.is_empty()).then(|| text.join("\n")),
        items: e.get("highlights").items().iter().filter_map(Node::text).map(|h| markdown(&h).0).collect(),
    }
}

fn period(e: &Node<'_, '_>) -> (Option<PartialDate>, Option<PartialDate>) {
    let read = |key: &str| -> Option<PartialDate> {
        let n = e.get(key);
        let raw = n.text()?;
        match text::date(&raw) {
            DateValue::Date(d) => Some(d),
            DateValue::Empty | DateValue::Ongoing => None,
            DateValue::Bad => {
                n.unmapped(format!("{raw:?} is not a date sportello can read"));
                None
            }
        }
    };
    let start = read("start_date");
    let end = read("end_date");
    match (start, end) {
        (None, None) => (read("date"), None),
        _ => (start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;

    #[test]
    fn sections_by_shape_and_title() {
        let y = r#"
cv:
  name: Giulia Bianchi
  location: Novara
  email: giulia@example.it
  social_networks:
    - network: GitHub
      username: gbianchi
    - network: Myspace
      username: gb
  sections:
    summary:
      - Cuoca con **dieci anni** di esperienza.
    esperienza:
      - company: Trattoria
        position: Cuoca
        start_date: 2019-03
        end_date: present
    formazione:
      - institution: IPSSAR Novara
        area: Enogastronomia
        degree: Diploma
        date: '2014'
    competenze:
      - label: Cucina
        details: pasta fresca, pasticceria; HACCP
    lingue:
      - label: Inglese
        details: B1
    premi:
      - bullet: Primo premio
    pubblicazioni:
      - title: Ricette di **casa**
        authors: ["*Giulia Bianchi*", Marco Neri]
        doi: 10.1234/ricette
        journal: Cucina Oggi
        date: 2022-05
    invited_talks:
      - name: Festa del gusto
        location: Novara
        date: 2023-09
        highlights: [Dimostrazione di pasta fresca]
design:
  theme: classic
"#;
        let done = import(y).unwrap();
        let Imported::Profile(p) = done.document else { panic!() };
        assert_eq!(p.person.family_name, "Bianchi");
        assert_eq!(p.summary.as_deref(), Some("Cuoca con dieci anni di esperienza."));
        assert_eq!(p.work[0].start.unwrap().to_string(), "2019-03");
        assert_eq!(p.work[0].end, None);
        assert_eq!(p.education[0].start.unwrap().to_string(), "2014");
        assert_eq!(p.skills.len(), 3);
        assert_eq!(p.languages.other[0].language, "en");
        assert_eq!(p.person.links[0].url, "https://github.com/gbianchi");
        let paths: Vec<&str> = done.report.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert!(paths.contains(&"cv.social_networks[1]"), "{paths:?}");
        // Sections Sportello has no field for become sections of the person's own.
        let titles: Vec<(&str, Option<SectionKind>)> = p.other_sections.iter().map(|s| (s.title.as_str(), s.kind)).collect();
        assert_eq!(
            titles,
            [
                ("Premi", Some(SectionKind::Awards)),
                ("Pubblicazioni", Some(SectionKind::Publications)),
                ("Invited talks", Some(SectionKind::Conferences))
            ]
        );
        assert_eq!(p.other_sections[0].entries[0].title.as_deref(), Some("Primo premio"));
        let paper = &p.other_sections[1].entries[0];
        assert_eq!(paper.title.as_deref(), Some("Ricette di casa"));
        assert_eq!(paper.by.as_deref(), Some("Giulia Bianchi, Marco Neri"));
        assert_eq!(paper.link.as_deref(), Some("https://doi.org/10.1234/ricette"));
        assert_eq!(paper.text.as_deref(), Some("Cucina Oggi"));
        assert_eq!(paper.date.unwrap().to_string(), "2022-05");
        let talk = &p.other_sections[2].entries[0];
        assert_eq!((talk.place.as_deref(), talk.items.len()), (Some("Novara"), 1));
        assert!(!paths.iter().any(|p| p.starts_with("cv.sections.p") || p.starts_with("cv.sections.invited")), "{paths:?}");
    }
}
