//! `ereje lint`: run the lints over rule files and report what they find, for people or as
//! JSON lines; `--list` shows the registry.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Outcome;
use super::out::say;
use super::rules::LangArg;
use crate::analysis::analyze_sources;
use crate::codes::Severity;
use crate::lint::{LINTS, Level, Settings, lookup};
use crate::report::human::{self, Style};
use crate::source::SourceFile;
use crate::vocab::Lang;

/// Arguments of `ereje lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Rule files, or folders to search for `.ereje` files; they are linted together, as one
    /// rule set. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// List every lint (code, name, default level, summary) and exit.
    #[arg(long)]
    pub list: bool,
    /// Output format: reports for people with a summary line, or one JSON object per finding
    /// and line (`code`, `name`, `severity`, `message`, `file`, `line`, `column`, `offset`,
    /// `length`, `label`, `help`, `labels`, `notes`).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Report this lint (name or code) as an error; `warnings` makes every warning an error.
    #[arg(short = 'D', long = "deny", value_name = "LINT")]
    pub deny: Vec<String>,
    /// Report this lint (name or code) as a warning.
    #[arg(short = 'W', long = "warn", value_name = "LINT")]
    pub warn: Vec<String>,
    /// Do not report this lint (name or code).
    #[arg(short = 'A', long = "allow", value_name = "LINT")]
    pub allow: Vec<String>,
    /// Report what the rule files' `allow`s suppress too (each known defect of the law).
    #[arg(long)]
    pub no_suppress: bool,
    /// Apply the safe fixes (an `allow` naming a lint with one close name, an `allow` that
    /// suppresses nothing, a repeated citation) to the files, after checking that the fixed
    /// files compile to the same checker; then report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a diff; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Write the witness of each finding of the logic analysis that is reported (a bundle
    /// that demonstrates it) into this folder, as `CODE-SERVICE.ELEMENT-N.json`.
    #[arg(long, value_name = "DIR")]
    pub witness: Option<PathBuf>,
    /// Assignments of its facts the logic analysis tries at most per question; past it, the
    /// question is reported as not decided (`logic-undecided`).
    #[arg(long, value_name = "N", default_value_t = crate::lint::Budget::default().assignments)]
    pub logic_budget: u64,
    /// Milliseconds the logic analysis spends at most per question.
    #[arg(long, value_name = "MS", default_value_t = 200)]
    pub logic_time: u64,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Reports for people, and a summary line.
    Human,
    /// One JSON object per finding and line.
    Json,
}

/// Run `ereje lint`.
pub fn run(args: &LintArgs) -> Outcome {
    if args.list {
        list();
        return Outcome::Clean;
    }
    let (settings, deny_warnings) = match settings(args) {
        Ok(s) => s,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            return Outcome::Failure;
        }
    };
    let lang: Lang = args.lang.into();
    let files = match read(&args.paths) {
        Ok(f) => f,
        Err(diagnostics) => {
            super::rules::print(
                &diagnostics,
                super::rules::Shown {
                    json: args.format == Format::Json,
                    lang,
                },
                human::Over::RuleFilesUnchecked,
            );
            return Outcome::Failure;
        }
    };
    let count = files.len();
    let analysis = analyze_sources(files);
    let compiled = !analysis.diagnostics.has_errors();
    // lints read a model that compiled; on one that did not, they would report the holes
    let linted = if compiled {
        crate::lint::lint(&analysis, &settings)
    } else {
        crate::lint::Linted::default()
    };
    if compiled && (args.fix || args.diff) {
        let mode = if args.fix {
            super::lint_fix::Mode::Write
        } else {
            super::lint_fix::Mode::Diff
        };
        match super::lint_fix::run(&analysis, &linted, &settings, mode) {
            Ok(n) if n > 0 && args.fix => {
                // report what is left, on the files as they are now
                let again = LintArgs {
                    fix: false,
                    paths: args.paths.clone(),
                    deny: args.deny.clone(),
                    warn: args.warn.clone(),
                    allow: args.allow.clone(),
                    witness: args.witness.clone(),
                    ..*args
                };
                return run(&again);
            }
            Ok(_) if args.diff => return Outcome::Clean,
            Ok(_) => {}
            Err(message) => {
                let _ = writeln!(std::io::stderr(), "error: {message}");
                return Outcome::Failure;
            }
        }
    }
    let mut all = crate::lint::all_diagnostics(&analysis, &linted, args.no_suppress);
    if deny_warnings {
        for d in &mut all.list {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    if let Some(dir) = &args.witness
        && let Err(message) = write_witnesses(&all, dir)
    {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        return Outcome::Failure;
    }
    let suppressed = if args.no_suppress {
        0
    } else {
        linted.suppressed.len()
    };
    write(&all, args.format, lang, count, suppressed);
    if !compiled {
        Outcome::Failure
    } else if all.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// The levels `-A/-W/-D` set, and whether `-D warnings` was given; an unknown lint name is
/// an error that says the closest one.
fn settings(args: &LintArgs) -> Result<(Settings, bool), String> {
    let mut levels = BTreeMap::new();
    let mut deny_warnings = false;
    for (names, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for name in names {
            if level == Level::Deny && name == "warnings" {
                deny_warnings = true;
                continue;
            }
            match lookup(name) {
                Some(lint) => {
                    levels.insert(lint.code.code, level);
                }
                None => {
                    let near = crate::suggest::suggest(name, LINTS.iter().map(|l| l.name()));
                    let hint = near.map_or(String::new(), |n| format!("; did you mean `{n}`?"));
                    return Err(format!(
                        "no lint is named `{}`{hint} (`ereje lint --list` lists them)",
                        crate::report::escaped(name)
                    ));
                }
            }
        }
    }
    Ok((
        Settings {
            levels,
            logic: crate::lint::Budget {
                assignments: args.logic_budget,
                time: std::time::Duration::from_millis(args.logic_time),
            },
        },
        deny_warnings,
    ))
}

/// Write the witness of every finding that has one into `dir`, numbered per name.
fn write_witnesses(
    all: &crate::diagnostic::Diagnostics,
    dir: &std::path::Path,
) -> Result<(), String> {
    let shown = |e: std::io::Error| format!("cannot write witnesses into {}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(shown)?;
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    for w in all.iter().filter_map(|d| d.witness.as_deref()) {
        let n = numbers.entry(w.name.as_str()).or_insert(0);
        let path = dir.join(format!("{}-{n}.json", w.name));
        *n += 1;
        std::fs::write(&path, format!("{}\n", w.bundle)).map_err(shown)?;
    }
    Ok(())
}

/// Every rule file under the paths (the current folder if none), each once, sorted.
fn read(paths: &[PathBuf]) -> Result<Vec<SourceFile>, crate::diagnostic::Diagnostics> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files: Vec<SourceFile> = Vec::new();
    for path in paths {
        files.extend(crate::rule_set::read_rule_files(path)?);
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.dedup_by(|a, b| a.name == b.name);
    Ok(files)
}

fn list() {
    for lint in LINTS {
        say!(
            "{:<5} {:<30} {:<5} {}",
            lint.code.code,
            lint.code.name,
            lint.level.as_str(),
            lint.code.summary
        );
    }
}

fn write(
    all: &crate::diagnostic::Diagnostics,
    format: Format,
    lang: Lang,
    files: usize,
    suppressed: usize,
) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match format {
        Format::Json => all.iter().try_for_each(|d| {
            out.write_all(crate::report::json::diagnostic_line(d, &all.sources, lang).as_bytes())
        }),
        Format::Human => {
            let style = Style::for_stream(std::io::stdout().is_terminal(), lang);
            all.iter()
                .try_for_each(|d| {
                    out.write_all(human::render(d, &all.sources, &style).as_bytes())?;
                    writeln!(out)
                })
                .and_then(|()| {
                    let counts = crate::lint::counts(&all.list);
                    writeln!(
                        out,
                        "{}",
                        human::lint_summary(counts, files, suppressed, lang)
                    )
                })
        }
    };
    if let Err(e) = result.and_then(|()| out.flush()) {
        super::out::failed(&e);
    }
}
