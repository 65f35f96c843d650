//! The command line: one file per subcommand. `main.rs` only parses and maps to an exit code.

pub mod calendar;
pub mod check;
pub mod deadlines;
pub mod explain;
pub mod fmt;
pub mod impact;
pub mod lint;
mod lint_config;
mod lint_fix;
mod lint_output;
pub mod lsp;
pub mod out;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod test;
pub mod trace;

use clap::{Parser, Subcommand};

/// ereje: public-service regulations as code.
#[derive(Debug, Parser)]
#[command(
    name = "ereje",
    version,
    about = "Rules-as-code validator and linter for public-service regulations"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check application bundles (JSON) against the rules.
    Check(check::CheckArgs),
    /// Show a working-day calendar's exceptions for a year.
    Calendar(calendar::CalendarArgs),
    /// Show the timeline of a bundle: each step's due time and status.
    Deadlines(deadlines::DeadlinesArgs),
    /// Explain a diagnostic or finding code.
    Explain(explain::ExplainArgs),
    /// Run the examples written in the rule files.
    Test(test::TestArgs),
    /// Show the derivation for one bundle: each requirement, ground and step, on which facts.
    Trace(trace::TraceArgs),
    /// Rewrite rule files in the canonical layout (or, with `--check`, show what would change).
    Fmt(fmt::FmtArgs),
    /// Check rule files for the law's structural defects and the rules' inconsistencies.
    Lint(lint::LintArgs),
    /// Serve the checker over HTTP (JSON reports, NDJSON batches, the services).
    Serve(serve::ServeArgs),
    /// Write the JSON Schema of a service's bundle (for intake forms).
    Schema(schema::SchemaArgs),
    /// Replay an archive of bundles under two rule sets and say what flips.
    Impact(impact::ImpactArgs),
    /// Serve an editor on stdin and stdout (the Language Server Protocol).
    Lsp,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing wrong.
    Clean,
    /// Findings (a bundle rejected, a lint at deny level, a failed example, a file that
    /// `fmt --check` would change).
    Findings,
    /// The job could not be done (usage, I/O, rule files that do not compile).
    Failure,
}

impl Outcome {
    /// The process exit status.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failure => 2,
        }
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Test(args) => test::run(&args),
        Command::Deadlines(args) => deadlines::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Calendar(args) => calendar::run(&args),
        Command::Trace(args) => trace::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Impact(args) => impact::run(&args),
        Command::Lsp => lsp::run(),
    }
}
