//! Posters, bulletins and a recruiting day's papers laid out by Typst: every field of a
//! poster in its text, the QR code read back from the rendered page, a bare vacancy and a
//! very long title still on one page, goldens of one poster and one bulletin page, a
//! bulletin chosen by date and distance with its plain text.
#![cfg(feature = "render")]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::json;
use sportello::geo::Gazetteer;
use sportello::lang::Lang;
use sportello::matching::prepare::Point;
use sportello::model::{PartialDate, Vacancy};
use sportello::outreach::{BulletinRequest, Document, GroupBy, Logo, Near, Sender, bulletin, poster};
use sportello::render::{OutputFormat, RenderRequest, Renderer};
use sportello::taxonomy::Taxonomy;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

fn vacancies() -> Vec<Vacancy> {
    std::fs::read_to_string(fixtures().join("vacancies.jsonl")).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn vacancy(id: &str) -> Vacancy {
    vacancies().into_iter().find(|v| v.id == id).unwrap()
}

fn today() -> PartialDate {
    "2026-12-03".parse().unwrap()
}

const LOGO: &str =
    r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#1f5f8b"/></svg>"##;

fn sender() -> Sender {
    Sender {
        name: "Sportello Lavoro di Trecate".into(),
        comune: Some("Trecate".into()),
        address: Some("Piazza Cavour 24, 28069 Trecate".into()),
        phone: Some("0321 776311".into()),
        email: Some("lavoro@comune.trecate.example.it".into()),
        web: Some("https://lavoro.trecate.example.it/offerte".into()),
        logo: Some(Logo::new(LOGO.as_bytes().to_vec()).unwrap()),
    }
}

fn render(doc: &Document, format: OutputFormat) -> sportello::render::Rendered {
    let req = RenderRequest { format, today: Some(today()), dpi: 150.0, ..RenderRequest::pdf("", "it") };
    renderer().render_outreach(doc, &req).unwrap_or_else(|e| panic!("{}: {e}", doc.template))
}

fn text(doc: &Document) -> String {
    String::from_utf8(render(doc, OutputFormat::Text).files.concat()).unwrap()
}

/// Whitespace folded, so that a line broken by the layout still reads as one.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every QR code found on a PNG page, decoded.
fn qr_codes(png: &[u8]) -> Vec<String> {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let grey = |x: usize, y: usize| -> u8 {
        let p = &buf[(y * w + x) * channels..][..channels];
        let alpha = if channels == 4 { u32::from(p[3]) } else { 255 };
        let lum = if channels >= 3 { (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3 } else { u32::from(p[0]) };
        u8::try_from((lum * alpha + 255 * (255 - alpha)) / 255).unwrap()
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, grey);
    img.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, content)| content)).collect()
}

#[test]
fn a_poster_prints_every_field_and_its_qr_code_reads_back_as_the_link() {
    let v = vacancy("nov-01");
    let s = sender();
    let doc = poster(&v, Some(&s), Lang::It);
    let pdf = render(&doc, OutputFormat::Pdf);
    assert_eq!(pdf.pages, 1, "a poster is one page");
    let t = flat(&text(&doc));
    assert!(t.to_lowercase().contains("cerchiamo"), "{t}");
    for field in [
        "Magazziniere carrellista",
        "Logistica Novarese Esempio S.r.l.",
        "Trecate (NO)",
        "somministrazione",
        "tempo pieno",
        "Posti",
        "15 gennaio 2027",
        "Patentino del muletto",
        "Italiano: A2",
        "Almeno 1 anno di esperienza",
        "Come candidarsi",
        "https://lavoro.example.it/offerte/nov-01",
        "0321 776311",
        "Piazza Cavour 24, 28069 Trecate",
        "Sportello Lavoro di Trecate",
        "Rif. nov-01",
    ] {
        assert!(t.contains(field), "{field:?} is missing from the poster:\n{t}");
    }
    assert!(t.matches("Rif. nov-01").count() >= 8, "eight tear-off strips carry the id:\n{t}");
    let png = render(&doc, OutputFormat::Png);
    assert_eq!(qr_codes(&png.files[0]), ["https://lavoro.example.it/offerte/nov-01"]);
    // English words, same facts.
    let en = flat(&text(&poster(&v, Some(&s), Lang::En)));
    assert!(en.contains("How to apply") && en.contains("agency work") && en.contains("15 January 2027"), "{en}");
}

#[test]
fn a_reserved_vacancy_says_so_in_the_words_of_the_law_and_names_nobody() {
    let v = vacancies().into_iter().find(|v| v.reserved_law_68_99).expect("a Law 68/99 fixture");
    let t = flat(&text(&poster(&v, None, Lang::It)));
    assert!(t.contains("collocamento mirato") && t.contains("legge 12 marzo 1999, n. 68"), "{t}");
}

#[test]
fn markup_in_a_vacancy_prints_as_it_is() {
    let v: Vacancy = serde_json::from_value(json!({
        "id": "x-#2", "title": "#set page(width: 1pt) #panic(\"x\")", "employer": "*Ditta* _srl_ $x$",
        "description": "<b>bold</b> #import \"/data.json\"", "apply": "https://e.it/#anchor"
    }))
    .unwrap();
    for doc in [poster(&v, Some(&sender()), Lang::It), bulletin_of(std::slice::from_ref(&v), None, None, GroupBy::Comune).document] {
        let t = flat(&text(&doc));
        for literal in ["#set page(width: 1pt) #panic(\"x\")", "*Ditta* _srl_ $x$", "x-#2"] {
            assert!(t.contains(literal), "{}: {literal:?} did not print as it is:\n{t}", doc.template);
        }
    }
}

#[test]
fn a_vacancy_with_only_a_title_still_makes_a_poster() {
    let v: Vacancy = serde_json::from_value(json!({"id": "x-1", "title": "Aiuto cuoco"})).unwrap();
    let doc = poster(&v, None, Lang::It);
    assert_eq!(render(&doc, OutputFormat::Pdf).pages, 1);
    let t = flat(&text(&doc));
    assert!(t.contains("Aiuto cuoco") && t.contains("Rif. x-1"), "{t}");
}

#[test]
fn a_long_title_wraps_on_one_page() {
    let title = "Addetto/a alle operazioni di carico, scarico, movimentazione e stoccaggio delle merci con carrello elevatore frontale e retrattile, \
                 preparazione degli ordini con terminale a radiofrequenza, inventari periodici e pulizia delle aree di lavoro del magazzino centrale";
    let v: Vacancy = serde_json::from_value(json!({
        "id": "long-1", "title": title,
        "apply": format!("https://lavoro.example.it/offerte/{}", "candidatura-".repeat(12)),
        "employer": "Cooperativa ".repeat(12),
    }))
    .unwrap();
    let doc = poster(&v, Some(&sender()), Lang::It);
    let pdf = render(&doc, OutputFormat::Pdf);
    assert_eq!(pdf.pages, 1, "the long title did not fit one page");
    let t = flat(&text(&doc));
    assert!(t.contains("magazzino centrale") && t.contains("Rif. long-1"), "the end of the title and the strips are on the page:\n{t}");
}

fn bulletin_of(vacancies: &[Vacancy], near: Option<Near>, since: Option<&str>, group_by: GroupBy) -> sportello::outreach::Bulletin {
    let s = sender();
    let req =
        BulletinRequest { since: since.map(|d| d.parse().unwrap()), near, group_by, today: today(), sender: Some(&s), lang: Lang::It };
    bulletin(vacancies, Taxonomy::embedded(), Gazetteer::embedded(), &req).unwrap()
}

#[test]
fn a_bulletin_chooses_by_date_and_distance_and_has_a_text_twin() {
    let all = vacancies();
    let open = all.iter().filter(|v| v.expires.is_none_or(|e| e.to_string().as_str() >= "2026-12-03")).count();
    let every = bulletin_of(&all, None, None, GroupBy::Comune);
    assert_eq!(every.count, open, "expired offers are left out");
    let trecate = Point { lat: 45.43399, lon: 8.7364 };
    let near = bulletin_of(&all, Some(Near { name: "Trecate".into(), point: trecate, km: 10.0 }), None, GroupBy::Comune);
    assert!(near.count > 0 && near.count < every.count, "{} near, {} in all", near.count, every.count);
    assert!(near.text.contains("[nov-01]") && !near.text.contains("[nov-03]"), "Borgomanero is 30 km away:\n{}", near.text);
    let recent = bulletin_of(&all, None, Some("2026-11-05"), GroupBy::Comune);
    assert!(recent.count < every.count);
    assert!(!recent.text.contains("[nov-01]"), "published on 3 November");
    let by_sector = bulletin_of(&all, None, None, GroupBy::Sector);
    assert_eq!(by_sector.count, every.count);
    assert_ne!(by_sector.text, every.text);
    // The PDF holds what the text holds.
    let t = flat(&text(&every.document));
    for v in all.iter().filter(|v| every.text.contains(&format!("[{}]", v.id))) {
        assert!(t.contains(&v.id), "{} is missing from the PDF", v.id);
    }
}

/// 200 offers (the fixtures, over and over, with new ids and publication days).
pub fn many(n: usize) -> Vec<Vacancy> {
    let base: Vec<Vacancy> = vacancies().into_iter().filter(|v| v.expires.is_none_or(|e| e.to_string().as_str() >= "2027")).collect();
    (0..n)
        .map(|i| {
            let mut v = base[i % base.len()].clone();
            v.id = format!("b-{i:03}");
            v.published = Some(format!("2026-11-{:02}", 1 + i % 28).parse().unwrap());
            v.apply = Some(format!("https://lavoro.example.it/offerte/b-{i:03}"));
            v
        })
        .collect()
}

#[test]
fn two_hundred_offers_make_a_bulletin_whose_codes_read_back() {
    let b = bulletin_of(&many(200), None, None, GroupBy::Comune);
    assert_eq!(b.count, 200);
    let pdf = render(&b.document, OutputFormat::Pdf);
    assert!(pdf.pages > 1 && pdf.pages <= 50, "{} pages", pdf.pages);
    let png = render(&b.document, OutputFormat::Png);
    let codes = qr_codes(&png.files[0]);
    assert!(!codes.is_empty() && codes.iter().all(|c| c.starts_with("https://lavoro.example.it/offerte/b-")), "{codes:?}");
}

#[test]
fn a_bulletin_holds_at_most_500_offers() {
    let s = sender();
    let req = BulletinRequest { since: None, near: None, group_by: GroupBy::Comune, today: today(), sender: Some(&s), lang: Lang::It };
    assert_eq!(bulletin(&many(500), Taxonomy::embedded(), Gazetteer::embedded(), &req).unwrap().count, 500);
    let e = bulletin(&many(501), Taxonomy::embedded(), Gazetteer::embedded(), &req).unwrap_err().to_string();
    assert!(e.contains("501 offers") && e.contains("at most 500"), "{e}");
}

/// The sample data of each template (`tests/fixtures/outreach/`, the templates' documented
/// shapes) lays out, with a QR code wherever the data points at one; a poster is one page.
#[test]
fn every_template_lays_out_its_sample_data() {
    for entry in std::fs::read_dir(fixtures().join("outreach")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let template =
            ["poster", "bulletin", "letter", "shortlist", "attendance"].into_iter().find(|t| stem.split('-').next() == Some(*t)).unwrap();
        let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut assets = Vec::new();
        let mut paths = vec![&data];
        while let Some(v) = paths.pop() {
            match v {
                serde_json::Value::String(s) if s.starts_with("/assets/") => {
                    assets.push((s.clone(), sportello::outreach::qr_svg("https://lavoro.example.it").unwrap()))
                }
                serde_json::Value::Array(a) => paths.extend(a),
                serde_json::Value::Object(o) => paths.extend(o.values()),
                _ => {}
            }
        }
        let doc = Document { template, data, assets };
        let out = render(&doc, OutputFormat::Pdf);
        assert!(out.pages >= 1, "{stem}");
        if template == "poster" {
            assert_eq!(out.pages, 1, "{stem}");
        }
    }
}

/// The text and the SVG of one poster and of a bulletin's first page, against the
/// references in `tests/golden/`. Regenerate on purpose with `UPDATE_GOLDEN=1`.
#[test]
fn poster_and_bulletin_match_their_goldens() {
    let dir = fixtures().join("../golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let s = sender();
    let b = bulletin_of(&vacancies(), None, None, GroupBy::Comune);
    let mut stale = Vec::new();
    for (name, doc) in [("poster-nov-01.it", poster(&vacancy("nov-01"), Some(&s), Lang::It)), ("bulletin.it", b.document)] {
        let svg = render(&doc, OutputFormat::Svg).files.remove(0);
        for (ext, bytes) in [("svg", svg), ("txt", text(&doc).into_bytes())] {
            let path = dir.join(format!("{name}.{ext}"));
            if update {
                std::fs::write(&path, &bytes).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(stale.is_empty(), "output differs from {stale:?}; if intended, run UPDATE_GOLDEN=1 cargo test -p sportello --test outreach");
}
