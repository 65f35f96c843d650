//! `ereje explain CODE`: what a diagnostic or finding code means.

use clap::Args;

use super::Outcome;
use crate::codes::{CODES, lookup};

/// Arguments of `ereje explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code (`E0201`, `V004`) or a finding name (`missing-document`); without one, every code.
    pub code: Option<String>,
}

/// Run `ereje explain`.
pub fn run(args: &ExplainArgs) -> Outcome {
    match &args.code {
        None => {
            for c in CODES {
                println!("{:<6} {:<36} {}", c.code, c.name, c.summary);
            }
            Outcome::Clean
        }
        Some(code) => match lookup(code) {
            Some(c) => {
                println!("{} ({}): {}", c.code, c.name, c.summary);
                Outcome::Clean
            }
            None => {
                let names = CODES.iter().flat_map(|c| [c.code, c.name]);
                match crate::suggest::suggest(code, names) {
                    Some(s) => {
                        eprintln!("error: unknown code `{code}`\n\nhelp: did you mean `{s}`?")
                    }
                    None => eprintln!(
                        "error: unknown code `{code}`\n\nhelp: `ereje explain` lists every code"
                    ),
                }
                Outcome::Failure
            }
        },
    }
}
