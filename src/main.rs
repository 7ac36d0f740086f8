//! The `copydesk` command: parse the command line, run, map the result to an
//! exit status (0 clean, 1 findings, 2 could not run).

use clap::Parser;
use copydesk::cli::{Cli, Command};
use copydesk::commands;
use std::process::ExitCode;

// Both cores allocate at once; glibc's malloc and free took a tenth of a
// run, mimalloc's per-thread heaps far less.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(args) => commands::check(&args),
        Command::Rules(args) => commands::rules(&args),
        Command::Explain(args) => commands::explain(&args),
        Command::Claims(copydesk::cli::ClaimsCommand::Import(args)) => {
            copydesk::claims_import::command(&args)
        }
        Command::Lsp(_) => copydesk::lsp::serve(),
        Command::Claims(copydesk::cli::ClaimsCommand::Harvest(args)) => {
            copydesk::claims_harvest::command(&args)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`copydesk check | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
