//! What the reports count people by: sex and year of birth, kept beside each person in two
//! columns (schema v4) so that a report over a hundred thousand people reads no profile.
//!
//! Both come from the person's own statement in their profile's `sensitive` block, or else
//! from the codice fiscale (the day of birth plus 40 for women, the last two digits of the
//! year). They are statistics only: no list, file or export shows these columns, and a
//! report shows them only as counts under the small-count rule.

use rusqlite::{Connection, OptionalExtension, params};

use super::codice_fiscale::CodiceFiscale;
use super::error::Result;
use super::words::Sex;
use crate::fold::fold;
use crate::model::Sensitive;

/// A person's sex and year of birth, each if known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Demographics {
    /// As stated, or as the codice fiscale encodes it.
    pub sex: Option<Sex>,
    /// Year of birth.
    pub birth_year: Option<u16>,
}

/// Reads a sex stated in words, Italian or English (`F`, `donna`, `maschio`, `male`...):
/// anything else (another gender, a blank) is not classed.
pub fn stated_sex(text: &str) -> Option<Sex> {
    match fold(text).as_str() {
        "f" | "femmina" | "femminile" | "donna" | "female" | "woman" | "w" => Some(Sex::Female),
        "m" | "maschio" | "maschile" | "uomo" | "male" | "man" => Some(Sex::Male),
        _ => None,
    }
}

/// Sex and year of birth from a codice fiscale: the day field is 41 to 71 for women; the
/// two-digit year is taken in this century unless that would be after `this_year`.
pub fn from_codice_fiscale(cf: &CodiceFiscale, this_year: u16) -> Demographics {
    let text = cf.as_str().as_bytes();
    // Omocodia writes digits as letters (0-9 -> L M N P Q R S T U V).
    let digit = |b: u8| -> Option<u16> {
        match b {
            b'0'..=b'9' => Some(u16::from(b - b'0')),
            _ => b"LMNPQRSTUV".iter().position(|&l| l == b).map(|p| p as u16),
        }
    };
    let two = |i: usize| Some(digit(text[i])? * 10 + digit(text[i + 1])?);
    let yy = two(6);
    let day = two(9);
    let century = this_year / 100 * 100;
    Demographics {
        // Days 1-31 for men, 41-71 for women; anything else tells nothing.
        sex: day.and_then(|d| match d {
            1..=31 => Some(Sex::Male),
            41..=71 => Some(Sex::Female),
            _ => None,
        }),
        birth_year: yy.map(|y| if century + y > this_year { century - 100 + y } else { century + y }),
    }
}

/// The person's own statement (their profile's sensitive block) first, the codice fiscale
/// for what it leaves unknown.
pub fn of(sensitive: &Sensitive, cf: Option<&CodiceFiscale>, this_year: u16) -> Demographics {
    let stated =
        Demographics { sex: sensitive.sex.as_deref().and_then(stated_sex), birth_year: sensitive.date_of_birth.map(|d| d.get_year()) };
    let coded = cf.map(|c| from_codice_fiscale(c, this_year)).unwrap_or_default();
    Demographics { sex: stated.sex.or(coded.sex), birth_year: stated.birth_year.or(coded.birth_year) }
}

/// Sets the columns of person `id` from their stored profile and codice fiscale.
pub(crate) fn refresh(tx: &Connection, id: i64, this_year: u16) -> Result<()> {
    let row: Option<(String, Option<String>)> =
        tx.query_row("SELECT profile, codice_fiscale FROM people WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    let Some((text, cf)) = row else { return Ok(()) };
    // Only the sensitive block of the stored profile is read.
    #[derive(serde::Deserialize)]
    struct Stored {
        #[serde(default)]
        sensitive: Sensitive,
    }
    // A profile that does not read (a damaged row, shown as such where it is opened) leaves
    // the codice fiscale to tell what it can: one bad row never stops a migration.
    let sensitive = serde_json::from_str::<Stored>(&text).map(|s| s.sensitive).unwrap_or_default();
    let cf = cf.and_then(|c| CodiceFiscale::parse(&c).ok());
    let d = of(&sensitive, cf.as_ref(), this_year);
    tx.execute("UPDATE people SET sex = ?1, birth_year = ?2 WHERE id = ?3", params![d.sex.map(|s| s.as_str()), d.birth_year, id])?;
    Ok(())
}

/// Fills the columns of every person (when a file is brought to schema v4).
pub(crate) fn refresh_all(tx: &Connection, this_year: u16) -> Result<()> {
    let ids: Vec<i64> = tx.prepare("SELECT id FROM people")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in ids {
        refresh(tx, id, this_year)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codice_fiscale_tells_sex_and_year() {
        let cf = CodiceFiscale::parse("RSSMRA85T10A562S").unwrap();
        assert_eq!(from_codice_fiscale(&cf, 2023), Demographics { sex: Some(Sex::Male), birth_year: Some(1985) });
        let cf = CodiceFiscale::parse("BNCGNN70A41L219N").unwrap();
        assert_eq!(from_codice_fiscale(&cf, 2023), Demographics { sex: Some(Sex::Female), birth_year: Some(1970) });
        // Born in 2005: this century, as 2005 is not after 2023.
        let cf = CodiceFiscale::parse("VRDLCU05M52F205X").unwrap();
        assert_eq!(from_codice_fiscale(&cf, 2023), Demographics { sex: Some(Sex::Female), birth_year: Some(2005) });
    }

    #[test]
    fn a_stated_sex_comes_first_and_other_words_are_not_classed() {
        assert_eq!(stated_sex("Donna"), Some(Sex::Female));
        assert_eq!(stated_sex(" M "), Some(Sex::Male));
        assert_eq!(stated_sex("non binario"), None);
        let stated: Sensitive = serde_json::from_value(serde_json::json!({"sex": "femmina", "date_of_birth": "1990-04"})).unwrap();
        let cf = CodiceFiscale::parse("RSSMRA85T10A562S").unwrap();
        assert_eq!(of(&stated, Some(&cf), 2023), Demographics { sex: Some(Sex::Female), birth_year: Some(1990) });
        let bare = Sensitive::default();
        assert_eq!(of(&bare, Some(&cf), 2023), Demographics { sex: Some(Sex::Male), birth_year: Some(1985) });
        assert_eq!(of(&bare, None, 2023), Demographics::default());
    }
}
