//! Pseudonymised copies of profiles for analysts (`sportello redact`).
//!
//! A redacted profile keeps what skill-gap, territory and matching reports need (roles,
//! occupations, dates, skills, languages, education levels, licences, the home comune,
//! preferences) and drops or masks what identifies the person:
//!
//! - the name becomes a pseudonym `P-` + 12 hex digits, an HMAC-SHA256 of the person's
//!   identity (name, email, date of birth) under a key the desk keeps secret: the same
//!   person gets the same pseudonym in every export made with the same key, and nobody
//!   without the key can recompute it from a guessed name;
//! - contacts, links, the photo and every sensitive field (date of birth, sex,
//!   nationality, disability) are removed; [`RedactOptions::keep_birth_year`] keeps only
//!   the year of birth, for age-band statistics;
//! - free text that describes the person (summary, descriptions, highlights, evidence,
//!   grades, project descriptions) is removed; the short texts that stay (roles, titles,
//!   skill labels, employers...) are scrubbed of e-mail addresses, phone numbers, web
//!   addresses, Italian tax codes and the person's own names, each replaced by `[…]`;
//! - the home becomes its comune (ISTAT code, name, the comune's centre); a home that is
//!   not a known comune keeps only coordinates rounded to 0.01° (about 1 km).
//!
//! Pseudonymised data are still personal data under the GDPR (recital 26): the copy is
//! for analysis inside the office, not for publication.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::fold::fold;
use crate::geo::Gazetteer;
use crate::model::{PartialDate, Place, Privacy, Profile, Sensitive};

/// What goes into a redaction.
#[derive(Debug, Clone)]
pub struct RedactOptions {
    /// The secret key of the pseudonyms (at least [`MIN_KEY_BYTES`] bytes).
    pub key: Vec<u8>,
    /// Keep the year of birth (for age bands); everything else sensitive is removed.
    pub keep_birth_year: bool,
}

/// The shortest accepted key: 16 bytes.
pub const MIN_KEY_BYTES: usize = 16;

/// The text that replaces a masked piece of text.
pub const MASK: &str = "[…]";

/// The pseudonym of a profile's person under `key`: `P-` and 12 hex digits.
///
/// It depends on the folded name, the e-mail and the date of birth, so spelling the
/// name with or without accents or capitals gives the same pseudonym.
pub fn pseudonym(profile: &Profile, key: &[u8]) -> String {
    // `new_from_slice` takes keys of any length for HMAC.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { unreachable!("HMAC accepts keys of any length") };
    let p = &profile.person;
    let identity = [
        fold(&p.given_name),
        fold(&p.family_name),
        p.email.as_deref().map(|e| e.trim().to_lowercase()).unwrap_or_default(),
        profile.sensitive.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
    ];
    for part in &identity {
        mac.update(part.as_bytes());
        mac.update(&[0x1f]);
    }
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("P-{hex}")
}

/// A pseudonymised copy of `profile` (see the module documentation for what is kept).
///
/// # Errors
/// A key shorter than [`MIN_KEY_BYTES`].
pub fn redact(profile: &Profile, options: &RedactOptions) -> crate::Result<Profile> {
    if options.key.len() < MIN_KEY_BYTES {
        return Err(crate::Error::Redact {
            message: format!("the key has {} bytes (expected at least {MIN_KEY_BYTES})", options.key.len()),
        });
    }
    let names = Names::of(profile);
    let scrub = |s: &str| names.scrub(s);
    let scrub_opt = |s: &Option<String>| s.as_deref().map(|s| names.scrub(s));

    let mut out = profile.clone();
    out.person = crate::model::Person {
        given_name: pseudonym(profile, &options.key),
        family_name: MASK.into(),
        email: None,
        phone: None,
        address: None,
        links: Vec::new(),
        photo: None,
    };
    out.sensitive = Sensitive {
        date_of_birth: profile.sensitive.date_of_birth.filter(|_| options.keep_birth_year).and_then(|d| PartialDate::year(d.get_year())),
        ..Sensitive::default()
    };
    out.privacy = Privacy::default();
    out.headline = scrub_opt(&profile.headline);
    out.summary = None;
    out.cover_letters.clear();
    for w in out.work.iter_mut().chain(out.volunteering.iter_mut()) {
        w.role = scrub(&w.role);
        w.employer = scrub_opt(&w.employer);
        w.description = None;
        w.highlights.clear();
    }
    for e in &mut out.education {
        e.title = scrub(&e.title);
        e.institution = scrub_opt(&e.institution);
        e.field = scrub_opt(&e.field);
        e.grade = None;
        e.description = None;
    }
    for s in out.skills.iter_mut().chain(out.digital_skills.iter_mut()) {
        s.label = scrub(&s.label);
        s.evidence = None;
    }
    for l in &mut out.languages.other {
        l.certificate = scrub_opt(&l.certificate);
    }
    for c in &mut out.certifications {
        c.name = scrub(&c.name);
        c.issuer = scrub_opt(&c.issuer);
    }
    // Sections of the person's own: titles are kept (scrubbed), their texts are not (an
    // award's citation can name the person); references, which name somebody else, go.
    out.other_sections.retain(|s| s.kind != Some(crate::model::SectionKind::References));
    for s in &mut out.other_sections {
        s.title = scrub(&s.title);
        for e in &mut s.entries {
            *e = crate::model::SectionEntry { title: scrub_opt(&e.title), date: e.date, end: e.end, ..Default::default() };
        }
        s.entries.retain(crate::model::SectionEntry::says_something);
    }
    for p in &mut out.projects {
        p.name = scrub(&p.name);
        p.description = None;
        p.url = None;
    }
    out.mobility.home = profile.mobility.home.as_ref().and_then(home_comune);
    if let Some(render) = &mut out.render {
        render.photo = Some(false);
    }
    Ok(out)
}

/// The comune of a home place, or its coordinates rounded to about a kilometre.
fn home_comune(home: &Place) -> Option<Place> {
    let resolved = Gazetteer::embedded().resolve(home)?;
    Some(match resolved.comune {
        Some(c) => {
            Place { istat: Some(c.istat.clone()), name: Some(c.display_name()), lat: Some(c.coordinates.lat), lon: Some(c.coordinates.lon) }
        }
        None => {
            let round = |x: f64| (x * 100.0).round() / 100.0;
            Place { istat: None, name: None, lat: Some(round(resolved.coordinates.lat)), lon: Some(round(resolved.coordinates.lon)) }
        }
    })
}

/// The person's own name words, folded, for masking them in free text.
struct Names(Vec<String>);

impl Names {
    fn of(profile: &Profile) -> Names {
        let p = &profile.person;
        let words = fold(&format!("{} {}", p.given_name, p.family_name));
        Names(words.split(' ').filter(|w| w.chars().count() >= 3).map(String::from).collect())
    }

    /// `text` with e-mails, phone numbers, web addresses, tax codes and the person's names
    /// replaced by [`MASK`] (whitespace runs become single spaces).
    fn scrub(&self, text: &str) -> String {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut out: Vec<&str> = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            // A phone number may be written in groups: "+39 333 123 4567".
            let run = words[i..].iter().take_while(|w| is_number_part(w)).count();
            if run > 0 && words[i..i + run].iter().map(|w| digits(w)).sum::<usize>() >= 6 {
                push_mask(&mut out);
                i += run;
                continue;
            }
            let w = words[i];
            if self.is_identifying(w) {
                push_mask(&mut out);
            } else {
                out.push(w);
            }
            i += 1;
        }
        out.join(" ")
    }

    fn is_identifying(&self, word: &str) -> bool {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        (bare.contains('@') && bare.contains('.'))
            || lower.contains("://")
            || lower.starts_with("www.")
            || is_tax_code(bare)
            || fold(bare).split(' ').any(|w| self.0.iter().any(|n| n == w))
    }
}

fn push_mask(out: &mut Vec<&str>) {
    if out.last() != Some(&MASK) {
        out.push(MASK);
    }
}

fn digits(word: &str) -> usize {
    word.chars().filter(char::is_ascii_digit).count()
}

/// A word that can be part of a written phone number: digits and `+-./()`.
fn is_number_part(word: &str) -> bool {
    digits(word) > 0 && word.chars().all(|c| c.is_ascii_digit() || "+-./()".contains(c))
}

/// The shape of an Italian codice fiscale: 6 letters, 2 digits, a letter, 2 digits, a
/// letter, 3 digits, a letter (the digits may be letters in homocode cases, so letters
/// and digits are accepted in the digit positions).
fn is_tax_code(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 16
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b[..6].iter().all(u8::is_ascii_alphabetic)
        && [8, 11, 15].iter().all(|&i| b[i].is_ascii_alphabetic())
        && b.iter().filter(|c| c.is_ascii_digit()).count() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, load_profile};

    const KEY: &[u8] = b"0123456789abcdef-desk-secret";

    fn profile(yaml: &str) -> Profile {
        load_profile(yaml.as_bytes(), Format::Yaml, None).expect("profile").value
    }

    fn maria() -> Profile {
        profile(
            "person: {given_name: Maria, family_name: Rossi, email: maria.rossi@example.org, phone: '+39 333 1234567', address: 'Via Roma 1'}\n\
             sensitive: {date_of_birth: 1966-04-12, sex: F, nationality: [IT], disability: {law_68_99: true, notes: 'sedia a rotelle'}}\n\
             privacy: {print_disability: true}\n\
             summary: 'Sono Maria, chiamatemi'\n\
             work: [{role: 'Magazziniera (ref. Maria Rossi, tel. 333 765 4321)', employer: 'Rossi Srl', description: 'x', highlights: [y]}]\n\
             skills: [{label: 'muletto RSSMRA66D52L750X', evidence: 'patentino'}]\n\
             mobility: {home: {istat: '003149', name: 'Via Roma 1, Trecate', lat: 45.4311, lon: 8.7369}, max_commute_km: 20}\n\
             other_sections: [{title: Premi, kind: awards, entries: [{title: 'Premio Maria Rossi', by: 'Comune', text: 'a Maria per il coraggio', link: 'https://example.org/maria'}]},\n\
               {title: Referenze, kind: references, entries: [{title: 'Anna Neri', text: 'tel. 333 999 8888'}]}]\n",
        )
    }

    #[test]
    fn identity_contacts_and_sensitive_data_are_removed() {
        let mut maria = maria();
        maria.cover_letters.push(crate::model::CoverLetterText { vacancy: "v".into(), paragraphs: vec!["sedia a rotelle".into()] });
        let r = redact(&maria, &RedactOptions { key: KEY.into(), keep_birth_year: false }).expect("redact");
        assert!(r.cover_letters.is_empty());
        let json = serde_json::to_string(&r).expect("json");
        for planted in [
            "Maria",
            "Rossi",
            "example.org",
            "1234567",
            "765 4321",
            "sedia",
            "\"date_of_birth\"",
            "RSSMRA",
            "Via Roma",
            "chiamatemi",
            "patentino",
        ] {
            assert!(!json.contains(planted), "{planted} left in {json}");
        }
        assert!(r.person.given_name.starts_with("P-") && r.person.given_name.len() == 14);
        assert_eq!(r.sensitive, Sensitive::default());
        assert_eq!(r.privacy, Privacy::default());
        assert_eq!(r.work[0].role, "Magazziniera (ref. […] tel. […]");
        assert_eq!(r.work[0].employer.as_deref(), Some("[…] Srl"));
        assert_eq!(r.skills[0].label, "muletto […]");
        let home = r.mobility.home.as_ref().expect("home");
        assert_eq!((home.istat.as_deref(), home.name.as_deref()), (Some("003149"), Some("Trecate (NO)")));
        assert_eq!(r.mobility.max_commute_km, Some(20));
        // A section of her own keeps its title and entries' titles, scrubbed; references go.
        assert_eq!(r.other_sections.len(), 1);
        assert_eq!(r.other_sections[0].entries[0].title.as_deref(), Some("Premio […]"));
        assert!(!json.contains("Anna Neri") && !json.contains("coraggio") && !json.contains("Comune"), "{json}");
    }

    #[test]
    fn the_redacted_profile_is_still_valid_and_matches_alike() {
        let r = redact(&maria(), &RedactOptions { key: KEY.into(), keep_birth_year: true }).expect("redact");
        let json = serde_json::to_vec(&r).expect("json");
        let again = load_profile(&json, Format::Json, None).expect("valid");
        assert!(!again.report.has_errors(), "{:?}", again.report);
        assert_eq!(r.sensitive.date_of_birth, PartialDate::year(1966));
    }

    #[test]
    fn pseudonyms_are_stable_per_key_and_ignore_spelling() {
        let a = maria();
        let mut b = a.clone();
        b.person.given_name = "MARÌA".into();
        b.work.clear();
        assert_eq!(pseudonym(&a, KEY), pseudonym(&b, KEY));
        assert_ne!(pseudonym(&a, KEY), pseudonym(&a, b"another-secret-key-of-the-desk"));
        let mut c = a.clone();
        c.person.family_name = "Russo".into();
        assert_ne!(pseudonym(&a, KEY), pseudonym(&c, KEY));
    }

    #[test]
    fn short_keys_are_refused() {
        let e = redact(&maria(), &RedactOptions { key: b"short".to_vec(), keep_birth_year: false }).unwrap_err();
        assert!(e.to_string().contains("at least 16"), "{e}");
    }

    #[test]
    fn homes_outside_the_gazetteer_keep_rounded_coordinates_only() {
        let home = Place { istat: None, name: Some("Via Verdi 3".into()), lat: Some(45.123456), lon: Some(8.987654) };
        let p = home_comune(&home).expect("place");
        assert_eq!((p.name, p.lat, p.lon), (None, Some(45.12), Some(8.99)));
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let n = Names(vec!["maria".into()]);
        assert_eq!(n.scrub("Addetta  alle pulizie, 2 anni (dal 2019)"), "Addetta alle pulizie, 2 anni (dal 2019)");
        assert_eq!(n.scrub("mail maria@x.it o www.x.it"), "mail […] o […]");
    }
}
