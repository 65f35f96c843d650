//! `ereje lint`: run the lints over rule files and report what they find, for people, as
//! JSON lines, as SARIF or as GitHub workflow commands; `--list` shows the registry.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Outcome;
use super::out::say;
use super::rules::LangArg;
use crate::analysis::analyze_sources;
use crate::codes::Severity;
use crate::diagnostic::Diagnostics;
use crate::lint::baseline::Baseline;
use crate::lint::{LINTS, Level, Settings, lookup};
use crate::report::human;
use crate::source::SourceFile;
use crate::vocab::{Lang, Wording};

/// Arguments of `ereje lint`.
#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// Rule files, or folders to search for `.ereje` files; they are linted together, as one
    /// rule set. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// List every lint (code, name, default level, summary) and exit.
    #[arg(long)]
    pub list: bool,
    /// Output format: reports for people with a summary line; one JSON object per finding
    /// and line (`code`, `name`, `severity`, `message`, `file`, `line`, `column`, `offset`,
    /// `length`, `label`, `help`, `labels`, `notes`, `witness`); a SARIF 2.1.0 log (code scanning); or
    /// GitHub workflow commands (annotations, and the job summary on a runner).
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
    /// suppresses nothing, a repeated citation, a citation of the service's own act or standard
    /// written in full) to the files, after checking that the fixed
    /// files compile to the same checker; then report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a diff; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Language of the messages.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The configuration file; without it, the `ereje.toml` in the folder of the first PATH
    /// or the closest folder above.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report only the findings this baseline file does not record (made by
    /// `--write-baseline`); the exit status then reflects only the new ones.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file, and report none of them.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
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
    /// A SARIF 2.1.0 log, for GitHub code scanning and other viewers.
    Sarif,
    /// GitHub workflow commands: an annotation per finding, and the job summary.
    Github,
}

/// Run `ereje lint`.
pub fn run(args: &LintArgs) -> Outcome {
    if args.list {
        list();
        return Outcome::Clean;
    }
    let lang: Lang = args.lang.map_or(Lang::En, Into::into);
    let per_file = args.lang.is_none();
    let (command_line, cli_deny_warnings) = match settings(args) {
        Ok(s) => s,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {}", message.get(lang));
            return Outcome::Failure;
        }
    };
    let config = match super::lint_config::load(args.config.as_deref(), &args.paths) {
        Ok(c) => c,
        Err(super::lint_config::Failure::Unreadable(message)) => {
            let _ = writeln!(std::io::stderr(), "error: {}", message.get(lang));
            return Outcome::Failure;
        }
        Err(super::lint_config::Failure::Invalid(diagnostics, name)) => {
            let shown = super::rules::Shown {
                json: args.format == Format::Json,
                lang,
                per_file,
            };
            super::rules::print(&diagnostics, shown, human::Over::Config(&name));
            return Outcome::Failure;
        }
    };
    let files = match read(&args.paths, config.as_ref()) {
        Ok(f) => f,
        Err(diagnostics) => {
            super::rules::print(
                &diagnostics,
                super::rules::Shown {
                    json: args.format == Format::Json,
                    lang,
                    per_file,
                },
                human::Over::RuleFilesUnchecked,
            );
            return Outcome::Failure;
        }
    };
    if files.is_empty()
        && let Some(c) = &config
    {
        let shown = super::out::shown(&c.path);
        let message = Wording::new(
            format!("`[lint.paths]` of `{shown}` leaves no rule file to lint"),
            format!("`[lint.paths]` в `{shown}` не оставляет ни одного файла правил для проверки"),
            format!(
                "`{shown}` ішіндегі `[lint.paths]` тексеруге бірде-бір ереже файлын қалдырмайды"
            ),
        );
        let _ = writeln!(std::io::stderr(), "error: {}", message.get(lang));
        return Outcome::Failure;
    }
    let count = files.len();
    let deny_warnings =
        cli_deny_warnings || config.as_ref().is_some_and(|c| c.config.deny_warnings);
    let mut settings = match &config {
        Some(c) => c.settings(&command_line, &files),
        None => Settings {
            levels: command_line,
            ..Settings::default()
        },
    };
    settings.logic = crate::lint::Budget {
        assignments: args.logic_budget,
        time: std::time::Duration::from_millis(args.logic_time),
    };
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
                    ..args.clone()
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
    let mut suppressed = if args.no_suppress {
        Vec::new()
    } else {
        linted.suppressed.clone()
    };
    if deny_warnings {
        for s in &mut suppressed {
            if s.diagnostic.severity == Severity::Warning {
                s.diagnostic.severity = Severity::Error;
            }
        }
    }
    let baseline_file = args.baseline.as_ref().or(args.write_baseline.as_ref());
    let mut baselined = Vec::new();
    if compiled && let Some(path) = baseline_file {
        match baseline(args, &all) {
            Ok(b) => {
                let list = std::mem::take(&mut all.list);
                (all.list, baselined) = b.split(list, &all.sources);
            }
            Err(message) => {
                let _ = writeln!(std::io::stderr(), "error: {message}");
                return Outcome::Failure;
            }
        }
        if args.write_baseline.is_some() {
            let _ = writeln!(
                std::io::stderr(),
                "recorded {} findings in the baseline `{}`",
                baselined.len(),
                super::out::shown(path)
            );
        }
    }
    let shown_baseline = baseline_file.map(|p| p.display().to_string());
    let found = super::lint_output::Found {
        reported: &all,
        suppressed: &suppressed,
        baselined: &baselined,
        baseline: shown_baseline.as_deref().filter(|_| compiled),
        files: count,
    };
    if let Err(message) = super::lint_output::write(&found, args.format, lang, per_file) {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        return Outcome::Failure;
    }
    if !compiled {
        Outcome::Failure
    } else if all.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// The baseline of the run: read from `--baseline`, or made of the findings and written to
/// `--write-baseline`.
fn baseline(args: &LintArgs, all: &Diagnostics) -> Result<Baseline, String> {
    if let Some(path) = &args.write_baseline {
        let text = Baseline::record(&all.list, &all.sources);
        std::fs::write(path, &text).map_err(|e| {
            format!(
                "cannot write the baseline `{}`: {e}",
                super::out::shown(path)
            )
        })?;
        return Baseline::parse(&text);
    }
    let Some(path) = &args.baseline else {
        return Ok(Baseline::default());
    };
    let text = crate::source::read_text_bounded(path, crate::source::MAX_RULE_FILE_BYTES).map_err(
        |e| {
            format!(
                "cannot read the baseline `{}`: {e}",
                super::out::shown(path)
            )
        },
    )?;
    Baseline::parse(&text).map_err(|e| {
        format!(
            "the baseline `{}` is not one ereje wrote: {e}",
            super::out::shown(path)
        )
    })
}

/// The levels `-A/-W/-D` set, and whether `-D warnings` was given; an unknown lint name is
/// an error that says the closest one.
fn settings(args: &LintArgs) -> Result<(BTreeMap<&'static str, Level>, bool), Wording> {
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
                    let named = crate::report::escaped(name);
                    let (en, ru, kk) = near
                        .map(|n| {
                            (
                                format!("; did you mean `{n}`?"),
                                format!("; возможно, имелось в виду `{n}`?"),
                                format!("; `{n}` деп жазғыңыз келді ме?"),
                            )
                        })
                        .unwrap_or_default();
                    return Err(Wording::new(
                        format!("no lint is named `{named}`{en} (`ereje lint --list` lists them)"),
                        format!(
                            "нет проверки с именем `{named}`{ru} (`ereje lint --list` перечисляет их)"
                        ),
                        format!(
                            "`{named}` деп аталатын тексеру жоқ{kk} (`ereje lint --list` оларды тізіп береді)"
                        ),
                    ));
                }
            }
        }
    }
    Ok((levels, deny_warnings))
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

/// Every rule file under the paths (the current folder if none) that the configuration keeps,
/// each once, sorted.
fn read(
    paths: &[PathBuf],
    config: Option<&super::lint_config::Loaded>,
) -> Result<Vec<SourceFile>, Diagnostics> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files: Vec<SourceFile> = Vec::new();
    for path in paths {
        let found = crate::rule_set::read_rule_files(path)?;
        match config {
            Some(c) => files.extend(c.keep(path, found)),
            None => files.extend(found),
        }
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
