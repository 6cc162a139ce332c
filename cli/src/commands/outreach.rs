//! `sportello poster` and `sportello bulletin`: a vacancy's poster and the bulletin of the
//! offers, printed through the core's outreach documents (`sportello::outreach`); and what
//! every paper the desk prints needs: who it comes from (the desk's contacts in the desk
//! database, its logo) and where the pages go.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportello::desk::{Desk, DeskContact};
use sportello::lang::Lang;
use sportello::matching::index::VacancyIndex;
use sportello::matching::prepare::Point;
use sportello::model::{PartialDate, Vacancy};
use sportello::outreach::{BulletinRequest, Document, GroupBy, Logo, MAX_LOGO_BYTES, Near, Sender, bulletin, poster};
use sportello::render::{OutputFormat, RenderRequest, Renderer, page_files};

use crate::output::{CmdResult, EXIT_INVALID, Failure, read_limited, today};

/// Who a printed document comes from.
#[derive(clap::Args, Clone)]
pub struct From {
    /// The desk database, for the desk's name and contacts (set with `desk desks contact`).
    #[arg(long, env = "SPORTELLO_DB")]
    pub db: Option<PathBuf>,
    /// The desk it comes from, by code (default: the database's only desk).
    #[arg(long)]
    pub desk: Option<String>,
    /// The desk's logo: a PNG, JPEG or SVG file of at most 1 MiB (needs --db).
    #[arg(long)]
    pub logo: Option<PathBuf>,
    /// Language: it or en.
    #[arg(long, default_value = "it")]
    pub lang: String,
}

impl From {
    /// The sender named by these options, if any.
    pub fn sender(&self, lang: Lang) -> Result<Option<Sender>, Failure> {
        let Some(db) = &self.db else {
            if self.logo.is_some() || self.desk.is_some() {
                let say =
                    lang.pick("--logo e --desk vogliono --db (il file dello sportello)", "--logo and --desk need --db (the desk's file)");
                return Err(Failure::other(say, None, 2));
            }
            return Ok(None);
        };
        let desk =
            Desk::open_existing(db).map_err(|e| Failure::other(format!("{}: {}", db.display(), e.message(lang)), None, EXIT_INVALID))?;
        Ok(Some(desk_sender(&desk, db, self.desk.as_deref(), self.logo.as_deref(), lang)?))
    }
}

/// The sender of desk `code` (or of the only desk) in an open database, with a logo file.
pub fn desk_sender(desk: &Desk, db: &Path, code: Option<&str>, logo: Option<&Path>, lang: Lang) -> Result<Sender, Failure> {
    let fail = |e: sportello::desk::DeskError| Failure::other(format!("{}: {}", db.display(), e.message(lang)), None, EXIT_INVALID);
    let code = match code {
        Some(c) => c.to_owned(),
        None => {
            let desks = desk.desks().map_err(fail)?;
            match desks.as_slice() {
                [one] => one.code.clone(),
                _ => {
                    let codes: Vec<&str> = desks.iter().map(|d| d.code.as_str()).collect();
                    let say = lang.pick("indicare lo sportello con --desk", "name the desk with --desk");
                    return Err(Failure::other(format!("{say}: {}", codes.join(", ")), None, 2));
                }
            }
        }
    };
    let contact: DeskContact = desk.desk_contact(&code).map_err(fail)?;
    let logo = match logo {
        Some(path) => Some(Logo::new(read_limited(path, MAX_LOGO_BYTES)?).map_err(|e| Failure::core(Some(path), &e))?),
        None => None,
    };
    Ok(contact.sender(logo))
}

/// Lays out `doc` in the format of `out`'s extension (pdf, svg, png or txt) and writes it
/// (one file per page for SVG and PNG); prints the files written.
pub fn write_document(doc: &Document, out: &Path, today: PartialDate, lang: Lang) -> Result<(), Failure> {
    let ext = out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let format: OutputFormat = ext.parse().map_err(|_| {
        let say = lang.pick(
            "l'estensione del file dice il formato: .pdf, .svg, .png o .txt",
            "the file's extension gives the format: .pdf, .svg, .png or .txt",
        );
        Failure::other(format!("{}: {say}", out.display()), None, 2)
    })?;
    let req = RenderRequest { format, today: Some(today), ..RenderRequest::pdf("", lang.as_str()) };
    let rendered = Renderer::new().render_outreach(doc, &req).map_err(|e| Failure::core(None, &e))?;
    for (path, bytes) in page_files(out, rendered.files.len()).iter().zip(&rendered.files) {
        std::fs::write(path, bytes).map_err(|e| Failure::io("write", path, e))?;
        println!("{}", path.display());
    }
    Ok(())
}

/// Arguments of `poster`.
#[derive(clap::Args)]
pub struct PosterArgs {
    /// The vacancy's id in the index.
    vacancy: String,
    /// The vacancy index folder.
    #[arg(long)]
    index: PathBuf,
    /// Output file: .pdf, .svg, .png or .txt.
    #[arg(short, long, default_value = "poster.pdf")]
    out: PathBuf,
    #[command(flatten)]
    from: From,
}

/// Writes a vacancy's poster.
pub fn run_poster(a: PosterArgs) -> CmdResult {
    let lang = crate::output::lang(&a.from.lang)?;
    let sender = a.from.sender(lang)?;
    let v = one_vacancy(&a.index, &a.vacancy, lang)?;
    write_document(&poster(&v, sender.as_ref(), lang), &a.out, today()?, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The vacancy `id` of the index at `dir`, or a clear refusal.
pub fn one_vacancy(dir: &Path, id: &str, lang: Lang) -> Result<Vacancy, Failure> {
    let index = VacancyIndex::open(dir).map_err(|e| Failure::core(None, &e))?;
    index.vacancy(id).map_err(|e| Failure::core(None, &e))?.ok_or_else(|| {
        Failure::other(
            format!("{}: {} {id:?}", dir.display(), lang.pick("nessuna offerta con l'identificativo", "no vacancy with the id")),
            Some(
                lang.pick(
                    "gli identificativi sono nei file aggiunti con `sportello index add`",
                    "ids are in the files added with `sportello index add`",
                )
                .into(),
            ),
            EXIT_INVALID,
        )
    })
}

/// Arguments of `bulletin`.
#[derive(clap::Args)]
pub struct BulletinArgs {
    /// The vacancy index folder.
    #[arg(long)]
    index: PathBuf,
    /// Only offers published on or after this day (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only offers near this comune (a name or an ISTAT code).
    #[arg(long)]
    near: Option<String>,
    /// The distance from --near, in km.
    #[arg(long, default_value_t = 20.0)]
    km: f64,
    /// Group by comune or sector.
    #[arg(long, default_value = "comune")]
    group: String,
    /// Output file: .pdf (a .txt of the same name is written beside it), .svg, .png or .txt.
    #[arg(short, long, default_value = "bollettino.pdf")]
    out: PathBuf,
    #[command(flatten)]
    from: From,
}

/// Writes the bulletin and its text.
pub fn run_bulletin(a: BulletinArgs) -> CmdResult {
    let lang = crate::output::lang(&a.from.lang)?;
    let today = today()?;
    let usage = |option: &str, e: String| Failure::other(format!("--{option}: {e}"), None, 2);
    let since = a.since.as_deref().map(|s| s.parse::<PartialDate>().map_err(|e| usage("since", e.to_string()))).transpose()?;
    let group_by: GroupBy = a.group.parse().map_err(|e: sportello::wire::UnknownName| usage("group", e.to_string()))?;
    if !(a.km.is_finite() && a.km > 0.0 && a.km <= 500.0) {
        return Err(usage("km", lang.pick("da 0 a 500 km", "0 to 500 km").into()));
    }
    let matcher = crate::taxonomy_store::matcher(today)?;
    let near = match &a.near {
        Some(text) => {
            let m = matcher.gazetteer.find(text).map_err(|e| usage("near", e.to_string()))?;
            let c = m.comune.coordinates;
            Some(Near { name: m.comune.name.clone(), point: Point { lat: c.lat, lon: c.lon }, km: a.km })
        }
        None => None,
    };
    let sender = a.from.sender(lang)?;
    let index = VacancyIndex::open(&a.index).map_err(|e| Failure::core(None, &e))?;
    let vacancies = index.vacancies().map_err(|e| Failure::core(None, &e))?;
    let req = BulletinRequest { since, near, group_by, today, sender: sender.as_ref(), lang };
    let b = bulletin(&vacancies, matcher.taxonomy, matcher.gazetteer, &req).map_err(|e| Failure::core(None, &e))?;
    let is_text = a.out.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_text {
        std::fs::write(&a.out, &b.text).map_err(|e| Failure::io("write", &a.out, e))?;
        println!("{}", a.out.display());
    } else {
        write_document(&b.document, &a.out, today, lang)?;
        let text = a.out.with_extension("txt");
        std::fs::write(&text, &b.text).map_err(|e| Failure::io("write", &text, e))?;
        println!("{}", text.display());
    }
    eprintln!("{} {}", b.count, lang.pick("offerte nel bollettino", "offers in the bulletin"));
    Ok(ExitCode::SUCCESS)
}
