//! A vacancy: a job, apprenticeship or internship (tirocinio) offered by an employer.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Concept, ContractType, EqfLevel, Hours, LanguageRequirement, LicenceCategory, Place, Remote};
use super::date::PartialDate;

/// The current version of the vacancy format.
pub const VACANCY_SCHEMA_VERSION: u32 = 1;

fn schema_version() -> u32 {
    VACANCY_SCHEMA_VERSION
}

/// A vacancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vacancy {
    /// The format version, for migrations of stored files.
    #[serde(default = "schema_version")]
    pub schema_version: u32,
    /// A stable identifier, unique within a feed or index.
    pub id: String,
    /// Job title as advertised.
    pub title: String,
    /// The employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The advertisement's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the work is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The ESCO occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<Concept>,
    /// Skills a candidate must have.
    #[serde(default)]
    pub essential_skills: Vec<Concept>,
    /// Skills that are a plus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional_skills: Vec<Concept>,
    /// Languages required, with the minimum CEFR level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageRequirement>,
    /// Minimum EQF level of education.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_eqf_level: Option<EqfLevel>,
    /// Minimum experience in the occupation, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_experience_months: Option<u32>,
    /// Driving licences required.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub driving_licences: Vec<LicenceCategory>,
    /// Contract offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractType>,
    /// Working hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// On site, hybrid or remote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    /// Date published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Last day to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<PartialDate>,
    /// Reserved for people registered under Law 68/99 (collocamento mirato).
    #[serde(default)]
    pub reserved_law_68_99: bool,
    /// Number of positions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positions: Option<u32>,
    /// Where to apply (a URL or an e-mail address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<String>,
}
