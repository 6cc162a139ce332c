//! Italian verb forms as people write what they did: "pulivo i bagni", "ho gestito il
//! magazzino", "preparando le comande", "pulisco gli uffici". The labels say what a person can
//! do with an infinitive or a noun ("pulire i bagni", "gestione del magazzino"); a query word
//! that no label has may be a conjugated verb, and then it stands for its infinitive.
//!
//! Only the forms a CV or a conversation at the desk uses are undone: the imperfect ("-avo",
//! "-evo", "-ivo" and their persons), the past participle ("-ato", "-uto", "-ito"), the
//! gerund ("-ando", "-endo"), the present of "-ire" verbs in "-isco", and the first person of
//! the present ("preparo"), with the few irregular verbs that such phrases use most ("facevo",
//! "messo", "preso"). A form may come from two infinitives ("servendo": "servere"/"servire"):
//! every candidate is given, and search keeps those the labels know (the first of them when
//! it compares the query's words with a label's, word for word).

/// Endings of conjugated forms, longest first, with the infinitive ending they come from.
const ENDINGS: [(&str, &[&str]); 30] = [
    ("iscono", &["ire"]),
    ("avamo", &["are"]),
    ("avano", &["are"]),
    ("evamo", &["ere"]),
    ("evano", &["ere"]),
    ("ivamo", &["ire"]),
    ("ivano", &["ire"]),
    ("ando", &["are"]),
    ("endo", &["ere", "ire"]),
    ("isco", &["ire"]),
    ("isce", &["ire"]),
    ("avo", &["are"]),
    ("ava", &["are"]),
    ("evo", &["ere"]),
    ("eva", &["ere"]),
    ("ivo", &["ire"]),
    ("iva", &["ire"]),
    ("ato", &["are"]),
    ("ata", &["are"]),
    ("ati", &["are"]),
    ("ate", &["are"]),
    ("uto", &["ere"]),
    ("uta", &["ere"]),
    ("uti", &["ere"]),
    ("ute", &["ere"]),
    ("ito", &["ire"]),
    ("ita", &["ire"]),
    ("iti", &["ire"]),
    ("ite", &["ire"]),
    ("o", &["are", "ere", "ire"]),
];

/// Infinitives whose conjugation does not follow their ending, as the regular rules above
/// rebuild them ("facevo" → "facere"), with the real one.
const CONTRACTED: [(&str, &str); 6] =
    [("facere", "fare"), ("dicere", "dire"), ("bevere", "bere"), ("ponere", "porre"), ("traere", "trarre"), ("ducere", "durre")];

/// Irregular forms (folded) and their infinitive.
const IRREGULAR: [(&str, &str); 24] = [
    ("accesa", "accendere"),
    ("acceso", "accendere"),
    ("accolto", "accogliere"),
    ("aperto", "aprire"),
    ("chiuso", "chiudere"),
    ("cotto", "cuocere"),
    ("davo", "dare"),
    ("faccio", "fare"),
    ("fatta", "fare"),
    ("fatti", "fare"),
    ("fatto", "fare"),
    ("messa", "mettere"),
    ("messi", "mettere"),
    ("messo", "mettere"),
    ("presa", "prendere"),
    ("preso", "prendere"),
    ("risposto", "rispondere"),
    ("scritto", "scrivere"),
    ("spento", "spegnere"),
    ("stavo", "stare"),
    ("steso", "stendere"),
    ("tolto", "togliere"),
    ("vista", "vedere"),
    ("visto", "vedere"),
];

/// The shortest stem a regular ending may leave: "ato" in "dato" is no verb form (the
/// longest ending a word has decides).
const MIN_STEM: usize = 3;

/// The infinitives a folded word may be a form of (none when it reads as no verb form).
pub(crate) fn infinitives(word: &str) -> Vec<String> {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    if let Ok(i) = IRREGULAR.binary_search_by_key(&word, |&(form, _)| form) {
        return vec![IRREGULAR[i].1.to_owned()];
    }
    let Some((ending, infinitive_endings)) = ENDINGS.iter().find(|(e, _)| word.ends_with(e)) else {
        return Vec::new();
    };
    if word.len() < ending.len() + MIN_STEM {
        return Vec::new();
    }
    let stem = &word[..word.len() - ending.len()];
    infinitive_endings
        .iter()
        .map(|e| {
            let regular = format!("{stem}{e}");
            match CONTRACTED.iter().find(|(rebuilt, _)| regular.ends_with(rebuilt)) {
                Some((rebuilt, real)) => format!("{}{real}", &regular[..regular.len() - rebuilt.len()]),
                None => regular,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjugated_forms_give_their_infinitive() {
        assert_eq!(infinitives("pulivo"), ["pulire"]);
        assert_eq!(infinitives("preparavamo"), ["preparare"]);
        assert_eq!(infinitives("prendevo"), ["prendere"]);
        assert_eq!(infinitives("gestito"), ["gestire"]);
        assert_eq!(infinitives("pulite"), ["pulire"]);
        assert_eq!(infinitives("venduto"), ["vendere"]);
        assert_eq!(infinitives("pulisco"), ["pulire"]);
        assert_eq!(infinitives("servendo"), ["servere", "servire"]);
        assert_eq!(infinitives("cucino"), ["cucinare", "cucinere", "cucinire"]);
        assert_eq!(infinitives("facevo"), ["fare"]);
        assert_eq!(infinitives("producevo"), ["produrre"]);
        assert_eq!(infinitives("fatto"), ["fare"]);
        assert_eq!(infinitives("messo"), ["mettere"]);
    }

    #[test]
    fn short_and_foreign_words_are_no_verb_forms() {
        assert!(infinitives("dato").is_empty());
        assert!(infinitives("ho").is_empty());
        assert!(infinitives("b2").is_empty());
        assert!(infinitives("città").is_empty());
    }

    #[test]
    fn the_irregular_forms_are_sorted() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
