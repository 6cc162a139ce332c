//! The words other formats use for what the profile codes: language names (in Italian,
//! English, German, French, Spanish and as autonyms) and ISO 639-2 codes, fluency words
//! to CEFR levels, skill-level words, and degree names to EQF levels.
//!
//! Every table is small and written out here, so that what is understood is plain to
//! read; anything not in them is reported as unmapped, never guessed at.

use crate::model::{CefrLevel, ContractType, EqfLevel, Hours, SkillLevel};

/// ISO 639-1 code, ISO 639-2 codes (terminology and bibliographic), English name, Italian
/// name, other names (German, French, Spanish, Japanese, the autonym...).
type LangRow = (&'static str, &'static [&'static str], &'static str, &'static str, &'static [&'static str]);

const LANGUAGES: &[LangRow] = &[
    ("it", &["ita"], "Italian", "Italiano", &["italienisch", "italien", "italiano", "イタリア語", "ιταλικά"]),
    ("en", &["eng"], "English", "Inglese", &["englisch", "anglais", "inglés", "ingles", "英語", "αγγλικά"]),
    ("fr", &["fra", "fre"], "French", "Francese", &["französisch", "français", "francais", "francés", "frances", "フランス語", "γαλλικά"]),
    ("de", &["deu", "ger"], "German", "Tedesco", &["deutsch", "allemand", "alemán", "aleman", "ドイツ語", "γερμανικά"]),
    ("es", &["spa"], "Spanish", "Spagnolo", &["spanisch", "espagnol", "español", "espanol", "castellano", "スペイン語", "ισπανικά"]),
    ("pt", &["por"], "Portuguese", "Portoghese", &["portugiesisch", "portugais", "portugués", "português", "ポルトガル語"]),
    ("ro", &["ron", "rum"], "Romanian", "Rumeno", &["rumänisch", "roumain", "rumano", "română", "romana"]),
    ("ar", &["ara"], "Arabic", "Arabo", &["arabisch", "arabe", "árabe", "العربية", "アラビア語"]),
    ("zh", &["zho", "chi"], "Chinese", "Cinese", &["chinesisch", "chinois", "chino", "mandarin", "中文", "中国語"]),
    ("ja", &["jpn"], "Japanese", "Giapponese", &["japanisch", "japonais", "japonés", "日本語"]),
    ("ko", &["kor"], "Korean", "Coreano", &["koreanisch", "coréen", "한국어", "韓国語"]),
    ("ru", &["rus"], "Russian", "Russo", &["russisch", "russe", "ruso", "русский", "ロシア語"]),
    ("uk", &["ukr"], "Ukrainian", "Ucraino", &["ukrainisch", "ukrainien", "ucraniano", "українська"]),
    ("pl", &["pol"], "Polish", "Polacco", &["polnisch", "polonais", "polaco", "polski"]),
    ("nl", &["nld", "dut"], "Dutch", "Olandese", &["niederländisch", "néerlandais", "neerlandés", "nederlands"]),
    ("el", &["ell", "gre"], "Greek", "Greco", &["griechisch", "grec", "griego", "ελληνικά"]),
    ("sq", &["sqi", "alb"], "Albanian", "Albanese", &["albanisch", "albanais", "albanés", "shqip"]),
    ("tr", &["tur"], "Turkish", "Turco", &["türkisch", "turc", "turco", "türkçe"]),
    ("hi", &["hin"], "Hindi", "Hindi", &["हिन्दी"]),
    ("ur", &["urd"], "Urdu", "Urdu", &[]),
    ("bn", &["ben"], "Bengali", "Bengalese", &["bangla", "বাংলা"]),
    ("pa", &["pan"], "Punjabi", "Punjabi", &[]),
    ("fa", &["fas", "per"], "Persian", "Persiano", &["farsi", "persisch", "persan"]),
    ("tl", &["tgl"], "Tagalog", "Tagalog", &["filipino"]),
    ("wo", &["wol"], "Wolof", "Wolof", &[]),
    ("ak", &["aka"], "Akan", "Akan", &["twi"]),
    ("sw", &["swa"], "Swahili", "Swahili", &[]),
    ("am", &["amh"], "Amharic", "Amarico", &[]),
    ("ti", &["tir"], "Tigrinya", "Tigrino", &[]),
    ("so", &["som"], "Somali", "Somalo", &[]),
    ("bg", &["bul"], "Bulgarian", "Bulgaro", &["bulgarisch", "bulgare"]),
    ("hr", &["hrv"], "Croatian", "Croato", &["kroatisch", "croate"]),
    ("sr", &["srp"], "Serbian", "Serbo", &["serbisch", "serbe"]),
    ("sl", &["slv"], "Slovenian", "Sloveno", &["slowenisch", "slovène"]),
    ("sk", &["slk", "slo"], "Slovak", "Slovacco", &["slowakisch", "slovaque"]),
    ("cs", &["ces", "cze"], "Czech", "Ceco", &["tschechisch", "tchèque"]),
    ("hu", &["hun"], "Hungarian", "Ungherese", &["ungarisch", "hongrois"]),
    ("sv", &["swe"], "Swedish", "Svedese", &["schwedisch", "suédois"]),
    ("da", &["dan"], "Danish", "Danese", &["dänisch", "danois"]),
    ("no", &["nor"], "Norwegian", "Norvegese", &["norwegisch", "norvégien"]),
    ("fi", &["fin"], "Finnish", "Finlandese", &["finnisch", "finnois"]),
    ("et", &["est"], "Estonian", "Estone", &[]),
    ("lv", &["lav"], "Latvian", "Lettone", &[]),
    ("lt", &["lit"], "Lithuanian", "Lituano", &[]),
    ("mt", &["mlt"], "Maltese", "Maltese", &[]),
    ("ga", &["gle"], "Irish", "Irlandese", &[]),
    ("ca", &["cat"], "Catalan", "Catalano", &["català"]),
    ("eu", &["eus", "baq"], "Basque", "Basco", &["euskara"]),
    ("he", &["heb"], "Hebrew", "Ebraico", &["hebräisch", "hébreu"]),
    ("la", &["lat"], "Latin", "Latino", &["latein", "latin"]),
    ("ms", &["msa", "may"], "Malay", "Malese", &[]),
    ("id", &["ind"], "Indonesian", "Indonesiano", &[]),
    ("vi", &["vie"], "Vietnamese", "Vietnamita", &[]),
    ("th", &["tha"], "Thai", "Thailandese", &[]),
    ("eo", &["epo"], "Esperanto", "Esperanto", &[]),
    ("gu", &["guj"], "Gujarati", "Gujarati", &["ગુજરાતી"]),
    ("mr", &["mar"], "Marathi", "Marathi", &[]),
    ("ta", &["tam"], "Tamil", "Tamil", &[]),
    ("te", &["tel"], "Telugu", "Telugu", &[]),
    ("kn", &["kan"], "Kannada", "Kannada", &[]),
    ("ml", &["mal"], "Malayalam", "Malayalam", &[]),
    ("ne", &["nep"], "Nepali", "Nepalese", &[]),
    ("si", &["sin"], "Sinhala", "Singalese", &["sinhalese"]),
];

/// The ISO 639-1 code of a language given by name (in several languages), by ISO 639-1 or
/// 639-2 code, or by a Publications Office URI ending in one. Also returns the language the
/// name is written in, when it tells (`"Inglese"` is Italian).
pub fn language_code(name: &str) -> Option<(&'static str, Option<&'static str>)> {
    let t = name.trim().rsplit('/').next().unwrap_or_default().trim().to_lowercase();
    LANGUAGES.iter().find_map(|(code, three, en, it, others)| {
        if t == *code || three.contains(&t.as_str()) {
            Some((*code, None))
        } else if t == en.to_lowercase() {
            Some((*code, Some("en")))
        } else if t == it.to_lowercase() {
            Some((*code, Some("it")))
        } else {
            others.contains(&t.as_str()).then_some((*code, None))
        }
    })
}

/// The name of a language in Italian (`lang` "it") or English (anything else).
pub fn language_name(code: &str, lang: &str) -> String {
    LANGUAGES
        .iter()
        .find(|row| row.0 == code)
        .map_or_else(|| code.to_owned(), |row| if lang == "it" { row.3.to_owned() } else { row.2.to_owned() })
}

/// The ISO 639-2 code (terminology) of a language, for Europass.
pub fn language_code3(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|row| row.0 == code).and_then(|row| row.1.first().copied())
}

/// What a fluency text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fluency {
    /// A mother tongue.
    Native,
    /// One level for the whole grid.
    Level(CefrLevel),
    /// A full grid (listening, reading, spoken interaction, spoken production, writing).
    Grid([CefrLevel; 5]),
}

/// The labels of the CEFR grid as written by the JSON Resume exporter.
pub const GRID_LABELS: [&str; 5] = ["listening", "reading", "spoken interaction", "spoken production", "writing"];

/// Reads a fluency text: CEFR codes, the grid written by the exporter, or the usual words
/// in Italian, English, German, French and Spanish.
pub fn fluency(s: &str) -> Option<Fluency> {
    let t = s.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    let codes: Vec<CefrLevel> =
        t.split(|c: char| !c.is_ascii_alphanumeric()).filter_map(|w| (w.len() == 2).then(|| CefrLevel::parse(w).ok()).flatten()).collect();
    if codes.len() == 5 && GRID_LABELS.iter().all(|l| t.contains(l)) {
        return Some(Fluency::Grid([codes[0], codes[1], codes[2], codes[3], codes[4]]));
    }
    if let Some(first) = codes.first() {
        return Some(Fluency::Level(*first));
    }
    const NATIVE: &[&str] = &[
        "native",
        "mother tongue",
        "madrelingua",
        "lingua madre",
        "muttersprache",
        "maternelle",
        "nativo",
        "nativa",
        "lengua materna",
        "ネイティブ",
        "母語",
        "母国語",
    ];
    const WORDS: &[(&str, CefrLevel)] = &[
        ("full professional", CefrLevel::C1),
        ("professional working", CefrLevel::B2),
        ("limited working", CefrLevel::B1),
        ("elementary", CefrLevel::A2),
        ("upper intermediate", CefrLevel::B2),
        ("upper-intermediate", CefrLevel::B2),
        ("bilingu", CefrLevel::C2),
        ("proficient", CefrLevel::C2),
        ("mastery", CefrLevel::C2),
        ("fluent", CefrLevel::C1),
        ("fluente", CefrLevel::C1),
        ("fließend", CefrLevel::C1),
        ("fliessend", CefrLevel::C1),
        ("verhandlungssicher", CefrLevel::C1),
        ("courant", CefrLevel::C1),
        ("fluido", CefrLevel::C1),
        ("avanzato", CefrLevel::C1),
        ("advanced", CefrLevel::C1),
        ("avancé", CefrLevel::C1),
        ("avanzado", CefrLevel::C1),
        ("ottimo", CefrLevel::C1),
        ("eccellente", CefrLevel::C1),
        ("excellent", CefrLevel::C1),
        ("buono", CefrLevel::B2),
        ("good", CefrLevel::B2),
        ("gute", CefrLevel::B2),
        ("intermediate", CefrLevel::B1),
        ("intermedio", CefrLevel::B1),
        ("intermédiaire", CefrLevel::B1),
        ("mittel", CefrLevel::B1),
        ("conversational", CefrLevel::B1),
        ("discreto", CefrLevel::B1),
        ("scolastico", CefrLevel::A2),
        ("basic", CefrLevel::A2),
        ("base", CefrLevel::A2),
        ("básico", CefrLevel::A2),
        ("basico", CefrLevel::A2),
        ("grundkenntnisse", CefrLevel::A2),
        ("notions", CefrLevel::A2),
        ("elementare", CefrLevel::A2),
        ("beginner", CefrLevel::A1),
        ("principiante", CefrLevel::A1),
        ("anfänger", CefrLevel::A1),
        ("débutant", CefrLevel::A1),
    ];
    if NATIVE.iter().any(|w| t.contains(w)) {
        return Some(Fluency::Native);
    }
    WORDS.iter().find(|(w, _)| t.contains(w)).map(|(_, l)| Fluency::Level(*l))
}

/// Reads a skill-level word (Italian, English, German, French, Spanish, Japanese).
pub fn skill_level(s: &str) -> Option<SkillLevel> {
    let t = s.trim().to_lowercase();
    if let Ok(l) = SkillLevel::parse(&t) {
        return Some(l);
    }
    const WORDS: &[(&str, SkillLevel)] = &[
        ("expert", SkillLevel::Expert),
        ("esperto", SkillLevel::Expert),
        ("experto", SkillLevel::Expert),
        ("master", SkillLevel::Expert),
        ("エキスパート", SkillLevel::Expert),
        ("senior", SkillLevel::Advanced),
        ("advanced", SkillLevel::Advanced),
        ("avanzato", SkillLevel::Advanced),
        ("avancé", SkillLevel::Advanced),
        ("avanzado", SkillLevel::Advanced),
        ("fortgeschritten", SkillLevel::Advanced),
        ("proficient", SkillLevel::Advanced),
        ("上級", SkillLevel::Advanced),
        ("intermediate", SkillLevel::Intermediate),
        ("intermedio", SkillLevel::Intermediate),
        ("intermédiaire", SkillLevel::Intermediate),
        ("medio", SkillLevel::Intermediate),
        ("mittel", SkillLevel::Intermediate),
        ("中級", SkillLevel::Intermediate),
        ("junior", SkillLevel::Basic),
        ("beginner", SkillLevel::Basic),
        ("basic", SkillLevel::Basic),
        ("base", SkillLevel::Basic),
        ("básico", SkillLevel::Basic),
        ("novice", SkillLevel::Basic),
        ("elementary", SkillLevel::Basic),
        ("principiante", SkillLevel::Basic),
        ("grundkenntnisse", SkillLevel::Basic),
        ("débutant", SkillLevel::Basic),
        ("初級", SkillLevel::Basic),
    ];
    WORDS.iter().find(|(w, _)| t.contains(w)).map(|(_, l)| *l)
}

/// A skill level as a word in Italian (`lang` "it") or English.
pub fn skill_level_word(level: SkillLevel, lang: &str) -> &'static str {
    match (level, lang == "it") {
        (SkillLevel::Basic, true) => "Base",
        (SkillLevel::Intermediate, true) => "Intermedio",
        (SkillLevel::Advanced, true) => "Avanzato",
        (SkillLevel::Expert, true) => "Esperto",
        (SkillLevel::Basic, false) => "Basic",
        (SkillLevel::Intermediate, false) => "Intermediate",
        (SkillLevel::Advanced, false) => "Advanced",
        (SkillLevel::Expert, false) => "Expert",
    }
}

/// The EQF level a degree's name implies, for the common European degrees only
/// (doctorate 8, master 7, bachelor 6, upper-secondary diploma 4).
pub fn eqf_from_degree(s: &str) -> Option<EqfLevel> {
    let t = format!(" {} ", s.to_lowercase().replace(['.', ',', '(', ')', '\''], " "));
    let has = |w: &[&str]| w.iter().any(|w| t.contains(w));
    let level = if has(&[
        "diploma magistrale",
        "maturità",
        "diploma di istruzione secondaria",
        "diploma di scuola secondaria superiore",
        "abitur",
        "baccalauréat",
    ]) {
        4
    } else if has(&[" phd ", " ph d ", "dottorato", "doctorate", "doctor of", "doktor", "doctorat", "doctorado"]) {
        8
    } else if has(&["master", "magistrale", "specialistica", " msc ", " m sc ", " mba ", "máster", "maestría", "vecchio ordinamento"]) {
        7
    } else if has(&["bachelor", "triennale", " bsc ", " b sc ", " bs ", " ba ", "licence", "licenciatura", "grado en", "laurea"]) {
        6
    } else {
        return None;
    };
    EqfLevel::new(level)
}

/// Hours or a contract type from a job's type ("Full-time", "Internship", "Contract"...).
pub(super) fn employment(s: &str) -> (Option<Hours>, Option<ContractType>) {
    let t = s.trim().to_lowercase().replace(['-', ' '], "_");
    match t.as_str() {
        "full_time" | "fulltime" | "tempo_pieno" => (Some(Hours::FullTime), None),
        "part_time" | "parttime" | "tempo_parziale" => (Some(Hours::PartTime), None),
        "contract" | "contractor" | "freelance" => (None, Some(ContractType::Collaborazione)),
        "internship" | "intern" | "stage" => (None, Some(ContractType::Tirocinio)),
        "temporary" | "temp" | "fixed_term" => (None, Some(ContractType::TempoDeterminato)),
        "permanent" => (None, Some(ContractType::TempoIndeterminato)),
        "seasonal" => (None, Some(ContractType::Stagionale)),
        "apprenticeship" => (None, Some(ContractType::Apprendistato)),
        _ => (None, ContractType::parse(&t).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_name_and_code() {
        assert_eq!(language_code("Inglese"), Some(("en", Some("it"))));
        assert_eq!(language_code("Japanese"), Some(("ja", Some("en"))));
        assert_eq!(language_code("ita"), Some(("it", None)));
        assert_eq!(language_code("http://publications.europa.eu/resource/authority/language/FRA"), Some(("fr", None)));
        assert_eq!(language_code("Elvish"), None);
        assert_eq!(language_name("de", "it"), "Tedesco");
    }

    #[test]
    fn fluency_words() {
        assert_eq!(fluency("Madrelingua"), Some(Fluency::Native));
        assert_eq!(fluency("Native or bilingual proficiency"), Some(Fluency::Native));
        assert_eq!(fluency("Fluente"), Some(Fluency::Level(CefrLevel::C1)));
        assert_eq!(fluency("B2 - upper intermediate"), Some(Fluency::Level(CefrLevel::B2)));
        assert_eq!(fluency("Professional working proficiency"), Some(Fluency::Level(CefrLevel::B2)));
        assert_eq!(fluency("Reading"), None);
        let g = fluency("listening C1, reading C2, spoken interaction B2, spoken production B2, writing B1");
        assert_eq!(g, Some(Fluency::Grid([CefrLevel::C1, CefrLevel::C2, CefrLevel::B2, CefrLevel::B2, CefrLevel::B1])));
    }

    #[test]
    fn degrees() {
        assert_eq!(eqf_from_degree("Laurea Magistrale").map(EqfLevel::get), Some(7));
        assert_eq!(eqf_from_degree("Laurea Triennale").map(EqfLevel::get), Some(6));
        assert_eq!(eqf_from_degree("PhD").map(EqfLevel::get), Some(8));
        assert_eq!(eqf_from_degree("BS").map(EqfLevel::get), Some(6));
        assert_eq!(eqf_from_degree("Corso di cucina"), None);
        assert_eq!(eqf_from_degree("Diploma magistrale linguistico").map(EqfLevel::get), Some(4));
    }
}
