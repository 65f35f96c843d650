//! `ereje fmt`: rewrite rule files in the canonical layout, or show what would change.
//!
//! The formatting itself is [`crate::fmt`]; this file finds the files, reads and writes them,
//! prints diffs and errors, and turns the results into an exit status.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fmt::{FormatError, format_source, translate_source};
use crate::source::SourceFile;
use crate::syntax::SyntaxError;
use crate::syntax::keywords::Set;

/// The name standard input goes by in diffs and diagnostics.
const STDIN_NAME: &str = "<stdin>";

/// Arguments of `ereje fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Rule files, or folders to search for `.ereje` files (recursively, skipping hidden
    /// folders); `-` formats standard input to standard output. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write nothing; print a diff of every file that would change and exit with 1 if any would.
    #[arg(long)]
    pub check: bool,
    /// Write nothing; print a diff of every file that would change.
    #[arg(long)]
    pub diff: bool,
    /// How syntax errors are written to stderr: for people, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = ErrorFormat::Human)]
    pub format: ErrorFormat,
    /// Language of the syntax errors.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Rewrite the files' keywords into this set (and their first-line directive with them);
    /// with `--check` or `--diff`, show what would change.
    #[arg(long, value_enum, value_name = "SET")]
    pub keywords: Option<LangArg>,
}

/// Formats of the syntax errors on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ErrorFormat {
    /// Reports for people.
    Human,
    /// One JSON object per diagnostic and line.
    Json,
}

/// What to do with a formatted file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Diff,
    Check,
}

/// Run `ereje fmt`.
pub fn run(args: &FmtArgs) -> Outcome {
    let shown = Shown {
        json: args.format == ErrorFormat::Json,
        lang: args.lang.map_or(crate::vocab::Lang::En, Into::into),
        per_file: args.lang.is_none(),
    };
    let mode = if args.check {
        Mode::Check
    } else if args.diff {
        Mode::Diff
    } else {
        Mode::Write
    };
    let target = args.keywords.map(|k| match k {
        LangArg::Kk => Set::Kk,
        LangArg::Ru => Set::Ru,
        LangArg::En => Set::En,
    });
    let stdin = Path::new("-");
    if args.paths.iter().any(|p| p == stdin) {
        if args.paths.len() > 1 {
            eprintln!("error: `-` (standard input) cannot be formatted together with files");
            return Outcome::Failure;
        }
        return run_stdin(mode, shown, target);
    }
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut tally = Tally::default();
    for root in &roots {
        let mut files = Vec::new();
        if let Err(e) = rule_files(root, true, &mut files) {
            eprintln!("error: cannot read `{}`: {e}", super::out::shown(root));
            tally.failed = true;
        }
        for file in files {
            one_file(&file, mode, shown, target, &mut tally);
        }
    }
    tally.outcome(mode)
}

/// What the files came to.
#[derive(Debug, Default)]
struct Tally {
    /// Some file could not be formatted.
    failed: bool,
    /// Some file is not in the canonical layout (or was not, before it was rewritten).
    changed: bool,
}

impl Tally {
    fn outcome(&self, mode: Mode) -> Outcome {
        if self.failed {
            Outcome::Failure
        } else if self.changed && mode == Mode::Check {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

fn one_file(path: &Path, mode: Mode, shown: Shown, target: Option<Set>, tally: &mut Tally) {
    let name = super::out::shown(path);
    let text = match crate::source::read_text_bounded(path, crate::source::MAX_RULE_FILE_BYTES) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read `{name}`: {e}");
            tally.failed = true;
            return;
        }
    };
    let Some(formatted) = format_or_report(&name, &text, shown, target) else {
        tally.failed = true;
        return;
    };
    if formatted == text {
        return;
    }
    tally.changed = true;
    match mode {
        Mode::Write => match std::fs::write(path, &formatted) {
            Ok(()) => eprintln!("formatted {name}"),
            Err(e) => {
                eprintln!("error: cannot write `{name}`: {e}");
                tally.failed = true;
            }
        },
        Mode::Diff | Mode::Check => super::out::put(&unified_diff(&name, &text, &formatted)),
    }
}

/// `ereje fmt -`: standard input to standard output, for editors.
fn run_stdin(mode: Mode, shown: Shown, target: Option<Set>) -> Outcome {
    let most = crate::source::MAX_RULE_FILE_BYTES;
    let mut bytes = Vec::new();
    let limit = u64::try_from(most + 1).unwrap_or(u64::MAX);
    if let Err(e) = std::io::stdin().take(limit).read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {e}");
        return Outcome::Failure;
    }
    if bytes.len() > most {
        eprintln!(
            "error: standard input is larger than {} MiB, the most a rule file may be",
            most >> 20
        );
        return Outcome::Failure;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            eprintln!("error: standard input is not UTF-8 text (the encoding breaks at byte {at})");
            return Outcome::Failure;
        }
    };
    let Some(formatted) = format_or_report(STDIN_NAME, &text, shown, target) else {
        return Outcome::Failure;
    };
    let tally = Tally {
        failed: false,
        changed: formatted != text,
    };
    let out = match mode {
        Mode::Write => formatted,
        Mode::Diff | Mode::Check if tally.changed => unified_diff(STDIN_NAME, &text, &formatted),
        Mode::Diff | Mode::Check => String::new(),
    };
    super::out::put(&out);
    tally.outcome(mode)
}

/// The formatted text (its keywords in `target`, if given), or `None` after printing why
/// there is none.
fn format_or_report(name: &str, text: &str, shown: Shown, target: Option<Set>) -> Option<String> {
    let source = SourceFile::new(name, text);
    let formatted = match target {
        Some(set) => translate_source(&source, set),
        None => format_source(&source),
    };
    match formatted {
        Ok(formatted) => Some(formatted),
        Err(FormatError::Syntax(errors)) => {
            print_syntax_errors(source, &errors, shown);
            None
        }
        Err(e) => {
            eprintln!("error: cannot format `{name}`: {e}");
            None
        }
    }
}

/// Print a file's syntax errors to stderr, as the other commands print rule-file diagnostics.
fn print_syntax_errors(source: SourceFile, errors: &[SyntaxError], shown: Shown) {
    let mut sources = crate::source::SourceMap::new();
    let name = crate::report::escaped(&source.name).into_owned();
    sources.add(source);
    let mut diagnostics = Diagnostics::new(sources);
    diagnostics.extend(errors.iter().map(Diagnostic::from));
    super::rules::print(
        &diagnostics,
        shown,
        crate::report::human::Over::FileLeft(&name),
    );
}

/// A unified diff with three lines of context, headed `--- NAME` / `+++ NAME (formatted)`.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    labelled_diff(name, old, new, "formatted")
}

/// A unified diff with three lines of context, headed `--- NAME` / `+++ NAME (LABEL)`.
pub(crate) fn labelled_diff(name: &str, old: &str, new: &str, label: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} ({label})"))
        .to_string()
}

/// The rule files at `path`: the file itself when it is one (named explicitly, whatever its
/// extension), else every `.ereje` file below it in name order. Hidden folders are skipped
/// below the top (a `.git` holds no rules), and so are links to folders (they could loop).
fn rule_files(path: &Path, top: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = if top {
        std::fs::metadata(path)?
    } else {
        std::fs::symlink_metadata(path)?
    };
    if meta.is_file() || (meta.is_symlink() && path.is_file()) {
        if top || path.extension().is_some_and(|e| e == "ereje") {
            out.push(path.to_path_buf());
        }
        return Ok(());
    }
    if !meta.is_dir() {
        if top {
            // a FIFO or a device named on the command line would block or never end
            return Err(std::io::Error::other(
                "it is neither a regular file nor a folder",
            ));
        }
        return Ok(());
    }
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    if hidden && !top {
        return Ok(());
    }
    let mut entries = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort();
    for entry in entries {
        rule_files(&entry, false, out)?;
    }
    Ok(())
}
