//! `ereje lsp`: the language server, on stdin and stdout.

use std::io::Write;

use super::Outcome;

/// Run the language server until the editor shuts it down.
pub fn run() -> Outcome {
    match crate::lsp::run_stdio() {
        Ok(()) => Outcome::Clean,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            Outcome::Failure
        }
    }
}
