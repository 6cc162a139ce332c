//! Import and export against real files: the fixtures in `tests/fixtures/interop/` (always)
//! and every file of the third-party corpus in `../shared/data/cases/` (when present).
//! Each file must import or be refused with a clear reason; imported profiles must
//! validate without errors and render; round trips keep the fields the models share.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sportello::interop::{ExportFormat, Import, ImportOptions, Imported, SourceFormat, export_profile, export_vacancies, import};
use sportello::model::{Profile, Vacancy};
use sportello::validate::{validate_profile, validate_vacancy};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/interop")
}

fn cases() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/cases");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: {} is absent; the third-party corpus is skipped", dir.display());
        None
    }
}

#[cfg(feature = "render")]
fn renderer() -> &'static sportello::render::Renderer {
    static R: OnceLock<sportello::render::Renderer> = OnceLock::new();
    R.get_or_init(sportello::render::Renderer::new)
}

/// Every profile must validate without errors and (with the render feature) render.
fn check_profile(name: &str, p: &Profile) {
    let report = validate_profile(p, None);
    assert!(!report.has_errors(), "{name}: the imported profile has errors: {report}");
    #[cfg(feature = "render")]
    {
        let out = renderer().render(p, &sportello::render::RenderRequest::pdf("plain", "it"));
        let rendered = out.unwrap_or_else(|e| panic!("{name}: the imported profile does not render: {e}"));
        assert!(rendered.pages > 0, "{name}: no pages");
    }
    let _ = OnceLock::<()>::new();
}

/// Vacancies may lack essential skills (no foreign format marks them); nothing else.
fn check_vacancies(name: &str, vs: &[Vacancy]) {
    assert!(!vs.is_empty(), "{name}: no vacancies");
    for v in vs {
        let report = validate_vacancy(v, None);
        let other: Vec<String> = report.errors().filter(|p| p.path != "essential_skills").map(ToString::to_string).collect();
        assert!(other.is_empty(), "{name}: vacancy {} has errors: {other:?}", v.id);
    }
}

fn import_file(path: &Path) -> sportello::Result<Import> {
    let bytes = std::fs::read(path).unwrap();
    import(&bytes, None, &ImportOptions::default())
}

fn describe(done: &Import) -> String {
    let what = match &done.document {
        Imported::Profile(p) => format!("profile of {} {}", p.person.given_name, p.person.family_name),
        Imported::Vacancies(v) => format!("{} vacancies", v.len()),
    };
    format!("{} ({}): {what}, {} unmapped, {} notes", done.format, done.version, done.report.unmapped.len(), done.report.notes.len())
}

/// Files of the corpus that must be refused, with a word the reason must contain.
const REFUSED: &[(&str, &str)] = &[
    ("google-magsrus-dirty-script-snippet.html", "not valid JSON"),
    ("it-raw-teamdigitale-devops.md", "Markdown"),
    ("it-raw-teamdigitale-sviluppatori-software.md", "Markdown"),
    ("jsonresume-job-goldset-labels.json", "the fields"),
];

fn check_all(dir: &Path) -> (usize, usize) {
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if sub.is_dir() {
            files.extend(std::fs::read_dir(&sub).unwrap().map(|e| e.unwrap().path()));
        } else if sub.extension().is_some_and(|e| e != "md" || !sub.ends_with("PROVENANCE.md")) && !sub.ends_with("README.md") {
            files.push(sub);
        }
    }
    files.retain(|f| !f.ends_with("PROVENANCE.md") && !f.ends_with("README.md"));
    files.sort();
    let (mut imported, mut refused) = (0, 0);
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let expected_refusal = REFUSED.iter().find(|(n, _)| *n == name).map(|(_, why)| *why);
        match (import_file(f), expected_refusal) {
            (Ok(done), None) => {
                println!("imported {name}: {}", describe(&done));
                for (pattern, n, u) in done.report.grouped() {
                    println!("    unmapped {pattern} x{n}: {} ({})", u.value, u.reason);
                }
                match &done.document {
                    Imported::Profile(p) => check_profile(&name, p),
                    Imported::Vacancies(v) => check_vacancies(&name, v),
                }
                imported += 1;
            }
            (Err(e), Some(why)) => {
                let msg = e.to_string();
                println!("refused {name}: {msg}");
                assert!(msg.contains(why), "{name}: refused, but the reason does not say {why:?}: {msg}");
                assert!(e.hint().is_some(), "{name}: refused without a hint");
                refused += 1;
            }
            (Ok(done), Some(_)) => panic!("{name} should be refused but imported: {}", describe(&done)),
            (Err(e), None) => panic!("{name} was refused: {e}"),
        }
    }
    (imported, refused)
}

#[test]
fn every_corpus_file_imports_or_is_refused_clearly() {
    let Some(dir) = cases() else { return };
    let (imported, refused) = check_all(&dir);
    println!("corpus: {imported} imported, {refused} refused");
    assert!(imported >= 28, "only {imported} corpus files imported");
    assert_eq!(refused, REFUSED.len());
}

#[test]
fn fixtures_import_and_attacks_are_refused() {
    let dir = fixtures();
    let mut seen = 0;
    for name in [
        "it-phoinixi-react-sample.json",
        "v3.0-cv-whitespace-padded-values.xml",
        "v2.8-ats-corpus-minimal.yaml",
        "jsonresume-job-techcorp-extra-fields.json",
        "europass-candidate-own.xml",
        "jobposting-own-graph.jsonld",
        "vacancies-own.csv",
        "jsonresume-schema-1.3.1-sample.resume.json",
        "jsonresume-schema-1.3.1-sample.job.json",
    ] {
        let done = import_file(&dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        println!("{name}: {}", describe(&done));
        match &done.document {
            Imported::Profile(p) => check_profile(name, p),
            Imported::Vacancies(v) => check_vacancies(name, v),
        }
        seen += 1;
    }
    assert_eq!(seen, 9);
    for name in ["billion-laughs.xml", "external-entity.xml"] {
        let err = import_file(&dir.join(name)).unwrap_err();
        assert_eq!(err.kind(), "import", "{name}");
        let msg = err.to_string();
        assert!(msg.contains("line 2, column 1") && msg.contains("document type declaration"), "{name}: {msg}");
    }
}

fn profile_of(done: Import) -> Profile {
    match done.document {
        Imported::Profile(p) => *p,
        Imported::Vacancies(_) => panic!("expected a profile"),
    }
}

#[test]
fn whitespace_padded_europass_values_are_trimmed() {
    let p = profile_of(import_file(&fixtures().join("v3.0-cv-whitespace-padded-values.xml")).unwrap());
    assert!(!p.person.given_name.contains(char::is_whitespace), "{:?}", p.person.given_name);
    for w in &p.work {
        assert_eq!(w.role.trim(), w.role);
    }
    assert!(!p.work.is_empty());
}

#[test]
fn candidate_fixture_maps_every_part() {
    let done = import_file(&fixtures().join("europass-candidate-own.xml")).unwrap();
    let paths: Vec<String> = done.report.unmapped.iter().map(|u| u.path.clone()).collect();
    let p = profile_of(done);
    assert_eq!(p.person.phone.as_deref(), Some("+39 333 000 0012"));
    assert_eq!(p.person.address.as_deref(), Some("Via Esempio 4, 28066 Galliate, it"));
    assert_eq!(p.work[0].highlights, ["Affettatrice", "Gestione scadenze"]);
    assert_eq!(p.work[0].end, None);
    assert_eq!(p.education[0].eqf_level.map(|l| l.get()), Some(4));
    assert_eq!(p.languages.mother_tongues, ["it"]);
    assert_eq!(p.languages.other[0].language, "en");
    assert_eq!(p.driving_licences.len(), 1);
    assert_eq!(p.sensitive.date_of_birth.unwrap().to_string(), "1994-05-02");
    // The editor's own sections: one `Others` an entry, the title repeated, Quill lists.
    use sportello::model::SectionKind;
    let own: Vec<&String> =
        paths.iter().filter(|p| ["HobbiesAndInterests", "Others", "Conference"].iter().any(|s| p.contains(s))).collect();
    assert_eq!(own, ["CandidateProfile.ConferencesAndSeminars.ConferenceAndSeminar.Link[1]"], "only the second link is left out");
    let titles: Vec<(&str, Option<SectionKind>, usize)> =
        p.other_sections.iter().map(|s| (s.title.as_str(), s.kind, s.entries.len())).collect();
    assert_eq!(
        titles,
        [
            ("Premi e borse di studio", Some(SectionKind::Awards), 2),
            ("Conferenze e seminari", Some(SectionKind::Conferences), 1),
            ("Interessi", Some(SectionKind::Interests), 1)
        ]
    );
    let award = &p.other_sections[0].entries[0];
    assert_eq!(
        (award.date.unwrap().to_string().as_str(), award.items.as_slice()),
        ("2013", ["Miglior tesina".to_owned(), "Media del 9".to_owned()].as_slice())
    );
    let talk = &p.other_sections[1].entries[0];
    assert_eq!(talk.place.as_deref(), Some("Camera di commercio (Novara, Italia)"));
    assert_eq!(talk.text.as_deref(), Some("Ho presentato il piano HACCP del banco."));
    assert_eq!(talk.link.as_deref(), Some("https://example.it/giornata"));

    assert!(paths.iter().any(|p| p.contains("IndustryCode")), "{paths:?}");
}

/// JSON Resume -> profile -> JSON Resume keeps every field the two models share.
#[test]
fn json_resume_round_trip_keeps_shared_fields() {
    let text = std::fs::read_to_string(fixtures().join("it-phoinixi-react-sample.json")).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let p = profile_of(import(text.as_bytes(), Some(SourceFormat::JsonResume), &ImportOptions::default()).unwrap());
    let out = export_profile(&p, ExportFormat::JsonResume).unwrap();
    let back: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let o = &original;
    for key in ["name", "label", "email", "phone", "summary", "url"] {
        assert_eq!(back["basics"][key], o["basics"][key], "basics.{key}");
    }
    assert_eq!(back["basics"]["location"]["city"], o["basics"]["location"]["city"]);
    let profiles = |v: &serde_json::Value| {
        v["basics"]["profiles"].as_array().unwrap().iter().map(|x| (x["network"].clone(), x["url"].clone())).collect::<Vec<_>>()
    };
    assert_eq!(profiles(&back), profiles(o));
    for section in ["work", "volunteer"] {
        let org = if section == "work" { "name" } else { "organization" };
        let (a, b) = (o[section].as_array().unwrap(), back[section].as_array().unwrap());
        assert_eq!(a.len(), b.len(), "{section}");
        for (x, y) in a.iter().zip(b) {
            for key in [org, "position", "startDate", "endDate", "summary", "highlights"] {
                assert_eq!(x[key], y[key], "{section}.{key}");
            }
        }
    }
    let (a, b) = (o["education"].as_array().unwrap(), back["education"].as_array().unwrap());
    for (x, y) in a.iter().zip(b) {
        for key in ["institution", "area", "studyType", "startDate", "endDate", "score", "courses"] {
            assert_eq!(x[key], y[key], "education.{key}");
        }
    }
    for (section, keys) in
        [("certificates", &["name", "issuer", "date"][..]), ("projects", &["name", "description", "startDate", "endDate", "url"][..])]
    {
        let (a, b) = (o[section].as_array().unwrap(), back[section].as_array().unwrap());
        assert_eq!(a.len(), b.len(), "{section}");
        for (x, y) in a.iter().zip(b) {
            for key in keys {
                assert_eq!(x[key], y[key], "{section}.{key}");
            }
        }
    }
    // Skills: every name and keyword comes back as a skill, at the group's level.
    let names: Vec<&str> = back["skills"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    for s in o["skills"].as_array().unwrap() {
        assert!(names.contains(&s["name"].as_str().unwrap()));
        for k in s["keywords"].as_array().unwrap() {
            assert!(names.contains(&k.as_str().unwrap()), "{k}");
        }
    }
    let level_of = |name: &str| back["skills"].as_array().unwrap().iter().find(|s| s["name"] == name).map(|s| s["level"].clone());
    assert_eq!(level_of("Frontend"), Some(serde_json::json!("Avanzato")));
    // Languages: same languages at the same levels (the words are normalised).
    let again = profile_of(import(out.text.as_bytes(), None, &ImportOptions::default()).unwrap());
    assert_eq!(again.languages, p.languages);
    assert_eq!(again.person, p.person);
    assert_eq!(again.work, p.work);
    assert_eq!(again.education, p.education);
    assert_eq!(again.skills, p.skills);
    // Awards, publications, interests and references: sections of the person's own, and
    // back in their places with every field.
    assert_eq!(again.other_sections, p.other_sections);
    assert_eq!(
        p.other_sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["Premi e riconoscimenti", "Pubblicazioni", "Interessi", "Referenze"]
    );
    for section in ["awards", "publications", "interests", "references"] {
        assert_eq!(back[section], o[section], "{section}");
    }
    let first = import(text.as_bytes(), None, &ImportOptions::default()).unwrap();
    assert!(
        !first.report.unmapped.iter().any(|u| ["awards", "publications", "interests", "references"].iter().any(|s| u.path.starts_with(s)))
    );
}

/// Vacancy -> JobPosting -> vacancy, and CSV -> vacancies -> JobPosting -> vacancies.
#[test]
fn job_posting_round_trip() {
    let done = import_file(&fixtures().join("vacancies-own.csv")).unwrap();
    let Imported::Vacancies(vs) = done.document else { panic!() };
    assert_eq!(vs.len(), 3);
    assert!(done.report.unmapped.iter().any(|u| u.path == "line 4, column 9 (Scadenza)"), "{:?}", done.report.unmapped);
    let ld = export_vacancies(&vs);
    let back = import(ld.text.as_bytes(), None, &ImportOptions::default()).unwrap();
    let Imported::Vacancies(again) = back.document else { panic!() };
    assert_eq!(again.len(), vs.len());
    for (a, b) in vs.iter().zip(&again) {
        assert_eq!(
            (&a.id, &a.title, &a.employer, &a.place, a.contract, a.hours, a.expires),
            (&b.id, &b.title, &b.employer, &b.place, b.contract, b.hours, b.expires)
        );
        let labels = |v: &Vacancy| v.essential_skills.iter().chain(&v.optional_skills).map(|c| c.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(a), labels(b));
    }
}

#[test]
fn csv_column_mapping_overrides_defaults() {
    let csv = "Rif.;Figura ricercata;Dove;Cosa serve\n12;Barista;Arona;caffetteria|cassa\n";
    let columns: HashMap<String, String> =
        [("Rif.", "id"), ("Figura ricercata", "title"), ("Dove", "place"), ("Cosa serve", "essential_skills")]
            .into_iter()
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
    let done = import(csv.as_bytes(), Some(SourceFormat::Csv), &ImportOptions { csv_columns: columns }).unwrap();
    let Imported::Vacancies(vs) = done.document else { panic!() };
    assert_eq!((vs[0].id.as_str(), vs[0].title.as_str(), vs[0].essential_skills.len()), ("12", "Barista", 2));
}

#[test]
fn bad_encodings_and_huge_files_are_named() {
    let mut latin1 = b"titolo;azienda\nAddetta cassa;Caff".to_vec();
    latin1.push(0xe8);
    let err = import(&latin1, None, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column 19: the text is not valid UTF-8 (expected a UTF-8 file)");
    let mut big = b"{\"basics\": {\"name\": \"A B\", \"summary\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', sportello::limits::MAX_DOCUMENT_BYTES));
    big.extend(b"\"}}");
    let err = import(&big, None, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), "too_large");
    assert!(err.to_string().contains("the CV is"), "{err}");
}

/// Sections of the person's own go out to JSON Resume and the Europass Candidate and come
/// back; what a format has no place for is reported, never dropped silently.
#[test]
fn sections_of_the_persons_own_round_trip_through_every_exporter() {
    use sportello::model::{OtherSection, SectionEntry, SectionKind};
    let text = std::fs::read_to_string(fixtures().join("../profiles/giulia-tirocinio.yaml")).unwrap();
    let mut p: Profile = serde_norway::from_str(&text).unwrap();
    p.other_sections.push(OtherSection {
        title: "Conferenze e seminari".into(),
        kind: Some(SectionKind::Conferences),
        entries: vec![SectionEntry {
            title: Some("Giornata dell'orientamento".into()),
            date: "2025-03-12".parse().ok(),
            end: "2025-03-13".parse().ok(),
            place: Some("Novara".into()),
            link: Some("https://example.it/orientamento".into()),
            text: Some("Ho presentato il progetto di classe.".into()),
            ..SectionEntry::default()
        }],
    });
    p.other_sections.push(OtherSection {
        title: "Sport di squadra".into(),
        kind: None,
        entries: vec![SectionEntry {
            title: Some("Torneo provinciale".into()),
            items: vec!["secondo posto".into()],
            ..SectionEntry::default()
        }],
    });

    // Europass Candidate: every section and field but who gave it (reported).
    let out = export_profile(&p, ExportFormat::Europass).unwrap();
    // As the editor writes them: one `Others` block an entry (its importer keeps one a block).
    assert_eq!(out.text.matches("<Others>").count(), 4, "{}", out.text);
    let back = profile_of(import(out.text.as_bytes(), None, &ImportOptions::default()).unwrap());
    let mut expected = p.other_sections.clone();
    for e in expected.iter_mut().flat_map(|s| s.entries.iter_mut()) {
        e.by = None;
    }
    // The Candidate keeps conferences in a list of their own, read after the others.
    let conferences = expected.remove(2);
    expected.push(conferences);
    assert_eq!(back.other_sections, expected);
    assert!(out.report.unmapped.iter().any(|u| u.path == "other_sections[0].entries[0].by"), "{:?}", out.report.unmapped);

    // JSON Resume: awards and interests back in place; conferences and the untyped section,
    // and an interest's text, have no place there: reported.
    let out = export_profile(&p, ExportFormat::JsonResume).unwrap();
    let back = profile_of(import(out.text.as_bytes(), None, &ImportOptions::default()).unwrap());
    assert_eq!(back.other_sections.len(), 2);
    assert_eq!(back.other_sections[0], p.other_sections[0]);
    assert_eq!(back.other_sections[1].title, "Interessi");
    assert_eq!(back.other_sections[1].entries[1], p.other_sections[1].entries[1]);
    let unmapped: Vec<&str> = out.report.unmapped.iter().map(|u| u.path.as_str()).collect();
    for path in ["other_sections[1].entries[0].text", "other_sections[2]", "other_sections[3]"] {
        assert!(unmapped.contains(&path), "{path} not reported: {unmapped:?}");
    }
    let text = out.report.unmapped.iter().find(|u| u.path == "other_sections[1].entries[0].text").unwrap();
    assert!(text.value.contains("Gioco nella squadra"), "the report shows the value: {text:?}");
}
