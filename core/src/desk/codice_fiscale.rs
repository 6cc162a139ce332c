//! The Italian tax code (codice fiscale) of a person: its shape and check character.
//!
//! Sixteen characters: six letters (surname, name), two digits (year), a month letter, two
//! digits (day, +40 for women), a letter and three digits (place of birth), and a check
//! letter. Where two people would share a code (omocodia), digits are replaced by the
//! letters `LMNPQRSTUV`; those codes are valid too. The check is the Agenzia delle Entrate's:
//! characters in odd places map through a table, those in even places to their value, the
//! sum modulo 26 is the check letter.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A codice fiscale whose shape and check character are right (stored in capitals).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodiceFiscale(String);

/// Why a text is not a codice fiscale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CfError {
    /// Not 16 characters.
    Length(usize),
    /// A character where the shape wants another kind.
    Shape {
        /// Its position, from 1.
        position: usize,
        /// What belongs there.
        expected: &'static str,
    },
    /// The check character is not the one the others give.
    Check {
        /// The check character written.
        found: char,
        /// The one the first fifteen give.
        expected: char,
    },
}

/// Values of the characters in odd places (1st, 3rd...), for `0`-`9` then `A`-`Z`.
const ODD_DIGITS: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS: [u32; 26] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/// Month letters.
const MONTHS: &str = "ABCDEHLMPRST";
/// Letters that stand for digits in an omocodia code.
const OMOCODIA: &str = "LMNPQRSTUV";

impl CodiceFiscale {
    /// Checks `text` (spaces and case ignored).
    pub fn parse(text: &str) -> Result<CodiceFiscale, CfError> {
        let cf: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        let chars: Vec<char> = cf.chars().collect();
        if chars.len() != 16 {
            return Err(CfError::Length(chars.len()));
        }
        let digit_like = |c: char| c.is_ascii_digit() || OMOCODIA.contains(c);
        for (i, &c) in chars.iter().enumerate() {
            let (ok, expected) = match i {
                0..=5 | 15 => (c.is_ascii_uppercase(), "a letter"),
                8 => (MONTHS.contains(c), "a month letter (A B C D E H L M P R S T)"),
                11 => (c.is_ascii_uppercase(), "a letter"),
                _ => (digit_like(c), "a digit"),
            };
            if !ok {
                return Err(CfError::Shape { position: i + 1, expected });
            }
        }
        let expected = check_char(&chars[..15]);
        if chars[15] != expected {
            return Err(CfError::Check { found: chars[15], expected });
        }
        Ok(CodiceFiscale(cf))
    }

    /// The code, in capitals.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check letter of the first fifteen characters.
fn check_char(first: &[char]) -> char {
    let value = |i: usize, c: char| -> u32 {
        let (digit, letter) = (c.to_digit(10), (c as u32).wrapping_sub('A' as u32));
        match (i.is_multiple_of(2), digit) {
            (true, Some(d)) => ODD_DIGITS[d as usize],
            (true, None) => ODD_LETTERS[letter as usize % 26],
            (false, Some(d)) => d,
            (false, None) => letter % 26,
        }
    };
    let sum: u32 = first.iter().enumerate().map(|(i, &c)| value(i, c)).sum();
    char::from(b'A' + (sum % 26) as u8)
}

impl fmt::Display for CfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CfError::Length(n) => write!(f, "has {n} characters (expected 16)"),
            CfError::Shape { position, expected } => write!(f, "character {position} should be {expected}"),
            CfError::Check { found, expected } => write!(f, "the check character is {found}, the others give {expected}"),
        }
    }
}

impl CfError {
    /// The reason in Italian.
    pub fn italian(&self) -> String {
        match self {
            CfError::Length(n) => format!("ha {n} caratteri (attesi 16)"),
            CfError::Shape { position, expected } => {
                let atteso = match *expected {
                    "a letter" => "una lettera",
                    "a digit" => "una cifra",
                    _ => "la lettera di un mese (A B C D E H L M P R S T)",
                };
                format!("il carattere {position} dovrebbe essere {atteso}")
            }
            CfError::Check { found, expected } => format!("il carattere di controllo è {found}, gli altri danno {expected}"),
        }
    }
}

impl fmt::Display for CodiceFiscale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for CodiceFiscale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CodiceFiscale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CodiceFiscale::parse(&s).map_err(|e| serde::de::Error::custom(format!("codice fiscale {s:?} {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes_pass_in_any_case() {
        assert_eq!(CodiceFiscale::parse("rssmra85t10a562s").unwrap().as_str(), "RSSMRA85T10A562S");
        assert!(CodiceFiscale::parse("BNCGNN70A01L219J").is_ok());
        // Omocodia: the last digit of the place code written as a letter, check recomputed.
        let mut omo: Vec<char> = "RSSMRA85T10A56".chars().collect();
        omo.push('N'); // 2 -> N
        let check = check_char(&omo);
        omo.push(check);
        assert!(CodiceFiscale::parse(&omo.iter().collect::<String>()).is_ok());
    }

    #[test]
    fn wrong_codes_say_why() {
        assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562X"), Err(CfError::Check { found: 'X', expected: 'S' }));
        assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562"), Err(CfError::Length(15)));
        assert!(matches!(CodiceFiscale::parse("RSSMRA85Z10A562S"), Err(CfError::Shape { position: 9, .. })));
        assert!(matches!(CodiceFiscale::parse("R5SMRA85T10A562S"), Err(CfError::Shape { position: 2, .. })));
        let e = CodiceFiscale::parse("RSSMRA85T10A562X").unwrap_err();
        assert!(e.italian().contains("controllo") && e.to_string().contains("check"));
    }
}
