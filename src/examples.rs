//! Examples: the bundles that rule files name in `example` blocks, checked against the
//! verdict and findings they expect (`ereje test`).

use std::path::{Path, PathBuf};

use crate::RuleSet;
use crate::check::{Options, Verdict};

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    /// The service it belongs to.
    pub service: String,
    /// Its description.
    pub name: String,
    /// `file:line` of the example.
    pub location: String,
    /// The bundle's path as resolved.
    pub bundle: PathBuf,
    /// What went wrong; empty when it held.
    pub failures: Vec<String>,
}

impl ExampleOutcome {
    /// Whether the example held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Run every example of the rule set. Bundle paths are relative to the rule file's folder,
/// which is taken relative to `base` when the file's name is relative.
pub fn run(rules: &RuleSet, base: &Path) -> Vec<ExampleOutcome> {
    let mut out = Vec::new();
    for service in &rules.model().services {
        for example in &service.examples {
            let file_name = rules
                .sources()
                .get(example.span.file)
                .map_or("", |f| f.name.as_str());
            let folder = Path::new(file_name).parent().unwrap_or(Path::new(""));
            let bundle = base.join(folder).join(&example.bundle.node);
            let mut failures = Vec::new();
            match std::fs::read_to_string(&bundle) {
                Err(e) => failures.push(format!(
                    "cannot read the bundle `{}`: {e}",
                    bundle.display()
                )),
                Ok(text) => {
                    let report = rules.check(&text, &Options::default());
                    match Verdict::parse(&example.expect.node) {
                        None => failures.push(format!(
                            "`{}` is not a verdict; write one of ok, pending, incomplete, refused, not_applicable, invalid",
                            example.expect.node
                        )),
                        Some(expected) if expected != report.verdict => {
                            let found: Vec<String> = report.findings.iter().map(|f| format!("{} {}", f.code.name, f.subject)).collect();
                            failures.push(format!(
                                "expected verdict `{}`, got `{}` (findings: {})",
                                expected.as_str(),
                                report.verdict.as_str(),
                                if found.is_empty() { String::from("none") } else { found.join(", ") }
                            ));
                        }
                        Some(_) => {}
                    }
                    for (code, subject) in &example.findings {
                        if !report
                            .findings
                            .iter()
                            .any(|f| f.code.name == code.node && f.subject == subject.node)
                        {
                            failures.push(format!(
                                "expected finding `{} {}` was not reported",
                                code.node, subject.node
                            ));
                        }
                    }
                }
            }
            out.push(ExampleOutcome {
                service: service.id.clone(),
                name: example.name.node.clone(),
                location: rules.sources().location(example.span),
                bundle,
                failures,
            });
        }
    }
    out
}
