//! Every limit of `sportello::limits` (docs/limits.md), tested at the limit (accepted) and
//! one step beyond it (refused, with an error that names the limit and the field).

#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};
use sportello::Error;
use sportello::interop::{ImportOptions, SourceFormat, import};
use sportello::limits::*;
use sportello::load::{Format, load_profile};
use sportello::taxonomy::{SearchOptions, Taxonomy};

fn base() -> Value {
    json!({"person": {"given_name": "Maria", "family_name": "Rossi"}})
}

fn load(v: &Value) -> sportello::Result<()> {
    load_profile(&serde_json::to_vec(v).unwrap(), Format::Json, None).map(|_| ())
}

/// The problems of an invalid document as `path: message` lines.
fn problems(r: sportello::Result<()>) -> Vec<String> {
    match r {
        Err(Error::Invalid(report)) => report.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

#[test]
fn document_size() {
    let mut text = serde_json::to_string(&base()).unwrap();
    text.push_str(&" ".repeat(MAX_DOCUMENT_BYTES - text.len()));
    assert!(load_profile(text.as_bytes(), Format::Json, None).is_ok());
    text.push(' ');
    let e = load_profile(text.as_bytes(), Format::Json, None).unwrap_err();
    assert!(matches!(e, Error::TooLarge { limit: MAX_DOCUMENT_BYTES, .. }), "{e}");
    assert!(e.to_string().contains("limit of 5242880 bytes"), "{e}");
}

#[test]
fn nesting_depth() {
    let nested = |levels: usize| {
        let mut v = json!({});
        for _ in 1..levels {
            v = json!({ "a": v });
        }
        let mut doc = base();
        doc["extra"] = v;
        doc
    };
    // At the limit: only the warning about an unknown field.
    assert!(load(&nested(MAX_DEPTH)).is_ok());
    let p = problems(load(&nested(MAX_DEPTH + 1)));
    assert!(p.iter().any(|p| p.contains("nested more than 64 levels")), "{p:?}");
}

#[test]
fn list_items() {
    let skills = |n: usize| {
        let mut doc = base();
        doc["skills"] = (0..n).map(|i| json!({"label": format!("skill {i}")})).collect();
        doc
    };
    assert!(load(&skills(MAX_LIST_ITEMS)).is_ok());
    assert_eq!(problems(load(&skills(MAX_LIST_ITEMS + 1))), ["skills: has 501 items (expected at most 500)"]);
}

#[test]
fn short_and_long_texts_count_characters_not_bytes() {
    let with = |field: &str, n: usize| {
        let mut doc = base();
        // "à" is two bytes: the limit is on characters.
        let text = "à".repeat(n);
        match field {
            "given_name" => doc["person"]["given_name"] = text.into(),
            _ => doc[field] = text.into(),
        }
        doc
    };
    assert!(load(&with("given_name", MAX_SHORT_TEXT_CHARS)).is_ok());
    assert_eq!(
        problems(load(&with("given_name", MAX_SHORT_TEXT_CHARS + 1))),
        ["person.given_name: is 501 characters long (expected at most 500)"]
    );
    assert!(load(&with("summary", MAX_LONG_TEXT_CHARS)).is_ok());
    assert_eq!(problems(load(&with("summary", MAX_LONG_TEXT_CHARS + 1))), ["summary: is 20001 characters long (expected at most 20000)"]);
}

#[test]
fn problems_listed() {
    let bad = |n: usize| {
        let mut doc = base();
        doc["skills"] = (0..n).map(|i| json!({"label": format!("skill {i}"), "level": "wizard"})).collect();
        doc
    };
    assert_eq!(problems(load(&bad(MAX_PROBLEMS))).len(), MAX_PROBLEMS);
    let p = problems(load(&bad(MAX_PROBLEMS + 5)));
    assert_eq!(p.len(), MAX_PROBLEMS + 1);
    assert_eq!(p[MAX_PROBLEMS], ": more problems are not listed (only the first 200): fix these and check again");
}

fn csv(rows: usize, pad: usize) -> Vec<u8> {
    let mut s = String::from("id,titolo,competenze\n");
    for i in 0..rows {
        s.push_str(&format!("v{i},Magazziniere,carrello elevatore\n"));
    }
    // Blank lines pad the file to a given size without adding rows.
    s.push_str(&"\n".repeat(pad));
    s.into_bytes()
}

fn import_csv(bytes: &[u8]) -> sportello::Result<usize> {
    let imported = import(bytes, Some(SourceFormat::Csv), &ImportOptions::default())?;
    match imported.document {
        sportello::interop::Imported::Vacancies(v) => Ok(v.len()),
        _ => panic!("not vacancies"),
    }
}

#[test]
fn import_size_and_rows() {
    assert_eq!(import_csv(&csv(MAX_IMPORT_ROWS, 0)).unwrap(), MAX_IMPORT_ROWS);
    let e = import_csv(&csv(MAX_IMPORT_ROWS + 1, 0)).unwrap_err();
    assert!(e.to_string().contains("more than 20000 rows"), "{e}");
    let small = csv(3, 0);
    let at = csv(3, MAX_IMPORT_BYTES - small.len());
    assert_eq!(at.len(), MAX_IMPORT_BYTES);
    assert_eq!(import_csv(&at).unwrap(), 3);
    let e = import_csv(&csv(3, MAX_IMPORT_BYTES - small.len() + 1)).unwrap_err();
    assert!(matches!(e, Error::TooLarge { limit: MAX_IMPORT_BYTES, .. }), "{e}");
}

#[test]
fn cv_import_size() {
    let resume = serde_json::to_string(&json!({"basics": {"name": "Ada Lovelace"}})).unwrap();
    let at = format!("{resume}{}", " ".repeat(MAX_DOCUMENT_BYTES - resume.len()));
    assert!(import(at.as_bytes(), Some(SourceFormat::JsonResume), &ImportOptions::default()).is_ok());
    let e = import(format!("{at} ").as_bytes(), Some(SourceFormat::JsonResume), &ImportOptions::default()).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e}");
}

#[test]
fn search_text_length() {
    let t = Taxonomy::embedded();
    let at = format!("muletto {}", "a".repeat(MAX_QUERY_CHARS - 8));
    assert_eq!(at.chars().count(), MAX_QUERY_CHARS);
    assert!(t.search_skills(&at, &SearchOptions::default()).is_ok());
    let e = t.search_skills(&format!("{at}à"), &SearchOptions::default()).unwrap_err();
    assert!(matches!(e, Error::QueryTooLong { chars: 201, limit: MAX_QUERY_CHARS }), "{e}");
    // Places: a name near the limit is still searched (a typo of a real comune with
    // padding finds nothing, quickly); beyond it nothing is searched at all.
    let g = sportello::geo::Gazetteer::embedded();
    assert_eq!(g.search("Trecat", 1)[0].comune.istat, "003149");
    assert!(g.search(&"Trecate ".repeat(25), 1).is_empty());
    let e = g.find(&"Trecate ".repeat(26)).unwrap_err();
    assert!(matches!(e, Error::UnknownPlace { ref suggestions, .. } if suggestions.is_empty()), "{e}");
}

#[cfg(feature = "render")]
mod render {
    use super::*;
    use sportello::render::{OutputFormat, RenderRequest, Renderer};

    /// A valid greyscale PNG of `width` x 1 pixels, padded with an ancillary chunk to
    /// `size` bytes if given.
    fn png(width: u32, size: Option<usize>) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            out.extend(kind);
            out.extend(data);
            out.extend(crc.sum().to_be_bytes());
        }
        let mut ihdr = Vec::new();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(1u32.to_be_bytes());
        ihdr.extend([8, 0, 0, 0, 0]);
        let mut raw = vec![0u8; width as usize + 1];
        raw[0] = 0; // filter: none
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, &raw).unwrap();
        let idat = z.finish().unwrap();
        let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &idat);
        if let Some(size) = size {
            // What is left after this chunk's 12 bytes of framing and IEND's 12 bytes.
            let pad = size - out.len() - 24;
            chunk(&mut out, b"tEXt", &[b'x'; 1].repeat(pad));
        }
        chunk(&mut out, b"IEND", &[]);
        if let Some(size) = size {
            assert_eq!(out.len(), size);
        }
        out
    }

    fn render_with(photo: Vec<u8>) -> sportello::Result<usize> {
        let mut p = load_profile(serde_json::to_vec(&base()).unwrap().as_slice(), Format::Json, None).unwrap().value;
        p.privacy.print_photo = true;
        let req = RenderRequest { photo: Some(photo), format: OutputFormat::Text, ..RenderRequest::pdf("modern", "it") };
        Renderer::new().render(&p, &req).map(|r| r.pages)
    }

    #[test]
    fn photo_size_and_dimensions() {
        assert!(render_with(png(MAX_PHOTO_PIXELS, None)).is_ok());
        let e = render_with(png(MAX_PHOTO_PIXELS + 1, None)).unwrap_err();
        assert_eq!(e.to_string(), "the photo is 6001x1 pixels (expected at most 6000 per side)");
        assert!(render_with(png(10, Some(MAX_PHOTO_BYTES))).is_ok());
        let e = render_with(png(10, Some(MAX_PHOTO_BYTES + 1))).unwrap_err();
        assert!(matches!(e, Error::TooLarge { limit: MAX_PHOTO_BYTES, .. }), "{e}");
    }

    #[test]
    fn pages() {
        let renderer = Renderer::new();
        // A CV of `n` work entries (each a good part of a page), or the error.
        let render = |n: usize| {
            let mut doc = base();
            doc["work"] =
                (0..n).map(|i| json!({"role": format!("Ruolo {i}"), "description": "Parole di riempimento. ".repeat(40)})).collect();
            let p = load_profile(&serde_json::to_vec(&doc).unwrap(), Format::Json, None).unwrap().value;
            renderer.render(&p, &RenderRequest { format: OutputFormat::Text, ..RenderRequest::pdf("plain", "it") })
        };
        // The most entries that still render: one entry is less than a page, so that CV
        // has exactly the limit of pages, and one entry more goes past it.
        let (mut fits, mut too_long) = (1, MAX_LIST_ITEMS);
        let e = render(too_long).unwrap_err();
        assert!(e.to_string().contains("(expected at most 20)"), "{e}");
        while too_long - fits > 1 {
            let mid = (fits + too_long) / 2;
            if render(mid).is_ok() { fits = mid } else { too_long = mid }
        }
        let at = render(fits).unwrap();
        assert_eq!(at.pages, MAX_PAGES);
        // More than two pages render with a warning.
        assert!(at.warnings.iter().any(|w| w.contains("pages")), "{:?}", at.warnings);
        let e = render(too_long).unwrap_err();
        assert_eq!(e.to_string(), "the CV has 21 pages (expected at most 20)");
    }
}
