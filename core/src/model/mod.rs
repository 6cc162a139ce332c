//! The data model every part of Sportello shares: [`Profile`] and [`Vacancy`], with the
//! value types they are made of. Wire names are snake_case; dates are partial ISO 8601.

mod common;
mod cv_options;
mod date;
mod other_section;
mod profile;
mod vacancy;

pub use common::{CefrLevel, Concept, ContractType, EqfLevel, Hours, LanguageRequirement, LicenceCategory, Place, Remote, SkillLevel};
pub use cv_options::{CvOptions, Paper, PrivacyNote, Section};
pub use date::{DateError, PartialDate};
pub use other_section::{OtherSection, SectionEntry, SectionKind};
pub use profile::{
    Certification, CoverLetterText, Disability, Education, LanguageSkill, Languages, Link, Mobility, PROFILE_SCHEMA_VERSION, Person,
    Preferences, Privacy, Profile, Project, Sensitive, Skill, WorkExperience,
};
pub use vacancy::{VACANCY_SCHEMA_VERSION, Vacancy};
