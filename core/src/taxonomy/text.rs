//! Text normalisation shared by indexing and search, on text folded by [`crate::fold`]:
//! tokenising, light stemming and a bounded edit distance.
//!
//! * **Tokens** are the space-separated words of a folded text.
//! * **Stemming** is deliberately light, so that it rarely merges unrelated words: English
//!   follows Harman's "S" stemmer (plurals); Italian drops a final vowel (and an `i` before
//!   it, and the `h` of `-chi`/`-ghi`), and first the endings that turn a verb into the noun
//!   a CV writes instead, with the `i` of verbs in `-iare` (`cambiare`/`cambio`,
//!   `preparare`/`preparazione`, `lavare`/`lavaggio`, `ricevere`/`ricevimento`,
//!   `pulire`/`pulizia`, `assistere`/`assistenza`, `esporre`/`esposizione`,
//!   `produrre`/`produzione`), so that "pulizia dei pavimenti" finds "pulire i pavimenti";
//!   a few nouns that are two words by gender keep it (`pasto`/`pasta`, `posto`/`posta`).
//!   Other languages are left as they are.

use std::hash::{BuildHasherDefault, Hasher};

/// The tokens (words) of a folded text.
pub(crate) fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(' ').filter(|t| !t.is_empty())
}

/// The grammar words of Italian and English: articles, prepositions (with their elided forms:
/// "l'", "dell'", "all'"), conjunctions and demonstratives. A label that differs from the query
/// only by these has the same words ("pulizia di rulli e pennelli", "pulire pennelli e rulli").
/// Folded, sorted.
pub(crate) const GRAMMAR_WORDS: [&str; 71] = [
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "an", "and", "coi", "col", "con", "da", "dagli", "dai", "dal", "dall",
    "dalla", "dalle", "dallo", "degli", "dei", "del", "dell", "della", "delle", "dello", "di", "e", "ed", "for", "gl", "gli", "i", "il",
    "in", "l", "la", "le", "lo", "negli", "nei", "nel", "nell", "nella", "nelle", "nello", "o", "of", "on", "or", "per", "quell", "quest",
    "su", "sugli", "sui", "sul", "sull", "sulla", "sulle", "sullo", "the", "to", "tra", "un", "una", "uno", "with",
];

/// The qualifiers of CV phrases ("buona conoscenza della lingua inglese", "Excel avanzato") and
/// of job ads ("cassiera part time", "cameriera extra weekend", "badante h24"): they say
/// something, but not which skill. Folded, sorted.
const QUALIFIERS: [&str; 32] = [
    "avanzata",
    "avanzato",
    "base",
    "buona",
    "buono",
    "capacita",
    "cercasi",
    "conoscenza",
    "conoscenze",
    "determinato",
    "discreta",
    "discreto",
    "esperienza",
    "extra",
    "full",
    "h24",
    "indeterminato",
    "junior",
    "livello",
    "ottima",
    "ottimo",
    "part",
    "parziale",
    "pieno",
    "scolastica",
    "scolastico",
    "senior",
    "stagionale",
    "tempo",
    "time",
    "urgente",
    "weekend",
];

/// The words that tell a task as a story ("mi occupavo delle pulizie", "ero addetta alla
/// cassa, battevo gli scontrini", "ho lavorato presso un hotel"): pronouns and possessives,
/// the forms of the auxiliary verbs, the verbs that frame a task ("occuparsi di", "lavorare
/// come", "presso"), the words that join the clauses ("che", "cui", "dove", "quando") and the
/// adverbs and quantifiers around them ("anche", "sempre", "tutti", "ecc."). The task is the
/// rest. Italian only, none a word that English labels use (such as "io" for I/O). Folded,
/// sorted.
const NARRATIVE: [&str; 51] = [
    "abbiamo",
    "anche",
    "aveva",
    "avevamo",
    "avevo",
    "che",
    "come",
    "cui",
    "dove",
    "ecc",
    "era",
    "eravamo",
    "ero",
    "etc",
    "ha",
    "hai",
    "hanno",
    "ho",
    "lavorata",
    "lavorato",
    "lavoravo",
    "me",
    "mi",
    "mia",
    "mie",
    "miei",
    "mio",
    "molto",
    "ne",
    "occupandomi",
    "occupata",
    "occupato",
    "occupavo",
    "occupo",
    "ogni",
    "poi",
    "presso",
    "quando",
    "sempre",
    "si",
    "sono",
    "spesso",
    "sua",
    "suo",
    "te",
    "ti",
    "tutte",
    "tutti",
    "tutto",
    "vari",
    "varie",
];

/// Whether a folded query word is a filler, a grammar word, a qualifier or a narrative word
/// (see [`GRAMMAR_WORDS`], [`QUALIFIERS`], [`NARRATIVE`]): it still matches, but says little
/// about which concept is meant, and weighs little in the query.
pub(crate) fn is_filler(word: &str) -> bool {
    is_grammar_word(word) || QUALIFIERS.binary_search(&word).is_ok() || NARRATIVE.binary_search(&word).is_ok()
}

/// The Italian verbs (and their nouns) that say a label's skill is using the thing it names
/// ("utilizzare l'ingrassatore", "uso del computer"): the thing is the label's content.
pub(crate) const LIGHT_VERBS: [&str; 5] = ["adoperare", "usare", "uso", "utilizzare", "utilizzo"];

/// Whether a folded word is a grammar word (see [`GRAMMAR_WORDS`]).
pub(crate) fn is_grammar_word(word: &str) -> bool {
    GRAMMAR_WORDS.binary_search(&word).is_ok()
}

/// The words that join things as peers ("cucito e asole", "fax o fotocopie"), folded: search
/// looks for the things a text lists this way one by one, and two words they join are no head
/// and complement.
pub(crate) const COORDINATORS: [&str; 6] = ["e", "ed", "o", "oppure", "and", "or"];

/// The stemmer used for a label language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Stemmer {
    /// Harman's "S" stemmer (plurals).
    English,
    /// Verb and verbal-noun endings, final vowel, `-io`/`-ia`/`-ie` and `-chi`/`-ghi`.
    Italian,
    /// Words are kept as they are.
    None,
}

impl Stemmer {
    /// Every stemmer, in a fixed order (used as an index).
    pub(crate) const ALL: [Stemmer; 3] = [Stemmer::English, Stemmer::Italian, Stemmer::None];

    /// The stemmer for an ESCO language code.
    pub(crate) fn for_lang(lang: &str) -> Stemmer {
        match lang {
            "en" => Stemmer::English,
            "it" => Stemmer::Italian,
            _ => Stemmer::None,
        }
    }

    /// Position in [`Stemmer::ALL`].
    pub(crate) fn index(self) -> usize {
        match self {
            Stemmer::English => 0,
            Stemmer::Italian => 1,
            Stemmer::None => 2,
        }
    }

    /// This stemmer as a bit of a set of stemmers (`1 << index`).
    pub(crate) fn bit(self) -> u8 {
        1 << self.index()
    }

    /// Writes the stem of a folded token into `out` (cleared first).
    pub(crate) fn stem_into(self, token: &str, out: &mut String) {
        out.clear();
        match self {
            Stemmer::English => stem_english(token, out),
            Stemmer::Italian => stem_italian(token, out),
            Stemmer::None => out.push_str(token),
        }
    }
}

fn stem_english(t: &str, out: &mut String) {
    let b = t.as_bytes();
    if b.len() <= 3 || !t.is_ascii() {
        out.push_str(t);
        return;
    }
    let ends = |s: &str| t.ends_with(s);
    if ends("ies") && !ends("eies") && !ends("aies") {
        out.push_str(&t[..t.len() - 3]);
        out.push('y');
    } else if ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zes") {
        out.push_str(&t[..t.len() - 2]);
    } else if (ends("es") && !ends("aes") && !ends("ees") && !ends("oes")) || (ends("s") && !ends("us") && !ends("ss") && !ends("is")) {
        // "-es" → "-e" and "-s" → "": both drop the final "s".
        out.push_str(&t[..t.len() - 1]);
    } else {
        out.push_str(t);
    }
}

/// Italian endings of infinitives and of the nouns made from verbs, longest first, each with
/// the shortest stem it may leave: the verb and its noun then share a stem (`prepar-`,
/// `lav-`, `ricev-`, `pul-`, `assist-`, `gest-`).
const ITALIAN_ENDINGS: [(&str, usize); 25] = [
    ("azione", 3),
    ("azioni", 3),
    ("izione", 3),
    ("izioni", 3),
    ("imento", 3),
    ("imenti", 3),
    ("amento", 3),
    ("amenti", 3),
    ("zione", 3),
    ("zioni", 3),
    ("aggio", 3),
    ("atura", 3),
    ("ature", 3),
    ("itura", 3),
    ("iture", 3),
    ("aggi", 3),
    ("izia", 3),
    ("izie", 3),
    ("enza", 3),
    ("enze", 3),
    ("ione", 4),
    ("ioni", 4),
    ("are", 3),
    ("ere", 3),
    ("ire", 3),
];

/// Endings of the infinitives in -orre, -urre and -arre (-porre, -durre, -trarre), each with
/// what their nouns keep once [`ITALIAN_ENDINGS`] is gone ("esposizione" → `espos-`, "conduzione" →
/// `condu-`, "estrazione" → `estr-`).
const CONTRACTED_INFINITIVES: [(&str, &str); 3] = [("orre", "os"), ("urre", "u"), ("arre", "")];

fn stem_italian(t: &str, out: &mut String) {
    if !is_plain(t) {
        out.push_str(t);
        return;
    }
    // Verbs in -orre, -urre and -arre make their nouns from another form: "esporre" /
    // "esposizione", "produrre" / "produzione", "estrarre" / "estrazione".
    if let Some((infinitive, stem)) = CONTRACTED_INFINITIVES.iter().find(|(e, _)| t.len() >= e.len() + 3 && t.ends_with(e)) {
        out.push_str(&t[..t.len() - infinitive.len()]);
        out.push_str(stem);
        return;
    }
    // Job titles in -iere/-iera ("cameriere", "cameriera") keep their gender pair below.
    let ending =
        ITALIAN_ENDINGS.iter().find(|(e, min)| t.len() >= e.len() + min && t.ends_with(e) && !(*e == "ere" && t.ends_with("iere")));
    match ending {
        // "cambiare" and "cambiamento" as "cambio": the `i` of a verb in -iare goes too.
        Some((e, _)) => out.push_str(tidy_stem(&t[..t.len() - e.len()])),
        None => {
            let stem = without_inflection(t);
            out.push_str(stem);
            if stem.len() < t.len() && TWO_GENDER_NOUNS.binary_search(&stem).is_ok() {
                out.push(if t.ends_with(['a', 'e']) { 'a' } else { 'o' });
            }
        }
    }
}

/// The stems an Italian word would have if one letter of its ending (one of the noun endings of
/// [`ITALIAN_ENDINGS`], four letters or more) were mistyped: "ordinazoni" `ordin-` (as
/// "ordinazioni"), "lavagio" `lav-` (as "lavaggio"), "pulizzia" `pul-`. The stemmer leaves a
/// mistyped ending on the word, and the stem it gives is then too far from the right one for
/// the typo search. Sorted, without repeats; none for a word that ends with one of those
/// endings as written (the stemmer takes it off), of fewer than four letters or with anything
/// but lowercase ASCII letters.
pub(crate) fn italian_stems_past_a_typo(t: &str) -> Vec<&str> {
    if !is_plain(t) || ITALIAN_ENDINGS.iter().any(|(e, _)| e.len() >= 4 && t.ends_with(e)) {
        return Vec::new();
    }
    let word: Vec<char> = t.chars().collect();
    let mut rows = Vec::new();
    let mut stems = Vec::new();
    for (ending, min) in ITALIAN_ENDINGS.iter().filter(|(e, _)| e.len() >= 4) {
        let ending: Vec<char> = ending.chars().collect();
        for len in ending.len() - 1..=ending.len() + 1 {
            if word.len() < len + min {
                continue;
            }
            let tail = &word[word.len() - len..];
            if osa_within(tail, &ending, 1, &mut rows) == Some(1) {
                stems.push(tidy_stem(&t[..t.len() - len]));
            }
        }
    }
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Stems of nouns that are two words, one masculine and one feminine ("pasto" a meal, "pasta";
/// "posto" a place, "posta" the mail; "banco" a counter, "banca" a bank): their stem keeps the
/// gender (`pasto`, `pasta`), so that "preparare i pasti" is not "preparare la pasta". Job
/// titles are not among them: "cuoco" and "cuoca" are one word, nor are nouns whose singular
/// ends in -e ("mente"), whose plural would go the other way. Sorted.
const TWO_GENDER_NOUNS: [&str; 23] = [
    "banc", "boll", "cassett", "cav", "coll", "colp", "cors", "fil", "fogl", "lott", "manic", "mod", "mostr", "pal", "pann", "past",
    "pizz", "port", "post", "punt", "scop", "suol", "tass",
];

/// Whether two stems are the two genders of one of [`TWO_GENDER_NOUNS`] (`pasto`, `pasta`):
/// the last letter that tells them apart is no typo. The Italian stems end in the gender
/// (`-o`, `-a`); a stem of another language may keep the plural (the English stem of "pasti"
/// is `pasti`), which is as much the other word: `-o` and `-i` are masculine, `-a` and `-e`
/// feminine.
pub(crate) fn are_gender_twins(a: &[char], b: &[char]) -> bool {
    let gender = |ending: &char| match ending {
        'o' | 'i' => Some(true),
        'a' | 'e' => Some(false),
        _ => None,
    };
    let (Some((ga, base_a)), Some((gb, base_b))) = (a.split_last(), b.split_last()) else {
        return false;
    };
    matches!((gender(ga), gender(gb)), (Some(x), Some(y)) if x != y)
        && base_a == base_b
        && TWO_GENDER_NOUNS.binary_search_by(|n| n.chars().cmp(base_a.iter().copied())).is_ok()
}

/// A folded Italian word without its inflection: its final vowel, with the `i` before it
/// ("negozio", "negozi") and the `h` of "-chi"/"-ghi" ("banco", "banchi"), so that singular
/// and plural, masculine and feminine share it while the words made from it do not
/// ("formaggio" is not "formazione"). Words of three letters or less, or with anything but
/// lowercase ASCII letters, stay as they are. The last step of the Italian stemmer, and the
/// key of Sportello's thesaurus.
pub(crate) fn without_inflection(t: &str) -> &str {
    match t.strip_suffix(['a', 'e', 'i', 'o']) {
        Some(rest) if is_plain(t) => tidy_stem(rest),
        _ => t,
    }
}

/// Whether the Italian stemmer shortens this folded word: four lowercase ASCII letters or more.
fn is_plain(t: &str) -> bool {
    t.len() >= 4 && t.bytes().all(|b| b.is_ascii_lowercase())
}

/// The end of an Italian stem: without a final `i` (in a stem of four letters or more) and
/// the `h` of a final "ch"/"gh".
fn tidy_stem(stem: &str) -> &str {
    let stem = if stem.len() >= 4 { stem.strip_suffix('i').unwrap_or(stem) } else { stem };
    if stem.ends_with("ch") || stem.ends_with("gh") { &stem[..stem.len() - 1] } else { stem }
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions) between
/// two char slices, or `None` when it is more than `max`. `rows` is scratch space.
pub(crate) fn osa_within(a: &[char], b: &[char], max: usize, rows: &mut Vec<usize>) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    let w = m + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    let (mut p2, mut p1, mut cur) = (0, w, 2 * w); // offsets of rows i-2, i-1, i
    for (j, r) in rows[p1..p1 + w].iter_mut().enumerate() {
        *r = j;
    }
    for i in 1..=n {
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[p1 + j] + 1).min(rows[cur + j - 1] + 1).min(rows[p1 + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[p2 + j - 2] + 1);
            }
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        (p2, p1, cur) = (p1, cur, p2);
    }
    let d = rows[p1 + m];
    (d <= max).then_some(d)
}

/// A pattern of up to 64 characters prepared for fast optimal-string-alignment distances
/// to many texts: Hyyrö's bit-parallel algorithm (2003), which computes Myers' bit-vector
/// Levenshtein distance extended with adjacent transpositions, one machine word per text
/// character. Gives the same distance as `strsim::osa_distance`.
#[derive(Debug, Clone)]
pub(crate) struct BitOsa {
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
    len: usize,
}

impl BitOsa {
    /// Prepares `pattern`, or `None` if it is longer than 64 characters.
    pub(crate) fn new(pattern: &[char]) -> Option<BitOsa> {
        if pattern.len() > 64 {
            return None;
        }
        let mut p = BitOsa { ascii: [0; 128], other: Vec::new(), len: pattern.len() };
        for (i, &c) in pattern.iter().enumerate() {
            let bit = 1u64 << i;
            match p.ascii.get_mut(c as usize) {
                Some(m) => *m |= bit,
                None => match p.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, m)) => *m |= bit,
                    None => p.other.push((c, bit)),
                },
            }
        }
        Some(p)
    }

    fn mask(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&m) => m,
            None => self.other.iter().find(|(o, _)| *o == c).map_or(0, |&(_, m)| m),
        }
    }

    /// The distance from the pattern to `text`.
    pub(crate) fn distance(&self, text: &[char]) -> usize {
        let m = self.len;
        if m == 0 {
            return text.len();
        }
        let last = 1u64 << (m - 1);
        let (mut vp, mut vn, mut d0, mut pm_old) = (!0u64, 0u64, 0u64, 0u64);
        let mut dist = m;
        for &c in text {
            let pm = self.mask(c);
            let tr = ((!d0 & pm) << 1) & pm_old;
            d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | tr;
            let mut hp = vn | !(d0 | vp);
            let mut hn = d0 & vp;
            if hp & last != 0 {
                dist += 1;
            } else if hn & last != 0 {
                dist -= 1;
            }
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | !(d0 | hp);
            vn = hp & d0;
            pm_old = pm;
        }
        dist
    }
}

/// A fast 64-bit hash of a string (Fx, eight bytes at a time), the same on every run.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_usize(s.len());
    h.finish()
}

/// The Fx hasher (as used in rustc): fast for small keys; no protection against chosen
/// collisions, which is fine for keys that come from reference data.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((head, rest)) = bytes.split_first_chunk::<8>() {
            self.write_u64(u64::from_le_bytes(*head));
            bytes = rest;
        }
        if let Some((head, rest)) = bytes.split_first_chunk::<4>() {
            self.write_u64(u64::from(u32::from_le_bytes(*head)));
            bytes = rest;
        }
        if !bytes.is_empty() {
            let mut tail = 0u64;
            for &b in bytes {
                tail = tail << 8 | u64::from(b);
            }
            self.write_u64(tail);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the Fx hasher.
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(s: Stemmer, t: &str) -> String {
        let mut out = String::new();
        s.stem_into(t, &mut out);
        out
    }

    #[test]
    fn fillers_are_sorted_and_found() {
        assert!(GRAMMAR_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(QUALIFIERS.windows(2).all(|w| w[0] < w[1]));
        assert!(NARRATIVE.windows(2).all(|w| w[0] < w[1]));
        assert!(is_filler("occupavo") && !is_filler("pulizie"));
        assert!(is_filler("della") && is_filler("the") && !is_filler("inglese"));
        assert!(is_grammar_word("della") && is_filler("tempo") && !is_grammar_word("tempo"));
    }

    #[test]
    fn english_stemming_handles_plurals() {
        assert_eq!(stem(Stemmer::English, "forklifts"), "forklift");
        assert_eq!(stem(Stemmer::English, "companies"), "company");
        assert_eq!(stem(Stemmer::English, "processes"), "process");
        assert_eq!(stem(Stemmer::English, "boxes"), "box");
        assert_eq!(stem(Stemmer::English, "glass"), "glass");
        assert_eq!(stem(Stemmer::English, "analysis"), "analysis");
        assert_eq!(stem(Stemmer::English, "bus"), "bus");
    }

    #[test]
    fn italian_stemming_merges_number_and_gender() {
        assert_eq!(stem(Stemmer::Italian, "pulizie"), stem(Stemmer::Italian, "pulizia"));
        assert_eq!(stem(Stemmer::Italian, "anziani"), stem(Stemmer::Italian, "anziano"));
        assert_eq!(stem(Stemmer::Italian, "carrelli"), stem(Stemmer::Italian, "carrello"));
        assert_eq!(stem(Stemmer::Italian, "cuochi"), stem(Stemmer::Italian, "cuoco"));
        assert_eq!(stem(Stemmer::Italian, "servizi"), stem(Stemmer::Italian, "servizio"));
        // A mistyped ending still leaves the stem.
        assert!(italian_stems_past_a_typo("ordinazoni").contains(&"ordin"));
        assert!(italian_stems_past_a_typo("lavagio").contains(&"lav"));
        assert!(italian_stems_past_a_typo("pulizzia").contains(&"pul"));
        assert!(italian_stems_past_a_typo("tavolo").is_empty());
        // A word spelt right is the stemmer's.
        assert!(italian_stems_past_a_typo("formazione").is_empty() && italian_stems_past_a_typo("lavaggio").is_empty());
        // Two nouns told apart by their gender stay two.
        assert_eq!(stem(Stemmer::Italian, "pasti"), stem(Stemmer::Italian, "pasto"));
        assert_eq!(stem(Stemmer::Italian, "paste"), stem(Stemmer::Italian, "pasta"));
        assert_ne!(stem(Stemmer::Italian, "pasti"), stem(Stemmer::Italian, "pasta"));
        assert_eq!(stem(Stemmer::Italian, "banchi"), "banco");
        assert_eq!(stem(Stemmer::Italian, "fogli"), "foglo");
        assert_eq!(stem(Stemmer::Italian, "foglie"), "fogla");
        assert_eq!(stem(Stemmer::Italian, "post"), "post");
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(are_gender_twins(&chars("pasto"), &chars("pasta")) && !are_gender_twins(&chars("pasto"), &chars("pesto")));
        // The plural another language's stemmer keeps is as much the other word.
        assert!(are_gender_twins(&chars("pasti"), &chars("pasta")) && are_gender_twins(&chars("posto"), &chars("poste")));
        assert!(!are_gender_twins(&chars("paste"), &chars("pasta")) && !are_gender_twins(&chars("pasti"), &chars("pasto")));
        assert!(TWO_GENDER_NOUNS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(stem(Stemmer::Italian, "bar"), "bar");
        assert_eq!(stem(Stemmer::Italian, "cameriere"), stem(Stemmer::Italian, "cameriera"));
        assert_eq!(stem(Stemmer::Italian, "parrucchiere"), stem(Stemmer::Italian, "parrucchiera"));
    }

    #[test]
    fn italian_stemming_joins_a_verb_and_the_noun_a_cv_writes() {
        for (verb, noun) in [
            ("preparare", "preparazione"),
            ("lavare", "lavaggio"),
            ("stoccare", "stoccaggio"),
            ("ricevere", "ricevimento"),
            ("pulire", "pulizia"),
            ("pulire", "pulizie"),
            ("assistere", "assistenza"),
            ("gestire", "gestione"),
            ("spedire", "spedizione"),
            ("caricare", "carichi"),
            ("caricare", "caricamento"),
            ("stirare", "stiratura"),
            ("imballare", "imballaggi"),
            ("cambiare", "cambio"),
            ("cambiamento", "cambi"),
            ("sostituire", "sostituzione"),
            ("esporre", "esposizione"),
            ("disporre", "disposizione"),
            ("produrre", "produzione"),
            ("condurre", "conduzione"),
            ("tradurre", "traduzione"),
            ("estrarre", "estrazione"),
        ] {
            assert_eq!(stem(Stemmer::Italian, verb), stem(Stemmer::Italian, noun), "{verb} / {noun}");
        }
        // Short words keep enough of themselves.
        assert_eq!(stem(Stemmer::Italian, "mare"), "mar");
        assert_eq!(stem(Stemmer::Italian, "regione"), "region");
        assert_eq!(stem(Stemmer::Italian, "torre"), "torr");
    }

    #[test]
    fn osa_counts_transpositions_once_and_stops_early() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Vec::new();
        assert_eq!(osa_within(&c("forklift"), &c("forkilft"), 2, &mut rows), Some(1));
        assert_eq!(osa_within(&c("forklift"), &c("frklift"), 2, &mut rows), Some(1));
        assert_eq!(osa_within(&c("forklift"), &c("forklifts"), 1, &mut rows), Some(1));
        assert_eq!(osa_within(&c("forklift"), &c("forest"), 2, &mut rows), None);
        assert_eq!(osa_within(&c(""), &c("ab"), 2, &mut rows), Some(2));
        assert_eq!(osa_within(&c("kitten"), &c("sitting"), 3, &mut rows), Some(3));
    }

    #[test]
    fn bit_parallel_osa_agrees_with_strsim() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let alphabet: Vec<char> = "abcà é".chars().collect();
        for _ in 0..3000 {
            let mut word =
                |max: u64| -> String { (0..next() % max).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect() };
            let (a, b) = (word(65), word(40));
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let p = BitOsa::new(&ca).expect("short pattern");
            assert_eq!(p.distance(&cb), strsim::osa_distance(&a, &b), "{a:?} {b:?}");
        }
        assert!(BitOsa::new(&['x'; 65]).is_none());
    }

    #[test]
    fn osa_agrees_with_strsim() {
        let words =
            ["forklift", "fork lift", "frokilft", "operate", "opreate", "città", "cita", "", "a", "ab", "ba", "abc", "cab", "magazziniere"];
        let mut rows = Vec::new();
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let expected = strsim::osa_distance(a, b);
                assert_eq!(osa_within(&ca, &cb, 20, &mut rows), Some(expected), "{a:?} {b:?}");
                assert_eq!(osa_within(&ca, &cb, expected.saturating_sub(1), &mut rows).is_some(), expected == 0, "{a:?} {b:?}");
            }
        }
    }
}
