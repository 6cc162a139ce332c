//! `sportello render` and `sportello templates`: CVs to PDF, SVG or PNG through the
//! core's Typst renderer. This module reads the profile, the photo and any user template
//! from disk and writes the output files; everything else happens in the core.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportello::load::load_profile;
use sportello::model::{CvOptions, Paper, PrivacyNote, Section};
use sportello::render::{OutputFormat as CvFormat, PdfConformance, RenderRequest, Renderer};

use crate::output::{CmdResult, EXIT_INVALID, Failure, read_input, today};

/// Output file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FileFormat {
    /// PDF (tagged, with title and language).
    Pdf,
    /// One SVG per page.
    Svg,
    /// One PNG per page.
    Png,
    /// Plain text in reading order (`txt` also accepted).
    #[value(name = "text", alias = "txt")]
    Txt,
}

/// PDF standards to enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Standard {
    /// PDF/UA-1 (accessibility; `ua1` also accepted).
    #[value(name = "ua-1", alias = "ua1")]
    Ua1,
    /// PDF/A-2b (archiving; `a2b` also accepted).
    #[value(name = "a-2b", alias = "a2b")]
    A2b,
}

/// Privacy note choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Note {
    /// GDPR / D.Lgs. 101/2018 wording (no consent needed).
    Gdpr,
    /// The older "Autorizzo il trattamento..." clause.
    Consent,
    /// No note.
    None,
}

/// Arguments of `render`.
#[derive(clap::Args)]
pub struct Args {
    /// Profile (JSON or YAML); `-` reads standard input.
    profile: PathBuf,
    /// Output file. For SVG and PNG with several pages, `-1`, `-2`... is added before the
    /// extension. Default: the profile's name with the format's extension.
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// Template name (see `sportello templates`).
    #[arg(short, long)]
    template: Option<String>,
    /// A folder with your own Typst template (`main.typ` + other files); it gets the same
    /// data as the shipped ones (see templates/README.md).
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// Language of the fixed words: it or en.
    #[arg(short, long)]
    lang: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FileFormat::Pdf)]
    format: FileFormat,
    /// Resolution of PNG output.
    #[arg(long, default_value_t = 144.0)]
    dpi: f32,
    /// Enforce a PDF standard.
    #[arg(long, value_enum)]
    pdf_standard: Option<Standard>,
    /// Accent colour, #rrggbb.
    #[arg(long)]
    accent: Option<String>,
    /// Font family.
    #[arg(long)]
    font: Option<String>,
    /// US Letter paper instead of A4.
    #[arg(long)]
    letter: bool,
    /// Leave the photo out.
    #[arg(long)]
    no_photo: bool,
    /// Sections in order, comma-separated (summary,work,education,languages,skills,...).
    #[arg(long, value_delimiter = ',')]
    sections: Vec<String>,
    /// Sections to hide, comma-separated.
    #[arg(long, value_delimiter = ',')]
    hide: Vec<String>,
    /// Privacy note to print.
    #[arg(long, value_enum)]
    privacy_note: Option<Note>,
    /// Add the DPR 445/2000 self-declaration with date and signature line.
    #[arg(long)]
    self_declaration: bool,
    /// Tailor the CV to this vacancy of --index: skills, jobs and highlights in the order
    /// the vacancy asks for them (nothing added or reworded).
    #[arg(long = "for", requires = "index")]
    for_vacancy: Option<String>,
    /// The vacancy index folder, with --for.
    #[arg(long)]
    index: Option<PathBuf>,
    /// With --for: leave out what is unrelated to the vacancy until the CV fits this many
    /// pages.
    #[arg(long, requires = "for_vacancy")]
    pages: Option<usize>,
    /// With --for: list what moved or was left out, and why.
    #[arg(long, requires = "for_vacancy")]
    explain: bool,
}

/// Renders a profile to files.
pub fn run(args: Args) -> CmdResult {
    let bytes = read_input(&args.profile)?;
    let format = crate::inputs::format_of(&args.profile, &bytes);
    let today = today()?;
    let loaded = load_profile(&bytes, format, Some(today)).map_err(|e| Failure::core(Some(&args.profile), &e))?;
    let profile = loaded.value;

    let mut renderer = Renderer::new();
    let mut template = args.template.clone();
    if let Some(dir) = &args.template_dir {
        let name = dir.file_name().map_or_else(|| "custom".into(), |n| n.to_string_lossy().into_owned());
        renderer.add_template_dir(&name, "user template", dir).map_err(|e| Failure::core(Some(dir), &e))?;
        template = Some(name);
    }

    let photo = match (&profile.person.photo, args.no_photo, profile.privacy.print_photo) {
        (Some(p), false, true) => {
            let base = args.profile.parent().unwrap_or(Path::new("."));
            let path = base.join(p);
            Some(std::fs::read(&path).map_err(|e| {
                Failure::other(
                    format!("cannot read the photo {}: {e}", path.display()),
                    Some("fix `person.photo` (a path relative to the profile) or pass --no-photo".into()),
                    EXIT_INVALID,
                )
            })?)
        }
        _ => None,
    };

    let overrides = CvOptions {
        accent: args.accent.clone(),
        font: args.font.clone(),
        paper: args.letter.then_some(Paper::Letter),
        photo: args.no_photo.then_some(false),
        sections: parse_sections(&args.sections)?,
        hide: parse_sections(&args.hide)?,
        privacy_note: args.privacy_note.map(|n| match n {
            Note::Gdpr => PrivacyNote::Gdpr,
            Note::Consent => PrivacyNote::Consent,
            Note::None => PrivacyNote::None,
        }),
        self_declaration: args.self_declaration,
        ..CvOptions::default()
    };
    let req = RenderRequest {
        template,
        lang: args.lang.clone(),
        format: match args.format {
            FileFormat::Pdf => CvFormat::Pdf,
            FileFormat::Svg => CvFormat::Svg,
            FileFormat::Png => CvFormat::Png,
            FileFormat::Txt => CvFormat::Text,
        },
        dpi: args.dpi,
        pdf: match args.pdf_standard {
            None => PdfConformance::Tagged,
            Some(Standard::Ua1) => PdfConformance::Ua1,
            Some(Standard::A2b) => PdfConformance::A2b,
        },
        overrides,
        photo,
        today: Some(today),
    };
    let out = match (&args.for_vacancy, &args.index) {
        (Some(id), Some(index)) => tailored(&args, &profile, id, index, &renderer, &req, today)?,
        _ => renderer.render(&profile, &req).map_err(|e| Failure::core(Some(&args.profile), &e))?,
    };
    for w in &out.warnings {
        eprintln!("warning: {w}");
    }
    let ext = match args.format {
        FileFormat::Pdf => "pdf",
        FileFormat::Svg => "svg",
        FileFormat::Png => "png",
        FileFormat::Txt => "txt",
    };
    let target = args.out.clone().unwrap_or_else(|| {
        let stem = if args.profile.as_os_str() == "-" {
            "cv".into()
        } else {
            args.profile.file_stem().map_or_else(|| "cv".into(), |s| s.to_string_lossy().into_owned())
        };
        PathBuf::from(format!("{stem}.{ext}"))
    });
    let paths = sportello::render::page_files(&target, out.files.len());
    for (path, data) in paths.iter().zip(&out.files) {
        std::fs::write(path, data).map_err(|e| Failure::io("write", path, e))?;
        eprintln!(
            "wrote {} ({} page{})",
            path.display(),
            if ext == "pdf" { out.pages } else { 1 },
            if ext == "pdf" && out.pages != 1 { "s" } else { "" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The CV tailored to vacancy `id` of `index` (see `sportello::apply`), with `--explain`
/// printing each change and its reason.
fn tailored(
    args: &Args,
    profile: &sportello::model::Profile,
    id: &str,
    index: &Path,
    renderer: &Renderer,
    req: &RenderRequest,
    today: sportello::model::PartialDate,
) -> Result<sportello::render::Rendered, Failure> {
    let lang = crate::output::lang(args.lang.as_deref().or(profile.lang.as_deref()).unwrap_or("it")).unwrap_or_default();
    if args.pages == Some(0) {
        return Err(Failure::other("--pages: at least 1", None, 2));
    }
    let vacancy = super::outreach::one_vacancy(index, id, lang)?;
    let matcher = crate::taxonomy_store::matcher(today)?;
    let m = matcher.score(&matcher.prepare_profile("profile", profile), &matcher.prepare_vacancy(&vacancy));
    let (t, out) = sportello::apply::tailored_cv(renderer, profile, &vacancy, &m, req, args.pages, lang)
        .map_err(|e| Failure::core(Some(&args.profile), &e))?;
    if args.explain {
        if t.changes.is_empty() {
            eprintln!(
                "{}",
                lang.pick("nessuna modifica: il CV è già nell'ordine dell'offerta", "no change: the CV is already in the vacancy's order")
            );
        }
        for c in &t.changes {
            let to = c.to.map_or_else(|| lang.pick("tolta", "left out").to_owned(), |t| format!("{} → {}", c.from + 1, t + 1));
            eprintln!("{}: {} ({to}): {}", c.path, c.item, c.why);
        }
    }
    if let Some(max) = args.pages.filter(|max| out.pages > *max) {
        eprintln!(
            "warning: {} pages, more than {max}: it would not fit even without everything unrelated to the vacancy, so nothing was left out",
            out.pages
        );
    }
    Ok(out)
}

fn parse_sections(names: &[String]) -> Result<Vec<Section>, Failure> {
    names.iter().map(|n| n.trim().parse().map_err(|e: sportello::wire::UnknownName| Failure::other(e.to_string(), None, 2))).collect()
}

/// Arguments of `templates`.
#[derive(clap::Args)]
pub struct TemplatesArgs {}

/// Lists the templates, locales and fonts.
pub fn list(_args: TemplatesArgs) -> CmdResult {
    let r = Renderer::new();
    println!("Templates:");
    for t in r.templates() {
        println!("  {:<10} {}", t.name, t.description);
    }
    println!("Locales: {}", r.locales().collect::<Vec<_>>().join(", "));
    println!("Fonts: {}", r.fonts().join(", "));
    Ok(ExitCode::SUCCESS)
}
