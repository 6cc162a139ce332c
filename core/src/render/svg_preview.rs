//! SVG pages for a preview shown inside a web page: Typst's SVG with each glyph drawn in
//! place.
//!
//! Typst writes each glyph's outline once, as a `<symbol>`, and places it with a `<use>`.
//! That keeps a file small, but a browser builds a hidden copy of the symbol for every
//! `<use>`: a CV page holds some 2,000 of them, and Chromium took longer to show such a
//! page (about 70 ms as an image) than Typst took to render it. [`glyphs_in_place`] turns
//! each run of glyphs of one plain colour into a single `<path>`, whose outlines are
//! translated to their places (Typst writes glyph outlines from `M 0 0` with relative
//! commands only, so moving one is rewriting its first command). The page is about three
//! times larger and shows about four times sooner.
//!
//! Anything else is kept as Typst wrote it: glyphs drawn as images, glyphs with a stroke or a
//! gradient (whose geometry depends on the `<use>`), and their symbols. Links become plain
//! groups, so a preview placed in a page has nothing to click.

use std::collections::{HashMap, HashSet};

/// The preview form of one SVG page written by Typst (see the module's documentation).
/// Text that does not look like Typst's output comes back unchanged where it differs.
pub fn glyphs_in_place(svg: &str) -> String {
    let outlines = glyph_outlines(svg);
    let tags: Vec<(usize, &str, Option<Glyph>)> = tags(svg).map(|(at, tag)| (at, tag, placed_glyph(tag, &outlines))).collect();
    // The symbols that a `<use>` kept as it is still needs.
    let needed: HashSet<&str> = tags
        .iter()
        .filter(|(_, tag, glyph)| glyph.is_none() && tag.starts_with("<use "))
        .filter_map(|(_, tag, _)| attr(tag, "xlink:href")?.strip_prefix('#'))
        .collect();
    let mut out = String::with_capacity(svg.len() * 4);
    let mut open: Option<Paint> = None; // the paint of the glyph path being written
    let mut copied = 0; // svg[..copied] is written or replaced
    let mut skip_to = 0; // the end of a symbol left out
    for &(at, tag, ref glyph) in &tags {
        if at < skip_to {
            continue;
        }
        let between = &svg[copied..at];
        copied = at + tag.len();
        if let Some(g) = glyph {
            // Consecutive glyphs painted alike are drawn as one path.
            if open != Some(g.paint) || !between.is_empty() {
                if open.is_some() {
                    out.push_str("\"/>");
                }
                out.push_str(between);
                g.paint.open_path(&mut out);
                open = Some(g.paint);
            }
            for part in ["M ", g.x, " ", g.y, g.outline] {
                out.push_str(part);
            }
            continue;
        }
        if open.take().is_some() {
            out.push_str("\"/>");
        }
        out.push_str(between);
        if tag.starts_with("<symbol ")
            && let Some(id) = attr(tag, "id")
            && outlines.contains_key(id)
            && !needed.contains(id)
        {
            skip_to = svg[at..].find("</symbol>").map_or(svg.len(), |e| at + e + "</symbol>".len());
            copied = skip_to;
            continue;
        }
        out.push_str(&unlinked(tag));
    }
    if open.is_some() {
        out.push_str("\"/>");
    }
    out.push_str(&svg[copied.min(svg.len())..]);
    out
}

/// The tags of an SVG text (`<...>`, a `>` inside quotes included), with where each starts.
fn tags(svg: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + svg[from..].find('<')?;
        let mut quoted = false;
        let len = svg[start..].bytes().position(|b| {
            quoted ^= b == b'"';
            b == b'>' && !quoted
        })? + 1;
        from = start + len;
        Some((start, &svg[start..start + len]))
    })
}

/// The outlines of the glyph symbols (`<symbol id overflow="visible"><path d="M 0 0..."/>
/// </symbol>`), by id, without their leading `M 0 0`.
fn glyph_outlines(svg: &str) -> HashMap<&str, &str> {
    let mut outlines = HashMap::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<symbol ") {
        rest = &rest[i..];
        let Some(end) = rest.find("</symbol>") else { break };
        let symbol = &rest[..end];
        rest = &rest[end..];
        let Some(head_end) = symbol.find('>') else { continue };
        let (head, body) = (&symbol[..=head_end], &symbol[head_end + 1..]);
        let (Some(id), Some(d)) = (attr(head, "id"), body.strip_prefix("<path d=\"").and_then(|b| b.strip_suffix("\"/>"))) else {
            continue;
        };
        if attr(head, "overflow") == Some("visible")
            && let Some(moves) = d.strip_prefix("M 0 0")
            && !moves.contains(['M', 'L', 'C', 'Q', 'H', 'V', 'S', 'T', 'A', '"'])
        {
            outlines.insert(id, moves);
        }
    }
    outlines
}

/// A `<use>` of an outline glyph with a plain fill: where it goes and how it is painted.
struct Glyph<'a> {
    x: &'a str,
    y: &'a str,
    outline: &'a str,
    paint: Paint<'a>,
}

#[derive(PartialEq, Clone, Copy)]
struct Paint<'a> {
    fill: &'a str,
    fill_rule: Option<&'a str>,
}

fn placed_glyph<'a>(tag: &'a str, outlines: &HashMap<&str, &'a str>) -> Option<Glyph<'a>> {
    let inner = tag.strip_prefix("<use ")?.strip_suffix("/>")?;
    let (mut href, mut x, mut y, mut fill, mut fill_rule) = (None, None, None, None, None);
    let plain = each_attr(inner, |name, value| {
        let slot = match name {
            "xlink:href" => &mut href,
            "x" => &mut x,
            "y" => &mut y,
            "fill" => &mut fill,
            "fill-rule" => &mut fill_rule,
            _ => return false, // a stroke, a transform...: keep the <use>
        };
        *slot = Some(value);
        true
    });
    if !plain {
        return None;
    }
    let fill = fill.unwrap_or("#000000");
    if fill.starts_with("url(") {
        return None;
    }
    let outline = outlines.get(href?.strip_prefix('#')?)?;
    Some(Glyph { x: x.unwrap_or("0"), y: y.unwrap_or("0"), outline, paint: Paint { fill, fill_rule } })
}

impl Paint<'_> {
    /// Opens a `<path>` painted so, up to its `d` attribute's value.
    fn open_path(&self, out: &mut String) {
        out.push_str("<path fill=\"");
        out.push_str(self.fill);
        if let Some(rule) = self.fill_rule {
            out.push_str("\" fill-rule=\"");
            out.push_str(rule);
        }
        out.push_str("\" d=\"");
    }
}

/// A link's opening tag as a plain group (its transform kept); other tags unchanged.
fn unlinked(tag: &str) -> std::borrow::Cow<'_, str> {
    if tag == "</a>" {
        return "</g>".into();
    }
    if tag.starts_with("<a ") || tag == "<a>" {
        return match attr(tag, "transform") {
            Some(t) => format!("<g transform=\"{t}\">").into(),
            None => "<g>".into(),
        };
    }
    tag.into()
}

/// The value of attribute `name` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let inner = inner.split_once(' ').map_or("", |(_, a)| a);
    let mut found = None;
    each_attr(inner, |n, v| {
        if n == name {
            found = Some(v);
        }
        found.is_none()
    });
    found
}

/// Calls `f` with each attribute `name="value"` of a tag's inside (after its name) until it
/// returns false; false if it did, or if the tag has any other shape.
fn each_attr<'a>(inner: &'a str, mut f: impl FnMut(&'a str, &'a str) -> bool) -> bool {
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once("=\"") else { return false };
        let Some((value, after)) = after.split_once('"') else { return false };
        if !f(name.trim(), value) {
            return false;
        }
        rest = after.trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYMBOLS: &str = r##"<defs><symbol id="gA" overflow="visible"><path d="M 0 0m 1 2l 3 0Z "/></symbol><symbol id="gB" overflow="visible"><path d="M 0 0m 0 1c 1 1 2 2 3 3Z "/></symbol><symbol id="gI" overflow="visible"><image width="5" height="5" xlink:href="data:image/png;base64,AAAA"/></symbol></defs>"##;

    fn page(body: &str) -> String {
        format!(
            r#"<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{body}{SYMBOLS}</svg>"#
        )
    }

    #[test]
    fn a_run_of_glyphs_becomes_one_path_and_the_symbols_go() {
        let svg = page(
            r##"<g transform="matrix(1 0 0 -1 5 6)"><use xlink:href="#gA" x="0" y="0" fill="#1f5f7a" fill-rule="nonzero"/><use xlink:href="#gB" x="7.5" y="-1" fill="#1f5f7a" fill-rule="nonzero"/><use xlink:href="#gA" x="9" y="0" fill="#000000" fill-rule="nonzero"/></g>"##,
        );
        let out = glyphs_in_place(&svg);
        assert!(out.contains(r##"<g transform="matrix(1 0 0 -1 5 6)"><path fill="#1f5f7a" fill-rule="nonzero" d="M 0 0m 1 2l 3 0Z M 7.5 -1m 0 1c 1 1 2 2 3 3Z "/><path fill="#000000" fill-rule="nonzero" d="M 9 0m 1 2l 3 0Z "/></g>"##), "{out}");
        assert!(!out.contains("<use") && !out.contains(r#"id="gA""#) && !out.contains(r#"id="gB""#), "{out}");
        roxmltree::Document::parse(&out).expect("well-formed");
    }

    #[test]
    fn image_glyphs_stroked_glyphs_and_gradients_stay_uses_with_their_symbols() {
        let svg = page(
            r##"<g><use xlink:href="#gI" transform="matrix(1 0 0 1 0 0)"/><use xlink:href="#gB" x="1" y="0" fill="none" stroke="#000000" stroke-width="1"/><use xlink:href="#gB" x="2" y="0" fill="url(#gr1)"/><use xlink:href="#gA" x="3" y="0" fill="#000000"/></g>"##,
        );
        let out = glyphs_in_place(&svg);
        assert_eq!(out.matches("<use ").count(), 3, "{out}");
        assert!(out.contains(r##"<path fill="#000000" d="M 3 0m 1 2l 3 0Z "/>"##), "{out}");
        assert!(out.contains(r#"<symbol id="gI""#) && out.contains(r#"<symbol id="gB""#), "{out}");
        roxmltree::Document::parse(&out).expect("well-formed");
    }

    #[test]
    fn a_symbol_written_before_a_use_that_keeps_it_is_kept() {
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{SYMBOLS}<g><use xlink:href="#gA" x="1" y="0" fill="#000000"/><use xlink:href="#gA" x="2" y="0" fill="#000000" stroke="#ff0000"/></g></svg>"##
        );
        let out = glyphs_in_place(&svg);
        let doc = roxmltree::Document::parse(&out).expect("well-formed");
        let ids: Vec<_> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
        assert!(ids.contains(&"gA"), "{out}");
        assert_eq!(out.matches("<use ").count(), 1);
    }

    #[test]
    fn links_become_groups() {
        let svg = page(
            r#"<a transform="translate(1 2)" href="javascript:alert(1)" xlink:href="javascript:alert(1)"><rect width="5" height="1" fill="transparent" stroke="none"/></a>"#,
        );
        let out = glyphs_in_place(&svg);
        assert!(
            out.contains(r#"<g transform="translate(1 2)"><rect width="5" height="1" fill="transparent" stroke="none"/></g>"#),
            "{out}"
        );
        assert!(!out.contains("href=\"javascript"), "{out}");
    }

    #[test]
    fn a_quoted_angle_bracket_stays_inside_its_tag() {
        let svg = page(r#"<a transform="translate(1 2)" href="https://example.it/?a>b"><rect width="5" height="1"/></a>"#);
        let out = glyphs_in_place(&svg);
        assert!(out.contains(r#"<g transform="translate(1 2)"><rect width="5" height="1"/></g>"#), "{out}");
        roxmltree::Document::parse(&out).expect("well-formed");
    }

    #[test]
    fn text_that_is_not_typst_svg_passes_through() {
        for s in ["", "plain", "<svg><g>unclosed", "<svg/>", "<a"] {
            let out = glyphs_in_place(s);
            assert_eq!(out, s);
        }
    }
}
