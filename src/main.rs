//! The `ereje` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match ereje::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // a usage error on stderr, status 2; `--help` and `--version` on stdout through the
        // one writer, so a full disk is an error there too and a closed pipe is quiet
        Err(e) if e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            let rendered = e.render();
            let text = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            ereje::cli::out::put(&text);
            return ExitCode::SUCCESS;
        }
    };
    ExitCode::from(ereje::cli::run(cli).code())
}
