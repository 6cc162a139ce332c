//! Value types shared by profiles and vacancies: CEFR and EQF levels, EU driving-licence
//! categories, contract types, ESCO concept references and places.
//!
//! Each scalar type parses case-insensitively and, when it cannot, says what it found and
//! lists what it expected, so validation messages need no extra wording.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a closed set of codes that (de)serialise as strings, with an error message
/// that lists every accepted code.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire code.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The wire name, as every enum that crosses a boundary has it (the code).
            pub fn as_str(self) -> &'static str {
                self.code()
            }

            /// Parses a code, ignoring case and surrounding space.
            pub fn parse(s: &str) -> Result<Self, String> {
                let t = s.trim();
                $name::ALL.iter().copied().find(|v| v.code().eq_ignore_ascii_case(t)).ok_or_else(|| {
                    let codes: Vec<&str> = $name::ALL.iter().map(|v| v.code()).collect();
                    format!("{:?} is not {} (expected one of {})", s, $what, codes.join(", "))
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;

            /// As [`Self::parse`]: ignoring case and surrounding space.
            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(|_| {
                    $crate::problem::Rule::NotACode {
                        value: s.clone(),
                        what: $what.into(),
                        expected: $name::ALL.iter().map(|v| v.code().to_owned()).collect(),
                    }
                    .to_parser_error()
                })
            }
        }
    };
}

code_enum!(
    /// A Common European Framework of Reference level for languages.
    CefrLevel, "a CEFR level", {
        /// Breakthrough.
        A1 => "A1",
        /// Waystage.
        A2 => "A2",
        /// Threshold.
        B1 => "B1",
        /// Vantage.
        B2 => "B2",
        /// Effective operational proficiency.
        C1 => "C1",
        /// Mastery.
        C2 => "C2",
    }
);

code_enum!(
    /// An EU driving-licence category (Directive 2006/126/EC), plus the Italian professional
    /// qualification card (CQC) and the forklift licence often asked for in warehouses.
    LicenceCategory, "a driving-licence category", {
        /// Mopeds.
        Am => "AM",
        /// Light motorcycles.
        A1 => "A1",
        /// Medium motorcycles.
        A2 => "A2",
        /// Motorcycles.
        A => "A",
        /// Quadricycles.
        B1 => "B1",
        /// Cars.
        B => "B",
        /// Car with heavy trailer.
        Be => "BE",
        /// Medium goods vehicles.
        C1 => "C1",
        /// Medium goods vehicles with trailer.
        C1e => "C1E",
        /// Heavy goods vehicles.
        C => "C",
        /// Heavy goods vehicles with trailer.
        Ce => "CE",
        /// Minibuses.
        D1 => "D1",
        /// Minibuses with trailer.
        D1e => "D1E",
        /// Buses.
        D => "D",
        /// Buses with trailer.
        De => "DE",
        /// Carta di qualificazione del conducente (professional drivers).
        Cqc => "CQC",
        /// Forklift operator licence (patentino del muletto, Accordo Stato-Regioni 2012).
        Forklift => "FORKLIFT",
    }
);

code_enum!(
    /// Italian contract types a vacancy offers or a person accepts.
    ContractType, "a contract type", {
        /// Curricular or extra-curricular internship.
        Tirocinio => "tirocinio",
        /// Apprenticeship.
        Apprendistato => "apprendistato",
        /// Fixed-term employment.
        TempoDeterminato => "tempo_determinato",
        /// Permanent employment.
        TempoIndeterminato => "tempo_indeterminato",
        /// Agency work.
        Somministrazione => "somministrazione",
        /// Seasonal work.
        Stagionale => "stagionale",
        /// Freelance collaboration.
        Collaborazione => "collaborazione",
        /// Self-employment (partita IVA).
        Autonomo => "autonomo",
        /// Universal civil service.
        ServizioCivile => "servizio_civile",
    }
);

code_enum!(
    /// Working hours.
    Hours, "a working-hours value", {
        /// Full time.
        FullTime => "full_time",
        /// Part time.
        PartTime => "part_time",
        /// Either.
        Any => "any",
    }
);

code_enum!(
    /// Where the work is done.
    Remote, "a remote-work value", {
        /// On site only.
        OnSite => "on_site",
        /// Partly remote.
        Hybrid => "hybrid",
        /// Fully remote.
        Remote => "remote",
    }
);

code_enum!(
    /// How well a person masters a skill, in their own estimate.
    SkillLevel, "a skill level", {
        /// Basic.
        Basic => "basic",
        /// Intermediate.
        Intermediate => "intermediate",
        /// Advanced.
        Advanced => "advanced",
        /// Expert.
        Expert => "expert",
    }
);

/// A level of the European Qualifications Framework, 1 to 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct EqfLevel(#[schemars(range(min = 1, max = 8))] u8);

impl EqfLevel {
    /// A level from 1 to 8.
    pub fn new(level: u8) -> Option<Self> {
        (1..=8).contains(&level).then_some(Self(level))
    }

    /// The number.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for EqfLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        u8::try_from(n)
            .ok()
            .and_then(EqfLevel::new)
            .ok_or_else(|| crate::problem::Rule::NotAnEqfLevel { value: n.to_string() }.to_parser_error())
    }
}

/// A skill, occupation or other concept named in free text and, once normalised, by its
/// ESCO URI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Concept {
    /// The label as the person or employer wrote it.
    pub label: String,
    /// The ESCO URI, e.g. `http://data.europa.eu/esco/skill/...`; filled in by
    /// `sportello normalise` when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// A place: an ISTAT comune, a free-text name, coordinates, or any of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// The 6-digit ISTAT code of the comune, e.g. `003149` (Trecate). A number (YAML reads
    /// `3149` as one) is taken as the code with its leading zeros.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "istat_code")]
    pub istat: Option<String>,
    /// The place's name as written, e.g. "Trecate (NO)" or "Tirana, Albania".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude in degrees (WGS84).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees (WGS84).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

fn istat_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Number(u32),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|r| match r {
        Raw::Text(s) => s,
        Raw::Number(n) => format!("{n:06}"),
    }))
}

/// A language required by a vacancy, with the overall CEFR level needed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageRequirement {
    /// ISO 639-1 code, e.g. `it`, `en`.
    pub language: String,
    /// The minimum level in every one of the five CEFR skills.
    pub level: CefrLevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_case_insensitively_and_list_alternatives() {
        assert_eq!(CefrLevel::parse("b2"), Ok(CefrLevel::B2));
        assert_eq!(ContractType::parse("Tirocinio"), Ok(ContractType::Tirocinio));
        assert_eq!("b1".parse::<CefrLevel>().map(CefrLevel::as_str), Ok("B1"));
        let err = CefrLevel::parse("D1").unwrap_err();
        assert_eq!(err, r#""D1" is not a CEFR level (expected one of A1, A2, B1, B2, C1, C2)"#);
    }

    #[test]
    fn eqf_levels_are_one_to_eight() {
        assert!(serde_json::from_str::<EqfLevel>("8").is_ok());
        let err = serde_json::from_str::<EqfLevel>("9").unwrap_err().to_string();
        // The loader reads the rule back from the parser's error (see `problem::Rule`).
        let rule = crate::problem::Rule::from_parser(err.split(" at line ").next().unwrap_or_default());
        assert_eq!(rule.message(crate::lang::Lang::En), "9 is not an EQF level (expected a whole number from 1 to 8)");
    }
}
