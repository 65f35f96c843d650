//! `ereje explain CODE`: what a diagnostic or finding code means; for a bundle finding (`V`
//! code), also the kind of finding it is and its default severity, as reports write them; for
//! a lint (`L` code), its whole page.

use clap::Args;

use super::Outcome;
use super::out::say;
use crate::codes::{CODES, Code, lookup};

/// Arguments of `ereje explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code (`E0201`, `L020`, `V004`) or a name (`missing-document`, `unstated-day-kind`);
    /// without one, every code.
    pub code: Option<String>,
}

/// Run `ereje explain`.
pub fn run(args: &ExplainArgs) -> Outcome {
    match &args.code {
        None => {
            for c in CODES {
                say!("{:<6} {:<36} {}", c.code, c.name, c.summary);
                if let Some(line) = finding_line(c) {
                    say!("{:<6} {line}", "");
                }
            }
            Outcome::Clean
        }
        Some(code) => match lookup(code) {
            // a lint's whole page: what it checks, why it matters, its examples
            Some(c) if let Some(lint) = crate::lint::lookup(c.code) => {
                super::out::put(&crate::lint::docs::page(lint));
                Outcome::Clean
            }
            Some(c) => {
                say!("{} ({}): {}", c.code, c.name, c.summary);
                if let Some(line) = finding_line(c) {
                    say!("{line}");
                }
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

/// `kind: document, default severity: error` for a bundle finding's code, as the report's
/// `kind` and `severity` fields write them; none for other codes.
fn finding_line(code: &Code) -> Option<String> {
    let kind = code.kind?;
    Some(format!(
        "kind: {}, default severity: {}",
        kind.as_str(),
        code.severity.as_str()
    ))
}
