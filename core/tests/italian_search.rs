//! Sportello's Italian evaluation (see `eval/mod.rs`): skill phrases and job titles as
//! people write them find an acceptable ESCO concept, and junk finds nothing. Run with
//! `-- --nocapture` to see the figures; `scripts/test.sh` does.

mod eval;

use sportello::taxonomy::{ConceptKind, SearchOptions, Taxonomy};

fn report(name: &str, s: &eval::Score) {
    println!(
        "{name:<22} {:>4} phrases, {:>3} occupations: top-1 {:.1}%, top-3 {:.1}%, nothing found {}",
        s.n,
        s.occupations,
        100.0 * s.top1_share(),
        100.0 * s.top3_share(),
        s.empty
    );
    for m in s.misses.iter().take(40) {
        println!("    {m}");
    }
}

#[test]
fn italian_skill_phrases_find_an_acceptable_skill() {
    let cases = eval::read_cases("skills-it.tsv");
    assert!(cases.len() >= 400, "the set has {} phrases", cases.len());
    let s = eval::score(Taxonomy::embedded(), ConceptKind::Skill, &cases, &SearchOptions::default());
    report("skills (it)", &s);
    assert!(s.occupations >= 60, "phrases from {} occupations", s.occupations);
    assert!(s.top1_share() >= 0.90, "top-1 {:.3} < 0.90", s.top1_share());
    assert!(s.top3_share() >= 0.97, "top-3 {:.3} < 0.97", s.top3_share());
}

#[test]
fn italian_job_titles_find_an_acceptable_occupation() {
    let cases = eval::read_cases("occupations-it.tsv");
    assert!(cases.len() >= 100, "the set has {} phrases", cases.len());
    let s = eval::score(Taxonomy::embedded(), ConceptKind::Occupation, &cases, &SearchOptions::default());
    report("occupations (it)", &s);
    assert!(s.top1_share() >= 0.90, "top-1 {:.3} < 0.90", s.top1_share());
    assert!(s.top3_share() >= 0.97, "top-3 {:.3} < 0.97", s.top3_share());
}

#[test]
fn junk_finds_nothing_by_default() {
    let phrases = eval::read_junk();
    assert!(phrases.len() >= 150, "the junk set has {} phrases", phrases.len());
    let (n, found) = eval::junk(Taxonomy::embedded(), &phrases, &SearchOptions::default());
    let share = 1.0 - found.len() as f64 / n as f64;
    println!("junk                   {n:>4} phrases: {:.1}% find nothing", 100.0 * share);
    for f in &found {
        println!("    {f}");
    }
    assert!(share >= 0.95, "{:.3} of the junk set finds nothing (target 0.95)", share);
}
