//! The bodies of the fuzz targets, one function per target. `fuzz_targets/*.rs` hand
//! libFuzzer's input to them; `core/tests/fuzz_regressions.rs` runs the saved inputs in
//! `regressions/<target>/` through the same functions in every test run, so a crash
//! found once stays fixed.
//!
//! A target fails only by panicking (or by running out of time or memory): an `Err` is a
//! correct answer to bad input.

use sportello::interop::{ImportOptions, SourceFormat, import};
use sportello::load::{Format, load_document};

/// Every target, by name.
pub const TARGETS: &[&str] =
    &["profile", "import_jsonresume", "import_europass", "import_jobposting", "import_csv", "import_rendercv", "normalise", "render"];

/// Runs the target called `name`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "profile" => profile(data),
        "import_jsonresume" => import_as(SourceFormat::JsonResume, data),
        "import_europass" => import_as(SourceFormat::Europass, data),
        "import_jobposting" => import_as(SourceFormat::JobPosting, data),
        "import_csv" => import_as(SourceFormat::Csv, data),
        "import_rendercv" => import_as(SourceFormat::RenderCv, data),
        "normalise" => normalise(data),
        "render" => render(data),
        _ => panic!("no fuzz target {name}"),
    }
}

/// Profiles and vacancies as JSON and YAML: parsing, the limits, validation.
pub fn profile(data: &[u8]) {
    for format in [Format::Json, Format::Yaml] {
        let _ = load_document(data, format, "2026-11-23".parse().ok());
    }
}

/// One importer, told the format; then auto-detection on the same bytes. A profile that
/// imports must pass validation when read back.
pub fn import_as(format: SourceFormat, data: &[u8]) {
    for f in [Some(format), None] {
        if let Ok(imported) = import(data, f, &ImportOptions::default())
            && let sportello::interop::Imported::Profile(p) = imported.document
        {
            let json = serde_json::to_vec(&p).expect("a profile serialises");
            assert!(
                sportello::load::load_profile(&json, Format::Json, None).is_ok(),
                "an imported profile does not load back: {}",
                String::from_utf8_lossy(&json)
            );
        }
    }
}

/// The skill, occupation and place search behind normalisation.
pub fn normalise(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let t = sportello::taxonomy::Taxonomy::embedded();
    let opts = sportello::taxonomy::SearchOptions::default();
    let _ = t.search_skills(&text, &opts);
    let _ = t.search_occupations(&text, &opts);
    let _ = sportello::geo::Gazetteer::embedded().search(&text, 5);
}

/// Arbitrary text in the fields a CV prints, through a real Typst compilation. The
/// input is split on NUL bytes into name, headline, summary, a role and a skill, and the
/// first byte picks the template and language.
pub fn render(data: &[u8]) {
    use sportello::render::{OutputFormat, RenderRequest, Renderer};
    static RENDERER: std::sync::OnceLock<Renderer> = std::sync::OnceLock::new();
    let Some((&pick, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.split('\0');
    let mut next = || parts.next().unwrap_or("x").to_owned();
    let doc = serde_json::json!({
        "person": {"given_name": next(), "family_name": next()},
        "headline": next(), "summary": next(),
        "work": [{"role": next(), "employer": next(), "description": next()}],
        "skills": [{"label": next()}],
    });
    let Ok(loaded) = sportello::load::load_profile(&serde_json::to_vec(&doc).expect("json"), Format::Json, None) else { return };
    let template = ["europass", "modern", "plain"][usize::from(pick % 3)];
    let lang = if pick & 4 == 0 { "it" } else { "en" };
    let req = RenderRequest { format: OutputFormat::Text, ..RenderRequest::pdf(template, lang) };
    let renderer = RENDERER.get_or_init(Renderer::new);
    if let Err(e) = renderer.render(&loaded.value, &req) {
        // A valid profile always renders, unless it is too long for the page limit.
        assert!(e.to_string().contains("pages"), "a valid profile did not render: {e}");
    }
}
