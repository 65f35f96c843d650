//! A service's examples: each expected verdict is a verdict and each expected finding's code
//! is a bundle finding's name, so that a misspelling stops the rule files loading instead of
//! failing (or, for a finding, never matching) when `ereje test` runs.

use super::ServiceResolver;
use crate::codes::{CODES, Family, lookup};
use crate::semantic::error::SemanticError;
use crate::suggest::suggest;
use crate::syntax::ast;
use crate::vocab::Verdict;

impl ServiceResolver<'_> {
    /// Check the verdicts and finding codes the examples expect.
    pub(super) fn examples(&mut self, examples: &[ast::Example]) {
        for example in examples {
            let expect = &example.expect;
            // an empty name is the hole a syntax error left: it was reported there
            if !expect.node.is_empty() && Verdict::parse(&expect.node).is_none() {
                let verdicts = Verdict::ALL.map(Verdict::as_str);
                self.errors.push(SemanticError::UnknownVerdict {
                    verdict: expect.node.clone(),
                    suggestion: suggest(&expect.node, verdicts.iter().copied()).map(String::from),
                    span: expect.span,
                });
            }
            for finding in &example.findings {
                self.finding_code(&finding.code);
            }
        }
    }

    /// A finding code must be the name of a bundle finding (`missing-document`), as reports
    /// write it.
    fn finding_code(&mut self, code: &ast::Name) {
        let findings = CODES.iter().filter(|c| c.family() == Family::Bundle);
        if findings.clone().any(|c| c.name == code.node) {
            return;
        }
        // `V004` is that finding's number: reports, and so examples, use its name
        let numbered = lookup(&code.node).filter(|c| c.family() == Family::Bundle);
        let (suggestion, number) = match numbered {
            Some(c) => (Some(c.name), true),
            None => (suggest(&code.node, findings.map(|c| c.name)), false),
        };
        self.errors.push(SemanticError::UnknownFindingCode {
            code: code.node.clone(),
            suggestion: suggestion.map(String::from),
            number,
            span: code.span,
        });
    }
}
