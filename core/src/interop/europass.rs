//! Europass CVs (<https://europass.europa.eu>): import of every version that circulates,
//! export of the current one.
//!
//! Versions supported:
//! - **Europass Candidate XML (2020+)**, the document the current Europass editor puts in
//!   its PDFs and XML downloads: root `<Candidate xmlns="http://www.europass.eu/1.0">`,
//!   built on HR-Open (HR-XML 3.0) with OAGIS and EURES parts. Import and export (see
//!   the Candidate section below).
//! - **Europass v3 XML**, root `<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass">`
//!   (XSD V3.0, 2013, to V3.4, 2018, including ESP/language-passport bundles), and its JSON
//!   twin (`{"SkillsPassport": {...}}`): identification, headline, work and education,
//!   the CEFR self-assessment grid and certificates of each foreign language, mother
//!   tongues, digital competence (the five DigComp areas with their A/B/C levels),
//!   driving licences, the free-text skill sections (read as skills, one per list item),
//!   and the achievements ("Publications", "Honours and awards", "Conferences"...: each a
//!   section of `other_sections`, its kind read from the code). Import.
//! - **Europass v1.0 XML**, root `<europass:learnerinfo>` (2005-2012, lowercase element
//!   names, e.g. the Italian `locale="it_IT"` CVs). Import.
//!
//! Attachments, printing preferences and document metadata are not imported (the first
//! are reported). XML is parsed by `roxmltree` without DTD support: a file with a
//! `<!DOCTYPE>` is refused before parsing (it is how entity-expansion "billion laughs" and
//! external-entity attacks come in; no Europass version has one), and so is nesting
//! deeper than 128 levels.
//!
//! The Candidate export follows the element names observed in documents made by the
//! Europass editor (the official XSD is not published at a stable address); it is read
//! back by this importer without loss for the fields the two models share.

use serde_json::{Map, Value, json};

use super::europass_candidate;
use super::europass_parts::{fill_grid, isco};
use super::other_sections::{self, Gathered, kind_of, title_from_key};
use super::text::{self, html_parts};
use super::tree::{Node, Tracker};
use super::words::{self};
use super::{Import, Imported, SourceFormat, check_cv_size, finish_profile};
use crate::error::{Error, Result, without_position};
use crate::fold::label_key;
use crate::limits::MAX_DEPTH;
use crate::model::{
    CefrLevel, Certification, Education, EqfLevel, LanguageSkill, LicenceCategory, Link, PROFILE_SCHEMA_VERSION, PartialDate, Place,
    Profile, Project, SectionEntry, Skill, SkillLevel, WorkExperience,
};

const UNMAPPED: &str = "no matching field in sportello's profile";

/// Imports a Europass CV: Candidate XML, v3 XML or JSON, or v1.0 XML.
pub fn import(text: &str) -> Result<Import> {
    check_cv_size(text)?;
    let t = text.trim_start();
    if t.starts_with('{') {
        let v: Value = serde_json::from_str(t).map_err(|e| Error::Import {
            format: "europass",
            message: format!("line {}, column {}: {}", e.line(), e.column(), without_position(&e.to_string())),
            hint: None,
        })?;
        let tracker = Tracker::new(&v);
        let root = tracker.root().get("SkillsPassport");
        if !root.is_present() {
            return Err(Error::Import {
                format: "europass",
                message: "the JSON has no `SkillsPassport` (expected a Europass v3 JSON CV)".into(),
                hint: None,
            });
        }
        let mut p = empty_profile()?;
        p.lang = root.str("Locale").map(|l| l.chars().take(2).collect::<String>().to_lowercase());
        v3(&root, &mut p)?;
        let version = root.get("DocumentInfo").str("XSDVersion").unwrap_or_else(|| "V3".into());
        return finish(p, tracker, format!("Europass {version} JSON (SkillsPassport)"));
    }
    let (root_name, value) = xml_to_value(text)?;
    let tracker = Tracker::new(&value);
    let root = tracker.root();
    let mut p = empty_profile()?;
    match root_name.as_str() {
        "SkillsPassport" => {
            p.lang = root.str("@locale").map(|l| l.chars().take(2).collect::<String>().to_lowercase());
            root.get("@schemaLocation").mark();
            v3(&root, &mut p)?;
            let version = root.get("DocumentInfo").str("XSDVersion").unwrap_or_else(|| "V3".into());
            finish(p, tracker, format!("Europass {version} XML (SkillsPassport)"))
        }
        "learnerinfo" => {
            p.lang = root.str("@locale").map(|l| l.chars().take(2).collect::<String>().to_lowercase());
            root.get("@schemaLocation").mark();
            v1(&root, &mut p)?;
            finish(p, tracker, "Europass v1.0 XML (learnerinfo)".into())
        }
        "Candidate" => {
            europass_candidate::import(&root, &mut p)?;
            finish(p, tracker, "Europass Candidate XML (2020+)".into())
        }
        other => Err(Error::Import {
            format: "europass",
            message: format!("the root element is <{other}> (expected <Candidate>, <SkillsPassport> or <learnerinfo>)"),
            hint: None,
        }),
    }
}

fn finish(p: Profile, tracker: Tracker<'_>, version: String) -> Result<Import> {
    let mut report = tracker.finish(UNMAPPED);
    let p = finish_profile(p, &mut report)?;
    Ok(Import { document: Imported::Profile(Box::new(p)), format: SourceFormat::Europass, version, report })
}

pub(crate) fn empty_profile() -> Result<Profile> {
    serde_json::from_value(json!({"schema_version": PROFILE_SCHEMA_VERSION, "person": {"given_name": "", "family_name": ""}}))
        .map_err(|e| Error::Import { format: "europass", message: e.to_string(), hint: None })
}

fn xml_error(message: String, hint: &str) -> Error {
    Error::Import { format: "europass", message, hint: Some(hint.into()) }
}

/// Parses XML safely and turns it into a JSON-like tree: attributes become `@name` keys,
/// text next to attributes or children becomes `$text`, repeated elements become lists,
/// and `...List` wrappers are collapsed (`TelephoneList/Telephone` -> `Telephone: [...]`),
/// so that Europass XML and JSON read alike. Names lose their namespace prefix. Returns
/// the root element's local name and its tree.
pub(crate) fn xml_to_value(text: &str) -> Result<(String, Value)> {
    if let Some(pos) = text.find("<!DOCTYPE").or_else(|| text.find("<!doctype")) {
        let before = &text[..pos];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(xml_error(
            format!(
                "line {line}, column {column}: the XML has a document type declaration (<!DOCTYPE>), which is refused: its entities can expand without bound (\"billion laughs\") or read other files"
            ),
            "Europass files have no <!DOCTYPE>: export the CV again from the Europass editor",
        ));
    }
    let opts = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: 2_000_000, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(text, opts).map_err(|e| {
        let pos = e.pos();
        let message = match e {
            roxmltree::Error::DtdDetected => "the XML has a document type declaration, which is refused".to_owned(),
            roxmltree::Error::NodesLimitReached => "the XML has too many elements".to_owned(),
            other => other.to_string().split(" at ").next().unwrap_or_default().to_lowercase(),
        };
        xml_error(format!("line {}, column {}: {message}", pos.row, pos.col), "check that the file is a complete, well-formed XML export")
    })?;
    let mut depths: std::collections::HashMap<roxmltree::NodeId, usize> = std::collections::HashMap::new();
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        let depth = n.parent().and_then(|p| depths.get(&p.id())).copied().unwrap_or(0) + 1;
        if depth > 2 * MAX_DEPTH {
            let pos = doc.text_pos_at(n.range().start);
            return Err(xml_error(
                format!("line {}, column {}: elements are nested more than {} levels deep", pos.row, pos.col, 2 * MAX_DEPTH),
                "this is no Europass CV",
            ));
        }
        depths.insert(n.id(), depth);
    }
    let root = doc.root_element();
    Ok((root.tag_name().name().to_owned(), element(root)))
}

fn element(n: roxmltree::Node<'_, '_>) -> Value {
    let children: Vec<roxmltree::Node<'_, '_>> = n.children().filter(roxmltree::Node::is_element).collect();
    let text: String = n.children().filter(roxmltree::Node::is_text).filter_map(|t| t.text()).collect();
    let text = text.trim();
    if children.is_empty() && n.attributes().len() == 0 {
        return Value::String(text.to_owned());
    }
    let mut m = Map::new();
    for a in n.attributes() {
        m.insert(format!("@{}", a.name()), Value::String(a.value().to_owned()));
    }
    let push = |m: &mut Map<String, Value>, name: &str, v: Value, force_list: bool| match m.get_mut(name) {
        Some(Value::Array(a)) => a.push(v),
        Some(existing) => {
            let first = existing.take();
            *existing = Value::Array(vec![first, v]);
        }
        None => {
            m.insert(name.to_owned(), if force_list { Value::Array(vec![v]) } else { v });
        }
    };
    for c in children {
        let name = c.tag_name().name();
        let grandchildren: Vec<roxmltree::Node<'_, '_>> = c.children().filter(roxmltree::Node::is_element).collect();
        let collapsible = (name.ends_with("List") || name.ends_with("list"))
            && c.attributes().len() == 0
            && grandchildren.first().is_some_and(|g| grandchildren.iter().all(|x| x.tag_name().name() == g.tag_name().name()));
        if collapsible {
            let item = grandchildren[0].tag_name().name().to_owned();
            for g in grandchildren {
                push(&mut m, &item, element(g), true);
            }
        } else {
            push(&mut m, name, element(c), false);
        }
    }
    if !text.is_empty() {
        m.insert("$text".into(), Value::String(text.to_owned()));
    }
    Value::Object(m)
}

/// A date from `{Year, Month, Day}` (JSON) or `@year`, `@month="--03"`, `@day="---10"` (XML).
fn ymd(n: &Node<'_, '_>) -> Option<PartialDate> {
    let part = |a: &str, b: &str| n.get_any(&[a, b]).text().map(|s| s.trim_start_matches('-').to_owned());
    let year: u16 = part("Year", "@year")?.parse().ok()?;
    let month: Option<u8> = part("Month", "@month").and_then(|m| m.parse().ok());
    let day: Option<u8> = part("Day", "@day").and_then(|d| d.parse().ok());
    let d = match (month, day) {
        (Some(m), Some(d)) => PartialDate::day(year, m, d),
        (Some(m), None) => PartialDate::month(year, m),
        _ => PartialDate::year(year),
    };
    if d.is_none() {
        n.unmapped("not a valid date");
    }
    d
}

fn period(n: &Node<'_, '_>) -> (Option<PartialDate>, Option<PartialDate>) {
    let from = ymd(&n.get("From"));
    let current = n.str("Current").is_some_and(|c| c == "true");
    let to = if current { None } else { ymd(&n.get("To")) };
    if current {
        n.get("To").unmapped("the period is marked current");
    }
    (from, to)
}

/// A place from a `ContactInfo.Address.Contact`: municipality and country.
fn place_of(contact: &Node<'_, '_>) -> Option<Place> {
    let c = contact.get("ContactInfo").get("Address").get("Contact");
    let parts: Vec<String> =
        [c.str("Municipality"), c.get("Country").str("Label").or_else(|| c.get("Country").str("Code"))].into_iter().flatten().collect();
    c.get("Country").get("Code").mark();
    (!parts.is_empty()).then(|| Place { name: Some(parts.join(", ")), ..Place::default() })
}

/// Prose and list items of an HTML text field, with literal `\n` made into line breaks.
fn rich(n: &Node<'_, '_>) -> (Option<String>, Vec<String>) {
    let Some(raw) = n.text() else { return (None, Vec::new()) };
    let (prose, items) = html_parts(&raw.replace("\\n", "\n"));
    ((!prose.is_empty()).then_some(prose), items)
}

fn v3(root: &Node<'_, '_>, p: &mut Profile) -> Result<()> {
    for meta in ["DocumentInfo", "PrintingPreferences"] {
        root.get(meta).mark();
    }
    let li = root.get("LearnerInfo");
    let id = li.get("Identification");
    let name = id.get("PersonName");
    let given = name.str("FirstName").unwrap_or_default();
    let family = name.str("Surname").unwrap_or_default();
    if given.is_empty() && family.is_empty() {
        return Err(Error::Import {
            format: "europass",
            message: "LearnerInfo.Identification.PersonName is missing (expected FirstName and Surname)".into(),
            hint: None,
        });
    }
    (p.person.given_name, p.person.family_name) = both_names(given, family, &name);
    let ci = id.get("ContactInfo");
    let addr = ci.get("Address").get("Contact");
    let line2: Vec<String> = [addr.str("PostalCode"), addr.str("Municipality")].into_iter().flatten().collect();
    let parts: Vec<String> = [
        addr.str("AddressLine"),
        (!line2.is_empty()).then(|| line2.join(" ")),
        addr.get("Country").str("Label").or_else(|| addr.get("Country").str("Code")),
    ]
    .into_iter()
    .flatten()
    .collect();
    addr.get("Country").get("Code").mark();
    if !parts.is_empty() {
        p.person.address = Some(parts.join(", "));
    }
    p.mobility.home = addr.get("Municipality").text().map(|m| Place { name: Some(m), ..Place::default() });
    p.person.email = ci.get("Email").str("Contact");
    for (i, tel) in ci.get("Telephone").items().iter().enumerate() {
        if i == 0 {
            p.person.phone = tel.str("Contact");
            tel.get("Use").mark();
        } else {
            tel.unmapped("only one phone number is kept");
        }
    }
    for w in ci.get("Website").items() {
        let label = w.get("Use").str("Label").or_else(|| w.get("Use").str("Code")).unwrap_or_else(|| "Website".into());
        w.get("Use").mark();
        match w.str("Contact").as_deref().and_then(text::url) {
            Some(url) => p.person.links.push(Link { label, url }),
            None => w.unmapped("not a web address"),
        }
    }
    let demo = id.get("Demographics");
    p.sensitive.date_of_birth = ymd(&demo.get("Birthdate"));
    p.sensitive.sex = demo.get("Gender").str("Code").or_else(|| demo.get("Gender").str("Label"));
    demo.get("Gender").mark();
    for n in demo.get("Nationality").items() {
        if let Some(x) = n.str("Code").or_else(|| n.str("Label")) {
            p.sensitive.nationality.push(x);
        }
        n.mark();
    }
    let photo = id.get("Photo");
    if let (Some(mime), Some(data)) = (photo.str("MimeType"), photo.get("Data").text().filter(|d| d.len() > 20 && !d.contains(' '))) {
        p.person.photo = Some(format!("data:{mime};base64,{}", data.split_whitespace().collect::<String>()));
        photo.get("Metadata").mark();
        photo.get("cropping").mark();
    }
    p.summary = li.str("ProfileSummary").map(|s| text::html_to_text(&s.replace("\\n", "\n")));
    let head = li.get("Headline");
    let kind = head.get("Type").str("Code").unwrap_or_default();
    head.get("Type").mark();
    let headline = head.get("Description").str("Label").or_else(|| head.str("Description"));
    if kind == "personal_statement" && p.summary.is_none() {
        p.summary = headline;
    } else {
        p.headline = headline.or_else(|| li.get("Occupation").str("Label"));
    }
    for w in li.get("WorkExperience").items() {
        let pos = w.get("Position");
        let Some(role) = pos.str("Label").or_else(|| w.get("Employer").str("Name")) else {
            w.unmapped("a work entry without a position");
            continue;
        };
        let occupation = pos.str("Code").and_then(|c| isco(&c, &role));
        let (start, end) = period(&w.get("Period"));
        let (description, highlights) = rich(&w.get("Activities"));
        let employer = w.get("Employer");
        p.work.push(WorkExperience {
            role,
            employer: employer.str("Name"),
            place: place_of(&employer),
            start,
            end,
            description,
            highlights,
            occupation,
            informal: false,
        });
    }
    for e in li.get("Education").items() {
        let org = e.get("Organisation");
        let Some(title) = e.str("Title").or_else(|| org.str("Name")) else {
            e.unmapped("an education entry without a title");
            continue;
        };
        let (start, end) = period(&e.get("Period"));
        let level = e.get("Level");
        let eqf_level = level.str("Code").and_then(|c| c.parse().ok()).and_then(EqfLevel::new);
        if eqf_level.is_some() {
            level.mark();
        }
        let field = e.get("Field");
        let (description, items) = rich(&e.get("Activities"));
        let description = join_text(description, &items);
        p.education.push(Education {
            title,
            institution: org.str("Name"),
            place: place_of(&org),
            start,
            end,
            eqf_level,
            field: field.str("Label"),
            grade: None,
            description,
        });
        field.get("Code").mark();
    }
    let skills = li.get("Skills");
    let ling = skills.get("Linguistic");
    for m in ling.get("MotherTongue").items() {
        let d = m.get("Description");
        match language(&d) {
            Some(code) => p.languages.mother_tongues.push(code),
            None => m.unmapped("not a language sportello knows (expected an ISO 639-1 code)"),
        }
    }
    for f in ling.get("ForeignLanguage").items() {
        let Some(code) = language(&f.get("Description")) else {
            f.unmapped("not a language sportello knows (expected an ISO 639-1 code)");
            continue;
        };
        let pl = f.get("ProficiencyLevel");
        let cells = ["Listening", "Reading", "SpokenInteraction", "SpokenProduction", "Writing"]
            .map(|k| pl.str(k).and_then(|x| CefrLevel::parse(&x).ok()));
        let Some(g) = fill_grid(cells, &f) else {
            f.unmapped("a foreign language without CEFR levels");
            continue;
        };
        let mut certs: Vec<Node<'_, '_>> = f.get("Certificate").items();
        for vb in f.get("VerifiedBy").items() {
            certs.extend(vb.get("Certificate").items());
        }
        let titles: Vec<String> = certs.iter().filter_map(|c| c.str("Title")).collect();
        p.languages.other.push(LanguageSkill {
            language: code,
            listening: g[0],
            reading: g[1],
            spoken_interaction: g[2],
            spoken_production: g[3],
            writing: g[4],
            certificate: (!titles.is_empty()).then(|| titles.join("; ")),
        });
    }
    let computer = skills.get("Computer");
    for s in skill_items(&computer.get("Description")) {
        push_skill(&mut p.digital_skills, s, None);
    }
    let lang = p.lang.clone().unwrap_or_default();
    let levels = computer.get("ProficiencyLevel");
    for (key, en, it) in [
        ("Information", "Information processing", "Elaborazione delle informazioni"),
        ("Communication", "Communication", "Comunicazione"),
        ("ContentCreation", "Content creation", "Creazione di contenuti"),
        ("Safety", "Safety", "Sicurezza"),
        ("ProblemSolving", "Problem solving", "Risoluzione di problemi"),
    ] {
        let n = levels.get(key);
        if let Some(x) = n.text() {
            let level = match x.as_str() {
                "A" => Some(SkillLevel::Basic),
                "B" => Some(SkillLevel::Intermediate),
                "C" => Some(SkillLevel::Advanced),
                _ => None,
            };
            match level {
                Some(l) => push_skill(&mut p.digital_skills, (if lang == "it" { it } else { en }).to_owned(), Some(l)),
                None => n.unmapped("not a DigComp level (expected A, B or C)"),
            }
        }
    }
    let mut certs: Vec<Node<'_, '_>> = computer.get("Certificate").items();
    for vb in computer.get("VerifiedBy").items() {
        certs.extend(vb.get("Certificate").items());
    }
    for c in certs {
        if let Some(name) = c.str("Title") {
            p.certifications.push(Certification { name, issuer: None, date: None, expires: None });
        }
    }
    for key in ["JobRelated", "Communication", "Organisational", "Other"] {
        let d = skills.get(key).get("Description");
        for s in skill_items(&d) {
            push_skill(&mut p.skills, s, None);
        }
    }
    for d in skills.get("Driving").get("Description").items() {
        for l in d.get("Licence").items() {
            if let Some(x) = l.text() {
                match LicenceCategory::parse(&x) {
                    Ok(c) if !p.driving_licences.contains(&c) => p.driving_licences.push(c),
                    Ok(_) => {}
                    Err(e) => l.unmapped(e),
                }
            }
        }
    }
    let mut others = Gathered::default();
    for a in li.get("Achievement").items() {
        let code = a.get("Title").str("Code").unwrap_or_default();
        let label = a.get("Title").str("Label").unwrap_or_default();
        let (desc, items) = rich(&a.get("Description"));
        match code.as_str() {
            "certifications" => {
                for name in items.into_iter().chain(desc.iter().flat_map(|d| d.lines().map(str::to_owned))) {
                    p.certifications.push(Certification { name, issuer: None, date: None, expires: None });
                }
            }
            "projects" => p.projects.push(Project {
                name: if label.is_empty() { "Projects".into() } else { label },
                description: join_text(desc, &items),
                start: None,
                end: None,
                url: None,
            }),
            _ => {
                let kind = kind_of(&code);
                let title = match (label.is_empty(), kind) {
                    (false, _) => label,
                    (true, Some(k)) => other_sections::title(k, p.lang.as_deref().unwrap_or("en")).to_owned(),
                    (true, None) => title_from_key(&code),
                };
                others.push(&title, kind, SectionEntry { text: desc, items, ..SectionEntry::default() });
            }
        }
    }
    p.other_sections = others.finish();
    for a in root.get("Attachment").items() {
        a.unmapped("attachments (files inside the CV) are not imported");
    }
    Ok(())
}

/// Given and family name, both non-empty.
fn both_names(given: String, family: String, at: &Node<'_, '_>) -> (String, String) {
    match (given.is_empty(), family.is_empty()) {
        (false, false) => (given, family),
        _ => {
            let (g, f, note) = text::split_name(&format!("{given} {family}"));
            if let Some(n) = note {
                at.note(n);
            }
            (g, f)
        }
    }
}

/// A skill list from a free-text skills section: list items, or lines; long paragraphs
/// are reported, not made into labels.
fn skill_items(n: &Node<'_, '_>) -> Vec<String> {
    let Some(raw) = n.value().and_then(Value::as_str).map(str::to_owned) else { return Vec::new() };
    n.mark();
    let (prose, items) = html_parts(&raw.replace("\\n", "\n"));
    let mut out = items;
    let mut long = Vec::new();
    for line in prose.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.chars().count() <= 150 {
            out.push(line.trim_start_matches(['-', '•', '*']).trim().to_owned());
        } else {
            long.push(line.to_owned());
        }
    }
    if !long.is_empty() {
        n.unmapped(format!("{} paragraph(s) too long for a skill label: add the skills one by one", long.len()));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn push_skill(list: &mut Vec<Skill>, label: String, level: Option<SkillLevel>) {
    if !list.iter().any(|s| label_key(&s.label) == label_key(&label)) {
        list.push(Skill { label, level, ..Skill::default() });
    }
}

fn join_text(prose: Option<String>, items: &[String]) -> Option<String> {
    let mut parts: Vec<String> = prose.into_iter().collect();
    parts.extend(items.iter().map(|i| format!("- {i}")));
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// A language code from `{Code, Label}`.
fn language(d: &Node<'_, '_>) -> Option<String> {
    let code = d.str("Code");
    let label = d.str("Label");
    code.as_deref().and_then(words::language_code).or_else(|| label.as_deref().and_then(words::language_code)).map(|(c, _)| c.to_owned())
}

/// Europass v1.0 (`learnerinfo`, 2005-2012).
fn v1(root: &Node<'_, '_>, p: &mut Profile) -> Result<()> {
    for meta in ["docinfo", "prefs"] {
        root.get(meta).mark();
    }
    let id = root.get("identification");
    let given = id.str("firstname").unwrap_or_default();
    let family = id.str("lastname").unwrap_or_default();
    if given.is_empty() && family.is_empty() {
        return Err(Error::Import { format: "europass", message: "identification has no firstname or lastname".into(), hint: None });
    }
    (p.person.given_name, p.person.family_name) = both_names(given, family, &id);
    let ci = id.get("contactinfo");
    p.person.address = ci.str("address");
    p.person.email = ci.str("email");
    p.person.phone = ci.str("mobile").or_else(|| ci.str("telephone"));
    if p.person.phone.as_deref() == ci.get("mobile").value().and_then(Value::as_str).map(str::trim) && ci.get("telephone").is_present() {
        ci.get("telephone").unmapped("only one phone number is kept");
    }
    let demo = id.get("demographics");
    if let Some(b) = demo.str("birthdate") {
        match text::date(&b) {
            text::DateValue::Date(d) => p.sensitive.date_of_birth = Some(d),
            _ => demo.get("birthdate").unmapped("not a date"),
        }
    }
    p.sensitive.sex = demo.str("gender");
    p.sensitive.nationality.extend(demo.get("nationality").items().iter().filter_map(Node::text));
    p.headline = root.str("application");
    let v1_date = |n: &Node<'_, '_>| -> Option<PartialDate> {
        let y: u16 = n.str("year")?.parse().ok()?;
        let m: Option<u8> = n.str("month").and_then(|m| m.trim_start_matches('-').parse().ok());
        let d: Option<u8> = n.str("day").and_then(|d| d.trim_start_matches('-').parse().ok());
        match (m, d) {
            (Some(m), Some(d)) => PartialDate::day(y, m, d),
            (Some(m), None) => PartialDate::month(y, m),
            _ => PartialDate::year(y),
        }
    };
    for w in root.get("workexperience").items() {
        let Some(role) = w.str("position") else {
            w.unmapped("a work entry without a position");
            continue;
        };
        let per = w.get("period");
        let (description, highlights) = rich(&w.get("activities"));
        p.work.push(WorkExperience {
            role,
            employer: w.str("employer"),
            place: None,
            start: v1_date(&per.get("from")),
            end: v1_date(&per.get("to")),
            description,
            highlights,
            occupation: None,
            informal: false,
        });
    }
    for e in root.get("education").items() {
        let Some(title) = e.str("title") else {
            e.unmapped("an education entry without a title");
            continue;
        };
        let per = e.get("period");
        let org = e.str("organisation");
        let eqf_level = words::eqf_from_degree(&title);
        if let Some(l) = eqf_level {
            e.note(format!("{}: EQF level {} read from {title:?}: check it", e.path(), l.get()));
        }
        let level = e.get("level");
        let mut notes: Vec<String> = e.str("skills").into_iter().collect();
        if let Some(l) = level.text() {
            notes.push(l);
        }
        p.education.push(Education {
            title,
            institution: org.as_deref().map(|o| o.lines().next().unwrap_or(o).trim().to_owned()),
            place: None,
            start: v1_date(&per.get("from")),
            end: v1_date(&per.get("to")),
            eqf_level,
            field: None,
            grade: None,
            description: (!notes.is_empty()).then(|| notes.join("\n")),
        });
        if org.as_deref().is_some_and(|o| o.lines().count() > 1) {
            e.note(format!("{}.organisation: only the first line (the name) was kept as the institution", e.path()));
        }
    }
    for l in root.get("language").items() {
        let kind = l.str("@type").unwrap_or_default();
        let name = l.str("name").unwrap_or_default();
        let Some((code, _)) = words::language_code(&name) else {
            l.unmapped(format!("{name:?} is not a language sportello knows by name"));
            continue;
        };
        if kind == "mother" {
            p.languages.mother_tongues.push(code.into());
            continue;
        }
        let lv = l.get("level");
        let cells = ["listening", "reading", "spokeninteraction", "spokenproduction", "writing"]
            .map(|k| lv.str(k).and_then(|x| CefrLevel::parse(&x).ok()));
        match fill_grid(cells, &l) {
            Some(g) => p.languages.other.push(LanguageSkill {
                language: code.into(),
                listening: g[0],
                reading: g[1],
                spoken_interaction: g[2],
                spoken_production: g[3],
                writing: g[4],
                certificate: None,
            }),
            None => l.unmapped("a foreign language without CEFR levels"),
        }
    }
    for m in root.get("misc").items() {
        if m.str("$text").is_none() {
            m.mark();
        }
    }
    for s in root.get("skill").items() {
        s.get("@type").mark();
        let kind = s.str("@type").unwrap_or_default();
        let items = skill_items(&s.get("$text"));
        for item in items {
            match kind.as_str() {
                "computer" => push_skill(&mut p.digital_skills, item, None),
                "driving" => {
                    for l in text::split_list(&item) {
                        if let Ok(c) = LicenceCategory::parse(&l) {
                            p.driving_licences.push(c);
                        }
                    }
                }
                _ => push_skill(&mut p.skills, item, None),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;

    const V3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="it">
  <DocumentInfo><XSDVersion>V3.3</XSDVersion></DocumentInfo>
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName> Maria </FirstName><Surname>Rossi</Surname></PersonName>
      <ContactInfo><Email><Contact>maria@example.it</Contact></Email></ContactInfo>
      <Demographics><Birthdate year="1990" month="--03" day="---10"/></Demographics>
    </Identification>
    <WorkExperienceList><WorkExperience>
      <Period><From year="2019" month="--02"/><Current>true</Current></Period>
      <Position><Code>5120</Code><Label>Cuoca</Label></Position>
      <Activities>&lt;p&gt;Cucina&lt;/p&gt;&lt;ul&gt;&lt;li&gt;primi&lt;/li&gt;&lt;/ul&gt;</Activities>
      <Employer><Name>Trattoria</Name></Employer>
    </WorkExperience></WorkExperienceList>
    <Skills>
      <Linguistic>
        <MotherTongueList><MotherTongue><Description><Code>it</Code></Description></MotherTongue></MotherTongueList>
        <ForeignLanguageList><ForeignLanguage><Description><Code>en</Code></Description>
          <ProficiencyLevel><Listening>B2</Listening><Reading>B2</Reading><SpokenInteraction>B1</SpokenInteraction><SpokenProduction>B1</SpokenProduction></ProficiencyLevel>
        </ForeignLanguage></ForeignLanguageList>
      </Linguistic>
      <Driving><Description><Licence>B</Licence><Licence>C</Licence></Description></Driving>
    </Skills>
    <AchievementList>
      <Achievement><Title><Code>honors_awards</Code><Label>Premi</Label></Title>
        <Description>&lt;p&gt;Miglior piatto 2021&lt;/p&gt;</Description></Achievement>
      <Achievement><Title><Code>publications</Code></Title>
        <Description>&lt;ul&gt;&lt;li&gt;Ricette di casa&lt;/li&gt;&lt;li&gt;Pane e &lt;u&gt;lievito&lt;/u&gt;&lt;/li&gt;&lt;/ul&gt;</Description></Achievement>
    </AchievementList>
  </LearnerInfo>
</SkillsPassport>"#;

    #[test]
    fn reads_v3_xml() {
        let done = import(V3).unwrap();
        let Imported::Profile(p) = done.document else { panic!() };
        assert_eq!(done.version, "Europass V3.3 XML (SkillsPassport)");
        assert_eq!(p.person.given_name, "Maria");
        assert_eq!(p.sensitive.date_of_birth.unwrap().to_string(), "1990-03-10");
        assert_eq!(p.work[0].description.as_deref(), Some("Cucina"));
        assert_eq!(p.work[0].highlights, ["primi"]);
        assert_eq!(p.work[0].occupation.as_ref().unwrap().uri.as_deref(), Some("http://data.europa.eu/esco/isco/C5120"));
        assert_eq!(p.languages.other[0].writing, CefrLevel::B1);
        assert!(done.report.notes.iter().any(|n| n.contains("set to B1")));
        assert_eq!(p.driving_licences, [LicenceCategory::B, LicenceCategory::C]);
        assert_eq!(p.lang.as_deref(), Some("it"));
        // Achievements: sections of her own, titled by their label (or code), kind by code.
        let kinds: Vec<(&str, Option<SectionKind>)> = p.other_sections.iter().map(|s| (s.title.as_str(), s.kind)).collect();
        assert_eq!(kinds, [("Premi", Some(SectionKind::Awards)), ("Pubblicazioni", Some(SectionKind::Publications))]);
        assert_eq!(p.other_sections[0].entries[0].text.as_deref(), Some("Miglior piatto 2021"));
        assert_eq!(p.other_sections[1].entries[0].items, ["Ricette di casa", "Pane e lievito"]);
        assert!(!done.report.unmapped.iter().any(|u| u.path.contains("Achievement")), "{:?}", done.report.unmapped);
    }

    #[test]
    fn entity_attacks_are_refused_with_the_reason() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<SkillsPassport><LearnerInfo>&lol2;</LearnerInfo></SkillsPassport>"#;
        let err = import(laughs).unwrap_err();
        assert_eq!(err.kind(), "import");
        let msg = err.to_string();
        assert!(msg.contains("line 2, column 1") && msg.contains("billion laughs"), "{msg}");
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Candidate>&e;</Candidate>";
        assert!(import(xxe).unwrap_err().to_string().contains("document type declaration"));
        let undeclared = "<SkillsPassport><LearnerInfo>&e;</LearnerInfo></SkillsPassport>";
        assert!(import(undeclared).unwrap_err().to_string().contains("line 1"));
    }

    #[test]
    fn deep_and_broken_xml_is_refused() {
        let deep = format!("<SkillsPassport>{}{}</SkillsPassport>", "<a>".repeat(300), "</a>".repeat(300));
        assert!(import(&deep).unwrap_err().to_string().contains("nested more than 128"));
        let broken = "<SkillsPassport>\n<LearnerInfo>\n</SkillsPassport>";
        let msg = import(broken).unwrap_err().to_string();
        assert!(msg.contains("line 3"), "{msg}");
    }
}
