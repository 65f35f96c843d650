//! The examples of a rule set that compiled, run as `ereje test` runs them, their failures
//! shown where each example is written.

use std::path::Path;

use crate::RuleSet;
use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;

/// The failures of the examples, as diagnostics (none when the rule set does not compile).
pub fn failures(analysis: &Analysis) -> Vec<Diagnostic> {
    match RuleSet::from_analysis(analysis.clone()) {
        // the rule files are named by absolute paths, so the bundles are found beside them
        Ok((rules, _)) => {
            crate::examples::diagnostics::of(&crate::examples::run(&rules, Path::new("")))
        }
        Err(_) => Vec::new(),
    }
}
