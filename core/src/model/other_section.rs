//! Sections with a title of the person's choosing: awards, publications, conferences,
//! courses, interests, references, or anything else a CV from elsewhere brings. Each is a
//! list of entries with optional dates, place, link and text; the CV prints them where the
//! person puts `other_sections` in their section order, in the order of the list.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// A section with its own title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OtherSection {
    /// The title printed above it, in the person's words, e.g. "Premi e riconoscimenti".
    pub title: String,
    /// What kind of section it is, when known: lets an export put it back in the place
    /// the other format has for it (JSON Resume's `awards`, `publications`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SectionKind>,
    /// Its entries, in the order printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<SectionEntry>,
}

/// What kind of section an [`OtherSection`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Awards, honours, scholarships, grants.
    Awards,
    /// Publications.
    Publications,
    /// Conferences, seminars and talks.
    Conferences,
    /// Courses without a certificate.
    Courses,
    /// Hobbies and interests.
    Interests,
    /// References (people who can speak for the person).
    References,
    /// Memberships of associations and networks.
    Memberships,
}

wire_names!(SectionKind, "a kind of section", { Awards => "awards", Publications => "publications", Conferences => "conferences", Courses => "courses", Interests => "interests", References => "references", Memberships => "memberships" });

/// One entry of an [`OtherSection`]: every field is optional, but an entry says something
/// (a title or a text at least).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectionEntry {
    /// What it is: the award, the publication's title, the conference, the interest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who gave, published or organised it, or (for a reference) who the person is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When (or when it started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// When it ended, for something that lasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A description, in the person's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Short items under it: keywords of an interest, points of a talk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

impl SectionEntry {
    /// Whether the entry has a title or a text.
    pub fn says_something(&self) -> bool {
        [&self.title, &self.text].iter().any(|s| s.as_deref().is_some_and(|s| !s.trim().is_empty()))
            || self.items.iter().any(|s| !s.trim().is_empty())
    }
}
