//! Writing what `ereje lint` found, in the format asked for: reports for people with a summary
//! line, JSON lines, a SARIF log, or GitHub workflow commands (and, on a GitHub runner, the
//! job summary).

use std::io::{IsTerminal, Write};

use super::lint::Format;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lint::Suppressed;
use crate::report::human::{self, Style};
use crate::report::{github, sarif};
use crate::vocab::Lang;

/// What a run found, sorted for output.
pub(super) struct Found<'a> {
    /// The findings reported, with the files they point into (the rule files' errors too).
    pub reported: &'a Diagnostics,
    /// The findings the rule files' `allow`s suppress (none with `--no-suppress`).
    pub suppressed: &'a [Suppressed],
    /// The findings the baseline records.
    pub baselined: &'a [Diagnostic],
    /// The baseline file, as given, when there is one.
    pub baseline: Option<&'a str>,
    /// How many rule files were linted.
    pub files: usize,
}

/// The environment variable that names the job summary file on a GitHub runner.
pub(super) const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

/// Write the findings to stdout (a failure to write ends the run, as [`super::out::failed`]
/// says); with `--format github` on a runner, append the job summary too. The error is a
/// summary that could not be written.
pub(super) fn write(
    found: &Found<'_>,
    format: Format,
    lang: Lang,
    per_file: bool,
) -> Result<(), String> {
    let of =
        |d: &crate::Diagnostic| super::rules::lang_of(d, &found.reported.sources, lang, per_file);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let sources = &found.reported.sources;
    let result = match format {
        Format::Json => found.reported.iter().try_for_each(|d| {
            out.write_all(crate::report::json::diagnostic_line(d, sources, of(d)).as_bytes())
        }),
        Format::Human => {
            let terminal = std::io::stdout().is_terminal();
            found
                .reported
                .iter()
                .try_for_each(|d| {
                    let style = Style::for_stream(terminal, of(d));
                    out.write_all(human::render(d, sources, &style).as_bytes())?;
                    writeln!(out)
                })
                .and_then(|()| writeln!(out, "{}", summary_line(found, lang)))
        }
        Format::Sarif => out.write_all(sarif::log(&entries(found), sources, lang).as_bytes()),
        Format::Github => found
            .reported
            .iter()
            .try_for_each(|d| out.write_all(github::command(d, sources, of(d)).as_bytes())),
    };
    if let Err(e) = result.and_then(|()| out.flush()) {
        super::out::failed(&e);
    }
    if format == Format::Github
        && let Some(path) = std::env::var_os(STEP_SUMMARY).filter(|p| !p.is_empty())
    {
        let text = github::summary(&found.reported.list, &summary_line(found, lang));
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = appended {
            return Err(format!(
                "cannot write the job summary to `{}`: {e}",
                super::out::shown(std::path::Path::new(&path))
            ));
        }
    }
    Ok(())
}

/// The closing line: the counts, the files, and what was suppressed or baselined.
fn summary_line(found: &Found<'_>, lang: Lang) -> String {
    human::lint_summary(
        crate::lint::counts(&found.reported.list),
        found.files,
        found.suppressed.len(),
        found.baseline.map(|_| found.baselined.len()),
        lang,
    )
}

/// Every finding for SARIF, the silenced ones with their suppression, in file order.
fn entries<'a>(found: &Found<'a>) -> Vec<sarif::Entry<'a>> {
    let mut entries: Vec<sarif::Entry<'a>> = found
        .reported
        .iter()
        .map(|d| sarif::Entry {
            diagnostic: d,
            suppression: None,
        })
        .collect();
    entries.extend(found.suppressed.iter().map(|s| sarif::Entry {
        diagnostic: &s.diagnostic,
        suppression: Some(sarif::Suppression::InSource(&s.reasons)),
    }));
    if let Some(file) = found.baseline {
        entries.extend(found.baselined.iter().map(|d| sarif::Entry {
            diagnostic: d,
            suppression: Some(sarif::Suppression::Baseline(file)),
        }));
    }
    entries.sort_by_key(|e| {
        e.diagnostic
            .primary
            .as_ref()
            .map(|l| (l.span.file, l.span.start))
    });
    entries
}
