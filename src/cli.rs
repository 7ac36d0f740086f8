//! The command line, as `spec/interfaces.md` defines it.

use crate::report::Format;
use clap::{Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  copydesk check examples/                    check every draft in a folder
  copydesk check --format json drafts/a.md    machine-readable findings
  copydesk check --date 2025-06-20 draft.md   date for drafts without front matter
  copydesk check --changed-since origin/main  only drafts changed on this branch
  copydesk check --format sarif > copydesk.sarif   for code scanning
  cat draft.md | copydesk check --stdin --stdin-filename draft.md
  copydesk rules                              list the loaded rules
  copydesk explain unattributed-figure        what a rule checks and why
  copydesk check --fix drafts/                apply the suggested fixes
  copydesk lsp                                language server for editors
";

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A fact-check and consistency linter for newsroom drafts",
    long_about = "copydesk checks Markdown and plain-text drafts for the mistakes that lead to \
corrections: wrong titles, figures without a source, unverified casualty claims, and \
debunked claims repeated as fact.",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts and print findings.
    #[command(after_help = "\
Exit status: 0 nothing at or above --fail-on; 1 findings at or above it;
2 the run could not be done (bad flag, config or rule file), or a file could not be read.

Silence a finding in the draft with <!-- copydesk-disable-next-line RULE -->.")]
    Check(CheckArgs),
    /// List the loaded rules: id, kind, severity, source file.
    Rules(RulesArgs),
    /// Explain a rule: what it checks, why, examples, how to silence it.
    Explain(ExplainArgs),
    /// Work with claims databases.
    #[command(subcommand)]
    Claims(ClaimsCommand),
    /// Run the language server for editors (LSP over standard input and
    /// output): findings as you type, quick fixes, rule explanations.
    Lsp(LspArgs),
}

#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it: standard input and output are the
    /// only transport.
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Subcommand)]
pub enum ClaimsCommand {
    /// Turn ClaimReview JSON-LD or Fact Check Tools API JSON into claims TOML
    /// (printed on standard output).
    #[command(after_help = "Example:\n  copydesk claims import reviews.jsonld > data/claims.toml")]
    Import(ImportArgs),
    /// Print the claims that drafts mark false ("the false claim that X") as
    /// claims TOML entries, for review before adding them to a database.
    #[command(
        after_help = "Example:\n  copydesk claims harvest drafts/ archive/ > data/harvested-claims.toml"
    )]
    Harvest(HarvestArgs),
}

#[derive(Debug, clap::Args)]
pub struct HarvestArgs {
    /// Drafts, or folders searched for *.md, *.markdown and *.txt.
    #[arg(required = true)]
    pub paths: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// JSON files: ClaimReview JSON-LD (an object, an array or an @graph) or
    /// a Fact Check Tools API claims:search response.
    #[arg(required = true)]
    pub files: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are searched for *.md, *.markdown
    /// and *.txt. Default: the current folder.
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Config file (default: the nearest copydesk.toml upward).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Ignore every copydesk.toml: the built-in rules alone.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Publication date (YYYY-MM-DD) for drafts whose front matter has none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<crate::date::Date>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Read one draft from standard input.
    #[arg(long, conflicts_with = "paths")]
    pub stdin: bool,
    /// The name to show (and to pick Markdown or text by) for --stdin.
    #[arg(long, value_name = "NAME", requires = "stdin")]
    pub stdin_filename: Option<String>,
    /// When to use colour (auto honours NO_COLOR and pipes).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Report only on drafts changed since this git ref (committed since the
    /// merge base with HEAD, staged, unstaged or untracked); every draft
    /// under PATH is still read for the checks that compare drafts.
    #[arg(long, value_name = "REF", conflicts_with = "stdin")]
    pub changed_since: Option<String>,
    /// Apply the machine-applicable fixes to the files (each written
    /// atomically), then report what is left.
    #[arg(long, conflicts_with = "stdin")]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them; exit 1 if
    /// there is any.
    #[arg(long, conflicts_with = "stdin")]
    pub diff: bool,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Run every rule's good and bad examples instead of listing rules.
    #[arg(long)]
    pub test: bool,
    /// With --test: rule packs (files or folders) to test on top of the
    /// built-in pack; only their rules' examples run.
    pub packs: Vec<String>,
    /// Config file (default: the nearest copydesk.toml upward).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Ignore every copydesk.toml: the built-in rules alone.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule id, as printed in findings (`copydesk rules` lists them).
    pub rule: String,
    /// Config file (default: the nearest copydesk.toml upward).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Ignore every copydesk.toml: the built-in rules alone.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<crate::finding::Severity> {
        use crate::finding::Severity;
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Colour for a stream: never into a pipe or file, never with NO_COLOR
    /// set (https://no-color.org), never on a dumb terminal.
    pub fn choice(self, is_terminal: bool) -> termcolor::ColorChoice {
        match self {
            ColorWhen::Always => termcolor::ColorChoice::Always,
            ColorWhen::Never => termcolor::ColorChoice::Never,
            ColorWhen::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
                if is_terminal && !no_color && !dumb {
                    termcolor::ColorChoice::Auto
                } else {
                    termcolor::ColorChoice::Never
                }
            }
        }
    }
}

fn parse_date(s: &str) -> Result<crate::date::Date, String> {
    crate::date::Date::parse(s)
        .ok_or_else(|| format!("`{s}` is not a date; write it as YYYY-MM-DD"))
}
