//! Builds `core/data/esco-en.pack`, the taxonomy embedded in the library, from the official
//! ESCO v1.1.1 English CSV download and the Italian ISCO-08 group labels.
//!
//! ```text
//! cargo run -p sportello --no-default-features --example build_esco_pack -- ../shared/data core/data/esco-en.pack
//! ```
//!
//! The first argument is the folder that holds `esco_v1.1.1_en/` and
//! `esco_isco_groups_it.csv` (see `../shared/data/README.md`); the second the pack to write.
//! The output is deterministic: the same input gives the same bytes.

use std::error::Error;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use sportello::taxonomy::{ConceptKind, LabelKind, LabelSource, NewLabel, Taxonomy};

fn dir_source(dir: &Path) -> impl Fn(&str) -> io::Result<Option<Box<dyn io::Read>>> + '_ {
    move |name| match File::open(dir.join(name)) {
        Ok(f) => Ok(Some(Box::new(io::BufReader::new(f)))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let data = args.next().ok_or("usage: build_esco_pack DATA_DIR OUT.pack")?;
    let out = args.next().ok_or("usage: build_esco_pack DATA_DIR OUT.pack")?;

    let esco_dir = data.join("esco_v1.1.1_en");
    let (mut taxonomy, report) = Taxonomy::import_esco_csv(&dir_source(&esco_dir), "en")?;
    for f in &report.files {
        println!("{:>40}  {:>7} records  {:>3} skipped", f.name, f.records, f.skipped);
    }

    // Italian ISCO-08 group labels: conceptUri,code,preferredLabel_it,preferredLabel_en.
    let mut reader = csv::Reader::from_path(data.join("esco_isco_groups_it.csv"))?;
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| r.map(|r| (r.get(0).unwrap_or("").to_owned(), r.get(2).unwrap_or("").to_owned())))
        .collect::<Result<_, _>>()?;
    let added = taxonomy.add_labels(rows.iter().map(|(uri, label)| NewLabel {
        uri,
        lang: "it",
        kind: LabelKind::Preferred,
        source: LabelSource::Esco,
        text: label,
    }))?;
    println!("{added} Italian ISCO group labels");

    taxonomy.set_source(
        "ESCO v1.1.1 (en, official CSV download), reduced: labels, codes and relations only; Italian ISCO-08 group labels (ESCO v1.1)",
    );
    let pack = taxonomy.to_pack();
    std::fs::write(&out, &pack)?;
    println!(
        "{} skills, {} occupations, {} ISCO groups, {} skill groups, {} labels -> {} ({} bytes)",
        taxonomy.count(ConceptKind::Skill),
        taxonomy.count(ConceptKind::Occupation),
        taxonomy.count(ConceptKind::IscoGroup),
        taxonomy.count(ConceptKind::SkillGroup),
        taxonomy.label_count(),
        out.display(),
        pack.len()
    );
    Ok(())
}
