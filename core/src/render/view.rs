//! The view a template reads from `/data.json`: the profile with sensitive fields removed
//! unless allowed, dates formatted for the locale, sections in order, and the locale's
//! fixed words. This is the whole data contract of templates (`templates/README.md`);
//! privacy is enforced here, before any template runs.

use serde_json::{Map, Value, json};

use super::locale::Locale;
use crate::model::{CvOptions, OtherSection, Place, PrivacyNote, Profile, Section, SectionEntry, Skill, WorkExperience};

/// The options after merging the profile's `render` block with the caller's overrides.
#[derive(Debug, Clone)]
pub struct Effective {
    /// Accent colour `#rrggbb`.
    pub accent: String,
    /// Font family.
    pub font: String,
    /// Paper (`a4` or `us-letter`, Typst's names).
    pub paper: &'static str,
    /// Visible sections in order.
    pub sections: Vec<Section>,
    /// Show the photo if there is one and it is allowed.
    pub photo: bool,
    /// Which privacy note.
    pub privacy_note: PrivacyNote,
    /// Print the DPR 445/2000 self-declaration.
    pub self_declaration: bool,
    /// Place for the signature line.
    pub signature_place: Option<String>,
}

/// Default accent colour (a dark teal with AA contrast on white).
pub const DEFAULT_ACCENT: &str = "#1f5f7a";
/// Default font family.
pub const DEFAULT_FONT: &str = "Libertinus Serif";

impl Effective {
    /// Merges `overrides` over the profile's `render` block over the defaults.
    pub fn merge(profile: Option<&CvOptions>, overrides: &CvOptions) -> Effective {
        let base = profile.cloned().unwrap_or_default();
        let pick = |o: &Option<String>, b: &Option<String>| o.clone().or_else(|| b.clone());
        let order = if !overrides.sections.is_empty() {
            &overrides.sections
        } else if !base.sections.is_empty() {
            &base.sections
        } else {
            &Section::DEFAULT_ORDER.to_vec()
        };
        let hidden: Vec<Section> = base.hide.iter().chain(&overrides.hide).copied().collect();
        Effective {
            accent: pick(&overrides.accent, &base.accent).unwrap_or_else(|| DEFAULT_ACCENT.into()),
            font: pick(&overrides.font, &base.font).unwrap_or_else(|| DEFAULT_FONT.into()),
            paper: match overrides.paper.or(base.paper).unwrap_or_default() {
                crate::model::Paper::A4 => "a4",
                crate::model::Paper::Letter => "us-letter",
            },
            sections: order.iter().copied().filter(|s| !hidden.contains(s)).collect(),
            photo: overrides.photo.or(base.photo).unwrap_or(true),
            privacy_note: overrides.privacy_note.or(base.privacy_note).unwrap_or_default(),
            self_declaration: overrides.self_declaration || base.self_declaration,
            signature_place: pick(&overrides.signature_place, &base.signature_place),
        }
    }
}

/// Builds the view. `photo_path` is the virtual path of the photo when one is given and
/// may be shown; `place_date` is the formatted "today".
pub fn build(p: &Profile, opts: &Effective, locale: &Locale, photo_path: Option<&str>, today: &str) -> Value {
    let name = format!("{} {}", p.person.given_name.trim(), p.person.family_name.trim());
    let mut person = Map::new();
    person.insert("name".into(), json!(name));
    person.insert("given_name".into(), json!(p.person.given_name));
    person.insert("family_name".into(), json!(p.person.family_name));
    put(&mut person, "headline", p.headline.clone());
    put(&mut person, "email", p.person.email.clone());
    put(&mut person, "phone", p.person.phone.clone());
    put(&mut person, "address", p.person.address.clone());
    person.insert("links".into(), json!(p.person.links.iter().map(|l| json!({"label": l.label, "url": l.url})).collect::<Vec<_>>()));
    if p.privacy.print_date_of_birth {
        put(&mut person, "date_of_birth", p.sensitive.date_of_birth.map(|d| locale.date(d)));
    }
    if p.privacy.print_nationality && !p.sensitive.nationality.is_empty() {
        person.insert("nationality".into(), json!(p.sensitive.nationality.join(", ")));
    }
    if p.privacy.print_disability {
        put(&mut person, "disability", p.sensitive.disability.as_ref().and_then(|d| d.notes.clone()));
    }
    if let Some(path) = photo_path.filter(|_| opts.photo && p.privacy.print_photo) {
        person.insert("photo".into(), json!(path));
        person.insert("photo_alt".into(), json!(locale.text("labels.photo_alt").replace("{name}", &name)));
    }

    let sections: Vec<Value> = opts.sections.iter().map(|s| json!(s)).collect();
    let privacy_note = match opts.privacy_note {
        PrivacyNote::Gdpr => Some(locale.text("privacy_notes.gdpr")),
        PrivacyNote::Consent => Some(locale.text("privacy_notes.consent")),
        PrivacyNote::None => None,
    };
    let place = opts.signature_place.clone().or_else(|| p.mobility.home.as_ref().and_then(place_name));
    let place_date = match place {
        Some(pl) => format!("{pl}, {today}"),
        None => today.to_owned(),
    };
    let self_declaration = opts.self_declaration.then(|| locale.text("self_declaration").replace("{name}", &name));

    let mut view = Map::new();
    view.insert("lang".into(), json!(locale.code));
    view.insert("t".into(), locale.strings.clone());
    view.insert(
        "options".into(),
        json!({
            "accent": opts.accent, "font": opts.font, "paper": opts.paper, "sections": sections,
            "privacy_note": privacy_note, "self_declaration": self_declaration, "place_date": place_date,
        }),
    );
    view.insert("title".into(), json!(format!("{} – {name}", locale.text("cv"))));
    view.insert("person".into(), Value::Object(person));
    if let Some(s) = &p.summary {
        view.insert("summary".into(), json!(s));
    }
    view.insert("work".into(), json!(p.work.iter().map(|w| experience(w, locale)).collect::<Vec<_>>()));
    view.insert("volunteering".into(), json!(p.volunteering.iter().map(|w| experience(w, locale)).collect::<Vec<_>>()));
    view.insert("wanted".into(), json!(wanted(p, locale)));
    let education: Vec<Value> = p
        .education
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("title".into(), json!(e.title));
            put(&mut m, "institution", e.institution.clone());
            put(&mut m, "place", e.place.as_ref().and_then(place_name));
            put(&mut m, "period", locale.period(e.start, e.end, false));
            put(&mut m, "eqf", e.eqf_level.map(|l| format!("EQF {}", l.get())));
            put(&mut m, "field", e.field.clone());
            put(&mut m, "grade", e.grade.clone());
            put(&mut m, "description", e.description.clone());
            Value::Object(m)
        })
        .collect();
    view.insert("education".into(), json!(education));
    view.insert("skills".into(), json!(skills(&p.skills, locale)));
    view.insert("digital_skills".into(), json!(skills(&p.digital_skills, locale)));
    let other: Vec<Value> = p
        .languages
        .other
        .iter()
        .map(|l| {
            let mut m = Map::new();
            m.insert("language".into(), json!(locale.language_name(&l.language)));
            for (k, v) in ["listening", "reading", "spoken_interaction", "spoken_production", "writing"].iter().zip(l.grid()) {
                m.insert((*k).into(), json!(v.code()));
            }
            put(&mut m, "certificate", l.certificate.clone());
            Value::Object(m)
        })
        .collect();
    let mother: Vec<String> = p.languages.mother_tongues.iter().map(|c| locale.language_name(c)).collect();
    view.insert("languages".into(), json!({"mother_tongues": mother, "other": other}));
    let licences: Vec<&str> = p.driving_licences.iter().map(|l| l.code()).collect();
    if !licences.is_empty() {
        view.insert("driving_licences".into(), json!(licences.join(", ")));
    }
    let certs: Vec<Value> = p
        .certifications
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("name".into(), json!(c.name));
            put(&mut m, "issuer", c.issuer.clone());
            put(&mut m, "date", c.date.map(|d| locale.date(d)));
            put(&mut m, "expires", c.expires.map(|d| locale.date(d)));
            Value::Object(m)
        })
        .collect();
    view.insert("certifications".into(), json!(certs));
    let projects: Vec<Value> = p
        .projects
        .iter()
        .map(|pr| {
            let mut m = Map::new();
            m.insert("name".into(), json!(pr.name));
            put(&mut m, "description", pr.description.clone());
            put(&mut m, "period", locale.period(pr.start, pr.end, false));
            put(&mut m, "url", pr.url.clone());
            Value::Object(m)
        })
        .collect();
    view.insert("projects".into(), json!(projects));
    let others: Vec<Value> =
        p.other_sections.iter().filter(|s| s.entries.iter().any(SectionEntry::says_something)).map(|s| other_section(s, locale)).collect();
    view.insert("other_sections".into(), json!(others));
    Value::Object(view)
}

fn put(m: &mut Map<String, Value>, key: &str, v: Option<String>) {
    if let Some(v) = v.filter(|s| !s.trim().is_empty()) {
        m.insert(key.into(), Value::String(v));
    }
}

fn place_name(p: &Place) -> Option<String> {
    p.name.clone()
}

fn experience(w: &WorkExperience, locale: &Locale) -> Value {
    let mut m = Map::new();
    m.insert("role".into(), json!(w.role));
    put(&mut m, "employer", w.employer.clone());
    put(&mut m, "place", w.place.as_ref().and_then(place_name));
    put(&mut m, "period", locale.period(w.start, w.end, w.end.is_none()));
    put(&mut m, "description", w.description.clone());
    m.insert("highlights".into(), json!(w.highlights));
    m.insert("informal".into(), json!(w.informal));
    Value::Object(m)
}

/// A section of the person's own: `{title, entries: [{title, by, period, place, link,
/// text, items}]}`, empty entries left out.
fn other_section(s: &OtherSection, locale: &Locale) -> Value {
    let entries: Vec<Value> = s
        .entries
        .iter()
        .filter(|e| e.says_something())
        .map(|e| {
            let mut m = Map::new();
            put(&mut m, "title", e.title.clone());
            put(&mut m, "by", e.by.clone());
            put(&mut m, "period", locale.period(e.date, e.end, false));
            put(&mut m, "place", e.place.clone());
            put(&mut m, "link", e.link.clone());
            put(&mut m, "text", e.text.clone());
            m.insert("items".into(), json!(e.items.iter().filter(|i| !i.trim().is_empty()).collect::<Vec<_>>()));
            Value::Object(m)
        })
        .collect();
    json!({"title": s.title.trim(), "entries": entries})
}

fn skills(list: &[Skill], locale: &Locale) -> Vec<Value> {
    list.iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("label".into(), json!(s.label));
            put(&mut m, "level", s.level.map(|l| locale.level(l.code())));
            Value::Object(m)
        })
        .collect()
}

/// What the person is looking for, as `{label, value}` lines: wanted occupations,
/// contracts, hours, arrangement, how far they can travel, when they can start.
fn wanted(p: &Profile, locale: &Locale) -> Vec<Value> {
    let prefs = &p.preferences;
    let mut lines = Vec::new();
    let mut line = |label: &str, value: String| {
        if !value.trim().is_empty() {
            lines.push(json!({"label": locale.text(&format!("labels.{label}")), "value": value}));
        }
    };
    line("wanted_occupations", prefs.occupations.iter().map(|o| o.label.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(", "));
    line(
        "wanted_contracts",
        prefs.contract_types.iter().map(|c| locale.text(&format!("contracts.{}", c.as_str()))).collect::<Vec<_>>().join(", "),
    );
    line("wanted_hours", prefs.hours.map(|h| locale.text(&format!("hours.{}", h.as_str()))).unwrap_or_default());
    line("wanted_remote", prefs.remote.map(|r| locale.text(&format!("remote.{}", r.as_str()))).unwrap_or_default());
    let m = &p.mobility;
    let mut travel = Vec::new();
    if let (Some(km), Some(home)) = (m.max_commute_km, m.home.as_ref().and_then(place_name)) {
        travel.push(locale.text("labels.commute_km").replace("{km}", &km.to_string()).replace("{home}", &home));
    }
    if m.own_vehicle {
        travel.push(locale.text("labels.own_vehicle"));
    }
    if m.willing_to_relocate {
        travel.push(locale.text("labels.relocate"));
    }
    line("commute", travel.join(", "));
    line("available_from", prefs.available_from.map(|d| locale.date(d)).unwrap_or_default());
    lines
}
