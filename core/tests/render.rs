//! Golden and behaviour tests of CV rendering: every fixture profile in every template and
//! locale, privacy of hidden fields, literal printing of markup-like text, errors.

#![allow(clippy::unwrap_used)]
#![cfg(feature = "render")]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sportello::load::{Format, load_profile};
use sportello::model::{PartialDate, Profile, Section};
use sportello::render::{OutputFormat, PdfConformance, RenderRequest, Renderer};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

fn today() -> PartialDate {
    "2026-11-23".parse().unwrap()
}

fn profiles() -> Vec<(String, Profile)> {
    let mut out: Vec<(String, Profile)> = std::fs::read_dir(fixtures().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let format = Format::from_file_name(&p.to_string_lossy()).unwrap();
            let profile = load_profile(&bytes, format, None).unwrap_or_else(|e| panic!("{}: {e}", p.display())).value;
            (p.file_stem().unwrap().to_string_lossy().into_owned(), profile)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 6);
    out
}

fn request(template: &str, lang: &str, format: OutputFormat) -> RenderRequest {
    RenderRequest { format, today: Some(today()), ..RenderRequest::pdf(template, lang) }
}

fn text_of(p: &Profile, template: &str, lang: &str) -> (String, usize) {
    let out = renderer().render(p, &request(template, lang, OutputFormat::Text)).unwrap_or_else(|e| panic!("{template}/{lang}: {e}"));
    (String::from_utf8(out.files[0].clone()).unwrap(), out.pages)
}

/// Collapses whitespace, since lines may wrap anywhere.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_profile_renders_in_every_template_and_locale() {
    let templates: Vec<String> = renderer().templates().map(|t| t.name.clone()).collect();
    assert_eq!(templates, ["europass", "modern", "plain"]);
    for (name, p) in profiles() {
        for t in &templates {
            for lang in ["it", "en"] {
                let (text, pages) = text_of(&p, t, lang);
                let text = flat(&text);
                let ctx = format!("{name} / {t} / {lang}");
                assert!((1..=3).contains(&pages), "{ctx}: {pages} pages");
                assert!(text.contains(&flat(&p.person.given_name)) && text.contains(&flat(&p.person.family_name)), "{ctx}: name missing");
                for w in &p.work {
                    assert!(text.contains(&flat(&w.role)), "{ctx}: role {:?} missing", w.role);
                    if let Some(e) = &w.employer {
                        assert!(text.contains(&flat(e)), "{ctx}: employer {e:?} missing");
                    }
                }
                let section = if lang == "it" { "Istruzione e formazione" } else { "Education and training" };
                if !p.education.is_empty() {
                    assert!(text.to_lowercase().contains(&section.to_lowercase()), "{ctx}: no {section:?} heading");
                }
                // Dates appear in the locale's words.
                let dated = p.work.iter().find_map(|w| w.start.filter(|d| d.get_month().is_some()));
                if let Some(d) = dated {
                    let month = usize::from(d.get_month().unwrap() - 1);
                    let it = [
                        "gennaio",
                        "febbraio",
                        "marzo",
                        "aprile",
                        "maggio",
                        "giugno",
                        "luglio",
                        "agosto",
                        "settembre",
                        "ottobre",
                        "novembre",
                        "dicembre",
                    ];
                    let en = [
                        "January",
                        "February",
                        "March",
                        "April",
                        "May",
                        "June",
                        "July",
                        "August",
                        "September",
                        "October",
                        "November",
                        "December",
                    ];
                    let word = if lang == "it" { it[month] } else { en[month] };
                    assert!(text.contains(&format!("{word} {}", d.get_year())), "{ctx}: date {d} not as '{word} {}'", d.get_year());
                }
                assert_hidden_fields_absent(&p, &text, &ctx);
            }
        }
    }
}

/// Sensitive fields the profile does not allow to print never reach the output.
fn assert_hidden_fields_absent(p: &Profile, text: &str, ctx: &str) {
    if !p.privacy.print_date_of_birth
        && let Some(d) = p.sensitive.date_of_birth
    {
        assert!(!text.contains(&d.to_string()), "{ctx}: date of birth printed");
        assert!(!text.contains("Data di nascita") && !text.contains("Date of birth"), "{ctx}: date of birth label printed");
    }
    if !p.privacy.print_disability {
        if let Some(notes) = p.sensitive.disability.as_ref().and_then(|d| d.notes.as_ref()) {
            assert!(!text.contains(&flat(notes)), "{ctx}: disability notes printed");
        }
        if p.sensitive.disability.is_some() {
            for word in ["68/99", "Disabilità", "Disability"] {
                assert!(!text.contains(word), "{ctx}: {word:?} printed");
            }
        }
    }
    if !p.privacy.print_nationality {
        for n in &p.sensitive.nationality {
            assert!(!text.contains(&format!(": {n}")), "{ctx}: nationality {n} printed");
        }
    }
}

#[test]
fn sensitive_fields_print_only_when_allowed() {
    let (_, mut p) = profiles().into_iter().find(|(n, _)| n.starts_with("luca")).expect("luca fixture");
    let notes = p.sensitive.disability.as_ref().and_then(|d| d.notes.clone()).expect("luca has disability notes");
    p.sensitive.date_of_birth = Some("1987-04-12".parse().unwrap());
    for t in ["europass", "modern", "plain"] {
        let (text, _) = text_of(&p, t, "it");
        assert!(!flat(&text).contains(&flat(&notes)), "{t}: notes printed without permission");
        assert!(!text.contains("12 aprile 1987"), "{t}: date of birth printed without permission");
    }
    p.privacy.print_date_of_birth = true;
    p.privacy.print_disability = true;
    let (text, _) = text_of(&p, "europass", "it");
    assert!(text.contains("12 aprile 1987"), "{text}");
    assert!(flat(&text).contains(&flat(&notes)), "{text}");
}

#[test]
fn markup_in_fields_prints_literally() {
    let (_, mut p) = profiles().into_iter().next().unwrap();
    let nasty = r#"#sys.exit() ] $x$ // <tag> *bold* _it_ @ref \ #import "/etc/passwd" ```raw``` = Heading"#;
    p.headline = Some(nasty.into());
    p.person.given_name = "#let x = 1".into();
    p.summary = Some(format!("{nasty} end"));
    for t in ["europass", "modern", "plain"] {
        let (text, _) = text_of(&p, t, "it");
        let text = flat(&text);
        assert!(text.contains("#sys.exit() ] $x$ // <tag> *bold* _it_ @ref"), "{t}: {text}");
        assert!(text.contains("#let x = 1"), "{t}");
    }
}

#[test]
fn output_is_deterministic_and_pdf_is_tagged_with_title_and_language() {
    let (_, p) = profiles().into_iter().next().unwrap();
    let a = renderer().render(&p, &request("modern", "it", OutputFormat::Pdf)).unwrap();
    let b = Renderer::new().render(&p, &request("modern", "it", OutputFormat::Pdf)).unwrap();
    assert_eq!(a.files, b.files, "two renders differ");
    let pdf = &a.files[0];
    assert!(pdf.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(pdf);
    assert!(raw.contains("/StructTreeRoot"), "not tagged");
    assert!(raw.contains("/Lang"), "no language");
    assert!(raw.contains("/Title"), "no title");
}

#[test]
fn pdf_ua1_and_pdf_a2b_are_accepted_by_typst_for_every_template() {
    let (_, p) = profiles().into_iter().next().unwrap();
    for t in ["europass", "modern", "plain"] {
        for conformance in [PdfConformance::Ua1, PdfConformance::A2b] {
            let req = RenderRequest { pdf: conformance, ..request(t, "it", OutputFormat::Pdf) };
            renderer().render(&p, &req).unwrap_or_else(|e| panic!("{t} {conformance:?}: {e}"));
        }
    }
}

#[test]
fn svg_and_png_give_one_file_per_page() {
    let (_, p) = profiles().into_iter().next().unwrap();
    let svg = renderer().render(&p, &request("europass", "en", OutputFormat::Svg)).unwrap();
    assert_eq!(svg.files.len(), svg.pages);
    assert!(String::from_utf8_lossy(&svg.files[0]).contains("<svg"));
    let png = renderer().render(&p, &RenderRequest { dpi: 50.0, ..request("plain", "en", OutputFormat::Png) }).unwrap();
    assert_eq!(png.files.len(), png.pages);
    assert!(png.files[0].starts_with(&[0x89, b'P', b'N', b'G']));
}

/// The widget's preview pages: every glyph of every page drawn in place, none lost.
#[test]
fn preview_svg_draws_every_glyph_in_place() {
    use sportello::render::svg_preview::glyphs_in_place;
    // "M " starts a glyph drawn in place or a shape; outside the symbols, Typst's pages
    // place each glyph with one <use>.
    let moves_outside_symbols = |svg: &str| -> usize {
        let mut n = 0;
        let mut rest = svg;
        while let Some(i) = rest.find("<symbol ") {
            n += rest[..i].matches("M ").count();
            rest = rest[i..].split_once("</symbol>").map_or("", |(_, after)| after);
        }
        n + rest.matches("M ").count()
    };
    for (name, p) in profiles() {
        for t in ["europass", "modern", "plain"] {
            let out = renderer().render(&p, &request(t, "it", OutputFormat::Svg)).unwrap();
            for (i, page) in out.files.iter().enumerate() {
                let page = String::from_utf8(page.clone()).unwrap();
                let preview = glyphs_in_place(&page);
                let ctx = format!("{name}/{t} page {}", i + 1);
                roxmltree::Document::parse(&preview).unwrap_or_else(|e| panic!("{ctx}: {e}"));
                assert!(!preview.contains("<use ") && !preview.contains("<symbol "), "{ctx}: a glyph is still a <use>");
                let uses = page.matches("<use ").count();
                assert!(uses > 100, "{ctx}: {uses} glyphs");
                assert_eq!(preview.matches("M ").count(), moves_outside_symbols(&page) + uses, "{ctx}");
                assert!(preview.matches("<path ").count() < uses / 4, "{ctx}: glyphs are drawn in runs");
            }
        }
    }
}

/// SVG of page one for one profile per template and locale, compared with the committed
/// references in `tests/golden/`. Regenerate on purpose with `UPDATE_GOLDEN=1 cargo test`.
#[test]
fn svg_matches_golden_references() {
    let dir = fixtures().join("../golden");
    let (name, p) = profiles().into_iter().find(|(n, _)| n.starts_with("franco")).expect("franco fixture");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for t in ["europass", "modern", "plain"] {
        for lang in ["it", "en"] {
            let out = renderer().render(&p, &request(t, lang, OutputFormat::Svg)).unwrap();
            let path = dir.join(format!("{name}.{t}.{lang}.svg"));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &out.files[0]).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&out.files[0][..]) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "SVG output differs from {stale:?}; if the change is intended, run UPDATE_GOLDEN=1 cargo test -p sportello --test render"
    );
}

#[test]
fn unknown_template_and_locale_list_the_available_ones() {
    let (_, p) = profiles().into_iter().next().unwrap();
    let e = renderer().render(&p, &request("fancy", "it", OutputFormat::Text)).unwrap_err().to_string();
    assert_eq!(e, r#"no template is called "fancy" (available: europass, modern, plain)"#);
    let e = renderer().render(&p, &request("plain", "de", OutputFormat::Text)).unwrap_err().to_string();
    assert_eq!(e, r#"no locale is called "de" (available: it, en)"#);
}

#[test]
fn user_template_errors_name_file_and_line() {
    let mut r = Renderer::new();
    let files = [
        ("main.typ".to_owned(), "#let cv = json(\"/data.json\")\n= #cv.person.name\n#import \"part.typ\": x\n#x\n".to_owned()),
        ("part.typ".to_owned(), "#let x = [ok]\n#let y = (1 +\n".to_owned()),
    ]
    .into_iter()
    .collect();
    r.add_template("mine", "test", &files).unwrap();
    let (_, p) = profiles().into_iter().next().unwrap();
    let e = r.render(&p, &request("mine", "it", OutputFormat::Text)).unwrap_err().to_string();
    assert!(e.starts_with("template error: mine/part.typ:2:"), "{e}");
}

#[test]
fn photos_are_checked_and_embedded() {
    let (_, mut p) = profiles().into_iter().next().unwrap();
    p.privacy.print_photo = true;
    let broken = RenderRequest { photo: Some(b"not an image".to_vec()), ..request("modern", "it", OutputFormat::Pdf) };
    assert_eq!(renderer().render(&p, &broken).unwrap_err().to_string(), "the photo is not a JPEG or PNG image");
    // A 1x1 PNG.
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F,
        0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let with = renderer().render(&p, &RenderRequest { photo: Some(png.clone()), ..request("modern", "it", OutputFormat::Pdf) }).unwrap();
    let without = renderer().render(&p, &request("modern", "it", OutputFormat::Pdf)).unwrap();
    assert!(String::from_utf8_lossy(&with.files[0]).contains("/Image"), "photo not embedded");
    assert!(!String::from_utf8_lossy(&without.files[0]).contains("/Subtype /Image"));
    // Not allowed by privacy: not embedded even when given.
    p.privacy.print_photo = false;
    let hidden = renderer().render(&p, &RenderRequest { photo: Some(png), ..request("modern", "it", OutputFormat::Pdf) }).unwrap();
    assert_eq!(hidden.files, without.files);
}

#[test]
fn very_long_fields_wrap_without_failing() {
    let (_, mut p) = profiles().into_iter().next().unwrap();
    p.summary = Some("parola ".repeat(2500));
    p.headline = Some("x".repeat(400));
    for t in ["europass", "modern", "plain"] {
        let out = renderer().render(&p, &request(t, "it", OutputFormat::Pdf)).unwrap();
        assert!(out.pages >= 2, "{t}");
        assert!(out.warnings.iter().any(|w| w.contains("pages")) || out.pages <= 2, "{t}: {:?}", out.warnings);
    }
}

/// What the person is looking for prints only when asked for, in every template and
/// language: wanted occupations, contracts, hours, travel, availability.
#[test]
fn the_wanted_section_prints_when_the_person_asks_for_it() {
    let (_, p) = profiles().into_iter().find(|(n, _)| n.starts_with("franco")).expect("franco fixture");
    for t in ["europass", "modern", "plain"] {
        let plain = String::from_utf8(renderer().render(&p, &request(t, "it", OutputFormat::Text)).unwrap().files.concat()).unwrap();
        assert!(!plain.contains("Professione desiderata"), "{t}: printed without being asked for");
        let mut asked = request(t, "it", OutputFormat::Text);
        asked.overrides.sections = vec![Section::Summary, Section::Wanted, Section::Work];
        let text = String::from_utf8(renderer().render(&p, &asked).unwrap().files.concat()).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.to_lowercase().contains("professione desiderata e disponibilità"), "{t}: the heading is missing:\n{text}");
        for want in
            ["carrellista, magazziniere", "tempo indeterminato, tempo determinato", "tempo pieno", "Disponibile da", "novembre 2026"]
        {
            assert!(flat.contains(want), "{t}: {want:?} missing:\n{text}");
        }
        let mut en = request(t, "en", OutputFormat::Text);
        en.overrides.sections = vec![Section::Wanted];
        let text = String::from_utf8(renderer().render(&p, &en).unwrap().files.concat()).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        assert!(flat.contains("job wanted and availability") && flat.contains("permanent"), "{t}: {text}");
    }
}

#[test]
fn sections_of_the_persons_own_print_where_the_order_puts_them() {
    let (_, mut p) = profiles().into_iter().find(|(n, _)| n.starts_with("giulia")).expect("giulia fixture");
    // A title with Typst markup prints as it is.
    p.other_sections[1].title = "Interessi #sys.exit() *e* _passioni_".into();
    for t in ["europass", "modern", "plain"] {
        // Headings may be set in capitals: compare without case.
        let (text, _) = text_of(&p, t, "it");
        let text = flat(&text).to_lowercase();
        for want in [
            "Premi e riconoscimenti",
            "Borsa di studio \"Studenti meritevoli\"",
            "Comune di Trecate",
            "giugno 2025",
            "Per la media dell'8,5 in quarta superiore.",
            "Interessi #sys.exit() *e* _passioni_",
            "Pallavolo",
            "gialli",
            "fumetti",
        ] {
            assert!(text.contains(&want.to_lowercase()), "{t}: {want:?} missing:\n{text}");
        }
        // By default they come last; the person can put them first.
        let awards = text.find("premi e riconoscimenti").unwrap();
        assert!(text.find("volontaria al doposcuola").unwrap() < awards, "{t}: not after the standard sections");
        let mut first = request(t, "it", OutputFormat::Text);
        first.overrides.sections = vec![Section::OtherSections, Section::Education];
        let text = flat(&String::from_utf8(renderer().render(&p, &first).unwrap().files.concat()).unwrap());
        assert!(text.find("Pallavolo").unwrap() < text.find("Diploma di istruzione tecnica").unwrap(), "{t}: order not followed");
        assert!(!text.contains("Volontaria al doposcuola"), "{t}: a section not asked for printed");
        // Left out of the order, they do not print.
        let mut without = request(t, "it", OutputFormat::Text);
        without.overrides.sections = vec![Section::Education];
        let text = flat(&String::from_utf8(renderer().render(&p, &without).unwrap().files.concat()).unwrap());
        assert!(!text.contains("Pallavolo"), "{t}");
    }
}
