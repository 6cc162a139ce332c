//! How a profile wants its CV rendered: the `render` block of a profile. Every field is
//! optional; command-line flags override it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A CV section, in the order the template should show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Headline and summary.
    Summary,
    /// Work experience.
    Work,
    /// Education and training.
    Education,
    /// Languages with the CEFR grid.
    Languages,
    /// Skills.
    Skills,
    /// Digital skills.
    DigitalSkills,
    /// Driving licences.
    DrivingLicences,
    /// Certifications.
    Certifications,
    /// Volunteering.
    Volunteering,
    /// Projects.
    Projects,
    /// The sections with a title of the person's choosing, in the order of the profile's
    /// `other_sections`.
    OtherSections,
    /// What work the person is looking for and when and how far they can go (the regional
    /// CV's "professione desiderata" and "disponibilità"): printed only when the person
    /// lists it among their sections.
    Wanted,
}

wire_names!(Section, "a section", { Summary => "summary", Work => "work", Education => "education", Languages => "languages", Skills => "skills", DigitalSkills => "digital_skills", DrivingLicences => "driving_licences", Certifications => "certifications", Volunteering => "volunteering", Projects => "projects", OtherSections => "other_sections", Wanted => "wanted" });

impl Section {
    /// The sections printed, in this order, unless the profile or the caller says
    /// otherwise: all but [`Section::Wanted`], which a person asks for.
    pub const DEFAULT_ORDER: [Section; 11] = [
        Section::Summary,
        Section::Work,
        Section::Education,
        Section::Languages,
        Section::Skills,
        Section::DigitalSkills,
        Section::DrivingLicences,
        Section::Certifications,
        Section::Volunteering,
        Section::Projects,
        Section::OtherSections,
    ];
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// The data-protection note printed at the end of an Italian CV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrivacyNote {
    /// The note reflecting GDPR and D.Lgs. 101/2018: no consent is needed for CVs sent to
    /// employers.
    #[default]
    Gdpr,
    /// The older "Autorizzo il trattamento dei miei dati personali..." clause.
    Consent,
    /// No note.
    None,
}

/// Rendering options a profile may carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CvOptions {
    /// Template name (`europass`, `modern`, `plain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Locale of the fixed words (`it`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Accent colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Font family (one that Sportello ships).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// Show the photo (it also needs `privacy.print_photo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<bool>,
    /// Paper size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
    /// Sections in the order to show them; absent means the default order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Sections to hide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide: Vec<Section>,
    /// Which privacy note to print.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_note: Option<PrivacyNote>,
    /// Print the DPR 445/2000 self-declaration with place, date and signature line (for
    /// public competitions).
    #[serde(default)]
    pub self_declaration: bool,
    /// The place written before the date in the signature line (defaults to the home place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_place: Option<String>,
}
