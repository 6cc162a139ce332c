//! Rendering benchmark: prints, for each template, the first render in this process
//! (fonts, library and template loading included), the median warm render of a 2-page CV
//! after an edit, and the throughput over 200 different CVs.
//!
//! `cargo run -p sportello --example bench_render` (dev profile: dependencies are
//! optimised, see the workspace Cargo.toml). `scripts/bench.sh` also times the whole
//! `sportello render` process.

use std::path::Path;
use std::time::{Duration, Instant};

use sportello::load::{Format, load_profile};
use sportello::model::Profile;
use sportello::render::{OutputFormat, RenderRequest, Renderer};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/profiles");
    let mut profiles: Vec<Profile> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let f = Format::from_file_name(&p.to_string_lossy())?;
            load_profile(&std::fs::read(&p).ok()?, f, None).ok().map(|l| l.value)
        })
        .collect();
    profiles.sort_by(|a, b| a.person.family_name.cmp(&b.person.family_name));
    let today = "2026-11-23".parse().ok();

    let started = Instant::now();
    let renderer = Renderer::new();
    let first = renderer.render(&profiles[0], &RenderRequest { today, ..RenderRequest::pdf("europass", "it") }).expect("render");
    println!("first render in a fresh process (renderer + europass PDF): {} ({} pages)", ms(started.elapsed()), first.pages);

    for template in ["europass", "modern", "plain"] {
        let req = RenderRequest { today, ..RenderRequest::pdf(template, "it") };
        // The largest profile, to get a 2-page CV.
        let (big, pages) = profiles
            .iter()
            .map(|p| (p, renderer.render(p, &req).expect("render").pages))
            .max_by_key(|(_, pages)| *pages)
            .expect("profiles");
        let mut warm = Vec::new();
        for i in 0..30 {
            let mut edited = big.clone();
            edited.summary = Some(format!("{} (modifica {i})", edited.summary.clone().unwrap_or_default()));
            let t = Instant::now();
            renderer.render(&edited, &req).expect("render");
            warm.push(t.elapsed());
        }
        let variants: Vec<Profile> = (0..200)
            .map(|i| {
                let mut p = profiles[i % profiles.len()].clone();
                p.person.given_name = format!("{} {i}", p.person.given_name);
                p.headline = Some(format!("Profilo numero {i}"));
                p
            })
            .collect();
        let t = Instant::now();
        for p in &variants {
            renderer.render(p, &req).expect("render");
        }
        let total = t.elapsed();
        let t = Instant::now();
        for p in &variants {
            renderer.render(p, &RenderRequest { format: OutputFormat::Text, ..req.clone() }).expect("render");
        }
        let layout_only = t.elapsed();
        let t = Instant::now();
        assert!(renderer.render_many(&variants, &req).iter().all(Result::is_ok));
        let parallel = t.elapsed();
        let svg = {
            let t = Instant::now();
            renderer.render(big, &RenderRequest { format: OutputFormat::Svg, ..req.clone() }).expect("render");
            t.elapsed()
        };
        println!(
            "{template:<9} warm {pages}-page PDF after an edit: median {} | 200 different CVs: {:.2} s = {:.0} CVs/s one at a time, {:.0} CVs/s with render_many on all cores (layout only {:.0}/s) | SVG of the same CV: {}",
            ms(median(warm)),
            total.as_secs_f64(),
            200.0 / total.as_secs_f64(),
            200.0 / parallel.as_secs_f64(),
            200.0 / layout_only.as_secs_f64(),
            ms(svg)
        );
    }
}
