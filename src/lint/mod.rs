//! Lints: what a rule set that compiles may still get wrong, or what the law it records gets
//! wrong (a term shorter than its steps, a day count of unstated kind, an element without a
//! citation). They run on the analysis, after it: the checked model, with the syntax trees
//! for the places (spans) and clauses the model does not keep.
//!
//! Every lint is one file here, declared with [`declare_lint!`](registry::declare_lint) and
//! listed in [`LINTS`]. A finding is a [`Diagnostic`] with the lint's code; an
//! `allow NAME because "…"` on an element suppresses the findings of that lint inside the
//! element ([`suppress`]), and the run's [`Settings`] decide each lint's level.

pub mod baseline;
mod chain;
pub mod config;
pub mod docs;
mod durations;
mod elements;
pub mod fingerprint;
pub mod fix;
pub mod glob;
pub(crate) mod logic;
mod mapping;
mod registry;
mod suppress;
mod uses;

mod act_reference_mismatch;
mod calendar_working_days;
mod citation_of_unknown_annex;
mod citation_of_unknown_paragraph;
mod condition_always_holds;
mod condition_never_holds;
mod conflicting_step_actors;
mod conflicting_step_addressees;
mod conflicting_step_durations;
mod duplicate_citation;
mod duplicate_paragraph;
mod empty_annex;
mod gapped_versions;
mod ground_subsumed;
mod grounds_overlap;
mod logic_undecided;
mod missing_citation;
mod missing_translation;
mod non_canonical_citation;
mod process_without_term;
mod reference_of_wrong_kind;
mod requirement_never_met;
mod result_outside_service;
mod service_without_examples;
mod step_deadlines_below_term;
mod step_deadlines_exceed_term;
mod step_without_actor;
mod step_without_counterpart;
mod step_without_deadline;
mod uncovered_by_examples;
mod undefined_abbreviation;
mod undefined_actor;
mod unknown_entry_into_force;
mod unknown_lint;
mod unless_never_applies;
mod unstated_day_kind;
mod unused_actor;
mod unused_allow;
mod unused_document;
mod unused_input;
mod unused_let;
mod unverified_source;
mod words;
mod working_days_without_calendar;
mod written_differs_from_reading;

use std::collections::BTreeMap;

pub use logic::search::Budget;
pub use registry::{LINTS, Level, Lint, lookup};

use crate::analysis::Analysis;
use crate::codes::Severity;
use crate::diagnostic::{Diagnostic, Diagnostics, Label};
use crate::semantic::Model;
use crate::syntax::ast;
use crate::vocab::Wording;

/// What a lint sees, and where its findings go.
pub struct Context<'a> {
    /// The analysed rule set.
    pub analysis: &'a Analysis,
    lint: &'static Lint,
    found: Vec<(Diagnostic, Vec<crate::source::Span>)>,
    settings: &'a Settings,
    logic: &'a std::cell::OnceCell<logic::Outcome>,
    rules: &'a std::cell::OnceCell<Option<crate::RuleSet>>,
}

impl<'a> Context<'a> {
    /// The checked model.
    pub fn model(&self) -> &'a Model {
        &self.analysis.model
    }

    /// The syntax tree of each rule file.
    pub fn files(&self) -> &'a [ast::File] {
        &self.analysis.files
    }

    /// A finding of the running lint at `primary`, to be completed and [`emit`](Self::emit)ted.
    pub fn finding(&self, message: impl Into<Wording>, primary: Label) -> Diagnostic {
        Diagnostic::new(self.lint.code, message, primary)
    }

    /// The set of keywords the file of `span` is written in: a fix writes its keywords so.
    pub fn keywords_of(&self, span: crate::source::Span) -> crate::syntax::keywords::Set {
        self.analysis
            .model
            .sources
            .get(span.file)
            .map_or(crate::syntax::keywords::Set::En, |f| {
                crate::syntax::keywords::set_of(&f.text)
            })
    }

    /// `span` without the blanks and line breaks at its end (a clause's span runs on to the
    /// next one).
    pub fn trimmed(&self, span: crate::source::Span) -> crate::source::Span {
        let text = self
            .analysis
            .model
            .sources
            .get(span.file)
            .and_then(|f| f.text.get(span.start..span.end));
        match text {
            Some(t) => {
                crate::source::Span::new(span.file, span.start, span.start + t.trim_end().len())
            }
            None => span,
        }
    }

    /// The text under `span` (empty if it lies outside its file).
    pub fn source_text(&self, span: crate::source::Span) -> &'a str {
        self.analysis
            .model
            .sources
            .get(span.file)
            .and_then(|f| f.text.get(span.start..span.end))
            .unwrap_or("")
    }

    /// `span` with the blanks before it on its line (so that deleting it leaves no gap).
    pub fn with_blank_before(&self, span: crate::source::Span) -> crate::source::Span {
        let Some(text) = self.analysis.model.sources.get(span.file).map(|f| &f.text) else {
            return span;
        };
        let before = text.get(..span.start).unwrap_or("");
        let kept = before.trim_end_matches([' ', '\t']).len();
        crate::source::Span::new(span.file, kept, span.end)
    }

    /// The rules compiled, as `ereje check` runs them: compiled once, by the first lint that
    /// asks (the examples' coverage, the logic analysis).
    pub(crate) fn rules(&self) -> Option<&'a crate::RuleSet> {
        self.rules
            .get_or_init(|| {
                crate::RuleSet::from_analysis(self.analysis.clone())
                    .ok()
                    .map(|(rules, _)| rules)
            })
            .as_ref()
    }

    /// What the logic analysis found: run once, by the first lint that asks.
    pub(crate) fn logic(&self) -> &'a logic::Outcome {
        self.logic.get_or_init(|| match self.rules() {
            Some(rules) => logic::analyse(&self.analysis.model, rules.plan(), self.settings.logic),
            None => logic::Outcome::default(),
        })
    }

    /// Report a finding.
    pub fn emit(&mut self, diagnostic: Diagnostic) {
        self.found.push((diagnostic, Vec::new()));
    }

    /// Report a finding that an `allow` on any of the elements at `also` suppresses too, as
    /// well as one around its primary place: one finding of several elements alike (the
    /// steps of a view that together take one step's time).
    pub fn emit_allowed_at(&mut self, diagnostic: Diagnostic, also: Vec<crate::source::Span>) {
        self.found.push((diagnostic, also));
    }
}

/// How a run treats the lints.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Levels set for this run, by code (`L020`), over the lints' defaults.
    pub levels: BTreeMap<&'static str, Level>,
    /// Levels for the findings in some files (by the file's name in the source map), over
    /// `levels`: `ereje.toml`'s overrides.
    pub files: BTreeMap<String, BTreeMap<&'static str, Level>>,
    /// What the logic analysis may spend on each question.
    pub logic: Budget,
}

impl Settings {
    /// The level of `lint` in this run, for findings in no file in particular.
    pub fn level(&self, lint: &Lint) -> Level {
        self.levels
            .get(lint.code.code)
            .copied()
            .unwrap_or(lint.level)
    }

    /// The level of `lint` for a finding in the file named `file`.
    pub fn level_in(&self, lint: &Lint, file: Option<&str>) -> Level {
        file.and_then(|f| self.files.get(f))
            .and_then(|levels| levels.get(lint.code.code))
            .copied()
            .unwrap_or_else(|| self.level(lint))
    }
}

/// What linting found.
#[derive(Debug, Clone, Default)]
pub struct Linted {
    /// The findings reported, in file order, each at its lint's level in this run.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings the rule files' `allow`s suppressed, at their levels, with the reasons.
    pub suppressed: Vec<Suppressed>,
}

/// A finding an `allow` suppressed.
#[derive(Debug, Clone)]
pub struct Suppressed {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// The reason of each `allow` that covers it, innermost first.
    pub reasons: Vec<String>,
}

/// Run every lint over an analysed rule set.
pub fn lint(analysis: &Analysis, settings: &Settings) -> Linted {
    let mut found = Vec::new();
    let logic = std::cell::OnceCell::new();
    let rules = std::cell::OnceCell::new();
    for lint in LINTS {
        if lint.code == unused_allow::UNUSED_ALLOW.code {
            continue;
        }
        let mut cx = Context {
            analysis,
            lint,
            found: Vec::new(),
            settings,
            logic: &logic,
            rules: &rules,
        };
        (lint.check)(&mut cx);
        found.extend(cx.found.into_iter().map(|(d, also)| (*lint, d, also)));
    }
    let allows = suppress::Allows::collect(&analysis.files);
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for (lint, d, also) in found {
        match allows.suppresses(lint, &d, &also) {
            Some(reasons) => suppressed.push((
                lint,
                Suppressed {
                    diagnostic: d,
                    reasons,
                },
            )),
            None => kept.push((lint, d)),
        }
    }
    // an `allow` of an unused-allow finding is itself looked for, like any other
    for d in allows.unused(&analysis.model.sources) {
        let lint = &unused_allow::UNUSED_ALLOW;
        match allows.suppresses(lint, &d, &[]) {
            Some(reasons) => suppressed.push((
                lint,
                Suppressed {
                    diagnostic: d,
                    reasons,
                },
            )),
            None => kept.push((lint, d)),
        }
    }
    let sources = &analysis.model.sources;
    let level = |lint: &Lint, d: &Diagnostic| {
        let file = d.primary.as_ref().and_then(|l| sources.get(l.span.file));
        settings.level_in(lint, file.map(|f| f.name.as_str()))
    };
    let mut diagnostics: Vec<Diagnostic> = kept
        .into_iter()
        .filter_map(|(lint, mut d)| {
            d.severity = level(lint, &d).severity()?;
            Some(d)
        })
        .collect();
    let mut suppressed: Vec<Suppressed> = suppressed
        .into_iter()
        .filter_map(|(lint, mut s)| {
            s.diagnostic.severity = level(lint, &s.diagnostic).severity()?;
            Some(s)
        })
        .collect();
    diagnostics.sort_by_key(place);
    suppressed.sort_by_key(|s| place(&s.diagnostic));
    Linted {
        diagnostics,
        suppressed,
    }
}

/// Where a finding is, for sorting: its file and offset.
fn place(d: &Diagnostic) -> Option<(usize, usize)> {
    d.primary.as_ref().map(|l| (l.span.file, l.span.start))
}

/// The analysis's own diagnostics, then the lints' findings (with those the rule files
/// suppress, if `suppressed` is set), in one list for rendering.
pub fn all_diagnostics(analysis: &Analysis, linted: &Linted, suppressed: bool) -> Diagnostics {
    let mut all = analysis.diagnostics.clone();
    let mut lints = linted.diagnostics.clone();
    if suppressed {
        lints.extend(linted.suppressed.iter().map(|s| s.diagnostic.clone()));
        lints.sort_by_key(place);
    }
    all.extend(lints);
    all
}

/// How many findings have each severity: errors, warnings, infos.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize, usize) {
    let n = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}
