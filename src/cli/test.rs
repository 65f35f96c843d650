//! `ereje test`: run the examples written in the rule files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};

/// Arguments of `ereje test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule files folder (default: the rules shipped in the binary, bundles read relative to
    /// the current folder).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Output format: a line per example, or one JSON object per example and line
    /// (`{"service", "name", "location", "passed", "failures"}`); rule-file diagnostics follow
    /// the same choice on stderr.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the rule files' diagnostics.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A line per example, and a count.
    Human,
    /// One JSON object per example and line.
    Json,
}

/// Run `ereje test`.
pub fn run(args: &TestArgs) -> Outcome {
    let shown = Shown {
        json: args.format == Format::Json,
        lang: args.lang.into(),
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let outcomes = crate::examples::run(&rules, std::path::Path::new(""));
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    if args.format == Format::Json {
        for o in &outcomes {
            let line = serde_json::json!({
                "service": o.service,
                "name": o.name,
                "location": o.location,
                "passed": o.passed(),
                "failures": o.failures,
            });
            println!("{line}");
        }
        return if failed > 0 {
            Outcome::Findings
        } else {
            Outcome::Clean
        };
    }
    for o in &outcomes {
        if o.passed() {
            println!("ok      {} — {}", o.service, o.name);
        } else {
            println!("FAILED  {} — {} ({})", o.service, o.name, o.location);
            for f in &o.failures {
                println!("        {f}");
            }
        }
    }
    println!("{} passed, {failed} failed", outcomes.len() - failed);
    if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
