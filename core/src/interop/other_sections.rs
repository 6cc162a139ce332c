//! Sections with a title of the person's choosing, as the importers gather them: entries
//! collected under their section's title (sections that share a title become one, in the
//! order first seen), the kind read from the names the formats give their sections, and
//! the titles Sportello gives the kinds it names itself.

use crate::fold::label_key;
use crate::model::{OtherSection, SectionEntry, SectionKind};

/// Entries collected into sections by title.
#[derive(Default)]
pub struct Gathered(Vec<OtherSection>);

impl Gathered {
    /// Adds `entry` to the section titled `title` (case and spacing aside), opening it
    /// with `kind` if it is new. Entries that say nothing are dropped.
    pub fn push(&mut self, title: &str, kind: Option<SectionKind>, entry: SectionEntry) {
        if !entry.says_something() {
            return;
        }
        let key = label_key(title);
        match self.0.iter_mut().find(|s| label_key(&s.title) == key) {
            Some(s) => s.entries.push(entry),
            None => self.0.push(OtherSection { title: title.trim().to_owned(), kind, entries: vec![entry] }),
        }
    }

    /// The sections, in the order first seen.
    pub fn finish(self) -> Vec<OtherSection> {
        self.0
    }
}

/// The kind a section's name or code says, in the words of JSON Resume (`awards`),
/// RenderCV (`selected_honors`, `invited_talks`), Europass 3 achievement codes
/// (`honors_awards`) and the Europass editor (`conference-seminar`); none when unsure.
pub fn kind_of(name: &str) -> Option<SectionKind> {
    let n = name.trim().to_lowercase().replace(['-', ' '], "_");
    let has = |words: &[&str]| words.iter().any(|w| n.split('_').any(|part| part == *w));
    if has(&["award", "awards", "honors", "honours", "honor", "honour", "prizes", "scholarships", "grants", "premi", "riconoscimenti"]) {
        Some(SectionKind::Awards)
    } else if has(&["publications", "publication", "papers", "pubblicazioni"]) {
        Some(SectionKind::Publications)
    } else if has(&["conferences", "conference", "seminars", "seminar", "talks", "presentations", "conferenze", "seminari"]) {
        Some(SectionKind::Conferences)
    } else if has(&["courses", "course", "corsi"]) {
        Some(SectionKind::Courses)
    } else if has(&["interests", "hobbies", "interessi"]) {
        Some(SectionKind::Interests)
    } else if has(&["references", "referees", "referenze"]) {
        Some(SectionKind::References)
    } else if has(&["memberships", "membership", "affiliations", "networks", "associazioni"]) {
        Some(SectionKind::Memberships)
    } else {
        None
    }
}

/// The title Sportello gives a section of `kind` in `lang` (Italian, else English).
pub fn title(kind: SectionKind, lang: &str) -> &'static str {
    let it = lang == "it";
    match kind {
        SectionKind::Awards => {
            if it {
                "Premi e riconoscimenti"
            } else {
                "Awards"
            }
        }
        SectionKind::Publications => {
            if it {
                "Pubblicazioni"
            } else {
                "Publications"
            }
        }
        SectionKind::Conferences => {
            if it {
                "Conferenze e seminari"
            } else {
                "Conferences and seminars"
            }
        }
        SectionKind::Courses => {
            if it {
                "Corsi"
            } else {
                "Courses"
            }
        }
        SectionKind::Interests => {
            if it {
                "Interessi"
            } else {
                "Interests"
            }
        }
        SectionKind::References => {
            if it {
                "Referenze"
            } else {
                "References"
            }
        }
        SectionKind::Memberships => {
            if it {
                "Associazioni e reti"
            } else {
                "Memberships"
            }
        }
    }
}

/// A RenderCV-style section key as a title: `invited_talks` -> "Invited talks".
pub fn title_from_key(key: &str) -> String {
    let words = key.trim().replace('_', " ");
    let mut cs = words.chars();
    cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_names_formats_use() {
        assert_eq!(kind_of("selected_honors"), Some(SectionKind::Awards));
        assert_eq!(kind_of("honors_awards"), Some(SectionKind::Awards));
        assert_eq!(kind_of("invited_talks"), Some(SectionKind::Conferences));
        assert_eq!(kind_of("conference-seminar"), Some(SectionKind::Conferences));
        assert_eq!(kind_of("Hobbies and interests"), Some(SectionKind::Interests));
        assert_eq!(kind_of("patents"), None);
        assert_eq!(title_from_key("invited_talks"), "Invited talks");
    }

    #[test]
    fn entries_gather_under_one_title() {
        let mut g = Gathered::default();
        let e = |t: &str| SectionEntry { title: Some(t.into()), ..SectionEntry::default() };
        g.push("Publications", Some(SectionKind::Publications), e("a"));
        g.push("Awards", None, e("b"));
        g.push(" publications ", None, e("c"));
        g.push("Awards", None, SectionEntry::default());
        let s = g.finish();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].entries.len(), 2);
        assert_eq!(s[1].entries.len(), 1);
    }
}
