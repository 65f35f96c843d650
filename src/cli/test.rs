//! `ereje test`: run the examples written in the rule files.

use std::path::PathBuf;

use std::io::Write;

use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};
use crate::examples::ExampleOutcome;
use crate::examples::coverage::{Elements, ServiceCoverage};

/// Arguments of `ereje test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule files folder (default: the rules shipped in the binary). An example's bundle path
    /// is relative to its rule file; for the shipped rules, to `rules/…` in the current folder
    /// if it is there, else in the folder ereje was built from.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Output format: a line per example, then what the examples exercise; one JSON object
    /// per example and line (`{"service", "name", "location", "passed", "failures"}`), then
    /// `{"coverage": {…}}`; or JUnit XML (a test suite per service with its coverage as
    /// properties, a test case per example). Rule-file diagnostics are JSON lines on stderr
    /// with `json` and `junit`, as people read them otherwise.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the rule files' diagnostics.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A line per example, a count, and the coverage.
    Human,
    /// One JSON object per example and line.
    Json,
    /// JUnit XML, for CI systems.
    Junit,
}

/// Run `ereje test`.
pub fn run(args: &TestArgs) -> Outcome {
    let shown = Shown {
        json: args.format != Format::Human,
        lang: args.lang.map_or(crate::vocab::Lang::En, Into::into),
        per_file: args.lang.is_none(),
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let outcomes = crate::examples::run(&rules, std::path::Path::new(""));
    let coverage = crate::examples::coverage::coverage(&rules, &outcomes);
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        Format::Json => write_json(&mut out, &outcomes, &coverage),
        Format::Junit => crate::examples::junit::write(&mut out, &outcomes, &coverage),
        Format::Human => write_human(&mut out, &outcomes, failed, &coverage),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        // a reader gone away (`ereje test | head`) ends the run quietly; a full disk loudly
        super::out::failed(&e);
    }
    if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// One JSON object per example and line, then `{"coverage": {SERVICE: …}}`.
fn write_json(
    out: &mut impl Write,
    outcomes: &[ExampleOutcome],
    coverage: &[ServiceCoverage],
) -> std::io::Result<()> {
    for o in outcomes {
        let line = serde_json::json!({
            "service": o.service,
            "name": o.name,
            "location": o.location,
            "passed": o.passed(),
            "failures": o.failures,
        });
        writeln!(out, "{line}")?;
    }
    let services: serde_json::Map<String, serde_json::Value> = coverage
        .iter()
        .map(|c| {
            let value = serde_json::json!({
                "documents": c.documents,
                "refusal_grounds": c.refusal_grounds,
                "steps": c.steps,
            });
            (c.service.clone(), value)
        })
        .collect();
    writeln!(out, "{}", serde_json::json!({ "coverage": services }))
}

/// A line per example, what failed under it, the count, and what the examples exercise.
fn write_human(
    out: &mut impl Write,
    outcomes: &[ExampleOutcome],
    failed: usize,
    coverage: &[ServiceCoverage],
) -> std::io::Result<()> {
    for o in outcomes {
        if o.passed() {
            writeln!(out, "ok      {} — {}", o.service, o.name)?;
        } else {
            writeln!(out, "FAILED  {} — {} ({})", o.service, o.name, o.location)?;
            for f in &o.failures {
                writeln!(out, "        {f}")?;
            }
        }
    }
    writeln!(out, "{} passed, {failed} failed", outcomes.len() - failed)?;
    if coverage.is_empty() {
        return Ok(());
    }
    writeln!(out, "\ncoverage: what the examples exercise")?;
    for c in coverage {
        writeln!(out, "  {}", c.service)?;
        let rows = [
            ("documents", &c.documents, "named by a finding", "not named"),
            (
                "refusal grounds",
                &c.refusal_grounds,
                "named by a finding",
                "not named",
            ),
            (
                "steps",
                &c.steps,
                "named by a finding or judged by their deadline",
                "neither",
            ),
        ];
        for (what, elements, how, missing) in rows {
            writeln!(
                out,
                "    {what:<16} {}",
                coverage_line(elements, how, missing)
            )?;
        }
    }
    Ok(())
}

/// Elements named on a coverage line at most; the JSON output lists them all.
const NAMED: usize = 20;

/// `5 of 14 named by a finding; not named: a, b`; past [`NAMED`], "… and 9,980 more".
fn coverage_line(elements: &Elements, how: &str, missing: &str) -> String {
    let mut line = format!("{} of {} {how}", elements.covered(), elements.total);
    if !elements.uncovered.is_empty() {
        let shown: Vec<&str> = elements
            .uncovered
            .iter()
            .take(NAMED)
            .map(String::as_str)
            .collect();
        line.push_str(&format!("; {missing}: {}", shown.join(", ")));
        let more = elements.uncovered.len().saturating_sub(NAMED);
        if more > 0 {
            line.push_str(&format!(" and {more} more"));
        }
    }
    line
}
