//! The fixed words of posters, bulletins and letters, in Italian and English: contract,
//! hours, education and experience in plain words, and dates as a letter writes them.

use crate::lang::Lang;
use crate::model::{ContractType, EqfLevel, Hours, PartialDate, Remote};
use crate::render::Locale;

/// The embedded locale of `lang` (month and language names, CEFR and licence words), read
/// once.
pub(crate) fn locale(lang: Lang) -> &'static Locale {
    static LOCALES: std::sync::OnceLock<Vec<Locale>> = std::sync::OnceLock::new();
    let all = LOCALES.get_or_init(Locale::embedded);
    // The embedded locales are tested to parse, Italian and English both.
    all.iter().find(|l| l.code == lang.as_str()).or_else(|| all.first()).unwrap_or_else(|| unreachable!("no embedded locale"))
}

/// "3 dicembre 2026", "3 December 2026" (a partial date as far as it goes).
pub fn short_date(d: PartialDate, lang: Lang) -> String {
    locale(lang).date(d)
}

/// "mercoledì 10 dicembre 2026", "Wednesday 10 December 2026".
pub fn long_date(d: PartialDate, lang: Lang) -> String {
    let (Some(m), Some(day)) = (d.get_month(), d.get_day()) else { return short_date(d, lang) };
    let weekday = weekday(i64::from(d.get_year()), m, day);
    let names = match lang {
        Lang::It => ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    };
    format!("{} {}", names[weekday], short_date(d, lang))
}

/// Monday = 0 (Sakamoto's method).
fn weekday(y: i64, m: u8, d: u8) -> usize {
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[usize::from(m - 1)] + i64::from(d)).rem_euclid(7);
    usize::try_from((sunday_first + 6) % 7).unwrap_or(0)
}

/// `s` with its first letter upper-case, to start a sentence or a list item.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A contract, an hours and an arrangement in words, from the locale (the CV's words).
pub(crate) fn contract(c: ContractType, lang: Lang) -> String {
    locale(lang).text(&format!("contracts.{}", c.as_str()))
}

pub(crate) fn hours(h: Hours, lang: Lang) -> String {
    locale(lang).text(&format!("hours.{}", h.as_str()))
}

/// `None` on site (nothing to say).
pub(crate) fn remote(r: Remote, lang: Lang) -> Option<String> {
    (r != Remote::OnSite).then(|| locale(lang).text(&format!("remote.{}", r.as_str())))
}

/// The schooling an EQF level stands for in Italy.
pub(crate) fn education(level: EqfLevel, lang: Lang) -> String {
    let n = level.get();
    let what = match (n, lang) {
        (1, Lang::It) => "licenza media",
        (1, Lang::En) => "lower secondary school",
        (2, Lang::It) => "obbligo scolastico assolto",
        (2, Lang::En) => "compulsory schooling completed",
        (3, Lang::It) => "qualifica professionale",
        (3, Lang::En) => "vocational qualification",
        (4, Lang::It) => "diploma di scuola superiore",
        (4, Lang::En) => "upper secondary diploma",
        (5, Lang::It) => "diploma ITS",
        (5, Lang::En) => "higher technical diploma (ITS)",
        (6, Lang::It) => "laurea",
        (6, Lang::En) => "bachelor's degree",
        (7, Lang::It) => "laurea magistrale",
        (7, Lang::En) => "master's degree",
        (_, Lang::It) => "dottorato",
        (_, Lang::En) => "doctorate",
    };
    format!("{}: {what}", lang.pick("Titolo di studio", "Education"))
}

/// "Almeno 1 anno di esperienza", "At least 6 months' experience".
pub(crate) fn experience(months: u32, lang: Lang) -> String {
    let (n, unit) = if months >= 12 && months.is_multiple_of(12) {
        let y = months / 12;
        (y, if y == 1 { lang.pick("anno", "year") } else { lang.pick("anni", "years") })
    } else {
        (months, if months == 1 { lang.pick("mese", "month") } else { lang.pick("mesi", "months") })
    };
    match lang {
        Lang::It => format!("Almeno {n} {unit} di esperienza"),
        Lang::En => format!("At least {n} {unit} of experience"),
    }
}

/// What a vacancy reserved under Law 68/99 says, in the law's words.
pub(crate) fn reserved(lang: Lang) -> &'static str {
    lang.pick(
        "Offerta riservata alle persone iscritte negli elenchi del collocamento mirato (legge 12 marzo 1999, n. 68, \"Norme per il diritto al lavoro dei disabili\")",
        "Reserved for people registered on the targeted placement lists (collocamento mirato, Italian Law no. 68 of 12 March 1999 on the right to work of people with disabilities)",
    )
}

/// The short form of [`reserved`], for a bulletin's line.
pub(crate) fn reserved_short(lang: Lang) -> &'static str {
    lang.pick("Riservata al collocamento mirato (legge 68/1999)", "Reserved for targeted placement (Law 68/1999)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_letter_writes_them() {
        let d: PartialDate = "2026-12-10".parse().unwrap();
        assert_eq!(long_date(d, Lang::It), "giovedì 10 dicembre 2026");
        assert_eq!(long_date(d, Lang::En), "Thursday 10 December 2026");
        assert_eq!(long_date("2024-02-29".parse().unwrap(), Lang::It), "giovedì 29 febbraio 2024");
        assert_eq!(long_date("2026-12".parse().unwrap(), Lang::It), "dicembre 2026");
    }

    #[test]
    fn experience_in_years_or_months() {
        assert_eq!(experience(24, Lang::It), "Almeno 2 anni di esperienza");
        assert_eq!(experience(12, Lang::It), "Almeno 1 anno di esperienza");
        assert_eq!(experience(6, Lang::En), "At least 6 months of experience");
        assert_eq!(experience(18, Lang::It), "Almeno 18 mesi di esperienza");
    }
}
