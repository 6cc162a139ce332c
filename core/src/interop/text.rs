//! Small text helpers shared by the importers: HTML (read by an HTML5 parser, html5ever
//! through `scraper`) and Markdown (CommonMark, by `pulldown-cmark`) to plain text, dates
//! as other formats write them, names split in two, web addresses, stable identifiers.

use ego_tree::iter::Edge;

use crate::model::PartialDate;

/// What a date field held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// Nothing.
    Empty,
    /// "present", "current", "oggi"...: an ongoing period.
    Ongoing,
    /// A date.
    Date(PartialDate),
    /// Text that is no date.
    Bad,
}

/// Reads a date as the formats write them: ISO dates and date-times (`2021`, `2021-03`,
/// `2021-03-15`, `2021-03-15T10:00:00Z`), `2021-3`, `03/2021`, `15/03/2021` (day first, as
/// in Italy), and the words for "now".
pub fn date(s: &str) -> DateValue {
    let t = s.trim();
    if t.is_empty() {
        return DateValue::Empty;
    }
    let lower = t.to_lowercase();
    if [
        "present",
        "current",
        "now",
        "today",
        "ongoing",
        "oggi",
        "attuale",
        "in corso",
        "presente",
        "heute",
        "aktuell",
        "actuel",
        "actualidad",
        "actual",
        "現在",
    ]
    .contains(&lower.as_str())
    {
        return DateValue::Ongoing;
    }
    let head = t.split(['T', ' ']).next().unwrap_or(t);
    if let Ok(d) = head.parse::<PartialDate>() {
        return DateValue::Date(d);
    }
    let nums: Vec<&str> = head.split(['-', '/', '.']).collect();
    let n = |p: &str| p.parse::<u16>().ok();
    let parsed = match nums.as_slice() {
        [y, m] if y.len() == 4 => n(y).zip(n(m)).and_then(|(y, m)| PartialDate::month(y, u8::try_from(m).ok()?)),
        [m, y] if y.len() == 4 && m.len() <= 2 => n(y).zip(n(m)).and_then(|(y, m)| PartialDate::month(y, u8::try_from(m).ok()?)),
        [y, m, d] if y.len() == 4 => {
            n(y).zip(n(m)).zip(n(d)).and_then(|((y, m), d)| PartialDate::day(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
        }
        [d, m, y] if y.len() == 4 && d.len() <= 2 => {
            n(y).zip(n(m)).zip(n(d)).and_then(|((y, m), d)| PartialDate::day(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
        }
        _ => None,
    };
    parsed.map_or(DateValue::Bad, DateValue::Date)
}

/// Splits a full name into given and family names: the last word is the family name; a
/// name of one word in a script written without spaces (Chinese, Japanese, Korean) is split
/// after the family name, which comes first. Returns a note when the split is a guess.
pub fn split_name(full: &str) -> (String, String, Option<String>) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new(), None),
        [one] if one.chars().any(is_cjk) => {
            let chars: Vec<char> = one.chars().collect();
            // A change of script (kanji to kana) marks the boundary; otherwise family names
            // are usually one character in Chinese and Korean and two in Japanese.
            let boundary =
                (1..chars.len()).find(|&i| script(chars[i]) != script(chars[i - 1])).unwrap_or(if chars.len() >= 4 { 2 } else { 1 });
            let family: String = chars[..boundary].iter().collect();
            let given: String = chars[boundary..].iter().collect();
            let note = format!("the name {one:?} was split into family name {family:?} and given name {given:?}: check it");
            if given.is_empty() { (family.clone(), family, Some(note)) } else { (given, family, Some(note)) }
        }
        [one] => (
            (*one).to_owned(),
            (*one).to_owned(),
            Some(format!("the name {one:?} is one word: it was used as both given and family name, check it")),
        ),
        [given @ .., family] => (given.join(" "), (*family).to_owned(), None),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn script(c: char) -> u8 {
    match c as u32 {
        0x3040..=0x309F => 1,
        0x30A0..=0x30FF => 2,
        0xAC00..=0xD7AF => 3,
        _ => 0,
    }
}

/// A web address with its scheme: `www.example.it` becomes `https://www.example.it`.
/// `None` for text that is no address.
pub fn url(s: &str) -> Option<String> {
    let t = s.trim();
    if t.contains(char::is_whitespace) || t.is_empty() {
        return None;
    }
    if t.starts_with("https://") || t.starts_with("http://") {
        return Some(t.to_owned());
    }
    let host = t.split('/').next().unwrap_or_default();
    (host.contains('.') && !t.contains('@') && !t.contains(':')).then(|| format!("https://{t}"))
}

/// A stable short identifier made from some text (FNV-1a, 32 bits, hex).
pub fn short_hash(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// HTML to plain text: block ends become line breaks, list items become "- " lines, tags
/// are removed and character references decoded. Text without tags is only tidied.
pub fn html_to_text(s: &str) -> String {
    let (text, items) = html_split(s, false);
    debug_assert!(items.is_empty());
    text
}

/// HTML split into its prose and its list items (as highlights). Without tags, lines
/// starting with "- ", "* " or "• " count as list items.
pub fn html_parts(s: &str) -> (String, Vec<String>) {
    html_split(s, true)
}

fn html_split(s: &str, take_items: bool) -> (String, Vec<String>) {
    let s = s.replace("\r\n", "\n");
    let has_tags = s.match_indices('<').any(|(i, _)| starts_tag(&s[i..])) && s.contains('>');
    if !has_tags {
        let mut prose = String::new();
        let mut items: Vec<String> = Vec::new();
        for line in s.lines() {
            let l = line.trim();
            match l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")).or_else(|| l.strip_prefix("• ")) {
                Some(i) if take_items => items.push(decode(i).trim().to_owned()),
                _ => {
                    prose.push_str(&decode(l));
                    prose.push('\n');
                }
            }
        }
        return (tidy(&prose), items.into_iter().filter(|i| !i.is_empty()).collect());
    }
    let mut w = HtmlText { take_items, ..HtmlText::default() };
    let doc = scraper::Html::parse_fragment(&s);
    let mut hidden = 0usize;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                scraper::Node::Text(t) if hidden == 0 => w.text(t),
                scraper::Node::Element(e) if hidden > 0 || is_hidden(e) => hidden += 1,
                scraper::Node::Element(e) => w.open(e),
                _ => {}
            },
            Edge::Close(node) => {
                if let scraper::Node::Element(e) = node.value() {
                    if hidden > 0 {
                        hidden -= 1;
                    } else {
                        w.close(e);
                    }
                }
            }
        }
    }
    w.finish()
}

/// Elements whose content is not text a person wrote: scripts, styles, and the editing
/// marks the Europass editor's Quill leaves in its lists (`<span class="ql-ui">`).
fn is_hidden(e: &scraper::node::Element) -> bool {
    matches!(e.name(), "script" | "style" | "template" | "head") || e.classes().any(|c| c == "ql-ui")
}

/// Plain text written from an HTML tree: block ends become line breaks, list items
/// become "- " lines (or items), a link keeps its address after its text.
#[derive(Default)]
struct HtmlText {
    take_items: bool,
    prose: String,
    items: Vec<String>,
    item: Option<String>,
    /// The address of each open link, to write after its text.
    links: Vec<Option<String>>,
}

impl HtmlText {
    fn out(&mut self) -> &mut String {
        match &mut self.item {
            Some(i) => i,
            None => &mut self.prose,
        }
    }

    fn text(&mut self, t: &str) {
        self.out().push_str(t);
    }

    fn open(&mut self, e: &scraper::node::Element) {
        match e.name() {
            "li" if self.take_items => {
                if let Some(i) = self.item.take() {
                    self.items.push(i);
                }
                self.item = Some(String::new());
            }
            "li" => self.prose.push_str("\n- "),
            "a" => self
                .links
                .push(e.attr("href").map(str::trim).filter(|h| h.starts_with("http") || h.starts_with("mailto:")).map(str::to_owned)),
            name => self.block_edge(name),
        }
    }

    fn close(&mut self, e: &scraper::node::Element) {
        match e.name() {
            "li" => {
                if let Some(i) = self.item.take() {
                    self.items.push(i);
                }
            }
            "a" => {
                if let Some(Some(href)) = self.links.pop() {
                    let shown = href.trim_start_matches("mailto:").to_owned();
                    let out = self.out();
                    if !out.contains(&shown) && !out.contains(shown.trim_start_matches("https://").trim_start_matches("http://")) {
                        out.push_str(&format!(" ({shown})"));
                    }
                }
            }
            name => self.block_edge(name),
        }
    }

    /// A block element's start or end: a line break (a space inside a list item).
    fn block_edge(&mut self, name: &str) {
        if matches!(name, "br" | "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre") {
            match &mut self.item {
                Some(i) => i.push(' '),
                None => self.prose.push('\n'),
            }
        }
    }

    fn finish(mut self) -> (String, Vec<String>) {
        if let Some(i) = self.item.take() {
            self.items.push(i);
        }
        let items = self.items.iter().map(|i| i.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|i| !i.is_empty()).collect();
        (tidy(&self.prose), items)
    }
}

/// Whether text at a `<` opens a tag, as HTML reads it: `<` then a letter, `/`, `!` or
/// `?`. Otherwise it is a literal "less than" ("a < b", "<>").
fn starts_tag(at: &str) -> bool {
    at.as_bytes().get(1).is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(b))
}

/// Collapses runs of spaces in each line and drops empty lines at the ends and doubled
/// empty lines.
fn tidy(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        if l.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(l);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// Plain text for a field that importers (this one included) read as HTML: a `<` that
/// would open a tag becomes `&lt;` and a `&` that could start a character reference (a
/// letter, digit or `#` follows) becomes `&amp;`, so the text comes back as written.
/// Ordinary text ("Ricerca & Sviluppo", "a < b") is unchanged.
pub fn escape_for_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let rest = &s[i..];
        match c {
            '<' if starts_tag(rest) => out.push_str("&lt;"),
            '&' if rest[1..].starts_with(|n: char| n.is_ascii_alphanumeric() || n == '#') => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// Decodes character references as an HTML5 parser does (`&amp;`, `&#39;`, `&eacute;`...).
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let escaped = s.replace('<', "&lt;");
    scraper::Html::parse_fragment(&escaped).root_element().text().collect()
}

/// Markdown (CommonMark) to plain text: emphasis and code lose their marks, a link keeps
/// its text, paragraphs and list items go on lines of their own ("- " or "1. " before each
/// item). Returns the text and the first link's address.
pub fn markdown(s: &str) -> (String, Option<String>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(s.len());
    let mut link = None;
    let mut numbers: Vec<Option<u64>> = Vec::new();
    for event in Parser::new(s) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) if link.is_none() => link = Some(dest_url.to_string()),
            Event::Start(Tag::List(first)) => numbers.push(first),
            Event::End(TagEnd::List(_)) => {
                numbers.pop();
            }
            Event::Start(Tag::Item) => {
                out.push('\n');
                match numbers.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => out.push('\n'),
            _ => {}
        }
    }
    (tidy(&out), link)
}

/// Splits a list written as text ("Python, C++; Rust | Go") into its items.
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';', '|', '\n', '•']).map(|p| p.trim().trim_start_matches("- ").trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_markup_survives_escaping_and_reading() {
        for t in ["<A> & <b>bold</b> &amp; &#65; &nbsp;", "a < b, c > d, <> e, x<1 & y", "Ricerca & Sviluppo"] {
            assert_eq!(html_to_text(&escape_for_html(t)), t);
        }
        assert_eq!(escape_for_html("Ricerca & Sviluppo <3"), "Ricerca & Sviluppo <3");
    }

    #[test]
    fn dates_in_many_forms() {
        let d = |s: &str| match date(s) {
            DateValue::Date(d) => d.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(d("2020-01-01"), "2020-01-01");
        assert_eq!(d("2017-03-18T00:00"), "2017-03-18");
        assert_eq!(d("2018-9"), "2018-09");
        assert_eq!(d("09/2018"), "2018-09");
        assert_eq!(d("31/12/2025"), "2025-12-31");
        assert_eq!(d("present"), "Ongoing");
        assert_eq!(d(""), "Empty");
        assert_eq!(d("Fall 2022"), "Bad");
    }

    #[test]
    fn names() {
        assert_eq!(split_name("Mario Rossi"), ("Mario".into(), "Rossi".into(), None));
        assert_eq!(split_name("Anna Maria De Luca").1, "Luca");
        let (g, f, note) = split_name("黒音キト");
        assert_eq!((g.as_str(), f.as_str()), ("キト", "黒音"));
        assert!(note.is_some());
        let (g, f, _) = split_name("Madonna");
        assert_eq!((g.as_str(), f.as_str()), ("Madonna", "Madonna"));
    }

    #[test]
    fn html() {
        let (prose, items) =
            html_parts("<p>Main activities:</p>\n<ul><li>Preparing class plans.</li><li>Teaching &amp; training.</li></ul>");
        assert_eq!(prose, "Main activities:");
        assert_eq!(items, ["Preparing class plans.", "Teaching & training."]);
        assert_eq!(html_to_text("<p>a</p><p>b&#39;s</p>"), "a\n\nb's");
        assert_eq!(html_parts("- one\n- two\nthree").1, ["one", "two"]);
    }

    #[test]
    fn html_from_the_europass_editor_and_links() {
        // Quill writes bullet lists as <ol> with data-list and an editing mark in each item.
        let quill = r#"<p>Mansioni <u>principali</u>:</p><ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>Affettatrice</li><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>Gestione &eacute; scadenze</li></ol>"#;
        let (prose, items) = html_parts(quill);
        assert_eq!(prose, "Mansioni principali:");
        assert_eq!(items, ["Affettatrice", "Gestione é scadenze"]);
        assert_eq!(html_to_text(quill), "Mansioni principali:\n\n- Affettatrice\n- Gestione é scadenze");
        // A link keeps its address; a "less than" is text; scripts are not.
        assert_eq!(
            html_to_text(r#"<p>Vedi <a href="https://example.it/x">il sito</a>, a < b</p><script>alert(1)</script>"#),
            "Vedi il sito (https://example.it/x), a < b"
        );
        assert_eq!(html_to_text(r#"<a href="https://example.it">https://example.it</a>"#), "https://example.it");
        assert_eq!(html_to_text(r#"<a href="javascript:alert(1)">x</a>"#), "x");
        // Unclosed and stray tags are repaired as a browser would.
        assert_eq!(html_parts("<ul><li>uno<li>due</ul><p>fine").1, ["uno", "due"]);
    }

    #[test]
    fn markdown_keeps_lists_as_lists() {
        assert_eq!(markdown("Fatto:\n\n- **uno**\n- `due`\n\n1. tre\n2. quattro").0, "Fatto:\n\n- uno\n- due\n1. tre\n2. quattro");
        assert_eq!(markdown("*John Doe*, Sarah").0, "John Doe, Sarah");
        assert_eq!(markdown("C# e F#: 3 * 4 = 12").0, "C# e F#: 3 * 4 = 12");
    }

    #[test]
    fn markdown_and_urls() {
        assert_eq!(
            markdown("[FlashInfer](https://github.com/) is **fast**"),
            ("FlashInfer is fast".into(), Some("https://github.com/".into()))
        );
        assert_eq!(url("www.example.it").as_deref(), Some("https://www.example.it"));
        assert_eq!(url("mario@example.it"), None);
        assert_eq!(split_list("Python, C++; Rust | Go"), ["Python", "C++", "Rust", "Go"]);
    }
}
