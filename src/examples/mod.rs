//! Examples: the bundles that rule files name in `example` blocks, checked against the
//! verdict and findings they expect (`ereje test`).
//!
//! An example lists every error finding it expects: a report with an error finding the example
//! does not list fails it, unless the example ends with `and others`. Warnings need not be
//! listed, but a warning that is listed must be reported.

use std::path::{Path, PathBuf};

use crate::RuleSet;
use crate::check::{Options, Report, Severity, Verdict};
use crate::syntax::ast::Example;

pub mod coverage;
pub mod diagnostics;
pub mod junit;

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    /// The service it belongs to.
    pub service: String,
    /// Its description.
    pub name: String,
    /// `file:line` of the example.
    pub location: String,
    /// The rule file it is written in, as named.
    pub file: String,
    /// Its line in that file, from 1.
    pub line: usize,
    /// The `example` block.
    pub span: crate::source::Span,
    /// The bundle's path as resolved (the first place looked, when it was found nowhere).
    pub bundle: PathBuf,
    /// What went wrong; empty when it held.
    pub failures: Vec<String>,
    /// The bundle's report, when the bundle could be read.
    pub report: Option<Report>,
}

impl ExampleOutcome {
    /// Whether the example held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Run every example of the rule set.
///
/// A bundle's path is relative to the folder of its rule file. A rule file's name that is
/// relative is taken from `base` (the CLI passes the current folder, `""`). The rules embedded
/// in the binary are named `rules/…` after the crate's folder, which an installed binary does
/// not run from: for them the crate's folder at build time is tried next. An example whose
/// bundle is in none of these places fails, saying where it looked.
pub fn run(rules: &RuleSet, base: &Path) -> Vec<ExampleOutcome> {
    let mut out = Vec::new();
    for service in &rules.model().services {
        for example in &service.examples {
            let file = rules
                .sources()
                .get(example.span.file)
                .map_or("", |f| f.name.as_str());
            let line = rules
                .sources()
                .get(example.span.file)
                .map_or(0, |f| f.line_col(example.span.start).0);
            let places = places(rules, base, file, &example.bundle.node);
            let found = places.iter().find(|p| p.is_file()).cloned();
            let mut failures = Vec::new();
            let mut report = None;
            let bundle = match found {
                None => {
                    failures.push(not_found(&example.bundle.node, &places));
                    places.into_iter().next().unwrap_or_default()
                }
                Some(path) => {
                    let most = Options::default().limits.bundle_bytes;
                    match crate::source::read_bounded(&path, most) {
                        Err(e) => failures
                            .push(format!("cannot read the bundle `{}`: {e}", path.display())),
                        Ok(bytes) => {
                            let r = rules.check_bytes(&bytes, &Options::default());
                            failures.extend(compare(example, &r));
                            report = Some(r);
                        }
                    }
                    path
                }
            };
            out.push(ExampleOutcome {
                service: service.id.clone(),
                name: example.name.node.clone(),
                location: rules.sources().location(example.span),
                file: file.to_string(),
                line,
                span: example.span,
                bundle,
                failures,
                report,
            });
        }
    }
    out
}

/// Where the bundle of an example in rule file `file` may be, in the order to try.
fn places(rules: &RuleSet, base: &Path, file: &str, bundle: &str) -> Vec<PathBuf> {
    let folder = Path::new(file).parent().unwrap_or(Path::new(""));
    let mut places = vec![base.join(folder).join(bundle)];
    if rules.is_embedded() {
        // an installed binary runs far from the sources: the crate's folder when it was built
        let built = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(folder)
            .join(bundle);
        if !places.contains(&built) {
            places.push(built);
        }
    }
    places
}

/// The failure of an example whose bundle is nowhere.
fn not_found(bundle: &str, places: &[PathBuf]) -> String {
    let looked: Vec<String> = places
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect();
    format!(
        "cannot find the bundle `{bundle}`: looked for {}",
        looked.join(" and ")
    )
}

/// What an example expects and its bundle's report does not bear out.
fn compare(example: &Example, report: &Report) -> Vec<String> {
    let mut failures = Vec::new();
    match Verdict::parse(&example.expect.node) {
        // analysis rejects such a rule file; a rule set built some other way still says so
        None => failures.push(format!(
            "`{}` is not a verdict; write one of ok, pending, incomplete, refused, not_applicable, invalid",
            example.expect.node
        )),
        Some(expected) if expected != report.verdict => {
            let found: Vec<String> = report
                .findings
                .iter()
                .map(|f| format!("{} {}", f.code.name, written(&f.subject)))
                .collect();
            failures.push(format!(
                "expected verdict `{}`, got `{}` (findings: {})",
                expected.as_str(),
                report.verdict.as_str(),
                if found.is_empty() {
                    String::from("none")
                } else {
                    found.join(", ")
                }
            ));
        }
        Some(_) => {}
    }
    for expected in &example.findings {
        let reported = report
            .findings
            .iter()
            .any(|f| f.code.name == expected.code.node && f.subject == expected.subject.node);
        if !reported {
            failures.push(format!(
                "expected finding `{} {}` was not reported",
                expected.code.node,
                written(&expected.subject.node)
            ));
        }
    }
    if example.others.is_none() {
        let mut unlisted: Vec<(&str, &str)> = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            let listed = example
                .findings
                .iter()
                .any(|e| e.code.node == f.code.name && e.subject.node == f.subject);
            let key = (f.code.name, f.subject.as_str());
            if !listed && !unlisted.contains(&key) {
                unlisted.push(key);
            }
        }
        for (code, subject) in unlisted {
            let subject = written(subject);
            failures.push(format!(
                "error finding `{code} {subject}` was reported but is not listed: add `finding {code} {subject}` to the example, or end it with `and others`"
            ));
        }
    }
    failures
}

/// A subject as a rule file writes it: a plain or dotted name as it is, anything else quoted.
/// Only ASCII names go unquoted, so what is printed always reads back as the same subject.
fn written(subject: &str) -> String {
    let plain_segment = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let first_is_and = subject.split('.').next() == Some("and");
    if !first_is_and && subject.split('.').all(plain_segment) {
        subject.to_string()
    } else {
        let mut out = String::from("\"");
        for c in subject.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded rules look beside the current folder first, then in the crate's folder as
    /// it was when the binary was built; rules read from disk look beside their file only.
    #[test]
    fn where_bundles_are_looked_for() {
        let Ok(shipped) = RuleSet::shipped() else {
            panic!("the shipped rules compile")
        };
        let looked = places(&shipped, Path::new("/far"), "rules/kz/x.ereje", "../b.json");
        let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/kz/../b.json");
        assert_eq!(looked, [PathBuf::from("/far/rules/kz/../b.json"), built]);
        let message = not_found("../b.json", &looked);
        assert!(
            message.starts_with(
                "cannot find the bundle `../b.json`: looked for `/far/rules/kz/../b.json` and `"
            ),
            "{message}"
        );

        let files = vec![crate::source::SourceFile::new("r/a.ereje", "")];
        let Ok((disk, _)) = RuleSet::from_sources(files) else {
            panic!("an empty rule file compiles")
        };
        let beside = places(&disk, Path::new(""), "r/a.ereje", "b.json");
        assert_eq!(beside, [PathBuf::from("r/b.json")]);
    }
}
