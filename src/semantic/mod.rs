//! Semantic analysis: AST → checked model. Resolution (`resolve`), types and units (`types`),
//! and validity in time (`validity`). Every error of every file is collected before failing.

pub(crate) mod calendar;
pub mod calendar_error;
pub mod error;
pub mod model;
pub(crate) mod process;
pub(crate) mod resolve;
pub(crate) mod types;
pub(crate) mod validity;

use std::collections::HashMap;

pub use calendar::build as build_calendar;
pub use error::SemanticError;
pub use model::Model;

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::source::{SourceMap, Span};
use crate::syntax::Holes;
use crate::syntax::ast::{Decl, File};

/// Analyse parsed rule files (`files[i]` was parsed from `sources` file `i`). The model is
/// built as far as it is sound; every problem found is returned beside it, as diagnostics.
/// Names in `holes` were declared in text that could not be parsed: a use of one is not an
/// undefined name (the syntax error already said what is wrong there).
pub fn analyze(files: &[File], sources: &SourceMap, holes: &Holes) -> (Model, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut acts = Vec::new();
    let mut act_spans: HashMap<String, Span> = HashMap::new();
    let mut calendar_decls = Vec::new();
    let mut services = Vec::new();
    for file in files {
        for decl in &file.decls {
            match decl {
                Decl::Act(act) => {
                    if let Some(first) = act_spans.insert(act.name.node.clone(), act.name.span) {
                        errors.push(SemanticError::Duplicate {
                            what: "act",
                            name: act.name.node.clone(),
                            span: act.name.span,
                            first,
                        });
                        continue;
                    }
                    acts.push(act.as_ref().clone());
                }
                Decl::Calendar(cal) => calendar_decls.push(cal.as_ref()),
                Decl::Service(service) => services.push(service),
            }
        }
    }
    let acts = validity::resolve_acts(acts);
    for act in acts.values() {
        for r in &act.decl.references {
            if !acts.contains_key(&r.to.node) {
                errors.push(SemanticError::Undefined {
                    what: "act",
                    name: r.to.node.clone(),
                    suggestion: crate::suggest::suggest(
                        &r.to.node,
                        acts.keys().map(String::as_str),
                    )
                    .map(String::from),
                    how: resolve::declare_act(),
                    repeats: 0,
                    span: r.to.span,
                });
            }
        }
    }
    let calendar_names: Vec<String> = calendar_decls.iter().map(|c| c.name.node.clone()).collect();
    let mut model_services = Vec::new();
    for service in services {
        let Some(source) = sources.get(service.span.file) else {
            continue;
        };
        let mut resolver = resolve::ServiceResolver {
            acts: &acts,
            calendars: &calendar_names,
            source,
            errors: &mut errors,
        };
        model_services.push(resolver.service(service));
    }
    let mut diagnostics = Vec::new();
    let mut calendars = Vec::new();
    for decl in &calendar_decls {
        calendar_citations(decl, &acts, &mut errors);
        match calendar::build(decl) {
            Ok(c) => calendars.push(Arc::new(c)),
            Err(es) => diagnostics.extend(es.iter().map(Diagnostic::from)),
        }
    }
    overlapping_versions(&model_services, &mut errors);
    errors.retain(|e| !excused(e, holes));
    let errors = collapse_repeated_undefined(errors);
    let mut all: Vec<Diagnostic> = errors.iter().map(Diagnostic::from).collect();
    all.extend(diagnostics);
    let model = Model {
        sources: sources.clone(),
        acts,
        services: model_services,
        calendars,
    };
    (model, all)
}

/// An undefined name that was declared in text that could not be parsed: the syntax error
/// there already tells the author what is wrong.
fn excused(error: &SemanticError, holes: &Holes) -> bool {
    match error {
        SemanticError::Undefined { name, .. } => holes.contains(name),
        _ => false,
    }
}

/// Every act a calendar cites must be declared.
fn calendar_citations(
    calendar: &crate::syntax::ast::Calendar,
    acts: &std::collections::BTreeMap<String, model::ActInfo>,
    errors: &mut Vec<SemanticError>,
) {
    use crate::syntax::ast::CiteTarget;
    let provenances = std::iter::once(&calendar.provenance)
        .chain(calendar.counting.iter().map(|c| &c.provenance))
        .chain(calendar.days.iter().map(|d| &d.provenance));
    for citation in provenances.flat_map(|p| p.citations.iter()) {
        if let CiteTarget::Act(name, _) = &citation.target
            && !acts.contains_key(&name.node)
        {
            errors.push(SemanticError::Undefined {
                what: "act",
                name: name.node.clone(),
                suggestion: crate::suggest::suggest(&name.node, acts.keys().map(String::as_str))
                    .map(String::from),
                how: resolve::declare_act(),
                repeats: 0,
                span: name.span,
            });
        }
    }
}

/// One undefined name used in many places is one mistake: report it once, at its first use,
/// and say how many other places use it (a calendar citing a missing act 108 times would
/// otherwise bury every other error).
fn collapse_repeated_undefined(errors: Vec<SemanticError>) -> Vec<SemanticError> {
    let mut out: Vec<SemanticError> = Vec::with_capacity(errors.len());
    let mut first: HashMap<(&'static str, String), (usize, usize)> = HashMap::new();
    for error in errors {
        if let SemanticError::Undefined { what, name, .. } = &error {
            let key = (*what, name.clone());
            if let Some((_, repeats)) = first.get_mut(&key) {
                *repeats += 1;
                continue;
            }
            first.insert(key, (out.len(), 0));
        }
        out.push(error);
    }
    for (index, repeats) in first.into_values().filter(|(_, r)| *r > 0) {
        if let Some(SemanticError::Undefined { repeats: r, .. }) = out.get_mut(index) {
            *r = repeats;
        }
    }
    out
}

/// Two versions of one service must not be in force on the same day. The versions of each id
/// are swept in order of their first day against the one that runs longest so far, so each
/// version that overlaps an earlier one is one error, found in `n log n`, however many copies
/// a file repeats (all pairs would be `n²` errors).
fn overlapping_versions(services: &[model::ServiceModel], errors: &mut Vec<SemanticError>) {
    let mut ids: Vec<&str> = Vec::new();
    let mut versions: HashMap<&str, Vec<&model::ServiceModel>> = HashMap::new();
    for s in services {
        let of_id = versions.entry(&s.id).or_default();
        if of_id.is_empty() {
            ids.push(&s.id);
        }
        of_id.push(s);
    }
    for id in ids {
        let Some(of_id) = versions.get_mut(id) else {
            continue;
        };
        // no first day is the earliest (`None < Some`); the sort is stable: file order on a tie
        of_id.sort_by_key(|s| s.meta.validity.from);
        let mut longest: Option<&model::ServiceModel> = None;
        for &b in of_id.iter() {
            if let Some(day) =
                longest.and_then(|a| a.meta.validity.first_shared_day(&b.meta.validity))
            {
                errors.push(SemanticError::OverlappingVersions {
                    name: b.id.clone(),
                    day: day.map_or_else(|| String::from("every day"), |d| d.to_string()),
                    span: b.meta.span,
                });
            }
            // the version that runs longest (no last day: for ever) is the one later ones meet
            let runs_longer =
                longest.is_none_or(|a| match (a.meta.validity.until, b.meta.validity.until) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some(p), Some(q)) => q > p,
                });
            if runs_longer {
                longest = Some(b);
            }
        }
    }
}
