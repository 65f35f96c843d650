//! Suppressions: `allow NAME because "…"` on an element silences the findings of the lint it
//! names (by name or code) whose primary place lies inside the element, its clauses and the
//! elements within it included, as an attribute does in Rust. Each `allow` remembers whether
//! it silenced anything, so that one that silences nothing is itself reported.

use std::cell::Cell;

use super::Lint;
use super::elements::elements;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::ast;
use crate::vocab::Wording;

/// One `allow` clause.
#[derive(Debug)]
pub(super) struct Site<'a> {
    /// The clause as written.
    pub allow: &'a ast::Allow,
    /// The element it is written on.
    pub element: Span,
    /// That element as messages name it, in the genitive: `step send_file`, «шага
    /// `send_file`», «`send_file` қадамының».
    pub owner: Wording,
    /// Whether it has suppressed a finding.
    pub used: Cell<bool>,
}

/// Every `allow` of the rule files.
#[derive(Debug)]
pub(super) struct Allows<'a> {
    pub sites: Vec<Site<'a>>,
}

impl<'a> Allows<'a> {
    /// The `allow`s written in the files, with the elements they are written on.
    pub fn collect(files: &'a [ast::File]) -> Allows<'a> {
        let mut sites = Vec::new();
        for el in elements(files) {
            for allow in &el.provenance.allows {
                sites.push(Site {
                    allow,
                    element: el.span,
                    owner: el.describe_words(true),
                    used: Cell::new(false),
                });
            }
        }
        Allows { sites }
    }

    /// The reasons of the `allow`s of `lint` that cover the finding, at its primary place or
    /// at one of the `also` places its lint gives (the other steps of one group), innermost
    /// first (`None`: no `allow` covers it); every such `allow` counts as used.
    pub fn suppresses(
        &self,
        lint: &Lint,
        finding: &Diagnostic,
        also: &[Span],
    ) -> Option<Vec<String>> {
        let at = finding.primary.as_ref().map(|l| l.span)?;
        let mut covering: Vec<&Site<'_>> = Vec::new();
        for site in &self.sites {
            let name = site.allow.lint.node.as_str();
            if (name == lint.code.name || name.eq_ignore_ascii_case(lint.code.code))
                && std::iter::once(&at)
                    .chain(also)
                    .any(|&place| inside(place, site.element))
            {
                site.used.set(true);
                covering.push(site);
            }
        }
        // the innermost element is the shortest
        covering.sort_by_key(|s| s.element.end - s.element.start);
        let reasons: Vec<String> = covering
            .iter()
            .filter_map(|s| s.allow.reason.as_ref().map(|r| r.node.clone()))
            .collect();
        (!covering.is_empty()).then_some(reasons)
    }

    /// The `allow`s of existing lints that suppressed nothing, as findings.
    pub fn unused(&self, sources: &crate::source::SourceMap) -> Vec<Diagnostic> {
        self.sites
            .iter()
            .filter(|s| !s.used.get() && super::lookup(&s.allow.lint.node).is_some())
            .map(|s| super::unused_allow::finding(s, sources))
            .collect()
    }
}

/// Whether `inner` lies within `outer`, in the same file.
fn inside(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && outer.start <= inner.start && inner.end <= outer.end
}
