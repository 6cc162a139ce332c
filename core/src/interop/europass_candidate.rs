//! The Europass Candidate XML (2020+): reading it (from the tree made by
//! [`super::europass::xml_to_value`]) and writing it.
//!
//! | Candidate | profile |
//! |---|---|
//! | `CandidatePerson/PersonName` (`GivenName`, `FamilyName`) | `person` names |
//! | `CandidatePerson/Communication` (`ChannelCode` Email, Telephone, Web...; `Address`) | email, phone, links, address and home |
//! | `NationalityCode`, `BirthDate`, `GenderCode` | `sensitive` |
//! | `PrimaryLanguageCode` | mother tongues |
//! | `CandidateProfile/@languageCode`, `ExecutiveSummary`, `CandidatePositionPreferences/PositionTitle` | `lang`, `summary`, `headline` |
//! | `EmploymentHistory/EmployerHistory/PositionHistory` | `work` (an ESCO occupation URI in `PositionTitle`'s attributes is kept) |
//! | `EducationHistory/EducationOrganizationAttendance` | `education` (`EducationLevelCode` 1-8 is the EQF level) |
//! | `PersonQualifications/PersonCompetency` with `TaxonomyID` language | the CEFR grid (`CEF-Understanding-Listening`...) |
//! | other `PersonCompetency`, `DigitalSkills` | `skills`, `digital_skills` |
//! | `Licenses/License` | `driving_licences` |
//! | `Certifications`, `CourseCertifications` | `certifications` |
//! | `Projects/Project`, `VoluntaryWorks/VoluntaryWork` | `projects`, `volunteering` |
//! | `Others` (a `Title`, then `Other` entries), `ConferencesAndSeminars`, `HobbiesAndInterests`, `PublicationHistory` | `other_sections` (entries: `Title`, `Date`, `Location`, `Description`, `Link`) |
//!
//! Sensitive data and the photo are written only when the profile's privacy flags allow
//! printing them; what is left out is listed in the report.

use serde_json::Value;

use super::MappingReport;
use super::europass_parts::{fill_grid, isco};
use super::other_sections::{self, Gathered, kind_of};
use super::report::{HIDDEN, quoted};
use super::text::{self, DateValue, html_parts};
use super::tree::Node;
use super::words;
use crate::error::{Error, Result};
use crate::fold::label_key;
use crate::model::{
    CefrLevel, Certification, Concept, Education, EqfLevel, LanguageSkill, LicenceCategory, Link, OtherSection, PartialDate, Place,
    Profile, Project, SectionEntry, SectionKind, Skill, WorkExperience,
};

fn date(n: &Node<'_, '_>) -> Option<PartialDate> {
    let f = n.get("FormattedDateTime");
    let raw = f.text().or_else(|| n.text())?;
    match text::date(&raw) {
        DateValue::Date(d) => Some(d),
        _ => {
            n.unmapped("not a date");
            None
        }
    }
}

fn is_true(n: &Node<'_, '_>) -> bool {
    n.text().is_some_and(|t| t.eq_ignore_ascii_case("true"))
}

fn city(holder: &Node<'_, '_>) -> Option<Place> {
    for contact in holder.get("OrganizationContact").items() {
        for c in contact.get("Communication").items() {
            let a = c.get("Address");
            if let Some(city) = a.str("CityName") {
                a.get("CountryCode").mark();
                return Some(Place { name: Some(city), ..Place::default() });
            }
        }
    }
    None
}

fn rich(n: &Node<'_, '_>) -> (Option<String>, Vec<String>) {
    let Some(raw) = n.text() else { return (None, Vec::new()) };
    let (prose, items) = html_parts(&raw);
    ((!prose.is_empty()).then_some(prose), items)
}

/// Reads a Candidate document into `p`.
pub(crate) fn import(root: &Node<'_, '_>, p: &mut Profile) -> Result<()> {
    for meta in ["DocumentID", "CandidateSupplier", "RenderingInformation", "@schemaLocation"] {
        root.get(meta).mark();
    }
    let person = root.get("CandidatePerson");
    let name = person.get("PersonName");
    let given = name.str("GivenName").unwrap_or_default();
    let family: Vec<String> = name.get("FamilyName").items().iter().filter_map(Node::text).collect();
    let family = family.join(" ");
    if given.is_empty() && family.is_empty() {
        return Err(Error::Import {
            format: "europass",
            message: "CandidatePerson/PersonName is missing (expected GivenName and FamilyName)".into(),
            hint: None,
        });
    }
    if given.is_empty() || family.is_empty() {
        let (g, f, note) = text::split_name(&format!("{given} {family}"));
        if let Some(n) = note {
            name.note(n);
        }
        (p.person.given_name, p.person.family_name) = (g, f);
    } else {
        (p.person.given_name, p.person.family_name) = (given, family);
    }
    for c in person.get("Communication").items() {
        let addr = c.get("Address");
        if addr.is_present() {
            let lines: Vec<String> = addr.get("AddressLine").items().iter().filter_map(Node::text).collect();
            let town: Vec<String> = [addr.str("PostalCode"), addr.str("CityName")].into_iter().flatten().collect();
            let mut parts = lines;
            let joined = parts.join(", ");
            if !town.is_empty() && !joined.contains(&town.join(" ")) {
                parts.push(town.join(" "));
            }
            parts.extend(addr.str("CountryCode"));
            addr.get("@type").mark();
            c.get("UseCode").mark();
            if p.person.address.is_none() && !parts.is_empty() {
                p.person.address = Some(parts.join(", "));
                p.mobility.home = addr
                    .get("CityName")
                    .value()
                    .and_then(Value::as_str)
                    .map(|n| Place { name: Some(n.trim().to_owned()), ..Place::default() });
            } else {
                c.unmapped("only one address is kept");
            }
            continue;
        }
        let channel = c.str("ChannelCode").unwrap_or_default().to_lowercase();
        let uri = c.str("URI");
        let use_code = c.str("UseCode");
        match (channel.as_str(), uri) {
            ("email", Some(u)) if p.person.email.is_none() => p.person.email = Some(u),
            (_, Some(u)) if channel != "email" && text::url(&u).is_some() => {
                let label =
                    use_code.map_or_else(|| if channel == "web" { "Website".to_owned() } else { channel.clone() }, |u| u.to_owned());
                p.person.links.push(Link { label, url: text::url(&u).unwrap_or(u) });
            }
            _ if c.get("DialNumber").is_present() && p.person.phone.is_none() => {
                let number: Vec<String> =
                    [c.str("CountryDialing").map(|d| format!("+{}", d.trim_start_matches('+'))), c.str("AreaDialing"), c.str("DialNumber")]
                        .into_iter()
                        .flatten()
                        .collect();
                c.get("CountryCode").mark();
                p.person.phone = Some(number.join(" "));
            }
            _ => c.unmapped("a contact sportello keeps no second one of, or cannot read"),
        }
    }
    for n in person.get("NationalityCode").items() {
        p.sensitive.nationality.extend(n.text());
    }
    let bd = person.get("BirthDate");
    if let Some(b) = bd.text() {
        match text::date(&b) {
            DateValue::Date(d) => p.sensitive.date_of_birth = Some(d),
            _ => bd.unmapped("not a date"),
        }
    }
    p.sensitive.sex = person.str("GenderCode");
    for l in person.get("PrimaryLanguageCode").items() {
        let Some(code) = l.text() else { continue };
        l.mark();
        match words::language_code(&code) {
            Some((c, _)) => p.languages.mother_tongues.push(c.into()),
            None => l.unmapped("not a language sportello knows"),
        }
    }
    let profiles = root.get("CandidateProfile").items();
    for extra in profiles.iter().skip(1) {
        extra.unmapped("the CV in another language: only the first CandidateProfile is read");
    }
    let Some(cp) = profiles.first() else { return Ok(()) };
    cp.get("ID").mark();
    cp.get("ProfileName").mark();
    if let Some(l) = cp.str("@languageCode") {
        p.lang = words::language_code(&l).map(|(c, _)| c.to_owned());
    }
    p.summary = cp.str("ExecutiveSummary").map(|s| text::html_to_text(&s));
    let pref = cp.get("CandidatePositionPreferences");
    p.headline = pref.str("PositionTitle");
    for eh in cp.get("EmploymentHistory").get("EmployerHistory").items() {
        let employer = eh.str("OrganizationName");
        let place = city(&eh);
        eh.get("OrganizationContact").mark();
        let positions = eh.get("PositionHistory").items();
        if positions.is_empty() {
            eh.unmapped("an employer without a position");
        }
        for ph in positions {
            let title = ph.get("PositionTitle");
            let Some(role) = title.text() else {
                ph.unmapped("a position without a title");
                continue;
            };
            let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
            let occupation = title.value().and_then(Value::as_object).and_then(|m| {
                m.values()
                    .filter_map(Value::as_str)
                    .find(|v| v.starts_with("http://data.europa.eu/esco/occupation/"))
                    .map(|u| Concept { label: role.clone(), uri: Some(u.to_owned()) })
            });
            title.mark();
            let period = ph.get("EmploymentPeriod");
            let start = date(&period.get("StartDate"));
            let end = if is_true(&period.get("CurrentIndicator")) { None } else { date(&period.get("EndDate")) };
            let (description, highlights) = rich(&ph.get("Description"));
            let here = ph.str("City").map(|c| Place { name: Some(c), ..Place::default() }).or_else(|| place.clone());
            ph.get("Country").mark();
            let occupation = occupation.or_else(|| ph.str("OccupationCode").and_then(|c| isco(&c, &role)));
            p.work.push(WorkExperience {
                role,
                employer: employer.clone(),
                place: here,
                start,
                end,
                description,
                highlights,
                occupation,
                informal: false,
            });
        }
    }
    for ea in cp.get("EducationHistory").get("EducationOrganizationAttendance").items() {
        let degree = ea.get("EducationDegree");
        let institution = ea.str("OrganizationName");
        let Some(title) = degree.str("DegreeName").or_else(|| ea.str("ProgramName")).or_else(|| institution.clone()) else {
            ea.unmapped("an education entry without a degree or school name");
            continue;
        };
        let period = ea.get("AttendancePeriod");
        let start = date(&period.get("StartDate"));
        let end = if is_true(&period.get("Ongoing")) { None } else { date(&period.get("EndDate")) };
        let lvl = ea.get("EducationLevelCode");
        let eqf_level = lvl.text().and_then(|l| l.trim_start_matches("EQF").trim().parse().ok()).and_then(EqfLevel::new);
        if eqf_level.is_some() {
            lvl.mark();
        }
        if eqf_level.is_none() && lvl.is_present() {
            lvl.unmapped("not an EQF level (expected 1 to 8)");
        }
        let grade = degree.get("FinalGrade").str("ScoreText");
        let field = degree.get("FieldOfStudy");
        let field_name = field.str("$text").or_else(|| field.get("MainFieldOfStudy").str("ProgramConcentration"));
        let (desc, items) = rich(&degree.get("OccupationalSkillsCovered"));
        let mut notes: Vec<String> = desc.into_iter().collect();
        notes.extend(items.into_iter().map(|i| format!("- {i}")));
        p.education.push(Education {
            title,
            institution,
            place: city(&ea),
            start,
            end,
            eqf_level,
            field: field_name,
            grade,
            description: (!notes.is_empty()).then(|| notes.join("\n")),
        });
        ea.get("OrganizationContact").mark();
    }
    for pc in cp.get("PersonQualifications").get("PersonCompetency").items() {
        let taxonomy = pc.str("TaxonomyID").unwrap_or_default().to_lowercase();
        let id = pc.get("CompetencyID");
        if taxonomy == "language" {
            let code = id.text();
            id.mark();
            let Some((code, _)) = code.as_deref().and_then(words::language_code) else {
                pc.unmapped("a language sportello does not know");
                continue;
            };
            let mut cells: [Option<CefrLevel>; 5] = [None; 5];
            for d in pc.get("CompetencyDimension").items() {
                let kind = d.str("CompetencyDimensionTypeCode").unwrap_or_default();
                let level = d.get("Score").str("ScoreText").and_then(|s| CefrLevel::parse(&s).ok());
                let slot = match kind.as_str() {
                    "CEF-Understanding-Listening" => 0,
                    "CEF-Understanding-Reading" => 1,
                    "CEF-Speaking-Interaction" => 2,
                    "CEF-Speaking-Production" => 3,
                    "CEF-Writing-Production" | "CEF-Writing-Interaction" => 4,
                    _ => {
                        d.unmapped("not a CEFR dimension");
                        continue;
                    }
                };
                cells[slot] = match (cells[slot], level) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            match fill_grid(cells, &pc) {
                Some(g) => p.languages.other.push(LanguageSkill {
                    language: code.into(),
                    listening: g[0],
                    reading: g[1],
                    spoken_interaction: g[2],
                    spoken_production: g[3],
                    writing: g[4],
                    certificate: None,
                }),
                None => pc.unmapped("a language without CEFR levels"),
            }
        } else {
            let id_text = id.text();
            id.mark();
            let label = pc.str("CompetencyName").or_else(|| id_text.clone().filter(|i| !i.starts_with("http")));
            let uri = id_text.filter(|u| u.starts_with("http://data.europa.eu/esco/"));
            let Some(label) = label else {
                pc.unmapped("a competency without a name");
                continue;
            };
            let list = if taxonomy.contains("digital") { &mut p.digital_skills } else { &mut p.skills };
            if !list.iter().any(|s| label_key(&s.label) == label_key(&label)) {
                list.push(Skill { label, uri, ..Skill::default() });
            }
        }
    }
    for g in cp.get("DigitalSkills").get("DigitalSkillsGroup").items() {
        g.get("Title").mark();
        for s in g.get("DigitalSkill").items() {
            for label in text::split_list(&s.text().unwrap_or_default()) {
                if !p.digital_skills.iter().any(|x| label_key(&x.label) == label_key(&label)) {
                    p.digital_skills.push(Skill { label, ..Skill::default() });
                }
            }
        }
    }
    for l in cp.get("Licenses").get("License").items() {
        let Some(code) = l.str("LicenseTypeCode").or_else(|| l.str("LicenseName")).or_else(|| l.str("Name")) else { continue };
        match LicenceCategory::parse(&code) {
            Ok(c) if !p.driving_licences.contains(&c) => p.driving_licences.push(c),
            Ok(_) => {}
            Err(e) => l.unmapped(e),
        }
    }
    for (list, item) in [("Certifications", "Certification"), ("CourseCertifications", "CourseCertification")] {
        for c in cp.get(list).get(item).items() {
            let Some(name) = c.str("Title").or_else(|| c.str("CertificationName")).or_else(|| c.str("Name")) else { continue };
            let issuer = c.get("IssuingAuthority").str("Name").or_else(|| c.str("IssuingAuthority"));
            let issued = date(&c.get("FirstIssuedDate"));
            let expires = date(&c.get("ExpirationDate"));
            p.certifications.push(Certification { name, issuer, date: issued, expires });
        }
    }
    for pr in cp.get("Projects").get("Project").items() {
        let Some(name) = pr.str("Title") else { continue };
        let period = pr.get("Period");
        p.projects.push(Project {
            name,
            description: pr.str("Description").map(|d| text::html_to_text(&d)),
            start: date(&period.get("StartDate")),
            end: date(&period.get("EndDate")),
            url: pr.str("Link").and_then(|u| text::url(&u)),
        });
    }
    for vw in cp.get("VoluntaryWorks").get("VoluntaryWork").items() {
        let Some(role) = vw.str("Title").or_else(|| vw.str("Role")) else { continue };
        let period = vw.get("Period");
        let (description, highlights) = rich(&vw.get("Description"));
        p.volunteering.push(WorkExperience {
            role,
            employer: vw.str("Organization"),
            place: None,
            start: date(&period.get("StartDate")),
            end: date(&period.get("EndDate")),
            description,
            highlights,
            occupation: None,
            informal: false,
        });
    }
    p.other_sections = other_sections(cp, p.lang.as_deref().unwrap_or("it"));
    for a in cp.get("Attachment").items() {
        let data = a.get("EmbeddedData");
        let is_photo = a.str("FileType").is_some_and(|t| t.eq_ignore_ascii_case("photo"));
        match (is_photo, data.str("$text"), data.str("@mimeCode")) {
            (true, Some(b64), Some(mime)) if p.person.photo.is_none() => {
                p.person.photo = Some(format!("data:{mime};base64,{}", b64.split_whitespace().collect::<String>()));
                a.mark();
            }
            _ => a.unmapped("attachments (files inside the CV) are not imported"),
        }
    }
    Ok(())
}

/// `Others` (sections titled by the person), `ConferencesAndSeminars`,
/// `HobbiesAndInterests` and `PublicationHistory`, as the person's own sections.
fn other_sections(cp: &Node<'_, '_>, lang: &str) -> Vec<OtherSection> {
    let mut g = Gathered::default();
    let entry = |e: &Node<'_, '_>| {
        let when = e.get("Date");
        when.get("Ongoing").mark();
        let links = e.get("Link").items();
        for extra in links.iter().skip(1) {
            extra.unmapped("only one link an entry is kept");
        }
        let (text, items) = rich(&e.get_any(&["Description", "FormattedPublicationDescription"]));
        SectionEntry {
            title: e.str("Title"),
            by: None,
            date: date(&when.get("StartDate")).or_else(|| date(&e.get("Year"))),
            end: date(&when.get("EndDate")),
            place: e.str("Location"),
            link: links.first().and_then(Node::text).and_then(|u| text::url(&u)),
            text,
            items,
        }
    };
    for section in cp.get("Others").items() {
        let title = section.str("Title").unwrap_or_else(|| (if lang == "it" { "Altro" } else { "Other" }).to_owned());
        for o in section.get("Other").items() {
            g.push(&title, kind_of(&title), entry(&o));
        }
    }
    for (list, item, kind) in [
        ("ConferencesAndSeminars", "ConferenceAndSeminar", SectionKind::Conferences),
        ("HobbiesAndInterests", "HobbyOrInterest", SectionKind::Interests),
        ("PublicationHistory", "Publication", SectionKind::Publications),
    ] {
        for e in cp.get(list).get(item).items() {
            g.push(other_sections::title(kind, lang), Some(kind), entry(&e));
        }
    }
    g.finish()
}

/// XML text escaping.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn open(&mut self, tag: &str) {
        self.out.push_str(&format!("{}<{tag}>\n", "  ".repeat(self.depth)));
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        self.out.push_str(&format!("{}</{tag}>\n", "  ".repeat(self.depth)));
    }

    fn leaf(&mut self, tag: &str, text: &str) {
        let name = tag.split_whitespace().next().unwrap_or(tag);
        self.out.push_str(&format!("{}<{tag}>{}</{name}>\n", "  ".repeat(self.depth), esc(text)));
    }

    fn date(&mut self, tag: &str, d: Option<PartialDate>) {
        if let Some(d) = d {
            self.open(tag);
            self.leaf("hr:FormattedDateTime", &d.to_string());
            self.close(tag);
        }
    }
}

fn description_html(description: Option<&str>, highlights: &[String]) -> Option<String> {
    let mut html = String::new();
    if let Some(d) = description {
        for para in d.lines().filter(|l| !l.trim().is_empty()) {
            html.push_str(&format!("<p>{}</p>", esc(para)));
        }
    }
    if !highlights.is_empty() {
        html.push_str("<ul>");
        for h in highlights {
            html.push_str(&format!("<li>{}</li>", esc(h)));
        }
        html.push_str("</ul>");
    }
    (!html.is_empty()).then_some(html)
}

/// Writes a profile as a Europass Candidate XML document.
pub(crate) fn export(p: &Profile) -> (String, MappingReport) {
    let mut r = MappingReport::default();
    let lang = p.lang.clone().unwrap_or_else(|| "it".into());
    let id = format!("sportello-{}", text::short_hash(&format!("{}|{}|{:?}", p.person.given_name, p.person.family_name, p.person.email)));
    let mut x = Xml { out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"), depth: 0 };
    x.out.push_str("<Candidate xsi:schemaLocation=\"http://www.europass.eu/1.0 Candidate.xsd\" xmlns=\"http://www.europass.eu/1.0\" xmlns:oa=\"http://www.openapplications.org/oagis/9\" xmlns:eures=\"http://www.europass_eures.eu/1.0\" xmlns:hr=\"http://www.hr-xml.org/3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
    x.depth = 1;
    x.out.push_str(&format!(
        "  <hr:DocumentID schemeID=\"{id}\" schemeName=\"DocumentIdentifier\" schemeAgencyName=\"sportello\" schemeVersionID=\"4.0\"/>\n"
    ));
    x.open("CandidatePerson");
    x.open("PersonName");
    x.leaf("oa:GivenName", &p.person.given_name);
    x.leaf("hr:FamilyName", &p.person.family_name);
    x.close("PersonName");
    if let Some(e) = &p.person.email {
        x.open("Communication");
        x.leaf("ChannelCode", "Email");
        x.leaf("oa:URI", e);
        x.close("Communication");
    }
    if let Some(t) = &p.person.phone {
        x.open("Communication");
        x.leaf("ChannelCode", "Telephone");
        x.leaf("oa:DialNumber", t);
        x.close("Communication");
    }
    for l in &p.person.links {
        x.open("Communication");
        x.leaf("ChannelCode", "Web");
        if !l.label.eq_ignore_ascii_case("website") {
            x.leaf("UseCode", &l.label);
        }
        x.leaf("oa:URI", &l.url);
        x.close("Communication");
    }
    let home = p.mobility.home.as_ref().and_then(|h| h.name.clone());
    if p.person.address.is_some() || home.is_some() {
        x.open("Communication");
        x.leaf("UseCode", "home");
        x.open("Address type=\"home\"");
        if let Some(a) = &p.person.address {
            x.leaf("oa:AddressLine", a);
        }
        if let Some(h) = &home {
            x.leaf("oa:CityName", h);
        }
        x.close("Address");
        x.close("Communication");
    }
    let s = &p.sensitive;
    if p.privacy.print_nationality {
        for n in &s.nationality {
            x.leaf("NationalityCode", n);
        }
    } else if !s.nationality.is_empty() {
        r.unmapped("sensitive.nationality", HIDDEN, "not exported: privacy.print_nationality is false");
    }
    match (s.date_of_birth, p.privacy.print_date_of_birth) {
        (Some(d), true) => x.leaf("hr:BirthDate", &d.to_string()),
        (Some(_), false) => r.unmapped("sensitive.date_of_birth", HIDDEN, "not exported: privacy.print_date_of_birth is false"),
        _ => {}
    }
    if s.sex.is_some() {
        r.unmapped("sensitive.sex", HIDDEN, "not exported: sensitive, and never printed");
    }
    if s.disability.is_some() {
        r.unmapped("sensitive.disability", HIDDEN, "not exported: sensitive");
    }
    for m in &p.languages.mother_tongues {
        x.leaf("PrimaryLanguageCode name=\"NORMAL\"", words::language_code3(m).unwrap_or(m));
    }
    x.close("CandidatePerson");
    x.open(&format!("CandidateProfile languageCode=\"{}\"", esc(&lang)));
    if let Some(sm) = &p.summary {
        // Readers take the summary as HTML: text that looks like markup is escaped.
        x.leaf("hr:ExecutiveSummary", &text::escape_for_html(sm));
    }
    if let Some(h) = &p.headline {
        x.open("CandidatePositionPreferences");
        x.leaf("PositionTitle", h);
        x.close("CandidatePositionPreferences");
    }
    x.open("EmploymentHistory");
    for w in &p.work {
        x.open("EmployerHistory");
        if let Some(e) = &w.employer {
            x.leaf("hr:OrganizationName", e);
        }
        x.open("PositionHistory");
        match w.occupation.as_ref().and_then(|o| o.uri.as_deref()) {
            Some(u) if u.contains("/occupation/") => x.leaf(&format!("PositionTitle typeCode=\"URI\" languageID=\"{}\"", esc(u)), &w.role),
            _ => x.leaf("PositionTitle typeCode=\"FREETEXT\"", &w.role),
        }
        if let Some(code) =
            w.occupation.as_ref().and_then(|o| o.uri.as_deref()).and_then(|u| u.strip_prefix("http://data.europa.eu/esco/isco/C"))
        {
            x.leaf("OccupationCode", code);
        }
        x.open("eures:EmploymentPeriod");
        x.date("eures:StartDate", w.start);
        x.date("eures:EndDate", w.end);
        x.leaf("hr:CurrentIndicator", if w.end.is_none() && w.start.is_some() { "true" } else { "false" });
        x.close("eures:EmploymentPeriod");
        if let Some(d) = description_html(w.description.as_deref(), &w.highlights) {
            x.leaf("oa:Description", &d);
        }
        if let Some(c) = w.place.as_ref().and_then(|pl| pl.name.as_deref()) {
            x.leaf("City", c);
        }
        x.close("PositionHistory");
        x.close("EmployerHistory");
        if w.informal {
            r.unmapped(
                format!("work[{}].informal", p.work.iter().position(|y| std::ptr::eq(y, w)).unwrap_or(0)),
                "true",
                "Europass has no field for informal work",
            );
        }
    }
    x.close("EmploymentHistory");
    x.open("EducationHistory");
    for e in &p.education {
        x.open("EducationOrganizationAttendance");
        if let Some(i) = &e.institution {
            x.leaf("hr:OrganizationName", i);
        }
        if let Some(c) = e.place.as_ref().and_then(|pl| pl.name.as_deref()) {
            x.open("OrganizationContact");
            x.open("Communication");
            x.open("Address");
            x.leaf("oa:CityName", c);
            x.close("Address");
            x.close("Communication");
            x.close("OrganizationContact");
        }
        if let Some(l) = e.eqf_level {
            x.leaf("EducationLevelCode listName=\"EQF\"", &l.get().to_string());
        }
        x.open("AttendancePeriod");
        x.date("StartDate", e.start);
        x.date("EndDate", e.end);
        x.leaf("Ongoing", "false");
        x.close("AttendancePeriod");
        x.open("EducationDegree");
        x.leaf("hr:DegreeName", &e.title);
        if let Some(f) = &e.field {
            x.leaf("FieldOfStudy", f);
        }
        if let Some(g) = &e.grade {
            x.open("FinalGrade");
            x.leaf("hr:ScoreText", g);
            x.close("FinalGrade");
        }
        if let Some(d) = &e.description {
            x.leaf("OccupationalSkillsCovered", d);
        }
        x.close("EducationDegree");
        x.close("EducationOrganizationAttendance");
    }
    x.close("EducationHistory");
    if !p.driving_licences.is_empty() {
        x.open("eures:Licenses");
        for l in &p.driving_licences {
            x.open("eures:License");
            x.leaf("hr:LicenseTypeCode", l.code());
            x.close("eures:License");
        }
        x.close("eures:Licenses");
    }
    if !p.certifications.is_empty() {
        x.open("Certifications");
        for c in &p.certifications {
            x.open("Certification");
            x.leaf("Title", &c.name);
            if let Some(i) = &c.issuer {
                x.leaf("IssuingAuthority", i);
            }
            x.date("FirstIssuedDate", c.date);
            x.date("ExpirationDate", c.expires);
            x.close("Certification");
        }
        x.close("Certifications");
    }
    x.open("PersonQualifications");
    for l in &p.languages.other {
        x.open("PersonCompetency");
        x.leaf("CompetencyID schemeName=\"NORMAL\"", words::language_code3(&l.language).unwrap_or(&l.language));
        x.leaf("hr:TaxonomyID", "language");
        for (dim, level) in [
            "CEF-Understanding-Listening",
            "CEF-Understanding-Reading",
            "CEF-Speaking-Interaction",
            "CEF-Speaking-Production",
            "CEF-Writing-Production",
        ]
        .iter()
        .zip(l.grid())
        {
            x.open("eures:CompetencyDimension");
            x.leaf("hr:CompetencyDimensionTypeCode", dim);
            x.open("eures:Score");
            x.leaf("hr:ScoreText", level.code());
            x.close("eures:Score");
            x.close("eures:CompetencyDimension");
        }
        x.close("PersonCompetency");
        if let Some(c) = &l.certificate {
            r.unmapped(
                format!("languages.other[{}].certificate", l.language),
                quoted(c),
                "the Candidate export has no place for language certificates",
            );
        }
    }
    for (list, taxonomy) in [(&p.skills, "skill"), (&p.digital_skills, "Digital_Skill")] {
        for s in list {
            x.open("PersonCompetency");
            if let Some(u) = &s.uri {
                x.leaf("CompetencyID schemeName=\"URI\"", u);
            }
            x.leaf("hr:TaxonomyID", taxonomy);
            x.leaf("hr:CompetencyName", &s.label);
            x.close("PersonCompetency");
            if let Some(l) = s.level {
                r.unmapped(format!("skill {:?}", s.label), l.code(), "the Candidate export keeps no skill level");
            }
        }
    }
    x.close("PersonQualifications");
    if !p.projects.is_empty() {
        x.open("Projects");
        for pr in &p.projects {
            x.open("Project");
            x.leaf("Title", &pr.name);
            if let Some(d) = &pr.description {
                x.leaf("Description", &text::escape_for_html(d));
            }
            if let Some(u) = &pr.url {
                x.leaf("Link", u);
            }
            if pr.start.is_some() || pr.end.is_some() {
                x.open("Period");
                x.date("StartDate", pr.start);
                x.date("EndDate", pr.end);
                x.close("Period");
            }
            x.close("Project");
        }
        x.close("Projects");
    }
    if !p.volunteering.is_empty() {
        x.open("VoluntaryWorks");
        for v in &p.volunteering {
            x.open("VoluntaryWork");
            x.leaf("Title", &v.role);
            if let Some(o) = &v.employer {
                x.leaf("Organization", o);
            }
            x.open("Period");
            x.date("StartDate", v.start);
            x.date("EndDate", v.end);
            x.close("Period");
            if let Some(d) = description_html(v.description.as_deref(), &v.highlights) {
                x.leaf("Description", &d);
            }
            x.close("VoluntaryWork");
        }
        x.close("VoluntaryWorks");
    }
    write_other_sections(&mut x, &p.other_sections);
    for (i, s) in p.other_sections.iter().enumerate() {
        for (j, e) in s.entries.iter().enumerate() {
            if let Some(by) = &e.by {
                r.unmapped(
                    format!("other_sections[{i}].entries[{j}].by"),
                    quoted(by),
                    "the Candidate's sections have no field for who gave or published it",
                );
            }
        }
    }
    match (&p.person.photo, p.privacy.print_photo) {
        (Some(photo), true) if photo.starts_with("data:") => {
            let (head, data) = photo.split_once(',').unwrap_or(("", ""));
            let mime = head.trim_start_matches("data:").trim_end_matches(";base64");
            x.open("Attachment");
            x.leaf(&format!("oa:EmbeddedData mimeCode=\"{}\" encodingCode=\"base64Binary\"", esc(mime)), data);
            x.leaf("oa:FileType", "photo");
            x.close("Attachment");
        }
        (Some(photo), true) => r.unmapped("person.photo", quoted(photo), "only a photo given as a data URL can be embedded"),
        (Some(_), false) => r.unmapped("person.photo", "(a photo)", "not exported: privacy.print_photo is false"),
        _ => {}
    }
    x.close("CandidateProfile");
    x.out.push_str("</Candidate>\n");
    let why = "the Candidate export has no place for it";
    if p.mobility.max_commute_km.is_some() || p.mobility.own_vehicle || p.mobility.willing_to_relocate {
        r.unmapped("mobility", "(commute, vehicle, relocation)", why);
    }
    if p.preferences != crate::model::Preferences::default() {
        r.unmapped("preferences", "(wanted occupations, contracts, hours)", why);
    }
    (x.out, r)
}

/// Conferences as `ConferencesAndSeminars`, every other section of the person's own as
/// `Others` blocks with its title, one block an entry, as the Europass editor writes them
/// (its importer keeps one `Other` a block and joins the blocks that share a title).
fn write_other_sections(x: &mut Xml, sections: &[OtherSection]) {
    let entry = |x: &mut Xml, tag: &str, e: &SectionEntry| {
        x.open(tag);
        x.leaf("Title", e.title.as_deref().unwrap_or_default());
        if e.date.is_some() || e.end.is_some() {
            x.open("Date");
            x.date("StartDate", e.date);
            x.date("EndDate", e.end);
            x.close("Date");
        }
        if let Some(place) = &e.place {
            x.leaf("Location", place);
        }
        if let Some(html) = description_html(e.text.as_deref(), &e.items) {
            x.leaf("Description", &html);
        }
        if let Some(link) = &e.link {
            x.leaf("Link", link);
        }
        x.close(tag);
    };
    let (conferences, others): (Vec<&OtherSection>, Vec<&OtherSection>) =
        sections.iter().partition(|s| s.kind == Some(SectionKind::Conferences));
    if !conferences.is_empty() {
        x.open("ConferencesAndSeminars");
        for e in conferences.iter().flat_map(|s| &s.entries) {
            entry(x, "ConferenceAndSeminar", e);
        }
        x.close("ConferencesAndSeminars");
    }
    for s in others {
        for e in &s.entries {
            x.open("Others");
            x.leaf("Title", &s.title);
            entry(x, "Other", e);
            x.close("Others");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ExportFormat, ImportOptions, Imported, export_profile, import};
    use crate::load::{Format, load_profile};

    #[test]
    fn export_then_import_keeps_shared_fields() {
        let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/profiles/marco-ict.yaml")).unwrap();
        let p = load_profile(yaml.as_bytes(), Format::Yaml, None).unwrap().value;
        let out = export_profile(&p, ExportFormat::Europass).unwrap();
        assert!(out.text.starts_with("<?xml"));
        let back = import(out.text.as_bytes(), None, &ImportOptions::default()).unwrap();
        assert_eq!(back.version, "Europass Candidate XML (2020+)");
        let Imported::Profile(q) = back.document else { panic!() };
        assert_eq!(q.person, p.person);
        assert_eq!(
            q.work.iter().map(|w| (&w.role, &w.employer, w.start, w.end)).collect::<Vec<_>>(),
            p.work.iter().map(|w| (&w.role, &w.employer, w.start, w.end)).collect::<Vec<_>>()
        );
        assert_eq!(
            q.education.iter().map(|e| (&e.title, e.eqf_level, e.end)).collect::<Vec<_>>(),
            p.education.iter().map(|e| (&e.title, e.eqf_level, e.end)).collect::<Vec<_>>()
        );
        assert_eq!(
            q.languages.other.iter().map(|l| (&l.language, l.grid())).collect::<Vec<_>>(),
            p.languages.other.iter().map(|l| (&l.language, l.grid())).collect::<Vec<_>>()
        );
        assert_eq!(q.languages.mother_tongues, p.languages.mother_tongues);
        assert_eq!(
            q.skills.iter().map(|s| (&s.label, &s.uri)).collect::<Vec<_>>(),
            p.skills.iter().map(|s| (&s.label, &s.uri)).collect::<Vec<_>>()
        );
        assert_eq!(q.driving_licences, p.driving_licences);
        assert_eq!(q.projects.len(), p.projects.len());
        assert_eq!(q.headline, p.headline);
    }
}
