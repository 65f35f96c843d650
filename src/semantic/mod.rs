//! Semantic analysis: AST → checked model. Resolution (`resolve`), types and units (`types`),
//! and validity in time (`validity`). Every error of every file is collected before failing.

pub mod error;
pub mod model;
pub(crate) mod process;
pub(crate) mod resolve;
pub(crate) mod types;
pub(crate) mod validity;

use std::collections::HashMap;

pub use error::SemanticError;
pub use model::Model;

use crate::source::{SourceMap, Span};
use crate::syntax::ast::{Decl, File};

/// Analyse parsed rule files (`files[i]` was parsed from `sources` file `i`).
pub fn analyze(files: &[File], sources: &SourceMap) -> Result<Model, Vec<SemanticError>> {
    let mut errors = Vec::new();
    let mut acts = Vec::new();
    let mut act_spans: HashMap<String, Span> = HashMap::new();
    let mut calendars = Vec::new();
    let mut services = Vec::new();
    for (index, file) in files.iter().enumerate() {
        for decl in &file.decls {
            match decl {
                Decl::Act(act) => {
                    if let Some(first) = act_spans.insert(act.name.node.clone(), act.name.span) {
                        if let Some(src) = sources.get(act.name.span.file) {
                            errors.push(SemanticError::Duplicate {
                                what: "act",
                                name: act.name.node.clone(),
                                src: src.named(),
                                span: act.name.span.source_span(),
                                first: (first.file == act.name.span.file)
                                    .then(|| first.source_span()),
                            });
                        }
                        continue;
                    }
                    acts.push(act.as_ref().clone());
                }
                Decl::Calendar(cal) => calendars.push((cal.as_ref().clone(), index)),
                Decl::Service(service) => services.push(service),
            }
        }
    }
    let acts = validity::resolve_acts(acts);
    let calendar_names: Vec<String> = calendars.iter().map(|(c, _)| c.name.node.clone()).collect();
    let mut model_services = Vec::new();
    for service in services {
        let Some(source) = sources.get(service.span.file) else {
            continue;
        };
        let mut resolver = resolve::ServiceResolver {
            acts: &acts,
            calendars: &calendar_names,
            sources,
            source,
            errors: &mut errors,
        };
        model_services.push(resolver.service(service));
    }
    for (calendar, _) in &calendars {
        calendar_citations(calendar, &acts, sources, &mut errors);
    }
    overlapping_versions(&model_services, sources, &mut errors);
    let errors = collapse_repeated_undefined(errors);
    if errors.is_empty() {
        Ok(Model {
            acts,
            services: model_services,
            calendars,
        })
    } else {
        Err(errors)
    }
}

/// Every act a calendar cites must be declared.
fn calendar_citations(
    calendar: &crate::syntax::ast::Calendar,
    acts: &std::collections::BTreeMap<String, model::ActInfo>,
    sources: &SourceMap,
    errors: &mut Vec<SemanticError>,
) {
    use crate::syntax::ast::CiteTarget;
    let provenances = std::iter::once(&calendar.provenance)
        .chain(calendar.counting.iter().map(|c| &c.provenance))
        .chain(calendar.days.iter().map(|d| &d.provenance));
    for citation in provenances.flat_map(|p| p.citations.iter()) {
        if let CiteTarget::Act(name, _) = &citation.target
            && !acts.contains_key(&name.node)
            && let Some(src) = sources.get(name.span.file)
        {
            let help = resolve::suggest(&name.node, acts.keys().map(String::as_str)).map_or_else(
                || String::from("declare it with `act NAME { … }` in a rule file of this rule set"),
                |s| format!("did you mean `{s}`?"),
            );
            errors.push(SemanticError::Undefined {
                what: "act",
                name: name.node.clone(),
                help,
                src: src.named(),
                span: name.span.source_span(),
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
        if let Some(SemanticError::Undefined { help, .. }) = out.get_mut(index) {
            let places = if repeats == 1 {
                String::from("1 more place")
            } else {
                format!("{repeats} more places")
            };
            help.push_str(&format!(" (the same name is used in {places})"));
        }
    }
    out
}

/// Two versions of one service must not be in force on the same day.
fn overlapping_versions(
    services: &[model::ServiceModel],
    sources: &SourceMap,
    errors: &mut Vec<SemanticError>,
) {
    for (i, a) in services.iter().enumerate() {
        for b in services.iter().skip(i + 1).filter(|b| b.id == a.id) {
            let (x, y) = (a.meta.validity, b.meta.validity);
            let start = match (x.from, y.from) {
                (Some(p), Some(q)) => Some(p.max(q)),
                (p, q) => p.or(q),
            };
            let end = match (x.until, y.until) {
                (Some(p), Some(q)) => Some(p.min(q)),
                (p, q) => p.or(q),
            };
            let overlap = match (start, end) {
                (Some(s), Some(e)) => s < e,
                _ => true,
            };
            if overlap && let Some(src) = sources.get(b.meta.span.file) {
                errors.push(SemanticError::OverlappingVersions {
                    name: b.id.clone(),
                    day: start.map_or_else(|| String::from("every day"), |d| d.to_string()),
                    src: src.named(),
                    span: b.meta.span.source_span(),
                });
            }
        }
    }
}
