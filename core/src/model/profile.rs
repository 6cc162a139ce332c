//! A jobseeker's profile: the content of a CV and what matching needs to know.
//!
//! Sensitive and special-category data (date of birth, sex, nationality, disability) sit in
//! one place, [`Sensitive`], so that no other part of the library can use them by accident:
//! rendering prints them only when [`Privacy`] allows it, and matching never reads them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{CefrLevel, Concept, ContractType, EqfLevel, Hours, LicenceCategory, Place, Remote, SkillLevel};
use super::cv_options::CvOptions;
use super::date::PartialDate;
use super::other_section::OtherSection;

/// The current version of the profile format.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

fn schema_version() -> u32 {
    PROFILE_SCHEMA_VERSION
}

/// A person's CV profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Profile {
    /// The format version, for migrations of stored files.
    #[serde(default = "schema_version")]
    pub schema_version: u32,
    /// Language the profile is written in (ISO 639-1), e.g. `it`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Identity and contacts.
    pub person: Person,
    /// Sensitive and special-category data: never scored, printed only when allowed.
    #[serde(default, skip_serializing_if = "Sensitive::is_empty")]
    pub sensitive: Sensitive,
    /// What may be printed and used.
    #[serde(default)]
    pub privacy: Privacy,
    /// One line under the name, e.g. "Magazziniere con patentino del muletto".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// A short presentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Work experience, formal or informal, most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<WorkExperience>,
    /// Education and training.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    /// Skills, each with an optional ESCO URI.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    /// Mother tongues and other languages.
    #[serde(default)]
    pub languages: Languages,
    /// Digital skills (DigComp areas or tools).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub digital_skills: Vec<Skill>,
    /// Driving licences held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub driving_licences: Vec<LicenceCategory>,
    /// Certificates and courses with a certificate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// Volunteering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volunteering: Vec<WorkExperience>,
    /// Projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Sections with a title of the person's choosing (awards, publications, interests...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sections: Vec<OtherSection>,
    /// Where the person lives and how far they can travel.
    #[serde(default)]
    pub mobility: Mobility,
    /// What work the person is looking for.
    #[serde(default)]
    pub preferences: Preferences,
    /// How the CV should be rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub render: Option<CvOptions>,
    /// Cover letters the person wrote or edited, one per vacancy (`sportello letter
    /// --for`): their paragraphs are printed as they are, in place of the ones Sportello
    /// drafts from the profile and the match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cover_letters: Vec<CoverLetterText>,
}

/// The paragraphs of a cover letter for one vacancy, as the person wants them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CoverLetterText {
    /// The vacancy's id.
    pub vacancy: String,
    /// The body, one paragraph an item (the salutation and closing are added).
    pub paragraphs: Vec<String>,
}

/// Identity and contacts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Given name(s).
    pub given_name: String,
    /// Family name(s).
    pub family_name: String,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Postal address, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Web pages (portfolio, LinkedIn...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Path or data URL of a photo (JPEG or PNG); printed only if `privacy.print_photo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

/// A labelled web link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    /// What the link is, e.g. "LinkedIn".
    pub label: String,
    /// The address.
    pub url: String,
}

/// Sensitive data. Matching never reads it; rendering prints each part only when the
/// corresponding [`Privacy`] flag allows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Sensitive {
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<PartialDate>,
    /// Sex or gender, as the person states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// Nationalities (ISO 3166-1 alpha-2 codes or names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nationality: Vec<String>,
    /// Disability and Law 68/99 registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<Disability>,
}

impl Sensitive {
    /// Whether nothing sensitive is recorded.
    pub fn is_empty(&self) -> bool {
        self == &Sensitive::default()
    }
}

/// Disability as relevant to job placement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Disability {
    /// Registered in the targeted-placement lists of Law 68/99 (collocamento mirato).
    #[serde(default)]
    pub law_68_99: bool,
    /// Free-text notes for the counsellor (e.g. reasonable accommodations needed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// What may be printed on the CV and used in matching. Everything defaults to "no".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Privacy {
    /// Print the date of birth.
    #[serde(default)]
    pub print_date_of_birth: bool,
    /// Print the photo.
    #[serde(default)]
    pub print_photo: bool,
    /// Print nationality.
    #[serde(default)]
    pub print_nationality: bool,
    /// Print disability information.
    #[serde(default)]
    pub print_disability: bool,
    /// Allow Law 68/99 registration to be used as an eligibility filter for vacancies
    /// reserved to it (it never changes a score).
    #[serde(default)]
    pub use_law_68_99_for_eligibility: bool,
}

/// A job, formal or informal, or a volunteering role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkExperience {
    /// Role or job title as written.
    pub role: String,
    /// Employer or organisation (a family, for informal care work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// End date; absent while ongoing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// What the work involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Achievements or tasks, one per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    /// The ESCO occupation of the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<Concept>,
    /// Work without a contract or outside the formal economy (family care, seasonal help).
    #[serde(default)]
    pub informal: bool,
}

/// A course of education or training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Education {
    /// Title of the qualification, e.g. "Diploma di istruzione tecnica".
    pub title: String,
    /// School, university or training body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// End date (or expected end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// EQF level of the qualification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eqf_level: Option<EqfLevel>,
    /// Field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Final grade, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Notes, e.g. recognition of a foreign degree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A skill the person has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Skill {
    /// The skill as the person wrote it.
    pub label: String,
    /// The ESCO skill URI, once normalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Self-assessed level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<SkillLevel>,
    /// Where the skill was shown or learned (a job, a course, a certificate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Mother tongues and foreign languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Languages {
    /// Mother tongue(s), ISO 639-1 codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mother_tongues: Vec<String>,
    /// Other languages, each with the CEFR self-assessment grid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<LanguageSkill>,
}

/// A foreign language with the Europass/CEFR self-assessment grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageSkill {
    /// ISO 639-1 code, e.g. `en`.
    pub language: String,
    /// Understanding: listening.
    pub listening: CefrLevel,
    /// Understanding: reading.
    pub reading: CefrLevel,
    /// Speaking: spoken interaction.
    pub spoken_interaction: CefrLevel,
    /// Speaking: spoken production.
    pub spoken_production: CefrLevel,
    /// Writing.
    pub writing: CefrLevel,
    /// A certificate, e.g. "CILS B1" or "IELTS 6.5".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
}

impl LanguageSkill {
    /// The five levels in the grid's order.
    pub fn grid(&self) -> [CefrLevel; 5] {
        [self.listening, self.reading, self.spoken_interaction, self.spoken_production, self.writing]
    }
}

/// A certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Certification {
    /// Its name, e.g. "HACCP" or "Attestato OSS".
    pub name: String,
    /// Who issued it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// When it was obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// When it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<PartialDate>,
}

/// A project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    /// Its name.
    pub name: String,
    /// What it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// End date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where the person lives and how far they can travel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mobility {
    /// Home comune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Place>,
    /// Longest acceptable commute, in km (straight line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_commute_km: Option<u32>,
    /// Has a vehicle of their own.
    #[serde(default)]
    pub own_vehicle: bool,
    /// Willing to move for work.
    #[serde(default)]
    pub willing_to_relocate: bool,
}

/// What work the person is looking for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Preferences {
    /// Wanted occupations (ESCO).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<Concept>,
    /// Acceptable contract types; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contract_types: Vec<ContractType>,
    /// Wanted hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Wanted work place arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    /// Available to start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_from: Option<PartialDate>,
}
