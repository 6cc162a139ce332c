//! `sportello`: the command line for job desks. It owns the file system and the terminal;
//! everything else is forwarded to the `sportello` core crate.
//!
//! Exit codes: 0 success, 1 the input has errors (validation, parse), 2 wrong usage,
//! 3 a file could not be read or written.

mod commands;
mod inputs;
mod output;
mod serve;
mod taxonomy_store;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// CV builder and explainable job matching for Italian job desks.
///
/// Profiles and vacancies are JSON or YAML files; run `sportello init` for a commented
/// example profile and `sportello schema profile` for the full format.
#[derive(Parser)]
#[command(name = "sportello", version, long_version = commands::about::LONG_VERSION, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show what Sportello does on the shipped sample data.
    Demo(commands::demo::Args),
    /// Write a commented example profile to start from.
    Init(commands::init::Args),
    /// Check profiles and vacancies and list every problem.
    Validate(commands::validate::Args),
    /// Render a CV to PDF, SVG or PNG.
    Render(commands::render::Args),
    /// List the CV templates, locales and fonts.
    Templates(commands::render::TemplatesArgs),
    /// Manage the vacancy index (add, remove, stats, reindex).
    Index(commands::index::Args),
    /// Vacancies for a person, or people for a vacancy, with the reasons.
    Match(commands::matching::Args),
    /// Match many profiles against the index, in parallel, to JSON Lines or CSV.
    MatchBatch(commands::matching::BatchArgs),
    /// Find ESCO skills for free text, or suggest skills for an occupation.
    Skills(commands::taxonomy::SkillsArgs),
    /// Find ESCO occupations for a job title.
    Occupations(commands::taxonomy::OccupationsArgs),
    /// Find Italian comuni by name or ISTAT code.
    Places(commands::taxonomy::PlacesArgs),
    /// Fill in the ESCO URIs of a profile's or vacancy's skills and occupations.
    Normalise(commands::taxonomy::NormaliseArgs),
    /// Import an official ESCO download in another language; show the taxonomy in use.
    Taxonomy(commands::taxonomy::TaxonomyArgs),
    /// Import a CV or vacancies from JSON Resume, Europass, RenderCV, JobPosting or CSV.
    Import(commands::interop::ImportArgs),
    /// Export a profile to JSON Resume or Europass, or vacancies to JobPosting JSON-LD.
    Export(commands::interop::ExportArgs),
    /// A cover letter for one vacancy, from the profile and the match (or the person's own).
    Letter(commands::apply::LetterArgs),
    /// A vacancy's poster: one A4 page with a QR code and tear-off strips.
    Poster(commands::outreach::PosterArgs),
    /// The bulletin of the offers (PDF, and text for a post or an e-mail).
    Bulletin(commands::outreach::BulletinArgs),
    /// A recruiting day's papers: shortlists with CVs, invitations, attendance sheet.
    RecruitingDay(commands::recruiting::Args),
    /// Pseudonymised copies of profiles for analysts (no names, contacts or sensitive data).
    Redact(commands::redact::Args),
    /// The desk's caseload: people, paths, appointments, outcomes (an SQLite file).
    Desk(commands::desk::Args),
    /// The desk console: a web application for counsellors (`serve user add` for accounts).
    Serve(serve::Args),
    /// Print or write the JSON Schema of profiles and vacancies.
    Schema(commands::schema::Args),
    /// Licences and attributions of the data Sportello ships.
    About,
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(a) => commands::demo::run(a),
        Command::Init(a) => commands::init::run(a),
        Command::Validate(a) => commands::validate::run(a),
        Command::Schema(a) => commands::schema::run(a),
        Command::Render(a) => commands::render::run(a),
        Command::Skills(a) => commands::taxonomy::skills(a),
        Command::Occupations(a) => commands::taxonomy::occupations(a),
        Command::Places(a) => commands::taxonomy::places(a),
        Command::Normalise(a) => commands::taxonomy::normalise(a),
        Command::Taxonomy(a) => commands::taxonomy::taxonomy(a),
        Command::Index(a) => commands::index::run(a),
        Command::Match(a) => commands::matching::run(a),
        Command::MatchBatch(a) => commands::matching::batch(a),
        Command::Templates(a) => commands::render::list(a),
        Command::Import(a) => commands::interop::run_import(a),
        Command::Export(a) => commands::interop::run_export(a),
        Command::Redact(a) => commands::redact::run(a),
        Command::Letter(a) => commands::apply::run_letter(a),
        Command::Poster(a) => commands::outreach::run_poster(a),
        Command::Bulletin(a) => commands::outreach::run_bulletin(a),
        Command::RecruitingDay(a) => commands::recruiting::run(a),
        Command::Desk(a) => commands::desk::run(a),
        Command::Serve(a) => serve::run(a),
        Command::About => commands::about::run(),
    };
    match result {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}

/// `sportello match ... | head` closes standard output early: end quietly, as Unix tools
/// do, instead of reporting a panic.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info.payload().downcast_ref::<String>().map(String::as_str).unwrap_or_default();
        if text.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own checks of every subcommand (names, conflicts with `--version`...), which
    /// otherwise run only when that subcommand is used.
    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
