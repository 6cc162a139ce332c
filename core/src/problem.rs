//! Problems found in a document, each with a stable code, its arguments and its field
//! path, worded here in Italian and English.
//!
//! The code and arguments ([`Rule`]) are the contract: bindings and tools read them;
//! people read [`Problem::message`], written in the language asked for
//! ([`Problem::in_lang`]), so the CLI (`--lang it`), Python and the widget show the same
//! words without translating them. Messages say what was found and what was expected;
//! under `sensitive.` they never repeat the value.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Usable, but worth a look (also: fields that were ignored).
    Warning,
    /// Must be fixed.
    Error,
}

wire_names!(Severity, "a severity", { Warning => "warning", Error => "error" });

/// What is wrong, as a stable code (`code`) with its arguments (`args`).
///
/// Errors found by the parser itself (a date that is not one, an unknown CEFR level, an
/// EQF level out of range) travel through serde as a marked text ([`Rule::to_parser_error`])
/// and are read back by the loader ([`Rule::from_parser`]), so they keep their code too;
/// only the loader reads model types from user input, so the marked text never shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "args", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// A required field is absent.
    Missing,
    /// A required text is empty.
    Empty,
    /// A field the model does not know (ignored).
    UnknownField,
    /// A value of the wrong kind, in the parser's words (`found` may be empty).
    WrongType {
        /// What was found, e.g. `string "x"`.
        found: String,
        /// What was expected, e.g. `a list`.
        expected: String,
    },
    /// A value that is none of the accepted names.
    UnknownValue {
        /// The value.
        value: String,
        /// The accepted names.
        expected: Vec<String>,
    },
    /// The document cannot be read at all (bad syntax, too large, ...): the error's kind
    /// and message (see [`crate::Error::to_problem`]).
    Unreadable {
        /// The error's kind, e.g. `syntax`.
        kind: String,
        /// The error's message.
        message: String,
    },
    /// Anything else the parser says (English only).
    Parser {
        /// The parser's message.
        message: String,
    },
    /// Not a date.
    NotADate {
        /// The value.
        value: String,
    },
    /// Not one of a closed set of codes (CEFR levels, licence categories, ...).
    NotACode {
        /// The value.
        value: String,
        /// What was wanted, e.g. `a CEFR level`.
        what: String,
        /// The codes accepted.
        expected: Vec<String>,
    },
    /// Not an EQF level.
    NotAnEqfLevel {
        /// The value.
        value: String,
    },
    /// A sensitive value that is not valid (the value is not repeated).
    SensitiveNotValid,
    /// A sensitive date in the future (the value is not repeated).
    SensitiveInFuture {
        /// Today.
        today: String,
    },
    /// The document is not an object.
    NotAnObject {
        /// What it is, e.g. `a list`.
        found: String,
    },
    /// Nested too deep.
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// A text too long.
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A list too long.
    TooManyItems {
        /// How many items.
        items: usize,
        /// The limit.
        limit: usize,
    },
    /// More problems than are listed.
    TooManyProblems {
        /// How many are listed.
        limit: usize,
    },
    /// A schema version newer than this program.
    NewerSchema {
        /// The version found.
        found: u32,
        /// The newest understood.
        current: u32,
    },
    /// Schema version 0.
    NotAVersion {
        /// The newest understood.
        current: u32,
    },
    /// An end before its start.
    BeforeStart {
        /// The end.
        value: String,
        /// The start.
        start: String,
        /// `start` or `published`.
        start_name: String,
    },
    /// An expiry before the date obtained.
    BeforeObtained {
        /// The expiry.
        value: String,
        /// The date obtained.
        obtained: String,
    },
    /// A date in the future.
    InFuture {
        /// The date.
        value: String,
        /// Today.
        today: String,
    },
    /// The same value twice in a list.
    ListedTwice {
        /// The value.
        value: String,
    },
    /// A language listed as mother tongue and other language, or twice.
    LanguageListedTwice {
        /// The code.
        value: String,
    },
    /// A profile without skills.
    NoSkills,
    /// A vacancy without essential skills.
    NoEssentialSkills,
    /// An optional skill that is also essential.
    AlsoEssential {
        /// The skill.
        value: String,
    },
    /// An id with spaces or control characters.
    BadId {
        /// The id.
        value: String,
    },
    /// Zero positions.
    ZeroPositions,
    /// A commute beyond any daily one.
    CommuteTooFar {
        /// Kilometres.
        km: u32,
    },
    /// Law 68/99 used for eligibility without the disability record.
    Law68NotSet,
    /// An entry of a section with neither a title nor a text.
    EmptyEntry,
    /// Sections the profile holds but its own section order leaves out.
    SectionNotPrinted {
        /// The section's wire name.
        section: String,
    },
    /// Not an ESCO URI.
    NotAnEscoUri {
        /// The value.
        value: String,
    },
    /// Not an ISTAT comune code.
    NotIstat {
        /// The value.
        value: String,
    },
    /// Not a latitude.
    NotLatitude {
        /// The value.
        value: String,
    },
    /// Not a longitude.
    NotLongitude {
        /// The value.
        value: String,
    },
    /// Only one of latitude and longitude.
    HalfCoordinates,
    /// A place with nothing in it.
    EmptyPlace,
    /// Not a language code.
    NotALanguageCode {
        /// The value.
        value: String,
    },
    /// Not an e-mail address.
    NotAnEmail {
        /// The value.
        value: String,
    },
    /// Not a phone number.
    NotAPhone {
        /// The value.
        value: String,
    },
    /// Not a web address.
    NotAWebAddress {
        /// The value.
        value: String,
    },
}

/// Said instead of the value in a problem about a sensitive field: problems end up in
/// logs and screenshots, a wrong date of birth must not.
const NOT_REPEATED: [&str; 2] = ["il valore non viene ripetuto: dato sensibile", "the value is not repeated: sensitive data"];

impl Rule {
    /// What is wrong, in words: what was found and what was expected.
    pub fn message(&self, lang: Lang) -> String {
        let it = lang == Lang::It;
        let not_repeated = NOT_REPEATED[usize::from(!it)];
        let w = |i: String, e: String| if it { i } else { e };
        match self {
            Rule::Missing => w("manca (serve un valore)".into(), "is missing (expected a value)".into()),
            Rule::Empty => w("è vuoto (serve un testo)".into(), "is empty (expected some text)".into()),
            Rule::UnknownField => w("non è un campo conosciuto ed è stato ignorato".into(), "is not a known field and was ignored".into()),
            Rule::WrongType { found, expected } => {
                if found.is_empty() {
                    w(format!("non è valido (serve {})", italian_kind(expected)), format!("is not valid (expected {expected})"))
                } else {
                    w(
                        format!("è {} (serve {})", italian_kind(found), italian_kind(expected)),
                        format!("invalid type: {found}, expected {expected}"),
                    )
                }
            }
            Rule::UnknownValue { value, expected } => w(
                format!("{value:?} non è un valore ammesso (uno di: {})", expected.join(", ")),
                format!("unknown variant {value:?}, expected one of {}", expected.join(", ")),
            ),
            Rule::Parser { message } => message.clone(),
            // The error's own words (errors are worded in English only, for now).
            Rule::Unreadable { message, .. } => message.clone(),
            Rule::NotADate { value } => w(
                format!("{value:?} non è una data (scrivi l'anno, 2019, mese e anno, 2019-03, o la data intera, 2019-03-15)"),
                format!("{value:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
            ),
            Rule::NotACode { value, what, expected } => w(
                format!("{value:?} non è {} (uno di: {})", italian_what(what), expected.join(", ")),
                format!("{value:?} is not {what} (expected one of {})", expected.join(", ")),
            ),
            Rule::NotAnEqfLevel { value } => w(
                format!("{value} non è un livello EQF (serve un numero intero da 1 a 8)"),
                format!("{value} is not an EQF level (expected a whole number from 1 to 8)"),
            ),
            Rule::SensitiveNotValid => w(format!("non è valido ({not_repeated})"), format!("is not valid ({not_repeated})")),
            Rule::SensitiveInFuture { today } => w(
                format!("è nel futuro (serve una data prima del {today}; {not_repeated})"),
                format!("is in the future (expected a date before {today}; {not_repeated})"),
            ),
            Rule::NotAnObject { found } => w(
                format!("il documento è {} (serve un oggetto con campi)", italian_kind(found)),
                format!("the document is {found} (expected an object with named fields)"),
            ),
            Rule::TooDeep { limit } => w(
                format!("è annidato oltre {limit} livelli (serve un documento più semplice)"),
                format!("is nested more than {limit} levels deep (expected a flatter document)"),
            ),
            Rule::TooLong { chars, limit } => w(
                format!("è lungo {chars} caratteri (al massimo {limit}): accorcialo"),
                format!("is {chars} characters long (expected at most {limit})"),
            ),
            Rule::TooManyItems { items, limit } => {
                w(format!("ha {items} elementi (al massimo {limit})"), format!("has {items} items (expected at most {limit})"))
            }
            Rule::TooManyProblems { limit } => w(
                format!("ci sono altri problemi non elencati (solo i primi {limit}): correggi questi e controlla di nuovo"),
                format!("more problems are not listed (only the first {limit}): fix these and check again"),
            ),
            Rule::NewerSchema { found, current } => w(
                format!("{found} è più recente di quanto questa versione di sportello conosca (al massimo {current})"),
                format!("{found} is newer than this version of sportello understands (expected {current} or less)"),
            ),
            Rule::NotAVersion { current } => {
                w(format!("0 non è una versione (serve da 1 a {current})"), format!("0 is not a version (expected 1 to {current})"))
            }
            Rule::BeforeStart { value, start, start_name } => {
                let start_it = if start_name == "published" { "di pubblicazione" } else { "di inizio" };
                w(
                    format!("{value:?} viene prima della data {start_it} {start:?}: controlla le date ({start} o dopo)"),
                    format!("{value:?} is before the {start_name} date {start:?} (expected {start} or later)"),
                )
            }
            Rule::BeforeObtained { value, obtained } => w(
                format!("{value:?} viene prima della data di conseguimento {obtained:?} (serve una data successiva)"),
                format!("{value:?} is before the date obtained {obtained:?} (expected a later date)"),
            ),
            Rule::InFuture { value, today } => {
                w(format!("{value:?} è una data futura (oggi è il {today})"), format!("{value:?} is in the future (today is {today})"))
            }
            Rule::ListedTwice { value } => w(format!("{value:?} compare due volte"), format!("{value:?} is listed twice")),
            Rule::LanguageListedTwice { value } => w(
                format!("{value:?} compare due volte (anche come madrelingua o altra lingua)"),
                format!("{value:?} is listed twice (also as a mother tongue or another language)"),
            ),
            Rule::NoSkills => w("nessuna competenza indicata (almeno una)".into(), "no skills listed (expected at least one)".into()),
            Rule::NoEssentialSkills => {
                w("è vuoto (serve almeno una competenza essenziale)".into(), "is empty (expected at least one essential skill)".into())
            }
            Rule::AlsoEssential { value } => {
                w(format!("{value:?} è anche una competenza essenziale"), format!("{value:?} is also an essential skill"))
            }
            Rule::BadId { value } => w(
                format!("{value:?} contiene spazi o caratteri di controllo (usa lettere, cifre, '-', '_', '.', ':' o '/')"),
                format!("{value:?} contains spaces or control characters (expected letters, digits, '-', '_', '.', ':' or '/')"),
            ),
            Rule::ZeroPositions => {
                w("0 posti (almeno 1, oppure ometti il campo)".into(), "0 positions (expected at least 1, or leave it out)".into())
            }
            Rule::CommuteTooFar { km } => w(
                format!("{km} km non è un tragitto quotidiano (al massimo 1000)"),
                format!("{km} km is not a daily commute (expected at most 1000)"),
            ),
            Rule::Law68NotSet => w(
                "è vero ma `sensitive.disability.law_68_99` non è indicato (servono entrambi, o nessuno)".into(),
                "is true but `sensitive.disability.law_68_99` is not set (expected both, or neither)".into(),
            ),
            Rule::EmptyEntry => w(
                "la voce non ha né un titolo né un testo (scrivine almeno uno, o toglila)".into(),
                "the entry has neither a title nor a text (expected one of them, or remove it)".into(),
            ),
            Rule::SectionNotPrinted { section } => w(
                format!("non compare nel CV: l'ordine delle sezioni non contiene {section:?} (aggiungilo per stamparle)"),
                format!("is not printed: the section order does not list {section:?} (add it to print them)"),
            ),
            Rule::NotAnEscoUri { value } => w(
                format!("{value:?} non è un URI ESCO (serve http://data.europa.eu/esco/...)"),
                format!("{value:?} is not an ESCO URI (expected http://data.europa.eu/esco/...)"),
            ),
            Rule::NotIstat { value } => w(
                format!("{value:?} non è un codice ISTAT di comune (servono 6 cifre, ad esempio \"003149\")"),
                format!("{value:?} is not an ISTAT comune code (expected 6 digits, e.g. \"003149\")"),
            ),
            Rule::NotLatitude { value } => {
                w(format!("{value} non è una latitudine (da -90 a 90)"), format!("{value} is not a latitude (expected -90 to 90)"))
            }
            Rule::NotLongitude { value } => {
                w(format!("{value} non è una longitudine (da -180 a 180)"), format!("{value} is not a longitude (expected -180 to 180)"))
            }
            Rule::HalfCoordinates => w(
                "ha solo uno tra `lat` e `lon` (servono entrambi, o nessuno)".into(),
                "has only one of `lat` and `lon` (expected both or neither)".into(),
            ),
            Rule::EmptyPlace => {
                w("è vuoto (serve `istat`, `name` o `lat`/`lon`)".into(), "is empty (expected `istat`, `name` or `lat`/`lon`)".into())
            }
            Rule::NotALanguageCode { value } => w(
                format!("{value:?} non è un codice di lingua (servono due lettere minuscole, ISO 639-1, ad esempio \"it\")"),
                format!("{value:?} is not a language code (expected two lowercase letters, ISO 639-1, e.g. \"it\")"),
            ),
            Rule::NotAnEmail { value } => w(
                format!("{value:?} non è un indirizzo e-mail (ad esempio nome@esempio.it)"),
                format!("{value:?} is not an e-mail address (expected name@example.it)"),
            ),
            Rule::NotAPhone { value } => w(
                format!("{value:?} non sembra un numero di telefono (da 6 a 15 cifre, ad esempio \"+39 0321 123456\")"),
                format!("{value:?} does not look like a phone number (expected 6 to 15 digits, e.g. \"+39 0321 123456\")"),
            ),
            Rule::NotAWebAddress { value } => w(
                format!("{value:?} non è un indirizzo web (ad esempio https://www.esempio.it)"),
                format!("{value:?} is not a web address (expected https://...)"),
            ),
        }
    }

    /// How to fix it, where that is not obvious.
    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            Rule::UnknownField => {
                lang.pick("controlla il nome del campo con `sportello schema`", "check the spelling against `sportello schema`")
            }
            Rule::NoSkills => lang.pick(
                "l'abbinamento funziona meglio con le competenze: prova `sportello skills suggest --occupation ...`",
                "matching works best with skills: try `sportello skills suggest --occupation ...`",
            ),
            Rule::NoEssentialSkills => lang.pick(
                "elenca ciò che una persona deve saper fare, ad esempio `- label: guida del carrello elevatore`",
                "list what a candidate must be able to do, e.g. `- label: guida del carrello elevatore`",
            ),
            Rule::NewerSchema { .. } => lang.pick("aggiorna sportello", "upgrade sportello"),
            _ => return None,
        })
    }

    /// For the parser's custom errors (dates, codes, levels): the rule as serde's error
    /// text, read back by [`Rule::from_parser`] with its code and arguments intact.
    pub(crate) fn to_parser_error<E: serde::de::Error>(&self) -> E {
        E::custom(format!("{PARSER_MARK}{}", serde_json::to_string(self).unwrap_or_default()))
    }

    /// A parser's error message as a rule: one of ours ([`Rule::to_parser_error`]), a value
    /// of the wrong type, an unknown name, or the message as it is.
    pub(crate) fn from_parser(message: &str) -> Rule {
        if let Some(rule) = message.strip_prefix(PARSER_MARK).and_then(|json| serde_json::from_str(json).ok()) {
            return rule;
        }
        let (found, expected) = match message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: ")) {
            Some(rest) => rest.split_once(", expected ").unwrap_or((rest, "")),
            None => return unknown_variant(message).unwrap_or_else(|| Rule::Parser { message: message.to_owned() }),
        };
        Rule::WrongType { found: plain_words(found), expected: plain_words(expected) }
    }
}

/// Marks a parser error that carries a [`Rule`].
const PARSER_MARK: &str = "\u{1}rule:";

/// serde's `unknown variant `x`, expected one of `a`, `b``.
fn unknown_variant(message: &str) -> Option<Rule> {
    let rest = message.strip_prefix("unknown variant `")?;
    let (value, names) = rest.split_once("`, expected ")?;
    let names = names.strip_prefix("one of ").unwrap_or(names);
    let expected = names.split(", ").map(|n| n.trim_matches('`').to_owned()).collect();
    Some(Rule::UnknownValue { value: value.to_owned(), expected })
}

/// serde's type jargon in words users know.
fn plain_words(text: &str) -> String {
    let t = text.trim();
    let known = [
        ("u8", "a whole number"),
        ("u16", "a whole number"),
        ("u32", "a whole number"),
        ("i64", "a whole number"),
        ("f64", "a number"),
        ("a string", "a text"),
        ("a sequence", "a list"),
        ("sequence", "a list"),
        ("a boolean", "true or false"),
        ("map", "an object"),
        ("a map", "an object"),
    ];
    if let Some((_, to)) = known.iter().find(|(from, _)| *from == t) {
        return (*to).to_owned();
    }
    if t.starts_with("struct ") {
        return "an object".into();
    }
    t.to_owned()
}

/// The Italian for the kinds of value the parser names.
fn italian_kind(kind: &str) -> String {
    let known = [
        ("a whole number", "un numero intero"),
        ("a number", "un numero"),
        ("a text", "un testo"),
        ("a list", "un elenco"),
        ("true or false", "vero o falso (true/false)"),
        ("an object", "un oggetto con campi"),
        ("null", "vuoto"),
        ("empty", "vuoto"),
        ("unit value", "vuoto"),
        ("a true/false value", "un valore vero/falso"),
    ];
    if let Some((_, it)) = known.iter().find(|(en, _)| *en == kind) {
        return (*it).to_owned();
    }
    for (en, it) in [("string ", "il testo "), ("integer ", "il numero "), ("floating point ", "il numero "), ("boolean ", "il valore ")] {
        if let Some(value) = kind.strip_prefix(en) {
            return format!("{it}{}", value.trim_matches('`'));
        }
    }
    kind.to_owned()
}

/// The Italian for what a closed set of codes is.
fn italian_what(what: &str) -> &str {
    match what {
        "a CEFR level" => "un livello QCER",
        "a driving-licence category" => "una categoria di patente",
        "a contract type" => "un tipo di contratto",
        "a working-time type" => "un tipo di orario",
        _ => what,
    }
}

/// One problem with a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, as a field path such as `work[2].start`; empty for the whole document.
    pub path: String,
    /// What is wrong: `code` and `args` on the wire.
    #[serde(flatten)]
    pub rule: Rule,
    /// What was found and what was expected, in words (English unless [`Problem::in_lang`]
    /// said otherwise), e.g. `"2021-13" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`.
    pub message: String,
    /// How to fix it, where that is not obvious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Problem {
    /// A problem worded in English.
    pub fn new(severity: Severity, path: impl Into<String>, rule: Rule) -> Self {
        let message = rule.message(Lang::En);
        let hint = rule.hint(Lang::En).map(str::to_owned);
        Problem { severity, path: path.into(), rule, message, hint }
    }

    /// An error at `path`.
    pub fn error(path: impl Into<String>, rule: Rule) -> Self {
        Problem::new(Severity::Error, path, rule)
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, rule: Rule) -> Self {
        Problem::new(Severity::Warning, path, rule)
    }

    /// The same problem worded in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Problem {
        Problem {
            message: self.rule.message(lang),
            hint: self.rule.hint(lang).map(str::to_owned).or_else(|| self.hint.clone()),
            ..self.clone()
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// All the problems found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Problems in the order found.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Adds a problem.
    pub fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// The same report worded in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Report {
        Report { problems: self.problems.iter().map(|p| p.in_lang(lang)).collect() }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<String> = self.errors().map(ToString::to_string).collect();
        match errors.as_slice() {
            [] => f.write_str("no errors"),
            [one] => f.write_str(one),
            many => write!(f, "{} errors: {}", many.len(), many.join("; ")),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn report_display_lists_every_error() {
        let mut r = Report::default();
        r.push(Problem::error("a", Rule::Missing));
        r.push(Problem::warning("b", Rule::Empty));
        r.push(Problem::error("c", Rule::ZeroPositions));
        assert_eq!(r.to_string(), "2 errors: a: is missing (expected a value); c: 0 positions (expected at least 1, or leave it out)");
    }

    #[test]
    fn code_and_args_on_the_wire_words_in_both_languages() {
        let p = Problem::error("work[0].start", Rule::NotADate { value: "2021-13".into() });
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["code"], "not_a_date");
        assert_eq!(json["args"]["value"], "2021-13");
        assert_eq!(p.message, "\"2021-13\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        assert!(p.in_lang(Lang::It).message.starts_with("\"2021-13\" non è una data"));
        assert_eq!(serde_json::to_value(Problem::error("", Rule::Missing)).unwrap()["code"], "missing");
        crate::wire::assert_names(Severity::ALL);
    }

    #[test]
    fn parser_errors_keep_their_rule() {
        let rule = Rule::NotAnEqfLevel { value: "9".into() };
        let e: serde_json::Error = rule.to_parser_error();
        assert_eq!(Rule::from_parser(&e.to_string()), rule);
        let wrong = Rule::from_parser("invalid type: string \"x\", expected a sequence");
        assert_eq!(wrong, Rule::WrongType { found: "string \"x\"".into(), expected: "a list".into() });
        assert_eq!(wrong.message(Lang::It), "è il testo \"x\" (serve un elenco)");
        for found in ["empty", "a true/false value", "a number", "a text", "a list", "an object"] {
            let it = Rule::NotAnObject { found: found.into() }.message(Lang::It);
            assert!(!it.contains(found), "{it}: the kind is said in Italian");
        }
        let variant = Rule::from_parser("unknown variant `a5`, expected one of `a4`, `letter`");
        assert_eq!(variant.message(Lang::En), "unknown variant \"a5\", expected one of a4, letter");
    }

    #[test]
    fn every_rule_is_worded_in_both_languages_and_differently() {
        let rules = [
            Rule::Missing,
            Rule::Empty,
            Rule::UnknownField,
            Rule::NoSkills,
            Rule::SensitiveNotValid,
            Rule::TooLong { chars: 9, limit: 5 },
            Rule::NotAnEmail { value: "x".into() },
            Rule::InFuture { value: "2030".into(), today: "2026-11-23".into() },
        ];
        for r in rules {
            assert_ne!(r.message(Lang::It), r.message(Lang::En), "{r:?}");
            assert!(serde_json::to_value(&r).unwrap()["code"].is_string());
        }
    }
}
