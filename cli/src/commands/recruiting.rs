//! `sportello recruiting-day`: the papers of a recruiting day (per employer the shortlist
//! with the CVs, the invitations, the attendance sheet) in one folder. The people are
//! those who consented to appear on recruiting-day lists: from the desk database's
//! consents, or, without one, the profiles named with `--consented`.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello::desk::{Desk, Reader};
use sportello::model::PartialDate;
use sportello::outreach::recruiting::{Candidate, DEFAULT_MIN_SCORE, DEFAULT_PER_VACANCY, Event, plan};
use sportello::render::Renderer;

use super::outreach::{From, desk_sender, one_vacancy};
use crate::output::{CmdResult, EXIT_INVALID, Failure, today};

/// Arguments of `recruiting-day`.
#[derive(clap::Args)]
pub struct Args {
    /// The vacancies of the day, by id in the index.
    #[arg(long, num_args = 1.., required = true)]
    vacancies: Vec<String>,
    /// The vacancy index folder.
    #[arg(long)]
    index: PathBuf,
    /// The day (YYYY-MM-DD).
    #[arg(long)]
    on: String,
    /// The time it starts (HH:MM).
    #[arg(long)]
    at: Option<String>,
    /// Where, one line ("Sala consiliare, Piazza Cavour 24, Trecate").
    #[arg(long)]
    place: String,
    /// What to bring, separated by ";" (default: an identity document, copies of the CV,
    /// the letter).
    #[arg(long, value_delimiter = ';')]
    bring: Vec<String>,
    /// The most people listed per vacancy.
    #[arg(long, default_value_t = DEFAULT_PER_VACANCY)]
    per_vacancy: usize,
    /// The lowest score listed, 0 to 1.
    #[arg(long, default_value_t = DEFAULT_MIN_SCORE)]
    min_score: f64,
    /// The folder of the profiles (JSON or YAML), in place of the desk database's people
    /// (--db then gives only the desk's name and contacts).
    #[arg(long)]
    profiles: Option<PathBuf>,
    /// With --profiles: the files of the people who consented, comma-separated.
    #[arg(long, value_delimiter = ',')]
    consented: Vec<String>,
    /// Who is acting (the audit of the desk database records it).
    #[arg(long = "as", env = "SPORTELLO_OPERATOR")]
    actor: Option<String>,
    /// The folder to write the papers into (created if missing).
    #[arg(short, long)]
    out: PathBuf,
    #[command(flatten)]
    from: From,
}

/// Writes a recruiting day's papers.
pub fn run(a: Args) -> CmdResult {
    let lang = crate::output::lang(&a.from.lang)?;
    let today = today()?;
    let on = a.on.parse::<PartialDate>().map_err(|e| Failure::other(format!("--on: {e}"), None, 2))?;
    let event = Event {
        on,
        at: a.at.clone(),
        place: a.place.trim().to_owned(),
        bring: a.bring.clone(),
        per_vacancy: a.per_vacancy,
        min_score: a.min_score,
    };
    event.check().map_err(|e| Failure::core(None, &e))?;
    let vacancies = a.vacancies.iter().map(|id| one_vacancy(&a.index, id, lang)).collect::<Result<Vec<_>, _>>()?;

    let (candidates, sender) = match (&a.from.db, &a.profiles) {
        (Some(db), None) => {
            let fail = |e: sportello::desk::DeskError| Failure::other(format!("{}: {}", db.display(), e.message(lang)), None, EXIT_INVALID);
            let mut desk = Desk::open_existing(db).map_err(fail)?;
            let username = a.actor.clone().or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "operatore".into());
            let people = desk.recruiting_profiles(&Reader { username, sensitive: false }, a.from.desk.as_deref()).map_err(fail)?;
            let sender = desk_sender(&desk, db, a.from.desk.as_deref(), a.from.logo.as_deref(), lang)?;
            (people.into_iter().map(|(id, profile)| Candidate { key: id.to_string(), profile }).collect::<Vec<_>>(), Some(sender))
        }
        (_, Some(dir)) => {
            if a.consented.is_empty() {
                let say = lang.pick(
                    "senza --db, indicare con --consented i profili di chi ha dato il consenso",
                    "without --db, name the consenting people's profiles with --consented",
                );
                return Err(Failure::other(say, None, 2));
            }
            let mut list = Vec::new();
            for name in &a.consented {
                let path = dir.join(name.trim());
                let profile = crate::inputs::profile(&path, today)?;
                list.push(Candidate { key: name.trim().to_owned(), profile });
            }
            (list, a.from.sender(lang)?)
        }
        _ => {
            let say = lang.pick(
                "indicare --db (il file dello sportello) oppure --profiles con --consented",
                "give --db (the desk's file) or --profiles with --consented",
            );
            return Err(Failure::other(say, None, 2));
        }
    };

    let matcher = crate::taxonomy_store::matcher(today)?;
    let day = plan(&event, &vacancies, &candidates, &matcher, lang).map_err(|e| Failure::core(None, &e))?;
    let files = day.documents(&event, &candidates, sender.as_ref(), &Renderer::new(), today, lang).map_err(|e| Failure::core(None, &e))?;
    std::fs::create_dir_all(&a.out).map_err(|e| Failure::io("create", &a.out, e))?;
    for (name, bytes) in &files.files {
        let path = a.out.join(name);
        std::fs::write(&path, bytes).map_err(|e| Failure::io("write", &path, e))?;
        println!("{}", path.display());
    }
    eprintln!(
        "{} {}, {} {}",
        day.invited.len(),
        lang.pick("persone invitate", "people invited"),
        day.employers.len(),
        lang.pick("aziende", "employers")
    );
    Ok(ExitCode::SUCCESS)
}
