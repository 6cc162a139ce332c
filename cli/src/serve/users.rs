//! `sportello serve user add|password|list`: the console's accounts, from the terminal.
//! The password is asked without echo, or read from standard input with
//! `--password-stdin` (for scripts); the core hashes it with Argon2id and audits the change.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use sportello::desk::{Desk, NewAccount, Role};
use sportello::lang::Lang;

use crate::output::{CmdResult, EXIT_INVALID, EXIT_IO, Failure};

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account.
    Add(AddArgs),
    /// Set a new password.
    Password(PasswordArgs),
    /// List the accounts.
    List(DbArgs),
}

#[derive(Args)]
pub struct DbArgs {
    /// The desk database file.
    #[arg(long, env = "SPORTELLO_DB", default_value = "sportello-desk.db")]
    db: PathBuf,
    /// Language of messages: it or en.
    #[arg(long, default_value = "it")]
    lang: String,
}

#[derive(Args)]
pub struct AddArgs {
    /// Login name (lowercase letters, digits, - _ .).
    name: String,
    /// operatore (their desk's people), coordinatore (every desk) or lettura (read-only).
    #[arg(long)]
    role: String,
    /// The desk's code (required for operatore and lettura).
    #[arg(long)]
    desk: Option<String>,
    /// May see special-category data (Law 68/99 paths, the profile's sensitive block).
    #[arg(long)]
    sensitive: bool,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
pub struct PasswordArgs {
    /// Login name.
    name: String,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(c: UserCommand) -> CmdResult {
    match c {
        UserCommand::Add(a) => {
            let lang = crate::output::lang(&a.db.lang)?;
            let role: Role = a.role.parse().map_err(|e| Failure::other(format!("--role: {e}"), None, 2))?;
            let password = password(a.password_stdin, lang)?;
            let account = NewAccount { username: a.name, role, desk: a.desk, sensitive: a.sensitive };
            open(&a.db, lang)?.add_account(&actor(), &account, &password).map_err(|e| fail(&a.db.db, &e, lang))?;
            eprintln!("{}", lang.pick("account creato", "account created"));
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Password(a) => {
            let lang = crate::output::lang(&a.db.lang)?;
            let password = password(a.password_stdin, lang)?;
            open(&a.db, lang)?.set_password(&actor(), &a.name, &password).map_err(|e| fail(&a.db.db, &e, lang))?;
            eprintln!("{}", lang.pick("password cambiata", "password changed"));
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::List(a) => {
            let lang = crate::output::lang(&a.lang)?;
            for acc in open(&a, lang)?.accounts().map_err(|e| fail(&a.db, &e, lang))? {
                println!(
                    "{}\t{}\t{}\t{}",
                    acc.username,
                    acc.role,
                    acc.desk.as_deref().unwrap_or("-"),
                    if acc.sensitive { "sensitive" } else { "" }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn open(db: &DbArgs, lang: Lang) -> Result<Desk, Failure> {
    Desk::open_existing(&db.db).map_err(|e| fail(&db.db, &e, lang))
}

fn fail(db: &std::path::Path, e: &sportello::desk::DeskError, lang: Lang) -> Failure {
    Failure::other(format!("{}: {}", db.display(), e.message(lang)), None, EXIT_INVALID)
}

/// Who the audit names for an account change made from the terminal.
fn actor() -> String {
    format!("cli:{}", std::env::var("USER").unwrap_or_else(|_| "admin".into()))
}

/// The new password: from standard input's first line, or asked twice without echo.
fn password(from_stdin: bool, lang: Lang) -> Result<String, Failure> {
    let io = |e: std::io::Error| Failure::other(format!("password: {e}"), None, EXIT_IO);
    if from_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(io)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_owned());
    }
    let first = rpassword::prompt_password(lang.pick("Password: ", "Password: ")).map_err(io)?;
    let again = rpassword::prompt_password(lang.pick("Ripeti la password: ", "Repeat the password: ")).map_err(io)?;
    if first != again {
        return Err(Failure::other(lang.pick("le due password non coincidono", "the two passwords differ"), None, EXIT_INVALID));
    }
    Ok(first)
}
