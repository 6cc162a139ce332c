//! `sportello demo`: the main job on the shipped sample data, with nothing to set up. It
//! validates a sample profile, renders its CV to PDF, indexes the sample vacancies of the
//! Novara area in an on-disk index, shows the best matches with their reasons, and fills a
//! desk database with a fictitious year of the Trecate convention. Output goes to a local
//! folder (`sportello-demo/` by default).

use std::path::PathBuf;
use std::process::ExitCode;

use sportello::desk::demo::{self, DemoPlan};
use sportello::desk::{Desk, Filter, PathState, Reader};
use sportello::load::{Format, load_profile, load_vacancy};
use sportello::matching::explain::explain;
use sportello::matching::index::VacancyIndex;
use sportello::render::{RenderRequest, Renderer};

use crate::output::{CmdResult, Failure, today};

/// The sample profile shipped with the tests.
const SAMPLE_PROFILE: &str = include_str!("../../../tests/fixtures/profiles/franco-magazziniere-58.yaml");
/// The sample vacancies, one JSON object per line.
const SAMPLE_VACANCIES: &str = include_str!("../../../tests/fixtures/vacancies.jsonl");

/// Arguments of `demo`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder for the CV and the index (replaced if it exists).
    #[arg(long, default_value = "sportello-demo")]
    out: PathBuf,
    /// Language: it or en.
    #[arg(long, default_value = "it")]
    lang: String,
}

/// Runs the demo.
pub fn run(args: Args) -> CmdResult {
    let today = today()?;
    let lang = crate::output::lang(&args.lang)?;
    let core = |e: sportello::Error| Failure::core(None, &e);
    let profile = load_profile(SAMPLE_PROFILE.as_bytes(), Format::Yaml, Some(today)).map_err(core)?.value;
    println!(
        "1. Profile: {} {} — {}",
        profile.person.given_name,
        profile.person.family_name,
        profile.headline.as_deref().unwrap_or_default()
    );
    println!("   {} jobs, {} skills, validated with no errors", profile.work.len(), profile.skills.len());

    if args.out.exists() {
        std::fs::remove_dir_all(&args.out).map_err(|e| Failure::io("replace", &args.out, e))?;
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Failure::io("create", &args.out, e))?;
    let started = std::time::Instant::now();
    let cv = Renderer::new()
        .render(&profile, &RenderRequest { today: Some(today), ..RenderRequest::pdf("europass", &args.lang) })
        .map_err(core)?;
    let pdf = args.out.join("cv.pdf");
    std::fs::write(&pdf, &cv.files[0]).map_err(|e| Failure::io("write", &pdf, e))?;
    println!("2. CV: {} ({} pages, europass template, {} ms)", pdf.display(), cv.pages, started.elapsed().as_millis());

    let matcher = crate::taxonomy_store::matcher(today)?;
    let index_dir = args.out.join("index");
    let index = VacancyIndex::create(&index_dir).map_err(core)?;
    let mut writer = index.writer().map_err(core)?;
    let mut count = 0;
    for (i, line) in SAMPLE_VACANCIES.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v = load_vacancy(line.as_bytes(), Format::Json, Some(today))
            .map_err(|e| Failure::other(format!("sample vacancy line {}: {e}", i + 1), None, 1))?
            .value;
        writer.upsert(&v, &matcher.prepare_vacancy(&v)).map_err(core)?;
        count += 1;
    }
    writer.commit().map_err(core)?;
    writer.close().map_err(core)?;
    println!("3. Index: {count} vacancies from the Novara area in {}", index_dir.display());

    let started = std::time::Instant::now();
    let prepared = matcher.prepare_profile("franco", &profile);
    let results = matcher.vacancies_for(&index, &prepared, 3, false).map_err(core)?;
    println!("4. Best matches ({} ms):", started.elapsed().as_millis());
    for r in &results {
        for line in explain(r, lang).lines() {
            println!("   {line}");
        }
    }

    let started = std::time::Instant::now();
    let db = args.out.join("desk.db");
    let plan = DemoPlan::trecate();
    let desk_err = |e: sportello::desk::DeskError| Failure::other(format!("{}: {}", db.display(), e.message(lang)), None, 3);
    let mut desk = Desk::open(&db).map_err(desk_err)?.with_today(plan.to);
    let summary = demo::generate(&mut desk, &plan, 1).map_err(desk_err)?;
    println!("5. Desk: {} ({} ms)", db.display(), started.elapsed().as_millis());
    for line in sportello::desk::text::demo_summary(&summary, &plan, lang).lines() {
        println!("   {line}");
    }
    let recent = Filter { desk: Some("trecate".into()), state: Some(PathState::Started), limit: 5, ..Filter::default() };
    let page = desk.caseload(&Reader::new("demo"), &recent).map_err(desk_err)?;
    for line in sportello::desk::text::caseload_table(&page.rows, page.total, lang).lines() {
        println!("   {line}");
    }
    println!(
        "\nNext: `sportello match tests/fixtures/profiles/franco-magazziniere-58.yaml --index {} --all --explain`",
        index_dir.display()
    );
    println!("      `sportello desk --db {} people show {}`", db.display(), page.rows.first().map_or(1, |r| r.person_id));
    Ok(ExitCode::SUCCESS)
}
