//! `sportello schema profile|vacancy` prints a JSON Schema; `--write DIR` writes both.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello::schema::{SchemaKind, json_schema};

use crate::output::{CmdResult, Failure};

/// Which schema.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Which {
    /// A CV profile.
    Profile,
    /// A vacancy.
    Vacancy,
}

/// Arguments of `schema`.
#[derive(clap::Args)]
pub struct Args {
    /// The schema to print.
    #[arg(required_unless_present = "write")]
    which: Option<Which>,
    /// Write both schemas into this folder instead of printing one.
    #[arg(long, value_name = "DIR")]
    write: Option<PathBuf>,
}

/// Prints or writes the schemas.
pub fn run(args: Args) -> CmdResult {
    if let Some(dir) = args.write {
        std::fs::create_dir_all(&dir).map_err(|e| Failure::io("create", &dir, e))?;
        for kind in SchemaKind::ALL {
            let path = dir.join(kind.file_name());
            std::fs::write(&path, json_schema(kind)).map_err(|e| Failure::io("write", &path, e))?;
            eprintln!("wrote {}", path.display());
        }
    } else if let Some(which) = args.which {
        let kind = match which {
            Which::Profile => SchemaKind::Profile,
            Which::Vacancy => SchemaKind::Vacancy,
        };
        print!("{}", json_schema(kind));
    }
    Ok(ExitCode::SUCCESS)
}
