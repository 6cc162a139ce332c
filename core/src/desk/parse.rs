//! Values typed by people (a form of the console, a cell of a spreadsheet) read into the
//! desk's types, with errors that name the field and say what was expected, in Italian and
//! English: dates (`14/03/2023` or `2023-03-14`), times, codici fiscali, and the words of
//! the desk's lists by wire name or label, any case or accents ("GOL 1", "concluso").

use super::codice_fiscale::CodiceFiscale;
use super::day::{Day, Time};
use super::error::{DeskError, Result};
use super::words::{
    AcknowledgedBy, AppointmentState, Arrival, Channel, ConsentKind, OutcomeKind, PathEventKind, PathKind, PathState, Role, Service,
    Target, Visibility,
};
use crate::fold::fold;
use crate::lang::Lang;

/// A value of one of the desk's lists: its wire name or its Italian or English label, any
/// case or accents ("GOL 1", "tirocinio", "concluso", "L.68/99").
pub fn word<T: std::str::FromStr + Copy + Labelled>(field: &str, text: &str) -> Result<T> {
    if let Ok(v) = text.trim().parse::<T>() {
        return Ok(v);
    }
    let k = fold(text);
    T::all()
        .iter()
        .copied()
        .find(|v| [v.wire(), v.label(Lang::It), v.label(Lang::En)].iter().any(|l| fold(l) == k || fold(l).starts_with(&format!("{k} "))))
        .ok_or_else(|| {
            let list = T::all().iter().map(|v| v.wire()).collect::<Vec<_>>().join(", ");
            DeskError::invalid(
                field,
                format!("{text:?} non è un valore ammesso (ammessi: {list})"),
                format!("{text:?} is not accepted (expected one of {list})"),
            )
        })
}

/// A date: `14/03/2023` or `2023-03-14`.
pub fn day(field: &str, text: &str) -> Result<Day> {
    text.parse().map_err(|e: String| DeskError::invalid(field, format!("{text:?} non è una data (attesa GG/MM/AAAA o AAAA-MM-GG)"), e))
}

/// The desk's lists as [`word`] reads them.
pub trait Labelled: Sized + 'static {
    /// Every value.
    fn all() -> &'static [Self];
    /// Its wire name.
    fn wire(&self) -> &'static str;
    /// Its label.
    fn label(&self, lang: Lang) -> &'static str;
}

macro_rules! labelled {
    ($($t:ty),+) => {$(
        impl Labelled for $t {
            fn all() -> &'static [Self] { <$t>::ALL }
            fn wire(&self) -> &'static str { self.as_str() }
            fn label(&self, lang: Lang) -> &'static str { <$t>::label(*self, lang) }
        }
    )+};
}

labelled!(
    Arrival,
    PathKind,
    PathState,
    Target,
    PathEventKind,
    Service,
    Channel,
    AppointmentState,
    OutcomeKind,
    Visibility,
    ConsentKind,
    AcknowledgedBy,
    Role
);

/// A time of day: `9:30`, `09:30` or `09.30`.
pub fn time(field: &str, text: &str) -> Result<Time> {
    text.parse().map_err(|e: String| DeskError::invalid(field, format!("{text:?} non è un orario (atteso HH:MM, da 00:00 a 23:59)"), e))
}

/// A codice fiscale (spaces and case ignored), checked.
pub fn codice_fiscale(field: &str, text: &str) -> Result<CodiceFiscale> {
    CodiceFiscale::parse(text).map_err(|e| DeskError::invalid(field, format!("{text:?} {}", e.italian()), format!("{text:?} {e}")))
}

/// A whole number of minutes, months...: `what` names the unit in both languages.
pub fn number(field: &str, text: &str) -> Result<u32> {
    text.trim().parse().map_err(|_| {
        DeskError::invalid(
            field,
            format!("{text:?} non è un numero intero (atteso 0 o più)"),
            format!("{text:?} is not a whole number (expected 0 or more)"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_values_and_their_errors() {
        assert_eq!(day("on", "14/03/2023").unwrap().to_string(), "2023-03-14");
        let e = day("on", "31/02/2023").unwrap_err();
        assert_eq!(e.field, "on");
        assert!(e.message(Lang::It).contains("non è una data"));
        assert_eq!(time("at", "9.30").unwrap().to_string(), "09:30");
        assert!(time("at", "25:00").unwrap_err().message(Lang::It).contains("non è un orario"));
        assert_eq!(word::<PathKind>("kind", "GOL 1").unwrap(), PathKind::Gol1);
        assert_eq!(word::<AppointmentState>("state", "erogato").unwrap(), AppointmentState::Delivered);
        assert!(word::<Service>("service", "boh").unwrap_err().message(Lang::It).contains("non è un valore ammesso"));
        assert!(number("minutes", "-3").is_err());
        assert!(codice_fiscale("codice_fiscale", "RSSMRA").unwrap_err().message(Lang::It).contains("RSSMRA"));
    }
}
