//! Folding text: the one place that says when two texts are "the same".
//!
//! Two meanings, two functions:
//! * [`fold`] (and [`fold_into`]), for matching and search: lowercases, turns the accented
//!   Latin letters of European languages into their base letters (`à` → `a`, `ß` → `ss`,
//!   `œ` → `oe`), drops combining marks, and turns every other non-alphanumeric character
//!   (punctuation, apostrophes, hyphens, no-break spaces) into a single space. Letters of
//!   other scripts (Greek, Cyrillic, ...) are kept, lowercased, so ESCO packs in those
//!   languages work too.
//! * [`label_key`], for telling a label listed twice: only case and spacing are ignored
//!   ("Pulizia  uffici" = "pulizia uffici", but "pulizìa" is another spelling to show).

/// Case- and space-insensitive form of a label, for duplicate checks.
pub fn label_key(s: &str) -> String {
    // One allocation for the usual ASCII words (a feed checks every label of every vacancy).
    let mut key = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// Appends the folded form of `text` to `out` (see [`fold`]).
///
/// The result has no leading, trailing or repeated spaces.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    if is_folded_ascii(text.as_bytes()) {
        // Already folded (most ESCO labels): copy.
        out.push_str(text);
        return;
    }
    if text.is_ascii() {
        // Fast path for the common case (most ESCO labels and queries): copy the runs of
        // letters and digits, then lowercase them in place.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && ASCII_FOLD[bytes[i] as usize] == 0 {
                i += 1;
            }
            let run = i;
            while i < bytes.len() && ASCII_FOLD[bytes[i] as usize] != 0 {
                i += 1;
            }
            if run < i {
                if out.len() > start {
                    out.push(' ');
                }
                out.push_str(&text[run..i]);
            }
        }
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            push_word_char(out, start, &mut space, c.to_ascii_lowercase());
        } else if c.is_ascii() {
            space = true;
        } else if let Some(base) = latin_base(c) {
            for b in base.chars() {
                push_word_char(out, start, &mut space, b);
            }
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // Combining diacritical marks (decomposed input): dropped.
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                push_word_char(out, start, &mut space, l);
            }
        } else {
            space = true;
        }
    }
}

/// Whether ASCII text is already in folded form: lowercase letters, digits and single
/// inner spaces.
fn is_folded_ascii(bytes: &[u8]) -> bool {
    let mut prev_space = true;
    for &b in bytes {
        let space = b == b' ';
        if (space && prev_space) || !(space || b.is_ascii_lowercase() || b.is_ascii_digit()) {
            return false;
        }
        prev_space = space;
    }
    !prev_space
}

/// For each ASCII byte: its lowercase form if it is a letter or digit, else 0.
const ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

#[inline]
fn push_word_char(out: &mut String, start: usize, space: &mut bool, c: char) {
    if *space && out.len() > start {
        out.push(' ');
    }
    *space = false;
    out.push(c);
}

/// The folded form of `text` used for matching: lowercase, accents removed, punctuation
/// turned into single spaces ("Contabilità, l'IVA" → "contabilita l iva").
pub fn fold(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    fold_into(text, &mut s);
    s
}

/// The ASCII base of an accented Latin letter (Latin-1 Supplement, Latin Extended-A and the
/// Romanian comma letters), lowercased.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'ß' => "ss",
        'Ś'..='š' | 'ſ' | 'Ș' | 'ș' => "s",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_case_and_punctuation() {
        assert_eq!(fold("  Contabilità  "), "contabilita");
        assert_eq!(fold("dell'anziano"), "dell anziano");
        assert_eq!(fold("Use Microsoft\u{a0}Office!"), "use microsoft office");
        assert_eq!(fold("Straße, Œuvre"), "strasse oeuvre");
        assert_eq!(fold("citta\u{300}"), "citta");
        assert_eq!(fold("Bolzano/Bozen"), "bolzano bozen");
        assert_eq!(fold("Оператор ЧПУ"), "оператор чпу");
        assert_eq!(fold("!!!"), "");
        assert_eq!(fold("Sant’Angelo"), "sant angelo");
        assert_eq!(fold("operate forklift"), "operate forklift");
        assert_eq!(fold("operate  forklift "), "operate forklift");
        assert_eq!(fold(" x"), "x");
        let mut s = String::from("a");
        fold_into("b c", &mut s);
        assert_eq!(s, "ab c", "appends without a separator");
    }

    #[test]
    fn label_keys_ignore_case_and_spacing_only() {
        assert_eq!(label_key("  Pulizia   UFFICI "), "pulizia uffici");
        assert_ne!(label_key("pulizìa"), label_key("pulizia"));
        assert_eq!(label_key(" PULIZÌA\u{a0}\tΟΔΟΣ  x"), "pulizìa οδος x", "as str::to_lowercase, final sigma too");
    }
}
