//! Outreach benchmark: prints the median time to lay out a vacancy's poster as a PDF with a
//! warm renderer (the target: under 50 ms), and a bulletin of 200 offers with their
//! QR codes, chosen, worded and laid out as a PDF (target: under 1 s).
//!
//! `cargo run -p sportello --example bench_outreach` (dev profile: dependencies are
//! optimised); `scripts/bench.sh outreach` runs it.

use std::path::Path;
use std::time::{Duration, Instant};

use sportello::geo::Gazetteer;
use sportello::lang::Lang;
use sportello::model::Vacancy;
use sportello::outreach::{BulletinRequest, GroupBy, Sender, bulletin, poster};
use sportello::render::{RenderRequest, Renderer};
use sportello::taxonomy::Taxonomy;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/vacancies.jsonl")).expect("fixtures");
    let vacancies: Vec<Vacancy> = text.lines().map(|l| serde_json::from_str(l).expect("a vacancy")).collect();
    let today = "2026-11-23".parse().expect("a date");
    let req = RenderRequest { today: Some(today), ..RenderRequest::pdf("", "it") };
    let sender = Sender {
        name: "Sportello Lavoro di Trecate".into(),
        comune: Some("Trecate".into()),
        address: Some("Piazza Cavour 24, 28069 Trecate".into()),
        phone: Some("0321 776311".into()),
        web: Some("https://lavoro.trecate.example.it".into()),
        ..Sender::default()
    };
    let taxonomy = Taxonomy::embedded();
    let gazetteer = Gazetteer::embedded();

    let started = Instant::now();
    let renderer = Renderer::new();
    renderer.render_outreach(&poster(&vacancies[0], Some(&sender), Lang::It), &req).expect("poster");
    println!("first poster in this process (fonts and templates loaded): {}", ms(started.elapsed()));
    let mut runs = Vec::new();
    for round in 0..5 {
        for v in &vacancies {
            let s = Instant::now();
            let doc = poster(v, Some(&sender), if round % 2 == 0 { Lang::It } else { Lang::En });
            renderer.render_outreach(&doc, &req).expect("poster");
            runs.push(s.elapsed());
        }
    }
    println!(
        "poster to PDF, warm: median {} over {} renders of the 12 fixture vacancies (target < 50 ms)",
        ms(median(runs.clone())),
        runs.len()
    );
    // Where the time goes: wording the poster (with its QR code), laying it out (as
    // text, no PDF), and the rest is writing the PDF.
    let text_req = RenderRequest { format: sportello::render::OutputFormat::Text, ..req.clone() };
    let (mut wording, mut layout) = (Vec::new(), Vec::new());
    for round in 0..5 {
        for v in &vacancies {
            let s = Instant::now();
            let doc = poster(v, Some(&sender), if round % 2 == 0 { Lang::En } else { Lang::It });
            wording.push(s.elapsed());
            let s = Instant::now();
            renderer.render_outreach(&doc, &text_req).expect("poster");
            layout.push(s.elapsed());
        }
    }
    println!("of which wording with the QR code: median {}; laying out the page: median {}", ms(median(wording)), ms(median(layout)));

    let many: Vec<Vacancy> = (0..200)
        .map(|i| {
            let mut v = vacancies[i % vacancies.len()].clone();
            v.id = format!("b-{i:03}");
            v.expires = None;
            v.apply = Some(format!("https://lavoro.example.it/offerte/b-{i:03}"));
            v
        })
        .collect();
    let mut chosen = Vec::new();
    let mut whole = Vec::new();
    let mut pages = 0;
    for _ in 0..7 {
        let s = Instant::now();
        let b = bulletin(
            &many,
            taxonomy,
            gazetteer,
            &BulletinRequest { since: None, near: None, group_by: GroupBy::Comune, today, sender: Some(&sender), lang: Lang::It },
        )
        .expect("bulletin");
        chosen.push(s.elapsed());
        let out = renderer.render_outreach(&b.document, &req).expect("bulletin");
        whole.push(s.elapsed());
        pages = out.pages;
    }
    println!(
        "bulletin of 200 offers with 200 QR codes to PDF ({pages} pages): median {} (of which choosing, wording and QR codes {}) over 7 runs (target < 1 s)",
        ms(median(whole)),
        ms(median(chosen))
    );
}
